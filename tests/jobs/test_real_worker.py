"""A real Celery worker, on Redis and PostgreSQL, runs a registry export queued by the portal."""

import time

import pytest
from django.conf import settings

from jobs.models import Job, JobStatus
from tests.services import needs_postgres, needs_redis
from tests.worker import worker  # noqa: F401

pytestmark = [needs_postgres, needs_redis, pytest.mark.real_worker]


@pytest.mark.django_db(transaction=True)
def test_worker_runs_an_export_and_returns_its_result(worker):  # noqa: F811
    from accounts.models import User
    from jobs.tasks import ping, run_job

    assert not settings.CELERY_TASK_ALWAYS_EAGER
    assert ping.delay().get(timeout=60) == "pong"

    region = User.objects.get(username="region")
    job = Job.objects.create(
        owner=region, kind="campus_registry_export", params={"format": "csv", "filters": {}}
    )
    result = run_job.delay(str(job.pk))
    assert result.get(timeout=60) == JobStatus.DONE

    job.refresh_from_db()
    assert job.status == JobStatus.DONE
    assert job.finished_at is not None
    content = job.file.read().decode("utf-8-sig")
    assert "Campus Versailles" in content
    assert "13002597600015" in content or "91358180700017" in content
    # The worker ran the task in its own process, not in this one.
    assert worker.poll() is None
    deadline = time.time() + 5
    while time.time() < deadline and job.progress < job.total:
        job.refresh_from_db()
    assert job.progress == job.total > 0


@pytest.mark.django_db(transaction=True)
def test_worker_runs_a_report_in_parts_and_merges_them(worker):  # noqa: F811
    """The regional report's summaries as parallel parts (jobs.services.Parts): the worker
    runs the handler, then each part as its own task; the last part merges."""
    import io

    from pypdf import PdfReader

    from accounts.models import User
    from jobs.tasks import run_job

    region = User.objects.get(username="region")
    job = Job.objects.create(owner=region, kind="followup_regional_report", params={})
    # The handler fans out and returns: the job is still running while its parts are queued.
    assert run_job.delay(str(job.pk)).get(timeout=120) == JobStatus.RUNNING
    deadline = time.time() + 120
    while time.time() < deadline:
        job.refresh_from_db()
        if job.status != JobStatus.RUNNING:
            break
        time.sleep(0.3)
    assert job.status == JobStatus.DONE, job.error
    assert job.progress == job.total > 1
    with job.file.open("rb") as stored:
        reader = PdfReader(io.BytesIO(stored.read()))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Rapport régional du suivi annuel" in text
    last = reader.pages[-1].extract_text()
    assert f"page {len(reader.pages)}" in last
