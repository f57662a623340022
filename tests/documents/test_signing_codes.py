import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from documents import signing
from documents.models import SigningCode

pytestmark = pytest.mark.django_db


@pytest.fixture
def user():
    return get_user_model().objects.create_user("signataire", email="s@example.org", password="x")


ACT = ("conventions.amendment", 1, "region")


def test_code_is_mailed_and_cannot_be_replayed(user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        code = signing.issue_code(user, *ACT)
    assert code in mail.outbox[-1].body
    assert signing.check_code(user, *ACT, code) == ""
    assert "nouveau code" in signing.check_code(user, *ACT, code)


def test_code_expires(user):
    code = signing.issue_code(user, *ACT)
    SigningCode.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert "expiré" in signing.check_code(user, *ACT, code)


def test_five_wrong_tries_lock_the_code(user):
    code = signing.issue_code(user, *ACT)
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(5):
        assert signing.check_code(user, *ACT, wrong) == "Code incorrect."
    assert "Trop d'essais" in signing.check_code(user, *ACT, code)


def test_sign_act_adds_signatures_incrementally(user, settings, tmp_path):
    import io
    from types import SimpleNamespace

    from django.core.files.base import ContentFile
    from pypdf import PdfWriter

    settings.MEDIA_ROOT = str(tmp_path)
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    sealed = ContentFile(signing.seal(out.getvalue(), reason="Cachet"), name="acte.pdf")
    calls = []
    signing.register_signable(
        get_user_model(),
        document_of=lambda act: SimpleNamespace(file=sealed),
        parties_of=lambda act: [],
        may_sign=lambda *a: True,
        on_signed=lambda act, key, *rest: calls.append(key),
        detail_url=lambda act: "/",
    )
    for key, name in (("region", "Alice Martin"), ("lycee", "Bruno Petit")):
        party = signing.SigningParty(key, key, name, "Président", False)
        event = signing.sign_act(
            user, party, user=user, organisation="O", email="a@b.fr", place="Paris"
        )
    report = signing.validate(event.signed_act.file.open("rb").read())
    assert report.valid and len(report.signatures) == 3
    assert calls == ["region", "lycee"]
    signing._SIGNABLES.pop(get_user_model()._meta.label_lower)
