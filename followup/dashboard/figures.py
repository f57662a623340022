"""The dashboard's figures: the year view (year N per campus and in total, with the change
from N-1) and the multi-year view (one indicator per campus and per year). A fixed number of
queries whatever the number of campuses and years."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, DecimalField, F, IntegerField, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from campuses.models import Campus, LabelCategory
from core.money import to_cents

from ..models import SheetStatus
from .charts import bar_chart_over_years, year_charts
from .filters import Filters, reference_day, scoped_sheets
from .indicators import (
    BENEFICIARY_TYPES,
    COLUMNS,
    COUNT,
    HEADLINE,
    INDICATORS,
    INDICATORS_BY_KEY,
    Change,
    Indicator,
    beneficiaries_expression,
    cell,
    number,
    zero,
)

# Years shown by the multi-year view (the selected year and the ones before it).
TREND_YEARS = 10


def _indicator_values():
    values = {key: F(f"indicators__{key}") for key in COLUMNS}
    values["beneficiaries"] = beneficiaries_expression("indicators__")
    return values


def _indicator_sums():
    sums = {}
    for indicator in INDICATORS:
        expression = (
            beneficiaries_expression("indicators__")
            if indicator.key == "beneficiaries"
            else F(f"indicators__{indicator.key}")
        )
        if indicator.kind == COUNT:
            sums[indicator.key] = Coalesce(Sum(expression), Value(0), output_field=IntegerField())
        else:
            sums[indicator.key] = Coalesce(
                Sum(expression),
                Value(Decimal("0.00")),
                output_field=DecimalField(max_digits=14, decimal_places=2),
            )
    return sums


def sheet_rows(sheets, years=None):
    """One dict per sheet (of `years` when given): campus, year, status and every indicator
    (one query)."""
    if years is not None:
        sheets = sheets.filter(campaign__year__in=years)
    return list(
        sheets.order_by("campus__short_name", "campaign__year").values(
            "pk",
            "status",
            "validated_at",
            "campus_id",
            year=F("campaign__year"),
            campus_name=F("campus__name"),
            campus_short_name=F("campus__short_name"),
            sector=F("campus__sector_family__label"),
            **_indicator_values(),
        )
    )


def yearly_totals(sheets, years=None):
    """{year: {"sheets": n, indicator: total}} (one aggregate query)."""
    if years is not None:
        sheets = sheets.filter(campaign__year__in=years)
    rows = (
        sheets.order_by()
        .values(year=F("campaign__year"))
        .annotate(sheets=Count("pk"), **_indicator_sums())
        .order_by("year")
    )
    return {row.pop("year"): _clean_totals(row) for row in rows}


def _clean_totals(row):
    for indicator in INDICATORS:
        value = row.get(indicator.key)
        if indicator.kind == COUNT:
            row[indicator.key] = int(value or 0)
        else:
            row[indicator.key] = to_cents(value or 0)
    return row


def _normalise(row):
    for indicator in INDICATORS:
        value = row.get(indicator.key)
        if value is None:  # a sheet without its indicators row (never saved)
            row[indicator.key] = zero(indicator.kind)
        elif indicator.kind != COUNT:
            row[indicator.key] = to_cents(value)
    return row


def status_counts(user, filters):
    """[(status, label, count, counted)] of the sheets of year N the user sees (one query)."""
    counts = dict(
        scoped_sheets(user, filters, statuses=())
        .filter(campaign__year=filters.year)
        .order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
    )
    return [
        {
            "status": status,
            "label": label,
            "count": counts.get(status, 0),
            "counted": status in filters.statuses,
        }
        for status, label in SheetStatus.choices
    ]


def campus_details(campus_ids, day):
    """{campus id: {"academies": "Paris, Créteil", "category": label}} (two queries)."""
    details = {pk: {"academies": [], "category": ""} for pk in campus_ids}
    if not campus_ids:
        return details
    links = (
        Campus.academies.through.objects.filter(campus_id__in=campus_ids)
        .order_by("academy__name")
        .values_list("campus_id", "academy__name")
    )
    for campus_id, name in links:
        details[campus_id]["academies"].append(name)
    categories = (
        Campus.objects.with_label_state(day)
        .filter(pk__in=campus_ids)
        .values_list("pk", "current_category")
    )
    for pk, category in categories:
        details[pk]["category"] = str(LabelCategory(category).label) if category else ""
    for values in details.values():
        values["academies"] = ", ".join(values["academies"])
    return details


# ---------------------------------------------------------------- the year view


@dataclass
class YearView:
    filters: Filters
    year: int
    previous_year: int
    status_counts: list
    counted: int
    counted_previous: int
    compared: int  # campuses counted in N and in N-1: the totals' changes are measured on them
    totals: list  # cells of every indicator (with change)
    headline: list  # cells of HEADLINE
    beneficiaries: list  # cells of the seven types
    campuses: list  # {"pk", "name", …, "cells": [headline cells], "values": {key: value}}
    years: list  # [{"year", "sheets", "value", "text"}] of the chart's indicator
    charts: dict = field(default_factory=dict)

    @property
    def indicator(self):
        return INDICATORS_BY_KEY.get(self.filters.indicator, INDICATORS[0])


def year_view(user, filters):
    """Year N: totals with their change, beneficiaries by type, one row per campus with its
    headline figures and their change, the chosen indicator over the years, and the charts."""
    year, previous_year = filters.year, filters.year - 1
    sheets = scoped_sheets(user, filters)
    rows = [_normalise(row) for row in sheet_rows(sheets, [year, previous_year])]
    current = [row for row in rows if row["year"] == year]
    previous = {row["campus_id"]: row for row in rows if row["year"] == previous_year}
    window = _window(year)
    totals_by_year = yearly_totals(sheets, window)
    empty = {"sheets": 0, **{i.key: zero(i.kind) for i in INDICATORS}}
    totals = totals_by_year.get(year, empty)
    previous_totals = totals_by_year.get(previous_year)
    has_previous = previous_totals is not None
    # A total's change is measured on the campuses counted both years (the same campuses
    # compared): a campaign still under review in N would otherwise read as a fall.
    common = [row for row in current if row["campus_id"] in previous]

    def total_cell(indicator):
        before = previous_totals[indicator.key] if has_previous else None
        figure = cell(indicator, totals[indicator.key], before, True)
        if common:
            start = zero(indicator.kind)
            now = sum((row[indicator.key] for row in common), start)
            then = sum((previous[row["campus_id"]][indicator.key] for row in common), start)
            figure["change"] = Change(now, then, indicator.kind)
        else:
            figure["change"] = Change(totals[indicator.key], None, indicator.kind)
        return figure

    details = campus_details([row["campus_id"] for row in current], reference_day(year))
    campuses = []
    for row in current:
        before = previous.get(row["campus_id"])
        campuses.append(
            {
                "pk": row["campus_id"],
                "sheet": row["pk"],
                "name": row["campus_name"],
                "short_name": row["campus_short_name"],
                "sector": row["sector"],
                "status": row["status"],
                "status_label": SheetStatus(row["status"]).label,
                **details[row["campus_id"]],
                "values": {i.key: row[i.key] for i in INDICATORS},
                "cells": [
                    cell(
                        INDICATORS_BY_KEY[key],
                        row[key],
                        before[key] if before else None,
                        True,
                    )
                    for key in HEADLINE
                ],
            }
        )
    indicator = INDICATORS_BY_KEY.get(filters.indicator, INDICATORS[0])
    view = YearView(
        filters=filters,
        year=year,
        previous_year=previous_year,
        status_counts=status_counts(user, filters),
        counted=totals["sheets"],
        counted_previous=previous_totals["sheets"] if has_previous else 0,
        compared=len(common),
        totals=[total_cell(i) for i in INDICATORS],
        headline=[total_cell(INDICATORS_BY_KEY[key]) for key in HEADLINE],
        beneficiaries=[total_cell(i) for i in BENEFICIARY_TYPES],
        campuses=campuses,
        years=_year_series(totals_by_year, window, indicator),
    )
    view.charts = year_charts(view)
    return view


def _window(year):
    return list(range(year - TREND_YEARS + 1, year + 1))


def _year_series(totals_by_year, window, indicator):
    """The chosen indicator's total per year of the window (years without sheets left out)."""
    return [
        {
            "year": year,
            "sheets": totals_by_year[year]["sheets"],
            "value": totals_by_year[year][indicator.key],
            "text": number(totals_by_year[year][indicator.key], indicator.kind),
        }
        for year in window
        if year in totals_by_year
    ]


# ---------------------------------------------------------------- the multi-year view


@dataclass
class TrendView:
    filters: Filters
    indicator: Indicator
    years: list  # the years with counted sheets, oldest first
    totals: list  # [{"year", "sheets", "value", "text", "change"}]
    campuses: list  # {"pk", "short_name", "name", "cells": [per year: text or "—"]}
    headline: list  # [{"indicator", "cells": [per year]}] totals of the headline figures
    charts: dict = field(default_factory=dict)


def trend_view(user, filters):
    """The chosen indicator per campus and per year over the last TREND_YEARS years up to N,
    and the headline totals per year (two queries besides the form's)."""
    indicator = INDICATORS_BY_KEY.get(filters.indicator, INDICATORS[0])
    window = _window(filters.year)
    sheets = scoped_sheets(user, filters)
    totals_by_year = yearly_totals(sheets, window)
    years = [year for year in window if year in totals_by_year]
    expression = (
        beneficiaries_expression("indicators__")
        if indicator.key == "beneficiaries"
        else F(f"indicators__{indicator.key}")
    )
    rows = (
        sheets.filter(campaign__year__in=years)
        .order_by("campus__short_name", "campaign__year")
        .values(
            "campus_id",
            year=F("campaign__year"),
            short_name=F("campus__short_name"),
            name=F("campus__name"),
            value=expression,
        )
    )
    campuses = {}
    for row in rows:
        campus = campuses.setdefault(
            row["campus_id"],
            {"pk": row["campus_id"], "short_name": row["short_name"], "name": row["name"]},
        )
        campus[row["year"]] = row["value"] or zero(indicator.kind)
    campus_rows = [
        {
            **{k: campus[k] for k in ("pk", "short_name", "name")},
            "cells": [number(campus[y], indicator.kind) if y in campus else "—" for y in years],
        }
        for campus in campuses.values()
    ]
    totals = []
    for index, year in enumerate(years):
        value = totals_by_year[year][indicator.key]
        before = years[index - 1] if index else None
        previous = (
            totals_by_year[before][indicator.key]
            if before is not None and before == year - 1
            else None
        )
        totals.append(
            {
                "year": year,
                "sheets": totals_by_year[year]["sheets"],
                "value": value,
                "text": number(value, indicator.kind),
                "change": Change(value, previous, indicator.kind) if index else None,
            }
        )
    headline = [
        {
            "indicator": INDICATORS_BY_KEY[key],
            "cells": [
                number(totals_by_year[year][key], INDICATORS_BY_KEY[key].kind) for year in years
            ],
        }
        for key in HEADLINE
    ]
    view = TrendView(
        filters=filters,
        indicator=indicator,
        years=years,
        totals=totals,
        campuses=campus_rows,
        headline=headline,
    )
    view.charts = {
        "years": bar_chart_over_years(
            "chart-trend",
            _("%(indicator)s par année") % {"indicator": indicator.label},
            [(str(t["year"]), t["value"]) for t in totals],
            indicator.kind,
            highlight=str(filters.year),
        )
    }
    return view


def counted_statuses_text(filters):
    """« Fiches comptées : validées » (or « validées et soumises »)."""
    if filters.include_submitted:
        return _("Fiches comptées : validées et soumises (pas encore validées).")
    return _("Fiches comptées : validées uniquement.")
