"""The HTTP API of conventions, amendments, deliberations and generated documents: who gets
what on every endpoint and action, scoping, computed dates, writes through the services
(optimistic locking, state conflicts, validation messages), numbering, consolidated text, PDFs.

The role matrices run on the Versailles campus (academies Paris and Versailles): regional staff
manage it; rectorat-paris, rectorat-versailles and dir-versailles read it; rectorat-creteil and
dir-ia must not learn it exists (404); the expert has no business here (403); anonymous: 401.
Demo data may hold conventions of its own: every assertion is about the objects made here.
"""

from datetime import date, timedelta
from decimal import Decimal

import pytest
import yaml
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.test import APIClient, APIRequestFactory

from conventions import selectors, services
from conventions.consolidation import consolidated_text, prefetched
from conventions.dates import compute_dates
from conventions.documents import request_document
from conventions.models import (
    Amendment,
    Contribution,
    ConventionParty,
    DurationKind,
    FrameworkConvention,
    GeneratedDocument,
    PartyKind,
    SignatureStatus,
)
from conventions.serializers import AmendmentSerializer, ConventionSerializer, ReadPlanMixin
from deliberations.models import Deliberation
from documents.models import DocumentStatus
from tests.conftest import DEMO_USERNAMES
from tests.conventions.helpers import (
    amendment_to_cp_2023_111,
    deliberation,
    sign_all,
    signed_convention,
)

pytestmark = pytest.mark.django_db

CONVENTIONS_URL = "/api/v1/conventions/"
AMENDMENTS_URL = "/api/v1/amendments/"
DELIBERATIONS_URL = "/api/v1/deliberations/"
DOCUMENTS_URL = "/api/v1/documents/"

ANONYMOUS = "anonymous"
ROLES = [*DEMO_USERNAMES, ANONYMOUS]
REGIONAL = ("admin", "region")
RECTORATES = ("rectorat-paris", "rectorat-creteil", "rectorat-versailles")
DIRECTORS = tuple(name for name in DEMO_USERNAMES if name.startswith("dir-"))
# Besides regional staff, who sees the Versailles campus (academies Paris + Versailles).
SEES_VERSAILLES = ("rectorat-paris", "rectorat-versailles", "dir-versailles")
READERS = (*REGIONAL, *SEES_VERSAILLES)


def codes(default, groups=None):
    """{role: status}: `default` for every demo account, `groups` ({roles: status}) on top;
    the expert always 403, anonymous always 401."""
    result = dict.fromkeys(DEMO_USERNAMES, default)
    for roles, status in (groups or {}).items():
        for role in roles:
            result[role] = status
    result["expert"] = 403
    result[ANONYMOUS] = 401
    return result


# Reading an object of the Versailles campus.
READ = codes(404, {READERS: 200})
# Writing: regional staff only, whatever the scope (the role is checked first).
WRITE = codes(403, {REGIONAL: 200})
CREATE = codes(403, {REGIONAL: 201})
# Asking for a PDF: every reader in scope (as on the web pages).
PDF = codes(404, {READERS: 202})
# Recording the State's signature: regional staff, and rectorate staff who see the campus.
SIGN_STATE = codes(403, {REGIONAL: 200, ("rectorat-paris", "rectorat-versailles"): 200})
SIGN_STATE["rectorat-creteil"] = 404


def role_params(matrix):
    return pytest.mark.parametrize(("role", "expected"), list(matrix.items()))


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
def signed(region, versailles):
    return signed_convention(region, versailles)


@pytest.fixture
def draft(region, versailles):
    return services.create_convention(
        region,
        campus=versailles,
        kind="renewal",
        title="Projet de convention",
        duration_kind=DurationKind.UNTIL_LABEL_END,
        notice_months=2,
        notice_reference="school_year_end",
    )


@pytest.fixture
def sent(region, draft):
    return services.send_for_signature(region, draft, on=timezone.localdate())


@pytest.fixture
def draft_amendment(region, signed):
    return amendment_to_cp_2023_111(region, signed)


@pytest.fixture
def sent_amendment(region, draft_amendment):
    return services.send_for_signature(region, draft_amendment, on=timezone.localdate())


def url(base, obj, action=""):
    return f"{base}{obj.pk}/{action + '/' if action else ''}"


def ids(response):
    return {row["id"] for row in response.json()["results"]}


def party(convention, kind):
    return ConventionParty.objects.get(convention_id=convention.pk, kind=kind, added_by=None)


def sign_body(convention, kind=PartyKind.STATE, **extra):
    return {
        "party": party(convention, kind).pk,
        "signed_on": timezone.localdate().isoformat(),
        "place": "Versailles",
        "signatory_name": "Signataire",
        "signatory_title": "Recteur",
        **extra,
    }


# ======================================================================= role matrices: reads


@role_params(codes(200))
def test_convention_list_matrix(role, expected, api_of, signed):
    response = api_of(role).get(CONVENTIONS_URL)

    assert response.status_code == expected
    if expected == 200:
        assert (signed.pk in ids(response)) == (role in READERS)


@role_params(READ)
def test_convention_detail_matrix(role, expected, api_of, signed):
    response = api_of(role).get(url(CONVENTIONS_URL, signed))

    assert response.status_code == expected
    if expected == 200:
        assert response.json()["id"] == signed.pk


@role_params(READ)
def test_consolidated_matrix(role, expected, api_of, signed):
    assert api_of(role).get(url(CONVENTIONS_URL, signed, "consolidated")).status_code == expected


@role_params(codes(200))
def test_amendment_list_matrix(role, expected, api_of, draft_amendment):
    response = api_of(role).get(AMENDMENTS_URL)

    assert response.status_code == expected
    if expected == 200:
        assert (draft_amendment.pk in ids(response)) == (role in READERS)


@role_params(READ)
def test_amendment_detail_matrix(role, expected, api_of, draft_amendment):
    assert api_of(role).get(url(AMENDMENTS_URL, draft_amendment)).status_code == expected


@pytest.fixture
def adopting(region, signed, campus_of):
    """A deliberation adopting the Versailles convention, an amendment of it, and the IA
    campus's convention."""
    adopted = deliberation("CP 2023-999", date(2023, 11, 22))
    ia = signed_convention(region, campus_of("ia"))
    FrameworkConvention.objects.filter(pk__in=[signed.pk, ia.pk]).update(deliberation=adopted)
    amendment = services.create_amendment(region, signed, title="Avenant", deliberation=adopted)
    return adopted, signed, ia, amendment


@role_params(codes(200))
def test_deliberation_list_matrix(role, expected, api_of, adopting):
    response = api_of(role).get(DELIBERATIONS_URL, {"number": "CP 2023-999"})

    assert response.status_code == expected
    if expected == 200:
        assert ids(response) == {adopting[0].pk}


@role_params(codes(200))
def test_deliberation_detail_lists_only_what_the_caller_sees(role, expected, api_of, adopting):
    adopted, versailles_convention, ia_convention, amendment = adopting

    response = api_of(role).get(url(DELIBERATIONS_URL, adopted))

    assert response.status_code == expected  # a deliberation is public to these roles
    if expected != 200:
        return
    body = response.json()
    assert body["number"] == "CP 2023-999" and body["body"] == "CP"
    sees_ia = role in (*REGIONAL, "rectorat-paris", "dir-ia")
    expected_conventions = {versailles_convention.pk} if role in READERS else set()
    if sees_ia:
        expected_conventions.add(ia_convention.pk)
    assert set(body["conventions"]) == expected_conventions
    assert body["amendments"] == ([amendment.pk] if role in READERS else [])


# ====================================================================== role matrices: writes


@role_params(CREATE)
def test_create_convention_matrix(role, expected, api_of, versailles):
    before = FrameworkConvention.objects.count()

    response = api_of(role).post(
        CONVENTIONS_URL,
        {
            "campus": versailles.pk,
            "kind": "renewal",
            "title": "Nouvelle convention",
            "duration_kind": "until_label_end",
        },
        format="json",
    )

    assert response.status_code == expected, response.content
    assert FrameworkConvention.objects.count() == before + (1 if expected == 201 else 0)


@role_params(WRITE)
def test_update_convention_matrix(role, expected, api_of, draft):
    response = api_of(role).patch(
        url(CONVENTIONS_URL, draft), {"title": "Modifié", "version": draft.version}, format="json"
    )

    assert response.status_code == expected
    draft.refresh_from_db()
    assert (draft.title == "Modifié") == (expected == 200)


@role_params(WRITE)
def test_send_convention_matrix(role, expected, api_of, draft):
    response = api_of(role).post(url(CONVENTIONS_URL, draft, "send"))

    assert response.status_code == expected
    draft.refresh_from_db()
    expected_status = SignatureStatus.SENT if expected == 200 else SignatureStatus.DRAFT
    assert draft.status == expected_status
    if expected == 200:
        assert response.json()["status"] == "sent"
        assert response.json()["version"] == draft.version


@role_params(SIGN_STATE)
def test_sign_convention_for_the_state_matrix(role, expected, api_of, sent):
    response = api_of(role).post(url(CONVENTIONS_URL, sent, "sign"), sign_body(sent))

    assert response.status_code == expected, response.content
    signed_parties = set(sent.signatures.values_list("party__kind", flat=True))
    assert signed_parties == ({PartyKind.STATE} if expected == 200 else set())


@pytest.mark.parametrize("role", ["rectorat-paris", "rectorat-versailles"])
def test_rectorate_may_not_sign_for_the_region(role, api_of, sent):
    response = api_of(role).post(
        url(CONVENTIONS_URL, sent, "sign"), sign_body(sent, PartyKind.REGION)
    )

    assert response.status_code == 403
    assert "signature de cette partie" in response.json()["detail"]
    assert not sent.signatures.exists()


@role_params(WRITE)
def test_terminate_matrix(role, expected, api_of, signed):
    response = api_of(role).post(
        url(CONVENTIONS_URL, signed, "terminate"),
        {
            "party": party(signed, PartyKind.REGION).pk,
            "on": timezone.localdate().isoformat(),
            "reason": "Fin du partenariat",
        },
    )

    assert response.status_code == expected, response.content
    signed.refresh_from_db()
    terminated = SignatureStatus.TERMINATED if expected == 200 else SignatureStatus.SIGNED
    assert signed.status == terminated


@role_params(PDF)
def test_convention_pdf_matrix(role, expected, api_of, signed):
    response = api_of(role).post(url(CONVENTIONS_URL, signed, "pdf"))

    assert response.status_code == expected, response.content
    exists = GeneratedDocument.objects.filter(convention=signed).exists()
    assert exists == (expected == 202)


@role_params(CREATE)
def test_create_amendment_matrix(role, expected, api_of, signed):
    response = api_of(role).post(
        AMENDMENTS_URL, {"convention": signed.pk, "title": "Avenant n°1"}, format="json"
    )

    # Out of scope, the convention is an unknown choice for a reader; but only regional
    # staff get this far: the role is checked first.
    assert response.status_code == expected, response.content
    assert signed.amendments.exists() == (expected == 201)


@role_params(CREATE)
def test_add_change_matrix(role, expected, api_of, region, signed):
    amendment = services.create_amendment(region, signed, title="Avenant")

    response = api_of(role).post(
        url(AMENDMENTS_URL, amendment, "changes"),
        {
            "kind": "replace_passage",
            "article_number": 4,
            "paragraph_label": "4.1",
            "old_text": "n° CP 2020-519",
            "new_text": "n° CP 2023-111",
        },
        format="json",
    )

    assert response.status_code == expected, response.content
    assert amendment.changes.exists() == (expected == 201)


@role_params(WRITE)
def test_update_amendment_matrix(role, expected, api_of, draft_amendment):
    response = api_of(role).patch(
        url(AMENDMENTS_URL, draft_amendment), {"summary": "Résumé"}, format="json"
    )

    assert response.status_code == expected
    draft_amendment.refresh_from_db()
    assert (draft_amendment.summary == "Résumé") == (expected == 200)


@role_params(WRITE)
def test_send_amendment_matrix(role, expected, api_of, draft_amendment):
    response = api_of(role).post(url(AMENDMENTS_URL, draft_amendment, "send"))

    assert response.status_code == expected
    draft_amendment.refresh_from_db()
    sent = SignatureStatus.SENT if expected == 200 else SignatureStatus.DRAFT
    assert draft_amendment.status == sent


@role_params(SIGN_STATE)
def test_sign_amendment_for_the_state_matrix(role, expected, api_of, sent_amendment):
    convention = sent_amendment.convention

    response = api_of(role).post(url(AMENDMENTS_URL, sent_amendment, "sign"), sign_body(convention))

    assert response.status_code == expected, response.content
    assert sent_amendment.signatures.exists() == (expected == 200)


@role_params(PDF)
def test_amendment_pdf_matrix(role, expected, api_of, draft_amendment):
    response = api_of(role).post(url(AMENDMENTS_URL, draft_amendment, "pdf"))

    assert response.status_code == expected, response.content
    if expected == 202:
        assert response.json()["kind"] == "amendment"


@pytest.mark.parametrize("role", ["region", "rectorat-paris", "dir-versailles"])
@pytest.mark.parametrize("base", [CONVENTIONS_URL, AMENDMENTS_URL, DELIBERATIONS_URL])
def test_delete_is_not_offered(role, base, api_of, draft_amendment):
    target = {
        CONVENTIONS_URL: draft_amendment.convention,
        AMENDMENTS_URL: draft_amendment,
        DELIBERATIONS_URL: draft_amendment.deliberation,
    }[base]

    response = api_of(role).delete(url(base, target))

    assert response.status_code == (405 if role == "region" else 403)


@pytest.mark.parametrize("role", ["region", "dir-versailles"])
def test_deliberations_are_read_only(role, api_of):
    response = api_of(role).post(
        DELIBERATIONS_URL,
        {"number": "CP 2024-001", "body": "CP", "date": "2024-01-01", "title": "Interdit"},
    )
    assert response.status_code == (405 if role == "region" else 403)
    assert not Deliberation.objects.filter(number="CP 2024-001").exists()


# ==================================================================== documents and downloads


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def document(region, signed, media):
    """A convention PDF requested, not generated yet (its task waits for the commit)."""
    return request_document(region, kind="convention", convention=signed)


@role_params(READ)
def test_document_detail_matrix(role, expected, api_of, document):
    response = api_of(role).get(url(DOCUMENTS_URL, document))

    assert response.status_code == expected
    if expected == 200:
        body = response.json()
        assert body["status"] == "pending"
        assert body["kind"] == "convention"
        assert body["download_url"].endswith(f"/api/v1/documents/{document.pk}/download/")


@role_params(codes(200))
def test_document_list_matrix(role, expected, api_of, document):
    response = api_of(role).get(DOCUMENTS_URL)

    assert response.status_code == expected
    if expected == 200:
        assert (document.pk in ids(response)) == (role in READERS)


@role_params(READ)
def test_download_matrix_once_ready(role, expected, api_of, document):
    document.status = DocumentStatus.READY
    document.file.save("test.pdf", ContentFile(b"%PDF-1.4 test"), save=True)

    response = api_of(role).get(url(DOCUMENTS_URL, document, "download"))

    assert response.status_code == expected
    if expected == 200:
        assert response["Content-Type"] == "application/pdf"
        assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_download_accepts_a_pdf_accept_header(api_of, document):
    client = api_of("dir-versailles")
    download = url(DOCUMENTS_URL, document, "download")
    assert client.get(download, HTTP_ACCEPT="application/pdf").status_code == 404

    document.status = DocumentStatus.READY
    document.file.save("test.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    response = client.get(download, HTTP_ACCEPT="application/pdf")

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")


@pytest.mark.parametrize("role", READERS)
def test_download_is_404_until_ready(role, api_of, document):
    response = api_of(role).get(url(DOCUMENTS_URL, document, "download"))
    assert response.status_code == 404


def test_pdf_is_202_then_the_same_document_and_downloadable_once_generated(
    api_of, signed, media, django_capture_on_commit_callbacks
):
    client = api_of("region")

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        first = client.post(url(CONVENTIONS_URL, signed, "pdf"), {"kind": "convention"})
        second = client.post(url(CONVENTIONS_URL, signed, "pdf"))
    assert first.status_code == 202, first.content
    body = first.json()
    assert body["status"] == "pending"
    assert first["Location"].endswith(f"/api/v1/documents/{body['id']}/")
    assert second.status_code == 202
    assert second.json()["id"] == body["id"]
    assert len(callbacks) == 1  # generation queued once, after the commit
    assert client.get(body["download_url"]).status_code == 404

    # The commit happens: eager Celery renders the PDF.
    for callback in callbacks:
        callback()

    detail = client.get(url(DOCUMENTS_URL, GeneratedDocument(pk=body["id"]))).json()
    assert detail["status"] == "ready"
    assert len(detail["checksum"]) == 64
    assert detail["generated_at"]
    download = client.get(body["download_url"])
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    # A director of the campus downloads it too; another campus's director does not find it.
    assert api_of("dir-versailles").get(body["download_url"]).status_code == 200
    assert api_of("dir-ia").get(body["download_url"]).status_code == 404


def test_consolidated_pdf_as_of_a_date(api_of, signed):
    response = api_of("region").post(
        url(CONVENTIONS_URL, signed, "pdf"),
        {"kind": "consolidated", "as_of": "2023-01-15"},
        format="json",
    )

    assert response.status_code == 202, response.content
    assert response.json()["kind"] == "consolidated"
    assert response.json()["as_of"] == "2023-01-15"


def test_consolidated_pdf_of_a_draft_is_409(api_of, draft):
    response = api_of("region").post(
        url(CONVENTIONS_URL, draft, "pdf"), {"kind": "consolidated"}, format="json"
    )
    assert response.status_code == 409


@pytest.mark.parametrize("kind", ["amendment", "autre"])
def test_convention_pdf_kind_is_checked(kind, api_of, signed):
    response = api_of("region").post(url(CONVENTIONS_URL, signed, "pdf"), {"kind": kind})

    assert response.status_code == 400
    assert list(response.json()) == ["kind"]


# ============================================================================ list content


def contribution_convention(region, campus):
    convention = services.create_convention(
        region,
        campus=campus,
        kind="constitutive",
        title="Convention avec contributions",
        duration_kind=DurationKind.FIXED_TERM,
        duration_years=5,
        notice_months=3,
    )
    services.save_convention_part(
        region,
        Contribution(
            convention=convention,
            party=party(convention, PartyKind.REGION),
            max_amount_per_year=Decimal("50000"),
            max_share_percent=Decimal("50"),
        ),
    )
    convention.refresh_from_db()
    return convention


def test_convention_fields(api_of, region, versailles):
    convention = contribution_convention(region, versailles)
    sign_all(region, convention, signed_on=date(2024, 2, 1))
    amendment = services.create_amendment(region, convention, title="Avenant n°1")

    row = api_of("region").get(url(CONVENTIONS_URL, convention)).json()

    assert row["campus"] == versailles.pk
    assert row["campus_short_name"] == versailles.short_name
    assert row["kind"] == "constitutive"
    assert row["title"] == "Convention avec contributions"
    assert row["status"] == "signed"
    assert row["effective_date"] == "2024-02-01"
    # Five years from the last signature, notice three months before the end.
    assert row["end_date"] == "2029-01-31"
    assert row["notice_deadline"] == "2028-10-31"
    assert [p["kind"] for p in row["parties"]] == ["state", "region", "support"]
    assert [p["position"] for p in row["parties"]] == [1, 2, 3]
    region_party = row["parties"][1]
    assert region_party["name"] == "Région Île-de-France"
    assert region_party["representative"]["title"] == "Présidente du conseil régional"
    assert row["parties"][2]["name"]  # the support institution's legal name
    [contribution] = row["contributions"]
    assert contribution["party"] == region_party["id"]
    assert contribution["max_amount_per_year"] == "50000.00"
    assert contribution["max_share_percent"] == "50.00"
    assert len(row["signatures"]) == 3
    assert {s["signed_on"] for s in row["signatures"]} == {"2024-02-01"}
    assert row["amendments"] == [
        {"id": amendment.pk, "number": 1, "status": "draft", "effective_date": None}
    ]
    assert row["version"] == FrameworkConvention.objects.get(pk=convention.pk).version


def test_dates_follow_the_clauses_in_force_and_the_label(api_of, region, campus_of):
    """The list computes each convention's dates like conventions.dates, today."""
    today = timezone.localdate()
    conventions = [
        signed_convention(region, campus_of("mode"), duration_kind="until_label_end"),
        signed_convention(region, campus_of("icm"), duration_kind="label_plus_one_year"),
        signed_convention(region, campus_of("if"), duration_kind="one_year_extended_to_label_end"),
        signed_convention(region, campus_of("sante")),
    ]

    rows = {
        row["id"]: row
        for row in api_of("region").get(CONVENTIONS_URL, {"status": "signed"}).json()["results"]
    }

    for convention in prefetched(
        FrameworkConvention.objects.filter(pk__in=[c.pk for c in conventions])
    ):
        dates = compute_dates(
            consolidated_text(convention, today).clauses,
            convention.effective_date,
            list(convention.campus.label_periods.all()),
            today,
        )
        row = rows[convention.pk]
        assert row["end_date"] == (dates.end.isoformat() if dates.end else None)
        assert row["notice_deadline"] == (
            dates.notice_deadline.isoformat() if dates.notice_deadline else None
        )


def test_draft_has_no_dates(api_of, draft):
    row = api_of("region").get(url(CONVENTIONS_URL, draft)).json()
    assert row["status"] == "draft"
    assert row["effective_date"] is None
    assert row["end_date"] is None and row["notice_deadline"] is None


def test_list_query_count_does_not_grow_with_rows(api_of, region, campus_of):
    client = api_of("region")

    def count():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(CONVENTIONS_URL)
        assert response.status_code == 200
        return len(queries)

    first = signed_convention(region, campus_of("ia"))
    amendment_to_cp_2023_111(region, first)
    baseline = count()
    for key in ("icm", "sante", "securite"):
        convention = signed_convention(region, campus_of(key))
        sign_all(region, amendment_to_cp_2023_111(region, convention), signed_on=date(2023, 9, 1))
    assert count() == baseline


def test_read_plan_gives_what_drf_gives(monkeypatch, region, versailles, campus_of):
    """The lists' serializers read their fields from a plan (ReadPlanMixin) and their relations
    from to_attr prefetches: the JSON is byte for byte what DRF's own to_representation gives
    (reading through the related managers)."""
    sign_all(region, contribution_convention(region, versailles), signed_on=date(2024, 2, 1))
    convention = signed_convention(region, campus_of("ia"))
    sign_all(region, amendment_to_cp_2023_111(region, convention), signed_on=date(2024, 3, 1))
    services.create_amendment(region, convention, title="Avenant n°2", deliberation=deliberation())
    request = Request(APIRequestFactory().get(CONVENTIONS_URL))
    request.user = region
    context = {"request": request, "today": date(2024, 6, 1)}

    def rendered():
        return [
            JSONRenderer().render(serializer(list(rows), many=True, context=context).data)
            for serializer, rows in (
                (ConventionSerializer, selectors.convention_list(region)),
                (AmendmentSerializer, selectors.amendment_list(region)),
            )
        ]

    planned = rendered()
    assert b'"max_amount_per_year":"50000.00"' in planned[0]
    assert b'"recorded_at":"' in planned[1]

    def drf_own(self, instance):
        return super(ReadPlanMixin, self).to_representation(instance)

    monkeypatch.setattr(ReadPlanMixin, "to_representation", drf_own)
    assert rendered() == planned


def test_amendment_and_deliberation_lists_query_count_is_flat(api_of, region, campus_of):
    client = api_of("dir-ia")

    def count(base):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(base).status_code == 200
        return len(queries)

    first = signed_convention(region, campus_of("ia"))
    amendment_to_cp_2023_111(region, first)
    baselines = {base: count(base) for base in (AMENDMENTS_URL, DELIBERATIONS_URL)}
    for number in range(2, 5):
        services.create_amendment(
            region,
            first,
            title=f"Avenant {number}",
            deliberation=deliberation(f"CP 2023-90{number}"),
        )
    assert {base: count(base) for base in baselines} == baselines


# ================================================================================= filters


@pytest.fixture
def various(region, campus_of, sent):
    """A sent renewal (Versailles), a draft prefiguration (Santé), two signed constitutive
    conventions (IA, adopted by CP 2023-263; Mode)."""
    adopted = deliberation("CP 2023-263", date(2023, 7, 5))
    draft = services.create_convention(
        region,
        campus=campus_of("sante"),
        kind="prefiguration",
        title="Préfiguration",
        duration_kind=DurationKind.ONE_YEAR_EXTENDED,
    )
    ia = signed_convention(region, campus_of("ia"), duration_kind="until_label_end")
    FrameworkConvention.objects.filter(pk=ia.pk).update(deliberation=adopted)
    mode = signed_convention(region, campus_of("mode"))
    return {"draft": draft, "sent": sent, "ia": ia, "mode": mode, "deliberation": adopted}


def mine(response, various):
    assert response.status_code == 200, response.content
    return ids(response) & {obj.pk for key, obj in various.items() if key != "deliberation"}


def test_filter_conventions_by_campus_status_kind_deliberation(api_of, various, campus_of):
    client = api_of("region")

    assert mine(client.get(CONVENTIONS_URL, {"campus": campus_of("ia").pk}), various) == {
        various["ia"].pk
    }
    assert mine(client.get(CONVENTIONS_URL, {"status": "sent"}), various) == {various["sent"].pk}
    assert mine(client.get(CONVENTIONS_URL, {"status": "draft"}), various) == {various["draft"].pk}
    assert mine(client.get(CONVENTIONS_URL, {"kind": "prefiguration"}), various) == {
        various["draft"].pk
    }
    assert mine(client.get(CONVENTIONS_URL, {"status": "signed"}), various) == {
        various["ia"].pk,
        various["mode"].pk,
    }
    assert mine(client.get(CONVENTIONS_URL, {"kind": "renewal"}), various) == {various["sent"].pk}
    response = client.get(CONVENTIONS_URL, {"deliberation": various["deliberation"].pk})
    assert mine(response, various) == {various["ia"].pk}
    assert all(
        row["deliberation"] == various["deliberation"].pk for row in response.json()["results"]
    )


@pytest.mark.parametrize("months", [0, 3, 12, 60, 120])
def test_filter_ending_within_months(months, api_of, various):
    client = api_of("region")
    today = timezone.localdate()
    limit = today + timedelta(days=round(months * 30.44))

    response = client.get(CONVENTIONS_URL, {"ending_within_months": months})

    everything = client.get(CONVENTIONS_URL).json()["results"]
    expected = {
        row["id"]
        for row in everything
        if row["end_date"] and today <= date.fromisoformat(row["end_date"]) <= limit
    }
    assert ids(response) == expected
    assert various["draft"].pk not in ids(response)


def test_filter_stays_inside_the_scope(api_of, various, campus_of):
    response = api_of("dir-ia").get(CONVENTIONS_URL, {"campus": campus_of("mode").pk})
    # Another campus is an unknown choice for a director, like an id that does not exist.
    assert response.status_code == 400
    assert list(response.json()) == ["campus"]


@pytest.mark.parametrize(
    "params",
    [
        {"campus": 999999},
        {"status": "inconnu"},
        {"kind": "inconnue"},
        {"deliberation": 999999},
        {"ending_within_months": 500},
        {"ending_within_months": "abc"},
    ],
)
def test_invalid_convention_filter_is_400(params, api_of):
    response = api_of("region").get(CONVENTIONS_URL, params)
    assert response.status_code == 400
    assert set(response.json()) == set(params)


def test_filter_amendments(api_of, region, campus_of, draft_amendment):
    other = signed_convention(region, campus_of("ia"))
    other_amendment = services.create_amendment(region, other, title="Avenant IA")
    sign_all(region, draft_amendment, signed_on=timezone.localdate())
    created = {draft_amendment.pk, other_amendment.pk}
    client = api_of("region")

    def found(params):
        response = client.get(AMENDMENTS_URL, params)
        assert response.status_code == 200, response.content
        return ids(response) & created

    assert found({"convention": other.pk}) == {other_amendment.pk}
    assert found({"campus": campus_of("versailles").pk}) == {draft_amendment.pk}
    assert found({"status": "signed"}) == {draft_amendment.pk}
    assert found({"status": "draft"}) == {other_amendment.pk}
    assert found({"deliberation": draft_amendment.deliberation_id}) == {draft_amendment.pk}
    assert client.get(AMENDMENTS_URL, {"status": "perdu"}).status_code == 400


@pytest.mark.parametrize("typed", ["CP2023-777", "CP n° 2023-777", "cp 2023 - 777", "CP 2023-777"])
def test_deliberation_number_filter_accepts_typed_numbers(typed, api_of):
    created = deliberation("CP 2023-777", date(2023, 3, 29))

    response = api_of("dir-ia").get(DELIBERATIONS_URL, {"number": typed})

    assert response.status_code == 200
    assert ids(response) == {created.pk}


def test_invalid_deliberation_number_is_400_in_french(api_of):
    response = api_of("region").get(DELIBERATIONS_URL, {"number": "2023-263"})

    assert response.status_code == 400
    assert response.json() == {
        "number": ["Numéro de délibération non reconnu : attendu par exemple « CP 2023-263 »."]
    }


def test_deliberation_body_and_year_filters(api_of):
    cp = deliberation("CP 2019-555", date(2019, 5, 2))
    cr = deliberation("CR 2019-556", date(2019, 6, 2))
    client = api_of("region")

    assert cp.pk in ids(client.get(DELIBERATIONS_URL, {"year": 2019, "body": "CP"}))
    assert cr.pk not in ids(client.get(DELIBERATIONS_URL, {"year": 2019, "body": "CP"}))
    in_2019 = ids(client.get(DELIBERATIONS_URL, {"year": 2019}))
    assert in_2019 == set(Deliberation.objects.filter(date__year=2019).values_list("pk", flat=True))
    assert client.get(DELIBERATIONS_URL, {"body": "XX"}).status_code == 400


# ================================================================================== writes


def test_region_creates_a_draft_with_the_standard_parties(api_of, versailles):
    response = api_of("region").post(
        CONVENTIONS_URL,
        {
            "campus": versailles.pk,
            "kind": "renewal",
            "title": "Convention cadre 2024",
            "duration_kind": "fixed_term",
            "duration_years": 4,
            "notice_months": 3,
            "status": "signed",  # not writable: ignored
        },
        format="json",
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "draft" and body["version"] == 1
    assert body["effective_date"] is None
    assert [p["kind"] for p in body["parties"]][:2] == ["state", "region"]
    assert FrameworkConvention.objects.get(pk=body["id"]).articles.count() == 8


def test_create_validation_is_400_per_field(api_of, versailles):
    response = api_of("region").post(
        CONVENTIONS_URL,
        {
            "campus": versailles.pk,
            "kind": "renewal",
            "title": "Sans durée",
            "duration_kind": "fixed_term",
        },
        format="json",
    )

    assert response.status_code == 400
    assert response.json() == {
        "duration_years": ["Une durée fixe doit indiquer un nombre d'années."]
    }


def test_patch_with_current_version_then_stale_version_is_409(api_of, draft):
    client = api_of("region")
    version = client.get(url(CONVENTIONS_URL, draft)).json()["version"]

    first = client.patch(
        url(CONVENTIONS_URL, draft), {"title": "Premier", "version": version}, format="json"
    )
    assert first.status_code == 200, first.content
    assert first.json()["version"] == version + 1

    stale = client.patch(
        url(CONVENTIONS_URL, draft), {"title": "Trop tard", "version": version}, format="json"
    )
    assert stale.status_code == 409
    assert "modifié par quelqu'un d'autre" in stale.json()["detail"]
    draft.refresh_from_db()
    assert draft.title == "Premier"
    assert draft.version == version + 1


def test_signed_convention_is_not_edited_directly(api_of, signed):
    response = api_of("region").patch(
        url(CONVENTIONS_URL, signed), {"title": "Changé", "version": signed.version}, format="json"
    )

    assert response.status_code == 409
    assert "avenant" in response.json()["detail"]


def test_campus_of_a_convention_does_not_change(api_of, draft, campus_of):
    response = api_of("region").patch(
        url(CONVENTIONS_URL, draft), {"campus": campus_of("ia").pk}, format="json"
    )
    assert response.status_code == 400
    assert list(response.json()) == ["campus"]


def test_signing_a_draft_is_409(api_of, draft):
    response = api_of("region").post(url(CONVENTIONS_URL, draft, "sign"), sign_body(draft))

    assert response.status_code == 409
    assert response.json() == {"detail": "Ce document n'est pas en attente de signatures."}


def test_sending_twice_is_409(api_of, sent):
    assert api_of("region").post(url(CONVENTIONS_URL, sent, "send")).status_code == 409


def test_sending_on_a_future_day_is_400(api_of, draft):
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = api_of("region").post(url(CONVENTIONS_URL, draft, "send"), {"on": tomorrow})
    assert response.status_code == 400
    assert list(response.json()) == ["on"]


def test_sign_with_a_party_of_another_convention_is_400(api_of, sent, signed):
    body = sign_body(sent)
    body["party"] = party(signed, PartyKind.STATE).pk

    response = api_of("region").post(url(CONVENTIONS_URL, sent, "sign"), body)

    assert response.status_code == 400
    assert list(response.json()) == ["party"]


def test_the_last_signature_puts_the_convention_in_force(api_of, sent):
    client = api_of("region")
    for kind in (PartyKind.STATE, PartyKind.REGION, PartyKind.SUPPORT):
        response = client.post(url(CONVENTIONS_URL, sent, "sign"), sign_body(sent, kind))
        assert response.status_code == 200, response.content

    body = response.json()
    assert body["status"] == "signed"
    assert body["effective_date"] == timezone.localdate().isoformat()
    assert len(body["signatures"]) == 3


def test_future_signature_is_400_on_the_date(api_of, sent):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = api_of("region").post(
        url(CONVENTIONS_URL, sent, "sign"), sign_body(sent, signed_on=tomorrow)
    )
    assert response.status_code == 400
    assert response.json() == {"signed_on": ["La date de signature ne peut pas être future."]}


def test_terminating_a_draft_is_409(api_of, draft):
    response = api_of("region").post(
        url(CONVENTIONS_URL, draft, "terminate"),
        {"party": party(draft, PartyKind.REGION).pk, "on": timezone.localdate().isoformat()},
    )
    assert response.status_code == 409


def test_status_is_not_writable(api_of, draft):
    response = api_of("region").patch(
        url(CONVENTIONS_URL, draft), {"status": "signed"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["status"] == "draft"
    draft.refresh_from_db()
    assert draft.status == SignatureStatus.DRAFT


# ============================================================================== amendments


def test_the_server_numbers_amendments(api_of, signed):
    client = api_of("region")

    first = client.post(
        AMENDMENTS_URL,
        {"convention": signed.pk, "title": "Avenant", "number": 7},
        format="json",
    )
    second = client.post(
        AMENDMENTS_URL, {"convention": signed.pk, "title": "Avenant bis"}, format="json"
    )

    assert first.status_code == 201, first.content
    assert first.json()["number"] == 1
    assert second.json()["number"] == 2
    assert sorted(signed.amendments.values_list("number", flat=True)) == [1, 2]


def test_amendment_numbering_follows_historical_ones(api_of, region, signed):
    services.record_historical_amendment(region, signed, number=1, signed_on=date(2022, 1, 5))

    response = api_of("region").post(
        AMENDMENTS_URL, {"convention": signed.pk, "title": "Avenant n°2"}, format="json"
    )

    assert response.json()["number"] == 2


def test_amendment_of_a_draft_convention_is_409(api_of, draft):
    response = api_of("region").post(
        AMENDMENTS_URL, {"convention": draft.pk, "title": "Avenant"}, format="json"
    )
    assert response.status_code == 409


def test_absent_passage_is_400_in_french_on_old_text(api_of, region, signed):
    amendment = services.create_amendment(region, signed, title="Avenant")

    response = api_of("region").post(
        url(AMENDMENTS_URL, amendment, "changes"),
        {
            "kind": "replace_passage",
            "article_number": 4,
            "paragraph_label": "4.1",
            "old_text": "n° CR 1999-001",
            "new_text": "n° CP 2023-111",
        },
        format="json",
    )

    assert response.status_code == 400
    assert list(response.json()) == ["old_text"]
    assert "n'est pas dans le texte en vigueur" in response.json()["old_text"][0]
    assert not amendment.changes.exists()


def test_changes_are_listed_in_order(api_of, region, signed):
    amendment = services.create_amendment(region, signed, title="Avenant")
    client = api_of("region")

    client.post(
        url(AMENDMENTS_URL, amendment, "changes"),
        {"kind": "add_annex", "title": "Données de suivi", "new_text": "Fiche"},
        format="json",
    )
    response = client.post(
        url(AMENDMENTS_URL, amendment, "changes"),
        {
            "kind": "change_duration",
            "clause": {"duration_kind": "label_plus_one_year"},
        },
        format="json",
    )

    assert response.status_code == 201, response.content
    assert response.json()["position"] == 2
    detail = client.get(url(AMENDMENTS_URL, amendment)).json()
    assert [c["kind"] for c in detail["changes"]] == ["add_annex", "change_duration"]
    assert detail["version"] == Amendment.objects.get(pk=amendment.pk).version


def test_change_to_a_sent_amendment_is_409(api_of, sent_amendment):
    response = api_of("region").post(
        url(AMENDMENTS_URL, sent_amendment, "changes"),
        {"kind": "add_annex", "title": "Autre annexe", "new_text": "…"},
        format="json",
    )
    assert response.status_code == 409


def test_amendment_stale_version_is_409(api_of, draft_amendment):
    client = api_of("region")
    version = client.get(url(AMENDMENTS_URL, draft_amendment)).json()["version"]
    assert (
        client.patch(
            url(AMENDMENTS_URL, draft_amendment), {"title": "A", "version": version}, format="json"
        ).status_code
        == 200
    )

    response = client.patch(
        url(AMENDMENTS_URL, draft_amendment), {"title": "B", "version": version}, format="json"
    )

    assert response.status_code == 409
    draft_amendment.refresh_from_db()
    assert draft_amendment.title == "A"


def test_amendment_fields(api_of, draft_amendment):
    row = api_of("dir-versailles").get(url(AMENDMENTS_URL, draft_amendment)).json()

    assert row["convention"] == draft_amendment.convention_id
    assert row["campus"] == draft_amendment.convention.campus_id
    assert row["number"] == 1
    assert row["status"] == "draft"
    assert row["deliberation_number"] == "CP 2023-263"
    assert [c["kind"] for c in row["changes"]] == ["replace_passage", "add_annex"]


def test_amendment_signature_circuit(api_of, draft_amendment):
    client = api_of("region")
    assert client.post(url(AMENDMENTS_URL, draft_amendment, "send")).status_code == 200
    convention = draft_amendment.convention
    for kind in (PartyKind.STATE, PartyKind.REGION, PartyKind.SUPPORT):
        response = client.post(
            url(AMENDMENTS_URL, draft_amendment, "sign"), sign_body(convention, kind)
        )
        assert response.status_code == 200, response.content
    assert response.json()["status"] == "signed"
    assert response.json()["effective_date"] == timezone.localdate().isoformat()


# ====================================================================== consolidated text


def test_consolidated_text_before_and_after_the_amendment(api_of, region, signed):
    amendment = amendment_to_cp_2023_111(region, signed)
    sign_all(region, amendment, signed_on=date(2023, 9, 12), sent_on=date(2023, 7, 10))
    client = api_of("dir-versailles")

    def paragraph_41(as_of):
        response = client.get(url(CONVENTIONS_URL, signed, "consolidated"), {"as_of": as_of})
        assert response.status_code == 200, response.content
        body = response.json()
        assert body["as_of"] == as_of
        article = next(a for a in body["articles"] if a["number"] == 4)
        return body, next(p for p in article["paragraphs"] if p["label"] == "4.1")

    before, old = paragraph_41("2023-09-11")
    assert "CP 2020-519" in old["text"] and "CP 2023-111" not in old["text"]
    assert old["changed_by"] == []
    assert before["applied"] == []
    assert before["annexes"] == []

    after, new = paragraph_41("2023-09-12")
    assert "n° CP 2023-111" in new["text"] and "CP 2020-519" not in new["text"]
    assert new["changed_by"] == [1]
    assert [a["number"] for a in after["applied"]] == [1]
    assert after["annexes"] == [{"title": "Données de suivi", "text": "…", "changed_by": [1]}]
    assert after["clauses"]["duration_kind"] == "fixed_term"
    assert {"end_date", "notice_deadline", "parties", "title"} <= set(after)


def test_consolidated_defaults_to_today(api_of, region, signed):
    amendment = amendment_to_cp_2023_111(region, signed)
    sign_all(region, amendment, signed_on=date(2023, 9, 12))

    body = api_of("region").get(url(CONVENTIONS_URL, signed, "consolidated")).json()

    assert body["as_of"] == timezone.localdate().isoformat()
    article = next(a for a in body["articles"] if a["number"] == 4)
    assert "CP 2023-111" in article["paragraphs"][0]["text"]


def test_consolidated_with_a_bad_date_is_400(api_of, signed):
    response = api_of("region").get(
        url(CONVENTIONS_URL, signed, "consolidated"), {"as_of": "12/09/2023"}
    )
    assert response.status_code == 400
    assert list(response.json()) == ["as_of"]


# ========================================================================== misc contract


def test_lists_are_paginated(api_of):
    for base in (CONVENTIONS_URL, AMENDMENTS_URL, DELIBERATIONS_URL, DOCUMENTS_URL):
        body = api_of("region").get(base).json()
        assert list(body) == ["count", "next", "previous", "results"], base


@pytest.mark.parametrize(
    "base", [CONVENTIONS_URL, AMENDMENTS_URL, DELIBERATIONS_URL, DOCUMENTS_URL]
)
def test_huge_or_unknown_ids_are_404(base, api_of):
    client = api_of("region")
    assert client.get(f"{base}999999999/").status_code == 404
    assert client.get(f"{base}{'9' * 30}/").status_code == 404


def test_schema_lists_the_collections_and_actions():
    document = yaml.safe_load(APIClient().get("/api/schema/").content)
    paths = document["paths"]
    for path in [
        "/api/v1/conventions/",
        "/api/v1/conventions/{id}/",
        "/api/v1/conventions/{id}/send/",
        "/api/v1/conventions/{id}/sign/",
        "/api/v1/conventions/{id}/terminate/",
        "/api/v1/conventions/{id}/pdf/",
        "/api/v1/conventions/{id}/consolidated/",
        "/api/v1/amendments/",
        "/api/v1/amendments/{id}/changes/",
        "/api/v1/amendments/{id}/sign/",
        "/api/v1/deliberations/{id}/",
        "/api/v1/documents/{id}/download/",
    ]:
        assert path in paths, path


def test_return_to_draft_action(user_of, campus_of):
    from datetime import date

    from rest_framework.test import APIClient

    from conventions import services as convention_services
    from conventions.models import SignatureStatus
    from tests.conventions.helpers import amendment_to_cp_2023_111, signed_convention

    region = user_of("region")
    convention = signed_convention(region, campus_of("ia"))
    amendment = amendment_to_cp_2023_111(region, convention)
    convention_services.send_for_signature(region, amendment, on=date(2023, 7, 1))
    url = f"/api/v1/amendments/{amendment.pk}/return-to-draft/"
    director = APIClient()
    director.force_authenticate(user_of("dir-ia"))
    assert director.post(url).status_code == 403
    client = APIClient()
    client.force_authenticate(region)
    response = client.post(url)
    assert response.status_code == 200
    assert response.json()["status"] == SignatureStatus.DRAFT
    assert client.post(url).status_code == 409  # already a draft
