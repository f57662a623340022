"""The renewal retro-planning, computed backwards from the label's end with the offsets in
settings, and the reminders before each milestone: LABEL_REMINDER_DAYS_BEFORE days before, to
regional staff, the campus's rectorate and its director, exactly once (a second run, the next
day, an SMTP failure then a retry), and none for a milestone already reached.

The clock is frozen by passing `today=` to send_milestone_reminders. The test label runs from
01/07/2026 to 30/06/2031 on a new campus of the académie de Créteil; its milestones fall in
2030, after every label of the demo; only its own reminders and e-mails are looked at."""

from datetime import date, timedelta

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from campuses.models import LabelCategory, LabelPeriod
from core.roles import Role
from labels import services
from labels.models import (
    LabelObligation,
    LabelReminder,
    Milestone,
    ObligationKind,
)
from labels.planning import entries, renewal_dates, send_milestone_reminders
from notifications import delivery
from tests.labels import helpers as h

pytestmark = pytest.mark.django_db

M = Milestone
START, END = date(2026, 7, 1), date(2031, 6, 30)
RENEWAL_FILE = date(2030, 8, 30)  # 10 months before the end
CAEN = date(2030, 10, 30)  # 8 months
CREFOP = date(2030, 11, 30)  # 7 months
SESSION = date(2030, 12, 30)  # 6 months
DAYS = 30  # LABEL_REMINDER_DAYS_BEFORE


@pytest.fixture
def campus():
    return h.fresh_campus("creteil")


@pytest.fixture
def director(campus):
    return h.director(campus)


@pytest.fixture
def period(campus):
    return LabelPeriod.objects.create(
        campus=campus, category=LabelCategory.CMQ, start=START, end=END
    )


def reminders(campus):
    return LabelReminder.objects.filter(campus=campus)


def mails_of(campus):
    return [m for m in mail.outbox if m.subject.endswith(f"– {campus.short_name}")]


def sent_milestones(campus):
    return list(
        reminders(campus)
        .filter(sent_at__isnull=False)
        .order_by("due_on", "milestone")
        .values_list("milestone", "due_on")
    )


# ---------------------------------------------------------------------- retro-planning


def test_the_retro_planning_with_the_default_offsets():
    assert renewal_dates(END) == {
        M.RENEWAL_FILE: RENEWAL_FILE,
        M.CAEN_OPINION: CAEN,
        M.CREFOP_OPINION: CREFOP,
        M.SESSION_DEADLINE: SESSION,
    }


def test_the_retro_planning_follows_the_settings(settings):
    settings.LABEL_RENEWAL_MONTHS_BEFORE_END = {
        "renewal_file": 12,
        "caen_opinion": 9,
        "crefop_opinion": 9,
        "session_deadline": 4,
    }

    assert renewal_dates(date(2031, 2, 28)) == {
        M.RENEWAL_FILE: date(2030, 2, 28),
        M.CAEN_OPINION: date(2030, 5, 28),
        M.CREFOP_OPINION: date(2030, 5, 28),
        M.SESSION_DEADLINE: date(2030, 10, 28),
    }


def test_a_month_end_stays_within_its_month():
    # Ten months before 31 December is 28 February, not 3 March.
    assert renewal_dates(date(2031, 12, 31))[M.RENEWAL_FILE] == date(2031, 2, 28)


def test_the_planning_of_a_campus_lists_its_milestones(campus, period):
    rows = entries(today=date(2030, 1, 1), campus=campus)

    assert [(row.milestone, row.due_on, row.done) for row in rows] == [
        (M.PROGRESS_REPORT, date(2028, 7, 1), False),
        (M.MID_TERM, START + timedelta(days=(END - START).days // 2), False),
        (M.RENEWAL_FILE, RENEWAL_FILE, False),
        (M.CAEN_OPINION, CAEN, False),
        (M.CREFOP_OPINION, CREFOP, False),
        (M.SESSION_DEADLINE, SESSION, False),
    ]
    assert {row.period for row in rows} == {period}


# -------------------------------------------------------------------------- reminders


def test_nothing_is_sent_more_than_30_days_before(campus, period, director):
    send_milestone_reminders(today=RENEWAL_FILE - timedelta(days=DAYS + 1))

    assert not reminders(campus).exists()
    assert mails_of(campus) == []


def test_the_reminder_goes_out_30_days_before(campus, period, director, user_of):
    send_milestone_reminders(today=RENEWAL_FILE - timedelta(days=DAYS))

    assert sent_milestones(campus) == [(M.RENEWAL_FILE, RENEWAL_FILE)]
    [message] = mails_of(campus)
    assert message.subject == (
        f"[Portail CMQ] Label : Dossier de renouvellement transmis au recteur le 30/08/2030 "
        f"– {campus.short_name}"
    )
    assert campus.name in message.body
    url = django_settings.SITE_URL + reverse("campuses:detail", args=[campus.pk])
    assert url in message.body
    regional = set(
        User.objects.filter(role=Role.REGIONAL, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    rectorate = {user_of("rectorat-creteil").email, user_of("rectorat-paris").email}
    assert set(message.to) == regional | rectorate | {director.email}
    assert user_of("rectorat-versailles").email not in message.to
    assert user_of("dir-ia").email not in message.to
    [row] = reminders(campus)
    assert set(row.recipients.split(", ")) == set(message.to)


def test_each_milestone_has_its_reminder_in_turn(campus, period, director):
    for milestone_day in (RENEWAL_FILE, CAEN, CREFOP, SESSION):
        send_milestone_reminders(today=milestone_day - timedelta(days=DAYS))

    assert sent_milestones(campus) == [
        (M.RENEWAL_FILE, RENEWAL_FILE),
        (M.CAEN_OPINION, CAEN),
        (M.CREFOP_OPINION, CREFOP),
        (M.SESSION_DEADLINE, SESSION),
    ]
    assert len(mails_of(campus)) == 4


def test_a_reminder_is_sent_exactly_once(campus, period, director):
    day = RENEWAL_FILE - timedelta(days=DAYS)
    send_milestone_reminders(today=day)
    send_milestone_reminders(today=day)
    send_milestone_reminders(today=day + timedelta(days=1))
    send_milestone_reminders(today=RENEWAL_FILE)

    assert len(mails_of(campus)) == 1
    assert reminders(campus).count() == 1


def test_the_reminder_delay_follows_the_settings(settings, campus, period):
    settings.LABEL_REMINDER_DAYS_BEFORE = 10

    send_milestone_reminders(today=RENEWAL_FILE - timedelta(days=11))
    assert mails_of(campus) == []

    send_milestone_reminders(today=RENEWAL_FILE - timedelta(days=10))
    assert sent_milestones(campus) == [(M.RENEWAL_FILE, RENEWAL_FILE)]


def test_a_moved_milestone_is_reminded_at_its_new_date(settings, campus, period):
    send_milestone_reminders(today=RENEWAL_FILE - timedelta(days=DAYS))
    settings.LABEL_RENEWAL_MONTHS_BEFORE_END = {
        "renewal_file": 9,
        "caen_opinion": 8,
        "crefop_opinion": 7,
        "session_deadline": 6,
    }
    moved = date(2030, 9, 30)

    send_milestone_reminders(today=moved - timedelta(days=DAYS))

    assert sent_milestones(campus) == [(M.RENEWAL_FILE, RENEWAL_FILE), (M.RENEWAL_FILE, moved)]


# ------------------------------------------------------------------ milestones reached


def test_a_deposited_renewal_application_silences_the_renewal_reminders(
    region, rectorate, campus, period, director
):
    h.deposited(region, rectorate, campus, kind="renew")

    for milestone_day in (RENEWAL_FILE, CAEN, CREFOP, SESSION):
        send_milestone_reminders(today=milestone_day - timedelta(days=DAYS))

    assert not reminders(campus).exists()
    assert mails_of(campus) == []
    assert all(row.done for row in entries(today=RENEWAL_FILE, campus=campus) if row.is_renewal)


def test_a_draft_renewal_reaches_the_milestones_it_has(region, campus, period, director):
    application = h.draft(region, campus, kind="renew")
    services.upload_dossier(region, application, h.pdf_upload(5))

    send_milestone_reminders(today=RENEWAL_FILE - timedelta(days=DAYS))
    send_milestone_reminders(today=CAEN - timedelta(days=DAYS))

    # The dossier is there; the CAEN's opinion is not yet.
    assert sent_milestones(campus) == [(M.CAEN_OPINION, CAEN)]


def test_the_application_that_granted_the_label_does_not_renew_it(
    region, rectorate, campus, user_of
):
    """A label granted by a renewal decided on the portal still has its next renewal to
    prepare: its reminders go out."""
    experts = [user_of("expert"), h.expert()]
    application = h.decided(region, rectorate, campus, experts, kind="renew")
    end = application.label_period.end
    renewal_file = renewal_dates(end)[M.RENEWAL_FILE]

    send_milestone_reminders(today=renewal_file - timedelta(days=DAYS))

    assert sent_milestones(campus) == [(M.RENEWAL_FILE, renewal_file)]
    assert not next(
        row.done
        for row in entries(today=renewal_file, campus=campus)
        if row.milestone == M.RENEWAL_FILE
    )


def test_a_renewal_refused_before_the_label_began_does_not_renew_it(
    region, rectorate, campus, user_of
):
    experts = [user_of("expert"), h.expert()]
    h.decided(region, rectorate, campus, experts, kind="renew", decision="refused")
    start = timezone.localdate() + timedelta(days=30)
    later = LabelPeriod.objects.create(
        campus=campus, category=LabelCategory.CMQ, start=start, end=start + timedelta(days=1500)
    )
    renewal_file = renewal_dates(later.end)[M.RENEWAL_FILE]

    send_milestone_reminders(today=renewal_file - timedelta(days=DAYS))

    assert sent_milestones(campus) == [(M.RENEWAL_FILE, renewal_file)]


def test_an_obligation_is_reminded_until_it_is_filed(region, campus, period, director):
    progress = LabelObligation.objects.get(label_period=period, kind=ObligationKind.PROGRESS_REPORT)

    send_milestone_reminders(today=progress.due_on - timedelta(days=DAYS))
    assert sent_milestones(campus) == [(M.PROGRESS_REPORT, progress.due_on)]

    mid_term = LabelObligation.objects.get(label_period=period, kind=ObligationKind.MID_TERM)
    services.file_obligation(director, mid_term, report=h.pdf_upload(4, "rapport.pdf"))
    send_milestone_reminders(today=mid_term.due_on - timedelta(days=DAYS))
    assert sent_milestones(campus) == [(M.PROGRESS_REPORT, progress.due_on)]


# ------------------------------------------------------------------------ SMTP failure


def test_an_smtp_failure_leaves_the_reminder_for_the_next_run(
    monkeypatch, campus, period, director
):
    day = RENEWAL_FILE - timedelta(days=DAYS)

    def smtp_down(*args, **kwargs):
        raise OSError("SMTP indisponible")

    with monkeypatch.context() as patched:
        patched.setattr(delivery, "send_mail", smtp_down)
        send_milestone_reminders(today=day)

    [row] = reminders(campus)
    assert row.sent_at is None
    assert mails_of(campus) == []

    send_milestone_reminders(today=day + timedelta(days=1))

    row.refresh_from_db()
    assert row.sent_at is not None
    assert len(mails_of(campus)) == 1

    send_milestone_reminders(today=day + timedelta(days=2))
    assert len(mails_of(campus)) == 1
    assert reminders(campus).count() == 1
