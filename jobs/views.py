"""Pages of background jobs. A job is only visible to the user who started it: anybody else
gets a 404, so that its existence is not revealed."""

import mimetypes
import posixpath

from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from . import selectors, services
from .models import Job, JobStatus

LIST_SIZE = 20

# mimetypes does not know every office format on every system.
CONTENT_TYPES = {
    ".csv": "text/csv; charset=utf-8",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
    ".pdf": "application/pdf",
}


def _own_job(request, pk):
    return get_object_or_404(Job, pk=pk, owner=request.user)


def _download_url(job):
    if job.status == JobStatus.DONE and job.file:
        return reverse("jobs:download", args=[job.pk])
    return None


def _filename(job):
    return posixpath.basename(job.file.name)


@require_safe
def job_list(request):
    jobs = list(selectors.jobs_of(request.user)[:LIST_SIZE])
    for job in jobs:
        job.kind_label = services.kind_label(job)
        job.download_url = _download_url(job)
    return render(request, "jobs/job_list.html", {"jobs": jobs})


@require_safe
def detail(request, pk):
    job = _own_job(request, pk)
    return render(
        request,
        "jobs/job_detail.html",
        {
            "job": job,
            "kind_label": services.kind_label(job),
            "download_url": _download_url(job) or reverse("jobs:download", args=[job.pk]),
            "is_done": job.status == JobStatus.DONE,
            "is_failed": job.status == JobStatus.FAILED,
            "filename": _filename(job) if job.file else "",
        },
    )


@never_cache
@require_safe
def status(request, pk):
    """The job's state, polled by static/js/portal.js."""
    job = _own_job(request, pk)
    return JsonResponse(
        {
            "status": job.status,
            "status_label": job.get_status_display(),
            "percent": job.percent,
            "progress": job.progress,
            "total": job.total,
            "download_url": _download_url(job),
            "error": job.error if job.status == JobStatus.FAILED else "",
        }
    )


@require_safe
def download(request, pk):
    job = _own_job(request, pk)
    if job.status != JobStatus.DONE or not job.file:
        raise Http404
    filename = _filename(job)
    extension = posixpath.splitext(filename)[1].lower()
    content_type = (
        CONTENT_TYPES.get(extension)
        or mimetypes.guess_type(filename)[0]
        or "application/octet-stream"
    )
    try:
        handle = job.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    return FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)
