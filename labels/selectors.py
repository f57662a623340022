"""Reads of the labelling: lists in a fixed number of queries, whatever the number of
applications, and « what is waiting for whom »."""

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from core import roles

from .models import (
    EXPERTISE_STATUSES,
    ApplicationStatus,
    ExpertAssignment,
    Recommendation,
)
from .permissions import applications_visible_to


def application_list(user):
    """The applications `user` may read, with what their list shows."""
    own = ExpertAssignment.objects.filter(application=OuterRef("pk"), expert=user.pk)
    return (
        applications_visible_to(user)
        .select_related("campus", "session")
        .annotate(
            expert_count=Count("assignments", distinct=True),
            submitted_count=Count(
                "assignments", filter=Q(assignments__submitted_at__isnull=False), distinct=True
            ),
            round_count=Count("rounds", distinct=True),
            own_pending=Exists(own.filter(submitted_at__isnull=True)),
            own_submitted=Exists(own.filter(submitted_at__isnull=False)),
            unmarked=Exists(
                Recommendation.objects.filter(
                    round__application=OuterRef("pk"),
                    round__answered_on__isnull=False,
                    treatment="",
                )
            ),
        )
        .order_by("-created_at", "-pk")
    )


def waiting_for(user, application):
    """What `application` waits for from `user` (a short French phrase), or ""."""
    status = application.status
    if roles.is_expert(user):
        if status in EXPERTISE_STATUSES and getattr(application, "own_pending", False):
            return "assess"
        if status == ApplicationStatus.ANSWERS_RECEIVED and getattr(application, "unmarked", False):
            return "mark"
        if (
            application.rapporteur_id == user.pk
            and status in (ApplicationStatus.IN_EXPERTISE, ApplicationStatus.ANSWERS_RECEIVED)
            and application.expert_count
            and application.submitted_count == application.expert_count
            and not getattr(application, "unmarked", False)
        ):
            return "opinion"
        return ""
    if status == ApplicationStatus.DRAFT and not roles.is_expert(user):
        return "prepare"
    if status == ApplicationStatus.NAVETTE:
        return "answer"
    if roles.is_regional_staff(user):
        return {
            ApplicationStatus.SUBMITTED: "admissibility",
            ApplicationStatus.ADMISSIBLE: "experts",
            ApplicationStatus.OPINION: "decision",
        }.get(status, "")
    return ""


WAITING_LABELS = {
    "assess": _("Votre évaluation des critères"),
    "mark": _("Apprécier les réponses de la navette"),
    "opinion": _("Consolider l'avis du groupe (rapporteur·e)"),
    "prepare": _("Préparer et déposer la candidature"),
    "answer": _("Répondre aux recommandations de la navette"),
    "admissibility": _("Statuer sur la recevabilité"),
    "experts": _("Désigner les expert·es et lancer l'expertise"),
    "decision": _("Enregistrer la décision (arrêté)"),
}
