import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfWriter

from documents import signing

pytestmark = pytest.mark.django_db


def _sealed() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    return signing.seal(out.getvalue(), reason="Cachet")


def _post(client, data, name="acte.pdf"):
    upload = SimpleUploadedFile(name, data, content_type="application/pdf")
    return client.post(reverse("documents:verify"), {"file": upload})


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("documents:verify"))
    assert response.status_code == 302 and "/comptes/" in response.url


def test_sealed_file_verifies(client_of):
    response = _post(client_of("region"), _sealed())
    text = response.content.decode()
    assert response.status_code == 200
    assert "intact et ses signatures sont valides" in text
    assert "produit par le portail" in text and "heure du serveur" in text


def test_tampered_file_does_not_verify(client_of):
    sealed = bytearray(_sealed())
    index = sealed.index(b"/Contents") - 40
    sealed[index] = ord("X") if sealed[index] != ord("X") else ord("Y")
    text = _post(client_of("region"), bytes(sealed)).content.decode()
    assert "ne se vérifie pas" in text


def test_non_pdf_is_refused_next_to_the_field(client_of):
    response = _post(client_of("region"), b"hello", name="a.txt")
    assert response.status_code == 200
    assert "n&#x27;est pas un PDF" in response.content.decode()
