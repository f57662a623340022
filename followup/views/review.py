"""The reviewers' actions on a submitted sheet: comments per section (rectorate and Region
distinguishable, internal notes for reviewers only), a request for changes (the sheet returns
to the director with the comments), the Region's validation and the rectorate's opinion."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.views import form_page, run_action, save_form

from .. import forms, services
from ..models import SheetStatus
from .common import require_reviewer, sheet_badge, visible_sheet
from .sheets import render_sheet


def _anchor(sheet, section):
    anchor = f"rubrique-{section}" if section else "commentaires"
    return reverse("followup:sheet_detail", args=[sheet.pk]) + f"#{anchor}"


@require_POST
def comment(request, pk):
    sheet = visible_sheet(request, pk)
    require_reviewer(request)
    form = forms.CommentForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data

        def save():
            services.add_comment(
                request.user,
                sheet,
                section=data["section"],
                text=data["text"],
                internal=data["internal"],
            )

        if save_form(request, form, save):
            messages.success(
                request,
                _("Note interne enregistrée (invisible du campus).")
                if data["internal"]
                else _("Commentaire enregistré."),
            )
            return redirect(_anchor(sheet, data["section"]))
    # The page again, with the errors next to the fields and what was typed.
    return render_sheet(request, sheet, comment_form=form)


def _action_context(sheet, *, title, button, intro=""):
    """What the action page shows around its form."""
    return {
        "sheet": sheet,
        "badge": sheet_badge(sheet),
        "title": title,
        "button": button,
        "intro": intro,
    }


def request_changes(request, pk):
    """Both sides may send the sheet back to the campus, with the reason (and the comments)."""
    sheet = visible_sheet(request, pk)
    require_reviewer(request)
    if sheet.status != SheetStatus.SUBMITTED:
        messages.error(request, _("Seule une fiche soumise peut être renvoyée au campus."))
        return redirect(sheet)
    return form_page(
        request,
        forms.ReasonForm(request.POST or None),
        lambda data: services.request_changes(request.user, sheet, data["reason"].strip()),
        success=_(
            "Modifications demandées : la fiche revient au campus avec vos commentaires "
            "(hors notes internes)."
        ),
        done=sheet,
        template="followup/action_form.html",
        context=_action_context(
            sheet,
            title=_("Demander des modifications"),
            button=_("Demander des modifications"),
            intro=_(
                "La fiche revient à la direction du campus, qui pourra la corriger puis la "
                "soumettre de nouveau. Les commentaires (hors notes internes) lui sont transmis."
            ),
        ),
    )


@require_POST
def validate(request, pk):
    sheet = visible_sheet(request, pk)
    require_reviewer(request)
    if not request.user.is_regional_staff:
        raise PermissionDenied
    form = forms.ValidateForm(request.POST)
    reason = form.cleaned_data["reason"].strip() if form.is_valid() else ""
    run_action(
        request,
        lambda: services.validate_sheet(request.user, sheet, reason),
        _("Fiche validée : elle n'est plus modifiable."),
    )
    return redirect(sheet)


def opinion(request, pk):
    sheet = visible_sheet(request, pk)
    if not request.user.is_rectorate:
        raise PermissionDenied
    if sheet.status not in (SheetStatus.SUBMITTED, SheetStatus.VALIDATED):
        messages.error(request, _("L'avis porte sur une fiche soumise."))
        return redirect(sheet)
    return form_page(
        request,
        forms.OpinionForm(
            request.POST or None,
            initial={"opinion": sheet.rectorate_opinion, "text": sheet.rectorate_opinion_text},
        ),
        lambda data: services.give_opinion(
            request.user, sheet, opinion=data["opinion"], text=data["text"]
        ),
        success=_("L'avis du rectorat est enregistré."),
        done=reverse("followup:sheet_detail", args=[sheet.pk]) + "#avis",
        template="followup/action_form.html",
        context=_action_context(
            sheet,
            title=_("Avis du rectorat"),
            button=_("Enregistrer l'avis"),
            intro=_("La Région valide les fiches ; le rectorat donne son avis."),
        ),
    )
