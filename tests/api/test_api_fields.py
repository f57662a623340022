"""core.api_fields: the fields built once per serializer class are copied for each instance,
so what one instance changes (a queryset scoped to its user) or binds (its parent, its
context) stays its own."""

from django.utils import translation

from campuses.models import Campus
from core.api_fields import ChoiceLabelField, FieldsOncePerClassMixin
from subsidies.models import DossierStatus, SubsidyDossier
from subsidies.serializers.dossiers import StatusChangeSerializer, SubsidySerializer


def test_each_instance_has_its_own_fields():
    first, second = SubsidySerializer(context={"n": 1}), SubsidySerializer(context={"n": 2})
    first.fields["campus"].queryset = Campus.objects.none()
    assert first.fields["campus"] is not second.fields["campus"]
    assert second.fields["campus"].queryset is not first.fields["campus"].queryset
    assert second.fields["status_label"].parent is second
    assert second.fields["status_label"].context == {"n": 2}
    assert list(first.fields) == list(second.fields) == SubsidySerializer.Meta.fields


def test_fields_are_what_drf_builds(monkeypatch):
    once = {name: repr(field) for name, field in StatusChangeSerializer().fields.items()}

    def drf_own(self):
        return super(FieldsOncePerClassMixin, self).get_fields()

    monkeypatch.setattr(FieldsOncePerClassMixin, "get_fields", drf_own)
    assert {name: repr(field) for name, field in StatusChangeSerializer().fields.items()} == once


def test_choice_label_in_the_language_of_the_binding():
    dossier = SubsidyDossier(status=DossierStatus.DRAFT)
    with translation.override("fr"):
        serializer = SubsidySerializer()
        label = serializer.fields["status_label"]
        assert isinstance(label, ChoiceLabelField)
        assert label.to_representation(dossier) == str(DossierStatus.DRAFT.label)
