"""Exports of the follow-up indicators (CSV, XLSX, ODS), run as background jobs.

The handler of the "followup_indicators_export" job (registered in apps.py): one row per campus
and year, with every figure of the dashboard, then a totals row. It reads what the job's owner
may see, in the statuses the dashboard counts, with the dashboard's filters (params `year` —
absent for every year —, `academy`, `sector`, `category`, `include_submitted`). Counts are
integers, amounts and FTE decimals, dates dates: numbers a spreadsheet can add up. The number
of queries does not depend on the number of rows.
"""

import csv
import io
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from campuses.models import Campus, LabelCategory, LabelPeriod
from conventions.documents.wording import euros
from jobs.services import JobError

from . import dashboard, permissions
from .models import SheetStatus

FORMATS = ("csv", "xlsx", "ods")
DATE_FORMAT = "%d/%m/%Y"
TEXT, INTEGER, MONEY, DECIMAL, DATE = "text", "integer", "money", "decimal", "date"
KINDS = {dashboard.COUNT: INTEGER, dashboard.MONEY: MONEY, dashboard.DECIMAL: DECIMAL}
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Column:
    title: str
    kind: str = TEXT
    total: bool = False  # summed in the totals row


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
    row = [_("Total"), _("%(count)s fiche(s)") % {"count": count}]
    for index, column in enumerate(cols[2:], start=2):
        if column.total:
            start = 0 if column.kind == INTEGER else ZERO
            row.append(sum((r[index] or start for r in rows), start))
        else:
            row.append(None)
    return row


# Writers: (columns, rows, totals) -> bytes.

# A text cell starting with one of these is run as a formula by spreadsheets opening a CSV.
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _csv_text(value, kind):
    if value is None:
        return ""
    if kind == DATE:
        return value.strftime(DATE_FORMAT)
    if kind in (MONEY, DECIMAL):
        # What a French spreadsheet reads as a number: decimal comma, no grouping.
        return f"{Decimal(value):.2f}".replace(".", ",")
    if isinstance(value, str):
        return "'" + value if value.startswith(_FORMULA_PREFIXES) else value
    return str(value)


def write_csv(cols, rows, totals):
    """UTF-8 with a BOM and `;` separators: what a French Excel opens without an import wizard."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([column.title for column in cols])
    for row in [*rows, totals]:
        writer.writerow(
            [_csv_text(value, column.kind) for value, column in zip(row, cols, strict=True)]
        )
    return buffer.getvalue().encode("utf-8-sig")


def _width(value, kind):
    if value is None:
        return 0
    if kind == DATE:
        return 10
    if kind == MONEY:
        return len(euros(value))
    return len(str(value))


def sheet_title():
    return _("Indicateurs du suivi annuel")[:31]


def write_xlsx(cols, rows, totals):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title()
    sheet.append([column.title for column in cols])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    widths = [min(len(column.title), 24) for column in cols]
    formats = {MONEY: '#,##0.00 "€"', DECIMAL: "0.00", DATE: "DD/MM/YYYY", INTEGER: "0"}
    all_rows = [*rows, totals]
    for row_number, row in enumerate(all_rows, start=2):
        for index, (value, column) in enumerate(zip(row, cols, strict=True), start=1):
            cell = sheet.cell(row=row_number, column=index, value=value)
            if value is None:
                continue
            if column.kind in formats and not isinstance(value, str):
                cell.number_format = formats[column.kind]
            elif isinstance(value, str):
                cell.data_type = "s"  # never let a text starting with "=" become a formula
            widths[index - 1] = max(widths[index - 1], _width(value, column.kind))
    last = len(all_rows) + 1
    for cell in sheet[last]:
        cell.font = Font(bold=True)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, 10), 60)
    sheet.freeze_panes = "B2"
    # The filter covers the sheets, not the totals row.
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{max(last - 1, 1)}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_ods(cols, rows, totals):
    from odf.number import CurrencyStyle, CurrencySymbol, DateStyle, Day, Month, Number, Year
    from odf.number import Text as NumberText
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TableColumnProperties, TextProperties
    from odf.table import Table, TableCell, TableColumn, TableHeaderRows, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    date_format = DateStyle(name="date-dd-mm-yyyy")
    date_format.addElement(Day(style="long"))
    date_format.addElement(NumberText(text="/"))
    date_format.addElement(Month(style="long"))
    date_format.addElement(NumberText(text="/"))
    date_format.addElement(Year(style="long"))
    document.automaticstyles.addElement(date_format)
    euro_format = CurrencyStyle(name="money-eur", language="fr", country="FR")
    euro_format.addElement(Number(decimalplaces="2", minintegerdigits="1", grouping="true"))
    euro_format.addElement(NumberText(text="\u00a0"))
    euro_format.addElement(CurrencySymbol(language="fr", country="FR", text="€"))
    document.automaticstyles.addElement(euro_format)
    date_cell = Style(name="cell-date", family="table-cell", datastylename="date-dd-mm-yyyy")
    document.automaticstyles.addElement(date_cell)
    money_cell = Style(name="cell-money", family="table-cell", datastylename="money-eur")
    document.automaticstyles.addElement(money_cell)
    bold_cell = Style(name="cell-bold", family="table-cell")
    bold_cell.addElement(TextProperties(fontweight="bold"))
    document.automaticstyles.addElement(bold_cell)

    all_rows = [*rows, totals]
    table = Table(name=sheet_title())
    for index, column in enumerate(cols):
        width = max(
            [min(len(column.title), 24), *(_width(r[index], column.kind) for r in all_rows)]
        )
        column_style = Style(name=f"column-{index + 1}", family="table-column")
        column_style.addElement(
            TableColumnProperties(columnwidth=f"{min(max(width + 2, 10), 60) * 0.2:.1f}cm")
        )
        document.automaticstyles.addElement(column_style)
        table.addElement(TableColumn(stylename=column_style))

    header_rows = TableHeaderRows()
    header_row = TableRow()
    for column in cols:
        cell = TableCell(valuetype="string", stylename=bold_cell)
        cell.addElement(P(text=column.title))
        header_row.addElement(cell)
    header_rows.addElement(header_row)
    table.addElement(header_rows)

    for row in all_rows:
        table_row = TableRow()
        for value, column in zip(row, cols, strict=True):
            table_row.addElement(_ods_cell(value, column, date_cell, money_cell, TableCell, P))
        table.addElement(table_row)
    document.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def _ods_cell(value, column, date_cell, money_cell, TableCell, P):  # noqa: N803 (odf classes)
    if value is None:
        return TableCell()
    if isinstance(value, str):
        cell = TableCell(valuetype="string")
        cell.addElement(P(text=value))
    elif column.kind == DATE:
        cell = TableCell(valuetype="date", datevalue=value.isoformat(), stylename=date_cell)
        cell.addElement(P(text=value.strftime(DATE_FORMAT)))
    elif column.kind == MONEY:
        amount = Decimal(value).quantize(ZERO)
        cell = TableCell(
            valuetype="currency", currency="EUR", value=f"{amount:.2f}", stylename=money_cell
        )
        cell.addElement(P(text=euros(amount)))
    elif column.kind == DECIMAL:
        number = Decimal(value).quantize(ZERO)
        cell = TableCell(valuetype="float", value=f"{number:.2f}")
        cell.addElement(P(text=f"{number:.2f}".replace(".", ",")))
    else:
        cell = TableCell(valuetype="float", value=value)
        cell.addElement(P(text=str(value)))
    return cell


WRITERS = {"csv": write_csv, "xlsx": write_xlsx, "ods": write_ods}


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
    content = writer(columns(), rows, totals_row(rows, total))
    period = filters.year or "toutes-annees"
    return f"indicateurs-suivi-{period}-{timezone.localdate():%Y-%m-%d}.{fmt}", content


__all__ = ["FORMATS", "columns", "export_indicators", "exported_rows"]
