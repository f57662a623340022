"""A real Celery worker for tests marked `real_worker` (Redis broker, PostgreSQL test database).

Import the fixture into a test module with `from tests.worker import worker  # noqa: F401`;
`wait_until_rendered` and `stored_text` check what it made.
"""

import io
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from pypdf import PdfReader

from documents.models import DocumentStatus

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 90  # seconds for the worker to render a document


def database_url():
    """The URL of the test database this process uses, for the worker to use the same."""
    db = settings.DATABASES["default"]
    user = db.get("USER") or "postgres"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{connection.settings_dict['NAME']}"


@pytest.fixture
def worker(tmp_path, settings):
    """A worker process on the test database (not eager), stopped after the test.

    The worker and this process share a media root under tmp_path, so that a file the worker
    stores is read back here (and nothing is left in var/media).
    """
    settings.MEDIA_ROOT = tmp_path / "media"
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
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


def wait_until_rendered(document, worker, timeout=TIMEOUT):
    """`document` refreshed until the worker has rendered it (or failed), then checked ready
    on its first attempt."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        document.refresh_from_db()
        if document.status != DocumentStatus.PENDING:
            break
        assert worker.poll() is None, "the worker stopped"
        time.sleep(0.5)
    assert document.status == DocumentStatus.READY, document.error or "still pending"
    assert document.attempts == 1
    return document


def stored_text(document):
    """The text of the stored PDF, spaces normalised (no-break spaces included)."""
    with document.file.open("rb") as stored:
        reader = PdfReader(io.BytesIO(stored.read()))
    text = " ".join(page.extract_text() for page in reader.pages)
    return re.sub(r"\s+", " ", text.replace("\u202f", " ").replace("\xa0", " "))
