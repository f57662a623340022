from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.api_fields import FieldsOncePerClassMixin, ReadPlanMixin
from core.prefetching import rows

from .models import (
    Academy,
    Campus,
    CampusDirector,
    LabelCategory,
    LabelPeriod,
    LabelStatus,
    Organisation,
    SectorFamily,
    SupportInstitutionTenure,
)


class LabelPeriodSerializer(FieldsOncePerClassMixin, ReadPlanMixin, serializers.ModelSerializer):
    class Meta:
        model = LabelPeriod
        fields = [
            "id",
            "category",
            "start",
            "end",
            "decision_date",
            "decision_reference",
            "probationary",
            "note",
        ]


class SupportTenureSerializer(FieldsOncePerClassMixin, ReadPlanMixin, serializers.ModelSerializer):
    organisation = serializers.SlugRelatedField(slug_field="legal_name", read_only=True)
    organisation_id = serializers.IntegerField(read_only=True)
    siret = serializers.CharField(source="organisation.siret", read_only=True)

    class Meta:
        model = SupportInstitutionTenure
        fields = ["organisation_id", "organisation", "siret", "start", "end"]


class DirectorSerializer(FieldsOncePerClassMixin, ReadPlanMixin, serializers.ModelSerializer):
    class Meta:
        model = CampusDirector
        fields = ["full_name", "email", "role", "start", "end"]


class PrefetchedManyField(serializers.ManyRelatedField):
    """A writable to-many field reading its rows through core.prefetching.rows(): the list
    selectors.campus_api_list prefetched, else the relation's manager."""

    def get_attribute(self, instance):
        if instance.pk is None:  # as DRF's: an unsaved instance has no related rows
            return []
        return rows(instance, self.source)


class CampusSerializer(FieldsOncePerClassMixin, ReadPlanMixin, serializers.ModelSerializer):
    """A campus with its label state on the day of the request, derived from its periods."""

    sector_family = serializers.SlugRelatedField(
        slug_field="code", queryset=SectorFamily.objects.all()
    )
    academies = PrefetchedManyField(
        child_relation=serializers.SlugRelatedField(
            slug_field="code", queryset=Academy.objects.all()
        ),
    )
    current_category = serializers.ChoiceField(
        choices=LabelCategory.choices, read_only=True, allow_null=True
    )
    label_status = serializers.ChoiceField(choices=LabelStatus.choices, read_only=True)
    current_label_end = serializers.DateField(source="current_end", read_only=True, allow_null=True)
    label_days_left = serializers.IntegerField(read_only=True, allow_null=True)
    label_periods = LabelPeriodSerializer(many=True, read_only=True, source="label_periods_rows")
    support_history = SupportTenureSerializer(many=True, read_only=True, source="support_rows")
    directors = DirectorSerializer(many=True, read_only=True, source="current_directors")
    version = serializers.IntegerField(
        required=False,
        help_text=_("Version lue ; une modification fondée sur une version périmée reçoit 409."),
    )

    class Meta:
        model = Campus
        fields = [
            "id",
            "name",
            "short_name",
            "sector_family",
            "region",
            "academies",
            "description",
            "seat_address",
            "is_prefiguration",
            "current_category",
            "label_status",
            "current_label_end",
            "label_days_left",
            "label_periods",
            "support_history",
            "directors",
            "version",
        ]


class OrganisationSerializer(FieldsOncePerClassMixin, ReadPlanMixin, serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ["id", "legal_name", "legal_status", "siret", "address", "created_on"]
