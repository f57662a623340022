"""Navettes with the expert group: each round sends numbered recommendations per criterion to
the carriers, who answer each one (text, attachment); the experts then mark each answer. The
same rounds serve an application and an obligation of a granted label (progress report,
evaluations)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import AuditAction
from audit.services import record, record_update, snapshot
from core.errors import ConflictError
from core.uploads import check_upload

from ..models import (
    CriteriaVersion,
    Criterion,
    LabelApplication,
    LabelObligation,
    NavetteRound,
    Recommendation,
    Treatment,
)
from ..workflow import APPLICATION, OBLIGATION
from .applications import version_in_force
from .common import MAX_FILE_BYTES, locked, transition

MAX_TEXT = 20000
ANSWER_FILE_KINDS = {"pdf", "docx", "xlsx", "odt", "ods"}


def _subject_of(round_or_subject):
    """(the locked application or obligation, its workflow)."""
    subject = round_or_subject
    if isinstance(round_or_subject, NavetteRound):
        subject = round_or_subject.application or round_or_subject.obligation
    if isinstance(subject, LabelApplication):
        return locked(subject), APPLICATION
    obligation = (
        LabelObligation.objects.select_for_update(of=("self",))
        .select_related("campus")
        .get(pk=subject.pk)
    )
    return obligation, OBLIGATION


def _rounds(subject):
    return NavetteRound.objects.filter(
        **(
            {"application": subject}
            if isinstance(subject, LabelApplication)
            else {"obligation": subject}
        )
    )


def criteria_for(subject):
    """The criteria a navette refers to, in order: the application's version; for an obligation, the
    version of the application that granted the label (else the one in force when it
    started, else the oldest)."""
    if isinstance(subject, LabelApplication):
        version = subject.criteria_version
    else:
        granting = LabelApplication.objects.filter(label_period=subject.label_period_id).first()
        version = (
            granting.criteria_version
            if granting is not None and granting.criteria_version_id
            else version_in_force(subject.label_period.start)
            or CriteriaVersion.objects.order_by("in_force_from").first()
        )
    return list(Criterion.objects.filter(version=version).order_by("position"))


def _criteria(subject):
    return {criterion.number: criterion for criterion in criteria_for(subject)}


def open_round(subject):
    """The round waiting for the carriers' answers, if any."""
    return _rounds(subject).filter(answered_on__isnull=True).order_by("-number").first()


@transaction.atomic
def send_navette(actor, subject, *, recommendations, answers_due_on=None):
    """A new round: `recommendations` is [(criterion number, text)], numbered R1, R2… in the
    order given. The previous round's answers must all be marked first."""
    subject, workflow = _subject_of(subject)
    action = workflow.check("send_navette", actor, subject)
    rounds = _rounds(subject)
    if rounds.filter(answered_on__isnull=True).exists():
        raise ConflictError(_("La navette précédente attend encore les réponses des porteurs."))
    if Recommendation.objects.filter(round__in=rounds, treatment="").exists():
        raise ConflictError(_("Appréciez d'abord chaque réponse de la navette précédente."))
    criteria = _criteria(subject)
    errors, rows = {}, []
    for number, text in recommendations:
        text = (text or "").replace("\x00", "").strip()
        if not text:
            continue
        if number not in criteria:
            errors["criterion"] = [_("Critère inconnu : %(number)s.") % {"number": number}]
        elif len(text) > MAX_TEXT:
            errors["text"] = [
                _("Texte trop long (%(max)s caractères au plus).") % {"max": MAX_TEXT}
            ]
        else:
            rows.append((criteria[number], text))
    if not rows and not errors:
        errors["text"] = [_("Écrivez au moins une recommandation.")]
    today = timezone.localdate()
    if answers_due_on is not None and answers_due_on < today:
        errors["answers_due_on"] = [_("La date de réponse attendue est passée.")]
    if errors:
        raise ValidationError(errors)
    number = (rounds.aggregate(last=Max("number"))["last"] or 0) + 1
    about = (
        {"application": subject}
        if isinstance(subject, LabelApplication)
        else {"obligation": subject}
    )
    navette = NavetteRound.objects.create(
        **about, number=number, sent_by=actor, sent_on=today, answers_due_on=answers_due_on
    )
    Recommendation.objects.bulk_create(
        Recommendation(round=navette, criterion=criterion, number=index, text=text)
        for index, (criterion, text) in enumerate(rows, start=1)
    )
    record(actor, AuditAction.CREATE, navette, after=snapshot(navette), campus=subject.campus)
    _move(actor, subject, action.target)
    return navette


def _move(actor, subject, target):
    if target is None or subject.status == target:
        return
    if isinstance(subject, LabelApplication):
        transition(actor, subject, target)
        return
    before = snapshot(subject)
    subject.status = target
    subject.version += 1
    subject.save(update_fields=["status", "version", "updated_at"])
    record_update(actor, subject, before, campus=subject.campus)


@transaction.atomic
def answer_recommendation(actor, recommendation, *, answer, attachment=None):
    """The carriers' answer to one recommendation of the open round (it can be rewritten
    until the answers are sent)."""
    recommendation = (
        Recommendation.objects.select_for_update().select_related("round").get(pk=recommendation.pk)
    )
    subject, workflow = _subject_of(recommendation.round)
    workflow.check("answer", actor, subject)
    if recommendation.round.answered_on:
        raise ConflictError(_("Les réponses de cette navette sont déjà envoyées."))
    errors = {}
    answer = (answer or "").replace("\x00", "").strip()
    if not answer:
        errors["answer"] = [_("Écrivez la réponse.")]
    elif len(answer) > MAX_TEXT:
        errors["answer"] = [_("Texte trop long (%(max)s caractères au plus).") % {"max": MAX_TEXT}]
    kind = None
    if attachment:
        try:
            kind = check_upload(
                attachment,
                kinds=ANSWER_FILE_KINDS,
                too_large=_("Le fichier dépasse 20 Mo."),
                wrong_kind=_(
                    "Joignez un PDF ou un document bureautique (Word, Excel, OpenDocument)."
                ),
                field="attachment",
                max_bytes=MAX_FILE_BYTES,
            )
        except ValidationError as error:
            errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    before = snapshot(recommendation)
    recommendation.answer = answer
    if attachment:
        # Named by the kind read in the file, never by the name it came with.
        name = f"reponse-{recommendation.round.number}-R{recommendation.number}.{kind}"
        recommendation.answer_file.save(name, attachment, save=False)
    recommendation.answered_by = actor
    recommendation.answered_at = timezone.now()
    recommendation.save()
    record_update(actor, recommendation, before, campus=subject.campus)
    return recommendation


@transaction.atomic
def send_answers(actor, navette):
    """Send the round's answers to the experts: every recommendation answered."""
    navette = NavetteRound.objects.select_for_update().get(pk=navette.pk)
    subject, workflow = _subject_of(navette)
    action = workflow.check("send_answers", actor, subject)
    if navette.answered_on:
        raise ConflictError(_("Les réponses de cette navette sont déjà envoyées."))
    unanswered = [f"R{r.number}" for r in navette.recommendations.all() if not r.answer]
    if unanswered:
        raise ValidationError(
            {
                "answer": _("Recommandations sans réponse : %(numbers)s.")
                % {"numbers": ", ".join(unanswered)}
            }
        )
    before = snapshot(navette)
    navette.answered_on = timezone.localdate()
    navette.save(update_fields=["answered_on"])
    record_update(actor, navette, before, campus=subject.campus)
    _move(actor, subject, action.target)
    return navette


@transaction.atomic
def mark_answer(actor, recommendation, *, treatment, comment=""):
    """The experts' mark on one answer: addressed, partly, not addressed."""
    recommendation = (
        Recommendation.objects.select_for_update().select_related("round").get(pk=recommendation.pk)
    )
    subject, workflow = _subject_of(recommendation.round)
    workflow.check("mark", actor, subject)
    if not recommendation.round.answered_on:
        raise ConflictError(_("Les réponses de cette navette ne sont pas encore reçues."))
    errors = {}
    if treatment not in Treatment.values:
        errors["treatment"] = [_("Choisissez : prise en compte, partiellement ou non.")]
    comment = (comment or "").replace("\x00", "").strip()
    if len(comment) > MAX_TEXT:
        errors["comment"] = [_("Texte trop long (%(max)s caractères au plus).") % {"max": MAX_TEXT}]
    if errors:
        raise ValidationError(errors)
    before = snapshot(recommendation)
    recommendation.treatment, recommendation.treatment_comment = treatment, comment
    recommendation.marked_by, recommendation.marked_at = actor, timezone.now()
    recommendation.save()
    record_update(actor, recommendation, before, campus=subject.campus)
    navette = recommendation.round
    if not navette.recommendations.filter(treatment="").exists() and not navette.reviewed_on:
        navette.reviewed_on = timezone.localdate()
        navette.save(update_fields=["reviewed_on"])
    return recommendation


def thread_by_criterion(rounds):
    """The navettes read per criterion, as a conversation across rounds: {criterion:
    [(round, recommendation)…]} in the criteria's order. `rounds` with their
    recommendations prefetched."""
    thread = {}
    for navette in rounds:
        for recommendation in navette.recommendations.all():
            thread.setdefault(recommendation.criterion, []).append((navette, recommendation))
    return dict(sorted(thread.items(), key=lambda item: item[0].position))
