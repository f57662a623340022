"""Who may see which label applications and obligations.

Regional staff (acting for the national mission) see everything; rectorate staff the
applications of their academies' campuses (every campus for the région académique); directors
those of the campuses they direct today; experts only the applications they are assigned to,
and the obligations of the labels those applications granted. Experts see nothing of money,
conventions or follow-up sheets (those apps refuse them: 403).
"""

from campuses.permissions import campuses_visible_to
from core import roles

from .models import ExpertAssignment, LabelApplication, LabelDocument, LabelObligation


def can_use_labels(user):
    return roles.is_campus_side(user) or roles.is_expert(user)


def can_manage_labels(user):
    """Create sessions, assign experts, rule on admissibility, record decisions."""
    return roles.is_regional_staff(user)


def applications_visible_to(user, queryset=None):
    queryset = LabelApplication.objects.all() if queryset is None else queryset
    if not can_use_labels(user):
        return queryset.none()
    if roles.is_regional_staff(user):
        return queryset
    if roles.is_expert(user):
        assigned = ExpertAssignment.objects.filter(expert=user).values("application")
        return queryset.filter(pk__in=assigned)
    return queryset.filter(campus__in=campuses_visible_to(user).values("pk"))


def obligations_visible_to(user, queryset=None):
    queryset = LabelObligation.objects.all() if queryset is None else queryset
    if not can_use_labels(user):
        return queryset.none()
    if roles.is_regional_staff(user):
        return queryset
    if roles.is_expert(user):
        periods = ExpertAssignment.objects.filter(expert=user).values("application__label_period")
        return queryset.filter(label_period__in=periods)
    return queryset.filter(campus__in=campuses_visible_to(user).values("pk"))


def documents_visible_to(user, queryset=None):
    queryset = LabelDocument.objects.all() if queryset is None else queryset
    return queryset.filter(application__in=applications_visible_to(user).values("pk"))


def prepares(user, application):
    """Regional staff, or rectorate staff of the campus's academies: they prepare the
    application together."""
    if roles.is_regional_staff(user):
        return True
    return (
        roles.is_rectorate(user)
        and campuses_visible_to(user).filter(pk=application.campus_id).exists()
    )


def contributes(user, application):
    """Those who prepare it, and the campus's director (the criteria texts, the answers)."""
    if prepares(user, application):
        return True
    return (
        roles.is_director(user)
        and campuses_visible_to(user).filter(pk=application.campus_id).exists()
    )


def is_assigned(user, application):
    return (
        roles.is_expert(user)
        and ExpertAssignment.objects.filter(application=application, expert=user).exists()
    )


def reviews(user, application):
    """An assigned expert, or regional staff acting for the mission."""
    return roles.is_regional_staff(user) or is_assigned(user, application)


def is_rapporteur(user, application):
    return roles.is_expert(user) and application.rapporteur_id == user.pk


def reviews_obligation(user, obligation):
    """Regional staff, or an expert who assessed the application that granted the label."""
    if roles.is_regional_staff(user):
        return True
    return (
        roles.is_expert(user)
        and ExpertAssignment.objects.filter(
            expert=user, application__label_period=obligation.label_period_id
        ).exists()
    )


def can_prepare_any(user):
    """Regional staff, and rectorate staff (for the campuses of their academies)."""
    return roles.is_regional_staff(user) or roles.is_rectorate(user)
