"""The follow-up's e-mails: the campaign's opening to the directors; D-30, D-7 and D-1 to the
directors of sheets not submitted; the overdue notice to regional staff; reviewers reminded of
sheets waiting for more than 15 days; the submission and changes-requested notices. Each is
sent exactly once (two beat runs a day, a worker dying mid-run, SMTP down), to the right
people, in French with the sheet's address, and logged on the sheet.

The campaign used is year 2040 (opened 05/01/2041, deadline 31/03/2041): the days given to
send_due_reminders(today=…) or frozen by patching django.utils.timezone.localdate (the
project has no freezegun) are years ahead of the demo's campaigns, whose sheets are left out
of every assertion by looking only at this campaign's sheets.
"""

import threading
from datetime import date, datetime, timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection, transaction
from django.utils import timezone

from accounts.models import Role, User
from campuses.models import CampusDirector
from followup import services
from followup.models import FollowUpSheet, ReminderStep, SheetReminder, SheetStatus
from followup.notifications import (
    due_reminders,
    email_log,
    send_changes_requested,
    send_due_reminders,
    send_opening,
    send_submitted,
    sheet_url,
)
from followup.tasks import send_reminders
from notifications import delivery
from tests.followup.helpers import YEAR, fill
from tests.services import needs_postgres

pytestmark = pytest.mark.django_db

OPENS_ON = date(YEAR + 1, 1, 5)
DEADLINE = date(YEAR + 1, 3, 31)
D30, D7, D1 = ReminderStep.DAYS_30, ReminderStep.DAYS_7, ReminderStep.DAYS_1
OVERDUE, REVIEW, OPENING = ReminderStep.OVERDUE, ReminderStep.REVIEW_WAITING, ReminderStep.OPENING


def before(days):
    return DEADLINE - timedelta(days=days)


def aware(day, hour=10):
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour))


def emails(*usernames):
    return sorted(User.objects.get(username=name).email for name in usernames)


def regional_emails():
    return sorted(
        User.objects.filter(role=Role.REGIONAL, is_active=True).values_list("email", flat=True)
    )


# ============================================================================== fixtures


@pytest.fixture
def region(user_of):
    return user_of("region")


@pytest.fixture
def director(user_of):
    return user_of("dir-versailles")


@pytest.fixture
def campaign(region):
    return services.open_campaign(
        region, year=YEAR, opens_on=OPENS_ON, deadline=DEADLINE, notify=False
    )


@pytest.fixture
def sheet(campaign, campus_of):
    return FollowUpSheet.objects.get(campaign=campaign, campus=campus_of("versailles"))


@pytest.fixture
def frozen(monkeypatch):
    """frozen(day): from now on, today is `day` for every module using timezone.localdate."""

    def freeze(day):
        monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day)
        return day

    return freeze


def submit_on(director, sheet, day):
    """Fill (if needed) and submit the sheet, as if on `day`."""
    if FollowUpSheet.objects.get(pk=sheet.pk).status == SheetStatus.NOT_STARTED:
        fill(director, sheet)
    services.submit(director, sheet)
    FollowUpSheet.objects.filter(pk=sheet.pk).update(submitted_at=aware(day))
    return FollowUpSheet.objects.get(pk=sheet.pk)


def steps_on(day, sheet):
    return [(d.step, d.due_on) for d in due_reminders(day) if d.sheet.pk == sheet.pk]


def rows(sheet):
    return sorted(
        (r.step, r.due_on, r.sent_at is not None) for r in SheetReminder.objects.filter(sheet=sheet)
    )


def mails_about(sheet):
    address = sheet_url(sheet)
    return [message for message in mail.outbox if address in message.body]


def of_campaign(reminders, campaign):
    return [r for r in reminders if r.sheet.campaign_id == campaign.pk]


# ============================================================================== the steps


def test_each_step_at_its_date(sheet):
    assert steps_on(OPENS_ON, sheet) == []
    assert steps_on(before(31), sheet) == []
    assert steps_on(before(30), sheet) == [(D30, DEADLINE)]
    assert steps_on(before(8), sheet) == [(D30, DEADLINE)]
    # The windows do not overlap: one reminder at a time.
    assert steps_on(before(7), sheet) == [(D7, DEADLINE)]
    assert steps_on(before(2), sheet) == [(D7, DEADLINE)]
    assert steps_on(before(1), sheet) == [(D1, DEADLINE)]
    assert steps_on(DEADLINE, sheet) == [(D1, DEADLINE)]
    assert steps_on(DEADLINE + timedelta(days=1), sheet) == [(OVERDUE, DEADLINE)]
    assert steps_on(DEADLINE + timedelta(days=200), sheet) == [(OVERDUE, DEADLINE)]


def test_a_step_whose_date_precedes_the_opening_is_skipped(region, campus_of):
    """Opened 11 days before its deadline: the opening e-mail gave the deadline, no D-30."""
    late = services.open_campaign(
        region,
        year=YEAR + 1,
        opens_on=date(YEAR + 2, 3, 20),
        deadline=date(YEAR + 2, 3, 31),
        notify=False,
    )
    sheet = late.sheets.get(campus=campus_of("versailles"))
    assert steps_on(date(YEAR + 2, 3, 21), sheet) == []
    assert steps_on(date(YEAR + 2, 3, 24), sheet) == [(D7, date(YEAR + 2, 3, 31))]
    # Not before its opening either.
    assert steps_on(date(YEAR + 2, 3, 19), sheet) == []


def test_each_step_is_sent_once_with_two_beat_runs_a_day(campaign, sheet, director):
    sent = []
    day = OPENS_ON
    while day <= DEADLINE + timedelta(days=10):
        sent += of_campaign(send_due_reminders(day), campaign)
        sent += of_campaign(send_due_reminders(day), campaign)  # beat runs twice
        day += timedelta(days=1)

    assert rows(sheet) == [
        (D1, DEADLINE, True),
        (D30, DEADLINE, True),
        (D7, DEADLINE, True),
        (OVERDUE, DEADLINE, True),
    ]
    # Every sheet of the campaign: the same four e-mails, once each.
    assert len(sent) == 4 * campaign.sheets.count()
    about = mails_about(sheet)
    assert [m.to for m in about] == [[director.email]] * 3 + [regional_emails()]
    assert "31/03/2041" in about[0].subject and "Campus Versailles" in about[0].subject
    assert "en retard" in about[3].subject


def test_sent_once_across_two_beat_runs_on_a_frozen_clock(campaign, sheet, frozen):
    frozen(before(7))

    first = send_reminders()
    second = send_reminders()

    assert first >= campaign.sheets.count()
    assert second == 0
    assert rows(sheet) == [(D7, DEADLINE, True)]
    (message,) = mails_about(sheet)
    assert message.to == emails("dir-versailles")
    assert timezone.localdate() == before(7)


def test_nothing_for_submitted_or_validated_sheets(region, director, campaign, sheet, campus_of):
    submit_on(director, sheet, OPENS_ON)
    services.validate_sheet(region, sheet)
    mode = campaign.sheets.get(campus=campus_of("mode"))
    submit_on(User.objects.get(username="dir-mode"), mode, before(35))

    day = OPENS_ON
    while day <= DEADLINE + timedelta(days=60):
        send_due_reminders(day)
        day += timedelta(days=1)

    assert rows(sheet) == [] and mails_about(sheet) == []
    # A sheet waiting for review: its reviewers are reminded, never its director.
    assert rows(mode) == [(REVIEW, before(35), True)]
    (message,) = mails_about(mode)
    assert emails("dir-mode")[0] not in message.to


def test_a_sheet_returned_for_changes_is_reminded_to_its_director(
    region, director, sheet, campaign
):
    submit_on(director, sheet, before(40))
    services.request_changes(region, sheet, "Complétez la rubrique 8.")

    assert steps_on(before(7), sheet) == [(D7, DEADLINE)]
    send_due_reminders(before(7))
    (message,) = mails_about(sheet)
    assert message.to == [director.email]
    assert "Des modifications ont été demandées" in message.body


def test_the_overdue_notice_goes_to_regional_staff_once(campaign, sheet):
    for day in (
        DEADLINE + timedelta(days=1),
        DEADLINE + timedelta(days=1),
        DEADLINE + timedelta(days=30),
    ):
        send_due_reminders(day)

    assert rows(sheet) == [(OVERDUE, DEADLINE, True)]
    (message,) = mails_about(sheet)
    assert message.to == regional_emails()
    assert User.objects.get(username="dir-versailles").email not in message.to
    assert "n'est toujours pas soumise" in message.body


def test_reviewers_are_reminded_after_15_days_once_per_submission(region, director, sheet):
    submitted_on = date(YEAR + 1, 3, 1)
    submit_on(director, sheet, submitted_on)

    assert steps_on(submitted_on + timedelta(days=15), sheet) == []  # 15 days: not yet
    for days in (16, 16, 17, 40):
        send_due_reminders(submitted_on + timedelta(days=days))

    assert rows(sheet) == [(REVIEW, submitted_on, True)]
    (message,) = mails_about(sheet)
    # Rectorate staff of the campus's academies (Paris = région académique, Versailles) and
    # regional staff; not Créteil's, not the campus.
    assert sorted(message.to) == sorted(
        emails("rectorat-paris", "rectorat-versailles") + regional_emails()
    )
    assert "en attente de relecture depuis le 01/03/2041" in message.subject

    # Returned, then submitted again: a new submission, a new reminder.
    services.request_changes(region, sheet, "Rubrique 8")
    resubmitted_on = date(YEAR + 1, 4, 2)
    submit_on(director, sheet, resubmitted_on)
    for days in (16, 17):
        send_due_reminders(resubmitted_on + timedelta(days=days))
    reviews = [row for row in rows(sheet) if row[0] == REVIEW]
    assert reviews == [(REVIEW, submitted_on, True), (REVIEW, resubmitted_on, True)]


# ============================================================== crashes and concurrent runs


class WorkerLost(BaseException):
    """The worker process dies (not an Exception: nothing catches it on the way up)."""


def crash_on(monkeypatch, nth, about=f"suivi {YEAR}"):
    """The nth e-mail about this campaign kills the worker before it is handed over."""
    real = delivery.send_mail
    calls = []

    def sending(subject, *args, **kwargs):
        if about in subject:
            calls.append(subject)
            if len(calls) == nth:
                raise WorkerLost
        return real(subject, *args, **kwargs)

    monkeypatch.setattr(delivery, "send_mail", sending)


def about_campaign(year=YEAR):
    return [m for m in mail.outbox if f"suivi {year}" in m.subject]


def test_a_crash_mid_run_is_retried_without_duplicates(monkeypatch, campaign):
    day = before(7)
    crash_on(monkeypatch, 3)
    with pytest.raises(WorkerLost):
        send_due_reminders(day)

    reminders = SheetReminder.objects.filter(sheet__campaign=campaign)
    assert reminders.filter(sent_at__isnull=False).count() == 2
    # The row written before the crash is there, without `sent_at`: the next run sends it.
    (unsent,) = reminders.filter(sent_at__isnull=True)
    assert len(about_campaign()) == 2

    monkeypatch.undo()
    send_due_reminders(day)  # the worker restarted: beat runs again
    send_due_reminders(day)

    sheets = list(campaign.sheets.all())
    assert reminders.count() == len(sheets)
    assert not reminders.filter(sent_at__isnull=True).exists()
    for sheet in sheets:
        assert len(mails_about(sheet)) == 1, sheet
    unsent.refresh_from_db()
    assert unsent.sent_at is not None and unsent.recipients


def test_an_smtp_failure_is_retried_by_the_next_run(monkeypatch, sheet):
    def broken(*args, **kwargs):
        raise OSError("SMTP indisponible")

    monkeypatch.setattr(delivery, "send_mail", broken)
    assert sheet.pk not in {r.sheet_id for r in send_due_reminders(before(30))}
    assert rows(sheet) == [(D30, DEADLINE, False)]

    monkeypatch.undo()
    assert sheet.pk in {r.sheet_id for r in send_due_reminders(before(29))}
    assert rows(sheet) == [(D30, DEADLINE, True)]
    assert len(mails_about(sheet)) == 1


def test_a_reminder_inserted_by_a_concurrent_run_is_not_inserted_twice(monkeypatch, sheet):
    """The other run's row appears between this run's read and its insert: the constraint
    refuses the second insert, this run takes the existing row (already sent: nothing)."""
    SheetReminder.objects.create(
        sheet=sheet, step=D7, due_on=DEADLINE, subject="x", sent_at=timezone.now()
    )
    real_filter = SheetReminder.objects.filter

    def blind_filter(*args, **kwargs):  # this run's pre-check does not see the other's row
        if "sent_at__isnull" in kwargs and kwargs["sent_at__isnull"] is False:
            return SheetReminder.objects.none()
        return real_filter(*args, **kwargs)

    monkeypatch.setattr(SheetReminder.objects, "filter", blind_filter)
    send_due_reminders(before(7))

    assert rows(sheet) == [(D7, DEADLINE, True)]
    assert mails_about(sheet) == []


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_a_row_being_sent_by_another_worker_is_skipped(region, campus_of):
    """PostgreSQL: a worker holds the row's lock while it sends; another run skips it (SKIP
    LOCKED) instead of sending it a second time, and sends it only if the first one died."""
    campaign = services.open_campaign(
        region, year=YEAR, opens_on=OPENS_ON, deadline=DEADLINE, notify=False
    )
    sheet = campaign.sheets.get(campus=campus_of("versailles"))
    row = SheetReminder.objects.create(sheet=sheet, step=D7, due_on=DEADLINE, subject="x")
    locked, release = threading.Event(), threading.Event()

    def other_worker():
        try:
            with transaction.atomic():
                SheetReminder.objects.select_for_update().get(pk=row.pk)
                locked.set()
                release.wait(timeout=30)
        finally:
            connection.close()

    thread = threading.Thread(target=other_worker)
    thread.start()
    assert locked.wait(timeout=30)
    try:
        send_due_reminders(before(7))
        assert mails_about(sheet) == []
    finally:
        release.set()
        thread.join()
    # The other worker died without sending (its transaction ended): the next run sends it.
    send_due_reminders(before(7))
    assert len(mails_about(sheet)) == 1


# ================================================================== opening and recipients


def test_the_opening_is_sent_once_to_each_campus_directors(campaign, sheet, director):
    first = send_opening(campaign.pk)
    second = send_opening(campaign.pk)

    assert len(first) == campaign.sheets.count() and second == []
    assert rows(sheet) == [(OPENING, OPENS_ON, True)]
    (message,) = mails_about(sheet)
    assert message.to == [director.email]
    assert message.subject == "[Portail CMQ] Campagne de suivi 2040 ouverte – Campus Versailles"
    assert "avant le 31/03/2041" in message.body
    assert f"{settings.SITE_URL}/suivi/fiches/{sheet.pk}/" in message.body
    assert "aucune donnée personnelle" in message.body


def test_an_unsent_opening_is_retried_by_the_daily_run(monkeypatch, campaign):
    crash_on(monkeypatch, 4)
    with pytest.raises(WorkerLost):
        send_opening(campaign.pk)
    monkeypatch.undo()
    assert SheetReminder.objects.filter(sheet__campaign=campaign, sent_at__isnull=True).count() == 1

    send_due_reminders(OPENS_ON + timedelta(days=1))
    send_due_reminders(OPENS_ON + timedelta(days=2))

    openings = SheetReminder.objects.filter(sheet__campaign=campaign, step=OPENING)
    # The three sent before the crash and the one it interrupted; the others were never begun.
    assert openings.count() == openings.filter(sent_at__isnull=False).count() == 4
    assert len(about_campaign()) == 4

    send_opening(campaign.pk)  # the task delivered again completes the job, once per sheet
    send_opening(campaign.pk)
    assert openings.count() == openings.filter(sent_at__isnull=False).count() == 9
    for sheet in campaign.sheets.all():
        assert len(mails_about(sheet)) == 1


def test_recipients_are_the_directors_in_office_with_an_active_account(
    campaign, sheet, campus_of, director
):
    versailles = campus_of("versailles")
    deputy = User.objects.create_user("adjointe", email="adjointe@cmq.invalid", role=Role.DIRECTOR)
    CampusDirector.objects.create(campus=versailles, user=deputy, full_name="A", role="deputy")
    former = User.objects.create_user("ancien", email="ancien@cmq.invalid", role=Role.DIRECTOR)
    CampusDirector.objects.create(
        campus=versailles,
        user=former,
        full_name="B",
        start=date(2030, 1, 1),
        end=OPENS_ON - timedelta(days=1),
    )
    inactive = User.objects.create_user(
        "parti", email="parti@cmq.invalid", role=Role.DIRECTOR, is_active=False
    )
    CampusDirector.objects.create(campus=versailles, user=inactive, full_name="C")
    CampusDirector.objects.create(campus=versailles, full_name="Sans compte", email="x@cmq.invalid")

    send_due_reminders(before(30))

    (message,) = mails_about(sheet)
    assert sorted(message.to) == sorted([director.email, deputy.email])


# =================================================================== event notifications


def test_the_submission_is_notified_to_the_reviewers_once(director, sheet):
    submit_on(director, sheet, before(10))

    first = send_submitted(sheet.pk)
    second = send_submitted(sheet.pk)  # the task delivered twice

    assert len(first) == 1 and second == []
    (message,) = mails_about(sheet)
    assert sorted(message.to) == sorted(
        emails("rectorat-paris", "rectorat-versailles") + regional_emails()
    )
    assert message.subject == "[Portail CMQ] Fiche de suivi 2040 soumise – Campus Versailles"
    assert "attend votre relecture" in message.body


def test_changes_requested_are_sent_to_the_directors_with_the_comments_they_may_read(
    region, director, user_of, sheet
):
    fill(director, sheet)
    services.submit(director, sheet)
    services.add_comment(user_of("rectorat-versailles"), sheet, section=8, text="Quels pays ?")
    services.add_comment(region, sheet, section=0, text="Bon ensemble")
    services.add_comment(region, sheet, section=5, text="Dossier fragile", internal=True)
    services.request_changes(region, sheet, "Complétez la rubrique 8.")

    assert len(send_changes_requested(sheet.pk)) == 1
    assert send_changes_requested(sheet.pk) == []

    (message,) = mails_about(sheet)
    assert message.to == [director.email]
    assert "Complétez la rubrique 8." in message.body
    assert "Rubrique 8 (Rectorat) : Quels pays ?" in message.body
    assert "Ensemble de la fiche (Région) : Bon ensemble" in message.body
    assert "Dossier fragile" not in message.body


def test_each_transition_gets_its_own_notice(region, director, sheet):
    submit_on(director, sheet, before(10))
    send_submitted(sheet.pk)
    services.request_changes(region, sheet, "Rubrique 8")
    send_changes_requested(sheet.pk)
    submit_on(director, sheet, before(9))
    send_submitted(sheet.pk)

    subjects = [m.subject for m in mails_about(sheet)]
    assert len(subjects) == 3 and sum("soumise" in s for s in subjects) == 2


def test_no_notice_when_the_sheet_moved_on(region, director, sheet):
    submit_on(director, sheet, before(10))
    services.validate_sheet(region, sheet)
    assert send_submitted(sheet.pk) == []
    assert send_changes_requested(sheet.pk) == []
    assert send_submitted(999_999_999) == []
    assert mails_about(sheet) == []


def test_a_failed_notice_is_retried(monkeypatch, director, sheet):
    submit_on(director, sheet, before(10))

    def broken(*args, **kwargs):
        raise OSError("SMTP indisponible")

    monkeypatch.setattr(delivery, "send_mail", broken)
    assert send_submitted(sheet.pk) == []
    monkeypatch.undo()
    assert len(send_submitted(sheet.pk)) == 1
    assert len(mails_about(sheet)) == 1


def test_the_tasks_run_the_notices_after_commit(
    director, region, sheet, django_capture_on_commit_callbacks
):
    fill(director, sheet)
    with django_capture_on_commit_callbacks(execute=True):
        services.submit(director, sheet)
    with django_capture_on_commit_callbacks(execute=True):
        services.request_changes(region, sheet, "Rubrique 8")

    subjects = [m.subject for m in mails_about(sheet)]
    assert len(subjects) == 2
    assert "soumise" in subjects[0] and "Modifications demandées" in subjects[1]


# ================================================================================= the log


def test_every_email_is_logged_on_the_sheet(region, director, user_of, sheet, campaign):
    send_opening(campaign.pk)
    send_due_reminders(before(30))
    submit_on(director, sheet, before(20))
    send_submitted(sheet.pk)
    services.request_changes(region, sheet, "Rubrique 8")
    send_changes_requested(sheet.pk)

    sheet = FollowUpSheet.objects.get(pk=sheet.pk)
    for_region = email_log(sheet, region)
    assert sorted(row.kind for row in for_region) == sorted(
        [OPENING, D30, "submitted", "changes_requested"]
    )
    assert all(row.sent_at and row.subject and row.recipients for row in for_region)
    # The campus sees the e-mails it received, never who the reviewers are.
    for_director = email_log(sheet, director)
    assert sorted(row.kind for row in for_director) == sorted([OPENING, D30, "changes_requested"])
    assert all("rectorat" not in row.recipients for row in for_director)
