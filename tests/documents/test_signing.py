import io

import pytest
from pypdf import PdfWriter

from documents import signing


@pytest.fixture
def pki(tmp_path_factory, settings):
    directory = tmp_path_factory.mktemp("pki")
    signing.create_demo_pki(directory)
    settings.SIGNING_DIR = str(directory)
    return directory


def _pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_sealed_pdf_validates(pki):
    report = signing.validate(signing.seal(_pdf(), reason="Cachet"))
    assert report.valid, report
    [sig] = report.signatures
    assert sig.is_seal and sig.signer_cn == "Cachet de la Région"
    assert sig.time_source == "heure du serveur"


def test_byte_changed_after_sealing_fails(pki):
    sealed = bytearray(signing.seal(_pdf(), reason="Cachet"))
    index = sealed.index(b"/Contents") - 40
    sealed[index] = ord("X") if sealed[index] != ord("X") else ord("Y")
    report = signing.validate(bytes(sealed))
    assert not report.valid


def test_two_parties_signatures_all_validate(pki):
    pdf = signing.seal(_pdf(), reason="Cachet")
    for name in ("Alice Martin", "Bruno Petit"):
        pdf = signing.sign_for(
            pdf,
            signer_name=name,
            signer_title="Président",
            organisation="Lycée",
            email="a@example.org",
            field_name=f"Sig{name[:5]}",
            reason="Signature",
            location="Paris",
        )
    report = signing.validate(pdf)
    assert report.valid, report
    assert [s.signer_cn for s in report.signatures] == [
        "Cachet de la Région",
        "Alice Martin",
        "Bruno Petit",
    ]
    assert report.signatures[0].is_seal and not report.signatures[2].is_seal


def test_untrusted_certificate_refused(pki, tmp_path, settings):
    other = tmp_path / "other"
    signing.create_demo_pki(other)
    settings.SIGNING_DIR = str(other)
    foreign = signing.seal(_pdf(), reason="Ailleurs")
    settings.SIGNING_DIR = str(pki)
    report = signing.validate(foreign)
    assert not report.valid
    assert any("autorité de confiance" in r for r in report.signatures[0].reasons)


def test_non_pdf_reported(pki):
    report = signing.validate(b"hello")
    assert not report.valid and "PDF" in report.error


def test_missing_seal_raises_french_error(tmp_path, settings):
    settings.SIGNING_DIR = str(tmp_path)
    with pytest.raises(signing.SigningError, match="init_signing"):
        signing.seal(_pdf(), reason="x")
