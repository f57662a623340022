"""The page where regional staff paste the adopted text of a convention or an amendment (the
text of record its PDF reproduces). Other roles are refused (403), an act outside the user's
scope is a 404, an act already signed by a party goes back to its page with the reason."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from core.views import form_page
from documents import acts

from .. import forms, permissions
from ..acts.services import adopted_text_refusal, record_adopted_text
from ..text_checks import disagreements
from .common import require_manager, visible_amendment, visible_convention


def adopted_text_context(user, act):
    """What an act's page shows of its text of record (conventions/_adopted_text.html)."""
    return {
        "act": act,
        "adopted": acts.parse(act.adopted_text) if act.adopted_text.strip() else None,
        "disagreements": disagreements(act),
        "adopted_editable": permissions.can_manage_conventions(user)
        and not adopted_text_refusal(act),
    }


def _page(request, act, convention, amendment):
    require_manager(request)
    refusal = adopted_text_refusal(act)
    if refusal:
        messages.error(request, refusal)
        return redirect(act)
    return form_page(
        request,
        forms.AdoptedTextForm(request.POST or None, initial={"adopted_text": act.adopted_text}),
        lambda data: record_adopted_text(request.user, act, data["adopted_text"]),
        success=_("Le texte adopté a été enregistré."),
        done=act,
        template="conventions/adopted_text_form.html",
        context={"act": act, "convention": convention, "amendment": amendment},
    )


def convention_adopted_text(request, pk):
    convention = visible_convention(request, pk)
    return _page(request, convention, convention, None)


def amendment_adopted_text(request, pk):
    amendment = visible_amendment(request, pk)
    return _page(request, amendment, amendment.convention, amendment)
