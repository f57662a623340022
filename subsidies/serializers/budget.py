"""Serializers of the `payments`, `envelopes` and `subsidy-documents` collections, and of the
subsidy part of a deliberation's detail."""

from decimal import Decimal

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.api_fields import ChoiceLabelField
from documents.api import StoredDocumentSerializer

from .. import permissions, rules
from ..models import (
    CommitmentEnvelope,
    Payment,
    PaymentKind,
    SubsidyDocument,
    SubsidyDossier,
)
from .common import ZERO, money

# ---------------------------------------------------------------------------- payments


class PaymentSerializer(serializers.ModelSerializer):
    """A payment (advance, instalment, balance) of a voted grant. Created « demandé » by
    regional staff; `order`, `pay` and `cancel` move it on."""

    dossier = serializers.PrimaryKeyRelatedField(queryset=SubsidyDossier.objects.none())
    dossier_number = serializers.CharField(source="dossier.number", read_only=True)
    campus = serializers.IntegerField(source="dossier.campus_id", read_only=True)
    campus_name = serializers.CharField(source="dossier.campus.name", read_only=True)
    reference_year = serializers.IntegerField(source="dossier.reference_year", read_only=True)
    beneficiary_name = serializers.CharField(source="beneficiary.legal_name", read_only=True)
    beneficiary_siret = serializers.SerializerMethodField()
    kind = serializers.ChoiceField(choices=PaymentKind.choices)
    kind_label = ChoiceLabelField("kind")
    status_label = ChoiceLabelField("status")
    amount = money(min_value=Decimal("0.01"))
    realised_expenses = money(required=False, allow_null=True, min_value=Decimal("0"))

    class Meta:
        model = Payment
        fields = [
            "id",
            "dossier",
            "dossier_number",
            "campus",
            "campus_name",
            "reference_year",
            "beneficiary",
            "beneficiary_name",
            "beneficiary_siret",
            "kind",
            "kind_label",
            "amount",
            "status",
            "status_label",
            "requested_on",
            "ordered_on",
            "paid_on",
            "reference",
            "realised_expenses",
            "note",
            "created_at",
            "version",
        ]
        read_only_fields = [
            "beneficiary",
            "status",
            "ordered_on",
            "paid_on",
            "created_at",
            "version",
        ]
        extra_kwargs = {
            "requested_on": {"required": False, "help_text": _("Aujourd'hui par défaut.")}
        }
        validators = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            self.fields["dossier"].queryset = permissions.dossiers_visible_to(request.user)

    def get_beneficiary_siret(self, payment) -> str | None:
        return payment.beneficiary.siret or None


class OrderPaymentSerializer(serializers.Serializer):
    ordered_on = serializers.DateField()
    reference = serializers.CharField(max_length=50, required=False, allow_blank=True, default="")


class PayPaymentSerializer(serializers.Serializer):
    paid_on = serializers.DateField()
    reference = serializers.CharField(max_length=50, required=False, allow_blank=True, default="")


# --------------------------------------------------------------------------- envelopes


class EnvelopeSerializer(serializers.ModelSerializer):
    """A commitment envelope (« autorisation d'engagement ») with what is voted, proposed and
    paid on it, and what remains (amount − voted)."""

    deliberation_number = serializers.CharField(source="deliberation.number", read_only=True)
    purpose_label = ChoiceLabelField("purpose")
    voted = money(read_only=True)
    proposed = money(read_only=True)
    paid = money(read_only=True)
    remaining = money(read_only=True)

    class Meta:
        model = CommitmentEnvelope
        fields = [
            "id",
            "programme",
            "deliberation",
            "deliberation_number",
            "article",
            "budget_year",
            "purpose",
            "purpose_label",
            "label",
            "amount",
            "voted",
            "proposed",
            "paid",
            "remaining",
            "chapter",
            "function",
            "programme_code",
            "action",
        ]
        read_only_fields = fields


# --------------------------------------------------------------------------- documents


class SubsidyDocumentSerializer(StoredDocumentSerializer):
    download_route = "subsidy-document-download"

    class Meta:
        model = SubsidyDocument
        fields = [
            "kind",
            "dossier",
            "transfer",
            "deliberation",
            *StoredDocumentSerializer.COMMON_FIELDS,
        ]
        read_only_fields = fields


# ------------------------------------------------------------------ deliberation detail


class DeliberationDossierSerializer(serializers.ModelSerializer):
    campus_name = serializers.CharField(source="campus.name", read_only=True)
    status_label = ChoiceLabelField("status")

    class Meta:
        model = SubsidyDossier
        fields = [
            "id",
            "number",
            "campus",
            "campus_name",
            "beneficiary_name",
            "amount",
            "voted_amount",
            "status",
            "status_label",
            "position",
        ]
        read_only_fields = fields


class DeliberationEnvelopeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    article = serializers.CharField()
    label = serializers.CharField()
    budget_year = serializers.IntegerField()
    purpose = serializers.CharField()
    amount = money()
    voted = money()
    proposed = money()
    remaining = money()


class DeliberationSubsidyTotalsSerializer(serializers.Serializer):
    dossiers = serializers.IntegerField()
    amount = money()
    voted = money()


class DeliberationSubsidiesSerializer(serializers.Serializer):
    """What a deliberation does for the subsidies: the dossiers it grants (those the caller
    may see), the envelopes it affects (Region and rectorate staff), and their totals."""

    dossiers = DeliberationDossierSerializer(many=True)
    envelopes = DeliberationEnvelopeSerializer(many=True)
    totals = DeliberationSubsidyTotalsSerializer()


def deliberation_subsidies(deliberation, user):
    """The subsidy part of a deliberation's detail, or None for a role with no business in
    subsidies. A handful of queries: it is shown on the detail only."""
    if not permissions.can_use_subsidies(user):
        return None
    dossiers = list(
        permissions.dossiers_visible_to(user)
        .filter(deliberation=deliberation)
        .select_related("campus")
        .order_by("position", "number")
    )
    envelopes = []
    if permissions.can_view_envelopes(user):
        # The envelopes it affects, and those its dossiers are voted on (possibly affected
        # by an earlier deliberation).
        affected = CommitmentEnvelope.objects.filter(
            pk__in=CommitmentEnvelope.objects.filter(
                Q(deliberation=deliberation) | Q(dossiers__deliberation=deliberation)
            ).values("pk")
        )
        for envelope in affected.with_figures().order_by("article", "pk"):
            voted, proposed = envelope.voted, envelope.proposed
            envelopes.append(
                {
                    "id": envelope.pk,
                    "article": envelope.article,
                    "label": envelope.label,
                    "budget_year": envelope.budget_year,
                    "purpose": envelope.purpose,
                    "amount": envelope.amount,
                    "voted": voted,
                    "proposed": rules.to_cents(proposed),
                    "remaining": rules.to_cents(envelope.amount - voted),
                }
            )
    totals = {
        "dossiers": len(dossiers),
        "amount": rules.to_cents(sum((d.amount or ZERO for d in dossiers), ZERO)),
        "voted": rules.to_cents(sum((d.voted_amount or ZERO for d in dossiers), ZERO)),
    }
    return DeliberationSubsidiesSerializer(
        {"dossiers": dossiers, "envelopes": envelopes, "totals": totals}
    ).data
