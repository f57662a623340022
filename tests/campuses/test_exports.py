"""Registry exports (CSV, XLSX, ODS): columns, values, scope, filters and a flat query count."""

import csv
import io
from datetime import date, datetime, timedelta

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from odf import teletype
from odf.opendocument import load as load_ods
from odf.table import Table, TableCell, TableRow
from odf.text import P

from accounts.models import User
from campuses.exports import export_registry, headers
from campuses.models import (
    Academy,
    Campus,
    CampusDirector,
    DirectorRole,
    LabelCategory,
    LabelPeriod,
    Organisation,
    SectorFamily,
    SupportInstitutionTenure,
)
from jobs import services
from jobs.models import Job, JobStatus

pytestmark = pytest.mark.django_db

HEADERS = [
    "Nom",
    "Nom court",
    "Famille de secteurs",
    "Académies",
    "Catégorie actuelle",
    "Statut du label",
    "Fin du label",
    "Jours restants",
    "Établissement support",
    "SIRET de l'établissement support",
    "Directeur·rice(s)",
    "Préfiguration",
    "Adresse du siège",
]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def family():
    return SectorFamily.objects.create(code="test-export", label="Famille test export", position=99)


@pytest.fixture
def academies():
    return [
        Academy.objects.create(code="test-b", name="Académie test B"),
        Academy.objects.create(code="test-a", name="Académie test A"),
    ]


@pytest.fixture
def support():
    return Organisation.objects.create(
        legal_name="Lycée support test", legal_status="eple", siret="73282932000074"
    )


def make_user(username, role):
    return User.objects.create_user(
        username=username, email=f"{username}@example.org", password="x", role=role
    )


def make_campus(
    name,
    short_name,
    family,
    *,
    academies=(),
    end=None,
    support=None,
    directors=(),
    prefiguration=False,
    address="",
):
    campus = Campus.objects.create(
        name=name,
        short_name=short_name,
        sector_family=family,
        is_prefiguration=prefiguration,
        seat_address=address,
    )
    campus.academies.set(academies)
    if end:
        LabelPeriod.objects.create(
            campus=campus, category=LabelCategory.CMQ, start=end - timedelta(days=1000), end=end
        )
    if support:
        SupportInstitutionTenure.objects.create(campus=campus, organisation=support)
    for user, full_name, role in directors:
        CampusDirector.objects.create(
            campus=campus, user=user, full_name=full_name, role=role, start=None
        )
    return campus


@pytest.fixture
def director():
    return make_user("dir-export", "director")


@pytest.fixture
def campuses(family, academies, support, director, today):
    """Two campuses directed by `director`: Alpha (labelled, full record) and Beta (bare)."""
    alpha = make_campus(
        "Campus Alpha d'export",
        "Alpha export",
        family,
        academies=academies,
        end=today + timedelta(days=100),
        support=support,
        directors=[
            (None, "Paul Langevin", DirectorRole.DEPUTY),
            (director, "Marie Curie", DirectorRole.DIRECTOR),
        ],
        address="1 rue de la Paix\n75002 Paris",
    )
    beta = make_campus(
        "Campus Beta d'export",
        "Beta export",
        family,
        prefiguration=True,
        directors=[(director, "Marie Curie", DirectorRole.DIRECTOR)],
    )
    return alpha, beta


def run_export(user, fmt, filters=None):
    """Run the handler directly; returns (filename, content, progress reports)."""
    job = Job.objects.create(
        owner=user,
        kind="campus_registry_export",
        params={"format": fmt, "filters": filters or {}},
    )
    reports = []
    filename, content = export_registry(job, lambda done, total: reports.append((done, total)))
    return filename, content, reports


def read_csv(content):
    assert content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def read_ods(content):
    document = load_ods(io.BytesIO(content))
    (table,) = document.spreadsheet.getElementsByType(Table)
    return [row.getElementsByType(TableCell) for row in table.getElementsByType(TableRow)]


def ods_text(cell):
    return "\n".join(teletype.extractText(p) for p in cell.getElementsByType(P))


def test_headers_are_the_french_columns():
    assert headers() == HEADERS


def test_csv_export(director, campuses, today):
    filename, content, reports = run_export(director, "csv")

    assert filename == f"registre-campus-{today:%Y-%m-%d}.csv"
    rows = read_csv(content)
    assert rows[0] == HEADERS
    end = today + timedelta(days=100)
    assert rows[1] == [
        "Campus Alpha d'export",
        "Alpha export",
        "Famille test export",
        "Académie test A, Académie test B",
        "CMQ",
        "Labellisé",
        end.strftime("%d/%m/%Y"),
        "100",
        "Lycée support test",
        "73282932000074",
        "Marie Curie, Paul Langevin (Directeur·rice adjoint·e)",
        "Non",
        "1 rue de la Paix\n75002 Paris",
    ]
    assert rows[2] == [
        "Campus Beta d'export",
        "Beta export",
        "Famille test export",
        "",
        "",
        "En préfiguration",
        "",
        "",
        "",
        "",
        "Marie Curie",
        "Oui",
        "",
    ]
    assert len(rows) == 3
    assert reports[0] == (0, 2)
    assert reports[-1] == (2, 2)


def test_xlsx_export(director, campuses, today):
    filename, content, _ = run_export(director, "xlsx")

    assert filename.endswith(".xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    assert [cell.value for cell in sheet[1]] == HEADERS
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.max_row == 3
    alpha = [cell.value for cell in sheet[2]]
    assert alpha[:6] == [
        "Campus Alpha d'export",
        "Alpha export",
        "Famille test export",
        "Académie test A, Académie test B",
        "CMQ",
        "Labellisé",
    ]
    end_cell = sheet.cell(row=2, column=7)
    assert end_cell.value == datetime.combine(today + timedelta(days=100), datetime.min.time())
    assert end_cell.number_format == "DD/MM/YYYY"
    assert alpha[7] == 100
    assert alpha[9] == "73282932000074"
    assert alpha[11] == "Non"
    beta = [cell.value for cell in sheet[3]]
    assert beta[6] is None and beta[7] is None
    assert beta[11] == "Oui"
    # Columns are sized to their content.
    assert sheet.column_dimensions["A"].width >= len("Campus Alpha d'export")


def test_ods_export(director, campuses, today):
    filename, content, _ = run_export(director, "ods")

    assert filename.endswith(".ods")
    rows = read_ods(content)
    assert [ods_text(cell) for cell in rows[0]] == HEADERS
    assert len(rows) == 3
    alpha = rows[1]
    assert ods_text(alpha[0]) == "Campus Alpha d'export"
    assert ods_text(alpha[3]) == "Académie test A, Académie test B"
    end = today + timedelta(days=100)
    end_cell = alpha[6]
    assert end_cell.getAttribute("valuetype") == "date"
    assert end_cell.getAttribute("datevalue") == end.isoformat()
    assert ods_text(end_cell) == end.strftime("%d/%m/%Y")
    assert alpha[7].getAttribute("valuetype") == "float"
    assert alpha[7].getAttribute("value") == "100"
    assert ods_text(alpha[9]) == "73282932000074"
    assert ods_text(alpha[12]) == "1 rue de la Paix\n75002 Paris"
    assert ods_text(rows[2][11]) == "Oui"


def test_a_directors_export_contains_only_their_campus(family, campuses):
    other = make_user("dir-export-other", "director")
    make_campus(
        "Campus Gamma d'export",
        "Gamma export",
        family,
        directors=[(other, "Irène Joliot-Curie", DirectorRole.DIRECTOR)],
    )

    _, content, _ = run_export(other, "csv")

    assert [row[1] for row in read_csv(content)[1:]] == ["Gamma export"]


def test_filters_of_the_list_apply(campuses):
    region = make_user("region-export", "regional")

    _, content, _ = run_export(region, "csv", {"q": "Alpha d'export", "page": "2"})

    assert [row[1] for row in read_csv(content)[1:]] == ["Alpha export"]


def test_invalid_filters_are_ignored(director, campuses):
    _, content, _ = run_export(director, "csv", {"status": "no-such-status"})

    assert [row[1] for row in read_csv(content)[1:]] == ["Alpha export", "Beta export"]


def test_text_is_never_turned_into_a_formula(family, director):
    make_campus(
        '=HYPERLINK("http://example.org")',
        "Formule",
        family,
        directors=[(director, "Marie Curie", DirectorRole.DIRECTOR)],
    )

    _, content, _ = run_export(director, "csv")
    assert read_csv(content)[1][0] == '\'=HYPERLINK("http://example.org")'

    _, content, _ = run_export(director, "xlsx")
    cell = openpyxl.load_workbook(io.BytesIO(content)).active["A2"]
    assert cell.data_type == "s"
    assert cell.value == '=HYPERLINK("http://example.org")'


def test_unknown_format_fails_the_job_with_a_french_message(director):
    job = Job.objects.create(
        owner=director, kind="campus_registry_export", params={"format": "pdf", "filters": {}}
    )
    services.run_job(job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.error == "Format d'export non pris en charge : pdf."


def _queries_of_export(user, fmt, monkeypatch):
    monkeypatch.setattr(services, "PROGRESS_INTERVAL", 3600)
    job = Job.objects.create(
        owner=user, kind="campus_registry_export", params={"format": fmt, "filters": {}}
    )
    with CaptureQueriesContext(connection) as queries:
        services.run_job(job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.DONE, job.error
    return len(queries), job.total


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "ods"])
def test_query_count_does_not_grow_with_rows(
    fmt, family, academies, support, director, today, monkeypatch
):
    def add_campuses(start, count):
        for number in range(start, start + count):
            make_campus(
                f"Campus numéro {number}",
                f"Numéro {number}",
                family,
                academies=academies,
                end=today + timedelta(days=number),
                support=support,
                directors=[
                    (director, "Marie Curie", DirectorRole.DIRECTOR),
                    (None, f"Adjoint {number}", DirectorRole.DEPUTY),
                ],
            )

    add_campuses(0, 3)
    few, total = _queries_of_export(director, fmt, monkeypatch)
    assert total == 3
    add_campuses(3, 9)
    many, total = _queries_of_export(director, fmt, monkeypatch)
    assert total == 12
    assert many == few


def test_export_from_the_list_to_the_download(
    client, django_capture_on_commit_callbacks, campuses, today
):
    region = make_user("region-export", "regional")
    client.force_login(region)

    url = reverse("campuses:export", args=["xlsx"]) + "?q=Beta+d%27export"
    # The list's link asks to confirm (a GET starts no job), the button starts it.
    assert client.get(url).status_code == 200 and not Job.objects.filter(owner=region).exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)

    job = Job.objects.get(owner=region)
    assert response.status_code == 302
    assert response["Location"] == reverse("jobs:detail", args=[job.pk])
    assert job.status == JobStatus.DONE
    assert job.params == {"format": "xlsx", "filters": {"q": "Beta d'export"}}
    response = client.get(reverse("jobs:download", args=[job.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"] == (
        f'attachment; filename="registre-campus-{today:%Y-%m-%d}.xlsx"'
    )
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert [cell.value for cell in sheet["B"]] == ["Nom court", "Beta export"]
    assert isinstance(today, date)
