from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def luhn_is_valid(digits: str) -> bool:
    """Luhn checksum, as used by INSEE for SIREN/SIRET numbers."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


# La Poste's establishments share SIREN 356000000; INSEE checks them by the sum of digits
# being a multiple of 5 instead of the Luhn key.
LA_POSTE_SIREN = "356000000"


def validate_siret(value: str):
    if not value.isdigit() or len(value) != 14:
        raise ValidationError(
            _("Le SIRET doit comporter exactement 14 chiffres (sans espace)."), code="siret_format"
        )
    if value.startswith(LA_POSTE_SIREN) and value != "35600000000048":
        valid = sum(int(c) for c in value) % 5 == 0
    else:
        valid = luhn_is_valid(value)
    if not valid:
        raise ValidationError(
            _("Ce SIRET n'est pas valide : sa clé de contrôle (Luhn) est fausse."),
            code="siret_checksum",
        )
