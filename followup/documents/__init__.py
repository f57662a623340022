"""PDF documents of the annual follow-up: one sheet's PDF, and the regional report of a
campaign. A sheet's PDF goes through the documents kernel (rows, fingerprints, Celery,
download); this package holds the follow-up's own: the sheet's template context (`context`),
its declaration (`SHEET_PDF`, in apps.py) and the job that puts a campaign's figures, charts
and one summary page per sheet in one PDF (`report`, registered by its dotted path
"followup.documents.build_regional_report"). The documents are always in French.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.errors import PermissionDeniedError
from documents import services
from documents.registry import DocumentType

from ..models import SheetDocument
from .context import load_sheet, sheet_context
from .report import build_regional_report

__all__ = ["SHEET_PDF", "build_regional_report", "generate", "request_document", "source_key"]


def _pk(obj):
    return getattr(obj, "pk", obj)


def _check_readable(actor, sheet):
    """Whoever sees the sheet may ask for its PDF: they only read what they can see."""
    from .. import permissions

    if not permissions.sheets_visible_to(actor).filter(pk=_pk(sheet)).exists():
        raise PermissionDeniedError(_("Vous ne pouvez pas consulter cette fiche."))


def _filename(document):
    """« fiche-suivi-2040-campus-versailles.pdf »."""
    from django.utils.text import slugify

    sheet = document.sheet
    campus = slugify(sheet.campus.short_name)[:60].strip("-") or "campus"
    return f"fiche-suivi-{sheet.campaign.year}-{campus}.pdf"


SHEET_PDF = DocumentType(
    kind="sheet",
    template="followup/pdf/sheet.html",
    context=lambda sheet: sheet_context(load_sheet(_pk(sheet))),
    filename=_filename,
    fields=("sheet",),
    check=_check_readable,
    stale_message=gettext_lazy(
        "La fiche a été modifiée depuis la demande de ce PDF : demandez-en une nouvelle version."
    ),
)


def request_document(actor, sheet, *, queue=True):
    """The PDF of the sheet as it is now (created and queued if new, re-queued if it had
    failed)."""
    return services.request_document(SheetDocument, actor, queue=queue, sheet=sheet)


def source_key(sheet):
    """The fingerprint of the content the sheet's PDF would be made from now."""
    return services.source_key(SheetDocument, None, sheet=sheet)


def generate(document_id):
    """Render one sheet's PDF and store it; its status (documents.services.generate)."""
    return services.generate(SheetDocument, document_id)
