"""A director's home page lists their own campus's subsidy dossiers, with what was paid."""

import pytest

pytestmark = pytest.mark.django_db


def _text(response):
    text = response.content.decode().replace("&nbsp;", " ")
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def test_a_directors_home_shows_their_dossiers_and_payments(client_of):
    response = client_of("dir-versailles").get("/")
    assert response.status_code == 200
    text = _text(response)
    assert "Mes dossiers de subvention" in text
    assert "HIST-2021-VERSAILLES" in text and "23004868" in text
    assert "40 000,00 €" in text and "10 000,00 €" in text
    assert "23004170" not in text  # the Mode campus's dossier


def test_the_home_page_query_count_does_not_depend_on_the_dossiers(
    client_of, user_of, campus_of, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.subsidies.helpers import submitted_dossier

    client = client_of("dir-versailles")
    client.get("/")
    with CaptureQueriesContext(connection) as before:
        assert client.get("/").status_code == 200
    # Three more dossiers (and their plans), listed on the page: the same number of queries.
    director = user_of("dir-versailles")
    added = [
        submitted_dossier(director, campus_of("versailles"), year=year)
        for year in (2031, 2032, 2033)
    ]
    with django_assert_max_num_queries(len(before.captured_queries)):
        response = client.get("/")
    assert response.status_code == 200
    assert len(before.captured_queries) <= 30
    assert all(dossier.number in _text(response) for dossier in added)
