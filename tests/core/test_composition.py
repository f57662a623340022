"""Pages made of contributions: the navigation and the home pages are what the apps register
(core.composition); accounts and the wiring name no domain."""

import pytest

from core.composition import blocks_for, navigation_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("username", "labels"),
    [
        (
            "region",
            [
                "Accueil",
                "Campus",
                "Organismes",
                "Conventions",
                "Délibérations",
                "Subventions",
                "Labellisation",
                "Suivi annuel",
                "Comptes",
                "Journal",
            ],
        ),
        (
            "rectorat-creteil",
            [
                "Accueil",
                "Campus",
                "Organismes",
                "Conventions",
                "Délibérations",
                "Subventions",
                "Labellisation",
                "Suivi annuel",
            ],
        ),
        (
            "dir-ia",
            [
                "Accueil",
                "Campus",
                "Conventions",
                "Délibérations",
                "Subventions",
                "Labellisation",
                "Suivi annuel",
            ],
        ),
        ("expert", ["Accueil", "Labellisation"]),
    ],
)
def test_each_role_s_navigation(username, labels, user_of):
    items = navigation_for(user_of(username), "/conventions/")
    assert [item["label"] for item in items] == labels
    assert [item["label"] for item in items if item["active"]] == ["Conventions"] * (
        "Conventions" in labels
    )


def test_the_administrator_also_gets_the_django_admin(user_of):
    labels = [item["label"] for item in navigation_for(user_of("admin"), "/")]
    assert labels[-1] == "Administration Django" and labels[0] == "Accueil"


@pytest.mark.parametrize(
    ("username", "slot", "templates"),
    [
        (
            "region",
            "home.regional",
            [
                "campuses/_home_attention.html",
                "followup/_home_reviewer.html",
                "conventions/_reminders.html",
                "labels/_home_applications.html",
                "campuses/_home_regional_campuses.html",
            ],
        ),
        (
            "dir-versailles",
            "home.director",
            [
                "campuses/_home_director.html",
                "subsidies/_home_director.html",
                "followup/_home_director.html",
                "labels/_home_applications.html",
                "conventions/_reminders.html",
            ],
        ),
    ],
)
def test_home_blocks_in_their_order(username, slot, templates, user_of, rf):
    from django.utils import timezone

    from campuses import selectors

    request = rf.get("/")
    request.user = user_of(username)
    today = timezone.localdate()
    # The page's campuses, as the home view gives them to its blocks.
    campuses = selectors.with_support_institution(selectors.campus_list(request.user, today), today)
    blocks = blocks_for(slot, request, today=today, campuses=campuses)
    assert [block.template for block in blocks] == templates
