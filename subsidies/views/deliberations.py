"""The subsidy actions of a deliberation's page (the page itself is deliberations' own):
recording its vote, its summary table and the bundle of its fiches projet. Regional staff only.
"""

from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from core.views import run_action
from deliberations.models import Deliberation

from .. import services
from ..models import SubsidyDocumentKind
from .common import require_manager, require_use
from .documents import request_pdf


def _deliberation(request, pk):
    require_use(request)
    require_manager(request)
    return get_object_or_404(Deliberation, pk=pk)


def _back(deliberation):
    return redirect(reverse("deliberations:detail", args=[deliberation.pk]) + "#subventions")


@require_POST
def deliberation_vote(request, pk):
    """Every dossier proposed to the deliberation is voted: amounts frozen, grant agreements
    created. All or nothing: any refusal leaves every dossier as it was."""
    deliberation = _deliberation(request, pk)
    result = {}

    def vote():
        result["dossiers"] = services.vote_deliberation(request.user, deliberation)

    run_action(
        request,
        vote,
        lambda: (
            ngettext(
                "Vote de la délibération %(number)s enregistré : %(count)s dossier voté.",
                "Vote de la délibération %(number)s enregistré : %(count)s dossiers votés.",
                len(result["dossiers"]),
            )
            % {"number": deliberation, "count": len(result["dossiers"])}
        ),
    )
    return _back(deliberation)


@require_POST
def deliberation_summary(request, pk):
    deliberation = _deliberation(request, pk)
    request_pdf(request, kind=SubsidyDocumentKind.DELIBERATION_SUMMARY, deliberation=deliberation)
    return _back(deliberation)


@require_POST
def deliberation_annexes(request, pk):
    """One PDF of every fiche projet of the deliberation, built in the background: the job
    page shows its progress."""
    deliberation = _deliberation(request, pk)
    from jobs.services import start_job

    job = start_job(request.user, "subsidy_annex_bundle", {"deliberation_id": deliberation.pk})
    return redirect("jobs:detail", pk=job.pk)
