"""A dossier from draft to instruction: creation, the director's project and financing plan,
submission, the Region's financial terms, refusal and withdrawal.

Every rule of the regulation is checked here (and, where the database can, by constraints):
a refused change raises ValidationError with a French message per field and saves nothing.
"""

from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audit.models import AuditAction
from audit.services import record, record_update, snapshot
from campuses.selectors import support_institution_on
from core.errors import PermissionDeniedError
from core.formats import euros, percent

from .. import permissions, rules
from ..models import (
    ABANDONED_STATUSES,
    NATURE_BY_LEGAL_STATUS,
    BaseTax,
    DossierStatus,
    FinancingLine,
    LineKind,
    Programme,
    SubsidyDossier,
)
from ..workflow import DOSSIER
from .common import change_agenda, change_status, check_version, locked_dossier, require_manager

DEFAULT_PROGRAMME_CODE = "00001036"

# What the director prepares (and regional staff may correct until the vote).
PROJECT_FIELDS = (
    "title",
    "planned_start",
    "planned_end",
    "early_start",
    "early_start_reason",
    "description",
    "interns_count",
    "interns_min_months",
    "vat_recovered",
)
# What only regional staff set, during instruction; frozen by the vote.
TERMS_FIELDS = (
    "beneficiary",
    "budget_line",
    "base_label",
    "eligible_base",
    "base_tax",
    "rate",
    "amount",
    "extended_cap",
    "extended_cap_justification",
    "calculation_detail",
    "location",
    "particular_contract",
    "cper",
    "duplicate_justification",
    "lapse_on",
)
MONEY_FIELDS = ("eligible_base", "amount")


# ---------------------------------------------------------------- rule checks


def _decimal(value, field, errors):
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        errors.setdefault(field, []).append(_("Saisissez un nombre."))
        return None
    if not number.is_finite():
        errors.setdefault(field, []).append(_("Saisissez un nombre."))
        return None
    if not rules.is_storable(number):
        errors.setdefault(field, []).append(_("Ce montant est trop grand."))
        return None
    return number


def plan_lines(dossier):
    """The plan as (kind, amount, is_region) tuples, for rules.plan_totals."""
    return [
        (line.kind, line.amount, line.is_region_share) for line in dossier.financing_lines.all()
    ]


def plan_errors(lines):
    """What makes a financing plan incomplete or unbalanced (empty when it is fine)."""
    messages = []
    if not any(kind == LineKind.EXPENSE for kind, _a, _r in lines):
        messages.append(_("Le plan de financement n'a aucune ligne de dépense."))
    if not any(is_region for _k, _a, is_region in lines):
        messages.append(_("Le plan de financement n'a pas de ligne « subvention de la Région »."))
    expenses, revenues, _region = rules.plan_totals(lines)
    if expenses != revenues:
        messages.append(
            _(
                "Le plan de financement n'est pas équilibré : dépenses %(expenses)s, recettes "
                "%(revenues)s (écart %(gap)s)."
            )
            % {
                "expenses": euros(expenses),
                "revenues": euros(revenues),
                "gap": euros(abs(expenses - revenues)),
            }
        )
    return messages


# Also the instruction form's message for the field it marks required.
MISSING_BUDGET_LINE = gettext_lazy("Indiquez l'imputation budgétaire.")


def terms_errors(dossier, lines):
    """Every rule on the financial terms of `dossier` with plan `lines`, as {field: [messages]}."""
    errors = {}

    def add(field, message):
        errors.setdefault(field, []).append(message)

    if dossier.beneficiary is None:
        add("beneficiary", _("Indiquez le bénéficiaire."))
    if dossier.eligible_base is None:
        add("eligible_base", _("Indiquez la base subventionnable."))
    if dossier.rate is None:
        add("rate", _("Indiquez le taux d'intervention."))
    elif not rules.rate_allowed(dossier.rate):
        add("rate", _("Le taux d'intervention doit être compris entre 0 et 50 %."))
    if dossier.amount is None:
        add("amount", _("Indiquez le montant de la subvention."))
    elif dossier.amount <= 0:
        add("amount", _("Le montant doit être positif."))
    if dossier.extended_cap and not dossier.extended_cap_justification.strip():
        add(
            "extended_cap_justification",
            _(
                "Le plafond de 100 000 € exige la justification de l'extension du périmètre et "
                "du renforcement de l'équipe de direction."
            ),
        )
    if "amount" not in errors and "rate" not in errors and dossier.eligible_base is not None:
        cap = rules.cap_for(dossier.extended_cap)
        maximum = rules.maximum_amount(dossier.eligible_base, dossier.rate, dossier.extended_cap)
        if dossier.amount > maximum:
            add(
                "amount",
                _(
                    "Le montant %(amount)s dépasse le montant maximum de %(maximum)s "
                    "(base %(base)s × taux %(rate)s, plafonné à %(cap)s)."
                )
                % {
                    "amount": euros(dossier.amount),
                    "maximum": euros(maximum),
                    "base": euros(dossier.eligible_base),
                    "rate": percent(dossier.rate),
                    "cap": euros(cap),
                },
            )
    for message in plan_errors(lines):
        add("financing_plan", message)
    expenses, _revenues, region = rules.plan_totals(lines)
    if dossier.amount is not None and "amount" not in errors:
        if expenses and dossier.amount > rules.max_share_of_expenses(expenses):
            add(
                "amount",
                _(
                    "Le montant %(amount)s dépasse 50 %% des dépenses du plan de financement "
                    "(%(expenses)s, soit au plus %(limit)s)."
                )
                % {
                    "amount": euros(dossier.amount),
                    "expenses": euros(expenses),
                    "limit": euros(rules.max_share_of_expenses(expenses)),
                },
            )
        if region is not None and region != dossier.amount:
            add(
                "financing_plan",
                _(
                    "La ligne « subvention de la Région » du plan (%(region)s) doit être égale "
                    "au montant de la subvention (%(amount)s)."
                )
                % {"region": euros(region), "amount": euros(dossier.amount)},
            )
    if dossier.budget_line is None:
        add("budget_line", str(MISSING_BUDGET_LINE))
    elif dossier.beneficiary is not None:
        nature = NATURE_BY_LEGAL_STATUS.get(dossier.beneficiary.legal_status)
        if nature is None:
            add(
                "beneficiary",
                _("Le statut juridique de ce bénéficiaire n'ouvre droit à aucune imputation."),
            )
        elif dossier.budget_line.nature != nature:
            add(
                "budget_line",
                _(
                    "La nature de l'imputation doit être %(nature)s pour un bénéficiaire au "
                    "statut « %(status)s »."
                )
                % {
                    "nature": nature.label,
                    "status": dossier.beneficiary.get_legal_status_display(),
                },
            )
    return errors


def _validate_and_save(dossier, *, update_fields=None):
    """full_clean (field checks and database constraints, with their French messages), then
    save; a constraint lost to a concurrent writer is reported the same way."""
    try:
        dossier.full_clean(exclude=["created_by"])
    except ValidationError as error:
        raise ValidationError(_field_errors(error)) from error
    try:
        with transaction.atomic():
            dossier.save(update_fields=update_fields)
    except IntegrityError as error:
        raise ValidationError(
            {"reference_year": [_("Ce campus a déjà un dossier pour cette année.")]}
        ) from error


def _field_errors(error):
    """Constraint messages come under NON_FIELD_ERRORS: attach the known ones to their field."""
    by_field = dict(error.message_dict)
    general = by_field.pop("__all__", [])
    targets = {
        "taux": "rate",
        "plafond": "amount",
        "multipliée": "amount",
        "stages": "interns_min_months",
        "fin prévisionnelle": "planned_end",
        "déjà un dossier": "duplicate_justification",
    }
    for message in general:
        field = next((f for key, f in targets.items() if key in message), "__all__")
        by_field.setdefault(field, []).append(message)
    return by_field


# ---------------------------------------------------------------- creation and project


def default_programme():
    programme = Programme.objects.filter(code=DEFAULT_PROGRAMME_CODE).first()
    if programme is None:
        raise ValidationError({"programme": _("Le dispositif des campus n'est pas paramétré.")})
    return programme


def next_dossier_number(programme, year):
    """« 24000001 »: the year's two digits then a six-digit counter. The caller holds the
    programme's row lock, so two creations never compute the same number."""
    prefix = f"{year % 100:02d}"
    numbers = SubsidyDossier.objects.filter(number__regex=rf"^{prefix}\d{{6}}$").aggregate(
        last=Max("number")
    )
    last = numbers["last"]
    counter = int(last[2:]) + 1 if last else 1
    return f"{prefix}{counter:06d}"


def _fill_beneficiary(dossier, organisation, day):
    """Point the dossier at `organisation` and copy how the fiche presents it."""
    dossier.beneficiary = organisation
    if organisation is None:
        return
    representative = organisation.representative_on(day)
    dossier.beneficiary_name = organisation.legal_name
    dossier.beneficiary_address = organisation.address
    dossier.beneficiary_legal_status = organisation.get_legal_status_display()
    dossier.beneficiary_representative = (
        ", ".join(filter(None, [representative.name, representative.title]))
        if representative
        else ""
    )


@transaction.atomic
def create_dossier(actor, *, campus, reference_year, duplicate_justification="", **project):
    """A draft dossier for `campus` and `reference_year`: its beneficiary is the campus's
    support institution on 1 January of that year."""
    if not permissions.can_prepare_for(actor, campus):
        raise PermissionDeniedError(_("Vous ne pouvez pas déposer de dossier pour ce campus."))
    unknown = set(project) - set(PROJECT_FIELDS)
    if unknown:
        raise ValidationError({field: _("Champ non modifiable ici.") for field in unknown})
    if duplicate_justification and not actor.is_regional_staff:
        raise PermissionDeniedError(_("Seuls les services de la Région accordent une exception."))
    try:
        reference_year = int(reference_year)
    except (TypeError, ValueError):
        raise ValidationError({"reference_year": _("Indiquez une année.")}) from None
    if not 2000 <= reference_year <= 2100:
        raise ValidationError({"reference_year": _("Indiquez une année entre 2000 et 2100.")})
    programme = Programme.objects.select_for_update().get(pk=default_programme().pk)
    if not duplicate_justification and (
        SubsidyDossier.objects.filter(campus=campus, reference_year=reference_year)
        .exclude(status__in=ABANDONED_STATUSES)
        .exists()
    ):
        raise ValidationError(
            {
                "reference_year": _(
                    "Ce campus a déjà un dossier pour %(year)s : un seul dossier par campus et "
                    "par an, sauf exception justifiée par la Région."
                )
                % {"year": reference_year}
            }
        )
    dossier = SubsidyDossier(
        campus=campus,
        programme=programme,
        reference_year=reference_year,
        number=next_dossier_number(programme, reference_year),
        duplicate_justification=duplicate_justification,
        created_by=actor,
        planned_start=date(reference_year, 1, 1),
        planned_end=date(reference_year, 12, 31),
    )
    dossier.title = (
        f"Campus des métiers et des qualifications « {campus.short_name} » - "
        f"Budget {reference_year}"
    )
    for field, value in project.items():
        setattr(dossier, field, value)
    january = date(reference_year, 1, 1)
    _fill_beneficiary(dossier, support_institution_on(campus, january), january)
    _validate_and_save(dossier)
    record(actor, AuditAction.CREATE, dossier, after=snapshot(dossier), campus=campus)
    return dossier


@transaction.atomic
def update_project(actor, dossier, data, *, expected_version=None):
    """The project part (description, dates, interns…): the director while it is a draft,
    regional staff until the vote."""
    current = locked_dossier(dossier)
    DOSSIER.check("edit_project", actor, current)
    check_version(current, expected_version)
    unknown = set(data) - set(PROJECT_FIELDS)
    if unknown:
        raise PermissionDeniedError(
            _("Vous ne pouvez pas modifier : %(fields)s.") % {"fields": ", ".join(sorted(unknown))}
        )
    if all(getattr(current, field) == value for field, value in data.items()):
        return current  # nothing changed: the version stays, no audit entry
    before = snapshot(current)
    for field, value in data.items():
        setattr(current, field, value)
    if current.early_start and not (current.early_start_reason or "").strip():
        raise ValidationError({"early_start_reason": _("Motivez le démarrage anticipé du projet.")})
    current.version += 1
    _validate_and_save(current)
    record_update(actor, current, before, campus=current.campus)
    return current


@transaction.atomic
def set_financing_plan(actor, dossier, lines, *, expected_version=None):
    """Replace the financing plan with `lines`: dicts with kind, label, amount and
    is_region_share. An incomplete or unbalanced plan may be saved as a draft; submission
    and instruction require it complete and balanced."""
    current = locked_dossier(dossier)
    DOSSIER.check("edit_project", actor, current)
    check_version(current, expected_version)
    errors, rows = {}, []
    for index, line in enumerate(lines):
        label = (line.get("label") or "").strip()
        kind = line.get("kind")
        amount = _decimal(line.get("amount"), f"line_{index}", errors)
        if kind not in LineKind.values:
            errors.setdefault(f"line_{index}", []).append(_("Choisissez dépense ou recette."))
        if not label:
            errors.setdefault(f"line_{index}", []).append(_("Indiquez le libellé de la ligne."))
        if amount is not None and amount < 0:
            errors.setdefault(f"line_{index}", []).append(_("Le montant ne peut être négatif."))
        if amount is None and f"line_{index}" not in errors:
            errors.setdefault(f"line_{index}", []).append(_("Indiquez le montant."))
        is_region = bool(line.get("is_region_share"))
        if is_region and kind != LineKind.REVENUE:
            errors.setdefault(f"line_{index}", []).append(
                _("La subvention de la Région est une recette.")
            )
        if amount is not None and amount != rules.to_cents(amount):
            errors.setdefault(f"line_{index}", []).append(_("Au plus deux décimales."))
        rows.append((kind, label[:250], amount, is_region))
    if sum(1 for row in rows if row[3]) > 1:
        errors.setdefault("financing_plan", []).append(
            _("Le plan n'a qu'une ligne « subvention de la Région ».")
        )
    if errors:
        raise ValidationError(errors)
    before = [
        f"{line.get_kind_display()} {line.label}: {line.amount}"
        for line in current.financing_lines.all()
    ]
    current.financing_lines.all().delete()
    FinancingLine.objects.bulk_create(
        FinancingLine(
            dossier=current,
            kind=kind,
            label=label,
            amount=amount,
            is_region_share=is_region,
            position=position,
        )
        for position, (kind, label, amount, is_region) in enumerate(rows)
    )
    current.version += 1
    current.save(update_fields=["version", "updated_at"])
    after = [f"{LineKind(kind).label} {label}: {amount}" for kind, label, amount, _r in rows]
    record(
        actor,
        AuditAction.UPDATE,
        current,
        changes={"plan de financement": [before, after]} if before != after else {},
        campus=current.campus,
    )
    return current


# ---------------------------------------------------------------- transitions before the vote


def submission_errors(dossier):
    """What the director must still fill before submitting."""
    errors = {}
    if not dossier.description.strip():
        errors["description"] = [_("Décrivez le projet.")]
    if dossier.planned_start is None or dossier.planned_end is None:
        errors["planned_start"] = [_("Indiquez les dates prévisionnelles.")]
    if dossier.early_start and not dossier.early_start_reason.strip():
        errors["early_start_reason"] = [_("Motivez le démarrage anticipé du projet.")]
    if dossier.beneficiary is None:
        errors["beneficiary"] = [_("Le campus n'a pas d'établissement support à cette date.")]
    messages = plan_errors(plan_lines(dossier))
    if messages:
        errors["financing_plan"] = messages
    return errors


@transaction.atomic
def submit(actor, dossier, reason=""):
    current = locked_dossier(dossier)
    action = DOSSIER.check("submit", actor, current)
    errors = submission_errors(current)
    if errors:
        raise ValidationError(errors)
    return change_status(actor, current, action.target, reason)


@transaction.atomic
def return_to_draft(actor, dossier, reason):
    """Regional staff send a submitted dossier back to the director to complete it."""
    current = locked_dossier(dossier)
    action = DOSSIER.check("return_to_draft", actor, current)
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Indiquez ce que le campus doit compléter.")})
    return change_status(actor, current, action.target, reason)


def _coerce_terms(current, data, errors):
    for field in MONEY_FIELDS + ("rate",):
        if field in data:
            data[field] = _decimal(data[field], field, errors)
    if data.get("base_tax") not in (None, *BaseTax.values):
        errors.setdefault("base_tax", []).append(_("Choisissez HT ou TTC."))
    return data


@transaction.atomic
def instruct(actor, dossier, data, *, expected_version=None, reason=""):
    """Regional staff set the financial terms (base, rate, amount, budget line…) and check
    every rule: the dossier becomes « instruit ». Without an amount, the maximum is proposed."""
    current = locked_dossier(dossier)
    action = DOSSIER.check("instruct", actor, current)
    check_version(current, expected_version)
    unknown = set(data) - set(TERMS_FIELDS)
    if unknown:
        raise ValidationError({field: _("Champ non modifiable ici.") for field in unknown})
    errors = {}
    data = _coerce_terms(current, dict(data), errors)
    if errors:
        raise ValidationError(errors)
    before = snapshot(current)
    beneficiary_changed = "beneficiary" in data and data["beneficiary"] != current.beneficiary
    for field, value in data.items():
        if field == "beneficiary":
            continue
        setattr(current, field, value if value is not None or field not in MONEY_FIELDS else None)
    if beneficiary_changed:
        _fill_beneficiary(current, data["beneficiary"], date(current.reference_year, 1, 1))
    if not current.extended_cap:
        current.extended_cap_justification = current.extended_cap_justification or ""
    can_compute = current.eligible_base is not None and current.rate is not None
    if current.amount is None and can_compute and rules.rate_allowed(current.rate):
        current.amount = rules.maximum_amount(
            current.eligible_base, current.rate, current.extended_cap
        )
    errors = terms_errors(current, plan_lines(current))
    if errors:
        raise ValidationError(errors)
    current.version += 1
    _validate_and_save(current)
    record_update(actor, current, before, campus=current.campus)
    if current.status == DossierStatus.SUBMITTED:
        change_status(actor, current, action.target, reason)
    return current


@transaction.atomic
def refuse(actor, dossier, reason):
    current = locked_dossier(dossier)
    action = DOSSIER.check("refuse", actor, current)
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Indiquez le motif du refus.")})
    return change_agenda(actor, current, action.target, reason)


@transaction.atomic
def withdraw(actor, dossier, reason=""):
    """The campus (or the Region for it) withdraws a dossier not yet voted."""
    current = locked_dossier(dossier)
    action = DOSSIER.check("withdraw", actor, current)
    return change_agenda(actor, current, action.target, reason)


# ---------------------------------------------------------------- history


@transaction.atomic
def record_historical_dossier(actor, *, lines, **fields):
    """A dossier voted before the portal existed, recorded as it was: the instruction rules
    are not replayed (only the database's constraints apply) and a missing SIRET stays
    missing, flagged « à compléter » on its page. The vote itself goes through
    `votes.record_historical_vote`, which keeps the envelope rule."""
    require_manager(actor)
    dossier = SubsidyDossier(is_historical=True, created_by=actor, **fields)
    _validate_and_save(dossier)
    FinancingLine.objects.bulk_create(
        FinancingLine(dossier=dossier, position=position, **line)
        for position, line in enumerate(lines)
    )
    record(actor, AuditAction.CREATE, dossier, after=snapshot(dossier), campus=dossier.campus)
    return dossier
