"""After the label: an obligation's page (progress report, mid-term or external evaluation),
filing the report, the experts' navettes on it and their conclusion; the annual follow-up
sheets of the label period are linked for reference (without their content)."""

from django.db.models import Prefetch
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from core.composition import blocks_for
from core.views import file_response, form_page, refused

from .. import forms, services
from ..models import NavetteRound, Recommendation
from ..services.navettes import thread_by_criterion
from ..workflow import OBLIGATION
from .common import obligation_badge, visible_obligation


def obligation_detail(request, pk):
    obligation = visible_obligation(request, pk)
    rounds = list(
        NavetteRound.objects.filter(obligation=obligation)
        .prefetch_related(
            Prefetch("recommendations", queryset=Recommendation.objects.select_related("criterion"))
        )
        .order_by("number")
    )
    return render(
        request,
        "labels/obligation_detail.html",
        {
            "obligation": obligation,
            "badge": obligation_badge(obligation),
            "actions": OBLIGATION.available(request.user, obligation),
            "rounds": rounds,
            "thread": thread_by_criterion(rounds),
            "open_round": next((r for r in rounds if r.answered_on is None), None),
            "today": timezone.localdate(),
            "period": obligation.label_period,
            # The follow-up sheets of the period (followup contributes them).
            "blocks": blocks_for(
                "labels.obligation", request, obligation=obligation, period=obligation.label_period
            ),
        },
    )


def obligation_file(request, pk):
    obligation = visible_obligation(request, pk)
    if response := refused(
        request, OBLIGATION.decide("file", request.user, obligation), obligation
    ):
        return response
    return form_page(
        request,
        forms.ObligationFileForm(
            request.POST or None,
            request.FILES or None,
            initial={"summary": obligation.summary, "version": obligation.version},
        ),
        lambda data: services.file_obligation(
            request.user,
            obligation,
            report=data["file"],
            summary=data["summary"],
            expected_version=data["version"],
        ),
        success=_("Document remis : le groupe d'experts l'examine."),
        done=obligation.get_absolute_url(),
        template="labels/form_page.html",
        context={
            "subject": obligation,
            "title": _("Remettre : %(kind)s") % {"kind": obligation.get_kind_display()},
            "button": _("Remettre le document"),
        },
    )


def obligation_close(request, pk):
    obligation = visible_obligation(request, pk)
    if response := refused(
        request, OBLIGATION.decide("close", request.user, obligation), obligation
    ):
        return response
    return form_page(
        request,
        forms.ObligationCloseForm(request.POST or None, initial={"review": obligation.review}),
        lambda data: services.close_obligation(request.user, obligation, review=data["review"]),
        success=_("Examen conclu."),
        done=obligation.get_absolute_url(),
        template="labels/form_page.html",
        context={
            "subject": obligation,
            "title": _("Conclure l'examen : %(kind)s") % {"kind": obligation.get_kind_display()},
            "button": _("Conclure"),
        },
    )


def obligation_report(request, pk):
    obligation = visible_obligation(request, pk)
    return file_response(obligation.report, filename=f"{obligation.kind}-{obligation.pk}.pdf")
