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
who have an active portal account (conventions.reminders.Recipients, two queries in all).
"""

import logging
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import NoReverseMatch
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from conventions.reminders import Recipients
from core.formats import euros

from .filters import dossier_figures
from .models import SubsidyDossier, SubsidyReminder, SubsidyReminderStep
from .selectors import with_figures
from .services.payments import LAPSABLE_STATUSES

logger = logging.getLogger(__name__)

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


def _send(due, message, recipients):
    subject = _("[Portail CMQ] Relance : %(step)s – %(campus)s") % {
        "step": SubsidyReminderStep(due.step).label,
        "campus": due.campus.short_name,
    }
    send_mail(subject, _body(due, message), settings.DEFAULT_FROM_EMAIL, recipients)


def send_due_reminders(today=None):
    """Create and e-mail every due reminder not sent yet; returns the reminders sent.

    Each reminder is its own savepoint: the row is written, then the e-mail sent; if sending
    fails, the row is rolled back (logged) so that the next run tries again. Two runs at once
    cannot both send: the second one's insert hits the unique constraint.
    """
    today = today or timezone.localdate()
    sent = []
    with translation.override(settings.LANGUAGE_CODE):
        due = due_reminders(today)
        if not due:
            return sent
        already = set(
            SubsidyReminder.objects.filter(dossier__in=[d.dossier.pk for d in due]).values_list(
                "dossier_id", "step", "due_on"
            )
        )
        recipients = None
        for item in due:
            if (item.dossier.pk, item.step, item.due_on) in already:
                continue
            recipients = recipients or Recipients(today)
            addresses = recipients.of(item.dossier)
            message = item.message()
            try:
                with transaction.atomic():
                    reminder, created = SubsidyReminder.objects.get_or_create(
                        dossier=item.dossier,
                        step=item.step,
                        due_on=item.due_on,
                        defaults={"message": message, "recipients": ", ".join(addresses)},
                    )
                    if created and addresses:
                        _send(item, message, addresses)
            except IntegrityError:
                continue  # another run recorded it meanwhile
            except OSError:  # SMTP and connection errors: the row is rolled back, retried later
                logger.exception("Relance non envoyée : %s", message)
                continue
            if created and addresses:
                sent.append(reminder)
    return sent
