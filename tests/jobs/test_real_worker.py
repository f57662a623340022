"""A real Celery worker, on Redis and PostgreSQL, runs a registry export queued by the portal."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from jobs.models import Job, JobStatus
from tests.services import needs_postgres, needs_redis

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [needs_postgres, needs_redis, pytest.mark.real_worker]


def _database_url():
    db = settings.DATABASES["default"]
    user = db.get("USER") or "postgres"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{connection.settings_dict['NAME']}"


@pytest.fixture
def worker(tmp_path):
    """A worker process on the test database (not eager), stopped after the test."""
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    log = tmp_path / "worker.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "cmq_portal",
                "worker",
                "--pool=solo",
                "--without-gossip",
                "--without-mingle",
                "--loglevel=INFO",
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    yield process
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
    if process.returncode not in (0, -15):
        print(log.read_text())


@pytest.mark.django_db(transaction=True)
def test_worker_runs_an_export_and_returns_its_result(restore_demo_data, worker):
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
