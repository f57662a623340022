"""Exports of the campus registry (CSV, XLSX, ODS), run as background jobs.

The handler of the "campus_registry_export" job (see jobs.services.JOB_HANDLERS): it rebuilds
the list as the job's owner sees it with the filters they had, then writes one row per campus.
The number of queries does not depend on the number of campuses: everything a row shows comes
from campus_list's annotations and prefetches.
"""

import csv
import io
import logging
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from jobs.services import JobError

from . import selectors
from .filters import CampusFilter
from .models import DirectorRole

logger = logging.getLogger(__name__)

FORMATS = ("csv", "xlsx", "ods")

DATE_FORMAT = "%d/%m/%Y"


def headers():
    return [
        _("Nom"),
        _("Nom court"),
        _("Famille de secteurs"),
        _("Académies"),
        _("Catégorie actuelle"),
        _("Statut du label"),
        _("Fin du label"),
        _("Jours restants"),
        _("Établissement support"),
        _("SIRET de l'établissement support"),
        _("Directeur·rice(s)"),
        _("Préfiguration"),
        _("Adresse du siège"),
    ]


def registry_campuses(user, filters, day):
    """The campuses `user` sees on `day`, narrowed by the list's filters (invalid ones ignored)."""
    queryset = selectors.campus_list(user, day)
    filterset = CampusFilter(data=filters or {}, queryset=queryset)
    if filterset.is_valid():
        return list(filterset.qs)
    logger.info("Registry export: invalid filters ignored: %s", filterset.errors.as_json())
    return list(queryset)


def _directors(campus):
    """Directors in office, then deputies (from the prefetched current_directors)."""
    names = []
    in_office = sorted(
        campus.current_directors,
        key=lambda director: (director.role != DirectorRole.DIRECTOR, director.full_name),
    )
    for director in in_office:
        if director.role == DirectorRole.DEPUTY:
            names.append(f"{director.full_name} ({director.get_role_display()})")
        else:
            names.append(director.full_name)
    return ", ".join(names)


def campus_row(campus, day):
    """One row: text, dates (date objects), integers or None for an empty cell."""
    support = selectors.support_institution_on(campus, day)
    return [
        campus.name,
        campus.short_name,
        campus.sector_family.label,
        ", ".join(academy.name for academy in campus.academies.all()) or None,
        # Choice labels are lazy translations: the writers need plain strings.
        str(campus.current_category_label) or None,
        str(campus.label_status_label),
        campus.current_end,
        campus.label_days_left,
        support.legal_name if support else None,
        (support.siret or None) if support else None,
        _directors(campus) or None,
        _("Oui") if campus.is_prefiguration else _("Non"),
        campus.seat_address.strip() or None,
    ]


# Writers: (header, rows) -> bytes. `rows` is an iterable of campus_row() lists.

# A text cell starting with one of these is run as a formula by spreadsheets opening a CSV.
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _csv_text(value):
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime(DATE_FORMAT)
    if isinstance(value, str):
        return "'" + value if value.startswith(_FORMULA_PREFIXES) else value
    return str(value)


def write_csv(header, rows):
    """UTF-8 with a BOM and `;` separators: what a French Excel opens without an import wizard."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_csv_text(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def _display_width(value):
    if value is None:
        return 0
    if isinstance(value, date):
        return 10
    return max((len(line) for line in str(value).splitlines()), default=0)


def write_xlsx(header, rows):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Registre des campus")[:31]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    widths = [len(title) for title in header]
    row_number = 1
    for row in rows:
        row_number += 1
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=row_number, column=column, value=value)
            if isinstance(value, date):
                cell.number_format = "DD/MM/YYYY"
            elif isinstance(value, str):
                # Never let a text starting with "=" become a formula.
                cell.data_type = "s"
                if "\n" in value:
                    cell.alignment = Alignment(vertical="top", wrap_text=True)
            widths[column - 1] = max(widths[column - 1], _display_width(value))
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(max(width + 2, 10), 60)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{row_number}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_ods(header, rows):
    from odf.number import DateStyle, Day, Month, Year
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
    date_cell = Style(name="cell-date", family="table-cell", datastylename="date-dd-mm-yyyy")
    document.automaticstyles.addElement(date_cell)
    header_cell = Style(name="cell-header", family="table-cell")
    header_cell.addElement(TextProperties(fontweight="bold"))
    document.automaticstyles.addElement(header_cell)

    rows = list(rows)
    table = Table(name=_("Registre des campus"))
    for index, title in enumerate(header):
        width = max([len(title), *(_display_width(row[index]) for row in rows)])
        column_style = Style(name=f"column-{index + 1}", family="table-column")
        column_style.addElement(
            TableColumnProperties(columnwidth=f"{min(max(width + 2, 10), 60) * 0.2:.1f}cm")
        )
        document.automaticstyles.addElement(column_style)
        table.addElement(TableColumn(stylename=column_style))

    header_rows = TableHeaderRows()
    header_row = TableRow()
    for title in header:
        cell = TableCell(valuetype="string", stylename=header_cell)
        cell.addElement(P(text=title))
        header_row.addElement(cell)
    header_rows.addElement(header_row)
    table.addElement(header_rows)

    for row in rows:
        table_row = TableRow()
        for value in row:
            if value is None:
                cell = TableCell()
            elif isinstance(value, date):
                cell = TableCell(valuetype="date", datevalue=value.isoformat(), stylename=date_cell)
                cell.addElement(P(text=value.strftime(DATE_FORMAT)))
            elif isinstance(value, int) and not isinstance(value, bool):
                cell = TableCell(valuetype="float", value=value)
                cell.addElement(P(text=str(value)))
            else:
                cell = TableCell(valuetype="string")
                for line in str(value).splitlines() or [""]:
                    cell.addElement(P(text=line))
            table_row.addElement(cell)
        table.addElement(table_row)
    document.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


WRITERS = {"csv": write_csv, "xlsx": write_xlsx, "ods": write_ods}


def export_registry(job, report_progress):
    """Job handler: the registry as job.owner sees it, in job.params["format"]."""
    fmt = (job.params or {}).get("format")
    writer = WRITERS.get(fmt)
    if writer is None:
        raise JobError(_("Format d'export non pris en charge : %(format)s.") % {"format": fmt})
    today = timezone.localdate()
    campuses = registry_campuses(job.owner, (job.params or {}).get("filters"), today)
    total = len(campuses)
    report_progress(0, total)

    def rows():
        for done, campus in enumerate(campuses, start=1):
            yield campus_row(campus, today)
            report_progress(done, total)

    content = writer(headers(), rows())
    return f"registre-campus-{today:%Y-%m-%d}.{fmt}", content
