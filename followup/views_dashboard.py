"""Pages of the regional dashboard of the follow-up, its exports and reports, and a sheet's PDF.

The dashboard is for regional staff and rectorate staff (their academies' campuses only);
directors and experts get 403. A sheet's PDF is for whoever sees the sheet (its campus's
director too): asking for it queues the rendering after commit and leads to its download,
which waits (the page reloads itself, no script) until the PDF is ready.
"""

from types import SimpleNamespace

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from core.errors import PermissionDeniedError

from . import dashboard, permissions
from .exports import FORMATS

VIEWS = ("year", "trend")


def _require_dashboard(request):
    if not permissions.can_view_dashboard(request.user):
        raise PermissionDenied


def _filter_form(request, data):
    """The filter form on `data` (GET or POST), the year defaulting to the latest year with a
    validated sheet the user sees. None when there is no campaign yet."""
    years = dashboard.campaign_years()
    if not years:
        return None
    data = data.copy()
    if not data.get("year"):
        data["year"] = dashboard.default_year(request.user, years)
    return dashboard.FilterForm(data, user=request.user, years=years)


@require_safe
def dashboard_page(request):
    _require_dashboard(request)
    form = _filter_form(request, request.GET)
    mode = request.GET.get("view") if request.GET.get("view") in VIEWS else "year"
    context = {
        "form": form,
        "filterset": SimpleNamespace(form=form),  # for includes/filters.html
        "mode": mode,
        "export_formats": FORMATS,
        "view": None,
    }
    if form is not None and form.is_valid():
        filters = form.filters()
        context["filters"] = filters
        context["counted_text"] = dashboard.counted_statuses_text(filters)
        if mode == "trend":
            context["view"] = dashboard.trend_view(request.user, filters)
        else:
            context["view"] = dashboard.year_view(request.user, filters)
        query = request.GET.copy()
        query.pop("view", None)
        query["year"] = filters.year
        context["query"] = query.urlencode()
        # The export and report forms post the filters shown (and the charts' indicator).
        context["hidden_filters"] = [
            (key, value)
            for key, value in {**filters.as_params(), "indicator": filters.indicator}.items()
            if value not in (None, "", False)
        ]
    return render(request, "followup/dashboard.html", context)


def _start_job(request, kind, params):
    from jobs.services import start_job

    job = start_job(request.user, kind, params)
    return redirect("jobs:detail", pk=job.pk)


def _posted_filters(request):
    form = _filter_form(request, request.POST)
    if form is None or not form.is_valid():
        return None
    return form.filters()


@require_POST
def dashboard_export(request, fmt):
    """Queue an export of the indicators per campus and year: the year shown, or every year
    (`period=all`), with the dashboard's filters (posted as hidden fields)."""
    _require_dashboard(request)
    if fmt not in FORMATS:
        raise Http404
    filters = _posted_filters(request)
    if filters is None:
        messages.error(request, _("Les filtres sont invalides : corrigez-les avant d'exporter."))
        return redirect("followup:dashboard")
    params = {"format": fmt, **filters.as_params()}
    if request.POST.get("period") == "all":
        params["year"] = None
        params["category_year"] = filters.year
    return _start_job(request, "followup_indicators_export", params)


@require_POST
def regional_report(request):
    """Queue the regional report of year N (a PDF; the job page shows its progress)."""
    _require_dashboard(request)
    filters = _posted_filters(request)
    if filters is None:
        messages.error(request, _("Les filtres sont invalides : corrigez-les avant de relancer."))
        return redirect("followup:dashboard")
    params = {**filters.as_params(), "indicator": filters.indicator}
    return _start_job(request, "followup_regional_report", params)


# ---------------------------------------------------------------- one sheet's PDF


def _require_followup(request):
    if not permissions.can_use_followup(request.user):
        raise PermissionDenied


@require_POST
def sheet_pdf_request(request, pk):
    _require_followup(request)
    sheet = permissions.sheets_visible_to(request.user).filter(pk=pk).first()
    if sheet is None:
        raise Http404
    from .documents import request_document

    try:
        document = request_document(request.user, sheet)
    except PermissionDeniedError as error:
        raise PermissionDenied(str(error)) from error
    return redirect("followup:sheet_pdf_download", pk=document.pk)
