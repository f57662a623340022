"""The cycle after instruction: envelopes and votes (including two votes racing for the last
euros on PostgreSQL), grant agreements, payments, lapse, and the beneficiary transfer."""

import threading
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from campuses.models import Organisation
from core.errors import ConflictError, PermissionDeniedError
from subsidies import services
from subsidies.models import (
    BeneficiaryTransfer,
    CommitmentEnvelope,
    DossierStatus,
    Payment,
    PaymentKind,
    PaymentStatus,
    SubsidyDossier,
)
from subsidies.services.payments import figures
from subsidies.services.votes import voted_on_envelope
from tests.services import needs_postgres
from tests.subsidies.helpers import (
    deliberation,
    envelope,
    instructed_dossier,
    signed_dossier,
    voted_dossier,
)

pytestmark = pytest.mark.django_db
D = Decimal
ASKED = date(2026, 9, 15)  # payment requests precede the payment dates below


def messages(error):
    if hasattr(error.value, "message_dict"):
        return " ".join(m for ms in error.value.message_dict.values() for m in ms)
    return str(error.value)


# ---------------------------------------------------------------- the demo's deliberation


def test_the_demo_reproduces_cp_2023_263():
    dossiers = SubsidyDossier.objects.filter(deliberation__number="CP 2023-263").order_by(
        "position"
    )
    assert [d.number for d in dossiers] == [
        "23004868",
        "23004170",
        "23004173",
        "23004175",
        "23004176",
        "23004177",
        "23004178",
        "23004936",
        "23005231",
    ]
    assert {d.status for d in dossiers} == {DossierStatus.VOTED}
    assert sum(d.voted_amount for d in dossiers) == D("500000.00")
    mode = dossiers.get(number="23004170")
    assert (mode.eligible_base, mode.rate, mode.amount) == (D("200000"), D("50"), D("100000"))
    assert mode.budget_line.code == "932-288-657381-128003-100"
    assert dossiers.get(number="23004868").budget_line.code == "932-288-655122-128003-100"
    grants = CommitmentEnvelope.objects.get(deliberation__number="CP 2023-263", article="7")
    assert grants.amount == D("500000.00")
    assert voted_on_envelope(grants) == grants.amount  # fully used
    support = CommitmentEnvelope.objects.get(deliberation__number="CP 2023-263", article="8")
    assert support.amount == D("200000.00")


def test_demo_dossiers_without_siret_are_flagged_not_invented():
    missing = SubsidyDossier.objects.filter(is_historical=True, beneficiary__siret="")
    assert missing.count() == 7  # only CY and the association have a SIRET in the seeds
    assert all(d.siret_missing for d in missing)


def test_a_tenth_dossier_would_exceed_the_demos_envelope(user_of, campus_of):
    region = user_of("region")
    grants = CommitmentEnvelope.objects.get(deliberation__number="CP 2023-263", article="7")
    dossier = instructed_dossier(region, campus_of("versailles"))
    with pytest.raises(ValidationError) as error:
        services.propose(region, dossier, deliberation=deliberation("CP 2030-300"), envelope=grants)
    assert "serait dépassée" in messages(error)
    assert "500\u00a0000,00\u00a0€" in messages(error)
    assert SubsidyDossier.objects.get(pk=dossier.pk).status == DossierStatus.INSTRUCTED


def test_the_vote_rechecks_the_envelope(user_of, campus_of):
    """Proposed while there was room, voted after another vote took it: refused, all or
    nothing."""
    region = user_of("region")
    small = envelope(amount="60000.00", number="CP 2030-400")
    first = instructed_dossier(region, campus_of("versailles"))
    second = instructed_dossier(region, campus_of("securite"))
    one, two = deliberation("CP 2030-401"), deliberation("CP 2030-402")
    small.amount = D("100000.00")
    small.save()
    services.propose(region, first, deliberation=one, envelope=small)
    services.propose(region, second, deliberation=two, envelope=small)
    small.amount = D("60000.00")  # e.g. the envelope was reduced by a later decision
    small.save()
    services.vote_deliberation(region, one)
    with pytest.raises(ConflictError) as error:
        services.vote_deliberation(region, two)
    assert "serait dépassée" in str(error.value)
    assert SubsidyDossier.objects.get(pk=second.pk).status == DossierStatus.PROPOSED
    assert voted_on_envelope(small) == D("50000.00")


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_two_votes_racing_for_the_last_euros(user_of, campus_of):
    region = user_of("region")
    shared = envelope(amount="100000.00", number="CP 2030-500")
    dossiers = [
        instructed_dossier(region, campus_of("versailles")),
        instructed_dossier(region, campus_of("securite")),
    ]
    sessions = [deliberation("CP 2030-501"), deliberation("CP 2030-502")]
    for dossier, session in zip(dossiers, sessions, strict=True):
        services.propose(region, dossier, deliberation=session, envelope=shared)
    # Room for one more 50 000 € grant only.
    shared.amount = D("75000.00")
    shared.save()
    barrier = threading.Barrier(2)
    passed, refused = [], []

    def vote(session):
        try:
            barrier.wait()
            services.vote_deliberation(region, session)
            passed.append(session.number)
        except ConflictError as error:
            refused.append(str(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=vote, args=(session,)) for session in sessions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(passed) == 1 and len(refused) == 1
    assert "serait dépassée" in refused[0]
    assert voted_on_envelope(shared) == D("50000.00") <= shared.amount


# ---------------------------------------------------------------- agreement and payments


def test_no_payment_before_the_agreement_is_signed(user_of, campus_of):
    region = user_of("region")
    dossier = voted_dossier(region, campus_of("versailles"))
    with pytest.raises(ConflictError) as error:
        services.request_payment(
            region, dossier, requested_on=ASKED, kind=PaymentKind.ADVANCE, amount="10000"
        )
    assert "signature de la convention" in str(error.value)
    services.sign_agreement(
        region, dossier, party="region", signed_on=date(2026, 9, 1), signatory="La présidente"
    )
    with pytest.raises(ConflictError):
        services.request_payment(
            region, dossier, requested_on=ASKED, kind=PaymentKind.ADVANCE, amount="10000"
        )
    assert not Payment.objects.filter(dossier=dossier).exists()


def test_payments_never_exceed_the_voted_amount(user_of, campus_of):
    region = user_of("region")
    dossier = signed_dossier(region, campus_of("versailles"))
    advance = services.request_payment(
        region, dossier, requested_on=ASKED, kind=PaymentKind.ADVANCE, amount="30000"
    )
    with pytest.raises(ValidationError) as error:
        services.request_payment(
            region, dossier, requested_on=ASKED, kind=PaymentKind.INSTALMENT, amount="25000"
        )
    assert "20\u00a0000,00\u00a0€" in messages(error)
    services.mark_paid(region, advance, paid_on=date(2026, 10, 1))
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.PARTLY_PAID
    numbers = figures(dossier)
    assert (numbers.paid, numbers.remainder) == (D("30000.00"), D("20000.00"))
    balance = services.request_payment(
        region, dossier, requested_on=ASKED, kind=PaymentKind.BALANCE, amount="20000"
    )
    services.order_payment(region, balance, ordered_on=date(2026, 10, 5), reference="M-1")
    services.mark_paid(region, balance, paid_on=date(2026, 10, 10))
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.PAID
    assert figures(dossier).remainder == D("0.00")
    services.close_dossier(region, dossier)
    assert SubsidyDossier.objects.get(pk=dossier.pk).status == DossierStatus.CLOSED


def test_a_balance_is_reduced_to_rate_times_realised_expenses(user_of, campus_of):
    region = user_of("region")
    dossier = signed_dossier(region, campus_of("versailles"))
    advance = services.request_payment(
        region, dossier, requested_on=ASKED, kind=PaymentKind.ADVANCE, amount="25000"
    )
    services.mark_paid(region, advance, paid_on=date(2026, 10, 1))
    # Realised expenses 70 000 € at 50 %: the grant is 35 000 €, so the balance is 10 000 €.
    with pytest.raises(ValidationError) as error:
        services.request_payment(
            region,
            dossier,
            requested_on=ASKED,
            kind=PaymentKind.BALANCE,
            amount="25000",
            realised_expenses="70000",
        )
    assert "10\u00a0000,00\u00a0€" in messages(error)
    balance = services.request_payment(
        region,
        dossier,
        requested_on=ASKED,
        kind=PaymentKind.BALANCE,
        amount="10000",
        realised_expenses="70000",
    )
    services.mark_paid(region, balance, paid_on=date(2026, 10, 2))
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.PAID
    assert figures(dossier).paid == D("35000.00")
    assert (figures(dossier).remainder, figures(dossier).released_amount) == (0, D("15000.00"))
    # The released 15 000 € are available again on the envelope.
    assert voted_on_envelope(dossier.envelope) == D("35000.00")
    assert "reliquat de 15\u00a0000,00\u00a0€ annulé" in dossier.status_changes.last().reason
    with pytest.raises(ConflictError):  # nothing after the balance
        services.request_payment(
            region, dossier, requested_on=ASKED, kind=PaymentKind.INSTALMENT, amount="1"
        )


def test_bad_payment_input_changes_nothing(user_of, campus_of):
    region = user_of("region")
    dossier = signed_dossier(region, campus_of("versailles"))
    for amount in ("abc", "-5", "0", "1.234", "NaN", "Infinity", "1e30", "99999999999"):
        with pytest.raises(ValidationError):
            services.request_payment(
                region, dossier, requested_on=ASKED, kind=PaymentKind.ADVANCE, amount=amount
            )
    with pytest.raises(ValidationError):
        services.request_payment(region, dossier, requested_on=ASKED, kind="gift", amount="10")
    assert not Payment.objects.filter(dossier=dossier).exists()


def test_a_balance_waits_for_the_requests_in_progress(user_of, campus_of):
    region = user_of("region")
    dossier = signed_dossier(region, campus_of("versailles"))
    instalment = services.request_payment(
        region, dossier, requested_on=ASKED, kind=PaymentKind.INSTALMENT, amount="20000"
    )
    with pytest.raises(ConflictError) as error:
        services.request_payment(
            region, dossier, requested_on=ASKED, kind=PaymentKind.BALANCE, amount="30000"
        )
    assert "en cours" in str(error.value)
    services.mark_paid(region, instalment, paid_on=date(2026, 10, 1))
    services.request_payment(
        region, dossier, requested_on=ASKED, kind=PaymentKind.BALANCE, amount="30000"
    )


def test_an_unpaid_grant_lapses_after_its_deadline(user_of, campus_of):
    region = user_of("region")
    dossier = signed_dossier(region, campus_of("versailles"))
    advance = services.request_payment(
        region, dossier, requested_on=ASKED, kind=PaymentKind.ADVANCE, amount="20000"
    )
    services.mark_paid(region, advance, paid_on=date(2026, 10, 1))
    pending = services.request_payment(
        region, dossier, requested_on=ASKED, kind=PaymentKind.INSTALMENT, amount="5000"
    )
    dossier.refresh_from_db()
    assert services.lapse_due_dossiers(today=dossier.lapse_on) == []  # not the day itself
    lapsed = services.lapse_due_dossiers(today=date(2029, 7, 2))
    assert dossier.pk in [d.pk for d in lapsed]
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.LAPSED
    assert "30\u00a0000,00\u00a0€ non versé" in dossier.status_changes.last().reason
    assert Payment.objects.get(pk=pending.pk).status == PaymentStatus.CANCELLED
    # What was paid stays counted on the envelope; the rest is released.
    assert voted_on_envelope(dossier.envelope) == D("20000.00")
    assert services.lapse_due_dossiers(today=date(2029, 7, 3)) == []  # once


def test_historical_dossiers_have_no_invented_lapse_date():
    assert not SubsidyDossier.objects.filter(is_historical=True, lapse_on__isnull=False).exists()


def test_the_lapse_date_can_be_extended_with_a_reason(user_of, campus_of):
    region = user_of("region")
    dossier = voted_dossier(region, campus_of("versailles"))
    with pytest.raises(ValidationError):
        services.set_lapse_date(region, dossier, lapse_on=date(2030, 7, 1), reason="")
    services.set_lapse_date(
        region, dossier, lapse_on=date(2030, 7, 1), reason="Prorogation d'un an"
    )
    assert SubsidyDossier.objects.get(pk=dossier.pk).lapse_on == date(2030, 7, 1)


# ---------------------------------------------------------------- beneficiary transfer


def test_the_versailles_transfer_gives_the_association_exactly_20000(user_of):
    transfer = BeneficiaryTransfer.objects.get(campus__short_name="Campus Versailles")
    association = Organisation.objects.get(siret="91358180700017")
    cy = Organisation.objects.get(siret="13002597600015")
    assert (transfer.previous_beneficiary, transfer.new_beneficiary) == (cy, association)
    assert transfer.status == "signed"
    items = {i.dossier.deliberation.number: i for i in transfer.items.select_related("dossier")}
    assert set(items) == {"CP 2021-135", "CP 2022-117"}
    for item in items.values():
        assert (item.paid_to_previous, item.remainder_transferred) == (D("40000"), D("10000"))
        assert item.dossier.beneficiary == association
    assert sum(i.remainder_transferred for i in items.values()) == D("20000.00")
    paid_to_cy = Payment.objects.filter(beneficiary=cy, dossier__in=transfer.dossiers.all())
    assert sum(p.amount for p in paid_to_cy) == D("80000.00")

    # Paying the two remainders: the association receives exactly 20 000 €, and no more.
    region = user_of("region")
    for item in items.values():
        balance = services.request_payment(
            region,
            item.dossier,
            requested_on=ASKED,
            kind=PaymentKind.BALANCE,
            amount=item.remainder_transferred,
        )
        assert balance.beneficiary == association
        services.mark_paid(region, balance, paid_on=date(2026, 11, 1))
        with pytest.raises(ConflictError):
            services.request_payment(
                region, item.dossier, requested_on=ASKED, kind=PaymentKind.INSTALMENT, amount="1"
            )
    to_association = Payment.objects.filter(
        beneficiary=association, dossier__in=transfer.dossiers.all(), status=PaymentStatus.PAID
    )
    assert sum(p.amount for p in to_association) == D("20000.00")


def test_a_transfer_moves_only_after_the_third_signature(user_of, campus_of):
    region = user_of("region")
    campus = campus_of("securite")  # beneficiary CY
    dossier = signed_dossier(region, campus)
    advance = services.request_payment(
        region, dossier, requested_on=ASKED, kind=PaymentKind.ADVANCE, amount="30000"
    )
    services.mark_paid(region, advance, paid_on=date(2026, 10, 1))
    new = Organisation.objects.get(siret="91358180700017")
    transfer = services.create_transfer(
        region, campus=campus, new_beneficiary=new, dossiers=[dossier]
    )
    for party in ("region", "previous"):
        services.sign_transfer(
            region, transfer, party=party, signed_on=date(2026, 11, 2), signatory="Signataire"
        )
        assert SubsidyDossier.objects.get(pk=dossier.pk).beneficiary.siret == "13002597600015"
    services.sign_transfer(
        region, transfer, party="new", signed_on=date(2026, 11, 3), signatory="Signataire"
    )
    item = transfer.items.get()
    assert (item.paid_to_previous, item.remainder_transferred) == (D("30000"), D("20000"))
    assert SubsidyDossier.objects.get(pk=dossier.pk).beneficiary == new
    with pytest.raises(ConflictError):
        services.sign_transfer(
            region, transfer, party="new", signed_on=date(2026, 11, 3), signatory="Encore"
        )


def test_a_transfer_needs_a_remainder_and_a_different_beneficiary(user_of, campus_of):
    region = user_of("region")
    campus = campus_of("securite")
    dossier = instructed_dossier(region, campus)
    cy = Organisation.objects.get(siret="13002597600015")
    with pytest.raises(ValidationError) as error:
        services.create_transfer(region, campus=campus, new_beneficiary=cy, dossiers=[dossier])
    assert "reliquat" in messages(error)
    assert not BeneficiaryTransfer.objects.filter(campus=campus).exists()


def test_an_envelope_is_never_lowered_below_what_is_voted(user_of):
    from subsidies.services.envelopes import save_envelope

    grants = CommitmentEnvelope.objects.get(deliberation__number="CP 2023-263", article="7")
    grants.amount = D("499999.99")
    with pytest.raises(ValidationError) as error:
        save_envelope(user_of("region"), grants)
    assert "déjà voté" in messages(error)
    assert CommitmentEnvelope.objects.get(pk=grants.pk).amount == D("500000.00")
    grants.amount = D("600000.00")
    save_envelope(user_of("region"), grants)
    assert CommitmentEnvelope.objects.get(pk=grants.pk).amount == D("600000.00")
    with pytest.raises(PermissionDeniedError):
        save_envelope(user_of("dir-versailles"), grants)
