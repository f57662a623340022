"""The transfer amendment (annexe 11 of CP 2023-263) as adopted: its PDF holds every sentence of
the act and nothing else; a transfer made in the portal without an adopted text gets the standard
template's text, said to be generated, with only the values the portal records."""

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from campuses.models import Organisation
from documents import acts
from documents.models import DocumentStatus
from subsidies import documents, services
from subsidies.acts import TRANSFER_VERSAILLES
from subsidies.acts import read as read_act
from subsidies.models import BeneficiaryTransfer, SubsidyDocumentKind, SubsidyDossier
from tests.subsidies import helpers

pytestmark = pytest.mark.django_db

TRANSFER = SubsidyDocumentKind.TRANSFER
FIXTURES = Path(__file__).parent / "fixtures"
# Raw seed lines (annexe 11), copied verbatim; only page headers/footers are taken out here.
SEED = FIXTURES / "cp-2023-263" / "annexe-11-avenant-transfert-campus-versailles.txt"
PAGE_LINES = re.compile(r"^\s*(\d+\s*/\s*\d+|\d+|Page \d+.*)\s*$", re.MULTILINE)


def reference():
    return PAGE_LINES.sub("", SEED.read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def demo(db):
    from subsidies import demo as subsidies_demo

    if not SubsidyDossier.objects.filter(number="23004868").exists():
        subsidies_demo.load_demo()


def request(actor, capture, **kwargs):
    with capture(execute=True):
        document = documents.request_document(actor, **kwargs)
    document.refresh_from_db()
    return document


def pdf_pages(document):
    with document.file.open("rb") as stored:
        reader = PdfReader(io.BytesIO(stored.read()))
    # A word hyphenated at a line's end (« Ile-de-\nFrance ») is one word again.
    return [re.sub(r"-\n", "-", page.extract_text()) for page in reader.pages]


def running_parts(pages, transfer):
    """What the layout adds on every page: the running header and the page numbers."""
    numbers = [f"page {n} / {len(pages)}" for n in range(1, len(pages) + 1)]
    return [transfer.campus.short_name, "Avenant de transfert", *numbers]


@pytest.fixture
def versailles_pdf(demo, user_of, django_capture_on_commit_callbacks):
    transfer = BeneficiaryTransfer.objects.get(campus__short_name="Campus Versailles")
    document = request(
        user_of("region"), django_capture_on_commit_callbacks, kind=TRANSFER, transfer=transfer
    )
    assert document.status == DocumentStatus.READY, document.error
    return transfer, pdf_pages(document)


def test_the_demo_transfer_carries_annexe_11_as_adopted(demo):
    transfer = BeneficiaryTransfer.objects.get(campus__short_name="Campus Versailles")
    assert transfer.adopted_text == read_act(TRANSFER_VERSAILLES)
    # The markup holds the act's words, all of them, and only them.
    text = acts.plain_text(acts.parse(transfer.adopted_text))
    assert acts.missing_sentences(reference(), text) == []
    assert acts.leftover(reference(), text) == ""


def test_the_transfer_pdf_holds_every_sentence_of_the_act(versailles_pdf):
    _transfer, pages = versailles_pdf
    assert acts.missing_sentences(reference(), "\n".join(pages)) == []


def test_the_transfer_pdf_adds_nothing_to_the_act(versailles_pdf):
    transfer, pages = versailles_pdf
    produced = "\n".join(pages)
    assert acts.leftover(reference(), produced, allowed=running_parts(pages, transfer)) == ""
    # The invented values of the old template are gone.
    for invented in (
        "50 000",
        "50,00 %",
        "HIST-",
        "ARTICLE 5",
        "Signé le",
        "bénéficiaire initial »",
    ):
        assert invented not in produced


def test_the_articles_keep_the_acts_numbering(versailles_pdf):
    _transfer, pages = versailles_pdf
    text = acts.normalise("\n".join(pages))
    positions = [text.index(f"ARTICLE {n} –") for n in (1, 2, 3, 4, 6)]
    assert positions == sorted(positions)
    assert "ayant pour représentant : ci-après dénommée : l'Association" in text


def test_a_portal_transfer_without_adopted_text_is_generated_and_says_so(
    demo, user_of, campus_of, django_capture_on_commit_callbacks
):
    region = user_of("region")
    grant = helpers.signed_dossier(region, campus_of("versailles"), 2030, number="30009999")
    transfer = services.create_transfer(
        region,
        campus=campus_of("versailles"),
        new_beneficiary=Organisation.objects.get(siret="13002597600015"),
        dossiers=[grant],
        deliberation=helpers.deliberation("CP 2030-102"),
    )
    assert transfer.adopted_text == ""
    document = request(region, django_capture_on_commit_callbacks, kind=TRANSFER, transfer=transfer)
    assert document.status == DocumentStatus.READY, document.error
    text = acts.normalise("\n".join(pdf_pages(document)))
    assert "TEXTE GÉNÉRÉ À PARTIR DU MODÈLE TYPE" in text.upper()
    assert "ARTICLE 1 – OBJET DE L'AVENANT" in text
    assert "Subvention 2030" in text
    assert grant.number not in text  # no dossier number in the legal text
    assert "Fait à ……" in text
