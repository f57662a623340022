"""An amendment signed in the portal, party after party (conventions/signing.py): each
signature is added to the sealed PDF and every earlier one stays valid; the last one makes the
amendment effective through services.record_signature; a PDF signed elsewhere is accepted only
when its signatures verify and the party's signatory signed it."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from conventions import services
from conventions.documents import generate, request_document
from conventions.models import AmendmentChange, ChangeKind, DocumentKind, SignatureStatus
from documents import signing
from documents.models import SignatureEvent, SignatureMethod, SignedAct
from tests.conventions.helpers import signed_convention

pytestmark = pytest.mark.django_db

LABEL = "conventions.amendment"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def region(user_of):
    return user_of("region")


def sent_amendment(region, campus):
    """A new amendment of a convention from the standard template (State, Region, support
    institution), sent for signature, with its PDF generated (sealed)."""
    convention = signed_convention(region, campus)
    amendment = services.create_amendment(region, convention, title="Avenant signé en ligne")
    services.add_change(
        region,
        amendment,
        AmendmentChange(kind=ChangeKind.ADD_ANNEX, title="Annexe signée", new_text="Texte."),
    )
    services.send_for_signature(region, amendment)
    document = request_document(
        region,
        kind=DocumentKind.AMENDMENT,
        convention=convention,
        amendment=amendment,
        queue=False,
    )
    generate(document.pk)
    amendment.refresh_from_db()
    return amendment


@pytest.fixture
def amendment(media, region, campus_of):
    return sent_amendment(region, campus_of("ia"))  # academy of Paris only


def parties(amendment):
    """{kind: SigningParty} of the amendment."""
    entry = signing.signable(LABEL)
    by_pk = {str(p.pk): p.kind for p in services.required_signatories(amendment)}
    return {by_pk[party.key]: party for party in entry.parties_of(amendment)}


def sign_url(amendment, party, upload=False):
    name = "documents:upload_signed" if upload else "documents:sign"
    return reverse(name, args=[LABEL, amendment.pk, party.key])


def request_code(client, amendment, party, capture):
    with capture(execute=True):
        response = client.post(sign_url(amendment, party), {"action": "send"})
    assert response.status_code == 302
    return re.search(r"\b(\d{6})\b", mail.outbox[-1].body).group(1)


def sign_in_portal(client, amendment, party, capture, place="Paris"):
    code = request_code(client, amendment, party, capture)
    return client.post(sign_url(amendment, party), {"action": "sign", "code": code, "place": place})


def file_of_record(amendment):
    record = SignedAct.objects.get(act_label=LABEL, act_id=amendment.pk)
    with record.file.open("rb") as handle:
        return handle.read()


def test_three_parties_sign_one_after_the_other_and_the_last_makes_it_effective(
    amendment, client_of, user_of, django_capture_on_commit_callbacks
):
    signers = [("rectorat-paris", "state"), ("region", "region"), ("admin", "support")]
    for count, (username, kind) in enumerate(signers, start=1):
        party = parties(amendment)[kind]
        response = sign_in_portal(
            client_of(username), amendment, party, django_capture_on_commit_callbacks
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        assert response.url == amendment.get_absolute_url()
        report = signing.validate(file_of_record(amendment))
        # The seal and every signature so far, all intact and trusted.
        assert report.valid, report
        assert len(report.signatures) == 1 + count
        assert report.signatures[0].is_seal
        # The certificate names whoever the code authenticated, not the party's signatory.
        assert report.signatures[-1].signer_cn == user_of(username).get_full_name()
        amendment.refresh_from_db()
        if count < len(signers):
            assert amendment.status == SignatureStatus.SENT
            assert amendment.effective_date is None

    assert amendment.status == SignatureStatus.SIGNED
    assert amendment.effective_date == timezone.localdate()
    signatures = list(amendment.signatures.order_by("party__position"))
    assert [s.place for s in signatures] == ["Paris"] * 3
    events = SignatureEvent.objects.filter(signed_act__act_id=amendment.pk)
    assert {e.method for e in events} == {SignatureMethod.PORTAL}
    assert events.count() == 3
    # The last event's fingerprint is the file of record's.
    record = SignedAct.objects.get(act_label=LABEL, act_id=amendment.pk)
    assert events.last().sha256 == record.sha256


def test_the_amendment_page_shows_the_panel_and_its_links(amendment, client_of):
    party = parties(amendment)["state"]
    page = client_of("rectorat-paris").get(amendment.get_absolute_url()).content.decode()
    assert "Signature électronique" in page
    assert sign_url(amendment, party) in page
    assert sign_url(amendment, party, upload=True) in page
    # Rectorate staff sign for the State only.
    assert sign_url(amendment, parties(amendment)["region"]) not in page
    # A director of the campus reads the panel but signs for no one.
    page = client_of("dir-ia").get(amendment.get_absolute_url()).content.decode()
    assert "Signature électronique" in page
    assert "Signer dans le portail" not in page


def test_a_party_that_signed_cannot_sign_twice(
    amendment, client_of, django_capture_on_commit_callbacks
):
    client = client_of("region")
    party = parties(amendment)["region"]
    assert sign_in_portal(client, amendment, party, django_capture_on_commit_callbacks).status_code
    party = parties(amendment)["region"]
    assert party.signed
    response = client.get(sign_url(amendment, party), follow=True)
    assert "a déjà signé cet acte" in response.content.decode()
    assert SignatureEvent.objects.filter(signed_act__act_id=amendment.pk).count() == 1
    assert amendment.signatures.count() == 1


def test_a_domain_refusal_rolls_the_signature_back(
    amendment, region, client_of, django_capture_on_commit_callbacks
):
    """Taken back to draft after the code was sent: the signature is refused, nothing kept."""
    client = client_of("region")
    party = parties(amendment)["region"]
    code = request_code(client, amendment, party, django_capture_on_commit_callbacks)
    services.return_to_draft(region, amendment)
    response = client.post(sign_url(amendment, party), {"code": code, "place": "Paris"})
    assert response.status_code == 302
    assert not SignedAct.objects.filter(act_label=LABEL, act_id=amendment.pk).exists()
    assert amendment.signatures.count() == 0


def test_no_pdf_generated_yet_is_said(media, region, campus_of, client_of):
    amendment = sent_amendment(region, campus_of("sante"))
    amendment.documents.all().delete()
    party = parties(amendment)["region"]
    response = client_of("region").get(sign_url(amendment, party), follow=True)
    assert "pas encore généré" in response.content.decode()


# --- uploads ---------------------------------------------------------------------------------


def _generated_pdf(amendment):
    document = amendment.documents.get(kind=DocumentKind.AMENDMENT)
    with document.file.open("rb") as handle:
        return handle.read()


def _signed_elsewhere(pdf, name):
    return signing.sign_for(
        pdf,
        signer_name=name,
        signer_title="Présidente",
        organisation="Parapheur",
        email="",
        field_name="SignatureParapheur",
        reason="Signature",
        location="Paris",
    )


def _upload(client, amendment, party, data, place="Paris"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("signe.pdf", data, content_type="application/pdf")
    return client.post(sign_url(amendment, party, upload=True), {"file": upload, "place": place})


def _nothing_recorded(amendment):
    assert not SignedAct.objects.filter(act_label=LABEL, act_id=amendment.pk).exists()
    assert not SignatureEvent.objects.filter(signed_act__act_id=amendment.pk).exists()
    assert amendment.signatures.count() == 0


def test_an_upload_signed_by_our_authority_for_the_party_is_accepted(amendment, client_of):
    party = parties(amendment)["region"]
    signed = _signed_elsewhere(_generated_pdf(amendment), party.signatory_name.upper())
    response = _upload(client_of("region"), amendment, party, signed)
    assert response.status_code == 302, response.content.decode()[:2000]
    event = SignatureEvent.objects.get(signed_act__act_id=amendment.pk)
    assert event.method == SignatureMethod.UPLOAD
    assert event.report["valid"]
    assert file_of_record(amendment) == signed
    [signature] = amendment.signatures.all()
    assert signature.party.pk == int(party.key) and signature.place == "Paris"


def test_an_upload_signed_by_an_untrusted_certificate_is_refused(
    amendment, client_of, settings, tmp_path, signing_pki
):
    party = parties(amendment)["region"]
    pdf = _generated_pdf(amendment)
    foreign = tmp_path / "foreign-pki"
    signing.create_demo_pki(foreign)
    settings.SIGNING_DIR = foreign
    signed = _signed_elsewhere(pdf, party.signatory_name)
    settings.SIGNING_DIR = signing_pki
    response = _upload(client_of("region"), amendment, party, signed)
    assert response.status_code == 200
    page = response.content.decode()
    assert "id_file_error" in page
    assert "ne remonte à aucune autorité de confiance" in page
    _nothing_recorded(amendment)


def test_an_upload_signed_by_someone_else_is_refused(amendment, client_of):
    party = parties(amendment)["region"]
    signed = _signed_elsewhere(_generated_pdf(amendment), "Quelqu'un d'autre")
    response = _upload(client_of("region"), amendment, party, signed)
    assert response.status_code == 200
    assert "signé par le signataire" in response.content.decode()
    _nothing_recorded(amendment)


def test_an_altered_upload_is_refused(amendment, client_of):
    party = parties(amendment)["region"]
    signed = _signed_elsewhere(_generated_pdf(amendment), party.signatory_name)
    index = signed.index(b"/MediaBox")
    altered = signed[:index] + b"/MediaBoX" + signed[index + 9 :]
    response = _upload(client_of("region"), amendment, party, altered)
    assert response.status_code == 200
    assert "ne se vérifie pas" in response.content.decode()
    _nothing_recorded(amendment)


def test_an_upload_that_is_not_the_act_is_refused(amendment, client_of, signing_pki):
    """A PDF sealed and signed by our authority, but another document altogether."""
    import io

    from pypdf import PdfWriter

    party = parties(amendment)["region"]
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    other = _signed_elsewhere(signing.seal(out.getvalue(), reason="Autre"), party.signatory_name)
    response = _upload(client_of("region"), amendment, party, other)
    assert response.status_code == 200
    assert "acte du portail complété" in response.content.decode()
    _nothing_recorded(amendment)


def test_an_upload_after_a_portal_signature_keeps_both(
    amendment, client_of, django_capture_on_commit_callbacks
):
    state = parties(amendment)["state"]
    sign_in_portal(
        client_of("rectorat-paris"), amendment, state, django_capture_on_commit_callbacks
    )
    region_party = parties(amendment)["region"]
    signed = _signed_elsewhere(file_of_record(amendment), region_party.signatory_name)
    assert _upload(client_of("region"), amendment, region_party, signed).status_code == 302
    report = signing.validate(file_of_record(amendment))
    assert report.valid and len(report.signatures) == 3
    assert amendment.signatures.count() == 2


def test_a_framework_convention_is_signed_in_the_portal_too(
    media, region, campus_of, user_of, client_of
):
    convention = services.create_convention(
        region,
        campus=campus_of("ia"),
        kind="constitutive",
        title="Convention signée en ligne",
        duration_kind="until_label_end",
    )
    services.send_for_signature(region, convention)
    document = request_document(
        region, kind=DocumentKind.CONVENTION, convention=convention, queue=False
    )
    generate(document.pk)
    entry = signing.signable("conventions.frameworkconvention")
    assert entry.refusal(convention) == ""
    # The convention's page offers the portal signature to regional staff, not to the director.
    sign_url = reverse(
        "documents:sign",
        args=[
            "conventions.frameworkconvention",
            convention.pk,
            entry.parties_of(convention)[0].key,
        ],
    )
    assert sign_url in client_of("region").get(convention.get_absolute_url()).content.decode()
    director_page = client_of("dir-ia").get(convention.get_absolute_url())
    assert director_page.status_code == 200
    assert sign_url not in director_page.content.decode()
    for party in entry.parties_of(convention):
        assert entry.may_sign(region, convention, party.key)
        assert not entry.may_sign(user_of("dir-ia"), convention, party.key)
        signing.sign_act(
            convention, party, user=region, organisation=party.label, email="", place="Paris"
        )
    convention.refresh_from_db()
    assert convention.status == SignatureStatus.SIGNED
    record = SignedAct.objects.get(
        act_label="conventions.frameworkconvention", act_id=convention.pk
    )
    with record.file.open("rb") as handle:
        report = signing.validate(handle.read())
    assert report.valid and len(report.signatures) == 4
    assert "en vigueur" in entry.refusal(convention)
