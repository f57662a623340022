"""A campus's category, status and days left derive from its label periods on the day asked."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from campuses.models import Campus, LabelCategory, LabelPeriod, LabelStatus, SectorFamily

pytestmark = pytest.mark.django_db


@pytest.fixture
def campus():
    return Campus.objects.create(
        name="Campus d'essai", short_name="Essai", sector_family=SectorFamily.objects.first()
    )


def state(campus, day):
    return Campus.objects.with_label_state(day).get(pk=campus.pk)


def test_without_period_a_campus_is_not_labelled(campus):
    assert state(campus, date(2024, 1, 1)).label_status == LabelStatus.NONE


def test_prefiguration_flag_gives_prefiguration_status(campus):
    campus.is_prefiguration = True
    campus.save()
    assert state(campus, date(2024, 1, 1)).label_status == LabelStatus.PREFIGURATION


def test_status_follows_the_day_asked(campus):
    LabelPeriod.objects.create(
        campus=campus, category=LabelCategory.CMQ, start=date(2018, 1, 1), end=date(2022, 12, 31)
    )
    LabelPeriod.objects.create(
        campus=campus,
        category=LabelCategory.EXCELLENCE,
        start=date(2024, 1, 1),
        end=date(2028, 12, 31),
        probationary=True,
    )
    before = state(campus, date(2017, 6, 1))
    assert before.label_status == LabelStatus.UPCOMING
    during = state(campus, date(2022, 12, 1))
    assert during.label_status == LabelStatus.LABELLED
    assert during.current_category == LabelCategory.CMQ
    assert during.label_days_left == 30
    gap = state(campus, date(2023, 6, 1))
    assert gap.label_status == LabelStatus.UPCOMING
    probation = state(campus, date(2025, 1, 1))
    assert probation.label_status == LabelStatus.PROBATIONARY
    assert probation.current_category == LabelCategory.EXCELLENCE
    after = state(campus, date(2029, 1, 1))
    assert after.label_status == LabelStatus.EXPIRED
    assert after.label_days_left is None
    assert after.current_category is None


def test_last_day_of_label_counts_as_labelled(campus):
    LabelPeriod.objects.create(
        campus=campus, category=LabelCategory.CMQ, start=date(2021, 1, 1), end=date(2025, 12, 31)
    )
    last_day = state(campus, date(2025, 12, 31))
    assert last_day.label_status == LabelStatus.LABELLED
    assert last_day.label_days_left == 0


def test_overlapping_period_is_refused_on_the_start_field(campus):
    LabelPeriod.objects.create(
        campus=campus, category=LabelCategory.CMQ, start=date(2021, 1, 1), end=date(2025, 12, 31)
    )
    clash = LabelPeriod(
        campus=campus, category=LabelCategory.CMQ, start=date(2025, 6, 1), end=date(2027, 1, 1)
    )
    with pytest.raises(ValidationError) as error:
        clash.full_clean()
    assert "chevauche" in error.value.message_dict["start"][0]


def test_adjacent_periods_are_accepted(campus):
    LabelPeriod.objects.create(
        campus=campus, category=LabelCategory.CMQ, start=date(2021, 1, 1), end=date(2025, 12, 31)
    )
    LabelPeriod(
        campus=campus,
        category=LabelCategory.EXCELLENCE,
        start=date(2026, 1, 1),
        end=date(2030, 12, 31),
    ).full_clean()


def test_end_before_start_is_refused_by_validation_and_by_the_database(campus):
    period = LabelPeriod(
        campus=campus, category=LabelCategory.CMQ, start=date(2025, 1, 1), end=date(2024, 1, 1)
    )
    with pytest.raises(ValidationError) as error:
        period.full_clean()
    assert "postérieure" in error.value.message_dict["end"][0]
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        period.save()


def test_demo_campuses_have_the_documented_state(campus_of):
    versailles = state(campus_of("versailles"), date(2021, 1, 1))
    assert versailles.label_status == LabelStatus.LABELLED
    assert versailles.current_category == LabelCategory.EXCELLENCE
    assert state(campus_of("ia"), date(2023, 7, 5)).label_status == LabelStatus.PREFIGURATION
    icm = state(campus_of("icm"), date(2024, 1, 1))
    assert icm.current_category == LabelCategory.EXCELLENCE


def test_a_campus_replaced_by_another_shows_as_replaced_and_needs_no_attention(campus, user_of):
    from campuses.selectors import campuses_needing_attention

    LabelPeriod.objects.create(
        campus=campus, category=LabelCategory.CMQ, start=date(2018, 1, 1), end=date(2022, 12, 31)
    )
    successor = Campus.objects.create(
        name="Campus successeur", short_name="Successeur", sector_family=campus.sector_family
    )
    successor.predecessors.add(campus)
    assert state(campus, date(2020, 1, 1)).label_status == LabelStatus.LABELLED
    assert state(campus, date(2023, 6, 1)).label_status == LabelStatus.REPLACED
    assert state(successor, date(2023, 6, 1)).label_status == LabelStatus.NONE
    flagged = {c.pk for c, _reason in campuses_needing_attention(user_of("region"))}
    assert campus.pk not in flagged
    assert successor.pk in flagged  # no director, no support institution


@pytest.mark.parametrize(
    "day", [date(2017, 6, 1), date(2021, 1, 1), date(2023, 6, 1), date(2025, 1, 1)]
)
def test_the_status_read_on_rows_is_the_one_the_database_filters_on(campus, day):
    """Campus.label_status (read on the rows) and the label_status alias (the filters, the
    home's attention list) word the same status from the same facts."""
    LabelPeriod.objects.create(
        campus=campus, category=LabelCategory.CMQ, start=date(2018, 1, 1), end=date(2022, 12, 31)
    )
    LabelPeriod.objects.create(
        campus=campus,
        category=LabelCategory.EXCELLENCE,
        start=date(2024, 1, 1),
        end=date(2028, 12, 31),
        probationary=True,
    )
    successor = Campus.objects.create(
        name="Campus successeur", short_name="Successeur", sector_family=campus.sector_family
    )
    successor.predecessors.add(campus)
    Campus.objects.create(
        name="Campus projet",
        short_name="Projet",
        sector_family=campus.sector_family,
        is_prefiguration=True,
    )
    rows = Campus.objects.with_label_state(day)
    read = {row.pk: row.label_status for row in rows}
    for status in LabelStatus:
        filtered = set(rows.filter(label_status=status).values_list("pk", flat=True))
        assert filtered == {pk for pk, value in read.items() if value == status}, status
