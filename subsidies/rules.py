"""The arithmetic of the intervention regulation (RI CR 2017-102 modified), in Decimal.

Pure functions, no database: the services call them and turn their findings into French
messages attached to the field concerned.
"""

from decimal import Decimal

from core import money

from .models import EXTENDED_CAP, MAX_RATE, STANDARD_CAP

CENT = Decimal("0.01")
HUNDRED = Decimal("100")
# At most 50 % of the campus's expenses (the plan's total expenses).
MAX_SHARE_OF_EXPENSES = Decimal("0.5")


# Amounts are stored on 12 digits with 2 decimals: anything larger is a typing error.
MAX_AMOUNT = Decimal("9999999999.99")


def is_storable(value):
    """A finite amount that fits the money columns (checked before any rounding, which
    would raise on absurdly large input)."""
    return value.is_finite() and abs(value) <= MAX_AMOUNT


# Round half up to the cent, as an accountant does (never banker's rounding): the kernel's.
to_cents = money.to_cents


def cap_for(extended_cap):
    """50 000 €, or 100 000 € when the perimeter is extended and the direction strengthened."""
    return EXTENDED_CAP if extended_cap else STANDARD_CAP


def maximum_amount(eligible_base, rate, extended_cap):
    """« Montant de subvention maximum » = min(base × rate, cap), rounded to the cent."""
    return min(to_cents(Decimal(eligible_base) * Decimal(rate) / HUNDRED), cap_for(extended_cap))


def rate_allowed(rate):
    return Decimal("0") <= Decimal(rate) <= MAX_RATE


def plan_totals(lines):
    """(total expenses, total revenues, Region's line or None) of (kind, amount, is_region)."""
    expenses = sum((Decimal(a) for kind, a, _region in lines if kind == "expense"), Decimal("0"))
    revenues = sum((Decimal(a) for kind, a, _region in lines if kind == "revenue"), Decimal("0"))
    region = [Decimal(a) for kind, a, is_region in lines if kind == "revenue" and is_region]
    return to_cents(expenses), to_cents(revenues), (region[0] if region else None)


def share(amount, total):
    """A line's share of its column, in percent with two decimals (« 50,00 % »)."""
    if not total:
        return Decimal("0.00")
    return to_cents(Decimal(amount) * HUNDRED / Decimal(total))


def max_share_of_expenses(total_expenses):
    return to_cents(Decimal(total_expenses) * MAX_SHARE_OF_EXPENSES)


def reduced_balance_limit(rate, realised_expenses, already_paid, voted_amount):
    """What a balance may still be when realised expenses are lower than planned: the grant
    is limited to rate × realised expenses (and never to more than voted), minus what has
    already been paid; never negative."""
    grant = min(to_cents(Decimal(realised_expenses) * Decimal(rate) / HUNDRED), voted_amount)
    return max(grant - Decimal(already_paid), Decimal("0.00"))
