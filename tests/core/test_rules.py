"""core.rules: a workflow answers per action — the role first (403), then the scope (403),
then the state (409) — and the pages, the API and the services read that one answer."""

from types import SimpleNamespace

import pytest

from core.errors import ConflictError, PermissionDeniedError
from core.rules import CONFLICT, FORBIDDEN, Action, Workflow, allow, conflict


def user(role, **extra):
    return SimpleNamespace(
        is_authenticated=True, is_active=True, is_superuser=False, role=role, **extra
    )


class Thing(SimpleNamespace):
    def get_status_display(self):
        return {"draft": "Brouillon", "sent": "Envoyé"}[self.status]


def is_regional(u):
    return u.role == "regional"


def is_director(u):
    return u.role == "director"


def own(u, obj):
    return getattr(u, "campus", None) == obj.campus


calls = []


def counted_scope(u, obj):
    calls.append(1)
    return own(u, obj)


FLOW = Workflow(
    Action(
        "send",
        roles=(is_regional, is_director),
        scope=counted_scope,
        sources=("draft",),
        target="sent",
        forbidden="Pas à vous.",
        wrong_state="Ce document est %(status)s : déjà envoyé.",
    ),
    Action(
        "withdraw",
        roles=(is_regional, is_director),
        scope=counted_scope,
        sources=lambda u: ("draft", "sent") if is_regional(u) else ("draft",),
        wrong_state=lambda obj: f"Trop tard ({obj.status}).",
        forbidden=lambda u: "Réservé." if is_director(u) else "Pas à vous.",
    ),
    Action(
        "archive",
        roles=(is_regional,),
        guard=lambda u, obj: conflict("Pas encore.") if obj.campus is None else allow(),
        forbidden="La Région seule.",
    ),
)


def test_the_role_is_asked_first_whatever_the_state():
    decision = FLOW.decide("send", user("expert"), Thing(status="sent", campus="a"))
    assert (decision.outcome, decision.reason) == (FORBIDDEN, "Pas à vous.")
    with pytest.raises(PermissionDeniedError, match="Pas à vous"):
        FLOW.check("send", user("expert"), Thing(status="sent", campus="a"))


def test_then_the_scope_then_the_state():
    other = user("director", campus="b")
    assert FLOW.decide("send", other, Thing(status="draft", campus="a")).outcome == FORBIDDEN
    mine = user("director", campus="a")
    decision = FLOW.decide("send", mine, Thing(status="sent", campus="a"))
    assert decision.outcome == CONFLICT
    assert decision.reason == "Ce document est envoyé : déjà envoyé."
    with pytest.raises(ConflictError):
        FLOW.check("send", mine, Thing(status="sent", campus="a"))
    action = FLOW.check("send", mine, Thing(status="draft", campus="a"))
    assert action.target == "sent"


def test_sources_and_reasons_may_depend_on_who_acts():
    sent = Thing(status="sent", campus="a")
    assert FLOW.decide("withdraw", user("regional", campus="a"), sent).allowed
    decision = FLOW.decide("withdraw", user("director", campus="a"), sent)
    assert (decision.outcome, decision.reason) == (CONFLICT, "Trop tard (sent).")
    assert FLOW.decide("archive", user("director"), sent).reason == "La Région seule."


def test_a_guard_speaks_last():
    decision = FLOW.decide("archive", user("regional"), Thing(status="draft", campus=None))
    assert (decision.outcome, decision.reason) == (CONFLICT, "Pas encore.")


def test_available_reads_each_scope_once_and_open_to_lists_the_role_s_actions():
    calls.clear()
    actions = FLOW.available(user("director", campus="a"), Thing(status="draft", campus="a"))
    assert actions == {"send": True, "withdraw": True, "archive": False}
    assert len(calls) == 1  # two actions share the scope: read once
    assert FLOW.open_to(user("director")) == {"send", "withdraw"}
    assert FLOW.open_to(user("regional")) == {"send", "withdraw", "archive"}
    assert FLOW.open_to(SimpleNamespace(role=None)) == set()
