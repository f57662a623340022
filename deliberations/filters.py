"""Filters of the deliberations collection, and the deliberation-number field other domains'
filters use (« CP2023-263 », « CP n° 2023-263 » → « CP 2023-263 »)."""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import Deliberation, DeliberationBody
from .numbers import normalize_deliberation_number


class DeliberationNumberField(forms.CharField):
    """Accepts "CP2023-263", "CP n° 2023-263"… and cleans to the stored "CP 2023-263"."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return value
        try:
            return normalize_deliberation_number(value)
        except ValidationError as error:
            raise forms.ValidationError(error.messages, code="deliberation_number") from error


class DeliberationNumberFilter(django_filters.CharFilter):
    field_class = DeliberationNumberField


class DeliberationFilter(django_filters.FilterSet):
    body = django_filters.ChoiceFilter(choices=DeliberationBody.choices, label=_("Instance"))
    year = django_filters.NumberFilter(
        field_name="date__year", label=_("Année"), min_value=1900, max_value=2999
    )
    number = DeliberationNumberFilter(field_name="number", label=_("Numéro"))

    class Meta:
        model = Deliberation
        fields = ["body", "year", "number"]
