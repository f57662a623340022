"""Background jobs: start one, run it through its handler, store the file it produces.

A handler is `handler(job, report_progress) -> (filename, bytes)`. Apps register theirs in
their AppConfig.ready(), as a dotted path so that this module never imports them:

    register_handler(
        "subsidy_annex_bundle",
        "subsidies.documents.bundle.build_annex_bundle",
        label=_("Annexes d'une délibération (fiches projet)"),
    )

A handler raises JobError with a French message meant for the user; any other exception is
logged with its traceback and the user only sees a generic message.

Long work is split across the workers: the handler returns `Parts(count, state, head)` instead
of a file, and the kind registers `render_part(job, index, state) -> bytes` and
`merge_parts(job, head, contents, state) -> (filename, bytes)` with register_parts; a part
gets `add_progress(steps=1)` as fourth argument. Each part runs as its own task, on whichever
worker is free; the part that finishes last merges them (see run_part). Progress counts what
the parts report, so the bar moves as they work. run_in_process does the same in one process,
one part after the other (tests, benchmarks).
"""

import json
import logging
import time
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from .models import Job, JobStatus

logger = logging.getLogger(__name__)

# kind -> handler (callable or dotted path, resolved at run time), registered by the apps.
JOB_HANDLERS = {}

# kind -> label shown to the user.
JOB_LABELS = {}

# Progress is written at most this often (seconds), so that a job of many rows does not
# issue one UPDATE per row; the first and the last report are always written.
PROGRESS_INTERVAL = 0.5

# A job in these states may be (re)run; a running or done job is left alone.
RUNNABLE = (JobStatus.PENDING, JobStatus.FAILED)

# A running job without a sign of life for this long lost its worker (killed, restarted);
# a pending one this old lost its message. The sweep queues it again, up to MAX_ATTEMPTS
# runs, then fails it: a job never stays running forever.
STALE_AFTER = timedelta(minutes=15)
MAX_ATTEMPTS = 3


# kind -> (render_part, merge_parts): callables or dotted paths (register_parts).
JOB_PARTS = {}


class JobError(Exception):
    """A failure whose message (in French) may be shown to the user as is."""


@dataclass
class Parts:
    """A handler's answer when its work runs in `count` parallel parts (module docstring).

    `state` (JSON) is handed to every part and to the merge; `head` (bytes) is what the handler
    produced itself (the first pages of a report, say), given to the merge before the parts.
    """

    count: int
    state: dict = field(default_factory=dict)
    head: bytes = b""


def register_handler(kind, handler, label=None):
    """Register the handler (callable or dotted path) of a kind of job."""
    JOB_HANDLERS[kind] = handler
    if label is not None:
        JOB_LABELS[kind] = label


def register_parts(kind, render_part, merge_parts):
    """Register how the parts of a kind of job are rendered and merged (module docstring)."""
    JOB_PARTS[kind] = (render_part, merge_parts)


def _part_functions(kind):
    render, merge = JOB_PARTS[kind]
    return (
        import_string(render) if isinstance(render, str) else render,
        import_string(merge) if isinstance(merge, str) else merge,
    )


def kind_label(job):
    """What the job produces, in French, e.g. "Export du registre des campus (XLSX)"."""
    label = str(JOB_LABELS.get(job.kind, job.kind))
    fmt = (job.params or {}).get("format")
    return f"{label} ({fmt.upper()})" if isinstance(fmt, str) and fmt else label


def get_handler(kind):
    handler = JOB_HANDLERS.get(kind)
    if handler is None:
        raise JobError(_("Ce type de tâche n'est pas pris en charge."))
    return import_string(handler) if isinstance(handler, str) else handler


def start_job(owner, kind, params=None):
    """Create a pending job and queue it once the current transaction commits."""
    if kind not in JOB_HANDLERS:
        raise ValueError(f"Unknown job kind: {kind!r}")
    job = Job.objects.create(
        owner=owner, kind=kind, params=params or {}, language=translation.get_language() or ""
    )
    # Imported here: tasks.py imports this module.
    from .tasks import run_job as run_job_task

    job_id = str(job.pk)
    # Robust: a broker that is down does not turn the request into an error page; the job
    # stays pending and the sweep queues it again.
    transaction.on_commit(lambda: run_job_task.delay(job_id), robust=True)
    return job


def _progress_reporter(job):
    """report_progress(done, total): updates the row directly, visible to other connections."""
    last_write = None

    def report_progress(done, total):
        nonlocal last_write
        done, total = max(int(done), 0), max(int(total), 0)
        job.progress, job.total = done, total
        now = time.monotonic()
        if last_write is not None and now - last_write < PROGRESS_INTERVAL and done < total:
            return
        last_write = now
        Job.objects.filter(pk=job.pk).update(
            progress=done, total=total, heartbeat_at=timezone.now()
        )

    return report_progress


def run_job(job_id):
    """Run a pending (or previously failed) job; a no-op for a running or done job.

    Returns the job, or None when there was nothing to do.
    """
    # Claiming the job is one conditional UPDATE: two workers given the same id cannot both
    # run it, and re-delivering a finished job does nothing.
    claimed = Job.objects.filter(pk=job_id, status__in=RUNNABLE).update(
        status=JobStatus.RUNNING,
        progress=0,
        error="",
        finished_at=None,
        attempts=F("attempts") + 1,
        heartbeat_at=timezone.now(),
    )
    if not claimed:
        logger.info("Job %s not run: missing, running or already done.", job_id)
        return None
    job = Job.objects.select_related("owner").get(pk=job_id)
    # A worker has no request: the file speaks the language of the person who asked for it.
    with translation.override(job.language or settings.LANGUAGE_CODE):
        return _run_claimed(job)


def _run_claimed(job):
    try:
        handler = get_handler(job.kind)
        result = handler(job, _progress_reporter(job))
        if isinstance(result, Parts):
            _fan_out(job, result)
            return job
        filename, content = result
        _store_result(job, filename, content)
    except Exception as error:
        _fail(job, error)
    return job


def _store_result(job, filename, content):
    # One directory per job keeps the file's name clean (no random suffix on clashes).
    job.file.save(f"{job.pk}/{filename}", ContentFile(content), save=False)
    job.status = JobStatus.DONE
    job.progress = job.total = max(job.total, job.progress)
    job.finished_at = timezone.now()
    job.save(update_fields=["file", "status", "progress", "total", "finished_at"])


def _fail(job, error):
    if isinstance(error, JobError):
        message = str(error)
        logger.warning("Job %s (%s) failed: %s", job.pk, job.kind, message)
    else:
        message = _(
            "Une erreur inattendue a empêché cette tâche d'aboutir. Relancez-la ; si le "
            "problème persiste, contactez l'équipe de la Région."
        )
        logger.exception("Job %s (%s) failed", job.pk, job.kind)
    Job.objects.filter(pk=job.pk, status=JobStatus.RUNNING).update(
        status=JobStatus.FAILED, error=message, finished_at=timezone.now()
    )
    job.refresh_from_db()


# ---------------------------------------------------------------- parallel parts


def _part_dir(job):
    return f"jobs/parts/{job.pk}/{job.attempts}"


def _part_path(job, index):
    return f"{_part_dir(job)}/{index}.bin"


def _save(path, content):
    if default_storage.exists(path):
        default_storage.delete(path)
    default_storage.save(path, ContentFile(content))


def _fan_out(job, parts):
    """Store what the parts need, then queue one task per part (they run in any order)."""
    from .tasks import run_job_part

    if job.kind not in JOB_PARTS:
        raise ValueError(f"No parts registered for jobs of kind {job.kind!r}")
    _save(
        f"{_part_dir(job)}/state.json",
        json.dumps({"count": parts.count, "state": parts.state}).encode(),
    )
    _save(_part_path(job, "head"), parts.head)
    # The handler's last report may have been held back (PROGRESS_INTERVAL): the parts add to it.
    Job.objects.filter(pk=job.pk).update(progress=job.progress, total=job.total)
    job_id, attempt = str(job.pk), job.attempts
    for index in range(parts.count):
        transaction.on_commit(
            lambda index=index: run_job_part.delay(job_id, attempt, index), robust=True
        )


def run_in_process(job, report_progress):
    """What the job's handler produces, its parts (if any) rendered one after the other here."""
    last = {"done": 0, "total": 0}

    def progress(done, total):
        last.update(done=done, total=total)
        report_progress(done, total)

    result = get_handler(job.kind)(job, progress)
    if not isinstance(result, Parts):
        return result
    render, merge = _part_functions(job.kind)

    def add_progress(done=1):
        last["done"] += done
        report_progress(last["done"], last["total"])

    contents = [render(job, index, result.state, add_progress) for index in range(result.count)]
    return merge(job, result.head, contents, result.state)


def _read_state(job):
    with default_storage.open(f"{_part_dir(job)}/state.json") as handle:
        return json.loads(handle.read())


def part_progress(job):
    """add_progress for a part: adds `done` steps to the job's progress (parts run at once, so
    each adds its own steps rather than writing a total)."""

    def add(done=1):
        Job.objects.filter(pk=job.pk).update(
            progress=F("progress") + done, heartbeat_at=timezone.now()
        )

    return add


def run_part(job_id, attempt, index):
    """Render part `index` of a running job's attempt `attempt`; the last part merges.

    A part of an attempt the sweep has replaced, or of a job that failed meanwhile, does nothing.
    The merge happens under a lock on the job's row: of two parts finishing together, the one
    that takes the lock second sees the job done and leaves it.
    """
    job = Job.objects.select_related("owner").filter(pk=job_id).first()
    if job is None or job.status != JobStatus.RUNNING or job.attempts != attempt:
        return None
    with translation.override(job.language or settings.LANGUAGE_CODE):
        try:
            render, merge = _part_functions(job.kind)
            saved = _read_state(job)
            content = render(job, index, saved["state"], part_progress(job))
            _save(_part_path(job, index), content)
            with transaction.atomic():
                job = Job.objects.select_for_update().select_related("owner").get(pk=job_id)
                if job.status != JobStatus.RUNNING or job.attempts != attempt:
                    return job
                paths = [_part_path(job, i) for i in range(saved["count"])]
                if not all(default_storage.exists(path) for path in paths):
                    return job  # other parts are still at work
                contents = []
                for path in paths:
                    with default_storage.open(path) as handle:
                        contents.append(handle.read())
                with default_storage.open(_part_path(job, "head")) as handle:
                    head = handle.read()
                filename, merged = merge(job, head, contents, saved["state"])
                job.refresh_from_db(fields=["progress", "total"])
                _store_result(job, filename, merged)
            _delete_parts(job, saved["count"])
        except Exception as error:
            _fail(job, error)
    return job


def _delete_parts(job, count):
    for name in [*range(count), "head"]:
        default_storage.delete(_part_path(job, name))
    default_storage.delete(f"{_part_dir(job)}/state.json")


def sweep_stale(now=None):
    """Jobs a lost worker left running (or a lost message left pending): queued again while
    attempts remain, failed with a message after that. Returns (re-queued, failed)."""
    from .tasks import run_job as run_job_task

    now = now or timezone.now()
    cutoff = now - STALE_AFTER
    stale = Job.objects.annotate(last_sign=Coalesce("heartbeat_at", "created_at")).filter(
        Q(status=JobStatus.RUNNING) | Q(status=JobStatus.PENDING), last_sign__lt=cutoff
    )
    requeued = failed = 0
    for job in stale:
        # Conditional updates: a worker finishing the job meanwhile wins.
        still_stale = Job.objects.filter(pk=job.pk, status=job.status).filter(
            Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True)
        )
        if job.attempts >= MAX_ATTEMPTS:
            failed += still_stale.update(
                status=JobStatus.FAILED,
                finished_at=now,
                error=_(
                    "Cette tâche a été interrompue (le service des tâches de fond a redémarré) "
                    "et n'a pas pu aboutir après %(n)s essais. Relancez-la ; si le problème "
                    "persiste, contactez l'équipe de la Région."
                )
                % {"n": job.attempts},
            )
        elif still_stale.update(status=JobStatus.PENDING, heartbeat_at=now):
            job_id = str(job.pk)
            transaction.on_commit(lambda job_id=job_id: run_job_task.delay(job_id), robust=True)
            requeued += 1
    if requeued or failed:
        logger.warning("Jobs swept: %s re-queued, %s failed", requeued, failed)
    return requeued, failed
