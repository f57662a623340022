"""Who may see, fill and review follow-up sheets.

Directors fill the sheets of the campuses they direct (never see another campus's); rectorate
staff review the sheets of their academies' campuses (all of them for the région académique)
and give their opinion; regional staff open campaigns, review, request changes and validate.
Experts have no business here. Internal notes of reviewers are never shown to directors.
"""

from campuses.permissions import campuses_visible_to
from core import roles

from .models import FollowUpSheet, SheetComment, SheetDocument


def can_use_followup(user):
    return getattr(user, "is_authenticated", False) and (
        user.is_regional_staff or user.is_rectorate or user.is_director
    )


def can_manage_campaigns(user):
    """Open campaigns, validate sheets, see the regional dashboard and exports."""
    return getattr(user, "is_authenticated", False) and user.is_regional_staff


def can_view_dashboard(user):
    return getattr(user, "is_authenticated", False) and (
        user.is_regional_staff or user.is_rectorate
    )


def sheets_visible_to(user, queryset=None):
    queryset = FollowUpSheet.objects.all() if queryset is None else queryset
    if not can_use_followup(user):
        return queryset.none()
    if user.is_regional_staff:
        return queryset
    return queryset.filter(campus__in=campuses_visible_to(user).values("pk"))


def documents_visible_to(user, queryset=None):
    """A sheet's PDFs follow the sheet."""
    queryset = SheetDocument.objects.all() if queryset is None else queryset
    return queryset.filter(sheet__in=sheets_visible_to(user).values("pk"))


def is_reviewer(user):
    return roles.is_reviewer(user)


def can_fill(user, sheet):
    """The campus's director, while the sheet is editable (the workflow's `fill`)."""
    from .workflow import SHEET

    return SHEET.decide("fill", user, sheet).allowed


def comments_visible_to(user, queryset=None):
    queryset = SheetComment.objects.all() if queryset is None else queryset
    if is_reviewer(user):
        return queryset
    return queryset.filter(internal=False)
