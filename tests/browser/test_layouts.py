"""Layouts that fit: the main pages at 1366×900 (a laptop) and 390×844 (a phone), for three roles.

On every page: the document is no wider than the viewport, and no element is cut or spills out of
its box (a walk over the whole document, WALK_JS). Scroll boxes are allowed to scroll: the
.table-wrapper of a wide table, the chart figures. A full-page screenshot of each page at each
width is saved to $CI_ARTIFACTS_DIR (var/screenshots/ by default), so that CI keeps them; axe-core
audits every page loaded here at both widths too (conftest.py).

The pages are reached through the demo data: the campus « Intelligence artificielle »; its
convention and its subsidy dossier, linked from its page; its whole history
(/campus/<id>/historique/); its follow-up sheet of last year's campaign, the one its director
fills (the demo's sheet 13, checked by its title).
"""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from tests.browser.test_journeys import login

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
SCREENSHOT_DIR = Path(
    os.environ.get("CI_ARTIFACTS_DIR") or Path(settings.BASE_DIR) / "var" / "screenshots"
)

IA_SHORT_NAME = "Intelligence artificielle"
# The demo's follow-up sheet of the IA campus in last year's (open) campaign, and the section
# with its editable tables (stakeholders, formations, beneficiaries).
SHEET = "/suivi/fiches/13/"
SECTION = SHEET + "rubriques/2/"

# Everything that is cut or spills out, as readable lines. An element is an offender when:
# - its content is clipped: overflow hidden/clip and scrollWidth > clientWidth;
# - it is a text input whose value is wider than the box, a select whose chosen option is
#   wider than the box, or a self-sizing textarea whose text does not fit its height;
# - its right edge passes the right edge of its container (its parent box, or the
#   positioned ancestor of an absolute element) while that container does not scroll;
# - inside a chart, it passes the right edge of the drawing.
# Visually-hidden elements (clipped on purpose), the folded content of a closed <details> and what
# they contain are left out; so are the scroll boxes themselves (.table-wrapper: their content is
# meant to be wider).
WALK_JS = """() => {
  const SLACK = 1;
  const offenders = [];
  const canvas = document.createElement("canvas").getContext("2d");
  const skipped = (el) => el.closest(
    ".visually-hidden, .sr-only, [hidden], template, details:not([open]) > :not(summary)");
  const scrolls = (style) => ["auto", "scroll"].includes(style.overflowX);
  const describe = (el) => {
    const path = [];
    for (let node = el; node && node !== document.body && path.length < 4;
         node = node.parentElement) {
      let part = node.tagName.toLowerCase();
      if (node.id) { path.unshift(part + "#" + node.id); break; }
      const classes = [...node.classList].slice(0, 2).join(".");
      path.unshift(classes ? part + "." + classes : part);
    }
    const text = (el.value || el.innerText || el.textContent || "")
      .trim().replace(/\\s+/g, " ").slice(0, 50);
    return path.join(" > ") + (text ? " « " + text + " »" : "");
  };
  const boxOf = (el) => {
    for (let node = el.parentElement; node; node = node.parentElement) {
      if (getComputedStyle(node).display !== "contents") return node;
    }
    return null;
  };
  const TEXT_INPUT = "input:not([type=checkbox], [type=radio], [type=file], [type=date], "
    + "[type=submit], [type=button])";
  for (const el of document.body.querySelectorAll("*")) {
    if (skipped(el)) continue;
    const style = getComputedStyle(el);
    if (style.display === "none" || style.visibility === "hidden") continue;
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) continue;
    const svg = el.ownerSVGElement;
    if (svg) {
      const right = svg.getBoundingClientRect().right;
      if (rect.right > right + SLACK) offenders.push("cut by its chart: " + describe(el));
      continue;
    }
    if (el.matches(TEXT_INPUT) && el.scrollWidth > el.clientWidth + SLACK) {
      offenders.push(`value cut (${el.scrollWidth} > ${el.clientWidth} px): ` + describe(el));
    } else if (el.matches("select:not([multiple])") && el.selectedOptions.length) {
      canvas.font = style.font;
      const text = canvas.measureText(el.selectedOptions[0].text).width;
      const room = el.clientWidth - parseFloat(style.paddingLeft)
        - parseFloat(style.paddingRight) - 16;  // the arrow
      if (text > room + SLACK) {
        const sizes = `${Math.round(text)} > ${Math.round(room)} px`;
        offenders.push(`choice cut (${sizes}): ` + describe(el));
      }
    } else if (el.matches("textarea") && style.fieldSizing === "content"
               && el.scrollHeight > el.clientHeight + SLACK) {
      offenders.push("text cut: " + describe(el));
    } else if (["hidden", "clip"].includes(style.overflowX)
               && !el.matches("input, select, textarea, button, progress, img, svg, video")
               && el.scrollWidth > el.clientWidth + SLACK) {
      offenders.push(`content cut (${el.scrollWidth} > ${el.clientWidth} px): ` + describe(el));
    }
    if (style.position === "fixed") continue;
    const container = style.position === "absolute" ? el.offsetParent : boxOf(el);
    if (!container || container === document.documentElement) continue;
    if (scrolls(getComputedStyle(container))) continue;
    const right = container.getBoundingClientRect().right;
    if (rect.right > right + SLACK) {
      offenders.push(`${Math.round(rect.right - right)} px past the right edge of `
        + describe(container) + ": " + describe(el));
    }
  }
  // What makes the page wider than the window (hidden elements included: a visually-hidden
  // label placed outside every scroll box widens the page too).
  const width = document.documentElement.clientWidth;
  const wideners = [];
  for (const el of document.body.querySelectorAll("*")) {
    const parent = el.parentElement;
    if (el.getBoundingClientRect().right > width + SLACK
        && parent.getBoundingClientRect().right <= width + SLACK) {
      wideners.push(describe(el));
    }
  }
  return {
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    offenders: offenders,
    wideners: document.documentElement.scrollWidth > window.innerWidth ? wideners : [],
  };
}"""

# role -> (names of the pages to check). Every name is a key of pages(); the dashboard is for
# the staff who review the sheets, the whole journal for regional staff only.
ROLES = {
    "region": (
        "home",
        "campuses",
        "campus",
        "section",
        "dashboard",
        "convention",
        "dossier",
        "journal",
    ),
    "dir-ia": ("home", "campuses", "campus", "section", "convention", "dossier", "history"),
    "rectorat-paris": (
        "home",
        "campuses",
        "campus",
        "section",
        "dashboard",
        "convention",
        "dossier",
        "history",
    ),
}


def url_path(page):
    return re.sub(r"^https?://[^/]+", "", page.url)


def first_href(page, selector):
    link = page.locator(selector).first
    expect(link).to_be_attached()
    return link.get_attribute("href")


def find_pages(page):
    """name -> path of the pages to check, found through the demo's links."""
    page.goto("/campus/")
    page.locator("#campus-table").get_by_role("link", name=IA_SHORT_NAME, exact=True).click()
    expect(page).to_have_url(re.compile(r"/campus/\d+/$"))
    campus = url_path(page)
    return {
        "home": "/",
        "campuses": "/campus/",
        "campus": campus,
        "section": SECTION,
        "dashboard": "/suivi/tableau-de-bord/",
        "convention": first_href(page, '#conventions a[href^="/conventions/"]'),
        "dossier": first_href(page, '#subventions a[href^="/subventions/"]'),
        # The campus's whole history (linked from its history block when that is folded).
        "history": campus + "historique/",
        "journal": "/journal/",
    }


def problems_of(page, name, viewport):
    """What does not fit on the page now loaded, as lines of the failure message."""
    page.evaluate("document.fonts.ready")
    found = page.evaluate(WALK_JS)
    lines = []
    if found["scrollWidth"] > found["innerWidth"]:
        lines.append(
            f"the page is {found['scrollWidth']} px wide in a {found['innerWidth']} px window; "
            f"past its right edge: {found['wideners'][:10]}"
        )
    lines += found["offenders"][:20]
    if len(found["offenders"]) > 20:
        lines.append(f"… and {len(found['offenders']) - 20} more")
    if name == "section" and viewport is DESKTOP:
        # The editor's tables need no sideways scrolling on a laptop: no value, no « Supprimer »
        # out of sight.
        wide = page.evaluate(
            """() => [...document.querySelectorAll(".ft-editor .table-wrapper, .ft-editor-table")]
                 .filter((el) => el.scrollWidth > el.clientWidth + 1)
                 .map((el) => el.getAttribute("data-ft-table") || el.className)"""
        )
        lines += [f"editor table scrolls sideways: {key}" for key in wide]
    return lines


def screenshot(page, role, name, viewport):
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOT_DIR / f"layout-{role}-{name}-{viewport['width']}.png"
    # caret="initial": hiding the caret injects an inline style, which the CSP blocks.
    page.screenshot(path=str(path), full_page=True, caret="initial")


@pytest.mark.parametrize("role", list(ROLES))
def test_pages_fit_the_window_at_1366_and_390_px(page, demo_password, role):
    login(page, role, demo_password)
    paths = find_pages(page)
    failures = []
    for name in ROLES[role]:
        page.set_viewport_size(DESKTOP)
        response = page.goto(paths[name])
        assert response.ok, f"{role}: {paths[name]} answered {response.status}"
        if name == "section":
            expect(page.locator(".ft-sheet-title")).to_contain_text(IA_SHORT_NAME)
        # The same page, laid out again at each width (the layouts are CSS: no reload needed).
        for viewport in (DESKTOP, PHONE):
            page.set_viewport_size(viewport)
            screenshot(page, role, name, viewport)
            failures += [
                f"{role} {viewport['width']} px {paths[name]}: {line}"
                for line in problems_of(page, name, viewport)
            ]
    assert not failures, f"Cut or spilling at {role}:\n" + "\n".join(failures)


def test_the_main_menu_wraps_on_a_phone(page, demo_password):
    """Every item of the main menu is whole and inside the window at 390 px (no hidden scroll)."""
    page.set_viewport_size(PHONE)
    login(page, "region", demo_password)
    items = page.locator(".main-nav__link")
    expect(items.first).to_be_visible()
    assert items.count() >= 6
    outside = page.evaluate(
        """() => [...document.querySelectorAll(".main-nav__link")]
             .filter((a) => a.getBoundingClientRect().right > window.innerWidth
                            || a.scrollWidth > a.clientWidth)
             .map((a) => a.textContent.trim())"""
    )
    assert outside == []
    nav_list = page.locator(".main-nav__list")
    assert nav_list.evaluate("(el) => el.scrollWidth <= el.clientWidth")
    # More than one line of items: they wrapped rather than being pushed out of sight.
    tops = page.evaluate(
        "() => new Set([...document.querySelectorAll('.main-nav__link')]"
        ".map((a) => Math.round(a.getBoundingClientRect().top))).size"
    )
    assert tops > 1
