"""French wording of the subsidy documents, beyond what conventions.documents.wording already
provides (euros, percent, day, typeset, blocks are reused from there): amounts as the Region's
fiches print them, dates in words, lists of deliberations.
"""

from django.utils import formats, translation
from django.utils.translation import gettext as _

from conventions.documents.wording import NBSP, day, typeset

# A blank to fill in by hand on a printed, unsigned document.
BLANK = "……………………"


def amount(value):
    """« 100 000,00 »: the plan's amount columns (the unit is in the column's heading)."""
    if value is None:
        return ""
    with translation.override("fr"):
        return formats.number_format(value, 2, use_l10n=True, force_grouping=True)


def plan_percent(value):
    """« 100,00% »: the share of a plan line, printed without a space as on the Region's
    fiches projet (the rate of the grant itself keeps the French « 50,00 % »)."""
    with translation.override("fr"):
        return f"{formats.number_format(value, 2, use_l10n=True)}%"


def whole(value, unit="€"):
    """« 40 000 € », « 50 000 euros »: no cents when there are none, as in the deliberation's
    articles and the transfer amendment; « 40 000,50 € » otherwise."""
    if value is None:
        return ""
    decimals = 0 if value == value.to_integral_value() else 2
    with translation.override("fr"):
        number = formats.number_format(value, decimals, use_l10n=True, force_grouping=True)
    return f"{number}{NBSP}{unit}"


def long_day(value, ordinal=True):
    """« 5 juillet 2023 », « 1er avril 2021 » (« 1 janvier 2023 » without `ordinal`, as the
    fiches print their planned dates)."""
    if not value:
        return ""
    with translation.override("fr"):
        month_year = formats.date_format(value, "F Y")
    first = "1er" if ordinal and value.day == 1 else str(value.day)
    return f"{first} {month_year}"


def deliberation_mention(deliberation, long=True):
    """« n° CP 2021-135 du 1er avril 2021 » (or « … du 01/04/2021 »)."""
    if deliberation is None:
        return ""
    when = long_day(deliberation.date) if long else day(deliberation.date)
    return typeset(_("n° %(number)s du %(day)s") % {"number": deliberation.number, "day": when})


def enumeration(items):
    """« a », « a et b », « a, b et c »."""
    items = [item for item in items if item]
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + _(" et ") + items[-1]


def lines(text):
    """A text field as typeset paragraphs, one per line: the fiches' descriptions separate
    paragraphs and list items by a single line break."""
    return [typeset(line.strip()) for line in (text or "").splitlines() if line.strip()]


def one_line(text):
    """An address on one line: « 31 RUE D'ULM, 75240 PARIS »."""
    return ", ".join(part.strip() for part in (text or "").splitlines() if part.strip())
