"""Every write on follow-up sheets goes through here: campaigns, sections (drafts, versions),
attachments, submission, review, validation. Rules refused raise ValidationError (French
message per field), PermissionDeniedError (403) or ConflictError (409: state or version).
"""

import math
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from audit.models import AuditAction
from audit.services import record, record_transition
from campuses.models import Campus
from campuses.permissions import campuses_visible_to
from core.errors import ConflictError, PermissionDeniedError
from core.uploads import check_upload
from notifications.delivery import queue as queue_notification

from . import permissions, sections
from .models import (
    SECTION_NUMBERS,
    Campaign,
    FollowUpSheet,
    ReviewerSide,
    SheetAttachment,
    SheetComment,
    SheetIndicators,
    SheetSection,
    SheetStatus,
    StatusChange,
)
from .notifications import CHANGES_KIND, SUBMITTED_KIND
from .workflow import SHEET

# Columns that describe the year itself, reset on rows copied from last year's sheet.
YEAR_SPECIFIC_RESET = {"stakeholders": {"new": "false"}}
# Tables copied from last year's validated sheet when a campaign opens.
PREFILLED_TABLES = {
    number: [table.key for table in section.tables if table.prefill]
    for number, section in sections.SECTIONS_BY_NUMBER.items()
}


# ---------------------------------------------------------------- campaigns


def default_deadline(year):
    """31 March of year N+1."""
    return date(year + 1, 3, 31)


def campuses_to_follow(year):
    """Campuses with a framework convention signed by the end of year N, or in préfiguration,
    except those merged into (or renewed as) another campus, which report through it.

    A convention that ended during N still owes its report on N. One that ended before N is
    not excluded here: its end date is computed (conventions.dates), not stored."""
    from django.db.models import Exists, OuterRef

    from conventions.models import SignatureStatus

    end_of_year = date(year, 12, 31)
    succeeded = Campus.predecessors.through.objects.filter(to_campus=OuterRef("pk"))
    return (
        Campus.objects.annotate(has_successor=Exists(succeeded))
        .filter(has_successor=False)
        .filter(
            Q(is_prefiguration=True)
            | Q(
                conventions__status=SignatureStatus.SIGNED,
                conventions__effective_date__lte=end_of_year,
            )
        )
        .distinct()
    )


@transaction.atomic
def open_campaign(actor, *, year, opens_on=None, deadline=None, notify=True):
    """Open the campaign for year N: one sheet per campus to follow, pre-filled from the
    campus's validated sheet of N-1; directors are notified (in Celery)."""
    if not permissions.can_manage_campaigns(actor):
        raise PermissionDeniedError(_("Seuls les services de la Région ouvrent une campagne."))
    try:
        year = int(year)
    except (TypeError, ValueError):
        raise ValidationError({"year": _("Indiquez une année.")}) from None
    if not 2000 <= year <= 2100:
        raise ValidationError({"year": _("Indiquez une année entre 2000 et 2100.")})
    opens_on = opens_on or timezone.localdate()
    deadline = deadline or default_deadline(year)
    if deadline < opens_on:
        raise ValidationError({"deadline": _("La date limite précède l'ouverture.")})
    if Campaign.objects.filter(year=year).exists():
        raise ValidationError({"year": _("La campagne %(year)s existe déjà.") % {"year": year}})
    campaign = Campaign.objects.create(
        year=year, opens_on=opens_on, deadline=deadline, opened_by=actor
    )
    previous = {
        sheet.campus_id: sheet
        for sheet in FollowUpSheet.objects.filter(
            campaign__year=year - 1, status=SheetStatus.VALIDATED
        ).prefetch_related("sections")
    }
    for campus in campuses_to_follow(year):
        _create_sheet(campaign, campus, previous.get(campus.pk))
    record(actor, AuditAction.CREATE, campaign, changes={"année": [None, year]})
    if notify:
        from .tasks import notify_campaign_opening

        campaign_id = campaign.pk
        transaction.on_commit(lambda: notify_campaign_opening.delay(campaign_id), robust=True)
    return campaign


def _create_sheet(campaign, campus, previous):
    sheet = FollowUpSheet.objects.create(campaign=campaign, campus=campus, prefilled_from=previous)
    previous_data = {s.number: s.data for s in previous.sections.all()} if previous else {}
    rows = []
    for number in SECTION_NUMBERS:
        data = {}
        for key in PREFILLED_TABLES[number]:
            copied = (previous_data.get(number) or {}).get(key) or []
            data[key] = [
                {**row, **YEAR_SPECIFIC_RESET.get(key, {}), "prefilled": True}
                for row in copied
                if isinstance(row, dict)
            ]
        result = sections.validate(number, data, year=campaign.year)
        rows.append(
            SheetSection(
                sheet=sheet,
                number=number,
                data=data,
                is_complete=result.complete,
                error_count=result.error_count,
            )
        )
    SheetSection.objects.bulk_create(rows)
    recompute_indicators(sheet)
    return sheet


# ---------------------------------------------------------------- filling


def _locked_sheet(sheet):
    pk = sheet.pk if isinstance(sheet, FollowUpSheet) else sheet
    return (
        FollowUpSheet.objects.select_for_update(of=("self",))
        .select_related("campaign", "campus")
        .get(pk=pk)
    )


def _parse_version(value):
    """The version a client sent: an integer or a string of digits, anything else refused."""
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.isdigit() and len(value) <= 9:
        return int(value)
    raise ValidationError({"version": _("Version illisible.")})


def _sanitised(value):
    """Stored as typed, minus what the database cannot hold: NUL characters (PostgreSQL
    refuses them) and non-finite numbers (refused, with a message)."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValidationError({"data": _("Nombre illisible.")})
    if isinstance(value, dict):
        return {str(key).replace("\x00", ""): _sanitised(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_sanitised(item) for item in value]
    return value


def clean_text(text):
    return (text or "").replace("\x00", "").strip()


@transaction.atomic
def save_section(actor, sheet, number, data, *, expected_version=None):
    """Save section `number` as typed (a draft: invalid values are kept and reported, never
    lost). A stale `expected_version` (someone saved in between) is refused with 409 — unless
    the content is the one stored (a retried request): the page keeps what the user typed."""
    current = _locked_sheet(sheet)
    SHEET.check("fill", actor, current)
    if number not in SECTION_NUMBERS:
        raise ValidationError({"section": _("Rubrique inconnue.")})
    if not isinstance(data, dict):
        raise ValidationError({"data": _("Contenu illisible.")})
    section = SheetSection.objects.select_for_update().get(sheet=current, number=number)
    data = _keep_known_keys(number, data)
    expected_version = _parse_version(expected_version)
    stale = expected_version is not None and expected_version != section.version
    if stale and data == section.data:
        # The same content again (a retry after a lost response): nothing to do, no conflict.
        return section, sections.validate(number, data, year=current.campaign.year)
    if stale:
        raise ConflictError(
            _(
                "Cette rubrique a été enregistrée par quelqu'un d'autre depuis que vous l'avez "
                "ouverte (version %(current)s, vous aviez la version %(yours)s). Votre saisie "
                "est conservée dans ce navigateur : rechargez la rubrique pour comparer."
            )
            % {"current": section.version, "yours": expected_version}
        )
    result = sections.validate(number, data, year=current.campaign.year)
    changed = data != section.data
    if changed:
        section.data = data
        section.is_complete = result.complete
        section.error_count = result.error_count
        section.updated_by = actor
        section.version += 1
        section.save()
        recompute_indicators(current)
    if current.status == SheetStatus.NOT_STARTED:
        _change_status(actor, current, SheetStatus.DRAFT, _("Première saisie"))
    return section, result


def _keep_known_keys(number, data):
    """Only the schema's keys are stored (anything else a client sends is dropped)."""
    section = sections.SECTIONS_BY_NUMBER[number]
    keys = {f.key for f in section.fields}
    kept = {key: data[key] for key in keys if key in data}
    for table in section.tables:
        rows = data.get(table.key)
        if isinstance(rows, list):
            columns = {c.key for c in table.columns} | {"prefilled"}
            kept[table.key] = [
                {k: v for k, v in row.items() if k in columns}
                for row in rows[: sections.MAX_ROWS + 1]
                if isinstance(row, dict)
            ]
    return kept


def sheet_results(sheet):
    """{number: Result} of the nine sections (for the summary page and submission)."""
    stored = {s.number: s for s in sheet.sections.all()}
    attachments = {}
    for attachment in sheet.attachments.all():
        attachments[attachment.section] = attachments.get(attachment.section, 0) + 1
    return {
        number: sections.validate(
            number,
            stored[number].data if number in stored else {},
            year=sheet.campaign.year,
            attachments=attachments.get(number, 0),
        )
        for number in SECTION_NUMBERS
    }


@transaction.atomic
def submit(actor, sheet, *, notify=True):
    current = _locked_sheet(sheet)
    action = SHEET.check("submit", actor, current)
    results = sheet_results(current)
    incomplete = [n for n, result in results.items() if not result.complete]
    if incomplete:
        raise ValidationError(
            {
                f"section_{n}": [
                    _("Rubrique %(number)s incomplète : %(missing)s")
                    % {
                        "number": n,
                        "missing": ", ".join(
                            results[n].missing
                            + (
                                [
                                    ngettext(
                                        "%(count)s erreur",
                                        "%(count)s erreurs",
                                        results[n].error_count,
                                    )
                                    % {"count": results[n].error_count}
                                ]
                                if results[n].errors
                                else []
                            )
                        ),
                    }
                ]
                for n in incomplete
            }
        )
    current.submitted_at = timezone.now()
    current.save(update_fields=["submitted_at"])
    _change_status(actor, current, action.target, "")
    if notify:
        queue_notification(SUBMITTED_KIND, current)
    return current


ALLOWED_ATTACHMENTS = {"pdf", "odt", "ods", "docx", "xlsx"}


@transaction.atomic
def add_attachment(actor, sheet, section_number, upload):
    current = _locked_sheet(sheet)
    SHEET.check("fill", actor, current)
    section = sections.SECTIONS_BY_NUMBER.get(section_number)
    if section is None or not section.attachments:
        raise ValidationError({"section": _("Cette rubrique n'accepte pas de pièce jointe.")})
    kind = check_upload(
        upload,
        kinds=ALLOWED_ATTACHMENTS,
        too_large=_("Le fichier dépasse 10 Mo."),
        wrong_kind=_("Formats acceptés : PDF, ODT, ODS, DOCX, XLSX (vérifiés sur le contenu)."),
    )
    attachment = SheetAttachment(
        sheet=current,
        section=section_number,
        name=getattr(upload, "original_name", upload.name)[:200],
        kind=kind,
        size=upload.size,
        uploaded_by=actor,
    )
    attachment.file.save(upload.name, upload, save=False)
    attachment.save()
    record(
        actor,
        AuditAction.CREATE,
        attachment,
        changes={"fichier": [None, attachment.name]},
        campus=current.campus,
    )
    return attachment


@transaction.atomic
def delete_attachment(actor, attachment):
    current = _locked_sheet(attachment.sheet_id)
    SHEET.check("fill", actor, current)
    record(
        actor,
        AuditAction.DELETE,
        attachment,
        changes={"fichier": [attachment.name, None]},
        campus=current.campus,
    )
    attachment.file.delete(save=False)
    attachment.delete()


# ---------------------------------------------------------------- review


def _side(actor):
    return ReviewerSide.REGION if actor.is_regional_staff else ReviewerSide.RECTORATE


@transaction.atomic
def add_comment(actor, sheet, *, section, text, internal=False):
    SHEET.check("comment", actor, sheet)
    text = clean_text(text)
    errors = {}
    if not text:
        errors["text"] = [_("Écrivez votre commentaire.")]
    elif len(text) > sections.MAX_TEXT:
        errors["text"] = [
            _("Texte trop long (%(max)s caractères au plus).") % {"max": sections.MAX_TEXT}
        ]
    try:
        section = int(section)
    except (TypeError, ValueError):
        section = -1
    if not 0 <= section <= 9:
        errors["section"] = [_("Rubrique inconnue.")]
    if errors:
        raise ValidationError(errors)
    return SheetComment.objects.create(
        sheet=sheet,
        section=section,
        author=actor,
        side=_side(actor),
        internal=bool(internal),
        text=text,
    )


@transaction.atomic
def request_changes(actor, sheet, reason, *, notify=True):
    """The sheet returns to the director, with the reviewers' comments."""
    current = _locked_sheet(sheet)
    action = SHEET.check("request_changes", actor, current)
    reason = clean_text(reason)
    if not reason:
        raise ValidationError({"reason": _("Indiquez ce que le campus doit modifier.")})
    # The opinion was on the version sent back: the rectorate gives it again on the next one.
    current.rectorate_opinion, current.rectorate_opinion_text = "", ""
    current.rectorate_opinion_by = None
    current.save(
        update_fields=["rectorate_opinion", "rectorate_opinion_text", "rectorate_opinion_by"]
    )
    _change_status(actor, current, action.target, reason)
    if notify:
        queue_notification(CHANGES_KIND, current)
    return current


@transaction.atomic
def validate_sheet(actor, sheet, reason=""):
    current = _locked_sheet(sheet)
    action = SHEET.check("validate", actor, current)
    current.validated_at = timezone.now()
    current.save(update_fields=["validated_at"])
    return _change_status(actor, current, action.target, clean_text(reason))


@transaction.atomic
def give_opinion(actor, sheet, *, opinion, text=""):
    from .models import Opinion

    current = _locked_sheet(sheet)
    SHEET.check("opinion", actor, current)
    if opinion not in Opinion.values:
        raise ValidationError({"opinion": _("Choisissez un avis.")})
    current.rectorate_opinion = opinion
    current.rectorate_opinion_text = clean_text(text)[: sections.MAX_TEXT]
    current.rectorate_opinion_by = actor
    current.version += 1
    current.save(
        update_fields=[
            "rectorate_opinion",
            "rectorate_opinion_text",
            "rectorate_opinion_by",
            "version",
        ]
    )
    record(
        actor, AuditAction.UPDATE, current, changes={"avis": [None, opinion]}, campus=current.campus
    )
    return current


def _change_status(actor, sheet, to_status, reason):
    return record_transition(
        actor, sheet, to_status, reason, history=StatusChange, campus=sheet.campus
    )


# ---------------------------------------------------------------- indicators


BENEFICIARY_COLUMNS = {
    "pupils": "pupils",
    "apprentices": "apprentices",
    "students": "students",
    "trainees": "trainees",
    "teachers": "teachers",
    "job_seekers": "job_seekers",
    "other": "other_beneficiaries",
}


def indicators_of(clean):
    """The dashboard's figures from the nine sections' clean values {number: clean dict}."""
    figures = dict.fromkeys(BENEFICIARY_COLUMNS.values(), 0)
    for row in clean[2].get("beneficiaries", []):
        column = BENEFICIARY_COLUMNS.get(row.get("type"))
        if column and row.get("count"):
            figures[column] += row["count"]
    events = clean[6].get("events", [])
    figures.update(
        stakeholders=len(clean[2].get("stakeholders", [])),
        formations=len(clean[2].get("formations", [])),
        actions=len(clean[3].get("actions", [])),
        meetings=len(clean[4].get("meetings", [])),
        formations_created=len(clean[7].get("created", [])),
        places_created=sum(row.get("places") or 0 for row in clean[7].get("created", [])),
        module_beneficiaries=sum(
            row.get("beneficiaries") or 0 for row in clean[7].get("modules", [])
        ),
        events=sum(row.get("count") or 0 for row in events),
        events_organised=sum(
            row.get("count") or 0 for row in events if row.get("involvement") == "organised"
        ),
        international_partners=len(clean[8].get("partners", [])),
        mobilities=clean[8].get("mobilities") or 0,
        budget_revenues=sum(row.get("amount") or 0 for row in clean[5].get("revenues", [])),
        budget_expenses=sum(row.get("amount") or 0 for row in clean[5].get("expenses", [])),
        staff_fte=sum(row.get("fte") or 0 for row in clean[5].get("staff", [])),
    )
    return figures


def recompute_indicators(sheet):
    stored = {s.number: s.data for s in SheetSection.objects.filter(sheet=sheet)}
    clean = {
        number: sections.validate(number, stored.get(number, {}), year=sheet.campaign.year).clean
        for number in SECTION_NUMBERS
    }
    try:
        with transaction.atomic():
            SheetIndicators.objects.update_or_create(sheet=sheet, defaults=indicators_of(clean))
    except IntegrityError:  # a concurrent first save created it: update it
        SheetIndicators.objects.filter(sheet=sheet).update(**indicators_of(clean))


def directors_sheets(user):
    """The sheets of the campuses `user` directs today (their home page)."""
    return FollowUpSheet.objects.filter(campus__in=campuses_visible_to(user).values("pk"))
