"""Stored files only through the views that check scope, uploads named by the server, no 500 on
a NUL character or a day near the year 9999, and a WeasyPrint fetcher limited to our static
files (issue 12, point 4)."""

import importlib
import re
import urllib.request
import warnings

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.urls import Resolver404, clear_url_caches, resolve, reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from conventions.models import FrameworkConvention, GeneratedDocument
from core.uploads import validate_pdf_upload
from documents.models import DocumentStatus
from documents.services import render_pdf, url_fetcher
from followup import sections, services
from followup.models import FollowUpSheet
from tests.followup.helpers import open_campaign

pytestmark = pytest.mark.django_db

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def stored_names():
    """The name of every stored file in the database, whatever its model."""
    names = []
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.FileField):
                rows = model._default_manager.exclude(**{field.name: ""})
                names += list(rows.values_list(field.name, flat=True))
    return names


def api_of(user):
    token, _created = Token.objects.get_or_create(user=user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def ready_documents(user_of, campus_of, django_capture_on_commit_callbacks):
    """The ready PDFs of the IA campus's convention (generated if the demo has none)."""
    from conventions.documents import request_document

    convention = FrameworkConvention.objects.filter(campus=campus_of("ia")).first()
    documents = GeneratedDocument.objects.filter(convention=convention, status="ready")
    if not documents.exists():
        with django_capture_on_commit_callbacks(execute=True):
            request_document(user_of("region"), kind="convention", convention=convention)
    documents = list(documents.exclude(file=""))
    assert documents
    return documents


@pytest.fixture
def sheet(user_of, campus_of):
    campaign = open_campaign(user_of("region"))
    return FollowUpSheet.objects.get(campaign=campaign, campus=campus_of("versailles"))


def attachment_section():
    return next(section.number for section in sections.SECTIONS if section.attachments)


# ====================================================================== no /media/ serving


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def debug_urls(settings):
    """The URLs as `make run` builds them (DEBUG on), put back as the tests build them after."""
    import cmq_portal.urls

    settings.DEBUG = True
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the id converter registered a second time
        importlib.reload(cmq_portal.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        importlib.reload(cmq_portal.urls)
    clear_url_caches()


def test_no_url_serves_the_media_folder_even_with_debug(debug_urls):
    with pytest.raises(Resolver404):
        resolve(f"{settings.MEDIA_URL}conventions/documents/2026/convention.pdf")


@pytest.mark.parametrize("username", ["expert", "dir-icm", "region", "admin"])
def test_every_stored_file_is_404_at_its_media_path(
    username, client_of, ready_documents, debug_urls
):
    names = stored_names()
    assert names
    client = client_of(username)
    for name in names:
        assert client.get(f"{settings.MEDIA_URL}{name}").status_code == 404, name


@pytest.mark.parametrize(("username", "expected"), [("expert", 403), ("dir-icm", 404)])
def test_document_download_refused_outside_scope(username, expected, client_of, ready_documents):
    client = client_of(username)
    for document in ready_documents:
        url = reverse("conventions:document_download", args=[document.pk])
        assert client.get(url).status_code == expected


def test_document_download_in_scope_is_an_attachment_never_sniffed(client_of, ready_documents):
    url = reverse("conventions:document_download", args=[ready_documents[0].pk])
    response = client_of("dir-ia").get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


# ====================================================================== server-named uploads


def test_pdf_named_html_is_stored_under_a_server_name_with_the_pdf_extension(
    user_of, sheet, client_of
):
    upload = SimpleUploadedFile("x.html", PDF_BYTES, content_type="text/html")
    attachment = services.add_attachment(
        user_of("dir-versailles"), sheet, attachment_section(), upload
    )
    stored = attachment.file.name.rsplit("/", 1)[-1]
    assert re.fullmatch(r"[0-9a-f]{32}\.pdf", stored), stored
    assert "x.html" not in attachment.file.name
    assert attachment.name == "x.html"  # shown as sent, never used on disk

    url = reverse("followup:attachment_download", args=[attachment.pk])
    response = client_of("dir-versailles").get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert ".html" not in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert client_of("dir-mode").get(url).status_code in (403, 404)
    assert client_of("expert").get(url).status_code in (403, 404)
    assert (
        client_of("dir-mode").get(f"{settings.MEDIA_URL}{attachment.file.name}").status_code == 404
    )


def test_html_upload_is_refused_whatever_its_name():
    upload = SimpleUploadedFile(
        "x.pdf", b"<script>alert(1)</script>", content_type="application/pdf"
    )
    with pytest.raises(Exception) as error:
        validate_pdf_upload(upload)
    assert "PDF" in str(error.value)


def test_two_uploads_of_the_same_name_get_different_names():
    first = SimpleUploadedFile("scan.pdf", PDF_BYTES)
    second = SimpleUploadedFile("scan.pdf", PDF_BYTES)
    validate_pdf_upload(first), validate_pdf_upload(second)
    assert first.name != second.name
    assert first.original_name == second.original_name == "scan.pdf"


# ====================================================================== NUL characters


NUL_MESSAGE = "caractère nul"


def test_nul_in_followup_section_data_through_the_api_is_400(user_of, sheet):
    client = api_of(user_of("dir-versailles"))
    url = f"/api/v1/followups/{sheet.pk}/sections/8/"
    for data in ({"mobilities": "4\x00"}, {"mobil\x00ities": "4"}, {"list": [{"x": ["a\x00"]}]}):
        response = client.put(url, {"data": data, "version": 1}, format="json")
        assert response.status_code == 400
        assert NUL_MESSAGE in response.json()["detail"]
    assert not sheet.sections.filter(number=8, data__has_key="mobilities").exists()


def test_nul_in_a_page_form_is_an_error_next_to_the_field(client_of):
    """Pages keep Django's own check: the form comes back with the French message on the
    field (never a 500), as tests/followup/test_views.py asks of every follow-up form."""
    response = client_of("region").post(reverse("campuses:create"), {"name": "Campus\x00"})
    assert response.status_code == 200
    assert "caractère nul" in " ".join(response.context["form"].errors["name"])


def test_nul_in_a_form_posted_to_the_api_is_400(user_of, campus_of):
    convention = FrameworkConvention.objects.filter(campus=campus_of("ia")).first()
    client = api_of(user_of("region"))
    response = client.post(f"/api/v1/conventions/{convention.pk}/pdf/", {"kind": "x\x00"})
    assert response.status_code == 400


# ====================================================================== days near the year 9999


FAR_DAYS = ["9999-12-31", "31/12/9999", "9998-06-30", "0001-01-01"]


@pytest.fixture
def convention(campus_of):
    return FrameworkConvention.objects.filter(campus=campus_of("ia")).first()


@pytest.mark.parametrize("day", FAR_DAYS)
def test_consolidated_page_far_day_is_said_in_french(day, client_of, convention):
    response = client_of("dir-ia").get(
        reverse("conventions:consolidated", args=[convention.pk]), {"date": day}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Date invalide" in page
    if day != "31/12/9999":  # an ISO date Django reads, then the range is said
        assert "Choisissez une date entre le 01/01/1900 et le 31/12/2199" in page


@pytest.mark.parametrize("day", FAR_DAYS)
def test_comparison_page_far_day_is_said_in_french(day, client_of, convention):
    url = reverse("conventions:compare", args=[convention.pk])
    for params in ({"from": "2024-01-01", "to": day}, {"from": day, "to": "2024-01-01"}):
        response = client_of("dir-ia").get(url, params)
        assert response.status_code == 200
        assert "Date invalide" in response.content.decode()


@pytest.mark.parametrize("day", ["9999-12-31", "9998-06-30", "0001-01-01"])
def test_consolidated_api_far_day_is_400_in_french(day, user_of, convention):
    client = api_of(user_of("dir-ia"))
    response = client.get(f"/api/v1/conventions/{convention.pk}/consolidated/", {"as_of": day})
    assert response.status_code == 400
    assert "Choisissez une date entre" in response.json()["as_of"][0]
    pdf = client.post(
        f"/api/v1/conventions/{convention.pk}/pdf/",
        {"kind": "consolidated", "as_of": day},
        format="json",
    )
    assert pdf.status_code == 400
    assert "Choisissez une date entre" in pdf.json()["as_of"][0]


def test_the_last_day_allowed_still_answers(client_of, user_of, convention):
    page = client_of("dir-ia").get(
        reverse("conventions:consolidated", args=[convention.pk]), {"date": "2199-12-31"}
    )
    assert page.status_code == 200
    assert "Date invalide" not in page.content.decode()
    compare = client_of("dir-ia").get(
        reverse("conventions:compare", args=[convention.pk]),
        {"from": "1900-01-01", "to": "2199-12-31"},
    )
    assert compare.status_code == 200
    api = api_of(user_of("dir-ia")).get(
        f"/api/v1/conventions/{convention.pk}/consolidated/", {"as_of": "2199-12-31"}
    )
    assert api.status_code == 200


def test_far_day_pages_still_refused_outside_scope(client_of, convention):
    url = reverse("conventions:consolidated", args=[convention.pk])
    assert client_of("dir-icm").get(url, {"date": "9999-12-31"}).status_code == 404


# ====================================================================== WeasyPrint fetcher


@pytest.fixture
def opened(monkeypatch):
    """Every URL urllib is asked to open while rendering (none should be)."""
    calls = []
    original = urllib.request.OpenerDirector.open

    def spy(self, url, *args, **kwargs):
        calls.append(getattr(url, "full_url", url))
        return original(self, url, *args, **kwargs)

    monkeypatch.setattr(urllib.request.OpenerDirector, "open", spy)
    return calls


def test_pdf_renders_without_fetching_local_files_or_other_servers(opened):
    html = (
        "<p>Fiche</p>"
        '<img src="file:///etc/passwd">'
        '<img src="http://127.0.0.1:9/pixel.png">'
        '<img src="https://example.org/pixel.png">'
        '<link rel="stylesheet" href="file:///etc/hostname">'
        '<object data="ftp://example.org/x"></object>'
    )
    pdf = render_pdf(html)
    assert pdf.startswith(b"%PDF")
    assert opened == []
    assert b"root:" not in pdf


def test_default_fetcher_would_have_opened_them(opened):
    """The spy sees what WeasyPrint's own fetcher opens: the test above can fail."""
    from weasyprint import HTML

    HTML(string='<img src="file:///etc/passwd">').write_pdf()
    assert opened == ["file:///etc/passwd"]


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:9/x.png",
        "https://example.org/x.css",
        f"{settings.SITE_URL}/media/conventions/x.pdf",
        f"{settings.SITE_URL}{settings.STATIC_URL}../../etc/passwd",
        f"{settings.SITE_URL}{settings.STATIC_URL}%2e%2e/%2e%2e/etc/passwd",
        f"{settings.SITE_URL}{settings.STATIC_URL}css/missing.css",
        "FILE:///etc/passwd",
    ],
)
def test_fetcher_refuses_everything_but_static_files_and_data(url):
    with pytest.raises(ValueError):
        url_fetcher().fetch(url)


def test_fetcher_serves_our_static_files_and_data_uris():
    fetcher = url_fetcher()
    css = fetcher.fetch(f"{settings.SITE_URL}{settings.STATIC_URL}css/portal.css")
    expected = (settings.BASE_DIR / "static" / "css" / "portal.css").read_bytes()
    assert css.read() == expected
    assert css.content_type == "text/css"
    data = fetcher.fetch("data:text/plain;base64,Q01R")
    assert data.read() == b"CMQ"


def test_generated_documents_are_still_ready(ready_documents):
    assert all(d.status == DocumentStatus.READY for d in ready_documents)
