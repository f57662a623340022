"""Reminders: each step triggers on its day, is recorded and e-mailed once, to regional staff and
the campus's directors, and shows on the home pages of the people who may see the convention.

The conventions here are fixed-term (3 years, no renewal, 3 months' notice) and signed on
1 March 2021: they end on 29 February 2024, the last day to give notice is 29 November 2023.
Demo data may hold conventions of its own: assertions only look at the ones made here.
"""

from datetime import date, timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import escape

from accounts.models import Role, User
from conventions import services
from conventions.models import DurationKind, Reminder, ReminderStep, RenewalMode
from conventions.reminders import due_reminders, send_due_reminders
from conventions.selectors import recent_reminders
from conventions.tasks import send_reminders
from core.calendar import add_months, add_years
from tests.conventions.helpers import amendment_to_cp_2023_111, signed_convention

pytestmark = pytest.mark.django_db

SIGNED_ON = date(2021, 3, 1)
END = date(2024, 2, 29)
NOTICE_DEADLINE = date(2023, 11, 29)


@pytest.fixture
def region(user_of):
    return user_of("region")


def make_convention(region, campus, title, **clauses):
    clauses.setdefault("renewal_mode", RenewalMode.NONE)
    convention = signed_convention(region, campus, signed_on=SIGNED_ON, **clauses)
    # A title of its own, to find its e-mails among any the demo data would cause.
    type(convention).objects.filter(pk=convention.pk).update(title=title)
    convention.refresh_from_db()
    return convention


@pytest.fixture
def convention(region, campus_of):
    return make_convention(region, campus_of("versailles"), "Convention relances Versailles")


def steps(today, convention):
    return sorted(
        (item.step, item.due_on, item.amendment.pk if item.amendment else None)
        for item in due_reminders(today)
        if item.convention.pk == convention.pk
    )


def mails_about(outbox, convention):
    return [mail for mail in outbox if convention.title in mail.body]


# ------------------------------------------------------------------------------- steps


def test_dates_of_the_test_convention(convention):
    from conventions.selectors import convention_dates

    dates = convention_dates(convention, date(2023, 6, 1))
    assert (dates.end, dates.notice_deadline) == (END, NOTICE_DEADLINE)


def test_nothing_is_due_long_before_the_end(convention):
    assert steps(date(2023, 1, 1), convention) == []


def test_six_months_before_the_end(convention):
    assert steps(date(2023, 8, 28), convention) == []
    assert steps(date(2023, 8, 29), convention) == [(ReminderStep.ENDS_IN_6_MONTHS, END, None)]


def test_notice_deadline_thirty_days_before(convention):
    assert steps(date(2023, 10, 29), convention) == [(ReminderStep.ENDS_IN_6_MONTHS, END, None)]
    assert steps(date(2023, 10, 30), convention) == [
        (ReminderStep.ENDS_IN_6_MONTHS, END, None),
        (ReminderStep.NOTICE_DEADLINE, NOTICE_DEADLINE, None),
    ]
    # Still due on the last day itself, not the day after.
    assert (ReminderStep.NOTICE_DEADLINE, NOTICE_DEADLINE, None) in steps(
        NOTICE_DEADLINE, convention
    )
    assert all(
        step != ReminderStep.NOTICE_DEADLINE
        for step, _due, _a in steps(NOTICE_DEADLINE + timedelta(days=1), convention)
    )


def test_three_months_before_the_end(convention):
    assert (ReminderStep.ENDS_IN_6_MONTHS, END, None) in steps(date(2023, 11, 28), convention)
    due = steps(date(2023, 11, 29), convention)
    assert (ReminderStep.ENDS_IN_3_MONTHS, END, None) in due
    # The windows do not overlap: one end-date reminder at a time.
    assert (ReminderStep.ENDS_IN_6_MONTHS, END, None) not in due
    assert steps(END, convention) == [(ReminderStep.ENDS_IN_3_MONTHS, END, None)]


def test_nothing_once_the_convention_has_ended(convention):
    assert steps(END + timedelta(days=1), convention) == []


def test_a_terminated_convention_gets_no_deadline_reminder(region, convention):
    services.terminate(
        region, convention, party=convention.parties.get(position=2), on=date(2023, 6, 1)
    )
    assert steps(date(2023, 11, 29), convention) == []


def test_notice_before_the_end_of_the_school_year(region, campus_of):
    """Mode: two months' notice before the end of the school year (31 August): 30 June."""
    convention = make_convention(
        region,
        campus_of("mode"),
        "Convention relances Mode",
        duration_kind=DurationKind.UNTIL_LABEL_END,
        notice_months=2,
        notice_reference="school_year_end",
    )
    deadline = date(2023, 6, 30)
    assert (ReminderStep.NOTICE_DEADLINE, deadline, None) in steps(date(2023, 5, 31), convention)
    assert all(
        step != ReminderStep.NOTICE_DEADLINE for step, *_ in steps(date(2023, 5, 30), convention)
    )


def test_no_notice_reminder_after_the_end(region, campus_of):
    """A school-year notice deadline comes back every year; not once the convention ended."""
    convention = make_convention(
        region,
        campus_of("mode"),
        "Convention relances fin",
        notice_months=2,
        notice_reference="school_year_end",
    )
    assert (ReminderStep.NOTICE_DEADLINE, date(2023, 6, 30), None) in steps(
        date(2023, 6, 1), convention
    )
    assert steps(date(2024, 6, 1), convention) == []


def test_signatures_pending_for_more_than_thirty_days(region, campus_of):
    draft = services.create_convention(
        region,
        campus=campus_of("versailles"),
        kind="renewal",
        title="Convention en attente de signatures",
        duration_kind=DurationKind.UNTIL_LABEL_END,
    )
    sent_on = date(2023, 1, 10)
    services.send_for_signature(region, draft, on=sent_on)

    assert steps(sent_on + timedelta(days=30), draft) == []
    assert steps(sent_on + timedelta(days=31), draft) == [
        (ReminderStep.SIGNATURES_PENDING, sent_on, None)
    ]


def test_amendment_signatures_pending(region, convention):
    amendment = amendment_to_cp_2023_111(region, convention)
    sent_on = date(2023, 3, 1)
    services.send_for_signature(region, amendment, on=sent_on)

    assert (ReminderStep.SIGNATURES_PENDING, sent_on, amendment.pk) not in steps(
        date(2023, 3, 31), convention
    )
    assert (ReminderStep.SIGNATURES_PENDING, sent_on, amendment.pk) in steps(
        date(2023, 4, 1), convention
    )


def test_a_tacit_renewal_starts_new_reminders(region, campus_of):
    convention = make_convention(
        region,
        campus_of("securite"),
        "Convention relances tacite",
        renewal_mode=RenewalMode.TACIT,
    )
    assert (ReminderStep.ENDS_IN_6_MONTHS, END, None) in steps(date(2023, 9, 1), convention)
    # The second term runs from 1 March 2024 to 28 February 2027.
    assert (ReminderStep.ENDS_IN_6_MONTHS, date(2027, 2, 28), None) in steps(
        date(2026, 9, 1), convention
    )


# ---------------------------------------------------------------------- sending once


def test_sent_once_per_step_and_deadline(convention, mailoutbox):
    day = date(2023, 10, 30)  # six-month and notice reminders are due

    send_due_reminders(day)
    first_mails = mails_about(mailoutbox, convention)
    send_due_reminders(day)
    send_due_reminders(day + timedelta(days=1))

    rows = Reminder.objects.filter(convention=convention)
    assert sorted(rows.values_list("step", "due_on")) == [
        (ReminderStep.ENDS_IN_6_MONTHS, END),
        (ReminderStep.NOTICE_DEADLINE, NOTICE_DEADLINE),
    ]
    assert len(first_mails) == 2
    assert len(mails_about(mailoutbox, convention)) == 2

    # A new step later on is sent, once.
    send_due_reminders(date(2023, 12, 1))
    send_due_reminders(date(2023, 12, 2))
    assert rows.filter(step=ReminderStep.ENDS_IN_3_MONTHS).count() == 1
    assert len(mails_about(mailoutbox, convention)) == 3


def test_returns_the_number_sent(convention, region, campus_of):
    other = make_convention(region, campus_of("ia"), "Convention relances IA")
    day = date(2023, 8, 29)

    sent = send_due_reminders(day)

    assert sent >= 2
    assert Reminder.objects.filter(convention__in=[convention, other]).count() == 2
    assert send_due_reminders(day) == 0


def test_the_database_refuses_a_duplicate(convention):
    from django.db import IntegrityError, transaction

    Reminder.objects.create(
        convention=convention, step=ReminderStep.ENDS_IN_6_MONTHS, due_on=END, message="1"
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Reminder.objects.create(
            convention=convention, step=ReminderStep.ENDS_IN_6_MONTHS, due_on=END, message="2"
        )


def test_a_failed_e_mail_is_retried_on_the_next_run(convention, mailoutbox, monkeypatch):
    from notifications import delivery

    def broken(*args, **kwargs):
        raise ConnectionRefusedError("SMTP down")

    day = date(2023, 8, 29)
    monkeypatch.setattr(delivery, "send_mail", broken)
    send_due_reminders(day)
    # Recorded before sending (the kernel's protocol), but not sent.
    assert not Reminder.objects.filter(convention=convention, sent_at__isnull=False).exists()

    monkeypatch.undo()
    send_due_reminders(day)
    assert Reminder.objects.filter(convention=convention).count() == 1
    assert len(mails_about(mailoutbox, convention)) == 1


# ---------------------------------------------------------------------------- recipients


def test_recipients_are_regional_staff_and_the_campus_directors(convention, mailoutbox, user_of):
    retired = User.objects.create_user(
        "ancien-agent", email="ancien@demo.cmq.invalid", role=Role.REGIONAL, is_active=False
    )

    send_due_reminders(date(2023, 8, 29))

    [mail] = mails_about(mailoutbox, convention)
    regional = set(
        User.objects.filter(role=Role.REGIONAL, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    assert user_of("region").email in mail.to
    assert regional <= set(mail.to)
    assert user_of("dir-versailles").email in mail.to
    assert user_of("dir-ia").email not in mail.to
    assert retired.email not in mail.to
    assert set(mail.to) == regional | {user_of("dir-versailles").email}
    reminder = Reminder.objects.get(convention=convention)
    assert set(reminder.recipients.split(", ")) == set(mail.to)


def test_a_former_director_is_not_told(convention, mailoutbox, user_of, campus_of):
    from campuses.models import CampusDirector

    CampusDirector.objects.filter(
        campus=campus_of("versailles"), user=user_of("dir-versailles")
    ).update(end=date(2023, 6, 30))

    send_due_reminders(date(2023, 8, 29))

    [mail] = mails_about(mailoutbox, convention)
    assert user_of("dir-versailles").email not in mail.to
    assert user_of("region").email in mail.to


def test_e_mail_is_in_french(convention, mailoutbox):
    send_due_reminders(date(2023, 8, 29))

    [mail] = mails_about(mailoutbox, convention)
    assert mail.subject.startswith("[Portail CMQ] Relance : Fin de la convention")
    assert convention.campus.short_name in mail.subject
    assert "prend fin le 29/02/2024" in mail.body
    assert "Convention relances Versailles" in mail.body
    assert f"/conventions/{convention.pk}/" in mail.body
    assert mail.from_email == settings.DEFAULT_FROM_EMAIL


# ---------------------------------------------------------------------------- home pages


@pytest.fixture
def reminded(convention):
    send_due_reminders(date(2023, 8, 29))
    return Reminder.objects.get(convention=convention)


@pytest.mark.parametrize(
    ("username", "sees"),
    [
        ("region", True),
        ("admin", True),
        ("dir-versailles", True),
        ("dir-ia", False),
        ("rectorat-paris", True),
        ("rectorat-versailles", True),
        ("rectorat-creteil", False),
    ],
)
def test_home_page_shows_the_reminder_to_who_may_see_it(username, sees, reminded, client_of):
    response = client_of(username).get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Relances récentes sur les conventions" in html
    assert (escape(reminded.message) in html) == sees


def test_recent_reminders_selector(reminded, user_of):
    assert reminded in recent_reminders(user_of("region"))
    assert reminded in recent_reminders(user_of("dir-versailles"))
    assert reminded not in recent_reminders(user_of("dir-ia"))
    assert recent_reminders(user_of("expert")) == []
    assert len(recent_reminders(user_of("region"), limit=1)) == 1


def test_home_query_count_does_not_grow_with_reminders(region, campus_of, client_of):
    client = client_of("region")

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/").status_code == 200
        return len(queries)

    make_convention(region, campus_of("versailles"), "Convention relances 1")
    send_due_reminders(date(2023, 8, 29))
    before = Reminder.objects.count()
    baseline = count()
    for key in ("ia", "icm", "sante"):
        make_convention(region, campus_of(key), f"Convention relances {key}")
    send_due_reminders(date(2023, 10, 30))
    assert Reminder.objects.count() >= before + 3
    assert count() == baseline


# ------------------------------------------------------------------------- beat and task


def test_beat_runs_the_task_every_day_at_seven_paris_time():
    entry = next(
        e
        for e in settings.CELERY_BEAT_SCHEDULE.values()
        if e["task"] == "conventions.tasks.send_reminders"
    )
    schedule = entry["schedule"]
    assert schedule.hour == {7} and schedule.minute == {0}
    assert schedule.day_of_week == set(range(7))
    assert str(schedule.tz) == "Europe/Paris"


def test_the_task_sends_what_is_due_today(region, campus_of, mailoutbox):
    today = timezone.localdate()
    signed_on = add_years(today, -3) + timedelta(days=100)  # ends in 99 days
    convention = signed_convention(
        region,
        campus_of("energie"),
        signed_on=signed_on,
        renewal_mode=RenewalMode.NONE,
        notice_months=None,
    )
    assert add_months(today, 3) < add_years(signed_on, 3) - timedelta(days=1)

    sent = send_reminders.delay().get()

    assert sent >= 1
    assert Reminder.objects.filter(
        convention=convention, step=ReminderStep.ENDS_IN_6_MONTHS
    ).exists()
