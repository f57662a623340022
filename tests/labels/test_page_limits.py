"""The dossier is a PDF of 20 pages at most, and with its annexes 80 pages at most in all
(the 2019 specification); pages are counted in real PDF files, never taken from a name. A
file that is no PDF, or a PDF that cannot be read, is refused in French; nothing of a refused
upload is kept."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from labels import services
from labels.models import ApplicationAnnex, LabelApplication
from tests.labels import helpers as h

pytestmark = pytest.mark.django_db

NOT_PDF = "Seuls les fichiers PDF sont acceptés."
UNREADABLE = "Ce PDF est illisible : enregistrez-le à nouveau."


@pytest.fixture
def application(region):
    return h.draft(region, h.fresh_campus())


def file_errors(error):
    return error.value.message_dict["file"]


def fresh(application):
    return LabelApplication.objects.get(pk=application.pk)


def fake(content, name="dossier.pdf"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


# ------------------------------------------------------------------------------- dossier


def test_a_dossier_of_20_pages_is_accepted(region, application):
    services.upload_dossier(region, application, h.pdf_upload(20))

    saved = fresh(application)
    assert saved.dossier_pages == 20
    assert saved.dossier.name.endswith(".pdf")
    assert saved.dossier.read(5) == b"%PDF-"


def test_a_dossier_of_21_pages_is_refused(region, application):
    with pytest.raises(ValidationError) as error:
        services.upload_dossier(region, application, h.pdf_upload(21))

    assert file_errors(error) == [
        "Le dossier compte 21 pages : le cahier des charges en admet 20 au plus (les "
        "compléments vont en annexe)."
    ]
    saved = fresh(application)
    assert saved.dossier_pages == 0
    assert not saved.dossier


def test_a_refused_dossier_leaves_the_previous_one(region, application):
    services.upload_dossier(region, application, h.pdf_upload(12))
    before = fresh(application)

    with pytest.raises(ValidationError):
        services.upload_dossier(region, application, h.pdf_upload(21))

    after = fresh(application)
    assert (after.dossier.name, after.dossier_pages, after.version) == (
        before.dossier.name,
        12,
        before.version,
    )


def test_the_page_count_is_read_from_the_file_not_its_name(region, application):
    services.upload_dossier(region, application, h.pdf_upload(3, name="dossier-20-pages.pdf"))

    assert fresh(application).dossier_pages == 3


# ------------------------------------------------------------------------------- annexes


def test_annexes_up_to_80_pages_in_all_are_accepted(region, application):
    services.upload_dossier(region, application, h.pdf_upload(20))
    first = services.add_annex(region, application, title="Conventions", upload=h.pdf_upload(30))
    second = services.add_annex(region, application, title="Bilans", upload=h.pdf_upload(30))

    assert (first.number, first.pages) == (1, 30)
    assert (second.number, second.pages) == (2, 30)
    assert services.admissibility_problems(fresh(application)).get("annexes") is None


def test_an_annex_bringing_the_total_to_81_pages_is_refused(region, application):
    services.upload_dossier(region, application, h.pdf_upload(20))
    services.add_annex(region, application, title="Conventions", upload=h.pdf_upload(60))

    with pytest.raises(ValidationError) as error:
        services.add_annex(region, application, title="Une de trop", upload=h.pdf_upload(1))

    assert file_errors(error) == [
        "Le dossier et ses annexes dépasseraient 80 pages en tout (81 pages) : le cahier des "
        "charges n'en admet pas plus."
    ]
    assert list(
        ApplicationAnnex.objects.filter(application=application).values_list("title", flat=True)
    ) == ["Conventions"]


def test_a_dossier_bringing_the_total_over_80_pages_is_refused(region, application):
    services.upload_dossier(region, application, h.pdf_upload(10))
    services.add_annex(region, application, title="Conventions", upload=h.pdf_upload(70))

    with pytest.raises(ValidationError) as error:
        services.upload_dossier(region, application, h.pdf_upload(11))

    assert "81 pages" in file_errors(error)[0]
    assert fresh(application).dossier_pages == 10


def test_an_annex_needs_a_title(region, application):
    with pytest.raises(ValidationError) as error:
        services.add_annex(region, application, title="  ", upload=h.pdf_upload(1))

    assert set(error.value.message_dict) == {"title"}
    assert not ApplicationAnnex.objects.filter(application=application).exists()


# ------------------------------------------------------------------- what is no PDF


NOT_PDFS = {
    "text renamed .pdf": b"Ceci est un simple texte, pas un PDF.\n" * 20,
    "HTML after garbage": b"\x00\x13garbage<html><body>%PDF-1.4</body></html>",
    "empty file": b"",
}


@pytest.mark.parametrize("content", NOT_PDFS.values(), ids=NOT_PDFS.keys())
def test_a_dossier_that_is_no_pdf_is_refused(region, application, content):
    with pytest.raises(ValidationError) as error:
        services.upload_dossier(region, application, fake(content))

    assert file_errors(error) == [NOT_PDF]
    saved = fresh(application)
    assert (saved.dossier_pages, bool(saved.dossier)) == (0, False)


@pytest.mark.parametrize("content", NOT_PDFS.values(), ids=NOT_PDFS.keys())
def test_an_annex_that_is_no_pdf_is_refused(region, application, content):
    with pytest.raises(ValidationError) as error:
        services.add_annex(region, application, title="Annexe", upload=fake(content, "a.pdf"))

    assert file_errors(error) == [NOT_PDF]
    assert not ApplicationAnnex.objects.filter(application=application).exists()


def test_a_corrupt_pdf_dossier_is_refused_as_unreadable(region, application):
    with pytest.raises(ValidationError) as error:
        services.upload_dossier(region, application, fake(b"%PDF-1.4 garbage"))

    assert file_errors(error) == [UNREADABLE]
    assert "illisible" in file_errors(error)[0]
    saved = fresh(application)
    assert (saved.dossier_pages, bool(saved.dossier)) == (0, False)


def test_a_truncated_pdf_annex_is_refused_as_unreadable(region, application):
    truncated = h.pdf_upload(3).read()[:200]

    with pytest.raises(ValidationError) as error:
        services.add_annex(region, application, title="Annexe", upload=fake(truncated, "a.pdf"))

    assert file_errors(error) == [UNREADABLE]
    assert not ApplicationAnnex.objects.filter(application=application).exists()


def test_a_prior_opinion_document_must_be_a_pdf(region, application):
    with pytest.raises(ValidationError) as error:
        services.record_opinion(
            region,
            application,
            body="caen",
            given_on=timezone.localdate() - timedelta(days=1),
            opinion="favourable",
            document=fake(b"pas un PDF", "avis.pdf"),
        )

    assert error.value.message_dict == {"document": [NOT_PDF]}
    assert not application.opinions.exists()
