"""The follow-up demo (followup/demo.py, loaded with the session's demo data): two campaigns
placed relative to the day of loading, the older one validated, the open one with a sheet in
every state; complete, balanced sheets with no personal names; loading again changes nothing
and no e-mail is sent."""

import ast
import inspect
import re
from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from campuses.demo import DEMO_ACCOUNTS, DIRECTOR_ACCOUNTS
from campuses.demo_data import CAMPUSES
from campuses.models import CampusDirector, OrganisationRepresentative
from followup import demo, demo_data, sections, services
from followup.models import (
    Campaign,
    FollowUpSheet,
    ReviewerSide,
    SheetComment,
    SheetSection,
    SheetStatus,
    StatusChange,
)

pytestmark = pytest.mark.django_db

CAMPUS_NAMES = {data["name"]: data["key"] for data in CAMPUSES}


def _years():
    return demo.demo_years(timezone.localdate())


def _sheets(year):
    """{campus key: sheet} of the demo campaign of `year`."""
    sheets = FollowUpSheet.objects.filter(campaign__year=year).select_related("campus", "campaign")
    return {CAMPUS_NAMES[sheet.campus.name]: sheet for sheet in sheets}


def _clean(sheet, number):
    section = sheet.sections.get(number=number)
    return sections.validate(number, section.data, year=sheet.campaign.year).clean


def _filled(sheet, number):
    return sheet.sections.filter(number=number, updated_by__isnull=False).exists()


def test_campaigns_are_placed_relative_to_the_day_of_loading():
    today = timezone.localdate()
    validated_year, open_year = _years()
    assert (validated_year, open_year) == (today.year - 2, today.year - 1)

    validated = Campaign.objects.get(year=validated_year)
    assert validated.opens_on == date(validated_year + 1, 1, 15)
    assert validated.deadline == date(validated_year + 1, 3, 31)

    current = Campaign.objects.get(year=open_year)
    assert current.opens_on == today - timedelta(days=30)
    assert current.deadline == today + timedelta(days=60)


def test_year_before_last_sheets_are_all_validated_and_complete():
    validated_year, _open_year = _years()
    sheets = _sheets(validated_year)
    assert set(sheets) == set(demo_data.CAMPUS_KEYS)
    for key, sheet in sheets.items():
        assert sheet.status == SheetStatus.VALIDATED, key
        results = services.sheet_results(sheet)
        assert all(result.complete for result in results.values()), key
        assert not any(result.errors for result in results.values()), key
        assert sheet.rectorate_opinion_by.username == demo_data.OPINION_BY[key]
        assert sheet.rectorate_opinion
        assert sheet.comments.exists()
        assert list(sheet.history.values_list("to_status", flat=True)) == [
            SheetStatus.DRAFT,
            SheetStatus.SUBMITTED,
            SheetStatus.VALIDATED,
        ]
        # Dated back: submitted before the deadline, validated after.
        assert sheet.submitted_at.date() <= sheet.campaign.deadline < sheet.validated_at.date()


def test_last_year_sheets_cover_every_status():
    _validated_year, open_year = _years()
    sheets = _sheets(open_year)
    statuses = {key: sheet.status for key, sheet in sheets.items()}
    assert statuses == {key: plan["status"] for key, plan in demo_data.LAST_YEAR.items()}
    assert set(statuses.values()) == set(SheetStatus.values)
    for key, sheet in sheets.items():
        complete = all(r.complete for r in services.sheet_results(sheet).values())
        assert complete == (sheet.status not in (SheetStatus.NOT_STARTED, SheetStatus.DRAFT)), key
        assert not sheet.history.exists() or sheet.history.first().at.date() >= (
            sheet.campaign.opens_on
        )


def test_a_draft_keeps_a_value_as_typed_and_reports_it():
    _validated_year, open_year = _years()
    section = SheetSection.objects.get(sheet=_sheets(open_year)["sante"], number=2)
    typed = {row["type"]: row["count"] for row in section.data["beneficiaries"]}
    assert typed["trainees"] == "environ 40"
    assert section.error_count == 1
    assert not section.is_complete


def test_reviews_of_last_year_sheets():
    _validated_year, open_year = _years()
    sheets = _sheets(open_year)

    notes = SheetComment.objects.filter(sheet=sheets["securite"])
    assert notes.filter(side=ReviewerSide.RECTORATE, internal=False).exists()
    assert notes.filter(side=ReviewerSide.REGION, internal=True).exists()

    returned = sheets["if"]
    change = StatusChange.objects.get(sheet=returned, to_status=SheetStatus.CHANGES_REQUESTED)
    assert change.reason == demo_data.LAST_YEAR["if"]["reason"]
    assert change.actor.username == "region"
    assert returned.comments.filter(internal=False).exists()

    for key in ("mode", "versailles"):
        assert sheets[key].rectorate_opinion_by.username == demo_data.OPINION_BY[key]
        assert sheets[key].validated_at is not None


def _without(row, *keys):
    return {k: v for k, v in row.items() if k not in keys}


def test_last_year_sheets_start_prefilled_and_the_copied_rows_stay_marked():
    validated_year, open_year = _years()
    previous, current = _sheets(validated_year), _sheets(open_year)
    for key, sheet in current.items():
        assert sheet.prefilled_from_id == previous[key].pk, key
        for number, tables in demo_data.PREFILLED.items():
            before = previous[key].sections.get(number=number).data
            now = sheet.sections.get(number=number).data
            for table in tables:
                copied = len(before.get(table, []))
                assert copied or table == "partners", (key, table)
                rows = now.get(table, [])
                assert all(row.get("prefilled") for row in rows[:copied]), (key, table)
                # The copied rows are last year's (the « new » box aside).
                assert [_without(row, "prefilled", "new") for row in rows[:copied]] == [
                    _without(row, "prefilled", "new") for row in before[table]
                ]
                if _filled(sheet, number):  # the director added the year's new rows after
                    added = rows[copied:]
                    assert len(added) == len(demo_data.FOLLOW_ON[key][table]), (key, table)
                    assert not any(row.get("prefilled") for row in added)
                    # Only the rows added this year are « new this year ».
                    assert all(row.get("new") != "true" for row in rows[:copied])
                    assert all(row.get("new") == "true" for row in added if "new" in row)
                else:
                    assert len(rows) == copied


def _snapshot():
    years = _years()
    sheets = FollowUpSheet.objects.filter(campaign__year__in=years)
    return {
        "campaigns": list(
            Campaign.objects.filter(year__in=years).values_list("pk", "opens_on", "deadline")
        ),
        "sheets": list(
            sheets.order_by("pk").values_list(
                "pk", "status", "version", "submitted_at", "validated_at", "rectorate_opinion"
            )
        ),
        "sections": list(
            SheetSection.objects.filter(sheet__in=sheets)
            .order_by("pk")
            .values_list("pk", "data", "version", "updated_at")
        ),
        "comments": SheetComment.objects.filter(sheet__in=sheets).count(),
        "history": StatusChange.objects.filter(sheet__in=sheets).count(),
    }


def test_loading_twice_changes_nothing():
    before = _snapshot()
    loaded = demo.load_demo()
    assert len(loaded) == 18
    assert _snapshot() == before


def test_loading_sends_no_email(django_capture_on_commit_callbacks, mailoutbox):
    Campaign.objects.filter(year__in=_years()).delete()
    with django_capture_on_commit_callbacks() as callbacks:
        loaded = demo.load_demo()
    assert callbacks == []
    assert mailoutbox == []
    assert len(loaded) == 18
    _validated_year, open_year = _years()
    assert _sheets(open_year)["if"].status == SheetStatus.CHANGES_REQUESTED


def _texts(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, str):
        yield value


def test_no_personal_names_in_the_sheets():
    sheets = FollowUpSheet.objects.filter(campaign__year__in=_years())
    texts = [
        text
        for section in SheetSection.objects.filter(sheet__in=sheets)
        for text in _texts(section.data)
    ]
    texts += list(SheetComment.objects.filter(sheet__in=sheets).values_list("text", flat=True))
    texts += list(sheets.values_list("rectorate_opinion_text", flat=True))
    texts += list(StatusChange.objects.filter(sheet__in=sheets).values_list("reason", flat=True))
    corpus = "\n".join(texts).casefold()

    users = get_user_model().objects.filter(
        username__in=[*DIRECTOR_ACCOUNTS.values(), *DEMO_ACCOUNTS]
    )
    full_names = [user.get_full_name() for user in users]
    full_names += list(CampusDirector.objects.values_list("full_name", flat=True))
    representatives = list(OrganisationRepresentative.objects.values_list("name", flat=True))
    assert representatives and full_names
    for name in full_names + representatives:
        assert name.casefold() not in corpus, name
    # The representatives' family names (written in capitals in the seeds) on their own.
    for name in representatives:
        for word in re.findall(r"[^\W\d_][\w-]{2,}", name):
            if word.isupper():
                assert not re.search(rf"\b{re.escape(word.casefold())}\b", corpus), name


def test_budgets_are_balanced_with_the_region_grant_among_revenues():
    for sheet in FollowUpSheet.objects.filter(campaign__year__in=_years()).select_related(
        "campus", "campaign", "indicators"
    ):
        if not _filled(sheet, 5):
            continue
        key = CAMPUS_NAMES[sheet.campus.name]
        budget = _clean(sheet, 5)
        revenues = sum(row["amount"] for row in budget["revenues"])
        assert revenues == sum(row["amount"] for row in budget["expenses"]), key
        assert sum(row["amount"] for row in budget["in_kind_revenues"]) == sum(
            row["amount"] for row in budget["in_kind_expenses"]
        )
        region = [
            row["amount"]
            for row in budget["revenues"]
            if row["label"] == demo_data.REGION_REVENUE_LABEL
        ]
        assert region == [demo_data.REGION_GRANT[key]], key
        assert sheet.indicators.budget_revenues == sheet.indicators.budget_expenses == revenues
        # The actions of section 3 are the « Actions » expense line.
        actions = sum(row["budget"] for row in _clean(sheet, 3)["actions"])
        assert [
            row["amount"] for row in budget["expenses"] if row["label"].startswith("Actions")
        ] == [actions]


def test_exactly_three_strengths_and_three_improvement_axes():
    validated_year, open_year = _years()
    checked = 0
    for sheet in FollowUpSheet.objects.filter(campaign__year__in=_years()).select_related(
        "campaign"
    ):
        if not _filled(sheet, 9):
            continue
        quality = _clean(sheet, 9)
        assert len([text for text in quality["strengths"] if text]) == 3
        assert len([text for text in quality["improvements"] if text]) == 3
        checked += 1
    assert checked == 9 + 5  # all of the validated campaign, the five complete ones of the open one
    mode_before = _clean(_sheets(validated_year)["mode"], 9)["strengths"]
    assert _clean(_sheets(open_year)["mode"], 9)["strengths"] != mode_before


@pytest.mark.parametrize("year", [2031, 2045])
def test_demo_data_gives_complete_sheets_for_any_year(year):
    for key in demo_data.CAMPUS_KEYS:
        for build in (demo_data.sheet, demo_data.next_year_sheet):
            data = demo._typed(build(key, year))
            for number in range(1, 10):
                result = sections.validate(number, data[number], year=year)
                assert result.complete and not result.errors, (key, build.__name__, number)
        meetings = demo_data.sheet(key, year)[4]["meetings"]
        assert 2 <= len(meetings) <= 4
        assert all(meeting["held_on"].year == year for meeting in meetings)


def test_demo_data_is_pure_data():
    tree = ast.parse(inspect.getsource(demo_data))
    imported = {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in (node.names if isinstance(node, ast.Import) else [ast.alias(node.module)])
    }
    assert imported <= {"datetime", "decimal"}
    assert demo_data.ASSUMPTIONS and demo_data.SOURCES
