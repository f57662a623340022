"""The documents kernel: one request, one task, one sweep for every domain's documents."""

from datetime import timedelta

import pytest
from django.utils import timezone

from conventions import documents as convention_documents
from conventions.models import DocumentKind, FrameworkConvention, GeneratedDocument
from documents import services
from documents.models import DocumentStatus
from documents.registry import declarations
from documents.tasks import generate_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(user_of):
    """A convention PDF asked for but never rendered (its message was lost)."""
    convention = FrameworkConvention.objects.order_by("pk").first()
    document = convention_documents.request_document(
        user_of("region"), kind=DocumentKind.CONVENTION, convention=convention, queue=False
    )
    assert document.status == DocumentStatus.PENDING and document.queued_at is not None
    return document


def _age(document, minutes):
    GeneratedDocument.objects.filter(pk=document.pk).update(
        queued_at=timezone.now() - timedelta(minutes=minutes)
    )


def test_every_domain_declares_its_documents():
    labels = {spec.model._meta.label for spec in declarations()}
    assert labels == {
        "conventions.GeneratedDocument",
        "subsidies.SubsidyDocument",
        "labels.LabelDocument",
        "followup.SheetDocument",
    }


def test_a_document_left_pending_is_queued_again_then_rendered(
    pending, django_capture_on_commit_callbacks
):
    _age(pending, 30)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.sweep_stale() == (1, 0)
    pending.refresh_from_db()
    assert pending.status == DocumentStatus.READY and pending.attempts == 1
    assert pending.checksum


def test_a_recent_pending_document_is_left_alone(pending, django_capture_on_commit_callbacks):
    _age(pending, 2)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert services.sweep_stale() == (0, 0)
    assert callbacks == []
    pending.refresh_from_db()
    assert pending.status == DocumentStatus.PENDING


def test_a_document_that_never_renders_is_failed_not_pending_forever(pending):
    _age(pending, 30)
    GeneratedDocument.objects.filter(pk=pending.pk).update(attempts=services.max_attempts())
    assert services.sweep_stale() == (0, 1)
    pending.refresh_from_db()
    assert pending.status == DocumentStatus.FAILED
    assert "interrompu" in pending.error


def test_the_one_task_takes_the_model_label_and_the_key(pending):
    result = generate_document.apply(args=(pending._meta.label_lower, pending.pk))
    assert result.get() == DocumentStatus.READY
    assert generate_document.apply(args=(pending._meta.label_lower, 10**12)).get() is None
    # Asking again for the same content finds the ready row: same key, nothing queued.
    again = convention_documents.request_document(
        pending.requested_by, kind=DocumentKind.CONVENTION, convention=pending.convention
    )
    assert again.pk == pending.pk and again.status == DocumentStatus.READY


def test_the_fingerprint_is_the_context_s(pending):
    key = convention_documents.source_key(DocumentKind.CONVENTION, pending.convention)
    assert key == pending.source_key
    html, rendered_key = services.render_html(pending)
    assert rendered_key == key and "<html" in html


def test_the_request_fixes_the_html_and_the_worker_does_not_read_the_objects_again(
    pending, monkeypatch
):
    html, key, context = services.render_html(pending, with_context=True)
    assert key == pending.source_key
    assert pending.source_html == html
    assert pending.source_data == services.attached_data(context)

    def reads_the_objects(*args, **kwargs):
        raise AssertionError("the worker read the objects again")

    monkeypatch.setattr(services, "build_context", reads_the_objects)
    assert services.generate(pending, pending.pk) == DocumentStatus.READY
    pending.refresh_from_db()
    assert pending.source_html == "" and pending.source_data == ""  # kept until stored


def test_the_audit_entry_of_a_request_leaves_the_html_out(pending):
    from django.contrib.contenttypes.models import ContentType

    from audit.models import AuditAction, AuditEntry

    entry = AuditEntry.objects.get(
        content_type=ContentType.objects.get_for_model(GeneratedDocument),
        object_id=str(pending.pk),
        action=AuditAction.CREATE,
    )
    assert entry.changes["source_key"] == [None, pending.source_key]
    assert "source_html" not in entry.changes and "source_data" not in entry.changes


def test_a_failed_document_asked_again_is_rendered_with_the_templates_as_they_are_now(pending):
    GeneratedDocument.objects.filter(pk=pending.pk).update(
        status=DocumentStatus.FAILED, source_html="<p>gabarit d'hier</p>"
    )
    again = convention_documents.request_document(
        pending.requested_by,
        kind=DocumentKind.CONVENTION,
        convention=pending.convention,
        queue=False,
    )
    assert again.pk == pending.pk and again.status == DocumentStatus.PENDING
    html, _key = services.render_html(again)
    assert again.source_html == html != "<p>gabarit d'hier</p>"
