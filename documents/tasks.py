"""The one Celery task that renders documents, and the sweep of those a worker lost."""

from celery import shared_task


# acks_late: see CELERY_WORKER_PREFETCH_MULTIPLIER; a ready document delivered twice is a no-op.
@shared_task(bind=True, acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def generate_document(self, model_label, document_id):
    """Render one document (`model_label`: "conventions.generateddocument"…) to PDF; a no-op
    when it is already ready."""
    from .services import generate

    return generate(model_label, document_id)


@shared_task
def sweep_stale_documents():
    """Every few minutes (Celery beat): documents left pending by a lost worker."""
    from .services import sweep_stale

    requeued, failed = sweep_stale()
    return {"requeued": requeued, "failed": failed}
