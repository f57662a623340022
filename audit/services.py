"""Record changes of substance: who, when, which fields, before and after."""

import json
from datetime import date, datetime
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone

from . import chain
from .models import AuditAction, AuditEntry


def _plain(value):
    """A JSON-friendly, human-readable form of a field value."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, list | tuple | set):
        return sorted(str(item) for item in value)
    return str(value)


def snapshot(instance):
    """The instance's concrete fields (and many-to-many relations once saved) as plain values,
    but those its model names in `audit_excluded_fields`."""
    values = {}
    excluded = getattr(instance, "audit_excluded_fields", ())
    for field in instance._meta.concrete_fields:
        if field.name in ("id", "version", "password", "last_login") or field.name in excluded:
            continue
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            continue  # timestamps change on every save; the entry has its own date
        value = getattr(instance, field.name)
        values[field.name] = _plain(value)
    if instance.pk:
        for field in instance._meta.many_to_many:
            values[field.name] = _plain(list(getattr(instance, field.name).all()))
    return values


def diff(before, after):
    """{field: [before, after]} for every field whose value changed."""
    keys = dict.fromkeys([*before, *after])
    return {
        key: [before.get(key), after.get(key)] for key in keys if before.get(key) != after.get(key)
    }


def record(actor, action, instance, *, before=None, after=None, campus=None, changes=None):
    """Write one audit entry. `before`/`after` are snapshots; `changes` overrides their diff."""
    if changes is None:
        changes = diff(before or {}, after or {})
    if action == AuditAction.UPDATE and not changes:
        return None  # saving an unchanged form is not a change of substance
    entry = AuditEntry(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        content_type=ContentType.objects.get_for_model(instance),
        object_id=str(instance.pk),
        object_repr=str(instance)[:300],
        campus=campus,
        changes=changes,
    )
    with transaction.atomic():
        chain.lock_for_append()
        entry.previous_hash = chain.last_hash(AuditEntry)
        entry.created_at = timezone.now()
        values = {name: getattr(entry, name) for name in chain.HASHED}
        # Hash what the database will give back to the verification (a JSON round trip).
        values["changes"] = json.loads(json.dumps(changes, cls=DjangoJSONEncoder))
        entry.entry_hash = chain.entry_hash(values, entry.previous_hash)
        entry.save()
    return entry


def record_transition(actor, obj, to_status, reason="", *, history, campus=None, extra_fields=()):
    """Move the (locked) `obj` to `to_status`: its version bumped, a row of its `history`
    (an audit.StatusChange) saying who, when and why, and an audit entry."""
    from_status = obj.status
    obj.status = to_status
    obj.version += 1
    obj.save(update_fields=["status", "version", "updated_at", *extra_fields])
    history.objects.create(
        **{history.subject_field: obj},
        from_status=from_status,
        to_status=to_status,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        reason=reason or "",
    )
    record(
        actor,
        AuditAction.UPDATE,
        obj,
        changes={"status": [from_status, to_status], **({"motif": reason} if reason else {})},
        campus=campus,
    )
    return obj


def record_update(actor, instance, before, *, campus=None, extra=None):
    """The audit entry of a change of `instance`, from the snapshot `before` to what it is
    now (plus `extra` values for the after side: a reason…)."""
    return record(
        actor,
        AuditAction.UPDATE,
        instance,
        before=before,
        after={**snapshot(instance), **(extra or {})},
        campus=campus,
    )
