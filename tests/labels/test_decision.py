"""The decision (the interministerial arrêté): labelling writes the campus's label period into
the registry (through its service, audited), which the registry's derived status, the
conventions' computed end dates and the label's obligations follow; an overlapping period is
refused with nothing saved; a refusal writes nothing in the registry."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils import timezone

from audit.models import AuditAction, AuditEntry
from campuses.models import Campus, LabelCategory, LabelPeriod, LabelStatus
from conventions.models import DurationKind, FrameworkConvention, RenewalMode
from conventions.selectors import convention_dates
from core.calendar import add_months, add_years
from labels import services
from labels.models import ApplicationStatus, Decision, LabelApplication, LabelObligation
from labels.models import ObligationKind as K
from tests.conventions.helpers import signed_convention
from tests.labels import helpers as h

pytestmark = pytest.mark.django_db


def today():
    return timezone.localdate()


def five_years_from(start):
    return add_years(start, 5) - timedelta(days=1)


def status_of(campus, on=None):
    return Campus.objects.with_label_state(on=on or today()).get(pk=campus.pk).label_status


def decide(region, application, decision=Decision.LABELLED, start=None, end=None, **fields):
    start = start or today()
    values = {
        "decision": decision,
        "decision_date": today(),
        "decision_reference": "NOR ESRS2512345A",
        "label_start": start,
        "label_end": end or five_years_from(start),
    }
    values.update(fields)
    return services.decide(region, application, **values)


def obligations(period):
    return dict(LabelObligation.objects.filter(label_period=period).values_list("kind", "due_on"))


# ---------------------------------------------------------------------- the period


def test_labelling_writes_the_label_period(region, rectorate, experts, campus):
    application = h.with_opinion(region, rectorate, campus, experts)
    start = today() - timedelta(days=10)

    decide(region, application, start=start)

    application.refresh_from_db()
    assert application.status == ApplicationStatus.DECIDED
    period = application.label_period
    assert period is not None
    assert LabelPeriod.objects.get(campus=campus) == period
    assert (
        period.category,
        period.start,
        period.end,
        period.decision_date,
        period.decision_reference,
        period.probationary,
    ) == (LabelCategory.CMQ, start, five_years_from(start), today(), "NOR ESRS2512345A", False)
    assert (application.label_start, application.label_end) == (period.start, period.end)
    assert period.application == application


def test_the_period_is_written_through_the_registry_service(region, rectorate, experts, campus):
    application = h.decided(region, rectorate, campus, experts)

    entry = AuditEntry.objects.get(
        content_type=ContentType.objects.get_for_model(LabelPeriod),
        object_id=str(application.label_period_id),
    )
    assert (entry.action, entry.actor, entry.campus_id) == (AuditAction.CREATE, region, campus.pk)


def test_an_excellence_label_has_the_excellence_category(region, rectorate, experts, campus):
    application = h.decided(region, rectorate, campus, experts, target=LabelCategory.EXCELLENCE)

    assert application.label_period.category == LabelCategory.EXCELLENCE
    row = Campus.objects.with_label_state(on=today()).get(pk=campus.pk)
    assert (row.current_category, row.label_status) == (
        LabelCategory.EXCELLENCE,
        LabelStatus.LABELLED,
    )


def test_a_probationary_label_is_marked_as_such(region, rectorate, experts, campus):
    end = add_years(today(), 2)
    application = h.decided(
        region, rectorate, campus, experts, decision=Decision.PROBATIONARY, end=end
    )

    period = application.label_period
    assert (period.probationary, period.end) == (True, end)
    assert status_of(campus) == LabelStatus.PROBATIONARY


def test_an_overlapping_period_is_refused_with_nothing_saved(region, rectorate, experts, campus):
    existing = LabelPeriod.objects.create(
        campus=campus,
        category=LabelCategory.CMQ,
        start=today() - timedelta(days=400),
        end=today() + timedelta(days=30),
    )
    Campus.objects.filter(pk=campus.pk).update(is_prefiguration=True)
    application = h.with_opinion(region, rectorate, campus, experts)
    version = LabelApplication.objects.get(pk=application.pk).version

    with pytest.raises(ValidationError) as error:
        decide(region, application)

    assert set(error.value.message_dict) == {"label_start"}
    assert "chevauche" in error.value.message_dict["label_start"][0]
    saved = LabelApplication.objects.get(pk=application.pk)
    assert (saved.status, saved.decision, saved.label_period, saved.version) == (
        ApplicationStatus.OPINION,
        "",
        None,
        version,
    )
    assert list(LabelPeriod.objects.filter(campus=campus)) == [existing]
    assert Campus.objects.get(pk=campus.pk).is_prefiguration is True
    assert set(
        LabelObligation.objects.filter(campus=campus).values_list("label_period", flat=True)
    ) == {existing.pk}


def test_a_period_right_after_the_previous_one_is_accepted(region, rectorate, experts, campus):
    previous = LabelPeriod.objects.create(
        campus=campus,
        category=LabelCategory.CMQ,
        start=today() - timedelta(days=5 * 365),
        end=today() - timedelta(days=1),
    )
    application = h.with_opinion(region, rectorate, campus, experts, kind="renew")

    decide(region, application)

    assert LabelPeriod.objects.filter(campus=campus).exclude(pk=previous.pk).count() == 1


def test_a_refusal_writes_nothing_in_the_registry(region, rectorate, experts, campus):
    Campus.objects.filter(pk=campus.pk).update(is_prefiguration=True)

    application = h.decided(region, rectorate, campus, experts, decision=Decision.REFUSED)

    assert application.label_period is None
    assert not LabelPeriod.objects.filter(campus=campus).exists()
    assert not LabelObligation.objects.filter(campus=campus).exists()
    assert Campus.objects.get(pk=campus.pk).is_prefiguration is True
    assert status_of(campus) == LabelStatus.PREFIGURATION


# ------------------------------------------------------------------ derived status


def test_the_campus_shows_its_application_then_its_label(region, rectorate, experts, campus):
    application = h.draft(region, campus)
    assert status_of(campus) == LabelStatus.NONE  # a draft is not an application yet

    h.complete(region, rectorate, application)
    services.deposit(region, application)
    assert status_of(campus) == LabelStatus.APPLICATION

    services.admit(region, application)
    for person in experts:
        services.assign_expert(region, application, person)
    services.start_expertise(region, application)
    for person in experts:
        h.assess_all(person, application)
    h.consolidate_all(experts[0], application)
    services.give_opinion(experts[0], application, opinion="favourable", text="Favorable.")
    assert status_of(campus) == LabelStatus.APPLICATION

    start = today() + timedelta(days=60)
    decide(region, application, start=start)

    # Before its start the label is « à venir »; from its start, the campus is labelled.
    assert status_of(campus) == LabelStatus.UPCOMING
    assert status_of(campus, on=start) == LabelStatus.LABELLED
    row = Campus.objects.with_label_state(on=start).get(pk=campus.pk)
    assert (row.current_start, row.current_end) == (start, five_years_from(start))


def test_a_label_in_force_stays_the_status_during_a_renewal(region, rectorate, campus):
    LabelPeriod.objects.create(
        campus=campus,
        category=LabelCategory.CMQ,
        start=today() - timedelta(days=1000),
        end=today() + timedelta(days=300),
    )

    h.deposited(region, rectorate, campus, kind="renew")

    assert status_of(campus) == LabelStatus.LABELLED


def test_a_prefiguration_campus_is_no_longer_one(region, rectorate, experts, campus):
    Campus.objects.filter(pk=campus.pk).update(is_prefiguration=True)
    assert status_of(campus) == LabelStatus.PREFIGURATION
    application = h.with_opinion(region, rectorate, campus, experts)
    assert status_of(campus) == LabelStatus.APPLICATION

    decide(region, application)

    refreshed = Campus.objects.get(pk=campus.pk)
    assert refreshed.is_prefiguration is False
    assert status_of(campus) == LabelStatus.LABELLED
    assert AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Campus),
        object_id=str(campus.pk),
        action=AuditAction.UPDATE,
        actor=region,
    ).exists()


# --------------------------------------------------------------------- conventions


@pytest.mark.parametrize(
    ("kind", "end_of"),
    [
        (DurationKind.UNTIL_LABEL_END, lambda label_end: label_end),
        (DurationKind.LABEL_PLUS_ONE_YEAR, lambda label_end: add_years(label_end, 1)),
    ],
)
def test_the_convention_end_date_follows_the_new_label(
    region, rectorate, experts, campus, kind, end_of
):
    convention = signed_convention(
        region,
        campus,
        duration_kind=kind,
        duration_years=None,
        renewal_mode=RenewalMode.NONE,
    )
    assert convention_dates(FrameworkConvention.objects.get(pk=convention.pk)).end is None

    application = h.decided(region, rectorate, campus, experts)

    label_end = application.label_period.end
    dates = convention_dates(FrameworkConvention.objects.get(pk=convention.pk))
    assert dates.end == end_of(label_end)
    assert f"{label_end:%d/%m/%Y}" in dates.explanation


# --------------------------------------------------------------------- obligations


def test_a_cmq_label_asks_for_a_progress_report_and_a_mid_term_evaluation(
    region, rectorate, experts, campus
):
    start = today() - timedelta(days=3)
    end = five_years_from(start)
    application = h.decided(region, rectorate, campus, experts, start=start, end=end)

    assert obligations(application.label_period) == {
        K.PROGRESS_REPORT: add_years(start, 2),
        K.MID_TERM: start + timedelta(days=(end - start).days // 2),
    }


def test_an_excellence_label_asks_for_an_external_evaluation_too(
    region, rectorate, experts, campus
):
    start = today()
    end = five_years_from(start)
    application = h.decided(
        region, rectorate, campus, experts, start=start, end=end, target=LabelCategory.EXCELLENCE
    )

    assert obligations(application.label_period) == {
        K.PROGRESS_REPORT: add_years(start, 2),
        K.MID_TERM: start + timedelta(days=(end - start).days // 2),
        K.EXTERNAL: add_months(end, -12),
    }
    assert set(
        LabelObligation.objects.filter(label_period=application.label_period).values_list(
            "campus", "status"
        )
    ) == {(campus.pk, "due")}


def test_a_short_label_has_its_obligations_by_its_end(region, rectorate, experts, campus):
    start = today()
    end = add_years(start, 1)
    application = h.decided(
        region, rectorate, campus, experts, decision=Decision.PROBATIONARY, start=start, end=end
    )

    due = obligations(application.label_period)
    assert due[K.PROGRESS_REPORT] == end
    assert due[K.MID_TERM] == start + timedelta(days=(end - start).days // 2)
    assert K.EXTERNAL not in due


def test_syncing_the_obligations_again_creates_nothing_more(region, rectorate, experts, campus):
    application = h.decided(region, rectorate, campus, experts)
    period = application.label_period
    before = obligations(period)

    services.sync_obligations(period)
    services.sync_all_obligations()

    assert obligations(period) == before
    assert LabelObligation.objects.filter(label_period=period).count() == 2


def test_a_change_of_category_ends_the_label_in_force_the_day_before(
    region, rectorate, experts, campus
):
    """A CMQ campus labelled Excellence during its label: the CMQ period ends the day before
    the Excellence one starts (the registry refuses two periods over the same days)."""
    start = today() - timedelta(days=400)
    cmq = LabelPeriod.objects.create(
        campus=campus, category=LabelCategory.CMQ, start=start, end=five_years_from(start)
    )
    application = h.with_opinion(
        region,
        rectorate,
        campus,
        experts,
        kind="change_category",
        target=LabelCategory.EXCELLENCE,
    )
    decide(region, application, start=today(), end=five_years_from(today()))
    cmq.refresh_from_db()
    assert cmq.end == today() - timedelta(days=1)
    assert Campus.objects.with_label_state().get(pk=campus.pk).current_category == (
        LabelCategory.EXCELLENCE
    )


def test_in_progress_shows_only_from_the_deposit_on(region, rectorate, campus):
    application = h.deposited(region, rectorate, campus)
    assert status_of(campus) == LabelStatus.APPLICATION
    assert status_of(campus, on=application.submitted_on - timedelta(days=1)) != (
        LabelStatus.APPLICATION
    )
