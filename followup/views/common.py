"""Helpers shared by the follow-up pages: scoped getters (403 for roles without business in
the follow-up, i.e. experts; 404 outside the user's scope), running a service action, status
badges, file answers, and the optional links (sheet PDFs, regional dashboard) that other
modules provide."""

import importlib.util

from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.urls import NoReverseMatch, reverse

from core.choices import display

from .. import permissions, sections, selectors
from ..models import SheetStatus

# css modifier of portal.css's .badge for each state of a sheet
STATUS_BADGES = {
    SheetStatus.NOT_STARTED: "none",
    SheetStatus.DRAFT: "prefiguration",
    SheetStatus.SUBMITTED: "upcoming",
    SheetStatus.CHANGES_REQUESTED: "probationary",
    SheetStatus.VALIDATED: "labelled",
}


def status_badge(status, label):
    return STATUS_BADGES.get(status, "none"), label


def sheet_badge(sheet):
    """(css modifier, label) of a sheet's state."""
    return status_badge(sheet.status, display(sheet, "status"))


def require_use(request):
    """Experts (and anyone without a role here) have no business with the follow-up: 403."""
    if not permissions.can_use_followup(request.user):
        raise PermissionDenied


def require_campaign_manager(request):
    if not permissions.can_manage_campaigns(request.user):
        raise PermissionDenied


def visible_sheet(request, pk):
    """The sheet if the user may see it (404 otherwise); 403 for roles without access."""
    require_use(request)
    sheet = selectors.visible_sheet(request.user, pk)
    if sheet is None:
        raise Http404
    return sheet


def visible_attachment(request, pk):
    require_use(request)
    attachment = selectors.attachment_visible_to(request.user, pk)
    if attachment is None:
        raise Http404
    return attachment


def section_spec(number):
    """The schema of section `number` (1-9), 404 for any other number."""
    spec = sections.SECTIONS_BY_NUMBER.get(number)
    if spec is None:
        raise Http404
    return spec


def require_director(request):
    """Only the campus's director fills its sheet (the sheet is already known visible: a
    director who sees it directs its campus). Reviewers and others: 403."""
    if not request.user.is_director:
        raise PermissionDenied


def require_reviewer(request):
    if not permissions.is_reviewer(request.user):
        raise PermissionDenied


def json_error(status, message, **extra):
    return JsonResponse({"error": str(message), **extra}, status=status)


def documents_available():
    """Whether the sheet PDFs exist yet: followup.documents renders them and the pages to ask
    for one and download it are urls_dashboard's (both built separately)."""
    try:
        if importlib.util.find_spec("followup.documents") is None:
            return False
        reverse("followup:sheet_pdf_request", args=[1])
    except (ImportError, ValueError, NoReverseMatch):
        return False
    return True


def dashboard_url(user):
    """The regional dashboard's address for those who may see it, when it exists."""
    if not permissions.can_view_dashboard(user):
        return None
    try:
        return reverse("followup:dashboard")
    except NoReverseMatch:
        return None
