"""The portal speaks French by default and English through gettext (locale/en/LC_MESSAGES).

Only the .po file is committed; the .mo is compiled by `make messages`, or here when it is
missing or older than the .po, so that the tests never run against a stale catalogue.
"""

import re
from contextlib import chdir

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.signals import setting_changed
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

LOGIN_URL = "/comptes/connexion/"
CAMPUSES_API_URL = "/api/v1/campuses/"
CATALOGUE = settings.BASE_DIR / "locale" / "en" / "LC_MESSAGES"


@pytest.fixture(scope="session", autouse=True)
def compiled_messages():
    """Compile locale/en/LC_MESSAGES/django.mo if it is missing or out of date."""
    po_file, mo_file = CATALOGUE / "django.po", CATALOGUE / "django.mo"
    if mo_file.exists() and mo_file.stat().st_mtime >= po_file.stat().st_mtime:
        return
    with chdir(settings.BASE_DIR):
        call_command("compilemessages", ignore_patterns=[".venv"], verbosity=0)
    # Catalogues already loaded by earlier tests (without the .mo) stay cached: reset them as
    # override_settings(LOCALE_PATHS=...) does.
    setting_changed.send(
        sender=type(settings), setting="LOCALE_PATHS", value=settings.LOCALE_PATHS, enter=True
    )


def html_lang(response):
    match = re.search(r'<html lang="([^"]+)"', response.content.decode())
    return match.group(1) if match else None


def submit_button(response):
    """Text of the login form's submit button."""
    match = re.search(
        r'<button type="submit" class="button">([^<]*)</button>', response.content.decode()
    )
    return match.group(1).strip() if match else None


def nav_labels(response):
    return re.findall(r'class="main-nav__link"[^>]*>([^<]+)</a>', response.content.decode())


def english_client(client=None):
    client = client or Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_login_page_is_in_french_by_default():
    response = Client().get(LOGIN_URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert html_lang(response) == "fr"
    assert "<title>Connexion · Portail CMQ</title>" in content
    assert "Connexion au portail CMQ" in content
    assert submit_button(response) == "Se connecter"
    assert "Mot de passe oublié ?" in content


def test_login_page_in_english_once_chosen_with_the_language_switch():
    # French by default whatever the browser says (tests/core/test_language_default.py).
    response = english_client().get(LOGIN_URL, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    content = response.content.decode()
    assert response.headers["Content-Language"] == "en"
    assert "<title>Login · Portail CMQ</title>" in content
    assert "Log in to the CMQ portal" in content
    assert submit_button(response) == "Log in"
    assert "Forgotten your password?" in content
    assert "Se connecter" not in content
    assert "Connexion au portail" not in content


def test_login_form_errors_are_translated():
    response = english_client().post(LOGIN_URL, {"username": "region", "password": "wrong"})
    assert response.status_code == 200
    assert "Incorrect username or password." in response.content.decode()


def test_home_page_in_french_by_default(client_of):
    response = client_of("region").get(reverse("home"))
    assert response.status_code == 200
    labels = nav_labels(response)
    assert {"Accueil", "Organismes", "Comptes", "Journal"} <= set(labels)


def test_home_page_in_english_through_the_language_cookie(client_of):
    response = english_client(client_of("region")).get(reverse("home"))
    assert response.status_code == 200
    content = response.content.decode()
    labels = nav_labels(response)
    assert {"Home", "Organisations", "Accounts", "Log"} <= set(labels)
    assert not {"Accueil", "Organismes", "Comptes", "Journal"} & set(labels)
    assert 'aria-label="Main navigation"' in content
    assert ">Log out</button>" in content
    assert "Needs attention" in content
    assert "Next label ends" in content
    assert re.search(r"Full register \(\d+ campuses\), filters and exports", content)


def test_html_lang_attribute_follows_the_active_language():
    response = english_client().get(LOGIN_URL)
    assert html_lang(response) == "en"


def test_set_language_switches_to_english_and_back():
    client = Client()
    response = client.post(reverse("set_language"), {"language": "en", "next": LOGIN_URL})
    assert response.status_code == 302
    assert response.url == LOGIN_URL
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert submit_button(client.get(LOGIN_URL)) == "Log in"

    client.post(reverse("set_language"), {"language": "fr", "next": LOGIN_URL})
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"
    assert submit_button(client.get(LOGIN_URL)) == "Se connecter"


def test_set_language_for_a_logged_in_user(client_of):
    client = client_of("region")
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert response.url == "/"
    assert "Home" in nav_labels(client.get("/"))


def test_set_language_ignores_an_unknown_language():
    client = Client()
    client.post(reverse("set_language"), {"language": "xx", "next": LOGIN_URL})
    assert submit_button(client.get(LOGIN_URL)) == "Se connecter"


def test_api_401_message_in_english():
    response = Client().get(CAMPUSES_API_URL, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 401
    assert response.json() == {"detail": "Authentication credentials were not provided."}


def test_api_401_message_in_french_by_default():
    response = Client().get(CAMPUSES_API_URL)
    assert response.status_code == 401
    assert response.json() == {"detail": "Informations d'authentification non fournies."}


def test_english_catalogue_is_complete():
    """Every entry of the English .po is translated and none is fuzzy (ignored by gettext)."""
    text = (CATALOGUE / "django.po").read_text(encoding="utf-8")
    assert "#, fuzzy" not in text
    # An empty msgstr is followed by a blank line or the end of the file (the header excepted).
    empty = re.findall(r'^msgid "(.+)"\nmsgstr ""\n(?:\n|\Z)', text, flags=re.MULTILINE)
    assert empty == []


def test_the_language_switch_names_each_language_in_itself(client):
    page = client.get(reverse("accounts:login")).content.decode()

    assert '<option value="fr" lang="fr" selected>Français</option>' in page
    assert '<option value="en" lang="en">English</option>' in page
    assert "Anglais" not in page
