from datetime import timedelta

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Academy, Campus, LabelCategory, LabelStatus, SectorFamily


class CampusFilter(django_filters.FilterSet):
    """Filters of the registry list and of the API's campuses collection.

    Category and status filter on the annotations of CampusQuerySet.with_label_state, so the
    queryset given to this filterset must carry them.
    """

    q = django_filters.CharFilter(method="search", label=_("Recherche"))
    category = django_filters.ChoiceFilter(
        field_name="current_category", choices=LabelCategory.choices, label=_("Catégorie")
    )
    status = django_filters.ChoiceFilter(
        field_name="label_status", choices=LabelStatus.choices, label=_("Statut")
    )
    sector = django_filters.ModelChoiceFilter(
        field_name="sector_family",
        queryset=SectorFamily.objects.all(),
        label=_("Famille de secteurs"),
    )
    academy = django_filters.ModelChoiceFilter(
        field_name="academies",
        queryset=Academy.objects.all(),
        label=_("Académie"),
        method="filter_academy",
    )
    ending_within_months = django_filters.NumberFilter(
        method="ending_within",
        label=_("Label se terminant dans (mois)"),
        min_value=0,
        max_value=120,
    )

    class Meta:
        model = Campus
        fields = ["q", "category", "status", "sector", "academy", "ending_within_months"]

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        matching = Campus.objects.filter(
            Q(name__icontains=value)
            | Q(short_name__icontains=value)
            | Q(description__icontains=value)
            | Q(former_names__name__icontains=value)
            | Q(support_history__organisation__legal_name__icontains=value)
        )
        return queryset.filter(pk__in=matching.values("pk"))

    def filter_academy(self, queryset, name, value):
        # A subquery rather than a join, so campuses are not repeated.
        return queryset.filter(pk__in=Campus.objects.filter(academies=value).values("pk"))

    def ending_within(self, queryset, name, value):
        today = timezone.localdate()
        limit = today + timedelta(days=round(float(value) * 30.44))
        return queryset.filter(current_end__gte=today, current_end__lte=limit)
