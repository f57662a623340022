"""Exports of the subsidy dossiers, run as background jobs (jobs.services handlers).

- "subsidy_export" → `export_dossiers`: the dossiers as the job's owner sees them, narrowed by
  the list's filters (year, campus, status, beneficiary…), in CSV, XLSX or ODS: one row per
  dossier, then a totals row. Amounts are numbers and dates are dates in XLSX and ODS.
- "subsidy_open_data" → `export_open_data`: the « données essentielles des conventions de
  subvention » (décret n° 2017-779, arrêté du 17 novembre 2017) in the SCDL « subventions »
  format, version 2.1.1 (schema.data.gouv.fr/scdl/subventions): one row per voted dossier;
  regional staff only.

The number of queries does not depend on the number of dossiers.
"""

import csv
import io
import logging
from dataclasses import dataclass
from decimal import Decimal
from types import SimpleNamespace

from django.conf import settings
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from conventions.documents.wording import euros
from jobs.services import JobError

from . import permissions, rules
from .filters import SubsidyFilter, dossier_figures, with_payment_totals
from .models import (
    LIVE_PAYMENT_STATUSES,
    VOTED_STATUSES,
    DossierStatus,
    Payment,
    PaymentStatus,
    SubsidyDossier,
)

logger = logging.getLogger(__name__)

FORMATS = ("csv", "xlsx", "ods")
DATE_FORMAT = "%d/%m/%Y"
FILTER_KEYS = ("year", "campus", "status", "beneficiary", "deliberation", "search")
SIRET_MISSING = "à compléter"
ZERO = Decimal("0.00")


# --------------------------------------------------------------------- dossiers export

# Cell kinds: how each writer shows a value.
TEXT, INTEGER, MONEY, RATE, DATE = "text", "integer", "money", "rate", "date"


@dataclass(frozen=True)
class Column:
    title: str
    kind: str = TEXT
    total: bool = False  # summed in the totals row


def columns():
    return [
        Column(_("Numéro de dossier")),
        Column(_("Campus")),
        Column(_("Bénéficiaire")),
        Column(_("SIRET du bénéficiaire")),
        Column(_("Exercice"), INTEGER),
        Column(_("État")),
        Column(_("Base subventionnable"), MONEY, total=True),
        Column(_("Taux (%)"), RATE),
        Column(_("Montant"), MONEY, total=True),
        Column(_("Montant voté"), MONEY, total=True),
        Column(_("Payé"), MONEY, total=True),
        Column(_("Reliquat"), MONEY, total=True),
        Column(_("Délibération")),
        Column(_("Date de la délibération"), DATE),
        Column(_("Imputation budgétaire")),
        Column(_("Date de caducité"), DATE),
    ]


def headers():
    return [column.title for column in columns()]


def export_filters(params):
    """The list's filters, from params["filters"] (as the list page sends them) or from
    top-level keys of the job's params."""
    filters = {key: params[key] for key in FILTER_KEYS if params.get(key) not in (None, "")}
    filters.update(params.get("filters") or {})
    return filters


def exported_dossiers(user, filters):
    """The dossiers `user` sees, narrowed by the list's filters (invalid ones are ignored)."""
    queryset = with_payment_totals(
        permissions.dossiers_visible_to(user).select_related(
            "campus", "beneficiary", "deliberation", "budget_line"
        )
    ).order_by("-reference_year", "number")
    filterset = SubsidyFilter(
        data=filters or {}, queryset=queryset, request=SimpleNamespace(user=user)
    )
    if filterset.is_valid():
        return list(filterset.qs)
    logger.info("Subsidy export: invalid filters ignored: %s", filterset.errors.as_json())
    return list(queryset)


def dossier_row(dossier):
    current = dossier_figures(dossier)
    beneficiary = dossier.beneficiary
    return [
        dossier.number,
        dossier.campus.name,
        beneficiary.legal_name if beneficiary else (dossier.beneficiary_name or None),
        (beneficiary.siret if beneficiary and beneficiary.siret else SIRET_MISSING),
        dossier.reference_year,
        str(dossier.get_status_display()),
        dossier.eligible_base,
        dossier.rate,
        dossier.amount,
        dossier.voted_amount,
        current.paid,
        current.remainder,
        dossier.deliberation.number if dossier.deliberation_id else None,
        dossier.deliberation.date if dossier.deliberation_id else None,
        dossier.budget_line.code if dossier.budget_line_id else None,
        dossier.lapse_on,
    ]


def totals_row(rows, count):
    """« Total » with the number of dossiers, and the sum of each summed column."""
    row = [_("Total"), _("%(count)s dossier(s)") % {"count": count}]
    for index, column in enumerate(columns()[2:], start=2):
        if column.total:
            row.append(rules.to_cents(sum((r[index] or ZERO for r in rows), ZERO)))
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
    if kind in (MONEY, RATE):
        # What a French spreadsheet reads as a number: decimal comma, no grouping.
        return f"{rules.to_cents(value):.2f}".replace(".", ",")
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
    return max((len(line) for line in str(value).splitlines()), default=0)


def write_xlsx(cols, rows, totals):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Dossiers de subvention")[:31]
    sheet.append([column.title for column in cols])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    widths = [len(column.title) for column in cols]
    formats = {MONEY: '#,##0.00 "€"', RATE: "0.00", DATE: "DD/MM/YYYY", INTEGER: "0"}
    all_rows = [*rows, totals]
    for row_number, row in enumerate(all_rows, start=2):
        for index, (value, column) in enumerate(zip(row, cols, strict=True), start=1):
            cell = sheet.cell(row=row_number, column=index, value=value)
            if value is None:
                continue
            if column.kind in formats:
                cell.number_format = formats[column.kind]
            elif isinstance(value, str):
                cell.data_type = "s"  # never let a text starting with "=" become a formula
            widths[index - 1] = max(widths[index - 1], _width(value, column.kind))
    last = len(all_rows) + 1
    for cell in sheet[last]:
        cell.font = Font(bold=True)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, 10), 60)
    sheet.freeze_panes = "A2"
    # The filter covers the dossiers, not the totals row.
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
    table = Table(name=_("Dossiers de subvention"))
    for index, column in enumerate(cols):
        width = max([len(column.title), *(_width(row[index], column.kind) for row in all_rows)])
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
            if value is None:
                cell = TableCell()
            elif column.kind == DATE:
                cell = TableCell(valuetype="date", datevalue=value.isoformat(), stylename=date_cell)
                cell.addElement(P(text=value.strftime(DATE_FORMAT)))
            elif column.kind == MONEY:
                amount = rules.to_cents(value)
                cell = TableCell(
                    valuetype="currency",
                    currency="EUR",
                    value=f"{amount:.2f}",
                    stylename=money_cell,
                )
                cell.addElement(P(text=euros(amount)))
            elif column.kind == RATE:
                rate = rules.to_cents(value)
                cell = TableCell(valuetype="float", value=f"{rate:.2f}")
                cell.addElement(P(text=f"{rate:.2f}".replace(".", ",")))
            elif column.kind == INTEGER:
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


def export_dossiers(job, report_progress):
    """Job handler: the dossiers as job.owner sees them, filtered, in job.params["format"]."""
    params = job.params or {}
    fmt = params.get("format")
    writer = WRITERS.get(fmt)
    if writer is None:
        raise JobError(_("Format d'export non pris en charge : %(format)s.") % {"format": fmt})
    if not permissions.can_use_subsidies(job.owner):
        raise JobError(_("Vous n'avez pas accès aux dossiers de subvention."))
    dossiers = exported_dossiers(job.owner, export_filters(params))
    total = len(dossiers)
    report_progress(0, total)
    rows = []
    for done, dossier in enumerate(dossiers, start=1):
        rows.append(dossier_row(dossier))
        report_progress(done, total)
    content = writer(columns(), rows, totals_row(rows, total))
    return f"dossiers-subvention-{timezone.localdate():%Y-%m-%d}.{fmt}", content


# ----------------------------------------------------------------- SCDL open data export

# SCDL « subventions » 2.1.1: every column, in the schema's order.
SCDL_COLUMNS = [
    "nomAttribuant",
    "idAttribuant",
    "dateConvention",
    "referenceDecision",
    "nomBeneficiaire",
    "idBeneficiaire",
    "rnaBeneficiaire",
    "objet",
    "montant",
    "nature",
    "conditionsVersement",
    "datesPeriodeVersement",
    "idRAE",
    "notificationUE",
    "pourcentageSubvention",
    "dispositifAide",
]
NATURE_CASH = "aide en numéraire"
SINGLE, STAGGERED = "unique", "échelonné"
OBJECT_MAX_LENGTH = 255  # « limitée à 256 caractères » (fewer than 256)


def voted_dossiers(year=None):
    """Every voted dossier (voted and after, and lapsed ones that had been voted), of the
    reference year `year` when given."""
    queryset = SubsidyDossier.objects.all()
    if year:
        queryset = queryset.filter(reference_year=year)
    return (
        queryset.filter(
            Q(status__in=VOTED_STATUSES)
            | Q(status=DossierStatus.LAPSED, voted_amount__isnull=False)
        )
        .select_related("beneficiary", "deliberation", "agreement")
        .prefetch_related(
            Prefetch(
                "payments",
                queryset=Payment.objects.filter(status__in=LIVE_PAYMENT_STATUSES).order_by(
                    "requested_on", "pk"
                ),
                to_attr="live_payments",
            )
        )
        .order_by("deliberation__date", "deliberation__number", "position", "number")
    )


def _iso(day):
    return day.isoformat() if day else ""


def _agreement(dossier):
    return getattr(dossier, "agreement", None)


def payment_period(dossier):
    """« datesPeriodeVersement »: the payment date (AAAA-MM-JJ) when there is one payment and
    it is paid; otherwise a period AAAA-MM-JJ/AAAA-MM-JJ: first to last payment date once
    payments are made, else the planned one, from the agreement (or the vote) to the lapse
    date. Empty when none of these dates is known (never invented)."""
    paid_days = sorted(p.paid_on for p in dossier.live_payments if p.paid_on)
    if paid_days and len(dossier.live_payments) == 1:
        return paid_days[0].isoformat()
    if paid_days:
        last = paid_days[-1]
        if len(paid_days) < len(dossier.live_payments) and dossier.lapse_on:
            last = max(last, dossier.lapse_on)  # payments still to come, until the lapse date
        return f"{paid_days[0].isoformat()}/{last.isoformat()}"
    agreement = _agreement(dossier)
    start = (agreement.signed_on if agreement else None) or (
        dossier.deliberation.date if dossier.deliberation_id else None
    )
    if start and dossier.lapse_on:
        return f"{start.isoformat()}/{dossier.lapse_on.isoformat()}"
    return ""


def beneficiary_share(dossier):
    """« pourcentageSubvention »: the share of the grant for this row's beneficiary, as a
    decimal ("1.00" for a single beneficiary). After a transfer, what was paid to the
    previous beneficiary is not this one's."""
    voted = dossier.voted_amount or ZERO
    if not voted:
        return "1.00"
    to_others = sum(
        (
            p.amount
            for p in dossier.live_payments
            if p.status == PaymentStatus.PAID and p.beneficiary_id != dossier.beneficiary_id
        ),
        ZERO,
    )
    share = max(rules.to_cents((voted - to_others) / voted), Decimal("0.01"))
    return f"{min(share, Decimal('1.00')):.2f}"


def open_data_row(dossier):
    beneficiary = dossier.beneficiary
    agreement = _agreement(dossier)
    return [
        settings.REGION_NAME,
        settings.REGION_SIRET or "",
        _iso(agreement.signed_on if agreement else None),
        dossier.deliberation.number if dossier.deliberation_id else "",
        # The organisation the grant is due to now (after a transfer, the new one), whose
        # SIRET follows; the fiche's frozen name may be the previous beneficiary's.
        beneficiary.legal_name if beneficiary else dossier.beneficiary_name,
        (beneficiary.siret or "") if beneficiary else "",
        "",  # rnaBeneficiaire: not recorded
        dossier.title[:OBJECT_MAX_LENGTH],
        f"{rules.to_cents(dossier.voted_amount or ZERO):.2f}",
        NATURE_CASH,
        STAGGERED if len(dossier.live_payments) > 1 else SINGLE,
        payment_period(dossier),
        "",  # idRAE: aids to businesses only
        "non",
        beneficiary_share(dossier),
        "",  # dispositifAide: no identifier in the national schema of aid schemes yet
    ]


def export_open_data(job, report_progress):
    """Job handler: the SCDL CSV (UTF-8, comma-separated, dot decimals), regional staff only;
    job.params["year"] narrows it to one reference year."""
    if not permissions.can_manage_subsidies(job.owner):
        raise JobError(_("Seuls les services de la Région publient les données essentielles."))
    try:
        year = int((job.params or {}).get("year") or 0) or None
    except (TypeError, ValueError):
        raise JobError(_("Exercice invalide.")) from None
    dossiers = list(voted_dossiers(year))
    total = len(dossiers)
    report_progress(0, total)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=",", lineterminator="\r\n")
    writer.writerow(SCDL_COLUMNS)
    for done, dossier in enumerate(dossiers, start=1):
        writer.writerow(open_data_row(dossier))
        report_progress(done, total)
    today = timezone.localdate()
    filename = f"subventions-donnees-essentielles-{today:%Y-%m-%d}.csv"
    return filename, buffer.getvalue().encode("utf-8")
