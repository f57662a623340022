"""The demo of CP 2023-263: six signed amendments and three new conventions, consolidated."""

from datetime import date

import pytest

from conventions.consolidation import consolidated_text, prefetched
from conventions.demo import SIGNED_2023
from conventions.models import Amendment, FrameworkConvention, SignatureStatus

pytestmark = pytest.mark.django_db

# campus key -> (amendment number, article, paragraph) of the 2023 regulation change
AMENDED = {
    "ia": (1, 4, "4.1"),
    "icm": (1, 3, "3.1"),
    "sante": (1, 3, "3.1"),
    "securite": (2, 3, "3.1"),
    "tnec": (2, 3, "3.1"),
    "energie": (1, 4, "4.1"),
}


def convention_of(campus):
    return prefetched(FrameworkConvention.objects.filter(campus=campus)).get()


@pytest.mark.parametrize(("key", "target"), AMENDED.items())
def test_2023_amendment_moves_the_regulation_reference(campus_of, key, target):
    number, article, label = target
    convention = convention_of(campus_of(key))
    amendment = convention.amendments.get(number=number)
    assert amendment.status == SignatureStatus.SIGNED
    assert amendment.deliberation.number == "CP 2023-263"
    assert amendment.effective_date == SIGNED_2023
    before = consolidated_text(convention, date(2023, 9, 27)).paragraph(article, label)
    assert "CP 2020-519" in before.text and "CP 2023-111" not in before.text
    after_text = consolidated_text(convention, date(2024, 1, 1))
    after = after_text.paragraph(article, label)
    assert "CP 2023-111" in after.text and "CP 2020-519" not in after.text
    assert number in after.changed_by
    assert "Données de suivi" in [annex.title for annex in after_text.annexes]


def test_securite_and_tnec_start_from_a_historical_amendment_1(campus_of):
    for key in ("securite", "tnec"):
        first = Amendment.objects.get(convention__campus=campus_of(key), number=1)
        assert first.is_historical
        assert not first.changes.exists()


def test_securite_duration_is_the_label_plus_one_year_after_its_amendment(campus_of):
    convention = convention_of(campus_of("securite"))
    assert consolidated_text(convention, date(2023, 1, 1)).clauses.duration_kind == "fixed_term"
    after = consolidated_text(convention, date(2024, 1, 1))
    assert after.clauses.duration_kind == "label_plus_one_year"
    assert "labélisation augmentée" in after.paragraph(4, "4.1").text


@pytest.mark.parametrize("key", ["if", "mode", "versailles"])
def test_new_2023_conventions_are_signed_and_adopted_by_cp_2023_263(campus_of, key):
    convention = convention_of(campus_of(key))
    assert convention.status == SignatureStatus.SIGNED
    assert convention.deliberation.number == "CP 2023-263"
    assert convention.effective_date == SIGNED_2023
    assert convention.parties.count() >= 3
    assert convention.articles.count() >= 4
    assert convention.signatures.count() == convention.parties.count()


def test_loading_the_demo_twice_changes_nothing():
    from demo.loader import load_all

    counts = (FrameworkConvention.objects.count(), Amendment.objects.count())
    load_all()
    assert (FrameworkConvention.objects.count(), Amendment.objects.count()) == counts


def test_demo_documents_are_generated_once(settings, tmp_path):
    from conventions.models import GeneratedDocument
    from demo.loader import generate_documents
    from documents.models import DocumentStatus
    from subsidies.models import SubsidyDocument

    settings.MEDIA_ROOT = tmp_path
    # 9 conventions, 9 consolidated texts, 6 amendments of 2023 (n°1 of Sécurité and TNEC
    # are historical: no PDF); 9 fiches projet of CP 2023-263 and the transfer amendment.
    assert generate_documents() == 24 + 10
    assert GeneratedDocument.objects.filter(status=DocumentStatus.READY).count() == 24
    assert SubsidyDocument.objects.filter(status=DocumentStatus.READY).count() == 10

    def stamps():
        return (
            set(GeneratedDocument.objects.values_list("pk", "generated_at")),
            set(SubsidyDocument.objects.values_list("pk", "generated_at")),
        )

    generated = stamps()
    assert generate_documents() == 24 + 10
    assert stamps() == generated
