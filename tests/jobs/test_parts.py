"""Jobs split into parts (jobs.services.Parts): each part a task, the last one merges."""

import pytest
from django.core.files.storage import default_storage

from accounts.models import User
from jobs import services
from jobs.models import Job, JobStatus

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def owner():
    return User.objects.create_user(
        username="owner", email="owner@example.org", password="x", role="regional"
    )


class Letters:
    """A job writing words in parts: the head is « début », each part a word in capitals."""

    def __init__(self, fail_part=None):
        self.fail_part = fail_part
        self.progress_seen = []
        self.merges = 0

    def handler(self, job, report_progress):
        words = job.params["words"]
        report_progress(1, len(words) + 1)
        return services.Parts(count=len(words), state={"words": words}, head=b"debut")

    def render(self, job, index, state, add_progress):
        if index == self.fail_part:
            raise services.JobError(f"La partie {index} a échoué.")
        add_progress(1)
        if not job._state.adding:  # run by the kernel, not run_in_process
            self.progress_seen.append(Job.objects.get(pk=job.pk).progress)
        return state["words"][index].upper().encode()

    def merge(self, job, head, contents, state):
        self.merges += 1
        return "mots.txt", b" ".join([head, *contents])


@pytest.fixture
def letters(monkeypatch):
    def make(**kwargs):
        job_kind = Letters(**kwargs)
        monkeypatch.setitem(services.JOB_HANDLERS, "test_letters", job_kind.handler)
        monkeypatch.setitem(services.JOB_PARTS, "test_letters", (job_kind.render, job_kind.merge))
        return job_kind

    return make


def start(owner, words, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = services.start_job(owner, "test_letters", {"words": words})
    job.refresh_from_db()
    return job


def test_the_parts_run_then_the_last_one_merges_them_in_order(
    owner, letters, django_capture_on_commit_callbacks
):
    job_kind = letters()
    job = start(owner, ["un", "deux", "trois"], django_capture_on_commit_callbacks)

    assert job.status == JobStatus.DONE, job.error
    with job.file.open("rb") as handle:
        assert handle.read() == b"debut UN DEUX TROIS"
    assert job_kind.merges == 1
    # The overview's step, then one per part, visible in the row as they finish.
    assert job_kind.progress_seen == [2, 3, 4]
    assert (job.progress, job.total) == (4, 4)
    # The parts' files are gone once merged.
    _dirs, files = default_storage.listdir(f"jobs/parts/{job.pk}/{job.attempts}")
    assert files == []


def test_a_failing_part_fails_the_job_with_its_message(
    owner, letters, django_capture_on_commit_callbacks
):
    job_kind = letters(fail_part=1)
    job = start(owner, ["un", "deux", "trois"], django_capture_on_commit_callbacks)

    assert job.status == JobStatus.FAILED
    assert job.error == "La partie 1 a échoué."
    assert job_kind.merges == 0
    assert not job.file


def test_a_part_of_a_replaced_attempt_does_nothing(owner, letters):
    job_kind = letters()
    job = Job.objects.create(
        owner=owner, kind="test_letters", params={"words": ["un"]}, status=JobStatus.RUNNING
    )
    job.attempts = 2
    job.save()
    assert services.run_part(str(job.pk), 1, 0) is None  # attempt 1 was swept and re-run
    assert job_kind.merges == 0


def test_run_in_process_gives_the_same_file_and_each_step(owner, letters):
    letters()
    job = Job(owner=owner, kind="test_letters", params={"words": ["un", "deux"]})
    steps = []
    filename, content = services.run_in_process(
        job, lambda done, total: steps.append((done, total))
    )
    assert (filename, content) == ("mots.txt", b"debut UN DEUX")
    assert steps == [(1, 3), (2, 3), (3, 3)]
