"""Browser tests: Debian's Chromium, driven by Playwright, against a real `runserver`.

The portal under test runs in a subprocess with its own database (never the test database of
pytest-django, whose flushes would erase the demo data): `<name>_browser` on the same
PostgreSQL server when DATABASE_URL is set, else an SQLite file in a temporary directory. The
demo data is loaded into it once per test session. Celery runs eager in that server (no
REDIS_URL), so background jobs are done when the request that queues them returns.

Every test gets a fresh browser context (locale fr-FR); a full-page screenshot of its page is
saved to var/screenshots/<test name>.png at its end, and at the moment of failure when it fails
(CI keeps them as artefacts). Every portal page loaded in a test's contexts is audited by axe-core
at desktop width and at 390 px (axe_check.py): a serious or critical violation fails the test.

Playwright's sync API keeps an asyncio loop running while it is started, which makes Django's
ORM refuse to run in the same thread (SynchronousOnlyOperation). The browser is session-scoped,
so the browser tests are moved to the end of the run: the database tests never run beside it.
"""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings

from tests import live_portal
from tests.browser.axe_check import Auditor, report, take_snapshot, watch
from tests.services import CHROMIUM, needs_chromium

BROWSER_DIR = Path(__file__).resolve().parent
BASE_DIR = Path(settings.BASE_DIR)
# CI keeps them as artefacts (.ci/run sets CI_ARTIFACTS_DIR).
SCREENSHOT_DIR = Path(os.environ.get("CI_ARTIFACTS_DIR") or BASE_DIR / "var" / "screenshots")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
]
DEFAULT_TIMEOUT_MS = 10_000  # Playwright actions and navigations

# item.stash key: {"setup": report, "call": report, "teardown": report}
REPORTS = pytest.StashKey[dict]()
# item.stash key: path of the screenshot already taken at the moment of failure
FAILURE_SHOT = pytest.StashKey[Path]()
# config.stash key: what the accessibility audit did in this session
AXE_SUMMARY = pytest.StashKey[str]()


# ---------------------------------------------------------------- collection


def _in_this_folder(item):
    return BROWSER_DIR in Path(str(item.path)).resolve().parents


def pytest_collection_modifyitems(config, items):
    """Mark the tests of this folder and run them last (see the module docstring)."""
    browser_items = []
    other_items = []
    for item in items:
        if _in_this_folder(item):
            item.add_marker(pytest.mark.browser)
            item.add_marker(needs_chromium)
            browser_items.append(item)
        else:
            other_items.append(item)
    items[:] = other_items + browser_items


# ---------------------------------------------------------------- the portal server


def _migrate_and_load_demo(env):
    live_portal.manage(env, "migrate", "--noinput")
    live_portal.manage(env, "load_demo")


@pytest.fixture(scope="session")
def portal_server(tmp_path_factory):
    """A portal server with the demo data, for the whole session (tests.live_portal.Server)."""
    workdir = tmp_path_factory.mktemp("portal-server")
    with live_portal.running_portal(workdir, "browser", _migrate_and_load_demo) as server:
        yield server


@pytest.fixture(scope="session")
def portal_url(portal_server):
    """Base URL of the portal server."""
    return portal_server.base_url


# ---------------------------------------------------------------- browser and pages


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def auditor(portal_url, pytestconfig):
    """Runs axe-core on the pages the tests visit (see axe_check.py)."""
    auditor = Auditor(
        portal_url,
        lambda playwright: playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        ),
    )
    yield auditor
    auditor.close()
    pytestconfig.stash[AXE_SUMMARY] = auditor.summary()


def pytest_terminal_summary(terminalreporter, config):
    if AXE_SUMMARY in config.stash:
        terminalreporter.write_line(config.stash[AXE_SUMMARY])


@pytest.fixture
def new_context(browser, portal_url, auditor, request):
    """new_context() -> a fresh browser context (French, base URL of the portal).

    Contexts made here are closed at the end of the test. Every portal page loaded in them is
    audited by axe-core at desktop width and at 390 px when the test has passed: a serious or
    critical violation fails it.
    """
    from playwright.sync_api import expect

    expect.set_options(timeout=DEFAULT_TIMEOUT_MS)
    contexts = []
    snapshots = []

    def make():
        context = browser.new_context(
            base_url=portal_url,
            locale="fr-FR",
            timezone_id="Europe/Paris",
            viewport={"width": 1280, "height": 900},
            accept_downloads=True,
        )
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        watch(context, portal_url, auditor, snapshots)
        contexts.append(context)
        return context

    yield make
    call = request.node.stash.get(REPORTS, {}).get("call")
    passed = call is not None and call.passed
    if passed:
        # The pages as the test leaves them too: what scripts changed after their load.
        for context in contexts:
            for page in context.pages:
                snapshot = take_snapshot(page) if page.url.startswith(portal_url + "/") else None
                if snapshot is not None:
                    snapshots.append(auditor.submit(snapshot))
    for context in contexts:
        context.close()
    if passed:
        violations = auditor.violations(snapshots)
        assert not violations, report(violations)


def _screenshot_path(item):
    name = re.sub(r"[^\w.-]+", "_", item.name).strip("_")
    return SCREENSHOT_DIR / f"{name}.png"


def _save_screenshot(page, path):
    path.parent.mkdir(parents=True, exist_ok=True)
    # caret="initial": hiding the caret injects an inline style, which the CSP blocks.
    page.screenshot(path=str(path), full_page=True, caret="initial")
    return path


@pytest.fixture
def page(new_context, request):
    """A page in its own fresh context; screenshotted at the end of the test."""
    page = new_context().new_page()
    page.js_errors = []  # uncaught errors of the page's scripts: a passing test must have none
    page.on("pageerror", lambda error: page.js_errors.append(str(error)))
    # What the Content-Security-Policy blocked (an inline script or style, a foreign source):
    # Chromium reports it on the console; a passing test must have none either.
    page.on(
        "console",
        lambda message: (
            page.js_errors.append(f"CSP: {message.text} @ {message.location}")
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    yield page
    if FAILURE_SHOT not in request.node.stash and not page.is_closed():
        # (when the test failed, the page as it was at that moment is already saved)
        try:
            _save_screenshot(page, _screenshot_path(request.node))
        except Exception as error:  # a screenshot must never hide the test's own result
            print(f"Screenshot of {request.node.nodeid} failed: {error}")
    call = request.node.stash.get(REPORTS, {}).get("call")
    if call is not None and call.passed:
        assert not page.js_errors, f"Uncaught JavaScript errors: {page.js_errors}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the item; screenshot the page at the moment of failure."""
    report = yield
    item.stash.setdefault(REPORTS, {})[report.when] = report
    if report.failed and report.when == "call" and _in_this_folder(item):
        page = item.funcargs.get("page")
        if page is not None and not page.is_closed():
            try:
                path = _save_screenshot(page, _screenshot_path(item))
            except Exception as error:
                report.sections.append(("screenshot", f"failed: {error}"))
            else:
                item.stash[FAILURE_SHOT] = path
                details = f"{path}\nURL: {page.url}"
                if page.js_errors:
                    details += "\nJavaScript errors:\n" + "\n".join(page.js_errors)
                report.sections.append(("screenshot", details))
    return report
