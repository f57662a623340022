"""Asking for a document: the row of this content, created and queued if new, re-queued if it
had failed, left alone otherwise.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from audit.models import AuditAction
from audit.services import record, snapshot
from conventions.models import DocumentStatus
from core.errors import ConflictError, PermissionDeniedError
from deliberations.models import Deliberation

from .. import permissions
from ..models import GrantAgreement, SubsidyDocument, SubsidyDocumentKind, SubsidyDossier
from .keys import build_context, digest

# Which object each kind of document is made from.
TARGETS = {
    SubsidyDocumentKind.FICHE_PROJET: "dossier",
    SubsidyDocumentKind.GRANT_AGREEMENT: "dossier",
    SubsidyDocumentKind.TRANSFER: "transfer",
    SubsidyDocumentKind.DELIBERATION_SUMMARY: "deliberation",
}


def request_document(actor, *, kind, dossier=None, transfer=None, deliberation=None):
    """The document of this content (created and queued if new, re-queued if it had failed).

    Whoever can see the dossier or the transfer may ask for its PDFs: they only read what they
    can see. A deliberation's table is for regional and rectorate staff, who see the envelopes.
    """
    return _request(
        actor,
        kind=kind,
        targets={"dossier": dossier, "transfer": transfer, "deliberation": deliberation},
        queue=True,
    )


def _request(actor, *, kind, targets, queue):
    if kind not in TARGETS:
        raise ValidationError({"kind": _("Type de document inconnu.")})
    field = TARGETS[kind]
    target = targets.get(field)
    if target is None:
        raise ValidationError({field: _("Indiquez l'objet du document.")})
    _check_allowed(actor, kind, target)
    _check_exists(kind, target)
    context = build_context(kind, **{field: target})
    key = digest(kind, target.pk, context)
    with transaction.atomic():
        document, created = SubsidyDocument.objects.get_or_create(
            kind=kind,
            source_key=key,
            defaults={
                field: target,
                "requested_by": actor if getattr(actor, "is_authenticated", False) else None,
            },
        )
        campus = _campus_of(target)
        if created:
            record(actor, AuditAction.CREATE, document, after=snapshot(document), campus=campus)
        else:
            document = SubsidyDocument.objects.select_for_update().get(pk=document.pk)
            if document.status != DocumentStatus.FAILED:
                return document  # ready or on its way: asking again is a no-op
            document.status, document.error, document.attempts = DocumentStatus.PENDING, "", 0
            document.save(update_fields=["status", "error", "attempts"])
            record(
                actor,
                AuditAction.UPDATE,
                document,
                changes={"status": [DocumentStatus.FAILED, DocumentStatus.PENDING]},
                campus=campus,
            )
        if queue:
            from ..tasks import generate_document

            document_id = document.pk
            # Robust: once the request has committed, a broker that is down must not turn it
            # into an error page; the failure is logged and the document stays pending.
            transaction.on_commit(lambda: generate_document.delay(document_id), robust=True)
    return document


def _check_allowed(actor, kind, target):
    if kind == SubsidyDocumentKind.DELIBERATION_SUMMARY:
        allowed = permissions.can_manage_subsidies(actor) or permissions.can_view_envelopes(actor)
        message = _("Seuls les services de la Région et des rectorats consultent ce tableau.")
    elif kind == SubsidyDocumentKind.TRANSFER:
        allowed = permissions.transfers_visible_to(actor).filter(pk=target.pk).exists()
        message = _("Vous ne pouvez pas consulter cet avenant de transfert.")
    else:
        allowed = permissions.dossiers_visible_to(actor).filter(pk=target.pk).exists()
        message = _("Vous ne pouvez pas consulter ce dossier.")
    if not allowed:
        raise PermissionDeniedError(message)


def _check_exists(kind, target):
    """A grant agreement exists once the dossier is voted; a deliberation's table, once it
    has dossiers."""
    if (
        kind == SubsidyDocumentKind.GRANT_AGREEMENT
        and not GrantAgreement.objects.filter(dossier=target).exists()
    ):
        raise ConflictError(
            _("Ce dossier n'a pas été voté : il n'a pas de convention de financement.")
        )
    if (
        kind == SubsidyDocumentKind.DELIBERATION_SUMMARY
        and not SubsidyDossier.objects.filter(deliberation=target).exists()
    ):
        raise ConflictError(
            _("La délibération %(number)s n'attribue aucune subvention aux campus.")
            % {"number": target.number}
        )


def _campus_of(target):
    """The audit entry's campus: the dossier's or the transfer's; a deliberation has none."""
    return None if isinstance(target, Deliberation) else target.campus
