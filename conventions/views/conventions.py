"""Pages of a framework convention: list, detail, creating and editing a draft and its parts,
the signature circuit (send, sign, terminate) and signed scans.
"""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from audit.models import AuditEntry
from audit.views import preview as history_preview
from core.errors import ConflictError, PermissionDeniedError
from core.views import file_response, form_page, one_click, save_form

from .. import forms, permissions, services
from ..consolidation import clauses_in_force, consolidated_text, with_amendments
from ..models import (
    Annex,
    Article,
    Contribution,
    ConventionKind,
    ConventionParty,
    FrameworkConvention,
    GeneratedDocument,
    Paragraph,
    SignatureStatus,
    SignedScan,
)
from .adopted import adopted_text_context
from .common import (
    dates_in_force,
    dates_of_clauses,
    detail_queryset,
    editable_or_redirect,
    link_amendments,
    pending_signatories,
    require_manager,
    require_use,
    scan_page,
    sign_page,
    status_badge,
    visible_convention,
    with_filenames,
)

PAGE_SIZE = 25


def convention_list(request):
    require_use(request)
    today = timezone.localdate()
    queryset = permissions.conventions_visible_to(
        request.user,
        with_amendments()
        .select_related("deliberation")
        .prefetch_related("campus__label_periods")
        .order_by("campus__short_name", "-created_at"),
    )
    filterset = forms.ConventionFilter(request.GET or None, queryset=queryset, request=request)
    if filterset.is_bound and not filterset.is_valid():
        conventions = queryset.none()
    else:
        conventions = filterset.qs if filterset.is_bound else queryset
    page = Paginator(conventions, PAGE_SIZE).get_page(request.GET.get("page"))
    # Each kind translated once (a row's get_kind_display hashes every choice's lazy label).
    kinds = {value: str(label) for value, label in ConventionKind.choices}
    for convention in page.object_list:
        convention.kind_label = kinds.get(convention.kind, convention.kind)
        clauses = clauses_in_force(convention, today)
        convention.dates = dates_of_clauses(convention, clauses, today)
        convention.badge = status_badge(convention, convention.dates, today)
    return render(
        request,
        "conventions/convention_list.html",
        {
            "filterset": filterset,
            "page_obj": page,
            "can_manage": permissions.can_manage_conventions(request.user),
        },
    )


def convention_detail(request, pk):
    convention = visible_convention(request, pk, detail_queryset())
    today = timezone.localdate()
    text = link_amendments(consolidated_text(convention, today), convention)
    dates = dates_in_force(convention, text, today)
    user = request.user
    can_manage = permissions.can_manage_conventions(user)
    convention_type = ContentType.objects.get_for_model(FrameworkConvention)
    history = history_preview(
        AuditEntry.objects.filter(content_type=convention_type, object_id=str(convention.pk))
        .select_related("actor", "content_type")
        .order_by("-created_at", "-id"),
        reverse("campuses:history", args=[convention.campus_id])
        + f"?kind={convention_type.pk}&object={convention.pk}",
    )
    return render(
        request,
        "conventions/convention_detail.html",
        {
            "convention": convention,
            "text": text,
            "dates": dates,
            "badge": status_badge(convention, dates, today),
            "today": today,
            "editable": can_manage and convention.is_editable,
            "can_manage": can_manage,
            "can_sign": convention.status == SignatureStatus.SENT
            and permissions.can_record_any_signature(user),
            "pending": pending_signatories(convention),
            "amendments": [
                (amendment, status_badge(amendment)) for amendment in convention.amendments.all()
            ],
            "scans": with_filenames(convention.scans.all()),
            "documents": GeneratedDocument.objects.filter(convention=convention).select_related(
                "amendment"
            ),
            "history": history,
            **adopted_text_context(user, convention),
        },
    )


def convention_create(request):
    require_use(request)
    require_manager(request)
    campus = request.GET.get("campus", "")
    form = forms.ConventionCreateForm(
        request.POST or None,
        user=request.user,
        initial={"campus": campus} if campus.isdigit() and len(campus) < 19 else {},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        result = {}

        def save():
            result["convention"] = services.create_convention(
                request.user,
                campus=data["campus"],
                kind=data["kind"],
                title=data["title"],
                deliberation=data["deliberation"],
                **{name: data[name] for name in forms.CLAUSE_FIELDS},
            )

        if save_form(request, form, save):
            convention = result["convention"]
            messages.success(
                request,
                _("La convention a été créée à partir du modèle type : complétez le brouillon."),
            )
            return redirect(convention)
    return render(request, "conventions/convention_form.html", {"form": form, "convention": None})


def convention_update(request, pk):
    convention = visible_convention(request, pk)
    require_manager(request)
    if response := editable_or_redirect(request, convention):
        return response
    return form_page(
        request,
        forms.ConventionForm(request.POST or None, instance=convention),
        lambda data: services.update_convention(
            request.user,
            convention,
            expected_version=data.get("version"),
            **{name: data[name] for name in forms.ConventionForm.Meta.fields},
        ),
        success=_("La convention a été modifiée."),
        done=convention,
        template="conventions/convention_form.html",
        context={"convention": convention},
    )


# slug -> (model, form, label, anchor on the convention page)
PART_KINDS = {
    "parties": (ConventionParty, forms.PartyForm, gettext_lazy("partie"), "parties"),
    "articles": (Article, forms.ArticleForm, gettext_lazy("article"), "articles"),
    "alineas": (Paragraph, forms.ParagraphForm, gettext_lazy("alinéa"), "articles"),
    "contributions": (
        Contribution,
        forms.ContributionForm,
        gettext_lazy("contribution"),
        "contributions",
    ),
    "annexes": (Annex, forms.AnnexForm, gettext_lazy("annexe"), "annexes"),
}


def _part_kind(kind):
    try:
        return PART_KINDS[kind]
    except KeyError as error:
        raise Http404 from error


def _part(model, convention, part_pk):
    if model is Paragraph:
        return get_object_or_404(Paragraph, pk=part_pk, article__convention=convention)
    return get_object_or_404(model, pk=part_pk, convention=convention)


def _next(values):
    return max(values, default=0) + 1


def _new_part(model, convention, request):
    """A new part of the convention, with the next free number or position as initial."""
    if model is Paragraph:
        article = Article.objects.filter(
            convention=convention, pk=str(request.GET.get("article", "")).strip()[:18] or None
        ).first()
        positions = article.paragraphs.values_list("position", flat=True) if article else []
        return Paragraph(article=article), {"article": article, "position": _next(positions)}
    instance = model(convention=convention)
    if model is Article:
        return instance, {"number": _next(convention.articles.values_list("number", flat=True))}
    if model in (ConventionParty, Annex):
        related = convention.parties if model is ConventionParty else convention.annexes
        return instance, {"position": _next(related.values_list("position", flat=True))}
    return instance, {}


def part_form(request, pk, kind, part_pk=None):
    convention = visible_convention(request, pk)
    model, form_class, label, anchor = _part_kind(kind)
    require_manager(request)
    if response := editable_or_redirect(request, convention):
        return response
    if part_pk is None:
        instance, initial = _new_part(model, convention, request)
    else:
        instance, initial = _part(model, convention, part_pk), {}
    kwargs = {"convention": convention} if model in (Paragraph, Contribution) else {}
    form = form_class(request.POST or None, instance=instance, initial=initial, **kwargs)
    saved = (
        request.method == "POST"
        and form.is_valid()
        and save_form(
            request, form, lambda: services.save_convention_part(request.user, form.instance)
        )
    )
    if saved:
        messages.success(request, _("Enregistré : %(label)s.") % {"label": label})
        return redirect(reverse("conventions:detail", args=[convention.pk]) + f"#{anchor}")
    return render(
        request,
        "conventions/part_form.html",
        {
            "form": form,
            "convention": convention,
            "label": label,
            "kind": kind,
            "anchor": anchor,
            "instance": instance,
        },
    )


@require_POST
def part_delete(request, pk, kind, part_pk):
    convention = visible_convention(request, pk)
    model, _form_class, label, anchor = _part_kind(kind)
    require_manager(request)
    instance = _part(model, convention, part_pk)
    try:
        services.delete_convention_part(request.user, instance)
    except ConflictError as error:
        messages.error(request, str(error))
    except PermissionDeniedError as error:
        raise PermissionDenied(str(error)) from error
    else:
        messages.success(
            request, _("Supprimé : %(label)s « %(obj)s ».") % {"label": label, "obj": instance}
        )
    return redirect(reverse("conventions:detail", args=[convention.pk]) + f"#{anchor}")


convention_send = one_click(
    visible_convention,
    lambda actor, convention, request: services.send_for_signature(actor, convention),
    gettext_lazy("La convention a été envoyée pour signature."),
)
convention_return_to_draft = one_click(
    visible_convention,
    lambda actor, convention, request: services.return_to_draft(actor, convention),
    gettext_lazy("La convention est revenue en brouillon."),
)


def convention_sign(request, pk):
    convention = visible_convention(request, pk)
    return sign_page(request, convention, convention)


def convention_terminate(request, pk):
    convention = visible_convention(
        request, pk, FrameworkConvention.objects.select_related("campus")
    )
    require_manager(request)
    if convention.status != SignatureStatus.SIGNED:
        messages.error(request, _("Seule une convention signée peut être dénoncée."))
        return redirect(convention)
    return form_page(
        request,
        forms.TerminationForm(request.POST or None, convention=convention),
        lambda data: services.terminate(
            request.user, convention, party=data["party"], on=data["on"], reason=data["reason"]
        ),
        success=_("La dénonciation de la convention a été enregistrée."),
        done=convention,
        template="conventions/terminate_form.html",
        context={"convention": convention},
    )


def scan_upload(request, pk):
    return scan_page(request, visible_convention(request, pk))


def scan_download(request, pk):
    require_use(request)
    scans = SignedScan.objects.filter(
        convention__in=permissions.conventions_visible_to(request.user).values("pk")
    )
    scan = get_object_or_404(scans, pk=pk)
    return file_response(scan.file)
