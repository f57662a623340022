"""Asking for a document: the row of this version, created and queued if new, re-queued if it
had failed.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import AuditAction
from audit.services import record, snapshot
from core.errors import ConflictError, PermissionDeniedError

from .. import permissions
from ..models import DocumentKind, DocumentStatus, GeneratedDocument, SignatureStatus
from .keys import _amendment_of, _digest, _key_parts, _load


def request_document(actor, *, kind, convention, amendment=None, as_of=None):
    """The document of this version (created and queued if new, re-queued if it had failed).

    Anyone who can see the convention may ask for its PDFs: they only read what they can see.
    A consolidated text without `as_of` is the text in force today.
    """
    return _request(
        actor, kind=kind, convention=convention, amendment=amendment, as_of=as_of, queue=True
    )


def _request(actor, *, kind, convention, amendment, as_of, queue):
    allowed = (
        permissions.can_manage_conventions(actor)
        or permissions.conventions_visible_to(actor).filter(pk=convention.pk).exists()
    )
    if not allowed:
        raise PermissionDeniedError(_("Vous ne pouvez pas consulter cette convention."))
    if kind not in DocumentKind.values:
        raise ValidationError({"kind": _("Type de document inconnu.")})
    convention = _load(convention)  # fresh: the key must describe the content as it is now
    if kind == DocumentKind.AMENDMENT:
        if amendment is None:
            raise ValidationError({"amendment": _("Indiquez l'avenant.")})
        amendment = _amendment_of(convention, amendment)
    else:
        amendment = None
    if kind == DocumentKind.CONSOLIDATED:
        as_of = as_of or timezone.localdate()
        if convention.status not in (SignatureStatus.SIGNED, SignatureStatus.TERMINATED):
            raise ConflictError(_("Le texte consolidé n'existe que pour une convention signée."))
    else:
        as_of = None
    key = _digest(_key_parts(kind, convention, amendment, as_of))
    with transaction.atomic():
        document, created = GeneratedDocument.objects.get_or_create(
            kind=kind,
            source_key=key,
            defaults={
                "convention": convention,
                "amendment": amendment,
                "as_of": as_of,
                "requested_by": actor if getattr(actor, "is_authenticated", False) else None,
            },
        )
        if created:
            record(
                actor,
                AuditAction.CREATE,
                document,
                after=snapshot(document),
                campus=convention.campus,
            )
        else:
            document = GeneratedDocument.objects.select_for_update().get(pk=document.pk)
            if document.status != DocumentStatus.FAILED:
                return document  # ready or on its way: asking again is a no-op
            document.status, document.error, document.attempts = DocumentStatus.PENDING, "", 0
            document.save(update_fields=["status", "error", "attempts"])
            record(
                actor,
                AuditAction.UPDATE,
                document,
                changes={"status": [DocumentStatus.FAILED, DocumentStatus.PENDING]},
                campus=convention.campus,
            )
        if queue:
            from ..tasks import generate_document

            document_id = document.pk
            # Robust: once the request has committed, a broker that is down must not turn it
            # into an error page; the failure is logged.
            transaction.on_commit(lambda: generate_document.delay(document_id), robust=True)
    return document
