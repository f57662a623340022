"""Build subsidy dossiers for tests through the services, as a director and regional staff
would. Years from 2030 on are free in the demo data, so tests never collide with it."""

from datetime import date
from decimal import Decimal

from deliberations.models import Deliberation
from subsidies import services
from subsidies.models import BudgetLine, CommitmentEnvelope, EnvelopePurpose, Programme

D = Decimal


def balanced_plan(expenses="100000.00", region="50000.00"):
    """One expense line; the Region's line and the campus's other resources balance it."""
    return [
        {"kind": "expense", "label": "dépenses de fonctionnement du campus", "amount": expenses},
        {
            "kind": "revenue",
            "label": "subvention Région",
            "amount": region,
            "is_region_share": True,
        },
        {
            "kind": "revenue",
            "label": "autres ressources du campus",
            "amount": str(D(expenses) - D(region)),
        },
    ]


def deliberation(number, day=date(2026, 7, 1)):
    return Deliberation.objects.get_or_create(
        number=number, defaults={"body": number[:2], "date": day, "title": f"Délibération {number}"}
    )[0]


def envelope(amount="500000.00", number="CP 2030-100", year=2030):
    return CommitmentEnvelope.objects.create(
        programme=Programme.objects.get(code="00001036"),
        deliberation=deliberation(number),
        article="7",
        budget_year=year,
        purpose=EnvelopePurpose.CAMPUS_GRANTS,
        label=f"Subventions aux campus {year}",
        amount=D(amount),
        chapter="932",
        function="288",
        programme_code="HP288-003",
        action="12800302",
    )


def budget_line_for(dossier):
    nature = "655122" if dossier.beneficiary.legal_status == "association" else "657381"
    return BudgetLine.objects.get(nature=nature)


def submitted_dossier(actor, campus, year=2030, plan=None):
    """A dossier prepared and submitted (by `actor`: a director of the campus, or regional
    staff) with a description and a balanced plan."""
    dossier = services.create_dossier(
        actor, campus=campus, reference_year=year, description="Actions de l'année."
    )
    services.set_financing_plan(actor, dossier, plan or balanced_plan())
    return services.submit(actor, dossier)


def instructed_dossier(region, campus, year=2030, *, terms=None, plan=None):
    dossier = submitted_dossier(region, campus, year, plan)
    data = {"eligible_base": D("100000.00"), "rate": D("50.00"), "amount": D("50000.00")}
    data.update(terms or {})
    data.setdefault("budget_line", budget_line_for(dossier))
    return services.instruct(region, dossier, data)


def voted_dossier(region, campus, year=2030, *, on_envelope=None, number="CP 2030-101"):
    """Instructed, proposed on `on_envelope` (a new 500 000 € one by default) and voted."""
    dossier = instructed_dossier(region, campus, year)
    on_envelope = on_envelope or envelope(number=f"{number}-AE")
    session = deliberation(number)
    services.propose(region, dossier, deliberation=session, envelope=on_envelope)
    services.vote_deliberation(region, session)
    dossier.refresh_from_db()
    return dossier


def signed_dossier(region, campus, year=2030, **kwargs):
    dossier = voted_dossier(region, campus, year, **kwargs)
    for party in ("region", "beneficiary"):
        services.sign_agreement(
            region, dossier, party=party, signed_on=date(2026, 9, 1), signatory="Signataire"
        )
    dossier.refresh_from_db()
    return dossier
