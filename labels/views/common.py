"""What the labelling's pages share: the scoped getters (403 for a role with no business
here, 404 outside the user's scope) and the state badges."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from core.choices import display

from ..models import ApplicationStatus, LabelApplication, ObligationStatus
from ..permissions import applications_visible_to, can_use_labels, obligations_visible_to

# css modifier of portal.css's .badge for each state
STATUS_BADGES = {
    ApplicationStatus.DRAFT: "none",
    ApplicationStatus.SUBMITTED: "upcoming",
    ApplicationStatus.ADMISSIBLE: "upcoming",
    ApplicationStatus.INADMISSIBLE: "expired",
    ApplicationStatus.IN_EXPERTISE: "application",
    ApplicationStatus.NAVETTE: "probationary",
    ApplicationStatus.ANSWERS_RECEIVED: "application",
    ApplicationStatus.OPINION: "prefiguration",
    ApplicationStatus.DECIDED: "labelled",
    ApplicationStatus.WITHDRAWN: "replaced",
}
OBLIGATION_BADGES = {
    ObligationStatus.DUE: "upcoming",
    ObligationStatus.FILED: "application",
    ObligationStatus.IN_REVIEW: "probationary",
    ObligationStatus.CLOSED: "labelled",
}


def require_use(request):
    if not can_use_labels(request.user):
        raise PermissionDenied(_("La labellisation n'est pas ouverte à votre profil."))


def visible_application(request, pk, queryset=None):
    require_use(request)
    queryset = applications_visible_to(request.user, queryset).select_related(
        "campus", "session", "criteria_version", "rapporteur", "label_period"
    )
    try:
        return queryset.get(pk=pk)
    except LabelApplication.DoesNotExist:
        raise Http404 from None


def visible_obligation(request, pk):
    require_use(request)
    return get_object_or_404(
        obligations_visible_to(request.user).select_related("campus", "label_period"), pk=pk
    )


def badge(application):
    return (STATUS_BADGES[application.status], display(application, "status"))


def obligation_badge(obligation):
    return (OBLIGATION_BADGES[obligation.status], display(obligation, "status"))
