"""Article 7 of CP 2023-263 as adopted: the deliberation's page and its summary PDF show it
verbatim (every sentence of the act, nothing else in the article's place), and the structured
data (the nine amounts in the act's order, the 500 000 € authorisation) agrees with it."""

import html
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse
from pypdf import PdfReader

from deliberations import acts as deliberation_acts
from deliberations.models import Deliberation
from documents import acts
from documents.models import DocumentStatus
from subsidies import demo_data, documents
from subsidies.models import SubsidyDocumentKind, SubsidyDossier

pytestmark = pytest.mark.django_db

# Raw seed lines (article 7 of CP 2023-263), copied verbatim.
SEED = Path(__file__).parent / "fixtures" / "cp-2023-263" / "article-7.txt"
PAGE_LINES = re.compile(r"^\s*(\d+\s*/\s*\d+|\d+)\s*$", re.MULTILINE)


def reference():
    return PAGE_LINES.sub("", SEED.read_text(encoding="utf-8"))


def envelope_data():
    return next(e for e in demo_data.ENVELOPES if e["article"] == "7")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def demo(db):
    from subsidies import demo as subsidies_demo

    if not SubsidyDossier.objects.filter(number="23004868").exists():
        subsidies_demo.load_demo()


def blocks():
    return deliberation_acts.article_blocks("CP 2023-263", "7")


def test_the_text_of_record_is_the_seeds_article():
    text = acts.plain_text(blocks())
    assert acts.missing_sentences(reference(), text) == []
    assert acts.leftover(reference(), text) == ""


def test_the_demo_amounts_agree_with_the_article():
    data = envelope_data()
    amounts = [allocation["amount"] for allocation in data["allocations"]]
    assert deliberation_acts.disagreements(blocks(), amounts, data["amount"]) == []
    assert sum(amounts) == Decimal("500000.00") == deliberation_acts.authorisation(blocks())
    campuses = [campus for campus, _amount in deliberation_acts.allocations(blocks())]
    assert campuses[3] == "Campus mode, métiers d'art et design"  # the act's order


def test_a_changed_amount_or_total_is_reported_in_french():
    data = envelope_data()
    amounts = [allocation["amount"] for allocation in data["allocations"]]
    amounts[3] = Decimal("90000.00")
    problems = deliberation_acts.disagreements(blocks(), amounts, Decimal("490000.00"))
    assert len(problems) == 2
    assert "Subvention n° 4 (Campus mode, métiers d'art et design)" in problems[0]
    assert "l'article dit 100\u00a0000\u00a0euros" in problems[0].replace("\u202f", "\u00a0")
    assert problems[1].startswith("Autorisation d'engagement : l'article dit")
    assert deliberation_acts.disagreements(blocks(), amounts[:8], data["amount"])[0] == (
        "L'article attribue 9 subventions, les données en comptent 8."
    )


def test_the_summary_pdf_shows_article_7_verbatim(
    demo, user_of, django_capture_on_commit_callbacks
):
    deliberation = Deliberation.objects.get(number="CP 2023-263")
    with django_capture_on_commit_callbacks(execute=True):
        document = documents.request_document(
            user_of("region"),
            kind=SubsidyDocumentKind.DELIBERATION_SUMMARY,
            deliberation=deliberation,
        )
    document.refresh_from_db()
    assert document.status == DocumentStatus.READY, document.error
    with document.file.open("rb") as stored:
        reader = PdfReader(io.BytesIO(stored.read()))
    text = "\n".join(re.sub(r"-\n", "-", page.extract_text()) for page in reader.pages)
    assert acts.missing_sentences(reference(), text) == []
    # The article's place holds the article only: from its first words to its last.
    start = acts.normalise(text).index("Décide de participer")
    end = acts.normalise(text).index("du budget 2023.") + len("du budget 2023.")
    running = ["CP 2023-263", "Tableau récapitulatif"]
    running += [f"page {n} / {len(reader.pages)}" for n in range(1, len(reader.pages) + 1)]
    assert acts.leftover(reference(), acts.normalise(text)[start:end], allowed=running) == ""
    assert "Soit un total de" not in text  # the rebuilt lines are gone


def test_the_deliberation_page_shows_article_7_verbatim(demo, client_of):
    deliberation = Deliberation.objects.get(number="CP 2023-263")
    response = client_of("region").get(reverse("deliberations:detail", args=[deliberation.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    article = page[page.index('id="subsidy-article"') :]
    article = re.sub(r"<[^>]+>", "\n", article[: article.index("</div>\n</div>") + 6])
    article = html.unescape(article)
    assert acts.missing_sentences(reference(), article) == []
