"""Writes to the campus registry. Views, forms, the API and the admin all come through here.

Every write validates the model (field validators, `clean`, constraints), checks the actor's
rights and leaves an audit entry with the values before and after.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from audit.models import AuditAction
from audit.services import record, snapshot
from core.errors import ConflictError, PermissionDeniedError

from . import permissions
from .models import Campus, Organisation


def _require_registry_rights(actor):
    if not permissions.can_manage_registry(actor):
        raise PermissionDeniedError(
            _("Seuls les agents de la Région peuvent modifier le registre.")
        )


def _campus_of(instance):
    if isinstance(instance, Campus):
        return instance
    return getattr(instance, "campus", None)


def _check_version(instance, expected_version):
    if expected_version is not None and int(expected_version) != instance.version:
        raise ConflictError(
            _(
                "Cette fiche a été modifiée par quelqu'un d'autre depuis que vous l'avez ouverte "
                "(version %(current)s, vous aviez la version %(yours)s). Rechargez la page pour "
                "voir ses nouvelles valeurs avant de modifier."
            )
            % {"current": instance.version, "yours": expected_version}
        )


@transaction.atomic
def save_record(actor, instance, *, m2m=None, expected_version=None):
    """Validate and save a registry record (campus, organisation or one of their rows).

    `m2m` maps many-to-many field names to their new values. `expected_version` is the version
    the user's form was built from, for models that carry one: a stale edit raises ConflictError.
    """
    _require_registry_rights(actor)
    creating = instance.pk is None
    before = {}
    if not creating:
        current = type(instance).objects.select_for_update().get(pk=instance.pk)
        before = snapshot(current)
        if hasattr(instance, "version"):
            _check_version(current, expected_version)
            instance.version = current.version + 1
    instance.full_clean()
    instance.save()
    for name, values in (m2m or {}).items():
        getattr(instance, name).set(values)
    record(
        actor,
        AuditAction.CREATE if creating else AuditAction.UPDATE,
        instance,
        before=before,
        after=snapshot(instance),
        campus=_campus_of(instance),
    )
    return instance


@transaction.atomic
def delete_record(actor, instance):
    _require_registry_rights(actor)
    before = snapshot(instance)
    campus = _campus_of(instance)
    record(actor, AuditAction.DELETE, instance, before=before, after={}, campus=campus)
    instance.delete()


def create_campus(actor, *, academies, predecessors=(), **fields):
    return save_record(
        actor,
        Campus(**fields),
        m2m={"academies": academies, "predecessors": predecessors},
    )


def create_organisation(actor, **fields):
    return save_record(actor, Organisation(**fields))
