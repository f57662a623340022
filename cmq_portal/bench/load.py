"""The benchmark's clients: logging in through the login form, then a URL requested N times by
4 concurrent clients (threads, one connection per request as gunicorn's sync workers close
them), with the median and 95th percentile of the latencies and the server's query count."""

import http.client
import re
import statistics
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode

LOGIN_URL = "/comptes/connexion/"
# Set by cmq_portal.bench.wsgi: the SQL queries of the request.
QUERIES_HEADER = "X-Bench-Queries"
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# Set by core.page_cache on a response it served; a request with FRESH is always rendered.
CACHE_HEADER = "X-Page-Cache"
FRESH = {"Cache-Control": "no-cache"}


class BenchError(RuntimeError):
    pass


@dataclass
class Measure:
    url: str
    latencies: list = field(default_factory=list)  # seconds
    queries: int | None = None
    errors: list = field(default_factory=list)
    served_from_cache: int = 0  # responses of the page cache among the latencies

    def merge(self, earlier):
        """Add an earlier measure of the same URL: its latencies, errors and cache answers
        (the query count is this measure's, the usual one of the URL)."""
        self.latencies += earlier.latencies
        self.errors += earlier.errors
        self.served_from_cache += earlier.served_from_cache
        if self.queries is None:
            self.queries = earlier.queries

    @property
    def median(self):
        return statistics.median(self.latencies) if self.latencies else None

    @property
    def p95(self):
        if not self.latencies:
            return None
        ordered = sorted(self.latencies)
        # Nearest rank: with 40 requests, the 38th fastest.
        return ordered[max(0, -(-95 * len(ordered) // 100) - 1)]


def request(port, method, url, *, cookies=None, body=None, timeout=60, headers=None):
    """(status, headers, body) of one request on a fresh connection."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    headers = {"Host": "127.0.0.1", "Accept": "text/html,application/json", **(headers or {})}
    if cookies:
        headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        connection.request(method, url, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read()
        return response.status, response.headers, content
    finally:
        connection.close()


def _cookies(headers):
    jar = {}
    for header in headers.get_all("Set-Cookie") or []:
        for name, morsel in SimpleCookie(header).items():
            jar[name] = morsel.value
    return jar


def login(port, username, password):
    """The cookies of a session opened through the login form."""
    status, headers, content = request(port, "GET", LOGIN_URL)
    match = CSRF_INPUT.search(content.decode("utf-8", "replace"))
    if status != 200 or not match:
        raise BenchError(f"Page de connexion : réponse {status} sans jeton CSRF.")
    cookies = _cookies(headers)
    body = urlencode({"csrfmiddlewaretoken": match[1], "username": username, "password": password})
    status, headers, _content = request(port, "POST", LOGIN_URL, cookies=cookies, body=body)
    cookies.update(_cookies(headers))
    if status != 302 or "sessionid" not in cookies:
        raise BenchError(f"Connexion de {username} refusée (réponse {status}).")
    return cookies


def measure(port, url, *, cookies=None, requests=20, clients=4, warmup=4, timeout=60, headers=None):
    """`requests` requests of `url` by `clients` concurrent clients, after `warmup` requests
    that are not counted (templates compiled, caches filled, in both gunicorn workers);
    `headers` are sent with each (FRESH: rendered, not served by the page cache)."""
    result = Measure(url)
    for _ in range(warmup):
        status, _headers, _body = request(
            port, "GET", url, cookies=cookies, timeout=timeout, headers=headers
        )
        if status != 200:
            result.errors.append(f"réponse {status}")
            return result
    remaining = [requests]
    counts = []
    lock = threading.Lock()

    def client():
        while True:
            with lock:
                if remaining[0] <= 0:
                    return
                remaining[0] -= 1
            start = time.perf_counter()
            try:
                status, answer, _body = request(
                    port, "GET", url, cookies=cookies, timeout=timeout, headers=headers
                )
            except OSError as error:
                with lock:
                    result.errors.append(str(error))
                continue
            elapsed = time.perf_counter() - start
            with lock:
                if status != 200:
                    result.errors.append(f"réponse {status}")
                    continue
                result.latencies.append(elapsed)
                result.served_from_cache += answer.get(CACHE_HEADER) == "hit"
                count = answer.get(QUERIES_HEADER)
                if count is not None:
                    counts.append(int(count))

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if counts:
        # The usual count: a request that also saves its session (or the lockout's records)
        # now and then runs one more, which says nothing of the page's growth.
        result.queries = Counter(counts).most_common(1)[0][0]
    return result
