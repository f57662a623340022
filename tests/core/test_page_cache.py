"""The page cache (core.page_cache): a page is served again only while no table it read has
changed, and only to the same person in the same session.

The tests run inside pytest-django's transaction: `django_capture_on_commit_callbacks(execute=True)`
plays the commit of a write (its announcement), a write without it is one that never committed.
Each test has its own key prefix in the Redis of REDIS_URL.
"""

import secrets

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.management import call_command
from django.db import connection, transaction
from django.http import HttpRequest
from django.test import Client
from django.test.utils import CaptureQueriesContext

from campuses.models import Campus, Organisation
from core import page_cache
from tests.services import needs_redis

pytestmark = [needs_redis, pytest.mark.django_db]

HIT = page_cache.HIT_HEADER


@pytest.fixture
def cache_on(settings):
    import os

    prefix = f"cmq:test:{secrets.token_hex(6)}"
    settings.PAGE_CACHE_URL = os.environ["REDIS_URL"]
    settings.PAGE_CACHE_PREFIX = prefix
    yield prefix
    client = page_cache._redis()
    keys = list(client.scan_iter(f"{prefix}:*"))
    if keys:
        client.delete(*keys)


def _signed_in(client_of, username):
    """A client signed in as `username` that has its CSRF cookie, as a browser has after its
    first page (a page that creates the cookie is not stored: its key had none)."""
    client = client_of(username)
    client.get("/taches/")
    return client


def _get(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == 200, (url, response.status_code)
    return response


def _hit(response):
    return response.headers.get(HIT) == "hit"


def test_the_second_view_of_a_page_is_served_from_the_cache(cache_on, client_of):
    region = _signed_in(client_of, "region")
    first = _get(region, "/campus/")
    with CaptureQueriesContext(connection) as rendered_queries:
        _get(region, "/campus/?page=1")  # another URL: rendered, and stored under its own key
    with CaptureQueriesContext(connection) as served_queries:
        second = _get(region, "/campus/")
    assert not _hit(first)
    assert _hit(second)
    assert second.content == first.content
    # Served: the session and the user, nothing of the registry.
    assert len(served_queries) < len(rendered_queries)
    assert not any("campuses_campus" in query["sql"] for query in served_queries.captured_queries)


def _rename_by_save(campus):
    campus.short_name = "Campus renommé par save"
    campus.save()
    return "/campus/", campus.short_name


def _rename_by_update(campus):
    Campus.objects.filter(pk=campus.pk).update(short_name="Campus renommé par update")
    return "/campus/", "Campus renommé par update"


def _rename_in_sql(campus):
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE campuses_campus SET short_name = %s WHERE id = %s",
            ["Campus renommé en SQL", campus.pk],
        )
    return "/campus/", "Campus renommé en SQL"


def _add_in_bulk(campus):
    Organisation.objects.bulk_create(
        [Organisation(legal_name="Organisme ajouté en masse", legal_status=_a_legal_status())]
    )
    return "/organismes/", "Organisme ajouté en masse"


def _a_legal_status():
    return Organisation._meta.get_field("legal_status").choices[0][0]


WRITES = {
    "save": _rename_by_save,
    "queryset_update": _rename_by_update,
    "raw_cursor": _rename_in_sql,
    "bulk_create": _add_in_bulk,
}
PAGES_OF_WRITES = {"save": "/campus/", "queryset_update": "/campus/", "raw_cursor": "/campus/"}


@pytest.mark.parametrize("write", WRITES)
def test_a_committed_write_to_a_table_the_page_read_renders_it_afresh(
    cache_on, client_of, django_capture_on_commit_callbacks, write
):
    region = _signed_in(client_of, "region")
    campus = Campus.objects.order_by("pk").first()
    url = PAGES_OF_WRITES.get(write, "/organismes/")
    _get(region, url)
    assert _hit(_get(region, url))
    with django_capture_on_commit_callbacks(execute=True):
        url, shown = WRITES[write](campus)
    after = _get(region, url)
    assert not _hit(after)
    assert shown in after.content.decode()
    assert _hit(_get(region, url))  # stored again


def test_a_committed_delete_renders_the_page_afresh(
    cache_on, client_of, django_capture_on_commit_callbacks
):
    region = _signed_in(client_of, "region")
    with django_capture_on_commit_callbacks(execute=True):
        organisation = Organisation.objects.create(
            legal_name="Organisme bientôt supprimé", legal_status=_a_legal_status()
        )
    assert "Organisme bientôt supprimé" in _get(region, "/organismes/").content.decode()
    assert _hit(_get(region, "/organismes/"))
    with django_capture_on_commit_callbacks(execute=True):
        organisation.delete()
    after = _get(region, "/organismes/")
    assert not _hit(after)
    assert "Organisme bientôt supprimé" not in after.content.decode()


def test_a_write_that_never_committed_announces_nothing(
    cache_on, client_of, django_capture_on_commit_callbacks
):
    region = _signed_in(client_of, "region")
    campus = Campus.objects.order_by("pk").first()
    _get(region, "/campus/")
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        Campus.objects.filter(pk=campus.pk).update(name="Jamais validé")
        raise RuntimeError("rolled back")
    assert callbacks == []
    assert _hit(_get(region, "/campus/"))


def test_a_write_to_an_unrelated_table_keeps_the_page(
    cache_on, client_of, django_capture_on_commit_callbacks
):
    from audit.models import AuditEntry

    region = _signed_in(client_of, "region")
    _get(region, "/deliberations/")
    assert _hit(_get(region, "/deliberations/"))
    tables = page_cache.tables_named(str(AuditEntry.objects.all().query))
    assert tables == {AuditEntry._meta.db_table}
    with django_capture_on_commit_callbacks(execute=True):
        page_cache.announce_change(["labels_labelapplication_unrelated_table"])
    assert _hit(_get(region, "/deliberations/"))


def test_entries_belong_to_one_user_and_one_session(cache_on, client_of, user_of):
    region = _signed_in(client_of, "region")
    _get(region, "/conventions/")
    assert _hit(_get(region, "/conventions/"))
    director = _signed_in(client_of, "dir-ia")
    seen_by_director = _get(director, "/conventions/")
    assert not _hit(seen_by_director)
    assert seen_by_director.content != _get(region, "/conventions/").content
    other_session = Client()
    other_session.force_login(user_of("region"))
    other_session.get("/taches/")
    assert not _hit(_get(other_session, "/conventions/"))
    assert _hit(_get(other_session, "/conventions/"))


def test_a_hard_reload_and_a_token_are_answered_by_the_view(cache_on, client_of, user_of):
    from rest_framework.authtoken.models import Token

    region = _signed_in(client_of, "region")
    _get(region, "/subventions/")
    assert _hit(_get(region, "/subventions/"))
    assert not _hit(_get(region, "/subventions/", cache_control="no-cache"))

    token = Token.objects.get_or_create(user=user_of("region"))[0]
    api = Client()
    for _ in range(2):
        response = api.get("/api/v1/campuses/", headers={"authorization": f"Token {token.key}"})
        assert response.status_code in (200, 401, 403)
        assert not _hit(response)


def test_api_lists_are_cached_for_a_session_and_follow_the_data(
    cache_on, client_of, django_capture_on_commit_callbacks
):
    region = _signed_in(client_of, "region")
    first = _get(region, "/api/v1/campuses/")
    assert _hit(_get(region, "/api/v1/campuses/"))
    campus = Campus.objects.order_by("pk").first()
    with django_capture_on_commit_callbacks(execute=True):
        Campus.objects.filter(pk=campus.pk).update(short_name="Campus renommé pour l'API")
    after = _get(region, "/api/v1/campuses/")
    assert not _hit(after)
    assert after.content != first.content
    assert "Campus renommé pour l'API" in after.content.decode()


def test_waiting_messages_are_shown_and_the_page_with_them_is_not_kept(cache_on, client_of):
    region = _signed_in(client_of, "region")
    _get(region, "/campus/")
    request = HttpRequest()
    request.COOKIES = {}
    storage = CookieStorage(request)
    region.cookies["messages"] = storage._encode(
        [Message(constants.SUCCESS, "Campus enregistré : message à montrer une fois.")]
    )
    with_message = _get(region, "/campus/")
    assert not _hit(with_message)
    assert "message à montrer une fois" in with_message.content.decode()
    after = _get(region, "/campus/")
    assert "message à montrer une fois" not in after.content.decode()


def test_the_language_is_part_of_the_key(cache_on, client_of):
    region = _signed_in(client_of, "region")
    french = _get(region, "/campus/")
    response = region.post("/i18n/setlang/", {"language": "en", "next": "/campus/"})
    assert response.status_code == 302
    english = _get(region, "/campus/")
    assert not _hit(english)
    assert english.content != french.content


def test_a_page_is_rendered_when_redis_does_not_answer(settings, client_of):
    settings.PAGE_CACHE_URL = "redis://127.0.0.1:1/0"  # nothing listens there
    region = _signed_in(client_of, "region")
    for _ in range(2):
        response = _get(region, "/campus/")
        assert not _hit(response)
        assert "Campus" in response.content.decode()


def test_clear_page_cache_drops_every_entry(cache_on, client_of):
    region = _signed_in(client_of, "region")
    _get(region, "/labellisation/")
    assert _hit(_get(region, "/labellisation/"))
    call_command("clear_page_cache")
    assert not _hit(_get(region, "/labellisation/"))


def test_tables_named_finds_quoted_and_bare_names_only_among_known_tables():
    sql = (
        'SELECT "campuses_campus"."id" FROM "campuses_campus" '
        "INNER JOIN campuses_organisation ON x = y WHERE name = 'campuses_notatable'"
    )
    assert page_cache.tables_named(sql) == {"campuses_campus", "campuses_organisation"}
    assert "django_session" not in page_cache.known_tables()


@pytest.mark.urls("tests.core.page_cache_urls")
def test_a_get_that_writes_is_never_stored(cache_on, client_of, django_capture_on_commit_callbacks):
    region = _signed_in(client_of, "region")
    with django_capture_on_commit_callbacks(execute=True):
        first = _get(region, "/test-cache/ajout/")
    with django_capture_on_commit_callbacks(execute=True):
        second = _get(region, "/test-cache/ajout/")
    assert not _hit(second)
    assert first.content != second.content  # the view ran again: one more organisation

    counted = _get(region, "/test-cache/compte/")
    assert _hit(_get(region, "/test-cache/compte/"))
    with django_capture_on_commit_callbacks(execute=True):
        _get(region, "/test-cache/ajout/")  # its write, committed, invalidates the count
    recounted = _get(region, "/test-cache/compte/")
    assert not _hit(recounted)
    assert recounted.content != counted.content
