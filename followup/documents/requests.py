"""Asking for a sheet's PDF: the row of this content, created and queued if new, re-queued if
it had failed, left alone otherwise.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from audit.models import AuditAction
from audit.services import record, snapshot
from conventions.models import DocumentStatus
from core.errors import PermissionDeniedError

from .. import permissions
from ..models import SheetDocument
from .keys import build_context, digest


def request_document(actor, sheet, *, queue=True):
    """The PDF of the sheet as it is now (created and queued if new, re-queued if it had
    failed). Whoever sees the sheet may ask for it: they only read what they can see."""
    if not permissions.sheets_visible_to(actor).filter(pk=sheet.pk).exists():
        raise PermissionDeniedError(_("Vous ne pouvez pas consulter cette fiche."))
    key = digest(sheet.pk, build_context(sheet))
    with transaction.atomic():
        document, created = SheetDocument.objects.get_or_create(
            sheet_id=sheet.pk,
            source_key=key,
            defaults={"requested_by": actor if getattr(actor, "is_authenticated", False) else None},
        )
        if created:
            record(
                actor, AuditAction.CREATE, document, after=snapshot(document), campus=sheet.campus
            )
        else:
            document = SheetDocument.objects.select_for_update().get(pk=document.pk)
            if document.status != DocumentStatus.FAILED:
                return document  # ready or on its way: asking again is a no-op
            document.status, document.error, document.attempts = DocumentStatus.PENDING, "", 0
            document.save(update_fields=["status", "error", "attempts"])
            record(
                actor,
                AuditAction.UPDATE,
                document,
                changes={"status": [DocumentStatus.FAILED, DocumentStatus.PENDING]},
                campus=sheet.campus,
            )
        if queue:
            from ..tasks import generate_document

            document_id = document.pk
            # Robust: once the request has committed, a broker that is down must not turn it
            # into an error page; the failure is logged and the document stays pending.
            transaction.on_commit(lambda: generate_document.delay(document_id), robust=True)
    return document
