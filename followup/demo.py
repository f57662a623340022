"""Demo follow-up campaigns (followup/demo_data.py), placed relative to the day the demo is
loaded (shared/CONTRACT.md) and loaded through the services, the way directors, rectorate and
Region staff would do it:

* the campaign of the year before last (N = today.year - 2; opened 15 January N+1, deadline
  31 March N+1): the nine sheets filled by their directors, submitted, commented on, given an
  opinion by the rectorate of the campus's academy (demo_data.OPINION_BY) and validated by the
  Region: all nine are validated;
* last year's campaign (N = today.year - 1), open since 30 days, deadline in 60 days, its sheets
  pre-filled from the validated ones (stakeholders, formations, international partners), in
  every state (demo_data.LAST_YEAR):

  - not started: Intelligence artificielle, Énergie durable (the two campuses in préfiguration);
  - draft: Santé, autonomie, bien-vieillir (sections 1 to 3; in section 2 a count typed
    « environ 40 » is kept as typed and reported as an error) and Transition numérique et
    écologique de la construction (sections 1, 3 and 4);
  - submitted: Industrie circulaire de la mobilité, and Sécurité (with a rectorate comment and
    an internal note of the Region);
  - changes requested: Industrie du futur (the reason, and a Region comment the campus sees);
  - validated: Mode, métiers d'art et design, and Campus Versailles (rectorate opinion given).

Idempotent: a campaign already present for a year is left as it is.

No e-mail is sent at load: the services are called with notify=False, since nobody is to be
told about submissions and reviews replayed from the past.

The services stamp every step with the current time; the steps of the demo sheets are then
dated back to plausible days (first save, submission, comments, validation) so that the
history reads as it would have happened: the year before last's sheets submitted before its
deadline and validated in April, last year's within the last 30 days. Audit entries keep the
real time of the load.
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from campuses.demo import DIRECTOR_ACCOUNTS
from campuses.demo_data import CAMPUSES
from campuses.models import Campus

from . import demo_data, services
from .models import (
    Campaign,
    FollowUpSheet,
    SheetComment,
    SheetSection,
    SheetStatus,
    StatusChange,
)

OPENED_DAYS_AGO = 30
DEADLINE_IN_DAYS = 60


def demo_years(today=None):
    """(year before last, last year): the validated campaign and the open one."""
    today = today or timezone.localdate()
    return today.year - 2, today.year - 1


def _typed(value):
    """A value as a form sends it (sections keep what was typed: strings)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, int | Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [item if isinstance(item, str) else _typed(item) for item in value]
    return value


def _campuses_by_key():
    names = {data["key"]: data["name"] for data in CAMPUSES}
    by_name = {c.name: c for c in Campus.objects.filter(name__in=names.values())}
    return {key: by_name[name] for key, name in names.items() if name in by_name}


def _users():
    usernames = {"region", *DIRECTOR_ACCOUNTS.values(), *demo_data.OPINION_BY.values()}
    return {u.username: u for u in get_user_model().objects.filter(username__in=usernames)}


def _at(day, hour=10):
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _date_back(sheet, days):
    """Date the steps of `sheet` back: `days` maps a status to the day it was reached
    (and "comments" to the day of the reviewers' comments)."""
    for status in (SheetStatus.DRAFT, SheetStatus.SUBMITTED, SheetStatus.CHANGES_REQUESTED):
        if status in days:
            StatusChange.objects.filter(sheet=sheet, to_status=status).update(
                at=_at(days[status], 9 if status == SheetStatus.DRAFT else 11)
            )
    fields = {}
    if SheetStatus.SUBMITTED in days:
        fields["submitted_at"] = _at(days[SheetStatus.SUBMITTED], 11)
        SheetSection.objects.filter(sheet=sheet).update(
            updated_at=_at(days[SheetStatus.SUBMITTED], 10)
        )
    elif SheetStatus.DRAFT in days:
        SheetSection.objects.filter(sheet=sheet, updated_by__isnull=False).update(
            updated_at=_at(days[SheetStatus.DRAFT], 9)
        )
    if SheetStatus.VALIDATED in days:
        fields["validated_at"] = _at(days[SheetStatus.VALIDATED], 15)
        StatusChange.objects.filter(sheet=sheet, to_status=SheetStatus.VALIDATED).update(
            at=fields["validated_at"]
        )
    if "comments" in days:
        SheetComment.objects.filter(sheet=sheet).update(created_at=_at(days["comments"], 14))
    last = max((day for day in days.values()), default=None)
    if last is not None:
        fields["updated_at"] = _at(last, 16)
    FollowUpSheet.objects.filter(pk=sheet.pk).update(**fields)


def _fill(director, sheet, sections):
    for number, data in sections.items():
        services.save_section(director, sheet, number, data)


def _comment(users, sheet, comments):
    for username, section, text, internal in comments:
        services.add_comment(users[username], sheet, section=section, text=text, internal=internal)


# ---------------------------------------------------------------- the year before last


def _validated_campaign(year, users, campuses):
    region = users["region"]
    campaign = services.open_campaign(
        region,
        year=year,
        opens_on=date(year + 1, 1, 15),
        deadline=date(year + 1, 3, 31),
        notify=False,
    )
    sheets = {sheet.campus_id: sheet for sheet in campaign.sheets.all()}
    for position, key in enumerate(demo_data.CAMPUS_KEYS):
        campus = campuses.get(key)
        if campus is None or campus.pk not in sheets:
            continue
        sheet = sheets[campus.pk]
        review = demo_data.REVIEWS[key]
        _fill(users[DIRECTOR_ACCOUNTS[key]], sheet, _typed(demo_data.sheet(key, year)))
        services.submit(users[DIRECTOR_ACCOUNTS[key]], sheet, notify=False)
        _comment(users, sheet, review["comments"])
        opinion, text = review["opinion"]
        services.give_opinion(users[demo_data.OPINION_BY[key]], sheet, opinion=opinion, text=text)
        services.validate_sheet(region, sheet, review["validation"])
        submitted = date(year + 1, 3, 13 + position)  # before the deadline of 31 March
        _date_back(
            sheet,
            {
                SheetStatus.DRAFT: date(year + 1, 2, 2 + position),
                SheetStatus.SUBMITTED: submitted,
                "comments": submitted + timedelta(days=5),
                SheetStatus.VALIDATED: date(year + 1, 4, 8 + position),
            },
        )
    return campaign


# ---------------------------------------------------------------- last year


def _with_prefilled(sheet, sections):
    """The director keeps the rows pre-filled from last year (still marked) and adds the year's
    new ones after them. A kept stakeholder is no longer « new this year »: the pre-fill copies
    that box as it was ticked last year, and the director unticks it."""
    stored = {s.number: s.data for s in sheet.sections.all()}
    for number, tables in demo_data.PREFILLED.items():
        if number not in sections:
            continue
        for table in tables:
            kept = [
                {**row, "new": "false"} if "new" in row else row
                for row in (stored.get(number) or {}).get(table) or []
            ]
            sections[number][table] = kept + sections[number][table]
    return sections


def _with_typo(sections, typo):
    for row in sections[typo["section"]][typo["table"]]:
        if row.get("type") == typo["type"]:
            row["count"] = typo["count"]
    return sections


def _open_campaign(year, users, campuses, today):
    region = users["region"]
    campaign = services.open_campaign(
        region,
        year=year,
        opens_on=today - timedelta(days=OPENED_DAYS_AGO),
        deadline=today + timedelta(days=DEADLINE_IN_DAYS),
        notify=False,
    )
    sheets = {sheet.campus_id: sheet for sheet in campaign.sheets.prefetch_related("sections")}
    for key, plan in demo_data.LAST_YEAR.items():
        campus = campuses.get(key)
        if campus is None or campus.pk not in sheets or plan["status"] == SheetStatus.NOT_STARTED:
            continue
        sheet = sheets[campus.pk]
        director = users[DIRECTOR_ACCOUNTS[key]]
        sections = _typed(demo_data.next_year_sheet(key, year))
        if "sections" in plan:
            sections = {number: sections[number] for number in plan["sections"]}
        sections = _with_prefilled(sheet, sections)
        if "typo" in plan:
            sections = _with_typo(sections, plan["typo"])
        _fill(director, sheet, sections)
        days = {SheetStatus.DRAFT: today - timedelta(days=plan["started_days_ago"])}
        if plan["status"] != SheetStatus.DRAFT:
            services.submit(director, sheet, notify=False)
            days[SheetStatus.SUBMITTED] = today - timedelta(days=plan["submitted_days_ago"])
            days["comments"] = days[SheetStatus.SUBMITTED] + timedelta(days=2)
        _comment(users, sheet, plan.get("comments", []))
        if plan["status"] == SheetStatus.CHANGES_REQUESTED:
            services.request_changes(region, sheet, plan["reason"], notify=False)
            days[SheetStatus.CHANGES_REQUESTED] = today - timedelta(
                days=plan["changes_requested_days_ago"]
            )
        if plan["status"] == SheetStatus.VALIDATED:
            opinion, text = plan["opinion"]
            services.give_opinion(
                users[demo_data.OPINION_BY[key]], sheet, opinion=opinion, text=text
            )
            services.validate_sheet(region, sheet, plan["validation"])
            days[SheetStatus.VALIDATED] = today - timedelta(days=plan["validated_days_ago"])
        _date_back(sheet, days)
    return campaign


@transaction.atomic
def load_demo():
    """Load the two demo campaigns; returns the sheets of both."""
    today = timezone.localdate()
    validated_year, open_year = demo_years(today)
    users, campuses = _users(), _campuses_by_key()
    if not Campaign.objects.filter(year=validated_year).exists():
        _validated_campaign(validated_year, users, campuses)
    if not Campaign.objects.filter(year=open_year).exists():
        _open_campaign(open_year, users, campuses, today)
    return list(
        FollowUpSheet.objects.filter(campaign__year__in=(validated_year, open_year)).order_by(
            "campaign__year", "campus__short_name"
        )
    )
