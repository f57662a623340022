"""Template contexts of the three kinds of PDF: a convention as signed, an amendment, a
consolidated text on a day. Each is built from the database as it is now, with plain values
only: its fingerprint is the document's version (documents.services).
"""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.formats import day
from documents import acts
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
from .wording import amended_by, describe_change, party_line

logger = logging.getLogger(__name__)


def load_convention(convention):
    """The convention with everything the documents read, fresh from the database."""
    pk = convention.pk if isinstance(convention, FrameworkConvention) else convention
    return (
        prefetched(FrameworkConvention.objects.filter(pk=pk))
        .select_related("deliberation")
        .prefetch_related("signatures", "amendments__signatures", "amendments__deliberation")
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


def _common_context(convention, kind):
    return {
        "campus_name": typeset(convention.campus.heading),
        "running_campus": typeset(convention.campus.short_name),
        "running_title": DocumentKind(kind).label,
        "kind_label": DocumentKind(kind).label,
        "region_name": settings.REGION_NAME,
    }


GENERATED_NOTE = _("Texte généré à partir de la convention-type, non encore adopté")


def _party_item(party):
    line = party_line(party.name, party.representative_name, party.representative_title)
    return acts.block(acts.ITEM, ", ".join(x for x in (line["name"], line["representative"]) if x))


def _signature_columns(parties):
    """One column per party: its representative (or a blank) and the party it signs for."""
    return [
        (
            typeset(p.representative_name) or BLANK,
            typeset(", ".join(x for x in (p.representative_title, str(p)) if x)),
        )
        for p in parties
    ]


def _signing_blocks(signing, parties):
    tables, columns = [], _signature_columns(parties)
    for start in range(0, len(columns), 3):  # at most three columns a row, room for the ink
        tables.append(acts.signatures(columns[start : start + 3]))
    return [
        acts.block(
            acts.PARAGRAPH,
            _("Fait à %(place)s, le %(date)s")
            % {"place": signing["place"], "date": signing["date"]},
        ),
        acts.block(
            acts.PARAGRAPH, _("En %(copies)s exemplaires originaux") % {"copies": signing["copies"]}
        ),
        *tables,
    ]


def _paragraph_blocks(paragraph):
    parts = blocks(paragraph.text)
    if paragraph.label and parts:
        parts[0] = f"{paragraph.label} {parts[0]}"
    elif paragraph.label:
        parts = [paragraph.label]
    return [acts.block(acts.PARAGRAPH, typeset(part)) for part in parts]


def generated_convention_blocks(convention, text, signing, parties):
    """The standard template's text of a convention made in the portal: plain numbered
    articles (documents/acts.py blocks), nothing the portal does not record."""
    result = [
        acts.block(acts.TITLE, _("CONVENTION CADRE")),
        acts.block(acts.TITLE, typeset(convention.campus.heading)),
        acts.block(acts.TITLE, typeset(text.title)),
        acts.block(acts.PARAGRAPH, _("Entre :")),
        *(_party_item(p) for p in text.parties),
        *(acts.block(acts.ITEM, typeset(line)) for line in text.legal_references),
    ]
    if text.preamble.strip():
        result.append(acts.block(acts.HEADING, _("PRÉAMBULE")))
        result += [acts.block(acts.PARAGRAPH, typeset(b)) for b in blocks(text.preamble)]
    result.append(acts.block(acts.PARAGRAPH, _("Il est convenu ce qui suit :")))
    for article in text.articles:
        result.append(
            acts.block(
                acts.HEADING,
                typeset(
                    _("Article %(n)s – %(title)s") % {"n": article.number, "title": article.title}
                ),
            )
        )
        for paragraph in article.paragraphs:
            result += _paragraph_blocks(paragraph)
    result += _signing_blocks(signing, parties)
    result += _annex_blocks((annex.title, annex.text) for annex in text.annexes)
    return result


def _annex_blocks(annexes):
    """Numbered annexes, from (title, text) pairs."""
    result = []
    for position, (title, text) in enumerate(annexes, start=1):
        result.append(
            acts.block(
                acts.HEADING,
                typeset(_("Annexe %(n)s – %(title)s") % {"n": position, "title": title}),
            )
        )
        result += [acts.block(acts.PARAGRAPH, typeset(b)) for b in blocks(text)]
    return result


def act_blocks(obj, generate):
    """(blocks, generated): the adopted text when there is one, the standard template's
    otherwise (`generate()` builds it)."""
    if obj.adopted_text.strip():
        return acts.parse(obj.adopted_text), False
    return generate(), True


def convention_context(convention):
    text = base_text(convention)
    parties = [p for p in convention.parties.all() if p.added_by_id is None]
    signatures = list(convention.signatures.all())
    signing = _signing(
        convention.signing_place, signatures, convention.effective_date, convention.original_copies
    )
    act, generated = act_blocks(
        convention, lambda: generated_convention_blocks(convention, text, signing, parties)
    )
    return {
        **_common_context(convention, DocumentKind.CONVENTION),
        "document_title": typeset(convention.title),
        "status_note": _status_note(convention),
        "generated_note": GENERATED_NOTE if generated else "",
        "blocks": act,
        "generated": generated,
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
    act, generated = act_blocks(
        amendment, lambda: generated_amendment_blocks(convention, amendment)
    )
    context.update(
        {
            "generated_note": GENERATED_NOTE if generated else "",
            "blocks": act,
            "generated": generated,
        }
    )
    return context


def generated_amendment_blocks(convention, amendment):
    """The standard template's text of an amendment made in the portal: its parties, article 1
    listing its typed changes as the 2023 amendments word them, articles 2 and 3, the
    signature table, its annexes; plain numbered articles."""
    from ..services import required_signatories

    parties = required_signatories(amendment)
    signatures = list(amendment.signatures.all())
    result = [
        acts.block(acts.TITLE, typeset(convention.campus.heading)),
        acts.block(acts.TITLE, _("CONVENTION CADRE")),
        acts.block(acts.TITLE, _("Avenant n°%s") % amendment.number),
        acts.block(acts.PARAGRAPH, _("Entre :")),
    ]
    for party in parties:
        line = party_line(str(party), party.representative_name, party.representative_title)
        result.append(
            acts.block(acts.ITEM, ", ".join(x for x in (line["name"], line["representative"]) if x))
        )
    result += [
        acts.block(acts.HEADING, _("ARTICLE 1 – OBJET DE L’AVENANT")),
        acts.block(
            acts.PARAGRAPH,
            _("Le présent avenant a pour objet de modifier la convention cadre comme suit :"),
        ),
    ]
    annexes = []
    for position, (change, heading, lines) in enumerate(worded_changes(amendment), start=1):
        result.append(acts.block(acts.SUBHEADING, f"1-{position} {heading}"))
        result += [
            acts.block(acts.QUOTE if line["quote"] else acts.PARAGRAPH, line["text"])
            for line in lines
        ]
        if change.kind in (ChangeKind.ADD_ANNEX, ChangeKind.REPLACE_ANNEX):
            annexes.append(change)
    result += [
        acts.block(acts.HEADING, _("ARTICLE 2 – DISPOSITIONS NON MODIFIEES")),
        acts.block(
            acts.PARAGRAPH,
            _(
                "Les dispositions de la convention cadre entérinées par l’ensemble des parties et "
                "non modifiées par le présent avenant demeurent applicables."
            ),
        ),
        acts.block(acts.HEADING, _("ARTICLE 3 – DATE D’EFFET DE L’AVENANT")),
        acts.block(
            acts.PARAGRAPH,
            _(
                "Le présent avenant prendra effet à la date de signature par les parties "
                "contractantes."
            ),
        ),
        *_signing_blocks(
            _signing("", signatures, amendment.effective_date, convention.original_copies),
            parties,
        ),
    ]
    return result + _annex_blocks((change.title, change.new_text) for change in annexes)
