"""Template contexts of the three kinds of PDF: a convention as signed, an amendment, a
consolidated text on a day.
"""

import logging

from django.conf import settings
from django.utils.translation import gettext as _

from ..consolidation import (
    ChangeError,
    apply_change,
    base_text,
    consolidated_text,
    text_in_force_before,
)
from ..models import ChangeKind, DocumentKind, SignatureStatus
from .keys import _historical
from .wording import (
    BLANK,
    _describe_change,
    amended_by,
    blocks,
    campus_heading,
    day,
    duration_clause,
    euros,
    party_line,
    percent,
    termination_clause,
    typeset,
)

logger = logging.getLogger(__name__)


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
        "campus_name": campus_heading(convention.campus),
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
    historical = _historical(convention, as_of)
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
    # The text the amendment applies to: earlier signed amendments, then its own changes in turn.
    text = text_in_force_before(amendment)
    changes, annexes = [], []
    for position, change in enumerate(amendment.changes.all(), start=1):
        heading, lines = _describe_change(change, text)
        changes.append({"heading": f"1-{position} {heading}", "lines": lines})
        if change.kind in (ChangeKind.ADD_ANNEX, ChangeKind.REPLACE_ANNEX):
            annexes.append({"title": typeset(change.title), "blocks": blocks(change.new_text)})
        try:
            apply_change(text, change, amendment.number)
        except ChangeError:
            logger.warning("Amendment %s: change %s does not apply", amendment.pk, change.pk)
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
