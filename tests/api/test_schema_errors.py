"""The OpenAPI document states the errors of every operation (core.schema.AutoSchema), with
the bodies the API really gives them; schemathesis' checks fail on an answer it does not
document (proved here on a synthetic schema, so the fuzzing of test_schemathesis.py can fail)."""

import pytest
import requests
import schemathesis
from django.test import Client
from schemathesis.core.failures import FailureGroup
from schemathesis.openapi.checks import JsonSchemaError, UndefinedStatusCode
from schemathesis.specs.openapi import checks as openapi_checks

pytestmark = pytest.mark.django_db

ERROR_DETAIL = "#/components/schemas/ErrorDetail"
VALIDATION_ERROR = "#/components/schemas/ValidationError"
WRITES = {"post", "put", "patch"}


@pytest.fixture(scope="module")
def schema(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        response = Client().get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    return response.json()


def _operations(schema):
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation


def _reference(operation, code):
    return operation["responses"][code]["content"]["application/json"]["schema"]["$ref"]


def test_every_collection_operation_documents_401_403_and_its_404(schema):
    checked = 0
    for path, method, operation in _operations(schema):
        if path.startswith("/api/v1/auth/"):
            continue
        checked += 1
        responses = operation["responses"]
        assert _reference(operation, "401") == ERROR_DETAIL, (method, path)
        # Every collection checks the caller's role (403 for a role with no business in it).
        assert _reference(operation, "403") == ERROR_DETAIL, (method, path)
        if "{id}" in path:
            assert _reference(operation, "404") == ERROR_DETAIL, (method, path)
        if method in WRITES:
            assert _reference(operation, "400") == VALIDATION_ERROR, (method, path)
            assert _reference(operation, "409") == ERROR_DETAIL, (method, path)
        else:
            assert "409" not in responses, (method, path)
    assert checked > 80


def test_lists_document_their_page_404_and_filter_400(schema):
    listing = schema["paths"]["/api/v1/subsidies/"]["get"]
    assert _reference(listing, "404") == ERROR_DETAIL  # ?page= past the last one
    assert _reference(listing, "400") == VALIDATION_ERROR  # a refused filter
    detail = schema["paths"]["/api/v1/subsidies/{id}/"]["get"]
    assert "400" not in detail["responses"]  # no query parameter to refuse


def test_the_token_endpoint_documents_what_it_answers(schema):
    token = schema["paths"]["/api/v1/auth/token/"]
    obtain = token["post"]["responses"]
    assert {"200", "400", "429"} <= set(obtain)  # 429: throttled, or the login lockout
    assert "401" not in obtain and "403" not in obtain  # credentials, not a token
    assert set(token["delete"]["responses"]) == {"204", "401"}


def test_error_bodies_are_described(schema):
    components = schema["components"]["schemas"]
    assert components["ErrorDetail"]["required"] == ["detail"]
    assert components["ErrorDetail"]["properties"]["detail"]["type"] == "string"
    errors = components["ValidationError"]
    assert errors["properties"]["non_field_errors"]["items"]["type"] == "string"
    assert errors["additionalProperties"]


def test_read_only_fields_that_answer_null_or_blank_are_documented(schema):
    components = schema["components"]["schemas"]
    # source="deliberation.number", default=None: null when there is no deliberation.
    assert components["Convention"]["properties"]["deliberation_number"]["nullable"] is True
    # A read-only choice of a blank=True model field answers "" while it is not given.
    opinion = components["Sheet"]["properties"]["rectorate_opinion"]
    assert {"$ref": "#/components/schemas/BlankEnum"} in opinion["oneOf"]


@pytest.mark.parametrize(
    ("client", "path", "status"),
    [
        ("anonymous", "/api/v1/subsidies/", 401),
        ("expert", "/api/v1/subsidies/", 403),
        ("region", "/api/v1/subsidies/999999/", 404),
        ("region", "/api/v1/subsidies/?page=999", 404),
        ("region", "/api/v1/subsidies/not-an-id/", 404),
        ("region", "/api/v1/subsidies/?campus=x", 400),
    ],
)
def test_error_answers_have_the_documented_bodies(client, path, status):
    from rest_framework.test import APIClient

    api = APIClient()
    if client != "anonymous":
        from accounts.models import User

        api.force_authenticate(User.objects.get(username=client))
    response = api.get(path)
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    body = response.json()
    if status == 400:
        assert isinstance(body["campus"], list)
    else:
        assert isinstance(body["detail"], str)


SYNTHETIC = {
    "openapi": "3.0.3",
    "info": {"title": "synthetic", "version": "1"},
    "paths": {
        "/things/{id}/": {
            "get": {
                "parameters": [
                    {"in": "path", "name": "id", "required": True, "schema": {"type": "integer"}}
                ],
                "responses": {
                    "200": {
                        "description": "",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {"name": {"type": "string"}},
                                    "required": ["name"],
                                }
                            }
                        },
                    }
                },
            }
        }
    },
}


def _answer(status, body):
    request = requests.Request("GET", "http://testserver/things/1/").prepare()
    return schemathesis.Response(
        status_code=status,
        headers={"content-type": ["application/json"]},
        content=body,
        request=request,
        elapsed=0.01,
        verify=True,
    )


@pytest.mark.parametrize(
    ("status", "body", "failure"),
    [
        (409, b'{"detail": "conflit"}', UndefinedStatusCode),
        (200, b'{"name": null}', JsonSchemaError),
    ],
)
def test_the_checks_fail_on_what_the_schema_does_not_document(status, body, failure):
    operation = schemathesis.openapi.from_dict(SYNTHETIC)["/things/{id}/"]["GET"]
    case = operation.Case(path_parameters={"id": 1})
    checks = [
        openapi_checks.status_code_conformance,
        openapi_checks.response_schema_conformance,
    ]
    with pytest.raises(FailureGroup) as raised:
        case.validate_response(_answer(status, body), checks=checks)
    assert [type(error) for error in raised.value.exceptions] == [failure]
    case.validate_response(_answer(200, b'{"name": "ok"}'), checks=checks)  # conforms
