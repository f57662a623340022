"""The ODS writer streams its data rows as XML text: they must be the cells odfpy would write."""

import io
from datetime import date
from decimal import Decimal

from odf.namespaces import OFFICENS, TABLENS
from odf.opendocument import load
from odf.table import TableCell, TableRow
from odf.text import P

from core import spreadsheets
from core.spreadsheets import DATE, DECIMAL, INTEGER, MONEY, TEXT, Column, write_ods

COLUMNS = [
    Column("Campus"),
    Column("Signée le", DATE),
    Column("Montant", MONEY, total=True),
    Column("Taux", DECIMAL),
    Column("Fiches", INTEGER, total=True),
    Column("Note", TEXT),
]
ROWS = [
    ["Campus « Industrie » & co <test>", date(2024, 7, 5), Decimal("50000"), Decimal("0.5"), 3, ""],
    ["Deux\nlignes", None, Decimal("1234.567"), Decimal("12.345"), 0, "=1+1"],
    ["Guillemets \"doubles\" et 'simples'", date(1999, 12, 31), None, None, None, None],
]
TOTALS = ["Total", None, Decimal("51234.57"), None, 3, None]


def odfpy_cell(value, kind):
    """The cell as odfpy's elements wrote it before the rows were streamed (the oracle)."""
    if value is None:
        return TableCell()
    if isinstance(value, str) or kind == TEXT:
        cell = TableCell(valuetype="string")
        for line in str(value).splitlines() or [""]:
            cell.addElement(P(text=line))
    elif kind == DATE:
        cell = TableCell(valuetype="date", datevalue=value.isoformat(), stylename="cell-date")
        cell.addElement(P(text=value.strftime("%d/%m/%Y")))
    elif kind == MONEY:
        amount = spreadsheets._cents(value)
        cell = TableCell(
            valuetype="currency", currency="EUR", value=f"{amount:.2f}", stylename="cell-money"
        )
        cell.addElement(P(text=spreadsheets.euros(amount)))
    elif kind == DECIMAL:
        cell = TableCell(valuetype="float", value=f"{spreadsheets._cents(value):.2f}")
        cell.addElement(P(text=spreadsheets._french_number(value)))
    else:
        cell = TableCell(valuetype="float", value=value)
        cell.addElement(P(text=str(value)))
    return cell


ATTRIBUTES = [
    (OFFICENS, "value-type"),
    (OFFICENS, "value"),
    (OFFICENS, "date-value"),
    (OFFICENS, "currency"),
    (TABLENS, "style-name"),
]


def describe(cell):
    """What a spreadsheet reads of a cell: its typed attributes and its paragraphs."""
    attributes = {name: cell.attributes.get(name) for name in ATTRIBUTES}
    paragraphs = [str(p) for p in cell.getElementsByType(P)]
    return attributes, paragraphs


def test_streamed_rows_are_the_cells_odfpy_writes():
    content = write_ods(COLUMNS, ROWS, TOTALS, title="Export")
    document = load(io.BytesIO(content))
    rows = document.spreadsheet.getElementsByType(TableRow)
    header, data = rows[0], rows[1:]
    assert [str(p) for p in header.getElementsByType(P)] == [c.title for c in COLUMNS]
    assert len(data) == len(ROWS) + 1
    for written, expected in zip(data, [*ROWS, TOTALS], strict=True):
        cells = written.getElementsByType(TableCell)
        oracle = TableRow()
        for value, column in zip(expected, COLUMNS, strict=True):
            oracle.addElement(odfpy_cell(value, column.kind))
        reference = load_row(oracle)
        assert [describe(cell) for cell in cells] == [describe(cell) for cell in reference]


def load_row(row):
    """An odfpy row, written into a document and read back (as a spreadsheet would)."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table

    document = OpenDocumentSpreadsheet()
    table = Table(name="Référence")
    table.addElement(row)
    document.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    document.write(buffer)
    loaded = load(io.BytesIO(buffer.getvalue()))
    return loaded.spreadsheet.getElementsByType(TableCell)


def test_the_package_keeps_its_mimetype_first_and_uncompressed():
    import zipfile

    package = zipfile.ZipFile(io.BytesIO(write_ods(COLUMNS, ROWS, None, title="Export")))
    first = package.infolist()[0]
    assert first.filename == "mimetype"
    assert first.compress_type == zipfile.ZIP_STORED
    assert package.read("mimetype") == b"application/vnd.oasis.opendocument.spreadsheet"
    assert spreadsheets.ROWS_MARKER.encode() not in package.read("content.xml")
