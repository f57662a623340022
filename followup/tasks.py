"""Celery tasks of the follow-up: thin wrappers taking primary keys. The e-mails themselves
(each logged as a SheetReminder, sent once) are in notifications.py."""

from celery import shared_task


@shared_task
def notify_campaign_opening(campaign_id):
    from .notifications import send_opening

    return len(send_opening(campaign_id))


@shared_task
def send_reminders():
    """Daily (Celery beat): D-30, D-7, D-1 to directors, overdue notices to regional staff,
    reviewers reminded of sheets waiting for more than 15 days. Each once per sheet and step."""
    from .notifications import send_due_reminders

    return len(send_due_reminders())
