"""Sending e-mails exactly once (the protocol is in the package's docstring)."""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from .models import Notification

logger = logging.getLogger(__name__)

# An event notification still unsent after this long was lost (SMTP down, a worker killed):
# the sweep tries again, for as long as the event is recent enough to be worth announcing.
RETRY_AFTER = timedelta(minutes=10)
GIVE_UP_AFTER = timedelta(days=3)


@dataclass(frozen=True)
class Message:
    subject: str
    body: str
    to: tuple  # addresses, in the order they are listed

    def __post_init__(self):
        object.__setattr__(self, "to", tuple(dict.fromkeys(self.to)))
        object.__setattr__(self, "subject", str(self.subject)[:300])


@dataclass(frozen=True)
class Outgoing:
    """What a composer says to send: the event's key (once per key) and the message."""

    key: str
    message: Message


def deliver_once(model, lookup, message, *, defaults=None, updates=None):
    """Send `message` at most once for the row of `model` identified by `lookup` (its unique
    key); returns the row when this call sent it, None otherwise (already sent, being sent by
    another worker, no recipient, or SMTP failed: the row stays unsent for the next run).

    `defaults` fill a new row; `updates` are written with `sent_at` once sent."""
    if not message.to:
        logger.warning("No recipient for %s %s: not sent.", model._meta.label, lookup)
        return None
    # 1. The row, committed on its own: the unique constraint refuses a second one.
    try:
        with transaction.atomic():
            row, _created = model.objects.get_or_create(
                **lookup, defaults={**(defaults or {}), "recipients": ", ".join(message.to)}
            )
    except IntegrityError:  # inserted by a concurrent run between get and create
        row = model.objects.filter(**lookup).first()
        if row is None:  # its transaction has not committed yet: that run sends it
            return None
    if row.sent_at is not None:
        return None
    return send_claimed(row, message, updates=updates)


def send_claimed(row, message, *, updates=None):
    """2. Claim the unsent row, send, record the sending: one transaction holding the row's
    lock. A crash before the commit leaves the row without `sent_at`: the next run sends it."""
    model = type(row)
    try:
        with transaction.atomic():
            claimed = (
                model.objects.select_for_update(skip_locked=True)
                .filter(pk=row.pk, sent_at__isnull=True)
                .first()
            )
            if claimed is None:
                return None  # sent meanwhile, or being sent by another worker
            send_mail(message.subject, message.body, settings.DEFAULT_FROM_EMAIL, list(message.to))
            fields = {"recipients": ", ".join(message.to), "sent_at": timezone.now()}
            fields.update(updates or {})
            for name, value in fields.items():
                setattr(claimed, name, value)
            claimed.save(update_fields=list(fields))
    except OSError:  # SMTP and connection errors: left unsent, retried by the next run
        logger.exception("E-mail not sent: %s", message.subject)
        return None
    return claimed


# ------------------------------------------------------------------- event notifications

_COMPOSERS = {}


def register(kind, composer):
    """`composer(about, **params)` → Outgoing, or None when there is nothing to send (any
    more). Called in the worker, at sending time, from the database as it is then."""
    _COMPOSERS[kind] = composer


def queue(kind, about, **params):
    """Announce an event about `about` once the current transaction commits (a Celery task
    composes and sends it). Robust: a broker that is down does not undo what was decided; the
    sweep sends it later."""
    from .tasks import send_notification

    label, pk = about._meta.label_lower, about.pk
    transaction.on_commit(lambda: send_notification.delay(kind, label, pk, params), robust=True)


def dispatch(kind, about, **params):
    """Compose the notification of `kind` about `about` and deliver it once; the Notification
    row when this call sent it, else None."""
    if about is None:
        return None
    with translation.override(settings.LANGUAGE_CODE):  # e-mails are in French
        outgoing = _COMPOSERS[kind](about, **params)
    if outgoing is None:
        return None
    return deliver_once(
        Notification,
        {"key": outgoing.key},
        outgoing.message,
        defaults={
            "kind": kind,
            "subject": outgoing.message.subject,
            "content_type": ContentType.objects.get_for_model(about),
            "object_id": str(about.pk),
            "params": params,
        },
        updates={"subject": outgoing.message.subject},
    )


def dispatch_by_reference(kind, model_label, pk, params=None):
    about = apps.get_model(model_label).objects.filter(pk=pk).first()
    return dispatch(kind, about, **(params or {}))


def sweep_unsent(now=None):
    """Event notifications recorded but not sent (SMTP was down, a worker died): tried again
    while recent. Returns how many were sent."""
    now = now or timezone.now()
    rows = Notification.objects.filter(
        sent_at__isnull=True,
        created_at__lt=now - RETRY_AFTER,
        created_at__gte=now - GIVE_UP_AFTER,
        content_type__isnull=False,
    ).select_related("content_type")
    sent = 0
    for row in rows:
        if row.kind in _COMPOSERS and dispatch(row.kind, row.about, **row.params):
            sent += 1
    return sent


def log_of(about, kinds=None):
    """The event notifications about `about` (newest first), e.g. for its e-mail log."""
    rows = Notification.objects.filter(
        content_type=ContentType.objects.get_for_model(about), object_id=str(about.pk)
    )
    if kinds is not None:
        rows = rows.filter(kind__in=kinds)
    return rows.order_by("-created_at", "-pk")
