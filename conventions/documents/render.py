"""Rendering: a document's HTML (Django template) and PDF (WeasyPrint), and `generate`, which
stores the PDF and can be re-run safely (a ready document is left alone).
"""

import hashlib
import logging

from django.core.files.base import ContentFile
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ..models import DocumentKind, DocumentStatus, GeneratedDocument
from .context import amendment_context, consolidated_context, convention_context
from .keys import _amendment_of, _digest, _key_parts, _load
from .wording import campus_code

logger = logging.getLogger(__name__)


TEMPLATES = {
    DocumentKind.CONVENTION: "conventions/pdf/convention.html",
    DocumentKind.AMENDMENT: "conventions/pdf/amendment.html",
    DocumentKind.CONSOLIDATED: "conventions/pdf/consolidated.html",
}


def document_filename(document):
    """« convention-ia-2023-09-12.pdf », « avenant-1-ia.pdf »,
    « texte-consolide-ia-au-2024-01-01.pdf »."""
    convention = document.convention
    code = campus_code(convention.campus)
    if document.kind == DocumentKind.AMENDMENT:
        return f"avenant-{document.amendment.number}-{code}.pdf"
    if document.kind == DocumentKind.CONSOLIDATED:
        return f"texte-consolide-{code}-au-{document.as_of:%Y-%m-%d}.pdf"
    signed = convention.effective_date
    return f"convention-{code}-{signed:%Y-%m-%d}.pdf" if signed else f"convention-{code}-projet.pdf"


def render_html(document):
    """The HTML of a document, from the database as it is now, and its source key.

    A convention is a French legal text: its PDF is in French whoever asks for it.
    """
    with translation.override("fr"):
        convention = _load(document.convention_id)
        amendment = None
        if document.kind == DocumentKind.AMENDMENT:
            amendment = _amendment_of(convention, document.amendment_id)
            context = amendment_context(convention, amendment)
        elif document.kind == DocumentKind.CONSOLIDATED:
            context = consolidated_context(convention, document.as_of)
        else:
            context = convention_context(convention)
        key = _digest(_key_parts(document.kind, convention, amendment, document.as_of))
        return render_to_string(TEMPLATES[document.kind], context), key


def render_pdf(html):
    from weasyprint import HTML

    return HTML(string=html, base_url=None).write_pdf()


def _max_attempts():
    from ..tasks import generate_document

    return generate_document.max_retries + 1


def _mark_failed(document, message):
    GeneratedDocument.objects.filter(pk=document.pk).exclude(status=DocumentStatus.READY).update(
        status=DocumentStatus.FAILED, error=message
    )
    return GeneratedDocument.objects.get(pk=document.pk).status


def generate(document_id):
    """Render one document to PDF and store it; returns its status.

    A ready document is left alone. A transient error (OSError: disk, fonts) propagates so
    that Celery retries, until the last attempt, which marks the document failed; any other
    error marks it failed at once, with a French message, and is logged.
    """
    document = (
        GeneratedDocument.objects.select_related("convention__campus", "amendment")
        .filter(pk=document_id)
        .first()
    )
    if document is None:
        logger.warning("Document %s not generated: it no longer exists.", document_id)
        return None
    if document.status == DocumentStatus.READY:
        return document.status
    GeneratedDocument.objects.filter(pk=document.pk).update(attempts=F("attempts") + 1)
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
        logger.exception("Document %s failed after %s attempts", document.pk, document.attempts)
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
        logger.exception("Document %s could not be rendered", document.pk)
        return _mark_failed(
            document,
            _(
                "La mise en page du PDF a échoué. Relancez la génération ; si le problème "
                "persiste, contactez l'équipe de la Région."
            ),
        )
    updated = (
        GeneratedDocument.objects.filter(pk=document.pk)
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
