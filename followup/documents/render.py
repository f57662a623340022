"""Rendering: a sheet's PDF as HTML (Django template) and PDF (WeasyPrint), and `generate`,
which stores the PDF and can be re-run safely (a ready document is left alone).
"""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from cmq_portal import pdfs
from cmq_portal.pdfs import render_pdf  # noqa: F401 - re-exported by the package

from ..models import SheetDocument
from .keys import build_context, digest

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


def _max_attempts():
    from ..tasks import generate_document

    return generate_document.max_retries + 1


def mark_failed(document, message):
    return pdfs.mark_failed(SheetDocument, document, message)


def generate(document_id):
    """Render one sheet's PDF and store it; returns its status (cmq_portal.pdfs)."""
    return pdfs.generate_stored_pdf(
        SheetDocument.objects.select_related("sheet__campaign", "sheet__campus"),
        document_id,
        render_html=render_html,
        filename=document_filename,
        max_attempts=_max_attempts(),
        stale_message=_(
            "La fiche a été modifiée depuis la demande de ce PDF : "
            "demandez-en une nouvelle version."
        ),
    )
