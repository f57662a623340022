"""The follow-up's blocks of the home pages (registered in apps.py): the director's sheets,
and the sheets waiting for a reviewer. Read only when the block is shown."""

from functools import cached_property

from . import permissions, selectors
from .views.common import sheet_badge

LIMIT = 8


class FollowupHome:
    def __init__(self, user):
        self.user = user

    @cached_property
    def my_sheets(self):
        sheets = list(selectors.sheets_of_director(self.user, limit=LIMIT))
        for sheet in sheets:
            sheet.badge = sheet_badge(sheet)
        return sheets

    @cached_property
    def to_review(self):
        sheets = list(selectors.sheets_to_review(self.user, limit=LIMIT))
        for sheet in sheets:
            sheet.badge = sheet_badge(sheet)
        return sheets

    @cached_property
    def to_review_count(self):
        return selectors.sheets_to_review(self.user).count()


def home_block(request, **page):
    if not permissions.can_use_followup(request.user):
        return None
    return {"followup_home": FollowupHome(request.user)}


def period_sheets(request, obligation, period, **page):
    """On a label obligation's page: the campus's annual sheets of the label period's years,
    for reference (nothing for those who do not read follow-up sheets: experts)."""
    if not permissions.can_use_followup(request.user):
        return None
    sheets = list(
        permissions.sheets_visible_to(request.user)
        .filter(
            campus_id=obligation.campus_id,
            campaign__year__gte=period.start.year,
            campaign__year__lte=period.end.year,
        )
        .select_related("campaign")
        .order_by("campaign__year")
    )
    for sheet in sheets:
        sheet.badge = sheet_badge(sheet)
    return {"period_sheets": sheets, "period": period}
