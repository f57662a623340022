"""The people and the campus most labelling tests start from: regional staff, the région
académique's rectorate (it prepares applications of every academy), the demo expert with a
second one, and a campus of the test's own (the demo campuses have applications already)."""

import pytest

from tests.labels import helpers as h


@pytest.fixture
def region(user_of):
    return user_of("region")


@pytest.fixture
def rectorate(user_of):
    return user_of("rectorat-paris")


@pytest.fixture
def experts(user_of):
    """The demo expert (rapporteur in the builders) and a second one."""
    return [user_of("expert"), h.expert()]


@pytest.fixture
def campus():
    return h.fresh_campus()
