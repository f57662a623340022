"""Exports of the follow-up indicators (CSV, XLSX, ODS), run as background jobs.

The handler of the "followup_indicators_export" job (registered in apps.py): one row per campus
and year, with every figure of the dashboard, then a totals row. It reads what the job's owner
may see, in the statuses the dashboard counts, with the dashboard's filters (params `year` —
absent for every year —, `academy`, `sector`, `category`, `include_submitted`). Counts are
integers, amounts and FTE decimals, dates dates: numbers a spreadsheet can add up. The number
of queries does not depend on the number of rows.
"""

from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from campuses.models import Campus, LabelCategory, LabelPeriod
from core.spreadsheets import DATE, DECIMAL, INTEGER, MONEY, WRITERS, Column
from jobs.services import JobError

from . import dashboard, permissions
from .models import SheetStatus

FORMATS = ("csv", "xlsx", "ods")
KINDS = {dashboard.COUNT: INTEGER, dashboard.MONEY: MONEY, dashboard.DECIMAL: DECIMAL}
ZERO = Decimal("0.00")


def columns():
    indicator_columns = []
    for indicator in dashboard.INDICATORS:
        title = str(indicator.label)
        if indicator.kind == dashboard.MONEY:
            title += " (€)"
        indicator_columns.append(Column(title[:1].upper() + title[1:], KINDS[indicator.kind], True))
    return [
        Column(_("Campus")),
        Column(_("Nom complet du campus")),
        Column(_("Académies")),
        Column(_("Famille de secteurs")),
        Column(_("Catégorie du label (au 31/12 de l'année)")),
        Column(_("Année suivie"), INTEGER),
        Column(_("État de la fiche")),
        Column(_("Validée le"), DATE),
        *indicator_columns,
    ]


def _categories(campus_ids):
    """{campus id: [(start, end, category)]} of their label periods (one query)."""
    periods = {}
    rows = LabelPeriod.objects.filter(campus_id__in=campus_ids).order_by("-start")
    for campus_id, start, end, category in rows.values_list(
        "campus_id", "start", "end", "category"
    ):
        periods.setdefault(campus_id, []).append((start, end, category))
    return periods


def _category_on(periods, day):
    """The category of the latest period covering `day` (as with_label_state reads it)."""
    for start, end, category in periods:
        if start <= day <= end:
            return str(LabelCategory(category).label)
    return None


def _academies(campus_ids):
    names = {}
    links = (
        Campus.academies.through.objects.filter(campus_id__in=campus_ids)
        .order_by("academy__name")
        .values_list("campus_id", "academy__name")
    )
    for campus_id, name in links:
        names.setdefault(campus_id, []).append(name)
    return {campus_id: ", ".join(values) for campus_id, values in names.items()}


def exported_rows(user, filters):
    """The sheets counted (as sheet_rows dicts), campus then year, with their academies and
    category of the year: three queries whatever their number."""
    sheets = dashboard.scoped_sheets(user, filters)
    rows = dashboard.sheet_rows(sheets, [filters.year] if filters.year else None)
    campus_ids = {row["campus_id"] for row in rows}
    academies = _academies(campus_ids)
    periods = _categories(campus_ids)
    for row in rows:
        row["academies"] = academies.get(row["campus_id"], "")
        row["category"] = _category_on(
            periods.get(row["campus_id"], []), dashboard.reference_day(row["year"])
        )
    return rows


def _day(value):
    return timezone.localtime(value).date() if value else None


def sheet_row(row):
    """One line: text, integers, decimals, a date, or None for an empty cell."""
    figures = []
    for indicator in dashboard.INDICATORS:
        value = row[indicator.key]
        if value is None:
            value = 0 if indicator.kind == dashboard.COUNT else ZERO
        figures.append(value)
    return [
        row["campus_short_name"],
        row["campus_name"],
        row["academies"] or None,
        row["sector"],
        row["category"],
        row["year"],
        str(SheetStatus(row["status"]).label),
        _day(row["validated_at"]),
        *figures,
    ]


def totals_row(rows, count):
    """« Total », the number of sheets, and the sum of each figure."""
    cols = columns()
    row = [_("Total"), ngettext("%(count)s fiche", "%(count)s fiches", count) % {"count": count}]
    for index, column in enumerate(cols[2:], start=2):
        if column.total:
            start = 0 if column.kind == INTEGER else ZERO
            row.append(sum((r[index] or start for r in rows), start))
        else:
            row.append(None)
    return row


def sheet_title():
    return _("Indicateurs du suivi annuel")


def export_indicators(job, report_progress):
    """Job handler: the indicators per campus and year as job.owner sees them, filtered, in
    job.params["format"]."""
    params = job.params or {}
    fmt = params.get("format")
    writer = WRITERS.get(fmt)
    if writer is None:
        raise JobError(_("Format d'export non pris en charge : %(format)s.") % {"format": fmt})
    if not permissions.can_view_dashboard(job.owner):
        raise JobError(_("Vous n'avez pas accès aux indicateurs du suivi annuel."))
    try:
        filters = dashboard.filters_from_params(params)
    except dashboard.FilterError as error:
        raise JobError(str(error)) from None
    sheets = exported_rows(job.owner, filters)
    total = len(sheets)
    report_progress(0, total)
    rows = []
    for done, sheet in enumerate(sheets, start=1):
        rows.append(sheet_row(sheet))
        report_progress(done, total)
    # Frozen on the campus column too: the rows are wide.
    content = writer(columns(), rows, totals_row(rows, total), title=sheet_title(), freeze="B2")
    period = filters.year or "toutes-annees"
    return f"indicateurs-suivi-{period}-{timezone.localdate():%Y-%m-%d}.{fmt}", content


__all__ = ["FORMATS", "columns", "export_indicators", "exported_rows"]
