"""Rendering: a document's HTML (Django template) and PDF (WeasyPrint), and `generate`, which
stores the PDF and can be re-run safely (a ready document is left alone).
"""

import re

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.text import slugify

from cmq_portal.pdfs import generate_stored_pdf, mark_failed, render_pdf  # noqa: F401 - re-exported by the package

from ..models import SubsidyDocument, SubsidyDocumentKind
from .keys import build_context, digest

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


def _max_attempts():
    from ..tasks import generate_document

    return generate_document.max_retries + 1


def _mark_failed(document, message):
    return mark_failed(SubsidyDocument, document, message)


def generate(document_id):
    """Render one document to PDF and store it; returns its status (cmq_portal.pdfs)."""
    return generate_stored_pdf(
        SubsidyDocument.objects.select_related("dossier", "transfer__campus", "deliberation"),
        document_id,
        render_html=render_html,
        filename=document_filename,
        max_attempts=_max_attempts(),
    )
