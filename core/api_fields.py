"""Serializer fields shared by the API of every app."""

from functools import lru_cache

from django.db import models
from django.utils.encoding import force_str
from django.utils.translation import get_language
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


@lru_cache(maxsize=512)
def _choice_labels(model, field_name, language):
    """{value: label} of a model field's choices, in `language` (built once per process)."""
    field = model._meta.get_field(field_name)
    return {value: force_str(label) for value, label in field.flatchoices}


@extend_schema_field(OpenApiTypes.STR)
class ChoiceLabelField(serializers.Field):
    """The label of a choice field's value, as `get_<field>_display()` gives it; read-only.

    Why not `CharField(source="get_status_display")`: Django's get_FOO_display rebuilds the dict
    of the field's choices on every call, hashing each lazy label (one translation lookup per
    choice), and DRF inspects the method's signature for every row. On a list of fifty dossiers
    with four such labels each, that was a third of the response's time. The table is the same
    for every row and every request in one language, so it is built once.
    """

    def __init__(self, field_name, **kwargs):
        kwargs["read_only"] = True
        kwargs["source"] = "*"
        self.choice_field_name = field_name
        super().__init__(**kwargs)

    def to_representation(self, instance):
        value = getattr(instance, self.choice_field_name)
        labels = _choice_labels(type(instance), self.choice_field_name, get_language())
        return force_str(labels.get(value, value), strings_only=True)


class DateTimeField(serializers.DateTimeField):
    """DRF's date-time field, looking the current time zone up once per response (when the
    serializer binds its fields, per request) instead of once per value: the lookup, through
    asgiref's context-local, cost more than converting and formatting the value itself."""

    def bind(self, field_name, parent):
        super().bind(field_name, parent)
        if not hasattr(self, "timezone"):  # an explicit default_timezone stays
            self.timezone = self.default_timezone()


# serializer_field_mapping of the API lists' ModelSerializers: their models' date-times become
# the field above.
FIELD_MAPPING = {
    **serializers.ModelSerializer.serializer_field_mapping,
    models.DateTimeField: DateTimeField,
}
