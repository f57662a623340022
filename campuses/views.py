"""Pages of the campus registry. Views validate and delegate: reads to selectors, writes to
services; the permission layer decides what each user sees (404) and may change (403)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from audit.selectors import entries_for_campus
from audit.views import history_page
from audit.views import preview as history_preview
from core.composition import blocks_for
from core.views import form_page, save_form
from jobs.services import start_job

from . import forms, permissions, selectors, services
from .filters import CampusFilter
from .models import (
    Campus,
    CampusDirector,
    CampusFormerName,
    CampusPlace,
    GovernanceBody,
    LabelPeriod,
    Organisation,
    OrganisationRepresentative,
    Stakeholder,
    SupportInstitutionTenure,
)

PAGE_SIZE = 25
EXPORT_FORMATS = ("csv", "xlsx", "ods")


def _visible_campus(request, pk):
    """The campus if the user may see it; 404 otherwise (its existence is not revealed)."""
    campus = permissions.campuses_visible_to(request.user).filter(pk=pk).first()
    if campus is None:
        raise Http404
    return campus


def _require_registry_rights(request):
    if not permissions.can_manage_registry(request.user):
        raise PermissionDenied


def campus_list(request):
    if not permissions.can_view_registry(request.user):
        raise PermissionDenied
    queryset = selectors.campus_list(request.user, directors=False)
    filterset = CampusFilter(request.GET or None, queryset=queryset, request=request)
    campuses = filterset.qs if filterset.is_bound and filterset.is_valid() else queryset
    if filterset.is_bound and not filterset.is_valid():
        campuses = queryset.none()
    page = Paginator(campuses, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = selectors.with_support_institution(page.object_list, timezone.localdate())
    return render(
        request,
        "campuses/campus_list.html",
        {
            "filterset": filterset,
            "page_obj": page,
            "can_manage": permissions.can_manage_registry(request.user),
            "can_export": permissions.can_export_registry(request.user),
            "export_formats": EXPORT_FORMATS,
        },
    )


def campus_detail(request, pk):
    try:
        campus = selectors.campus_detail(request.user, pk)
    except Campus.DoesNotExist as error:
        raise Http404 from error
    campus.support_institution = selectors.support_institution_on(campus, campus.label_state_on)
    # Predecessors and successors are linked only when the user may open them (a director
    # of the merged campus does not see the campuses it replaced): one query, when there are.
    related = [*campus.predecessors.all(), *campus.successors.all()]
    linked_campus_ids = set()
    if related:
        linked_campus_ids = set(
            permissions.campuses_visible_to(
                request.user, Campus.objects.filter(pk__in=[c.pk for c in related])
            ).values_list("pk", flat=True)
        )
    return render(
        request,
        "campuses/campus_detail.html",
        {
            "campus": campus,
            "linked_campus_ids": linked_campus_ids,
            "history": history_preview(
                entries_for_campus(campus), reverse("campuses:history", args=[campus.pk])
            ),
            "can_manage": permissions.can_manage_campus(request.user, campus),
            "can_view_organisations": permissions.can_view_organisations(request.user),
            # What the domains above the registry show of the campus (its label applications…).
            "blocks": blocks_for("campus.detail", request, campus=campus),
        },
    )


def campus_history(request, pk):
    """The campus's whole history (its records too), for whoever may see the campus."""
    campus = get_object_or_404(permissions.campuses_visible_to(request.user), pk=pk)
    title = _("Historique des modifications")
    return history_page(request, entries_for_campus(campus), {"title": title, "subject": campus})


def campus_create(request):
    _require_registry_rights(request)
    form = forms.CampusForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data

        def save():
            form.instance = services.save_record(
                request.user,
                form.instance,
                m2m={"academies": data["academies"], "predecessors": data["predecessors"]},
            )

        if save_form(request, form, save):
            messages.success(request, _("Le campus « %s » a été créé.") % form.instance)
            return redirect(form.instance)
    return render(request, "campuses/campus_form.html", {"form": form, "campus": None})


def campus_update(request, pk):
    campus = _visible_campus(request, pk)
    _require_registry_rights(request)
    return form_page(
        request,
        forms.CampusForm(request.POST or None, instance=campus),
        lambda data: services.save_record(
            request.user,
            campus,
            m2m={"academies": data["academies"], "predecessors": data["predecessors"]},
            expected_version=data.get("version"),
        ),
        success=lambda _result: _("Le campus « %s » a été modifié.") % campus,
        done=campus,
        template="campuses/campus_form.html",
        context={"campus": campus},
    )


# Records that belong to one campus, edited with the same three views.
CHILD_KINDS = {
    "periodes": (LabelPeriod, forms.LabelPeriodForm, gettext_lazy("période de labellisation")),
    "etablissements-support": (
        SupportInstitutionTenure,
        forms.SupportTenureForm,
        gettext_lazy("établissement support"),
    ),
    "direction": (CampusDirector, forms.CampusDirectorForm, gettext_lazy("membre de la direction")),
    "parties-prenantes": (Stakeholder, forms.StakeholderForm, gettext_lazy("partie prenante")),
    "instances": (
        GovernanceBody,
        forms.GovernanceBodyForm,
        gettext_lazy("instance de gouvernance"),
    ),
    "anciens-noms": (CampusFormerName, forms.FormerNameForm, gettext_lazy("ancien nom")),
    "lieux": (CampusPlace, forms.PlaceForm, gettext_lazy("lieu d'incarnation")),
}


def _child_kind(kind):
    try:
        return CHILD_KINDS[kind]
    except KeyError as error:
        raise Http404 from error


def campus_child_form(request, pk, kind, child_pk=None):
    campus = _visible_campus(request, pk)
    model, form_class, label = _child_kind(kind)
    _require_registry_rights(request)
    if child_pk is None:
        instance = model(campus=campus)
    else:
        instance = get_object_or_404(model, pk=child_pk, campus=campus)
    form = form_class(request.POST or None, instance=instance)
    saved = (
        request.method == "POST"
        and form.is_valid()
        and save_form(request, form, lambda: services.save_record(request.user, form.instance))
    )
    if saved:
        messages.success(request, _("Enregistré : %(label)s.") % {"label": label})
        return redirect(reverse("campuses:detail", args=[campus.pk]) + f"#{kind}")
    return render(
        request,
        "campuses/child_form.html",
        {"form": form, "campus": campus, "label": label, "kind": kind, "instance": instance},
    )


@require_POST
def campus_child_delete(request, pk, kind, child_pk):
    campus = _visible_campus(request, pk)
    model, _form_class, label = _child_kind(kind)
    _require_registry_rights(request)
    instance = get_object_or_404(model, pk=child_pk, campus=campus)
    services.delete_record(request.user, instance)
    messages.success(
        request, _("Supprimé : %(label)s « %(obj)s ».") % {"label": label, "obj": instance}
    )
    return redirect(reverse("campuses:detail", args=[campus.pk]) + f"#{kind}")


def export_registry(request, fmt):
    """Queue an export of the filtered registry (POST); the job page shows its progress. A GET
    (the list's link without script) asks to confirm: a job is never started by a GET."""
    if not permissions.can_export_registry(request.user):
        raise PermissionDenied
    if fmt not in EXPORT_FORMATS:
        raise Http404
    filters = CampusFilter(request.GET, queryset=Campus.objects.none())
    if not filters.is_valid():
        # Export what the list shows: with invalid filters it shows nothing, so refuse.
        messages.error(request, _("Les filtres sont invalides : corrigez-les avant d'exporter."))
        return redirect(reverse("campuses:list") + "?" + request.GET.urlencode())
    if request.method != "POST":
        return render(request, "campuses/export_confirm.html", {"format": fmt})
    job = start_job(
        request.user,
        "campus_registry_export",
        {"format": fmt, "filters": request.GET.dict()},
    )
    return redirect("jobs:detail", pk=job.pk)


def _organisations_visible(request):
    if not permissions.can_view_organisations(request.user):
        raise PermissionDenied


def organisation_list(request):
    _organisations_visible(request)
    query = request.GET.get("q", "").strip()
    organisations = selectors.organisation_list()
    if query:
        organisations = organisations.filter(legal_name__icontains=query) | organisations.filter(
            siret__icontains=query
        )
    page = Paginator(organisations, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "campuses/organisation_list.html",
        {
            "page_obj": page,
            "query": query,
            "can_manage": permissions.can_manage_registry(request.user),
        },
    )


def organisation_detail(request, pk):
    _organisations_visible(request)
    organisation = get_object_or_404(selectors.organisation_list(), pk=pk)
    tenures = (
        SupportInstitutionTenure.objects.filter(organisation=organisation)
        .filter(campus__in=permissions.visible_campus_ids(request.user))
        .select_related("campus")
    )
    return render(
        request,
        "campuses/organisation_detail.html",
        {
            "organisation": organisation,
            "tenures": tenures,
            "representatives": organisation.representatives.all(),
            "can_manage": permissions.can_manage_registry(request.user),
        },
    )


def organisation_form(request, pk=None):
    _require_registry_rights(request)
    organisation = get_object_or_404(Organisation, pk=pk) if pk else None
    form = forms.OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():

        def save():
            services.save_record(
                request.user, form.instance, expected_version=form.cleaned_data.get("version")
            )

        if save_form(request, form, save):
            messages.success(request, _("L'organisme « %s » a été enregistré.") % form.instance)
            return redirect("campuses:organisation_detail", pk=form.instance.pk)
    return render(
        request,
        "campuses/organisation_form.html",
        {"form": form, "organisation": organisation},
    )


def representative_form(request, pk, rep_pk=None):
    _require_registry_rights(request)
    organisation = get_object_or_404(Organisation, pk=pk)
    instance = (
        get_object_or_404(OrganisationRepresentative, pk=rep_pk, organisation=organisation)
        if rep_pk
        else OrganisationRepresentative(organisation=organisation)
    )
    form = forms.RepresentativeForm(request.POST or None, instance=instance)
    saved = (
        request.method == "POST"
        and form.is_valid()
        and save_form(request, form, lambda: services.save_record(request.user, form.instance))
    )
    if saved:
        messages.success(request, _("Représentant·e enregistré·e."))
        return redirect("campuses:organisation_detail", pk=organisation.pk)
    return render(
        request,
        "campuses/representative_form.html",
        {"form": form, "organisation": organisation},
    )
