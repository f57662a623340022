"""axe-core on every page the browser tests visit, at desktop width and at 390 px.

Each time a page of a test's browser contexts finishes loading, a copy of its document is
taken (the page as the test sees it, its scripts having run), and again at the end of the test.
The copies are audited in a page of our own, in a browser of our own: the copy is written into a
page at the portal's address (so that the portal's stylesheets load as usual), its scripts are
not run a second time (their work is in the copy already), and axe-core runs at 1280×900, then
at 390×844. Auditing a copy rather than the test's own page never resizes or scrolls the page a
test is driving, nor races with its next click; and it goes on while the test does.

A test fails on any serious or critical violation, listed with the rule, the elements and the
page's address. A copy seen again (the same page, CSRF tokens aside) is not audited twice in a
session: its result is remembered.

axe-core is the copy that the axe-playwright-python package ships (pinned in pyproject.toml):
nothing is downloaded at run time.
"""

import hashlib
import queue
import re
import threading
import time
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

import axe_playwright_python

AXE_SCRIPT = Path(axe_playwright_python.__file__).parent / "axe.min.js"
AXE_VERSION = re.search(r"axe v([\d.]+)", AXE_SCRIPT.read_text()[:200]).group(1)

DESKTOP = {"width": 1280, "height": 900}
# (name, viewport) in the order they are audited
VIEWPORTS = (("desktop", DESKTOP), ("390 px", {"width": 390, "height": 844}))
FAILING_IMPACTS = ("serious", "critical")
MAX_TARGETS = 5  # elements listed per violation in a report
AUDIT_TIMEOUT = 300  # seconds a test waits at its end for the audit of its pages

# The document as it is now, or null when there is none to audit: not HTML (a PDF, JSON), or
# still loading (at the end of a test that has just left a page: the next one is copied at its
# load).
SNAPSHOT_JS = """() => {
  if (document.contentType !== "text/html" || document.readyState !== "complete") return null;
  const doctype = document.doctype ? "<!DOCTYPE " + document.doctype.name + ">" : "";
  return { address: location.href, html: doctype + document.documentElement.outerHTML };
}"""

SNAPSHOT_BINDING = "__cmqAxeSnapshot"
# In every page of a watched context, before its own scripts (which the CSP does not apply to).
# The copy is taken once the page's own load listeners have run.
SNAPSHOT_ON_LOAD_JS = f"""if (window === window.top) {{
  window.addEventListener("load", () => setTimeout(() => {{
    const snapshot = ({SNAPSHOT_JS})();
    if (snapshot) window.{SNAPSHOT_BINDING}(snapshot.address, snapshot.html);
  }}, 0));
}}"""

# The serious and critical violations, element by element. Frames are left out: a frame's
# page is audited when a test visits it.
RUN_JS = """async ([impacts, options]) => {
  const results = await axe.run(document, options);
  return results.violations
    .map((violation) => ({
      rule: violation.id,
      help: violation.help,
      impact: violation.impact,
      targets: violation.nodes
        .filter((node) => impacts.includes(node.impact))
        .map((node) => node.target.flat().join(" ")),
    }))
    .filter((violation) => violation.targets.length > 0);
}"""
RUN_OPTIONS = {"resultTypes": ["violations"], "iframes": False}

_CSRF_INPUT = re.compile(r'<input[^>]*name="csrfmiddlewaretoken"[^>]*>')


@dataclass(frozen=True)
class Snapshot:
    address: str
    html: str

    @cached_property
    def digest(self):
        """Identical for two copies of the same page (CSRF tokens aside)."""
        return hashlib.sha256(_CSRF_INPUT.sub("", self.html).encode()).hexdigest()


@dataclass(frozen=True)
class Violation:
    address: str
    viewport: str
    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]

    def __str__(self):
        lines = [f"{self.address} at {self.viewport}: {self.rule} ({self.impact}) — {self.help}"]
        lines += [f"    {target}" for target in self.targets[:MAX_TARGETS]]
        if len(self.targets) > MAX_TARGETS:
            lines.append(f"    … and {len(self.targets) - MAX_TARGETS} more")
        return "\n".join(lines)


def report(violations):
    """The readable list a failing test shows."""
    return f"axe-core {AXE_VERSION}: serious or critical accessibility violations\n" + "\n".join(
        str(violation) for violation in violations
    )


def take_snapshot(page):
    """A copy of the page's document now, or None (nothing to audit, or the page is gone)."""
    from playwright.sync_api import Error

    try:
        found = page.evaluate(SNAPSHOT_JS)
    except Error:  # closed, or navigating again
        return None
    return Snapshot(found["address"], found["html"]) if found else None


def watch(context, portal_url, auditor, snapshots):
    """Hand `auditor` a copy of each portal page that loads in `context`, kept in `snapshots`.

    The copy is made by the page itself when it has loaded and passed to us through a binding:
    a listener on Playwright's side would run only when the test next waits on the browser,
    by which time the test may have left the page.
    """

    def keep(source, address, html):
        if address.startswith(portal_url + "/"):
            snapshots.append(auditor.submit(Snapshot(address, html)))

    context.expose_binding(SNAPSHOT_BINDING, keep)
    context.add_init_script(SNAPSHOT_ON_LOAD_JS)


class Auditor:
    """Runs axe-core on snapshots at each of VIEWPORTS, in a browser and a thread of its own.

    A test goes on while the pages it has left are audited, and waits at its end only for what
    is left to audit. The thread has its own Playwright (one may not be shared across threads).
    """

    def __init__(self, portal_url, launch):
        """`launch(playwright)` -> the browser to audit in."""
        self._portal_url = portal_url
        self._launch = launch
        self._jobs = queue.SimpleQueue()  # (digest, snapshot), then None to stop
        self._lock = threading.Condition()
        self._submitted = set()  # digests
        self._results = {}  # digest -> [Violation] or the exception its audit raised
        self._broken = None  # what stopped the thread, if anything did
        self.pages = 0  # snapshots submitted
        self.seconds = 0.0  # spent auditing
        self._thread = threading.Thread(target=self._work, name="axe-core", daemon=True)
        self._thread.start()

    # ------------------------------------------------------------ the tests' side

    def submit(self, snapshot):
        """Queue `snapshot` for its audit (unless an identical one was); returns it."""
        with self._lock:
            self.pages += 1
            if snapshot.digest in self._submitted:
                return snapshot
            self._submitted.add(snapshot.digest)
        self._jobs.put((snapshot.digest, snapshot))
        return snapshot

    def violations(self, snapshots):
        """The serious and critical violations of `snapshots`, once all are audited."""
        digests = {snapshot.digest for snapshot in snapshots}
        for snapshot in snapshots:
            if snapshot.digest not in self._submitted:
                self.submit(snapshot)
        with self._lock:
            done = self._lock.wait_for(
                lambda: self._broken or digests <= self._results.keys(), timeout=AUDIT_TIMEOUT
            )
            if self._broken:
                raise RuntimeError("The accessibility audit stopped") from self._broken
            if not done:
                raise TimeoutError(f"Accessibility audit still running after {AUDIT_TIMEOUT} s")
            found = []
            for snapshot in snapshots:
                result = self._results[snapshot.digest]
                if isinstance(result, Exception):
                    raise RuntimeError(f"axe-core failed on {snapshot.address}") from result
                # (an identical page seen at another address is listed at this one)
                found += [replace(violation, address=snapshot.address) for violation in result]
            return found

    def audit(self, snapshot):
        return self.violations([self.submit(snapshot)])

    def summary(self):
        return (
            f"axe-core {AXE_VERSION}: {self.pages} pages audited ({len(self._results)} distinct) "
            f"at {len(VIEWPORTS)} widths in {self.seconds:.0f} s (beside the tests)"
        )

    def close(self):
        self._jobs.put(None)
        self._thread.join(timeout=AUDIT_TIMEOUT)

    # ------------------------------------------------------------ the thread's side

    def _work(self):
        from playwright.sync_api import sync_playwright

        try:
            with sync_playwright() as playwright:
                browser = self._launch(playwright)
                try:
                    page = self._blank_page(browser)
                    while (job := self._jobs.get()) is not None:
                        digest, snapshot = job
                        started = time.monotonic()
                        try:
                            result = self._run(page, snapshot)
                        except Exception as error:
                            result = error
                        with self._lock:
                            self._results[digest] = result
                            self.seconds += time.monotonic() - started
                            self._lock.notify_all()
                finally:
                    browser.close()
        except Exception as error:
            with self._lock:
                self._broken = error
                self._lock.notify_all()

    def _blank_page(self, browser):
        """A page at the portal's address, with axe-core loaded and scripts blocked.

        Each snapshot is written into it (set_content): its relative addresses resolve
        against the portal, its stylesheets load, and axe-core stays loaded, which is much
        quicker than a navigation per snapshot.
        """
        context = browser.new_context(locale="fr-FR", timezone_id="Europe/Paris", viewport=DESKTOP)
        context.add_init_script(path=str(AXE_SCRIPT))
        page = context.new_page()
        page.route("**/*.js", lambda route: route.abort())
        address = f"{self._portal_url}/controle-axe/"
        page.route(address, lambda route: route.fulfill(body="<!DOCTYPE html><title>axe</title>"))
        page.goto(address)
        return page

    def _run(self, page, snapshot):
        page.set_viewport_size(DESKTOP)
        page.set_content(snapshot.html, wait_until="load")
        violations = []
        for name, viewport in VIEWPORTS:
            page.set_viewport_size(viewport)
            for found in page.evaluate(RUN_JS, [list(FAILING_IMPACTS), RUN_OPTIONS]):
                violations.append(
                    Violation(
                        snapshot.address,
                        name,
                        found["rule"],
                        found["impact"],
                        found["help"],
                        tuple(found["targets"]),
                    )
                )
        return violations
