"""Rules written once: per action, one answer — allowed, or refused with the reason — that the
services enforce and the pages, the API and the admin read instead of re-deriving it.

A domain declares each status machine as data (`Workflow`): its actions, who may run each
(roles, then the object's scope), from which states, to which state. `decide()` answers in
that order, so that a user with no business gets a 403 whatever the state, and the right
person at the wrong moment a 409:

    DOSSIER = Workflow(
        Action("submit", roles=(is_regional_staff, is_director), scope=prepares,
               sources=(DossierStatus.DRAFT,), target=DossierStatus.SUBMITTED,
               forbidden=_("Vous ne pouvez pas déposer ce dossier."),
               wrong_state=_("Ce dossier est %(status)s : il a déjà été déposé.")),
        …
    )
    DOSSIER.check("submit", actor, dossier)        # in the service: raises the domain error
    DOSSIER.available(user, dossier)["submit"]     # in the page: offer the button or not
    DOSSIER.open_to(user)                          # in the API: the actions the role may try
"""

from collections.abc import Callable
from dataclasses import dataclass

from .errors import ConflictError, PermissionDeniedError

ALLOWED, FORBIDDEN, CONFLICT = "allowed", "forbidden", "conflict"


@dataclass(frozen=True)
class Decision:
    """The answer to « may this user do this now? »: allowed, or refused with the reason
    (FORBIDDEN: the user's role or scope, HTTP 403; CONFLICT: the object's state, 409)."""

    outcome: str = ALLOWED
    reason: str = ""

    @property
    def allowed(self):
        return self.outcome == ALLOWED

    def __bool__(self):
        return self.allowed

    def enforce(self):
        """Raise the domain error of a refusal (a no-op when allowed)."""
        if self.outcome == FORBIDDEN:
            raise PermissionDeniedError(self.reason)
        if self.outcome == CONFLICT:
            raise ConflictError(self.reason)


def allow():
    return Decision()


def forbid(reason):
    return Decision(FORBIDDEN, str(reason))


def conflict(reason):
    return Decision(CONFLICT, str(reason))


@dataclass(frozen=True)
class Action:
    """One action of a workflow.

    - `roles`: role predicates (core.roles); one must hold, else FORBIDDEN with `forbidden`
      (a string, or `forbidden(user)` when the reason depends on who asks);
    - `scope(user, obj)`: the object is within the user's reach (their campus…), else
      FORBIDDEN (with `forbidden`, or `out_of_scope` when it says more);
    - `sources`: the states it runs from (None: any); a callable `sources(user)` when they
      depend on who acts; else CONFLICT with `wrong_state` (a string with « %(status)s », or
      a callable `wrong_state(obj)` giving it);
    - `guard(user, obj)`: any further condition, a Decision;
    - `target`: the state it leads to (None: the state does not change).
    """

    name: str
    roles: tuple[Callable, ...]
    forbidden: str | Callable  # the reason, or `forbidden(user)` giving it
    sources: tuple | Callable | None = None
    target: str | None = None
    wrong_state: str | Callable = ""
    scope: Callable | None = None
    out_of_scope: str = ""
    guard: Callable | None = None

    def sources_for(self, user):
        return self.sources(user) if callable(self.sources) else self.sources


def actions_for(roles, forbidden):
    """A maker of actions that share who may run them and what a refusal says:
    `by_the_region = actions_for((is_regional_staff,), REGION_ONLY)`."""

    def make(name, **rule):
        return Action(name, roles=tuple(roles), forbidden=forbidden, **rule)

    return make


class Workflow:
    """A status machine declared as data (see the module's docstring)."""

    def __init__(self, *actions, state="status"):
        self.actions = {action.name: action for action in actions}
        self.state = state

    def __getitem__(self, name):
        return self.actions[name]

    def role_allows(self, name, user):
        return any(predicate(user) for predicate in self.actions[name].roles)

    @staticmethod
    def _forbidden(action, user):
        return action.forbidden(user) if callable(action.forbidden) else action.forbidden

    def decide(self, name, user, obj, _scopes=None):
        action = self.actions[name]
        if not self.role_allows(name, user):
            return forbid(self._forbidden(action, user))
        if action.scope is not None:
            # `available()` asks every action at once: each scope is read once.
            scopes = {} if _scopes is None else _scopes
            if action.scope not in scopes:
                scopes[action.scope] = action.scope(user, obj)
            if not scopes[action.scope]:
                return forbid(action.out_of_scope or self._forbidden(action, user))
        sources = action.sources_for(user)
        state = getattr(obj, self.state)
        if sources is not None and state not in sources:
            if callable(action.wrong_state):
                return conflict(action.wrong_state(obj))
            label = getattr(obj, f"get_{self.state}_display")().lower()
            return conflict(str(action.wrong_state) % {"status": label})
        if action.guard is not None:
            return action.guard(user, obj)
        return allow()

    def check_role(self, name, user):
        """Enforce the role part only (before the object is even read)."""
        if not self.role_allows(name, user):
            forbid(self._forbidden(self.actions[name], user)).enforce()

    def check(self, name, user, obj):
        """Enforce the rule in a service: raise PermissionDeniedError or ConflictError."""
        self.decide(name, user, obj).enforce()
        return self.actions[name]

    def available(self, user, obj):
        """{action: allowed now?} for a page's buttons and an API's list of actions."""
        scopes = {}
        return {name: self.decide(name, user, obj, scopes).allowed for name in self.actions}

    def open_to(self, user):
        """The actions `user`'s role may attempt (the object and its state decide the rest)."""
        return {name for name in self.actions if self.role_allows(name, user)}
