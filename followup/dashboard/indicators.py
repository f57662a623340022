"""The figures of the dashboard (the SheetIndicators columns and their labels), how they are
written (« 1 234 », « 50 000,00 € ») and their change from one year to the next."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import BigIntegerField, ExpressionWrapper, F
from django.db.models.functions import Cast
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.formats import NBSP
from core.formats import number as formats_number

COUNT, MONEY, DECIMAL = "count", "money", "decimal"


@dataclass(frozen=True)
class Indicator:
    key: str  # a SheetIndicators column, or "beneficiaries" (the sum of the seven types)
    label: str
    kind: str = COUNT


BENEFICIARY_TYPES = (
    Indicator("pupils", gettext_lazy("Élèves")),
    Indicator("apprentices", gettext_lazy("Apprentis")),
    Indicator("students", gettext_lazy("Étudiants")),
    Indicator("trainees", gettext_lazy("Stagiaires de la formation continue")),
    Indicator("teachers", gettext_lazy("Enseignants et formateurs")),
    Indicator("job_seekers", gettext_lazy("Demandeurs d'emploi")),
    Indicator("other_beneficiaries", gettext_lazy("Autres bénéficiaires")),
)
INDICATORS = (
    Indicator("beneficiaries", gettext_lazy("Bénéficiaires")),
    *BENEFICIARY_TYPES,
    Indicator("stakeholders", gettext_lazy("Parties prenantes")),
    Indicator("formations", gettext_lazy("Formations concernées")),
    Indicator("actions", gettext_lazy("Actions")),
    Indicator("meetings", gettext_lazy("Réunions de gouvernance")),
    Indicator("formations_created", gettext_lazy("Formations créées ou transformées")),
    Indicator("places_created", gettext_lazy("Places créées ou transformées")),
    Indicator("module_beneficiaries", gettext_lazy("Bénéficiaires des modules et colorations")),
    Indicator("events", gettext_lazy("Événements")),
    Indicator("events_organised", gettext_lazy("dont organisés par le campus")),
    Indicator("international_partners", gettext_lazy("Partenaires internationaux")),
    Indicator("mobilities", gettext_lazy("Mobilités")),
    Indicator("budget_revenues", gettext_lazy("Recettes réalisées"), MONEY),
    Indicator("budget_expenses", gettext_lazy("Budget réalisé (dépenses)"), MONEY),
    Indicator("staff_fte", gettext_lazy("Ressources humaines (ETP)"), DECIMAL),
)
INDICATORS_BY_KEY = {indicator.key: indicator for indicator in INDICATORS}
# The columns stored on SheetIndicators (every indicator but the computed total).
COLUMNS = tuple(indicator.key for indicator in INDICATORS if indicator.key != "beneficiaries")
# The figures the page puts first (cards, per-campus table), as the issue lists them.
HEADLINE = (
    "beneficiaries",
    "formations_created",
    "places_created",
    "events",
    "international_partners",
    "mobilities",
    "budget_expenses",
)
CHART_CHOICES = (
    *HEADLINE,
    "budget_revenues",
    "module_beneficiaries",
    "events_organised",
    "actions",
    "stakeholders",
    "staff_fte",
)


def beneficiaries_expression(prefix=""):
    """The seven types added up in SQL, as a 64-bit integer: seven 32-bit columns near their
    maximum would overflow PostgreSQL's `integer` and fail the whole dashboard."""
    first = Cast(F(f"{prefix}{BENEFICIARY_TYPES[0].key}"), output_field=BigIntegerField())
    total = sum((F(f"{prefix}{indicator.key}") for indicator in BENEFICIARY_TYPES[1:]), first)
    return ExpressionWrapper(total, output_field=BigIntegerField())


def zero(kind):
    return Decimal("0.00") if kind in (MONEY, DECIMAL) else 0


# ---------------------------------------------------------------- formatting


def decimals(value, places, grouping=True):
    """In the active language (the dashboard follows the page's), rounded half up."""
    return formats_number(value, places, french=False, grouping=grouping)


def number(value, kind=COUNT):
    """« 1 234 », « 50 000,00 € », « 1,50 » in the active language."""
    if value is None:
        return "—"
    if kind == MONEY:
        return f"{decimals(value, 2)}{NBSP}€"
    if kind == DECIMAL:
        return decimals(value, 2)
    return decimals(value, 0)


def compact(value, kind=COUNT):
    """A short label for a chart: « 1,2 M€ », « 850 k€ », « 12 345 »."""
    if kind != MONEY:
        return number(value, kind)
    value = Decimal(value or 0)
    if abs(value) >= 1_000_000:
        return f"{decimals(value / 1_000_000, 1)}{NBSP}M€"
    if abs(value) >= 10_000:
        return f"{decimals(value / 1000, 0)}{NBSP}k€"
    return number(value, kind)


@dataclass(frozen=True)
class Change:
    """The change of one figure from N-1 to N."""

    current: object
    previous: object  # None: no counted sheet in N-1
    kind: str = COUNT

    @property
    def delta(self):
        return None if self.previous is None else self.current - self.previous

    @property
    def percent(self):
        if self.previous in (None, 0):
            return None
        return Decimal(self.delta) * 100 / Decimal(self.previous)

    @property
    def direction(self):
        if self.previous is None:
            return "new"
        if self.delta > 0:
            return "up"
        if self.delta < 0:
            return "down"
        return "same"

    @property
    def text(self):
        """« +12 (+5,2 %) », « = », « nouveau »: the change as a person reads it."""
        if self.previous is None:
            return _("pas de fiche en N-1")
        if self.delta == 0:
            return _("stable")
        sign = "+" if self.delta > 0 else "−"
        text = sign + number(abs(self.delta), self.kind)
        if self.percent is not None:
            rate = decimals(abs(self.percent), 1)
            text += f" ({sign}{rate}{NBSP}%)"
        return text

    def __html__(self):
        """The change as the dashboard shows it (`{{ cell.change }}`): an arrow for the eye and
        its meaning for screen readers. Built here rather than by an {% include %} per cell: the
        campus table of a year has hundreds of cells, and an include costs a template render."""
        arrow = {"up": "▲ ", "down": "▼ "}.get(self.direction)
        return format_html(
            '<span class="change change--{}">{}{}<span class="visually-hidden"> ({})</span></span>',
            self.direction,
            format_html('<span aria-hidden="true">{}</span>', arrow) if arrow else "",
            self.text,
            self.sentence,
        )

    def __str__(self):
        return self.__html__()

    @property
    def sentence(self):
        """For screen readers: the arrow's meaning."""
        return {
            "up": _("en hausse par rapport à l'année précédente"),
            "down": _("en baisse par rapport à l'année précédente"),
            "same": _("stable par rapport à l'année précédente"),
            "new": _("aucune fiche comptée l'année précédente"),
        }[self.direction]


def cell(indicator, value, previous, with_previous=True):
    """One figure as the page shows it: value, text and change from N-1."""
    return {
        "key": indicator.key,
        "label": indicator.label,
        "value": value,
        "text": number(value, indicator.kind),
        "previous_text": number(previous, indicator.kind),
        "change": Change(value, previous, indicator.kind) if with_previous else None,
    }
