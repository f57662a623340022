"""Pages made of contributions: the navigation, the home pages, and the pages that show
several domains (a deliberation: the conventions it adopted, the grants it voted).

Each app registers what it contributes in its AppConfig.ready(), the way it registers its job
handlers and document types; the page that shows them imports none of them:

    register_nav(_("Subventions"), "subsidies:list", visible=can_use_subsidies, order=50)
    register_block("home.director", "subsidies/_home_director.html", director_home, order=20)

A block's `context(request, **page)` returns the variables its template needs, or None when
it has nothing to show to this user (the block is then left out). Blocks of a slot are shown
in `order`.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import reverse


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    visible: Callable
    order: int


@dataclass(frozen=True)
class Block:
    slot: str
    template: str
    context: Callable
    order: int
    head: str | None = None  # a template for the page's <head> (the block's styles)


@dataclass
class Shown:
    """A block as a page shows it: its templates and the variables it was given."""

    template: str
    context: dict = field(default_factory=dict)
    head: str | None = None


_NAV = []
_BLOCKS = {}


def register_nav(label, url_name, *, visible, order):
    """A link of the main navigation, for the users `visible(user)` lets see it."""
    _NAV[:] = [item for item in _NAV if item.url_name != url_name]
    _NAV.append(NavItem(label, url_name, visible, order))
    _NAV.sort(key=lambda item: item.order)


def navigation_for(user, path):
    """[{label, url, active}] of the links `user` may follow, the current one marked."""
    items = []
    for item in _NAV:
        if not item.visible(user):
            continue
        url = reverse(item.url_name)
        active = path == url if url == "/" else path.startswith(url)
        items.append({"label": str(item.label), "url": url, "active": active})
    return items


def register_block(slot, template, context, *, order=100, head=None):
    blocks = [b for b in _BLOCKS.get(slot, []) if b.template != template]
    blocks.append(Block(slot, template, context, order, head))
    _BLOCKS[slot] = sorted(blocks, key=lambda block: block.order)


def blocks_for(slot, request, **page):
    """The blocks of `slot` that have something to show to `request.user`, in order."""
    shown = []
    for block in _BLOCKS.get(slot, []):
        context = block.context(request, **page)
        if context is not None:
            shown.append(Shown(block.template, context, block.head))
    return shown
