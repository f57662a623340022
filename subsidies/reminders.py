"""Reminders before a grant lapses, each sent once.

The daily beat task (subsidies.tasks.daily_deadlines) calls `send_due_reminders()` before
lapsing the grants whose date has passed. A voted grant not yet paid in full (voted, agreement
signed, partly paid) with a lapse date (`lapse_on`):

- 90 days away or less (but more than 30): LAPSE_IN_90_DAYS, due on the lapse date;
- 30 days away or less (down to the lapse date itself): LAPSE_IN_30_DAYS, due on the lapse date.

The two windows do not overlap: a grant first seen 20 days before its lapse date gets one
reminder, not two the same day. A reminder is identified by (dossier, step, due date): the
unique constraint of SubsidyReminder makes a second run, the same day or later, a no-op; when
the lapse date moves, the new date gets its own reminders.

Who is told: every active regional staff member and the campus's directors in office on the day
who have an active portal account (campuses.recipients.Recipients, two queries in all).
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.urls import NoReverseMatch
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from campuses.recipients import Recipients
from core.formats import euros
from notifications.delivery import Message, deliver_once

from .filters import dossier_figures
from .models import SubsidyDossier, SubsidyReminder, SubsidyReminderStep
from .selectors import with_figures
from .services.payments import LAPSABLE_STATUSES

FIRST_WINDOW_DAYS = 90
LAST_WINDOW_DAYS = 30


@dataclass
class DueReminder:
    step: str
    dossier: SubsidyDossier
    due_on: date
    remainder: Decimal

    @property
    def campus(self):
        return self.dossier.campus

    def message(self):
        """One line, in French, for the e-mail subject and the reminder's record."""
        text = _(
            "%(campus)s : la subvention du dossier %(number)s devient caduque le %(due)s ; "
            "reste à verser %(remainder)s."
        ) % {
            "campus": self.campus.short_name,
            "number": self.dossier.number,
            "due": self.due_on.strftime("%d/%m/%Y"),
            "remainder": euros(self.remainder),
        }
        return text[:300]


def due_reminders(today):
    """Every reminder due on `today` (sent or not yet), in one query."""
    first_limit = today + timedelta(days=FIRST_WINDOW_DAYS)
    last_limit = today + timedelta(days=LAST_WINDOW_DAYS)
    dossiers = with_figures(
        SubsidyDossier.objects.filter(
            status__in=LAPSABLE_STATUSES, lapse_on__gte=today, lapse_on__lte=first_limit
        ).select_related("campus")
    ).order_by("lapse_on", "number")
    due = []
    for dossier in dossiers:
        remainder = dossier_figures(dossier).remainder
        if not remainder:
            continue  # nothing left to pay: nothing can lapse
        step = (
            SubsidyReminderStep.LAPSE_IN_30_DAYS
            if dossier.lapse_on <= last_limit
            else SubsidyReminderStep.LAPSE_IN_90_DAYS
        )
        due.append(DueReminder(step, dossier, dossier.lapse_on, remainder))
    return due


def _page_url(dossier):
    try:
        path = dossier.get_absolute_url()
    except NoReverseMatch:
        path = "/"
    return f"{settings.SITE_URL}{path}"


def _body(due, message):
    dossier = due.dossier
    lines = [
        _("Bonjour,"),
        "",
        message,
        "",
        _("Campus : %(campus)s") % {"campus": due.campus.name},
        _("Dossier : %(number)s – %(title)s") % {"number": dossier.number, "title": dossier.title},
        _("Montant voté : %(amount)s") % {"amount": euros(dossier.voted_amount)},
        _("Reste à verser : %(remainder)s") % {"remainder": euros(due.remainder)},
        _("Date de caducité : %(day)s (%(step)s)")
        % {"day": due.due_on.strftime("%d/%m/%Y"), "step": SubsidyReminderStep(due.step).label},
        "",
        _(
            "Sans demande de versement complétant la subvention avant cette date, le reliquat "
            "non versé devient caduc et les crédits sont libérés. Transmettez à la Région les "
            "justificatifs nécessaires au versement du solde."
        ),
        "",
        _("Voir sur le portail : %(url)s") % {"url": _page_url(dossier)},
        "",
        _(
            "Ce message est envoyé une seule fois pour cette échéance par le portail des "
            "Campus des métiers et des qualifications."
        ),
    ]
    return "\n".join(lines) + "\n"


def _message(due, text, recipients):
    subject = _("[Portail CMQ] Relance : %(step)s – %(campus)s") % {
        "step": SubsidyReminderStep(due.step).label,
        "campus": due.campus.short_name,
    }
    return Message(subject, _body(due, text), recipients.campus_and_region(due.campus))


def send_due_reminders(today=None):
    """Record and e-mail every due reminder not sent yet, each once (notifications.delivery:
    the row first, under the unique constraint, then the sending); returns the reminders
    sent. A reminder whose sending failed stays recorded unsent: the next run sends it."""
    today = today or timezone.localdate()
    sent = []
    with translation.override(settings.LANGUAGE_CODE):
        due = due_reminders(today)
        if not due:
            return sent
        already_sent = set(
            SubsidyReminder.objects.filter(
                dossier__in=[d.dossier.pk for d in due], sent_at__isnull=False
            ).values_list("dossier_id", "step", "due_on")
        )
        recipients = Recipients(today)
        for item in due:
            if (item.dossier.pk, item.step, item.due_on) in already_sent:
                continue
            text = item.message()
            reminder = deliver_once(
                SubsidyReminder,
                {"dossier": item.dossier, "step": item.step, "due_on": item.due_on},
                _message(item, text, recipients),
                defaults={"message": text},
            )
            if reminder is not None:
                sent.append(reminder)
    return sent
