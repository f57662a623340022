import pytest
from django.core.exceptions import ValidationError

from campuses.models import LegalStatus, Organisation
from campuses.validators import luhn_is_valid, validate_siret


@pytest.mark.parametrize(
    "siret",
    [
        "13002597600015",
        "91358180700017",
    ],  # CY Cergy Paris Université, association Campus Versailles
)
def test_sirets_of_the_seeds_are_valid(siret):
    assert luhn_is_valid(siret)
    validate_siret(siret)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("13002597600016", "clé de contrôle"),
        ("1300259760001", "14 chiffres"),
        ("1300259760001A", "14 chiffres"),
        ("130 025 976 00015", "14 chiffres"),
    ],
)
def test_invalid_siret_is_refused_with_a_french_message(value, message):
    with pytest.raises(ValidationError) as error:
        validate_siret(value)
    assert message in error.value.messages[0]


@pytest.mark.django_db
def test_organisation_siret_is_optional_but_checked_and_unique():
    Organisation(legal_name="Sans SIRET", legal_status=LegalStatus.OTHER).full_clean()
    with pytest.raises(ValidationError) as error:
        Organisation(
            legal_name="Faux", legal_status=LegalStatus.OTHER, siret="12345678901234"
        ).full_clean()
    assert "siret" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        Organisation(
            legal_name="Doublon de CY", legal_status=LegalStatus.EPSCP, siret="13002597600015"
        ).full_clean()
    assert "SIRET" in str(error.value)


@pytest.mark.django_db
def test_form_accepts_a_siret_typed_with_spaces():
    from campuses.forms import OrganisationForm

    form = OrganisationForm(
        {"legal_name": "Nouvel organisme", "legal_status": "autre", "siret": "913 581 807 00017"}
    )
    # The number belongs to the association Campus Versailles (demo data): unique error,
    # on the field, after the spaces were removed.
    assert not form.is_valid()
    assert "siret" in form.errors or "__all__" in form.errors
