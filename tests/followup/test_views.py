"""The follow-up pages: who sees which sheet, the section editor's draft endpoint (invalid input
kept with French errors per key, a lost answer retried, concurrent edits refused with 409), the
review cycle through the pages with each role's rights, attachments checked by content,
internal notes never shown to the campus, and flat query counts as the data grows.

Campaigns are opened for years ≥ 2040 (the demo never uses them) through the services."""

import html
import json
import re
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from campuses.models import Academy, Campus, SectorFamily
from followup import services
from followup.models import (
    Campaign,
    FollowUpSheet,
    SheetAttachment,
    SheetComment,
    SheetReminder,
    SheetSection,
    SheetStatus,
)
from tests.followup.helpers import YEAR, complete_sections, fill, open_campaign

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
ROLES = [
    "region",
    "rectorat-paris",
    "rectorat-creteil",
    "rectorat-versailles",
    "dir-versailles",
    "dir-mode",
]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def campaign(user_of):
    return open_campaign(user_of("region"))


@pytest.fixture
def sheet_of(campaign, campus_of):
    """sheet_of("versailles") -> that campus's sheet of the campaign."""
    return lambda key, campaign=campaign: campaign.sheets.get(campus=campus_of(key))


def content(response):
    """The page's text, entities decoded and every kind of space made a plain one."""
    text = html.unescape(response.content.decode())
    return re.sub(r"[\u00a0\u202f\s]+", " ", text)


def sheet_url(name, sheet, *args):
    return reverse(f"followup:{name}", args=[sheet.pk, *args])


def draft(client, sheet, number, data, version, **extra):
    """POST a section's draft as the editor's script does."""
    body = {"version": version, "data": data, **extra}
    return client.post(
        sheet_url("section_draft", sheet, number),
        data=json.dumps(body),
        content_type="application/json",
    )


def section(sheet, number):
    return SheetSection.objects.get(sheet=sheet, number=number)


# ---------------------------------------------------------------- who sees what


SHEET_PAGES = ["sheet_detail", "section", "summary"]


def _pages(sheet):
    return [
        sheet_url("sheet_detail", sheet),
        sheet_url("section", sheet, 3),
        sheet_url("summary", sheet),
    ]


def test_a_director_sees_their_campus_sheet_and_no_other(client_of, campaign, campus_of):
    client = client_of("dir-versailles")
    own = campaign.sheets.get(campus=campus_of("versailles"))
    for path in _pages(own):
        assert client.get(path).status_code == 200, path
    others = campaign.sheets.exclude(pk=own.pk)
    assert others.exists()
    for other in others:
        for path in _pages(other):
            assert client.get(path).status_code == 404, path
        response = draft(client, other, 3, {}, 1)
        assert response.status_code == 404


def test_every_director_sees_only_their_own_sheets(client_of, campaign):
    from campuses.demo import DIRECTOR_ACCOUNTS

    for key, username in DIRECTOR_ACCOUNTS.items():
        client = client_of(username)
        listed = client.get(reverse("followup:campaign_list")).context["sheets"]
        for sheet in campaign.sheets.select_related("campus"):
            own = sheet in listed
            status = client.get(sheet_url("sheet_detail", sheet)).status_code
            assert status == (200 if own else 404), (username, sheet.campus.short_name)
        assert all(
            campus.directors.filter(user__username=username).exists()
            for campus in Campus.objects.filter(followup_sheets__in=listed)
        ), key


def test_rectorate_staff_see_only_their_academies_sheets(client_of, sheet_of):
    versailles, mode = sheet_of("versailles"), sheet_of("mode")  # Paris+Versailles, Paris+Créteil
    expected = {
        "rectorat-creteil": {versailles: 404, mode: 200},
        "rectorat-versailles": {versailles: 200, mode: 404},
        "rectorat-paris": {versailles: 200, mode: 200},
        "region": {versailles: 200, mode: 200},
    }
    for role, statuses in expected.items():
        client = client_of(role)
        for sheet, status in statuses.items():
            for path in _pages(sheet):
                assert client.get(path).status_code == status, (role, path)


def test_the_campaign_page_of_rectorate_staff_lists_their_campuses_only(
    client_of, campaign, campus_of
):
    response = client_of("rectorat-creteil").get(
        reverse("followup:campaign_detail", args=[campaign.pk])
    )
    assert response.status_code == 200
    campuses = {sheet.campus for sheet in response.context["sheets"]}
    assert campus_of("mode") in campuses
    assert campus_of("versailles") not in campuses
    assert all("creteil" in {a.code for a in c.academies.all()} for c in campuses)
    assert response.context["total"] == len(campuses)
    everything = client_of("region").get(reverse("followup:campaign_detail", args=[campaign.pk]))
    assert everything.context["total"] == campaign.sheets.count() > len(campuses)


def test_experts_are_refused_everywhere(client_of, campaign, sheet_of):
    client = client_of("expert")
    sheet = sheet_of("versailles")
    paths = [
        reverse("followup:campaign_list"),
        reverse("followup:campaign_create"),
        reverse("followup:campaign_detail", args=[campaign.pk]),
        *_pages(sheet),
    ]
    for path in paths:
        assert client.get(path).status_code == 403, path
    assert draft(client, sheet, 3, {}, 1).status_code == 403
    assert client.post(sheet_url("comment", sheet), {"section": 0, "text": "x"}).status_code == 403


def test_directors_do_not_see_a_campaign_page_but_their_sheets(client_of, campaign, sheet_of):
    client = client_of("dir-versailles")
    assert client.get(reverse("followup:campaign_detail", args=[campaign.pk])).status_code == 403
    page = client.get(reverse("followup:campaign_list"))
    listed = [sheet for sheet in page.context["sheets"] if sheet.campaign_id == campaign.pk]
    assert listed == [sheet_of("versailles")]
    assert {sheet.campus.short_name for sheet in page.context["sheets"]} == {
        sheet_of("versailles").campus.short_name
    }
    assert "Mes fiches de suivi" in content(page)


def test_the_navigation_and_home_pages_show_the_follow_up(client_of, sheet_of, user_of):
    sheet = sheet_of("versailles")
    fill(user_of("dir-versailles"), sheet)
    services.submit(user_of("dir-versailles"), sheet)
    for role in ("region", "rectorat-versailles", "dir-versailles"):
        page = client_of(role).get("/")
        assert "Suivi annuel" in content(page), role
        assert sheet_url("sheet_detail", sheet) in page.content.decode(), role
    assert "Fiches de suivi à relire" in content(client_of("rectorat-versailles").get("/"))
    assert "Mes fiches de suivi annuel" in content(client_of("dir-versailles").get("/"))
    # Not on the home of rectorate staff of another academy, nor of the expert.
    assert (
        sheet_url("sheet_detail", sheet)
        not in client_of("rectorat-creteil").get("/").content.decode()
    )
    assert "Suivi annuel" not in content(client_of("expert").get("/"))


# ---------------------------------------------------------------- opening a campaign


def test_regional_staff_open_a_campaign_with_the_default_deadline(client_of):
    client = client_of("region")
    response = client.post(
        reverse("followup:campaign_create"), {"year": "2043", "opens_on": "2044-01-10"}
    )
    campaign = Campaign.objects.get(year=2043)
    assert response.status_code == 302
    assert response.url == reverse("followup:campaign_detail", args=[campaign.pk])
    assert campaign.deadline == date(2044, 3, 31)
    assert campaign.sheets.count() == services.campuses_to_follow(2043).count() > 0
    page = client.get(response.url)
    assert "Campagne 2043 ouverte" in content(page)
    assert page.context["cards"][0]["count"] == campaign.sheets.count()  # all not started

    again = client.post(
        reverse("followup:campaign_create"), {"year": "2043", "opens_on": "2044-01-10"}
    )
    assert again.status_code == 200
    assert "La campagne 2043 existe déjà." in content(again)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"year": "abc", "opens_on": "2044-01-10"}, "year"),
        ({"year": "9" * 30, "opens_on": "2044-01-10"}, "year"),
        ({"year": "2044", "opens_on": "31/02/2044"}, "opens_on"),
        ({"year": "2044", "opens_on": "2045-05-01", "deadline": "2045-04-01"}, "deadline"),
    ],
)
def test_the_campaign_form_explains_its_errors(client_of, data, field):
    response = client_of("region").post(reverse("followup:campaign_create"), data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Campaign.objects.filter(year=2044).exists()


def test_only_regional_staff_open_campaigns(client_of):
    for role in ("rectorat-paris", "dir-versailles"):
        client = client_of(role)
        assert client.get(reverse("followup:campaign_create")).status_code == 403
        response = client.post(
            reverse("followup:campaign_create"), {"year": "2045", "opens_on": "2046-01-10"}
        )
        assert response.status_code == 403
    assert not Campaign.objects.filter(year=2045).exists()


# ---------------------------------------------------------------- the section editor


def test_the_section_page_renders_the_schema_for_the_director(client_of, sheet_of):
    sheet = sheet_of("versailles")
    client = client_of("dir-versailles")
    page = client.get(sheet_url("section", sheet, 9))
    text = content(page)
    assert page.context["editable"]
    assert (
        "Cette fiche ne collecte aucune donnée personnelle : n'indiquez aucun nom de personne."
        in text
    )
    # The « three » type: three inputs each.
    assert len(re.findall(r'data-ft-three="strengths"', page.content.decode())) == 3
    section2 = client.get(sheet_url("section", sheet, 2)).content.decode()
    # Choice columns as selects, the template row for rows added in place, booleans yes/no.
    assert 'data-ft-template="stakeholders"' in section2
    assert '<option value="lycee">' in section2
    assert ">Oui</option>" in section2
    section6 = client.get(sheet_url("section", sheet, 6)).content.decode()
    assert 'type="radio"' in section6 and 'name="brochure_up_to_date"' in section6
    # Every section carries the notice.
    for number in range(1, 10):
        assert "aucune donnée personnelle" in content(
            client.get(sheet_url("section", sheet, number))
        )


def test_unknown_section_numbers_are_404(client_of, sheet_of):
    sheet = sheet_of("versailles")
    client = client_of("dir-versailles")
    for number in (0, 10, 999999999999999999):
        assert client.get(f"/suivi/fiches/{sheet.pk}/rubriques/{number}/").status_code == 404
        path = f"/suivi/fiches/{sheet.pk}/rubriques/{number}/brouillon/"
        response = client.post(path, data="{}", content_type="application/json")
        assert response.status_code == 404
    assert client.get(f"/suivi/fiches/{sheet.pk}/rubriques/9{'9' * 30}/").status_code == 404


def test_the_draft_keeps_invalid_input_and_answers_french_errors_per_key(client_of, sheet_of):
    sheet = sheet_of("versailles")
    client = client_of("dir-versailles")
    data = {
        "actions": [
            {"type": "attractivite", "title": "Forum", "budget": "12 000,50", "beneficiaries": "x"},
            {"type": "nimporte", "title": "", "budget": "-3", "beneficiaries": "9" * 30},
        ]
    }
    response = draft(client, sheet, 3, data, section(sheet, 3).version)

    assert response.status_code == 200
    answer = response.json()
    assert answer["errors"] == {
        "actions.0.beneficiaries": ["Saisissez un nombre entier positif ou nul."],
        "actions.1.type": ["Choisissez une valeur de la liste."],
        "actions.1.title": ["Ce champ est obligatoire."],
        "actions.1.budget": ["Saisissez un nombre positif ou nul."],
        "actions.1.beneficiaries": ["Saisissez un nombre entier positif ou nul."],
    }
    assert answer["complete"] is False
    assert answer["state"] == "errors"
    assert answer["version"] == 2
    assert answer["sheet_status"] == SheetStatus.DRAFT
    stored = section(sheet, 3)
    assert stored.data == data  # kept as typed
    # The page shows each error next to its cell, and in the summary.
    page = client_of("dir-versailles").get(sheet_url("section", sheet, 3))
    body = page.content.decode()
    assert 'id="ft-actions-1-type_error" data-ft-error="actions.1.type">' in body
    assert "Choisissez une valeur de la liste." in content(page)
    assert 'value="12 000,50"' in body and 'value="-3"' in body


def test_amounts_are_read_as_the_portals_amount_fields_read_them(client_of, sheet_of):
    """« 50 000 € » (the unit typed), « 1.250,50 » (points grouping thousands) are amounts, as in
    every other amount field of the portal; « 1e5 » is not a way of writing one."""
    sheet = sheet_of("versailles")
    data = {
        "actions": [
            {"type": "attractivite", "title": "Forum", "budget": "50 000 €", "beneficiaries": "3"},
            {"type": "attractivite", "title": "Salon", "budget": "1.250,50", "beneficiaries": "4"},
            {"type": "attractivite", "title": "Stage", "budget": "1e5", "beneficiaries": "5"},
        ]
    }
    answer = draft(client_of("dir-versailles"), sheet, 3, data, section(sheet, 3).version).json()

    assert answer["errors"] == {"actions.2.budget": ["Saisissez un nombre."]}
    page = client_of("dir-versailles").get(sheet_url("section", sheet, 3))
    assert 'value="50 000 €"' in page.content.decode()  # the draft keeps what was typed


def test_the_five_section_budget_error_is_on_its_table(client_of, sheet_of):
    sheet = sheet_of("versailles")
    data = {
        "revenues": [{"label": "Région", "amount": "100"}],
        "expenses": [{"label": "Frais", "amount": "90"}],
        "staff": [{"post": "Direction", "fte": "1", "funder": "Rectorat"}],
    }
    answer = draft(client_of("dir-versailles"), sheet, 5, data, 1).json()
    assert list(answer["errors"]) == ["expenses"]
    assert "n'est pas équilibré" in answer["errors"]["expenses"][0]


@pytest.mark.parametrize(
    "body",
    [
        "",
        "not json",
        "[1, 2]",
        '{"version": 1}',
        '{"version": 1, "data": []}',
        '{"version": "abc", "data": {}}',
        '{"version": 1e309, "data": {}}',
        '{"version": -1, "data": {}}',
        '{"version": ' + "9" * 5000 + ', "data": {}}',
        '{"version": 1, "data": {"actions": NaN}}',
        '{"version": 1, "data": {"actions": Infinity}}',
        "[" * 100000,
        '{"version": 1, "data": "\u0000"}',
    ],
)
def test_garbage_drafts_are_refused_in_french_never_a_500(client_of, sheet_of, body):
    sheet = sheet_of("versailles")
    before = section(sheet, 3).data
    response = client_of("dir-versailles").post(
        sheet_url("section_draft", sheet, 3), data=body, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["error"] in (
        "Contenu illisible.",
        "Version de la rubrique illisible.",
    )
    assert section(sheet, 3).data == before


def test_odd_values_in_a_draft_are_kept_without_failing(client_of, sheet_of):
    sheet = sheet_of("versailles")
    huge = "9" * 400
    data = {
        "mobilities": f"{huge}",
        "partners": [
            {"name": "Lycée\u0000 de Turin", "country": 12345678901234567890},
            {"name": {"nested": ["x"]}, "country": 1.5e300},
            "not a row",
        ],
        "unknown_key": "dropped",
    }
    body = json.dumps({"version": 1, "data": data}).replace("12345678901234567890", "1" * 4500)
    response = client_of("dir-versailles").post(
        sheet_url("section_draft", sheet, 8), data=body, content_type="application/json"
    )
    assert response.status_code == 200
    answer = response.json()
    assert answer["errors"]["mobilities"] == ["Saisissez un nombre entier positif ou nul."]
    stored = section(sheet, 8).data
    assert "unknown_key" not in stored
    assert stored["partners"][0]["name"] == "Lycée de Turin"  # NUL characters dropped
    assert stored["partners"][0]["country"] == "1" * 4500  # a number is kept as its text


def test_the_same_draft_posted_twice_changes_nothing_the_second_time(client_of, sheet_of):
    sheet = sheet_of("versailles")
    client = client_of("dir-versailles")
    data = complete_sections()[3]

    first = draft(client, sheet, 3, data, 1)
    # The answer never reached the browser: it sends the same draft again, on version 1.
    second = draft(client, sheet, 3, data, 1)

    assert first.status_code == second.status_code == 200
    assert first.json()["version"] == second.json()["version"] == 2
    assert section(sheet, 3).version == 2
    assert section(sheet, 3).data == data
    assert sheet.history.count() == 1  # not started → draft, once


def test_the_next_save_after_a_lost_answer_goes_through(client_of, sheet_of):
    """The browser sent A on version 1 (saved: version 2) and never got the answer; the user
    typed on: B goes on version 1 with A as « unconfirmed », and is saved as version 3."""
    sheet = sheet_of("versailles")
    client = client_of("dir-versailles")
    first = {"mobilities": "4", "partners": [{"name": "Lycée de Turin", "country": "Italie"}]}
    then = {**first, "mobilities": "6"}

    assert draft(client, sheet, 8, first, 1).status_code == 200  # answer lost
    response = draft(client, sheet, 8, then, 1, unconfirmed=first)

    assert response.status_code == 200
    assert response.json()["version"] == 3
    assert section(sheet, 8).data == then


def test_concurrent_edits_are_refused_with_409_and_nothing_is_overwritten(
    client_of, sheet_of, user_of
):
    sheet = sheet_of("versailles")
    tab_one, tab_two = client_of("dir-versailles"), client_of("dir-versailles")
    # Both opened the section at version 1.
    version = tab_one.get(sheet_url("section", sheet, 4)).context["version"]
    assert tab_two.get(sheet_url("section", sheet, 4)).context["version"] == version == 1
    theirs = {"meetings": [{"body": "copil", "held_on": f"{YEAR}-06-15", "present": "12"}]}
    mine = {"meetings": [{"body": "cos", "held_on": f"{YEAR}-10-01", "present": "30"}]}

    assert draft(tab_one, sheet, 4, theirs, version).status_code == 200
    response = draft(tab_two, sheet, 4, mine, version)
    # Even claiming something else was unconfirmed does not let it through.
    sneaky = draft(tab_two, sheet, 4, mine, version, unconfirmed={"meetings": []})

    assert response.status_code == sneaky.status_code == 409
    answer = response.json()
    assert answer["conflict"] is True
    assert answer["version"] == 2
    assert "enregistrée par quelqu'un d'autre" in answer["error"]
    assert section(sheet, 4).data == theirs
    assert section(sheet, 4).version == 2


def test_the_page_without_javascript_saves_and_keeps_input_on_a_conflict(client_of, sheet_of):
    sheet = sheet_of("versailles")
    client = client_of("dir-versailles")
    post = {
        "version": "1",
        "meetings.0.body": "copil",
        "meetings.0.held_on": f"{YEAR}-06-15",
        "meetings.0.present": "12",
        "meetings.1.body": "",
        "meetings.1.held_on": "",
        "meetings.1.present": "",  # the blank spare row
    }
    response = client.post(sheet_url("section", sheet, 4), post)
    assert response.status_code == 302
    assert section(sheet, 4).data == {
        "meetings": [{"body": "copil", "held_on": f"{YEAR}-06-15", "present": "12"}]
    }
    stale = {**post, "meetings.0.present": "99"}
    conflict = client.post(sheet_url("section", sheet, 4), stale)
    assert conflict.status_code == 409
    assert "enregistrée par quelqu'un d'autre" in content(conflict)
    assert 'value="99"' in conflict.content.decode()  # the input is kept on the page
    assert section(sheet, 4).data["meetings"][0]["present"] == "12"


def test_reviewers_cannot_save_a_section(client_of, sheet_of):
    sheet = sheet_of("versailles")
    for role in ("region", "rectorat-versailles"):
        client = client_of(role)
        assert draft(client, sheet, 8, {"mobilities": "1"}, 1).status_code == 403
        assert client.post(sheet_url("section", sheet, 8), {"mobilities": "1"}).status_code == 403
        page = client.get(sheet_url("section", sheet, 8))
        assert page.status_code == 200 and not page.context["editable"]
        assert "data-ft-editor" not in page.content.decode()
    assert section(sheet, 8).version == 1


def test_prefilled_rows_are_marked(client_of, user_of, campus_of):
    region, director = user_of("region"), user_of("dir-versailles")
    previous = open_campaign(region, year=2046)
    sheet = previous.sheets.get(campus=campus_of("versailles"))
    fill(director, sheet, year=2046)
    services.submit(director, sheet)
    services.validate_sheet(region, sheet)
    current = open_campaign(region, year=2047).sheets.get(campus=campus_of("versailles"))

    page = client_of("dir-versailles").get(sheet_url("section", current, 2))

    assert "repris de la fiche N-1" in content(page)
    assert page.content.decode().count('data-ft-col="prefilled"') == 2  # stakeholder, formation
    overview = client_of("region").get(sheet_url("sheet_detail", current))
    assert "repris de la fiche N-1" in content(overview)


# ---------------------------------------------------------------- summary and submission


def test_the_summary_lists_what_is_missing_and_submission_needs_a_complete_sheet(
    client_of, sheet_of, user_of
):
    sheet = sheet_of("versailles")
    client = client_of("dir-versailles")
    draft(client, sheet, 9, {"strengths": ["Un", "Deux"]}, 1)

    page = client.get(sheet_url("summary", sheet))
    text = content(page)
    assert not page.context["complete"]
    assert "Évaluation des actions" in text  # section 9's missing field
    assert "Indiquez exactement trois points forts (2 sur 3)." not in text  # errors link instead
    assert re.search(r"\d erreurs? à corriger", text)
    assert re.search(r'<button type="submit" class="button" disabled', page.content.decode())
    refused = client.post(sheet_url("submit", sheet))
    assert refused.status_code == 302 and refused.url == sheet_url("summary", sheet)
    sheet.refresh_from_db()
    assert sheet.status == SheetStatus.DRAFT

    fill(user_of("dir-versailles"), sheet)
    page = client.get(sheet_url("summary", sheet))
    assert page.context["complete"]
    assert client.post(sheet_url("submit", sheet)).status_code == 302
    sheet.refresh_from_db()
    assert sheet.status == SheetStatus.SUBMITTED


def test_a_submitted_sheet_is_read_only(client_of, sheet_of, user_of):
    sheet = fill(user_of("dir-versailles"), sheet_of("versailles"))
    services.submit(user_of("dir-versailles"), sheet)
    client = client_of("dir-versailles")
    page = client.get(sheet_url("section", sheet, 3))
    assert not page.context["editable"]
    assert "n'est plus modifiable" in content(page)
    response = draft(client, sheet, 3, {"actions": []}, section(sheet, 3).version)
    assert response.status_code == 409
    assert response.json()["locked"] is True
    assert section(sheet, 3).data == complete_sections()[3]


# ---------------------------------------------------------------- the review cycle


def _comment(client, sheet, number, text, internal=False):
    data = {"section": str(number), "text": text}
    if internal:
        data["internal"] = "on"
    return client.post(sheet_url("comment", sheet), data)


def _status(sheet):
    sheet.refresh_from_db()
    return sheet.status


def test_the_review_cycle_through_the_pages(client_of, sheet_of):
    sheet = sheet_of("versailles")
    director = client_of("dir-versailles")
    region, rect_versailles = client_of("region"), client_of("rectorat-versailles")
    rect_creteil, other_director = client_of("rectorat-creteil"), client_of("dir-mode")

    # The director fills the nine sections through the draft endpoint and submits.
    for number, data in complete_sections().items():
        response = draft(director, sheet, number, data, section(sheet, number).version)
        assert response.json()["complete"], number
    assert director.post(sheet_url("submit", sheet)).status_code == 302
    assert _status(sheet) == SheetStatus.SUBMITTED
    assert "la Région sont prévenus" in content(director.get(sheet_url("sheet_detail", sheet)))

    # Nobody else submits, comments or decides out of their role.
    assert _comment(director, sheet, 3, "Je me commente").status_code == 403
    assert _comment(rect_creteil, sheet, 3, "Hors académie").status_code == 404
    assert _comment(other_director, sheet, 3, "Autre campus").status_code == 404
    assert director.post(sheet_url("validate", sheet)).status_code == 403
    assert rect_versailles.post(sheet_url("validate", sheet)).status_code == 403
    assert director.post(sheet_url("request_changes", sheet), {"reason": "x"}).status_code == 403
    assert (
        rect_creteil.post(sheet_url("request_changes", sheet), {"reason": "x"}).status_code == 404
    )
    assert region.get(sheet_url("opinion", sheet)).status_code == 403
    assert director.get(sheet_url("opinion", sheet)).status_code == 403
    assert SheetComment.objects.filter(sheet=sheet).count() == 0

    # Rectorate staff comment, give their opinion; regional staff request changes.
    assert _comment(rect_versailles, sheet, 3, "Précisez le budget du forum.").status_code == 302
    assert _comment(region, sheet, 0, "Bonne fiche dans l'ensemble.").status_code == 302
    opinion = rect_versailles.post(
        sheet_url("opinion", sheet), {"opinion": "reserved", "text": "Budget à préciser."}
    )
    assert opinion.status_code == 302
    sheet.refresh_from_db()
    assert sheet.rectorate_opinion == "reserved"
    page = content(region.get(sheet_url("sheet_detail", sheet)))
    assert "Favorable avec réserves" in page
    assert "Précisez le budget du forum." in page and "Rectorat" in page

    empty = region.post(sheet_url("request_changes", sheet), {"reason": " "})
    assert empty.status_code == 200 and "reason" in empty.context["form"].errors
    response = region.post(sheet_url("request_changes", sheet), {"reason": "Rubrique 3 à revoir."})
    assert response.status_code == 302
    assert _status(sheet) == SheetStatus.CHANGES_REQUESTED
    # The campus is told, with the comments.
    section_page = content(director.get(sheet_url("section", sheet, 3)))
    assert "Rubrique 3 à revoir." in section_page
    assert "Précisez le budget du forum." in section_page
    assert "Bonne fiche dans l'ensemble." in content(director.get(sheet_url("sheet_detail", sheet)))

    # The director fixes section 3 and submits again; the Region validates.
    fixed = complete_sections()[3]
    fixed["actions"][0]["budget"] = "12500"
    assert draft(director, sheet, 3, fixed, section(sheet, 3).version).status_code == 200
    assert director.post(sheet_url("submit", sheet)).status_code == 302
    assert _status(sheet) == SheetStatus.SUBMITTED
    assert rect_versailles.post(sheet_url("validate", sheet)).status_code == 403
    assert region.post(sheet_url("validate", sheet), {"reason": ""}).status_code == 302
    assert _status(sheet) == SheetStatus.VALIDATED
    # Validated: read-only for everyone, the history tells who did what and why.
    assert draft(director, sheet, 3, {}, section(sheet, 3).version).status_code == 409
    assert region.post(sheet_url("validate", sheet)).status_code == 302  # refused: a message
    history = region.get(sheet_url("sheet_detail", sheet)).context["history"]
    assert [(h.to_status, h.actor.username) for h in history] == [
        (SheetStatus.DRAFT, "dir-versailles"),
        (SheetStatus.SUBMITTED, "dir-versailles"),
        (SheetStatus.CHANGES_REQUESTED, "region"),
        (SheetStatus.SUBMITTED, "dir-versailles"),
        (SheetStatus.VALIDATED, "region"),
    ]
    assert history[2].reason == "Rubrique 3 à revoir."


def test_rectorate_staff_may_request_changes_too(client_of, sheet_of, user_of):
    sheet = fill(user_of("dir-versailles"), sheet_of("versailles"))
    services.submit(user_of("dir-versailles"), sheet)
    client = client_of("rectorat-paris")
    assert client.get(sheet_url("request_changes", sheet)).status_code == 200
    response = client.post(sheet_url("request_changes", sheet), {"reason": "Rubrique 5."})
    assert response.status_code == 302
    assert _status(sheet) == SheetStatus.CHANGES_REQUESTED


def test_internal_notes_are_never_shown_to_the_director(client_of, sheet_of, user_of):
    sheet = fill(user_of("dir-versailles"), sheet_of("versailles"))
    services.submit(user_of("dir-versailles"), sheet)
    rectorate, region = client_of("rectorat-versailles"), client_of("region")
    _comment(rectorate, sheet, 5, "NOTE-INTERNE-RECTORAT", internal=True)
    _comment(region, sheet, 5, "COMMENTAIRE-PUBLIC")
    _comment(region, sheet, 0, "NOTE-INTERNE-REGION", internal=True)
    director = client_of("dir-versailles")

    # During the review, the campus sees none of the comments yet.
    for path in (sheet_url("sheet_detail", sheet), sheet_url("section", sheet, 5)):
        text = content(director.get(path))
        assert "COMMENTAIRE-PUBLIC" not in text and "NOTE-INTERNE" not in text
    # Reviewers see them all, internal notes marked.
    text = content(rectorate.get(sheet_url("sheet_detail", sheet)))
    assert "NOTE-INTERNE-RECTORAT" in text and "NOTE-INTERNE-REGION" in text
    assert "Note interne – invisible du campus" in text

    region.post(sheet_url("request_changes", sheet), {"reason": "Voir la rubrique 5."})
    for path in (
        sheet_url("sheet_detail", sheet),
        sheet_url("section", sheet, 5),
        sheet_url("summary", sheet),
    ):
        text = content(director.get(path))
        assert "NOTE-INTERNE" not in text, path
    assert "COMMENTAIRE-PUBLIC" in content(director.get(sheet_url("section", sheet, 5)))
    assert "COMMENTAIRE-PUBLIC" in content(director.get(sheet_url("sheet_detail", sheet)))


def test_a_comment_refused_comes_back_with_its_errors(client_of, sheet_of):
    sheet = sheet_of("versailles")
    client = client_of("region")
    for data in (
        {"section": "12", "text": "x"},
        {"section": "abc", "text": "x"},
        {"section": "3", "text": ""},
        {"section": "3", "text": "x" * 6000},
        {"section": "3", "text": "a\x00b"},
    ):
        response = client.post(sheet_url("comment", sheet), data)
        assert response.status_code == 200, data
        assert response.context["comment_form"].errors, data
    assert not SheetComment.objects.filter(sheet=sheet).exists()


ODD_VALUES = ["", "abc", "-1", "9" * 30, "1e309", "NaN", "%00", "a\x00b", "ÿ" * 6000]


@pytest.mark.parametrize("value", ODD_VALUES)
def test_odd_values_on_every_form_never_fail(client_of, sheet_of, user_of, campaign, value):
    sheet = fill(user_of("dir-versailles"), sheet_of("versailles"))
    services.submit(user_of("dir-versailles"), sheet)
    region, rectorate = client_of("region"), client_of("rectorat-versailles")
    detail = reverse("followup:campaign_detail", args=[campaign.pk])
    assert region.get(detail, {"status": value}).status_code == 200
    assert region.get(sheet_url("sheet_detail", sheet), {"page": value}).status_code == 200
    comment = region.post(sheet_url("comment", sheet), {"section": value, "text": value})
    assert comment.status_code in (200, 302)
    opinion = rectorate.post(sheet_url("opinion", sheet), {"opinion": value, "text": value})
    assert opinion.status_code == 200  # no such opinion: the form's error
    changes = region.post(sheet_url("request_changes", sheet), {"reason": value})
    assert changes.status_code in (200, 302)  # « abc » is a reason
    assert region.post(sheet_url("validate", sheet), {"reason": value}).status_code == 302
    create = region.post(
        reverse("followup:campaign_create"),
        {"year": value, "opens_on": value, "deadline": value},
    )
    assert create.status_code == 200
    director = client_of("dir-versailles")
    post = {"version": value, "mobilities": value, "partners.0.name": value, "partners.x.y": value}
    other = open_campaign(user_of("region"), year=2053).sheets.get(campus=sheet.campus)
    assert director.post(sheet_url("section", other, 8), post).status_code in (302, 409)


def test_the_sheet_page_shows_the_history_and_the_email_log(client_of, sheet_of, user_of):
    sheet = sheet_of("versailles")
    SheetReminder.objects.create(
        sheet=sheet,
        step="d30",
        due_on=sheet.campaign.deadline,
        subject="Fiche de suivi : plus que 30 jours",
        recipients="dir-versailles@example.org",
        sent_at=timezone.now(),
    )
    text = content(client_of("region").get(sheet_url("sheet_detail", sheet)))
    assert "Fiche de suivi : plus que 30 jours" in text
    assert "dir-versailles@example.org" in text
    assert "J-30 avant la date limite" in text


# ---------------------------------------------------------------- attachments


def _upload(client, sheet, number, name, payload):
    return client.post(
        sheet_url("attachment_upload", sheet, number),
        {"file": SimpleUploadedFile(name, payload)},
        follow=True,
    )


def test_attachments_are_checked_by_content(client_of, sheet_of):
    sheet = sheet_of("versailles")
    client = client_of("dir-versailles")

    refused = _upload(client, sheet, 1, "etude.pdf", PNG)
    assert "Formats acceptés : PDF, ODT, ODS, DOCX, XLSX (vérifiés sur le contenu)." in content(
        refused
    )
    assert not SheetAttachment.objects.filter(sheet=sheet).exists()
    no_attachments = _upload(client, sheet, 3, "budget.pdf", PDF)
    assert "n'accepte pas de pièce jointe" in content(no_attachments)
    empty = client.post(sheet_url("attachment_upload", sheet, 1), {}, follow=True)
    assert "Choisissez un fichier à joindre." in content(empty)

    accepted = _upload(client, sheet, 1, "etude.pdf", PDF)
    attachment = SheetAttachment.objects.get(sheet=sheet)
    assert attachment.kind == "pdf"
    assert "Pièce jointe « etude.pdf » ajoutée." in content(accepted)
    download = client_of("rectorat-versailles").get(
        reverse("followup:attachment_download", args=[attachment.pk])
    )
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert (
        client_of("rectorat-creteil")
        .get(reverse("followup:attachment_download", args=[attachment.pk]))
        .status_code
        == 404
    )
    # Reviewers neither add nor delete.
    assert _upload(client_of("region"), sheet, 1, "x.pdf", PDF).status_code == 403
    delete = reverse("followup:attachment_delete", args=[attachment.pk])
    assert client_of("region").post(delete).status_code == 403
    assert client.post(delete).status_code == 302
    assert not SheetAttachment.objects.filter(sheet=sheet).exists()


def test_attachments_over_ten_megabytes_are_refused(client_of, sheet_of):
    sheet = sheet_of("versailles")
    response = _upload(
        client_of("dir-versailles"), sheet, 9, "gros.pdf", PDF + b"0" * (10 * 1024 * 1024)
    )
    assert "Le fichier dépasse 10 Mo." in content(response)
    assert not SheetAttachment.objects.filter(sheet=sheet).exists()


# ---------------------------------------------------------------- query counts


def _count(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def _more_campuses(count):
    sector = SectorFamily.objects.first()
    academies = list(Academy.objects.all())
    for n in range(count):
        campus = Campus.objects.create(
            name=f"Campus de charge n° {n:03d}",
            short_name=f"Charge {n:03d}",
            sector_family=sector,
            is_prefiguration=True,
        )
        campus.academies.add(academies[n % len(academies)])


def test_the_campaign_page_query_count_does_not_grow(client_of, user_of):
    region = user_of("region")
    few = open_campaign(region, year=2048)
    _more_campuses(15)
    many = open_campaign(region, year=2049)
    assert many.sheets.count() >= few.sheets.count() + 15
    fill(user_of("dir-versailles"), many.sheets.get(campus__short_name__icontains="Versailles"))
    for role in ("region", "rectorat-creteil"):
        client = client_of(role)
        path = reverse("followup:campaign_detail", args=[few.pk])
        client.get(path)  # warm caches (session, content types)
        assert _count(client, path) == _count(
            client, reverse("followup:campaign_detail", args=[many.pk])
        ), role
    client = client_of("region")
    client.get(reverse("followup:campaign_list"))
    before = _count(client, reverse("followup:campaign_list"))
    open_campaign(region, year=2050)
    assert _count(client, reverse("followup:campaign_list")) == before


def test_the_sheet_page_query_count_does_not_grow(client_of, sheet_of, user_of):
    sheet = sheet_of("versailles")
    director = user_of("dir-versailles")
    fill(director, sheet)
    services.submit(director, sheet)
    services.add_comment(user_of("region"), sheet, section=3, text="Un")
    paths = [sheet_url("sheet_detail", sheet), sheet_url("section", sheet, 1)]
    clients = {role: client_of(role) for role in ("region", "dir-versailles")}
    before = {}
    for role, client in clients.items():
        for path in paths:
            client.get(path)
            before[role, path] = _count(client, path)

    region, rectorate = user_of("region"), user_of("rectorat-versailles")
    for n in range(12):
        services.add_comment(rectorate, sheet, section=n % 10, text=f"Remarque {n}")
        services.add_comment(region, sheet, section=(n + 1) % 10, text=f"Note {n}", internal=True)
    services.request_changes(region, sheet, "À revoir")
    for n in range(4):
        services.add_attachment(director, sheet, 1, SimpleUploadedFile(f"etude-{n}.pdf", PDF))
    services.submit(director, sheet)
    services.request_changes(region, sheet, "Encore")
    for n, step in enumerate(("d30", "d7", "d1")):
        SheetReminder.objects.create(
            sheet=sheet,
            step=step,
            due_on=sheet.campaign.deadline - timedelta(days=n),
            subject=f"Relance {step}",
            recipients="dir@example.org",
            sent_at=timezone.now(),
        )
    for role, client in clients.items():
        for path in paths:
            assert _count(client, path) == before[role, path], (role, path)


def test_a_sheet_of_another_year_is_independent(client_of, user_of, campus_of):
    """Two campaigns: each sheet page shows its own year's content."""
    region = user_of("region")
    first = open_campaign(region, year=2051).sheets.get(campus=campus_of("versailles"))
    second = open_campaign(region, year=2052).sheets.get(campus=campus_of("versailles"))
    draft(client_of("dir-versailles"), first, 8, {"mobilities": "7"}, 1)
    assert "mobilities" not in FollowUpSheet.objects.get(pk=second.pk).sections.get(number=8).data
    page = client_of("dir-versailles").get(sheet_url("sheet_detail", second))
    assert page.context["sheet"].campaign.year == 2052


def test_three_strengths_short_of_three_mark_only_the_empty_box(client_of, sheet_of):
    sheet = sheet_of("versailles")
    client = client_of("dir-versailles")
    draft(client, sheet, 9, {"strengths": ["Un", "Deux"]}, 1)

    page = client.get(sheet_url("section", sheet, 9))

    boxes = re.findall(
        r'<input type="text"[^>]*data-ft-three="strengths"[^>]*>', page.content.decode()
    )
    assert len(boxes) == 3
    assert ['aria-invalid="true"' in box for box in boxes] == [False, False, True]
    assert "Indiquez exactement trois points forts (2 sur 3)." in content(page)
