"""No N+1 on the registry: the number of SQL queries of a list does not grow with its rows.

Each test measures a page with a few campuses added to the demo, adds many more (each with a
label period, a support institution, an academy and a director), and measures again: the two
counts must be identical.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.authtoken.models import Token

from campuses.models import (
    Academy,
    Campus,
    CampusDirector,
    LabelPeriod,
    Organisation,
    SectorFamily,
    SupportInstitutionTenure,
)

pytestmark = pytest.mark.django_db

FEW, MANY = 10, 200
REGISTRY_PAGE_SIZE = 25  # campuses.views.PAGE_SIZE
API_PAGE_SIZE = 50  # REST_FRAMEWORK["PAGE_SIZE"]


class CampusLoad:
    """Adds campuses to the registry with the ORM's bulk_create (a handful of queries)."""

    def __init__(self):
        self.added = 0
        self.sectors = list(SectorFamily.objects.all())
        self.academies = list(Academy.objects.all())

    def add(self, count):
        today = timezone.localdate()
        numbers = range(self.added, self.added + count)
        self.added += count
        campuses = Campus.objects.bulk_create(
            Campus(
                name=f"Campus de charge n° {n:04d}",
                short_name=f"Charge {n:04d}",
                sector_family=self.sectors[n % len(self.sectors)],
                is_prefiguration=n % 7 == 0,
            )
            for n in numbers
        )
        organisations = Organisation.objects.bulk_create(
            Organisation(legal_name=f"Lycée de charge n° {n:04d}", legal_status="eple")
            for n in numbers
        )
        Campus.academies.through.objects.bulk_create(
            Campus.academies.through(
                campus_id=campus.pk, academy_id=self.academies[n % len(self.academies)].pk
            )
            for n, campus in zip(numbers, campuses, strict=True)
        )
        SupportInstitutionTenure.objects.bulk_create(
            SupportInstitutionTenure(
                campus=campus, organisation=organisation, start=today - timedelta(days=700)
            )
            for campus, organisation in zip(campuses, organisations, strict=True)
        )
        CampusDirector.objects.bulk_create(
            CampusDirector(campus=campus, full_name=f"Direction {campus.short_name}")
            for campus in campuses
        )
        # Labelled, ending soon (on the home page's watch list), expired, probationary.
        spans = [(-400, 60, False), (-2000, -10, False), (-100, 1500, True), (-30, 1800, False)]
        LabelPeriod.objects.bulk_create(
            LabelPeriod(
                campus=campus,
                category="excellence" if n % 2 else "cmq",
                start=today + timedelta(days=spans[n % 4][0]),
                end=today + timedelta(days=spans[n % 4][1]),
                probationary=spans[n % 4][2],
            )
            for n, campus in zip(numbers, campuses, strict=True)
        )
        return campuses


@pytest.fixture
def load():
    return CampusLoad()


def measure(client, url, **headers):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, headers=headers)
    assert response.status_code == 200, url
    return [query["sql"] for query in context.captured_queries], response


def assert_same_count(few, many):
    if len(few) != len(many):
        extra = "\n".join(many[len(few) :] if len(many) > len(few) else few[len(many) :])
        pytest.fail(f"{len(few)} queries with few campuses, {len(many)} with many:\n{extra}")


@pytest.mark.parametrize("page", [1, 2])
def test_registry_list(page, load, client_of):
    """With few campuses the page is partly filled, with many it is full: an N+1 would show."""
    client = client_of("region")
    url = f"/campus/?page={page}"
    load.add(max((page - 1) * REGISTRY_PAGE_SIZE + 5 - Campus.objects.count(), FEW))
    measure(client, url)  # warm-up: per-process caches (content types, …)

    few_queries, few_response = measure(client, url)
    load.add(MANY)
    many_queries, many_response = measure(client, url)

    assert_same_count(few_queries, many_queries)
    few_page, many_page = few_response.context["page_obj"], many_response.context["page_obj"]
    assert few_page.number == many_page.number == page
    assert len(few_page.object_list) < len(many_page.object_list) == REGISTRY_PAGE_SIZE
    assert many_page.paginator.count == Campus.objects.count()


def test_registry_list_filtered(load, client_of):
    client = client_of("region")
    url = "/campus/?status=labelled&ending_within_months=3"
    load.add(FEW)
    measure(client, url)

    few_queries, _response = measure(client, url)
    load.add(MANY)
    many_queries, response = measure(client, url)

    assert_same_count(few_queries, many_queries)
    assert response.context["page_obj"].paginator.count > REGISTRY_PAGE_SIZE


@pytest.mark.parametrize("page", [1, 2])
def test_api_list(page, load, client, user_of):
    token, _created = Token.objects.get_or_create(user=user_of("region"))
    authorization = f"Token {token.key}"
    url = f"/api/v1/campuses/?page={page}"
    load.add(max((page - 1) * API_PAGE_SIZE + 5 - Campus.objects.count(), FEW))
    measure(client, url, Authorization=authorization)

    few_queries, few_response = measure(client, url, Authorization=authorization)
    load.add(MANY)
    many_queries, many_response = measure(client, url, Authorization=authorization)

    assert_same_count(few_queries, many_queries)
    assert many_response.json()["count"] == Campus.objects.count()
    few_rows, many_rows = few_response.json()["results"], many_response.json()["results"]
    assert len(few_rows) < len(many_rows) == API_PAGE_SIZE


def test_home_page_of_regional_staff(load, client_of):
    client = client_of("region")
    load.add(FEW)
    measure(client, "/")

    few_queries, few_response = measure(client, "/")
    load.add(MANY)
    many_queries, many_response = measure(client, "/")

    assert_same_count(few_queries, many_queries)
    # The page shows the next ten label ends out of every campus, and the ones needing attention.
    assert len(many_response.context["label_ends"]) == 10
    assert many_response.context["campus_count"] == Campus.objects.count()
    assert few_response.context["campus_count"] < many_response.context["campus_count"]
    assert len(many_response.context["attention"]) > len(few_response.context["attention"])
