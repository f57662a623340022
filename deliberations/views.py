"""Pages of the Region's deliberations. A deliberation's page is composed: the conventions it
adopted, the grants it voted… are blocks that their domains contribute (contributions.py),
each showing only what the user may see."""

import re
from contextlib import suppress

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.composition import blocks_for
from core.views import save_form
from jobs.services import JOB_HANDLERS, start_job

from . import services
from .contributions import PAGE_SLOT
from .forms import DeliberationForm, DeliberationSearchForm
from .models import Deliberation
from .numbers import normalize_deliberation_number
from .permissions import can_manage_deliberations, can_read_deliberations

# The job that makes the PDFs of everything a deliberation adopted (conventions registers it).
DOCUMENTS_JOB = "deliberation_documents"

PAGE_SIZE = 25


def _require_readers(request):
    if not can_read_deliberations(request.user):
        raise PermissionDenied


def _require_managers(request):
    if not can_manage_deliberations(request.user):
        raise PermissionDenied


def _search(queryset, query):
    """(queryset, error): a typed number is normalised and matched exactly; words search the
    title. « 2023-263 » alone matches CP or CR."""
    if not query:
        return queryset, None
    if not re.search(r"\d", query):
        return queryset.filter(title__icontains=query), None
    try:
        return queryset.filter(number=normalize_deliberation_number(query)), None
    except ValidationError as error:
        numbers = []
        for body in ("CP", "CR"):
            with suppress(ValidationError):
                numbers.append(normalize_deliberation_number(f"{body} {query}"))
        if numbers:
            return queryset.filter(number__in=numbers), None
        return queryset.none(), error.messages[0]


def deliberation_list(request):
    _require_readers(request)
    form = DeliberationSearchForm(request.GET or None)
    deliberations, error = Deliberation.objects.all(), None
    if form.is_bound:
        if form.is_valid():
            deliberations, error = _search(deliberations, form.cleaned_data["q"].strip())
        else:
            deliberations = deliberations.none()
        if error:
            form.add_error("q", error)
    page = Paginator(deliberations, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "deliberations/deliberation_list.html",
        {
            "form": form,
            "page_obj": page,
            "can_manage": can_manage_deliberations(request.user),
        },
    )


def deliberation_detail(request, pk):
    _require_readers(request)
    deliberation = get_object_or_404(Deliberation, pk=pk)
    return render(
        request,
        "deliberations/deliberation_detail.html",
        {
            "deliberation": deliberation,
            "blocks": blocks_for(PAGE_SLOT, request, deliberation=deliberation),
        },
    )


def deliberation_create(request):
    _require_readers(request)
    _require_managers(request)
    form = DeliberationForm(request.POST or None)
    saved = (
        request.method == "POST"
        and form.is_valid()
        and save_form(
            request, form, lambda: services.create_deliberation(request.user, form.instance)
        )
    )
    if saved:
        messages.success(
            request,
            _("La délibération %(number)s a été enregistrée.") % {"number": form.instance},
        )
        return redirect(form.instance)
    return render(request, "deliberations/deliberation_form.html", {"form": form})


@require_POST
def generate_documents(request, pk):
    """Queue the PDFs of everything the deliberation adopted; the job page shows progress."""
    _require_readers(request)
    deliberation = get_object_or_404(Deliberation, pk=pk)
    _require_managers(request)
    if DOCUMENTS_JOB not in JOB_HANDLERS:
        raise Http404
    job = start_job(request.user, DOCUMENTS_JOB, {"deliberation_id": deliberation.pk})
    return redirect("jobs:detail", pk=job.pk)
