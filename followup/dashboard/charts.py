"""The follow-up dashboard's charts (core.charts draws them): values formatted by their kind
(count, euros, hours…); the page and the regional PDF share them."""

from django.utils.translation import gettext as _

from core import charts

from .indicators import COUNT, HEADLINE, INDICATORS_BY_KEY, compact, number

# Campuses drawn on the per-campus chart (every campus is in the table).
CHART_CAMPUSES = 20


# ---------------------------------------------------------------- charts (core.charts)


def horizontal_bar_chart(chart_id, title, items, kind=COUNT, **options):
    return charts.horizontal_bar_chart(
        chart_id,
        title,
        items,
        text=lambda value: number(value, kind),
        short=lambda value: compact(value, kind),
        **options,
    )


def bar_chart_over_years(chart_id, title, items, kind=COUNT, **options):
    return charts.bar_chart_over_years(
        chart_id,
        title,
        items,
        text=lambda value: number(value, kind),
        short=lambda value: compact(value, kind),
        **options,
    )


def year_charts(view):
    indicator = view.indicator
    ranked = sorted(view.campuses, key=lambda c: (-c["values"][indicator.key], c["short_name"]))
    shown = ranked[:CHART_CAMPUSES]
    note = ""
    if len(ranked) > CHART_CAMPUSES:
        note = _("%(shown)s campus sur %(total)s : les valeurs les plus élevées") % {
            "shown": CHART_CAMPUSES,
            "total": len(ranked),
        }
    # Last year's value of each campus shown, for the tick (from the rows already loaded).
    previous = {}
    for campus in shown:
        cell = next((c for c in campus["cells"] if c["key"] == indicator.key), None)
        if cell is not None and cell["change"] is not None and cell["change"].previous is not None:
            previous[campus["short_name"]] = cell["change"].previous
    return {
        "campuses": horizontal_bar_chart(
            "chart-campuses",
            _("%(indicator)s par campus en %(year)s")
            % {"indicator": indicator.label, "year": view.year},
            [(campus["short_name"], campus["values"][indicator.key]) for campus in shown],
            indicator.kind,
            previous=previous if indicator.key in HEADLINE else None,
            note=note,
        ),
        "campuses_note": note,
        "beneficiaries": horizontal_bar_chart(
            "chart-beneficiaries",
            _("Bénéficiaires par type en %(year)s") % {"year": view.year},
            [(str(INDICATORS_BY_KEY[c["key"]].label), c["value"]) for c in view.beneficiaries],
        ),
        "years": bar_chart_over_years(
            "chart-years",
            _("%(indicator)s par année") % {"indicator": indicator.label},
            [(str(item["year"]), item["value"]) for item in view.years],
            indicator.kind,
            highlight=str(view.year),
        ),
    }
