"""Filters of a history page: by action and by kind of object."""

import django_filters
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from core.formats import french_sort_key

from .models import AuditAction


class EntryFilter(django_filters.FilterSet):
    action = django_filters.ChoiceFilter(
        choices=AuditAction.choices, label=_("Action"), empty_label=_("Toutes")
    )
    kind = django_filters.ChoiceFilter(
        field_name="content_type", label=_("Type d’objet"), empty_label=_("Tous")
    )
    # The history of one object (an account's page links to it); with `kind`.
    object = django_filters.CharFilter(field_name="object_id", widget=forms.HiddenInput)

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset, **kwargs)
        # The kinds present in this history (one query), by their model's verbose name.
        ids = queryset.order_by().values_list("content_type", flat=True).distinct()
        kinds = []
        for content_type_id in ids:
            content_type = ContentType.objects.get_for_id(content_type_id)
            model = content_type.model_class()
            name = model._meta.verbose_name if model else content_type.name
            kinds.append((str(content_type_id), str(name)[:1].upper() + str(name)[1:]))
        self.filters["kind"].extra["choices"] = sorted(
            kinds, key=lambda kind: french_sort_key(kind[1])
        )
