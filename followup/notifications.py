"""The follow-up's e-mails, each sent once and logged on its sheet.

Scheduled e-mails are `SheetReminder` rows, one per sheet, step and date (`due_on`):

- OPENING (due on the campaign's opening date): to the campus's directors, when regional staff
  open the campaign (task `notify_campaign_opening`);
- D-30, D-7, D-1 (due on the deadline): to the directors of a sheet not submitted yet (not
  started, draft, changes requested). The windows do not overlap (30…8, 7…2, 1…0 days left):
  a run that missed a day still sends the step, and a sheet first seen 5 days before the
  deadline gets one reminder, not two. A step whose own date precedes the opening is skipped:
  the opening e-mail already gave the deadline;
- OVERDUE (due on the deadline): to regional staff, the day after the deadline, once per sheet
  still not submitted;
- REVIEW_WAITING (due on the submission's date): to the reviewers (rectorate staff of the
  campus's academies, the région académique, regional staff) of a sheet submitted more than
  15 days ago and still waiting; a new submission is a new date, hence a new reminder.

`due_on` being the deadline, a deadline moved later gets its own reminders. A sheet left
unsubmitted past its deadline gets its overdue notice once, however old the campaign.

Exactly once, even if beat runs twice or a worker dies mid-run: the kernel's protocol
(notifications.delivery.deliver_once), the unique constraint (sheet, step, due_on) being the
guard.

Event notifications (submission to the reviewers, changes requested to the directors) are not
reminders: none of the steps fits them, and the (sheet, step, date) key is day-grained while
a sheet may be submitted, returned and resubmitted the same day, each transition deserving its
e-mail. They are the kernel's `Notification`s, keyed on the `StatusChange` they announce,
queued by the services after commit and composed here (`compose_submitted`…, registered in
apps.py). `email_log()` merges both logs for the sheet's page and the API.

E-mails are in French, with the sheet's address on the portal (settings.SITE_URL).
"""

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db.models import Q
from django.urls import NoReverseMatch
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from campuses.recipients import Recipients
from notifications.delivery import Message, Outgoing, deliver_once, dispatch, log_of

from .models import (
    Campaign,
    FollowUpSheet,
    ReminderStep,
    SheetComment,
    SheetReminder,
    SheetStatus,
)

logger = logging.getLogger(__name__)

NOT_SUBMITTED = (SheetStatus.NOT_STARTED, SheetStatus.DRAFT, SheetStatus.CHANGES_REQUESTED)
# Directors' steps and the number of days left on the step's own date, latest first.
DIRECTOR_STEPS = ((ReminderStep.DAYS_1, 1), (ReminderStep.DAYS_7, 7), (ReminderStep.DAYS_30, 30))
REVIEW_WAITING_DAYS = 15
# Steps addressed to the campus's directors (the rest is for reviewers and regional staff).
DIRECTOR_REMINDER_STEPS = (
    ReminderStep.OPENING,
    ReminderStep.DAYS_30,
    ReminderStep.DAYS_7,
    ReminderStep.DAYS_1,
)
SUBMITTED_NOTICE, CHANGES_NOTICE = "submitted", "changes_requested"


def _day(value):
    return value.strftime("%d/%m/%Y")


def sheet_url(sheet):
    try:
        path = sheet.get_absolute_url()
    except NoReverseMatch:  # the pages are not there: the home page lists the sheet
        path = "/"
    return f"{settings.SITE_URL}{path}"


# ---------------------------------------------------------------------------- the messages


def _subject(step, sheet, due_on):
    values = {
        "year": sheet.campaign.year,
        "campus": sheet.campus.short_name,
        "deadline": _day(sheet.campaign.deadline),
        "due": _day(due_on),
    }
    if step == ReminderStep.OPENING:
        text = _("[Portail CMQ] Campagne de suivi %(year)s ouverte – %(campus)s")
    elif step in (ReminderStep.DAYS_30, ReminderStep.DAYS_7, ReminderStep.DAYS_1):
        text = _(
            "[Portail CMQ] Relance : fiche de suivi %(year)s à soumettre avant le "
            "%(deadline)s – %(campus)s"
        )
    elif step == ReminderStep.OVERDUE:
        text = _("[Portail CMQ] Fiche de suivi %(year)s en retard – %(campus)s")
    else:
        text = _(
            "[Portail CMQ] Fiche de suivi %(year)s en attente de relecture depuis le "
            "%(due)s – %(campus)s"
        )
    return (text % values)[:300]


def _reminder_body(step, sheet, due_on, today):
    campaign = sheet.campaign
    values = {
        "year": campaign.year,
        "next": campaign.year + 1,
        "campus": sheet.campus.name,
        "deadline": _day(campaign.deadline),
        "due": _day(due_on),
        "status": sheet.get_status_display().lower(),
        "days": (campaign.deadline - today).days,
        "waiting": (today - due_on).days,
    }
    if step == ReminderStep.OPENING:
        lines = [
            _(
                "La campagne de suivi annuel de l'année %(year)s est ouverte : la fiche de suivi "
                "du campus %(campus)s (annexe 1 de la convention cadre, neuf rubriques) est à "
                "remplir en ligne et à soumettre avant le %(deadline)s."
            ),
            _(
                "Vos saisies sont enregistrées au fil de l'eau ; la fiche ne contient aucune "
                "donnée personnelle (des effectifs, jamais de noms)."
            ),
        ]
    elif step in (ReminderStep.DAYS_30, ReminderStep.DAYS_7, ReminderStep.DAYS_1):
        lines = [
            ngettext(
                "La fiche de suivi %(year)s du campus %(campus)s n'est pas encore soumise "
                "(état : %(status)s). La date limite est le %(deadline)s, dans %(days)s jour.",
                "La fiche de suivi %(year)s du campus %(campus)s n'est pas encore soumise "
                "(état : %(status)s). La date limite est le %(deadline)s, dans %(days)s jours.",
                values["days"],
            ),
        ]
        if sheet.status == SheetStatus.CHANGES_REQUESTED:
            lines.append(
                _(
                    "Des modifications ont été demandées par les relecteurs : consultez leurs "
                    "commentaires, complétez la fiche puis soumettez-la à nouveau."
                )
            )
    elif step == ReminderStep.OVERDUE:
        lines = [
            _(
                "La date limite de la campagne de suivi %(year)s était le %(deadline)s : la fiche "
                "du campus %(campus)s n'est toujours pas soumise (état : %(status)s)."
            ),
        ]
    else:
        lines = [
            _(
                "La fiche de suivi %(year)s du campus %(campus)s a été soumise le %(due)s et "
                "attend une relecture depuis %(waiting)s jours : commentez-la, demandez des "
                "modifications, donnez votre avis (rectorat) ou validez-la (Région)."
            ),
        ]
    return _body(lines, values, sheet)


def _body(lines, values, sheet, extra=()):
    text = [_("Bonjour,"), ""]
    text += [line % values for line in lines]
    text += list(extra)
    text += [
        "",
        _("Voir la fiche sur le portail : %(url)s") % {"url": sheet_url(sheet)},
        "",
        _(
            "Ce message est envoyé une seule fois à ce sujet par le portail des Campus des "
            "métiers et des qualifications."
        ),
    ]
    return "\n".join(text) + "\n"


# ------------------------------------------------------------------------------- reminders


@dataclass
class Due:
    step: str
    sheet: FollowUpSheet
    due_on: date


def _director_step(campaign, today):
    """The directors' step due on `today` for `campaign`, or None."""
    days_left = (campaign.deadline - today).days
    if days_left < 0 or today < campaign.opens_on:
        return None
    for step, days in DIRECTOR_STEPS:
        if days_left <= days:
            if campaign.deadline - timedelta(days=days) < campaign.opens_on:
                return None  # the opening e-mail gave the deadline
            return step
    return None


def _start_of(day):
    return timezone.make_aware(datetime.combine(day, time.min))


def due_reminders(today):
    """Every reminder due on `today` (sent or not yet), in two queries."""
    waiting_since = _start_of(today - timedelta(days=REVIEW_WAITING_DAYS))
    sheets = (
        FollowUpSheet.objects.filter(campaign__opens_on__lte=today)
        .filter(
            Q(status__in=NOT_SUBMITTED, campaign__deadline__lte=today + timedelta(days=30))
            | Q(status=SheetStatus.SUBMITTED, submitted_at__lt=waiting_since)
        )
        .select_related("campaign", "campus")
        .prefetch_related("campus__academies")
        .order_by("campaign__deadline", "campus__short_name", "pk")
    )
    due = []
    for sheet in sheets:
        campaign = sheet.campaign
        if sheet.status == SheetStatus.SUBMITTED:
            submitted_on = timezone.localtime(sheet.submitted_at).date()
            due.append(Due(ReminderStep.REVIEW_WAITING, sheet, submitted_on))
        elif today > campaign.deadline:
            due.append(Due(ReminderStep.OVERDUE, sheet, campaign.deadline))
        else:
            step = _director_step(campaign, today)
            if step:
                due.append(Due(step, sheet, campaign.deadline))
    return due


def _unsent_openings(today):
    """Opening e-mails whose sending did not complete (a crash, SMTP down): retried by the
    daily run while the sheet is still to be filled and the deadline not passed."""
    rows = SheetReminder.objects.filter(
        step=ReminderStep.OPENING,
        sent_at__isnull=True,
        sheet__status__in=NOT_SUBMITTED,
        sheet__campaign__deadline__gte=today,
    ).select_related("sheet__campaign", "sheet__campus")
    return [Due(row.step, row.sheet, row.due_on) for row in rows]


def _recipients_of(step, sheet, recipients):
    if step in DIRECTOR_REMINDER_STEPS:
        return recipients.directors(sheet.campus_id)
    if step == ReminderStep.OVERDUE:
        return list(recipients.regional)
    return recipients.reviewers(sheet.campus)


def _send_all(items, today, recipients=None):
    if not items:
        return []
    sent_keys = set(
        SheetReminder.objects.filter(
            sheet__in={item.sheet.pk for item in items}, sent_at__isnull=False
        ).values_list("sheet_id", "step", "due_on")
    )
    sent = []
    for item in items:
        if (item.sheet.pk, item.step, item.due_on) in sent_keys:
            continue
        recipients = recipients or Recipients(today)
        addresses = _recipients_of(item.step, item.sheet, recipients)
        if not addresses:
            logger.warning("Aucun destinataire pour %s (%s)", item.sheet, item.step)
            continue
        subject = _subject(item.step, item.sheet, item.due_on)
        body = _reminder_body(item.step, item.sheet, item.due_on, today)
        reminder = deliver_once(
            SheetReminder,
            {"sheet": item.sheet, "step": item.step, "due_on": item.due_on},
            Message(subject, body, addresses),
            defaults={"subject": subject},
            updates={"subject": subject},
        )
        if reminder is not None:
            sent.append(reminder)
    return sent


def send_opening(campaign_id):
    """One e-mail per sheet of the campaign to its campus's directors in office (with a
    portal account); returns the reminders sent (none twice)."""
    campaign = Campaign.objects.filter(pk=campaign_id).first()
    if campaign is None:
        return []
    today = timezone.localdate()
    with translation.override(settings.LANGUAGE_CODE):
        sheets = campaign.sheets.select_related("campaign", "campus").order_by(
            "campus__short_name", "pk"
        )
        items = [Due(ReminderStep.OPENING, sheet, campaign.opens_on) for sheet in sheets]
        return _send_all(items, today)


def send_due_reminders(today=None):
    """The daily run (Celery beat): every reminder due today and not sent yet is sent, once;
    returns the reminders sent."""
    today = today or timezone.localdate()
    with translation.override(settings.LANGUAGE_CODE):
        items = _unsent_openings(today) + due_reminders(today)
        return _send_all(items, today)


# ------------------------------------------------------------------- event notifications


# Kinds of the kernel's Notification (followup.apps registers their composers).
SUBMITTED_KIND, CHANGES_KIND = "followup.submitted", "followup.changes_requested"


def _compose(kind, to_status, compose):
    """A composer for notifications.delivery: the notice of the sheet's latest transition to
    `to_status`, keyed on that transition; None once the sheet moved on (nothing to announce
    any more). `compose(sheet, change, recipients)` returns (subject, body, addresses)."""

    def composer(sheet):
        if sheet.status != to_status:
            return None
        change = sheet.history.filter(to_status=to_status).order_by("-at", "-pk").first()
        if change is None:
            return None
        subject, body, addresses = compose(sheet, change, Recipients(timezone.localdate()))
        return Outgoing(f"{kind}:{change.pk}", Message(subject, body, addresses))

    return composer


def _compose_submitted(sheet, change, recipients):
    values = {
        "year": sheet.campaign.year,
        "campus": sheet.campus.short_name,
        "name": sheet.campus.name,
        "on": _day(timezone.localtime(change.at)),
        "deadline": _day(sheet.campaign.deadline),
    }
    subject = _("[Portail CMQ] Fiche de suivi %(year)s soumise – %(campus)s") % values
    lines = [
        _(
            "La fiche de suivi %(year)s du campus %(name)s a été soumise le %(on)s : elle "
            "attend votre relecture (commentaires par rubrique, demande de modifications, avis "
            "du rectorat, validation par la Région)."
        ),
    ]
    return subject[:300], _body(lines, values, sheet), recipients.reviewers(sheet.campus)


def _compose_changes_requested(sheet, change, recipients):
    values = {
        "year": sheet.campaign.year,
        "campus": sheet.campus.short_name,
        "name": sheet.campus.name,
        "deadline": _day(sheet.campaign.deadline),
    }
    subject = (
        _("[Portail CMQ] Modifications demandées sur la fiche de suivi %(year)s – %(campus)s")
        % values
    )
    lines = [
        _(
            "Les relecteurs ont renvoyé la fiche de suivi %(year)s du campus %(name)s : "
            "complétez-la puis soumettez-la à nouveau (date limite : %(deadline)s)."
        ),
    ]
    extra = ["", _("Motif :"), change.reason.strip(), ""]
    # The comments of this review round the campus may read (never the internal notes).
    comments = SheetComment.objects.filter(sheet=sheet, internal=False).order_by(
        "section", "created_at", "pk"
    )
    if sheet.submitted_at:
        comments = comments.filter(created_at__gte=sheet.submitted_at)
    if comments:
        extra.append(_("Commentaires des relecteurs :"))
        for comment in comments:
            where = (
                _("Rubrique %(number)s") % {"number": comment.section}
                if comment.section
                else _("Ensemble de la fiche")
            )
            extra.append(f"- {where} ({comment.get_side_display()}) : {comment.text}")
    return subject[:300], _body(lines, values, sheet, extra), recipients.directors(sheet.campus_id)


def compose_submitted(sheet):
    return _compose(SUBMITTED_KIND, SheetStatus.SUBMITTED, _compose_submitted)(sheet)


def compose_changes_requested(sheet):
    return _compose(CHANGES_KIND, SheetStatus.CHANGES_REQUESTED, _compose_changes_requested)(sheet)


def _send_event(kind, sheet_id):
    sheet = FollowUpSheet.objects.select_related("campaign", "campus").filter(pk=sheet_id).first()
    notification = dispatch(kind, sheet)
    return [notification] if notification is not None else []


def send_submitted(sheet_id):
    """Tell the reviewers (rectorate staff of the campus's academies and of the région
    académique, regional staff) that the sheet was submitted, once; returns what was sent."""
    return _send_event(SUBMITTED_KIND, sheet_id)


def send_changes_requested(sheet_id):
    """Tell the campus's directors that changes are requested, with the reason and the
    reviewers' comments they may read, once; returns what was sent."""
    return _send_event(CHANGES_KIND, sheet_id)


# ----------------------------------------------------------------------------- the log


@dataclass
class LoggedEmail:
    kind: str  # a ReminderStep value, or "submitted" / "changes_requested"
    label: str
    subject: str
    recipients: str
    due_on: date | None
    sent_at: datetime | None


def email_log(sheet, user):
    """The e-mails about `sheet` that `user` may see, newest first: reviewers see them all,
    directors those addressed to the campus. Reads `sheet.reminders` (prefetch it) and the
    sheet's notifications (one query)."""
    from .permissions import is_reviewer

    reviewer = is_reviewer(user)
    rows = [
        LoggedEmail(
            kind=reminder.step,
            label=str(reminder.get_step_display()),
            subject=reminder.subject,
            recipients=reminder.recipients,
            due_on=reminder.due_on,
            sent_at=reminder.sent_at,
        )
        for reminder in sheet.reminders.all()
        if reviewer or reminder.step in DIRECTOR_REMINDER_STEPS
    ]
    kinds = {CHANGES_KIND: CHANGES_NOTICE}
    if reviewer:
        kinds[SUBMITTED_KIND] = SUBMITTED_NOTICE
    labels = {
        SUBMITTED_NOTICE: _("Soumission (aux relecteurs)"),
        CHANGES_NOTICE: _("Modifications demandées (au campus)"),
    }
    for notification in log_of(sheet, kinds=list(kinds)).filter(sent_at__isnull=False):
        kind = kinds[notification.kind]
        rows.append(
            LoggedEmail(
                kind=kind,
                label=str(labels[kind]),
                subject=notification.subject,
                recipients=notification.recipients,
                due_on=None,
                sent_at=notification.sent_at,
            )
        )
    epoch = timezone.make_aware(datetime(2000, 1, 1))
    return sorted(rows, key=lambda row: row.sent_at or epoch, reverse=True)
