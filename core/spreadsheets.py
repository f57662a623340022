"""Typed exports in CSV, XLSX and ODS: columns that know what they hold, rows, a totals row
(or none: `totals=None`); and plain delimited files for open data.

Every export of the portal goes through here (the registry, the subsidies and their open
data, the follow-up's indicators): each builds its columns and rows, this module only writes
them. Amounts and counts are numbers and dates are dates in XLSX and ODS, so that a
spreadsheet adds them up; the CSV is what a French Excel opens without an import wizard. A
text starting like a formula is never run as one.
"""

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape

from .formats import euros
from .money import to_cents

# Cell kinds: how each writer shows a value.
TEXT, INTEGER, MONEY, DECIMAL, DATE = "text", "integer", "money", "decimal", "date"
DATE_FORMAT = "%d/%m/%Y"
# A text cell starting with one of these is run as a formula by spreadsheets opening a CSV.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
XLSX_FORMATS = {MONEY: '#,##0.00 "€"', DECIMAL: "0.00", DATE: "DD/MM/YYYY", INTEGER: "0"}


@dataclass(frozen=True)
class Column:
    title: str
    kind: str = TEXT
    total: bool = False  # summed in the totals row


def _cents(value):
    return to_cents(Decimal(value))


def _french_number(value):
    """« 1234,50 »: what a French spreadsheet reads as a number (decimal comma, no grouping)."""
    return f"{_cents(value):.2f}".replace(".", ",")


def guard_formula(value):
    """A text that a spreadsheet would run as a formula, quoted so that it stays a text."""
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def _all_rows(rows, totals):
    return [*rows] if totals is None else [*rows, totals]


def _csv_text(value, kind):
    if value is None:
        return ""
    if isinstance(value, str):
        return guard_formula(value)
    if kind == DATE:
        return value.strftime(DATE_FORMAT)
    if kind in (MONEY, DECIMAL):
        return _french_number(value)
    return str(value)


def write_csv(cols, rows, totals, **_options):
    """UTF-8 with a BOM and `;` separators."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([column.title for column in cols])
    for row in _all_rows(rows, totals):
        writer.writerow(
            [_csv_text(value, column.kind) for value, column in zip(row, cols, strict=True)]
        )
    return buffer.getvalue().encode("utf-8-sig")


def write_delimited(header, rows, *, delimiter=",", bom=False):
    """A plain CSV whose values are already the texts to publish (an open-data schema's
    formats), formulas guarded; UTF-8, with a BOM only when asked."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(
            [guard_formula(value) if isinstance(value, str) else value for value in row]
        )
    return buffer.getvalue().encode("utf-8-sig" if bom else "utf-8")


def _width(value, kind):
    """About how many characters the value takes once shown."""
    if value is None:
        return 0
    if kind == DATE and not isinstance(value, str):
        return 10
    if kind == MONEY and not isinstance(value, str):
        return len(euros(value))
    return max((len(line) for line in str(value).splitlines()), default=0)


def _column_widths(cols, all_rows):
    """Characters per column: the longest value (a long title may wrap), 60 at most."""
    widths = []
    for index, column in enumerate(cols):
        longest = max(
            [min(len(column.title), 24), *(_width(row[index], column.kind) for row in all_rows)]
        )
        widths.append(min(longest + 2, 60))
    return widths


def write_xlsx(cols, rows, totals, *, title, freeze="A2"):
    """One sheet: bold header, numbers formatted, a filter on the data rows (not the totals),
    panes frozen at `freeze`, texts of several lines wrapped."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append([column.title for column in cols])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    all_rows = _all_rows(rows, totals)
    for row_number, row in enumerate(all_rows, start=2):
        for index, (value, column) in enumerate(zip(row, cols, strict=True), start=1):
            cell = sheet.cell(row=row_number, column=index, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # never let a text starting with "=" become a formula
                if "\n" in value:
                    cell.alignment = Alignment(vertical="top", wrap_text=True)
            elif value is not None and column.kind in XLSX_FORMATS:
                cell.number_format = XLSX_FORMATS[column.kind]
    last = len(all_rows) + 1
    if totals is not None:
        for cell in sheet[last]:
            cell.font = Font(bold=True)
    for index, width in enumerate(_column_widths(cols, all_rows), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(width, 10)
    sheet.freeze_panes = freeze
    last_data_row = last - 1 if totals is not None else last
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{max(last_data_row, 1)}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_ods(cols, rows, totals, *, title, **_options):
    from odf.number import CurrencyStyle, CurrencySymbol, DateStyle, Day, Month, Number, Year
    from odf.number import Text as NumberText
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TableColumnProperties, TextProperties
    from odf.table import Table, TableCell, TableColumn, TableHeaderRows, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    date_format = DateStyle(name="date-dd-mm-yyyy")
    for element in (
        Day(style="long"),
        NumberText(text="/"),
        Month(style="long"),
        NumberText(text="/"),
        Year(style="long"),
    ):
        date_format.addElement(element)
    document.automaticstyles.addElement(date_format)
    euro_format = CurrencyStyle(name="money-eur", language="fr", country="FR")
    euro_format.addElement(Number(decimalplaces="2", minintegerdigits="1", grouping="true"))
    euro_format.addElement(NumberText(text="\u00a0"))
    euro_format.addElement(CurrencySymbol(language="fr", country="FR", text="€"))
    document.automaticstyles.addElement(euro_format)
    date_cell = Style(name="cell-date", family="table-cell", datastylename="date-dd-mm-yyyy")
    money_cell = Style(name="cell-money", family="table-cell", datastylename="money-eur")
    bold_cell = Style(name="cell-bold", family="table-cell")
    bold_cell.addElement(TextProperties(fontweight="bold"))
    for style in (date_cell, money_cell, bold_cell):
        document.automaticstyles.addElement(style)

    all_rows = _all_rows(rows, totals)
    table = Table(name=title)
    for index, width in enumerate(_column_widths(cols, all_rows)):
        column_style = Style(name=f"column-{index + 1}", family="table-column")
        column_style.addElement(TableColumnProperties(columnwidth=f"{max(width, 10) * 0.2:.1f}cm"))
        document.automaticstyles.addElement(column_style)
        table.addElement(TableColumn(stylename=column_style))
    header_rows, header_row = TableHeaderRows(), TableRow()
    for column in cols:
        cell = TableCell(valuetype="string", stylename=bold_cell)
        cell.addElement(P(text=column.title))
        header_row.addElement(cell)
    header_rows.addElement(header_row)
    table.addElement(header_rows)
    # odfpy writes the package (styles, manifest, the table and its header); the data rows are
    # written as XML text in its place. Built as odfpy elements, a row of thirty cells cost a
    # hundred element objects and their namespace lookups: 80 times the CSV on the follow-up's
    # export. The cells are those odfpy wrote (tests/core/test_spreadsheets_ods.py reads both).
    placeholder = TableRow()
    marker = TableCell(valuetype="string")
    marker.addElement(P(text=ROWS_MARKER))
    placeholder.addElement(marker)
    table.addElement(placeholder)
    document.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    document.write(buffer)
    xml_rows = "".join(_ods_row(row, cols) for row in all_rows)
    return _replace_placeholder_row(buffer.getvalue(), xml_rows)


# The text of the placeholder row's only cell (no export writes it).
ROWS_MARKER = "cmq-ods-rows-placeholder-3f9c1d"
_PLACEHOLDER_ROW = re.compile(
    r"<table:table-row>(?:(?!</table:table-row>).)*?"
    + re.escape(ROWS_MARKER)
    + r".*?</table:table-row>",
    re.DOTALL,
)


def _ods_text(value):
    return "".join(f"<text:p>{escape(line)}</text:p>" for line in str(value).splitlines() or [""])


def _ods_cell(value, kind):
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, str) or kind == TEXT:
        return f'<table:table-cell office:value-type="string">{_ods_text(value)}</table:table-cell>'
    if kind == DATE:
        return (
            '<table:table-cell table:style-name="cell-date" office:value-type="date" '
            f'office:date-value="{value.isoformat()}">'
            f"<text:p>{value.strftime(DATE_FORMAT)}</text:p></table:table-cell>"
        )
    if kind == MONEY:
        amount = _cents(value)
        return (
            '<table:table-cell table:style-name="cell-money" office:value-type="currency" '
            f'office:currency="EUR" office:value="{amount:.2f}">'
            f"{_ods_text(euros(amount))}</table:table-cell>"
        )
    if kind == DECIMAL:
        return (
            f'<table:table-cell office:value-type="float" office:value="{_cents(value):.2f}">'
            f"{_ods_text(_french_number(value))}</table:table-cell>"
        )
    return (
        f'<table:table-cell office:value-type="float" office:value="{escape(str(value))}">'
        f"{_ods_text(value)}</table:table-cell>"
    )


def _ods_row(row, cols):
    cells = "".join(_ods_cell(value, column.kind) for value, column in zip(row, cols, strict=True))
    return f"<table:table-row>{cells}</table:table-row>"


def _replace_placeholder_row(package, xml_rows):
    """The ODS package with its placeholder row replaced by `xml_rows` in content.xml."""
    source = zipfile.ZipFile(io.BytesIO(package))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as target:
        for info in source.infolist():  # mimetype first and stored, as odfpy wrote it
            data = source.read(info)
            if info.filename == "content.xml":
                content, count = _PLACEHOLDER_ROW.subn(
                    lambda _match: xml_rows, data.decode("utf-8"), count=1
                )
                if count != 1:
                    raise RuntimeError("ODS placeholder row not found in content.xml")
                data = content.encode("utf-8")
            target.writestr(info, data)
    return output.getvalue()


WRITERS = {"csv": write_csv, "xlsx": write_xlsx, "ods": write_ods}
