"""The accessibility check of the browser tests (axe_check.py) finds what it must find.

The pages here are served by the test itself at addresses of the portal, so that they load the
portal's stylesheet like any page: a table wider than a phone, in the portal's `.table-wrapper`
that scrolls sideways, and a button without a name.
"""

import pytest

from tests.browser.axe_check import Snapshot, report, take_snapshot, watch

PAGE = """<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Contrôle d'accessibilité</title><link rel="stylesheet" href="/static/css/portal.css"></head>
<body><main><h1>Contrôle d'accessibilité</h1>{body}</main></body>
</html>"""

# Nine columns of numbers: about 700 px, which fits a desktop page but not a 390 px screen.
WIDE_TABLE = (
    "<table class='data'><caption>Indicateurs</caption><thead><tr>"
    + "".join(f"<th scope='col'>Indicateur {n}</th>" for n in range(9))
    + "</tr></thead><tbody><tr>"
    + "".join("<td class='num'>1&nbsp;234&nbsp;567,00</td>" for _ in range(9))
    + "</tr></tbody></table>"
)


def page_with(portal_url, name, body):
    return Snapshot(f"{portal_url}/controle-axe/{name}/", PAGE.format(body=body))


def test_a_scrolling_table_out_of_keyboard_reach_fails_at_390_px(auditor, portal_url):
    snapshot = page_with(
        portal_url, "tableau", f"<div class='table-wrapper' id='wide'>{WIDE_TABLE}</div>"
    )

    violations = auditor.audit(snapshot)

    # Only the phone width makes it scroll, so only that audit finds it.
    assert [(v.viewport, v.rule, v.impact, v.targets) for v in violations] == [
        ("390 px", "scrollable-region-focusable", "serious", ("#wide",))
    ]
    text = report(violations)
    assert f"{portal_url}/controle-axe/tableau/ at 390 px: scrollable-region-focusable" in text
    assert "    #wide" in text


def test_the_same_table_reachable_and_named_passes(auditor, portal_url):
    snapshot = page_with(
        portal_url,
        "tableau-atteignable",
        "<div class='table-wrapper' tabindex='0' role='region' aria-label='Indicateurs'>"
        f"{WIDE_TABLE}</div>",
    )

    assert auditor.audit(snapshot) == []


def test_a_critical_violation_is_found_at_both_widths(auditor, portal_url):
    snapshot = page_with(portal_url, "bouton", "<button type='button' id='vide'></button>")

    violations = auditor.audit(snapshot)

    assert [(v.viewport, v.rule, v.impact, v.targets) for v in violations] == [
        ("desktop", "button-name", "critical", ("#vide",)),
        ("390 px", "button-name", "critical", ("#vide",)),
    ]


def wait_for_copies(page, snapshots, count, seconds=5):
    """Let the browser run until `snapshots` holds `count` copies (or `seconds` pass)."""
    for _ in range(int(seconds * 50)):
        if len(snapshots) >= count:
            return
        page.wait_for_timeout(20)


@pytest.fixture
def own_context(browser, portal_url):
    """A context outside `new_context`, whose audit at teardown must not see these pages."""
    context = browser.new_context(base_url=portal_url, locale="fr-FR")
    yield context
    context.close()


def test_each_portal_page_loaded_in_a_context_is_copied_for_the_audit(
    own_context, auditor, portal_url
):
    snapshots = []
    watch(own_context, portal_url, auditor, snapshots)
    bad = page_with(portal_url, "chargee", "<button type='button' id='vide'></button>")
    own_context.route(
        bad.address, lambda route: route.fulfill(body=bad.html, content_type="text/html")
    )
    page = own_context.new_page()

    # The copy is made just after the load event, so the test stays on each page until its
    # copy has arrived (a test that leaves a page at once may leave before the copy is made).
    page.goto("/comptes/connexion/")
    wait_for_copies(page, snapshots, 1)
    page.goto(bad.address)
    wait_for_copies(page, snapshots, 2)
    page.goto("data:text/html,<p>Hors du portail</p>")
    take_snapshot(page)  # lets the last load's listener run before looking

    assert [s.address for s in snapshots] == [f"{portal_url}/comptes/connexion/", bad.address]
    assert [v.rule for v in auditor.violations(snapshots)] == ["button-name", "button-name"]
