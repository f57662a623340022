"""Writes of the deliberations: recording one (audited)."""

from django.db import transaction
from django.utils.translation import gettext as _

from audit.models import AuditAction
from audit.services import record, snapshot
from core.errors import PermissionDeniedError

from .permissions import can_manage_deliberations


@transaction.atomic
def create_deliberation(actor, deliberation):
    """Record `deliberation` (validated by its form: the number normalised, unique)."""
    if not can_manage_deliberations(actor):
        raise PermissionDeniedError(
            _("Seuls les services de la Région enregistrent les délibérations.")
        )
    deliberation.full_clean()
    deliberation.save()
    record(actor, AuditAction.CREATE, deliberation, after=snapshot(deliberation))
    return deliberation
