"""The rendering tasks go to whichever worker is free (cmq_portal.settings, next to
CELERY_WORKER_PREFETCH_MULTIPLIER): acknowledged at their end, one task held per process."""

from cmq_portal.celery import app
from documents.tasks import generate_document
from jobs.tasks import run_job, run_job_part
from notifications.tasks import send_notification


def test_a_worker_holds_no_task_beyond_the_ones_it_runs():
    assert app.conf.worker_prefetch_multiplier == 1


def test_the_rendering_tasks_are_acknowledged_when_done():
    assert generate_document.acks_late
    assert run_job.acks_late
    assert run_job_part.acks_late


def test_an_e_mail_is_acknowledged_when_it_starts_so_that_it_is_never_sent_twice():
    assert not send_notification.acks_late
