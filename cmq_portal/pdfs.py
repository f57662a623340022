"""Stored PDFs generated in Celery, shared by conventions, subsidies and follow-up documents.

Each app keeps its own model (a row per version, keyed by the fingerprint `source_key` of the
content it is made from, with status, file, checksum, error and attempts) and its own HTML;
this module renders and stores, the same way for all: a ready document is left alone, a
transient error (OSError: disk, fonts) propagates so that Celery retries until the last
attempt, any other error marks the document failed with a French message, and a content that
changed since the request is refused rather than stored under the old fingerprint.
"""

import hashlib
import logging

from django.core.files.base import ContentFile
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from conventions.models import DocumentStatus

logger = logging.getLogger(__name__)


def render_pdf(html):
    from weasyprint import HTML

    # No base URL: the templates carry their CSS inline and load nothing from outside.
    return HTML(string=html, base_url=None).write_pdf()


def mark_failed(model, document, message):
    """Mark `document` failed with `message` (unless another run made it ready)."""
    model.objects.filter(pk=document.pk).exclude(status=DocumentStatus.READY).update(
        status=DocumentStatus.FAILED, error=message
    )
    return model.objects.get(pk=document.pk).status


def generate_stored_pdf(
    queryset, document_id, *, render_html, filename, max_attempts, stale_message=None
):
    """Render the document `document_id` of `queryset` to PDF and store it; its status.

    `render_html(document)` returns (html, source key as of now); `filename(document)` the
    stored file's name; `max_attempts` the Celery task's retries + 1.
    """
    model = queryset.model
    label = model._meta.verbose_name
    document = queryset.filter(pk=document_id).first()
    if document is None:
        logger.warning("%s %s not generated: it no longer exists.", label, document_id)
        return None
    if document.status == DocumentStatus.READY:
        return document.status
    model.objects.filter(pk=document.pk).update(attempts=F("attempts") + 1)
    document.refresh_from_db(fields=["attempts"])
    try:
        with translation.override("fr"):
            html, key = render_html(document)
            if key != document.source_key:
                return mark_failed(
                    model,
                    document,
                    stale_message
                    or _(
                        "Le contenu a été modifié depuis la demande de ce document : "
                        "demandez-en une nouvelle version."
                    ),
                )
            pdf = render_pdf(html)
            document.file.save(filename(document), ContentFile(pdf), save=False)
    except OSError:
        if document.attempts < max_attempts:
            raise  # transient: Celery retries
        logger.exception("%s %s failed after %s attempts", label, document.pk, document.attempts)
        return mark_failed(
            model,
            document,
            _(
                "La génération du PDF a échoué après %(n)s tentatives (fichiers ou polices "
                "inaccessibles). Relancez-la ; si le problème persiste, contactez l'équipe de la "
                "Région."
            )
            % {"n": document.attempts},
        )
    except Exception:
        logger.exception("%s %s could not be rendered", label, document.pk)
        return mark_failed(
            model,
            document,
            _(
                "La mise en page du PDF a échoué. Relancez la génération ; si le problème "
                "persiste, contactez l'équipe de la Région."
            ),
        )
    updated = (
        model.objects.filter(pk=document.pk)
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
