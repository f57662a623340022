"""A real Celery worker, on Redis and PostgreSQL, renders a sheet's PDF queued after commit."""

import pytest
from django.conf import settings

from documents.models import DocumentStatus
from followup import documents, services
from followup.models import SheetDocument
from tests.followup import helpers
from tests.services import needs_postgres, needs_redis
from tests.worker import stored_text, wait_until_rendered, worker  # noqa: F401

pytestmark = [needs_postgres, needs_redis, pytest.mark.real_worker]


@pytest.mark.django_db(transaction=True)
def test_a_worker_renders_the_requested_sheet_pdf(
    worker,  # noqa: F811 (the fixture imported above)
    user_of,
    campus_of,
):
    assert not settings.CELERY_TASK_ALWAYS_EAGER
    region, director = user_of("region"), user_of("dir-versailles")
    # No transaction is open here: each service call commits (its notifications are queued
    # too, and the worker sends them).
    campaign = services.open_campaign(region, year=helpers.YEAR, notify=False)
    sheet = campaign.sheets.get(campus=campus_of("versailles"))
    helpers.fill(director, sheet)
    services.submit(director, sheet)

    document = documents.request_document(director, sheet)
    assert document.status == DocumentStatus.PENDING

    wait_until_rendered(document, worker)
    assert document.file.name.endswith(f"fiche-suivi-{helpers.YEAR}-campus-versailles.pdf")

    text = stored_text(document)
    assert f"Fiche de suivi annuel {helpers.YEAR}" in text
    assert "État de la fiche : Soumise" in text
    assert "Région 50 000,00 €" in text and "Total 80 000,00 €" in text
    assert "9. Démarche qualité" in text
    assert "page 1 / " in text

    # Asking again for the same content finds the ready document: nothing is queued.
    again = documents.request_document(director, sheet)
    assert again.pk == document.pk and again.status == DocumentStatus.READY
    assert SheetDocument.objects.filter(sheet=sheet).count() == 1
