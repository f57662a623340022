"""Who may see and change which campus: the one permission layer of the portal.

Every view, the API and the admin scope their querysets with `campuses_visible_to` and check
writes with `can_manage_campus`. Later domains (conventions, subsidies, follow-up) scope their
objects through the campus they belong to, with `visible_campus_ids`.
"""

from django.utils import timezone

from .models import Campus, CampusDirector


def campuses_visible_to(user, queryset=None):
    """The campuses `user` may see: all, their academies', or the ones they direct today."""
    queryset = Campus.objects.all() if queryset is None else queryset
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return queryset.none()
    if user.is_regional_staff:
        return queryset
    if user.is_rectorate:
        if user.region_academique:
            return queryset
        return queryset.filter(academies__in=user.academies.all()).distinct()
    if user.is_director:
        directed = CampusDirector.objects.in_office(timezone.localdate()).filter(user=user)
        return queryset.filter(pk__in=directed.values("campus"))
    return queryset.none()


def visible_campus_ids(user):
    return campuses_visible_to(user).values("pk")


def can_view_campus(user, campus):
    return campuses_visible_to(user).filter(pk=campus.pk).exists()


def can_view_registry(user):
    """Experts have no business in the registry; every other role sees its scope of it."""
    return getattr(user, "is_authenticated", False) and (
        user.is_regional_staff or user.is_rectorate or user.is_director
    )


def can_manage_registry(user):
    """Create campuses and organisations, edit anything in the registry: regional staff only."""
    return getattr(user, "is_authenticated", False) and user.is_regional_staff


def can_manage_campus(user, campus):
    return can_manage_registry(user)


def can_export_registry(user):
    return getattr(user, "is_authenticated", False) and (
        user.is_regional_staff or user.is_rectorate
    )


def can_view_organisations(user):
    return getattr(user, "is_authenticated", False) and (
        user.is_regional_staff or user.is_rectorate
    )
