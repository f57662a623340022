"""The idle timeout slides without an UPDATE of the session on every request (core.sessions)."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db


def _session(client):
    return Session.objects.get(session_key=client.session.session_key)


def _session_writes(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [q["sql"] for q in queries if "django_session" in q["sql"] and "UPDATE" in q["sql"]]


def test_a_page_right_after_the_last_refresh_writes_nothing(client_of):
    client = client_of("region")
    client.get(reverse("home"))  # the first signed-in page records its refresh
    assert _session_writes(client, reverse("campuses:list")) == []


def test_the_session_is_renewed_once_the_interval_has_passed(client_of, settings):
    client = client_of("region")
    client.get(reverse("home"))
    session = _session(client)
    # An expiry as if the last save were an hour old, and a refresh interval already over.
    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now() + timedelta(hours=7))
    settings.SESSION_REFRESH_INTERVAL = 0
    assert len(_session_writes(client, reverse("campuses:list"))) == 1
    renewed = _session(client).expire_date
    expected = timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE)
    assert abs((renewed - expected).total_seconds()) < 60


def test_anonymous_visitors_get_no_session_row(client):
    assert client.get(reverse("accounts:login")).status_code == 200
    assert not Session.objects.exists()


def test_a_token_api_call_creates_no_session(user_of):
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    client = APIClient()
    token, _created = Token.objects.get_or_create(user=user_of("region"))
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert client.get("/api/v1/campuses/").status_code == 200
    assert not Session.objects.exists()
