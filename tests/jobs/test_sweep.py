"""A job never stays running forever: one whose worker was lost is queued again, then failed
after its last attempt; a job still alive is left alone."""

from datetime import timedelta

import pytest
from django.utils import timezone

from jobs import services
from jobs.models import Job, JobStatus
from tests.jobs.test_jobs import echo, make_user, media_root  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db


def lost(owner, *, status=JobStatus.RUNNING, attempts=1, minutes=30):
    """A job a worker claimed then died on (no sign of life for `minutes`)."""
    job = Job.objects.create(owner=owner, kind="test_echo", params={"word": "perdu"})
    Job.objects.filter(pk=job.pk).update(
        status=status,
        attempts=attempts,
        heartbeat_at=timezone.now() - timedelta(minutes=minutes),
    )
    return job


def test_a_lost_job_is_queued_again_and_done(echo, django_capture_on_commit_callbacks):  # noqa: F811
    job = lost(make_user("perdu"))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.sweep_stale() == (1, 0)
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.attempts == 2 and echo.calls == 1


def test_a_job_alive_is_left_alone(echo, django_capture_on_commit_callbacks):  # noqa: F811
    job = lost(make_user("vivant"), minutes=1)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert services.sweep_stale() == (0, 0)
    assert callbacks == []
    job.refresh_from_db()
    assert job.status == JobStatus.RUNNING


def test_after_its_last_attempt_a_lost_job_fails_with_a_message(echo):  # noqa: F811
    job = lost(make_user("abandon"), attempts=services.MAX_ATTEMPTS)
    assert services.sweep_stale() == (0, 1)
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and job.finished_at is not None
    assert "interrompue" in job.error and echo.calls == 0


def test_a_pending_job_whose_message_was_lost_is_queued_again(
    echo,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    job = lost(make_user("oublie"), status=JobStatus.PENDING, attempts=0)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.sweep_stale() == (1, 0)
    job.refresh_from_db()
    assert job.status == JobStatus.DONE


def test_progress_is_a_sign_of_life(echo):  # noqa: F811
    job = services.start_job(make_user("progres"), "test_echo", {"word": "vie"})
    services.run_job(job.pk)
    job.refresh_from_db()
    assert job.heartbeat_at is not None and job.attempts == 1
