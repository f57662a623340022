"""Rendering: a sheet's PDF as HTML (Django template) and PDF (WeasyPrint), and `generate`,
which stores the PDF and can be re-run safely (a ready document is left alone).
"""

import hashlib
import logging

from django.core.files.base import ContentFile
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from conventions.models import DocumentStatus

from ..models import SheetDocument
from .keys import build_context, digest

logger = logging.getLogger(__name__)

TEMPLATE = "followup/pdf/sheet.html"


def document_filename(document):
    """« fiche-suivi-2040-campus-versailles.pdf »."""
    sheet = document.sheet
    campus = slugify(sheet.campus.short_name)[:60].strip("-") or "campus"
    return f"fiche-suivi-{sheet.campaign.year}-{campus}.pdf"


def render_html(document):
    """The HTML of a sheet's PDF, from the database as it is now, and its source key (which
    differs from the document's own when the sheet changed since it was asked for).

    Always French: the sheet is a French administrative document.
    """
    with translation.override("fr"):
        context = build_context(document.sheet_id)
        key = digest(document.sheet_id, context)
        return render_to_string(TEMPLATE, context), key


def render_pdf(html):
    from weasyprint import HTML

    # No base URL: the templates carry their CSS inline and load nothing from outside.
    return HTML(string=html, base_url=None).write_pdf()


def _max_attempts():
    from ..tasks import generate_document

    return generate_document.max_retries + 1


def mark_failed(document, message):
    SheetDocument.objects.filter(pk=document.pk).exclude(status=DocumentStatus.READY).update(
        status=DocumentStatus.FAILED, error=message
    )
    return SheetDocument.objects.get(pk=document.pk).status


def generate(document_id):
    """Render one sheet's PDF and store it; returns its status.

    A ready document is left alone. A transient error (OSError: disk, fonts) propagates so
    that Celery retries, until the last attempt, which marks the document failed; any other
    error marks it failed at once, with a French message, and is logged.
    """
    document = (
        SheetDocument.objects.select_related("sheet__campaign", "sheet__campus")
        .filter(pk=document_id)
        .first()
    )
    if document is None:
        logger.warning("Follow-up document %s not generated: it no longer exists.", document_id)
        return None
    if document.status == DocumentStatus.READY:
        return document.status
    SheetDocument.objects.filter(pk=document.pk).update(attempts=F("attempts") + 1)
    document.refresh_from_db(fields=["attempts"])
    try:
        with translation.override("fr"):
            html, key = render_html(document)
            if key != document.source_key:
                return mark_failed(
                    document,
                    _(
                        "La fiche a été modifiée depuis la demande de ce PDF : "
                        "demandez-en une nouvelle version."
                    ),
                )
            pdf = render_pdf(html)
            document.file.save(document_filename(document), ContentFile(pdf), save=False)
    except OSError:
        if document.attempts < _max_attempts():
            raise  # transient: Celery retries
        logger.exception(
            "Follow-up document %s failed after %s attempts", document.pk, document.attempts
        )
        return mark_failed(
            document,
            _(
                "La génération du PDF a échoué après %(n)s tentatives (fichiers ou polices "
                "inaccessibles). Relancez-la ; si le problème persiste, contactez l'équipe de la "
                "Région."
            )
            % {"n": document.attempts},
        )
    except Exception:
        logger.exception("Follow-up document %s could not be rendered", document.pk)
        return mark_failed(
            document,
            _(
                "La mise en page du PDF a échoué. Relancez la génération ; si le problème "
                "persiste, contactez l'équipe de la Région."
            ),
        )
    updated = (
        SheetDocument.objects.filter(pk=document.pk)
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
