"""PDF documents of a label application: its « fiche de candidature », the expert group's
report and the notification of the decision. The mechanism (rows, fingerprints, Celery,
download) is the documents kernel's; this package holds the labelling's own: the template
contexts (`context`) and the kinds of document (`types`, declared by
labels.contributions). The documents are always in French.
"""

from documents import services

from ..models import LabelDocument

__all__ = ["generate", "request_document", "source_key"]


def request_document(actor, *, kind, application, queue=True):
    """The document of this content (created and queued if new, re-queued if it had failed)."""
    return services.request_document(
        LabelDocument, actor, kind=kind, queue=queue, application=application
    )


def source_key(kind, *, application):
    """The fingerprint of the content such a document would be made from now."""
    return services.source_key(LabelDocument, kind, application=application)


def generate(document_id):
    """Render one document to PDF and store it; its status (documents.services.generate)."""
    return services.generate(LabelDocument, document_id)
