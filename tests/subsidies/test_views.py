"""The subsidy pages: who sees what, a director's dossier from draft to submission, the
instruction, vote, agreement and payments through the pages, and that every refusal (a rule
of the regulation, a stale version, garbage) reaches the user in French on the right field
with nothing saved, never as a 500."""

import html
import re
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from deliberations.models import Deliberation
from documents.models import DocumentStatus
from jobs.models import Job
from subsidies import services
from subsidies.models import (
    CommitmentEnvelope,
    DossierStatus,
    FinancingLine,
    GrantAgreement,
    Payment,
    PaymentStatus,
    SubsidyDocument,
    SubsidyDocumentKind,
    SubsidyDossier,
)
from subsidies.services.payments import figures
from tests.subsidies.helpers import (
    balanced_plan,
    budget_line_for,
    deliberation,
    envelope,
    instructed_dossier,
    signed_dossier,
    submitted_dossier,
    voted_dossier,
)

pytestmark = pytest.mark.django_db
D = Decimal
ODD_VALUES = ["", "abc", "-1", "9" * 30, "1e309", "NaN", "%00", "'; DROP TABLE x; --", "ÿ" * 300]
VERSAILLES_NUMBERS = {"23004868", "HIST-2021-VERSAILLES", "HIST-2022-VERSAILLES"}


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


def content(response):
    """The page's text, entities decoded and every kind of space made a plain one."""
    text = html.unescape(response.content.decode())
    return re.sub(r"[\u00a0\u202f\s]+", " ", text)


def dossier(number):
    return SubsidyDossier.objects.get(number=number)


def plan_data(lines, prefix="plan"):
    """The POST data of the plan editor for `lines` (dicts of kind, label, amount, region)."""
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(lines)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "60",
    }
    for index, line in enumerate(lines):
        data[f"{prefix}-{index}-kind"] = line.get("kind", "")
        data[f"{prefix}-{index}-label"] = line.get("label", "")
        data[f"{prefix}-{index}-amount"] = str(line.get("amount", ""))
        if line.get("is_region_share"):
            data[f"{prefix}-{index}-is_region_share"] = "on"
    return data


def project_data(**overrides):
    data = {
        "title": "",
        "planned_start": "2030-01-01",
        "planned_end": "2030-12-31",
        "description": "Forum des métiers, formation des enseignants, site internet.",
        "interns_count": "3",
        "interns_min_months": "2",
    }
    data.update(overrides)
    return data


PLAN = [
    {"kind": "expense", "label": "Frais de personnel", "amount": "60000.00"},
    {"kind": "expense", "label": "Événements", "amount": "40000.00"},
    {
        "kind": "revenue",
        "label": "Subvention Région",
        "amount": "50000.00",
        "is_region_share": True,
    },
    {"kind": "revenue", "label": "Établissement support", "amount": "50000.00"},
]


def create_page_data(campus, year=2030, plan=PLAN, **project):
    return {
        "campus": campus.pk,
        "reference_year": str(year),
        **project_data(**project),
        **plan_data(plan),
    }


def terms(dossier_, **overrides):
    """The instruction form's POST data."""
    data = {
        "beneficiary": dossier_.beneficiary_id,
        "budget_line": budget_line_for(dossier_).pk,
        "base_label": "Subvention aux campus des métiers et des qualifications",
        "eligible_base": "100000.00",
        "base_tax": "TTC",
        "rate": "50.00",
        "amount": "",
        "calculation_detail": "",
        "location": "REGION ILE DE FRANCE",
        "particular_contract": "Hors CPRD",
        "cper": "Hors CPER/Hors CPER",
        "lapse_on": "",
        "version": dossier_.version,
    }
    data.update(overrides)
    return data


# ---------------------------------------------------------------- who sees what


def _listed(response):
    return {row.number for row in response.context["page_obj"].object_list}


def test_the_list_is_scoped_to_each_role(client_of):
    everything = set(SubsidyDossier.objects.values_list("number", flat=True))
    assert everything >= VERSAILLES_NUMBERS

    assert _listed(client_of("region").get("/subventions/?page=1")) <= everything
    assert client_of("region").get("/subventions/").context["page_obj"].paginator.count == len(
        everything
    )
    assert _listed(client_of("dir-versailles").get("/subventions/")) == VERSAILLES_NUMBERS
    assert _listed(client_of("dir-mode").get("/subventions/")) == {"23004170"}
    creteil = _listed(client_of("rectorat-creteil").get("/subventions/"))
    assert "23004170" in creteil and not creteil & VERSAILLES_NUMBERS
    assert client_of("expert").get("/subventions/").status_code == 403


def test_the_list_shows_figures_flags_and_totals_of_the_filtered_set(client_of, campus_of):
    versailles = campus_of("versailles")
    response = client_of("region").get("/subventions/", {"campus": versailles.pk})
    text = content(response)

    dossiers = list(SubsidyDossier.objects.filter(campus=versailles))
    paid = sum((figures(d).paid for d in dossiers), D("0"))
    voted = sum((d.voted_amount or D("0") for d in dossiers), D("0"))
    totals = response.context["totals"]
    assert totals["paid"] == paid == D("80000.00")
    assert totals["voted"] == voted
    assert totals["remainder"] == voted - paid
    assert "80 000,00 €" in text
    # The association has a SIRET; CY too: no flag for Versailles…
    assert "SIRET à compléter" not in text
    # …but Mode's beneficiary has none (never invented).
    mode = content(client_of("region").get("/subventions/", {"q": "23004170"}))
    assert "SIRET à compléter" in mode
    assert "100 000,00 €" in mode


def test_the_list_filters_by_year_status_and_beneficiary(client_of):
    region = client_of("region")
    assert _listed(region.get("/subventions/", {"year": "2021"})) == {"HIST-2021-VERSAILLES"}
    voted = _listed(region.get("/subventions/", {"status": "voted", "year": "2023"}))
    assert "23004170" in voted
    # After the transfer, the association is the beneficiary of the 2021 and 2022 grants.
    association = dossier("HIST-2021-VERSAILLES").beneficiary
    assert association.siret == "91358180700017"
    listed = _listed(region.get("/subventions/", {"beneficiary": association.pk}))
    assert {"HIST-2021-VERSAILLES", "HIST-2022-VERSAILLES"} <= listed
    assert "23004170" not in listed


@pytest.mark.parametrize("value", ODD_VALUES)
@pytest.mark.parametrize("parameter", ["year", "campus", "status", "beneficiary", "q", "page"])
def test_odd_list_filters_never_fail(client_of, parameter, value):
    response = client_of("region").get("/subventions/", {parameter: value})
    assert response.status_code == 200


def test_a_director_sees_their_dossier_and_its_payments_not_others(client_of):
    versailles = dossier("HIST-2021-VERSAILLES")
    mode = dossier("23004170")
    director = client_of("dir-versailles")

    page = director.get(reverse("subsidies:detail", args=[versailles.pk]))
    assert page.status_code == 200
    text = content(page)
    assert "40 000,00 €" in text  # the advance paid to CY
    assert "CY Cergy Paris Université" in text
    assert "Instruire" not in text and "Demander un versement" not in text
    assert director.get(reverse("subsidies:detail", args=[mode.pk])).status_code == 404

    listing = content(director.get("/subventions/"))
    assert "Versements de vos dossiers" in listing
    assert "40 000,00 €" in listing


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("region", 200),
        ("rectorat-paris", 200),
        ("rectorat-versailles", 200),
        ("rectorat-creteil", 404),
        ("dir-versailles", 200),
        ("dir-mode", 404),
        ("expert", 403),
    ],
)
def test_dossier_page_scope(client_of, role, status):
    url = reverse("subsidies:detail", args=[dossier("23004868").pk])
    assert client_of(role).get(url).status_code == status


def test_the_dossier_page_shows_the_fiche(client_of):
    page = content(
        client_of("rectorat-paris").get(reverse("subsidies:detail", args=[dossier("23004170").pk]))
    )
    for text in (
        "Dossier n° 23004170",
        "Dossier historique",
        "SIRET à compléter",
        "Plan de financement prévisionnel 2023",
        "Plan équilibré",
        "Total des dépenses",
        "100 000,00 €",
        "CP 2023-263",
        "Historique des états",
        "Voté",
    ):
        assert text in page, text
    # Read-only for the rectorate: no action.
    assert 'id="actions"' not in page


def test_the_transfer_shows_what_each_beneficiary_received(client_of):
    history = dossier("HIST-2022-VERSAILLES")
    transfer = history.transfers.get()
    page = content(client_of("dir-versailles").get(transfer.get_absolute_url()))
    assert "CY Cergy Paris Université" in page and "Campus Versailles" in page
    assert "40 000,00 €" in page and "10 000,00 €" in page
    assert page.count("en attente") == 0
    assert client_of("dir-mode").get(transfer.get_absolute_url()).status_code == 404
    assert client_of("rectorat-creteil").get(transfer.get_absolute_url()).status_code == 404

    detail = content(client_of("region").get(reverse("subsidies:detail", args=[history.pk])))
    assert "Transferts de bénéficiaire" in detail
    assert "Versé au bénéficiaire initial" in detail


# ---------------------------------------------------------------- the director's dossier


def test_a_director_prepares_a_dossier_with_its_plan_then_submits_it(client_of, campus_of):
    campus = campus_of("ia")
    director = client_of("dir-ia")
    form = director.get(reverse("subsidies:create"))
    assert form.status_code == 200
    assert "data-autosave" in form.content.decode()
    assert "duplicate_justification" not in form.context["form"].fields

    response = director.post(reverse("subsidies:create"), create_page_data(campus))

    created = SubsidyDossier.objects.get(campus=campus, reference_year=2030)
    assert response.status_code == 302
    assert response.url == created.get_absolute_url()
    assert created.status == DossierStatus.DRAFT
    assert created.title.endswith("Budget 2030")
    assert created.interns_count == 3
    lines = list(created.financing_lines.order_by("position"))
    assert [(line.kind, line.amount) for line in lines] == [
        ("expense", D("60000.00")),
        ("expense", D("40000.00")),
        ("revenue", D("50000.00")),
        ("revenue", D("50000.00")),
    ]
    assert [line.is_region_share for line in lines] == [False, False, True, False]

    page = content(director.get(response.url))
    assert "Plan équilibré" in page and "60,00 %" in page and "50,00 %" in page
    assert "Déposer le dossier" in page

    submitted = director.post(reverse("subsidies:submit", args=[created.pk]))
    assert submitted.status_code == 302
    created.refresh_from_db()
    assert created.status == DossierStatus.SUBMITTED
    change = created.status_changes.get()
    assert change.actor.username == "dir-ia"
    # Submitted: the director can no longer edit it.
    edit = director.get(reverse("subsidies:edit", args=[created.pk]))
    assert edit.status_code == 302


def test_rows_of_the_plan_are_added_removed_and_blank_ones_ignored(client_of, user_of, campus_of):
    director = client_of("dir-versailles")
    draft = services.create_dossier(
        user_of("dir-versailles"), campus=campus_of("versailles"), reference_year=2031
    )
    services.set_financing_plan(user_of("dir-versailles"), draft, balanced_plan())
    draft.refresh_from_db()
    url = reverse("subsidies:edit", args=[draft.pk])
    page = director.get(url)
    assert page.status_code == 200
    assert len(page.context["formset"].forms) == 3 + 2  # the lines, then two blank rows

    lines = [
        {"kind": "expense", "label": "Personnel", "amount": "80000"},
        {},  # a row removed in the page (or left blank): ignored
        {"kind": "expense", "label": "Communication", "amount": "20000"},
        {"kind": "revenue", "label": "Région", "amount": "50000", "is_region_share": True},
        {"kind": "revenue", "label": "Établissement", "amount": "50000"},
        {"kind": "revenue", "is_region_share": True},  # a tick alone is not a line
    ]
    data = {**project_data(title=draft.title), "version": draft.version, **plan_data(lines)}
    response = director.post(url, data)

    assert response.status_code == 302
    assert list(draft.financing_lines.values_list("label", flat=True)) == [
        "Personnel",
        "Communication",
        "Région",
        "Établissement",
    ]


def test_a_plan_row_error_is_shown_on_its_row_and_nothing_is_saved(client_of, campus_of):
    campus = campus_of("ia")
    plan = [
        {"kind": "expense", "label": "Personnel", "amount": "abc"},
        {"kind": "revenue", "label": "", "amount": "1000"},
        {"kind": "revenue", "label": "Région", "amount": "-5", "is_region_share": True},
    ]
    response = client_of("dir-ia").post(
        reverse("subsidies:create"), create_page_data(campus, plan=plan)
    )

    assert response.status_code == 200
    formset = response.context["formset"]
    assert (
        "Saisissez un montant en euros, par exemple 50 000,00." in formset.forms[0].errors["amount"]
    )
    assert formset.forms[1].errors["label"]
    assert formset.forms[2].errors["amount"]
    text = content(response)
    assert "Plan de financement, ligne 1" in text  # in the error summary
    assert 'id="plan-0_error"' in response.content.decode()  # next to the row
    assert not SubsidyDossier.objects.filter(campus=campus, reference_year=2030).exists()


def test_two_region_lines_are_refused_and_nothing_is_saved(client_of, campus_of):
    campus = campus_of("ia")
    plan = [
        {"kind": "expense", "label": "Personnel", "amount": "100000"},
        {"kind": "revenue", "label": "Région", "amount": "50000", "is_region_share": True},
        {"kind": "revenue", "label": "Région bis", "amount": "50000", "is_region_share": True},
    ]
    response = client_of("dir-ia").post(
        reverse("subsidies:create"), create_page_data(campus, plan=plan)
    )
    assert response.status_code == 200
    assert "qu'une ligne" in content(response)
    assert not SubsidyDossier.objects.filter(campus=campus, reference_year=2030).exists()


def test_a_second_dossier_for_the_year_is_refused_on_the_year(client_of, campus_of):
    response = client_of("dir-mode").post(
        reverse("subsidies:create"), create_page_data(campus_of("mode"), year=2023)
    )
    assert response.status_code == 200
    assert "un seul dossier par campus et par an" in " ".join(
        response.context["form"].errors["reference_year"]
    )
    assert SubsidyDossier.objects.filter(campus=campus_of("mode"), reference_year=2023).count() == 1


def test_a_director_cannot_create_for_another_campus(client_of, campus_of):
    response = client_of("dir-ia").post(
        reverse("subsidies:create"), create_page_data(campus_of("mode"))
    )
    assert response.status_code == 200
    assert response.context["form"].errors["campus"]
    assert not SubsidyDossier.objects.filter(reference_year=2030).exists()
    assert client_of("rectorat-paris").get(reverse("subsidies:create")).status_code == 403
    assert client_of("expert").get(reverse("subsidies:create")).status_code == 403


def test_an_unbalanced_plan_is_saved_as_draft_but_cannot_be_submitted(client_of, campus_of):
    campus = campus_of("ia")
    plan = [
        {"kind": "expense", "label": "Personnel", "amount": "100000"},
        {"kind": "revenue", "label": "Région", "amount": "50000", "is_region_share": True},
    ]
    director = client_of("dir-ia")
    response = director.post(reverse("subsidies:create"), create_page_data(campus, plan=plan))
    draft = SubsidyDossier.objects.get(campus=campus, reference_year=2030)
    assert response.status_code == 302

    page = content(director.get(response.url))
    assert "Plan déséquilibré : écart de 50 000,00 €" in page

    refused = director.post(reverse("subsidies:submit", args=[draft.pk]), follow=True)
    assert "n'est pas équilibré" in content(refused)
    draft.refresh_from_db()
    assert draft.status == DossierStatus.DRAFT


def test_a_director_posting_financial_terms_changes_nothing(client_of, user_of, campus_of):
    director = user_of("dir-versailles")
    draft = services.create_dossier(director, campus=campus_of("versailles"), reference_year=2031)
    services.set_financing_plan(director, draft, balanced_plan())
    draft.refresh_from_db()
    client = client_of("dir-versailles")
    data = {
        **project_data(title=draft.title),
        "version": draft.version,
        **plan_data(balanced_plan()),
        "eligible_base": "1000000",
        "rate": "50",
        "amount": "100000",
        "extended_cap": "on",
        "status": "voted",
        "voted_amount": "100000",
    }
    assert client.post(reverse("subsidies:edit", args=[draft.pk]), data).status_code == 302
    draft.refresh_from_db()
    assert (draft.eligible_base, draft.rate, draft.amount, draft.extended_cap) == (
        None,
        None,
        None,
        False,
    )
    assert draft.status == DossierStatus.DRAFT

    submitted = services.submit(director, draft)
    version = submitted.version
    instruct_url = reverse("subsidies:instruct", args=[draft.pk])
    assert client.get(instruct_url).status_code == 403
    assert client.post(instruct_url, terms(submitted)).status_code == 403
    draft.refresh_from_db()
    assert (draft.amount, draft.version, draft.status) == (None, version, DossierStatus.SUBMITTED)


def test_a_stale_version_is_refused_with_the_conflict_message(client_of, user_of, campus_of):
    director = user_of("dir-versailles")
    draft = services.create_dossier(director, campus=campus_of("versailles"), reference_year=2031)
    opened_at = draft.version
    services.update_project(director, draft, {"description": "Saisie d'un collègue."})
    url = reverse("subsidies:edit", args=[draft.pk])

    response = client_of("dir-versailles").post(
        url,
        {
            **project_data(title=draft.title, description="Ma version"),
            "version": opened_at,
            **plan_data(balanced_plan()),
        },
    )

    assert response.status_code == 200
    assert "modifié par quelqu'un d'autre" in content(response)
    draft.refresh_from_db()
    assert draft.description == "Saisie d'un collègue."
    assert not draft.financing_lines.exists()


@pytest.mark.parametrize("value", ODD_VALUES)
def test_garbage_in_the_dossier_form_gets_field_errors(client_of, campus_of, value):
    campus = campus_of("ia")
    data = {
        "campus": value,
        "reference_year": value,
        "planned_start": value,
        "interns_count": value,
        "interns_min_months": value,
        **plan_data([{"kind": value, "label": value, "amount": value}]),
    }
    data["plan-TOTAL_FORMS"] = value
    response = client_of("dir-ia").post(reverse("subsidies:create"), data)
    assert response.status_code == 200
    assert not SubsidyDossier.objects.filter(campus=campus, reference_year__gte=2024).exists()


def test_huge_numbers_in_the_plan_are_refused(client_of, campus_of):
    plan = [
        {"kind": "expense", "label": "Personnel", "amount": "9" * 20},
        {"kind": "revenue", "label": "Région", "amount": "1e30", "is_region_share": True},
    ]
    response = client_of("dir-ia").post(
        reverse("subsidies:create"),
        create_page_data(campus_of("ia"), plan=plan, interns_count="99999999999"),
    )
    assert response.status_code == 200
    assert response.context["formset"].forms[0].errors["amount"]
    assert response.context["form"].errors["interns_count"]
    assert not SubsidyDossier.objects.filter(reference_year=2030).exists()


# ---------------------------------------------------------------- instruction


def test_instruction_with_a_blank_amount_takes_the_computed_maximum(client_of, user_of, campus_of):
    submitted = submitted_dossier(user_of("dir-versailles"), campus_of("versailles"), 2031)
    region = client_of("region")
    url = reverse("subsidies:instruct", args=[submitted.pk])
    page = region.get(url)
    assert page.status_code == 200
    assert "Montant maximum calculé" in content(page)

    response = region.post(url, terms(submitted))

    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == DossierStatus.INSTRUCTED
    assert submitted.amount == D("50000.00")
    detail = content(region.get(submitted.get_absolute_url()))
    assert "Montant maximum calculé" in detail and "50 000,00 €" in detail


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"rate": "51"}, "rate", "compris entre 0 et 50 %"),
        ({"amount": "60000"}, "amount", "dépasse le montant maximum"),
        (
            {"amount": "60000", "eligible_base": "200000", "extended_cap": "on"},
            "extended_cap_justification",
            "justification",
        ),
        ({"amount": "abc"}, "amount", "Saisissez un montant en euros"),
        ({"eligible_base": "9" * 30}, "eligible_base", "chiffres"),
        ({"rate": "NaN"}, "rate", "Saisissez un nombre"),
        ({"beneficiary": "9" * 30}, "beneficiary", "choix valide"),
        ({"budget_line": "123456789"}, "budget_line", "choix valide"),
        ({"version": "abc"}, "version", "nombre entier"),
    ],
)
def test_instruction_errors_are_in_french_on_the_field_and_nothing_is_saved(
    client_of, user_of, campus_of, overrides, field, message
):
    submitted = submitted_dossier(user_of("dir-versailles"), campus_of("versailles"), 2031)
    version = submitted.version

    response = client_of("region").post(
        reverse("subsidies:instruct", args=[submitted.pk]), terms(submitted, **overrides)
    )

    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors.get(field, []))
    assert message in errors, response.context["form"].errors
    assert f'id="id_{field}_error"' in response.content.decode() or field == "version"
    submitted.refresh_from_db()
    assert (submitted.status, submitted.version, submitted.amount, submitted.rate) == (
        DossierStatus.SUBMITTED,
        version,
        None,
        None,
    )


def test_instruction_refuses_an_unbalanced_plan(client_of, user_of, campus_of):
    region = user_of("region")
    draft = services.create_dossier(
        region, campus=campus_of("versailles"), reference_year=2031, description="Projet"
    )
    services.set_financing_plan(region, draft, balanced_plan())
    services.submit(region, draft)
    # The plan is changed after submission by regional staff (allowed until the vote).
    services.set_financing_plan(region, draft, balanced_plan()[:2])
    draft.refresh_from_db()

    response = client_of("region").post(
        reverse("subsidies:instruct", args=[draft.pk]), terms(draft)
    )

    assert response.status_code == 200
    assert "n'est pas équilibré" in content(response)
    draft.refresh_from_db()
    assert draft.status == DossierStatus.SUBMITTED and draft.amount is None


def test_return_to_draft_needs_a_reason(client_of, user_of, campus_of):
    submitted = submitted_dossier(user_of("dir-versailles"), campus_of("versailles"), 2031)
    url = reverse("subsidies:return_to_draft", args=[submitted.pk])
    region = client_of("region")

    empty = region.post(url, {"reason": "  "})
    assert empty.status_code == 200
    assert empty.context["form"].errors["reason"]
    submitted.refresh_from_db()
    assert submitted.status == DossierStatus.SUBMITTED

    assert region.post(url, {"reason": "Joindre le budget détaillé."}).status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == DossierStatus.DRAFT
    assert "Joindre le budget détaillé." in content(region.get(submitted.get_absolute_url()))


def test_refuse_and_withdraw(client_of, user_of, campus_of):
    director = user_of("dir-versailles")
    refused = submitted_dossier(director, campus_of("versailles"), 2031)
    response = client_of("region").post(
        reverse("subsidies:refuse", args=[refused.pk]), {"reason": "Hors dispositif."}
    )
    assert response.status_code == 302
    refused.refresh_from_db()
    assert refused.status == DossierStatus.REFUSED

    withdrawn = submitted_dossier(director, campus_of("versailles"), 2032)
    assert (
        client_of("rectorat-paris")
        .post(reverse("subsidies:withdraw", args=[withdrawn.pk]))
        .status_code
        == 403
    )
    client_of("dir-versailles").post(reverse("subsidies:withdraw", args=[withdrawn.pk]))
    withdrawn.refresh_from_db()
    assert withdrawn.status == DossierStatus.WITHDRAWN


# ---------------------------------------------------------------- vote, agreement, payments


def test_propose_vote_sign_and_pay_through_the_pages(client_of, user_of, campus_of):
    region_user = user_of("region")
    region = client_of("region")
    instructed = instructed_dossier(region_user, campus_of("versailles"), 2031)
    session = deliberation("CP 2031-100", day=date(2026, 7, 1))
    grants = envelope(number="CP 2031-099")

    proposed = region.post(
        reverse("subsidies:propose", args=[instructed.pk]),
        {"deliberation": session.pk, "envelope": grants.pk},
    )
    assert proposed.status_code == 302
    instructed.refresh_from_db()
    assert instructed.status == DossierStatus.PROPOSED

    page = content(region.get(reverse("deliberations:detail", args=[session.pk])))
    assert "Enregistrer le vote" in page
    assert "- 50 000 euros pour le Campus Versailles." in page
    assert "Tableau récapitulatif (PDF)" in page
    # Only regional staff vote.
    assert (
        client_of("rectorat-paris")
        .post(reverse("subsidies:deliberation_vote", args=[session.pk]))
        .status_code
        == 403
    )
    rectorate_page = content(
        client_of("rectorat-paris").get(reverse("deliberations:detail", args=[session.pk]))
    )
    assert "Enregistrer le vote" not in rectorate_page and "Campus Versailles" in rectorate_page

    voted = region.post(reverse("subsidies:deliberation_vote", args=[session.pk]), follow=True)
    assert "1 dossier voté." in content(voted)
    instructed.refresh_from_db()
    assert instructed.status == DossierStatus.VOTED
    assert instructed.voted_amount == D("50000.00")

    # No payment before the agreement is signed.
    early = region.get(reverse("subsidies:payment_request", args=[instructed.pk]), follow=True)
    assert "Aucun versement avant la signature" in content(early)

    sign_url = reverse("subsidies:agreement_sign", args=[instructed.pk])
    future = region.post(
        sign_url, {"party": "region", "signed_on": "2099-01-01", "signatory": "La présidente"}
    )
    assert future.status_code == 200
    assert "futur" in " ".join(future.context["form"].errors["signed_on"])
    for party in ("region", "beneficiary"):
        response = region.post(
            sign_url,
            {"party": party, "signed_on": "2026-09-01", "signatory": f"Signataire {party}"},
        )
        assert response.status_code == 302
    instructed.refresh_from_db()
    assert instructed.status == DossierStatus.AGREEMENT_SIGNED

    pay_url = reverse("subsidies:payment_request", args=[instructed.pk])
    too_much = region.post(pay_url, {"kind": "advance", "amount": "60000"})
    assert too_much.status_code == 200
    assert "dépasse ce qui reste à verser" in " ".join(too_much.context["form"].errors["amount"])
    assert region.post(pay_url, {"kind": "advance", "amount": "20000.00"}).status_code == 302
    payment = Payment.objects.get(dossier=instructed)
    assert (
        client_of("dir-versailles")
        .get(reverse("subsidies:payment_pay", args=[payment.pk]))
        .status_code
        == 403
    )
    today = timezone.localdate().isoformat()
    response = region.post(
        reverse("subsidies:payment_pay", args=[payment.pk]), {"day": today, "reference": "M-42"}
    )
    assert response.status_code == 302
    payment.refresh_from_db()
    instructed.refresh_from_db()
    assert payment.status == PaymentStatus.PAID and payment.reference == "M-42"
    assert instructed.status == DossierStatus.PARTLY_PAID

    # The director sees the payment on their dossier and in their list.
    director = client_of("dir-versailles")
    detail = content(director.get(instructed.get_absolute_url()))
    assert "20 000,00 €" in detail and "Payé" in detail and "M-42" in detail
    assert "30 000,00 €" in detail  # remainder
    assert "20 000,00 €" in content(director.get("/subventions/"))


def test_a_payment_can_be_ordered_then_cancelled_with_a_reason(client_of, user_of, campus_of):
    signed = signed_dossier(user_of("region"), campus_of("versailles"), 2031, number="CP 2031-110")
    payment = services.request_payment(user_of("region"), signed, kind="advance", amount="10000")
    region = client_of("region")
    ordered = region.post(
        reverse("subsidies:payment_order", args=[payment.pk]),
        {"day": timezone.localdate().isoformat(), "reference": "MAND-1"},
    )
    assert ordered.status_code == 302
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.ORDERED

    no_reason = region.post(reverse("subsidies:payment_cancel", args=[payment.pk]), {"reason": ""})
    assert no_reason.status_code == 200
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.ORDERED
    region.post(reverse("subsidies:payment_cancel", args=[payment.pk]), {"reason": "Erreur"})
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.CANCELLED


@pytest.mark.parametrize("value", ODD_VALUES)
def test_garbage_in_the_payment_form_changes_nothing(client_of, user_of, campus_of, value):
    signed = signed_dossier(user_of("region"), campus_of("versailles"), 2031, number="CP 2031-120")
    response = client_of("region").post(
        reverse("subsidies:payment_request", args=[signed.pk]),
        {"kind": value, "amount": value, "requested_on": value, "realised_expenses": value},
    )
    assert response.status_code == 200
    assert not Payment.objects.filter(dossier=signed).exists()


def test_the_agreement_scan_accepts_pdf_only(client_of, user_of, campus_of):
    voted = voted_dossier(user_of("region"), campus_of("versailles"), 2031, number="CP 2031-130")
    url = reverse("subsidies:agreement_scan", args=[voted.pk])
    region = client_of("region")
    text = region.post(url, {"file": SimpleUploadedFile("x.pdf", b"not a pdf")})
    assert text.status_code == 200
    assert "PDF" in " ".join(text.context["form"].errors["file"])
    pdf = SimpleUploadedFile("signee.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    assert region.post(url, {"file": pdf}).status_code == 302
    agreement = GrantAgreement.objects.get(dossier=voted)
    assert agreement.signed_scan
    download = client_of("dir-versailles").get(
        reverse("subsidies:agreement_scan_download", args=[voted.pk])
    )
    assert download.status_code == 200
    assert (
        client_of("dir-mode")
        .get(reverse("subsidies:agreement_scan_download", args=[voted.pk]))
        .status_code
        == 404
    )


# ---------------------------------------------------------------- envelopes, deliberation, jobs


def test_envelopes_are_read_by_rectorates_and_created_by_regional_staff(client_of):
    grants = CommitmentEnvelope.objects.get(deliberation__number="CP 2023-263", article="7")
    for role, status in (("rectorat-creteil", 200), ("dir-versailles", 403), ("expert", 403)):
        assert client_of(role).get(grants.get_absolute_url()).status_code == status
    page = content(client_of("rectorat-paris").get(reverse("subsidies:envelope_list")))
    assert "500 000,00 €" in page and "200 000,00 €" in page

    session = Deliberation.objects.create(
        number="CP 2031-200", body="CP", date=date(2026, 7, 1), title="Test"
    )
    form = client_of("region").get(reverse("subsidies:envelope_create"))
    data = {name: field.initial for name, field in form.context["form"].fields.items()}
    data.update(
        deliberation=session.pk,
        label="Subventions 2031",
        amount="300000",
        budget_year="2031",
        article="3",
    )
    data = {key: value for key, value in data.items() if value is not None}
    response = client_of("region").post(reverse("subsidies:envelope_create"), data)
    assert response.status_code == 302, response.context["form"].errors
    created = CommitmentEnvelope.objects.get(deliberation=session)
    assert created.amount == D("300000.00")

    bad = client_of("region").post(reverse("subsidies:envelope_create"), {**data, "amount": "-1"})
    assert bad.status_code == 200 and bad.context["form"].errors
    assert CommitmentEnvelope.objects.filter(deliberation=session).count() == 1
    assert client_of("rectorat-paris").get(reverse("subsidies:envelope_create")).status_code == 403


def test_envelope_figures(client_of):
    grants = CommitmentEnvelope.objects.get(deliberation__number="CP 2023-263", article="7")
    page = client_of("region").get(grants.get_absolute_url())
    envelope_ = page.context["envelope"]
    assert (envelope_.amount, envelope_.voted, envelope_.remaining) == (
        D("500000.00"),
        D("500000.00"),
        D("0.00"),
    )
    assert len(page.context["dossiers"]) == 9


def test_the_deliberation_page_lists_its_grants_in_order(client_of):
    cp = Deliberation.objects.get(number="CP 2023-263")
    region = client_of("region")
    response = region.get(reverse("deliberations:detail", args=[cp.pk]))
    section = response.context["subsidies"]
    assert [d.position for d in section["dossiers"]] == list(range(1, 10))
    assert section["total"] == D("500000.00")
    text = content(response)
    assert "- 50 000 euros pour le Campus Versailles ;" in text
    assert "- 100 000 euros pour le Campus mode, métiers d’art et design." in text  # as adopted
    assert "Enregistrer le vote" not in text  # nothing is proposed any more
    assert "Annexes : toutes les fiches projet (PDF)" in text

    director = client_of("dir-mode").get(reverse("deliberations:detail", args=[cp.pk]))
    assert [d.number for d in director.context["subsidies"]["dossiers"]] == ["23004170"]
    assert director.context["subsidies"]["envelopes"] == []


def test_the_annex_bundle_and_exports_start_jobs(client_of):
    cp = Deliberation.objects.get(number="CP 2023-263")
    region = client_of("region")
    response = region.post(reverse("subsidies:deliberation_annexes", args=[cp.pk]))
    job = Job.objects.get(kind="subsidy_annex_bundle")
    assert response.url == reverse("jobs:detail", args=[job.pk])
    assert job.params == {"deliberation_id": cp.pk}
    assert region.get(response.url).status_code == 200

    response = region.post(reverse("subsidies:export", args=["xlsx"]) + "?year=2023&status=voted")
    job = Job.objects.get(kind="subsidy_export")
    assert response.url == reverse("jobs:detail", args=[job.pk])
    assert job.params == {
        "format": "xlsx",
        "year": 2023,
        "campus": None,
        "status": "voted",
        "beneficiary": None,
    }
    region.post(reverse("subsidies:open_data"))
    assert Job.objects.filter(kind="subsidy_open_data").exists()

    refused = region.post(reverse("subsidies:export", args=["csv"]) + "?year=abc")
    assert refused.status_code == 302 and "/subventions/" in refused.url
    assert region.post(reverse("subsidies:export", args=["pdf"])).status_code == 404
    assert (
        client_of("rectorat-paris").post(reverse("subsidies:export", args=["csv"])).status_code
        == 403
    )
    assert Job.objects.filter(kind="subsidy_export").count() == 1


def test_a_ready_document_is_downloaded_by_those_who_see_the_dossier(client_of, user_of):
    target = dossier("23004868")
    document = SubsidyDocument.objects.create(
        kind=SubsidyDocumentKind.FICHE_PROJET,
        dossier=target,
        source_key="test-views",
        status=DocumentStatus.READY,
    )
    document.file.save("fiche.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
    url = reverse("subsidies:document_download", args=[document.pk])
    assert client_of("dir-versailles").get(url).status_code == 200
    assert client_of("dir-mode").get(url).status_code == 404
    assert client_of("expert").get(url).status_code == 403
    page = content(client_of("dir-versailles").get(target.get_absolute_url()))
    assert "Fiche projet" in page and "Télécharger" in page


def test_unknown_and_huge_ids_are_404(client_of):
    region = client_of("region")
    for name in ("detail", "edit", "instruct", "envelope_detail", "transfer_detail"):
        assert region.get(reverse(f"subsidies:{name}", args=[999_999_999])).status_code == 404
    assert region.get("/subventions/" + "9" * 30 + "/").status_code == 404
    assert region.post(reverse("subsidies:payment_pay", args=[999_999_999])).status_code == 404
    assert (
        region.post(
            reverse("subsidies:document_request", args=[dossier("23004868").pk, "inconnu"])
        ).status_code
        == 404
    )


# ---------------------------------------------------------------- query counts


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_list_pages_query_count_is_flat(client_of, user_of, campus_of):
    region = client_of("region")
    director = client_of("dir-versailles")
    cp = Deliberation.objects.get(number="CP 2023-263")
    urls = [
        (region, "/subventions/"),
        (director, "/subventions/"),
        (region, reverse("subsidies:envelope_list")),
        (region, reverse("deliberations:detail", args=[cp.pk])),
    ]
    before = [_count_queries(client, url) for client, url in urls]

    # More dossiers, plans and payments (two of each kind of row on Versailles).
    for year, number in ((2031, "CP 2031-300"), (2032, "CP 2032-300")):
        signed = signed_dossier(user_of("region"), campus_of("versailles"), year, number=number)
        payment = services.request_payment(user_of("region"), signed, kind="advance", amount="1000")
        services.mark_paid(user_of("region"), payment, paid_on=timezone.localdate())

    after = [_count_queries(client, url) for client, url in urls]
    assert after == before


def test_dossier_page_query_count_does_not_grow_with_payments(client_of, user_of, campus_of):
    region_user = user_of("region")
    signed = signed_dossier(region_user, campus_of("versailles"), 2031, number="CP 2031-400")
    url = signed.get_absolute_url()
    client = client_of("region")
    services.request_payment(region_user, signed, kind="advance", amount="1000")
    before = _count_queries(client, url)
    for _i in range(3):
        services.request_payment(region_user, signed, kind="instalment", amount="1000")
    assert _count_queries(client, url) == before


def test_navigation_and_no_plan_lines_leak(client_of):
    # A financing line of another campus never shows on a director's pages.
    assert FinancingLine.objects.exclude(dossier__campus__short_name="Campus Versailles").exists()
    text = content(client_of("dir-versailles").get("/subventions/"))
    assert "Subventions" in text
    assert "23004170" not in text


def test_the_vote_is_refused_while_a_siret_is_missing(client_of, user_of, campus_of):
    region_user = user_of("region")
    ia = instructed_dossier(region_user, campus_of("ia"), 2031)
    session = deliberation("CP 2031-500", day=date(2026, 7, 1))
    services.propose(region_user, ia, deliberation=session, envelope=envelope(number="CP 2031-499"))
    page = content(client_of("region").get(ia.get_absolute_url()))
    assert "SIRET à compléter" in page and "compléter la fiche de l'organisme" in page

    response = client_of("region").post(
        reverse("subsidies:deliberation_vote", args=[session.pk]), follow=True
    )

    assert "Le SIRET du bénéficiaire est requis avant le vote" in content(response)
    ia.refresh_from_db()
    assert ia.status == DossierStatus.PROPOSED and ia.voted_amount is None


def test_a_transfer_is_drafted_and_signed_through_the_pages(client_of, user_of, campus_of):
    versailles = campus_of("versailles")
    signed = signed_dossier(user_of("region"), versailles, 2031, number="CP 2031-600")
    cy = dossier("HIST-2021-VERSAILLES").transfers.get().previous_beneficiary
    region = client_of("region")
    form = region.get(reverse("subsidies:transfer_create"), {"campus": versailles.pk})
    assert signed in form.context["form"].fields["dossiers"].queryset

    response = region.post(
        reverse("subsidies:transfer_create") + f"?campus={versailles.pk}",
        {"campus": versailles.pk, "new_beneficiary": cy.pk, "dossiers": [signed.pk]},
    )
    assert response.status_code == 302
    transfer = signed.transfers.get()
    sign_url = reverse("subsidies:transfer_sign", args=[transfer.pk])
    today = timezone.localdate().isoformat()
    for party in ("region", "previous", "new"):
        assert (
            region.post(
                sign_url, {"party": party, "signed_on": today, "signatory": f"Signataire {party}"}
            ).status_code
            == 302
        )
    transfer.refresh_from_db()
    signed.refresh_from_db()
    assert transfer.status == "signed"
    assert signed.beneficiary == cy
    page = content(client_of("dir-versailles").get(transfer.get_absolute_url()))
    assert "50 000,00 €" in page  # the whole grant moved: nothing had been paid

    garbage = region.post(
        reverse("subsidies:transfer_create"),
        {"campus": "abc", "new_beneficiary": "9" * 30, "dossiers": ["x"]},
    )
    assert garbage.status_code == 200 and garbage.context["form"].errors


def test_the_campus_page_lists_its_subsidies(client_of, campus_of):
    page = content(
        client_of("dir-versailles").get(
            reverse("campuses:detail", args=[campus_of("versailles").pk])
        )
    )
    assert "HIST-2021-VERSAILLES" in page and "23004868" in page


def test_the_lapse_date_is_extended_with_a_reason(client_of, user_of, campus_of):
    voted = voted_dossier(user_of("region"), campus_of("versailles"), 2031, number="CP 2031-700")
    url = reverse("subsidies:lapse_date", args=[voted.pk])
    region = client_of("region")
    before = voted.lapse_on
    no_reason = region.post(url, {"lapse_on": "2030-12-31", "reason": ""})
    assert no_reason.status_code == 200 and no_reason.context["form"].errors["reason"]
    too_early = region.post(url, {"lapse_on": "2020-01-01", "reason": "Prorogation"})
    assert "doit suivre le vote" in " ".join(too_early.context["form"].errors["lapse_on"])
    voted.refresh_from_db()
    assert voted.lapse_on == before
    assert region.post(url, {"lapse_on": "2030-12-31", "reason": "Prorogation"}).status_code == 302
    voted.refresh_from_db()
    assert voted.lapse_on == date(2030, 12, 31)
    assert client_of("dir-versailles").get(url).status_code == 403
