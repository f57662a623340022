"""Filters of the follow-up API collections (`followups`, `campaigns`) and the scoped querysets
they filter.

The querysets are built so that a page's query count does not grow with its rows: what a list
row shows is joined (campaign, campus, indicators) or computed in SQL (the number of complete
sections, the campaigns' counts per status).
"""

import django_filters
from django import forms
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from campuses.models import Academy
from campuses.selectors import campus_choices

from .models import (
    Campaign,
    FollowUpSheet,
    SheetComment,
    SheetSection,
    SheetStatus,
    StatusChange,
)
from .permissions import comments_visible_to, sheets_visible_to

# ---------------------------------------------------------------------- scoped querysets


def _complete_sections():
    rows = (
        SheetSection.objects.filter(sheet=OuterRef("pk"), is_complete=True)
        .order_by()
        .values("sheet")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(rows[:1]), Value(0), output_field=IntegerField())


def sheet_list(user):
    """The sheets `user` may see, with what a list row shows (one query per page)."""
    return (
        sheets_visible_to(user)
        .select_related("campaign", "campus", "indicators")
        .annotate(complete_sections=_complete_sections())
        .order_by("-campaign__year", "campus__short_name", "pk")
    )


def sheet_detail(user):
    """The sheets `user` may see, with everything the detail shows; the comments are those
    `user` may read (a director never gets the reviewers' internal notes)."""
    return (
        sheet_list(user)
        .select_related("rectorate_opinion_by")
        .prefetch_related(
            "sections",
            "attachments",
            "reminders",
            Prefetch("history", queryset=StatusChange.objects.select_related("actor")),
            Prefetch(
                "comments",
                queryset=comments_visible_to(user, SheetComment.objects.select_related("author")),
                to_attr="visible_comments",
            ),
        )
    )


def campaign_list(user):
    """Regional staff: every campaign. Rectorate staff and directors: the campaigns holding
    at least one sheet they see. Counts (in all and per status) are of the caller's sheets."""
    queryset = Campaign.objects.select_related("opened_by")
    regional = user.is_regional_staff
    scope = Q() if regional else Q(sheets__in=sheets_visible_to(user).values("pk"))
    counts = {
        f"count_{status}": Count("sheets", filter=scope & Q(sheets__status=status))
        for status in SheetStatus.values
    }
    queryset = queryset.annotate(
        sheets_count=Count("sheets") if regional else Count("sheets", filter=scope), **counts
    )
    if not regional:
        queryset = queryset.filter(sheets_count__gt=0)
    return queryset.order_by("-year")


# ------------------------------------------------------------------------------- fields


class AcademyChoiceField(forms.ModelChoiceField):
    """An academy by id (`3`) or by code (`creteil`)."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        value = str(value).strip()
        lookup = {"pk": int(value)} if value.isdigit() and len(value) < 10 else {"code": value}
        try:
            return self.queryset.get(**lookup)
        except (self.queryset.model.DoesNotExist, ValueError):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            ) from None


class AcademyFilter(django_filters.ModelChoiceFilter):
    field_class = AcademyChoiceField


# ------------------------------------------------------------------------------ filters


class FollowUpFilter(django_filters.FilterSet):
    year = django_filters.NumberFilter(
        field_name="campaign__year", label=_("Année suivie"), min_value=2000, max_value=2100
    )
    # Scoped choices: a campus outside the caller's scope is refused like an unknown one.
    campus = django_filters.ModelChoiceFilter(queryset=campus_choices, label=_("Campus"))
    status = django_filters.ChoiceFilter(choices=SheetStatus.choices, label=_("État"))
    academy = AcademyFilter(
        field_name="campus__academies",
        queryset=Academy.objects.all(),
        label=_("Académie (identifiant ou code)"),
    )

    class Meta:
        model = FollowUpSheet
        fields = ["year", "campus", "status", "academy"]


class CampaignFilter(django_filters.FilterSet):
    year = django_filters.NumberFilter(
        field_name="year", label=_("Année suivie"), min_value=2000, max_value=2100
    )

    class Meta:
        model = Campaign
        fields = ["year"]
