"""Celery tasks of the notifications: thin wrappers taking primary keys."""

from celery import shared_task


@shared_task
def send_notification(kind, model_label, pk, params=None):
    """Compose and send one event notification (once: a second delivery sends nothing)."""
    from .delivery import dispatch_by_reference

    return dispatch_by_reference(kind, model_label, pk, params) is not None


@shared_task
def sweep_unsent_notifications():
    """Every few minutes (Celery beat): event notifications recorded but not sent."""
    from .delivery import sweep_unsent

    return sweep_unsent()
