"""A PDF asked for while the broker is down: the page answers, the document waits, the sweep
queues it again once the broker is back (it is never « pending » forever)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from conventions.models import DocumentKind, FrameworkConvention, GeneratedDocument
from documents import services
from documents.models import DocumentStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def broker_down():
    """Publishing a task fails as it does when Redis is unreachable (kombu's OperationalError);
    calling the returned function brings the broker back."""
    from kombu.exceptions import OperationalError

    from documents.tasks import generate_document

    def refuse(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    patch = pytest.MonkeyPatch()  # its own: undoing it touches no other fixture's patches
    patch.setattr(generate_document, "apply_async", refuse)
    yield patch.undo
    patch.undo()


def test_a_pdf_asked_while_the_broker_is_down_waits_for_the_sweep(
    broker_down, client_of, django_capture_on_commit_callbacks
):
    convention = FrameworkConvention.objects.order_by("pk").first()
    url = reverse("conventions:document_request", args=[convention.pk, DocumentKind.CONVENTION])
    GeneratedDocument.objects.filter(convention=convention).delete()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client_of("region").post(url)
    assert callbacks  # the task was sent after the commit, and did not reach the broker
    assert response.status_code == 302
    document = GeneratedDocument.objects.get(convention=convention, kind=DocumentKind.CONVENTION)
    assert document.status == DocumentStatus.PENDING

    # Broker back (eager here): the sweep finds the document waiting and renders it.
    broker_down()
    GeneratedDocument.objects.filter(pk=document.pk).update(
        queued_at=timezone.now() - timedelta(minutes=30)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert services.sweep_stale() == (1, 0)
    document.refresh_from_db()
    assert document.status == DocumentStatus.READY
