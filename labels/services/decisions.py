"""The decision (interministerial arrêté) on an application, and what a label period asks
for afterwards. A decision of labelling writes the campus's label period through the
registry's service: the registry's derived status, its days left, the conventions' computed
end dates and notice deadlines follow from it."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from campuses.models import LabelCategory, LabelPeriod
from campuses.services import save_record
from core.calendar import add_months, add_years

from ..models import ApplicationKind, Decision, LabelObligation, ObligationKind, ObligationStatus
from ..workflow import APPLICATION
from .common import locked, transition

# A label lasts five years at most (seed 002; four for the 2013 wave).
MAX_LABEL_YEARS = 5
# The progress report two years into the label (seed 001, the 2014 call for projects).
PROGRESS_REPORT_YEARS = 2
# Assumed (the seeds give no date): the external evaluation of an Excellence campus, which
# precedes its renewal (seed 001: « celle préalable au renouvellement du label »), a year
# before the label ends; the mid-term evaluation halfway through the period.
EXTERNAL_EVALUATION_MONTHS_BEFORE_END = 12


def _decision_errors(decision, decision_date, reference, start, end):
    errors = {}
    if decision not in Decision.values:
        errors["decision"] = [
            _("Choisissez la décision : labellisé, labellisé probatoire ou refusé.")
        ]
    if not reference:
        errors["decision_reference"] = [
            _("Indiquez la référence de l'arrêté interministériel (par exemple « NOR … »).")
        ]
    if decision_date is None:
        errors["decision_date"] = [_("Indiquez la date de l'arrêté.")]
    elif decision_date > timezone.localdate():
        errors["decision_date"] = [_("La date de l'arrêté ne peut être dans le futur.")]
    if decision in (Decision.LABELLED, Decision.PROBATIONARY):
        what = (
            _("Un label probatoire a sa période")
            if decision == Decision.PROBATIONARY
            else _("Un label a sa période")
        )
        if start is None:
            errors["label_start"] = [_("%(what)s : indiquez son début.") % {"what": what}]
        if end is None:
            errors["label_end"] = [_("%(what)s : indiquez sa fin.") % {"what": what}]
        if start and end:
            if end <= start:
                errors["label_end"] = [_("La fin du label suit son début.")]
            elif end > add_years(start, MAX_LABEL_YEARS):
                errors["label_end"] = [
                    _("Un label dure %(years)s ans au plus.") % {"years": MAX_LABEL_YEARS}
                ]
    return errors


@transaction.atomic
def decide(
    actor,
    application,
    *,
    decision,
    decision_date,
    decision_reference,
    label_start=None,
    label_end=None,
    reason="",
):
    """Record the arrêté: labelled (or probationary) writes the label period of the target
    category into the registry; refused writes nothing there."""
    current = locked(application)
    action = APPLICATION.check("decide", actor, current)
    reference = (decision_reference or "").replace("\x00", "").strip()[:250]
    errors = _decision_errors(decision, decision_date, reference, label_start, label_end)
    if errors:
        raise ValidationError(errors)
    current.decision, current.decision_date = decision, decision_date
    current.decision_reference = reference
    if decision == Decision.REFUSED:
        current.label_start = current.label_end = None
    else:
        current.label_start, current.label_end = label_start, label_end
        current.label_period = write_label_period(actor, current)
    return transition(
        actor,
        current,
        action.target,
        reason,
        extra_fields=(
            "decision",
            "decision_date",
            "decision_reference",
            "label_start",
            "label_end",
            "label_period",
        ),
    )


def write_label_period(actor, application):
    """The registry's label period for the decided application (the registry's service checks
    it, overlaps included); a project in préfiguration is one no more. A change of category
    ends the label in force the day before the new one starts."""
    if application.kind == ApplicationKind.CHANGE_CATEGORY:
        replaced = LabelPeriod.objects.filter(
            campus=application.campus,
            start__lt=application.label_start,
            end__gte=application.label_start,
        ).first()
        if replaced is not None:
            replaced.end = application.label_start - timedelta(days=1)
            save_record(actor, replaced)
    period = LabelPeriod(
        campus=application.campus,
        category=application.target_category,
        start=application.label_start,
        end=application.label_end,
        decision_date=application.decision_date,
        decision_reference=application.decision_reference,
        probationary=application.decision == Decision.PROBATIONARY,
    )
    try:
        save_record(actor, period)
    except ValidationError as error:
        fields = {"start": "label_start", "end": "label_end", "category": "decision"}
        raise ValidationError(
            {
                fields.get(name, "label_start"): messages
                for name, messages in error.message_dict.items()
            }
        ) from error
    campus = application.campus
    if campus.is_prefiguration:
        campus.is_prefiguration = False
        save_record(actor, campus, expected_version=campus.version)
    sync_obligations(period)
    return period


def obligations_of(period):
    """{kind: due date} of what `period` asks for."""
    due = {
        ObligationKind.PROGRESS_REPORT: add_years(period.start, PROGRESS_REPORT_YEARS),
        ObligationKind.MID_TERM: period.start
        + timedelta(days=(period.end - period.start).days // 2),
    }
    if period.category == LabelCategory.EXCELLENCE:
        due[ObligationKind.EXTERNAL] = add_months(
            period.end, -EXTERNAL_EVALUATION_MONTHS_BEFORE_END
        )
    # A short (probationary) label may end before its progress report would fall due.
    return {kind: min(day, period.end) for kind, day in due.items()}


def sync_obligations(period, today=None):
    """Create or move the obligations of a label period still running (those not filed yet
    follow the period's dates; one the category no longer asks for goes, unless filed).
    Idempotent: the registry's edits and the daily task call it."""
    today = today or timezone.localdate()
    if period.end < today:
        return []
    wanted = obligations_of(period)
    existing = {row.kind: row for row in LabelObligation.objects.filter(label_period=period)}
    rows = []
    for kind, due_on in wanted.items():
        row = existing.get(kind)
        if row is None:
            row = LabelObligation.objects.create(
                campus_id=period.campus_id, label_period=period, kind=kind, due_on=due_on
            )
        elif row.status == ObligationStatus.DUE and row.due_on != due_on:
            row.due_on = due_on
            row.save(update_fields=["due_on", "updated_at"])
        rows.append(row)
    for kind, row in existing.items():
        if kind not in wanted and row.status == ObligationStatus.DUE:
            row.delete()
    return rows


def sync_all_obligations(today=None):
    """Every label period still running has its obligations (the daily task)."""
    today = today or timezone.localdate()
    count = 0
    for period in LabelPeriod.objects.filter(end__gte=today):
        count += len(sync_obligations(period, today))
    return count
