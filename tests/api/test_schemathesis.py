"""The API answers what its OpenAPI schema says: schemathesis generates requests for every
operation of /api/schema/ (valid and invalid ones), sends them to a live portal server, and
fails on any server error, any status code or content type the operation does not document,
and any body that violates its documented schema.

The server is a `runserver` subprocess with its own database and the demo data (as for the
browser tests: the test database of pytest-django stays untouched by the requests' writes),
fuzzed twice: with the token of regional staff (who may do everything) and with a director's
(who reads and prepares only his campus's objects: the 403 and 404 answers). Celery runs eager
in the server and its e-mails are files in a temporary folder: nothing leaves the machine.

Left out, and why:
- `/api/v1/auth/token/`: fuzzing it with wrong passwords locks the demo accounts out (the
  login lockout) and its DELETE revokes the very token the run is using; its answers are
  tested in tests/api/test_token_lifetime.py and tests/api/test_schema_errors.py.
Bounded: a few examples per operation (MAX_EXAMPLES), derandomised so that a run is the same
each time; identifiers are drawn half the time among the demo's first objects, so that
details and actions reach real objects and not only 404s.
"""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
import schemathesis
from django.conf import settings
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from schemathesis import GenerationMode, checks
from schemathesis.specs.openapi import checks as openapi_checks

BASE_DIR = Path(settings.BASE_DIR)
MAX_EXAMPLES = 5
SERVER_START_TIMEOUT = 60  # seconds
COMMAND_TIMEOUT = 300  # seconds for migrate / load_demo
REQUEST_TIMEOUT = 60  # seconds: a request that generates a PDF (eager Celery) takes a few
EXCLUDED_PATHS = r"^/api/v1/auth/token/$"
CALLERS = ["region", "dir-ia"]
SETUP_SCRIPT = f"""
import json
from django.contrib.auth import get_user_model
from django.core.management import call_command
from rest_framework.authtoken.models import Token
call_command("migrate", interactive=False, verbosity=0)
call_command("load_demo", verbosity=0)
users = get_user_model().objects.filter(username__in={CALLERS!r})
tokens = {{user.username: Token.objects.get_or_create(user=user)[0].key for user in users}}
print(json.dumps(tokens))
"""
CHECKS = [
    checks.not_a_server_error,
    openapi_checks.status_code_conformance,
    openapi_checks.content_type_conformance,
    openapi_checks.response_schema_conformance,
]


# ---------------------------------------------------------------- the portal server


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _pg_admin(url):
    import psycopg

    parts = urlsplit(url)
    return psycopg.connect(
        host=parts.hostname or None,
        port=parts.port or None,
        user=parts.username or None,
        password=parts.password or None,
        dbname="postgres",
        autocommit=True,
    )


def _server_database(workdir):
    """(DATABASE_URL of the server's own database, cleanup callable)."""
    if not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        return f"sqlite:///{workdir / 'portal.sqlite3'}", lambda: None
    from psycopg import sql

    original = os.environ.get("DATABASE_URL") or settings.DATABASE_URL
    parts = urlsplit(original)
    name = sql.Identifier(parts.path.lstrip("/") + "_schemathesis")
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name)
    with _pg_admin(original) as connection:
        connection.execute(drop)
        connection.execute(sql.SQL("CREATE DATABASE {}").format(name))

    def cleanup():
        with _pg_admin(original) as connection:
            connection.execute(drop)

    url = urlunsplit(parts._replace(path="/" + parts.path.lstrip("/") + "_schemathesis"))
    return url, cleanup


def _manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=COMMAND_TIMEOUT,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def _wait_until_up(url, process, log_path):
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    pytest.fail(f"The portal server did not answer at {url}. Its log:\n{log_path.read_text()}")


@pytest.fixture(scope="module")
def portal(tmp_path_factory):
    """Base URL of a portal server with the demo data, for this module."""
    workdir = tmp_path_factory.mktemp("schemathesis-server")
    database_url, drop_database = _server_database(workdir)
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DEBUG": "true",
        "REDIS_URL": "",  # empty, not absent: no .env brings a broker back (eager Celery)
        "MEDIA_ROOT": str(workdir / "media"),
        "EMAIL_URL": f"filemail://{workdir / 'mail'}",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "PYTHONUNBUFFERED": "1",
    }
    log_path = workdir / "runserver.log"
    process = None
    try:
        # One process (each start of Django costs seconds): the schema, the demo, and the
        # callers' tokens (made here: the token endpoint would ask staff for their second
        # factor).
        tokens = json.loads(_manage(env, "shell", "-c", SETUP_SCRIPT).splitlines()[-1])
        with log_path.open("w") as log:
            process = subprocess.Popen(
                [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
                cwd=BASE_DIR,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        base_url = f"http://127.0.0.1:{port}"
        _wait_until_up(f"{base_url}/comptes/connexion/", process, log_path)
        yield Portal(base_url, tokens)
    finally:
        if process is not None and process.poll() is None:
            process.terminate()
            process.wait(timeout=10)
        drop_database()


# ---------------------------------------------------------------- callers and schema


@dataclass(frozen=True)
class Portal:
    base_url: str
    tokens: dict


@dataclass(frozen=True)
class Caller:
    username: str
    token: str

    @property
    def headers(self):
        return {"Authorization": f"Token {self.token}"}


@pytest.fixture(scope="module", params=CALLERS)
def caller(request, portal):
    return Caller(request.param, portal.tokens[request.param])


@pytest.fixture(scope="module")
def api_schema(portal):
    loaded = schemathesis.openapi.from_url(
        f"{portal.base_url}/api/schema/?format=json",
        config=schemathesis.Config.from_dict({"base-url": portal.base_url}),
    )

    @loaded.hook
    def flatmap_path_parameters(context, path_parameters):
        # Half the identifiers among the demo's first objects: the details and the actions
        # then answer with real objects (and their real bodies), not only 404.
        if not path_parameters or "id" not in path_parameters:
            return st.just(path_parameters)
        known = st.integers(min_value=1, max_value=12).map(
            lambda number: {**path_parameters, "id": str(number)}
        )
        return st.one_of(st.just(path_parameters), known)

    return loaded.exclude(path_regex=EXCLUDED_PATHS)


def _fuzz(operation, caller):
    """Run the checks on MAX_EXAMPLES valid and invalid requests of `operation`."""
    requests = st.one_of(
        operation.as_strategy(GenerationMode.POSITIVE),
        operation.as_strategy(GenerationMode.NEGATIVE),
    )

    @given(case=requests)
    @hypothesis_settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        case.call_and_validate(headers=caller.headers, checks=CHECKS, timeout=REQUEST_TIMEOUT)

    run()


# schemathesis' own pytest integration (schema.parametrize) does not run under pytest 9
# (it renames the items through a private attribute pytest no longer has): the operations are
# walked here, each one a subtest.
def test_api_answers_as_documented(api_schema, caller, subtests):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) > 50  # the whole API, not an empty schema
    for operation in operations:
        with subtests.test(operation=operation.label):
            _fuzz(operation, caller)
