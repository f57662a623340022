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
