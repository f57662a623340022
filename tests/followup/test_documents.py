"""PDFs of the follow-up: a sheet's PDF (the nine sections with their tables in French formats,
the status, the validation date and the rectorate's opinion, rows taken from last year's sheet
marked, no reviewers' comments); one row per content (asking again is a no-op, a change gives
a new version, a stale request fails cleanly); who may ask and download; the regional report
job (overview, one page per sheet, progress per sheet, scope)."""

import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from core.errors import PermissionDeniedError
from documents import services as document_services
from documents.models import DocumentStatus
from followup import documents, services
from followup.models import Opinion, SheetDocument
from jobs import services as job_services
from jobs.models import Job, JobStatus
from tests.followup import helpers
from tests.followup import test_dashboard as dashboard_tests
from tests.followup.test_dashboard import MODE, N1, SANTE, N, build_sheet, sheet_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def region(user_of):
    return user_of("region")


@pytest.fixture
def two_years(region, user_of, campus_of):
    return dashboard_tests.build_two_years(region, user_of, campus_of)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def normalised(text):
    """Spaces normalised: no-break spaces, line breaks (also after hyphens)."""
    text = text.replace("\u202f", " ").replace("\xa0", " ")
    text = re.sub(r"-\s*\n\s*", "-", text)
    return re.sub(r"\s+", " ", text)


def pdf_reader(content):
    return PdfReader(io.BytesIO(content))


def stored_pdf(document):
    with document.file.open("rb") as stored:
        return stored.read()


def pdf_text(content):
    return normalised("\n".join(page.extract_text() for page in pdf_reader(content).pages))


def request(actor, sheet, django_capture_on_commit_callbacks):
    """Ask for the sheet's PDF; the queued (eager) task runs when the transaction commits."""
    with django_capture_on_commit_callbacks(execute=True):
        document = documents.request_document(actor, sheet)
    document.refresh_from_db()
    return document


def today():
    return f"{timezone.localdate():%d/%m/%Y}"


@pytest.fixture
def validated(region, user_of, campus_of):
    """Versailles's sheet of 2041, pre-filled from its validated sheet of 2040 (stakeholders,
    formations and partners kept as pre-filled), then submitted, given the rectorate's opinion
    and validated; with a comment and an internal note of reviewers."""
    first = helpers.open_campaign(region, N1)
    build_sheet(region, user_of, campus_of, first, "versailles", partners=2)
    second = helpers.open_campaign(region, N)
    sheet = second.sheets.get(campus=campus_of("versailles"))
    director = user_of("dir-versailles")
    data = sheet_data(N, pupils=1234, apprentices=30, budget=50000, places=12, mobilities=7)
    kept = {s.number: s.data for s in sheet.sections.all()}
    data[2] = {**kept[2], "beneficiaries": data[2]["beneficiaries"]}
    data[8] = {**kept[8], "mobilities": "7"}
    for number, section in data.items():
        services.save_section(director, sheet, number, section)
    services.submit(director, sheet)
    services.add_comment(region, sheet, section=3, text="Commentaire visible du campus")
    services.add_comment(region, sheet, section=0, text="Note interne secrète", internal=True)
    services.give_opinion(
        user_of("rectorat-versailles"),
        sheet,
        opinion=Opinion.FAVOURABLE,
        text="Campus dynamique ; partenariats solides.",
    )
    services.validate_sheet(region, sheet)
    sheet.refresh_from_db()
    return sheet


@pytest.fixture
def draft(region, user_of, campus_of):
    campaign = helpers.open_campaign(region, N)
    sheet = campaign.sheets.get(campus=campus_of("mode"))
    services.save_section(user_of("dir-mode"), sheet, 3, sheet_data(N)[3])
    sheet.refresh_from_db()
    return sheet


# ---------------------------------------------------------------- the sheet's PDF


SECTION_TITLES = [
    "1. Diagnostic socio-économique et enjeux",
    "2. Périmètre : acteurs, formations, bénéficiaires",
    "3. Objectifs stratégiques : bilan des actions",
    "4. Pilotage opérationnel",
    "5. Moyens financiers et humains",
    "6. Identité et communication",
    "7. Parcours innovants de formation",
    "8. International",
    "9. Démarche qualité",
]


def test_the_pdf_of_a_validated_sheet_lays_out_the_nine_sections(
    validated, user_of, django_capture_on_commit_callbacks
):
    document = request(user_of("dir-versailles"), validated, django_capture_on_commit_callbacks)

    assert document.status == DocumentStatus.READY, document.error
    assert document.file.name.endswith(f"fiche-suivi-{N}-campus-versailles.pdf")
    text = pdf_text(stored_pdf(document))
    assert f"Fiche de suivi annuel {N}" in text
    assert "Campus Versailles" in text
    assert "Fiche-type « données de suivi » (annexe 1 de la délibération CP 2023-263)" in text
    positions = [text.index(title) for title in SECTION_TITLES]
    assert positions == sorted(positions)
    # The status, the dates, the opinion; no "working document" banner.
    assert "État de la fiche : Validée" in text
    assert f"Soumise le : {today()}" in text
    assert f"Validée le : {today()}" in text
    assert f"Date limite de la campagne : 31/03/{N + 1}" in text
    assert "Avis du rectorat : Favorable" in text
    assert "Campus dynamique ; partenariats solides." in text
    assert "Document de travail" not in text
    assert "Cette fiche ne contient aucune donnée personnelle" in text
    # French formats: counts, amounts, dates.
    assert "Élèves 1 234" in text and "Apprentis 30" in text
    assert "Total 1 264" in text
    assert "Nombre total de bénéficiaires : 1 264" in text
    assert "Région 50 000,00 €" in text and "Total 50 000,00 €" in text
    assert "Forum des métiers 12 000,00 € 400" in text
    assert f"Étude de branche OPCO 01/05/{N} https://example.org/etude" in text
    assert f"Comité de pilotage (COPIL) 15/06/{N} 12" in text
    assert "Directeur opérationnel 1,00 Rectorat" in text
    assert "Mention complémentaire Créée 12" in text
    assert "Plaquette à la charte campus à jour : Oui" in text
    assert "Bénéficiaires ou acteurs ayant réalisé une mobilité : 7" in text
    assert "Nombre de partenaires internationaux : 2" in text
    # Rows taken from last year's validated sheet are marked.
    assert f"Lignes marquées « * » : reprises de la fiche validée de {N1}" in text
    assert "Lycée Jules Ferry * Lycée, établissement scolaire" in text
    assert "Partenaire 1 * Italie" in text
    # Quality: exactly the three strengths and axes.
    assert "Trois points forts de l'année : Partenariats Visibilité Pilotage" in text
    assert "pour l'année à venir : International Mixité Suivi des indicateurs" in text
    # The campus's sheet: no reviewers' comments, no internal notes.
    assert "Commentaire visible" not in text and "Note interne" not in text
    pages = pdf_reader(stored_pdf(document)).pages
    assert f"page 1 / {len(pages)}" in text


def test_the_pdf_of_a_draft_says_it_is_a_working_document(
    draft, user_of, django_capture_on_commit_callbacks
):
    document = request(user_of("dir-mode"), draft, django_capture_on_commit_callbacks)

    text = pdf_text(stored_pdf(document))
    assert "DOCUMENT DE TRAVAIL – FICHE BROUILLON, NON VALIDÉE" in text
    assert "1. Diagnostic socio-économique et enjeux (rubrique incomplète)" in text
    assert "3. Objectifs stratégiques : bilan des actions (rubrique incomplète)" not in text
    assert "Validée le" not in text
    assert "Aucune ligne." in text


def test_the_pdf_is_french_whoever_asks(validated, user_of, django_capture_on_commit_callbacks):
    from django.utils import translation

    with translation.override("en"):
        document = request(user_of("region"), validated, django_capture_on_commit_callbacks)
    text = pdf_text(stored_pdf(document))
    assert "État de la fiche : Validée" in text and "Démarche qualité" in text


# ---------------------------------------------------------------- one row per content


def test_asking_again_for_the_same_content_is_a_no_op(
    validated, user_of, django_capture_on_commit_callbacks
):
    first = request(user_of("region"), validated, django_capture_on_commit_callbacks)
    content = stored_pdf(first)
    again = request(user_of("dir-versailles"), validated, django_capture_on_commit_callbacks)

    assert again.pk == first.pk and again.status == DocumentStatus.READY
    assert SheetDocument.objects.filter(sheet=validated).count() == 1
    # Running the task again leaves the ready document alone.
    assert documents.generate(first.pk) == DocumentStatus.READY
    first.refresh_from_db()
    assert first.attempts == 1 and stored_pdf(first) == content
    assert first.source_key == documents.source_key(validated)


def test_a_change_that_shows_gives_a_new_version(
    draft, user_of, django_capture_on_commit_callbacks
):
    director = user_of("dir-mode")
    first = request(director, draft, django_capture_on_commit_callbacks)
    services.save_section(director, draft, 8, {"mobilities": "3"})
    second = request(director, draft, django_capture_on_commit_callbacks)

    assert second.pk != first.pk and second.status == DocumentStatus.READY
    assert "ayant réalisé une mobilité : 3" in pdf_text(stored_pdf(second))
    assert SheetDocument.objects.filter(sheet=draft).count() == 2


def test_the_pdf_shows_the_sheet_as_asked_for_even_if_it_changes_before_rendering(draft, user_of):
    director = user_of("dir-mode")
    document = documents.request_document(director, draft, queue=False)
    services.save_section(director, draft, 8, {"mobilities": "3"})

    assert documents.generate(document.pk) == DocumentStatus.READY
    document.refresh_from_db()
    assert "ayant réalisé une mobilité : 3" not in pdf_text(stored_pdf(document))
    assert document.source_key != documents.source_key(draft)  # the next request: a new PDF


def test_an_older_row_without_its_html_fails_with_a_message_if_the_sheet_changed(draft, user_of):
    director = user_of("dir-mode")
    document = documents.request_document(director, draft, queue=False)
    SheetDocument.objects.filter(pk=document.pk).update(source_html="", source_data="")
    services.save_section(director, draft, 8, {"mobilities": "3"})

    assert documents.generate(document.pk) == DocumentStatus.FAILED
    document.refresh_from_db()
    assert "modifiée depuis la demande" in document.error
    assert not document.file


def test_a_failed_document_is_queued_again_when_asked(
    draft, user_of, django_capture_on_commit_callbacks
):
    director = user_of("dir-mode")
    document = documents.request_document(director, draft, queue=False)
    document_services.mark_failed(document, "panne")

    again = request(director, draft, django_capture_on_commit_callbacks)
    assert again.pk == document.pk
    assert again.status == DocumentStatus.READY and again.error == ""


def test_a_missing_document_is_not_an_error():
    assert documents.generate(10**12) is None


# ---------------------------------------------------------------- who may ask


@pytest.mark.parametrize("username", ["dir-versailles", "region", "rectorat-versailles"])
def test_whoever_sees_the_sheet_may_ask_for_its_pdf(validated, user_of, username):
    document = documents.request_document(user_of(username), validated, queue=False)
    assert document.status == DocumentStatus.PENDING


@pytest.mark.parametrize("username", ["dir-mode", "rectorat-creteil", "expert"])
def test_others_may_not(validated, user_of, username):
    with pytest.raises(PermissionDeniedError):
        documents.request_document(user_of(username), validated, queue=False)
    assert not SheetDocument.objects.filter(sheet=validated).exists()


def test_the_director_asks_and_downloads_through_the_pages(
    validated, client_of, django_capture_on_commit_callbacks
):
    client = client_of("dir-versailles")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("followup:sheet_pdf_request", args=[validated.pk]))
    document = SheetDocument.objects.get(sheet=validated)
    download = reverse("followup:sheet_pdf_download", args=[document.pk])
    assert response.status_code == 302 and response["Location"] == download

    response = client.get(download)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f'filename="fiche-suivi-{N}-campus-versailles.pdf"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_the_download_waits_for_a_pending_pdf_and_offers_a_retry_after_a_failure(
    validated, user_of, client_of
):
    document = documents.request_document(user_of("region"), validated, queue=False)
    client = client_of("rectorat-versailles")
    url = reverse("followup:sheet_pdf_download", args=[document.pk])

    page = client.get(url).content.decode()
    assert 'http-equiv="refresh"' in page and "en cours de préparation" in page

    document_services.mark_failed(document, "Polices introuvables.")
    page = client.get(url).content.decode()
    assert "Polices introuvables." in page and 'http-equiv="refresh"' not in page
    assert reverse("followup:sheet_pdf_request", args=[validated.pk]) in page


@pytest.mark.parametrize(("username", "status"), [("dir-mode", 404), ("rectorat-creteil", 404)])
def test_a_sheet_out_of_scope_is_not_found(validated, user_of, client_of, username, status):
    document = documents.request_document(user_of("region"), validated, queue=False)
    client = client_of(username)
    request_url = reverse("followup:sheet_pdf_request", args=[validated.pk])
    assert client.post(request_url).status_code == status
    download = reverse("followup:sheet_pdf_download", args=[document.pk])
    assert client.get(download).status_code == status


def test_experts_get_403(validated, user_of, client_of):
    document = documents.request_document(user_of("region"), validated, queue=False)
    client = client_of("expert")
    assert (
        client.post(reverse("followup:sheet_pdf_request", args=[validated.pk])).status_code == 403
    )
    download = reverse("followup:sheet_pdf_download", args=[document.pk])
    assert client.get(download).status_code == 403


# ---------------------------------------------------------------- the regional report


def run_report(user, **params):
    """The report as the workers make it (overview, parallel parts, merge), in this process."""
    job = Job(owner=user, kind="followup_regional_report", params=params)
    steps = []
    filename, content = job_services.run_in_process(
        job, lambda done, total: steps.append((done, total))
    )
    return filename, content, steps


def outline_titles(reader):
    def walk(items):
        for item in items:
            if isinstance(item, list):
                yield from walk(item)
            else:
                yield item.title

    return list(walk(reader.outline))


def test_the_regional_report_has_an_overview_then_a_page_per_sheet(two_years, region):
    filename, content, steps = run_report(region, year=N)

    assert filename == f"rapport-regional-suivi-{N}.pdf"
    reader = pdf_reader(content)
    pages = [normalised(page.extract_text()) for page in reader.pages]
    overview, summaries = pages[:-2], pages[-2:]
    text = " ".join(overview)
    assert f"Rapport régional du suivi annuel {N}" in text
    assert "Fiches comptées : validées uniquement." in text
    assert f"2 fiches comptées en {N}, 2 en {N1}." in text
    assert re.search(r"Non comptées : non commencée \d+, brouillon 1, soumise 1\.", text)
    assert f"Évolutions depuis {N1} mesurées à périmètre constant (2 campus" in text
    assert "Bénéficiaires 1 414 ▲ +1 054 (+292,8 %)" in text
    assert "Budget réalisé (dépenses) 160 000,00 €" in text
    assert "Élèves 1 150 300 ▲ +850 (+283,3 %)" in text
    assert f"Bénéficiaires par campus en {N}" in text
    # The SVG charts are drawn, their values written on them.
    assert "1 234" in text and "Mode, métiers d'art et design" in text
    assert "Campus Versailles 180 1 15 3 3 5 60 000,00 €" in text
    assert "Total 1 414 1 15 7 5 13 160 000,00 €" in text
    # One page per sheet, in the table's order, numbered after the overview.
    assert summaries[0].startswith("Campus Versailles") and summaries[1].startswith(MODE)
    assert "Bénéficiaires 180 120 ▲ +60 (+50,0 %)" in summaries[0]
    assert "Orientation, attractivité des métiers 1 12 000,00 €" in summaries[0]
    assert "Trois points forts de l'année Partenariats Visibilité Pilotage" in summaries[0]
    assert "Trois axes d'amélioration International Mixité Suivi des indicateurs" in summaries[0]
    assert f"page {len(pages) - 1}" in summaries[0] and f"page {len(pages)}" in summaries[1]
    assert SANTE not in " ".join(summaries)
    assert "Campus Versailles" in outline_titles(reader)
    # Progress: the overview, then one step per sheet.
    assert steps == [(0, 3), (1, 3), (2, 3), (3, 3)]


def test_the_report_counts_submitted_sheets_when_asked(two_years, region):
    _filename, content, steps = run_report(region, year=N, include_submitted=True)

    reader = pdf_reader(content)
    assert normalised(reader.pages[-1].extract_text()).startswith(SANTE)
    assert "État de la fiche : Soumise" in normalised(reader.pages[-1].extract_text())
    assert steps[-1] == (4, 4)


def test_the_report_shows_what_its_owner_may_see(two_years, user_of):
    _filename, content, steps = run_report(user_of("rectorat-creteil"), year=N)

    text = pdf_text(content)
    assert "Périmètre : campus des académies : Créteil" in text
    assert "Campus Versailles" not in text
    assert steps[-1] == (2, 2)


def test_the_report_defaults_to_the_latest_year_with_validated_sheets(two_years, region):
    filename, _content, _steps = run_report(region)
    assert filename == f"rapport-regional-suivi-{N}.pdf"


@pytest.mark.parametrize("username", ["dir-versailles", "expert"])
def test_the_report_is_refused_to_directors_and_experts(user_of, username):
    with pytest.raises(job_services.JobError):
        run_report(user_of(username), year=N)


def test_an_empty_report_is_refused_with_a_message(region):
    helpers.open_campaign(region, N)
    with pytest.raises(job_services.JobError, match="le rapport serait vide"):
        run_report(region, year=N)


def test_the_report_button_runs_the_job_with_its_progress(
    two_years, client_of, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_of("region").post(
            reverse("followup:regional_report"), {"year": N, "indicator": "mobilities"}
        )
    job = Job.objects.filter(kind="followup_regional_report").latest("created_at")
    assert job.params["indicator"] == "mobilities"
    assert response.status_code == 302
    assert response["Location"] == reverse("jobs:detail", args=[job.pk])
    job.refresh_from_db()
    assert job.status == JobStatus.DONE, job.error
    assert (job.progress, job.total) == (3, 3)
    assert job.file.name.endswith(f"rapport-regional-suivi-{N}.pdf")
    with job.file.open("rb") as stored:
        assert f"Mobilités par campus en {N}" in pdf_text(stored.read())


def test_a_report_in_several_parts_numbers_its_pages_in_sequence(two_years, region, monkeypatch):
    """One summary per part (as a campaign of many campuses splits): the pages still follow
    each other, and a part after a longer summary is numbered again by the merge."""
    from followup.documents import report

    _filename, whole, _steps = run_report(region, year=N, include_submitted=True)
    monkeypatch.setattr(report, "SUMMARIES_PER_PART", 1)
    _filename, split, steps = run_report(region, year=N, include_submitted=True)

    def footers(content):
        return [
            re.findall(r"page \d+", normalised(p.extract_text()))[-1:]
            for p in pdf_reader(content).pages
        ]

    assert footers(split) == footers(whole)
    assert steps[-1] == (4, 4)

    # As if the first summary had run onto two pages: the parts after it are renumbered.
    job = Job(owner=region, kind="followup_regional_report", params={"year": N})
    parts = report.build_regional_report(job, lambda done, total: None)
    contents = [
        report.render_summaries(job, index, parts.state, lambda steps=1: None)
        for index in range(parts.count)
    ]
    doubled = pdf_reader(contents[0])
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.append(doubled)
    writer.append(doubled)
    longer = io.BytesIO()
    writer.write(longer)
    contents[0] = longer.getvalue()
    _filename, merged = report.merge_report(job, parts.head, contents, parts.state)
    last_page = pdf_reader(merged).pages[-1]
    total = len(pdf_reader(merged).pages)
    assert f"page {total}" in normalised(last_page.extract_text())
