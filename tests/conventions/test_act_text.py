"""The six amendments and the three new framework conventions of CP 2023-263 (annexes 2 to 10)
as adopted: the text of record holds the seed's words and only them, each PDF holds every
sentence of the act and nothing else; an act made in the portal without an adopted text gets
the standard template's numbered articles, said to be generated."""

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from conventions import acts as convention_acts
from conventions import documents, services
from conventions.models import DocumentKind, DurationKind, FrameworkConvention, RenewalMode
from documents import acts
from documents.models import DocumentStatus

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"
# A list marker the seed's PDF extraction gives as a private-use glyph (the Symbol font's
# bullet): layout, not a word of the act, like the page numbers.
BULLET_GLYPHS = re.compile(r"[\uf000-\uf8ff]")
# A hyphen followed by spaces or a line break (« Ile- de-\nFrance », « Montereau-\nFault ») reads
# as the same word wherever the seed's or the PDF's lines happen to break.
HYPHEN_BREAK = re.compile(r"-[ \t\u00a0]*\n[ \t]*|-[ \t\u00a0]+")
# The seed flattens the two-column signature area of annexe 10 line by line; the act's columns,
# read one after the other (each of the seed's lines is checked to be there).
VERSAILLES_COLUMNS = (
    (
        "Le Recteur de Région académique, La Rectrice de\nVersailles\n"
        "Recteur de l’académie de Paris,\nchancelier des universités\n",
        "Le Recteur de Région académique,\nRecteur de l’académie de Paris,\n"
        "chancelier des universités\nLa Rectrice de\nVersailles\n",
    ),
    (
        "Le Président de CY La directrice de\nl’Association CAMPUS VERSAILLES, ,\n"
        "par délégation de signature\n",
        "Le Président de CY\nLa directrice de\nl’Association CAMPUS VERSAILLES, ,\n"
        "par délégation de signature\n",
    ),
)

# campus key, amendment number (None: the convention itself), text of record
ACTS = [
    *((campus, number, name) for (campus, number), name in convention_acts.AMENDMENTS.items()),
    *((campus, None, name) for campus, name in convention_acts.CONVENTIONS.items()),
]


def comparable(text):
    return HYPHEN_BREAK.sub("-", text)


def reference(name):
    """The seed's lines of the act (tests/conventions/fixtures), made comparable."""
    raw = re.sub(r"[ \t]+\n", "\n", (FIXTURES / name).read_text(encoding="utf-8"))
    if name == convention_acts.CONVENTION_VERSAILLES:
        for flattened, columns in VERSAILLES_COLUMNS:
            assert flattened in raw
            raw = raw.replace(flattened, columns)
    return comparable(BULLET_GLYPHS.sub("", raw))


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def act_of(campus_of, campus, number):
    convention = FrameworkConvention.objects.get(campus=campus_of(campus))
    return convention, (convention.amendments.get(number=number) if number else None)


def pdf_text(actor, capture, convention, amendment):
    kind = DocumentKind.AMENDMENT if amendment else DocumentKind.CONVENTION
    with capture(execute=True):
        document = documents.request_document(
            actor, kind=kind, convention=convention, amendment=amendment
        )
    document.refresh_from_db()
    assert document.status == DocumentStatus.READY, document.error
    with document.file.open("rb") as stored:
        reader = PdfReader(io.BytesIO(stored.read()))
    title = f"Avenant n°{amendment.number}" if amendment else DocumentKind(kind).label
    running = [f"{convention.campus.short_name} {title}"]
    pages = []
    for number, page in enumerate(reader.pages, start=1):
        # What the layout adds to a page (extracted after its body): the running header from
        # the second page, « page X / Y » at the foot. Taken off each page, so that a sentence
        # running onto the next page reads on.
        lines = page.extract_text().splitlines()
        footer = f"page {number} / {len(reader.pages)}"
        assert lines[-1].strip() == footer
        lines.pop()
        if number > 1:
            assert acts.normalise(lines[-1]) == acts.normalise(running[0])
            lines.pop()
        pages.append("\n".join(lines))
    return comparable("\n".join(pages)), running


@pytest.mark.parametrize(("campus", "number", "name"), ACTS)
def test_the_text_of_record_holds_the_seeds_words_and_only_them(campus_of, campus, number, name):
    convention, amendment = act_of(campus_of, campus, number)
    act = amendment or convention
    assert act.adopted_text == convention_acts.read(name)  # the demo loads the file
    text = comparable(acts.plain_text(acts.parse(act.adopted_text)))
    assert acts.missing_sentences(reference(name), text) == []
    assert acts.leftover(reference(name), text) == ""


@pytest.mark.parametrize(("campus", "number", "name"), ACTS)
def test_the_pdf_holds_every_sentence_of_the_act_and_nothing_else(
    campus_of, user_of, django_capture_on_commit_callbacks, campus, number, name
):
    convention, amendment = act_of(campus_of, campus, number)
    produced, running = pdf_text(
        user_of("region"), django_capture_on_commit_callbacks, convention, amendment
    )
    assert acts.missing_sentences(reference(name), produced) == []
    assert acts.leftover(reference(name), produced, allowed=running) == ""
    for invented in ("Contributions des parties", "Durée et dénonciation", "dernière des parties"):
        assert invented not in produced
    if amendment:  # the act's own wording, not the old template's
        assert "1-1" in produced
        assert "prendra effet à la date de signature par les parties contractantes" in produced


def test_the_securite_amendment_quotes_the_old_article_4_1(
    campus_of, user_of, django_capture_on_commit_callbacks
):
    convention, amendment = act_of(campus_of, "securite", 2)
    produced, _running = pdf_text(
        user_of("region"), django_capture_on_commit_callbacks, convention, amendment
    )
    text = acts.normalise(produced)
    assert "« La présente convention est conclue pour une durée de trois ans" in text
    assert "Est remplacée par : « La présente convention est conclue à compter" in text


def test_a_portal_convention_without_adopted_text_is_generated_and_says_so(
    campus_of, user_of, django_capture_on_commit_callbacks
):
    region = user_of("region")
    convention = services.create_convention(
        region,
        campus=campus_of("ia"),
        kind="renewal",
        title="Convention cadre de renouvellement",
        duration_kind=DurationKind.UNTIL_LABEL_END,
        renewal_mode=RenewalMode.EXPRESS,
        notice_months=3,
    )
    assert convention.adopted_text == ""
    produced, _running = pdf_text(region, django_capture_on_commit_callbacks, convention, None)
    text = acts.normalise(produced)
    assert "TEXTE GÉNÉRÉ À PARTIR DE LA CONVENTION-TYPE, NON ENCORE ADOPTÉ" in text.upper()
    for number in range(1, convention.articles.count() + 1):
        assert f"Article {number} – " in text
    assert "Contributions des parties" not in text
    assert "Durée et dénonciation" not in text
    assert "Fait à Paris, le ……" in text or "Fait à ……" in text
