"""The labelling's blocks on the home pages and on the campus page (core.composition)."""

from django.utils import timezone

from core import roles
from core.choices import display

from . import planning
from .models import (
    IN_PROGRESS_STATUSES,
    ApplicationStatus,
    LabelObligation,
    ObligationStatus,
)
from .permissions import applications_visible_to, can_use_labels, obligations_visible_to
from .selectors import WAITING_LABELS, application_list, waiting_for

HOME_ROWS = 8


def _with_waiting(user, applications):
    rows = list(applications)
    for application in rows:
        application.waiting = waiting_for(user, application)
        application.waiting_label = WAITING_LABELS.get(application.waiting, "")
    return rows


def expert_home(request, **page):
    """The applications assigned to the expert, what each waits for from them first."""
    user = request.user
    rows = _with_waiting(user, application_list(user))
    rows.sort(key=lambda a: (not a.waiting, a.status == ApplicationStatus.DECIDED))
    obligations = list(
        obligations_visible_to(user)
        .filter(status__in=(ObligationStatus.FILED, ObligationStatus.IN_REVIEW))
        .select_related("campus")
    )
    return {"applications": rows, "obligations": obligations}


def carriers_home(request, **page):
    """Regional staff, rectorate and directors: the applications in preparation or in
    progress, and the label obligations coming up."""
    user = request.user
    if not can_use_labels(user) or roles.is_expert(user):
        return None
    open_statuses = (ApplicationStatus.DRAFT, *IN_PROGRESS_STATUSES)
    # Only what the block shows: application_list's counts and expert flags say what an
    # application waits for from an expert, and experts do not get this block.
    rows = _with_waiting(
        user,
        applications_visible_to(user)
        .filter(status__in=open_statuses)
        .select_related("campus")
        .only("kind", "target_category", "status", "campus__short_name")
        .order_by("-created_at", "-pk")[:HOME_ROWS],
    )
    for application in rows:  # each label translated once per language (core.choices)
        application.kind_label = display(application, "kind")
        application.target_category_label = display(application, "target_category")
        application.status_label = display(application, "status")
    today = timezone.localdate()
    obligations = list(
        obligations_visible_to(user)
        .filter(status=ObligationStatus.DUE, due_on__lte=today.replace(year=today.year + 1))
        .select_related("campus")
        .only("kind", "due_on", "campus__short_name")  # what the row and its name read
        .order_by("due_on")[:HOME_ROWS]
    )
    if not rows and not obligations:
        return None
    return {"applications": rows, "obligations": obligations, "today": today}


def campus_block(request, campus, **page):
    """On the campus page: its applications, its label obligations and its renewal
    retro-planning."""
    user = request.user
    if not can_use_labels(user):
        return None
    today = timezone.localdate()
    applications = list(
        applications_visible_to(user)
        .filter(campus=campus)
        .select_related("session")
        .order_by("-created_at")
    )
    obligations = list(
        LabelObligation.objects.filter(
            campus=campus, pk__in=obligations_visible_to(user).values("pk")
        )
        .select_related("label_period")
        .order_by("due_on")
    )
    milestones = [e for e in planning.entries(today, campus=campus) if e.is_renewal]
    if not (applications or obligations or milestones):
        return None
    return {
        "campus": campus,
        "label_applications": applications,
        "label_obligations": obligations,
        "milestones": milestones,
        "today": today,
    }
