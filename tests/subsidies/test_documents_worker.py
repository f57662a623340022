"""A real Celery worker, on Redis and PostgreSQL, renders a fiche projet queued after commit."""

import pytest
from django.conf import settings

from documents.models import DocumentStatus
from subsidies import documents
from subsidies.models import SubsidyDocument, SubsidyDocumentKind, SubsidyDossier
from tests.services import needs_postgres, needs_redis
from tests.worker import stored_text, wait_until_rendered, worker  # noqa: F401

pytestmark = [needs_postgres, needs_redis, pytest.mark.real_worker]


def seed_dossier():
    """Dossier 23004868 of CP 2023-263, from the demo (loaded here if the session's demo does
    not include the subsidies yet; loading is idempotent)."""
    from subsidies import demo

    if not SubsidyDossier.objects.filter(number="23004868").exists():
        demo.load_demo()
    return SubsidyDossier.objects.get(number="23004868")


@pytest.mark.django_db(transaction=True)
def test_a_worker_renders_the_requested_fiche_projet(
    worker,  # noqa: F811 (the fixture imported above)
    user_of,
):
    assert not settings.CELERY_TASK_ALWAYS_EAGER
    region = user_of("region")
    dossier = seed_dossier()

    # No transaction is open here: the request commits, and on commit the task goes to Redis.
    document = documents.request_document(
        region, kind=SubsidyDocumentKind.FICHE_PROJET, dossier=dossier
    )
    assert document.status == DocumentStatus.PENDING

    wait_until_rendered(document, worker)

    text = stored_text(document)
    assert "Commission permanente du 5 juillet 2023 - CP 2023-263" in text
    assert "DOSSIER N° 23004868" in text
    assert "100 000,00 € TTC 50,00 % 50 000,00 €" in text
    assert "subvention RIDF 2023 50 000,00 50,00%" in text
    assert "page 1 / " in text

    # Asking again for the same content finds the ready document: nothing is queued.
    again = documents.request_document(
        region, kind=SubsidyDocumentKind.FICHE_PROJET, dossier=dossier
    )
    assert again.pk == document.pk and again.status == DocumentStatus.READY
    assert SubsidyDocument.objects.filter(dossier=dossier).count() == 1
