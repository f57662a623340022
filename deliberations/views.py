"""Pages of the Region's deliberations: who may read them is who may use conventions (the
objects a deliberation adopted are shown only when the user may see them)."""

import re
from contextlib import suppress

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from audit.models import AuditAction
from audit.services import record, snapshot
from conventions import permissions as convention_permissions
from core.views import save_form

from .forms import DeliberationForm, DeliberationSearchForm
from .models import Deliberation
from .numbers import normalize_deliberation_number

PAGE_SIZE = 25


def _require_readers(request):
    if not convention_permissions.can_use_conventions(request.user):
        raise PermissionDenied


def _require_managers(request):
    if not convention_permissions.can_manage_conventions(request.user):
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
            "can_manage": convention_permissions.can_manage_conventions(request.user),
        },
    )


def deliberation_detail(request, pk):
    _require_readers(request)
    deliberation = get_object_or_404(Deliberation, pk=pk)
    user = request.user
    conventions = convention_permissions.conventions_visible_to(
        user, deliberation.conventions.select_related("campus")
    )
    amendments = convention_permissions.amendments_visible_to(
        user, deliberation.amendments.select_related("convention__campus")
    ).order_by("convention__campus__short_name", "number")
    from subsidies.selectors import deliberation_subsidies

    return render(
        request,
        "deliberations/deliberation_detail.html",
        {
            "deliberation": deliberation,
            "conventions": conventions,
            "amendments": amendments,
            "can_manage": convention_permissions.can_manage_conventions(user),
            # The grants it allocates (None for users without access to subsidies).
            "subsidies": deliberation_subsidies(user, deliberation),
        },
    )


@transaction.atomic
def _create(actor, deliberation):
    deliberation.save()
    record(actor, AuditAction.CREATE, deliberation, after=snapshot(deliberation))
    return deliberation


def deliberation_create(request):
    _require_readers(request)
    _require_managers(request)
    form = DeliberationForm(request.POST or None)
    saved = (
        request.method == "POST"
        and form.is_valid()
        and save_form(request, form, lambda: _create(request.user, form.instance))
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
    from jobs.services import start_job

    job = start_job(request.user, "deliberation_documents", {"deliberation_id": deliberation.pk})
    return redirect("jobs:detail", pk=job.pk)
