"""Commitment envelopes (« autorisations d'engagement »): regional staff manage them,
rectorate staff read them (the Region's budget); directors and experts get 403."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.views import save_form

from .. import forms, selectors
from ..models import CommitmentEnvelope
from ..services.envelopes import save_envelope
from .common import require_envelope_readers, require_manager


def envelope_list(request):
    require_envelope_readers(request)
    envelopes = list(selectors.envelope_list())
    return render(
        request,
        "subsidies/envelope_list.html",
        {
            "envelopes": envelopes,
            "can_manage": request.user.is_regional_staff,
        },
    )


def envelope_detail(request, pk):
    require_envelope_readers(request)
    envelope = selectors.envelope_list(CommitmentEnvelope.objects.filter(pk=pk)).first()
    if envelope is None:
        raise Http404
    dossiers = list(selectors.envelope_dossiers(request.user, envelope))
    return render(
        request,
        "subsidies/envelope_detail.html",
        {"envelope": envelope, "dossiers": dossiers},
    )


def envelope_create(request):
    require_envelope_readers(request)
    require_manager(request)
    form = forms.EnvelopeForm(request.POST or None)
    saved = (
        request.method == "POST"
        and form.is_valid()
        and save_form(request, form, lambda: save_envelope(request.user, form.instance))
    )
    if saved:
        messages.success(
            request,
            _("L'autorisation d'engagement « %(label)s » a été enregistrée.")
            % {"label": form.instance.label},
        )
        return redirect(form.instance)
    return render(request, "subsidies/envelope_form.html", {"form": form})
