"""Pages of an amendment: creation (new or historical), detail with its typed changes, editing,
the signature circuit, signed scans and its PDF.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.views import form_page, one_click, run_action, save_form

from .. import forms, permissions, services
from ..documents.context import amendment_of, load_convention, worded_changes
from ..models import (
    AmendmentChange,
    ChangeKind,
    DocumentKind,
    SignatureStatus,
)
from .adopted import adopted_text_context
from .common import (
    editable_or_redirect,
    pending_signatories,
    require_manager,
    require_use,
    scan_page,
    sign_page,
    status_badge,
    visible_amendment,
    visible_convention,
    with_filenames,
)
from .documents import ask_for_pdf


def amendment_create(request, pk):
    convention = visible_convention(request, pk)
    require_manager(request)
    if convention.status != SignatureStatus.SIGNED:
        messages.error(request, _("Seule une convention signée et en vigueur peut être modifiée."))
        return redirect(convention)
    number = max(convention.amendments.values_list("number", flat=True), default=0) + 1
    form = forms.AmendmentCreateForm(
        request.POST or None, initial={"title": _("Avenant n°%(number)s") % {"number": number}}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        result = {}

        def save():
            result["amendment"] = services.create_amendment(
                request.user,
                convention,
                title=data["title"],
                deliberation=data["deliberation"],
                summary=data["summary"],
            )

        if save_form(request, form, save):
            amendment = result["amendment"]
            messages.success(
                request,
                _("L'avenant n°%(number)s a été créé : ajoutez ses modifications.")
                % {"number": amendment.number},
            )
            return redirect(amendment)
    return render(
        request,
        "conventions/amendment_form.html",
        {"form": form, "convention": convention, "amendment": None, "historical": False},
    )


def historical_amendment_create(request, pk):
    convention = visible_convention(request, pk)
    require_manager(request)
    form = forms.HistoricalAmendmentForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda data: services.record_historical_amendment(
            request.user,
            convention,
            number=data["number"],
            signed_on=data["signed_on"],
            summary=data["summary"],
            title=data["title"],
        ),
        success=lambda _result: (
            _("L'avenant historique n°%(number)s a été enregistré.")
            % {"number": form.cleaned_data["number"]}
        ),
        done=reverse("conventions:detail", args=[convention.pk]) + "#avenants",
        template="conventions/amendment_form.html",
        context={"convention": convention, "amendment": None, "historical": True},
    )


def _amendment_page(request, amendment, change_form=None, status=200):
    user = request.user
    can_manage = permissions.can_manage_conventions(user)
    editable = can_manage and amendment.is_editable
    # Worded as the amendment's PDF words them (the text it applies to, each change in turn).
    loaded = amendment_of(load_convention(amendment.convention_id), amendment)
    changes = []
    for change, heading, lines in worded_changes(loaded):
        change.heading, change.lines = heading, lines
        changes.append(change)
    if editable and change_form is None:
        change_form = forms.ChangeForm(convention=amendment.convention)
    pending = pending_signatories(amendment)
    return render(
        request,
        "conventions/amendment_detail.html",
        {
            "amendment": amendment,
            "convention": amendment.convention,
            "badge": status_badge(amendment),
            "changes": changes,
            "change_form": change_form if editable else None,
            "editable": editable,
            "can_manage": can_manage,
            "can_sign": amendment.status == SignatureStatus.SENT
            and not amendment.stale
            and permissions.can_record_any_signature(user),
            "pending": pending,
            "signatures": amendment.signatures.select_related("party__organisation"),
            "scans": with_filenames(amendment.scans.all()),
            "documents": amendment.documents.all(),
            **(adopted_text_context(user, amendment) if not amendment.is_historical else {}),
        },
        status=status,
    )


def amendment_detail(request, pk):
    return _amendment_page(request, visible_amendment(request, pk))


def amendment_update(request, pk):
    amendment = visible_amendment(request, pk)
    require_manager(request)
    if response := editable_or_redirect(request, amendment):
        return response
    return form_page(
        request,
        forms.AmendmentForm(request.POST or None, instance=amendment),
        lambda data: services.update_amendment(
            request.user,
            amendment,
            expected_version=data.get("version"),
            **{name: data[name] for name in forms.AmendmentForm.Meta.fields},
        ),
        success=_("L'avenant a été modifié."),
        done=amendment,
        template="conventions/amendment_form.html",
        context={"convention": amendment.convention, "amendment": amendment, "historical": False},
    )


def _on_used_fields(error, kind):
    """The services put a change that cannot apply on `article_number` (or `old_text`): for
    a kind without that field (an annex, a party…), move it to the kind's first field."""
    if not hasattr(error, "error_dict"):
        return error
    used = forms.CHANGE_FIELDS[kind]
    errors = {}
    for field, messages_ in error.message_dict.items():
        target = field if field in used or field not in forms.ChangeForm.base_fields else used[0]
        errors.setdefault(target, []).extend(messages_)
    return ValidationError(errors)


@require_POST
def change_create(request, pk):
    amendment = visible_amendment(request, pk)
    require_manager(request)
    if response := editable_or_redirect(request, amendment):
        return response
    form = forms.ChangeForm(request.POST, convention=amendment.convention)
    if form.is_valid():

        def save():
            change = form.build_change()
            try:
                with transaction.atomic():
                    if change.kind == ChangeKind.ADD_PARTY:
                        change.party = services.add_party_by_amendment(
                            request.user, amendment, form.build_added_party()
                        )
                    services.add_change(request.user, amendment, change)
            except ValidationError as error:
                raise _on_used_fields(error, change.kind) from error

        if save_form(request, form, save):
            messages.success(request, _("La modification a été ajoutée à l'avenant."))
            return redirect(
                reverse("conventions:amendment_detail", args=[amendment.pk]) + "#modifications"
            )
    return _amendment_page(request, amendment, change_form=form)


@require_POST
def change_delete(request, pk):
    require_use(request)
    change = get_object_or_404(
        AmendmentChange.objects.select_related("amendment"),
        pk=pk,
        amendment__in=permissions.amendments_visible_to(request.user).values("pk"),
    )
    require_manager(request)
    amendment = change.amendment
    run_action(
        request,
        lambda: services.delete_change(request.user, change),
        _("La modification a été retirée de l'avenant."),
    )
    return redirect(reverse("conventions:amendment_detail", args=[amendment.pk]) + "#modifications")


amendment_send = one_click(
    visible_amendment,
    lambda actor, amendment, request: services.send_for_signature(actor, amendment),
    gettext_lazy("L'avenant a été envoyé pour signature."),
)
amendment_return_to_draft = one_click(
    visible_amendment,
    lambda actor, amendment, request: services.return_to_draft(actor, amendment),
    gettext_lazy("L'avenant est revenu en brouillon."),
)


def amendment_sign(request, pk):
    amendment = visible_amendment(request, pk)
    return sign_page(request, amendment, amendment.convention)


def amendment_scan_upload(request, pk):
    amendment = visible_amendment(request, pk)
    return scan_page(request, amendment.convention, amendment)


@require_POST
def amendment_document(request, pk):
    amendment = visible_amendment(request, pk)
    ask_for_pdf(request, amendment.convention, kind=DocumentKind.AMENDMENT, amendment=amendment)
    return redirect(reverse("conventions:amendment_detail", args=[amendment.pk]) + "#documents")
