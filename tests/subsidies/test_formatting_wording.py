"""The same words and figures for the same things: the dossier page shows the amount its plan
asks of the Region while the dossier has none yet, and the exports say « Versé » and « Reste à
verser » as the screens do."""

import html
import re

import pytest
from django.urls import reverse

from subsidies import services
from subsidies.exports import columns
from tests.subsidies.helpers import balanced_plan

pytestmark = pytest.mark.django_db


def text_of(response):
    text = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"[\u00a0\u202f\s]+", " ", html.unescape(text))


def test_a_draft_shows_the_amount_its_plan_asks(client_of, user_of, campus_of):
    director = user_of("dir-ia")
    draft = services.create_dossier(director, campus=campus_of("ia"), reference_year=2031)
    services.set_financing_plan(director, draft, balanced_plan(region="65000.00"))
    draft.refresh_from_db()
    assert draft.amount is None

    page = text_of(client_of("dir-ia").get(reverse("subsidies:detail", args=[draft.pk])))

    assert "Montant demandé 65 000,00 €" in page
    assert "Montant demandé —" not in page


def test_the_export_says_what_the_screens_say():
    headers = [str(column.title) for column in columns()]
    assert "Versé" in headers and "Reste à verser" in headers
    assert "Payé" not in headers and "Reliquat" not in headers


def test_the_budget_line_of_the_instruction_is_marked_required():
    from subsidies.forms import InstructionForm
    from subsidies.models import SubsidyDossier

    form = InstructionForm(instance=SubsidyDossier.objects.first())
    assert form.fields["budget_line"].required
    bound = InstructionForm({"budget_line": ""}, instance=SubsidyDossier.objects.first())
    assert bound.errors["budget_line"] == ["Indiquez l'imputation budgétaire."]


def headers_of(response):
    return [
        html.unescape(re.sub(r"<[^>]+>", "", cell)).strip()
        for cell in re.findall(r"<th[^>]*>(.*?)</th>", response.content.decode(), re.S)
    ]


def test_the_envelope_page_says_reste_a_verser(client_of):
    from subsidies.models import CommitmentEnvelope

    region = client_of("region")
    envelope = CommitmentEnvelope.objects.filter(dossiers__isnull=False).first()
    assert envelope is not None, "the demo has an envelope with dossiers"
    envelope_headers = headers_of(
        region.get(reverse("subsidies:envelope_detail", args=[envelope.pk]))
    )
    assert "Reste à verser" in envelope_headers and "Reliquat" not in envelope_headers
