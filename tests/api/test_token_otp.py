"""The token endpoint asks for the same second factor as the login page: a token is issued
only after it, for anyone who enrolled, and for staff past the administrator's deadline."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core.cache import cache
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from accounts.models import Role
from tests.accounts.two_factor_helpers import (
    PASSWORD,
    enrolled,
    fresh_code,
    make_user,
    required_from,
)

pytestmark = pytest.mark.django_db

TOKEN_URL = "/api/v1/auth/token/"


@pytest.fixture(autouse=True)
def fresh_throttles(settings):
    cache.clear()  # the endpoint's per-address throttle
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0
    yield
    cache.clear()


def obtain(username, **extra):
    return APIClient().post(TOKEN_URL, {"username": username, "password": PASSWORD, **extra})


def test_without_a_device_nor_a_deadline_the_password_is_enough():
    response = obtain(make_user("api-plain").username)
    assert response.status_code == 200 and "token" in response.json()


def test_with_a_device_the_code_is_required():
    user = make_user("api-2fa")
    device, _codes = enrolled(user)

    missing = obtain(user.username)
    assert missing.status_code == 400
    assert "otp_token" in missing.json()["otp_token"][0]
    assert not Token.objects.filter(user=user).exists()

    wrong = obtain(user.username, otp_token="000000x")
    assert wrong.status_code == 400
    assert wrong.json() == {"otp_token": ["Code de double authentification incorrect ou expiré."]}
    assert AccessAttempt.objects.get(username=user.username).failures_since_start == 1

    right = obtain(user.username, otp_token=fresh_code(device))
    assert right.status_code == 200
    assert right.json() == {"token": Token.objects.get(user=user).key}
    assert not AccessAttempt.objects.filter(username=user.username).exists()  # reset by login


def test_a_recovery_code_gives_one_token():
    user = make_user("api-recovery")
    _device, codes = enrolled(user)
    assert obtain(user.username, otp_token=codes[0]).status_code == 200
    Token.objects.filter(user=user).delete()
    assert obtain(user.username, otp_token=codes[0]).status_code == 400


def test_wrong_codes_lock_the_account():
    user = make_user("api-locked")
    device, _codes = enrolled(user)
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert obtain(user.username, otp_token="999999x").status_code == 400
    assert obtain(user.username, otp_token="999999x").status_code == 429
    assert obtain(user.username, otp_token=fresh_code(device)).status_code == 429


@pytest.mark.parametrize("role", [Role.REGIONAL, Role.ADMIN, Role.RECTORATE])
def test_past_the_deadline_staff_without_a_device_get_no_token(role):
    required_from(0)
    extra = {"region_academique": True} if role == Role.RECTORATE else {}
    user = make_user(f"api-{role}", role=role, **extra)
    response = obtain(user.username, otp_token="123456")
    assert response.status_code == 400
    assert "activez-la sur le portail" in response.json()["otp_token"][0]
    assert not Token.objects.filter(user=user).exists()


def test_before_the_deadline_staff_still_get_a_token_with_the_password():
    required_from(7)
    assert obtain(make_user("api-early").username).status_code == 200


def test_past_the_deadline_a_director_without_a_device_gets_a_token():
    required_from(-1)
    assert obtain(make_user("api-dir", role=Role.DIRECTOR).username).status_code == 200


def test_the_demo_code_gives_no_token_without_debug(settings, demo_password):
    settings.DEBUG = False
    required_from(0)
    response = APIClient().post(
        TOKEN_URL, {"username": "region", "password": demo_password, "otp_token": "123456"}
    )
    assert response.status_code == 400


def test_the_demo_code_gives_a_token_with_debug(settings, demo_password):
    settings.DEBUG = True
    settings.DEMO_OTP_CODE = "123456"
    client = APIClient()
    payload = {"username": "region", "password": demo_password}
    assert client.post(TOKEN_URL, payload).status_code == 400
    assert client.post(TOKEN_URL, {**payload, "otp_token": "123456"}).status_code == 200


def test_the_schema_documents_otp_token():
    schema = APIClient().get("/api/schema/?format=json").json()
    operation = schema["paths"]["/api/v1/auth/token/"]["post"]
    assert "otp_token" in operation["description"]
    request_schema = schema["components"]["schemas"]["TokenRequest"]
    assert "otp_token" in request_schema["properties"]
    assert "otp_token" not in request_schema.get("required", [])
