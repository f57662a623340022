"""The regional dashboard of the annual follow-up: the figures of year N per campus and in
total, their change from N-1, and their evolution over the years, as the user may see them.

Everything is read from `SheetIndicators` (the figures copied from the sections at every save)
with a fixed number of SQL queries whatever the number of campuses and years: one for the rows
of years N and N-1, one aggregate per year, one for the statuses of year N, one each for the
academies and label categories of the campuses listed. Only the sheets the user may see
(`permissions.sheets_visible_to`) are counted, and only in the statuses counted: validated
sheets, or validated and submitted ones when the user asks for them.

The filters narrow the campuses: academy, sector family, label category (the category of the
label period covering 31 December of year N, so that the same campuses are compared from one
year to the next). The charts are inline SVG built here (no script, no external resource),
with a title, a description and their values as text; the page and the regional PDF share
them.

Modules: `indicators` (the figures, their labels and French formats, year-on-year changes),
`filters` (the filter form and the sheets selected), `figures` (the year and multi-year
views), `charts` (the SVG).
"""

from .charts import bar_chart_over_years, horizontal_bar_chart
from .figures import (
    TREND_YEARS,
    TrendView,
    YearView,
    campus_details,
    counted_statuses_text,
    sheet_rows,
    trend_view,
    year_view,
    yearly_totals,
)
from .filters import (
    NO_CATEGORY,
    FilterError,
    FilterForm,
    Filters,
    campaign_years,
    default_year,
    filters_from_params,
    reference_day,
    scoped_sheets,
)
from .indicators import (
    BENEFICIARY_TYPES,
    COUNT,
    DECIMAL,
    HEADLINE,
    INDICATORS,
    INDICATORS_BY_KEY,
    MONEY,
    Change,
    Indicator,
    compact,
    number,
)

__all__ = [
    "BENEFICIARY_TYPES",
    "COUNT",
    "DECIMAL",
    "HEADLINE",
    "INDICATORS",
    "INDICATORS_BY_KEY",
    "MONEY",
    "NO_CATEGORY",
    "TREND_YEARS",
    "Change",
    "FilterError",
    "FilterForm",
    "Filters",
    "Indicator",
    "TrendView",
    "YearView",
    "bar_chart_over_years",
    "campaign_years",
    "campus_details",
    "compact",
    "counted_statuses_text",
    "default_year",
    "filters_from_params",
    "horizontal_bar_chart",
    "number",
    "reference_day",
    "scoped_sheets",
    "sheet_rows",
    "trend_view",
    "year_view",
    "yearly_totals",
]
