"""What the benchmark asks of a bench database, in a process started on it (`manage.py
bench_probe`): the URLs to measure, the PDF timings, a batch of PDF jobs for the workers."""

import statistics
import time

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse

from core.api import router
from core.composition import navigation_for
from documents import services as document_services
from documents.models import DocumentStatus
from documents.tasks import generate_document

REGIONAL = "region"
DIRECTOR = "dir-ia"


def urls():
    """{"regional": [[label, url]…], "director": […], "api": […]}: the navigation of the
    regional staff and of a director, and every list of the API (/api/v1/)."""
    User = get_user_model()
    pages = {}
    for key, username in (("regional", REGIONAL), ("director", DIRECTOR)):
        user = User.objects.get(username=username)
        pages[key] = [[item["label"], item["url"]] for item in navigation_for(user, "/")]
    pages["api"] = [
        [f"API {prefix}", reverse(f"{basename}-list")]
        for prefix, _viewset, basename in sorted(router.registry, key=lambda entry: entry[0])
    ]
    return pages


def _documents(actor, count):
    """Up to `count` documents of each of two kinds of the kernel (convention PDFs, follow-up
    sheets' PDFs), alternated, not queued: [(label, model label, pk)]."""
    from conventions.documents import request_document as request_convention
    from conventions.models import DocumentKind, FrameworkConvention
    from followup.documents import request_document as request_sheet
    from followup.models import FollowUpSheet

    conventions = [
        (
            f"Convention PDF ({convention.campus.short_name})",
            request_convention(
                actor, kind=DocumentKind.CONVENTION, convention=convention, queue=False
            ),
        )
        for convention in FrameworkConvention.objects.select_related("campus").order_by("pk")[
            :count
        ]
    ]
    sheets = [
        (
            f"Fiche de suivi PDF ({sheet.campus.short_name}, {sheet.campaign.year})",
            request_sheet(actor, sheet, queue=False),
        )
        for sheet in FollowUpSheet.objects.select_related("campus", "campaign").order_by("pk")[
            :count
        ]
    ]
    mixed = [doc for pair in zip(conventions, sheets, strict=False) for doc in pair]
    mixed += conventions[len(sheets) :] + sheets[len(conventions) :]
    return [(label, doc._meta.label_lower, doc.pk) for label, doc in mixed]


def _reset(model_label, pk):
    """Back to pending, without its file and with its HTML fixed again, as a fresh request
    leaves it: the task renders it again."""
    from django.apps import apps

    model = apps.get_model(model_label)
    html, _key, context = document_services.render_html(model.objects.get(pk=pk), with_context=True)
    model.objects.filter(pk=pk).update(
        status=DocumentStatus.PENDING,
        attempts=0,
        file="",
        source_html=html,
        source_data=document_services.attached_data(context),
    )
    return model.objects.get(pk=pk)


def pdf_timings(runs):
    """Per kind of document: the median seconds of the document task (the HTML fixed by the
    request rendered to PDF/A-3 with its attached data, the seal, the stored file) and of raw
    WeasyPrint on the same HTML (a plain PDF, with the task's URL fetcher)."""
    from weasyprint import HTML

    actor = get_user_model().objects.get(username=REGIONAL)
    with transaction.atomic():
        documents = _documents(actor, 1)
    results = []
    for label, model_label, pk in documents:
        html, _key = document_services.render_html(_reset(model_label, pk))
        fetcher = document_services.url_fetcher()
        task, raw = [], []
        for run in range(runs + 1):  # the first run of each warms the caches (fonts, templates)
            _reset(model_label, pk)
            start = time.perf_counter()
            status = generate_document.run(model_label, pk)
            elapsed = time.perf_counter() - start
            if status != DocumentStatus.READY:
                raise RuntimeError(f"{label} : statut {status}")
            start = time.perf_counter()
            # The task's own fetcher: WeasyPrint's default one would try to fetch the static
            # files' absolute URLs (SITE_URL) over the network, which the task never does.
            HTML(string=html, base_url=None, url_fetcher=fetcher).write_pdf()
            raw_elapsed = time.perf_counter() - start
            if run:
                task.append(elapsed)
                raw.append(raw_elapsed)
        results.append(
            {"label": label, "task": statistics.median(task), "raw": statistics.median(raw)}
        )
    return results


def prepare_batch(count):
    """`count` documents, pending: [[model label, pk]]."""
    actor = get_user_model().objects.get(username=REGIONAL)
    with transaction.atomic():
        documents = _documents(actor, count)[:count]
    for _label, model_label, pk in documents:
        _reset(model_label, pk)
    return [[model_label, pk] for _label, model_label, pk in documents]


def run_batch(documents, timeout, *, warmup=0):
    """Queue the documents on the real broker (emptied first) and wait until every one is
    ready: the seconds it took. The first `warmup` documents go through once before, untimed
    (each worker's first job loads WeasyPrint and the fonts)."""
    from cmq_portal.celery import app

    app.control.purge()
    if warmup:
        _batch(documents[:warmup], timeout)
    return _batch(documents, timeout)


def _batch(documents, timeout):
    """Queue `documents` and wait for the tasks' results on the result backend (Redis pub/sub:
    the waiting costs the workers no CPU, where polling the database every 50 ms took a share
    of the same cores). Each task returns the document's status."""
    from celery.exceptions import TimeoutError as ResultTimeout
    from celery.result import ResultSet

    for model_label, pk in documents:
        _reset(model_label, pk)
    start = time.perf_counter()
    results = ResultSet([generate_document.delay(model_label, pk) for model_label, pk in documents])
    try:
        statuses = results.get(timeout=timeout, propagate=True)
    except ResultTimeout as error:
        waiting = len(documents) - results.completed_count()
        raise TimeoutError(f"{waiting} documents toujours en attente après {timeout} s") from error
    elapsed = time.perf_counter() - start
    for (model_label, pk), status in zip(documents, statuses, strict=True):
        if status != DocumentStatus.READY:
            raise RuntimeError(f"{model_label} {pk} : génération en échec ({status})")
    return elapsed
