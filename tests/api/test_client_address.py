"""The client's address comes from X-Forwarded-For only through a trusted proxy: the token
endpoint's throttle and the lockout's records cannot be walked around with a forged header."""

import pytest
from axes.models import AccessAttempt
from django.core.cache import cache
from django.test import RequestFactory
from rest_framework.test import APIClient

from core.api_auth import client_ip

pytestmark = pytest.mark.django_db

TOKEN_URL = "/api/v1/auth/token/"


@pytest.fixture(autouse=True)
def fresh_throttles():
    cache.clear()
    yield
    cache.clear()


def request_from(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_trusted_proxy_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []
    assert client_ip(request_from("192.0.2.10", "203.0.113.5")) == "192.0.2.10"


def test_a_trusted_proxy_is_believed(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.2"]
    assert client_ip(request_from("10.0.0.2", "203.0.113.5")) == "203.0.113.5"


def test_what_the_client_prepended_is_not_believed(settings):
    # The client sent "X-Forwarded-For: 1.2.3.4"; our proxy appended the address it saw.
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]
    request = request_from("10.0.0.2", "1.2.3.4, 203.0.113.5, 10.0.0.3")
    assert client_ip(request) == "203.0.113.5"


def test_a_request_not_from_the_proxy_keeps_its_own_address(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.2"]
    assert client_ip(request_from("192.0.2.10", "203.0.113.5")) == "192.0.2.10"


def test_garbage_where_the_proxy_wrote_falls_back_to_the_proxy(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.2"]
    assert client_ip(request_from("10.0.0.2", "pas-une-adresse")) == "10.0.0.2"
    assert client_ip(request_from("10.0.0.2", "")) == "10.0.0.2"


def throttled_after_20(headers_for):
    client = APIClient()
    statuses = [
        client.post(
            TOKEN_URL, {"username": f"personne{n}", "password": "x"}, **headers_for(n)
        ).status_code
        for n in range(21)
    ]
    return statuses[-1] == 429 and 429 not in statuses[:20]


def test_a_forged_header_does_not_escape_the_throttle(settings):
    settings.TRUSTED_PROXIES = []
    assert throttled_after_20(lambda n: {"HTTP_X_FORWARDED_FOR": f"203.0.113.{n}"})


def test_behind_a_trusted_proxy_each_client_has_its_own_throttle(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    client = APIClient()
    for n in range(20):
        client.post(
            TOKEN_URL,
            {"username": f"personne{n}", "password": "x"},
            HTTP_X_FORWARDED_FOR="203.0.113.1",
        )
    other = client.post(
        TOKEN_URL, {"username": "quelqu-un", "password": "x"}, HTTP_X_FORWARDED_FOR="203.0.113.2"
    )
    same = client.post(
        TOKEN_URL, {"username": "encore", "password": "x"}, HTTP_X_FORWARDED_FOR="203.0.113.1"
    )
    assert other.status_code == 400
    assert same.status_code == 429


def test_the_lockout_records_the_address_from_the_same_helper(settings):
    settings.TRUSTED_PROXIES = []
    APIClient().post(
        TOKEN_URL, {"username": "inconnu", "password": "x"}, HTTP_X_FORWARDED_FOR="203.0.113.7"
    )
    assert AccessAttempt.objects.get(username="inconnu").ip_address == "127.0.0.1"

    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    APIClient().post(
        TOKEN_URL, {"username": "autre", "password": "x"}, HTTP_X_FORWARDED_FOR="203.0.113.7"
    )
    assert AccessAttempt.objects.get(username="autre").ip_address == "203.0.113.7"
