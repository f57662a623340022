"""Rendering: a document's HTML (Django template) and PDF (WeasyPrint), and `generate`, which
stores the PDF and can be re-run safely (a ready document is left alone).
"""

from django.template.loader import render_to_string
from django.utils import translation

from cmq_portal.pdfs import generate_stored_pdf, mark_failed, render_pdf  # noqa: F401 - re-exported by the package

from ..models import DocumentKind, GeneratedDocument
from .context import amendment_context, consolidated_context, convention_context
from .keys import _amendment_of, _digest, _key_parts, _load
from .wording import campus_code

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


def _max_attempts():
    from ..tasks import generate_document

    return generate_document.max_retries + 1


def _mark_failed(document, message):
    return mark_failed(GeneratedDocument, document, message)


def generate(document_id):
    """Render one document to PDF and store it; returns its status (cmq_portal.pdfs)."""
    return generate_stored_pdf(
        GeneratedDocument.objects.select_related("convention__campus", "amendment"),
        document_id,
        render_html=render_html,
        filename=document_filename,
        max_attempts=_max_attempts(),
    )
