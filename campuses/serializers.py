from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

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


class LabelPeriodSerializer(serializers.ModelSerializer):
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


class SupportTenureSerializer(serializers.ModelSerializer):
    organisation = serializers.SlugRelatedField(slug_field="legal_name", read_only=True)
    organisation_id = serializers.IntegerField(read_only=True)
    siret = serializers.CharField(source="organisation.siret", read_only=True)

    class Meta:
        model = SupportInstitutionTenure
        fields = ["organisation_id", "organisation", "siret", "start", "end"]


class DirectorSerializer(serializers.ModelSerializer):
    class Meta:
        model = CampusDirector
        fields = ["full_name", "email", "role", "start", "end"]


class PrefetchedManyField(serializers.ManyRelatedField):
    """A writable to-many field that reads the list selectors.campus_api_list prefetched
    (`rows_attr`) when there is one, rather than the relation's manager."""

    def __init__(self, rows_attr, **kwargs):
        self.rows_attr = rows_attr
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        rows = getattr(instance, self.rows_attr, None)
        return rows if rows is not None else super().get_attribute(instance)


class CampusSerializer(serializers.ModelSerializer):
    """A campus with its label state on the day of the request, derived from its periods."""

    sector_family = serializers.SlugRelatedField(
        slug_field="code", queryset=SectorFamily.objects.all()
    )
    academies = PrefetchedManyField(
        "academy_rows",
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
    label_periods = LabelPeriodSerializer(many=True, read_only=True, source="label_period_rows")
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


class OrganisationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ["id", "legal_name", "legal_status", "siret", "address", "created_on"]
