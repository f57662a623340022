"""Signed-in pages and API reads kept in Redis, each until one of the tables it read changes.

Why: a list or dashboard page reads a few hundred rows and renders them; most of its requests show
exactly what the previous request of the same person showed, because nothing it depends on was
written in between. Serving that response again costs what the signed-in empty page costs.

How it stays correct (the invalidation):

- Every SQL statement of every process (web, Celery worker, management command) goes through
  `track_statement`, an execute wrapper installed on each database connection. A statement that
  writes (INSERT, UPDATE, DELETE, TRUNCATE, DDL...) names its tables; once its transaction
  commits (`on_commit`, so the new rows are visible before the change is announced), each of those
  tables gets a new version: a random token in Redis. QuerySet.update, bulk_create, cascades
  (Django deletes them one statement at a time) and raw cursors go through it like save().
- A request to a cached view reads the versions of every table (one MGET) before it reads any
  data (`PageCacheMiddleware` runs before the session and the user are loaded), then records the
  tables its statements name. Its response is stored with the versions those tables had at the
  start, and served again only while every one of them is still the same. What a stored page shows
  is therefore at least as new as the versions it is stored under: it cannot be served after a
  change, committed by anyone, of any table it read.
- The key holds everything else a page depends on: the user, the session's key and data, the CSRF
  secret (the page's forms carry a token made from it), the language, the path with its query, the
  Accept and HX-Request headers, today's date (pages say « en retard », « dans 3 jours ») and the
  code's generation (a deployment changes pages without changing data).
- Not stored: any answer but 200, a streamed one, one that sets a cookie, one whose request wrote
  to the database or queued a message. Not served: a request with messages waiting to be shown, a
  token-authenticated API call (the view checks the token), a hard reload (`Cache-Control:
  no-cache`).

Limits: a write that does not go through Django (psql by hand) is not seen: run
`manage.py clear_page_cache` after one. Entries also expire after PAGE_CACHE_TTL seconds. When
Redis cannot be reached the cache is skipped (pages are rendered); an announcement that fails is
logged, and the entries it should have invalidated expire with their TTL.

Enabled when PAGE_CACHE_URL (by default REDIS_URL) names a Redis database; the test suite turns it
off except in the tests of this module.
"""

import contextvars
import functools
import hashlib
import json
import logging
import os
import pickle
import re
import secrets
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db.transaction import TransactionManagementError
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import Resolver404, URLPattern, URLResolver, resolve
from django.utils import timezone, translation

logger = logging.getLogger(__name__)

HIT_HEADER = "X-Page-Cache"  # "hit" on a response served from the cache
# Tables no page depends on through its data: the session's row is in the key (its data), and
# re-reading it on a hit is what authenticates the request.
UNTRACKED_TABLES = frozenset({"django_session"})
# A pseudo-table every entry depends on: changing it (clear_page_cache) drops every entry.
EVERYTHING = "*"
# Session entries that change without changing what a page shows (core.sessions' refresh time).
VOLATILE_SESSION_KEYS = frozenset({"_refreshed_at"})
MAX_ENTRY_BYTES = 2 * 1024 * 1024
# What code_generation() reads: the files that make a page, outside data and tooling.
_CODE_SUFFIXES = frozenset({".py", ".html", ".txt", ".mo", ".js", ".css", ".svg"})
_NOT_CODE = frozenset({"var", "node_modules", "tests", "docs", "__pycache__", "media"})
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_READ_ONLY_STARTS = ("SELECT", "SAVEPOINT", "RELEASE", "ROLLBACK", "COMMIT", "BEGIN", "SET", "SHOW")


@dataclass
class _Recording:
    """What one cacheable request has read and whether it wrote, from its first statement."""

    versions: dict  # table -> version at the start of the request
    tables: set = field(default_factory=set)
    wrote: bool = False


_recording = contextvars.ContextVar("page_cache_recording", default=None)


# ------------------------------------------------------------------------------- Redis


def enabled():
    return bool(getattr(settings, "PAGE_CACHE_URL", ""))


_clients = {}


def _redis():
    import redis

    url = settings.PAGE_CACHE_URL
    client = _clients.get(url)
    if client is None:
        # Short timeouts: a Redis that does not answer costs a page its render, not a hang.
        client = redis.Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5)
        _clients[url] = client
    return client


def _prefix():
    return getattr(settings, "PAGE_CACHE_PREFIX", "cmq:page")


def _version_key(table):
    return f"{_prefix()}:v:{table}"


@functools.cache
def known_tables():
    """The database tables of every installed model (their many-to-many tables included)."""
    tables = {
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if not model._meta.proxy
    }
    return frozenset(tables - UNTRACKED_TABLES)


def tables_named(sql):
    """The known tables a statement names (quoted or not; a column that bears a table's name only
    adds an invalidation, never hides one)."""
    return known_tables().intersection(_IDENTIFIER.findall(sql))


def announce_change(tables):
    """Give each table a new version: the entries that read it are not served again. False
    when Redis could not be told (logged: those entries live until their TTL)."""
    if not tables:
        return True
    try:
        pipeline = _redis().pipeline(transaction=False)
        for table in tables:
            pipeline.set(_version_key(table), secrets.token_hex(8))
        pipeline.execute()
    except Exception:
        logger.exception("Cache des pages : changement de %s non annoncé", ", ".join(tables))
        return False
    return True


def clear():
    """Drop every entry (after a write made outside Django); False when Redis is down."""
    return announce_change([EVERYTHING]) if enabled() else True


def current_versions():
    """{table: version} of every known table and of EVERYTHING; None when Redis is down."""
    names = [EVERYTHING, *sorted(known_tables())]
    keys = [_version_key(name) for name in names]
    try:
        client = _redis()
        values = client.mget(keys)
        missing = [key for key, value in zip(keys, values, strict=True) if value is None]
        if missing:
            # A table never changed (or a Redis started afresh): give it a version now, so that
            # an entry is never stored under "no version", which a later loss could bring back.
            pipeline = client.pipeline(transaction=False)
            for key in missing:
                pipeline.set(key, secrets.token_hex(8), nx=True)
            pipeline.execute()
            values = client.mget(keys)
    except Exception:
        logger.warning("Cache des pages : Redis injoignable, pages rendues sans cache")
        return None
    return dict(zip(names, values, strict=True))


# ------------------------------------------------------------------- statement tracking


def track_statement(execute, sql, params, many, context):
    """Execute wrapper of every connection: announce the tables a committed write changed, and
    record the tables a cacheable request reads."""
    if not enabled():
        return execute(sql, params, many, context)
    recording = _recording.get()
    head = sql.lstrip()[:9].upper()
    is_read = head.startswith(_READ_ONLY_STARTS)
    if is_read and recording is None:
        return execute(sql, params, many, context)
    tables = tables_named(sql)
    result = execute(sql, params, many, context)
    if recording is not None:
        recording.tables.update(tables)
    if not is_read and tables:
        if recording is not None:
            recording.wrote = True
        # After the commit (at once outside a transaction); dropped with a rolled-back one.
        announce = functools.partial(announce_change, sorted(tables))
        try:
            context["connection"].on_commit(announce)
        except TransactionManagementError:
            announce()  # manual transaction management (autocommit off): no commit hook

    return result


def install_tracking(sender, connection, **kwargs):
    """connection_created: put track_statement on the connection, once."""
    if track_statement not in connection.execute_wrappers:
        connection.execute_wrappers.append(track_statement)


# ------------------------------------------------------------------------ generation


@functools.cache
def code_generation():
    """A digest of the portal's code, templates, translations and collected static manifest:
    a deployment changes what pages show without changing the data."""
    configured = getattr(settings, "PAGE_CACHE_GENERATION", "")
    if configured:
        return configured
    digest = hashlib.sha256()
    base = Path(settings.BASE_DIR)
    for directory, subdirectories, files in os.walk(base):
        # Pruned in place: the virtualenv alone holds tens of thousands of files.
        subdirectories[:] = sorted(
            name for name in subdirectories if name not in _NOT_CODE and not name.startswith(".")
        )
        for name in sorted(files):
            if Path(name).suffix in _CODE_SUFFIXES:
                path = Path(directory, name)
                stat = path.stat()
                relative = path.relative_to(base)
                digest.update(f"{relative}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    manifest = Path(str(getattr(settings, "STATIC_ROOT", "") or "")) / "staticfiles.json"
    if manifest.is_file():
        digest.update(manifest.read_bytes())
    return digest.hexdigest()[:16]


# ---------------------------------------------------------------------- the request


def _cacheable_request(request):
    """Whether a cached view may answer this request from the cache (or store its answer)."""
    if request.method != "GET" or getattr(request, "_page_cache_recording", None) is None:
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False  # a token: the view authenticates it, the cache must not answer first
    cache_control = request.headers.get("Cache-Control", "") + request.headers.get("Pragma", "")
    if "no-cache" in cache_control:
        return False  # a hard reload asks for a fresh page
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    storage = getattr(request, "_messages", None)
    if storage is not None and len(storage):
        return False  # the page shows them (once)
    return request.session.session_key is not None


def _key(request):
    session = {
        name: value for name, value in request.session.items() if name not in VOLATILE_SESSION_KEYS
    }
    parts = [
        code_generation(),
        str(request.user.pk),
        request.session.session_key,
        json.dumps(session, sort_keys=True, default=str),
        request.COOKIES.get(settings.CSRF_COOKIE_NAME, ""),
        translation.get_language() or "",
        request.get_full_path(),
        request.headers.get("Accept", ""),
        request.headers.get("HX-Request", ""),
        timezone.localdate().isoformat(),
    ]
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return f"{_prefix()}:e:{digest}"


def cached_view(view):
    """Let the page cache answer GETs of this view (see the module's docstring)."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not (enabled() and _cacheable_request(request)):
            return view(request, *args, **kwargs)
        recording = request._page_cache_recording
        key = _key(request)
        try:
            stored = _redis().get(key)
        except Exception:
            stored = None
        if stored is not None:
            tables, versions, status, headers, content, uses_csrf = pickle.loads(
                zlib.decompress(stored)
            )
            if all(recording.versions.get(t) == v for t, v in zip(tables, versions, strict=True)):
                if uses_csrf:
                    get_token(request)  # renews the CSRF cookie's expiry, as the render did
                response = HttpResponse(content, status=status, headers=headers)
                response[HIT_HEADER] = "hit"
                return response
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        # Stored by PageCacheMiddleware once the response is final (cookies, messages known).
        request._page_cache_pending = (key, response, dict(response.headers))
        return response

    wrapper.page_cached = True
    return wrapper


def cache_reads(patterns):
    """The API router's URL patterns with their GET actions (list, retrieve) cached."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            cache_reads(pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            actions = getattr(pattern.callback, "actions", None) or {}
            if "get" in actions:
                pattern.callback = cached_view(pattern.callback)
    return patterns


def _only_renews_csrf_cookie(request, response):
    """Whether the response sets no cookie but the CSRF one, with the value the browser has (the
    renewal of its expiry that every page with a form sends)."""
    names = set(response.cookies)
    if not names:
        return True
    if names != {settings.CSRF_COOKIE_NAME}:
        return False
    # Compared with the cookie the browser sent: a new one (none sent) means another key.
    sent = request.COOKIES.get(settings.CSRF_COOKIE_NAME)
    return response.cookies[settings.CSRF_COOKIE_NAME].value == sent


def _resolves_to_cached_view(request):
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return getattr(match.func, "page_cached", False)


class PageCacheMiddleware:
    """Starts the recording of a request to a cached view (before the session and the user are
    read) and stores its response once every other middleware is done with it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (enabled() and request.method == "GET" and _resolves_to_cached_view(request)):
            return self.get_response(request)
        versions = current_versions()
        if versions is None:
            return self.get_response(request)
        recording = _Recording(versions=versions)
        request._page_cache_recording = recording
        token = _recording.set(recording)
        try:
            response = self.get_response(request)
        finally:
            _recording.reset(token)
        pending = getattr(request, "_page_cache_pending", None)
        if pending is not None:
            self._store(request, recording, *pending, final=response)
        return response

    @staticmethod
    def _store(request, recording, key, response, view_headers, *, final):
        storage = getattr(request, "_messages", None)
        if (
            final is not response
            or response.status_code != 200
            or response.streaming
            or not _only_renews_csrf_cookie(request, response)
            or recording.wrote
            or (storage is not None and getattr(storage, "_queued_messages", None))
            or len(response.content) > MAX_ENTRY_BYTES
        ):
            return
        tables = sorted(recording.tables | {EVERYTHING})
        versions = [recording.versions.get(table) for table in tables]
        if None in versions:
            return  # a table created after the request started (a migration running)
        uses_csrf = settings.CSRF_COOKIE_NAME in response.cookies
        # Compressed (level 1: a fraction of a millisecond): pages are HTML and JSON, which
        # shrink five to ten times, and Redis holds them in memory.
        entry = zlib.compress(
            pickle.dumps(
                (tables, versions, response.status_code, view_headers, response.content, uses_csrf)
            ),
            1,
        )
        try:
            _redis().set(key, entry, ex=settings.PAGE_CACHE_TTL)
        except Exception:
            logger.warning("Cache des pages : réponse non enregistrée (Redis injoignable)")
