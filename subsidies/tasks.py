"""Celery tasks of the subsidies domain: thin wrappers taking primary keys."""

from celery import shared_task


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def generate_document(self, document_id):
    """Render one SubsidyDocument to PDF (a no-op when it is already ready)."""
    from .documents import generate

    return generate(document_id)


@shared_task
def daily_deadlines():
    """Daily (Celery beat): lapse reminders (each sent once per dossier, step and deadline),
    then the lapse of the grants whose deadline has passed."""
    from .reminders import send_due_reminders
    from .services import lapse_due_dossiers

    sent = send_due_reminders()
    lapsed = lapse_due_dossiers()
    return {"reminders": len(sent), "lapsed": len(lapsed)}
