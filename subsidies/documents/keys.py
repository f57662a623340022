"""What a document is made of, and its source key: the SHA-256 of that content.

The key fingerprints the template context itself (everything the PDF shows, already worded),
with the kind, the object and LAYOUT_VERSION: same content, same key, whatever changed
elsewhere in the database; a change that shows in the PDF gives a new key, hence a new row.
"""

import hashlib
import json

from django.utils import translation

from deliberations.models import Deliberation

from ..models import SubsidyDocumentKind
from .context import deliberation_dossiers, fiche_context, load_dossier, load_transfer
from .legal import agreement_context, transfer_context
from .summary import summary_context

# Part of every key: a change of the templates that matters gives new versions.
LAYOUT_VERSION = "1"


def build_context(kind, *, dossier=None, transfer=None, deliberation=None):
    """The context of a document of `kind`, fresh from the database, in French (the documents
    are French administrative texts whoever asks for them)."""
    with translation.override("fr"):
        if kind == SubsidyDocumentKind.FICHE_PROJET:
            return fiche_context(load_dossier(_pk(dossier)))
        if kind == SubsidyDocumentKind.GRANT_AGREEMENT:
            return agreement_context(load_dossier(_pk(dossier)))
        if kind == SubsidyDocumentKind.TRANSFER:
            return transfer_context(load_transfer(_pk(transfer)))
        if kind == SubsidyDocumentKind.DELIBERATION_SUMMARY:
            deliberation = Deliberation.objects.get(pk=_pk(deliberation))
            return summary_context(deliberation, deliberation_dossiers(deliberation))
    raise ValueError(f"Unknown document kind: {kind!r}")


def digest(kind, target_pk, context):
    parts = [LAYOUT_VERSION, str(kind), target_pk, context]
    return hashlib.sha256(json.dumps(parts, default=str, sort_keys=True).encode()).hexdigest()


def source_key(kind, *, dossier=None, transfer=None, deliberation=None):
    """SHA-256 (hex) of the content a document of `kind` would be made from now."""
    context = build_context(kind, dossier=dossier, transfer=transfer, deliberation=deliberation)
    return digest(kind, _pk(dossier or transfer or deliberation), context)


def _pk(obj):
    return getattr(obj, "pk", obj)
