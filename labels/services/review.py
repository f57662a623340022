"""The Region's rulings on a deposited application, for the national mission: admissible or
not (with its reasons), and withdrawal."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from audit.models import AuditAction
from audit.services import record, snapshot
from core import roles
from core.errors import PermissionDeniedError

from ..models import ExpertiseSession
from ..workflow import APPLICATION
from .applications import admissibility_problems
from .common import locked, transition


@transaction.atomic
def admit(actor, application, reason=""):
    """Admissible: the checks of the deposit still hold (a file replaced meanwhile, an annex
    added, would show here)."""
    current = locked(application)
    action = APPLICATION.check("admit", actor, current)
    problems = admissibility_problems(current)
    if problems:
        raise ValidationError(problems)
    current.admissibility_reasons = (reason or "").strip()
    return transition(
        actor, current, action.target, reason, extra_fields=("admissibility_reasons",)
    )


@transaction.atomic
def reject(actor, application, reasons):
    """Inadmissible, with its reasons (required: the carriers read them)."""
    current = locked(application)
    action = APPLICATION.check("reject", actor, current)
    reasons = (reasons or "").strip()
    if not reasons:
        raise ValidationError({"reason": _("Indiquez les motifs de l'irrecevabilité.")})
    current.admissibility_reasons = reasons
    return transition(
        actor, current, action.target, reasons, extra_fields=("admissibility_reasons",)
    )


@transaction.atomic
def withdraw(actor, application, reason):
    current = locked(application)
    action = APPLICATION.check("withdraw", actor, current)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Indiquez pourquoi la candidature est retirée.")})
    return transition(actor, current, action.target, reason)


@transaction.atomic
def create_session(actor, *, name, deposit_deadline, meets_on):
    """A national session of expertise, recorded by the Region for the mission."""
    if not roles.is_regional_staff(actor):
        raise PermissionDeniedError(_("Seuls les services de la Région enregistrent les sessions."))
    session = ExpertiseSession(
        name=(name or "").strip(), deposit_deadline=deposit_deadline, meets_on=meets_on
    )
    session.full_clean()
    session.save()
    record(actor, AuditAction.CREATE, session, after=snapshot(session))
    return session
