"""The regional dashboard of the follow-up and its exports: totals, per-campus figures and
year-on-year change on sheets built through the services; filters (academy, sector family,
label category, statuses counted); the rectorate's scope; a number of queries that does not
grow with the campuses; the page (charts, who gets in); the CSV, XLSX and ODS exports."""

import csv
import io
import re
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from campuses.models import LabelCategory, LabelPeriod
from followup import dashboard, services
from followup.exports import export_indicators
from followup.management.commands.benchmark_followup import generate
from followup.models import FollowUpSheet, SheetIndicators
from jobs import services as job_services
from jobs.models import Job, JobStatus
from tests.followup import helpers

pytestmark = pytest.mark.django_db

N, N1 = 2041, 2040  # years no demo campaign uses


# ---------------------------------------------------------------- data


def sheet_data(
    year,
    *,
    pupils=120,
    apprentices=30,
    places=15,
    events=3,
    partners=1,
    mobilities=6,
    budget=80000,
):
    """A complete sheet of year N with the figures the dashboard adds up."""
    data = helpers.complete_sections(year)
    data[2]["beneficiaries"] = [
        {"type": "pupils", "count": str(pupils)},
        {"type": "apprentices", "count": str(apprentices)},
    ]
    data[5]["revenues"] = [{"label": "Région", "amount": str(budget)}]
    data[5]["expenses"] = [{"label": "Fonctionnement", "amount": str(budget)}]
    data[6]["events"] = [{"type": "salon", "involvement": "organised", "count": str(events)}]
    data[7] = (
        {"created": [{"title": "Mention complémentaire", "kind": "created", "places": str(places)}]}
        if places
        else {"nothing_new": "true"}
    )
    data[8] = {
        "mobilities": str(mobilities),
        "partners": [{"name": f"Partenaire {i + 1}", "country": "Italie"} for i in range(partners)],
    }
    return data


def build_sheet(region, user_of, campus_of, campaign, key, status="validated", **figures):
    """The sheet of campus `key` in `campaign`, filled by its director and brought to `status`
    through the services."""
    sheet = campaign.sheets.get(campus=campus_of(key))
    director = user_of(f"dir-{key}")
    if status == "draft":
        services.save_section(director, sheet, 9, {"evaluation": "En cours."})
        return sheet
    for number, data in sheet_data(campaign.year, **figures).items():
        services.save_section(director, sheet, number, data)
    services.submit(director, sheet)
    if status == "validated":
        services.validate_sheet(region, sheet)
    sheet.refresh_from_db()
    return sheet


@pytest.fixture
def region(user_of):
    return user_of("region")


@pytest.fixture
def two_years(region, user_of, campus_of):
    return build_two_years(region, user_of, campus_of)


def build_two_years(region, user_of, campus_of):
    """2040: Versailles and Mode validated. 2041: the same validated with other figures,
    Santé submitted (not counted by default), Intelligence artificielle in draft."""
    first = helpers.open_campaign(region, N1)
    build_sheet(region, user_of, campus_of, first, "versailles", pupils=100, apprentices=20,
                places=10, events=2, partners=1, mobilities=4, budget=50000)  # fmt: skip
    build_sheet(region, user_of, campus_of, first, "mode", pupils=200, apprentices=40,
                places=20, events=4, partners=2, mobilities=8, budget=100000)  # fmt: skip
    second = helpers.open_campaign(region, N)
    build_sheet(region, user_of, campus_of, second, "versailles", pupils=150, apprentices=30,
                places=15, events=3, partners=3, mobilities=5, budget=60000)  # fmt: skip
    build_sheet(region, user_of, campus_of, second, "mode", pupils=1000, apprentices=234,
                places=0, events=4, partners=2, mobilities=8, budget=100000)  # fmt: skip
    build_sheet(region, user_of, campus_of, second, "sante", status="submitted",
                pupils=500, apprentices=0, places=5, events=1, partners=0, mobilities=0,
                budget=30000)  # fmt: skip
    build_sheet(region, user_of, campus_of, second, "ia", status="draft")
    return first, second


def normalised(text):
    return re.sub(r"\s+", " ", str(text).replace("\u202f", " ").replace("\xa0", " "))


def cells(view, key):
    return {cell["key"]: cell for cell in getattr(view, key)}


def campus_cells(view, short_name):
    campus = next(c for c in view.campuses if c["short_name"] == short_name)
    return {cell["key"]: cell for cell in campus["cells"]}


MODE = "Mode, métiers d'art et design"
SANTE = "Santé, autonomie, bien-vieillir"


# ---------------------------------------------------------------- the year view


def test_year_totals_count_validated_sheets_with_their_change(two_years, region):
    view = dashboard.year_view(region, dashboard.Filters(year=N))

    assert [c["short_name"] for c in view.campuses] == ["Campus Versailles", MODE]
    assert (view.counted, view.counted_previous) == (2, 2)
    totals = cells(view, "totals")
    assert totals["beneficiaries"]["value"] == 150 + 30 + 1000 + 234
    assert normalised(totals["beneficiaries"]["text"]) == "1 414"
    change = totals["beneficiaries"]["change"]
    assert (change.previous, change.delta, change.direction) == (360, 1054, "up")
    assert normalised(change.text) == "+1 054 (+292,8 %)"
    assert totals["pupils"]["value"] == 1150 and totals["apprentices"]["value"] == 264
    assert totals["places_created"]["value"] == 15
    assert totals["formations_created"]["value"] == 1
    assert normalised(totals["places_created"]["change"].text) == "−15 (−50,0 %)"
    assert totals["events"]["value"] == 7
    assert totals["international_partners"]["value"] == 5
    assert totals["mobilities"]["value"] == 13
    assert totals["budget_expenses"]["value"] == Decimal("160000.00")
    assert normalised(totals["budget_expenses"]["text"]) == "160 000,00 €"
    assert normalised(totals["budget_expenses"]["change"].text) == "+10 000,00 € (+6,7 %)"
    assert normalised(totals["mobilities"]["change"].text) == "+1 (+8,3 %)"
    # The headline cards are the figures, in order.
    assert [cell["key"] for cell in view.headline] == list(dashboard.HEADLINE)


def test_each_campus_has_its_figures_and_their_change_from_last_year(two_years, region):
    view = dashboard.year_view(region, dashboard.Filters(year=N))

    versailles = campus_cells(view, "Campus Versailles")
    assert versailles["beneficiaries"]["value"] == 180
    assert normalised(versailles["beneficiaries"]["change"].text) == "+60 (+50,0 %)"
    assert versailles["international_partners"]["change"].delta == 2
    assert normalised(versailles["budget_expenses"]["text"]) == "60 000,00 €"
    mode = campus_cells(view, MODE)
    assert mode["places_created"]["value"] == 0
    assert mode["places_created"]["change"].direction == "down"
    assert mode["events"]["change"].text == "stable"
    campus = view.campuses[0]
    assert campus["academies"] == "Paris, Versailles"
    assert campus["status"] == "validated"


def test_the_totals_change_on_the_same_campuses(two_years, region, campus_of):
    """A campus counted in N-1 but not yet in N (its sheet under review) does not read as a
    fall of the totals: they are compared on the campuses counted both years."""
    FollowUpSheet.objects.filter(campaign__year=N, campus=campus_of("mode")).update(
        status="submitted"
    )
    view = dashboard.year_view(region, dashboard.Filters(year=N))

    assert (view.counted, view.counted_previous, view.compared) == (1, 2, 1)
    beneficiaries = cells(view, "totals")["beneficiaries"]
    assert beneficiaries["value"] == 180 and normalised(beneficiaries["previous_text"]) == "360"
    assert normalised(beneficiaries["change"].text) == "+60 (+50,0 %)"


def test_the_first_year_has_no_change_to_show(two_years, region):
    view = dashboard.year_view(region, dashboard.Filters(year=N1))

    totals = cells(view, "totals")
    assert totals["beneficiaries"]["value"] == 360
    assert totals["beneficiaries"]["change"].direction == "new"
    assert totals["beneficiaries"]["change"].text == "pas de fiche en N-1"
    assert view.counted_previous == 0


def test_the_page_says_which_statuses_are_counted(two_years, region):
    view = dashboard.year_view(region, dashboard.Filters(year=N))

    counts = {item["status"]: (item["count"], item["counted"]) for item in view.status_counts}
    assert counts["validated"] == (2, True)
    assert counts["submitted"] == (1, False)
    assert counts["draft"] == (1, False)
    assert counts["not_started"][1] is False
    assert "validées uniquement" in dashboard.counted_statuses_text(dashboard.Filters(year=N))


def test_submitted_sheets_are_counted_when_asked(two_years, region):
    view = dashboard.year_view(region, dashboard.Filters(year=N, include_submitted=True))

    assert [c["short_name"] for c in view.campuses] == ["Campus Versailles", MODE, SANTE]
    assert cells(view, "totals")["beneficiaries"]["value"] == 1414 + 500
    # Santé has no sheet in N-1: the totals' changes are measured without it.
    assert view.compared == 2
    assert cells(view, "totals")["beneficiaries"]["change"].delta == 1054
    sante = next(c for c in view.campuses if c["short_name"] == SANTE)
    assert sante["status"] == "submitted"
    assert campus_cells(view, SANTE)["beneficiaries"]["change"].direction == "new"
    counts = {item["status"]: item["counted"] for item in view.status_counts}
    assert counts["submitted"] is True


def test_huge_counts_add_up_without_overflowing(two_years, region):
    """Seven 32-bit columns are added up as a 64-bit integer (PostgreSQL would fail)."""
    SheetIndicators.objects.filter(sheet__campaign__year=N, sheet__status="validated").update(
        pupils=2_000_000_000, apprentices=2_000_000_000
    )
    view = dashboard.year_view(region, dashboard.Filters(year=N))
    assert cells(view, "totals")["beneficiaries"]["value"] == 8_000_000_000
    assert campus_cells(view, MODE)["beneficiaries"]["value"] == 4_000_000_000
    trend = dashboard.trend_view(region, dashboard.Filters(year=N))
    assert trend.totals[-1]["value"] == 8_000_000_000


# ---------------------------------------------------------------- filters


def test_the_academy_filter_keeps_the_campuses_of_that_academy(two_years, region):
    from campuses.models import Academy

    creteil = Academy.objects.get(code="creteil")
    view = dashboard.year_view(
        region, dashboard.Filters(year=N, academy=creteil.pk, include_submitted=True)
    )

    assert [c["short_name"] for c in view.campuses] == [MODE, SANTE]
    assert cells(view, "totals")["beneficiaries"]["value"] == 1234 + 500
    # N-1 is compared on the same campuses.
    assert cells(view, "totals")["beneficiaries"]["change"].previous == 240


def test_the_sector_filter_keeps_the_campuses_of_that_family(two_years, region, campus_of):
    sante = campus_of("sante")
    view = dashboard.year_view(
        region,
        dashboard.Filters(year=N, sector=sante.sector_family_id, include_submitted=True),
    )
    assert [c["short_name"] for c in view.campuses] == [SANTE]

    creation = campus_of("mode").sector_family_id
    view = dashboard.year_view(region, dashboard.Filters(year=N, sector=creation))
    assert [c["short_name"] for c in view.campuses] == ["Campus Versailles", MODE]


def test_the_category_filter_reads_the_label_on_31_december(two_years, region, campus_of):
    LabelPeriod.objects.create(
        campus=campus_of("versailles"),
        category=LabelCategory.EXCELLENCE,
        start=date(N - 1, 9, 1),
        end=date(N + 3, 8, 31),
    )

    def listed(year, category):
        view = dashboard.year_view(region, dashboard.Filters(year=year, category=category))
        return [c["short_name"] for c in view.campuses]

    assert listed(N, "excellence") == ["Campus Versailles"]
    assert listed(N, "cmq") == []
    assert listed(N, dashboard.NO_CATEGORY) == [MODE]
    view = dashboard.year_view(region, dashboard.Filters(year=N, category="excellence"))
    assert view.campuses[0]["category"] == "Excellence"
    # The same campuses are compared with N-1 (the category of 31/12/N).
    assert cells(view, "totals")["beneficiaries"]["change"].previous == 120


# ---------------------------------------------------------------- over the years


def test_the_multi_year_view_gives_each_campus_per_year(two_years, region):
    view = dashboard.trend_view(region, dashboard.Filters(year=N))

    assert view.years == [N1, N]
    assert [t["value"] for t in view.totals] == [360, 1414]
    assert view.totals[0]["change"] is None
    assert normalised(view.totals[1]["change"].text) == "+1 054 (+292,8 %)"
    rows = {row["short_name"]: [normalised(c) for c in row["cells"]] for row in view.campuses}
    assert rows == {"Campus Versailles": ["120", "180"], MODE: ["240", "1 234"]}
    headline = {row["indicator"].key: row["cells"] for row in view.headline}
    assert [normalised(c) for c in headline["budget_expenses"]] == ["150 000,00 €", "160 000,00 €"]


def test_the_multi_year_view_follows_the_chosen_indicator(two_years, region):
    view = dashboard.trend_view(region, dashboard.Filters(year=N, indicator="mobilities"))

    assert view.indicator.key == "mobilities"
    assert [t["value"] for t in view.totals] == [12, 13]
    assert "Mobilités par année" in view.charts["years"]


# ---------------------------------------------------------------- scope


@pytest.mark.parametrize(
    ("username", "expected"),
    [
        ("rectorat-paris", ["Campus Versailles", MODE]),
        ("rectorat-versailles", ["Campus Versailles"]),
        ("rectorat-creteil", [MODE]),
    ],
)
def test_rectorate_staff_see_their_academies_campuses_only(two_years, user_of, username, expected):
    user = user_of(username)
    view = dashboard.year_view(user, dashboard.Filters(year=N))

    assert [c["short_name"] for c in view.campuses] == expected
    trend = dashboard.trend_view(user, dashboard.Filters(year=N))
    assert [row["short_name"] for row in trend.campuses] == expected


def test_rectorate_staff_filter_on_their_own_academies(user_of):
    form = dashboard.FilterForm(user=user_of("rectorat-creteil"), years=[N])
    assert [a.code for a in form.fields["academy"].queryset] == ["creteil"]
    form = dashboard.FilterForm(user=user_of("rectorat-paris"), years=[N])
    assert form.fields["academy"].queryset.count() == 3


# ---------------------------------------------------------------- bounded queries


def _queries(function):
    with CaptureQueriesContext(connection) as captured:
        function()
    return len(captured.captured_queries)


def test_the_number_of_queries_does_not_grow_with_the_campuses(region, client_of):
    """3 then 30 campuses over 3 years: the same queries, a handful of them."""
    first, last = generate(campuses=3, years=3, first_year=2070)
    filters = dashboard.Filters(year=last)
    client = client_of("region")
    url = reverse("followup:dashboard")

    def measures():
        return (
            _queries(lambda: dashboard.year_view(region, filters)),
            _queries(lambda: dashboard.trend_view(region, filters)),
            _queries(lambda: client.get(url, {"year": last})),
            _queries(lambda: client.get(url, {"year": last, "view": "trend"})),
        )

    small = measures()
    generate(campuses=27, years=3, first_year=first)
    large = measures()

    assert dashboard.year_view(region, filters).counted > 20
    assert small == large
    year_queries, trend_queries, page, trend_page = large
    assert year_queries <= 6 and trend_queries <= 3
    assert page <= 15 and trend_page <= 15


def test_the_page_stays_within_a_fixed_number_of_queries(
    two_years, client_of, django_assert_max_num_queries
):
    client = client_of("region")
    with django_assert_max_num_queries(15):
        response = client.get(reverse("followup:dashboard"), {"year": N})
    assert response.status_code == 200


# ---------------------------------------------------------------- the page


def page_text(response):
    return normalised(response.content.decode())


def test_the_page_shows_figures_tables_and_charts(two_years, client_of):
    response = client_of("region").get(reverse("followup:dashboard"), {"year": N})

    assert response.status_code == 200
    text = page_text(response)
    assert "Tableau de bord régional du suivi annuel" in text
    assert "Fiches comptées : validées uniquement." in text
    assert (
        "Soumise&nbsp;: 1 — non comptée" in text and "Validée&nbsp;: 2 — <strong>comptées" in text
    )
    assert "1 414" in text and "+1 054 (+292,8 %)" in text
    assert "160 000,00 €" in text
    assert "Campus Versailles" in text and MODE.replace("'", "&#x27;") in text
    # Charts: inline SVG with a title and a description, no script, no external resource.
    assert text.count('<svg xmlns="http://www.w3.org/2000/svg" class="chart"') == 3
    assert '<title id="chart-campuses-title">Bénéficiaires par campus en 2041</title>' in text
    desc = text.split('<desc id="chart-campuses-desc">')[1].split("</desc>")[0]
    assert desc == "Mode, métiers d&#x27;art et design : 1 234; Campus Versailles : 180"
    assert "<script" not in response.content.decode().split("</header>")[1].split("<footer")[0]
    assert "http://" not in text.replace("http://www.w3.org/2000/svg", "")
    # Exports and report, with the filters as hidden fields.
    assert reverse("followup:dashboard_export", args=["xlsx"]) in text
    assert reverse("followup:regional_report") in text
    assert f'name="year" value="{N}"' in text


def test_the_page_defaults_to_the_latest_year_with_a_validated_sheet(two_years, client_of):
    response = client_of("region").get(reverse("followup:dashboard"))
    assert response.context["filters"].year == N


def test_the_multi_year_page(two_years, client_of):
    response = client_of("rectorat-creteil").get(
        reverse("followup:dashboard"), {"year": N, "view": "trend", "indicator": "mobilities"}
    )

    assert response.status_code == 200
    text = page_text(response)
    assert "Mobilités par campus et par année" in text
    assert 'id="trend-table"' in text
    assert "Campus Versailles" not in text.split('id="trend-table"')[1]


def test_rectorate_staff_see_only_their_campuses_on_the_page(two_years, client_of):
    response = client_of("rectorat-versailles").get(reverse("followup:dashboard"), {"year": N})

    assert response.status_code == 200
    table = page_text(response).split('id="campus-table"')[1].split("</table>")[0]
    assert "Campus Versailles" in table and "Mode" not in table


def test_invalid_filters_are_reported(two_years, client_of):
    response = client_of("region").get(reverse("followup:dashboard"), {"year": "1999"})

    assert response.status_code == 200
    assert 'id="error-summary"' in response.content.decode()
    assert response.context["view"] is None


@pytest.mark.parametrize("username", ["dir-versailles", "dir-mode", "expert"])
def test_directors_and_experts_get_403(two_years, client_of, username):
    client = client_of(username)
    assert client.get(reverse("followup:dashboard")).status_code == 403
    export = reverse("followup:dashboard_export", args=["csv"])
    assert client.post(export, {"year": N}).status_code == 403
    assert client.post(reverse("followup:regional_report"), {"year": N}).status_code == 403


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get(reverse("followup:dashboard"))
    assert response.status_code == 302 and "/comptes/" in response["Location"]


def test_without_any_campaign_the_page_says_so(client_of):
    from followup.models import Campaign

    Campaign.objects.all().delete()  # the demo's, in this test's transaction
    response = client_of("region").get(reverse("followup:dashboard"))
    assert "Aucune campagne de suivi" in response.content.decode()


# ---------------------------------------------------------------- exports


def run_export(user, **params):
    job = Job(owner=user, kind="followup_indicators_export", params=params)
    steps = []
    filename, content = export_indicators(job, lambda done, total: steps.append((done, total)))
    return filename, content, steps


def csv_rows(content):
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def test_the_csv_export_has_a_row_per_campus_and_year_and_a_totals_row(two_years, region):
    filename, content, steps = run_export(region, format="csv")

    assert re.fullmatch(r"indicateurs-suivi-toutes-annees-\d{4}-\d{2}-\d{2}\.csv", filename)
    rows = csv_rows(content)
    header, body, totals = rows[0], rows[1:-1], rows[-1]
    assert header[:8] == [
        "Campus",
        "Nom complet du campus",
        "Académies",
        "Famille de secteurs",
        "Catégorie du label (au 31/12 de l'année)",
        "Année suivie",
        "État de la fiche",
        "Validée le",
    ]
    assert "Bénéficiaires" in header and "Budget réalisé (dépenses) (€)" in header
    ours = [row for row in body if row[5] in (str(N1), str(N))]
    assert [(row[0], row[5]) for row in ours] == [
        ("Campus Versailles", str(N1)),
        ("Campus Versailles", str(N)),
        (MODE, str(N1)),
        (MODE, str(N)),
    ]
    column = header.index
    versailles = ours[1]
    assert versailles[column("Bénéficiaires")] == "180"
    assert versailles[column("Élèves")] == "150"
    assert versailles[column("Budget réalisé (dépenses) (€)")] == "60000,00"
    assert versailles[column("Ressources humaines (ETP)")] == "1,00"
    assert versailles[column("État de la fiche")] == "Validée"
    assert re.fullmatch(r"\d{2}/\d{2}/\d{4}", versailles[column("Validée le")])
    assert totals[0] == "Total"
    assert totals[1] == f"{len(body)} fiche" + ("s" if len(body) > 1 else "")
    assert int(totals[column("Bénéficiaires")]) == sum(
        int(row[column("Bénéficiaires")]) for row in body
    )
    assert steps[0] == (0, len(body)) and steps[-1] == (len(body), len(body))


def test_the_export_of_one_year_follows_the_filters(two_years, region):
    from campuses.models import Academy

    creteil = Academy.objects.get(code="creteil").pk
    _filename, content, _steps = run_export(
        region, format="csv", year=N, academy=creteil, include_submitted=True
    )
    rows = csv_rows(content)
    assert [row[0] for row in rows[1:-1]] == [MODE, SANTE]
    assert rows[-1][1] == "2 fiches"


def test_the_xlsx_export_writes_numbers_as_numbers(two_years, region):
    from openpyxl import load_workbook

    _filename, content, _steps = run_export(region, format="xlsx", year=N)
    sheet = load_workbook(io.BytesIO(content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    header, body, totals = rows[0], rows[1:-1], rows[-1]
    column = header.index
    assert [row[0] for row in body] == ["Campus Versailles", MODE]
    assert body[0][column("Bénéficiaires")] == 180
    assert body[0][column("Année suivie")] == N
    assert body[0][column("Budget réalisé (dépenses) (€)")] == 60000
    assert totals[0] == "Total"
    assert totals[column("Bénéficiaires")] == 1414
    assert totals[column("Budget réalisé (dépenses) (€)")] == 160000
    money = sheet.cell(row=2, column=column("Budget réalisé (dépenses) (€)") + 1)
    assert money.number_format == '#,##0.00 "€"'


def test_the_ods_export_writes_numbers_as_numbers(two_years, region):
    from odf.opendocument import load
    from odf.table import TableCell, TableRow

    _filename, content, _steps = run_export(region, format="ods", year=N)
    document = load(io.BytesIO(content))
    rows = document.spreadsheet.getElementsByType(TableRow)
    assert len(rows) == 1 + 2 + 1

    def values(row):
        return [
            (cell.getAttribute("valuetype"), cell.getAttribute("value"), str(cell))
            for cell in row.getElementsByType(TableCell)
        ]

    header = [text for _type, _value, text in values(rows[0])]
    totals = values(rows[-1])
    assert totals[0][2] == "Total"
    assert totals[header.index("Bénéficiaires")][:2] == ("float", "1414")
    budget = totals[header.index("Budget réalisé (dépenses) (€)")]
    assert budget[:2] == ("currency", "160000.00")
    assert normalised(budget[2]) == "160 000,00 €"


def test_the_export_shows_what_its_owner_may_see(two_years, user_of):
    _filename, content, _steps = run_export(user_of("rectorat-versailles"), format="csv", year=N)
    assert [row[0] for row in csv_rows(content)[1:-1]] == ["Campus Versailles"]


@pytest.mark.parametrize("username", ["dir-versailles", "expert"])
def test_the_export_is_refused_to_directors_and_experts(two_years, user_of, username):
    with pytest.raises(job_services.JobError):
        run_export(user_of(username), format="csv")


def test_an_unusable_filter_fails_the_export_with_a_message(region):
    with pytest.raises(job_services.JobError, match="Filtre « catégorie » invalide"):
        run_export(region, format="csv", category="gold")
    with pytest.raises(job_services.JobError, match="Format d'export non pris en charge"):
        run_export(region, format="pdf")


def test_the_export_button_starts_a_job_with_the_filters(
    two_years, client_of, django_capture_on_commit_callbacks, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    client = client_of("region")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("followup:dashboard_export", args=["xlsx"]),
            {"year": N, "include_submitted": "True", "period": "all"},
        )
    job = Job.objects.filter(kind="followup_indicators_export").latest("created_at")
    assert response.status_code == 302 and response["Location"] == reverse(
        "jobs:detail", args=[job.pk]
    )
    assert job.params == {
        "format": "xlsx",
        "year": None,
        "academy": None,
        "sector": None,
        "category": "",
        "include_submitted": True,
        "category_year": N,
    }
    job.refresh_from_db()
    assert job.status == JobStatus.DONE, job.error
    assert job.file.name.endswith(".xlsx")


def test_an_export_in_an_unknown_format_is_not_found(client_of):
    response = client_of("region").post(reverse("followup:dashboard_export", args=["pdf"]))
    assert response.status_code == 404
