"""The API's documentation (/api/docs/): a page of the portal (its header, menu and footer
around Swagger UI), served from the portal's own static files, for staff only. The schema
(/api/schema/) stays open to any client (tests/api/test_api_campuses.py)."""

import re

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client

pytestmark = pytest.mark.django_db

DOCS = "/api/docs/"
ASSET = re.compile(r"<(?:script|link)\b[^>]*?\b(?:src|href)\s*=\s*[\"']([^\"']+)[\"']", re.I)


@pytest.mark.parametrize("username", ["region", "admin", "rectorat-paris", "rectorat-creteil"])
def test_staff_read_the_documentation_inside_the_portal(client_of, username):
    response = client_of(username).get(DOCS)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert '<nav class="main-nav"' in html  # the portal's layout (base.html)
    assert '<footer class="site-footer"' in html
    assert (
        "<h1>Documentation de l&#x27;API</h1>" in html or "<h1>Documentation de l'API</h1>" in html
    )
    assert '<div id="swagger-ui"' in html


@pytest.mark.parametrize("username", ["dir-ia", "dir-versailles", "expert"])
def test_directors_and_experts_are_refused_the_documentation(client_of, username):
    client = client_of(username)
    assert client.get(DOCS).status_code == 403
    assert client.get(DOCS, {"script": ""}).status_code == 403
    # The schema itself stays readable, as CONTRACT.md says.
    assert client.get("/api/schema/", {"format": "json"}).status_code == 200


def test_anonymous_visitors_are_sent_to_the_login_page():
    response = Client().get(DOCS)
    assert response.status_code == 302
    assert response["Location"].startswith("/comptes/connexion/?next=/api/docs/")


def test_the_documentation_loads_no_external_asset(client_of):
    client = client_of("region")
    html = client.get(DOCS).content.decode()
    assets = ASSET.findall(html)
    assert "/api/docs/?script=" in assets
    external = [url for url in assets if re.match(r"^(https?:)?//", url, re.I)]
    assert external == []
    # Every asset is one of our static files (drf-spectacular-sidecar ships Swagger UI), or
    # the page's own script, served apart so that the CSP needs no inline script.
    for url in assets:
        if url == "/api/docs/?script=":
            continue
        assert url.startswith(settings.STATIC_URL), url
        assert finders.find(url.removeprefix(settings.STATIC_URL).split("?")[0]), url
    assert any("swagger-ui-bundle.js" in url for url in assets)
    assert any("swagger-ui.css" in url for url in assets)
    script = client.get(DOCS, {"script": ""})
    assert script.status_code == 200
    assert "SwaggerUIBundle" in script.content.decode()
    assert not re.search(r"https?://", script.content.decode())  # nothing fetched from outside
