"""The circuit's e-mails: each step announced once, after the commit, to the people who act
next (the Region of a deposit, the experts of their expertise and of the answers, the
carriers of a navette and of the decision)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from labels import services
from labels.models import ApplicationStatus
from notifications.delivery import dispatch
from notifications.models import Notification
from tests.labels import helpers as h

pytestmark = pytest.mark.django_db

KIND = "labels.transition"


def _sent(capture, action):
    """Run `action`, then what it queued after its commit; the e-mails it sent."""
    before = len(mail.outbox)
    with capture(execute=True):
        result = action()
    return result, mail.outbox[before:]


def test_a_deposit_tells_the_region(region, rectorate, campus, django_capture_on_commit_callbacks):
    application = h.complete(region, rectorate, h.draft(region, campus))
    _result, sent = _sent(
        django_capture_on_commit_callbacks, lambda: services.deposit(rectorate, application)
    )
    assert len(sent) == 1
    assert "region@" in " ".join(sent[0].to)
    assert "Déposée" in sent[0].subject and campus.short_name in sent[0].subject


def test_a_navette_tells_the_carriers_and_the_answers_tell_the_experts(
    region, rectorate, campus, experts, django_capture_on_commit_callbacks
):
    director = h.director(campus)
    application = h.in_expertise(region, rectorate, campus, experts)
    navette, sent = _sent(
        django_capture_on_commit_callbacks,
        lambda: h.navette_round(experts[0], application, (("2.1", "A"), ("2.4", "B"))),
    )
    assert len(sent) == 1
    assert director.email in sent[0].to and rectorate.email in sent[0].to
    assert "2 recommandations" in sent[0].body
    assert experts[1].email not in sent[0].to
    for recommendation in navette.recommendations.all():
        services.answer_recommendation(director, recommendation, answer="Réponse.")
    _result, sent = _sent(
        django_capture_on_commit_callbacks, lambda: services.send_answers(rectorate, navette)
    )
    assert len(sent) == 1
    assert set(sent[0].to) == {experts[0].email, experts[1].email}
    assert "appréciez chaque réponse" in sent[0].body


def test_each_step_is_announced_once(region, rectorate, campus, django_capture_on_commit_callbacks):
    application = h.complete(region, rectorate, h.draft(region, campus))
    with django_capture_on_commit_callbacks(execute=True):
        services.deposit(rectorate, application)
    application.refresh_from_db()
    # A second delivery (a retried task, the sweep) sends nothing more.
    assert dispatch(KIND, application, status=ApplicationStatus.SUBMITTED) is None
    mine = Notification.objects.filter(kind=KIND, object_id=str(application.pk))
    assert mine.filter(sent_at__isnull=False).count() == 1
    # Once the application moved on, the old step is not announced any more.
    services.admit(region, application)
    application.refresh_from_db()
    mine.delete()
    assert dispatch(KIND, application, status=ApplicationStatus.SUBMITTED) is None


def test_a_step_recorded_after_the_fact_is_not_announced(region, rectorate, campus):
    application = h.complete(region, rectorate, h.draft(region, campus))
    services.deposit(rectorate, application)
    application.refresh_from_db()
    application.history.update(at=timezone.now() - timedelta(days=30))
    assert dispatch(KIND, application, status=ApplicationStatus.SUBMITTED) is None
