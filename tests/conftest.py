"""Shared fixtures.

The demo data (nine campuses of CP 2023-263 and the demo accounts) is loaded once per test
session into the test database; each test runs in a transaction rolled back at its end.

Under CI=true a skipped test fails the run (see pytest_terminal_summary / sessionfinish).
"""

import os

import pytest
from django.test import Client

from campuses.demo import DEMO_PASSWORD
from demo.loader import load_all as load_demo

DEMO_USERNAMES = [
    "admin",
    "region",
    "rectorat-paris",
    "rectorat-creteil",
    "rectorat-versailles",
    "expert",
    "dir-ia",
    "dir-icm",
    "dir-sante",
    "dir-securite",
    "dir-tnec",
    "dir-energie",
    "dir-if",
    "dir-mode",
    "dir-versailles",
]


@pytest.fixture(scope="session", autouse=True)
def signing_pki(tmp_path_factory):
    """A demo PKI (root, issuing authority, Region's seal) for every test, in a temporary folder.

    Set in the environment too, so a real Celery worker started in a subprocess seals as well.
    """
    from django.conf import settings

    from documents.signing import create_demo_pki

    directory = tmp_path_factory.mktemp("pki")
    create_demo_pki(directory)
    os.environ["SIGNING_DIR"] = str(directory)
    settings.SIGNING_DIR = directory
    return directory


@pytest.fixture(scope="session", autouse=True)
def no_page_cache():
    """The page cache off: a test's writes roll back without a commit, so they announce nothing
    (tests/core/test_page_cache.py turns it on, in tests that commit)."""
    from django.conf import settings

    settings.PAGE_CACHE_URL = ""


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_demo()


@pytest.fixture(autouse=True)
def eager_celery(request):
    """Tasks run in-process in tests, except in those marked `real_worker`."""
    from cmq_portal.celery import app

    if request.node.get_closest_marker("real_worker"):
        yield
        return
    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture(autouse=True)
def french_by_default():
    """A request in English leaves English active in this thread: each test starts in French."""
    from django.utils import translation

    translation.activate("fr")
    yield
    translation.activate("fr")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test empties every table at its end (after all its fixtures are torn
    down): put the session's demo data back for the tests that follow."""
    yield
    marker = item.get_closest_marker("django_db")
    if nextitem is None or marker is None or not marker.kwargs.get("transaction"):
        return  # after the last test, the test database itself is gone
    from pytest_django.plugin import blocking_manager_key

    with item.config.stash[blocking_manager_key].unblock():
        load_demo()


@pytest.fixture
def demo_password():
    return DEMO_PASSWORD


@pytest.fixture
def user_of(db):
    """user_of("dir-ia") -> the demo account."""
    from accounts.models import User

    return lambda username: User.objects.get(username=username)


@pytest.fixture
def client_of(user_of):
    """client_of("region") -> a Django test client logged in as that demo account."""

    def make(username):
        client = Client()
        client.force_login(user_of(username))
        return client

    return make


@pytest.fixture
def campus_of(db):
    """campus_of("ia") -> the demo campus directed by dir-ia."""
    from campuses.demo import DIRECTOR_ACCOUNTS
    from campuses.models import Campus

    return lambda key: Campus.objects.get(directors__user__username=DIRECTOR_ACCOUNTS[key])


def pytest_sessionfinish(session, exitstatus):
    """With CI=true, nothing may be skipped: a skip means a service or Chromium was missing."""
    if os.environ.get("CI", "").lower() != "true":
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped:
        reporter.write_line(
            f"CI=true: {len(skipped)} test(s) skipped; every test must run under CI.", red=True
        )
        session.exitstatus = 1
