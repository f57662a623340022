"""Exports of the subsidy dossiers (CSV, XLSX, ODS) and the SCDL open-data file: columns,
values, totals, scope, filters, refusals and a flat query count.

The dossiers made here are for 2031 (free in the demo data) and the exports are filtered on
that year, except the open-data file, which covers every voted dossier (the demo's too).
"""

import csv
import io
import re
from datetime import datetime
from decimal import Decimal

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from odf import teletype
from odf.opendocument import load as load_ods
from odf.table import Table, TableCell, TableRow
from odf.text import P

from jobs import services as jobs
from jobs.models import Job, JobStatus
from subsidies import services
from subsidies.exports import SCDL_COLUMNS, export_dossiers, export_open_data, headers
from subsidies.models import VOTED_STATUSES, DossierStatus, PaymentKind, SubsidyDossier
from tests.subsidies.test_api import (
    SESSION_NUMBER,
    VOTED_ON,
    YEAR,
    make_draft,
    make_signed,
    make_submitted,
    pay,
    reference_data,
)

pytestmark = pytest.mark.django_db

D = Decimal
HEADERS = [
    "Numéro de dossier",
    "Campus",
    "Bénéficiaire",
    "SIRET du bénéficiaire",
    "Exercice",
    "État",
    "Base subventionnable",
    "Taux (%)",
    "Montant",
    "Montant voté",
    "Versé",
    "Reste à verser",
    "Délibération",
    "Date de la délibération",
    "Imputation budgétaire",
    "Date de caducité",
]
# SCDL « subventions » 2.1.1, in the schema's order.
SCDL_HEADER = [
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
PERIOD = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}(/[0-9]{4}-[0-9]{2}-[0-9]{2})?$")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def region(user_of):
    return user_of("region")


@pytest.fixture
def dossiers(region, user_of, campus_of):
    """Versailles 2031: voted, agreement signed, 10 000 € paid; Mode 2031: a draft of its
    director (its support institution has no SIRET); Santé 2031: submitted."""
    session, envelope = reference_data()
    versailles = make_signed(region, campus_of("versailles"), session, envelope)
    pay(region, versailles, "10000.00")
    mode = make_draft(user_of("dir-mode"), campus_of("mode"))
    sante = make_submitted(user_of("dir-sante"), campus_of("sante"))
    return {
        key: SubsidyDossier.objects.select_related("campus", "beneficiary").get(pk=dossier.pk)
        for key, dossier in {"versailles": versailles, "mode": mode, "sante": sante}.items()
    }


def run(handler, user, params):
    job = Job.objects.create(
        owner=user,
        kind="subsidy_export" if handler is export_dossiers else "subsidy_open_data",
        params=params,
    )
    reports = []
    filename, content = handler(job, lambda done, total: reports.append((done, total)))
    return filename, content, reports


def export(user, fmt, **filters):
    return run(export_dossiers, user, {"format": fmt, "filters": {"year": YEAR, **filters}})


def read_csv(content):
    assert content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def read_ods(content):
    document = load_ods(io.BytesIO(content))
    (table,) = document.spreadsheet.getElementsByType(Table)
    return [row.getElementsByType(TableCell) for row in table.getElementsByType(TableRow)]


def ods_text(cell):
    return "\n".join(teletype.extractText(p) for p in cell.getElementsByType(P))


def french(day):
    return day.strftime("%d/%m/%Y")


# ================================================================== dossiers: CSV XLSX ODS


def test_headers_are_the_french_columns():
    assert headers() == HEADERS


def test_csv_export(region, dossiers):
    versailles, mode, sante = dossiers["versailles"], dossiers["mode"], dossiers["sante"]

    filename, content, reports = export(region, "csv")

    assert re.fullmatch(r"dossiers-subvention-\d{4}-\d{2}-\d{2}\.csv", filename)
    rows = read_csv(content)
    assert rows[0] == HEADERS
    assert [row[0] for row in rows[1:-1]] == sorted(d.number for d in dossiers.values())
    by_number = {row[0]: row for row in rows[1:-1]}
    lapse_on = versailles.lapse_on
    assert by_number[versailles.number] == [
        versailles.number,
        versailles.campus.name,
        "Campus Versailles",
        "91358180700017",
        str(YEAR),
        "Payé en partie",
        "100000,00",
        "50,00",
        "50000,00",
        "50000,00",
        "10000,00",
        "40000,00",
        SESSION_NUMBER,
        french(VOTED_ON),
        "932-288-655122-128003-100",
        french(lapse_on),
    ]
    # The Mode campus's support institution (ENSAD) has no SIRET: « à compléter ».
    assert by_number[mode.number][2:6] == [
        mode.beneficiary.legal_name,
        "à compléter",
        str(YEAR),
        "Brouillon",
    ]
    assert by_number[mode.number][6:] == ["", "", "", "", "0,00", "0,00", "", "", "", ""]
    assert by_number[sante.number][5] == "Déposé"
    assert rows[-1] == [
        "Total",
        "3 dossiers",
        "",
        "",
        "",
        "",
        "100000,00",
        "",
        "50000,00",
        "50000,00",
        "10000,00",
        "40000,00",
        "",
        "",
        "",
        "",
    ]
    assert reports[0] == (0, 3)
    assert reports[-1] == (3, 3)


def test_xlsx_export(region, dossiers):
    versailles = dossiers["versailles"]

    filename, content, _reports = export(region, "xlsx")

    assert filename.endswith(".xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    assert [cell.value for cell in sheet[1]] == HEADERS
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.max_row == 5  # header, three dossiers, totals
    row = next(r for r in sheet.iter_rows(min_row=2, max_row=4) if r[0].value == versailles.number)
    assert row[4].value == YEAR
    # Money and rates are numbers, dates are dates.
    assert [row[index].value for index in (6, 7, 8, 9, 10, 11)] == [
        100000,
        50,
        50000,
        50000,
        10000,
        40000,
    ]
    assert row[8].number_format == '#,##0.00 "€"'
    assert row[7].number_format == "0.00"
    assert row[13].value == datetime.combine(VOTED_ON, datetime.min.time())
    assert row[13].number_format == "DD/MM/YYYY"
    assert row[15].value == datetime.combine(versailles.lapse_on, datetime.min.time())
    totals = [cell.value for cell in sheet[5]]
    assert totals[:2] == ["Total", "3 dossiers"]
    assert totals[6:12] == [100000, None, 50000, 50000, 10000, 40000]
    assert all(cell.font.bold for cell in sheet[5])
    assert sheet.auto_filter.ref == "A1:P4"  # the totals row stays out of the filter


def test_ods_export(region, dossiers):
    versailles = dossiers["versailles"]

    filename, content, _reports = export(region, "ods")

    assert filename.endswith(".ods")
    rows = read_ods(content)
    assert [ods_text(cell) for cell in rows[0]] == HEADERS
    assert len(rows) == 5
    row = next(r for r in rows[1:4] if ods_text(r[0]) == versailles.number)
    amount = row[8]
    assert amount.getAttribute("valuetype") == "currency"
    assert amount.getAttribute("value") == "50000.00"
    assert ods_text(amount).replace("\u00a0", " ").replace("\u202f", " ") == "50 000,00 €"
    assert row[7].getAttribute("valuetype") == "float"
    assert row[7].getAttribute("value") == "50.00"
    assert row[4].getAttribute("value") == str(YEAR)
    vote_day = row[13]
    assert vote_day.getAttribute("valuetype") == "date"
    assert vote_day.getAttribute("datevalue") == VOTED_ON.isoformat()
    assert ods_text(vote_day) == french(VOTED_ON)
    totals = rows[-1]
    assert ods_text(totals[0]) == "Total"
    assert [totals[i].getAttribute("value") for i in (8, 9, 10, 11)] == [
        "50000.00",
        "50000.00",
        "10000.00",
        "40000.00",
    ]


def test_a_directors_export_holds_only_their_campus(user_of, dossiers):
    _filename, content, _reports = export(user_of("dir-mode"), "csv")

    rows = read_csv(content)
    assert [row[0] for row in rows[1:-1]] == [dossiers["mode"].number]
    assert rows[-1][1] == "1 dossier"


def test_a_rectorates_export_follows_its_academies(user_of, dossiers):
    """Créteil: Mode (Paris, Créteil) and Santé (Paris, Créteil), not Versailles."""
    _filename, content, _reports = export(user_of("rectorat-creteil"), "csv")

    numbers = {row[0] for row in read_csv(content)[1:-1]}
    assert numbers == {dossiers["mode"].number, dossiers["sante"].number}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"status": "draft"}, {"mode"}),
        ({"status": "partly_paid"}, {"versailles"}),
        ({"campus": "CAMPUS"}, {"sante"}),
        ({"beneficiary": "BENEFICIARY"}, {"versailles"}),
    ],
)
def test_filters_of_the_list_apply(filters, expected, region, dossiers):
    if filters.get("campus") == "CAMPUS":
        filters = {"campus": dossiers["sante"].campus_id}
    if filters.get("beneficiary") == "BENEFICIARY":
        filters = {"beneficiary": dossiers["versailles"].beneficiary_id}

    _filename, content, _reports = export(region, "csv", **filters)

    numbers = {row[0] for row in read_csv(content)[1:-1]}
    assert numbers == {dossiers[key].number for key in expected}


def test_top_level_filters_are_accepted_too(region, dossiers):
    _filename, content, _reports = run(
        export_dossiers, region, {"format": "csv", "year": YEAR, "status": "submitted"}
    )

    assert [row[0] for row in read_csv(content)[1:-1]] == [dossiers["sante"].number]


def test_invalid_filters_are_ignored(region, dossiers):
    _filename, content, _reports = run(
        export_dossiers, region, {"format": "csv", "filters": {"status": "inconnu"}}
    )

    numbers = {row[0] for row in read_csv(content)[1:-1]}
    assert {d.number for d in dossiers.values()} <= numbers
    assert "23004868" in numbers  # the demo's dossiers too: no filter applied


def test_text_is_never_turned_into_a_formula(region, dossiers):
    SubsidyDossier.objects.filter(pk=dossiers["sante"].pk).update(
        beneficiary_name='=HYPERLINK("http://example.org")', beneficiary=None
    )

    _filename, content, _reports = export(region, "csv", status="submitted")
    assert read_csv(content)[1][2] == '\'=HYPERLINK("http://example.org")'

    _filename, content, _reports = export(region, "xlsx", status="submitted")
    cell = openpyxl.load_workbook(io.BytesIO(content)).active["C2"]
    assert cell.data_type == "s"
    assert cell.value == '=HYPERLINK("http://example.org")'


@pytest.mark.parametrize(
    ("username", "kind", "params", "message"),
    [
        (
            "region",
            "subsidy_export",
            {"format": "pdf"},
            "Format d'export non pris en charge : pdf.",
        ),
        (
            "expert",
            "subsidy_export",
            {"format": "csv"},
            "Vous n'avez pas accès aux dossiers de subvention.",
        ),
        (
            "dir-versailles",
            "subsidy_open_data",
            {},
            "Seuls les services de la Région publient les données essentielles.",
        ),
        (
            "rectorat-paris",
            "subsidy_open_data",
            {},
            "Seuls les services de la Région publient les données essentielles.",
        ),
    ],
)
def test_refused_jobs_fail_with_a_french_message(username, kind, params, message, user_of):
    job = Job.objects.create(owner=user_of(username), kind=kind, params=params)

    jobs.run_job(job.pk)

    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.error == message


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "ods"])
def test_the_job_runs_and_stores_the_file(fmt, region, dossiers):
    job = jobs.start_job(region, "subsidy_export", {"format": fmt, "filters": {"year": YEAR}})

    jobs.run_job(job.pk)

    job.refresh_from_db()
    assert job.status == JobStatus.DONE, job.error
    assert job.total == 3
    assert job.file.name.endswith(f".{fmt}")


def _queries_of_export(user, fmt, monkeypatch):
    monkeypatch.setattr(jobs, "PROGRESS_INTERVAL", 3600)
    job = Job.objects.create(
        owner=user, kind="subsidy_export", params={"format": fmt, "filters": {"year": YEAR}}
    )
    with CaptureQueriesContext(connection) as queries:
        jobs.run_job(job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.DONE, job.error
    return len(queries), job.total


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "ods"])
def test_query_count_does_not_grow_with_rows(
    fmt, region, dossiers, user_of, campus_of, monkeypatch
):
    few, total = _queries_of_export(region, fmt, monkeypatch)
    assert total == 3
    for key in ("securite", "tnec", "energie", "if"):
        make_submitted(user_of(f"dir-{key}"), campus_of(key))
    many, total = _queries_of_export(region, fmt, monkeypatch)
    assert total == 7
    assert many == few


# ======================================================================= SCDL open data


def voted_count():
    return SubsidyDossier.objects.filter(status__in=VOTED_STATUSES).count() + (
        SubsidyDossier.objects.filter(
            status=DossierStatus.LAPSED, voted_amount__isnull=False
        ).count()
    )


def read_open_data(content):
    assert not content.startswith(b"\xef\xbb\xbf")  # plain UTF-8
    return list(csv.reader(io.StringIO(content.decode("utf-8")), delimiter=","))


def open_data(user, **params):
    filename, content, reports = run(export_open_data, user, params)
    assert re.fullmatch(r"subventions-donnees-essentielles-\d{4}-\d{2}-\d{2}\.csv", filename)
    rows = read_open_data(content)
    assert rows[0] == SCDL_HEADER
    return [dict(zip(SCDL_HEADER, row, strict=True)) for row in rows[1:]], reports


def test_scdl_header_is_the_schemas():
    assert SCDL_COLUMNS == SCDL_HEADER


def test_one_row_per_voted_dossier(region, dossiers):
    rows, reports = open_data(region)

    assert len(rows) == voted_count()
    assert reports[-1] == (len(rows), len(rows))
    objects = [row["objet"] for row in rows]
    assert objects.count(dossiers["versailles"].title) == 1
    # Neither the draft nor the submitted dossier: they are not voted.
    assert dossiers["mode"].title not in objects
    assert dossiers["sante"].title not in objects


def test_open_data_of_one_year(region, dossiers):
    rows, _reports = open_data(region, year=YEAR, format="csv")

    assert [row["objet"] for row in rows] == [dossiers["versailles"].title]
    assert len(open_data(region, year=2023)[0]) == 9  # CP 2023-263
    assert len(open_data(region, year=None)[0]) == voted_count()


def test_the_row_of_a_voted_dossier(region, dossiers, settings):
    settings.REGION_NAME = "Région Île-de-France"
    settings.REGION_SIRET = "23750007900312"
    versailles = dossiers["versailles"]
    paid_on = versailles.payments.get().paid_on

    rows, _reports = open_data(region)

    [row] = [row for row in rows if row["objet"] == versailles.title]
    assert row == {
        "nomAttribuant": "Région Île-de-France",
        "idAttribuant": "23750007900312",
        "dateConvention": VOTED_ON.isoformat(),
        "referenceDecision": SESSION_NUMBER,
        "nomBeneficiaire": "Campus Versailles",
        "idBeneficiaire": "91358180700017",
        "rnaBeneficiaire": "",
        "objet": versailles.title,
        "montant": "50000.00",
        "nature": "aide en numéraire",
        "conditionsVersement": "unique",
        "datesPeriodeVersement": paid_on.isoformat(),
        "idRAE": "",
        "notificationUE": "non",
        "pourcentageSubvention": "1.00",
        "dispositifAide": "",
    }


def test_several_payments_are_staggered_over_a_period(region, dossiers):
    versailles = dossiers["versailles"]
    first = versailles.payments.get().paid_on
    services.request_payment(region, versailles, kind=PaymentKind.BALANCE, amount=D("40000.00"))

    rows, _reports = open_data(region)

    [row] = [row for row in rows if row["objet"] == versailles.title]
    assert row["conditionsVersement"] == "échelonné"
    # The balance is not paid yet: the period runs until the lapse date.
    assert row["datesPeriodeVersement"] == f"{first.isoformat()}/{versailles.lapse_on.isoformat()}"


def test_a_grant_not_yet_paid_shows_its_planned_period(region, campus_of):
    session, envelope = reference_data()
    signed = make_signed(region, campus_of("versailles"), session, envelope)

    rows, _reports = open_data(region)

    [row] = [row for row in rows if row["objet"] == signed.title]
    assert row["conditionsVersement"] == "unique"
    assert row["datesPeriodeVersement"] == f"{VOTED_ON.isoformat()}/{signed.lapse_on.isoformat()}"


def test_an_empty_region_siret_is_left_empty(region, dossiers, settings):
    settings.REGION_SIRET = ""

    rows, _reports = open_data(region)

    assert {row["idAttribuant"] for row in rows} == {""}


def test_demo_rows_follow_the_schema(region):
    """Every value the schema constrains, on the demo's voted dossiers (CP 2023-263, whose
    beneficiaries mostly have no SIRET, and the transferred Versailles 2021 and 2022 grants)."""
    rows, _reports = open_data(region)

    assert len(rows) == voted_count() >= 11
    for row in rows:
        assert re.fullmatch(r"\d{14}", row["idAttribuant"]) or row["idAttribuant"] == ""
        assert (
            re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["dateConvention"]) or not row["dateConvention"]
        )
        assert re.fullmatch(r"\d{14}", row["idBeneficiaire"]) or row["idBeneficiaire"] == ""
        assert re.fullmatch(r"\d+\.\d{2}", row["montant"])
        assert row["nature"] == "aide en numéraire"
        assert row["conditionsVersement"] in ("unique", "échelonné")
        assert PERIOD.fullmatch(row["datesPeriodeVersement"]) or not row["datesPeriodeVersement"]
        assert row["notificationUE"] == "non"
        assert D("0.01") <= D(row["pourcentageSubvention"]) <= D("1")
        assert len(row["objet"]) < 256
    cp_2023_263 = [row for row in rows if row["referenceDecision"] == "CP 2023-263"]
    assert len(cp_2023_263) == 9
    assert sum(D(row["montant"]) for row in cp_2023_263) == D("500000.00")


def test_a_transferred_grant_belongs_to_the_new_beneficiary_for_its_share(region):
    """Versailles 2021: 50 000 € voted to CY, 40 000 € paid to CY, the 10 000 € remainder
    transferred to the association Campus Versailles: its share is 20 %."""
    dossier = SubsidyDossier.objects.get(
        campus__short_name__icontains="Versailles", reference_year=2021
    )

    rows, _reports = open_data(region)

    [row] = [row for row in rows if row["objet"] == dossier.title]
    assert row["nomBeneficiaire"] == "Campus Versailles"
    assert row["idBeneficiaire"] == "91358180700017"
    assert row["montant"] == "50000.00"
    assert row["pourcentageSubvention"] == "0.20"


def test_open_data_query_count_does_not_grow_with_rows(region, campus_of, monkeypatch):
    monkeypatch.setattr(jobs, "PROGRESS_INTERVAL", 3600)

    def queries():
        job = Job.objects.create(owner=region, kind="subsidy_open_data", params={})
        with CaptureQueriesContext(connection) as captured:
            jobs.run_job(job.pk)
        job.refresh_from_db()
        assert job.status == JobStatus.DONE, job.error
        return len(captured), job.total

    few, total = queries()
    session, envelope = reference_data()
    dossier = make_signed(region, campus_of("versailles"), session, envelope)
    pay(region, dossier, "5000.00")
    many, more = queries()
    assert more == total + 1
    assert many == few
