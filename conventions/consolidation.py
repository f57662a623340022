"""The text of a convention as in force on a given day.

The base text (the convention's articles, paragraphs, clauses, parties and annexes) is read
once, then every amendment in force on that day (signed, effective on or before it, not
historical) is applied in number order. Each paragraph remembers the amendments that changed
it, so pages and PDFs can say « modifié par l'avenant n°1 ».

The same functions check an amendment being drafted: `apply_change` raises ChangeError (with a
French message) when, for example, the quoted passage is not in the text in force.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from core.prefetching import as_rows, rows

from .models import Amendment, AmendmentChange, ChangeKind, FrameworkConvention, SignatureStatus


class ChangeError(Exception):
    """A typed change cannot apply to the text it targets."""


@dataclass
class ParagraphText:
    label: str
    text: str
    changed_by: list = field(default_factory=list)  # amendment numbers, in order


@dataclass
class ArticleText:
    number: int
    title: str
    paragraphs: list
    changed_by: list = field(default_factory=list)


@dataclass
class PartyText:
    position: int
    kind: str
    name: str
    representative_name: str
    representative_title: str
    party_id: int | None = None
    organisation_id: int | None = None
    changed_by: list = field(default_factory=list)


@dataclass
class AnnexText:
    title: str
    text: str
    changed_by: list = field(default_factory=list)


@dataclass
class Clauses:
    duration_kind: str
    duration_years: int | None
    renewal_mode: str
    notice_months: int | None
    notice_reference: str
    notice_form: str
    changed_by: list = field(default_factory=list)


@dataclass
class ConsolidatedText:
    convention_id: int
    as_of: date | None
    title: str
    parties: list
    legal_references: list
    preamble: str
    articles: list
    annexes: list
    clauses: Clauses
    applied: list  # the amendments applied, in order

    def article(self, number):
        for article in self.articles:
            if article.number == number:
                return article
        raise ChangeError(_("La convention n'a pas d'article %(number)s.") % {"number": number})

    def paragraph(self, article_number, label):
        article = self.article(article_number)
        if not label:
            if len(article.paragraphs) == 1:
                return article.paragraphs[0]
            raise ChangeError(
                _("Précisez l'alinéa de l'article %(number)s.") % {"number": article_number}
            )
        for paragraph in article.paragraphs:
            if paragraph.label == label:
                return paragraph
        raise ChangeError(
            _("L'article %(number)s n'a pas d'alinéa %(label)s.")
            % {"number": article_number, "label": label}
        )

    def fingerprint(self):
        """A stable string of the whole content, for the documents' version key."""
        return repr(
            (
                self.title,
                [
                    (p.kind, p.name, p.representative_name, p.representative_title)
                    for p in self.parties
                ],
                self.legal_references,
                self.preamble,
                [
                    (a.number, a.title, [(p.label, p.text) for p in a.paragraphs])
                    for a in self.articles
                ],
                [(a.title, a.text) for a in self.annexes],
                self.clauses,
            )
        )


def normalize_spaces(text):
    """Compare passages regardless of line breaks and repeated spaces (copied from PDFs)."""
    return re.sub(r"\s+", " ", text or "").strip()


def base_text(convention):
    """The convention as signed, before any amendment (prefetch-friendly)."""
    parties = [
        PartyText(
            position=p.position,
            kind=p.kind,
            name=p.authority or str(p.organisation),
            representative_name=p.representative_name,
            representative_title=p.representative_title,
            party_id=p.pk,
            organisation_id=p.organisation_id,
        )
        for p in rows(convention, "parties")
        if p.added_by_id is None
    ]
    articles = [
        ArticleText(
            number=a.number,
            title=a.title,
            paragraphs=[ParagraphText(label=p.label, text=p.text) for p in a.paragraphs.all()],
        )
        for a in convention.articles.all()
    ]
    return ConsolidatedText(
        convention_id=convention.pk,
        as_of=None,
        title=convention.title,
        parties=parties,
        legal_references=[line for line in convention.legal_references.splitlines() if line],
        preamble=convention.preamble,
        articles=articles,
        annexes=[AnnexText(title=a.title, text=a.text) for a in convention.annexes.all()],
        clauses=_base_clauses(convention),
        applied=[],
    )


def _base_clauses(convention):
    return Clauses(
        duration_kind=convention.duration_kind,
        duration_years=convention.duration_years,
        renewal_mode=convention.renewal_mode,
        notice_months=convention.notice_months,
        notice_reference=convention.notice_reference,
        notice_form=convention.notice_form,
    )


# The clauses each kind of change sets (the other kinds leave them as they are).
CLAUSE_NAMES = {
    ChangeKind.CHANGE_DURATION: ("duration_kind", "duration_years", "renewal_mode"),
    ChangeKind.CHANGE_TERMINATION: ("notice_months", "notice_reference", "notice_form"),
}


def _set_clauses(clauses, change, number):
    for name in CLAUSE_NAMES[change.kind]:
        if name in change.clause:
            setattr(clauses, name, change.clause[name])
    clauses.changed_by.append(number)


def _replace_paragraph_text(text, change, number):
    paragraph = text.paragraph(change.article_number, change.paragraph_label)
    if change.old_text:
        old, current = normalize_spaces(change.old_text), normalize_spaces(paragraph.text)
        if old not in current:
            raise ChangeError(
                _(
                    "Le passage cité n'est pas dans le texte en vigueur de l'article "
                    "%(number)s, alinéa %(label)s."
                )
                % {"number": change.article_number, "label": change.paragraph_label or "—"}
            )
        paragraph.text = current.replace(old, normalize_spaces(change.new_text), 1)
    else:
        paragraph.text = change.new_text
    paragraph.changed_by.append(number)


def _apply_clause(text, change, number):
    _set_clauses(text.clauses, change, number)
    if change.article_number and change.new_text:
        _replace_paragraph_text(text, change, number)


def apply_change(text, change, number):
    """Apply one typed change (of amendment n° `number`) to `text`, in place."""
    kind = change.kind
    if kind == ChangeKind.REPLACE_PASSAGE:
        if not change.old_text:
            raise ChangeError(_("Citez le passage à remplacer."))
        _replace_paragraph_text(text, change, number)
    elif kind == ChangeKind.REPLACE_ARTICLE:
        article = text.article(change.article_number)
        article.title = change.title or article.title
        article.paragraphs = [
            ParagraphText(label=f"{article.number}.{i}" if len(blocks) > 1 else "", text=block)
            for blocks in [[b for b in re.split(r"\n\s*\n", change.new_text) if b.strip()]]
            for i, block in enumerate(blocks, start=1)
        ]
        for paragraph in article.paragraphs:
            paragraph.changed_by.append(number)
        article.changed_by.append(number)
    elif kind in CLAUSE_NAMES:
        _apply_clause(text, change, number)
    elif kind == ChangeKind.ADD_ANNEX:
        if any(a.title == change.title for a in text.annexes):
            raise ChangeError(_("La convention a déjà une annexe « %s ».") % change.title)
        text.annexes.append(
            AnnexText(title=change.title, text=change.new_text, changed_by=[number])
        )
    elif kind == ChangeKind.REPLACE_ANNEX:
        for annex in text.annexes:
            if annex.title == change.title:
                annex.text = change.new_text
                annex.changed_by.append(number)
                break
        else:
            raise ChangeError(_("La convention n'a pas d'annexe « %s ».") % change.title)
    elif kind == ChangeKind.CHANGE_SUPPORT:
        support = [p for p in text.parties if p.kind == "support"]
        if not support or change.organisation is None:
            raise ChangeError(_("Indiquez le nouvel établissement support."))
        party = support[0]
        party.name = str(change.organisation)
        party.organisation_id = change.organisation.pk
        party.representative_name = change.clause.get("representative_name", "")
        party.representative_title = change.clause.get("representative_title", "")
        party.changed_by.append(number)
    elif kind == ChangeKind.ADD_PARTY:
        added = change.party
        if added is None:
            raise ChangeError(_("Indiquez la partie ajoutée."))
        text.parties.append(
            PartyText(
                position=added.position,
                kind=added.kind,
                name=added.authority or str(added.organisation),
                representative_name=added.representative_name,
                representative_title=added.representative_title,
                party_id=added.pk,
                organisation_id=added.organisation_id,
                changed_by=[number],
            )
        )
    elif kind == ChangeKind.REMOVE_PARTY:
        kept = [p for p in text.parties if p.party_id != change.party_id]
        if len(kept) == len(text.parties):
            raise ChangeError(_("Cette partie n'est pas partie à la convention en vigueur."))
        text.parties = kept
    else:  # pragma: no cover - ChangeKind is closed
        raise ChangeError(_("Type de modification inconnu."))


def amendments_in_force(convention, day):
    """Signed, non-historical amendments effective on or before `day`, in number order."""
    return [
        a
        for a in rows(convention, "amendments")
        if a.status == SignatureStatus.SIGNED
        and not a.is_historical
        and a.effective_date is not None
        and a.effective_date <= day
    ]


def consolidated_text(convention, day):
    """The convention as in force on `day` (the base text if it is not yet in force)."""
    text = base_text(convention)
    text.as_of = day
    for amendment in amendments_in_force(convention, day):
        apply_amendment(text, amendment)
    return text


def clauses_in_force(convention, day):
    """The duration and termination clauses in force on `day`, as consolidated_text(…).clauses.

    The lists need only these (for the end date and the badge): consolidating every row's whole
    text there cost a third of the page, and the articles and annexes besides.
    """
    clauses = _base_clauses(convention)
    for amendment in amendments_in_force(convention, day):
        # with_amendments fetched only the changes of clauses (clause_changes).
        changes = getattr(amendment, "clause_changes", None)
        for change in amendment.changes.all() if changes is None else changes:
            if change.kind in CLAUSE_NAMES:
                _set_clauses(clauses, change, amendment.number)
    return clauses


def apply_amendment(text, amendment):
    for change in amendment.changes.all():
        apply_change(text, change, amendment.number)
    text.applied.append(amendment)


def text_in_force_before(amendment):
    """The text an amendment applies to: the base text with every signed, non-historical
    amendment of a lower number applied."""
    convention = amendment.convention
    text = base_text(convention)
    for other in convention.amendments.all():
        if (
            other.number < amendment.number
            and other.status == SignatureStatus.SIGNED
            and not other.is_historical
        ):
            apply_amendment(text, other)
    return text


def text_before(amendment, extra_changes=()):
    """The text once this amendment's changes so far (and `extra_changes`) are applied to the
    text in force before it; raises ChangeError when one of them no longer applies."""
    text = text_in_force_before(amendment)
    for change in [*amendment.changes.all(), *extra_changes]:
        apply_change(text, change, amendment.number)
    return text


def check_all_signed_apply(convention):
    """Raise ChangeError unless every signed amendment applies, in number order, to the text
    its predecessors leave: the invariant that keeps the consolidated text computable."""
    text = base_text(convention)
    for amendment in convention.amendments.all():
        if amendment.status == SignatureStatus.SIGNED and not amendment.is_historical:
            apply_amendment(text, amendment)
    return text


def with_amendments(queryset=None, *, into_rows=False):
    """Conventions with what clauses_in_force reads (the lists), in a fixed number of queries.

    `into_rows`: the amendments into a list read by core.prefetching.rows() (the API lists), not
    behind `convention.amendments` (the web list's template counts them that way).
    """
    queryset = FrameworkConvention.objects.all() if queryset is None else queryset
    # Within a convention by number, and within an amendment by position: ordering by the
    # convention or the amendment first (their Meta.ordering) only joins their campus.
    amendments = Amendment.objects.order_by("number").prefetch_related(
        Prefetch(
            "changes",
            queryset=AmendmentChange.objects.filter(kind__in=list(CLAUSE_NAMES)).order_by(
                "position"
            ),
            to_attr="clause_changes",
        )
    )
    return queryset.select_related("campus").prefetch_related(
        as_rows("amendments", amendments) if into_rows else Prefetch("amendments", amendments)
    )


def prefetched(queryset=None):
    """Conventions with everything consolidation reads, in a fixed number of queries."""
    queryset = FrameworkConvention.objects.all() if queryset is None else queryset
    return queryset.select_related("campus").prefetch_related(
        "parties__organisation",
        "articles__paragraphs",
        "annexes",
        "amendments__changes__organisation",
        "amendments__changes__party__organisation",
    )
