"""Every link a role is shown answers for that role: no 403, 404 or 500 behind a link.

For each demo account, a crawl starts from the home page and the main menu and follows every
same-site link (GET) found on the pages it reaches, up to depth 4. Links are deduplicated by
URL pattern: at most three URLs of one route and one set of query parameters are visited (the
fourth campus page says nothing the first three did not), and each crawl is capped, so that
the whole test stays under a minute on SQLite.

A link passes when it answers 2xx, or redirects to a page that does (a download is a 2xx too).
Then each action button shown (a POST form, one per route and button) is clicked with the
values the form carries, in a transaction rolled back at once: it must not answer 403, 404,
405 or 500 (a redirect or the form again with its errors is what a click may give). The Django
admin is Django's own: its index is checked, its inner links are not followed.
"""

import re
from collections import deque
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client
from django.urls import Resolver404, resolve, reverse
from django.utils.html import escape
from django_otp import DEVICE_ID_SESSION_KEY, devices_for_user

MAX_DEPTH = 4
MAX_PAGES = 600  # per role; the largest crawl (regional staff) visits about 200
PER_PATTERN = 3
POSTS_PER_PATTERN = 1
LOGIN_PATH = "/comptes/connexion/"

ROLES = [
    "admin",
    "region",
    "rectorat-paris",
    "rectorat-creteil",
    "dir-ia",
    "dir-sante",
    "dir-versailles",
    "dir-mode",  # a merged campus: its predecessors are not theirs
    "expert",
]

# Links that are not pages to visit: the language switch and logout are POST forms, the
# static files are served by whitenoise (checked by their own tests).
SKIPPED_PREFIXES = ("/static/", "/i18n/", "/comptes/deconnexion/")


class _Links(HTMLParser):
    """The links of a page, and its POST forms with the values a click would send."""

    def __init__(self):
        super().__init__()
        self.hrefs = []
        self.forms = []
        self._form = None
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])
        elif tag == "form":
            if (attrs.get("method") or "get").lower() == "post":
                self._form = {"action": attrs.get("action") or "", "data": {}, "buttons": []}
        elif self._form is None:
            return
        elif tag == "input":
            kind = (attrs.get("type") or "text").lower()
            name = attrs.get("name")
            if kind in ("submit", "image"):
                self._form["buttons"].append((name, attrs.get("value", "")))
            elif name and kind not in ("file", "button", "reset"):
                if kind in ("checkbox", "radio") and "checked" not in attrs:
                    return
                self._form["data"].setdefault(name, attrs.get("value", "on"))
        elif tag == "button" and (attrs.get("type") or "submit").lower() == "submit":
            self._form["buttons"].append((attrs.get("name"), attrs.get("value", "")))
        elif tag == "select" and attrs.get("name"):
            self._select = attrs["name"]
            self._form["data"].setdefault(self._select, "")
        elif tag == "option" and self._select is not None:
            data = self._form["data"]
            if "selected" in attrs or not data.get(self._select):
                data[self._select] = attrs.get("value", "")
        elif tag == "textarea" and attrs.get("name"):
            self._textarea = attrs["name"]
            self._form["data"][self._textarea] = ""

    def handle_data(self, data):
        if self._form is not None and self._textarea is not None:
            self._form["data"][self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "form" and self._form is not None:
            self.forms.append(self._form)
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def parse(html):
    parser = _Links()
    parser.feed(html)
    return parser


def links_of(html):
    return parse(html).hrefs


def same_site_path(href, current_path):
    """'/path?query' of a link to this site, or None (another site, mailto:, an anchor)."""
    href = href.strip()
    if not href or href.startswith(("#", "mailto:", "tel:", "javascript:", "data:")):
        return None
    parts = urlsplit(href)
    if parts.scheme and parts.scheme not in ("http", "https"):
        return None
    if parts.netloc and parts.netloc != "testserver":
        return None
    path = parts.path or current_path
    if not path.startswith("/"):
        path = current_path.rsplit("/", 1)[0] + "/" + path
    if path.startswith(SKIPPED_PREFIXES):
        return None
    return path + (f"?{parts.query}" if parts.query else "")


def pattern_key(url):
    """The route and the names of the query parameters: two links with the same key are the
    same kind of page."""
    parts = urlsplit(url)
    try:
        match = resolve(parts.path)
    except Resolver404:
        return ("unresolved", parts.path)
    query_names = tuple(sorted({name for name, _ in parse_qsl(parts.query, True)}))
    return (match.route, query_names)


def verified_client(user):
    """A client logged in as `user`, past the second factor when the account has one (the
    session carries the device, as django_otp.login leaves it)."""
    client = Client()
    client.force_login(user)
    device = next(iter(devices_for_user(user, confirmed=True)), None)
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


def crawl(client):
    """{url: (status, shown on)} of every page reached, the POST forms seen, and failures."""
    home = client.get("/")
    assert home.status_code == 200
    nav = re.search(r'<nav class="main-nav".*?</nav>', home.content.decode(), re.S)
    assert nav, "the home page has a main menu"
    queue = deque([("/", 0, "—")])
    queue.extend((path, 1, "/ (main menu)") for path in _paths(links_of(nav.group(0)), "/"))
    seen_urls = set()
    per_key = {}
    visited = {}
    forms = []
    failures = []
    while queue and len(visited) < MAX_PAGES:
        url, depth, shown_on = queue.popleft()
        if url in seen_urls:
            continue
        seen_urls.add(url)
        if not _take(per_key, pattern_key(url)):
            continue

        response = client.get(url, follow=True)
        status = response.status_code
        visited[url] = (status, shown_on)
        final_path = response.request["PATH_INFO"]
        if status >= 300 or final_path.startswith(LOGIN_PATH):
            failures.append(f"GET {url} → {status} (final {final_path}), shown on {shown_on}")
            continue
        content_type = response.get("Content-Type", "")
        if not content_type.startswith("text/html") or final_path.startswith("/admin/"):
            continue  # a download; or Django's admin, whose own links are Django's business
        page = parse(response.content.decode())
        forms.extend((form, final_path) for form in page.forms)
        if depth < MAX_DEPTH:
            queue.extend(
                (path, depth + 1, url)
                for path in _paths(page.hrefs, final_path)
                if path not in seen_urls
            )
    return visited, forms, failures


def submit_forms(client, forms):
    """POST each form shown (each of its buttons) as a click would, in a transaction rolled
    back at once: [(what, status)] of those the role was shown and then refused."""
    per_key = {}
    submitted = []
    failures = []
    for form, shown_on in forms:
        action = same_site_path(form["action"] or shown_on, shown_on)
        if action is None:
            continue
        for button in form["buttons"] or [(None, "")]:
            name, value = button
            if not _take(per_key, (*pattern_key(action), name), limit=POSTS_PER_PATTERN):
                continue
            data = dict(form["data"])
            if name:
                data[name] = value
            cookies = client.cookies
            client.cookies = SimpleCookie({key: morsel.value for key, morsel in cookies.items()})
            try:
                with transaction.atomic():
                    response = client.post(action, data)
                    transaction.set_rollback(True)
                status = response.status_code
                location = response.get("Location", "")
            except Exception as error:  # a 500: the test client re-raises the view's error
                status, location = f"500 ({type(error).__name__}: {error})", ""
            finally:
                client.cookies = cookies  # the session the POST may have cycled is back
            submitted.append(action)
            if not isinstance(status, int) or status >= 400 or location.startswith(LOGIN_PATH):
                failures.append(f"POST {action} [{name}] → {status}, shown on {shown_on}")
    return submitted, failures


def _take(per_key, key, limit=None):
    """Whether one more URL of this kind is visited."""
    count = per_key.get(key, 0)
    if count >= (limit or PER_PATTERN):
        return False
    per_key[key] = count + 1
    return True


def _paths(hrefs, current_path):
    for href in hrefs:
        path = same_site_path(href, current_path)
        if path is not None:
            yield path


@pytest.mark.django_db
@pytest.mark.parametrize("username", ROLES)
def test_every_link_shown_to_a_role_answers_for_that_role(username, user_of):
    client = verified_client(user_of(username))
    visited, forms, failures = crawl(client)
    submitted, refused = submit_forms(client, forms)
    failures += refused

    assert len(visited) >= 10, f"{username}: the crawl reached only {sorted(visited)}"
    assert submitted, f"{username}: no form was tried"
    assert not failures, f"{username}: links shown that do not answer 2xx:\n" + "\n".join(failures)


def test_the_crawler_reads_links_as_the_browser_would():
    html = (
        '<a href="/campus/3/">a</a><a href="#x">b</a><a href="https://example.org/">c</a>'
        '<a href="mailto:x@example.org">d</a><a href="?page=2">e</a><a href="/static/a.css">f</a>'
        '<a href="http://testserver/suivi/">g</a>'
    )
    paths = list(_paths(links_of(html), "/campus/"))
    assert paths == ["/campus/3/", "/campus/?page=2", "/suivi/"]


# ------------------------------------------------------------ what each role is offered


@pytest.fixture
def admin_account_page(user_of):
    return reverse("accounts:user_detail", args=[user_of("admin").pk])


def test_regional_staff_are_not_offered_the_administrator_s_account_actions(
    client_of, admin_account_page, user_of
):
    admin = user_of("admin")
    page = client_of("region").get(admin_account_page)
    assert page.status_code == 200
    html = page.content.decode()
    for name in ("user_update", "user_deactivate", "user_reset_two_factor"):
        assert reverse(f"accounts:{name}", args=[admin.pk]) not in html, name
    assert reverse("accounts:user_resend_invitation", args=[admin.pk]) not in html
    # What they would have been refused:
    region = client_of("region")
    assert region.get(reverse("accounts:user_update", args=[admin.pk])).status_code == 403
    resend = region.post(reverse("accounts:user_resend_invitation", args=[admin.pk]))
    assert resend.status_code == 403


def test_administrators_are_offered_the_actions_on_another_administrator(client_of, user_of):
    from accounts.models import Role, User

    other = User.objects.create_user(
        username="admin-2", email="admin-2@example.invalid", role=Role.ADMIN
    )
    html = client_of("admin").get(reverse("accounts:user_detail", args=[other.pk]))
    html = html.content.decode()
    assert reverse("accounts:user_update", args=[other.pk]) in html
    assert reverse("accounts:user_deactivate", args=[other.pk]) in html
    assert (
        client_of("admin").get(reverse("accounts:user_update", args=[other.pk])).status_code == 200
    )


def test_nobody_is_offered_to_deactivate_their_own_account(client_of, user_of):
    region = user_of("region")
    html = client_of("region").get(reverse("accounts:user_detail", args=[region.pk]))
    html = html.content.decode()
    assert reverse("accounts:user_update", args=[region.pk]) in html
    assert reverse("accounts:user_deactivate", args=[region.pk]) not in html


def _header(html):
    return re.search(r'<header class="site-header".*?</header>', html, re.S).group(0)


def _footer(html):
    return re.search(r'<footer class="site-footer".*?</footer>', html, re.S).group(0)


@pytest.mark.parametrize(
    ("username", "has_jobs"),
    [
        ("region", True),
        ("admin", True),
        ("rectorat-creteil", True),
        ("dir-ia", True),
        ("expert", False),
    ],
)
def test_my_tasks_is_in_the_header_of_the_roles_that_start_jobs(client_of, username, has_jobs):
    html = client_of(username).get("/").content.decode()
    link = f'href="{reverse("jobs:list")}"'
    assert (link in _header(html)) is has_jobs
    if has_jobs:
        assert "Mes tâches" in _header(html)


@pytest.mark.parametrize(
    ("username", "shown"),
    [
        ("region", True),
        ("admin", True),
        ("rectorat-paris", True),
        ("rectorat-creteil", True),
        ("dir-ia", False),
        ("expert", False),
    ],
)
def test_the_api_documentation_is_linked_from_the_help_for_staff_only(client_of, username, shown):
    client = client_of(username)
    html = client.get("/").content.decode()
    docs = reverse("api-docs")
    assert (f'href="{docs}"' in _footer(html)) is shown
    assert f'href="{docs}"' not in _header(html)  # no « API » item in the main menu
    assert ">API<" not in _header(html)
    assert client.get(docs).status_code == (200 if shown else 403)


def test_the_region_s_name_is_in_the_header(client_of, settings):
    settings.REGION_NAME = "Région Exemple"
    html = client_of("dir-ia").get("/").content.decode()
    assert "Région Exemple" in _header(html)


def test_every_page_links_the_favicon_and_favicon_ico_answers(client_of):
    from django.contrib.staticfiles import finders

    html = Client().get(reverse("accounts:login")).content.decode()
    icon = re.search(r'<link rel="icon" href="([^"]+)" type="image/svg\+xml">', html)
    assert icon, "base.html links an SVG favicon"
    assert finders.find(icon.group(1).removeprefix(settings.STATIC_URL))
    assert icon.group(1) in client_of("expert").get("/").content.decode()

    response = Client().get("/favicon.ico")  # browsers ask for it, logged in or not
    assert response.status_code == 302
    assert response["Location"] == icon.group(1)


def test_a_merged_campus_links_its_predecessors_only_for_who_may_open_them(client_of, campus_of):
    mode = campus_of("mode")
    predecessors = list(mode.predecessors.all())
    assert predecessors, "the demo's Mode campus replaced two campuses"
    url = reverse("campuses:detail", args=[mode.pk])
    director = client_of("dir-mode").get(url).content.decode()
    region = client_of("region").get(url).content.decode()
    for campus in predecessors:
        link = f'href="{reverse("campuses:detail", args=[campus.pk])}"'
        assert escape(str(campus)) in director and link not in director
        assert link in region
        page = client_of("dir-mode").get(reverse("campuses:detail", args=[campus.pk]))
        assert page.status_code == 404
