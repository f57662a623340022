"""Celery tasks of the conventions domain: thin wrappers taking primary keys."""

from celery import shared_task


@shared_task(
    bind=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=3,
)
def generate_document(self, document_id):
    """Render one GeneratedDocument to PDF (a no-op when it is already ready)."""
    from .documents import generate

    return generate(document_id)


@shared_task
def send_reminders():
    """Daily (Celery beat): deadlines and pending signatures, each reminder sent once."""
    from .reminders import send_due_reminders

    return send_due_reminders()
