"""Response headers of a hardened site, a Content-Security-Policy the templates keep (no inline
script or style), and `check --deploy` clean with docker-compose.yml's production settings."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.test import Client

pytestmark = pytest.mark.django_db

BASE_DIR = Path(settings.BASE_DIR)
LOGIN_URL = "/comptes/connexion/"


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_every_page_carries_the_security_headers(client_of):
    for response in (Client().get(LOGIN_URL), client_of("region").get("/")):
        assert response.status_code == 200
        policy = directives(response.headers["Content-Security-Policy"])
        assert policy["script-src"] == ["'self'"]
        assert policy["style-src"] == ["'self'"]
        assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
        assert policy["default-src"] == ["'self'"]
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["X-Frame-Options"] == "DENY"
        assert response.headers["Referrer-Policy"] == "same-origin"
        assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"


def test_the_api_documentation_loads_its_script_from_a_url(client_of):
    page = client_of("region").get("/api/docs/")
    assert page.status_code == 200
    html = page.content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline script in /api/docs/"
    script = client_of("region").get("/api/docs/?script")
    assert script.status_code == 200 and "SwaggerUIBundle" in script.content.decode()


# A <script> without src (other than data: json_script), a <style> element, an on…= handler, a
# style attribute.
INLINE = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>"
    r"|<style\b"
    r"|\son[a-z]+\s*=\s*[\"']"
    r"|\sstyle\s*=\s*[\"']",
    re.IGNORECASE,
)


def served_templates():
    """Every HTML template a browser receives (the PDF templates go to WeasyPrint only)."""
    roots = [BASE_DIR / "templates", *BASE_DIR.glob("*/templates")]
    for root in roots:
        if ".venv" in root.parts:
            continue
        for path in root.rglob("*.html"):
            if "pdf" not in path.relative_to(root).parts:
                yield path


def test_no_template_has_an_inline_script_or_style():
    templates = list(served_templates())
    assert len(templates) > 100  # the glob does reach the apps' templates
    offenders = [
        f"{path.relative_to(BASE_DIR)}: {match.group(0).strip()}"
        for path in templates
        for match in INLINE.finditer(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_inline_pattern_catches_what_the_policy_blocks():
    assert INLINE.search("<script>alert(1)</script>")
    assert INLINE.search('<button onclick="go()">')
    assert INLINE.search('<div style="color: red">')
    assert INLINE.search("<style>body { margin: 0 }</style>")
    assert not INLINE.search('<script src="/static/js/portal.js" defer></script>')
    assert not INLINE.search('<script id="data" type="application/json">{}</script>')


def compose_environment():
    """The web service's environment in docker-compose.yml, with its defaults."""
    compose = yaml.safe_load((BASE_DIR / "docker-compose.yml").read_text(encoding="utf-8"))
    environment = compose["services"]["web"]["environment"]
    values = {}
    for name, value in environment.items():
        value = str(value)
        value = re.sub(r"\$\{[A-Z_]+:-([^}]*)\}", r"\1", value)
        value = re.sub(r"\$\{[A-Z_]+:\?[^}]*\}", "", value)
        values[name] = value
    values["SECRET_KEY"] = secrets.token_urlsafe(50)  # compose requires one from outside
    return values


def test_check_deploy_is_clean_with_the_compose_production_settings(tmp_path):
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "DEBUG", "SITE_URL", "HTTPS"))
    }
    environment.update(compose_environment())
    environment["MEDIA_ROOT"] = str(tmp_path / "media")
    assert environment["DEBUG"] == "false" and environment["SITE_URL"].startswith("https://")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
