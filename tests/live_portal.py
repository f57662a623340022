"""A portal server in a subprocess, with its own database, for the tests that talk to it over
HTTP (the browser tests, the schemathesis run).

Its database is never pytest-django's test database, whose flushes would erase the demo data:
`<name>_<suffix>` on the same PostgreSQL server when the run uses PostgreSQL, else an SQLite file
in the test's temporary directory. Celery runs eager in the server (REDIS_URL empty, not absent,
so that no .env file brings a broker back) and its e-mails are files (var/mail/ unless EMAIL_URL
says where): nothing leaves the machine. The page cache uses the run's Redis (PAGE_CACHE_URL).
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
SERVER_START_TIMEOUT = 60  # seconds until GET /comptes/connexion/ must answer
COMMAND_TIMEOUT = 300  # seconds for migrate / load_demo


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _pg_admin_connection(url):
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


def own_database(workdir, suffix):
    """(DATABASE_URL of a new, empty database for the server, callable that drops it)."""
    if not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        return f"sqlite:///{workdir / 'portal.sqlite3'}", lambda: None
    from psycopg import sql

    # The URL the run was started with: settings' NAME may be test_… by now.
    original = os.environ.get("DATABASE_URL") or settings.DATABASE_URL
    parts = urlsplit(original)
    name = parts.path.lstrip("/") + "_" + suffix
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
    with _pg_admin_connection(original) as connection:
        connection.execute(drop)
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))

    def drop_database():
        with _pg_admin_connection(original) as connection:
            connection.execute(drop)

    return urlunsplit(parts._replace(path="/" + name)), drop_database


def manage(env, *args):
    """Run `manage.py *args` in `env`; its standard output (the test fails if it fails)."""
    command = " ".join(args[:1])
    try:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=COMMAND_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        pytest.fail(f"manage.py {command} still running after {COMMAND_TIMEOUT} s: {error}")
    if result.returncode != 0:
        pytest.fail(
            f"manage.py {command} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
        )
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
    log = log_path.read_text(errors="replace") if log_path.exists() else ""
    state = "exited" if process.poll() is not None else "did not answer"
    pytest.fail(f"The portal server {state} ({url}). Its log:\n{log}")


def _stop(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@dataclass(frozen=True)
class Server:
    base_url: str
    env: dict  # the server's environment, for more `manage(server.env, …)` calls
    setup_output: str  # what `setup(env)` returned


@contextmanager
def running_portal(workdir, suffix, setup, **extra_env):
    """A `runserver` on a free port with a database of its own, for the `with` block.

    `setup(env)` prepares the database (migrate, demo data…) before the server starts and
    returns what the caller wants back (Server.setup_output); `extra_env` adds to or overrides
    the server's environment (EMAIL_URL, say: by default e-mails go to var/mail/).
    """
    database_url, drop_database = own_database(workdir, suffix)
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DEBUG": "true",
        "REDIS_URL": "",
        # The page cache on (when the run has a Redis): every browser test then checks that
        # what it changed shows on the next page (core.page_cache's invalidation).
        "PAGE_CACHE_URL": os.environ.get("REDIS_URL", ""),
        "MEDIA_ROOT": str(workdir / "media"),
        "SITE_URL": f"http://127.0.0.1:{port}",
        "PYTHONUNBUFFERED": "1",
        **extra_env,
    }
    base_url = f"http://127.0.0.1:{port}"
    log_path = workdir / "runserver.log"
    process = None
    try:
        output = setup(env)
        with log_path.open("w") as log:
            process = subprocess.Popen(
                [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
                cwd=BASE_DIR,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        _wait_until_up(f"{base_url}/comptes/connexion/", process, log_path)
        yield Server(base_url, env, output)
    finally:
        if process is not None:
            _stop(process)
        drop_database()
