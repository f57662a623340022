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

Exactly once, even if beat runs twice or a worker dies mid-run: the row is written first, in
its own transaction, and the unique constraint (sheet, step, due_on) is the guard; then, in a
second transaction that locks the row (SELECT … FOR UPDATE SKIP LOCKED on PostgreSQL), the
e-mail is sent and `sent_at` set. A run that finds the row locked skips it (another worker is
sending it); a run that finds it unlocked without `sent_at` (the worker died, or SMTP failed,
before the commit) sends it: the crash is retried, never duplicated. The one window left is
a crash after the SMTP server accepted the message and before the commit: that e-mail goes out
twice (e-mail is not transactional; at-least-once is the right side to err on for a deadline).

Event notifications (submission to the reviewers, changes requested to the directors) are not
reminders: none of the steps fits them, and the (sheet, step, date) key is day-grained while
a sheet may be submitted, returned and resubmitted the same day, each transition deserving its
e-mail. They are keyed on the `StatusChange` they announce and logged in the sheet's audit
trail (an `AuditEntry` on the sheet: subject, recipients, the transition's key), written in
the same transaction as the sending, under a lock on the sheet. `email_log()` merges both
logs for the sheet's page and the API.

E-mails are in French, with the sheet's address on the portal (settings.SITE_URL).
"""

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import NoReverseMatch
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import Role, User
from audit.models import AuditAction, AuditEntry
from audit.services import record
from campuses.models import CampusDirector

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


# ------------------------------------------------------------------------------ recipients


class Recipients:
    """Who is told, read once per run (three queries): regional staff; the directors in
    office on the day with an active portal account, per campus; rectorate staff with their
    academies (the région académique's staff review every campus)."""

    def __init__(self, today):
        self.regional = sorted(
            set(
                User.objects.filter(is_active=True, role=Role.REGIONAL)
                .exclude(email="")
                .values_list("email", flat=True)
            )
        )
        in_office = (Q(start__isnull=True) | Q(start__lte=today)) & (
            Q(end__isnull=True) | Q(end__gte=today)
        )
        self._directors = {}
        rows = (
            CampusDirector.objects.filter(
                in_office, user__isnull=False, user__is_active=True, user__role=Role.DIRECTOR
            )
            .exclude(user__email="")
            .values_list("campus_id", "user__email")
        )
        for campus_id, email in rows:
            self._directors.setdefault(campus_id, set()).add(email)
        self._rectorate = []  # (email, région académique?, {academy ids})
        rectorate = (
            User.objects.filter(is_active=True, role=Role.RECTORATE)
            .exclude(email="")
            .prefetch_related("academies")
        )
        for user in rectorate:
            academies = {academy.pk for academy in user.academies.all()}
            self._rectorate.append((user.email, user.region_academique, academies))

    def directors(self, sheet):
        return sorted(self._directors.get(sheet.campus_id, ()))

    def reviewers(self, sheet):
        """Rectorate staff of the campus's academies and of the région académique, then
        regional staff."""
        academies = {academy.pk for academy in sheet.campus.academies.all()}
        rectorate = sorted(
            email
            for email, region_academique, theirs in self._rectorate
            if region_academique or theirs & academies
        )
        return list(dict.fromkeys([*rectorate, *self.regional]))


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
            _(
                "La fiche de suivi %(year)s du campus %(campus)s n'est pas encore soumise "
                "(état : %(status)s). La date limite est le %(deadline)s, dans %(days)s jour(s)."
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
        return recipients.directors(sheet)
    if step == ReminderStep.OVERDUE:
        return list(recipients.regional)
    return recipients.reviewers(sheet)


def _deliver(item, subject, body, addresses):
    """Send one reminder at most once; returns its row if sent by this call, else None."""
    # 1. The row, committed on its own: the unique constraint refuses a second one.
    try:
        with transaction.atomic():
            reminder, _created = SheetReminder.objects.get_or_create(
                sheet=item.sheet,
                step=item.step,
                due_on=item.due_on,
                defaults={"subject": subject, "recipients": ", ".join(addresses)},
            )
    except IntegrityError:  # inserted by a concurrent run between get and create
        reminder = SheetReminder.objects.get(sheet=item.sheet, step=item.step, due_on=item.due_on)
    if reminder.sent_at is not None:
        return None
    # 2. Claim it, send, record the sending: one transaction holding the row's lock. A crash
    # before the commit leaves the row without `sent_at`: the next run sends it.
    try:
        with transaction.atomic():
            claimed = (
                SheetReminder.objects.select_for_update(skip_locked=True)
                .filter(pk=reminder.pk, sent_at__isnull=True)
                .first()
            )
            if claimed is None:
                return None  # sent meanwhile, or being sent by another worker
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, addresses)
            claimed.subject = subject
            claimed.recipients = ", ".join(addresses)
            claimed.sent_at = timezone.now()
            claimed.save(update_fields=["subject", "recipients", "sent_at"])
    except OSError:  # SMTP and connection errors: left unsent, retried by the next run
        logger.exception("Courriel de suivi non envoyé : %s", subject)
        return None
    return claimed


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
        reminder = _deliver(item, subject, body, addresses)
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


def _sheet_type():
    return ContentType.objects.get_for_model(FollowUpSheet)


def _notify_once(sheet_id, kind, to_status, compose):
    """Send the notification of the sheet's latest transition to `to_status`, once.

    `compose(sheet, change, recipients)` returns (subject, body, addresses). The audit entry
    and the sending share one transaction under a lock on the sheet: a second delivery of the
    task waits, then finds the entry and sends nothing; a failed sending leaves no entry."""
    with transaction.atomic():
        sheet = (
            FollowUpSheet.objects.select_for_update(of=("self",))
            .select_related("campaign", "campus")
            .filter(pk=sheet_id)
            .first()
        )
        if sheet is None or sheet.status != to_status:
            return []  # gone, or moved on since: nothing to announce any more
        change = sheet.history.filter(to_status=to_status).order_by("-at", "-pk").first()
        if change is None:
            return []
        key = f"{kind}-{change.pk}"
        logged = AuditEntry.objects.filter(
            content_type=_sheet_type(), object_id=str(sheet.pk), changes__notification=key
        )
        if logged.exists():
            return []
        today = timezone.localdate()
        subject, body, addresses = compose(sheet, change, Recipients(today))
        if not addresses:
            logger.warning("Aucun destinataire pour %s (%s)", sheet, kind)
            return []
        try:
            with transaction.atomic():
                entry = record(
                    None,
                    AuditAction.CREATE,
                    sheet,
                    campus=sheet.campus,
                    changes={
                        "notification": key,
                        "courriel": subject,
                        "destinataires": ", ".join(addresses),
                    },
                )
                send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, addresses)
        except OSError:  # the entry is rolled back: a new delivery of the task retries
            logger.exception("Courriel de suivi non envoyé : %s", subject)
            return []
    return [entry]


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
    return subject[:300], _body(lines, values, sheet), recipients.reviewers(sheet)


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
    return subject[:300], _body(lines, values, sheet, extra), recipients.directors(sheet)


def send_submitted(sheet_id):
    """Tell the reviewers (rectorate staff of the campus's academies and of the région
    académique, regional staff) that the sheet was submitted; returns the log entries."""
    with translation.override(settings.LANGUAGE_CODE):
        return _notify_once(sheet_id, SUBMITTED_NOTICE, SheetStatus.SUBMITTED, _compose_submitted)


def send_changes_requested(sheet_id):
    """Tell the campus's directors that changes are requested, with the reason and the
    reviewers' comments they may read; returns the log entries."""
    with translation.override(settings.LANGUAGE_CODE):
        return _notify_once(
            sheet_id,
            CHANGES_NOTICE,
            SheetStatus.CHANGES_REQUESTED,
            _compose_changes_requested,
        )


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
    sheet's audit entries (one query)."""
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
    kinds = [CHANGES_NOTICE] if not reviewer else [SUBMITTED_NOTICE, CHANGES_NOTICE]
    labels = {
        SUBMITTED_NOTICE: _("Soumission (aux relecteurs)"),
        CHANGES_NOTICE: _("Modifications demandées (au campus)"),
    }
    entries = AuditEntry.objects.filter(
        content_type=_sheet_type(), object_id=str(sheet.pk), changes__has_key="notification"
    )
    for entry in entries:
        kind = str(entry.changes.get("notification", "")).rsplit("-", 1)[0]
        if kind not in kinds:
            continue
        rows.append(
            LoggedEmail(
                kind=kind,
                label=str(labels[kind]),
                subject=str(entry.changes.get("courriel", "")),
                recipients=str(entry.changes.get("destinataires", "")),
                due_on=None,
                sent_at=entry.created_at,
            )
        )
    epoch = timezone.make_aware(datetime(2000, 1, 1))
    return sorted(rows, key=lambda row: row.sent_at or epoch, reverse=True)
