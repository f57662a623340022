"""What the campus files after its label (progress report, evaluations) and the experts'
conclusion on it; the navettes on it are in navettes.py."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import record_update, snapshot
from core.errors import ConflictError

from ..models import LabelObligation, NavetteRound, Recommendation
from ..workflow import OBLIGATION
from .common import TOTAL_MAX_PAGES, check_version, pdf_pages

MAX_TEXT = 20000


def _locked(obligation):
    return (
        LabelObligation.objects.select_for_update(of=("self",))
        .select_related("campus")
        .get(pk=obligation.pk)
    )


def _move(actor, obligation, target, before, fields):
    obligation.status = target
    obligation.version += 1
    obligation.save(update_fields=["status", "version", "updated_at", *fields])
    record_update(actor, obligation, before, campus=obligation.campus)
    return obligation


@transaction.atomic
def file_obligation(actor, obligation, *, report, summary="", expected_version=None):
    """The campus files its report (PDF, 80 pages at most); until the experts open a navette
    on it, a new file replaces the previous one."""
    current = _locked(obligation)
    action = OBLIGATION.check("file", actor, current)
    check_version(
        current,
        expected_version,
        _("Ce document a été remis par quelqu'un d'autre entre-temps : rechargez la page."),
    )
    errors = {}
    summary = (summary or "").replace("\x00", "").strip()
    if len(summary) > MAX_TEXT:
        errors["summary"] = [_("Texte trop long (%(max)s caractères au plus).") % {"max": MAX_TEXT}]
    pages = 0
    if report is None:
        errors["file"] = [_("Joignez le rapport (PDF).")]
    else:
        try:
            pages = pdf_pages(report)
        except ValidationError as error:
            errors.update(error.message_dict)
        else:
            if pages > TOTAL_MAX_PAGES:
                errors["file"] = [
                    _("Le rapport compte %(pages)s pages : %(max)s au plus.")
                    % {"pages": pages, "max": TOTAL_MAX_PAGES}
                ]
    if errors:
        raise ValidationError(errors)
    before = snapshot(current)
    current.report.save(f"{current.kind}-{current.pk}.pdf", report, save=False)
    current.report_pages, current.summary = pages, summary
    current.filed_on = timezone.localdate()
    return _move(
        actor, current, action.target, before, ("report", "report_pages", "summary", "filed_on")
    )


@transaction.atomic
def close_obligation(actor, obligation, *, review):
    """The experts' conclusion: no navette waiting for answers or marks."""
    current = _locked(obligation)
    action = OBLIGATION.check("close", actor, current)
    review = (review or "").replace("\x00", "").strip()
    if not review:
        raise ValidationError({"review": _("Écrivez la conclusion de l'examen.")})
    if len(review) > MAX_TEXT:
        raise ValidationError(
            {"review": _("Texte trop long (%(max)s caractères au plus).") % {"max": MAX_TEXT}}
        )
    if NavetteRound.objects.filter(obligation=current, answered_on__isnull=True).exists():
        raise ConflictError(_("Une navette attend encore les réponses du campus."))
    if Recommendation.objects.filter(round__obligation=current, treatment="").exists():
        raise ConflictError(_("Appréciez d'abord chaque réponse de la navette."))
    before = snapshot(current)
    current.review = review
    return _move(actor, current, action.target, before, ("review",))
