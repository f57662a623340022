"""The demo multiplied: `factor - 1` copies of every campus with all it owns in every domain
(label periods, places, stakeholders, governance, support institutions and their
organisations, conventions with parties, articles, contributions, amendments and signatures,
the deliberations they cite, subsidy dossiers with financing plans, grant agreements, payments
and transfers, label applications with opinions, presentations, assessments, obligations and
navettes) and, for the follow-up, generated sheets (followup.generator) over `years` campaigns.

For the benchmark only (`manage.py multiply_demo`, `manage.py bench`): the copies are written
with bulk inserts that skip the services, so they leave no audit entry, no notification and no
document; each copy is a faithful duplicate of the demo rows, renamed where a name is unique.
"""

import random
import re
from collections import defaultdict
from datetime import date

from django.db import models, transaction

from campuses.models import (
    Campus,
    CampusDirector,
    CampusFormerName,
    CampusPlace,
    GovernanceBody,
    LabelPeriod,
    Organisation,
    OrganisationRepresentative,
    Stakeholder,
    SupportInstitutionTenure,
)
from conventions.models import (
    Amendment,
    AmendmentChange,
    Annex,
    Article,
    Contribution,
    ConventionParty,
    FrameworkConvention,
    Paragraph,
    Reminder,
    Signature,
    SignedScan,
)
from deliberations.models import Deliberation
from followup.generator import create_sheets
from followup.models import Campaign, FollowUpSheet, SheetStatus
from labels.models import (
    ApplicationAnnex,
    ApplicationOpinion,
    ConsolidatedCriterion,
    CriterionAssessment,
    CriterionPresentation,
    DeclaredConflict,
    ExpertAssignment,
    LabelApplication,
    LabelObligation,
    LabelReminder,
    NavetteRound,
    Recommendation,
)
from labels.models import StatusChange as LabelStatusChange
from subsidies.models import (
    BeneficiaryTransfer,
    CommitmentEnvelope,
    FinancingLine,
    GrantAgreement,
    Payment,
    SubsidyDossier,
    SubsidyReminder,
    TransferredDossier,
)
from subsidies.models import StatusChange as SubsidyStatusChange

# Copied in this order; a foreign key to a model copied later (a cycle: a convention
# terminated by one of its parties, a party added by an amendment) is set once all exist.
# Not copied, shared by every copy: users, reference data (sectors, academies, regulations,
# programmes, budget lines, criteria, sessions), campaigns, audit entries (a hash chain) and
# generated documents (the benchmark renders its own).
MODELS = [
    Organisation,
    OrganisationRepresentative,
    Campus,
    CampusFormerName,
    CampusPlace,
    LabelPeriod,
    SupportInstitutionTenure,
    CampusDirector,
    Stakeholder,
    GovernanceBody,
    Deliberation,
    FrameworkConvention,
    Amendment,
    ConventionParty,
    Article,
    Paragraph,
    Contribution,
    Annex,
    AmendmentChange,
    Signature,
    SignedScan,
    Reminder,
    CommitmentEnvelope,
    SubsidyDossier,
    FinancingLine,
    SubsidyStatusChange,
    GrantAgreement,
    Payment,
    BeneficiaryTransfer,
    TransferredDossier,
    SubsidyReminder,
    LabelApplication,
    ApplicationOpinion,
    ApplicationAnnex,
    CriterionPresentation,
    LabelStatusChange,
    DeclaredConflict,
    ExpertAssignment,
    CriterionAssessment,
    ConsolidatedCriterion,
    LabelObligation,
    NavetteRound,
    Recommendation,
    LabelReminder,
]
BATCH = 500
DELIBERATION_NUMBER = re.compile(r"^(?P<head>.*-)(?P<seq>\d+)$")


def _suffixed(value, copy, max_length):
    suffix = f" (copie {copy})"
    return value[: max_length - len(suffix)] + suffix


def _rename(obj, copy):
    """Unique names of a copy: the original's, marked with the copy's number."""
    if isinstance(obj, Organisation):
        obj.legal_name = _suffixed(obj.legal_name, copy, 250)
        obj.siret = ""  # a SIRET is one organisation's: the copies have none
    elif isinstance(obj, Campus):
        obj.name = _suffixed(obj.name, copy, 250)
        obj.short_name = _suffixed(obj.short_name, copy, 100)
    elif isinstance(obj, Deliberation):
        # « CP 2023-263 » → « CP 2023-1263 »: still a number the parser reads.
        match = DELIBERATION_NUMBER.match(obj.number)
        if match:
            obj.number = f"{match['head']}{copy}{match['seq']}"[:20]
        else:
            obj.number = f"{obj.number[:16]}-{copy}"
    elif isinstance(obj, SubsidyDossier):
        obj.number = f"{obj.number[: 20 - len(str(copy)) - 1]}-{copy}"
    elif isinstance(obj, CampusDirector):
        obj.user = None  # the demo accounts direct the demo campuses only


def _foreign_keys(model):
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.ForeignKey) and field.related_model in MODELS
    ]


def _m2m_of(model):
    """The automatic many-to-many tables of `model` (an explicit one is in MODELS)."""
    return [
        field
        for field in model._meta.local_many_to_many
        if field.remote_field.through._meta.auto_created
    ]


@transaction.atomic
def multiply(factor=10, *, years=10, seed=2023):
    """Add `factor - 1` copies of the demo; the follow-up of each copied campus that has
    sheets covers `years` campaigns (the demo's and earlier ones, all validated). Returns the
    counts of the main rows after the copy."""
    if factor < 2:
        return counts()
    originals = {model: list(model.objects.order_by("pk")) for model in MODELS}
    m2m_rows = {
        (model, field.name): list(
            field.remote_field.through.objects.values_list(
                field.m2m_field_name(), field.m2m_reverse_field_name()
            )
        )
        for model in MODELS
        for field in _m2m_of(model)
    }
    sheets = list(FollowUpSheet.objects.order_by("campaign__year", "campus_id", "pk"))
    rng = random.Random(seed)
    for copy in range(1, factor):
        mapping = _copy_rows(originals, copy)
        _copy_m2m(m2m_rows, mapping)
        _copy_followup(sheets, mapping[Campus], years=years, rng=rng)
    return counts()


def _copy_rows(originals, copy):
    """One copy of every row of `originals`: {model: {old pk: new pk}}."""
    mapping = defaultdict(dict)
    later = []  # (model, new pk, field, old target pk): keys to models not copied yet
    for model in MODELS:
        rows = originals[model]
        if not rows:
            continue
        keys = _foreign_keys(model)
        clones = []
        fields = [f.attname for f in model._meta.concrete_fields]
        for row in rows:
            clone = model(**{name: getattr(row, name) for name in fields})
            clone.pk = None
            for field in keys:
                old = getattr(row, field.attname)
                if old is None:
                    continue
                target = mapping[field.related_model]
                if old in target:
                    setattr(clone, field.attname, target[old])
                elif field.null:
                    setattr(clone, field.attname, None)
                    later.append((model, len(clones), field, old))
                else:
                    raise LookupError(f"{model._meta.label}.{field.name}: {old} non copié")
            _rename(clone, copy)
            clones.append(clone)
        created = model.objects.bulk_create(clones, batch_size=BATCH)
        mapping[model] = {row.pk: clone.pk for row, clone in zip(rows, created, strict=True)}
        for index, (pending_model, position, field, old) in enumerate(later):
            if pending_model is model:
                later[index] = (model, created[position].pk, field, old)
    for model, pk, field, old in later:
        model.objects.filter(pk=pk).update(**{field.attname: mapping[field.related_model][old]})
    return mapping


def _copy_m2m(m2m_rows, mapping):
    for (model, name), pairs in m2m_rows.items():
        field = model._meta.get_field(name)
        through = field.remote_field.through
        own, other = field.m2m_field_name(), field.m2m_reverse_field_name()
        other_mapping = mapping.get(field.related_model, {})
        through.objects.bulk_create(
            (
                through(
                    **{
                        f"{own}_id": mapping[model][left],
                        f"{other}_id": other_mapping.get(right, right),
                    }
                )
                for left, right in pairs
                if left in mapping[model]
            ),
            batch_size=BATCH,
        )


def _copy_followup(sheets, campuses, *, years, rng):
    """The copies' sheets: each original sheet's campaign and status, generated figures; and
    validated sheets of earlier campaigns up to `years` campaigns in all."""
    if not sheets:
        return
    demo_years = sorted({sheet.campaign.year for sheet in sheets})
    campaigns = {sheet.campaign.year: sheet.campaign for sheet in sheets}
    for year in range(demo_years[-1] - years + 1, demo_years[0]):
        campaigns[year] = Campaign.objects.get_or_create(
            year=year,
            defaults={"opens_on": date(year + 1, 1, 10), "deadline": date(year + 1, 3, 31)},
        )[0]
    rows = []
    for campus_id in sorted({sheet.campus_id for sheet in sheets}):
        rows.extend(
            (campaigns[year], Campus(pk=campuses[campus_id]), SheetStatus.VALIDATED)
            for year in sorted(campaigns)
            if year < demo_years[0]
        )
    rows.extend(
        (sheet.campaign, Campus(pk=campuses[sheet.campus_id]), sheet.status) for sheet in sheets
    )
    create_sheets(rows, rng=rng)


def counts():
    return {
        "campuses": Campus.objects.count(),
        "conventions": FrameworkConvention.objects.count(),
        "amendments": Amendment.objects.count(),
        "deliberations": Deliberation.objects.count(),
        "subsidies": SubsidyDossier.objects.count(),
        "payments": Payment.objects.count(),
        "labels": LabelApplication.objects.count(),
        "followup": FollowUpSheet.objects.count(),
    }
