"""Rendering: a document's HTML (Django template) and PDF (WeasyPrint), and `generate`, which
stores the PDF and can be re-run safely (a ready document is left alone).
"""

import hashlib
import logging
import re

from django.core.files.base import ContentFile
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from conventions.models import DocumentStatus

from ..models import SubsidyDocument, SubsidyDocumentKind
from .keys import build_context, digest

logger = logging.getLogger(__name__)

TEMPLATES = {
    SubsidyDocumentKind.FICHE_PROJET: "subsidies/pdf/fiche_projet.html",
    SubsidyDocumentKind.GRANT_AGREEMENT: "subsidies/pdf/grant_agreement.html",
    SubsidyDocumentKind.TRANSFER: "subsidies/pdf/transfer.html",
    SubsidyDocumentKind.DELIBERATION_SUMMARY: "subsidies/pdf/deliberation_summary.html",
}


def _safe(text):
    """A dossier or deliberation number as part of a file name: « CP-2023-263 »."""
    return re.sub(r"[^A-Za-z0-9-]+", "-", text).strip("-")


def document_filename(document):
    """« fiche-projet-23004868.pdf », « convention-financement-23004868.pdf »,
    « avenant-transfert-campus-versailles-2023-09-28.pdf », « tableau-cp-2023-263.pdf »."""
    kind = document.kind
    if kind == SubsidyDocumentKind.FICHE_PROJET:
        return f"fiche-projet-{_safe(document.dossier.number)}.pdf"
    if kind == SubsidyDocumentKind.GRANT_AGREEMENT:
        return f"convention-financement-{_safe(document.dossier.number)}.pdf"
    if kind == SubsidyDocumentKind.TRANSFER:
        transfer = document.transfer
        signed = transfer.signed_on
        suffix = f"{signed:%Y-%m-%d}" if signed else "projet"
        return f"avenant-transfert-{slugify(transfer.campus.short_name)}-{suffix}.pdf"
    return f"tableau-{_safe(document.deliberation.number).lower()}.pdf"


def _target_pk(document):
    return document.dossier_id or document.transfer_id or document.deliberation_id


def render_html(document):
    """The HTML of a document, from the database as it is now, and its source key (which
    differs from the document's own when the content changed since it was asked for).

    The documents are French administrative texts: French whoever asks for them.
    """
    with translation.override("fr"):
        context = build_context(
            document.kind,
            dossier=document.dossier_id,
            transfer=document.transfer_id,
            deliberation=document.deliberation_id,
        )
        key = digest(document.kind, _target_pk(document), context)
        return render_to_string(TEMPLATES[document.kind], context), key


def render_pdf(html):
    from weasyprint import HTML

    # No base URL: the templates carry their CSS inline and load nothing from outside.
    return HTML(string=html, base_url=None).write_pdf()


def _max_attempts():
    from ..tasks import generate_document

    return generate_document.max_retries + 1


def _mark_failed(document, message):
    SubsidyDocument.objects.filter(pk=document.pk).exclude(status=DocumentStatus.READY).update(
        status=DocumentStatus.FAILED, error=message
    )
    return SubsidyDocument.objects.get(pk=document.pk).status


def generate(document_id):
    """Render one document to PDF and store it; returns its status.

    A ready document is left alone. A transient error (OSError: disk, fonts) propagates so
    that Celery retries, until the last attempt, which marks the document failed; any other
    error marks it failed at once, with a French message, and is logged.
    """
    document = (
        SubsidyDocument.objects.select_related("dossier", "transfer__campus", "deliberation")
        .filter(pk=document_id)
        .first()
    )
    if document is None:
        logger.warning("Subsidy document %s not generated: it no longer exists.", document_id)
        return None
    if document.status == DocumentStatus.READY:
        return document.status
    SubsidyDocument.objects.filter(pk=document.pk).update(attempts=F("attempts") + 1)
    document.refresh_from_db(fields=["attempts"])
    try:
        with translation.override("fr"):
            html, key = render_html(document)
            if key != document.source_key:
                return _mark_failed(
                    document,
                    _(
                        "Le contenu a été modifié depuis la demande de ce document : "
                        "demandez-en une nouvelle version."
                    ),
                )
            pdf = render_pdf(html)
            document.file.save(document_filename(document), ContentFile(pdf), save=False)
    except OSError:
        if document.attempts < _max_attempts():
            raise  # transient: Celery retries
        logger.exception(
            "Subsidy document %s failed after %s attempts", document.pk, document.attempts
        )
        return _mark_failed(
            document,
            _(
                "La génération du PDF a échoué après %(n)s tentatives (fichiers ou polices "
                "inaccessibles). Relancez-la ; si le problème persiste, contactez l'équipe de la "
                "Région."
            )
            % {"n": document.attempts},
        )
    except Exception:
        logger.exception("Subsidy document %s could not be rendered", document.pk)
        return _mark_failed(
            document,
            _(
                "La mise en page du PDF a échoué. Relancez la génération ; si le problème "
                "persiste, contactez l'équipe de la Région."
            ),
        )
    updated = (
        SubsidyDocument.objects.filter(pk=document.pk)
        .exclude(status=DocumentStatus.READY)
        .update(
            file=document.file.name,
            checksum=hashlib.sha256(pdf).hexdigest(),
            status=DocumentStatus.READY,
            error="",
            generated_at=timezone.now(),
        )
    )
    if not updated:  # another run finished first: keep its file, drop ours
        document.file.storage.delete(document.file.name)
    return DocumentStatus.READY
