"""A sheet's pages: its overview (the nine sections read-only, the review, the history and the
e-mail log), a section's editor (the director, while the sheet is editable; read-only for the
others), the draft endpoint the editor's script saves to, the summary of what is missing, the
submission and the attachments.

Drafts: the section's script POSTs {"version", "data"} as JSON every few seconds after typing
and when the user leaves the section; `services.save_section` keeps the data as typed (invalid
values included) and answers the errors per key. A stale version is a 409 that leaves both
versions untouched, except for the answers that were lost on the way back: the same draft sent
again is a no-op (the service), and a new draft sent with the content of the unanswered one
(`unconfirmed`) goes through when that content is what is stored: that save was this
browser's own.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from core.errors import ConflictError, PermissionDeniedError
from core.views import file_response, run_action

from .. import forms, permissions, sections, selectors, services
from ..models import SECTION_NUMBERS, FollowUpSheet, SheetSection, SheetStatus
from ..workflow import SHEET
from .common import (
    dashboard_url,
    documents_available,
    json_error,
    require_director,
    section_spec,
    sheet_badge,
    status_badge,
    visible_attachment,
    visible_sheet,
)

NO_PERSONAL_DATA = _(
    "Cette fiche ne collecte aucune donnée personnelle : n'indiquez aucun nom de personne."
)


# ---------------------------------------------------------------- the sheet's page


def _actions(user, sheet):
    """What the page offers to `user`: the workflow's answers (the services check again),
    and the links that are no step of it."""
    return {
        **SHEET.available(user, sheet),
        "pdf": documents_available(),
        "campaign": permissions.is_reviewer(user),
    }


def _by_section(items):
    grouped = {}
    for item in items:
        grouped.setdefault(item.section, []).append(item)
    return grouped


def _sheet_context(request, sheet, **forms_):
    user = request.user
    stored = selectors.sections_of(sheet)
    returned = selectors.last_return(sheet)
    comments = _by_section(selectors.comments_for(user, sheet, returned=returned))
    attachments = _by_section(selectors.attachments_of(sheet))
    year = sheet.campaign.year
    blocks = []
    for spec in sections.SECTIONS:
        section = stored.get(spec.number)
        data = section.data if section else {}
        result = sections.validate(spec.number, data, year=year)
        blocks.append(
            {
                "spec": spec,
                "section": section,
                "view": forms.section_editor(spec.number, data, result.errors),
                "state": selectors.section_state(section),
                "missing": result.missing,
                "comments": comments.get(spec.number, []),
                "attachments": attachments.get(spec.number, []),
            }
        )
    actions = _actions(user, sheet)
    complete = sum(1 for block in blocks if block["state"]["state"] == "complete")
    return {
        "sheet": sheet,
        "badge": sheet_badge(sheet),
        "blocks": blocks,
        "nav": selectors.sheet_navigation(sheet, stored),
        "complete": complete,
        "general_comments": comments.get(0, []),
        "returned": returned,
        "history": selectors.history_of(sheet),
        "emails": selectors.email_log(user, sheet),
        "documents": list(selectors.documents_of(sheet)) if actions["pdf"] else [],
        "actions": actions,
        "comment_form": forms_.get("comment_form") or forms.CommentForm(),
        "reason_form": forms_.get("reason_form") or forms.ReasonForm(),
        "validate_form": forms.ValidateForm(),
        "opinion_form": forms_.get("opinion_form")
        or forms.OpinionForm(
            initial={"opinion": sheet.rectorate_opinion, "text": sheet.rectorate_opinion_text}
        ),
        "dashboard_url": dashboard_url(user),
        "no_personal_data": NO_PERSONAL_DATA,
        "is_reviewer": permissions.is_reviewer(user),
    }


def render_sheet(request, sheet, status=200, **forms_):
    return render(
        request,
        "followup/sheet_detail.html",
        _sheet_context(request, sheet, **forms_),
        status=status,
    )


def sheet_detail(request, pk):
    sheet = visible_sheet(request, pk)
    return render_sheet(request, sheet)


# ---------------------------------------------------------------- a section


def _neighbours(number):
    numbers = list(SECTION_NUMBERS)
    index = numbers.index(number)
    previous = numbers[index - 1] if index > 0 else None
    following = numbers[index + 1] if index + 1 < len(numbers) else None
    return previous, following


def _section_page(request, sheet, number, *, data=None, version=None, conflict=None, status=200):
    """The section's page; `data`/`version` given when re-showing what the user posted."""
    user = request.user
    spec = section_spec(number)
    stored = selectors.sections_of(sheet)
    section = stored.get(number)
    saved = section.data if section else {}
    shown = saved if data is None else data
    result = sections.validate(number, shown, year=sheet.campaign.year)
    actions = _actions(user, sheet)
    returned = selectors.last_return(sheet)
    previous, following = _neighbours(number)
    version = section.version if (section and version is None) else (version or 1)
    config = {
        "draftUrl": reverse("followup:section_draft", args=[sheet.pk, number]),
        "sectionUrl": reverse("followup:section", args=[sheet.pk, number]),
        "version": version,
        "storageKey": f"cmq-followup:{sheet.pk}:{number}",
        "section": number,
        "savedAt": section.updated_at.isoformat() if section else None,
        "data": saved,
        "serverVersion": section.version if section else 1,
    }
    return render(
        request,
        "followup/section.html",
        {
            "sheet": sheet,
            "badge": sheet_badge(sheet),
            "spec": spec,
            "number": number,
            "section": section,
            "editor": forms.section_editor(number, shown, result.errors),
            "result": result,
            "state": selectors.section_state(section),
            "nav": selectors.sheet_navigation(sheet, stored),
            "previous": previous,
            "following": following,
            "actions": actions,
            "editable": actions["fill"],
            "version": version,
            "config": config,
            "conflict": conflict,
            "comments": selectors.comments_for(user, sheet, section=number, returned=returned),
            "returned": returned,
            "attachments": (
                list(selectors.attachments_of(sheet, number)) if spec.attachments else []
            ),
            "attachment_form": forms.AttachmentForm(),
            "no_personal_data": NO_PERSONAL_DATA,
            "previous_year": str(sheet.campaign.year - 1),  # a year: never « 2 023 »
        },
        status=status,
    )


def _form_version(value):
    text = (value or "").strip()
    return int(text) if text.isdigit() and len(text) <= 9 else None


def section(request, pk, number):
    """GET: the section's editor (read-only for those who do not fill the sheet).
    POST (the page without JavaScript): save the section as typed."""
    sheet = visible_sheet(request, pk)
    section_spec(number)
    if request.method != "POST":
        return _section_page(request, sheet, number)
    require_director(request)
    data = forms.data_from_post(number, request.POST)
    version = _form_version(request.POST.get("version"))
    try:
        saved, result = services.save_section(
            request.user, sheet, number, data, expected_version=version
        )
    except ConflictError as error:
        sheet.refresh_from_db()
        if not sheet.is_editable:
            messages.error(request, str(error))
            return redirect("followup:section", pk=sheet.pk, number=number)
        return _section_page(
            request, sheet, number, data=data, version=version, conflict=str(error), status=409
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("followup:section", pk=sheet.pk, number=number)
    except PermissionDeniedError as error:
        raise PermissionDenied(str(error)) from error
    if result.errors:
        messages.warning(
            request,
            ngettext(
                "Rubrique enregistrée avec %(count)s erreur à corriger.",
                "Rubrique enregistrée avec %(count)s erreurs à corriger.",
                result.error_count,
            )
            % {"count": result.error_count},
        )
    else:
        messages.success(request, _("Rubrique enregistrée."))
    following = _neighbours(number)[1]
    if request.POST.get("next") == "1" and following:
        return redirect("followup:section", pk=sheet.pk, number=following)
    if request.POST.get("next") == "1":
        return redirect("followup:summary", pk=sheet.pk)
    return redirect("followup:section", pk=sheet.pk, number=number)


# ---------------------------------------------------------------- the draft endpoint


def _draft_answer(sheet, section, result):
    saved_at = timezone.localtime(section.updated_at)
    state = selectors.section_state(section)
    sheet_status = SheetStatus(sheet.status)
    return JsonResponse(
        {
            "ok": True,
            "version": section.version,
            "errors": {
                key: [str(m) for m in messages_] for key, messages_ in result.errors.items()
            },
            "error_count": result.error_count,
            "complete": result.complete,
            "missing": [str(item) for item in result.missing],
            "state": state["state"],
            "saved_at": saved_at.isoformat(),
            "saved_at_display": saved_at.strftime("%H:%M:%S"),
            "sheet_status": sheet_status.value,
            "sheet_status_display": str(sheet_status.label),
            "sheet_badge": status_badge(sheet_status.value, "")[0],
        }
    )


def _same_data(number, stored, sent):
    # The service stores only the schema's keys: compare what it would store.
    return sent is not None and services._keep_known_keys(number, sent) == stored


@require_POST
def section_draft(request, pk, number):
    """Save a section's draft sent as JSON by the editor's script; answer JSON."""
    sheet = visible_sheet(request, pk)
    section_spec(number)
    if not request.user.is_director:
        return json_error(403, _("Seule la direction du campus remplit sa fiche."))
    try:
        version, data, unconfirmed = forms.draft_from_json(request.body)
    except forms.DraftError as error:
        return json_error(400, error)
    user = request.user
    try:
        saved, result = services.save_section(user, sheet, number, data, expected_version=version)
    except ConflictError as error:
        sheet.refresh_from_db()
        if not sheet.is_editable:
            return json_error(409, error, locked=True, sheet_status=sheet.status)
        answer = _replay(user, sheet, number, data, unconfirmed)
        if answer is None:
            current = SheetSection.objects.select_related("updated_by").get(
                sheet=sheet, number=number
            )
            return json_error(
                409,
                error,
                conflict=True,
                version=current.version,
                updated_by=str(current.updated_by or ""),
                updated_at=timezone.localtime(current.updated_at).strftime("%d/%m/%Y %H:%M"),
            )
        saved, result = answer
    except ValidationError as error:
        return json_error(400, " ".join(error.messages))
    except PermissionDeniedError as error:
        return json_error(403, error)
    sheet.refresh_from_db(fields=["status"])
    return _draft_answer(sheet, saved, result)


def _replay(user, sheet, number, data, unconfirmed):
    """A stale version that is in fact this browser's own last save (the answer to it was
    lost, so the browser still holds the version before it): the stored data is exactly what
    it sent then. (section, result) once saved on the current version; None for a real
    conflict. The very same draft sent twice is the service's business (no conflict)."""
    with transaction.atomic():
        # Locks in the service's order (the sheet, then the section): no deadlock with a save.
        FollowUpSheet.objects.select_for_update().filter(pk=sheet.pk).first()
        current = SheetSection.objects.select_for_update().get(sheet=sheet, number=number)
        if not _same_data(number, current.data, unconfirmed):
            return None
        try:
            return services.save_section(
                user, sheet, number, data, expected_version=current.version
            )
        except ConflictError:
            return None


# ---------------------------------------------------------------- summary and submission


def summary(request, pk):
    sheet = visible_sheet(request, pk)
    results = services.sheet_results(sheet)
    stored = selectors.sections_of(sheet)
    rows = []
    for spec in sections.SECTIONS:
        result = results[spec.number]
        rows.append(
            {
                "spec": spec,
                "result": result,
                "state": selectors.section_state(stored.get(spec.number)),
            }
        )
    complete = all(result.complete for result in results.values())
    return render(
        request,
        "followup/summary.html",
        {
            "sheet": sheet,
            "badge": sheet_badge(sheet),
            "rows": rows,
            "complete": complete,
            "complete_count": sum(1 for result in results.values() if result.complete),
            "actions": _actions(request.user, sheet),
            "nav": selectors.sheet_navigation(sheet, stored),
            "no_personal_data": NO_PERSONAL_DATA,
        },
    )


@require_POST
def submit(request, pk):
    sheet = visible_sheet(request, pk)
    require_director(request)
    try:
        services.submit(request.user, sheet)
    except ValidationError as error:
        messages.error(
            request,
            _("La fiche n'est pas complète : %(details)s") % {"details": " ".join(error.messages)},
        )
        return redirect("followup:summary", pk=sheet.pk)
    except ConflictError as error:
        messages.error(request, str(error))
        return redirect(sheet)
    except PermissionDeniedError as error:
        raise PermissionDenied(str(error)) from error
    messages.success(
        request,
        _(
            "Fiche soumise : le rectorat et les services de la Région sont prévenus. Elle n'est "
            "plus modifiable, sauf s'ils vous demandent des modifications."
        ),
    )
    return redirect(sheet)


# ---------------------------------------------------------------- attachments


def _section_anchor(sheet, number, anchor="pieces-jointes"):
    return reverse("followup:section", args=[sheet.pk, number]) + f"#{anchor}"


@require_POST
def attachment_upload(request, pk, number):
    sheet = visible_sheet(request, pk)
    section_spec(number)
    require_director(request)
    form = forms.AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choisissez un fichier à joindre."))
        return redirect(_section_anchor(sheet, number))
    upload = form.cleaned_data["file"]
    run_action(
        request,
        lambda: services.add_attachment(request.user, sheet, number, upload),
        _("Pièce jointe « %(name)s » ajoutée.") % {"name": upload.name},
    )
    return redirect(_section_anchor(sheet, number))


@require_POST
def attachment_delete(request, pk):
    attachment = visible_attachment(request, pk)
    require_director(request)
    sheet = attachment.sheet
    run_action(
        request,
        lambda: services.delete_attachment(request.user, attachment),
        _("Pièce jointe « %(name)s » supprimée.") % {"name": attachment.name},
    )
    return redirect(_section_anchor(sheet, attachment.section))


def attachment_download(request, pk):
    attachment = visible_attachment(request, pk)
    # Served with the type read from the stored content (core.uploads), like every download.
    return file_response(attachment.file)
