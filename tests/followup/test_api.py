"""The HTTP API of the annual follow-up: `followups` (sheets, sections, review actions) and
`campaigns`: who gets what on every endpoint and action (nothing changed on a refusal), the
review cycle, lost requests and concurrent edits, the sections' rules through the API, odd
input never giving a 500, filters and flat query counts.

The role matrices run on the sheet of the Versailles campus (academies Paris and Versailles):
dir-versailles fills it; rectorat-paris (région académique) and rectorat-versailles review it
and give their opinion; regional staff review and validate it; rectorat-creteil and dir-mode
must not learn it exists (404, or 403 when their role is refused first); the expert has no
business here (403); anonymous: 401. Campaigns are opened for years ≥ 2040, never used by the
demo.
"""

import json

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from accounts.models import Role, User
from campuses.models import CampusDirector
from followup import services
from followup.models import (
    Campaign,
    FollowUpSheet,
    SheetComment,
    SheetSection,
    SheetStatus,
)
from tests.followup.helpers import YEAR, complete_sections, fill, open_campaign

pytestmark = pytest.mark.django_db

FOLLOWUPS_URL = "/api/v1/followups/"
CAMPAIGNS_URL = "/api/v1/campaigns/"

ANONYMOUS = "anonymous"
ROLES = [
    "region",
    "rectorat-paris",
    "rectorat-creteil",
    "rectorat-versailles",
    "expert",
    "dir-versailles",
    "dir-mode",
]
RECTORATES = ("rectorat-paris", "rectorat-creteil", "rectorat-versailles")
DIRECTORS = ("dir-versailles", "dir-mode")
# Who sees the Versailles campus (academies Paris + Versailles).
READERS = ("region", "rectorat-paris", "rectorat-versailles", "dir-versailles")
VERSAILLES_REVIEWERS = ("region", "rectorat-paris", "rectorat-versailles")


def codes(default, groups=None):
    """{role: status}: `default` for every role, `groups` ({roles: status}) on top; the expert
    always 403, anonymous always 401."""
    result = dict.fromkeys(ROLES, default)
    for roles, status in (groups or {}).items():
        for role in roles:
            result[role] = status
    result["expert"] = 403
    result[ANONYMOUS] = 401
    return result


def role_params(matrix):
    return pytest.mark.parametrize(("role", "expected"), list(matrix.items()))


READ = codes(404, {READERS: 200})
# Filling: directors only (role first), another campus's director does not find it.
FILL = codes(403, {("dir-versailles",): 200, ("dir-mode",): 404})
# Reviewing: regional and rectorate staff in scope.
REVIEW = codes(403, {VERSAILLES_REVIEWERS: 200, ("rectorat-creteil",): 404})
VALIDATE = codes(403, {("region",): 200})
OPINION = codes(403, {("rectorat-paris", "rectorat-versailles"): 200, ("rectorat-creteil",): 404})


# ============================================================================== fixtures


@pytest.fixture
def api_of(user_of):
    """api_of("dir-versailles") -> an APIClient with that demo account's token."""

    def make(username):
        client = APIClient()
        if username != ANONYMOUS:
            token, _created = Token.objects.get_or_create(user=user_of(username))
            client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return client

    return make


@pytest.fixture
def region(user_of):
    return user_of("region")


@pytest.fixture
def director(user_of):
    return user_of("dir-versailles")


@pytest.fixture
def campaign(region):
    return open_campaign(region)


@pytest.fixture
def sheet(campaign, campus_of):
    return FollowUpSheet.objects.get(campaign=campaign, campus=campus_of("versailles"))


@pytest.fixture
def filled(director, sheet):
    return fill(director, sheet)


@pytest.fixture
def submitted(director, filled):
    services.submit(director, filled)
    return FollowUpSheet.objects.get(pk=filled.pk)


def url(sheet, action=""):
    return f"{FOLLOWUPS_URL}{sheet.pk}/{action + '/' if action else ''}"


def section_url(sheet, number):
    return url(sheet, f"sections/{number}")


def ids(response):
    return {row["id"] for row in response.json()["results"]}


def state(sheet):
    """Everything an action could change on a sheet."""
    fresh = FollowUpSheet.objects.get(pk=sheet.pk)
    return (
        fresh.status,
        fresh.version,
        fresh.rectorate_opinion,
        fresh.history.count(),
        SheetComment.objects.filter(sheet=sheet).count(),
        sorted(SheetSection.objects.filter(sheet=sheet).values_list("number", "version", "data")),
    )


def section_of(sheet, number):
    return SheetSection.objects.get(sheet=sheet, number=number)


def put(client, sheet, number, data, version):
    return client.put(section_url(sheet, number), {"data": data, "version": version}, format="json")


# ======================================================================== reads: matrices


@role_params(codes(200))
def test_followup_list_matrix(role, expected, api_of, sheet):
    response = api_of(role).get(FOLLOWUPS_URL, {"year": YEAR})

    assert response.status_code == expected
    if expected == 200:
        assert (sheet.pk in ids(response)) == (role in READERS)


@role_params(READ)
def test_followup_detail_matrix(role, expected, api_of, sheet):
    response = api_of(role).get(url(sheet))

    assert response.status_code == expected
    if expected == 200:
        body = response.json()
        assert body["id"] == sheet.pk and body["year"] == YEAR
        assert [s["number"] for s in body["sections"]] == list(range(1, 10))


@role_params(READ)
def test_section_read_matrix(role, expected, api_of, sheet):
    response = api_of(role).get(section_url(sheet, 4))

    assert response.status_code == expected
    if expected == 200:
        assert response.json()["number"] == 4 and response.json()["version"] == 1


def test_the_scope_of_each_role_in_the_list(api_of, campaign):
    def listed(role):
        return {
            row["campus_short_name"]
            for row in api_of(role).get(FOLLOWUPS_URL, {"year": YEAR}).json()["results"]
        }

    every = set(campaign.sheets.values_list("campus__short_name", flat=True))
    assert listed("region") == listed("rectorat-paris") == every
    creteil = set(
        campaign.sheets.filter(campus__academies__code="creteil").values_list(
            "campus__short_name", flat=True
        )
    )
    assert listed("rectorat-creteil") == creteil != every
    assert len(listed("dir-versailles")) == 1


# ======================================================================= writes: matrices


@role_params(FILL)
def test_section_write_matrix(role, expected, api_of, sheet):
    before = state(sheet)

    response = put(api_of(role), sheet, 8, {"mobilities": "4"}, 1)

    assert response.status_code == expected, response.content
    if expected == 200:
        assert response.json()["version"] == 2
        assert section_of(sheet, 8).data == {"mobilities": "4"}
    else:
        assert state(sheet) == before


@role_params(FILL)
def test_section_patch_matrix(role, expected, api_of, director, sheet):
    services.save_section(director, sheet, 8, {"mobilities": "2"})
    before = state(sheet)

    response = api_of(role).patch(
        section_url(sheet, 8),
        {"data": {"partners": [{"name": "Lycée de Turin", "country": "Italie"}]}, "version": 2},
        format="json",
    )

    assert response.status_code == expected, response.content
    if expected == 200:  # PATCH keeps the keys not sent
        assert section_of(sheet, 8).data == {
            "mobilities": "2",
            "partners": [{"name": "Lycée de Turin", "country": "Italie"}],
        }
    else:
        assert state(sheet) == before


@role_params(FILL)
def test_submit_matrix(role, expected, api_of, filled):
    before = state(filled)

    response = api_of(role).post(url(filled, "submit"))

    assert response.status_code == expected, response.content
    if expected == 200:
        assert response.json()["status"] == SheetStatus.SUBMITTED
    else:
        assert state(filled) == before


@role_params(REVIEW)
def test_request_changes_matrix(role, expected, api_of, submitted):
    before = state(submitted)

    response = api_of(role).post(
        url(submitted, "request-changes"), {"reason": "Complétez la rubrique 8."}, format="json"
    )

    assert response.status_code == expected, response.content
    if expected == 200:
        assert response.json()["status"] == SheetStatus.CHANGES_REQUESTED
        assert response.json()["history"][-1]["reason"] == "Complétez la rubrique 8."
    else:
        assert state(submitted) == before


@role_params(VALIDATE)
def test_validate_matrix(role, expected, api_of, submitted):
    before = state(submitted)

    response = api_of(role).post(url(submitted, "validate"))

    assert response.status_code == expected, response.content
    if expected == 200:
        assert response.json()["status"] == SheetStatus.VALIDATED
        assert response.json()["editable"] is False
    else:
        assert state(submitted) == before


@role_params(codes(403, {VERSAILLES_REVIEWERS: 201, ("rectorat-creteil",): 404}))
def test_comment_matrix(role, expected, api_of, submitted):
    before = state(submitted)

    response = api_of(role).post(
        url(submitted, "comment"), {"section": 8, "text": "Précisez les pays."}, format="json"
    )

    assert response.status_code == expected, response.content
    if expected == 201:
        body = response.json()
        assert body["section"] == 8 and body["internal"] is False
        assert body["side"] == ("region" if role == "region" else "rectorate")
    else:
        assert state(submitted) == before


@role_params(OPINION)
def test_opinion_matrix(role, expected, api_of, submitted):
    before = state(submitted)

    response = api_of(role).post(
        url(submitted, "opinion"), {"opinion": "reserved", "text": "Bilan à étoffer"}, format="json"
    )

    assert response.status_code == expected, response.content
    if expected == 200:
        assert response.json()["opinion"]["opinion"] == "reserved"
        assert response.json()["opinion"]["label"] == "Favorable avec réserves"
    else:
        assert state(submitted) == before


@role_params(codes(200))
def test_campaign_list_and_detail_matrix(role, expected, api_of, campaign):
    client = api_of(role)
    listed = client.get(CAMPAIGNS_URL)
    detail = client.get(f"{CAMPAIGNS_URL}{campaign.pk}/")

    assert listed.status_code == expected
    assert detail.status_code == expected
    if expected != 200:
        return
    assert campaign.pk in ids(listed)
    body = detail.json()
    mine = FollowUpSheet.objects.filter(campaign=campaign)
    if role.startswith("dir-"):
        assert body["sheets_count"] == 1
    elif role in ("rectorat-creteil", "rectorat-versailles"):
        academy = role.removeprefix("rectorat-")
        assert body["sheets_count"] == mine.filter(campus__academies__code=academy).count() < 9
    else:
        assert body["sheets_count"] == mine.count() == 9
    assert body["counts"][SheetStatus.NOT_STARTED] == body["sheets_count"]
    assert body["deadline"] == f"{YEAR + 1}-03-31"


@role_params(codes(403, {("region",): 201}))
def test_campaign_create_matrix(role, expected, api_of, django_capture_on_commit_callbacks):
    before = (Campaign.objects.count(), FollowUpSheet.objects.count())

    with django_capture_on_commit_callbacks(execute=True):
        response = api_of(role).post(
            CAMPAIGNS_URL, {"year": YEAR + 5, "deadline": f"{YEAR + 6}-04-15"}, format="json"
        )

    assert response.status_code == expected, response.content
    if expected == 201:
        body = response.json()
        assert (body["year"], body["deadline"], body["sheets_count"]) == (
            YEAR + 5,
            f"{YEAR + 6}-04-15",
            9,
        )
        # Each campus's director is told (one e-mail per sheet).
        assert len(mail.outbox) == 9
        assert all("Campagne de suivi 2045 ouverte" in m.subject for m in mail.outbox)
    else:
        assert (Campaign.objects.count(), FollowUpSheet.objects.count()) == before
        assert mail.outbox == []


def test_campaign_create_refuses_bad_input(api_of, campaign):
    client = api_of("region")
    before = Campaign.objects.count()
    for body in (
        {"year": YEAR},  # exists already
        {"year": YEAR + 1, "opens_on": f"{YEAR + 1}-05-01", "deadline": f"{YEAR + 1}-04-01"},
        {"year": "deux mille"},
        {"year": 99999},
        {},
    ):
        response = client.post(CAMPAIGNS_URL, body, format="json")
        assert response.status_code == 400, body
    assert (
        "existe déjà" in client.post(CAMPAIGNS_URL, {"year": YEAR}, format="json").json()["year"][0]
    )
    assert Campaign.objects.count() == before


@pytest.mark.parametrize(
    "endpoint",
    [
        ("get", FOLLOWUPS_URL),
        ("get", CAMPAIGNS_URL),
        ("post", CAMPAIGNS_URL),
    ],
)
def test_anonymous_gets_401(endpoint):
    method, path = endpoint
    assert getattr(APIClient(), method)(path).status_code == 401


def test_anonymous_gets_401_on_every_sheet_endpoint(submitted):
    client = APIClient()
    before = state(submitted)
    assert client.get(url(submitted)).status_code == 401
    assert client.get(section_url(submitted, 1)).status_code == 401
    assert client.put(section_url(submitted, 1), {}, format="json").status_code == 401
    for action in ("submit", "request-changes", "validate", "comment", "opinion"):
        assert client.post(url(submitted, action), {}, format="json").status_code == 401
    assert state(submitted) == before


# ================================================================== comments and details


def test_internal_notes_are_never_shown_to_the_director(api_of, user_of, submitted):
    services.add_comment(user_of("rectorat-versailles"), submitted, section=8, text="Public")
    services.add_comment(user_of("region"), submitted, section=8, text="Note", internal=True)

    def texts(role):
        return [c["text"] for c in api_of(role).get(url(submitted)).json()["comments"]]

    assert texts("dir-versailles") == ["Public"]
    for reviewer in VERSAILLES_REVIEWERS:
        assert texts(reviewer) == ["Public", "Note"]


def test_the_detail_shows_sections_history_attachments_and_indicators(api_of, director, filled):
    from django.core.files.uploadedfile import SimpleUploadedFile

    services.add_attachment(director, filled, 9, SimpleUploadedFile("bilan.pdf", b"%PDF-1.4 x"))
    services.save_section(director, filled, 5, {**complete_sections()[5], "expenses": []})

    body = api_of("region").get(url(filled)).json()

    by_number = {s["number"]: s for s in body["sections"]}
    assert by_number[9]["title"] == "Démarche qualité" and by_number[9]["is_complete"]
    assert by_number[5]["is_complete"] is False
    assert "Dépenses réalisées" in by_number[5]["missing"]
    assert "n'est pas équilibré" in by_number[5]["errors"]["expenses"][0]
    assert by_number[5]["version"] == 3
    assert body["attachments"] == [
        {
            "id": filled.attachments.get().pk,
            "section": 9,
            "name": "bilan.pdf",
            "kind": "pdf",
            "size": 10,
            "uploaded_at": body["attachments"][0]["uploaded_at"],
        }
    ]
    assert body["indicators"]["pupils"] == 120 and body["indicators"]["beneficiaries"] == 150
    assert body["indicators"]["budget_revenues"] == "80000.00"
    assert body["history"][0]["to_status"] == SheetStatus.DRAFT
    assert body["complete_sections"] == 8
    assert body["opinion"] is None


# ======================================================================== the review cycle


def test_the_review_cycle_through_the_api(
    api_of, user_of, sheet, django_capture_on_commit_callbacks
):
    director = api_of("dir-versailles")
    for number, data in complete_sections().items():
        version = director.get(section_url(sheet, number)).json()["version"]
        response = put(director, sheet, number, data, version)
        assert response.status_code == 200 and response.json()["is_complete"], number

    with django_capture_on_commit_callbacks(execute=True):
        assert director.post(url(sheet, "submit")).json()["status"] == SheetStatus.SUBMITTED
    # Submitted: read-only for the director (409), nothing saved.
    blocked = put(director, sheet, 8, {"mobilities": "1"}, 2)
    assert blocked.status_code == 409
    assert section_of(sheet, 8).data == complete_sections()[8]

    rectorate, region = api_of("rectorat-versailles"), api_of("region")
    rectorate.post(url(sheet, "comment"), {"section": 8, "text": "Précisez les pays."})
    region.post(url(sheet, "comment"), {"section": 8, "text": "Voir COPIL", "internal": True})
    with django_capture_on_commit_callbacks(execute=True):
        returned = region.post(url(sheet, "request-changes"), {"reason": "Rubrique 8 à revoir"})
    assert returned.json()["status"] == SheetStatus.CHANGES_REQUESTED

    seen = director.get(url(sheet)).json()
    assert [c["text"] for c in seen["comments"]] == ["Précisez les pays."]
    assert seen["editable"] is True
    fixed = {"mobilities": "8", "partners": [{"name": "Lycée de Turin", "country": "Italie"}]}
    assert put(director, sheet, 8, fixed, section_of(sheet, 8).version).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        assert director.post(url(sheet, "submit")).status_code == 200

    assert rectorate.post(url(sheet, "opinion"), {"opinion": "favourable"}).status_code == 200
    assert rectorate.post(url(sheet, "validate")).status_code == 403  # the Region validates
    validated = region.post(url(sheet, "validate"), {"reason": "Conforme"})
    assert validated.status_code == 200
    body = validated.json()
    assert body["status"] == SheetStatus.VALIDATED and body["validated_at"]
    assert [h["to_status"] for h in body["history"]] == [
        SheetStatus.DRAFT,
        SheetStatus.SUBMITTED,
        SheetStatus.CHANGES_REQUESTED,
        SheetStatus.SUBMITTED,
        SheetStatus.VALIDATED,
    ]
    assert body["opinion"]["opinion"] == "favourable"
    # Validated: read-only; the state conflicts are 409 and change nothing.
    before = state(sheet)
    assert (
        put(director, sheet, 8, {"mobilities": "1"}, section_of(sheet, 8).version).status_code
        == 409
    )
    assert director.post(url(sheet, "submit")).status_code == 409
    assert region.post(url(sheet, "validate")).status_code == 409
    assert region.post(url(sheet, "request-changes"), {"reason": "x"}).status_code == 409
    assert state(sheet) == before

    # The e-mails: two submissions to the reviewers, the request for changes to the campus
    # with the reason and the comment it may read, never the internal note.
    subjects = [m.subject for m in mail.outbox]
    assert sum("soumise" in s for s in subjects) == 2
    (changes,) = [m for m in mail.outbox if "Modifications demandées" in m.subject]
    assert changes.to == [user_of("dir-versailles").email]
    assert "Rubrique 8 à revoir" in changes.body and "Précisez les pays." in changes.body
    assert "Voir COPIL" not in changes.body
    # The log on the sheet: the director sees the e-mail addressed to the campus only.
    kinds = [e["kind"] for e in director.get(url(sheet)).json()["emails"]]
    assert kinds == ["changes_requested"]
    kinds = [e["kind"] for e in region.get(url(sheet)).json()["emails"]]
    assert sorted(kinds) == ["changes_requested", "submitted", "submitted"]


def test_an_incomplete_sheet_cannot_be_submitted(api_of, director, sheet):
    services.save_section(director, sheet, 1, complete_sections()[1])

    response = api_of("dir-versailles").post(url(sheet, "submit"))

    assert response.status_code == 400
    errors = response.json()
    assert "section_2" in errors and "section_1" not in errors
    assert "incomplète" in errors["section_9"][0]
    assert FollowUpSheet.objects.get(pk=sheet.pk).status == SheetStatus.DRAFT


def test_request_changes_needs_a_reason(api_of, submitted):
    before = state(submitted)
    response = api_of("region").post(url(submitted, "request-changes"), {"reason": " "})
    assert response.status_code == 400 and "reason" in response.json()
    assert state(submitted) == before


def test_opinion_and_comment_are_checked(api_of, submitted):
    before = state(submitted)
    rectorate = api_of("rectorat-paris")
    assert rectorate.post(url(submitted, "opinion"), {"opinion": "génial"}).status_code == 400
    for body in ({"section": 10, "text": "x"}, {"section": 1, "text": ""}, {"text": "x"}):
        assert rectorate.post(url(submitted, "comment"), body).status_code == 400
    assert state(submitted) == before


def test_an_opinion_needs_a_submitted_sheet(api_of, filled):
    before = state(filled)
    response = api_of("rectorat-versailles").post(url(filled, "opinion"), {"opinion": "favourable"})
    assert response.status_code == 409
    assert state(filled) == before


# =================================================== lost requests and concurrent edits


def test_a_lost_answer_retried_with_the_old_version_is_idempotent(api_of, sheet):
    """The first PUT succeeded but its answer was lost; the browser sends the same body again,
    with the version it knew (1). The content is already stored: answering 409 would make the
    user compare two identical texts, so the retry is answered 200 with the section as stored
    (same version, nothing saved twice). A different content with the old version stays 409."""
    client = api_of("dir-versailles")
    data = complete_sections()[3]

    first = put(client, sheet, 3, data, 1)
    retried = put(client, sheet, 3, data, 1)

    assert first.status_code == retried.status_code == 200
    assert first.json()["version"] == retried.json()["version"] == 2
    stored = section_of(sheet, 3)
    assert (stored.data, stored.version) == (data, 2)
    assert FollowUpSheet.objects.get(pk=sheet.pk).history.count() == 1  # one first input

    changed = {"actions": [{**data["actions"][0], "budget": "99"}]}
    conflict = put(client, sheet, 3, changed, 1)
    assert conflict.status_code == 409
    assert "quelqu'un d'autre" in conflict.json()["detail"]
    stored = section_of(sheet, 3)
    assert (stored.data, stored.version) == (data, 2)


def test_concurrent_edits_are_detected(api_of, campus_of, sheet):
    """Two people of the campus open section 4 (version 1); the second to save gets 409, and
    the first one's content is kept. Another section is not blocked."""
    deputy = User.objects.create_user(
        "adjoint-versailles", email="adjoint@versailles.invalid", role=Role.DIRECTOR
    )
    CampusDirector.objects.create(
        campus=campus_of("versailles"), user=deputy, full_name="Adjoint", role="deputy"
    )
    first, second = api_of("dir-versailles"), api_of("adjoint-versailles")
    assert first.get(section_url(sheet, 4)).json()["version"] == 1
    assert second.get(section_url(sheet, 4)).json()["version"] == 1

    mine = {"meetings": [{"body": "cos", "held_on": f"{YEAR}-03-02", "present": "20"}]}
    theirs = {"meetings": [{"body": "copil", "held_on": f"{YEAR}-06-15", "present": "12"}]}
    assert put(first, sheet, 4, mine, 1).status_code == 200
    response = put(second, sheet, 4, theirs, 1)

    assert response.status_code == 409
    assert "version 2" in response.json()["detail"]
    assert section_of(sheet, 4).data == mine
    assert put(second, sheet, 6, {"website": "https://campus.example.org"}, 1).status_code == 200
    # Reloaded, the second person saves on the current version.
    assert put(second, sheet, 4, theirs, 2).status_code == 200
    assert section_of(sheet, 4).data == theirs


def test_the_version_is_required(api_of, sheet):
    before = state(sheet)
    response = api_of("dir-versailles").put(
        section_url(sheet, 8), {"data": {"mobilities": "3"}}, format="json"
    )
    assert response.status_code == 400 and "version" in response.json()
    assert state(sheet) == before


# ============================================================ section rules through the API


@pytest.mark.parametrize(
    ("strengths", "complete"),
    [(["A", "B", "C"], True), (["A", "B"], False), (["A", "B", " "], False), ([], False)],
)
def test_exactly_three_strengths(api_of, sheet, strengths, complete):
    data = {**complete_sections()[9], "strengths": strengths}

    response = put(api_of("dir-versailles"), sheet, 9, data, 1)

    assert response.status_code == 200  # a draft keeps what was typed
    body = response.json()
    assert body["is_complete"] is complete
    if not complete and any(s.strip() for s in strengths):
        assert "exactement trois points forts" in body["errors"]["strengths"][0]
    elif not complete:  # nothing typed yet: missing, not an error
        assert "strengths" not in body["errors"]


def test_a_fourth_strength_is_not_complete(api_of, sheet):
    data = {**complete_sections()[9], "strengths": ["A", "B", "C", "D"]}

    body = put(api_of("dir-versailles"), sheet, 9, data, 1).json()

    assert body["is_complete"] is False
    assert "strengths" in body["errors"]


def test_an_object_is_not_a_text(api_of, sheet):
    data = {**complete_sections()[9], "evaluation": {"a": 1}, "self_evaluation": ["b"]}

    body = put(api_of("dir-versailles"), sheet, 9, data, 1).json()

    assert body["is_complete"] is False
    assert {"evaluation", "self_evaluation"} <= set(body["errors"])


def test_budget_totals_beyond_the_indicator_columns_are_not_a_500(api_of, sheet):
    rows = [{"label": "Recette", "amount": "9999999999.99"}] * 2

    response = put(api_of("dir-versailles"), sheet, 5, {"revenues": rows}, 1)

    assert response.status_code in (200, 400)


def test_the_realised_budget_must_balance(api_of, sheet):
    data = {**complete_sections()[5], "expenses": [{"label": "Fonctionnement", "amount": "70000"}]}

    body = put(api_of("dir-versailles"), sheet, 5, data, 1).json()

    assert body["is_complete"] is False
    message = body["errors"]["expenses"][0].replace("\u202f", " ").replace("\u00a0", " ")
    assert "recettes 80 000,00 €, dépenses 70 000,00 €" in message
    balanced = {**data, "expenses": [{"label": "Fonctionnement", "amount": "80000,00"}]}
    assert put(api_of("dir-versailles"), sheet, 5, balanced, 2).json()["is_complete"]


@pytest.mark.parametrize(
    "count",
    ["-3", -3, "1.5", 1.5, "abc", "99999999999", 10**30, "1e6", 10_000_001, True, [], {}],
)
def test_counts_are_whole_numbers_zero_or_more(api_of, sheet, count):
    data = {"beneficiaries": [{"type": "pupils", "count": count}]}

    response = put(api_of("dir-versailles"), sheet, 2, data, 1)

    assert response.status_code == 200, response.content
    body = response.json()
    if count in ([], {}):  # a blank cell: the row is ignored
        assert body["is_complete"] is False
        return
    assert "beneficiaries.0.count" in body["errors"]


@pytest.mark.parametrize("amount", ["1e400", "99999999999.99", 10**40, "-5", "1,234"])
def test_huge_or_odd_amounts_are_reported_not_saved_as_figures(api_of, director, sheet, amount):
    data = {"revenues": [{"label": "Région", "amount": amount}]}

    response = put(api_of("dir-versailles"), sheet, 5, data, 1)

    assert response.status_code == 200
    assert "revenues.0.amount" in response.json()["errors"]
    assert FollowUpSheet.objects.get(pk=sheet.pk).indicators.budget_revenues == 0


@pytest.mark.parametrize(
    "raw",
    [
        "{not json",
        "[]",
        '"text"',
        "null",
        '{"data": "x", "version": 1}',
        '{"data": [], "version": 1}',
        '{"data": {}, "version": "abc"}',
        '{"data": {}, "version": 0}',
        '{"data": {}, "version": 99999999999999999999}',
        '{"data": {}}',
        '{"version": 1}',
        '{"data": {"mobilities": NaN}, "version": 1}',
        '{"data": {"mobilities": Infinity}, "version": 1}',
        '{"data": {"mobilities": 1e400}, "version": 1}',
        '{"data": {"partners": [{"name": [[[[["deep"]]]]]}]}, "version": 1}',
    ],
)
def test_garbage_is_a_400_never_a_500(api_of, sheet, raw):
    before = state(sheet)

    response = api_of("dir-versailles").generic(
        "PUT", section_url(sheet, 8), raw, content_type="application/json"
    )

    assert response.status_code == 400, response.content
    assert state(sheet) == before


def test_a_too_big_section_is_refused(api_of, sheet):
    data = {"reference_diagnostics": "x" * 1_100_000}
    response = put(api_of("dir-versailles"), sheet, 1, data, 1)
    assert response.status_code == 400
    assert section_of(sheet, 1).version == 1


def test_odd_cells_are_kept_as_typed_and_reported(api_of, sheet):
    """Wrong types inside a section are a draft's errors, not a crash; unknown keys and
    non-list tables are dropped."""
    data = {
        "mobilities": {"a": 1},
        "partners": [{"name": ["x"], "country": None, "learner": "Jean"}, "row", 3],
        "names": ["Jean Dupont"],
    }
    response = put(api_of("dir-versailles"), sheet, 8, data, 1)

    assert response.status_code == 200
    stored = section_of(sheet, 8).data
    assert "names" not in stored and "learner" not in stored["partners"][0]
    assert "mobilities" in response.json()["errors"]


@pytest.mark.parametrize("number", ["0", "10", "abc", "-1"])
def test_an_unknown_section_is_404(api_of, sheet, number):
    response = api_of("dir-versailles").put(
        f"{url(sheet)}sections/{number}/", {"data": {}, "version": 1}, format="json"
    )
    assert response.status_code == 404


def test_unknown_sheet_ids_are_404(api_of):
    client = api_of("region")
    assert client.get(f"{FOLLOWUPS_URL}999999999/").status_code == 404
    assert client.get(f"{FOLLOWUPS_URL}{'9' * 30}/").status_code == 404


# ============================================================================== filters


def test_filters(api_of, region, director, campaign, sheet, campus_of):
    fill(director, sheet)
    services.submit(director, sheet)
    second = open_campaign(region, YEAR + 1)
    client = api_of("region")

    assert ids(client.get(FOLLOWUPS_URL, {"year": YEAR + 1})) == set(
        second.sheets.values_list("pk", flat=True)
    )
    by_campus = client.get(FOLLOWUPS_URL, {"campus": campus_of("versailles").pk, "year": YEAR})
    assert ids(by_campus) == {sheet.pk}
    assert ids(client.get(FOLLOWUPS_URL, {"status": "submitted", "year": YEAR})) == {sheet.pk}
    creteil = set(
        campaign.sheets.filter(campus__academies__code="creteil").values_list("pk", flat=True)
    )
    assert ids(client.get(FOLLOWUPS_URL, {"academy": "creteil", "year": YEAR})) == creteil
    academy_id = campus_of("mode").academies.get(code="creteil").pk
    assert ids(client.get(FOLLOWUPS_URL, {"academy": academy_id, "year": YEAR})) == creteil
    assert client.get(FOLLOWUPS_URL, {"academy": "lyon"}).status_code == 400
    assert client.get(FOLLOWUPS_URL, {"status": "perdu"}).status_code == 400
    # Another campus is not a choice for a director.
    other = api_of("dir-mode").get(FOLLOWUPS_URL, {"campus": campus_of("versailles").pk})
    assert other.status_code == 400 and "campus" in other.json()
    assert ids(api_of("region").get(CAMPAIGNS_URL, {"year": YEAR + 1})) == {second.pk}


@pytest.mark.parametrize("value", ["", "abc", "-1", "9" * 30, "1e309", "%00", "ÿ" * 300])
@pytest.mark.parametrize("parameter", ["year", "campus", "status", "academy", "page"])
def test_odd_filter_values_never_fail(api_of, campaign, parameter, value):
    response = api_of("region").get(FOLLOWUPS_URL, {parameter: value})
    assert response.status_code in (200, 400, 404)
    assert api_of("region").get(CAMPAIGNS_URL, {parameter: value}).status_code in (200, 400, 404)


# ========================================================================== query counts


@pytest.mark.parametrize("role", ["region", "rectorat-creteil", "dir-versailles"])
def test_the_list_query_count_does_not_grow_with_its_rows(api_of, region, director, role):
    client = api_of(role)
    open_campaign(region, YEAR)
    client.get(FOLLOWUPS_URL)  # warm caches (content types, sessions)

    with CaptureQueriesContext(connection) as few:
        assert client.get(FOLLOWUPS_URL).status_code == 200
    for year in (YEAR + 1, YEAR + 2, YEAR + 3):
        campaign = open_campaign(region, year)
        fill(director, campaign.sheets.get(campus__directors__user=director))
    with CaptureQueriesContext(connection) as many:
        response = client.get(FOLLOWUPS_URL)

    assert response.json()["count"] > 0
    assert len(many) == len(few), [q["sql"] for q in many]


def test_the_campaign_list_query_count_does_not_grow(api_of, region):
    client = api_of("rectorat-versailles")
    open_campaign(region, YEAR)
    client.get(CAMPAIGNS_URL)
    with CaptureQueriesContext(connection) as few:
        client.get(CAMPAIGNS_URL)
    for year in (YEAR + 1, YEAR + 2):
        open_campaign(region, year)
    with CaptureQueriesContext(connection) as many:
        response = client.get(CAMPAIGNS_URL)
    assert response.json()["count"] >= 3
    assert len(many) == len(few)


def test_the_detail_answers_in_a_bounded_number_of_queries(
    api_of, django_assert_max_num_queries, submitted, user_of
):
    for number in range(1, 10):
        services.add_comment(user_of("region"), submitted, section=number, text="Vu")
    client = api_of("region")
    client.get(url(submitted))
    with django_assert_max_num_queries(20):
        assert client.get(url(submitted)).status_code == 200


def test_the_schema_lists_the_followup_endpoints(client):
    schema = client.get("/api/schema/?format=json").json()
    paths = schema["paths"]
    assert "/api/v1/followups/{id}/sections/{number}/" in paths
    assert {"put", "patch", "get"} <= set(paths["/api/v1/followups/{id}/sections/{number}/"])
    for action in ("submit", "request-changes", "validate", "comment", "opinion"):
        assert f"/api/v1/followups/{{id}}/{action}/" in paths
    assert "post" in paths["/api/v1/campaigns/"]
    json.dumps(schema)
