"""Helpers shared by the subsidy services: rights, row locks, versions, status changes."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import record_transition
from core.errors import ConflictError, PermissionDeniedError

from .. import permissions
from ..models import StatusChange, SubsidyDossier
from ..workflow import REGION_ONLY


def require_manager(actor):
    """The actions of the Region that are no step of a workflow (envelopes, transfers…)."""
    if not permissions.can_manage_subsidies(actor):
        raise PermissionDeniedError(REGION_ONLY)


def locked_dossier(dossier):
    """The dossier's current row, locked until the transaction ends (concurrent writers wait)."""
    pk = dossier.pk if isinstance(dossier, SubsidyDossier) else dossier
    return (
        SubsidyDossier.objects.select_for_update(of=("self",))
        .select_related("campus", "beneficiary", "programme", "budget_line", "envelope")
        .get(pk=pk)
    )


def check_version(current, expected_version):
    if expected_version is not None and int(expected_version) != current.version:
        raise ConflictError(
            _(
                "Ce dossier a été modifié par quelqu'un d'autre depuis que vous l'avez ouvert "
                "(version %(current)s, vous aviez la version %(yours)s). Rechargez la page pour "
                "voir ses nouvelles valeurs avant de modifier."
            )
            % {"current": current.version, "yours": expected_version}
        )


def require_status(dossier, allowed, message):
    if dossier.status not in allowed:
        raise ConflictError(message % {"status": dossier.get_status_display().lower()})


def change_status(actor, dossier, to_status, reason="", *, extra_fields=()):
    """Move the (locked) dossier to `to_status`, recording who, when and why."""
    return record_transition(
        actor,
        dossier,
        to_status,
        reason,
        history=StatusChange,
        campus=dossier.campus,
        extra_fields=extra_fields,
    )


AGENDA_FIELDS = ("deliberation", "envelope", "position")


def change_agenda(
    actor, dossier, to_status, reason="", *, deliberation=None, envelope=None, position=None
):
    """Put the dossier on a deliberation's agenda (or take it off: no deliberation) as it
    moves to `to_status`."""
    dossier.deliberation, dossier.envelope, dossier.position = deliberation, envelope, position
    return change_status(actor, dossier, to_status, reason, extra_fields=AGENDA_FIELDS)


def check_signature(signatory, signed_on, *, not_before=None, not_before_message=""):
    """The signatory's name (stripped) once the signature's inputs are valid: a name, a date
    neither in the future nor before `not_before` (the approving deliberation)."""
    errors = {}
    signatory = (signatory or "").strip()
    if not signatory:
        errors["signatory"] = [_("Indiquez le nom et la qualité du signataire.")]
    if signed_on is None:
        errors["signed_on"] = [_("Indiquez la date de signature.")]
    elif signed_on > timezone.localdate():
        errors["signed_on"] = [_("La date de signature ne peut être dans le futur.")]
    elif not_before and signed_on < not_before:
        errors["signed_on"] = [not_before_message % {"day": not_before.strftime("%d/%m/%Y")}]
    if errors:
        raise ValidationError(errors)
    return signatory[:250]
