"""End date and notice deadline follow the clauses in force and the campus's label."""

from datetime import date

import pytest

from campuses.models import LabelPeriod
from conventions.consolidation import Clauses
from conventions.dates import compute_dates


def clauses(kind, years=None, renewal="none", notice=3, reference="convention_end"):
    return Clauses(kind, years, renewal, notice, reference, "lettre recommandée")


def label(start, end):
    return LabelPeriod(start=start, end=end, category="cmq")


def test_fixed_term_from_the_last_signature():
    dates = compute_dates(clauses("fixed_term", 3), date(2021, 3, 1), [], today=date(2022, 1, 1))
    assert dates.end == date(2024, 2, 29)
    assert dates.notice_deadline == date(2023, 11, 29)


def test_fixed_term_renewed_tacitly_rolls_over():
    dates = compute_dates(
        clauses("fixed_term", 3, "tacit"), date(2021, 3, 1), [], today=date(2025, 6, 1)
    )
    assert dates.end == date(2027, 2, 28)


def test_one_year_extended_to_the_end_of_the_label_and_moves_with_it():
    periods = [label(date(2023, 1, 1), date(2027, 12, 31))]
    dates = compute_dates(clauses("one_year_extended_to_label_end"), date(2023, 9, 1), periods)
    assert dates.end == date(2027, 12, 31)
    assert dates.notice_deadline == date(2027, 9, 30)
    periods[0].end = date(2028, 6, 30)  # the label is extended: so is the convention
    assert compute_dates(
        clauses("one_year_extended_to_label_end"), date(2023, 9, 1), periods
    ).end == date(2028, 6, 30)


def test_one_year_without_label():
    dates = compute_dates(clauses("one_year_extended_to_label_end"), date(2023, 9, 1), [])
    assert dates.end == date(2024, 8, 31)


def test_until_label_end_and_label_plus_one_year():
    periods = [label(date(2021, 1, 1), date(2025, 12, 31))]
    assert compute_dates(clauses("until_label_end"), date(2023, 9, 1), periods).end == date(
        2025, 12, 31
    )
    assert compute_dates(clauses("label_plus_one_year"), date(2023, 9, 1), periods).end == date(
        2026, 12, 31
    )
    assert compute_dates(clauses("until_label_end"), date(2023, 9, 1), []).end is None


def test_notice_before_the_end_of_the_school_year():
    dates = compute_dates(
        clauses("until_label_end", notice=2, reference="school_year_end"),
        date(2023, 9, 1),
        [label(date(2023, 1, 1), date(2027, 12, 31))],
        today=date(2024, 3, 10),
    )
    assert dates.notice_deadline == date(2024, 6, 30)
    later = compute_dates(
        clauses("until_label_end", notice=2, reference="school_year_end"),
        date(2023, 9, 1),
        [label(date(2023, 1, 1), date(2027, 12, 31))],
        today=date(2024, 7, 15),
    )
    assert later.notice_deadline == date(2025, 6, 30)


def test_not_in_force_has_no_dates():
    dates = compute_dates(clauses("until_label_end"), None, [])
    assert dates.end is None and dates.notice_deadline is None


@pytest.mark.django_db
def test_duration_change_by_amendment_changes_the_end_date(user_of, campus_of):
    from conventions import services
    from conventions.consolidation import consolidated_text, prefetched
    from conventions.models import AmendmentChange, ChangeKind
    from tests.conventions.helpers import sign_all, signed_convention

    region = user_of("region")
    campus = campus_of("securite")
    convention = signed_convention(region, campus, signed_on=date(2021, 3, 1))
    amendment = services.create_amendment(region, convention, title="Avenant durée")
    services.add_change(
        region,
        amendment,
        AmendmentChange(
            kind=ChangeKind.CHANGE_DURATION,
            clause={"duration_kind": "label_plus_one_year", "renewal_mode": "express"},
        ),
    )
    sign_all(region, amendment, signed_on=date(2023, 9, 20))
    periods = list(campus.label_periods.all())
    loaded = prefetched().get(pk=convention.pk)
    before = compute_dates(
        consolidated_text(loaded, date(2023, 9, 1)).clauses, convention.effective_date, periods
    )
    after = compute_dates(
        consolidated_text(loaded, date(2023, 10, 1)).clauses, convention.effective_date, periods
    )
    assert before.end != after.end
    assert after.end == date(2026, 12, 31)  # label to 31/12/2025 (demo assumption) + 1 year
