"""The signing pages of the kernel (documents.signing_views), on an amendment sent for
signature: the one-time code circuit, who is refused, unknown acts and parties, odd input."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from documents import signing
from documents.models import SignatureEvent, SignedAct, SigningCode
from tests.conftest import DEMO_USERNAMES
from tests.conventions.test_portal_signing import LABEL, parties, sent_amendment

pytestmark = pytest.mark.django_db


@pytest.fixture
def amendment(settings, tmp_path, user_of, campus_of):
    settings.MEDIA_ROOT = tmp_path / "media"
    return sent_amendment(user_of("region"), campus_of("ia"))


@pytest.fixture
def region_party(amendment):
    return parties(amendment)["region"]


def url(amendment, party_key, name="documents:sign"):
    return reverse(name, args=[LABEL, amendment.pk, party_key])


def send_code(client, amendment, party, capture):
    with capture(execute=True):
        response = client.post(url(amendment, party.key), {"action": "send"}, follow=True)
    assert "Un code a été envoyé à" in response.content.decode()
    return re.search(r"\b(\d{6})\b", mail.outbox[-1].body).group(1)


def post_code(client, amendment, party, code, place="Paris"):
    return client.post(url(amendment, party.key), {"action": "sign", "code": code, "place": place})


def nothing_signed(amendment):
    return (
        not SignedAct.objects.filter(act_label=LABEL, act_id=amendment.pk).exists()
        and amendment.signatures.count() == 0
    )


def test_the_page_shows_the_act_the_party_and_the_code_button(amendment, region_party, client_of):
    page = client_of("region").get(url(amendment, region_party.key)).content.decode()
    assert str(amendment) in page
    assert region_party.signatory_name in page
    assert "Recevoir un code par e-mail" in page
    assert "Lieu de signature" in page


def test_the_code_is_mailed_to_the_user_and_signs(
    amendment, region_party, client_of, user_of, django_capture_on_commit_callbacks
):
    client = client_of("region")
    code = send_code(client, amendment, region_party, django_capture_on_commit_callbacks)
    assert mail.outbox[-1].to == [user_of("region").email]
    response = post_code(client, amendment, region_party, code)
    assert response.status_code == 302
    assert response.url == amendment.get_absolute_url()
    page = client.get(response.url).content.decode()
    assert "a été ajoutée à l" in page
    # The regional officer signs in their own name, for the President and by delegation: the
    # signature never bears the name of someone who did not sign.
    officer = user_of("region").get_full_name()
    assert amendment.signatures.get().signatory_name == officer
    event = SignatureEvent.objects.get()
    assert event.signatory_name == officer and event.user == user_of("region")
    with event.signed_act.file.open("rb") as handle:
        last = signing.validate(handle.read()).signatures[-1]
    assert last.signer_cn == officer


def test_a_wrong_code_is_refused_next_to_the_field_and_counted(
    amendment, region_party, client_of, django_capture_on_commit_callbacks
):
    client = client_of("region")
    code = send_code(client, amendment, region_party, django_capture_on_commit_callbacks)
    wrong = "000000" if code != "000000" else "111111"
    response = post_code(client, amendment, region_party, wrong)
    assert response.status_code == 200
    assert response.context["form"].errors["code"] == ["Code incorrect."]
    assert 'id="id_code_error"' in response.content.decode()
    assert SigningCode.objects.get(used_at__isnull=True).attempts == 1
    assert nothing_signed(amendment)


def test_an_expired_code_is_refused(
    amendment, region_party, client_of, django_capture_on_commit_callbacks
):
    client = client_of("region")
    code = send_code(client, amendment, region_party, django_capture_on_commit_callbacks)
    SigningCode.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    response = post_code(client, amendment, region_party, code)
    assert response.status_code == 200
    assert "expiré" in response.context["form"].errors["code"][0]
    assert nothing_signed(amendment)


def test_a_used_code_cannot_be_replayed(
    amendment, region_party, client_of, user_of, django_capture_on_commit_callbacks
):
    client = client_of("region")
    code = send_code(client, amendment, region_party, django_capture_on_commit_callbacks)
    # Consumed once (as by a first submission)…
    assert signing.check_code(user_of("region"), LABEL, amendment.pk, region_party.key, code) == ""
    # …it signs nothing the second time.
    response = post_code(client, amendment, region_party, code)
    assert response.status_code == 200
    assert "nouveau code" in response.context["form"].errors["code"][0]
    assert nothing_signed(amendment)


def test_a_code_sent_for_one_party_does_not_sign_for_another(
    amendment, client_of, django_capture_on_commit_callbacks
):
    client = client_of("region")
    code = send_code(
        client, amendment, parties(amendment)["region"], django_capture_on_commit_callbacks
    )
    response = post_code(client, amendment, parties(amendment)["support"], code)
    assert response.status_code == 200
    assert "code" in response.context["form"].errors
    assert nothing_signed(amendment)


def test_a_new_code_replaces_the_previous_one(
    amendment, region_party, client_of, django_capture_on_commit_callbacks
):
    client = client_of("region")
    first = send_code(client, amendment, region_party, django_capture_on_commit_callbacks)
    second = send_code(client, amendment, region_party, django_capture_on_commit_callbacks)
    if first != second:
        assert post_code(client, amendment, region_party, first).status_code == 200
    assert post_code(client, amendment, region_party, second).status_code == 302


# --- who may use the pages -------------------------------------------------------------------

# The amendment is the IA campus's (academy of Paris): the State's signature is for regional
# staff and the rectorate of Paris; every other role is refused.
STATE_SIGNERS = {"admin", "region", "rectorat-paris"}
READERS = {"admin", "region", "rectorat-paris", "dir-ia"}


@pytest.mark.parametrize("username", DEMO_USERNAMES)
def test_who_may_open_the_signing_pages(username, amendment, client_of):
    state = parties(amendment)["state"]
    client = client_of(username)
    expected = 200 if username in STATE_SIGNERS else 403
    for name in ("documents:sign", "documents:upload_signed"):
        assert client.get(url(amendment, state.key, name)).status_code == expected, name
        response = client.post(url(amendment, state.key, name), {"action": "send"})
        # Allowed: the code is sent (sign), the empty upload is refused on its form (upload).
        granted = 302 if name == "documents:sign" else 200
        assert response.status_code == (granted if expected == 200 else 403), name
    file_url = reverse("documents:signed_file", args=[LABEL, amendment.pk])
    # No file of record yet: a 404 for those who may read the act.
    assert client.get(file_url).status_code == (404 if username in READERS else 403)


def test_refused_users_get_no_code(amendment, client_of):
    state = parties(amendment)["state"]
    client_of("dir-ia").post(url(amendment, state.key), {"action": "send"})
    client_of("rectorat-creteil").post(url(amendment, state.key), {"action": "send"})
    assert not SigningCode.objects.exists()


def test_anonymous_visitors_are_sent_to_the_login_page(amendment, region_party):
    client = Client()
    for path in (
        url(amendment, region_party.key),
        url(amendment, region_party.key, "documents:upload_signed"),
        reverse("documents:signed_file", args=[LABEL, amendment.pk]),
    ):
        response = client.get(path)
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))


def test_the_file_of_record_is_downloaded_by_readers_only(
    amendment, region_party, client_of, django_capture_on_commit_callbacks
):
    client = client_of("region")
    code = send_code(client, amendment, region_party, django_capture_on_commit_callbacks)
    post_code(client, amendment, region_party, code)
    file_url = reverse("documents:signed_file", args=[LABEL, amendment.pk])
    response = client_of("dir-ia").get(file_url)
    assert response.status_code == 200
    data = b"".join(response.streaming_content)
    assert signing.validate(data).valid
    assert data == SignedAct.objects.get(act_id=amendment.pk, act_label=LABEL).file.read()
    for username in ("dir-mode", "rectorat-creteil", "expert"):
        assert client_of(username).get(file_url).status_code == 403
    page = client_of("dir-ia").get(amendment.get_absolute_url()).content.decode()
    assert file_url in page


@pytest.mark.parametrize(
    "args",
    [
        ("conventions.inconnu", None, None),
        ("auth.user", None, None),
        (LABEL, 999999, None),
        (LABEL, None, "999999"),
        (LABEL, None, "abc"),
    ],
)
def test_unknown_act_or_party_is_404(args, amendment, region_party, client_of):
    label, pk, key = args
    client = client_of("region")
    for name in ("documents:sign", "documents:upload_signed"):
        path = reverse(name, args=[label, pk or amendment.pk, key or region_party.key])
        assert client.get(path).status_code == 404
    if key is None:
        path = reverse("documents:signed_file", args=[label, pk or amendment.pk])
        assert client.get(path).status_code == 404


def test_a_party_of_another_act_is_404(amendment, client_of, user_of, campus_of):
    other = sent_amendment(user_of("region"), campus_of("sante"))
    foreign = parties(other)["region"]
    assert client_of("region").get(url(amendment, foreign.key)).status_code == 404


# --- odd input -------------------------------------------------------------------------------

ODD = ["", "abc", "-1", "9" * 30, "%00", "'; DROP TABLE x; --", "ÿ" * 300, "12345", "1234567"]


@pytest.mark.parametrize("value", ODD)
def test_odd_codes_and_places_answer_with_field_errors(value, amendment, region_party, client_of):
    response = client_of("region").post(
        url(amendment, region_party.key), {"action": value, "code": value, "place": value}
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    assert nothing_signed(amendment)


@pytest.mark.parametrize(
    "content",
    [b"", b"hello", b"%PDF-", b"%PDF-1.7\n garbage \n%%EOF", b"PK\x03\x04" + b"0" * 100],
)
def test_odd_uploads_are_refused_next_to_the_field(content, amendment, region_party, client_of):
    upload = SimpleUploadedFile("x.pdf", content, content_type="application/pdf")
    response = client_of("region").post(
        url(amendment, region_party.key, "documents:upload_signed"),
        {"file": upload, "place": "Paris"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert nothing_signed(amendment)
    assert not SignatureEvent.objects.exists()


def test_an_upload_over_20_mb_is_refused(amendment, region_party, client_of):
    upload = SimpleUploadedFile("big.pdf", b"%PDF-1.7\n" + b"0" * (20 * 1024 * 1024))
    response = client_of("region").post(
        url(amendment, region_party.key, "documents:upload_signed"),
        {"file": upload, "place": "Paris"},
    )
    assert response.status_code == 200
    assert "20 Mo" in response.context["form"].errors["file"][0]


def test_an_upload_without_a_file_is_refused(amendment, region_party, client_of):
    response = client_of("region").post(
        url(amendment, region_party.key, "documents:upload_signed"), {"place": ""}
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"file", "place"}


class RefusingBackend:
    """A mail server that cannot be reached."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


def test_a_code_that_cannot_be_mailed_is_void_and_the_page_says_so(
    amendment, region_party, client_of, settings
):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"

    response = client_of("region").post(
        url(amendment, region_party.key), {"action": "send"}, follow=True
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Le code n&#x27;a pas pu être envoyé" in page
    assert "Un code a été envoyé" not in page
    # The code issued is void: nobody could sign with it even if it had been seen.
    assert not SigningCode.objects.filter(used_at__isnull=True).exists()
    assert SigningCode.objects.count() == 1
    assert nothing_signed(amendment)
