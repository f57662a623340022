"""The demo's subsidies: loaded through the services, idempotent, faithful to the seed."""

from decimal import Decimal

import pytest

from subsidies.admin import EnvelopeAdminForm as EnvelopeForm
from subsidies.models import (
    BeneficiaryTransfer,
    CommitmentEnvelope,
    FinancingLine,
    Payment,
    StatusChange,
    SubsidyDossier,
)

pytestmark = pytest.mark.django_db


def _counts():
    return tuple(
        model.objects.count()
        for model in (
            SubsidyDossier,
            FinancingLine,
            Payment,
            StatusChange,
            BeneficiaryTransfer,
            CommitmentEnvelope,
        )
    )


def test_loading_the_demo_twice_changes_nothing():
    from demo.loader import load_all

    before = _counts()
    load_all()
    assert _counts() == before


def test_each_fiche_keeps_the_seeds_plan_and_wording():
    versailles = SubsidyDossier.objects.get(number="23004868")
    assert versailles.beneficiary_name == "CAMPUS VERSAILLES"
    assert versailles.beneficiary_representative == "Monsieur FRANCOIS GERMINET, Président"
    assert versailles.interns_count == 2
    lines = list(versailles.financing_lines.values_list("kind", "label", "amount"))
    assert lines == [
        ("expense", "dépenses de fonctionnement du campus", Decimal("100000.00")),
        ("revenue", "subvention RIDF 2023", Decimal("50000.00")),
        ("revenue", "autres ressources du campus", Decimal("50000.00")),
    ]
    mode = SubsidyDossier.objects.get(number="23004170")
    assert mode.extended_cap and mode.interns_count == 3
    assert "27 programmes" in mode.description


def test_an_envelope_cannot_be_lowered_below_what_is_voted():
    grants = CommitmentEnvelope.objects.get(deliberation__number="CP 2023-263", article="7")
    data = {
        field: getattr(grants, field)
        for field in EnvelopeForm._meta.fields
        if field not in ("programme", "deliberation")
    }
    data.update(programme=grants.programme_id, deliberation=grants.deliberation_id)
    data["amount"] = "499999.99"
    form = EnvelopeForm(data, instance=grants)
    assert not form.is_valid()
    assert "déjà voté" in form.errors["amount"][0]
    data["amount"] = "600000.00"
    assert EnvelopeForm(data, instance=grants).is_valid()
