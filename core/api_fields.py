"""Serializer fields shared by the API of every app, and the mixins that make their lists
cheaper to render: FieldsOncePerClassMixin (fields built once per serializer class) and
ReadPlanMixin (rows read through a plan)."""

import contextlib
import copy

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.encoding import force_str
from django.utils.translation import get_language
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.fields import SkipField
from rest_framework.relations import PKOnlyObject, PrimaryKeyRelatedField

from .choices import choice_labels
from .prefetching import rows


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

    def bind(self, field_name, parent):
        super().bind(field_name, parent)
        # The language of the response, looked up once when the serializer binds its fields
        # (per request), not once per value: through asgiref's context-local, the lookup cost
        # more than finding the label.
        self.language = get_language()

    def to_representation(self, instance):
        value = getattr(instance, self.choice_field_name)
        field = type(instance)._meta.get_field(self.choice_field_name)
        labels = choice_labels(field, self.language)
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


# A comment, not a docstring (drf-spectacular would take it as a description; see below).
#
# FieldsOncePerClassMixin: a ModelSerializer builds its fields anew for every instance, so for
# every response: it inspects the model (each field's kwargs, validators, uniqueness
# constraints), 1 to 10 ms per serializer class for the lists' serializers, as much as reading
# their fifty rows. What it builds depends only on the class (the fields declared and
# Meta), so it is built once per class, and each instance gets a deep copy of it: the copy DRF
# makes of the declared fields anyway (Field.__deepcopy__ builds each field again from the
# arguments it was given), and what __init__ may then change (a queryset scoped to the user)
# changes the copy only.
class FieldsOncePerClassMixin:
    def get_fields(self):
        # In the class's own __dict__: a subclass has fields of its own.
        built = type(self).__dict__.get("_fields_built_once")
        if built is None:
            built = super().get_fields()
            type(self)._fields_built_once = built
        return copy.deepcopy(built)


# How ReadPlanMixin reads a field (see _read_step).
COLUMN, FOREIGN_KEY, RELATED_ROWS, DRF = "column", "foreign key", "related rows", "drf"


def _read_step(field, model_meta):
    """(how, field name, what to read, what converts it) for one readable field."""
    name = field.field_name
    model_field = None
    if model_meta is not None and len(field.source_attrs) == 1:
        with contextlib.suppress(FieldDoesNotExist):
            model_field = model_meta.get_field(field.source)
    if model_field is None:
        return DRF, name, None, field
    if model_field.concrete and not model_field.is_relation:
        if isinstance(field, serializers.DateTimeField) and not hasattr(field, "timezone"):
            # DRF looks the current time zone up for each value, which costs as much as the
            # conversion; it cannot change while one response is rendered.
            field.timezone = field.default_timezone()
        return COLUMN, name, model_field.attname, field.to_representation
    # DRF gives a foreign key's id as is (PKOnlyObject(pk=…).pk, None when unset).
    if model_field.many_to_one and type(field) is PrimaryKeyRelatedField and not field.pk_field:
        return FOREIGN_KEY, name, model_field.attname, None
    if (model_field.one_to_many or model_field.many_to_many) and isinstance(
        field, serializers.ListSerializer
    ):
        return RELATED_ROWS, name, field.source, field.to_representation
    return DRF, name, None, field


# A comment, not a docstring: drf-spectacular would take a mixin's docstring as the
# description of every schema component whose serializer has none of its own.
#
# ReadPlanMixin gives what DRF's Serializer.to_representation gives (same values, same key
# order), with less work per field: the readable fields are sorted once per serializer into a
# plan; then a model column is read with getattr and converted by its field, a foreign key gives
# its id, a related list comes from core.prefetching.rows() (lists prefetched with to_attr).
# Anything else (method fields, dotted sources, source="*") goes DRF's own way.
#
# Why: a page of the conventions list serializes some 900 nested rows, and DRF's generic
# get_attribute per field was half of the serialization's time.
class ReadPlanMixin:
    _read_plan_for = None  # the class of instance the plan was made for

    def to_representation(self, instance):
        if type(instance) is not self._read_plan_for:
            meta = getattr(type(instance), "_meta", None)
            self._read_plan = [_read_step(field, meta) for field in self._readable_fields]
            self._read_plan_for = type(instance)
        ret = {}
        for how, name, source, convert in self._read_plan:
            if how is COLUMN:
                value = getattr(instance, source)
                ret[name] = None if value is None else convert(value)
            elif how is FOREIGN_KEY:
                ret[name] = getattr(instance, source)
            elif how is RELATED_ROWS:
                ret[name] = convert(rows(instance, source))
            else:  # as rest_framework.serializers.Serializer.to_representation
                try:
                    attribute = convert.get_attribute(instance)
                except SkipField:
                    continue
                check = attribute.pk if isinstance(attribute, PKOnlyObject) else attribute
                ret[name] = None if check is None else convert.to_representation(attribute)
        return ret
