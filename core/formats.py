"""French display of money and rates, as CONTRACT.md shows them: « 50 000,00 € », « 50,00 % »
(Django's French formats, with no-break spaces). Always French: these end up in PDFs and
exports, which are French documents whoever asks for them."""

from django.utils import formats, translation

NBSP = "\u00a0"


def euros(value):
    if value is None:
        return ""
    with translation.override("fr"):
        amount = formats.number_format(value, 2, use_l10n=True, force_grouping=True)
    return f"{amount}{NBSP}€"


def percent(value):
    if value is None:
        return ""
    with translation.override("fr"):
        return f"{formats.number_format(value, 2, use_l10n=True)}{NBSP}%"
