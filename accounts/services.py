"""Account management by regional staff: invite, change role and attachments, deactivate.

Every change is audited. An invited person receives a link to choose their password (the
password-reset token, valid PASSWORD_RESET_TIMEOUT).
"""

import uuid
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import AuditAction
from audit.services import record, snapshot
from campuses.models import CampusDirector, DirectorRole
from core.errors import PermissionDeniedError
from notifications.delivery import queue as queue_notification

from .models import Role, User
from .notifications import INVITATION
from .permissions import can_grant_role, can_manage_accounts


def _require(actor, role=None):
    if not can_manage_accounts(actor):
        raise PermissionDeniedError(_("Seuls les agents de la Région gèrent les comptes."))
    if role is not None and not can_grant_role(actor, role):
        raise PermissionDeniedError(_("Seul un administrateur peut attribuer ce rôle."))


def _scope_of(user):
    """The user's fields plus their current campus attachments, for the audit trail."""
    values = snapshot(user)
    values["campus_directorships"] = sorted(
        f"{d.campus} ({d.get_role_display()}, depuis {d.start:%d/%m/%Y})" if d.start else str(d)
        for d in user.campus_directorships.select_related("campus").filter(end__isnull=True)
    )
    return values


def _attach_campuses(actor, user, campuses, director_role, start):
    """Open a directorship for each newly chosen campus; close the ones no longer chosen."""
    start = start or timezone.localdate()
    current = {d.campus_id: d for d in user.campus_directorships.filter(end__isnull=True)}
    wanted = {c.pk: c for c in campuses} if user.role == Role.DIRECTOR else {}
    for campus_id, directorship in current.items():
        if campus_id not in wanted:
            # The attachment ends the day before the change takes effect.
            last_day = start - timedelta(days=1)
            directorship.end = max(last_day, directorship.start) if directorship.start else last_day
            directorship.full_clean()
            directorship.save()
    for campus_id, campus in wanted.items():
        if campus_id not in current:
            directorship = CampusDirector(
                campus=campus,
                user=user,
                full_name=user.get_full_name() or user.username,
                email=user.email,
                role=director_role or DirectorRole.DIRECTOR,
                start=start,
            )
            directorship.full_clean()
            directorship.save()
            record(
                actor,
                AuditAction.CREATE,
                directorship,
                after=snapshot(directorship),
                campus=campus,
            )


def validate_scope(role, *, campuses=(), academies=(), region_academique=False):
    """A role's attachments must match it: directors have campuses, rectorate staff academies.

    Raises ValidationError keyed by field, so forms show each message next to its field.
    """
    errors = {}
    if role == Role.DIRECTOR and not campuses:
        errors["campuses"] = _("Cochez au moins un campus pour un·e directeur·rice.")
    if role != Role.DIRECTOR and campuses:
        errors["campuses"] = _("Seul·e un·e directeur·rice est rattaché·e à des campus.")
    if role == Role.RECTORATE and not (academies or region_academique):
        errors["academies"] = _("Cochez au moins une académie, ou « région académique ».")
    if role != Role.RECTORATE and (academies or region_academique):
        errors["academies"] = _("Seul un agent du rectorat est rattaché à des académies.")
    if errors:
        raise ValidationError(errors)


def send_invitation(user):
    """E-mail the invitation once the current transaction commits (by a Celery task: an SMTP
    failure never undoes the account, and the sweep sends it later)."""
    queue_notification(INVITATION, user, request_id=uuid.uuid4().hex)


@transaction.atomic
def invite_user(actor, *, campuses=(), director_role=None, start=None, academies=(), **fields):
    _require(actor, fields.get("role"))
    validate_scope(
        fields.get("role"),
        campuses=campuses,
        academies=academies,
        region_academique=fields.get("region_academique", False),
    )
    user = User(invited_by=actor, **fields)
    if not user.username:
        user.username = user.email.split("@")[0]
    user.set_unusable_password()
    user.full_clean()
    user.save()
    user.academies.set(academies)
    _attach_campuses(actor, user, campuses, director_role, start)
    record(actor, AuditAction.INVITE, user, after=_scope_of(user))
    send_invitation(user)
    return user


@transaction.atomic
def update_user(
    actor, user, *, campuses=(), director_role=None, start=None, academies=(), **fields
):
    # Changing an administrator's account, or making someone administrator, is for admins.
    _require(actor, user.role)
    _require(actor, fields.get("role", user.role))
    validate_scope(
        fields.get("role", user.role),
        campuses=campuses,
        academies=academies,
        region_academique=fields.get("region_academique", user.region_academique),
    )
    before = _scope_of(User.objects.get(pk=user.pk))
    for name, value in fields.items():
        setattr(user, name, value)
    user.full_clean()
    user.save()
    user.academies.set(academies)
    _attach_campuses(actor, user, campuses, director_role, start)
    record(actor, AuditAction.UPDATE, user, before=before, after=_scope_of(user))
    return user


@transaction.atomic
def set_active(actor, user, active):
    _require(actor, user.role)
    if user.pk == actor.pk and not active:
        raise PermissionDeniedError(_("Vous ne pouvez pas désactiver votre propre compte."))
    if user.is_active == active:
        return user
    user.is_active = active
    user.save(update_fields=["is_active"])
    if not active:
        # Tokens stop working at once: an API client of a deactivated account is cut off.
        from rest_framework.authtoken.models import Token

        Token.objects.filter(user=user).delete()
    record(
        actor,
        AuditAction.REACTIVATE if active else AuditAction.DEACTIVATE,
        user,
        changes={"is_active": [not active, active]},
    )
    return user
