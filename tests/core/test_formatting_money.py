"""Money typed the French way: « 50 000,00 », « 50000,00 », « 50 000 € », « 50000.00 » are all
fifty thousand euros in every money field of the portal; garbage is a French message on the
field; a form shown again shows the amount in French."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.form_fields import FrenchDecimalField, MoneyField, MoneyInput, parse_french_decimal
from subsidies.models import SubsidyDossier
from tests.subsidies.test_views import PLAN, create_page_data

D = Decimal
FIFTY_THOUSAND = [
    "50 000,00",
    "50000,00",
    "50 000 €",
    "50\u00a0000,00\u00a0€",
    "50\u202f000,00",
    "50000.00",
    "50.000,00",
    "50,000.00",
    " 50000 ",
    "50000€",
    "50 000 EUR",
]


@pytest.mark.parametrize("typed", FIFTY_THOUSAND)
def test_french_typing_gives_the_amount(typed):
    assert MoneyField().clean(typed) == D("50000.00")


@pytest.mark.parametrize(
    "typed", ["abc", "50 000,00,00", "1e5", "NaN", "Infinity", "--5", "12,5,0", "€", "5 000 $"]
)
def test_bad_typing_is_a_french_message(typed):
    with pytest.raises(ValidationError) as error:
        MoneyField(required=False).clean(typed)
    assert "Saisissez un montant en euros" in str(error.value.messages)


def test_limits_of_the_field_still_apply():
    with pytest.raises(ValidationError) as error:
        MoneyField().clean("12,345")
    assert error.value.messages  # three decimals
    with pytest.raises(ValidationError):
        MoneyField(max_digits=12).clean("99 999 999 999,00")
    assert MoneyField(required=False).clean("") is None


def test_grouping_points_and_other_decimals():
    assert parse_french_decimal("1.250.000") == D("1250000")
    assert parse_french_decimal("12.5") == D("12.5")
    assert FrenchDecimalField().clean("50,5") == D("50.5")


def test_the_widget_shows_the_value_in_french():
    html = MoneyInput().render("amount", D("50000.00"))
    assert 'value="50\u00a0000,00"' in html and 'inputmode="decimal"' in html
    assert 'type="text"' in html
    assert 'value="50 000 abc"' in MoneyInput().render("amount", "50 000 abc")


@pytest.mark.django_db
def test_the_plan_form_reads_french_amounts(client_of, campus_of):
    campus = campus_of("ia")
    plan = [dict(line) for line in PLAN]
    plan[0]["amount"] = "60 000,00"
    plan[1]["amount"] = "40000,00 €"
    plan[2]["amount"] = "50 000 €"
    response = client_of("dir-ia").post(
        reverse("subsidies:create"), create_page_data(campus, plan=plan)
    )
    assert response.status_code == 302
    created = SubsidyDossier.objects.get(campus=campus, reference_year=2030)
    amounts = list(created.financing_lines.order_by("position").values_list("amount", flat=True))
    assert amounts == [D("60000.00"), D("40000.00"), D("50000.00"), D("50000.00")]


@pytest.mark.django_db
def test_a_bad_amount_is_shown_next_to_its_field_and_redisplayed(client_of, campus_of):
    campus = campus_of("ia")
    plan = [dict(line) for line in PLAN]
    plan[0]["amount"] = "soixante mille"
    response = client_of("dir-ia").post(
        reverse("subsidies:create"), create_page_data(campus, plan=plan)
    )
    assert response.status_code == 200
    errors = response.context["formset"].forms[0].errors["amount"]
    assert errors == ["Saisissez un montant en euros, par exemple 50 000,00."]
    assert 'value="soixante mille"' in response.content.decode()


def test_every_money_field_of_the_model_forms_is_a_money_field():
    from conventions.forms import ContributionForm
    from subsidies.forms import EnvelopeForm, InstructionForm

    assert isinstance(ContributionForm.base_fields["max_amount_per_year"], MoneyField)
    assert isinstance(EnvelopeForm.base_fields["amount"], MoneyField)
    for name in ("eligible_base", "amount"):
        assert isinstance(InstructionForm.base_fields[name], MoneyField)
    rate = InstructionForm.base_fields["rate"]
    assert isinstance(rate, FrenchDecimalField) and not isinstance(rate, MoneyField)
    assert rate.clean("50,00") == D("50.00")
