"""What other apps add to a deliberation, registered in their AppConfig.ready(): the
deliberations app shows them and imports none of them.

- Page blocks: `core.composition.register_block(PAGE_SLOT, template, context)`, where
  `context(request, deliberation=…)` returns the block's variables or None.
- API sections: `register_section(ApiSection(...))`, a field of the deliberation in the API
  (`conventions`, `amendments`, `subsidies`…), on the list and the detail or the detail only,
  with the prefetches the list needs to stay flat.
- API actions: `register_action(ApiAction(...))`, a POST action on one deliberation
  (`/api/v1/deliberations/{id}/vote/`), answered with the deliberation's detail.
"""

from collections.abc import Callable
from dataclasses import dataclass

PAGE_SLOT = "deliberation"


@dataclass(frozen=True)
class ApiSection:
    name: str
    field: Callable  # () -> a read-only serializer Field with source="*"
    detail_only: bool = False
    prefetch: Callable | None = None  # (queryset, user) -> queryset


@dataclass(frozen=True)
class ApiAction:
    name: str  # the URL's last part, e.g. "vote"
    run: Callable  # (request, deliberation) -> None; domain errors become 400/403/409
    allowed: Callable  # user -> bool (403 otherwise)
    request_serializer: type | None = None
    description: str = ""


_SECTIONS = []
_ACTIONS = []


def register_section(section):
    _SECTIONS[:] = [s for s in _SECTIONS if s.name != section.name] + [section]


def register_action(action):
    _ACTIONS[:] = [a for a in _ACTIONS if a.name != action.name] + [action]


def sections(detail):
    return [s for s in _SECTIONS if detail or not s.detail_only]


def actions():
    return list(_ACTIONS)
