"""PDF documents of the conventions: a convention as signed, an amendment, a consolidated text
on a day. The mechanism (rows, fingerprints, Celery, download) is the documents kernel's;
this package holds what is the conventions' own: the wording (`wording`), the template contexts
(`context`), the kinds of document (`types`, declared in apps.py) and the deliberation's job
(`job`, registered by its dotted path).
"""

from django.utils import timezone

from documents import services

from ..models import DocumentKind, GeneratedDocument
from .context import worded_changes
from .job import generate_deliberation_documents

__all__ = [
    "generate",
    "generate_deliberation_documents",
    "request_document",
    "source_key",
    "worded_changes",
]


def _target(kind, convention, amendment, as_of):
    target = {"convention": convention}
    if kind == DocumentKind.AMENDMENT:
        target["amendment"] = amendment
    elif kind == DocumentKind.CONSOLIDATED:
        # Without a day, the text in force today.
        target["as_of"] = as_of or timezone.localdate()
    return target


def request_document(actor, *, kind, convention, amendment=None, as_of=None, queue=True):
    """The document of this version (created and queued if new, re-queued if it had failed)."""
    return services.request_document(
        GeneratedDocument,
        actor,
        kind=kind,
        queue=queue,
        **_target(kind, convention, amendment, as_of),
    )


def source_key(kind, convention, amendment=None, as_of=None):
    """The fingerprint of the content such a document would be made from now."""
    return services.source_key(
        GeneratedDocument, kind, **_target(kind, convention, amendment, as_of)
    )


def generate(document_id):
    """Render one document to PDF and store it; its status (documents.services.generate)."""
    return services.generate(GeneratedDocument, document_id)
