"""The seal's key and signer are loaded once per process, and reloaded when the PKCS#12 file
or its passphrase changes; the seal's signature room is sized once (documents.signing)."""

import io

import pytest
from cryptography.hazmat.primitives.serialization import pkcs12
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.signers.pdf_signer import PdfSigningSession
from pypdf import PdfWriter

from documents import signing


@pytest.fixture
def pki(tmp_path_factory, settings):
    directory = tmp_path_factory.mktemp("pki")
    signing.create_demo_pki(directory)
    settings.SIGNING_DIR = str(directory)
    return directory


@pytest.fixture
def decryptions(monkeypatch):
    """How many times a PKCS#12 file was decrypted."""
    calls = []
    original = pkcs12.load_key_and_certificates

    def counting(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(pkcs12, "load_key_and_certificates", counting)
    return calls


@pytest.fixture
def estimations(monkeypatch):
    """How many times pyHanko signed a dummy to size a signature's room."""
    calls = []
    original = PdfSigningSession.estimate_signature_container_size

    async def counting(self, *args, **kwargs):
        calls.append(1)
        return await original(self, *args, **kwargs)

    monkeypatch.setattr(PdfSigningSession, "estimate_signature_container_size", counting)
    return calls


def _pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _seal_serial(pdf: bytes) -> int:
    """The serial number of the certificate that sealed `pdf` (checked valid first)."""
    report = signing.validate(pdf)
    assert report.valid, report
    [sig] = PdfFileReader(io.BytesIO(pdf), strict=False).embedded_signatures
    return sig.signer_cert.serial_number


def test_the_seal_is_decrypted_once_for_many_documents(pki, decryptions):
    for _ in range(3):
        assert signing.validate(signing.seal(_pdf(), reason="Cachet")).valid
    assert len(decryptions) == 1


def test_a_seal_created_again_is_used_without_restart(pki, decryptions):
    before = signing.seal_certificate()
    first = signing.seal(_pdf(), reason="Cachet")
    signing.create_demo_pki(pki, force=True)  # init_signing --force: new root, CA and seal
    after = signing.seal_certificate()
    second = signing.seal(_pdf(), reason="Cachet")
    assert after.serial_number != before.serial_number
    assert _seal_serial(second) == after.serial_number
    assert not signing.validate(first).valid  # signed under the old root, no longer trusted
    assert len(decryptions) == 2


def test_another_seal_file_in_the_settings_is_used(pki, tmp_path, settings):
    signing.seal(_pdf(), reason="Cachet")
    other = tmp_path / "other"
    signing.create_demo_pki(other)
    settings.SEAL_PKCS12_PATH = str(other / "seal.p12")
    settings.SEAL_PKCS12_PASSPHRASE = (other / "seal.pass").read_text()
    sealed = signing.seal(_pdf(), reason="Cachet")
    settings.SIGNATURE_TRUST_ROOTS = [str(other / "root.pem")]
    assert signing.seal_certificate().serial_number == _seal_serial(sealed)


def test_a_wrong_passphrase_is_refused_even_after_a_seal(pki, settings):
    signing.seal(_pdf(), reason="Cachet")
    settings.SEAL_PKCS12_PASSPHRASE = "not the passphrase"
    with pytest.raises(signing.SigningError, match="init_signing"):
        signing.seal(_pdf(), reason="Cachet")


def test_a_changed_passphrase_file_is_read_again(pki):
    signing.seal(_pdf(), reason="Cachet")
    (pki / "seal.pass").write_text("not the passphrase")
    with pytest.raises(signing.SigningError, match="init_signing"):
        signing.seal(_pdf(), reason="Cachet")


def test_the_signature_room_is_sized_once_and_the_same(pki, estimations):
    first = signing.seal(_pdf(), reason="Cachet")
    later = [signing.seal(_pdf(), reason="Cachet") for _ in range(3)]
    assert len(estimations) == 1
    # The same room as pyHanko's own estimate: the files do not grow.
    assert {len(pdf) for pdf in later} == {len(first)}
    for pdf in later:
        assert signing.validate(pdf).valid


def test_sealed_then_signed_by_parties_still_validates(pki):
    for _ in range(2):
        pdf = signing.seal(_pdf(), reason="Cachet")
        pdf = signing.sign_for(
            pdf,
            signer_name="Alice Martin",
            signer_title="Présidente",
            organisation="Lycée",
            email="a@example.org",
            field_name="SigAlice",
            reason="Signature",
            location="Paris",
        )
        report = signing.validate(pdf)
        assert report.valid, report
        assert [s.signer_cn for s in report.signatures] == ["Cachet de la Région", "Alice Martin"]


def test_with_a_timestamp_authority_pyhanko_sizes_every_seal(pki, monkeypatch):
    """A TSA's token may vary in size: no reused room then."""
    timestamper = object()
    calls = []
    monkeypatch.setattr(signing, "_timestamper", lambda: timestamper)
    monkeypatch.setattr(signing, "_sign", lambda pdf, signer, meta, **kw: calls.append(kw) or pdf)
    signing._seal_credentials().contents_size = 6000
    signing.seal(_pdf(), reason="Cachet")
    assert calls == [{"timestamper": timestamper}]
