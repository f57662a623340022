"""The HTTP API of subsidies: dossiers (`subsidies`), `payments`, `envelopes`, the subsidy part
of `deliberations` and its `vote` action: who gets what on every endpoint and action, scoping,
writes through the services (optimistic locking, state conflicts, French validation messages
per field, nothing saved on refusal), the figures shown, filters and flat query counts.

The role matrices run on a dossier of the Versailles campus (academies Paris and Versailles):
regional staff manage it; rectorat-paris and rectorat-versailles read it; dir-versailles
prepares and submits it; rectorat-creteil and dir-mode must not learn it exists (404, or 403
when their role is refused first); the expert has no business here (403); anonymous: 401.
Dossiers are built for the reference year 2031, free in the demo data; the demo's own
dossiers (CP 2023-263, Versailles 2021/2022) are only read.
"""

from datetime import timedelta
from decimal import Decimal

import pytest
import yaml
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from deliberations.models import Deliberation
from subsidies import services
from subsidies.models import (
    NATURE_BY_LEGAL_STATUS,
    BudgetLine,
    CommitmentEnvelope,
    DossierStatus,
    EnvelopePurpose,
    Payment,
    PaymentKind,
    PaymentStatus,
    Programme,
    SubsidyDocument,
    SubsidyDossier,
)
from subsidies.services.votes import voted_on_envelope

pytestmark = pytest.mark.django_db

D = Decimal
SUBSIDIES_URL = "/api/v1/subsidies/"
PAYMENTS_URL = "/api/v1/payments/"
ENVELOPES_URL = "/api/v1/envelopes/"
DELIBERATIONS_URL = "/api/v1/deliberations/"

YEAR = 2031
TODAY = timezone.localdate()
VOTED_ON = TODAY - timedelta(days=30)
SESSION_NUMBER = f"CP {TODAY.year}-951"

ANONYMOUS = "anonymous"
ROLES = [
    "admin",
    "region",
    "rectorat-paris",
    "rectorat-creteil",
    "rectorat-versailles",
    "expert",
    "dir-versailles",
    "dir-mode",
]
REGIONAL = ("admin", "region")
RECTORATES = ("rectorat-paris", "rectorat-creteil", "rectorat-versailles")
# Besides regional staff, who sees the Versailles campus (academies Paris + Versailles).
SEES_VERSAILLES = ("rectorat-paris", "rectorat-versailles", "dir-versailles")
READERS = (*REGIONAL, *SEES_VERSAILLES)

PLAN = [
    {"kind": "expense", "label": "Fonctionnement du campus", "amount": "60000.00"},
    {"kind": "expense", "label": "Animation du réseau", "amount": "40000.00"},
    {
        "kind": "revenue",
        "label": "Subvention de la Région",
        "amount": "50000.00",
        "is_region_share": True,
    },
    {"kind": "revenue", "label": "Établissement support", "amount": "50000.00"},
]


def codes(default, groups=None):
    """{role: status}: `default` for every role, `groups` ({roles: status}) on top; the expert
    always 403, anonymous always 401."""
    result = dict.fromkeys(ROLES, default)
    for roles, status in (groups or {}).items():
        for role in roles:
            result[role] = status
    result["expert"] = 403
    result[ANONYMOUS] = 401
    return result


def role_params(matrix):
    return pytest.mark.parametrize(("role", "expected"), list(matrix.items()))


# Reading a Versailles dossier or payment.
READ = codes(404, {READERS: 200})
# Regional staff only; the role is checked first (403 even out of scope).
WRITE = codes(403, {REGIONAL: 200})
# Preparing the dossier: regional staff, and the campus's director (another director: 404).
PREPARE = codes(403, {REGIONAL: 200, ("dir-versailles",): 200, ("dir-mode",): 404})
# Asking for a PDF: every reader in scope.
PDF = codes(404, {READERS: 202})


# ============================================================================== builders


def reference_data():
    """The programme and budget lines (as the demo has them), a deliberation voted 30 days
    ago and a 500 000 € envelope of campus grants on it."""
    framework = Deliberation.objects.get_or_create(
        number="CR 2017-102",
        defaults={"body": "CR", "date": TODAY.replace(year=2017), "title": "Cadre"},
    )[0]
    programme = Programme.objects.get_or_create(
        code="00001036",
        defaults={"name": "Subvention aux campus", "framework_deliberation": framework},
    )[0]
    for nature in NATURE_BY_LEGAL_STATUS.values():
        BudgetLine.objects.get_or_create(
            chapter="932",
            function="288",
            nature=nature,
            action="12800302",
            suffix="100",
            defaults={"programme": programme, "programme_code": "HP288-003"},
        )
    session = Deliberation.objects.get_or_create(
        number=SESSION_NUMBER,
        defaults={"body": "CP", "date": VOTED_ON, "title": "Commission permanente de test"},
    )[0]
    envelope = make_envelope(session, programme)
    return session, envelope


def make_envelope(session, programme=None, amount="500000.00", year=YEAR):
    return CommitmentEnvelope.objects.create(
        programme=programme or Programme.objects.get(code="00001036"),
        deliberation=session,
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


def line_for(dossier):
    nature = NATURE_BY_LEGAL_STATUS[dossier.beneficiary.legal_status]
    return BudgetLine.objects.get(nature=nature, action="12800302", suffix="100")


def make_draft(actor, campus, year=YEAR, plan=PLAN):
    dossier = services.create_dossier(
        actor, campus=campus, reference_year=year, description="Actions de l'année."
    )
    if plan:
        services.set_financing_plan(actor, dossier, plan)
    return SubsidyDossier.objects.get(pk=dossier.pk)


def make_submitted(actor, campus, year=YEAR):
    return services.submit(actor, make_draft(actor, campus, year))


def make_instructed(region, campus, year=YEAR):
    dossier = make_submitted(region, campus, year)
    return services.instruct(
        region,
        dossier,
        {"eligible_base": D("100000.00"), "rate": D("50.00"), "budget_line": line_for(dossier)},
    )


def make_proposed(region, campus, session, envelope, year=YEAR):
    dossier = make_instructed(region, campus, year)
    return services.propose(region, dossier, deliberation=session, envelope=envelope)


def make_voted(region, campus, session, envelope, year=YEAR):
    dossier = make_proposed(region, campus, session, envelope, year)
    services.vote_deliberation(region, session)
    return SubsidyDossier.objects.get(pk=dossier.pk)


def make_signed(region, campus, session, envelope, year=YEAR):
    dossier = make_voted(region, campus, session, envelope, year)
    for party in ("region", "beneficiary"):
        services.sign_agreement(
            region, dossier, party=party, signed_on=VOTED_ON, signatory="Signataire"
        )
    return SubsidyDossier.objects.get(pk=dossier.pk)


def pay(region, dossier, amount, kind=PaymentKind.INSTALMENT, on=None):
    payment = services.request_payment(
        region, dossier, kind=kind, amount=D(amount), requested_on=on or VOTED_ON
    )
    return services.mark_paid(region, payment, paid_on=on or VOTED_ON, reference="M-1")


# ============================================================================== fixtures


@pytest.fixture
def api_of(user_of):
    """api_of("dir-ia") -> an APIClient with that demo account's token; "anonymous" -> none."""

    def make(username):
        client = APIClient()
        if username != ANONYMOUS:
            token, _created = Token.objects.get_or_create(user=user_of(username))
            client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return client

    return make


@pytest.fixture
def region(user_of):
    return user_of("region")


@pytest.fixture
def versailles(campus_of):
    return campus_of("versailles")


@pytest.fixture
def setup():
    return reference_data()


@pytest.fixture
def session(setup):
    return setup[0]


@pytest.fixture
def envelope(setup):
    return setup[1]


@pytest.fixture
def draft(user_of, versailles, setup):
    return make_draft(user_of("dir-versailles"), versailles)


@pytest.fixture
def submitted(user_of, versailles, setup):
    return make_submitted(user_of("dir-versailles"), versailles)


@pytest.fixture
def instructed(region, versailles, setup):
    return make_instructed(region, versailles)


@pytest.fixture
def proposed(region, versailles, session, envelope):
    return make_proposed(region, versailles, session, envelope)


@pytest.fixture
def voted(region, versailles, session, envelope):
    return make_voted(region, versailles, session, envelope)


@pytest.fixture
def signed(region, versailles, session, envelope):
    return make_signed(region, versailles, session, envelope)


@pytest.fixture
def requested(region, signed):
    return services.request_payment(
        region, signed, kind=PaymentKind.ADVANCE, amount=D("20000.00"), requested_on=VOTED_ON
    )


@pytest.fixture
def paid_in_full(region, signed):
    pay(region, signed, "50000.00", kind=PaymentKind.BALANCE)
    return SubsidyDossier.objects.get(pk=signed.pk)


def url(base, obj, action=""):
    return f"{base}{obj.pk}/{action + '/' if action else ''}"


def ids(response):
    return {row["id"] for row in response.json()["results"]}


def status_of(dossier):
    return SubsidyDossier.objects.get(pk=dossier.pk).status


def spaces(text):
    """French messages use no-break spaces: compare them with plain ones."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


# ======================================================================== reads: matrices


@role_params(codes(200))
def test_subsidy_list_matrix(role, expected, api_of, draft):
    response = api_of(role).get(SUBSIDIES_URL)

    assert response.status_code == expected
    if expected == 200:
        assert (draft.pk in ids(response)) == (role in READERS)


@role_params(READ)
def test_subsidy_detail_matrix(role, expected, api_of, draft):
    response = api_of(role).get(url(SUBSIDIES_URL, draft))

    assert response.status_code == expected
    if expected == 200:
        assert response.json()["number"] == draft.number


@role_params(codes(200))
def test_payment_list_matrix(role, expected, api_of, requested):
    response = api_of(role).get(PAYMENTS_URL)

    assert response.status_code == expected
    if expected == 200:
        assert (requested.pk in ids(response)) == (role in READERS)


@role_params(READ)
def test_payment_detail_matrix(role, expected, api_of, requested):
    response = api_of(role).get(url(PAYMENTS_URL, requested))

    assert response.status_code == expected
    if expected == 200:
        assert response.json()["amount"] == "20000.00"


@role_params(codes(403, {REGIONAL: 200, RECTORATES: 200}))
def test_envelope_list_and_detail_matrix(role, expected, api_of, envelope):
    client = api_of(role)
    listed = client.get(ENVELOPES_URL)
    detail = client.get(url(ENVELOPES_URL, envelope))

    assert listed.status_code == expected
    assert detail.status_code == expected
    if expected == 200:
        assert envelope.pk in ids(listed)
        assert detail.json()["amount"] == "500000.00"


@role_params(codes(200))
def test_deliberation_detail_shows_the_subsidies_the_caller_sees(role, expected, api_of, voted):
    response = api_of(role).get(url(DELIBERATIONS_URL, voted.deliberation))

    assert response.status_code == expected  # a deliberation is public to these roles
    if expected != 200:
        return
    part = response.json()["subsidies"]
    numbers = [row["number"] for row in part["dossiers"]]
    assert numbers == ([voted.number] if role in READERS else [])
    # Envelopes are the Region's budget: regional and rectorate staff only.
    envelopes = [row["id"] for row in part["envelopes"]]
    assert envelopes == ([voted.envelope_id] if role in (*REGIONAL, *RECTORATES) else [])
    if role in READERS:
        assert part["totals"] == {"dossiers": 1, "amount": "50000.00", "voted": "50000.00"}


# ======================================================================= writes: matrices


@role_params(codes(403, {REGIONAL: 201, ("dir-versailles",): 201, ("dir-mode",): 400}))
def test_create_matrix(role, expected, api_of, versailles, setup):
    before = SubsidyDossier.objects.count()

    response = api_of(role).post(
        SUBSIDIES_URL,
        {"campus": versailles.pk, "reference_year": YEAR, "description": "Projet"},
        format="json",
    )

    assert response.status_code == expected, response.content
    assert SubsidyDossier.objects.count() == before + (1 if expected == 201 else 0)
    if expected == 400:  # another campus is an unknown choice for a director
        assert list(response.json()) == ["campus"]


@role_params(PREPARE)
def test_patch_project_matrix(role, expected, api_of, draft):
    response = api_of(role).patch(
        url(SUBSIDIES_URL, draft),
        {"description": "Nouvelle description", "version": draft.version},
        format="json",
    )

    assert response.status_code == expected, response.content
    current = SubsidyDossier.objects.get(pk=draft.pk)
    assert (current.description == "Nouvelle description") == (expected == 200)
    assert current.version == draft.version + (1 if expected == 200 else 0)


@role_params(PREPARE)
def test_financing_plan_matrix(role, expected, api_of, draft):
    plan = [*PLAN[:1], {"kind": "revenue", "label": "Autres", "amount": "60000.00"}]

    response = api_of(role).put(
        url(SUBSIDIES_URL, draft, "financing-plan"), {"lines": plan}, format="json"
    )

    assert response.status_code == expected, response.content
    assert draft.financing_lines.count() == (2 if expected == 200 else 4)


@role_params(PREPARE)
def test_submit_matrix(role, expected, api_of, draft):
    response = api_of(role).post(url(SUBSIDIES_URL, draft, "submit"))

    assert response.status_code == expected, response.content
    submitted = DossierStatus.SUBMITTED if expected == 200 else DossierStatus.DRAFT
    assert status_of(draft) == submitted
    if expected == 200:
        assert response.json()["status"] == "submitted"
        assert response.json()["status_label"] == "Déposé"


@role_params(PREPARE)
def test_withdraw_matrix(role, expected, api_of, draft):
    response = api_of(role).post(url(SUBSIDIES_URL, draft, "withdraw"), {"reason": "Reporté"})

    assert response.status_code == expected, response.content
    withdrawn = DossierStatus.WITHDRAWN if expected == 200 else DossierStatus.DRAFT
    assert status_of(draft) == withdrawn


@role_params(WRITE)
def test_return_to_draft_matrix(role, expected, api_of, submitted):
    response = api_of(role).post(
        url(SUBSIDIES_URL, submitted, "return-to-draft"), {"reason": "Compléter le plan"}
    )

    assert response.status_code == expected, response.content
    back = DossierStatus.DRAFT if expected == 200 else DossierStatus.SUBMITTED
    assert status_of(submitted) == back


@role_params(WRITE)
def test_instruct_matrix(role, expected, api_of, submitted):
    response = api_of(role).post(
        url(SUBSIDIES_URL, submitted, "instruct"),
        {"eligible_base": "100000.00", "rate": "50.00", "budget_line": line_for(submitted).pk},
        format="json",
    )

    assert response.status_code == expected, response.content
    current = SubsidyDossier.objects.get(pk=submitted.pk)
    if expected == 200:
        assert current.status == DossierStatus.INSTRUCTED
        assert current.amount == D("50000.00")  # the maximum, proposed
    else:
        assert (current.status, current.amount, current.rate) == (
            DossierStatus.SUBMITTED,
            None,
            None,
        )


@role_params(WRITE)
def test_propose_matrix(role, expected, api_of, instructed, session, envelope):
    response = api_of(role).post(
        url(SUBSIDIES_URL, instructed, "propose"),
        {"deliberation": session.pk, "envelope": envelope.pk},
        format="json",
    )

    assert response.status_code == expected, response.content
    proposed = DossierStatus.PROPOSED if expected == 200 else DossierStatus.INSTRUCTED
    assert status_of(instructed) == proposed


@role_params(WRITE)
def test_unpropose_matrix(role, expected, api_of, proposed):
    response = api_of(role).post(url(SUBSIDIES_URL, proposed, "unpropose"))

    assert response.status_code == expected, response.content
    back = DossierStatus.INSTRUCTED if expected == 200 else DossierStatus.PROPOSED
    assert status_of(proposed) == back


@role_params(WRITE)
def test_refuse_matrix(role, expected, api_of, submitted):
    response = api_of(role).post(
        url(SUBSIDIES_URL, submitted, "refuse"), {"reason": "Hors règlement"}
    )

    assert response.status_code == expected, response.content
    refused = DossierStatus.REFUSED if expected == 200 else DossierStatus.SUBMITTED
    assert status_of(submitted) == refused


@role_params(WRITE)
def test_vote_matrix(role, expected, api_of, proposed):
    response = api_of(role).post(url(DELIBERATIONS_URL, proposed.deliberation, "vote"))

    assert response.status_code == expected, response.content
    voted = DossierStatus.VOTED if expected == 200 else DossierStatus.PROPOSED
    assert status_of(proposed) == voted
    if expected == 200:
        [row] = response.json()["subsidies"]["dossiers"]
        assert (row["status"], row["voted_amount"]) == ("voted", "50000.00")


@role_params(WRITE)
def test_sign_agreement_matrix(role, expected, api_of, voted):
    response = api_of(role).post(
        url(SUBSIDIES_URL, voted, "sign-agreement"),
        {"party": "region", "signed_on": VOTED_ON.isoformat(), "signatory": "La présidente"},
    )

    assert response.status_code == expected, response.content
    assert (voted.agreement.__class__.objects.get(pk=voted.agreement.pk).region_signed_on) == (
        VOTED_ON if expected == 200 else None
    )


@role_params(WRITE)
def test_close_matrix(role, expected, api_of, paid_in_full):
    response = api_of(role).post(url(SUBSIDIES_URL, paid_in_full, "close"))

    assert response.status_code == expected, response.content
    closed = DossierStatus.CLOSED if expected == 200 else DossierStatus.PAID
    assert status_of(paid_in_full) == closed


@role_params(PDF)
def test_pdf_matrix(role, expected, api_of, draft):
    response = api_of(role).post(url(SUBSIDIES_URL, draft, "pdf"), {"kind": "fiche_projet"})

    assert response.status_code == expected, response.content
    exists = SubsidyDocument.objects.filter(dossier=draft).exists()
    assert exists == (expected == 202)
    if expected == 202:
        body = response.json()
        assert body["kind"] == "fiche_projet" and body["status"] == "pending"
        assert body["download_url"].endswith(f"/api/v1/subsidy-documents/{body['id']}/download/")
        assert response["Location"].endswith(f"/api/v1/subsidy-documents/{body['id']}/")


@role_params(codes(403, {REGIONAL: 201}))
def test_payment_create_matrix(role, expected, api_of, signed):
    response = api_of(role).post(
        PAYMENTS_URL,
        {"dossier": signed.pk, "kind": "advance", "amount": "20000.00"},
        format="json",
    )

    assert response.status_code == expected, response.content
    assert Payment.objects.filter(dossier=signed).exists() == (expected == 201)
    if expected == 201:
        body = response.json()
        assert (body["status"], body["amount"]) == ("requested", "20000.00")
        assert body["requested_on"] == TODAY.isoformat()


@role_params(WRITE)
def test_order_matrix(role, expected, api_of, requested):
    response = api_of(role).post(
        url(PAYMENTS_URL, requested, "order"),
        {"ordered_on": TODAY.isoformat(), "reference": "M-2031-1"},
    )

    assert response.status_code == expected, response.content
    ordered = PaymentStatus.ORDERED if expected == 200 else PaymentStatus.REQUESTED
    assert Payment.objects.get(pk=requested.pk).status == ordered


@role_params(WRITE)
def test_pay_matrix(role, expected, api_of, requested):
    response = api_of(role).post(
        url(PAYMENTS_URL, requested, "pay"), {"paid_on": TODAY.isoformat()}
    )

    assert response.status_code == expected, response.content
    paid = PaymentStatus.PAID if expected == 200 else PaymentStatus.REQUESTED
    assert Payment.objects.get(pk=requested.pk).status == paid
    partly = DossierStatus.PARTLY_PAID if expected == 200 else DossierStatus.AGREEMENT_SIGNED
    assert status_of(requested.dossier) == partly


@role_params(WRITE)
def test_cancel_matrix(role, expected, api_of, requested):
    response = api_of(role).post(
        url(PAYMENTS_URL, requested, "cancel"), {"reason": "Erreur de saisie"}
    )

    assert response.status_code == expected, response.content
    cancelled = PaymentStatus.CANCELLED if expected == 200 else PaymentStatus.REQUESTED
    assert Payment.objects.get(pk=requested.pk).status == cancelled


@pytest.mark.parametrize("role", ["region", "rectorat-paris", "dir-versailles"])
def test_envelopes_are_read_only(role, api_of, envelope):
    client = api_of(role)
    expected = 403 if role == "dir-versailles" else 405

    assert client.post(ENVELOPES_URL, {"amount": "1.00"}).status_code == expected
    assert client.patch(url(ENVELOPES_URL, envelope), {"amount": "1.00"}).status_code == expected


@pytest.mark.parametrize("role", ["region", "dir-versailles"])
@pytest.mark.parametrize("base", [SUBSIDIES_URL, PAYMENTS_URL])
def test_delete_is_not_offered(role, base, api_of, requested):
    target = requested.dossier if base == SUBSIDIES_URL else requested

    response = api_of(role).delete(url(base, target))

    assert response.status_code == (405 if role == "region" else 403)
    assert type(target).objects.filter(pk=target.pk).exists()


# ======================================================================== scope and roles


@pytest.mark.parametrize("base", [SUBSIDIES_URL, PAYMENTS_URL, ENVELOPES_URL])
def test_expert_is_refused_every_collection(base, api_of):
    response = api_of("expert").get(base)
    assert response.status_code == 403
    assert response.json()["detail"]  # in French by default


def test_out_of_scope_is_404_everywhere(api_of, requested):
    client = api_of("dir-mode")
    dossier = requested.dossier

    assert client.get(url(SUBSIDIES_URL, dossier)).status_code == 404
    assert client.get(url(PAYMENTS_URL, requested)).status_code == 404
    assert client.post(url(SUBSIDIES_URL, dossier, "pdf")).status_code == 404
    assert dossier.pk not in ids(client.get(SUBSIDIES_URL))
    assert requested.pk not in ids(client.get(PAYMENTS_URL))


@pytest.mark.parametrize("role", RECTORATES)
def test_rectorate_is_read_only(role, api_of, draft):
    client = api_of(role)

    assert client.patch(url(SUBSIDIES_URL, draft), {"description": "X"}).status_code == 403
    assert client.post(url(SUBSIDIES_URL, draft, "submit")).status_code == 403
    assert status_of(draft) == DossierStatus.DRAFT


def test_directors_see_their_campus_only(api_of, user_of, campus_of, setup):
    mine = make_draft(user_of("dir-mode"), campus_of("mode"))
    other = make_draft(user_of("dir-versailles"), campus_of("versailles"))

    listed = ids(api_of("dir-mode").get(SUBSIDIES_URL, {"year": YEAR}))

    assert listed == {mine.pk}
    assert other.pk not in listed


def test_anonymous_gets_401(api_of):
    for base in (SUBSIDIES_URL, PAYMENTS_URL, ENVELOPES_URL):
        assert api_of(ANONYMOUS).get(base).status_code == 401


# ============================================================== the project, not the terms


@pytest.mark.parametrize(
    "change",
    [
        {"amount": "60000.00"},
        {"rate": "40.00"},
        {"eligible_base": "200000.00"},
        {"budget_line": "BUDGET_LINE"},
        {"description": "Modifiable", "amount": "60000.00"},
    ],
)
def test_director_may_not_change_the_financial_terms(change, api_of, draft):
    if change.get("budget_line") == "BUDGET_LINE":
        change = {"budget_line": line_for(draft).pk}

    response = api_of("dir-versailles").patch(
        url(SUBSIDIES_URL, draft), {**change, "version": draft.version}, format="json"
    )

    assert response.status_code == 403
    assert "services de la Région" in response.json()["detail"]
    current = SubsidyDossier.objects.get(pk=draft.pk)
    assert (current.amount, current.rate, current.eligible_base, current.budget_line_id) == (
        None,
        None,
        None,
        None,
    )
    assert current.description == draft.description
    assert current.version == draft.version


def test_regional_staff_set_the_terms_through_instruct_not_patch(api_of, submitted):
    response = api_of("region").patch(
        url(SUBSIDIES_URL, submitted),
        {"amount": "50000.00", "rate": "50.00", "version": submitted.version},
        format="json",
    )

    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"amount", "rate"}
    assert "instruct" in body["amount"][0]
    assert SubsidyDossier.objects.get(pk=submitted.pk).version == submitted.version


def test_status_is_not_writable(api_of, draft):
    response = api_of("dir-versailles").patch(
        url(SUBSIDIES_URL, draft), {"status": "voted", "title": "Titre"}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["status"] == "draft"
    assert status_of(draft) == DossierStatus.DRAFT


def test_campus_and_year_do_not_change(api_of, draft, campus_of):
    client = api_of("region")

    moved = client.patch(url(SUBSIDIES_URL, draft), {"campus": campus_of("ia").pk}, format="json")
    later = client.patch(url(SUBSIDIES_URL, draft), {"reference_year": YEAR + 1}, format="json")

    assert (moved.status_code, list(moved.json())) == (400, ["campus"])
    assert (later.status_code, list(later.json())) == (400, ["reference_year"])
    current = SubsidyDossier.objects.get(pk=draft.pk)
    assert (current.campus_id, current.reference_year) == (draft.campus_id, YEAR)


def test_director_may_not_edit_once_submitted(api_of, submitted):
    response = api_of("dir-versailles").patch(
        url(SUBSIDIES_URL, submitted), {"description": "Trop tard"}, format="json"
    )

    assert response.status_code == 409
    assert "déposé" in response.json()["detail"]


# ============================================================ optimistic locking (version)


def test_patch_with_current_then_stale_version_is_409(api_of, draft):
    client = api_of("dir-versailles")
    version = client.get(url(SUBSIDIES_URL, draft)).json()["version"]

    first = client.patch(
        url(SUBSIDIES_URL, draft), {"title": "Premier", "version": version}, format="json"
    )
    assert first.status_code == 200, first.content
    assert first.json()["version"] == version + 1

    stale = client.patch(
        url(SUBSIDIES_URL, draft), {"title": "Trop tard", "version": version}, format="json"
    )
    assert stale.status_code == 409
    assert "modifié par quelqu'un d'autre" in stale.json()["detail"]
    current = SubsidyDossier.objects.get(pk=draft.pk)
    assert (current.title, current.version) == ("Premier", version + 1)


def test_stale_version_on_the_plan_and_on_instruct_is_409(api_of, region, versailles, draft):
    submitted = make_submitted(region, versailles, YEAR + 1)
    client = api_of("region")

    plan = client.put(
        url(SUBSIDIES_URL, draft, "financing-plan"),
        {"lines": PLAN[:1], "version": draft.version - 1},
        format="json",
    )
    terms = client.post(
        url(SUBSIDIES_URL, submitted, "instruct"),
        {"rate": "40.00", "version": submitted.version - 1},
        format="json",
    )

    assert plan.status_code == 409 and terms.status_code == 409
    assert draft.financing_lines.count() == len(PLAN)
    assert SubsidyDossier.objects.get(pk=submitted.pk).rate is None


# ============================================================== validation: 400 per field


def test_create_validation_is_400_per_field_in_french(api_of, draft, versailles):
    before = SubsidyDossier.objects.count()
    client = api_of("dir-versailles")

    twice = client.post(
        SUBSIDIES_URL, {"campus": versailles.pk, "reference_year": YEAR}, format="json"
    )
    no_year = client.post(SUBSIDIES_URL, {"campus": versailles.pk}, format="json")

    assert twice.status_code == 400
    assert list(twice.json()) == ["reference_year"]
    assert "un seul dossier par campus et par an" in twice.json()["reference_year"][0]
    assert no_year.status_code == 400
    assert no_year.json() == {"reference_year": ["Ce champ est obligatoire."]}
    assert SubsidyDossier.objects.count() == before


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (
            {"planned_start": f"{YEAR}-12-31", "planned_end": f"{YEAR}-01-01"},
            "planned_end",
            "La fin prévisionnelle précède le début.",
        ),
        ({"early_start": True}, "early_start_reason", "Motivez le démarrage anticipé du projet."),
        ({"interns_min_months": 1}, "interns_min_months", "Les stages durent au moins 2 mois."),
        ({"planned_start": "31/12/2031"}, "planned_start", "La date n'a pas le bon format."),
        ({"interns_count": -1}, "interns_count", "supérieure ou égale à 0"),
    ],
)
def test_project_validation_is_400_per_field_and_saves_nothing(
    change, field, message, api_of, draft
):
    response = api_of("dir-versailles").patch(url(SUBSIDIES_URL, draft), change, format="json")

    assert response.status_code == 400, response.content
    body = response.json()
    assert list(body) == [field]
    assert message in spaces(body[field][0])
    current = SubsidyDossier.objects.get(pk=draft.pk)
    assert current.version == draft.version
    assert (current.planned_start, current.planned_end, current.early_start) == (
        draft.planned_start,
        draft.planned_end,
        False,
    )


def test_plan_validation_is_400_and_keeps_the_plan(api_of, draft):
    client = api_of("dir-versailles")
    negative = [{"kind": "expense", "label": "Dépenses", "amount": "-1.00"}]
    region_as_expense = [
        {"kind": "expense", "label": "Région", "amount": "10.00", "is_region_share": True}
    ]

    first = client.put(
        url(SUBSIDIES_URL, draft, "financing-plan"), {"lines": negative}, format="json"
    )
    second = client.put(
        url(SUBSIDIES_URL, draft, "financing-plan"), {"lines": region_as_expense}, format="json"
    )

    assert first.status_code == 400
    assert list(first.json()["lines"]["0"]) == ["amount"]
    assert second.status_code == 400
    assert second.json() == {"line_0": ["La subvention de la Région est une recette."]}
    assert draft.financing_lines.count() == len(PLAN)


def test_submitting_an_incomplete_dossier_is_400(api_of, user_of, versailles, setup):
    director = user_of("dir-versailles")
    dossier = services.create_dossier(director, campus=versailles, reference_year=YEAR)

    response = api_of("dir-versailles").post(url(SUBSIDIES_URL, dossier, "submit"))

    assert response.status_code == 400
    body = response.json()
    assert body["description"] == ["Décrivez le projet."]
    assert "aucune ligne de dépense" in " ".join(body["financing_plan"])
    assert status_of(dossier) == DossierStatus.DRAFT


@pytest.mark.parametrize(
    ("terms", "field", "message"),
    [
        ({"rate": "60.00"}, "rate", "compris entre 0 et 50 %"),
        ({"amount": "60000.00"}, "amount", "dépasse le montant maximum"),
        ({"rate": "50.001"}, "rate", "2 chiffres après la virgule"),
        ({"base_tax": "XX"}, "base_tax", "n'est pas un choix valide"),
        ({"budget_line": 999999}, "budget_line", "n'existe pas"),
    ],
)
def test_instruct_validation_is_400_per_field(terms, field, message, api_of, submitted):
    body = {"eligible_base": "100000.00", "rate": "50.00", "budget_line": line_for(submitted).pk}
    body.update(terms)

    response = api_of("region").post(url(SUBSIDIES_URL, submitted, "instruct"), body, format="json")

    assert response.status_code == 400, response.content
    assert field in response.json()
    assert message in spaces(" ".join(response.json()[field]))
    current = SubsidyDossier.objects.get(pk=submitted.pk)
    assert (current.status, current.amount, current.version) == (
        DossierStatus.SUBMITTED,
        None,
        submitted.version,
    )


@pytest.mark.parametrize(
    ("deliberation", "message"),
    [
        ("2023-263", "Numéro de délibération non reconnu"),
        ("CP 1999-999", "Délibération introuvable."),
        (999999999, "Délibération introuvable."),
    ],
)
def test_propose_checks_the_deliberation(deliberation, message, api_of, instructed, envelope):
    response = api_of("region").post(
        url(SUBSIDIES_URL, instructed, "propose"),
        {"deliberation": deliberation, "envelope": envelope.pk},
        format="json",
    )

    assert response.status_code == 400
    assert response.json() == {"deliberation": [response.json()["deliberation"][0]]}
    assert message in response.json()["deliberation"][0]
    assert status_of(instructed) == DossierStatus.INSTRUCTED


def test_propose_accepts_a_typed_number(api_of, instructed, session, envelope):
    typed = SESSION_NUMBER.replace("CP ", "CP n° ")

    response = api_of("region").post(
        url(SUBSIDIES_URL, instructed, "propose"),
        {"deliberation": typed, "envelope": envelope.pk},
        format="json",
    )

    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["status"], body["deliberation"], body["envelope"]) == (
        "proposed",
        session.pk,
        envelope.pk,
    )
    assert body["deliberation_number"] == SESSION_NUMBER


def test_propose_beyond_the_envelope_is_400(api_of, instructed, session):
    small = make_envelope(session, amount="10000.00", year=YEAR + 1)

    response = api_of("region").post(
        url(SUBSIDIES_URL, instructed, "propose"),
        {"deliberation": session.pk, "envelope": small.pk},
        format="json",
    )

    assert response.status_code == 400
    assert "serait dépassée" in response.json()["envelope"][0]
    assert status_of(instructed) == DossierStatus.INSTRUCTED


def test_vote_needs_the_beneficiary_siret(api_of, region, campus_of, session, envelope):
    """ENSAD (Mode campus) has no SIRET in the seeds: the vote is refused, nothing is voted."""
    dossier = make_proposed(region, campus_of("mode"), session, envelope)

    response = api_of("region").post(url(DELIBERATIONS_URL, session, "vote"))

    assert response.status_code == 400
    assert dossier.number in response.json()["siret"][0]
    assert status_of(dossier) == DossierStatus.PROPOSED


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"party": "region", "signed_on": "FUTURE", "signatory": "X"}, "signed_on"),
        ({"party": "state", "signed_on": "TODAY", "signatory": "X"}, "party"),
        ({"party": "region", "signed_on": "TODAY", "signatory": ""}, "signatory"),
        ({"party": "region", "signed_on": "BEFORE_VOTE", "signatory": "X"}, "signed_on"),
    ],
)
def test_sign_agreement_validation(body, field, api_of, voted):
    days = {
        "FUTURE": TODAY + timedelta(days=1),
        "TODAY": TODAY,
        "BEFORE_VOTE": VOTED_ON - timedelta(days=1),
    }
    body = {**body, "signed_on": days[body["signed_on"]].isoformat()}

    response = api_of("region").post(url(SUBSIDIES_URL, voted, "sign-agreement"), body)

    assert response.status_code == 400, response.content
    assert list(response.json()) == [field]
    assert voted.agreement.__class__.objects.get(pk=voted.agreement.pk).region_signed_on is None


@pytest.mark.parametrize(
    ("base", "target", "action_name"),
    [
        (SUBSIDIES_URL, "submitted", "refuse"),
        (SUBSIDIES_URL, "submitted", "return-to-draft"),
        (PAYMENTS_URL, "requested", "cancel"),
    ],
)
def test_a_reason_is_required(base, target, action_name, api_of, request):
    obj = request.getfixturevalue(target)

    response = api_of("region").post(url(base, obj, action_name), {"reason": "  "})

    assert response.status_code == 400
    assert list(response.json()) == ["reason"]


def test_payment_validation(api_of, signed, requested):
    client = api_of("region")

    too_much = client.post(
        PAYMENTS_URL, {"dossier": signed.pk, "kind": "instalment", "amount": "40000.00"}
    )
    zero = client.post(PAYMENTS_URL, {"dossier": signed.pk, "kind": "instalment", "amount": "0"})
    kind = client.post(PAYMENTS_URL, {"dossier": signed.pk, "kind": "bonus", "amount": "1.00"})
    early = client.post(
        url(PAYMENTS_URL, requested, "order"),
        {"ordered_on": (VOTED_ON - timedelta(days=1)).isoformat()},
    )

    assert too_much.status_code == 400
    assert "dépasse ce qui reste à verser" in too_much.json()["amount"][0]
    assert (zero.status_code, list(zero.json())) == (400, ["amount"])
    assert (kind.status_code, list(kind.json())) == (400, ["kind"])
    assert (early.status_code, list(early.json())) == (400, ["ordered_on"])
    assert list(Payment.objects.filter(dossier=signed)) == [requested]
    assert Payment.objects.get(pk=requested.pk).status == PaymentStatus.REQUESTED


# ======================================================================= state conflicts


def test_state_conflicts_are_409(api_of, user_of, campus_of, requested):
    draft = make_draft(user_of("dir-versailles"), campus_of("versailles"), YEAR + 1)
    voted = requested.dossier  # its agreement signed, a payment requested
    client = api_of("region")
    assert client.post(url(SUBSIDIES_URL, draft, "instruct"), {"rate": "50"}).status_code == 409
    assert client.post(url(SUBSIDIES_URL, draft, "unpropose")).status_code == 409
    assert client.post(url(SUBSIDIES_URL, voted, "close")).status_code == 409
    assert client.post(url(SUBSIDIES_URL, voted, "withdraw")).status_code == 409
    assert client.post(url(PAYMENTS_URL, requested, "cancel"), {"reason": "x"}).status_code == 200
    assert client.post(url(PAYMENTS_URL, requested, "pay"), {"paid_on": TODAY}).status_code == 409


def test_payment_before_the_agreement_is_signed_is_409(api_of, voted):
    response = api_of("region").post(
        PAYMENTS_URL, {"dossier": voted.pk, "kind": "advance", "amount": "10000.00"}
    )

    assert response.status_code == 409
    assert "signature de la convention" in response.json()["detail"]
    assert not Payment.objects.filter(dossier=voted).exists()


def test_submitting_twice_is_409(api_of, submitted):
    response = api_of("dir-versailles").post(url(SUBSIDIES_URL, submitted, "submit"))

    assert response.status_code == 409
    assert response.json() == {"detail": "Ce dossier est déposé : il a déjà été déposé."}


def test_voting_with_nothing_proposed_is_409(api_of, session, setup):
    response = api_of("region").post(url(DELIBERATIONS_URL, session, "vote"))

    assert response.status_code == 409


# ======================================================================== the whole cycle


def test_from_the_campus_draft_to_the_payment(api_of, versailles, session, envelope):
    director, staff = api_of("dir-versailles"), api_of("region")

    # The director prepares and submits the dossier.
    created = director.post(
        SUBSIDIES_URL,
        {"campus": versailles.pk, "reference_year": YEAR, "description": "Plan d'actions"},
        format="json",
    )
    assert created.status_code == 201, created.content
    dossier = created.json()
    assert (dossier["status"], dossier["version"]) == ("draft", 1)
    assert dossier["beneficiary"]["name"] == "Campus Versailles"
    location = f"{SUBSIDIES_URL}{dossier['id']}/"
    plan = director.put(
        f"{location}financing-plan/",
        {"lines": PLAN, "version": dossier["version"]},
        format="json",
    )
    assert plan.status_code == 200, plan.content
    assert plan.json()["plan_totals"] == {
        "expenses": "100000.00",
        "revenues": "100000.00",
        "balanced": True,
    }
    assert director.post(f"{location}submit/").json()["status"] == "submitted"

    # Regional staff instruct, propose, vote, sign the agreement.
    version = staff.get(location).json()["version"]
    instructed = staff.post(
        f"{location}instruct/",
        {
            "eligible_base": "100000.00",
            "rate": "50.00",
            "amount": "50000.00",
            "budget_line": BudgetLine.objects.get(nature="655122").pk,
            "version": version,
        },
        format="json",
    )
    assert instructed.status_code == 200, instructed.content
    assert instructed.json()["status"] == "instructed"
    proposed = staff.post(
        f"{location}propose/",
        {"deliberation": SESSION_NUMBER.replace(" ", ""), "envelope": envelope.pk},
        format="json",
    )
    assert proposed.json()["status"] == "proposed", proposed.content
    voted = staff.post(url(DELIBERATIONS_URL, session, "vote"), {"reason": "Séance"})
    assert voted.status_code == 200, voted.content
    for party in ("region", "beneficiary"):
        signed = staff.post(
            f"{location}sign-agreement/",
            {"party": party, "signed_on": VOTED_ON.isoformat(), "signatory": "Signataire"},
        )
        assert signed.status_code == 200, signed.content
    assert signed.json()["status"] == "agreement_signed"
    assert signed.json()["agreement"]["signed"] is True

    # A payment is requested, ordered, paid.
    payment = staff.post(
        PAYMENTS_URL,
        {"dossier": dossier["id"], "kind": "advance", "amount": "20000.00", "reference": "A-1"},
        format="json",
    )
    assert payment.status_code == 201, payment.content
    payment_url = f"{PAYMENTS_URL}{payment.json()['id']}/"
    assert staff.post(f"{payment_url}order/", {"ordered_on": TODAY}).json()["status"] == "ordered"
    paid = staff.post(f"{payment_url}pay/", {"paid_on": TODAY, "reference": "M-77"})
    assert paid.json()["status"] == "paid", paid.content
    assert paid.json()["paid_on"] == TODAY.isoformat()

    # The director sees the payment and the figures of the dossier.
    seen = director.get(PAYMENTS_URL, {"dossier": dossier["id"]}).json()["results"]
    assert [(p["kind"], p["amount"], p["status"]) for p in seen] == [
        ("advance", "20000.00", "paid")
    ]
    assert seen[0]["beneficiary_name"] == "Campus Versailles"
    detail = director.get(location).json()
    assert detail["status"] == "partly_paid"
    assert detail["payments"] == {
        "voted": "50000.00",
        "paid": "20000.00",
        "in_progress": "0.00",
        "remainder": "30000.00",
        "available": "30000.00",
    }
    assert [c["to_status"] for c in detail["status_history"]] == [
        "submitted",
        "instructed",
        "proposed",
        "voted",
        "agreement_signed",
        "partly_paid",
    ]
    assert detail["status_history"][0]["actor"]  # who submitted

    # The balance, then the closing.
    balance = staff.post(
        PAYMENTS_URL,
        {"dossier": dossier["id"], "kind": "balance", "amount": "30000.00"},
        format="json",
    )
    staff.post(f"{PAYMENTS_URL}{balance.json()['id']}/pay/", {"paid_on": TODAY})
    assert director.get(location).json()["status"] == "paid"
    assert staff.post(f"{location}close/").json()["status"] == "closed"


# ======================================================================== what is shown


def test_dossier_fields(api_of, signed, region):
    pay(region, signed, "10000.00")
    services.request_payment(region, signed, kind=PaymentKind.INSTALMENT, amount=D("5000.00"))

    row = api_of("dir-versailles").get(url(SUBSIDIES_URL, signed)).json()

    assert row["number"] == signed.number and row["number"].startswith("31")
    assert row["campus"] == signed.campus_id
    assert row["campus_name"] == signed.campus.name
    assert row["reference_year"] == YEAR
    assert row["programme"]["code"] == "00001036"
    assert row["beneficiary"] == {
        "id": signed.beneficiary_id,
        "name": "Campus Versailles",
        "siret": "91358180700017",
        "name_on_fiche": "Campus Versailles",
        "legal_status": "Association",
        "address": signed.beneficiary_address,
        "representative": signed.beneficiary_representative,
        "siret_missing": False,
    }
    assert row["siret_missing"] is False
    assert row["budget_line_code"] == "932-288-655122-128003-100"
    assert (row["eligible_base"], row["base_tax"], row["rate"]) == ("100000.00", "TTC", "50.00")
    assert (row["amount"], row["voted_amount"]) == ("50000.00", "50000.00")
    assert (row["planned_start"], row["planned_end"]) == (f"{YEAR}-01-01", f"{YEAR}-12-31")
    assert (row["location"], row["particular_contract"]) == ("REGION ILE DE FRANCE", "Hors CPRD")
    assert row["deliberation_number"] == SESSION_NUMBER
    assert row["deliberation_date"] == VOTED_ON.isoformat()
    assert row["lapse_on"] == VOTED_ON.replace(year=VOTED_ON.year + 3).isoformat()
    assert row["envelope"] == signed.envelope_id and row["position"] == 1
    assert [(line["label"], line["amount"], line["percent"]) for line in row["financing_plan"]] == [
        ("Fonctionnement du campus", "60000.00", "60.00"),
        ("Animation du réseau", "40000.00", "40.00"),
        ("Subvention de la Région", "50000.00", "50.00"),
        ("Établissement support", "50000.00", "50.00"),
    ]
    assert row["financing_plan"][2]["is_region_share"] is True
    assert row["payments"] == {
        "voted": "50000.00",
        "paid": "10000.00",
        "in_progress": "5000.00",
        "remainder": "40000.00",
        "available": "35000.00",
    }
    assert row["agreement"] == {
        "region_signatory": "Signataire",
        "region_signed_on": VOTED_ON.isoformat(),
        "beneficiary_signatory": "Signataire",
        "beneficiary_signed_on": VOTED_ON.isoformat(),
        "signed": True,
        "signed_on": VOTED_ON.isoformat(),
        "has_signed_scan": False,
    }
    assert row["status"] == "partly_paid" and row["status_label"] == "Payé en partie"
    assert row["is_historical"] is False
    assert row["version"] == SubsidyDossier.objects.get(pk=signed.pk).version


def test_a_draft_has_no_agreement_nor_vote(api_of, draft):
    row = api_of("dir-versailles").get(url(SUBSIDIES_URL, draft)).json()

    assert row["agreement"] is None
    assert row["deliberation"] is None and row["deliberation_number"] is None
    assert row["amount"] is None and row["voted_amount"] is None
    assert row["payments"]["voted"] == "0.00"
    assert row["status_history"] == []


def test_after_a_transfer_the_beneficiary_is_the_new_one(api_of):
    """Demo: the Versailles 2021 grant, voted to CY, moved to the association Campus
    Versailles by the signed transfer of CP 2023-263; 40 000 € had been paid to CY."""
    dossier = SubsidyDossier.objects.get(
        campus__short_name__icontains="Versailles", reference_year=2021
    )

    row = api_of("dir-versailles").get(url(SUBSIDIES_URL, dossier)).json()

    assert row["beneficiary"]["name"] == "Campus Versailles"
    assert row["beneficiary"]["siret"] == "91358180700017"
    assert row["beneficiary"]["name_on_fiche"] == "CY Cergy Paris Université"
    assert row["payments"]["paid"] == "40000.00"
    assert row["payments"]["remainder"] == "10000.00"


def test_demo_dossier_without_siret_is_flagged(api_of):
    mode = SubsidyDossier.objects.get(number="23004170")

    row = api_of("region").get(url(SUBSIDIES_URL, mode)).json()

    assert row["siret_missing"] is True
    assert row["beneficiary"]["siret"] is None
    assert row["is_historical"] is True
    assert row["amount"] == "100000.00"


def test_envelope_figures_follow_the_votes(api_of, region, signed, envelope):
    pay(region, signed, "10000.00")

    row = api_of("rectorat-paris").get(url(ENVELOPES_URL, envelope)).json()

    assert D(row["voted"]) == voted_on_envelope(envelope) == D("50000.00")
    assert row["voted"] == "50000.00"
    assert (row["paid"], row["proposed"], row["remaining"]) == ("10000.00", "0.00", "450000.00")
    assert row["deliberation_number"] == SESSION_NUMBER
    assert row["purpose"] == "campus_grants"


def test_demo_envelope_of_cp_2023_263_is_fully_voted(api_of):
    rows = api_of("region").get(ENVELOPES_URL, {"deliberation": "CP2023-263"}).json()["results"]

    grants = next(row for row in rows if row["purpose"] == "campus_grants")
    assert (grants["amount"], grants["voted"], grants["remaining"]) == (
        "500000.00",
        "500000.00",
        "0.00",
    )


def test_deliberation_detail_keeps_its_conventions_part(api_of, voted):
    body = api_of("region").get(url(DELIBERATIONS_URL, voted.deliberation)).json()

    assert {"id", "number", "body", "date", "title", "conventions", "amendments"} <= set(body)
    part = body["subsidies"]
    [envelope] = part["envelopes"]
    assert (envelope["amount"], envelope["voted"], envelope["remaining"]) == (
        "500000.00",
        "50000.00",
        "450000.00",
    )
    [row] = part["dossiers"]
    assert (row["number"], row["amount"], row["status"], row["position"]) == (
        voted.number,
        "50000.00",
        "voted",
        1,
    )


def test_deliberation_list_has_no_subsidy_part(api_of, voted):
    rows = api_of("region").get(DELIBERATIONS_URL, {"number": SESSION_NUMBER}).json()["results"]

    assert [row["id"] for row in rows] == [voted.deliberation_id]
    assert "subsidies" not in rows[0]


# ================================================================================= filters


@pytest.fixture
def various(region, user_of, campus_of, session, envelope):
    """Versailles 2031 (voted), Mode 2031 (draft), Versailles 2032 (submitted)."""
    return {
        "voted": make_voted(region, campus_of("versailles"), session, envelope),
        "draft": make_draft(user_of("dir-mode"), campus_of("mode")),
        "submitted": make_submitted(region, campus_of("versailles"), YEAR + 1),
    }


def found(client, params, various):
    response = client.get(SUBSIDIES_URL, params)
    assert response.status_code == 200, response.content
    return {key for key, dossier in various.items() if dossier.pk in ids(response)}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"year": YEAR}, {"voted", "draft"}),
        ({"year": YEAR + 1}, {"submitted"}),
        ({"status": "draft"}, {"draft"}),
        ({"status": "voted"}, {"voted"}),
        ({"deliberation": SESSION_NUMBER.replace(" ", "")}, {"voted"}),
        ({"search": "Manufactures"}, {"draft"}),
        ({"search": "campus versailles"}, {"voted", "submitted"}),
    ],
)
def test_filters(params, expected, api_of, various):
    assert found(api_of("region"), params, various) == expected


def test_filter_by_campus_beneficiary_and_deliberation_id(api_of, various, campus_of):
    client = api_of("region")
    voted = various["voted"]

    assert found(client, {"campus": campus_of("mode").pk}, various) == {"draft"}
    assert found(client, {"beneficiary": voted.beneficiary_id}, various) == {"voted", "submitted"}
    assert found(client, {"deliberation": voted.deliberation_id}, various) == {"voted"}


def test_payment_filters(api_of, region, signed, requested):
    paid = pay(region, signed, "5000.00")
    client = api_of("region")

    def payments(params):
        response = client.get(PAYMENTS_URL, params)
        assert response.status_code == 200, response.content
        return ids(response) & {paid.pk, requested.pk}

    assert payments({"dossier": signed.pk}) == {paid.pk, requested.pk}
    assert payments({"status": "paid"}) == {paid.pk}
    assert payments({"kind": "advance"}) == {requested.pk}
    assert payments({"campus": signed.campus_id, "year": YEAR}) == {paid.pk, requested.pk}
    assert payments({"year": YEAR + 1}) == set()
    assert payments({"beneficiary": signed.beneficiary_id}) == {paid.pk, requested.pk}


@pytest.mark.parametrize(
    "params",
    [
        {"campus": 999999},
        {"year": "abc"},
        {"status": "perdu"},
        {"beneficiary": 999999},
        {"deliberation": "2023-263"},
    ],
)
def test_invalid_filter_is_400(params, api_of):
    response = api_of("region").get(SUBSIDIES_URL, params)

    assert response.status_code == 400
    assert set(response.json()) == set(params)


def test_filter_stays_inside_the_scope(api_of, campus_of):
    response = api_of("dir-mode").get(SUBSIDIES_URL, {"campus": campus_of("versailles").pk})
    # Another campus is an unknown choice for a director, like an id that does not exist.
    assert response.status_code == 400
    assert list(response.json()) == ["campus"]


# ============================================================================= query counts


def _count(client, base, params=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(base, params or {})
    assert response.status_code == 200, response.content
    return len(queries), response.json()["count"]


def test_list_query_counts_do_not_grow_with_rows(api_of, region, user_of, campus_of, signed):
    pay(region, signed, "10000.00")
    client = api_of("region")
    bases = (SUBSIDIES_URL, PAYMENTS_URL, ENVELOPES_URL)
    baseline = {base: _count(client, base) for base in bases}

    session = Deliberation.objects.create(
        number=f"CP {TODAY.year}-952", body="CP", date=VOTED_ON, title="Autre séance"
    )
    other_envelope = make_envelope(session, year=YEAR + 1)
    for key in ("sante", "securite", "tnec"):
        dossier = make_submitted(user_of(f"dir-{key}"), campus_of(key))
        services.return_to_draft(region, dossier, "Compléter")
    more = make_signed(region, campus_of("versailles"), session, other_envelope, year=YEAR + 1)
    pay(region, more, "5000.00")
    services.request_payment(region, more, kind=PaymentKind.INSTALMENT, amount=D("1000.00"))

    after = {base: _count(client, base) for base in bases}
    for base in bases:
        assert after[base][1] > baseline[base][1], base  # more rows…
        assert after[base][0] == baseline[base][0], base  # …same number of queries


def test_directors_list_query_count_is_flat(api_of, user_of, campus_of, setup):
    director = user_of("dir-versailles")
    client = api_of("dir-versailles")
    make_draft(director, campus_of("versailles"))
    baseline = _count(client, SUBSIDIES_URL)
    for year in (YEAR + 1, YEAR + 2, YEAR + 3):
        make_submitted(director, campus_of("versailles"), year)

    assert _count(client, SUBSIDIES_URL) == (baseline[0], baseline[1] + 3)


# ========================================================================= misc contract


def test_lists_are_paginated(api_of):
    for base in (SUBSIDIES_URL, PAYMENTS_URL, ENVELOPES_URL):
        body = api_of("region").get(base).json()
        assert list(body) == ["count", "next", "previous", "results"], base


@pytest.mark.parametrize("base", [SUBSIDIES_URL, PAYMENTS_URL, ENVELOPES_URL])
def test_huge_or_unknown_ids_are_404(base, api_of):
    client = api_of("region")
    assert client.get(f"{base}999999999/").status_code == 404
    assert client.get(f"{base}{'9' * 30}/").status_code == 404


def test_english_error_when_asked(api_of, submitted):
    response = api_of("dir-versailles").post(
        url(SUBSIDIES_URL, submitted, "instruct"), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 403
    assert "permission" in response.json()["detail"]


def test_schema_lists_the_collections_and_actions():
    document = yaml.safe_load(APIClient().get("/api/schema/").content)
    paths = document["paths"]
    for path in [
        "/api/v1/subsidies/",
        "/api/v1/subsidies/{id}/",
        "/api/v1/subsidies/{id}/financing-plan/",
        "/api/v1/subsidies/{id}/submit/",
        "/api/v1/subsidies/{id}/return-to-draft/",
        "/api/v1/subsidies/{id}/instruct/",
        "/api/v1/subsidies/{id}/propose/",
        "/api/v1/subsidies/{id}/unpropose/",
        "/api/v1/subsidies/{id}/refuse/",
        "/api/v1/subsidies/{id}/withdraw/",
        "/api/v1/subsidies/{id}/sign-agreement/",
        "/api/v1/subsidies/{id}/close/",
        "/api/v1/subsidies/{id}/pdf/",
        "/api/v1/payments/",
        "/api/v1/payments/{id}/order/",
        "/api/v1/payments/{id}/pay/",
        "/api/v1/payments/{id}/cancel/",
        "/api/v1/envelopes/",
        "/api/v1/deliberations/{id}/vote/",
        "/api/v1/subsidy-documents/{id}/download/",
    ]:
        assert path in paths, path
