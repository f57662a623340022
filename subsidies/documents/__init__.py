"""PDF documents of the subsidies: a dossier's « fiche projet », its grant agreement
(« convention de financement »), a transfer amendment, and a deliberation's summary table. The
mechanism (rows, fingerprints, Celery, download) is the documents kernel's; this package holds
the subsidies' own: the template contexts (`context`, `legal`, `summary`), the kinds of
document (`types`, declared in apps.py) and the job that puts a deliberation's fiches in one
PDF (`bundle`, registered by its dotted path "subsidies.documents.bundle.build_annex_bundle").
"""

from documents import services

from ..models import SubsidyDocument

__all__ = ["generate", "request_document", "source_key"]


def _target(kind, dossier, transfer, deliberation):
    from .types import TYPES

    fields = next((t.fields for t in TYPES if t.kind == kind), ())
    values = {"dossier": dossier, "transfer": transfer, "deliberation": deliberation}
    return {field: values[field] for field in fields}


def request_document(actor, *, kind, dossier=None, transfer=None, deliberation=None, queue=True):
    """The document of this content (created and queued if new, re-queued if it had failed)."""
    return services.request_document(
        SubsidyDocument,
        actor,
        kind=kind,
        queue=queue,
        **_target(kind, dossier, transfer, deliberation),
    )


def source_key(kind, *, dossier=None, transfer=None, deliberation=None):
    """The fingerprint of the content such a document would be made from now."""
    return services.source_key(
        SubsidyDocument, kind, **_target(kind, dossier, transfer, deliberation)
    )


def generate(document_id):
    """Render one document to PDF and store it; its status (documents.services.generate)."""
    return services.generate(SubsidyDocument, document_id)
