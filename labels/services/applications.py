"""Preparing an application: creating it, its presentations per criterion, the covering
letter's signatures, the prior opinions, the dossier and its annexes, and its deposit."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import AuditAction
from audit.services import record, record_update, snapshot
from core.errors import ConflictError, PermissionDeniedError

from ..models import (
    ApplicationAnnex,
    ApplicationKind,
    ApplicationOpinion,
    CriteriaVersion,
    Criterion,
    CriterionPresentation,
    LabelApplication,
    OpinionBody,
    PriorOpinion,
)
from ..permissions import prepares
from ..workflow import APPLICATION
from .common import (
    DOSSIER_MAX_PAGES,
    TOTAL_MAX_PAGES,
    check_version,
    locked,
    pdf_pages,
    transition,
)

EDITABLE_FIELDS = ("kind", "target_category", "session", "summary")
MAX_TEXT = 20000


def version_in_force(day=None):
    day = day or timezone.localdate()
    return CriteriaVersion.objects.filter(in_force_from__lte=day).order_by("-in_force_from").first()


@transaction.atomic
def create_application(actor, *, campus, kind, target_category, session=None, summary=""):
    """A draft application for `campus`, prepared by regional staff or the rectorate of its
    academies; assessed against the specification in force (fixed again at the deposit)."""
    draft = LabelApplication(
        campus=campus,
        kind=kind,
        target_category=target_category,
        session=session,
        summary=(summary or "").strip()[:MAX_TEXT],
        criteria_version=version_in_force(),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    APPLICATION.check_role("edit", actor)
    if not prepares(actor, draft):
        raise PermissionDeniedError(
            _("Cette candidature n'est pas celle d'un campus de vos académies.")
        )
    if kind not in ApplicationKind.values:
        raise ValidationError({"kind": _("Choisissez l'objet de la candidature.")})
    if draft.criteria_version is None:
        raise ConflictError(_("Aucun cahier des charges n'est en vigueur."))
    draft.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            draft.save()
    except IntegrityError as error:
        raise ValidationError(
            {"campus": _("Ce campus a déjà une candidature en cours.")}
        ) from error
    record(actor, AuditAction.CREATE, draft, after=snapshot(draft), campus=campus)
    return draft


@transaction.atomic
def update_application(actor, application, *, expected_version=None, **fields):
    current = locked(application)
    APPLICATION.check("edit", actor, current)
    check_version(current, expected_version)
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError({name: _("Ce champ n'est pas modifiable ici.") for name in unknown})
    before = snapshot(current)
    for name, value in fields.items():
        setattr(current, name, value.strip()[:MAX_TEXT] if name == "summary" else value)
    current.version += 1
    current.full_clean(validate_constraints=False)
    current.save()
    record_update(actor, current, before, campus=current.campus)
    return current


def _criterion_of(application, criterion):
    number = getattr(criterion, "number", criterion)
    found = Criterion.objects.filter(version=application.criteria_version, number=number).first()
    if found is None:
        raise ValidationError({"criterion": _("Critère inconnu.")})
    return found


@transaction.atomic
def save_presentation(
    actor, application, criterion, *, text, annex_references="", expected_version=None
):
    """The applicant's presentation of one criterion. `expected_version` is the version the
    editor started from: saving over a newer one is a conflict (409), nothing is lost: the
    text typed is in the browser's draft. The same content sent again is no conflict (a
    retried request)."""
    current = locked(application)
    APPLICATION.check("present", actor, current)
    criterion = _criterion_of(current, criterion)
    text = (text or "").replace("\x00", "").strip()
    annex_references = (annex_references or "").replace("\x00", "").strip()
    errors = {}
    if len(text) > MAX_TEXT:
        errors["text"] = [_("Texte trop long (%(max)s caractères au plus).") % {"max": MAX_TEXT}]
    if len(annex_references) > 500:
        errors["annex_references"] = [_("500 caractères au plus.")]
    if errors:
        raise ValidationError(errors)
    presentation, _created = CriterionPresentation.objects.select_for_update().get_or_create(
        application=current, criterion=criterion
    )
    unchanged = presentation.text == text and presentation.annex_references == annex_references
    if expected_version is not None and not unchanged:
        check_version(
            presentation,
            expected_version,
            _(
                "Quelqu'un d'autre a modifié la présentation de ce critère depuis que vous l'avez "
                "ouverte (version %(current)s, vous partiez de la version %(yours)s). Votre texte "
                "est conservé : comparez, puis rechargez ou remplacez."
            )
            % {"current": presentation.version, "yours": expected_version},
        )
    if unchanged:
        return presentation
    before = snapshot(presentation)
    presentation.text, presentation.annex_references = text, annex_references
    presentation.version += 1
    presentation.updated_by = actor
    presentation.updated_at = timezone.now()
    presentation.save()
    record_update(actor, presentation, before, campus=current.campus)
    return presentation


@transaction.atomic
def sign_letter(actor, application, *, carrier, signatory, signed_on):
    """One carrier signs the covering letter: the Region's president (« region ») or the
    rector (« rector »)."""
    current = locked(application)
    action = {"region": "sign_for_region", "rector": "sign_for_rector"}.get(carrier)
    if action is None:
        raise ValidationError({"carrier": _("Choisissez la Région ou le rectorat.")})
    APPLICATION.check(action, actor, current)
    errors = {}
    signatory = (signatory or "").strip()
    if not signatory:
        errors["signatory"] = [_("Indiquez le nom et la qualité du signataire.")]
    if signed_on is None:
        errors["signed_on"] = [_("Indiquez la date de signature.")]
    elif signed_on > timezone.localdate():
        errors["signed_on"] = [_("La date de signature ne peut être dans le futur.")]
    if errors:
        raise ValidationError(errors)
    before = snapshot(current)
    setattr(current, f"{carrier}_signatory", signatory[:250])
    setattr(current, f"{carrier}_signed_on", signed_on)
    current.version += 1
    current.save()
    record_update(actor, current, before, campus=current.campus)
    return current


@transaction.atomic
def record_opinion(actor, application, *, body, given_on, opinion, document=None, note=""):
    """The prior opinion of the CAEN or of the CREFOP (a second one replaces the first)."""
    current = locked(application)
    APPLICATION.check("record_opinion", actor, current)
    errors = {}
    if body not in OpinionBody.values:
        errors["body"] = [_("Choisissez le CAEN ou le CREFOP.")]
    if opinion not in PriorOpinion.values:
        errors["opinion"] = [_("Choisissez l'avis rendu.")]
    if given_on is None:
        errors["given_on"] = [_("Indiquez la date de l'avis.")]
    elif given_on > timezone.localdate():
        errors["given_on"] = [_("La date de l'avis ne peut être dans le futur.")]
    if document:
        try:
            pdf_pages(document, field="document")
        except ValidationError as error:
            errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    row, created = ApplicationOpinion.objects.get_or_create(
        application=current,
        body=body,
        defaults={"given_on": given_on, "opinion": opinion, "note": (note or "").strip()},
    )
    before = {} if created else snapshot(row)
    row.given_on, row.opinion, row.note = given_on, opinion, (note or "").strip()[:MAX_TEXT]
    if document:
        row.document.save(f"avis-{body}.pdf", document, save=False)
    row.save()
    record(
        actor,
        AuditAction.CREATE if created else AuditAction.UPDATE,
        row,
        before=before,
        after=snapshot(row),
        campus=current.campus,
    )
    current.version += 1
    current.save(update_fields=["version", "updated_at"])
    return row


def _annex_pages(application, exclude=None):
    annexes = application.annexes.exclude(pk=getattr(exclude, "pk", None))
    return sum(annex.pages for annex in annexes)


def _too_many_pages(total):
    return _(
        "Le dossier et ses annexes dépasseraient %(max)s pages en tout (%(total)s pages) : "
        "le cahier des charges n'en admet pas plus."
    ) % {"max": TOTAL_MAX_PAGES, "total": total}


@transaction.atomic
def upload_dossier(actor, application, upload):
    """The dossier (PDF, 20 pages at most), its pages counted in the file."""
    current = locked(application)
    APPLICATION.check("edit", actor, current)
    pages = pdf_pages(upload)
    if pages > DOSSIER_MAX_PAGES:
        raise ValidationError(
            {
                "file": _(
                    "Le dossier compte %(pages)s pages : le cahier des charges en admet "
                    "%(max)s au plus (les compléments vont en annexe)."
                )
                % {"pages": pages, "max": DOSSIER_MAX_PAGES}
            }
        )
    total = pages + _annex_pages(current)
    if total > TOTAL_MAX_PAGES:
        raise ValidationError({"file": _too_many_pages(total)})
    before = snapshot(current)
    current.dossier.save(f"dossier-{current.pk}.pdf", upload, save=False)
    current.dossier_pages = pages
    current.version += 1
    current.save()
    record_update(actor, current, before, campus=current.campus)
    return current


@transaction.atomic
def add_annex(actor, application, *, title, upload):
    current = locked(application)
    APPLICATION.check("edit", actor, current)
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": _("Donnez un intitulé à l'annexe.")})
    pages = pdf_pages(upload)
    total = current.dossier_pages + _annex_pages(current) + pages
    if total > TOTAL_MAX_PAGES:
        raise ValidationError({"file": _too_many_pages(total)})
    number = (current.annexes.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    annex = ApplicationAnnex(application=current, number=number, title=title[:250], pages=pages)
    annex.file.save(f"annexe-{current.pk}-{number}.pdf", upload, save=False)
    annex.save()
    record(actor, AuditAction.CREATE, annex, after=snapshot(annex), campus=current.campus)
    current.version += 1
    current.save(update_fields=["version", "updated_at"])
    return annex


def admissibility_problems(application):
    """What keeps the application from being deposited (or admissible), by field: the two
    carriers' signatures, the two prior opinions, the dossier and its page limits, every
    criterion presented. {} when nothing does."""
    problems = {}
    if not application.region_signed_on:
        problems["region_signed_on"] = [
            _("La lettre d'accompagnement n'est pas signée pour la présidence de la Région.")
        ]
    if not application.rector_signed_on:
        problems["rector_signed_on"] = [
            _("La lettre d'accompagnement n'est pas signée pour le recteur.")
        ]
    given = {opinion.body for opinion in application.opinions.all()}
    for body in OpinionBody:
        if body.value not in given:
            problems[f"{body.value}_opinion"] = [
                _("L'avis préalable du %(body)s n'est pas enregistré.")
                % {"body": body.value.upper()}
            ]
    if not application.dossier:
        problems["dossier"] = [_("Le dossier de candidature (PDF) n'est pas joint.")]
    elif application.dossier_pages > DOSSIER_MAX_PAGES:
        problems["dossier"] = [_("Le dossier dépasse %(max)s pages.") % {"max": DOSSIER_MAX_PAGES}]
    total = application.dossier_pages + sum(a.pages for a in application.annexes.all())
    if total > TOTAL_MAX_PAGES:
        problems["annexes"] = [_too_many_pages(total)]
    presented = {p.criterion_id for p in application.presentations.all() if (p.text or "").strip()}
    missing = [
        criterion.number
        for criterion in Criterion.objects.filter(version=application.criteria_version)
        if criterion.pk not in presented
    ]
    if missing:
        problems["presentations"] = [
            _("Critères non présentés : %(numbers)s.") % {"numbers": ", ".join(missing)}
        ]
    return problems


@transaction.atomic
def deposit(actor, application, reason=""):
    """Deposit the application: both carriers signed, both opinions recorded, the dossier
    within its limits, every criterion presented; it is then assessed against the
    specification in force on that day."""
    current = locked(application)
    action = APPLICATION.check("deposit", actor, current)
    in_force = version_in_force()
    if in_force is not None and current.criteria_version_id != in_force.pk:
        raise ConflictError(
            _(
                "Le cahier des charges a été actualisé (%(version)s) depuis la préparation de "
                "cette candidature : reprenez la présentation des critères avant de la déposer."
            )
            % {"version": in_force}
        )
    problems = admissibility_problems(current)
    if problems:
        raise ValidationError(problems)
    current.submitted_on = timezone.localdate()
    return transition(actor, current, action.target, reason, extra_fields=("submitted_on",))
