"""Loading a convention with everything the documents read, and the source key: a fingerprint
of the content a document is made from (same content, same key).
"""

import hashlib
import json

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ..consolidation import base_text, consolidated_text, prefetched
from ..models import Amendment, DocumentKind, FrameworkConvention

# Part of every key: changing the layout of the PDFs in a way that matters gives new versions.
LAYOUT_VERSION = "1"


def _load(convention):
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


def _amendment_of(convention, amendment):
    pk = amendment.pk if isinstance(amendment, Amendment) else amendment
    for candidate in convention.amendments.all():
        if candidate.pk == pk:
            return candidate
    raise ValidationError({"amendment": _("Cet avenant n'appartient pas à la convention.")})


def _signatures_key(signatures):
    return sorted(
        (s.party_id, s.signed_on, s.place, s.signatory_name, s.signatory_title) for s in signatures
    )


def _contributions_key(convention):
    return [
        (c.party_id, c.max_amount_per_year, c.max_share_percent, c.in_kind)
        for c in convention.contributions.all()
    ]


def _key_parts(kind, convention, amendment=None, as_of=None):
    parts = [LAYOUT_VERSION, kind, convention.pk, convention.campus.name]
    if kind == DocumentKind.CONVENTION:
        parts += [
            base_text(convention).fingerprint(),
            convention.status,
            convention.effective_date,
            _signatures_key(convention.signatures.all()),
            _contributions_key(convention),
            convention.signing_place,
            convention.original_copies,
        ]
    elif kind == DocumentKind.AMENDMENT:
        from ..services import required_signatories

        deliberation = amendment.deliberation
        parts += [
            convention.title,
            amendment.number,
            amendment.title,
            amendment.is_historical,
            amendment.summary,
            amendment.status,
            amendment.effective_date,
            (deliberation.number, deliberation.date) if deliberation else None,
            [
                (
                    c.kind,
                    c.article_number,
                    c.paragraph_label,
                    c.old_text,
                    c.new_text,
                    c.title,
                    json.dumps(c.clause, sort_keys=True),
                    str(c.organisation) if c.organisation_id else None,
                    str(c.party) if c.party_id else None,
                )
                for c in amendment.changes.all()
            ],
            _signatures_key(amendment.signatures.all()),
            []
            if amendment.is_historical
            else [
                (p.pk, str(p), p.representative_name, p.representative_title)
                for p in required_signatories(amendment)
            ],
            convention.original_copies,
        ]
    elif kind == DocumentKind.CONSOLIDATED:
        text = consolidated_text(convention, as_of)
        parts += [
            text.fingerprint(),
            as_of,
            [(a.number, a.effective_date) for a in text.applied],
            _historical(convention, as_of),
            _contributions_key(convention),
        ]
    else:
        raise ValueError(f"Unknown document kind: {kind!r}")
    return parts


def source_key(kind, convention, amendment=None, as_of=None):
    """SHA-256 (hex) of the content a document is made from: same content, same key."""
    convention = _load(convention)
    if amendment is not None:
        amendment = _amendment_of(convention, amendment)
    return _digest(_key_parts(kind, convention, amendment, as_of))


def _digest(parts):
    return hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()


def _historical(convention, as_of):
    return [
        (a.number, a.effective_date)
        for a in convention.amendments.all()
        if a.is_historical and (a.effective_date is None or a.effective_date <= as_of)
    ]
