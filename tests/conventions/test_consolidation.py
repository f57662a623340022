"""The text in force on a day: every signed amendment applied in order, from its effective date."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from conventions import services
from conventions.consolidation import consolidated_text, prefetched
from conventions.models import AmendmentChange, ChangeKind, FrameworkConvention, SignatureStatus
from tests.conventions.helpers import amendment_to_cp_2023_111, sign_all, signed_convention

pytestmark = pytest.mark.django_db


def text_on(convention, day):
    return consolidated_text(prefetched().get(pk=convention.pk), day)


def test_amendment_replaces_the_regulation_reference_from_its_effective_date(user_of, campus_of):
    region = user_of("region")
    convention = signed_convention(region, campus_of("ia"))
    amendment = amendment_to_cp_2023_111(region, convention)
    sign_all(region, amendment, signed_on=date(2023, 9, 12), sent_on=date(2023, 7, 10))
    assert amendment.status == SignatureStatus.SIGNED
    assert amendment.effective_date == date(2023, 9, 12)

    before = text_on(convention, date(2023, 9, 11)).paragraph(4, "4.1")
    assert "CP 2020-519" in before.text and "CP 2023-111" not in before.text
    assert before.changed_by == []

    after_text = text_on(convention, date(2023, 9, 12))
    after = after_text.paragraph(4, "4.1")
    assert "n° CP 2023-111" in after.text and "CP 2020-519" not in after.text
    assert after.changed_by == [1]
    assert [annex.title for annex in after_text.annexes] == ["Données de suivi"]


def test_a_passage_absent_from_the_text_in_force_is_refused(user_of, campus_of):
    region = user_of("region")
    convention = signed_convention(region, campus_of("sante"))
    amendment = services.create_amendment(region, convention, title="Avenant")
    with pytest.raises(ValidationError) as error:
        services.add_change(
            region,
            amendment,
            AmendmentChange(
                kind=ChangeKind.REPLACE_PASSAGE,
                article_number=4,
                paragraph_label="4.1",
                old_text="n° CR 1999-001",
                new_text="n° CP 2023-111",
            ),
        )
    assert "n'est pas dans le texte en vigueur" in error.value.message_dict["old_text"][0]
    assert not amendment.changes.exists()


def test_a_second_amendment_applies_to_the_text_left_by_the_first(user_of, campus_of):
    region = user_of("region")
    convention = signed_convention(region, campus_of("tnec"))
    first = amendment_to_cp_2023_111(region, convention)
    sign_all(region, first, signed_on=date(2023, 9, 1))
    second = services.create_amendment(region, convention, title="Avenant n°2")
    assert second.number == 2
    # The first amendment removed "CP 2020-519": quoting it again is refused.
    with pytest.raises(ValidationError):
        services.add_change(
            region,
            second,
            AmendmentChange(
                kind=ChangeKind.REPLACE_PASSAGE,
                article_number=4,
                paragraph_label="4.1",
                old_text="CP 2020-519",
                new_text="CP 2024-001",
            ),
        )
    services.add_change(
        region,
        second,
        AmendmentChange(
            kind=ChangeKind.REPLACE_PASSAGE,
            article_number=4,
            paragraph_label="4.1",
            old_text="50 000 euros",
            new_text="100 000 euros",
        ),
    )
    sign_all(region, second, signed_on=date(2024, 2, 1))
    paragraph = text_on(convention, date(2024, 3, 1)).paragraph(4, "4.1")
    assert "100 000 euros" in paragraph.text and "CP 2023-111" in paragraph.text
    assert paragraph.changed_by == [1, 2]


def test_signed_documents_are_read_only(user_of, campus_of):
    region = user_of("region")
    convention = signed_convention(region, campus_of("energie"))
    from core.errors import ConflictError

    with pytest.raises(ConflictError):
        services.update_convention(region, convention, title="Nouveau titre")
    assert FrameworkConvention.objects.get(pk=convention.pk).title != "Nouveau titre"


def test_effective_date_is_the_last_signature(user_of, campus_of):
    region = user_of("region")
    convention = services.create_convention(
        region,
        campus=campus_of("mode"),
        kind="constitutive",
        title="Convention Mode",
        duration_kind="until_label_end",
    )
    services.send_for_signature(region, convention, on=date(2023, 7, 6))
    parties = services.required_signatories(convention)
    for day, party in zip(
        [date(2023, 9, 1), date(2023, 7, 20), date(2023, 8, 3)], parties, strict=False
    ):
        services.record_signature(
            region, convention, party=party, signed_on=day, place="Paris", signatory_name="X"
        )
    convention.refresh_from_db()
    assert convention.status == SignatureStatus.SIGNED
    assert convention.effective_date == date(2023, 9, 1)


# ------------------------------------------------ the lists' shortcut to the clauses


@pytest.mark.django_db
def test_clauses_in_force_are_the_consolidated_texts_clauses():
    """The lists read clauses_in_force; the pages consolidate the whole text: both agree for
    every demo convention on every date where an amendment starts, and between them."""
    from datetime import timedelta

    from conventions.consolidation import clauses_in_force, with_amendments

    conventions = list(with_amendments())
    days = {date(2020, 1, 1), date(2035, 1, 1)}
    for convention in conventions:
        for amendment in convention.amendments.all():
            if amendment.effective_date:
                days |= {amendment.effective_date, amendment.effective_date - timedelta(days=1)}
    changed = 0
    for convention in prefetched().filter(pk__in=[c.pk for c in conventions]):
        shortcut = next(c for c in conventions if c.pk == convention.pk)
        for day in sorted(days):
            expected = consolidated_text(convention, day).clauses
            assert clauses_in_force(shortcut, day) == expected, (convention, day)
            changed += bool(expected.changed_by)
    assert changed, "the demo should have an amendment changing a clause"
