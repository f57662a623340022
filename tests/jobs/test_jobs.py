"""Background jobs: running, idempotence, failures, and who may see a job."""

import logging
import uuid

import pytest
from django.urls import reverse

from accounts.models import User
from jobs import services, tasks
from jobs.models import Job, JobStatus

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def make_user(username, role="regional"):
    return User.objects.create_user(
        username=username, email=f"{username}@example.org", password="x", role=role
    )


@pytest.fixture
def owner():
    return make_user("owner")


@pytest.fixture
def stranger():
    return make_user("stranger")


class EchoHandler:
    """A test handler that counts its calls and reports progress over three steps."""

    def __init__(self):
        self.calls = 0
        self.progress_seen_in_db = []

    def __call__(self, job, report_progress):
        self.calls += 1
        for done in range(4):
            report_progress(done, 3)
            self.progress_seen_in_db.append(Job.objects.get(pk=job.pk).progress)
        return f"echo-{job.params['word']}.csv", f"mot;{job.params['word']}\n".encode()


@pytest.fixture
def echo(monkeypatch):
    handler = EchoHandler()
    monkeypatch.setitem(services.JOB_HANDLERS, "test_echo", handler)
    monkeypatch.setitem(services.JOB_LABELS, "test_echo", "Écho de test")
    monkeypatch.setattr(services, "PROGRESS_INTERVAL", 0)
    return handler


def boom(job, report_progress):
    raise RuntimeError("secret internal detail /srv/app/models.py line 42")


def polite_refusal(job, report_progress):
    raise services.JobError("Aucun campus ne correspond à ces filtres.")


@pytest.fixture
def done_job(owner, echo, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = services.start_job(owner, "test_echo", {"word": "bonjour"})
    job.refresh_from_db()
    return job


def test_job_is_queued_only_after_commit(owner, echo, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        job = services.start_job(owner, "test_echo", {"word": "x"})
    assert len(callbacks) == 1
    job.refresh_from_db()
    assert job.status == JobStatus.PENDING
    assert echo.calls == 0


def test_eager_job_runs_to_done_with_its_file(done_job, echo):
    assert done_job.status == JobStatus.DONE
    assert done_job.finished_at is not None
    assert done_job.error == ""
    assert done_job.percent == 100
    assert (done_job.progress, done_job.total) == (3, 3)
    assert done_job.file.name.endswith(f"{done_job.pk}/echo-bonjour.csv")
    with done_job.file.open("rb") as handle:
        assert handle.read() == b"mot;bonjour\n"
    # Progress went to the row as the handler reported it.
    assert echo.progress_seen_in_db == [0, 1, 2, 3]


def test_unknown_kind_is_refused(owner):
    with pytest.raises(ValueError):
        services.start_job(owner, "no_such_kind", {})
    assert not Job.objects.exists()


def test_dotted_path_handlers_are_resolved(owner, monkeypatch):
    monkeypatch.setitem(services.JOB_HANDLERS, "test_dotted", "tests.jobs.test_jobs.boom")
    job = Job.objects.create(owner=owner, kind="test_dotted")
    assert services.run_job(job.pk).status == JobStatus.FAILED


def test_failing_handler_marks_the_job_failed_with_a_french_message(owner, monkeypatch, caplog):
    monkeypatch.setitem(services.JOB_HANDLERS, "test_boom", boom)
    job = Job.objects.create(owner=owner, kind="test_boom")

    with caplog.at_level(logging.ERROR, logger="jobs.services"):
        result = tasks.run_job.delay(str(job.pk)).get()  # nothing is re-raised

    assert result == JobStatus.FAILED
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.finished_at is not None
    assert not job.file
    assert "erreur inattendue" in job.error
    assert "secret" not in job.error and "Traceback" not in job.error
    # The traceback goes to the log, not to the user.
    assert any(record.exc_info for record in caplog.records)


def test_job_error_message_is_shown_as_is(owner, monkeypatch):
    monkeypatch.setitem(services.JOB_HANDLERS, "test_refusal", polite_refusal)
    job = Job.objects.create(owner=owner, kind="test_refusal")
    services.run_job(job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.error == "Aucun campus ne correspond à ces filtres."


def test_second_run_of_a_done_job_is_a_no_op(done_job, echo):
    file_name = done_job.file.name
    finished_at = done_job.finished_at

    assert services.run_job(done_job.pk) is None
    assert tasks.run_job.delay(str(done_job.pk)).get() is None

    done_job.refresh_from_db()
    assert echo.calls == 1
    assert done_job.status == JobStatus.DONE
    assert done_job.file.name == file_name
    assert done_job.finished_at == finished_at


def test_a_running_job_is_not_run_twice(owner, echo):
    job = Job.objects.create(owner=owner, kind="test_echo", status=JobStatus.RUNNING)
    assert services.run_job(job.pk) is None
    assert echo.calls == 0


def test_a_failed_job_may_be_run_again(owner, echo):
    job = Job.objects.create(
        owner=owner,
        kind="test_echo",
        params={"word": "encore"},
        status=JobStatus.FAILED,
        error="Échec précédent",
    )
    services.run_job(job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.DONE
    assert job.error == ""


def test_missing_job_is_ignored():
    assert services.run_job(uuid.uuid4()) is None


def test_ping_task():
    assert tasks.ping.delay().get() == "pong"


# Views


def job_urls(job):
    return [
        reverse("jobs:detail", args=[job.pk]),
        reverse("jobs:status", args=[job.pk]),
        reverse("jobs:download", args=[job.pk]),
    ]


def test_another_user_gets_404(client, done_job, stranger):
    client.force_login(stranger)
    for url in job_urls(done_job):
        assert client.get(url).status_code == 404, url
    response = client.get(reverse("jobs:list"))
    assert response.status_code == 200
    assert str(done_job.pk) not in response.content.decode()


def test_anonymous_user_is_sent_to_login(client, done_job):
    for url in job_urls(done_job):
        response = client.get(url)
        assert response.status_code == 302
        assert reverse("accounts:login") in response["Location"]


def test_status_json_of_a_pending_job(client, owner, echo):
    job = Job.objects.create(owner=owner, kind="test_echo", progress=1, total=4)
    client.force_login(owner)
    response = client.get(reverse("jobs:status", args=[job.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    data = response.json()
    assert {"status", "percent", "progress", "total", "download_url", "error"} <= set(data)
    assert data["status"] == "pending"
    assert (data["percent"], data["progress"], data["total"]) == (25, 1, 4)
    assert data["download_url"] is None
    assert data["error"] == ""


def test_status_json_of_a_done_job(client, done_job, owner):
    client.force_login(owner)
    data = client.get(reverse("jobs:status", args=[done_job.pk])).json()
    assert data["status"] == "done"
    assert data["percent"] == 100
    assert data["download_url"] == reverse("jobs:download", args=[done_job.pk])


def test_status_json_of_a_failed_job(client, owner):
    job = Job.objects.create(
        owner=owner, kind="test_echo", status=JobStatus.FAILED, error="Échec de la tâche."
    )
    client.force_login(owner)
    data = client.get(reverse("jobs:status", args=[job.pk])).json()
    assert data["status"] == "failed"
    assert data["error"] == "Échec de la tâche."
    assert data["download_url"] is None


def test_owner_downloads_the_file(client, done_job, owner):
    client.force_login(owner)
    response = client.get(reverse("jobs:download", args=[done_job.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="echo-bonjour.csv"'
    assert b"".join(response.streaming_content) == b"mot;bonjour\n"


def test_download_is_404_until_done(client, owner):
    job = Job.objects.create(owner=owner, kind="test_echo", status=JobStatus.RUNNING)
    client.force_login(owner)
    assert client.get(reverse("jobs:download", args=[job.pk])).status_code == 404


def test_detail_page_of_a_running_job(client, owner, echo):
    job = Job.objects.create(
        owner=owner, kind="test_echo", status=JobStatus.RUNNING, progress=1, total=2
    )
    client.force_login(owner)
    response = client.get(reverse("jobs:detail", args=[job.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Écho de test" in html
    assert f'data-job-status-url="{reverse("jobs:status", args=[job.pk])}"' in html
    assert 'max="100" value="50"' in html
    assert "data-job-text" in html
    assert 'data-job-download href="' in html
    assert "Télécharger le fichier" in html
    link = html.split("data-job-download", 1)[1].split(">", 1)[0]
    assert "hidden" in link


def test_detail_page_of_a_done_job_shows_the_link_without_js(client, done_job, owner):
    client.force_login(owner)
    html = client.get(reverse("jobs:detail", args=[done_job.pk])).content.decode()
    link = html.split("data-job-download", 1)[1].split(">", 1)[0]
    assert reverse("jobs:download", args=[done_job.pk]) in link
    assert "hidden" not in link


def test_list_shows_the_users_last_jobs(client, owner, stranger, echo):
    for _ in range(22):
        Job.objects.create(owner=owner, kind="test_echo")
    theirs = Job.objects.create(owner=stranger, kind="test_echo")
    client.force_login(owner)
    response = client.get(reverse("jobs:list"))
    assert response.status_code == 200
    assert len(response.context["jobs"]) == 20
    assert all(job.owner_id == owner.pk for job in response.context["jobs"])
    assert str(theirs.pk) not in response.content.decode()
