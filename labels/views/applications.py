"""The applications' list and page, and their preparation: creation, the project, the
presentation of each criterion (autosaved, versioned), the covering letter's signatures, the
prior opinions, the dossier and its annexes, the deposit."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from campuses.permissions import campuses_visible_to
from core import roles
from core.errors import ConflictError, PermissionDeniedError
from core.views import file_response, form_page, refused, run_action

from .. import forms, permissions, selectors, services
from ..filters import ApplicationFilter
from ..models import (
    ApplicationAnnex,
    ApplicationStatus,
    Criterion,
    CriterionPresentation,
    NavetteRound,
    OpinionBody,
    Recommendation,
)
from ..services.applications import DOSSIER_MAX_PAGES, TOTAL_MAX_PAGES
from ..services.navettes import thread_by_criterion
from ..workflow import APPLICATION
from .common import badge, require_use, visible_application

PAGE_SIZE = 25


def _anchor(application, anchor):
    return reverse("labels:detail", args=[application.pk]) + f"#{anchor}"


# ------------------------------------------------------------------------------ list


def application_list(request):
    require_use(request)
    user = request.user
    queryset = selectors.application_list(user)
    filterset = ApplicationFilter(request.GET or None, queryset=queryset, request=request)
    if filterset.is_bound and not filterset.is_valid():
        applications = queryset.none()
    else:
        applications = filterset.qs if filterset.is_bound else queryset
    page = Paginator(applications, PAGE_SIZE).get_page(request.GET.get("page"))
    for application in page.object_list:
        application.badge = badge(application)
        application.waiting_label = selectors.WAITING_LABELS.get(
            selectors.waiting_for(user, application), ""
        )
    return render(
        request,
        "labels/application_list.html",
        {
            "filterset": filterset,
            "page_obj": page,
            "can_create": permissions.can_prepare_any(user),
            "can_manage": permissions.can_manage_labels(user),
        },
    )


# ------------------------------------------------------------------------------ page


def _criteria_rows(application):
    """Each criterion of the application's version with its presentation (or None)."""
    presentations = {
        p.criterion_id: p
        for p in CriterionPresentation.objects.filter(application=application).select_related(
            "updated_by"
        )
    }
    return [
        (criterion, presentations.get(criterion.pk))
        for criterion in Criterion.objects.filter(version=application.criteria_version)
    ]


def application_detail(request, pk):
    application = visible_application(request, pk)
    user = request.user
    actions = APPLICATION.available(user, application)
    is_expert = roles.is_expert(user)
    rounds = list(
        NavetteRound.objects.filter(application=application)
        .select_related("sent_by")
        .prefetch_related(
            Prefetch(
                "recommendations",
                queryset=Recommendation.objects.select_related("criterion", "answered_by"),
            )
        )
        .order_by("number")
    )
    assignments = list(application.assignments.select_related("expert"))
    own = next((a for a in assignments if a.expert_id == user.pk), None)
    consolidated = list(application.consolidated.select_related("criterion"))
    show_consolidated = consolidated and (
        not is_expert
        or application.status in (ApplicationStatus.OPINION, ApplicationStatus.DECIDED)
        or permissions.is_assigned(user, application)
    )
    context = {
        "application": application,
        "badge": badge(application),
        "actions": actions,
        "criteria": _criteria_rows(application),
        "opinion_rows": _opinion_rows(application),
        "annexes": list(application.annexes.all()),
        "total_pages": application.dossier_pages + sum(a.pages for a in application.annexes.all()),
        "limits": {"dossier": DOSSIER_MAX_PAGES, "total": TOTAL_MAX_PAGES},
        "problems": (
            services.admissibility_problems(application)
            if application.status == ApplicationStatus.DRAFT
            else {}
        ),
        "assignments": assignments,
        "own_assignment": own,
        "rounds": rounds,
        "thread": thread_by_criterion(rounds),
        "open_round": next((r for r in rounds if r.answered_on is None), None),
        "consolidated": consolidated if show_consolidated else [],
        "history": list(application.history.select_related("actor").order_by("-at")[:50]),
        "documents": list(
            permissions.documents_visible_to(user)
            .filter(application=application)
            .order_by("-created_at")
        ),
        "document_kinds": _document_kinds(application),
        "is_expert": is_expert,
        "can_manage": permissions.can_manage_labels(user),
    }
    return render(request, "labels/application_detail.html", context)


def _opinion_rows(application):
    given = {opinion.body: opinion for opinion in application.opinions.all()}
    return [(body, label, given.get(body)) for body, label in OpinionBody.choices]


def _document_kinds(application):
    from ..models import LabelDocumentKind

    kinds = [LabelDocumentKind.COVER_SHEET]
    if application.status in (ApplicationStatus.OPINION, ApplicationStatus.DECIDED):
        kinds.append(LabelDocumentKind.ASSESSMENT_REPORT)
    if application.status == ApplicationStatus.DECIDED:
        kinds.append(LabelDocumentKind.DECISION_NOTICE)
    return [(kind.value, kind.label) for kind in kinds]


# ------------------------------------------------------------------------- preparation


def application_create(request):
    require_use(request)
    user = request.user
    if not permissions.can_prepare_any(user):
        raise PermissionDenied(
            _("Seuls les services de la Région et du rectorat préparent une candidature.")
        )
    form = forms.ApplicationForm(
        request.POST or None, campuses=campuses_visible_to(user).order_by("short_name")
    )
    return form_page(
        request,
        form,
        lambda data: services.create_application(
            user,
            campus=data["campus"],
            kind=data["kind"],
            target_category=data["target_category"],
            session=data["session"],
            summary=data["summary"],
        ),
        success=_(
            "Candidature créée en brouillon : présentez chaque critère, puis réunissez les "
            "signatures, les avis et le dossier."
        ),
        done=lambda application: application,
        template="labels/application_form.html",
        context={"title": _("Nouvelle candidature au label")},
    )


def application_edit(request, pk):
    application = visible_application(request, pk)
    if response := refused(
        request, APPLICATION.decide("edit", request.user, application), application
    ):
        return response
    form = forms.ApplicationForm(
        request.POST or None,
        editing=True,
        initial={
            "kind": application.kind,
            "target_category": application.target_category,
            "session": application.session,
            "summary": application.summary,
            "version": application.version,
        },
    )
    return form_page(
        request,
        form,
        lambda data: services.update_application(
            request.user,
            application,
            expected_version=data["version"],
            kind=data["kind"],
            target_category=data["target_category"],
            session=data["session"],
            summary=data["summary"],
        ),
        success=_("Candidature enregistrée."),
        done=application.get_absolute_url(),
        template="labels/application_form.html",
        context={"title": _("Modifier la candidature"), "application": application},
    )


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def presentation_edit(request, pk, number):
    """The presentation of one criterion. The page autosaves (static/js/labels.js posts the
    form as the user types, asking for JSON); a save over a newer version is a conflict
    (409), the text typed stays in the page and in the browser's draft."""
    application = visible_application(request, pk)
    criterion = get_object_or_404(Criterion, version=application.criteria_version, number=number)
    decision = APPLICATION.decide("present", request.user, application)
    if not decision.allowed and _wants_json(request):
        status = 403 if decision.outcome == "forbidden" else 409
        return JsonResponse({"error": decision.reason}, status=status)
    if response := refused(request, decision, application):
        return response
    presentation = CriterionPresentation.objects.filter(
        application=application, criterion=criterion
    ).first()
    initial = {
        "text": getattr(presentation, "text", ""),
        "annex_references": getattr(presentation, "annex_references", ""),
        "version": getattr(presentation, "version", 0),
    }
    form = forms.PresentationForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                saved = services.save_presentation(
                    request.user,
                    application,
                    criterion,
                    text=data["text"],
                    annex_references=data["annex_references"],
                    expected_version=data["version"] if data["version"] is not None else None,
                )
            except ValidationError as error:
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            except ConflictError as error:
                if _wants_json(request):
                    return JsonResponse({"error": str(error)}, status=409)
                form.add_error(None, str(error))
            except PermissionDeniedError as error:
                raise PermissionDenied(str(error)) from error
            else:
                if _wants_json(request):
                    return JsonResponse(
                        {
                            "version": saved.version,
                            "saved_at": saved.updated_at.isoformat() if saved.updated_at else None,
                        }
                    )
                messages.success(
                    request,
                    _("Présentation du critère %(number)s enregistrée.")
                    % {"number": criterion.number},
                )
                return redirect(_anchor(application, f"critere-{criterion.number}"))
        if _wants_json(request):
            return JsonResponse(
                {"errors": {name: list(errors) for name, errors in form.errors.items()}}, status=400
            )
    numbers = list(
        Criterion.objects.filter(version=application.criteria_version).values_list(
            "number", flat=True
        )
    )
    index = numbers.index(criterion.number)
    return render(
        request,
        "labels/presentation_form.html",
        {
            "application": application,
            "criterion": criterion,
            "presentation": presentation,
            "form": form,
            "previous": numbers[index - 1] if index > 0 else None,
            "next": numbers[index + 1] if index + 1 < len(numbers) else None,
        },
    )


CARRIERS = {
    "region": ("sign_for_region", _("Signature de la lettre pour la présidence de la Région")),
    "recteur": ("sign_for_rector", _("Signature de la lettre pour le recteur")),
}


def sign_letter(request, pk, carrier):
    application = visible_application(request, pk)
    if carrier not in CARRIERS:
        raise Http404
    action, title = CARRIERS[carrier]
    if response := refused(
        request, APPLICATION.decide(action, request.user, application), application
    ):
        return response
    service_carrier = "region" if carrier == "region" else "rector"
    return form_page(
        request,
        forms.SignatureForm(
            request.POST or None,
            initial={
                "signatory": getattr(application, f"{service_carrier}_signatory"),
                "signed_on": getattr(application, f"{service_carrier}_signed_on"),
            },
        ),
        lambda data: services.sign_letter(
            request.user,
            application,
            carrier=service_carrier,
            signatory=data["signatory"],
            signed_on=data["signed_on"],
        ),
        success=_("Signature enregistrée."),
        done=_anchor(application, "porteurs"),
        template="labels/form_page.html",
        context={
            "application": application,
            "title": title,
            "button": _("Enregistrer la signature"),
        },
    )


def prior_opinion(request, pk, body):
    application = visible_application(request, pk)
    if body not in OpinionBody.values:
        raise Http404
    if response := refused(
        request, APPLICATION.decide("record_opinion", request.user, application), application
    ):
        return response
    existing = application.opinions.filter(body=body).first()
    form = forms.PriorOpinionForm(
        request.POST or None,
        request.FILES or None,
        body=body,
        initial={
            "given_on": getattr(existing, "given_on", None),
            "opinion": getattr(existing, "opinion", ""),
            "note": getattr(existing, "note", ""),
        },
    )
    return form_page(
        request,
        form,
        lambda data: services.record_opinion(
            request.user,
            application,
            body=body,
            given_on=data["given_on"],
            opinion=data["opinion"],
            document=data["document"],
            note=data["note"],
        ),
        success=_("Avis enregistré."),
        done=_anchor(application, "avis"),
        template="labels/form_page.html",
        context={
            "application": application,
            "title": _("Avis préalable du %(body)s") % {"body": body.upper()},
            "button": _("Enregistrer l'avis"),
        },
    )


def opinion_document(request, pk, body):
    application = visible_application(request, pk)
    opinion = application.opinions.filter(body=body).first()
    if opinion is None:
        raise Http404
    return file_response(opinion.document)


def dossier_upload(request, pk):
    application = visible_application(request, pk)
    if response := refused(
        request, APPLICATION.decide("edit", request.user, application), application
    ):
        return response
    return form_page(
        request,
        forms.PdfForm(request.POST or None, request.FILES or None),
        lambda data: services.upload_dossier(request.user, application, data["file"]),
        success=lambda saved: (
            _("Dossier joint (%(pages)s pages).") % {"pages": saved.dossier_pages}
        ),
        done=_anchor(application, "dossier"),
        template="labels/form_page.html",
        context={
            "application": application,
            "title": _("Dossier de candidature"),
            "intro": _(
                "Un PDF de %(dossier)s pages au plus ; avec les annexes, %(total)s pages au plus "
                "en tout. Les pages sont comptées dans le fichier."
            )
            % {"dossier": DOSSIER_MAX_PAGES, "total": TOTAL_MAX_PAGES},
            "button": _("Joindre le dossier"),
        },
    )


def dossier_download(request, pk):
    application = visible_application(request, pk)
    return file_response(application.dossier, filename=f"dossier-candidature-{application.pk}.pdf")


def annex_add(request, pk):
    application = visible_application(request, pk)
    if response := refused(
        request, APPLICATION.decide("edit", request.user, application), application
    ):
        return response
    return form_page(
        request,
        forms.AnnexForm(request.POST or None, request.FILES or None),
        lambda data: services.add_annex(
            request.user, application, title=data["title"], upload=data["file"]
        ),
        success=lambda annex: (
            _("Annexe %(number)s ajoutée (%(pages)s pages).")
            % {"number": annex.number, "pages": annex.pages}
        ),
        done=_anchor(application, "dossier"),
        template="labels/form_page.html",
        context={
            "application": application,
            "title": _("Ajouter une annexe"),
            "intro": _("Dossier et annexes : %(total)s pages au plus en tout.")
            % {"total": TOTAL_MAX_PAGES},
            "button": _("Ajouter l'annexe"),
        },
    )


def annex_download(request, pk):
    annex = get_object_or_404(ApplicationAnnex, pk=pk)
    visible_application(request, annex.application_id)
    return file_response(annex.file, filename=f"annexe-{annex.number}.pdf")


@require_POST
def deposit(request, pk):
    application = visible_application(request, pk)
    run_action(
        request,
        lambda: services.deposit(request.user, application),
        _("Candidature déposée : la Région statue sur sa recevabilité."),
    )
    return redirect(application)
