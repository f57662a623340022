"""Reads of the follow-up pages: scoped querysets with their figures computed in SQL, so that
a page's query count does not grow with its campuses, sections or comments.

Scope: `permissions.sheets_visible_to` (regional staff: every sheet; rectorate staff: their
academies' campuses; directors: the campuses they direct). Comments go through
`permissions.comments_visible_to` (internal notes for reviewers only) and, for a director, only
those the reviewers sent back with a request for changes (or all of them once validated).
"""

from django.db.models import Count, Max, Q
from django.db.models.functions import Greatest

from . import permissions
from .models import (
    Campaign,
    FollowUpSheet,
    SheetAttachment,
    SheetComment,
    SheetDocument,
    SheetReminder,
    SheetStatus,
    StatusChange,
)

SECTION_COUNT = 9


def _progress(queryset):
    """Sheets annotated with `complete_sections` and `last_update` (one query)."""
    return queryset.annotate(
        complete_sections=Count("sections", filter=Q(sections__is_complete=True)),
        section_errors=Count("sections", filter=Q(sections__error_count__gt=0)),
        last_section_update=Max("sections__updated_at"),
    ).annotate(last_update=Greatest("updated_at", "last_section_update"))


# ---------------------------------------------------------------- campaigns


def campaigns_for(user):
    """Campaigns with the count of the user's visible sheets in each status (one query)."""
    visible = permissions.sheets_visible_to(user).values("pk")
    in_scope = Q(sheets__in=visible)
    counts = {
        f"count_{status}": Count("sheets", filter=in_scope & Q(sheets__status=status))
        for status in SheetStatus.values
    }
    return Campaign.objects.annotate(total=Count("sheets", filter=in_scope), **counts).order_by(
        "-year"
    )


def campaign_sheets(user, campaign, status=None):
    """The campaign's sheets the user may see, with campus, academies and progress."""
    queryset = permissions.sheets_visible_to(user, campaign.sheets.all())
    if status:
        queryset = queryset.filter(status=status)
    return (
        _progress(queryset)
        .select_related("campus")
        .prefetch_related("campus__academies")
        .order_by("campus__short_name", "pk")
    )


def status_counts(user, campaign):
    """{status: count} of the campaign's sheets the user may see (one query)."""
    rows = (
        permissions.sheets_visible_to(user, campaign.sheets.all())
        .order_by()
        .values("status")
        .annotate(count=Count("pk"))
    )
    counts = dict.fromkeys(SheetStatus.values, 0)
    counts.update({row["status"]: row["count"] for row in rows})
    return counts


def sheets_of_director(user, limit=None):
    """The sheets of the campuses `user` directs, newest campaign first, with progress."""
    queryset = _progress(
        permissions.sheets_visible_to(user).select_related("campaign", "campus")
    ).order_by("-campaign__year", "campus__short_name")
    return queryset[:limit] if limit else queryset


def sheets_to_review(user, limit=None):
    """Submitted sheets waiting for the reviewer `user`, oldest submission first."""
    if not permissions.is_reviewer(user):
        return FollowUpSheet.objects.none()
    queryset = (
        permissions.sheets_visible_to(user)
        .filter(status=SheetStatus.SUBMITTED)
        .select_related("campaign", "campus")
        .order_by("submitted_at", "pk")
    )
    return queryset[:limit] if limit else queryset


# ---------------------------------------------------------------- one sheet


def visible_sheet(user, pk):
    """The sheet if `user` may see it, else None (campaign and campus joined)."""
    return (
        permissions.sheets_visible_to(user)
        .select_related("campaign", "campus", "rectorate_opinion_by")
        .filter(pk=pk)
        .first()
    )


def sections_of(sheet):
    """{number: SheetSection} (one query)."""
    return {section.number: section for section in sheet.sections.all()}


def last_return(sheet):
    """The latest « modifications demandées » change of the sheet (with its reason), or None."""
    return (
        StatusChange.objects.filter(sheet=sheet, to_status=SheetStatus.CHANGES_REQUESTED)
        .select_related("actor")
        .order_by("-at", "-pk")
        .first()
    )


def comments_for(user, sheet, section=None, returned=None):
    """The comments `user` may read on `sheet` (on one section when given).

    Reviewers read every comment, internal notes included. A director reads no internal note,
    and only the comments the reviewers sent back with a request for changes (those written
    before the latest return to the campus), or all of them once the sheet is validated:
    comments of a review still in progress are not shown to the campus.
    """
    queryset = permissions.comments_visible_to(
        user, SheetComment.objects.filter(sheet=sheet).select_related("author")
    )
    if section is not None:
        queryset = queryset.filter(section=section)
    if not permissions.is_reviewer(user) and sheet.status != SheetStatus.VALIDATED:
        returned = returned if returned is not None else last_return(sheet)
        if returned is None:
            return queryset.none()
        queryset = queryset.filter(created_at__lte=returned.at)
    return queryset.order_by("section", "created_at", "pk")


def history_of(sheet):
    return StatusChange.objects.filter(sheet=sheet).select_related("actor").order_by("at", "pk")


def email_log(user, sheet):
    """The e-mails about the sheet that `user` may see, newest first: rows with `label`
    (the step), `subject`, `recipients` and `sent_at`. notifications.email_log merges the
    reminders and the event notices; without it, the reminders (SheetReminder rows)."""
    try:
        from .notifications import email_log as merged_log
    except ImportError:
        merged_log = None
    if merged_log is not None:
        return merged_log(sheet, user)
    return [
        {
            "label": reminder.get_step_display(),
            "subject": reminder.subject,
            "recipients": reminder.recipients,
            "sent_at": reminder.sent_at,
        }
        for reminder in SheetReminder.objects.filter(sheet=sheet).order_by("-created_at", "-pk")
    ]


def attachments_of(sheet, section=None):
    queryset = SheetAttachment.objects.filter(sheet=sheet).select_related("uploaded_by")
    if section is not None:
        queryset = queryset.filter(section=section)
    return queryset.order_by("section", "uploaded_at", "pk")


def documents_of(sheet):
    return SheetDocument.objects.filter(sheet=sheet).order_by("-created_at", "-pk")[:5]


def attachment_visible_to(user, pk):
    return (
        SheetAttachment.objects.filter(sheet__in=permissions.sheets_visible_to(user).values("pk"))
        .select_related("sheet")
        .filter(pk=pk)
        .first()
    )


def sheet_navigation(sheet, stored=None):
    """The nine sections with their state, for the navigation of the sheet's pages:
    [{"number", "title", "state" (complete / errors / todo / partial), "errors"}]."""
    from .sections import SECTIONS

    stored = sections_of(sheet) if stored is None else stored
    items = []
    for spec in SECTIONS:
        section = stored.get(spec.number)
        items.append(
            {
                "number": spec.number,
                "title": spec.title,
                **section_state(section),
            }
        )
    return items


def section_state(section):
    """{"state": complete | errors | partial | todo, "errors": n} of one stored section."""
    if section is None:
        return {"state": "todo", "errors": 0}
    if section.is_complete:
        return {"state": "complete", "errors": 0}
    if not _has_content(section.data):
        # Nothing typed yet: « to fill », even if the schema counts a rule as broken (three
        # strengths expected, none given).
        return {"state": "todo", "errors": 0}
    if section.error_count:
        return {"state": "errors", "errors": section.error_count}
    return {"state": "partial", "errors": 0}


def _has_content(data):
    if not isinstance(data, dict):
        return False
    for value in data.values():
        if isinstance(value, list):
            if any(
                isinstance(row, dict)
                and any(str(v or "").strip() for k, v in row.items() if k != "prefilled")
                or (isinstance(row, str) and row.strip())
                for row in value
            ):
                return True
        elif value not in (None, "", False):
            return True
    return False
