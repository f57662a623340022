"""The OpenAPI document describes each action's own body: `sign` takes the signature,
`return-to-draft` takes none (it used to carry `sign`'s)."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def schema(django_db_blocker):
    with django_db_blocker.unblock():
        response = Client().get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    return response.json()


@pytest.mark.parametrize("collection", ["conventions", "amendments"])
def test_sign_has_its_body_and_return_to_draft_none(schema, collection):
    paths = schema["paths"]
    sign = paths[f"/api/v1/{collection}/{{id}}/sign/"]["post"]
    back = paths[f"/api/v1/{collection}/{{id}}/return-to-draft/"]["post"]
    reference = sign["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    assert reference.endswith("/Sign")
    assert {"party", "signed_on"} <= set(schema["components"]["schemas"]["Sign"]["properties"])
    assert "requestBody" not in back


def test_the_contributed_vote_action_is_documented(schema):
    vote = schema["paths"]["/api/v1/deliberations/{id}/vote/"]["post"]
    reference = vote["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    assert reference.endswith("/DeliberationVote")
    detail = schema["components"]["schemas"]["DeliberationDetail"]["properties"]
    assert {"conventions", "amendments", "subsidies"} <= set(detail)
    listed = schema["components"]["schemas"]["Deliberation"]["properties"]
    assert "subsidies" not in listed and "conventions" in listed
