"""The experts' review: their declared links of interest, the computed conflicts, their
assignment (two at least, one rapporteur), their assessments per criterion, and the group's
opinion the rapporteur consolidates."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from audit.models import AuditAction
from audit.services import record, record_update, snapshot
from campuses.models import Campus, Stakeholder, SupportInstitutionTenure
from core import roles
from core.errors import ConflictError, PermissionDeniedError

from ..models import (
    Affiliation,
    ConsolidatedCriterion,
    Criterion,
    CriterionAssessment,
    DeclaredConflict,
    ExpertAffiliation,
    ExpertAssignment,
    ExpertOpinion,
    Rating,
    Recommendation,
)
from ..workflow import APPLICATION
from .common import locked, transition

MIN_EXPERTS = 2
MAX_TEXT = 20000


def _clean_text(value, field, errors, limit=MAX_TEXT):
    value = (value or "").replace("\x00", "").strip()
    if len(value) > limit:
        errors[field] = [_("Texte trop long (%(max)s caractères au plus).") % {"max": limit}]
    return value


def _require_expert(actor):
    if not roles.is_expert(actor):
        raise PermissionDeniedError(_("Seul·es les expert·es déclarent leurs liens d'intérêt."))


# ------------------------------------------------------------------ conflicts of interest


@transaction.atomic
def declare_affiliation(actor, *, organisation, relation):
    """An organisation the expert works for or with."""
    _require_expert(actor)
    if relation not in Affiliation.values:
        raise ValidationError(
            {"relation": _("Choisissez « travaille pour » ou « travaille avec ».")}
        )
    if organisation is None:
        raise ValidationError({"organisation": _("Choisissez l'organisme.")})
    row, created = ExpertAffiliation.objects.get_or_create(
        expert=actor, organisation=organisation, defaults={"relation": relation}
    )
    if not created:
        raise ValidationError({"organisation": _("Vous avez déjà déclaré cet organisme.")})
    record(actor, AuditAction.CREATE, row, after=snapshot(row))
    return row


@transaction.atomic
def withdraw_affiliation(actor, affiliation):
    if affiliation.expert_id != actor.pk:
        raise PermissionDeniedError(_("Ce lien d'intérêt n'est pas le vôtre."))
    record(actor, AuditAction.DELETE, affiliation, before=snapshot(affiliation), after={})
    affiliation.delete()


@transaction.atomic
def declare_conflict(actor, *, campus, reason):
    """A conflict with a campus, whatever the registry says (a relative on its board…)."""
    _require_expert(actor)
    errors = {}
    reason = _clean_text(reason, "reason", errors, limit=300)
    if not reason:
        errors["reason"] = [_("Indiquez la nature du conflit d'intérêts.")]
    if campus is None:
        errors["campus"] = [_("Choisissez le campus.")]
    if errors:
        raise ValidationError(errors)
    row, created = DeclaredConflict.objects.get_or_create(
        expert=actor, campus=campus, defaults={"reason": reason}
    )
    if not created:
        raise ValidationError({"campus": _("Vous avez déjà déclaré un conflit avec ce campus.")})
    record(actor, AuditAction.CREATE, row, after=snapshot(row), campus=campus)
    return row


def conflict_reason(expert, campus, day=None):
    """Why `expert` cannot assess `campus` ("" when nothing keeps them): a conflict they
    declared, or an organisation they work for or with that supports the campus (today or
    later) or is one of its stakeholders."""
    campus_id = campus.pk if isinstance(campus, Campus) else campus
    day = day or timezone.localdate()
    declared = DeclaredConflict.objects.filter(expert=expert, campus_id=campus_id).first()
    if declared:
        return _("conflit d'intérêts déclaré : %(reason)s") % {"reason": declared.reason}
    affiliations = {
        row.organisation_id: row
        for row in ExpertAffiliation.objects.filter(expert=expert).select_related("organisation")
    }
    if not affiliations:
        return ""
    supporting = (
        SupportInstitutionTenure.objects.filter(
            campus_id=campus_id, organisation_id__in=affiliations
        )
        .exclude(end__lt=day)
        .values_list("organisation_id", flat=True)
        .first()
    )
    if supporting:
        link = affiliations[supporting]
        return _("%(expert)s %(relation)s %(organisation)s, établissement support du campus") % {
            "expert": expert.get_full_name() or expert.username,
            "relation": link.get_relation_display(),
            "organisation": link.organisation,
        }
    stake = (
        Stakeholder.objects.filter(campus_id=campus_id, organisation_id__in=affiliations)
        .values_list("organisation_id", flat=True)
        .first()
    )
    if stake:
        link = affiliations[stake]
        return _("%(expert)s %(relation)s %(organisation)s, partie prenante du campus") % {
            "expert": expert.get_full_name() or expert.username,
            "relation": link.get_relation_display(),
            "organisation": link.organisation,
        }
    return ""


# ------------------------------------------------------------------------- assignments


@transaction.atomic
def assign_expert(actor, application, expert, *, rapporteur=False):
    current = locked(application)
    APPLICATION.check("assign", actor, current)
    if expert is None or not roles.is_expert(expert) or not expert.is_active:
        raise ValidationError({"expert": _("Choisissez un·e expert·e du groupe d'expertise.")})
    reason = conflict_reason(expert, current.campus)
    if reason:
        raise ValidationError(
            {
                "expert": _("Cet·te expert·e ne peut pas être désigné·e : %(reason)s.")
                % {"reason": reason}
            }
        )
    try:
        with transaction.atomic():
            assignment = ExpertAssignment.objects.create(
                application=current, expert=expert, assigned_by=actor
            )
    except IntegrityError:
        raise ValidationError(
            {"expert": _("Cet·te expert·e est déjà désigné·e pour cette candidature.")}
        ) from None
    record(actor, AuditAction.CREATE, assignment, after=snapshot(assignment), campus=current.campus)
    if rapporteur or current.rapporteur_id is None:
        _set_rapporteur(actor, current, expert)
    return assignment


@transaction.atomic
def set_rapporteur(actor, application, expert):
    current = locked(application)
    APPLICATION.check("assign", actor, current)
    if not current.assignments.filter(expert=expert).exists():
        raise ValidationError({"expert": _("Le rapporteur·e est l'un·e des expert·es désigné·es.")})
    _set_rapporteur(actor, current, expert)
    return current


def _set_rapporteur(actor, current, expert):
    before = snapshot(current)
    current.rapporteur = expert
    current.version += 1
    current.save(update_fields=["rapporteur", "version", "updated_at"])
    record_update(actor, current, before, campus=current.campus)


@transaction.atomic
def unassign_expert(actor, assignment):
    current = locked(assignment.application_id)
    APPLICATION.check("assign", actor, current)
    if assignment.submitted_at:
        raise ConflictError(_("Cet·te expert·e a déjà transmis son évaluation."))
    record(
        actor,
        AuditAction.DELETE,
        assignment,
        before=snapshot(assignment),
        after={},
        campus=current.campus,
    )
    expert_id = assignment.expert_id
    assignment.delete()
    if current.rapporteur_id == expert_id:
        successor = current.assignments.order_by("assigned_at", "pk").first()
        _set_rapporteur(actor, current, successor.expert if successor else None)


@transaction.atomic
def start_expertise(actor, application, reason=""):
    current = locked(application)
    action = APPLICATION.check("start_expertise", actor, current)
    count = current.assignments.count()
    if count < MIN_EXPERTS:
        raise ValidationError(
            {
                "expert": _(
                    "Désignez au moins %(min)s expert·es (%(count)s désigné·e pour l'instant)."
                )
                % {"min": MIN_EXPERTS, "count": count}
            }
        )
    if current.rapporteur_id is None:
        raise ValidationError({"rapporteur": _("Désignez le rapporteur·e du groupe.")})
    return transition(actor, current, action.target, reason)


# ------------------------------------------------------------------------- assessments


def own_assignment(actor, application):
    assignment = ExpertAssignment.objects.filter(application=application, expert=actor).first()
    if assignment is None:
        raise PermissionDeniedError(_("Vous n'êtes pas désigné·e pour cette candidature."))
    return assignment


def criteria_of(application):
    return list(Criterion.objects.filter(version=application.criteria_version).order_by("position"))


def _rating(value, field, errors):
    value = value or ""
    if value and value not in Rating.values:
        errors[field] = [_("Choisissez atteint, partiellement atteint ou non atteint.")]
    return value


@transaction.atomic
def save_assessment(
    actor,
    application,
    criterion,
    *,
    rating="",
    comment="",
    recommendations="",
    excellence_rating="",
    excellence_comment="",
):
    """The expert's assessment of one criterion, saved as they go (a draft until submitted:
    the rating may wait)."""
    current = locked(application)
    APPLICATION.check("assess", actor, current)
    assignment = own_assignment(actor, current)
    if assignment.submitted_at:
        raise ConflictError(_("Votre évaluation est transmise : elle ne se modifie plus."))
    found = Criterion.objects.filter(
        version=current.criteria_version, number=getattr(criterion, "number", criterion)
    ).first()
    if found is None:
        raise ValidationError({"criterion": _("Critère inconnu.")})
    errors = {}
    values = {
        "rating": _rating(rating, "rating", errors),
        "comment": _clean_text(comment, "comment", errors),
        "recommendations": _clean_text(recommendations, "recommendations", errors),
        "excellence_rating": "",
        "excellence_comment": "",
    }
    if current.is_excellence and found.has_excellence_requirements:
        values["excellence_rating"] = _rating(excellence_rating, "excellence_rating", errors)
        values["excellence_comment"] = _clean_text(excellence_comment, "excellence_comment", errors)
    if errors:
        raise ValidationError(errors)
    row, _created = CriterionAssessment.objects.update_or_create(
        assignment=assignment, criterion=found, defaults=values
    )
    return row


def assessment_problems(application, assignment):
    """What the expert still has to fill before submitting, by criterion number."""
    rows = {row.criterion_id: row for row in assignment.assessments.all()}
    missing, missing_excellence = [], []
    for criterion in criteria_of(application):
        row = rows.get(criterion.pk)
        if row is None or not row.rating:
            missing.append(criterion.number)
        elif (
            application.is_excellence
            and criterion.has_excellence_requirements
            and not row.excellence_rating
        ):
            missing_excellence.append(criterion.number)
    problems = []
    if missing:
        problems.append(
            _("Critères sans appréciation : %(numbers)s.") % {"numbers": ", ".join(missing)}
        )
    if missing_excellence:
        problems.append(
            _("Exigences Excellence sans appréciation : %(numbers)s.")
            % {"numbers": ", ".join(missing_excellence)}
        )
    return problems


@transaction.atomic
def submit_assessment(actor, application, *, overall_comment=""):
    """Transmit one's assessment: every criterion rated (and the Excellence requirements when
    the application targets that category). The others' assessments open to the expert
    then."""
    current = locked(application)
    APPLICATION.check("assess", actor, current)
    assignment = own_assignment(actor, current)
    if assignment.submitted_at:
        raise ConflictError(_("Votre évaluation est déjà transmise."))
    errors = {}
    overall = _clean_text(overall_comment, "overall_comment", errors)
    problems = assessment_problems(current, assignment)
    if problems:
        errors["assessments"] = problems
    if errors:
        raise ValidationError(errors)
    assignment.overall_comment = overall
    assignment.submitted_at = timezone.now()
    assignment.save(update_fields=["overall_comment", "submitted_at"])
    record(
        actor,
        AuditAction.UPDATE,
        assignment,
        changes={"submitted_at": [None, assignment.submitted_at.isoformat()]},
        campus=current.campus,
    )
    return assignment


def assessments_visible_to(user, application):
    """The individual assessments `user` may read: their own always; an expert reads the
    others' once they have submitted theirs (and only submitted ones); regional staff read
    the submitted ones. The carriers read the group's consolidated opinion, not these."""
    rows = CriterionAssessment.objects.filter(assignment__application=application).select_related(
        "assignment__expert", "criterion"
    )
    if roles.is_expert(user):
        own = ExpertAssignment.objects.filter(application=application, expert=user).first()
        if own is None:
            return rows.none()
        if own.submitted_at is None:
            return rows.filter(assignment=own)
        return rows.filter(assignment__submitted_at__isnull=False)
    if roles.is_regional_staff(user):
        return rows.filter(assignment__submitted_at__isnull=False)
    return rows.none()


# ------------------------------------------------------------------ the group's opinion


def _all_submitted(application):
    pending = [
        a.expert.get_full_name() or a.expert.username
        for a in application.assignments.select_related("expert")
        if a.submitted_at is None
    ]
    if pending:
        raise ConflictError(
            _("Toutes les évaluations ne sont pas transmises (en attente : %(names)s).")
            % {"names": ", ".join(pending)}
        )


@transaction.atomic
def save_consolidated(actor, application, criterion, *, rating, excellence_rating="", comment=""):
    """The group's opinion on one criterion, by the rapporteur once every expert has
    submitted."""
    current = locked(application)
    APPLICATION.check("give_opinion", actor, current)
    _all_submitted(current)
    found = Criterion.objects.filter(
        version=current.criteria_version, number=getattr(criterion, "number", criterion)
    ).first()
    if found is None:
        raise ValidationError({"criterion": _("Critère inconnu.")})
    errors = {}
    rating = _rating(rating, "rating", errors)
    if not rating:
        errors["rating"] = [_("Choisissez l'appréciation du groupe.")]
    excellence = ""
    if current.is_excellence and found.has_excellence_requirements:
        excellence = _rating(excellence_rating, "excellence_rating", errors)
        if not excellence:
            errors["excellence_rating"] = [_("Appréciez les exigences de la catégorie Excellence.")]
    comment = _clean_text(comment, "comment", errors)
    if errors:
        raise ValidationError(errors)
    row, _created = ConsolidatedCriterion.objects.update_or_create(
        application=current,
        criterion=found,
        defaults={"rating": rating, "excellence_rating": excellence, "comment": comment},
    )
    return row


@transaction.atomic
def give_opinion(actor, application, *, opinion, text):
    """The expert group's opinion (favourable, with reservations, unfavourable), by the
    rapporteur: every assessment submitted, every criterion consolidated, every answer of
    the last navette marked."""
    current = locked(application)
    action = APPLICATION.check("give_opinion", actor, current)
    _all_submitted(current)
    errors = {}
    if opinion not in ExpertOpinion.values:
        errors["opinion"] = [_("Choisissez l'avis du groupe.")]
    text = _clean_text(text, "text", errors)
    if not text:
        errors["text"] = [_("Motivez l'avis du groupe.")]
    consolidated = set(current.consolidated.values_list("criterion_id", flat=True))
    missing = [c.number for c in criteria_of(current) if c.pk not in consolidated]
    if missing:
        errors["consolidated"] = [
            _("Critères sans appréciation du groupe : %(numbers)s.")
            % {"numbers": ", ".join(missing)}
        ]
    unmarked = Recommendation.objects.filter(round__application=current, treatment="").count()
    if unmarked:
        errors["navette"] = [
            ngettext(
                "%(count)s réponse de la navette n'est pas encore appréciée.",
                "%(count)s réponses de la navette ne sont pas encore appréciées.",
                unmarked,
            )
            % {"count": unmarked}
        ]
    if errors:
        raise ValidationError(errors)
    current.expert_opinion, current.expert_opinion_text = opinion, text
    current.opinion_on = timezone.localdate()
    return transition(
        actor,
        current,
        action.target,
        extra_fields=("expert_opinion", "expert_opinion_text", "opinion_on"),
    )


@transaction.atomic
def save_overall_comment(actor, application, overall_comment):
    """The expert's overall appreciation, kept with their draft assessment."""
    current = locked(application)
    APPLICATION.check("assess", actor, current)
    assignment = own_assignment(actor, current)
    if assignment.submitted_at:
        raise ConflictError(_("Votre évaluation est transmise : elle ne se modifie plus."))
    errors = {}
    assignment.overall_comment = _clean_text(overall_comment, "overall_comment", errors)
    if errors:
        raise ValidationError(errors)
    assignment.save(update_fields=["overall_comment"])
    return assignment
