"""Serializers of the `subsidies` collection: a dossier with its parts, and the bodies of
its actions."""

from decimal import Decimal
from functools import cached_property

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from campuses.models import Campus, Organisation
from campuses.permissions import campuses_visible_to
from core.api_fields import (
    FIELD_MAPPING,
    ChoiceLabelField,
    FieldsOncePerClassMixin,
    ReadPlanMixin,
)
from core.prefetching import rows
from deliberations.models import Deliberation
from deliberations.numbers import normalize_deliberation_number

from .. import rules
from ..filters import dossier_figures
from ..models import (
    BaseTax,
    BudgetLine,
    CommitmentEnvelope,
    FinancingLine,
    GrantAgreement,
    LineKind,
    StatusChange,
    SubsidyDocumentKind,
    SubsidyDossier,
)
from ..services.agreements import PARTIES
from .common import VERSION_HELP, ZERO, money

# ------------------------------------------------------------------------ dossier parts


class BeneficiarySerializer(ReadPlanMixin, serializers.Serializer):
    """The beneficiary: the organisation the grant is due to now (after a transfer, the new
    one), with its SIRET, and how the fiche presented it when voted (`name_on_fiche`, legal
    status, address, representative). A missing SIRET is flagged, never invented."""

    id = serializers.IntegerField(source="beneficiary_id", allow_null=True, read_only=True)
    name = serializers.SerializerMethodField()
    siret = serializers.SerializerMethodField()
    name_on_fiche = serializers.CharField(source="beneficiary_name", read_only=True)
    legal_status = serializers.CharField(source="beneficiary_legal_status", read_only=True)
    address = serializers.CharField(source="beneficiary_address", read_only=True)
    representative = serializers.CharField(source="beneficiary_representative", read_only=True)
    siret_missing = serializers.BooleanField(read_only=True)

    def get_name(self, dossier) -> str:
        return (
            dossier.beneficiary.legal_name if dossier.beneficiary_id else dossier.beneficiary_name
        )

    def get_siret(self, dossier) -> str | None:
        return (dossier.beneficiary.siret or None) if dossier.beneficiary_id else None


class ProgrammeSerializer(ReadPlanMixin, serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    code = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)
    framework_mention = serializers.CharField(read_only=True)


class FinancingLineSerializer(FieldsOncePerClassMixin, ReadPlanMixin, serializers.ModelSerializer):
    kind_label = ChoiceLabelField("kind")
    percent = serializers.SerializerMethodField(
        help_text=_("Part de la ligne dans le total de sa colonne (dépenses ou recettes), en %.")
    )

    class Meta:
        model = FinancingLine
        fields = ["id", "kind", "kind_label", "label", "amount", "is_region_share", "percent"]
        read_only_fields = fields

    def get_percent(self, line) -> str:
        # A dossier's serializer computes its plan once and gives each line its share.
        share = getattr(line, "plan_share", None)
        if share is None:
            totals = self.context.get("plan_totals", {})
            share = rules.share(line.amount, totals.get(line.kind, ZERO))
        return str(share)


class PlanTotalsSerializer(ReadPlanMixin, serializers.Serializer):
    expenses = money(read_only=True)
    revenues = money(read_only=True)
    balanced = serializers.BooleanField(read_only=True)


class PaymentFiguresSerializer(ReadPlanMixin, serializers.Serializer):
    voted = money(read_only=True)
    paid = money(read_only=True)
    in_progress = money(read_only=True, help_text=_("Demandé ou mandaté, pas encore payé."))
    remainder = money(read_only=True, help_text=_("Reste à verser : voté − versé."))
    available = money(read_only=True, help_text=_("Ce qui peut encore être demandé."))


class AgreementSerializer(FieldsOncePerClassMixin, ReadPlanMixin, serializers.ModelSerializer):
    signed = serializers.BooleanField(source="is_signed", read_only=True)
    signed_on = serializers.DateField(read_only=True, allow_null=True)
    has_signed_scan = serializers.SerializerMethodField()

    class Meta:
        model = GrantAgreement
        fields = [
            "region_signatory",
            "region_signed_on",
            "beneficiary_signatory",
            "beneficiary_signed_on",
            "signed",
            "signed_on",
            "has_signed_scan",
        ]
        read_only_fields = fields

    def get_has_signed_scan(self, agreement) -> bool:
        return bool(agreement.signed_scan)


class StatusChangeSerializer(FieldsOncePerClassMixin, ReadPlanMixin, serializers.ModelSerializer):
    serializer_field_mapping = FIELD_MAPPING
    from_label = ChoiceLabelField("from_status")
    to_label = ChoiceLabelField("to_status")
    actor = serializers.SerializerMethodField(help_text=_("Qui ; vide pour une tâche planifiée."))

    class Meta:
        model = StatusChange
        fields = ["from_status", "from_label", "to_status", "to_label", "actor", "at", "reason"]
        read_only_fields = fields

    def get_actor(self, change) -> str | None:
        return str(change.actor) if change.actor_id else None


# ----------------------------------------------------------------------------- dossier


class SubsidySerializer(FieldsOncePerClassMixin, ReadPlanMixin, serializers.ModelSerializer):
    """A subsidy dossier (« fiche projet »): the project prepared by the campus, the financial
    terms set by the Region, the vote, the agreement and the payments."""

    serializer_field_mapping = FIELD_MAPPING
    campus = serializers.PrimaryKeyRelatedField(queryset=Campus.objects.none())
    campus_name = serializers.CharField(source="campus.name", read_only=True)
    campus_short_name = serializers.CharField(source="campus.short_name", read_only=True)
    programme = ProgrammeSerializer(read_only=True)
    beneficiary = BeneficiarySerializer(source="*", read_only=True)
    siret_missing = serializers.BooleanField(read_only=True)
    budget_line_code = serializers.CharField(
        source="budget_line.code", read_only=True, default=None
    )
    status_label = ChoiceLabelField("status")
    deliberation_number = serializers.CharField(
        source="deliberation.number", read_only=True, default=None
    )
    deliberation_date = serializers.DateField(
        source="deliberation.date", read_only=True, default=None
    )
    financing_plan = serializers.SerializerMethodField()
    plan_totals = serializers.SerializerMethodField()
    payments = serializers.SerializerMethodField()
    agreement = AgreementSerializer(read_only=True, allow_null=True)
    status_history = serializers.SerializerMethodField()
    version = serializers.IntegerField(required=False, help_text=VERSION_HELP)

    class Meta:
        model = SubsidyDossier
        fields = [
            "id",
            "number",
            "title",
            "campus",
            "campus_name",
            "campus_short_name",
            "reference_year",
            "programme",
            "beneficiary",
            "siret_missing",
            "budget_line",
            "budget_line_code",
            "base_label",
            "eligible_base",
            "base_tax",
            "rate",
            "amount",
            "voted_amount",
            "extended_cap",
            "extended_cap_justification",
            "calculation_detail",
            "planned_start",
            "planned_end",
            "early_start",
            "early_start_reason",
            "description",
            "interns_count",
            "interns_min_months",
            "vat_recovered",
            "location",
            "particular_contract",
            "cper",
            "status",
            "status_label",
            "is_historical",
            "duplicate_justification",
            "deliberation",
            "deliberation_number",
            "deliberation_date",
            "envelope",
            "position",
            "lapse_on",
            "financing_plan",
            "plan_totals",
            "payments",
            "agreement",
            "status_history",
            "created_at",
            "updated_at",
            "version",
        ]
        # The project (PROJECT_FIELDS) is written with PATCH; campus, year and the exception's
        # justification only on creation; everything else through the actions.
        read_only_fields = [
            "number",
            "budget_line",
            "base_label",
            "eligible_base",
            "base_tax",
            "rate",
            "amount",
            "voted_amount",
            "extended_cap",
            "extended_cap_justification",
            "calculation_detail",
            "location",
            "particular_contract",
            "cper",
            "status",
            "is_historical",
            "deliberation",
            "envelope",
            "position",
            "lapse_on",
            "created_at",
            "updated_at",
        ]
        # The title defaults to « Campus des métiers et des qualifications « … » - Budget N ».
        extra_kwargs = {"title": {"required": False}}
        # The one-dossier-per-campus-and-year rule is the service's (with its French message).
        validators = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            self.fields["campus"].queryset = campuses_visible_to(request.user)

    def validate_campus(self, campus):
        if self.instance is not None and campus.pk != self.instance.campus_id:
            raise serializers.ValidationError(
                _("Le campus d'un dossier ne change pas : déposez un nouveau dossier.")
            )
        return campus

    def validate_reference_year(self, year):
        if self.instance is not None and year != self.instance.reference_year:
            raise serializers.ValidationError(
                _("L'exercice d'un dossier ne change pas : déposez un nouveau dossier.")
            )
        return year

    def validate_duplicate_justification(self, value):
        if self.instance is not None and value != self.instance.duplicate_justification:
            raise serializers.ValidationError(
                _("L'exception au principe d'un dossier par an se justifie à la création.")
            )
        return value

    # A list serializes every dossier with this one instance (ListSerializer.child): the nested
    # serializers below are built once per response, not once per row.
    @cached_property
    def _line_serializer(self):
        return FinancingLineSerializer(context=self.context)

    @cached_property
    def _totals_serializer(self):
        return PlanTotalsSerializer(context=self.context)

    @cached_property
    def _payments_serializer(self):
        return PaymentFiguresSerializer(context=self.context)

    @cached_property
    def _change_serializer(self):
        return StatusChangeSerializer(context=self.context)

    def _plan(self, dossier):
        cache = dossier.__dict__.setdefault("_api_plan", {})
        if not cache:
            lines = list(rows(dossier, "financing_lines"))
            expenses, revenues, _region = rules.plan_totals(
                [(line.kind, line.amount, line.is_region_share) for line in lines]
            )
            totals = {LineKind.EXPENSE: expenses, LineKind.REVENUE: revenues}
            for line in lines:
                line.plan_share = rules.share(line.amount, totals.get(line.kind, ZERO))
            cache.update(lines=lines, expenses=expenses, revenues=revenues)
        return cache

    @extend_schema_field(FinancingLineSerializer(many=True))
    def get_financing_plan(self, dossier):
        line_serializer = self._line_serializer
        return [line_serializer.to_representation(line) for line in self._plan(dossier)["lines"]]

    @extend_schema_field(PlanTotalsSerializer)
    def get_plan_totals(self, dossier):
        plan = self._plan(dossier)
        return self._totals_serializer.to_representation(
            {
                "expenses": plan["expenses"],
                "revenues": plan["revenues"],
                "balanced": plan["expenses"] == plan["revenues"],
            }
        )

    @extend_schema_field(StatusChangeSerializer(many=True))
    def get_status_history(self, dossier):
        change_serializer = self._change_serializer
        return [
            change_serializer.to_representation(change)
            for change in rows(dossier, "status_changes")
        ]

    @extend_schema_field(PaymentFiguresSerializer)
    def get_payments(self, dossier):
        current = dossier_figures(dossier)
        return self._payments_serializer.to_representation(
            {
                "voted": current.voted,
                "paid": current.paid,
                "in_progress": current.in_progress,
                "remainder": current.remainder,
                "available": current.available,
            }
        )


# ------------------------------------------------------------------------ action bodies


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class FinancingPlanLineSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=LineKind.choices)
    label = serializers.CharField(max_length=250)
    amount = money(min_value=Decimal("0"))
    is_region_share = serializers.BooleanField(required=False, default=False)


class FinancingPlanSerializer(serializers.Serializer):
    """The whole plan, replacing the current one. It may be saved incomplete or unbalanced;
    submission and instruction require it complete and balanced."""

    lines = FinancingPlanLineSerializer(many=True, allow_empty=True)
    version = serializers.IntegerField(required=False, help_text=VERSION_HELP)


class InstructSerializer(serializers.Serializer):
    """The financial terms (regional staff): only the fields sent are changed. Without an
    amount, the maximum (base × rate, capped) is proposed."""

    beneficiary = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.all(), required=False
    )
    budget_line = serializers.PrimaryKeyRelatedField(
        queryset=BudgetLine.objects.all(), required=False
    )
    base_label = serializers.CharField(max_length=250, required=False)
    eligible_base = money(required=False, allow_null=True, min_value=Decimal("0"))
    base_tax = serializers.ChoiceField(choices=BaseTax.choices, required=False)
    rate = serializers.DecimalField(
        max_digits=5, decimal_places=2, required=False, allow_null=True, min_value=Decimal("0")
    )
    amount = money(required=False, allow_null=True)
    extended_cap = serializers.BooleanField(required=False)
    extended_cap_justification = serializers.CharField(required=False, allow_blank=True)
    calculation_detail = serializers.CharField(required=False, allow_blank=True)
    location = serializers.CharField(max_length=200, required=False)
    particular_contract = serializers.CharField(max_length=100, required=False)
    cper = serializers.CharField(max_length=100, required=False)
    duplicate_justification = serializers.CharField(required=False, allow_blank=True)
    lapse_on = serializers.DateField(required=False, allow_null=True)
    version = serializers.IntegerField(required=False, help_text=VERSION_HELP)
    reason = serializers.CharField(required=False, allow_blank=True)


@extend_schema_field({"oneOf": [{"type": "integer"}, {"type": "string"}]})
class DeliberationReferenceField(serializers.Field):
    """A deliberation by id (12) or by number as typed ("CP2023-263", "CP n° 2023-263")."""

    default_error_messages = {
        "not_found": _("Délibération introuvable."),
    }

    def to_internal_value(self, data):
        if isinstance(data, bool):
            self.fail("not_found")
        if isinstance(data, int) or (isinstance(data, str) and data.strip().isdigit()):
            deliberation = Deliberation.objects.filter(pk=int(data)).first()
        else:
            try:
                number = normalize_deliberation_number(str(data))
            except DjangoValidationError as error:
                raise serializers.ValidationError(error.messages) from error
            deliberation = Deliberation.objects.filter(number=number).first()
        if deliberation is None:
            self.fail("not_found")
        return deliberation

    def to_representation(self, value):
        return value.pk


class ProposeSerializer(serializers.Serializer):
    deliberation = DeliberationReferenceField(
        help_text=_("Identifiant ou numéro (« CP 2024-123 ») de la délibération.")
    )
    envelope = serializers.PrimaryKeyRelatedField(queryset=CommitmentEnvelope.objects.all())
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class SignAgreementSerializer(serializers.Serializer):
    party = serializers.ChoiceField(
        choices=[(key, key) for key in PARTIES],
        help_text=_("« region » ou « beneficiary »."),
    )
    signed_on = serializers.DateField()
    signatory = serializers.CharField(max_length=250)


class DossierPdfSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=[
            (SubsidyDocumentKind.FICHE_PROJET, SubsidyDocumentKind.FICHE_PROJET.label),
            (SubsidyDocumentKind.GRANT_AGREEMENT, SubsidyDocumentKind.GRANT_AGREEMENT.label),
        ],
        default=SubsidyDocumentKind.FICHE_PROJET,
    )
