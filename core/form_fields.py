"""Form fields that read numbers as a French user types them, and show them back the same way.

« 50 000,00 », « 50000,00 », « 50 000 € », « 50000.00 » and « 50.000,00 » are all fifty thousand
euros: spaces of any kind (the no-break ones a copy from a page or a spreadsheet brings) group
thousands, a comma or a point marks the decimals, the unit may follow. What cannot be read is a
French message next to the field, never a server error. The API keeps decimal strings
(CONTRACT.md); only the HTML forms go through these fields.
"""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _

from . import formats

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")
_UNIT = re.compile(r"(€|eur|euros?)$", re.IGNORECASE)
_PLAIN = re.compile(r"-?\d+(\.\d+)?")
_GROUPED_POINTS = re.compile(r"-?\d{1,3}(\.\d{3})+")


def parse_french_decimal(text, *, unit=None):
    """The Decimal a user meant by `text`, or None when it is not a number.

    `unit` (« € ») may end the text. With both a comma and a point, the last one marks the
    decimals (« 50.000,00 », « 50,000.00 »); a lone comma is the decimal comma; points alone are
    thousands only when they group by three more than once (« 1.250.000 »)."""
    if text is None:
        return None
    text = _SPACES.sub("", str(text))
    if unit == "€":
        text = _UNIT.sub("", text)
    if not text:
        return None
    if "," in text and "." in text:
        decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
        group_mark = "." if decimal_mark == "," else ","
        text = text.replace(group_mark, "").replace(decimal_mark, ".")
    elif "," in text:
        text = text.replace(",", ".")
    elif text.count(".") > 1 and _GROUPED_POINTS.fullmatch(text):
        text = text.replace(".", "")
    if not _PLAIN.fullmatch(text):
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern only lets digits through
        return None
    return number if number.is_finite() else None


class FrenchDecimalInput(forms.TextInput):
    """A text box (a number box would refuse « 50 000,00 ») opening the decimal keypad on phones,
    showing its value in French (« 50 000,00 ») when the form is shown again."""

    places = 2
    grouping = True

    def __init__(self, attrs=None):
        super().__init__(attrs={"inputmode": "decimal", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, Decimal | int | float) and not isinstance(value, bool):
            return formats.number(Decimal(str(value)), self.places, grouping=self.grouping)
        return super().format_value(value)  # what was typed, shown back as typed


class MoneyInput(FrenchDecimalInput):
    pass


class FrenchDecimalField(forms.DecimalField):
    """A DecimalField reading French typing (see parse_french_decimal)."""

    widget = FrenchDecimalInput
    unit = None
    default_error_messages = {
        "invalid": _("Saisissez un nombre, par exemple 12,50."),
    }

    def to_python(self, value):
        if value in self.empty_values or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, Decimal | int):
            return super().to_python(value)
        number = parse_french_decimal(value, unit=self.unit)
        if number is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return number

    def widget_attrs(self, widget):
        # No min/max/step: they belong to number boxes, and this one is a text box.
        return forms.Field.widget_attrs(self, widget)


class MoneyField(FrenchDecimalField):
    """An amount in euros, two decimals: « 50 000,00 », « 50 000 € », « 50000.00 »…"""

    widget = MoneyInput
    unit = "€"
    default_error_messages = {
        "invalid": _("Saisissez un montant en euros, par exemple 50 000,00."),
    }

    def __init__(self, *, max_digits=12, decimal_places=2, **kwargs):
        super().__init__(max_digits=max_digits, decimal_places=decimal_places, **kwargs)
