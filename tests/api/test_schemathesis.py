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
from dataclasses import dataclass

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from schemathesis import GenerationMode, checks
from schemathesis.specs.openapi import checks as openapi_checks

from tests import live_portal

MAX_EXAMPLES = 5
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


def _schema_demo_and_tokens(env):
    # One process (each start of Django costs seconds): the schema, the demo, and the callers'
    # tokens (made here: the token endpoint would ask staff for their second factor).
    return json.loads(live_portal.manage(env, "shell", "-c", SETUP_SCRIPT).splitlines()[-1])


@pytest.fixture(scope="module")
def portal(tmp_path_factory):
    """Base URL of a portal server with the demo data, for this module."""
    workdir = tmp_path_factory.mktemp("schemathesis-server")
    with live_portal.running_portal(
        workdir,
        "schemathesis",
        _schema_demo_and_tokens,
        EMAIL_URL=f"filemail://{workdir / 'mail'}",
    ) as server:
        yield Portal(server.base_url, server.setup_output)


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
