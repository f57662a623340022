"""The notifications kernel: every e-mail sent at most once, after the commit that decided it,
by a task; a failed sending is retried, never duplicated."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from notifications import delivery
from notifications.delivery import Message, Outgoing
from notifications.models import Notification

pytestmark = pytest.mark.django_db

KIND = "tests.hello"


@pytest.fixture
def composer(monkeypatch):
    """A notification about a user: once per (user, `round`); nothing for an inactive one."""

    def compose(user, *, round="1"):
        if not user.is_active:
            return None
        return Outgoing(
            f"{KIND}:{user.pk}:{round}", Message("Bonjour", "Corps du message", [user.email])
        )

    monkeypatch.setitem(delivery._COMPOSERS, KIND, compose)
    return compose


REAL_SEND_MAIL = delivery.send_mail


def smtp_down(monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionRefusedError("SMTP indisponible")

    monkeypatch.setattr(delivery, "send_mail", broken)


def smtp_back(monkeypatch):
    monkeypatch.setattr(delivery, "send_mail", REAL_SEND_MAIL)


def test_queued_notifications_leave_after_the_commit_once(
    composer, user_of, django_capture_on_commit_callbacks
):
    user = user_of("dir-ia")
    with django_capture_on_commit_callbacks() as callbacks:
        delivery.queue(KIND, user)
    assert mail.outbox == []  # nothing inside the transaction
    for callback in callbacks:
        callback()
    assert [message.to for message in mail.outbox] == [[user.email]]
    # A second delivery of the task (a broker redelivering it) sends nothing.
    assert delivery.dispatch(KIND, user) is None
    assert len(mail.outbox) == 1
    row = Notification.objects.get(key=f"{KIND}:{user.pk}:1")
    assert row.sent_at and row.recipients == user.email and row.about == user


def test_a_failed_sending_stays_recorded_and_is_retried_once(composer, user_of, monkeypatch):
    user = user_of("dir-ia")
    smtp_down(monkeypatch)
    assert delivery.dispatch(KIND, user) is None
    row = Notification.objects.get(key=f"{KIND}:{user.pk}:1")
    assert row.sent_at is None
    smtp_back(monkeypatch)
    assert delivery.dispatch(KIND, user) is not None
    assert delivery.dispatch(KIND, user) is None
    assert len(mail.outbox) == 1


def test_nothing_to_say_sends_nothing(composer, user_of):
    user = user_of("dir-ia")
    User.objects.filter(pk=user.pk).update(is_active=False)
    user.refresh_from_db()
    assert delivery.dispatch(KIND, user) is None
    assert not Notification.objects.filter(kind=KIND).exists() and mail.outbox == []


def test_no_recipient_records_nothing():
    message = Message("Objet", "Corps", [])
    assert delivery.deliver_once(Notification, {"key": "tests.empty"}, message) is None
    assert not Notification.objects.filter(key="tests.empty").exists()


def test_the_sweep_sends_what_was_left_unsent(composer, user_of, monkeypatch):
    user = user_of("dir-ia")
    smtp_down(monkeypatch)
    delivery.dispatch(KIND, user, round="2")
    smtp_back(monkeypatch)
    row = Notification.objects.get(key=f"{KIND}:{user.pk}:2")
    assert delivery.sweep_unsent() == 0  # too recent: its task may still be running
    Notification.objects.filter(pk=row.pk).update(created_at=timezone.now() - timedelta(hours=1))
    assert delivery.sweep_unsent() == 1
    assert delivery.sweep_unsent() == 0
    assert len(mail.outbox) == 1
    # Given up after a few days: an old event is not worth announcing.
    smtp_down(monkeypatch)
    delivery.dispatch(KIND, user, round="3")
    smtp_back(monkeypatch)
    Notification.objects.filter(key=f"{KIND}:{user.pk}:3").update(
        created_at=timezone.now() - timedelta(days=4)
    )
    assert delivery.sweep_unsent() == 0


def test_an_smtp_failure_never_turns_an_invitation_into_an_error_page(
    client_of, campus_of, monkeypatch, django_capture_on_commit_callbacks
):
    smtp_down(monkeypatch)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_of("region").post(
            reverse("accounts:user_invite"),
            {
                "first_name": "Nina",
                "last_name": "Nouvelle",
                "email": "nina.smtp@example.org",
                "username": "",
                "job_title": "",
                "organisation_name": "",
                "role": "director",
                "campuses": [campus_of("ia").pk],
                "director_role": "deputy",
            },
        )
    assert response.status_code == 302
    user = User.objects.get(email="nina.smtp@example.org")
    (row,) = Notification.objects.filter(kind="accounts.invitation", object_id=str(user.pk))
    assert row.sent_at is None and mail.outbox == []
    smtp_back(monkeypatch)
    Notification.objects.filter(pk=row.pk).update(created_at=timezone.now() - timedelta(hours=1))
    assert delivery.sweep_unsent() == 1
    assert "/mot-de-passe/nouveau/" in mail.outbox[0].body


def test_the_password_reset_link_is_made_when_sent_and_never_stored(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:password_reset"), {"email": "dir-mode@demo.cmq.invalid"})
    (row,) = Notification.objects.filter(kind="accounts.password_reset")
    (message,) = mail.outbox
    link = next(line for line in message.body.splitlines() if "/mot-de-passe/nouveau/" in line)
    token = link.rstrip("/").rsplit("/", 1)[1]
    stored = " ".join(str(value) for value in Notification.objects.values_list().get(pk=row.pk))
    assert row.sent_at and token not in stored
