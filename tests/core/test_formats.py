"""core.formats writes French figures without activating French for each one: it must give
exactly what Django's French number format gives."""

import random
from decimal import Decimal

import pytest
from django.utils import formats, translation

from core.formats import euros, number, percent
from core.money import round_half_up

VALUES = [
    0,
    7,
    -7,
    999,
    1000,
    -1234,
    1234567,
    Decimal("0.005"),
    Decimal("-0.5"),
    Decimal("1234.5"),
    Decimal("999999.995"),
    Decimal("50000.00"),
    Decimal("-1234567.891"),
    Decimal("12345678901234.5"),
]
random.seed(20261203)
VALUES += [Decimal(random.randint(-(10**9), 10**9)) / 100 for _ in range(200)]


def django_french(value, places, grouping):
    with translation.override("fr"):
        return formats.number_format(
            round_half_up(value, places), places, use_l10n=True, force_grouping=grouping
        )


@pytest.mark.parametrize("places", [0, 1, 2])
@pytest.mark.parametrize("grouping", [True, False])
def test_french_figures_are_djangos_french_format(places, grouping):
    for value in VALUES:
        assert number(value, places, grouping=grouping) == django_french(value, places, grouping)


def test_french_figures_whatever_the_active_language():
    with translation.override("en"):
        assert euros(Decimal("50000")) == "50\u00a0000,00\u00a0€"
        assert percent(Decimal("12.5")) == "12,50\u00a0%"
        # french=False follows the page's language
        assert number(Decimal("1234.5"), 2, french=False) == "1,234.50"
    with translation.override("fr"):
        assert number(Decimal("1234.5"), 2, french=False) == "1\u00a0234,50"
