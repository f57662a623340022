"""Background jobs: start one, run it through its handler, store the file it produces.

A handler is `handler(job, report_progress) -> (filename, bytes)`. Apps register theirs in
JOB_HANDLERS, preferably as a dotted path so that this module never imports them (no cycles):

    JOB_HANDLERS["subsidy_pdf"] = "subsidies.documents.render_pdf"

A handler raises JobError with a French message meant for the user; any other exception is
logged with its traceback and the user only sees a generic message.
"""

import logging
import time

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Job, JobStatus

logger = logging.getLogger(__name__)

# kind -> handler (callable or dotted path, resolved at run time).
JOB_HANDLERS = {
    "campus_registry_export": "campuses.exports.export_registry",
}

# kind -> label shown to the user.
JOB_LABELS = {
    "campus_registry_export": gettext_lazy("Export du registre des campus"),
}

# Progress is written at most this often (seconds), so that a job of many rows does not
# issue one UPDATE per row; the first and the last report are always written.
PROGRESS_INTERVAL = 0.5

# A job in these states may be (re)run; a running or done job is left alone.
RUNNABLE = (JobStatus.PENDING, JobStatus.FAILED)


class JobError(Exception):
    """A failure whose message (in French) may be shown to the user as is."""


def register_handler(kind, handler, label=None):
    """Register the handler (callable or dotted path) of a kind of job."""
    JOB_HANDLERS[kind] = handler
    if label is not None:
        JOB_LABELS[kind] = label


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
    transaction.on_commit(lambda: run_job_task.delay(job_id))
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
        Job.objects.filter(pk=job.pk).update(progress=done, total=total)

    return report_progress


def run_job(job_id):
    """Run a pending (or previously failed) job; a no-op for a running or done job.

    Returns the job, or None when there was nothing to do.
    """
    # Claiming the job is one conditional UPDATE: two workers given the same id cannot both
    # run it, and re-delivering a finished job does nothing.
    claimed = Job.objects.filter(pk=job_id, status__in=RUNNABLE).update(
        status=JobStatus.RUNNING, progress=0, error="", finished_at=None
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
        filename, content = handler(job, _progress_reporter(job))
        # One directory per job keeps the file's name clean (no random suffix on clashes).
        job.file.save(f"{job.pk}/{filename}", ContentFile(content), save=False)
        job.status = JobStatus.DONE
        job.progress = job.total = max(job.total, job.progress)
        job.finished_at = timezone.now()
        job.save(update_fields=["file", "status", "progress", "total", "finished_at"])
    except Exception as error:
        if isinstance(error, JobError):
            message = str(error)
            logger.warning("Job %s (%s) failed: %s", job.pk, job.kind, message)
        else:
            message = _(
                "Une erreur inattendue a empêché cette tâche d'aboutir. Relancez-la ; si le "
                "problème persiste, contactez l'équipe de la Région."
            )
            logger.exception("Job %s (%s) failed", job.pk, job.kind)
        Job.objects.filter(pk=job.pk).update(
            status=JobStatus.FAILED, error=message, finished_at=timezone.now()
        )
        job.refresh_from_db()
    return job
