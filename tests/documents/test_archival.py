"""Every generated document is an archival PDF: PDF/A-3b, fonts embedded, its version as the
PDF's identifier and the data it was made from attached."""

import io
import json
import re

import pytest
from pypdf import PdfReader

from conventions import documents as convention_documents
from conventions.models import DocumentKind, FrameworkConvention
from documents import services
from documents.models import DocumentStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def convention_pdf(user_of):
    convention = FrameworkConvention.objects.order_by("pk").first()
    document = convention_documents.request_document(
        user_of("region"), kind=DocumentKind.CONVENTION, convention=convention, queue=False
    )
    services.generate(type(document), document.pk)
    document.refresh_from_db()
    assert document.status == DocumentStatus.READY, document.error
    with document.file.open("rb") as handle:
        return document, PdfReader(io.BytesIO(handle.read()))


def test_a_generated_document_declares_pdf_a_3b(convention_pdf):
    _document, reader = convention_pdf
    root = reader.trailer["/Root"]
    assert "/OutputIntents" in root  # the colour profile PDF/A requires
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert re.search(r'pdfaid:part="3"', xmp) and re.search(r'pdfaid:conformance="B"', xmp)
    assert reader.metadata.title  # the document's title, from the template


def test_its_fonts_are_embedded(convention_pdf):
    _document, reader = convention_pdf
    fonts = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None:
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            fonts.append((font["/BaseFont"], descriptor.get_object()))
    assert fonts
    for name, descriptor in fonts:
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), name


def test_its_identifier_is_its_version_and_its_data_travels_inside(convention_pdf):
    document, reader = convention_pdf
    assert reader.trailer["/ID"][0] == document.source_key[:32]
    attached = reader.attachments[services.DATA_ATTACHMENT_NAME][0]
    data = json.loads(attached)
    # The attached data is the context the document was made from: its fingerprint matches.
    _html, key, context = services.render_html(document, with_context=True)
    assert key == document.source_key
    assert data == json.loads(json.dumps(context, default=str, sort_keys=True))


def test_it_leaves_sealed_by_the_region_and_the_seal_verifies(convention_pdf):
    from documents import signing

    document, _reader = convention_pdf
    with document.file.open("rb") as handle:
        report = signing.validate(handle.read())
    assert report.valid, report
    (seal,) = report.signatures
    assert seal.is_seal and seal.intact and seal.trusted


def test_the_verification_page_recognises_it_by_its_checksum(convention_pdf, client_of):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    document, _reader = convention_pdf
    with document.file.open("rb") as handle:
        upload = SimpleUploadedFile("acte.pdf", handle.read(), content_type="application/pdf")
    page = client_of("dir-ia").post(reverse("documents:verify"), {"file": upload})
    text = page.content.decode()
    assert "Ce document a été produit par le portail." in text
    assert "Le document est intact et ses signatures sont valides." in text
    assert "Cachet de la Région" in text and "heure du serveur" in text
