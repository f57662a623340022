"""Regional views: the national sessions of expertise (applications per session and state,
and which criteria are most often only partly met, a chart), the calendar of every campus's
label milestones, and the experts' own declaration of interests."""

from collections import Counter

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from campuses.permissions import campuses_visible_to
from core import charts, roles
from core.views import form_page, run_action, save_form

from .. import forms, planning, services
from ..models import (
    ApplicationStatus,
    ConsolidatedCriterion,
    Criterion,
    DeclaredConflict,
    ExpertAffiliation,
    ExpertiseSession,
    Rating,
)
from ..permissions import applications_visible_to, can_manage_labels, can_prepare_any
from .common import require_use


def _require_carrier_side(request):
    require_use(request)
    if not can_prepare_any(request.user):
        raise PermissionDenied(_("Cette vue est celle des services de la Région et du rectorat."))


def partly_met_chart(applications):
    """How many applications had each criterion only partly met (or not met) in the expert
    group's consolidated opinion: the criteria campuses most often fall short on."""
    rows = ConsolidatedCriterion.objects.filter(
        application__in=applications, rating__in=(Rating.PARTLY, Rating.NOT_MET)
    ).values_list("criterion__number", "criterion__title", "rating")
    partly, short = Counter(), Counter()
    titles = {}
    for number, title, rating in rows:
        titles[number] = title
        short[number] += 1
        if rating == Rating.PARTLY:
            partly[number] += 1
    ranked = sorted(short, key=lambda number: (-short[number], [int(p) for p in number.split(".")]))
    items = [(f"{number} {titles[number]}", partly[number]) for number in ranked]
    not_met = {f"{number} {titles[number]}": short[number] - partly[number] for number in ranked}
    chart = charts.horizontal_bar_chart(
        "chart-partly-met",
        _("Critères partiellement atteints, par nombre de candidatures"),
        items,
        text=lambda value: (
            ngettext("%(count)s candidature", "%(count)s candidatures", value) % {"count": value}
        ),
    )
    return chart, [
        {"criterion": label, "partly": value, "not_met": not_met[label]} for label, value in items
    ]


def sessions(request):
    _require_carrier_side(request)
    applications = applications_visible_to(request.user)
    counts = {}
    for session_id, status, count in (
        applications.values_list("session", "status").annotate(count=Count("pk")).order_by()
    ):
        counts.setdefault(session_id, {})[status] = count
    rows = [
        {
            "session": session,
            "counts": counts.get(session.pk, {}),
            "total": sum(counts.get(session.pk, {}).values()),
        }
        for session in ExpertiseSession.objects.order_by("-meets_on")
    ]
    if None in counts:
        rows.append({"session": None, "counts": counts[None], "total": sum(counts[None].values())})
    statuses = [
        (value, label)
        for value, label in ApplicationStatus.choices
        if any(row["counts"].get(value) for row in rows)
    ]
    chart, table = partly_met_chart(applications)
    for row in rows:
        row["cells"] = [row["counts"].get(value, 0) for value, _label in statuses]
    return render(
        request,
        "labels/sessions.html",
        {
            "rows": rows,
            "statuses": statuses,
            "chart": chart,
            "chart_rows": table,
            "criteria_count": Criterion.objects.filter(
                version__in=applications.values("criteria_version")
            )
            .values("number")
            .distinct()
            .count(),
            "can_manage": can_manage_labels(request.user),
        },
    )


def session_create(request):
    require_use(request)
    if not can_manage_labels(request.user):
        raise PermissionDenied(_("Seuls les services de la Région enregistrent les sessions."))
    form = forms.SessionForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda data: services.create_session(request.user, **data),
        success=_("Session d'expertise enregistrée."),
        done="labels:sessions",
        template="labels/form_page.html",
        context={"title": _("Nouvelle session d'expertise"), "button": _("Enregistrer")},
    )


def calendar(request):
    """Every campus's label milestones: renewal retro-planning and obligations."""
    _require_carrier_side(request)
    today = timezone.localdate()
    visible = set(campuses_visible_to(request.user).values_list("pk", flat=True))
    show_done = request.GET.get("faits") == "1"
    entries = [
        entry
        for entry in planning.entries(today)
        if entry.campus.pk in visible and (show_done or not entry.done)
    ]
    by_year = {}
    for entry in entries:
        by_year.setdefault(entry.due_on.year, []).append(entry)
    return render(
        request,
        "labels/calendar.html",
        {"by_year": sorted(by_year.items()), "today": today, "show_done": show_done},
    )


# ------------------------------------------------------------------- declared interests


def _require_expert(request):
    require_use(request)
    if not roles.is_expert(request.user):
        raise PermissionDenied(_("Cette page est celle des expert·es."))


def interests(request):
    """An expert declares the organisations they work for or with, and their conflicts with
    campuses: they are never assigned to those campuses."""
    _require_expert(request)
    user = request.user
    affiliation_form = forms.AffiliationForm(
        request.POST if "affiliation" in request.POST else None, prefix="a"
    )
    conflict_form = forms.ConflictForm(
        request.POST if "conflict" in request.POST else None, prefix="c"
    )
    if request.method == "POST":
        if affiliation_form.is_bound and affiliation_form.is_valid():
            data = affiliation_form.cleaned_data
            if save_form(
                request,
                affiliation_form,
                lambda: services.declare_affiliation(
                    user, organisation=data["organisation"], relation=data["relation"]
                ),
            ):
                messages.success(request, _("Lien d'intérêt déclaré."))
                return redirect("labels:interests")
        if conflict_form.is_bound and conflict_form.is_valid():
            data = conflict_form.cleaned_data
            if save_form(
                request,
                conflict_form,
                lambda: services.declare_conflict(
                    user, campus=data["campus"], reason=data["reason"]
                ),
            ):
                messages.success(request, _("Conflit d'intérêts déclaré."))
                return redirect("labels:interests")
    return render(
        request,
        "labels/interests.html",
        {
            "affiliations": ExpertAffiliation.objects.filter(expert=user).select_related(
                "organisation"
            ),
            "conflicts": DeclaredConflict.objects.filter(expert=user).select_related("campus"),
            "affiliation_form": affiliation_form,
            "conflict_form": conflict_form,
        },
    )


@require_POST
def affiliation_delete(request, pk):
    _require_expert(request)
    affiliation = get_object_or_404(ExpertAffiliation, pk=pk, expert=request.user)
    run_action(
        request,
        lambda: services.withdraw_affiliation(request.user, affiliation),
        _("Lien d'intérêt retiré."),
    )
    return redirect("labels:interests")
