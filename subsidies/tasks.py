"""Celery tasks of the subsidies domain: thin wrappers taking primary keys. (Their PDFs are
rendered by the documents kernel's task.)"""

from celery import shared_task


@shared_task
def daily_deadlines():
    """Daily (Celery beat): lapse reminders (each sent once per dossier, step and deadline),
    then the lapse of the grants whose deadline has passed."""
    from .reminders import send_due_reminders
    from .services import lapse_due_dossiers

    sent = send_due_reminders()
    lapsed = lapse_due_dossiers()
    return {"reminders": len(sent), "lapsed": len(lapsed)}
