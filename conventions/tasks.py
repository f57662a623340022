"""Celery tasks of the conventions domain: thin wrappers taking primary keys. (Their PDFs are
rendered by the documents kernel's task.)"""

from celery import shared_task


@shared_task
def send_reminders():
    """Daily (Celery beat): deadlines and pending signatures, each reminder sent once."""
    from .reminders import send_due_reminders

    return send_due_reminders()
