"""API tokens expire, die at logout, at a password change or reset, and on DELETE."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

TOKEN_URL = "/api/v1/auth/token/"
CAMPUSES_URL = "/api/v1/campuses/"


@pytest.fixture(autouse=True)
def fresh_throttles():
    cache.clear()
    yield
    cache.clear()


def obtain(username, password):
    response = APIClient().post(TOKEN_URL, {"username": username, "password": password})
    assert response.status_code == 200, response.content
    return response.json()["token"]


def status_with(key):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client.get(CAMPUSES_URL).status_code


def test_a_fresh_token_works(demo_password):
    assert status_with(obtain("region", demo_password)) == 200


def test_an_expired_token_is_401_and_a_new_one_is_issued(demo_password):
    key = obtain("region", demo_password)
    Token.objects.filter(key=key).update(
        created=timezone.now() - settings.API_TOKEN_LIFETIME - timedelta(seconds=1)
    )

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    response = client.get(CAMPUSES_URL)
    assert response.status_code == 401
    assert "expiré" in response.json()["detail"]

    fresh = obtain("region", demo_password)
    assert fresh != key
    assert status_with(fresh) == 200


def test_an_expired_token_is_not_handed_out_again(demo_password, user_of):
    key = obtain("dir-ia", demo_password)
    Token.objects.filter(key=key).update(created=timezone.now() - timedelta(days=2))

    fresh = obtain("dir-ia", demo_password)

    assert fresh != key
    assert list(Token.objects.filter(user=user_of("dir-ia")).values_list("key", flat=True)) == [
        fresh
    ]


def test_a_token_just_within_its_lifetime_still_works(demo_password):
    key = obtain("region", demo_password)
    Token.objects.filter(key=key).update(
        created=timezone.now() - settings.API_TOKEN_LIFETIME + timedelta(minutes=1)
    )
    assert status_with(key) == 200


def test_the_token_dies_at_logout(demo_password):
    key = obtain("dir-mode", demo_password)
    browser = Client()
    assert (
        browser.post(
            reverse("accounts:login"), {"username": "dir-mode", "password": demo_password}
        ).status_code
        == 302
    )

    browser.post(reverse("accounts:logout"))

    assert status_with(key) == 401


def test_delete_on_the_token_endpoint_revokes_it(demo_password):
    key = obtain("dir-sante", demo_password)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")

    assert client.delete(TOKEN_URL).status_code == 204
    assert status_with(key) == 401
    assert client.delete(TOKEN_URL).status_code == 401


def test_delete_without_a_token_is_401():
    assert APIClient().delete(TOKEN_URL).status_code == 401


def test_a_stale_authorization_header_does_not_block_obtaining_a_token(demo_password):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token mort")
    response = client.post(TOKEN_URL, {"username": "region", "password": demo_password})
    assert response.status_code == 200


def test_the_token_dies_when_the_password_changes(demo_password, user_of):
    key = obtain("dir-tnec", demo_password)
    user = user_of("dir-tnec")
    user.set_password("Un-autre-mot-2026")
    user.save()

    assert status_with(key) == 401
    assert status_with(obtain("dir-tnec", "Un-autre-mot-2026")) == 200


def test_the_token_survives_a_save_that_keeps_the_password(demo_password, user_of):
    key = obtain("dir-energie", demo_password)
    user = user_of("dir-energie")
    user.job_title = "Directrice"
    user.save()
    user.save(update_fields=["last_login"])

    assert status_with(key) == 200


def test_the_token_dies_at_a_password_reset(
    mailoutbox, demo_password, django_capture_on_commit_callbacks
):
    key = obtain("dir-if", demo_password)
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:password_reset"), {"email": "dir-if@demo.cmq.invalid"})
    link = next(
        line for line in mailoutbox[0].body.splitlines() if "/mot-de-passe/nouveau/" in line
    )
    response = client.get("/" + link.split("://", 1)[1].split("/", 1)[1], follow=True)
    response = client.post(
        response.redirect_chain[-1][0],
        {"new_password1": "Un-nouveau-mot-2026", "new_password2": "Un-nouveau-mot-2026"},
    )
    assert response.status_code == 302

    assert status_with(key) == 401
