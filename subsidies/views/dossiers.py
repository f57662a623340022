"""Pages of the subsidy dossiers: the list (filters, totals, exports), a dossier's page, the
director's project and financing plan, and the transitions before the vote (submit, return
to draft, instruct, propose, refuse, withdraw…).
"""

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from audit.views import preview as history_preview
from campuses.permissions import campuses_visible_to
from core.errors import ConflictError, PermissionDeniedError
from core.formats import amount
from core.views import form_page, one_click, refused, save_form

from .. import forms, permissions, selectors, services
from ..models import (
    INSTRUCTION_STATUSES,
    DossierStatus,
    PaymentStatus,
    SubsidyDossier,
)
from ..workflow import DOSSIER
from .common import require_manager, require_use, status_badge, status_badges, visible_dossier

PAGE_SIZE = 25
ZERO = Decimal("0.00")
EXPORT_FORMATS = ("csv", "xlsx", "ods")


# ---------------------------------------------------------------- list


def _can_create(user):
    if permissions.can_manage_subsidies(user):
        return True
    return user.is_director and campuses_visible_to(user).exists()


def dossier_list(request):
    require_use(request)
    user = request.user
    queryset = selectors.dossier_list(user)
    filterset = forms.DossierFilter(request.GET or None, queryset=queryset, request=request)
    if filterset.is_bound and not filterset.is_valid():
        dossiers = queryset.none()
    else:
        dossiers = filterset.qs if filterset.is_bound else queryset
    page = Paginator(dossiers, PAGE_SIZE).get_page(request.GET.get("page"))
    badges = status_badges()
    for dossier in page.object_list:
        dossier.badge = badges.get(dossier.status) or status_badge(dossier)
        # The figures written here as floatformat:"2g" writes them, which looks the active
        # language's number format up again for every cell.
        shown = dossier.voted_amount if dossier.voted_amount is not None else dossier.amount
        dossier.amount_text = None if shown is None else amount(shown, french=False)
        dossier.paid_text = amount(dossier.paid, french=False)
        dossier.remainder_text = amount(dossier.remainder, french=False)
    totals = selectors.totals(dossiers)
    return render(
        request,
        "subsidies/dossier_list.html",
        {
            "filterset": filterset,
            "page_obj": page,
            "totals": totals,
            "totals_text": {name: amount(value, french=False) for name, value in totals.items()},
            "can_manage": permissions.can_manage_subsidies(user),
            "can_create": _can_create(user),
            "can_view_envelopes": permissions.can_view_envelopes(user),
            # A director follows the payments of their own campus's dossiers here.
            "payments": list(selectors.payments_of(user, dossiers)) if user.is_director else None,
            "export_formats": EXPORT_FORMATS,
        },
    )


def _start_export(request, kind, params):
    from jobs.services import start_job

    job = start_job(request.user, kind, params)
    return redirect("jobs:detail", pk=job.pk)


@require_POST
def export(request, fmt):
    """Queue an export of the filtered list (the filters ride in the query string)."""
    require_use(request)
    require_manager(request)
    if fmt not in EXPORT_FORMATS:
        raise Http404
    filters = forms.DossierFilter(
        request.GET, queryset=SubsidyDossier.objects.none(), request=request
    )
    if not filters.is_valid():
        messages.error(request, _("Les filtres sont invalides : corrigez-les avant d'exporter."))
        return redirect(reverse("subsidies:list") + "?" + request.GET.urlencode())
    return _start_export(request, "subsidy_export", {"format": fmt, **filters.export_params()})


@require_POST
def open_data(request):
    """Queue the « données essentielles » of the grants (SCDL format, open data)."""
    require_use(request)
    require_manager(request)
    filters = forms.DossierFilter(
        request.GET, queryset=SubsidyDossier.objects.none(), request=request
    )
    year = filters.export_params()["year"] if filters.is_valid() else None
    return _start_export(request, "subsidy_open_data", {"format": "csv", "year": year})


# ---------------------------------------------------------------- one dossier


def _actions(user, dossier, agreement):
    """Which actions the page offers to `user`: the workflow's answers (the services check
    again), and the few that are no step of it."""
    manager = permissions.can_manage_subsidies(user)
    actions = DOSSIER.available(user, dossier)
    return {
        **actions,
        "edit": actions["edit_project"],
        "lapse_date": actions["set_lapse_date"],
        "agreement_scan": manager and agreement is not None,
        "manage": manager,
    }


def _received_by(payments):
    """What each organisation received (paid) or has in progress, in order of first payment:
    after a transfer, the initial and the new beneficiary each have their line."""
    rows = {}
    for payment in payments:
        if payment.status == PaymentStatus.CANCELLED:
            continue
        row = rows.setdefault(
            payment.beneficiary_id,
            {"beneficiary": payment.beneficiary, "paid": ZERO, "in_progress": ZERO},
        )
        key = "paid" if payment.status == PaymentStatus.PAID else "in_progress"
        row[key] += payment.amount
    return list(rows.values())


def dossier_detail(request, pk):
    dossier = visible_dossier(request, pk, detail=True)
    user = request.user
    agreement = selectors.agreement_of(dossier) if dossier.is_voted else None
    payments = list(selectors.dossier_payments(dossier))
    for payment in payments:
        payment.live = payment.status in (PaymentStatus.REQUESTED, PaymentStatus.ORDERED)
    available = max((dossier.voted_amount or ZERO) - dossier.paid - dossier.in_progress, ZERO)
    return render(
        request,
        "subsidies/dossier_detail.html",
        {
            "dossier": dossier,
            "badge": status_badge(dossier),
            "plan": selectors.plan_of(dossier),
            "maximum": selectors.maximum_for(dossier),
            "agreement": agreement,
            "payments": payments,
            "received_by": _received_by(payments) if len(payments) else [],
            "available": available,
            "history": selectors.status_history(dossier),
            # The latest entries; the campus's history page has them all (filterable).
            "audit": history_preview(
                selectors.dossier_history(dossier, payments, agreement),
                reverse("campuses:history", args=[dossier.campus_id]),
            ),
            "documents": selectors.dossier_documents(user, dossier),
            "transfers": selectors.dossier_transfers(user, dossier),
            "actions": _actions(user, dossier, agreement),
            "can_view_envelopes": permissions.can_view_envelopes(user),
        },
    )


# ---------------------------------------------------------------- project and plan


def _service_errors(error, form, formset):
    """Put a service's ValidationError on the fields (and plan rows) it names."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    plan_errors = {}
    for field, errors in error.message_dict.items():
        if field == "financing_plan" or field.startswith("line_"):
            plan_errors[field] = errors
        elif field in form.fields:
            form.add_error(field, errors)
        else:
            form.add_error(None, errors)
    if plan_errors:
        formset.add_service_errors(plan_errors)


def _summarise_plan_errors(form, formset):
    """The plan's errors are shown on its rows; list them in the form's error summary too."""
    if not formset.is_bound:
        return
    messages_ = [
        _("Plan de financement : %(error)s") % {"error": e} for e in formset.non_form_errors()
    ]
    messages_ += [_("Plan de financement : %(error)s") % {"error": e} for e in formset.plan_errors]
    for number, line_form in enumerate(formset.forms, start=1):
        for errors in line_form.errors.values():
            messages_ += [
                _("Plan de financement, ligne %(number)s : %(error)s")
                % {"number": number, "error": error}
                for error in errors
            ]
    if messages_:
        form.add_error(None, messages_)


def _form_page(request, form, formset, dossier):
    from ..models import LineKind

    _summarise_plan_errors(form, formset)
    return render(
        request,
        "subsidies/dossier_form.html",
        {"form": form, "formset": formset, "dossier": dossier, "line_kinds": LineKind},
    )


def dossier_create(request):
    """A new dossier: the campus and year, the project and its financing plan, saved as a
    draft in one go (nothing is saved when any part is refused)."""
    require_use(request)
    user = request.user
    if not _can_create(user):
        raise PermissionDenied
    data = request.POST if request.method == "POST" else None
    form = forms.DossierCreateForm(data, user=user)
    formset = forms.plan_formset(data)
    if data is not None and all([form.is_valid(), formset.is_valid()]):
        lines, _forms = formset.lines()
        result = {}
        try:
            with transaction.atomic():
                dossier = services.create_dossier(
                    user,
                    campus=form.cleaned_data["campus"],
                    reference_year=form.cleaned_data["reference_year"],
                    duplicate_justification=(
                        form.cleaned_data.get("duplicate_justification") or ""
                    ).strip(),
                    **form.project_data(),
                )
                if lines:
                    dossier = services.set_financing_plan(user, dossier, lines)
                result["dossier"] = dossier
        except ValidationError as error:
            _service_errors(error, form, formset)
        except ConflictError as error:
            form.add_error(None, str(error))
        except PermissionDeniedError as error:
            raise PermissionDenied(str(error)) from error
        else:
            messages.success(
                request,
                _(
                    "Le dossier n° %(number)s a été enregistré en brouillon. Déposez-le quand il "
                    "est complet."
                )
                % {"number": result["dossier"].number},
            )
            return redirect(result["dossier"])
    return _form_page(request, form, formset, None)


def dossier_edit(request, pk):
    """The director's project and financing plan (while a draft; regional staff until the
    vote), with the version the page was opened at: a concurrent edit is refused."""
    dossier = visible_dossier(request, pk)
    user = request.user
    refusal = refused(request, DOSSIER.decide("edit_project", user, dossier), dossier)
    if refusal is not None:
        return refusal
    data = request.POST if request.method == "POST" else None
    form = forms.ProjectForm(data, instance=dossier)
    formset = forms.plan_formset(data, dossier)
    if data is not None and all([form.is_valid(), formset.is_valid()]):
        lines, _forms = formset.lines()
        try:
            with transaction.atomic():
                current = services.update_project(
                    user,
                    dossier,
                    form.project_data(),
                    expected_version=form.cleaned_data.get("version"),
                )
                services.set_financing_plan(user, current, lines, expected_version=current.version)
        except ValidationError as error:
            _service_errors(error, form, formset)
        except ConflictError as error:
            form.add_error(None, str(error))
        except PermissionDeniedError as error:
            raise PermissionDenied(str(error)) from error
        else:
            messages.success(request, _("Le projet et son plan de financement sont enregistrés."))
            return redirect(dossier)
    return _form_page(request, form, formset, dossier)


# ---------------------------------------------------------------- transitions


submit = one_click(
    visible_dossier,
    lambda actor, dossier, request: services.submit(actor, dossier),
    gettext_lazy("Le dossier a été déposé : les services de la Région vont l'instruire."),
)
withdraw = one_click(
    visible_dossier,
    lambda actor, dossier, request: services.withdraw(
        actor, dossier, (request.POST.get("reason") or "").strip()[:2000]
    ),
    gettext_lazy("Le dossier a été retiré."),
)


def _reason_page(request, dossier, *, action, title, label, success, button, required=True):
    """A page (and the inline form of the dossier's page) asking for a reason."""
    form = forms.ReasonForm(request.POST or None, required=required, label=label)
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data["reason"].strip()
        if save_form(request, form, lambda: action(reason)):
            messages.success(request, success)
            return redirect(dossier)
    return render(
        request,
        "subsidies/action_form.html",
        {"form": form, "dossier": dossier, "title": title, "button": button},
    )


def return_to_draft(request, pk):
    dossier = visible_dossier(request, pk)
    require_manager(request)
    return _reason_page(
        request,
        dossier,
        action=lambda reason: services.return_to_draft(request.user, dossier, reason),
        title=_("Renvoyer le dossier en brouillon"),
        label=_("Ce que le campus doit compléter"),
        success=_("Le dossier est revenu en brouillon : le campus peut le compléter."),
        button=_("Renvoyer en brouillon"),
    )


def refuse(request, pk):
    dossier = visible_dossier(request, pk)
    require_manager(request)
    return _reason_page(
        request,
        dossier,
        action=lambda reason: services.refuse(request.user, dossier, reason),
        title=_("Refuser le dossier"),
        label=_("Motif du refus"),
        success=_("Le dossier a été refusé."),
        button=_("Refuser le dossier"),
    )


def instruct(request, pk):
    """The financial terms (regional staff): base, rate, amount (the maximum by default)…"""
    dossier = visible_dossier(request, pk, detail=True)
    require_manager(request)
    if dossier.status not in INSTRUCTION_STATUSES:
        messages.error(
            request,
            _("Ce dossier est %(status)s : il ne peut pas être instruit.")
            % {"status": dossier.get_status_display().lower()},
        )
        return redirect(dossier)
    form = forms.InstructionForm(request.POST or None, instance=dossier)
    if request.method == "POST" and form.is_valid():

        def save():
            services.instruct(
                request.user,
                dossier,
                form.terms_data(),
                expected_version=form.cleaned_data.get("version"),
            )

        if save_form(request, form, save):
            dossier.refresh_from_db()
            messages.success(
                request,
                _("Dossier instruit : subvention de %(amount)s.")
                % {"amount": _euros(dossier.amount)},
            )
            return redirect(dossier)
    plan = selectors.plan_of(dossier)
    return render(
        request,
        "subsidies/instruct_form.html",
        {
            "form": form,
            "dossier": dossier,
            "plan": plan,
            "maximum": selectors.maximum_for(dossier),
            "half_expenses": plan.total_expenses / 2 if plan.total_expenses else None,
        },
    )


def _euros(value):
    from core.formats import euros

    return euros(value)


def propose(request, pk):
    dossier = visible_dossier(request, pk)
    require_manager(request)
    if dossier.status != DossierStatus.INSTRUCTED:
        messages.error(
            request,
            _("Ce dossier est %(status)s : seul un dossier instruit peut être proposé au vote.")
            % {"status": dossier.get_status_display().lower()},
        )
        return redirect(dossier)
    form = forms.ProposeForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda data: services.propose(
            request.user,
            dossier,
            deliberation=data["deliberation"],
            envelope=data["envelope"],
            reason=data["reason"].strip(),
        ),
        success=lambda _result: (
            _("Le dossier est proposé au vote de la délibération %(number)s.")
            % {"number": form.cleaned_data["deliberation"]}
        ),
        done=dossier,
        template="subsidies/propose_form.html",
        context={"dossier": dossier},
    )


unpropose = one_click(
    visible_dossier,
    lambda actor, dossier, request: services.unpropose(actor, dossier),
    gettext_lazy("Le dossier a été retiré de l'ordre du jour : il est de nouveau instruit."),
)
close = one_click(
    visible_dossier,
    lambda actor, dossier, request: services.close_dossier(actor, dossier),
    gettext_lazy("Le dossier est clos."),
)
