"""Template contexts of the three kinds of PDF: a convention as signed, an amendment, a
consolidated text on a day. Each is built from the database as it is now, with plain values
only: its fingerprint is the document's version (documents.services).
"""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.formats import day, euros, percent
from documents.typography import BLANK, blocks, typeset

from ..consolidation import (
    ChangeError,
    apply_change,
    base_text,
    consolidated_text,
    prefetched,
    text_in_force_before,
)
from ..models import Amendment, ChangeKind, DocumentKind, FrameworkConvention, SignatureStatus
from .wording import (
    amended_by,
    describe_change,
    duration_clause,
    party_line,
    termination_clause,
)

logger = logging.getLogger(__name__)


def load_convention(convention):
    """The convention with everything the documents read, fresh from the database."""
    pk = convention.pk if isinstance(convention, FrameworkConvention) else convention
    return (
        prefetched(FrameworkConvention.objects.filter(pk=pk))
        .select_related("deliberation")
        .prefetch_related(
            "contributions__party__organisation",
            "signatures",
            "amendments__signatures",
            "amendments__deliberation",
        )
        .get()
    )


def amendment_of(convention, amendment):
    """The (prefetched) amendment of a loaded convention; refused when it is another's."""
    pk = amendment.pk if isinstance(amendment, Amendment) else amendment
    for candidate in convention.amendments.all():
        if candidate.pk == pk:
            return candidate
    raise ValidationError({"amendment": _("Cet avenant n'appartient pas à la convention.")})


def historical_amendments(convention, as_of):
    """(number, date) of the amendments recorded from before the portal, in force by `as_of`."""
    return [
        (a.number, a.effective_date)
        for a in convention.amendments.all()
        if a.is_historical and (a.effective_date is None or a.effective_date <= as_of)
    ]


def worded_changes(amendment, text=None):
    """Each typed change of the amendment as its article 1 words it, against the text it
    applies to (earlier signed amendments, then its own changes in turn): the PDF and the
    amendment's page say the same thing. [(change, heading, lines)]."""
    text = text if text is not None else text_in_force_before(amendment)
    worded = []
    for change in amendment.changes.all():
        heading, lines = describe_change(change, text)
        worded.append((change, heading, lines))
        try:
            apply_change(text, change, amendment.number)
        except ChangeError:
            logger.warning("Amendment %s: change %s does not apply", amendment.pk, change.pk)
    return worded


def _signature_blocks(parties, signatures):
    by_party = {s.party_id: s for s in signatures}
    result = []
    for party in parties:
        signature = by_party.get(party.pk)
        signed = ""
        if signature is not None:
            signatory = signature.signatory_name
            if signature.signatory_title and signatory != party.representative_name:
                signatory += f", {signature.signatory_title}"  # someone else signed
            signed = _("Signé le %(day)s à %(place)s par %(who)s") % {
                "day": day(signature.signed_on),
                "place": signature.place,
                "who": signatory,
            }
        result.append(
            {
                "party": typeset(str(party)),
                "representative_name": typeset(party.representative_name),
                "representative_title": typeset(party.representative_title),
                "signed": typeset(signed),
            }
        )
    return result


def _signing(place, signatures, effective_date, copies):
    """« Fait à …, le … » and « En N exemplaires originaux »."""
    places = {s.place for s in signatures}
    if not place and len(places) == 1:
        place = places.pop()
    return {
        "place": typeset(place) or BLANK,
        "date": day(effective_date) or BLANK,
        "copies": copies or "--",
    }


def _status_note(obj):
    if obj.status == SignatureStatus.DRAFT:
        return _("Projet – document non signé")
    if obj.status == SignatureStatus.SENT:
        return _("Document en cours de signature")
    return ""


def _articles(text, show_amendments=False):
    return [
        {
            "heading": typeset(f"{_('Article')} {a.number} – {a.title}"),
            "note": amended_by(a.changed_by) if show_amendments and not a.paragraphs else "",
            "paragraphs": [
                {
                    "label": p.label,
                    "blocks": blocks(p.text),
                    "note": amended_by(p.changed_by) if show_amendments else "",
                }
                for p in a.paragraphs
            ],
        }
        for a in text.articles
    ]


def _contributions(convention):
    return [
        {
            "party": typeset(str(c.party)),
            "amount": euros(c.max_amount_per_year),
            "share": percent(c.max_share_percent),
            "in_kind": typeset(c.in_kind),
        }
        for c in convention.contributions.all()
    ]


def _common_context(convention, kind):
    return {
        "campus_name": typeset(convention.campus.heading),
        "running_campus": typeset(convention.campus.short_name),
        "running_title": DocumentKind(kind).label,
        "kind_label": DocumentKind(kind).label,
        "region_name": settings.REGION_NAME,
    }


def convention_context(convention):
    text = base_text(convention)
    parties = [p for p in convention.parties.all() if p.added_by_id is None]
    signatures = list(convention.signatures.all())
    return {
        **_common_context(convention, DocumentKind.CONVENTION),
        "document_title": typeset(convention.title),
        "status_note": _status_note(convention),
        "parties": [
            party_line(p.name, p.representative_name, p.representative_title) for p in text.parties
        ],
        "legal_references": [typeset(line) for line in text.legal_references],
        "preamble": blocks(text.preamble),
        "articles": _articles(text),
        "contributions": _contributions(convention),
        "duration": duration_clause(text.clauses),
        "termination": termination_clause(text.clauses),
        "annexes": [{"title": typeset(a.title), "blocks": blocks(a.text)} for a in text.annexes],
        "signing": _signing(
            convention.signing_place,
            signatures,
            convention.effective_date,
            convention.original_copies,
        ),
        "signature_blocks": _signature_blocks(parties, signatures),
    }


def consolidated_context(convention, as_of):
    text = consolidated_text(convention, as_of)
    base_annexes = {a.title for a in convention.annexes.all()}
    historical = historical_amendments(convention, as_of)
    return {
        **_common_context(convention, DocumentKind.CONSOLIDATED),
        "document_title": typeset(_("Texte consolidé au %s") % day(as_of)),
        "running_title": _("Texte consolidé au %s") % day(as_of),
        "convention_title": typeset(text.title),
        "as_of": day(as_of),
        "applied": [
            typeset(_("Avenant n°%(n)s, en vigueur depuis le %(day)s"))
            % {"n": a.number, "day": day(a.effective_date)}
            for a in text.applied
        ],
        "historical": [
            typeset(_("Avenant n°%(n)s du %(day)s (antérieur au portail, non intégré)"))
            % {"n": number, "day": day(signed) or "—"}
            for number, signed in historical
        ],
        "parties": [
            {
                **party_line(p.name, p.representative_name, p.representative_title),
                "note": amended_by(p.changed_by),
            }
            for p in text.parties
        ],
        "legal_references": [typeset(line) for line in text.legal_references],
        "preamble": blocks(text.preamble),
        "articles": _articles(text, show_amendments=True),
        "contributions": _contributions(convention),
        "duration": duration_clause(text.clauses),
        "termination": termination_clause(text.clauses),
        "clauses_note": amended_by(text.clauses.changed_by, feminine=True),
        "annexes": [
            {
                "title": typeset(a.title),
                "blocks": blocks(a.text),
                "note": (
                    _("(ajoutée par l'avenant n°%s)") % a.changed_by[0]
                    if a.title not in base_annexes and a.changed_by
                    else amended_by(a.changed_by, feminine=True)
                ),
            }
            for a in text.annexes
        ],
    }


def amendment_context(convention, amendment):
    from ..services import required_signatories

    context = {
        **_common_context(convention, DocumentKind.AMENDMENT),
        "document_title": typeset(_("Avenant n°%s") % amendment.number),
        "running_title": _("Avenant n°%s") % amendment.number,
        "convention_title": typeset(convention.title),
        "historical": amendment.is_historical,
        "status_note": "" if amendment.is_historical else _status_note(amendment),
        "date": day(amendment.effective_date),
        "summary": blocks(amendment.summary),
        "deliberation": (
            typeset(
                _("Adopté par la délibération n° %(number)s du %(day)s")
                % {
                    "number": amendment.deliberation.number,
                    "day": day(amendment.deliberation.date),
                }
            )
            if amendment.deliberation
            else ""
        ),
    }
    if amendment.is_historical:
        return context
    changes, annexes = [], []
    for position, (change, heading, lines) in enumerate(worded_changes(amendment), start=1):
        changes.append({"heading": f"1-{position} {heading}", "lines": lines})
        if change.kind in (ChangeKind.ADD_ANNEX, ChangeKind.REPLACE_ANNEX):
            annexes.append({"title": typeset(change.title), "blocks": blocks(change.new_text)})
    parties = required_signatories(amendment)
    signatures = list(amendment.signatures.all())
    context.update(
        {
            "parties": [
                party_line(str(p), p.representative_name, p.representative_title) for p in parties
            ],
            "changes": changes,
            "annexes": annexes,
            "signing": _signing(
                "", signatures, amendment.effective_date, convention.original_copies
            ),
            "signature_blocks": _signature_blocks(parties, signatures),
        }
    )
    return context
