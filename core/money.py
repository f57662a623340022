"""Money is Decimal with two places, rounded one way everywhere: half up, as an accountant
does (never banker's rounding, never float). Rules, exports, dashboards and documents all
round through `round_half_up`."""

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


def round_half_up(value, places=2):
    """`value` rounded half up to `places` decimals (Django's number_format truncates)."""
    return Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def to_cents(value):
    """Round half up to the cent."""
    return round_half_up(value, 2)
