"""French by default whatever the browser says: a browser asking for English gets the
portal in French until the person chooses English with the language switch (core.locale).
The API still reads Accept-Language (CONTRACT.md: messages in French unless the request asks
for English)."""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

LOGIN_URL = reverse("accounts:login")


def html_lang(response):
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


@pytest.mark.django_db
@pytest.mark.parametrize("header", ["en", "en-GB,en;q=0.9", "de-DE,de;q=0.8,en;q=0.5"])
def test_a_browser_asking_for_english_gets_french(header):
    response = Client().get(LOGIN_URL, HTTP_ACCEPT_LANGUAGE=header)
    assert response.status_code == 200
    assert html_lang(response) == "fr"
    assert response.headers["Content-Language"] == "fr"
    assert "Connexion au portail CMQ" in response.content.decode()


@pytest.mark.django_db
def test_signed_in_pages_are_french_for_an_english_browser(client_of):
    response = client_of("dir-ia").get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert html_lang(response) == "fr"
    assert ">Accueil</a>" in response.content.decode()


@pytest.mark.django_db
def test_the_language_switch_still_gives_english_and_back():
    client = Client()
    client.post(reverse("set_language"), {"language": "en", "next": LOGIN_URL})
    response = client.get(LOGIN_URL, HTTP_ACCEPT_LANGUAGE="fr")
    assert html_lang(response) == "en"
    assert "Log in to the CMQ portal" in response.content.decode()

    client.post(reverse("set_language"), {"language": "fr", "next": LOGIN_URL})
    response = client.get(LOGIN_URL, HTTP_ACCEPT_LANGUAGE="en")
    assert html_lang(response) == "fr"


@pytest.mark.django_db
def test_an_unknown_language_cookie_gives_french():
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx"
    response = client.get(LOGIN_URL, HTTP_ACCEPT_LANGUAGE="en")
    assert html_lang(response) == "fr"


@pytest.mark.django_db
def test_the_api_still_follows_accept_language():
    url = "/api/v1/campuses/"
    english = Client().get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert english.status_code == 401
    assert english.json() == {"detail": "Authentication credentials were not provided."}
    assert "Accept-Language" in english.headers["Vary"]
    french = Client().get(url)
    assert french.json() == {"detail": "Informations d'authentification non fournies."}


@pytest.mark.django_db
def test_the_api_documentation_page_is_a_portal_page_in_french(client_of):
    response = client_of("region").get("/api/docs/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert html_lang(response) == "fr"
    assert ">Accueil</a>" in response.content.decode()
