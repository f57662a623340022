import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def can_log_in(username, password):
    """Through the login form, as a person would (the lockout backend needs the request)."""
    response = Client().post(
        reverse("accounts:login"), {"username": username, "password": password}
    )
    return response.status_code == 302


LOGIN = reverse("accounts:login")


@pytest.mark.parametrize(
    "identifier", ["region", "region@demo.cmq.invalid", "REGION@demo.cmq.invalid"]
)
def test_login_with_username_or_email(identifier, demo_password):
    response = Client().post(LOGIN, {"username": identifier, "password": demo_password})
    assert response.status_code == 302
    assert response.url == reverse("home")


def test_wrong_password_gives_a_french_message_and_no_session(demo_password):
    client = Client()
    response = client.post(LOGIN, {"username": "region", "password": "faux"})
    assert response.status_code == 200
    assert "Identifiant ou mot de passe incorrect" in response.content.decode()
    assert client.get("/campus/").status_code == 302


def test_repeated_failures_lock_the_account_even_with_the_right_password(demo_password):
    client = Client()
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": "dir-ia", "password": "mauvais"})
    response = client.post(LOGIN, {"username": "dir-ia", "password": demo_password})
    assert response.status_code in (403, 429)
    assert "15 minutes" in response.content.decode()
    assert client.get("/campus/").status_code == 302


def test_pages_require_login_except_login_and_password_reset():
    client = Client()
    response = client.get("/campus/")
    assert response.status_code == 302
    assert response.url.startswith(LOGIN)
    assert client.get(LOGIN).status_code == 200
    assert client.get(reverse("accounts:password_reset")).status_code == 200


def test_logout_ends_the_session(client_of):
    client = client_of("region")
    assert client.get("/campus/").status_code == 200
    client.post(reverse("accounts:logout"))
    assert client.get("/campus/").status_code == 302


def test_sessions_expire():
    assert settings.SESSION_COOKIE_AGE <= 8 * 3600
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


def test_password_reset_sends_a_working_link(
    mailoutbox, demo_password, django_capture_on_commit_callbacks
):
    client = Client()
    # Sent by a task once the request has committed (notifications.queue).
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:password_reset"), {"email": "dir-mode@demo.cmq.invalid"})
    assert len(mailoutbox) == 1
    link = next(
        line for line in mailoutbox[0].body.splitlines() if "/mot-de-passe/nouveau/" in line
    )
    path = link.split("://", 1)[1].split("/", 1)[1]
    response = client.get("/" + path, follow=True)
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url,
        {"new_password1": "Un-nouveau-mot-2026", "new_password2": "Un-nouveau-mot-2026"},
    )
    assert response.status_code == 302
    assert can_log_in("dir-mode", "Un-nouveau-mot-2026")
