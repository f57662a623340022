"""The regulation's rules, each refused with its French message and nothing saved, whatever
the entry point: the services (pages and API go through them) and the database itself."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from core.errors import ConflictError, PermissionDeniedError
from subsidies import rules, services
from subsidies.models import DossierStatus, FinancingLine, SubsidyDossier
from tests.subsidies.helpers import (
    balanced_plan,
    budget_line_for,
    deliberation,
    envelope,
    instructed_dossier,
    submitted_dossier,
)

pytestmark = pytest.mark.django_db
D = Decimal


def messages(error):
    return " ".join(m for ms in error.value.message_dict.values() for m in ms)


# ---------------------------------------------------------------- pure arithmetic


@pytest.mark.parametrize(
    ("base", "rate", "extended", "expected"),
    [
        ("100000.00", "50.00", False, "50000.00"),
        ("200000.00", "50.00", True, "100000.00"),
        ("200000.00", "50.00", False, "50000.00"),  # capped at 50 000 without justification
        ("250000.00", "50.00", True, "100000.00"),  # capped at 100 000 with it
        ("100.05", "50.00", False, "50.03"),  # half up, not banker's rounding (50.02)
        ("10000.01", "33.33", False, "3333.00"),
        ("33333.33", "12.34", False, "4113.33"),
    ],
)
def test_maximum_amount_is_min_of_base_times_rate_and_cap_rounded_to_the_cent(
    base, rate, extended, expected
):
    result = rules.maximum_amount(D(base), D(rate), extended)
    assert result == D(expected)
    assert result.as_tuple().exponent == -2


def test_shares_and_totals_are_decimal():
    lines = [("expense", D("0.10"), False), ("expense", D("0.20"), False)]
    lines += [("revenue", D("0.30"), True)]
    assert rules.plan_totals(lines) == (D("0.30"), D("0.30"), D("0.30"))
    assert rules.share(D("50000"), D("100000")) == D("50.00")
    assert rules.share(D("1"), D("3")) == D("33.33")


def test_reduced_balance_is_rate_times_realised_expenses_minus_paid_never_negative():
    assert rules.reduced_balance_limit(D("50"), D("80000"), D("20000"), D("50000")) == D("20000")
    assert rules.reduced_balance_limit(D("50"), D("30000"), D("20000"), D("50000")) == D("0")
    # Never above the voted amount, however high the realised expenses.
    assert rules.reduced_balance_limit(D("50"), D("500000"), D("0"), D("50000")) == D("50000")


# ---------------------------------------------------------------- instruction rules


def _instruct_refused(region, dossier, terms, field, words):
    before = SubsidyDossier.objects.get(pk=dossier.pk)
    data = {"eligible_base": D("100000.00"), "rate": D("50.00"), "amount": D("50000.00")}
    data.update(terms)
    data.setdefault("budget_line", budget_line_for(dossier))
    with pytest.raises(ValidationError) as error:
        services.instruct(region, dossier, data)
    assert field in error.value.message_dict
    for word in words:
        assert word in messages(error)
    after = SubsidyDossier.objects.get(pk=dossier.pk)
    assert (after.rate, after.amount, after.status, after.version) == (
        before.rate,
        before.amount,
        before.status,
        before.version,
    )


def test_a_51_percent_rate_is_refused(user_of, campus_of):
    region = user_of("region")
    dossier = submitted_dossier(region, campus_of("versailles"))
    _instruct_refused(region, dossier, {"rate": D("51.00")}, "rate", ["50 %"])
    with pytest.raises(IntegrityError), transaction.atomic():  # the database refuses it too
        SubsidyDossier.objects.filter(pk=dossier.pk).update(rate=D("51.00"))


def test_60000_without_the_justification_is_refused(user_of, campus_of):
    region = user_of("region")
    plan = balanced_plan(expenses="120000.00", region="60000.00")
    dossier = submitted_dossier(region, campus_of("versailles"), plan=plan)
    _instruct_refused(
        region,
        dossier,
        {"eligible_base": D("120000.00"), "amount": D("60000.00")},
        "amount",
        ["60\u00a0000,00\u00a0€", "50\u00a0000,00\u00a0€"],
    )
    _instruct_refused(
        region,
        dossier,
        {"eligible_base": D("120000.00"), "amount": D("60000.00"), "extended_cap": True},
        "extended_cap_justification",
        ["justification"],
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        SubsidyDossier.objects.filter(pk=dossier.pk).update(amount=D("60000.00"))


def test_100000_with_the_justification_is_accepted(user_of, campus_of):
    region = user_of("region")
    plan = balanced_plan(expenses="200000.00", region="100000.00")
    dossier = submitted_dossier(region, campus_of("versailles"), plan=plan)
    dossier = services.instruct(
        region,
        dossier,
        {
            "eligible_base": D("200000.00"),
            "rate": D("50.00"),
            "amount": D("100000.00"),
            "extended_cap": True,
            "extended_cap_justification": "Fusion de deux campus, direction renforcée.",
            "budget_line": budget_line_for(dossier),
        },
    )
    assert dossier.status == DossierStatus.INSTRUCTED
    assert dossier.amount == D("100000.00")


def test_an_amount_above_base_times_rate_is_refused(user_of, campus_of):
    region = user_of("region")
    dossier = submitted_dossier(region, campus_of("versailles"))
    _instruct_refused(
        region,
        dossier,
        {"eligible_base": D("90000.00")},
        "amount",
        ["45\u00a0000,00\u00a0€"],
    )


def test_without_amount_the_maximum_is_proposed(user_of, campus_of):
    region = user_of("region")
    dossier = submitted_dossier(region, campus_of("versailles"))
    dossier = services.instruct(
        region,
        dossier,
        {
            "eligible_base": D("100000.00"),
            "rate": D("50.00"),
            "budget_line": budget_line_for(dossier),
        },
    )
    assert dossier.amount == D("50000.00")


def test_an_amount_above_half_the_expenses_is_refused(user_of, campus_of):
    region = user_of("region")
    # Base 100 000 but the plan's expenses only 80 000: 50 000 > 40 000.
    plan = balanced_plan(expenses="80000.00", region="50000.00")
    dossier = submitted_dossier(region, campus_of("versailles"), plan=plan)
    _instruct_refused(region, dossier, {}, "amount", ["50 %", "40\u00a0000,00\u00a0€"])


def test_an_unbalanced_plan_is_refused_at_submission_and_instruction(user_of, campus_of):
    director = user_of("dir-versailles")
    dossier = services.create_dossier(
        director, campus=campus_of("versailles"), reference_year=2030, description="Projet"
    )
    unbalanced = balanced_plan()[:2]  # expenses 100 000, revenues 50 000
    services.set_financing_plan(director, dossier, unbalanced)  # a draft may be unbalanced
    with pytest.raises(ValidationError) as error:
        services.submit(director, dossier)
    assert "n'est pas équilibré" in messages(error)
    assert SubsidyDossier.objects.get(pk=dossier.pk).status == DossierStatus.DRAFT


def test_the_region_line_must_equal_the_amount(user_of, campus_of):
    region = user_of("region")
    plan = balanced_plan(expenses="100000.00", region="40000.00")
    dossier = submitted_dossier(region, campus_of("versailles"), plan=plan)
    _instruct_refused(region, dossier, {}, "financing_plan", ["doit être égale"])


def test_the_budget_nature_follows_the_legal_status(user_of, campus_of):
    region = user_of("region")
    dossier = submitted_dossier(region, campus_of("versailles"))  # beneficiary: association
    from subsidies.models import BudgetLine

    public = BudgetLine.objects.get(nature="657381")
    _instruct_refused(region, dossier, {"budget_line": public}, "budget_line", ["655122"])


def test_one_dossier_per_campus_and_year_unless_justified(user_of, campus_of):
    region, director = user_of("region"), user_of("dir-versailles")
    campus = campus_of("versailles")
    services.create_dossier(director, campus=campus, reference_year=2031)
    count = SubsidyDossier.objects.count()
    with pytest.raises(ValidationError) as error:
        services.create_dossier(director, campus=campus, reference_year=2031)
    assert "un seul dossier par campus et par an" in messages(error)
    assert SubsidyDossier.objects.count() == count
    with pytest.raises(PermissionDeniedError):  # only the Region grants the exception
        services.create_dossier(
            director, campus=campus, reference_year=2031, duplicate_justification="Besoin"
        )
    second = services.create_dossier(
        region,
        campus=campus,
        reference_year=2031,
        duplicate_justification="Projet exceptionnel voté à part.",
    )
    assert second.number != SubsidyDossier.objects.filter(reference_year=2031).first().number


def test_the_database_refuses_a_second_unjustified_dossier(user_of, campus_of):
    region = user_of("region")
    first = services.create_dossier(region, campus=campus_of("versailles"), reference_year=2032)
    with pytest.raises(IntegrityError), transaction.atomic():
        SubsidyDossier.objects.create(
            number="32999999",
            title="Doublon",
            campus=first.campus,
            programme=first.programme,
            reference_year=2032,
        )


def test_numbers_follow_the_year(user_of, campus_of):
    region = user_of("region")
    first = services.create_dossier(region, campus=campus_of("versailles"), reference_year=2033)
    second = services.create_dossier(region, campus=campus_of("securite"), reference_year=2033)
    assert first.number == "33000001"
    assert second.number == "33000002"


def test_plan_lines_are_checked_one_by_one(user_of, campus_of):
    director = user_of("dir-versailles")
    dossier = services.create_dossier(director, campus=campus_of("versailles"), reference_year=2030)
    with pytest.raises(ValidationError) as error:
        services.set_financing_plan(
            director,
            dossier,
            [
                {"kind": "expense", "label": "", "amount": "-5"},
                {"kind": "revenue", "label": "Région", "amount": "abc", "is_region_share": True},
                {"kind": "expense", "label": "x", "amount": "1.234"},
                {"kind": "expense", "label": "y", "amount": "1e30"},
                {"kind": "gift", "label": "z", "amount": "1"},
            ],
        )
    assert set(error.value.message_dict) == {"line_0", "line_1", "line_2", "line_3", "line_4"}
    assert not FinancingLine.objects.filter(dossier=dossier).exists()


# ---------------------------------------------------------------- who changes what


def test_directors_never_change_the_financial_terms(user_of, campus_of):
    director = user_of("dir-versailles")
    dossier = services.create_dossier(director, campus=campus_of("versailles"), reference_year=2030)
    with pytest.raises(PermissionDeniedError):
        services.update_project(director, dossier, {"amount": D("100000.00")})
    with pytest.raises(PermissionDeniedError):
        services.instruct(director, dossier, {"rate": D("50.00")})
    assert SubsidyDossier.objects.get(pk=dossier.pk).amount is None


def test_directors_prepare_only_their_own_campus(user_of, campus_of):
    with pytest.raises(PermissionDeniedError):
        services.create_dossier(
            user_of("dir-mode"), campus=campus_of("versailles"), reference_year=2030
        )
    for username in ("expert", "rectorat-paris"):
        with pytest.raises(PermissionDeniedError):
            services.create_dossier(
                user_of(username), campus=campus_of("versailles"), reference_year=2030
            )


def test_a_submitted_dossier_is_no_longer_the_directors_to_edit(user_of, campus_of):
    director = user_of("dir-versailles")
    dossier = submitted_dossier(director, campus_of("versailles"))
    with pytest.raises(ConflictError):
        services.update_project(director, dossier, {"description": "Autre"})


def test_a_stale_version_is_refused(user_of, campus_of):
    director = user_of("dir-versailles")
    dossier = services.create_dossier(director, campus=campus_of("versailles"), reference_year=2030)
    services.update_project(
        director, dossier, {"description": "Première"}, expected_version=dossier.version
    )
    with pytest.raises(ConflictError):
        services.update_project(
            director, dossier, {"description": "Seconde"}, expected_version=dossier.version
        )
    assert SubsidyDossier.objects.get(pk=dossier.pk).description == "Première"


def test_every_transition_records_who_when_why(user_of, campus_of):
    region = user_of("region")
    dossier = instructed_dossier(region, campus_of("versailles"))
    services.refuse(region, dossier, "Hors règlement.")
    history = list(dossier.status_changes.values_list("from_status", "to_status", "actor"))
    assert history == [
        (DossierStatus.DRAFT, DossierStatus.SUBMITTED, region.pk),
        (DossierStatus.SUBMITTED, DossierStatus.INSTRUCTED, region.pk),
        (DossierStatus.INSTRUCTED, DossierStatus.REFUSED, region.pk),
    ]
    assert dossier.status_changes.last().reason == "Hors règlement."


def test_a_voted_amount_is_frozen(user_of, campus_of):
    from tests.subsidies.helpers import voted_dossier

    region = user_of("region")
    dossier = voted_dossier(region, campus_of("versailles"))
    with pytest.raises(ConflictError):
        services.instruct(region, dossier, {"amount": D("10000.00")})
    with pytest.raises(ConflictError):
        services.update_project(region, dossier, {"description": "Autre"})
    assert SubsidyDossier.objects.get(pk=dossier.pk).voted_amount == D("50000.00")


def test_the_siret_is_required_before_the_vote(user_of, campus_of):
    region = user_of("region")
    dossier = instructed_dossier(region, campus_of("mode"))  # ENSAD: SIRET unknown
    session = deliberation("CP 2030-200")
    services.propose(region, dossier, deliberation=session, envelope=envelope(number="CP 2030-199"))
    with pytest.raises(ValidationError) as error:
        services.vote_deliberation(region, session)
    assert "SIRET" in messages(error)
    assert SubsidyDossier.objects.get(pk=dossier.pk).status == DossierStatus.PROPOSED


def test_the_database_refuses_an_amount_above_base_times_rate(user_of, campus_of):
    region = user_of("region")
    dossier = instructed_dossier(region, campus_of("versailles"))
    with pytest.raises(IntegrityError), transaction.atomic():
        SubsidyDossier.objects.filter(pk=dossier.pk).update(eligible_base=D("90000.00"))
    # Rounding half up to the cent stays within the half-cent slack: 100.05 × 50 % = 50.03.
    SubsidyDossier.objects.filter(pk=dossier.pk).update(
        eligible_base=D("100.05"), amount=D("50.03")
    )
