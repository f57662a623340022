"""French display of numbers, money, rates and dates, as CONTRACT.md shows them:
« 50 000,00 € », « 50,00 % », « 05/07/2023 ». One money format for pages, exports, dashboards
and documents: Django's French number format (groups of three separated by a no-break space
U+00A0, a decimal comma) and a no-break space before the unit.

Documents and exports are French whoever asks for them, so these are French by default;
`french=False` follows the active language instead (the pages of an English session).
"""

import unicodedata

from django.db.models import F
from django.db.models.functions import Collate
from django.utils import formats, numberformat, translation

from .money import round_half_up

NBSP = "\u00a0"  # no-break space: thousands, and before « € » and « % »
NNBSP = "\u202f"  # narrow no-break space: French typography, inside « » and before « ; ! ? »


def number(value, places=0, *, french=True, grouping=True):
    """« 1 234 », « 1 234,50 »: rounded half up to `places` decimals."""
    if value is None:
        return ""
    value = round_half_up(value, places)
    if french or translation.get_language() == "fr":
        return _french_number(value, places, grouping)
    return formats.number_format(value, places, use_l10n=True, force_grouping=grouping)


def _french_number(value, places, grouping):
    """Django's French number format (django/conf/locale/fr/formats.py: decimal comma, groups of
    three, no-break space) applied directly: activating the language and reading its format
    module for every figure cost a dashboard of a thousand cells a fifth of its time.
    tests/core/test_formats.py checks that both give the same text."""
    return numberformat.format(
        value,
        ",",
        places,
        grouping=3,
        thousand_sep=NBSP,
        force_grouping=grouping,
        use_l10n=True,
    )


def amount(value, *, french=True):
    """« 100 000,00 »: an amount without its unit (a column headed « en € »)."""
    return number(value, 2, french=french)


def euros(value, *, french=True):
    """« 50 000,00 € »."""
    if value is None:
        return ""
    return f"{amount(value, french=french)}{NBSP}€"


def whole(value, unit="€", *, french=True):
    """« 40 000 € », « 50 000 euros »: no cents when there are none (as deliberations' articles
    print them); « 40 000,50 € » otherwise."""
    if value is None:
        return ""
    places = 0 if value == value.to_integral_value() else 2
    return f"{number(value, places, french=french)}{NBSP}{unit}"


def percent(value, *, french=True):
    """« 50,00 % »."""
    if value is None:
        return ""
    return f"{number(value, 2, french=french, grouping=False)}{NBSP}%"


def day(value):
    """« 05/07/2023 »."""
    return f"{value:%d/%m/%Y}" if value else ""


def long_day(value, ordinal=True):
    """« 5 juillet 2023 », « 1er avril 2021 » (« 1 janvier 2023 » without `ordinal`)."""
    if not value:
        return ""
    with translation.override("fr"):
        month_year = formats.date_format(value, "F Y")
    first = "1er" if ordinal and value.day == 1 else str(value.day)
    return f"{first} {month_year}"


# ---------------------------------------------------------------- French order of names

# PostgreSQL's ICU collation for French; SQLite (tests, development) gets a collation of the same
# order registered on each of its connections (core.apps: register_sqlite_collation).
POSTGRESQL_COLLATION = "fr-x-icu"
SQLITE_COLLATION = "fr_portal"


def french_sort_key(text):
    """« Énergie » beside « Energie », before « Mode »: letters without their accents and case
    first, then accents, then case (as a French dictionary, roughly ICU's levels)."""
    text = text or ""
    decomposed = unicodedata.normalize("NFKD", text)
    base = "".join(char for char in decomposed if not unicodedata.combining(char))
    return (base.casefold(), decomposed.casefold(), text)


def _sqlite_compare(left, right):
    left, right = french_sort_key(left), french_sort_key(right)
    return (left > right) - (left < right)


def register_sqlite_collation(sender, connection, **kwargs):
    """connection_created receiver: SQLite connections learn the French collation."""
    if connection.vendor == "sqlite":
        connection.connection.create_collation(SQLITE_COLLATION, _sqlite_compare)


class FrenchCollate(Collate):
    """`field COLLATE` the database's French collation (plain order elsewhere)."""

    def __init__(self, expression):
        super().__init__(F(expression) if isinstance(expression, str) else expression, "fr")

    def as_postgresql(self, compiler, connection, **extra_context):
        extra_context["collation"] = connection.ops.quote_name(POSTGRESQL_COLLATION)
        return super().as_sql(compiler, connection, **extra_context)

    def as_sqlite(self, compiler, connection, **extra_context):
        extra_context["collation"] = connection.ops.quote_name(SQLITE_COLLATION)
        return super().as_sql(compiler, connection, **extra_context)

    def as_sql(self, compiler, connection, **extra_context):
        return compiler.compile(self.get_source_expressions()[0])


def french_order(field, *, descending=False):
    """An order_by() term sorting `field` (a name) in French order, accents included."""
    expression = FrenchCollate(field)
    return expression.desc() if descending else expression.asc()
