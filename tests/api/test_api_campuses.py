"""The HTTP API of the campus registry: token, schema and docs, scoping, filters, derived
fields and writes (optimistic locking, rights, validation messages, language)."""

import json
from datetime import date, timedelta

import pytest
import yaml
from django.core.cache import cache
from django.utils import timezone
from rest_framework import pagination
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from accounts.services import set_active
from campuses.models import (
    Academy,
    Campus,
    CampusFormerName,
    LabelCategory,
    LabelPeriod,
    LabelStatus,
    SectorFamily,
)
from labels.models import (
    IN_PROGRESS_STATUSES,
    ApplicationKind,
    ApplicationStatus,
    LabelApplication,
)

pytestmark = pytest.mark.django_db

TOKEN_URL = "/api/v1/auth/token/"
CAMPUSES_URL = "/api/v1/campuses/"


def detail_url(campus):
    return f"{CAMPUSES_URL}{campus.pk}/"


@pytest.fixture(autouse=True)
def fresh_throttles():
    """The token endpoint is throttled per address; start each test with a clean slate."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api_of(user_of):
    """api_of("dir-ia") -> an APIClient authenticated with that demo account's token."""

    def make(username, **headers):
        token, _created = Token.objects.get_or_create(user=user_of(username))
        client = APIClient(headers=headers)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return client

    return make


def ids(response):
    return {row["id"] for row in response.json()["results"]}


def all_ids(client, url, params=None):
    """Every id of a paginated collection (follows `next`)."""
    found, response = [], client.get(url, params or {})
    while True:
        assert response.status_code == 200, response.content
        found += [row["id"] for row in response.json()["results"]]
        if not response.json()["next"]:
            return found
        response = client.get(response.json()["next"])


# ------------------------------------------------------------------------------- token


@pytest.mark.parametrize("login", ["region", "region@demo.cmq.invalid", "REGION@demo.cmq.invalid"])
def test_token_with_username_or_email(login, demo_password, user_of):
    response = APIClient().post(TOKEN_URL, {"username": login, "password": demo_password})

    assert response.status_code == 200, response.content
    assert response.json() == {"token": Token.objects.get(user=user_of("region")).key}


def test_same_token_on_every_request(demo_password):
    client = APIClient()
    first = client.post(TOKEN_URL, {"username": "dir-ia", "password": demo_password}).json()
    second = client.post(TOKEN_URL, {"username": "dir-ia", "password": demo_password}).json()
    assert first == second


def test_token_with_wrong_password_is_400_in_french():
    response = APIClient().post(TOKEN_URL, {"username": "region", "password": "pas-le-bon"})

    assert response.status_code == 400
    body = response.json()
    assert "token" not in body
    assert body["non_field_errors"] == [
        "Impossible de se connecter avec les informations d'identification fournies."
    ]


def test_token_requires_both_fields():
    response = APIClient().post(TOKEN_URL, {"username": "region"})
    assert response.status_code == 400
    assert "password" in response.json()


def test_anonymous_gets_401():
    response = APIClient().get(CAMPUSES_URL)

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response.json() == {"detail": "Informations d'authentification non fournies."}


def test_token_header_authenticates(demo_password):
    token = APIClient().post(TOKEN_URL, {"username": "dir-ia", "password": demo_password})
    client = APIClient()

    response = client.get(CAMPUSES_URL, HTTP_AUTHORIZATION=f"Token {token.json()['token']}")

    assert response.status_code == 200
    assert response.json()["count"] == 1


def test_bad_token_is_401():
    response = APIClient().get(CAMPUSES_URL, HTTP_AUTHORIZATION="Token pas-un-jeton")
    assert response.status_code == 401


def test_deactivated_account_token_stops_working(api_of, user_of):
    client = api_of("dir-ia")
    assert client.get(CAMPUSES_URL).status_code == 200

    set_active(user_of("region"), user_of("dir-ia"), False)

    assert client.get(CAMPUSES_URL).status_code == 401


def test_session_authentication_works_too(client_of):
    response = client_of("dir-ia").get(CAMPUSES_URL)
    assert response.status_code == 200
    assert response.json()["count"] == 1


# ------------------------------------------------------------------------ schema, docs


def test_schema_is_public_openapi_3():
    response = APIClient().get("/api/schema/")

    assert response.status_code == 200
    document = yaml.safe_load(response.content)
    assert document["openapi"].startswith("3.")
    assert "/api/v1/campuses/" in document["paths"]
    assert "/api/v1/campuses/{id}/" in document["paths"]
    assert "/api/v1/auth/token/" in document["paths"]


def test_schema_as_json():
    response = APIClient().get("/api/schema/", {"format": "json"})

    assert response.status_code == 200
    document = json.loads(response.content)
    assert document["openapi"].startswith("3.")
    assert "/api/v1/campuses/" in document["paths"]


# The documentation page (/api/docs/, staff only): tests/api/test_docs_page.py.


# ------------------------------------------------------------------- list and scoping


def test_list_is_paginated(api_of):
    response = api_of("region").get(CAMPUSES_URL)

    assert response.status_code == 200
    body = response.json()
    assert list(body) == ["count", "next", "previous", "results"]
    assert body["count"] == Campus.objects.count() == len(body["results"])
    assert body["next"] is None and body["previous"] is None


def test_pages_link_to_each_other(api_of, monkeypatch):
    monkeypatch.setattr(pagination.PageNumberPagination, "page_size", 5)
    client = api_of("region")

    first = client.get(CAMPUSES_URL).json()
    assert len(first["results"]) == 5
    assert first["previous"] is None
    assert "page=2" in first["next"]

    second = client.get(first["next"]).json()
    assert second["previous"] is not None
    assert set(all_ids(client, CAMPUSES_URL)) == set(Campus.objects.values_list("pk", flat=True))
    assert len(all_ids(client, CAMPUSES_URL)) == Campus.objects.count()


@pytest.mark.parametrize("username", ["region", "admin", "rectorat-paris"])
def test_regional_staff_and_region_academique_see_every_campus(username, api_of):
    response = api_of(username).get(CAMPUSES_URL)

    assert response.json()["count"] >= 9
    assert ids(response) == set(Campus.objects.values_list("pk", flat=True))


def test_director_sees_exactly_their_campus(api_of, campus_of):
    response = api_of("dir-ia").get(CAMPUSES_URL)

    assert response.json()["count"] == 1
    assert ids(response) == {campus_of("ia").pk}


@pytest.mark.parametrize("academy", ["creteil", "versailles"])
def test_rectorate_sees_the_campuses_of_its_academy(academy, api_of):
    response = api_of(f"rectorat-{academy}").get(CAMPUSES_URL)

    expected = set(Campus.objects.filter(academies__code=academy).values_list("pk", flat=True))
    assert ids(response) == expected
    assert response.json()["count"] == len(expected) < Campus.objects.count()
    for row in response.json()["results"]:
        assert academy in row["academies"]


def test_other_directors_campus_is_404(api_of, campus_of):
    client = api_of("dir-ia")

    assert client.get(detail_url(campus_of("versailles"))).status_code == 404
    assert client.get(detail_url(campus_of("ia"))).status_code == 200


def test_rectorate_detail_outside_its_academy_is_404(api_of, campus_of):
    client = api_of("rectorat-creteil")

    assert client.get(detail_url(campus_of("versailles"))).status_code == 404
    assert client.get(detail_url(campus_of("mode"))).status_code == 200


def test_expert_is_refused_the_collection(api_of, campus_of):
    client = api_of("expert")

    assert client.get(CAMPUSES_URL).status_code == 403
    assert client.get(detail_url(campus_of("ia"))).status_code == 403


def test_unknown_campus_is_404(api_of):
    assert api_of("region").get(f"{CAMPUSES_URL}999999/").status_code == 404


# --------------------------------------------------------------- derived label state


def reference_state(periods, is_prefiguration, today, replaced=False, in_application=False):
    """The label state computed in Python from the periods, after CampusQuerySet's rules
    (`replaced`: the campus is the predecessor of another one; `in_application`: it has a
    label application deposited and not decided)."""
    covering = sorted(
        (p for p in periods if p["start"] <= today <= p["end"]),
        key=lambda p: p["start"],
        reverse=True,
    )
    if covering:
        current = covering[0]
        status = LabelStatus.PROBATIONARY if current["probationary"] else LabelStatus.LABELLED
        return {
            "label_status": status,
            "current_category": current["category"],
            "current_label_end": current["end"].isoformat(),
            "label_days_left": (current["end"] - today).days,
        }
    if in_application:
        status = LabelStatus.APPLICATION
    elif replaced:
        status = LabelStatus.REPLACED
    elif any(p["start"] > today for p in periods):
        status = LabelStatus.UPCOMING
    elif is_prefiguration:
        status = LabelStatus.PREFIGURATION
    elif any(p["end"] < today for p in periods):
        status = LabelStatus.EXPIRED
    else:
        status = LabelStatus.NONE
    return {
        "label_status": status,
        "current_category": None,
        "current_label_end": None,
        "label_days_left": None,
    }


def make_campus(short_name, sector, academies, periods=(), **fields):
    campus = Campus.objects.create(
        name=f"Campus de test {short_name}", short_name=short_name, sector_family=sector, **fields
    )
    campus.academies.set(academies)
    for category, start, end, probationary in periods:
        LabelPeriod.objects.create(
            campus=campus, category=category, start=start, end=end, probationary=probationary
        )
    return campus


@pytest.fixture
def campuses_in_every_state():
    """One campus per label status, relative to today (the demo ones stay)."""
    today = timezone.localdate()
    sector = SectorFamily.objects.get(code="chimie")
    academies = list(Academy.objects.filter(code="creteil"))
    year = timedelta(days=365)
    # Merged into a successor: "replaced", whatever its own periods say once they are over.
    replaced = make_campus(
        "Test remplacé",
        sector,
        academies,
        [(LabelCategory.CMQ, today - 6 * year, today - year, False)],
    )
    make_campus("Test successeur", sector, academies, is_prefiguration=True).predecessors.add(
        replaced
    )
    return {
        LabelStatus.LABELLED: make_campus(
            "Test labellisé",
            sector,
            academies,
            [
                (LabelCategory.CMQ, today - 6 * year, today - 2 * year, False),
                (
                    LabelCategory.EXCELLENCE,
                    today - 2 * year + timedelta(days=1),
                    today + timedelta(days=100),
                    False,
                ),
            ],
        ),
        LabelStatus.PROBATIONARY: make_campus(
            "Test probatoire",
            sector,
            academies,
            [(LabelCategory.CMQ, today - year, today + timedelta(days=40), True)],
        ),
        LabelStatus.UPCOMING: make_campus(
            "Test à venir",
            sector,
            academies,
            [(LabelCategory.CMQ, today + timedelta(days=10), today + 5 * year, False)],
            is_prefiguration=True,
        ),
        LabelStatus.PREFIGURATION: make_campus(
            "Test préfiguration", sector, academies, is_prefiguration=True
        ),
        LabelStatus.EXPIRED: make_campus(
            "Test expiré",
            sector,
            academies,
            [(LabelCategory.EXCELLENCE, today - 6 * year, today - timedelta(days=1), False)],
        ),
        LabelStatus.NONE: make_campus("Test sans label", sector, academies),
        LabelStatus.REPLACED: replaced,
        LabelStatus.APPLICATION: _in_application(
            make_campus("Test candidature", sector, academies, is_prefiguration=True), today
        ),
    }


def _in_application(campus, today):
    """A label application deposited yesterday, not decided (labels.contributions)."""
    LabelApplication.objects.create(
        campus=campus,
        kind=ApplicationKind.OBTAIN,
        target_category=LabelCategory.CMQ,
        status=ApplicationStatus.SUBMITTED,
        submitted_on=today - timedelta(days=1),
    )
    return campus


def test_label_state_follows_the_periods(api_of, campuses_in_every_state):
    today = timezone.localdate()

    results = api_of("region").get(CAMPUSES_URL).json()["results"]
    replaced = set(Campus.predecessors.through.objects.values_list("to_campus_id", flat=True))
    in_application = set(
        LabelApplication.objects.filter(
            status__in=IN_PROGRESS_STATUSES, submitted_on__lte=today
        ).values_list("campus_id", flat=True)
    )

    assert len(results) == Campus.objects.count()
    for row in results:
        periods = [
            {
                **period,
                "start": date.fromisoformat(period["start"]),
                "end": date.fromisoformat(period["end"]),
            }
            for period in row["label_periods"]
        ]
        assert len(periods) == LabelPeriod.objects.filter(campus_id=row["id"]).count()
        expected = reference_state(
            periods,
            row["is_prefiguration"],
            today,
            replaced=row["id"] in replaced,
            in_application=row["id"] in in_application,
        )
        actual = {key: row[key] for key in expected}
        assert actual == expected, row["short_name"]
    by_id = {row["id"]: row for row in results}
    for status, campus in campuses_in_every_state.items():
        assert by_id[campus.pk]["label_status"] == status


def test_label_state_of_the_labelled_test_campus(api_of, campuses_in_every_state):
    campus = campuses_in_every_state[LabelStatus.LABELLED]
    row = api_of("region").get(detail_url(campus)).json()

    assert row["label_status"] == "labelled"
    assert row["current_category"] == "excellence"
    assert row["label_days_left"] == 100
    assert row["current_label_end"] == (timezone.localdate() + timedelta(days=100)).isoformat()


def test_demo_label_state_today(api_of, campus_of):
    """Industrie circulaire de la mobilité: Excellence from 2023 to the end of 2027."""
    today = timezone.localdate()
    row = api_of("region").get(detail_url(campus_of("icm"))).json()
    if today <= date(2027, 12, 31):
        assert row["label_status"] == "labelled"
        assert row["current_category"] == "excellence"
        assert row["label_days_left"] == (date(2027, 12, 31) - today).days
    else:
        assert row["label_status"] == "expired"
        assert row["current_category"] is None


# --------------------------------------------------------------------------- filters


def test_filter_by_category(api_of, campuses_in_every_state):
    client = api_of("region")

    response = client.get(CAMPUSES_URL, {"category": "excellence"})

    assert response.status_code == 200
    rows = response.json()["results"]
    assert rows
    assert {row["current_category"] for row in rows} == {"excellence"}
    everything = client.get(CAMPUSES_URL).json()["results"]
    assert ids(response) == {r["id"] for r in everything if r["current_category"] == "excellence"}
    assert campuses_in_every_state[LabelStatus.LABELLED].pk in ids(response)
    assert campuses_in_every_state[LabelStatus.EXPIRED].pk not in ids(response)


@pytest.mark.parametrize("status", LabelStatus.values)
def test_filter_by_status(status, api_of, campuses_in_every_state):
    assert status in campuses_in_every_state, "add a campus in this new status to the fixture"
    client = api_of("region")

    response = client.get(CAMPUSES_URL, {"status": status})

    assert response.status_code == 200
    everything = client.get(CAMPUSES_URL).json()["results"]
    assert ids(response) == {r["id"] for r in everything if r["label_status"] == status}
    assert campuses_in_every_state[status].pk in ids(response)


def test_filter_by_academy(api_of):
    client = api_of("region")
    versailles = Academy.objects.get(code="versailles")

    response = client.get(CAMPUSES_URL, {"academy": versailles.pk})

    assert response.status_code == 200
    expected = set(Campus.objects.filter(academies=versailles).values_list("pk", flat=True))
    assert ids(response) == expected
    # A campus in several academies appears once.
    assert response.json()["count"] == len(expected) == len(response.json()["results"])


def test_academy_filter_stays_inside_the_scope(api_of):
    """rectorat-creteil asking for Versailles campuses only gets those also in Créteil."""
    versailles = Academy.objects.get(code="versailles")

    response = api_of("rectorat-creteil").get(CAMPUSES_URL, {"academy": versailles.pk})

    expected = set(
        Campus.objects.filter(academies__code="creteil")
        .filter(academies=versailles)
        .values_list("pk", flat=True)
    )
    assert ids(response) == expected


def test_filter_by_sector(api_of, campus_of):
    sector = campus_of("mode").sector_family

    response = api_of("region").get(CAMPUSES_URL, {"sector": sector.pk})

    assert response.status_code == 200
    assert ids(response) == set(
        Campus.objects.filter(sector_family=sector).values_list("pk", flat=True)
    )
    assert {row["sector_family"] for row in response.json()["results"]} == {sector.code}


def _mentions(campus, word):
    texts = [campus.name, campus.short_name, campus.description]
    texts += [former.name for former in campus.former_names.all()]
    texts += [tenure.organisation.legal_name for tenure in campus.support_history.all()]
    return any(word in text.lower() for text in texts)


def test_search(api_of, campus_of):
    CampusFormerName.objects.create(campus=campus_of("ia"), name="Ancien campus de Versailles")

    response = api_of("region").get(CAMPUSES_URL, {"q": "versailles"})

    assert response.status_code == 200
    found = ids(response)
    assert campus_of("versailles").pk in found
    assert campus_of("ia").pk in found  # through its former name
    campuses = Campus.objects.prefetch_related("former_names", "support_history__organisation")
    assert found == {campus.pk for campus in campuses if _mentions(campus, "versailles")}
    assert response.json()["count"] == len(found)


@pytest.mark.parametrize("months", [0, 1, 2, 4, 24, 120])
def test_filter_ending_within_months(months, api_of, campuses_in_every_state):
    client = api_of("region")
    today = timezone.localdate()
    limit = today + timedelta(days=round(months * 30.44))

    response = client.get(CAMPUSES_URL, {"ending_within_months": months})

    assert response.status_code == 200
    everything = client.get(CAMPUSES_URL).json()["results"]
    expected = {
        row["id"]
        for row in everything
        if row["current_label_end"]
        and today <= date.fromisoformat(row["current_label_end"]) <= limit
    }
    assert ids(response) == expected
    probationary = campuses_in_every_state[LabelStatus.PROBATIONARY].pk  # ends in 40 days
    labelled = campuses_in_every_state[LabelStatus.LABELLED].pk  # ends in 100 days
    assert (probationary in expected) == (months >= 2)
    assert (labelled in expected) == (months >= 4)


def test_filters_combine(api_of, campuses_in_every_state):
    response = api_of("region").get(
        CAMPUSES_URL, {"status": "labelled", "category": "excellence", "ending_within_months": 4}
    )
    assert campuses_in_every_state[LabelStatus.LABELLED].pk in ids(response)
    assert {row["label_status"] for row in response.json()["results"]} == {"labelled"}


@pytest.mark.parametrize(
    "params",
    [
        {"category": "inconnue"},
        {"status": "inconnu"},
        {"academy": 999999},
        {"ending_within_months": 500},
        {"ending_within_months": "abc"},
    ],
)
def test_invalid_filter_is_400(params, api_of):
    response = api_of("region").get(CAMPUSES_URL, params)
    assert response.status_code == 400
    assert set(response.json()) == set(params)


# ---------------------------------------------------------------------------- writes


def test_region_patches_with_current_version(api_of, campus_of, user_of):
    campus = campus_of("ia")
    client = api_of("region")
    version = client.get(detail_url(campus)).json()["version"]

    response = client.patch(
        detail_url(campus), {"description": "Nouvelle description", "version": version}
    )

    assert response.status_code == 200, response.content
    assert response.json()["version"] == version + 1
    assert response.json()["description"] == "Nouvelle description"
    campus.refresh_from_db()
    assert campus.version == version + 1
    assert campus.description == "Nouvelle description"
    # The derived fields come back with the answer.
    assert response.json()["label_status"] == client.get(detail_url(campus)).json()["label_status"]


def test_stale_version_is_409_in_french(api_of, campus_of):
    campus = campus_of("ia")
    client = api_of("region")
    version = client.get(detail_url(campus)).json()["version"]
    first = client.patch(detail_url(campus), {"seat_address": "1 rue A", "version": version})
    assert first.status_code == 200

    response = client.patch(detail_url(campus), {"description": "Trop tard", "version": version})

    assert response.status_code == 409
    assert "modifiée par quelqu'un d'autre" in response.json()["detail"]
    campus.refresh_from_db()
    assert campus.description != "Trop tard"
    assert campus.version == version + 1


def test_patch_writes_academies(api_of, campus_of):
    campus = campus_of("ia")

    response = api_of("region").patch(detail_url(campus), {"academies": ["paris", "creteil"]})

    assert response.status_code == 200, response.content
    assert sorted(response.json()["academies"]) == ["creteil", "paris"]
    assert set(campus.academies.values_list("code", flat=True)) == {"paris", "creteil"}


def test_label_state_is_not_writable(api_of, campus_of):
    campus = campus_of("mode")
    client = api_of("region")
    before = client.get(detail_url(campus)).json()

    response = client.patch(
        detail_url(campus), {"label_status": "labelled", "current_category": "excellence"}
    )

    assert response.status_code == 200
    assert response.json()["label_status"] == before["label_status"]
    assert response.json()["current_category"] == before["current_category"]


@pytest.mark.parametrize("username", ["dir-ia", "rectorat-paris", "rectorat-creteil", "expert"])
def test_others_may_not_patch(username, api_of, campus_of):
    campus = campus_of("ia")
    version = campus.version

    response = api_of(username).patch(
        detail_url(campus), {"description": "Interdit", "version": version}
    )

    assert response.status_code == 403
    campus.refresh_from_db()
    assert campus.description != "Interdit"
    assert campus.version == version


@pytest.mark.parametrize("username", ["dir-ia", "rectorat-paris"])
def test_others_may_not_create(username, api_of):
    before = Campus.objects.count()
    response = api_of(username).post(
        CAMPUSES_URL,
        {"name": "Campus interdit", "short_name": "Interdit", "sector_family": "chimie"},
    )
    assert response.status_code == 403
    assert Campus.objects.count() == before


def test_region_creates_a_campus(api_of):
    response = api_of("region").post(
        CAMPUSES_URL,
        {
            "name": "Campus des biotechnologies",
            "short_name": "Biotech",
            "sector_family": "chimie",
            "academies": ["creteil"],
            "is_prefiguration": True,
        },
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["version"] == 1
    assert body["label_status"] == "prefiguration"
    assert body["academies"] == ["creteil"]
    assert Campus.objects.filter(pk=body["id"], short_name="Biotech").exists()


def ascii_swapcase(text):
    """Swap the case of ASCII letters only."""
    return "".join(char.swapcase() if char.isascii() else char for char in text)


@pytest.mark.parametrize("change", [str, ascii_swapcase], ids=["same", "other-case"])
def test_duplicate_name_is_400_on_the_name_field(change, api_of, campus_of):
    campus, other = campus_of("ia"), campus_of("sante")
    version = campus.version

    response = api_of("region").patch(detail_url(campus), {"name": change(other.name)})

    assert response.status_code == 400
    assert response.json() == {"name": ["Un campus porte déjà ce nom."]}
    campus.refresh_from_db()
    assert campus.version == version


def test_duplicate_name_with_accented_capitals_is_400(api_of, campus_of):
    other = campus_of("versailles")
    assert "é" in other.name

    response = api_of("region").patch(detail_url(campus_of("ia")), {"name": other.name.upper()})

    assert response.status_code == 400
    assert response.json() == {"name": ["Un campus porte déjà ce nom."]}


def test_duplicate_name_on_create_is_400_on_the_name_field(api_of, campus_of):
    response = api_of("region").post(
        CAMPUSES_URL,
        {
            "name": campus_of("mode").name,
            "short_name": "Autre nom court",
            "sector_family": "creation",
            "academies": ["paris"],
        },
    )

    assert response.status_code == 400
    assert list(response.json()) == ["name"]


# -------------------------------------------------------------------------- language


def test_english_401_when_asked():
    response = APIClient(headers={"Accept-Language": "en"}).get(CAMPUSES_URL)

    assert response.status_code == 401
    assert response.json() == {"detail": "Authentication credentials were not provided."}


def test_english_403_when_asked(api_of):
    response = api_of("expert", **{"Accept-Language": "en"}).get(CAMPUSES_URL)

    assert response.status_code == 403
    assert response.json() == {"detail": "You do not have permission to perform this action."}


def test_french_403_by_default(api_of):
    response = api_of("expert").get(CAMPUSES_URL)

    assert response.status_code == 403
    assert response.json() == {"detail": "Vous n'avez pas la permission d'effectuer cette action."}


def test_english_wrong_password_message():
    response = APIClient(headers={"Accept-Language": "en"}).post(
        TOKEN_URL, {"username": "region", "password": "wrong"}
    )
    assert response.status_code == 400
    assert response.json()["non_field_errors"] == ["Unable to log in with provided credentials."]
