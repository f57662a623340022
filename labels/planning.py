"""The milestones of every campus's label, read from its label periods: the renewal
retro-planning (computed backwards from the label's end: renewal file to the rector, CAEN
and CREFOP opinions, the national session's deadline; offsets in settings), and the
obligations of a running label (progress report, mid-term and external evaluations). One
reminder before each milestone, to regional staff, the campus's rectorate and its director,
exactly once (notifications.delivery)."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from campuses.models import Campus, LabelPeriod
from campuses.recipients import Recipients
from core.calendar import add_months
from notifications.delivery import Message, deliver_once

from .models import (
    ApplicationKind,
    ApplicationStatus,
    LabelApplication,
    LabelObligation,
    LabelReminder,
    Milestone,
    ObligationKind,
    ObligationStatus,
)

RENEWAL_MILESTONES = (
    Milestone.RENEWAL_FILE,
    Milestone.CAEN_OPINION,
    Milestone.CREFOP_OPINION,
    Milestone.SESSION_DEADLINE,
)
OBLIGATION_MILESTONES = {
    ObligationKind.PROGRESS_REPORT: Milestone.PROGRESS_REPORT,
    ObligationKind.MID_TERM: Milestone.MID_TERM,
    ObligationKind.EXTERNAL: Milestone.EXTERNAL,
}
CLOSED = (ApplicationStatus.INADMISSIBLE, ApplicationStatus.WITHDRAWN)


@dataclass
class Entry:
    campus: Campus
    period: LabelPeriod
    milestone: str
    due_on: date
    done: bool
    url: str

    @property
    def label(self):
        return Milestone(self.milestone).label

    @property
    def is_renewal(self):
        return self.milestone in RENEWAL_MILESTONES

    def overdue(self, today):
        return not self.done and self.due_on < today


def renewal_dates(end):
    """{milestone: date} of the retro-planning of a label ending on `end`."""
    months = settings.LABEL_RENEWAL_MONTHS_BEFORE_END
    return {milestone: add_months(end, -int(months[milestone])) for milestone in RENEWAL_MILESTONES}


def _renewal_done(application):
    """Which renewal milestones the campus's renewal application has reached."""
    if application is None:
        return set()
    bodies = {opinion.body for opinion in application.opinions.all()}
    done = set()
    if application.dossier:
        done.add(Milestone.RENEWAL_FILE)
    if "caen" in bodies:
        done.add(Milestone.CAEN_OPINION)
    if "crefop" in bodies:
        done.add(Milestone.CREFOP_OPINION)
    if application.status != ApplicationStatus.DRAFT:
        done.update(RENEWAL_MILESTONES)
    return done


def entries(today=None, campus=None):
    """Every milestone of the labels still running (or ended less than a year ago, for their
    renewal), oldest first, in a fixed number of queries."""
    today = today or timezone.localdate()
    periods = (
        LabelPeriod.objects.filter(end__gte=today - timedelta(days=365))
        .select_related("campus")
        .prefetch_related("campus__academies")
    )
    if campus is not None:
        periods = periods.filter(campus=campus)
    # The label each campus must renew: its last period, unless the campus was merged or
    # renewed into another one.
    last = {}
    for period in periods.order_by("campus_id", "end"):
        last[period.campus_id] = period
    successors = set(
        Campus.predecessors.through.objects.filter(to_campus_id__in=last).values_list(
            "to_campus_id", flat=True
        )
    )
    renewals = {}
    for application in (
        LabelApplication.objects.filter(
            campus_id__in=last,
            kind__in=(ApplicationKind.RENEW, ApplicationKind.CHANGE_CATEGORY),
        )
        .exclude(status__in=CLOSED)
        .prefetch_related("opinions")
        .order_by("created_at")
    ):
        # The application that granted a label (this one or an earlier one), or one refused
        # before this label began, is no renewal of this label.
        decided_before = application.decision_date and (
            application.decision_date < last[application.campus_id].start
        )
        if application.label_period_id or decided_before:
            continue
        renewals[application.campus_id] = application
    rows = []
    for campus_id, period in last.items():
        if campus_id in successors:
            continue
        done = _renewal_done(renewals.get(campus_id))
        url = reverse("campuses:detail", args=[campus_id])
        for milestone, due_on in renewal_dates(period.end).items():
            rows.append(Entry(period.campus, period, milestone, due_on, milestone in done, url))
    obligations = LabelObligation.objects.filter(
        label_period__in=[p.pk for p in periods]
    ).select_related("label_period__campus")
    for obligation in obligations:
        rows.append(
            Entry(
                obligation.label_period.campus,
                obligation.label_period,
                OBLIGATION_MILESTONES[obligation.kind],
                obligation.due_on,
                obligation.status != ObligationStatus.DUE,
                obligation.get_absolute_url(),
            )
        )
    rows.sort(key=lambda entry: (entry.due_on, entry.campus.short_name, entry.milestone))
    return rows


def _message(entry, recipients):
    subject = _("[Portail CMQ] Label : %(milestone)s le %(day)s – %(campus)s") % {
        "milestone": entry.label,
        "day": entry.due_on.strftime("%d/%m/%Y"),
        "campus": entry.campus.short_name,
    }
    body = render_to_string(
        "labels/email/milestone.txt",
        {"entry": entry, "campus": entry.campus, "url": f"{settings.SITE_URL}{entry.url}"},
    )
    to = [
        *recipients.regional,
        *recipients.rectorate(entry.campus),
        *recipients.directors(entry.campus),
    ]
    return Message(subject, body, tuple(to))


def send_milestone_reminders(today=None):
    """The reminder of every milestone falling within LABEL_REMINDER_DAYS_BEFORE days and not
    reached yet, each once per campus, milestone and date (a milestone moved by a new label
    date is a new one). Returns how many were sent."""
    today = today or timezone.localdate()
    window = timedelta(days=settings.LABEL_REMINDER_DAYS_BEFORE)
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        due = [e for e in entries(today) if not e.done and today <= e.due_on <= today + window]
        already_sent = set(
            LabelReminder.objects.filter(
                campus_id__in={e.campus.pk for e in due}, sent_at__isnull=False
            ).values_list("campus_id", "milestone", "due_on")
        )
        recipients = Recipients(today)
        for entry in due:
            if (entry.campus.pk, entry.milestone, entry.due_on) in already_sent:
                continue
            message = _message(entry, recipients)
            row = deliver_once(
                LabelReminder,
                {"campus": entry.campus, "milestone": entry.milestone, "due_on": entry.due_on},
                message,
                defaults={"subject": message.subject},
            )
            if row is not None:
                sent += 1
    return sent
