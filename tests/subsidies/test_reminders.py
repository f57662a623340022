"""Lapse reminders: 90 and 30 days before a grant's lapse date, each recorded and e-mailed once
per dossier, step and date, to regional staff and the campus's directors in office; nothing
for a grant paid in full. The date is frozen by patching django.utils.timezone.localdate (the
project has no freezegun) or given to send_due_reminders(today=…).

The grant made here (Versailles 2031, voted 30 days ago) lapses three years after its vote;
the demo's grants lapse earlier (their dates are past on the days used here).
"""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.db import IntegrityError
from django.utils import timezone

from accounts.models import Role, User
from campuses.models import CampusDirector
from subsidies.models import DossierStatus, PaymentKind, SubsidyReminder, SubsidyReminderStep
from subsidies.reminders import due_reminders, send_due_reminders
from subsidies.tasks import daily_deadlines
from tests.subsidies.test_api import make_signed, make_voted, pay, reference_data

pytestmark = pytest.mark.django_db

LAPSE_90 = SubsidyReminderStep.LAPSE_IN_90_DAYS
LAPSE_30 = SubsidyReminderStep.LAPSE_IN_30_DAYS


@pytest.fixture
def region(user_of):
    return user_of("region")


@pytest.fixture
def grant(region, campus_of):
    """Versailles 2031: voted, agreement signed, 10 000 € of 50 000 € paid."""
    session, envelope = reference_data()
    dossier = make_signed(region, campus_of("versailles"), session, envelope)
    pay(region, dossier, "10000.00")
    dossier.refresh_from_db()
    return dossier


@pytest.fixture
def frozen(monkeypatch):
    """frozen(day): from now on, today is `day` for every module using timezone.localdate."""

    def freeze(day):
        monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day)
        return day

    return freeze


def steps(today, dossier):
    return [(d.step, d.due_on) for d in due_reminders(today) if d.dossier.pk == dossier.pk]


def mails_about(dossier):
    return [message for message in mail.outbox if dossier.number in message.body]


# ----------------------------------------------------------------------------- the steps


def test_the_grant_lapses_three_years_after_its_vote(grant):
    vote = grant.deliberation.date
    assert grant.lapse_on == vote.replace(year=vote.year + 3)
    assert grant.status == DossierStatus.PARTLY_PAID


def test_nothing_is_due_more_than_90_days_before(grant):
    assert steps(grant.lapse_on - timedelta(days=91), grant) == []


def test_ninety_then_thirty_days_before(grant):
    lapse = grant.lapse_on
    assert steps(lapse - timedelta(days=90), grant) == [(LAPSE_90, lapse)]
    assert steps(lapse - timedelta(days=31), grant) == [(LAPSE_90, lapse)]
    # The windows do not overlap: one reminder at a time.
    assert steps(lapse - timedelta(days=30), grant) == [(LAPSE_30, lapse)]
    assert steps(lapse, grant) == [(LAPSE_30, lapse)]


def test_nothing_once_the_date_has_passed(grant):
    assert steps(grant.lapse_on + timedelta(days=1), grant) == []


def test_a_voted_grant_whose_agreement_is_not_signed_is_reminded(region, campus_of):
    session, envelope = reference_data()
    voted = make_voted(region, campus_of("versailles"), session, envelope)

    assert steps(voted.lapse_on - timedelta(days=10), voted) == [(LAPSE_30, voted.lapse_on)]


def test_nothing_for_a_grant_paid_in_full(region, grant):
    pay(region, grant, "40000.00", kind=PaymentKind.BALANCE)
    grant.refresh_from_db()
    assert grant.status == DossierStatus.PAID

    for days in (90, 30, 0):
        assert send_due_reminders(grant.lapse_on - timedelta(days=days)) == []
    assert mails_about(grant) == []
    assert not SubsidyReminder.objects.filter(dossier=grant).exists()


def test_nothing_for_a_closed_or_lapsed_grant(region, grant):
    type(grant).objects.filter(pk=grant.pk).update(status=DossierStatus.LAPSED)

    assert steps(grant.lapse_on - timedelta(days=30), grant) == []


# ------------------------------------------------------------------------------ sent once


def test_sent_once_across_two_runs_on_a_frozen_day(grant, frozen):
    today = frozen(grant.lapse_on - timedelta(days=60))

    first = send_due_reminders()
    second = send_due_reminders()

    assert [(r.dossier_id, r.step, r.due_on) for r in first] == [
        (grant.pk, LAPSE_90, grant.lapse_on)
    ]
    assert second == []
    assert len(mails_about(grant)) == 1
    reminder = SubsidyReminder.objects.get(dossier=grant)
    assert (reminder.step, reminder.due_on) == (LAPSE_90, grant.lapse_on)
    assert timezone.localdate() == today


def test_each_step_is_sent_once_over_the_days(grant):
    lapse = grant.lapse_on
    sent = []
    for days in range(95, -1, -1):  # the daily beat, from 95 days before to the lapse date
        sent += send_due_reminders(lapse - timedelta(days=days))

    assert [(r.step, r.due_on) for r in sent] == [(LAPSE_90, lapse), (LAPSE_30, lapse)]
    assert len(mails_about(grant)) == 2
    assert SubsidyReminder.objects.filter(dossier=grant).count() == 2


def test_a_new_lapse_date_gets_its_own_reminders(grant):
    first = send_due_reminders(grant.lapse_on - timedelta(days=20))
    later = grant.lapse_on + timedelta(days=100)
    type(grant).objects.filter(pk=grant.pk).update(lapse_on=later)

    second = send_due_reminders(later - timedelta(days=20))

    assert [r.due_on for r in first + second] == [grant.lapse_on, later]


def test_the_daily_task_reminds_then_lapses(grant, frozen):
    frozen(grant.lapse_on - timedelta(days=30))
    assert daily_deadlines()["reminders"] == 1
    assert daily_deadlines()["reminders"] == 0  # the beat runs again: nothing more

    frozen(grant.lapse_on + timedelta(days=1))
    result = daily_deadlines()
    grant.refresh_from_db()
    assert grant.status == DossierStatus.LAPSED
    assert result["reminders"] == 0 and result["lapsed"] >= 1
    assert len(mails_about(grant)) == 1


def test_a_reminder_recorded_by_a_concurrent_run_is_not_sent_again(grant, monkeypatch):
    """The other run's row is there by the time this one inserts: the constraint refuses it."""
    original = SubsidyReminder.objects.get_or_create

    def racing_get_or_create(**kwargs):
        original(**kwargs)  # the other run
        raise IntegrityError("subsidies_reminder_once_per_step")

    monkeypatch.setattr(SubsidyReminder.objects, "get_or_create", racing_get_or_create)

    assert send_due_reminders(grant.lapse_on - timedelta(days=60)) == []
    assert mails_about(grant) == []


def test_a_failed_e_mail_is_retried_on_the_next_run(grant, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("SMTP indisponible")

    monkeypatch.setattr("notifications.delivery.send_mail", broken)
    day = grant.lapse_on - timedelta(days=60)
    assert send_due_reminders(day) == []
    # Recorded before sending (the kernel's protocol), but not sent.
    assert not SubsidyReminder.objects.filter(dossier=grant, sent_at__isnull=False).exists()

    monkeypatch.undo()
    assert len(send_due_reminders(day)) == 1
    assert len(mails_about(grant)) == 1


# ----------------------------------------------------------------------- who and what


def test_recipients_are_regional_staff_and_the_campus_directors(grant, campus_of, user_of):
    inactive = User.objects.create_user(
        username="region-parti", email="parti@example.org", password="x", role=Role.REGIONAL
    )
    inactive.is_active = False
    inactive.save()
    former = User.objects.create_user(
        username="dir-ancien", email="ancien@example.org", password="x", role=Role.DIRECTOR
    )
    CampusDirector.objects.create(
        campus=campus_of("versailles"),
        user=former,
        full_name="Ancien directeur",
        start=grant.lapse_on - timedelta(days=2000),
        end=grant.lapse_on - timedelta(days=1000),
    )

    [reminder] = send_due_reminders(grant.lapse_on - timedelta(days=60))

    [message] = mails_about(grant)
    regional = set(
        User.objects.filter(role=Role.REGIONAL, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    director = user_of("dir-versailles").email
    assert set(message.to) == regional | {director}
    assert user_of("dir-mode").email not in message.to
    assert "parti@example.org" not in message.to
    assert "ancien@example.org" not in message.to
    assert set(reminder.recipients.split(", ")) == set(message.to)


def test_the_e_mail_in_french(grant):
    [reminder] = send_due_reminders(grant.lapse_on - timedelta(days=60))

    [message] = mails_about(grant)
    campus = grant.campus
    assert message.subject == (
        f"[Portail CMQ] Relance : Caducité dans moins de 90 jours – {campus.short_name}"
    )
    body = message.body.replace("\u00a0", " ").replace("\u202f", " ")
    lapse = grant.lapse_on.strftime("%d/%m/%Y")
    assert f"Campus : {campus.name}" in body
    assert f"Dossier : {grant.number}" in body
    assert "Montant voté : 50 000,00 €" in body
    assert "Reste à verser : 40 000,00 €" in body
    assert f"Date de caducité : {lapse}" in body
    assert f"/subventions/{grant.pk}/" in body
    assert reminder.message.replace("\u00a0", " ").replace("\u202f", " ") == (
        f"{campus.short_name} : la subvention du dossier {grant.number} devient caduque le "
        f"{lapse} ; reste à verser 40 000,00 €."
    )
    assert Decimal("40000.00") == grant.voted_amount - Decimal("10000.00")
