"""The login lockout counts failures per account, whatever identifier was typed, on the login
page and the token endpoint alike; an unknown identifier is answered like a wrong password."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
TOKEN_URL = "/api/v1/auth/token/"
LIMIT = settings.AXES_FAILURE_LIMIT


@pytest.fixture(autouse=True)
def fresh_throttles():
    cache.clear()
    yield
    cache.clear()


def page_login(identifier, password, **extra):
    return Client(**extra).post(LOGIN, {"username": identifier, "password": password})


def token_login(identifier, password):
    return APIClient().post(TOKEN_URL, {"username": identifier, "password": password})


def is_locked_page(response):
    return response.status_code == 429 and "15 minutes" in response.content.decode()


SPELLINGS = [
    "dir-ia",
    " dir-ia ",
    "dir-ia@demo.cmq.invalid",
    "DIR-IA@DEMO.CMQ.INVALID",
    "  Dir-Ia@Demo.Cmq.Invalid ",
]


def test_every_spelling_of_an_account_adds_to_one_count(demo_password):
    for attempt in range(LIMIT):
        page_login(SPELLINGS[attempt % len(SPELLINGS)], "mauvais")

    assert AccessAttempt.objects.get(username="dir-ia").failures_since_start == LIMIT
    for spelling in SPELLINGS:
        assert is_locked_page(page_login(spelling, demo_password)), spelling


def test_locked_by_username_the_email_with_the_right_password_is_refused(demo_password):
    for _attempt in range(LIMIT):
        page_login("dir-sante", "mauvais")

    client = Client()
    response = client.post(
        LOGIN, {"username": "DIR-SANTE@demo.cmq.invalid", "password": demo_password}
    )

    assert is_locked_page(response)
    assert client.get("/campus/").status_code == 302
    # The refused attempt did not clear the lock.
    assert is_locked_page(page_login("dir-sante", demo_password))


def test_the_token_endpoint_counts_with_the_login_page(demo_password):
    for attempt in range(LIMIT - 1):
        page_login(SPELLINGS[attempt % len(SPELLINGS)], "mauvais")
    token_login("DIR-IA@demo.cmq.invalid", "mauvais")

    response = token_login("dir-ia", demo_password)

    assert response.status_code == 429
    assert "token" not in response.json()
    assert "15 minutes" in response.json()["detail"]
    assert is_locked_page(page_login("dir-ia@demo.cmq.invalid", demo_password))


def test_failures_on_the_token_endpoint_alone_lock_the_account(demo_password):
    for _attempt in range(LIMIT - 1):
        assert token_login("Dir-Mode@demo.cmq.invalid", "mauvais").status_code == 400
    # The failure that reaches the limit is answered with the lock, as on the login page.
    assert token_login("DIR-MODE@demo.cmq.invalid", "mauvais").status_code == 429

    assert token_login("dir-mode", demo_password).status_code == 429
    assert is_locked_page(page_login("dir-mode", demo_password))


def test_a_forged_forwarded_for_does_not_spread_the_failures(demo_password):
    for attempt in range(LIMIT):
        page_login("dir-if", "mauvais", HTTP_X_FORWARDED_FOR=f"203.0.113.{attempt}")

    assert is_locked_page(page_login("dir-if", demo_password, HTTP_X_FORWARDED_FOR="198.51.100.9"))


def test_an_unknown_identifier_is_answered_like_a_wrong_password():
    unknown = page_login("personne@demo.cmq.invalid", "mauvais")
    wrong = page_login("dir-tnec", "mauvais")
    assert unknown.status_code == wrong.status_code == 200
    message = "Identifiant ou mot de passe incorrect"
    assert message in unknown.content.decode()
    assert message in wrong.content.decode()

    unknown_api = token_login("personne@demo.cmq.invalid", "mauvais")
    wrong_api = token_login("dir-tnec", "mauvais")
    assert unknown_api.status_code == wrong_api.status_code == 400
    assert unknown_api.json() == wrong_api.json()


def test_an_unknown_identifier_is_counted_under_its_normalised_form_and_locks_alike():
    for spelling in [
        "Personne@Demo.Cmq.Invalid",
        " personne@demo.cmq.invalid",
        "PERSONNE@DEMO.CMQ.INVALID",
    ]:
        page_login(spelling, "mauvais")
    page_login("personne@demo.cmq.invalid", "mauvais")
    token_login("personne@DEMO.cmq.invalid ", "mauvais")

    assert (
        AccessAttempt.objects.get(username="personne@demo.cmq.invalid").failures_since_start
        == LIMIT
    )
    assert is_locked_page(page_login("personne@demo.cmq.invalid", "autre"))
    assert token_login("Personne@demo.cmq.invalid", "autre").status_code == 429


def test_a_success_before_the_limit_clears_the_count(demo_password):
    for _attempt in range(LIMIT - 1):
        page_login("DIR-ENERGIE@demo.cmq.invalid", "mauvais")
    assert page_login("dir-energie", demo_password).status_code == 302

    for _attempt in range(LIMIT - 1):
        page_login("dir-energie", "mauvais")
    assert page_login("dir-energie@demo.cmq.invalid", demo_password).status_code == 302


def test_a_token_obtained_clears_the_count_too(demo_password):
    for _attempt in range(LIMIT - 1):
        token_login("dir-securite", "mauvais")
    assert token_login("dir-securite@demo.cmq.invalid", demo_password).status_code == 200

    for _attempt in range(LIMIT - 1):
        token_login("dir-securite", "mauvais")
    assert token_login("dir-securite", demo_password).status_code == 200
