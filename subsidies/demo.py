"""Demo subsidies (subsidies/demo_data.py), loaded through the services so that the demo obeys
the same rules as real use:

* the programme n° 00001036, its two budget lines and the two envelopes of CP 2023-263
  (500 000 € for the campus grants, 200 000 € for the cross-campus support contracts);
* the nine dossiers of CP 2023-263 exactly as their fiches projet, recorded as historical
  (voted before the portal existed) and voted on the 500 000 € envelope, which they use fully;
* the Versailles 2021 and 2022 grants to CY Cergy Paris Université, their grant agreements and
  the 40 000 € paid on each, and the transfer amendment (annexe 11) that makes the two
  remainders of 10 000 € due to the association Campus Versailles.

What the seeds do not say (numbers of the 2021/2022 dossiers, signature and payment dates) is
assumed and listed in ASSUMED below and in the README. Idempotent: a dossier whose number is
present is left as it is.
"""

from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction

from campuses.demo_data import ORGANISATIONS
from campuses.models import Campus, Organisation
from deliberations.models import Deliberation, Regulation
from deliberations.numbers import parse_deliberation_number

from . import acts, demo_data, services
from .models import (
    BeneficiaryTransfer,
    BudgetLine,
    CommitmentEnvelope,
    Programme,
    SubsidyDossier,
)
from .services.votes import record_historical_vote

# Fields of a demo dossier that are model fields as such.
DOSSIER_FIELDS = (
    "number",
    "title",
    "reference_year",
    "beneficiary_name",
    "beneficiary_address",
    "beneficiary_legal_status",
    "beneficiary_representative",
    "base_label",
    "eligible_base",
    "base_tax",
    "rate",
    "amount",
    "extended_cap",
    "extended_cap_justification",
    "calculation_detail",
    "planned_start",
    "planned_end",
    "early_start",
    "early_start_reason",
    "description",
    "interns_min_months",
    "vat_recovered",
    "location",
    "particular_contract",
    "cper",
)

# Assumed where the seeds are silent (README, « Données de démonstration »).
HISTORICAL_NUMBERS = {2021: "HIST-2021-VERSAILLES", 2022: "HIST-2022-VERSAILLES"}
AGREEMENT_SIGNED_ON = {2021: date(2021, 6, 15), 2022: date(2022, 5, 16)}
ADVANCE_PAID_ON = {2021: date(2021, 10, 15), 2022: date(2022, 9, 15)}
TRANSFER_SIGNED_ON = date(2023, 9, 28)
NEW_BENEFICIARY_SIGNATORY = (
    "Le président de l'association Campus Versailles (nom laissé en blanc dans l'avenant)"
)
REGION_SIGNATORY = "Valérie PECRESSE, Présidente de la Région Île-de-France"
CY_SIGNATORY = "Le président de CY Cergy Paris Université"


def _organisations_by_key():
    names = {data["key"]: data["legal_name"] for data in ORGANISATIONS}
    by_name = {o.legal_name: o for o in Organisation.objects.filter(legal_name__in=names.values())}
    return {key: by_name[name] for key, name in names.items() if name in by_name}


def _campuses_by_key():
    from campuses.demo_data import CAMPUSES

    names = {data["key"]: data["name"] for data in CAMPUSES}
    by_name = {c.name: c for c in Campus.objects.filter(name__in=names.values())}
    return {key: by_name[name] for key, name in names.items() if name in by_name}


def _deliberation(number):
    return Deliberation.objects.get(number=parse_deliberation_number(number)[1])


def _reference_data():
    for data in demo_data.DELIBERATIONS:
        body, number = parse_deliberation_number(data["number"])
        deliberation, created = Deliberation.objects.get_or_create(
            number=number, defaults={"body": body, "date": data["date"], "title": data["title"]}
        )
        if not created and deliberation.title != data["title"]:  # the seed's title, not the old one
            deliberation.title = data["title"]
            deliberation.save(update_fields=["title"])
    data = demo_data.PROGRAMME
    programme, _created = Programme.objects.update_or_create(
        code=data["code"],
        defaults={
            "name": data["name"],
            "framework_deliberation": _deliberation(data["framework_deliberation"]),
            "framework_mention": data["framework_mention"],
            "regulation": Regulation.objects.filter(
                versions__deliberation__number=_deliberation(data["framework_deliberation"]).number
            ).first(),
        },
    )
    lines = {}
    for data in demo_data.BUDGET_LINES:
        line, _created = BudgetLine.objects.update_or_create(
            chapter=data["chapter"],
            function=data["function"],
            nature=data["nature"],
            action=data["action"],
            suffix=data["suffix"],
            defaults={
                "programme": programme,
                "programme_code": data["programme_code"],
                "action_label": data["action_label"],
            },
        )
        lines[line.code] = line
    envelopes = {}
    for data in demo_data.ENVELOPES:
        envelope, _created = CommitmentEnvelope.objects.update_or_create(
            deliberation=_deliberation(data["deliberation"]),
            purpose=data["purpose"],
            budget_year=data["budget_year"],
            defaults={
                "programme": programme,
                **{
                    field: data[field]
                    for field in (
                        "article",
                        "label",
                        "amount",
                        "chapter",
                        "chapter_label",
                        "function",
                        "function_label",
                        "programme_code",
                        "programme_label",
                        "action",
                        "action_label",
                    )
                },
            },
        )
        envelopes[data["purpose"]] = envelope
    return programme, lines, envelopes


def _plan(data):
    return [
        {"kind": "expense", "label": line["label"], "amount": line["amount"]}
        for line in data["expenses"]
    ] + [
        {
            "kind": "revenue",
            "label": line["label"],
            "amount": line["amount"],
            "is_region_share": line["region"],
        }
        for line in data["revenues"]
    ]


def _dossiers_2023(actor, programme, lines, envelope, campuses, organisations):
    deliberation = _deliberation("CP 2023-263")
    dossiers = []
    for position, data in enumerate(demo_data.DOSSIERS_CP_2023_263, start=1):
        dossier = SubsidyDossier.objects.filter(number=data["number"]).first()
        if dossier is None:
            dossier = services.record_historical_dossier(
                actor,
                lines=_plan(data),
                campus=campuses[data["campus"]],
                programme=programme,
                beneficiary=organisations[data["beneficiary"]],
                budget_line=lines[data["budget_line"]],
                interns_count=data["interns"],
                **{field: data[field] for field in DOSSIER_FIELDS},
            )
            dossier = record_historical_vote(
                actor, dossier, deliberation=deliberation, envelope=envelope, position=position
            )
        dossiers.append(dossier)
    return dossiers


def _versailles_history(actor, programme, lines, campuses, organisations):
    """The 2021 and 2022 grants to CY, 40 000 € paid on each, then the signed transfer."""
    dossiers = []
    for data in demo_data.VERSAILLES_HISTORICAL_DOSSIERS:
        year = data["reference_year"]
        number = data["number"] or HISTORICAL_NUMBERS[year]
        dossier = SubsidyDossier.objects.filter(number=number).first()
        if dossier is None:
            beneficiary = organisations[data["beneficiary"]]
            dossier = services.record_historical_dossier(
                actor,
                lines=[],
                number=number,
                title=data["title"],
                campus=campuses[data["campus"]],
                programme=programme,
                reference_year=year,
                beneficiary=beneficiary,
                beneficiary_name=beneficiary.legal_name,
                beneficiary_address=beneficiary.address,
                beneficiary_legal_status=beneficiary.get_legal_status_display(),
                budget_line=lines[data["budget_line"]],
                eligible_base=data["eligible_base"],
                base_tax=data["base_tax"],
                rate=data["rate"],
                amount=data["amount"],
                planned_start=date(year, 1, 1),
                planned_end=date(year, 12, 31),
            )
            dossier = record_historical_vote(
                actor, dossier, deliberation=_deliberation(data["deliberation"])
            )
            for party, signatory in (("region", REGION_SIGNATORY), ("beneficiary", CY_SIGNATORY)):
                services.sign_agreement(
                    actor,
                    dossier,
                    party=party,
                    signed_on=AGREEMENT_SIGNED_ON[year],
                    signatory=signatory,
                )
            for payment_data in data["payments"]:
                payment = services.request_payment(
                    actor,
                    dossier,
                    kind=payment_data["kind"],
                    amount=payment_data["amount"],
                    requested_on=ADVANCE_PAID_ON[year],
                    reference=payment_data["reference"],
                )
                services.mark_paid(
                    actor, payment, paid_on=payment_data["paid_on"] or ADVANCE_PAID_ON[year]
                )
        dossiers.append(dossier)
    return dossiers


def _transfer(actor, dossiers, campuses, organisations):
    data = demo_data.TRANSFER
    campus = campuses[data["campus"]]
    existing = BeneficiaryTransfer.objects.filter(campus=campus).first()
    adopted_text = acts.read(acts.TRANSFER_VERSAILLES)
    if existing is not None:
        if existing.adopted_text != adopted_text:
            existing.adopted_text = adopted_text
            existing.save(update_fields=["adopted_text"])
        return existing
    transfer = services.create_transfer(
        actor,
        campus=campus,
        new_beneficiary=organisations[data["new_beneficiary"]],
        dossiers=dossiers,
        deliberation=_deliberation(data["deliberation"]),
        region_mandate=data["region_mandate"],
        reason="\n\n".join(data["recitals"]),
    )
    # The text of record: annexe 11 as adopted, which the PDF reproduces.
    transfer.adopted_text = adopted_text
    transfer.save(update_fields=["adopted_text"])
    signatories = {
        "region": REGION_SIGNATORY,
        "previous": data["signatories"].get("previous") or CY_SIGNATORY,
        "new": data["signatories"].get("new") or NEW_BENEFICIARY_SIGNATORY,
    }
    for party, signatory in signatories.items():
        transfer = services.sign_transfer(
            actor, transfer, party=party, signed_on=TRANSFER_SIGNED_ON, signatory=signatory
        )
    return transfer


@transaction.atomic
def load_demo():
    actor = get_user_model().objects.get(username="region")
    programme, lines, envelopes = _reference_data()
    campuses, organisations = _campuses_by_key(), _organisations_by_key()
    dossiers = _dossiers_2023(
        actor, programme, lines, envelopes["campus_grants"], campuses, organisations
    )
    history = _versailles_history(actor, programme, lines, campuses, organisations)
    _transfer(actor, history, campuses, organisations)
    return dossiers + history


def generate_documents():
    """Generate, in this process, the fiche projet of each dossier of CP 2023-263 and the
    transfer amendment (idempotent: unchanged content is not redone). Returns the number of
    ready documents."""
    from documents.models import DocumentStatus

    from .documents import generate, request_document
    from .models import SubsidyDocumentKind

    actor = get_user_model().objects.get(username="region")
    documents = [
        request_document(actor, kind=SubsidyDocumentKind.FICHE_PROJET, dossier=dossier)
        for dossier in SubsidyDossier.objects.filter(deliberation__number="CP 2023-263").order_by(
            "position"
        )
    ] + [
        request_document(actor, kind=SubsidyDocumentKind.TRANSFER, transfer=transfer)
        for transfer in BeneficiaryTransfer.objects.all()
    ]
    return sum(generate(document.pk) == DocumentStatus.READY for document in documents)
