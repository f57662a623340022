from functools import cached_property

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from campuses.permissions import can_view_organisations, can_view_registry
from conventions.permissions import can_use_conventions
from followup.permissions import can_use_followup
from subsidies.permissions import can_use_subsidies


def _items(user):
    items = [(_("Accueil"), "home")]
    if can_view_registry(user):
        items.append((_("Campus"), "campuses:list"))
    if can_view_organisations(user):
        items.append((_("Organismes"), "campuses:organisation_list"))
    if can_use_conventions(user):
        items.append((_("Conventions"), "conventions:list"))
        items.append((_("Délibérations"), "deliberations:list"))
    if can_use_subsidies(user):
        items.append((_("Subventions"), "subsidies:list"))
    if can_use_followup(user):
        items.append((_("Suivi annuel"), "followup:campaign_list"))
    if user.is_regional_staff:
        items.append((_("Comptes"), "accounts:user_list"))
        items.append((_("Journal"), "audit:list"))
    items.append((_("API"), "api-docs"))
    return items


class FollowupHome:
    """The follow-up block of the home pages, read only when a template uses it (no query on
    any other page): the director's sheets, the sheets waiting for a reviewer."""

    LIMIT = 8

    def __init__(self, user):
        self.user = user

    @cached_property
    def my_sheets(self):
        from followup import selectors
        from followup.views.common import sheet_badge

        sheets = list(selectors.sheets_of_director(self.user, limit=self.LIMIT))
        for sheet in sheets:
            sheet.badge = sheet_badge(sheet)
        return sheets

    @cached_property
    def to_review(self):
        from followup import selectors
        from followup.views.common import sheet_badge

        sheets = list(selectors.sheets_to_review(self.user, limit=self.LIMIT))
        for sheet in sheets:
            sheet.badge = sheet_badge(sheet)
        return sheets

    @cached_property
    def to_review_count(self):
        from followup import selectors

        return selectors.sheets_to_review(self.user).count()


def navigation(request):
    user = getattr(request, "user", None)
    context = {"REGION_NAME": settings.REGION_NAME}
    if user is None or not user.is_authenticated:
        return context
    nav_items = []
    path = request.path
    for label, name in _items(user):
        url = reverse(name)
        active = path == url if url == "/" else path.startswith(url)
        nav_items.append({"label": label, "url": url, "active": active})
    if user.is_superuser or user.role == "admin":
        nav_items.append(
            {"label": _("Administration Django"), "url": reverse("admin:index"), "active": False}
        )
    context["nav_items"] = nav_items
    if can_use_followup(user):
        context["followup_home"] = FollowupHome(user)
    return context
