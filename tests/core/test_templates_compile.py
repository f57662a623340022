"""Every template of the portal compiles: a syntax error (a quote inside a translated string,
an unclosed tag) would otherwise surface only when someone opens the page that uses it."""

from pathlib import Path

import pytest
from django.conf import settings
from django.template import engines

BASE_DIR = Path(settings.BASE_DIR)
SKIPPED = {".venv", "var", "node_modules", ".git"}


def portal_templates():
    """(name, path) of every .html/.txt/.xml template under a `templates` folder of the repo."""
    found = []
    for folder in BASE_DIR.rglob("templates"):
        if SKIPPED & set(folder.relative_to(BASE_DIR).parts) or not folder.is_dir():
            continue
        for path in folder.rglob("*"):
            if path.suffix in {".html", ".txt", ".xml", ".svg"} and path.is_file():
                found.append((str(path.relative_to(folder)), path))
    return found


def test_the_portal_has_templates():
    assert len(portal_templates()) > 100


@pytest.mark.parametrize(
    "path", [path for _name, path in portal_templates()], ids=lambda path: str(path)
)
def test_template_compiles(path):
    engine = engines["django"]
    # from_string compiles every tag and filter (and loads the libraries it names).
    engine.from_string(path.read_text(encoding="utf-8"))
