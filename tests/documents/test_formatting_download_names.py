"""A generated document downloads under a name built from its object
(« fiche-projet-23004868.pdf »), never under its stored name, which the storage may have
suffixed (« …_2S9r39r.pdf »)."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from documents.models import DocumentStatus
from subsidies.models import SubsidyDocument, SubsidyDocumentKind, SubsidyDossier

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def ready_fiche(dossier):
    """A ready fiche projet whose file the storage had to rename (a name already taken)."""
    document = SubsidyDocument.objects.create(
        dossier=dossier,
        kind=SubsidyDocumentKind.FICHE_PROJET,
        status=DocumentStatus.READY,
        source_key="test",
    )
    for _ in range(2):  # the second save of the same name gets the storage's suffix
        document.file.save("fiche-projet-23004868.pdf", ContentFile(b"%PDF-1.7\n%%EOF\n"))
    return document


def test_the_download_is_named_from_the_object_not_the_stored_file(client_of):
    dossier = SubsidyDossier.objects.get(number="23004868")
    document = ready_fiche(dossier)
    assert document.file.name != "fiche-projet-23004868.pdf"  # suffixed by the storage
    assert not document.file.name.endswith("/fiche-projet-23004868.pdf")

    response = client_of("region").get(reverse("subsidies:document_download", args=[document.pk]))

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="fiche-projet-23004868.pdf"'


def test_a_director_of_another_campus_still_gets_no_document(client_of):
    document = ready_fiche(SubsidyDossier.objects.get(number="23004868"))
    response = client_of("dir-ia").get(reverse("subsidies:document_download", args=[document.pk]))
    assert response.status_code in (403, 404)
