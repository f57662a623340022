"""Filters of the API's conventions, amendments, deliberations and documents collections."""

from datetime import timedelta

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campuses.selectors import campus_choices
from deliberations.models import Deliberation
from documents.models import DocumentStatus

from . import selectors
from .models import (
    Amendment,
    ConventionKind,
    DocumentKind,
    FrameworkConvention,
    GeneratedDocument,
    SignatureStatus,
)
from .permissions import conventions_visible_to


def _visible_conventions(request):
    return conventions_visible_to(request.user) if request else FrameworkConvention.objects.none()


class ConventionFilter(django_filters.FilterSet):
    # Choices are scoped: an id outside the caller's scope is refused like an unknown one.
    campus = django_filters.ModelChoiceFilter(queryset=campus_choices, label=_("Campus"))
    status = django_filters.ChoiceFilter(choices=SignatureStatus.choices, label=_("État"))
    kind = django_filters.ChoiceFilter(choices=ConventionKind.choices, label=_("Nature"))
    deliberation = django_filters.ModelChoiceFilter(
        queryset=Deliberation.objects.all(), label=_("Délibération d'adoption")
    )
    ending_within_months = django_filters.NumberFilter(
        method="ending_within",
        label=_("Convention se terminant dans (mois)"),
        min_value=0,
        max_value=120,
    )

    class Meta:
        model = FrameworkConvention
        fields = ["campus", "status", "kind", "deliberation", "ending_within_months"]

    def ending_within(self, queryset, name, value):
        """The end date is computed (clauses in force, label periods), not stored: evaluate the
        candidates once (the queryset comes from selectors.convention_list, with its
        prefetches) and keep the matching ids. Months count 30.44 days, as for campuses."""
        today = timezone.localdate()
        limit = today + timedelta(days=round(float(value) * 30.44))
        candidates = queryset.filter(effective_date__isnull=False)
        matching = [
            convention.pk
            for convention in candidates
            if (end := selectors.convention_dates(convention, today).end) is not None
            and today <= end <= limit
        ]
        return queryset.filter(pk__in=matching)


class AmendmentFilter(django_filters.FilterSet):
    convention = django_filters.ModelChoiceFilter(
        queryset=_visible_conventions, label=_("Convention")
    )
    campus = django_filters.ModelChoiceFilter(
        field_name="convention__campus", queryset=campus_choices, label=_("Campus")
    )
    status = django_filters.ChoiceFilter(choices=SignatureStatus.choices, label=_("État"))
    deliberation = django_filters.ModelChoiceFilter(
        queryset=Deliberation.objects.all(), label=_("Délibération d'adoption")
    )

    class Meta:
        model = Amendment
        fields = ["convention", "campus", "status", "deliberation"]


class DocumentFilter(django_filters.FilterSet):
    convention = django_filters.NumberFilter(field_name="convention_id", label=_("Convention"))
    amendment = django_filters.NumberFilter(field_name="amendment_id", label=_("Avenant"))
    kind = django_filters.ChoiceFilter(choices=DocumentKind.choices, label=_("Document"))
    status = django_filters.ChoiceFilter(choices=DocumentStatus.choices, label=_("État"))

    class Meta:
        model = GeneratedDocument
        fields = ["convention", "amendment", "kind", "status"]
