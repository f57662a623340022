"""Reminders about conventions' deadlines and pending signatures, each sent once.

The daily beat task (conventions.tasks.send_reminders) calls `send_due_reminders()`. For every
signed convention, from its clauses in force and its campus's label periods:

- the end date is 6 months away or less (but more than 3): ENDS_IN_6_MONTHS, due on the end;
- the end date is 3 months away or less: ENDS_IN_3_MONTHS, due on the end;
- the last day to give notice is 30 days away or less (and not after the end):
  NOTICE_DEADLINE, due on that day;

and for every convention or amendment sent for signature more than 30 days ago and still not
signed: SIGNATURES_PENDING, due on the sending date.

The two end-date windows do not overlap, so a convention first seen 2 months before its end
gets one reminder, not two the same day. A reminder is identified by (object, step, due date):
the unique constraints of Reminder make a second run, the same day or later, a no-op; when the
end date moves (the label is extended, a tacit renewal starts a new term), the new date gets
its own reminders.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import NoReverseMatch
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from campuses.recipients import Recipients
from core.calendar import add_months
from notifications.delivery import Message, deliver_once

from .consolidation import prefetched
from .models import Amendment, FrameworkConvention, Reminder, ReminderStep, SignatureStatus
from .selectors import convention_dates

PENDING_SIGNATURES_DAYS = 30
NOTICE_WINDOW_DAYS = 30


@dataclass
class DueReminder:
    step: str
    convention: FrameworkConvention
    due_on: date
    amendment: Amendment | None = None

    @property
    def campus(self):
        return self.convention.campus

    def message(self):
        """One line, in French, for the home pages and the e-mail subject."""
        values = {
            "campus": self.campus.short_name,
            "due": self.due_on.strftime("%d/%m/%Y"),
            "number": self.amendment.number if self.amendment else "",
        }
        if self.step == ReminderStep.ENDS_IN_6_MONTHS:
            text = _("%(campus)s : la convention cadre prend fin le %(due)s (moins de 6 mois).")
        elif self.step == ReminderStep.ENDS_IN_3_MONTHS:
            text = _("%(campus)s : la convention cadre prend fin le %(due)s (moins de 3 mois).")
        elif self.step == ReminderStep.NOTICE_DEADLINE:
            text = _("%(campus)s : dernier jour pour dénoncer la convention cadre le %(due)s.")
        elif self.amendment is not None:
            text = _(
                "%(campus)s : l'avenant n°%(number)s attend des signatures depuis son envoi "
                "le %(due)s."
            )
        else:
            text = _(
                "%(campus)s : la convention cadre attend des signatures depuis son envoi "
                "le %(due)s."
            )
        return (text % values)[:300]


def _signed_conventions():
    return prefetched(
        FrameworkConvention.objects.filter(status=SignatureStatus.SIGNED)
    ).prefetch_related("campus__label_periods")


def due_reminders(today):
    """Every reminder due on `today` (sent or not yet), in a fixed number of queries."""
    due = []
    in_3_months, in_6_months = add_months(today, 3), add_months(today, 6)
    notice_limit = today + timedelta(days=NOTICE_WINDOW_DAYS)
    for convention in _signed_conventions():
        dates = convention_dates(convention, today)
        end, deadline = dates.end, dates.notice_deadline
        if end is not None and today <= end <= in_3_months:
            due.append(DueReminder(ReminderStep.ENDS_IN_3_MONTHS, convention, end))
        elif end is not None and in_3_months < end <= in_6_months:
            due.append(DueReminder(ReminderStep.ENDS_IN_6_MONTHS, convention, end))
        # A notice counted from the school year comes back every year (conventions.dates):
        # once past the convention's end, there is nothing left to give notice of.
        if end is not None and deadline is not None and deadline > end:
            deadline = None
        if deadline is not None and today <= deadline <= notice_limit:
            due.append(DueReminder(ReminderStep.NOTICE_DEADLINE, convention, deadline))

    sent_before = today - timedelta(days=PENDING_SIGNATURES_DAYS)
    pending = FrameworkConvention.objects.filter(
        status=SignatureStatus.SENT, sent_on__lt=sent_before
    ).select_related("campus")
    for convention in pending:
        due.append(DueReminder(ReminderStep.SIGNATURES_PENDING, convention, convention.sent_on))
    pending_amendments = Amendment.objects.filter(
        status=SignatureStatus.SENT, sent_on__lt=sent_before
    ).select_related("convention__campus")
    for amendment in pending_amendments:
        due.append(
            DueReminder(
                ReminderStep.SIGNATURES_PENDING,
                amendment.convention,
                amendment.sent_on,
                amendment=amendment,
            )
        )
    return due


def _page_url(due):
    target = due.amendment or due.convention
    try:
        path = target.get_absolute_url()
    except NoReverseMatch:  # the conventions pages are not there: the home page lists it
        path = "/"
    return f"{settings.SITE_URL}{path}"


def _message(due, text, recipients):
    step_label = ReminderStep(due.step).label
    subject = _("[Portail CMQ] Relance : %(step)s – %(campus)s") % {
        "step": step_label,
        "campus": due.campus.short_name,
    }
    body = render_to_string(
        "conventions/email/reminder.txt",
        {
            "due": due,
            "step_label": step_label,
            "message": text,
            "convention": due.convention,
            "amendment": due.amendment,
            "campus": due.campus,
            "url": _page_url(due),
        },
    )
    return Message(subject, body, recipients.campus_and_region(due.campus))


def send_due_reminders(today=None):
    """Record and e-mail every due reminder not sent yet, each once (notifications.delivery:
    the row first, under the unique constraints, then the sending); returns how many were
    sent. A reminder whose sending failed stays recorded unsent: the next run sends it."""
    today = today or timezone.localdate()
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        due = due_reminders(today)
        already_sent = {
            (row.convention_id, row.amendment_id, row.step, row.due_on)
            for row in Reminder.objects.filter(
                convention_id__in={d.convention.pk for d in due}, sent_at__isnull=False
            ).only("convention_id", "amendment_id", "step", "due_on")
        }
        recipients = Recipients(today)
        for item in due:
            key = (
                item.convention.pk,
                item.amendment.pk if item.amendment else None,
                item.step,
                item.due_on,
            )
            if key in already_sent:
                continue
            text = item.message()
            row = deliver_once(
                Reminder,
                {
                    "convention": item.convention,
                    "amendment": item.amendment,
                    "step": item.step,
                    "due_on": item.due_on,
                },
                _message(item, text, recipients),
                defaults={"message": text},
            )
            if row is not None:
                sent += 1
    return sent
