"""Serializers of the conventions API: they validate and shape data; writes go through
conventions.services (called by conventions.api)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from campuses.models import Campus, Organisation
from core.api_fields import FieldsOncePerClassMixin, ReadPlanMixin
from deliberations.models import Deliberation
from documents.api import StoredDocumentSerializer

from . import selectors
from .forms import validate_text_day
from .models import (
    Amendment,
    AmendmentChange,
    ChangeKind,
    Contribution,
    ConventionParty,
    DocumentKind,
    FrameworkConvention,
    GeneratedDocument,
    Signature,
)
from .permissions import conventions_visible_to

VERSION_HELP = _("Version lue ; une modification fondée sur une version périmée reçoit 409.")


class RepresentativeSerializer(ReadPlanMixin, serializers.Serializer):
    name = serializers.CharField(source="representative_name")
    title = serializers.CharField(source="representative_title")


class PartySerializer(FieldsOncePerClassMixin, ReadPlanMixin, serializers.ModelSerializer):
    name = serializers.SerializerMethodField()
    representative = RepresentativeSerializer(source="*", read_only=True)

    class Meta:
        model = ConventionParty
        fields = [
            "id",
            "position",
            "kind",
            "name",
            "organisation",
            "representative",
            "added_by",
            "removed_by",
        ]
        read_only_fields = fields

    def get_name(self, party) -> str:
        # Organisations come with consolidation's prefetch ("parties__organisation").
        return party.authority or str(party.organisation)


class ContributionSerializer(FieldsOncePerClassMixin, ReadPlanMixin, serializers.ModelSerializer):
    class Meta:
        model = Contribution
        fields = [
            "id",
            "party",
            "max_amount_per_year",
            "max_share_percent",
            "in_kind",
            "regulation_version",
        ]
        read_only_fields = fields


class SignatureSerializer(FieldsOncePerClassMixin, ReadPlanMixin, serializers.ModelSerializer):
    class Meta:
        model = Signature
        fields = [
            "id",
            "party",
            "signed_on",
            "place",
            "signatory_name",
            "signatory_title",
            "recorded_at",
        ]
        read_only_fields = fields


class AmendmentSummarySerializer(
    FieldsOncePerClassMixin, ReadPlanMixin, serializers.ModelSerializer
):
    class Meta:
        model = Amendment
        fields = ["id", "number", "status", "effective_date"]
        read_only_fields = fields


class ConventionSerializer(FieldsOncePerClassMixin, ReadPlanMixin, serializers.ModelSerializer):
    """A framework convention with its computed end date and notice deadline (clauses in
    force today and the campus's label periods). Status and dates move only through the
    actions (send, sign, terminate)."""

    campus = serializers.PrimaryKeyRelatedField(queryset=Campus.objects.all())
    campus_short_name = serializers.CharField(source="campus.short_name", read_only=True)
    deliberation = serializers.PrimaryKeyRelatedField(
        queryset=Deliberation.objects.all(), allow_null=True, required=False
    )
    deliberation_number = serializers.CharField(
        source="deliberation.number", read_only=True, default=None
    )
    end_date = serializers.SerializerMethodField()
    notice_deadline = serializers.SerializerMethodField()
    parties = PartySerializer(many=True, read_only=True)
    contributions = ContributionSerializer(many=True, read_only=True)
    signatures = SignatureSerializer(many=True, read_only=True)
    amendments = AmendmentSummarySerializer(many=True, read_only=True)
    version = serializers.IntegerField(required=False, help_text=VERSION_HELP)

    class Meta:
        model = FrameworkConvention
        fields = [
            "id",
            "campus",
            "campus_short_name",
            "kind",
            "title",
            "status",
            "deliberation",
            "deliberation_number",
            "effective_date",
            "end_date",
            "notice_deadline",
            "sent_on",
            "terminated_on",
            "terminated_by",
            "termination_reason",
            "duration_kind",
            "duration_years",
            "renewal_mode",
            "notice_months",
            "notice_reference",
            "notice_form",
            "legal_references",
            "preamble",
            "seat",
            "original_copies",
            "signing_place",
            "parties",
            "contributions",
            "signatures",
            "amendments",
            "version",
        ]
        read_only_fields = [
            "status",
            "effective_date",
            "sent_on",
            "terminated_on",
            "terminated_by",
            "termination_reason",
        ]

    def _dates(self, convention):
        today = self.context.get("today") or timezone.localdate()
        return selectors.convention_dates(convention, today)

    def get_end_date(self, convention) -> str | None:
        end = self._dates(convention).end
        return end.isoformat() if end else None

    def get_notice_deadline(self, convention) -> str | None:
        deadline = self._dates(convention).notice_deadline
        return deadline.isoformat() if deadline else None

    def validate_campus(self, campus):
        if self.instance is not None and campus.pk != self.instance.campus_id:
            raise serializers.ValidationError(
                _("Le campus d'une convention ne change pas : créez une nouvelle convention.")
            )
        return campus


class AmendmentChangeSerializer(
    FieldsOncePerClassMixin, ReadPlanMixin, serializers.ModelSerializer
):
    """A typed change; `party` and `organisation` are checked against the amendment's
    convention by the view (context["amendment"])."""

    party = serializers.PrimaryKeyRelatedField(
        queryset=ConventionParty.objects.none(), allow_null=True, required=False
    )
    organisation = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.all(), allow_null=True, required=False
    )
    kind = serializers.ChoiceField(choices=ChangeKind.choices)

    class Meta:
        model = AmendmentChange
        fields = [
            "id",
            "position",
            "kind",
            "article_number",
            "paragraph_label",
            "old_text",
            "new_text",
            "title",
            "clause",
            "organisation",
            "party",
        ]
        read_only_fields = ["id", "position"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        amendment = self.context.get("amendment")
        if amendment is not None:
            self.fields["party"].queryset = ConventionParty.objects.filter(
                convention_id=amendment.convention_id
            )

    def validate_clause(self, value):
        if not isinstance(value, dict):
            raise serializers.ValidationError(_("Un objet JSON est attendu."))
        return value


class AmendmentSerializer(FieldsOncePerClassMixin, ReadPlanMixin, serializers.ModelSerializer):
    """An amendment (avenant). Its number is given by the server on creation, one above the
    convention's highest; it is never written by the client."""

    convention = serializers.PrimaryKeyRelatedField(queryset=FrameworkConvention.objects.none())
    campus = serializers.IntegerField(source="convention.campus_id", read_only=True)
    campus_short_name = serializers.CharField(source="convention.campus.short_name", read_only=True)
    deliberation = serializers.PrimaryKeyRelatedField(
        queryset=Deliberation.objects.all(), allow_null=True, required=False
    )
    deliberation_number = serializers.CharField(
        source="deliberation.number", read_only=True, default=None
    )
    changes = AmendmentChangeSerializer(many=True, read_only=True)
    signatures = SignatureSerializer(many=True, read_only=True)
    version = serializers.IntegerField(required=False, help_text=VERSION_HELP)

    class Meta:
        model = Amendment
        fields = [
            "id",
            "convention",
            "campus",
            "campus_short_name",
            "number",
            "title",
            "deliberation",
            "deliberation_number",
            "is_historical",
            "summary",
            "status",
            "sent_on",
            "effective_date",
            "changes",
            "signatures",
            "version",
        ]
        read_only_fields = ["number", "is_historical", "status", "sent_on", "effective_date"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            self.fields["convention"].queryset = conventions_visible_to(request.user)

    def validate_convention(self, convention):
        if self.instance is not None and convention.pk != self.instance.convention_id:
            raise serializers.ValidationError(
                _("Un avenant ne change pas de convention : créez-en un nouveau.")
            )
        return convention


class DocumentSerializer(StoredDocumentSerializer):
    download_route = "document-download"

    class Meta:
        model = GeneratedDocument
        fields = [
            "kind",
            "convention",
            "amendment",
            "as_of",
            *StoredDocumentSerializer.COMMON_FIELDS,
        ]
        read_only_fields = fields


# ------------------------------------------------------------------------ action bodies


class SendSerializer(serializers.Serializer):
    on = serializers.DateField(
        required=False, help_text=_("Date d'envoi pour signature (aujourd'hui par défaut).")
    )

    def validate_on(self, value):
        if value > timezone.localdate():
            raise serializers.ValidationError(_("La date d'envoi ne peut pas être future."))
        return value


class SignSerializer(serializers.Serializer):
    party = serializers.PrimaryKeyRelatedField(queryset=ConventionParty.objects.none())
    signed_on = serializers.DateField()
    place = serializers.CharField(max_length=100)
    signatory_name = serializers.CharField(max_length=200)
    signatory_title = serializers.CharField(max_length=300, required=False, allow_blank=True)

    def __init__(self, *args, convention_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].queryset = ConventionParty.objects.filter(
            convention_id=convention_id
        ).select_related("organisation")


class TerminateSerializer(serializers.Serializer):
    party = serializers.PrimaryKeyRelatedField(queryset=ConventionParty.objects.none())
    on = serializers.DateField()
    reason = serializers.CharField(required=False, allow_blank=True)

    def __init__(self, *args, convention_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].queryset = ConventionParty.objects.filter(convention_id=convention_id)


class ConventionPdfSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=[
            (DocumentKind.CONVENTION, DocumentKind.CONVENTION.label),
            (DocumentKind.CONSOLIDATED, DocumentKind.CONSOLIDATED.label),
        ],
        default=DocumentKind.CONVENTION,
    )
    as_of = serializers.DateField(
        required=False,
        allow_null=True,
        validators=[validate_text_day],
        help_text=_("Pour le texte consolidé : date du texte en vigueur (aujourd'hui par défaut)."),
    )


class AsOfSerializer(serializers.Serializer):
    as_of = serializers.DateField(required=False, validators=[validate_text_day])


# ------------------------------------------------------------------ consolidated text


class ConsolidatedParagraphSerializer(serializers.Serializer):
    label = serializers.CharField()
    text = serializers.CharField()
    changed_by = serializers.ListField(child=serializers.IntegerField())


class ConsolidatedArticleSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    title = serializers.CharField()
    paragraphs = ConsolidatedParagraphSerializer(many=True)
    changed_by = serializers.ListField(child=serializers.IntegerField())


class ConsolidatedPartySerializer(serializers.Serializer):
    party_id = serializers.IntegerField(allow_null=True)
    position = serializers.IntegerField()
    kind = serializers.CharField()
    name = serializers.CharField()
    representative_name = serializers.CharField()
    representative_title = serializers.CharField()
    changed_by = serializers.ListField(child=serializers.IntegerField())


class ConsolidatedAnnexSerializer(serializers.Serializer):
    title = serializers.CharField()
    text = serializers.CharField()
    changed_by = serializers.ListField(child=serializers.IntegerField())


class ConsolidatedClausesSerializer(serializers.Serializer):
    duration_kind = serializers.CharField()
    duration_years = serializers.IntegerField(allow_null=True)
    renewal_mode = serializers.CharField()
    notice_months = serializers.IntegerField(allow_null=True)
    notice_reference = serializers.CharField()
    notice_form = serializers.CharField()
    changed_by = serializers.ListField(child=serializers.IntegerField())


class ConsolidatedTextSerializer(serializers.Serializer):
    """The convention as in force on `as_of`; `changed_by` lists amendment numbers."""

    convention = serializers.IntegerField(source="convention_id")
    as_of = serializers.DateField()
    title = serializers.CharField()
    parties = ConsolidatedPartySerializer(many=True)
    legal_references = serializers.ListField(child=serializers.CharField())
    preamble = serializers.CharField()
    articles = ConsolidatedArticleSerializer(many=True)
    annexes = ConsolidatedAnnexSerializer(many=True)
    clauses = ConsolidatedClausesSerializer()
    applied = AmendmentSummarySerializer(many=True)
