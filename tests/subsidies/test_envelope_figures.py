"""One definition of an envelope's figures: a grant of 50 000 € settled with a reduced balance
(35 000 € paid) counts 35 000 € on its envelope everywhere — in the vote rule, on the envelope
pages, in the API, in the propose form, in the deliberation's detail and its summary PDF."""

import html
import re
from datetime import date
from decimal import Decimal as D

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from documents.registry import declaration
from subsidies import selectors, services
from subsidies.forms import ProposeForm
from subsidies.models import (
    CommitmentEnvelope,
    DossierStatus,
    PaymentKind,
    SubsidyDocument,
    SubsidyDocumentKind,
)
from subsidies.services.votes import voted_on_envelope
from tests.subsidies.helpers import instructed_dossier, signed_dossier

pytestmark = pytest.mark.django_db

ASKED = date(2026, 9, 15)


def _text(content):
    return re.sub(r"[\u00a0\u202f\s]+", " ", html.unescape(content))


@pytest.fixture
def settled(user_of, campus_of):
    """Versailles's 2030 grant of 50 000 €, settled at 35 000 € (balance reduced to rate ×
    realised expenses: 50 % of 70 000 €), on a 500 000 € envelope of its own."""
    region = user_of("region")
    dossier = signed_dossier(region, campus_of("versailles"))
    advance = services.request_payment(
        region, dossier, requested_on=ASKED, kind=PaymentKind.ADVANCE, amount="25000"
    )
    services.mark_paid(region, advance, paid_on=date(2026, 10, 1))
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
    assert dossier.status == DossierStatus.PAID and dossier.voted_amount == D("50000.00")
    return dossier


def test_the_vote_rule_and_the_queryset_agree(settled):
    envelope = settled.envelope
    figures = CommitmentEnvelope.objects.with_figures().get(pk=envelope.pk)
    assert voted_on_envelope(envelope) == figures.voted == D("35000.00")
    assert figures.remaining == D("465000.00")
    assert figures.paid == D("35000.00") and figures.proposed == D("0.00")
    assert selectors.envelope_list().get(pk=envelope.pk).voted == D("35000.00")


def test_the_envelope_pages_show_the_same_figure(settled, client_of):
    client = client_of("region")
    listing = _text(client.get("/subventions/enveloppes/").content.decode())
    detail = _text(client.get(f"/subventions/enveloppes/{settled.envelope_id}/").content.decode())
    for page in (listing, detail):
        assert "35 000,00 €" in page and "465 000,00 €" in page


def test_the_api_gives_the_same_figure(settled, user_of):
    token, _created = Token.objects.get_or_create(user=user_of("region"))
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    body = client.get(f"/api/v1/envelopes/{settled.envelope_id}/").json()
    assert (body["voted"], body["remaining"], body["paid"]) == (
        "35000.00",
        "465000.00",
        "35000.00",
    )
    listed = {row["id"]: row for row in client.get("/api/v1/envelopes/").json()["results"]}
    assert listed[settled.envelope_id]["voted"] == "35000.00"
    detail = client.get(f"/api/v1/deliberations/{settled.deliberation_id}/").json()
    (row,) = [e for e in detail["subsidies"]["envelopes"] if e["id"] == settled.envelope_id]
    assert (row["voted"], row["remaining"]) == ("35000.00", "465000.00")


def test_the_propose_form_offers_the_room_there_is(settled, user_of, campus_of):
    region = user_of("region")
    other = instructed_dossier(region, campus_of("ia"), year=2031)
    form = ProposeForm()
    envelope = form.fields["envelope"].queryset.get(pk=settled.envelope_id)
    assert "reste 465\u00a0000,00\u00a0€" in form.envelope_label(envelope)
    # And the vote rule agrees: the room is there.
    services.propose(region, other, deliberation=settled.deliberation, envelope=envelope)


def test_the_summary_pdf_prints_the_same_figure(settled):
    summary = declaration(SubsidyDocument).types[SubsidyDocumentKind.DELIBERATION_SUMMARY]
    context = summary.context(deliberation=settled.envelope.deliberation)
    (row,) = [e for e in context["envelopes"] if "Subventions aux campus" in e["label"]]
    assert _text(row["voted"]) == "35 000,00 €" and _text(row["remaining"]) == "465 000,00 €"
