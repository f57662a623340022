"""Uploads scanned by ClamAV before they are stored: the EICAR test file (alone, or carried by
a PDF) refused in French with a journal entry and nothing stored, a clean PDF accepted, a
scanner that does not answer refusing uploads unless CLAMAV_REQUIRED is false.

The tests marked `clamav` talk to the daemon .ci/clamd-test.sh starts (its test signature
database detects EICAR); without it they skip, which fails the run under CI=true."""

import logging
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from audit.models import AuditAction, AuditEntry
from conventions.models import SignedScan
from core import antivirus
from core.uploads import validate_pdf_upload
from documents.models import SignatureEvent, SignedAct
from tests.conventions.helpers import signed_convention
from tests.conventions.test_portal_signing import LABEL, parties, sent_amendment

pytestmark = pytest.mark.django_db

# The EICAR test file, read from the test signature (hex) rather than written out here, so that
# no scanner on a developer's machine quarantines this module.
SIGNATURE_FILE = Path(__file__).resolve().parents[2] / ".ci" / "clamav" / "eicar-test.ndb"
EICAR = bytes.fromhex(SIGNATURE_FILE.read_text().strip().split(":")[3])
PDF_BYTES = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
DOWN = "unix:///nonexistent/cmq-clamd/clamd.sock"

needs_clamav = pytest.mark.skipif(
    not antivirus.available(), reason=f"needs the ClamAV daemon at {django_settings.CLAMAV_URL}"
)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CLAMAV_REQUIRED = True
    return settings.MEDIA_ROOT


def stored_files(media):
    return [path for path in Path(media).rglob("*") if path.is_file()]


def post_scan(client, convention, name, content):
    return client.post(
        reverse("conventions:scan_upload", args=[convention.pk]),
        {"file": SimpleUploadedFile(name, content, content_type="application/pdf")},
    )


def test_the_test_file_is_eicar():
    assert len(EICAR) == 68 and EICAR.startswith(b"X5O!P%@AP") and EICAR.endswith(b"H+H*")


@pytest.mark.parametrize("content", [EICAR, PDF_BYTES + EICAR + b"\n%%EOF\n"])
@pytest.mark.clamav
@needs_clamav
def test_an_eicar_upload_is_refused_with_a_journal_entry(
    content, media, client_of, user_of, campus_of
):
    region = user_of("region")
    convention = signed_convention(region, campus_of("ia"))
    before = AuditEntry.objects.count()

    response = post_scan(client_of("region"), convention, "original-signe.pdf", content)

    assert response.status_code == 200
    error = response.context["form"].errors["file"][0]
    assert "Ce fichier contient un virus (Eicar-Test-Signature" in error
    assert "il a été refusé et n'a pas été enregistré" in error
    assert not SignedScan.objects.filter(convention=convention).exists()
    assert stored_files(media) == []
    # Written after the view's transaction, which the refusal rolled back.
    assert AuditEntry.objects.count() == before + 1
    entry = AuditEntry.objects.get(action=AuditAction.INFECTED_UPLOAD)
    assert entry.actor == region and entry.object_id == str(region.pk)
    assert entry.changes["fichier"] == "original-signe.pdf"
    assert entry.changes["taille"] == len(content)
    assert entry.changes["signature"].startswith("Eicar-Test-Signature")
    assert entry.changes["page"] == reverse("conventions:scan_upload", args=[convention.pk])
    assert entry.changes["adresse"] == "127.0.0.1"
    journal = client_of("region").get(reverse("audit:list")).content.decode()
    assert "Fichier infecté refusé" in journal and "original-signe.pdf" in journal


@pytest.mark.clamav
@needs_clamav
def test_a_pdf_carrying_eicar_is_refused_as_a_signed_act(media, client_of, user_of, campus_of):
    amendment = sent_amendment(user_of("region"), campus_of("ia"))
    party = parties(amendment)["region"]
    generated = stored_files(media)  # the act's PDF, made when it was sent
    upload = SimpleUploadedFile("signe.pdf", PDF_BYTES + EICAR, content_type="application/pdf")

    response = client_of("region").post(
        reverse("documents:upload_signed", args=[LABEL, amendment.pk, party.key]),
        {"file": upload, "place": "Paris"},
    )

    assert response.status_code == 200
    assert "contient un virus" in response.context["form"].errors["file"][0]
    assert not SignedAct.objects.filter(act_label=LABEL, act_id=amendment.pk).exists()
    assert not SignatureEvent.objects.exists()
    assert stored_files(media) == generated
    assert AuditEntry.objects.filter(
        action=AuditAction.INFECTED_UPLOAD, actor=user_of("region"), changes__fichier="signe.pdf"
    ).exists()


@pytest.mark.clamav
@needs_clamav
def test_a_clean_pdf_is_scanned_and_stored(media, client_of, user_of, campus_of, monkeypatch):
    convention = signed_convention(user_of("region"), campus_of("ia"))
    verdicts = []
    real_scan = antivirus.scan
    monkeypatch.setattr(antivirus, "scan", lambda upload: verdicts.append(real_scan(upload)))

    response = post_scan(client_of("region"), convention, "signe.pdf", PDF_BYTES)

    assert response.status_code == 302
    assert verdicts == [None]  # the daemon's own verdict: clean
    scan = SignedScan.objects.get(convention=convention)
    assert Path(scan.file.path).read_bytes() == PDF_BYTES
    assert not AuditEntry.objects.filter(action=AuditAction.INFECTED_UPLOAD).exists()


@pytest.mark.clamav
@needs_clamav
def test_the_daemon_reads_the_whole_file_and_rewinds_it():
    upload = SimpleUploadedFile("x.pdf", PDF_BYTES + b"0" * (3 * 1024 * 1024) + EICAR)
    upload.read(10)
    assert antivirus.scan(upload).startswith("Eicar-Test-Signature")
    assert upload.tell() == 0
    assert antivirus.scan(SimpleUploadedFile("x.pdf", PDF_BYTES)) is None


def test_a_scanner_down_refuses_the_upload(media, settings, client_of, user_of, campus_of):
    settings.CLAMAV_URL = DOWN
    convention = signed_convention(user_of("region"), campus_of("ia"))

    response = post_scan(client_of("region"), convention, "signe.pdf", PDF_BYTES)

    assert response.status_code == 200
    assert (
        response.context["form"]
        .errors["file"][0]
        .startswith("Le contrôle antivirus est indisponible : le fichier n'a pas été enregistré.")
    )
    assert not SignedScan.objects.filter(convention=convention).exists()
    assert stored_files(media) == []
    assert not AuditEntry.objects.filter(action=AuditAction.INFECTED_UPLOAD).exists()


def test_a_scanner_down_refuses_every_checked_upload(settings):
    settings.CLAMAV_URL = DOWN
    settings.CLAMAV_REQUIRED = True
    with pytest.raises(ValidationError) as refused:
        validate_pdf_upload(SimpleUploadedFile("x.pdf", PDF_BYTES))
    assert "Le contrôle antivirus est indisponible" in refused.value.message_dict["file"][0]


def test_a_scanner_down_lets_uploads_through_when_not_required(
    media, settings, client_of, user_of, campus_of, caplog
):
    settings.CLAMAV_URL = DOWN
    settings.CLAMAV_REQUIRED = False
    convention = signed_convention(user_of("region"), campus_of("ia"))

    with caplog.at_level(logging.WARNING, logger="core.antivirus"):
        response = post_scan(client_of("region"), convention, "signe.pdf", PDF_BYTES)

    assert response.status_code == 302
    assert SignedScan.objects.filter(convention=convention).exists()
    assert "WITHOUT antivirus scan" in caplog.text and DOWN in caplog.text


def test_the_start_up_check_warns_only_when_uploads_would_go_unscanned(settings):
    settings.CLAMAV_URL = DOWN
    settings.CLAMAV_REQUIRED = False
    [warning] = antivirus.check_scanner(None)
    assert warning.id == "core.W001" and "SANS contrôle antivirus" in warning.msg
    settings.CLAMAV_REQUIRED = True
    assert antivirus.check_scanner(None) == []


def test_the_scanner_is_reached_by_unix_socket_or_tcp(settings):
    settings.CLAMAV_URL = "unix:///run/clamav/clamd.ctl"
    assert antivirus.client().unix_socket == "/run/clamav/clamd.ctl"
    settings.CLAMAV_URL = "tcp://clamav:3310"
    tcp = antivirus.client()
    assert (tcp.host, tcp.port, tcp.timeout) == ("clamav", 3310, settings.CLAMAV_TIMEOUT)
    settings.CLAMAV_URL = "tcp://"
    with pytest.raises(ImproperlyConfigured):
        antivirus.client()
