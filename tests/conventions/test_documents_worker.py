"""A real Celery worker, on Redis and PostgreSQL, renders a convention PDF queued after commit."""

import pytest
from django.conf import settings

from conventions import documents
from conventions.models import DocumentKind, GeneratedDocument
from documents.models import DocumentStatus
from tests.conventions.helpers import signed_convention
from tests.services import needs_postgres, needs_redis
from tests.worker import stored_text, wait_until_rendered, worker  # noqa: F401

pytestmark = [needs_postgres, needs_redis, pytest.mark.real_worker]


@pytest.mark.django_db(transaction=True)
def test_a_worker_renders_the_requested_convention_pdf(
    worker,  # noqa: F811 (the fixture imported above)
    user_of,
    campus_of,
):
    assert not settings.CELERY_TASK_ALWAYS_EAGER
    region = user_of("region")
    convention = signed_convention(region, campus_of("ia"))

    # No transaction is open here: the request commits, and on commit the task goes to Redis.
    document = documents.request_document(
        region, kind=DocumentKind.CONVENTION, convention=convention
    )
    assert document.status == DocumentStatus.PENDING

    wait_until_rendered(document, worker)

    text = stored_text(document)
    assert "Campus des métiers et des qualifications Intelligence Artificielle" in text
    assert "Article 4" in text and "4.1" in text and "n° CP 2020-519" in text
    # The last signature dates the act: « Fait à Paris, le 01/03/2021 ».
    assert "Fait à Paris, le 01/03/2021" in text
    assert "page 1 / " in text

    # Asking again for the same version finds the ready document: nothing is queued.
    again = documents.request_document(region, kind=DocumentKind.CONVENTION, convention=convention)
    assert again.pk == document.pk and again.status == DocumentStatus.READY
    assert GeneratedDocument.objects.filter(convention=convention).count() == 1
