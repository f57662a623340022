"""Celery tasks of background jobs: thin wrappers taking primary keys."""

from celery import shared_task

from . import services


# acks_late: see CELERY_WORKER_PREFETCH_MULTIPLIER; a job delivered twice is claimed once.
@shared_task(acks_late=True)
def run_job(job_id):
    """Run one job (idempotent: a running or done job is left alone)."""
    job = services.run_job(job_id)
    return job.status if job else None


# acks_late: as run_job; a part rendered twice writes the same file twice.
@shared_task(acks_late=True)
def run_job_part(job_id, attempt, index):
    """One part of a job split across the workers (jobs.services.Parts)."""
    job = services.run_part(job_id, attempt, index)
    return job.status if job else None


@shared_task
def ping():
    """Answers "pong": lets a test check that a worker consumes the queue."""
    return "pong"


@shared_task
def sweep_stale_jobs():
    """Every few minutes (Celery beat): jobs a lost worker left behind."""
    requeued, failed = services.sweep_stale()
    return {"requeued": requeued, "failed": failed}
