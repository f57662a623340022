"""Asking for a document, rendering it, and sweeping the ones a lost worker left behind."""

import functools
import hashlib
import json
import logging
import mimetypes
import posixpath
from datetime import timedelta
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from audit.models import AuditAction
from audit.services import record, snapshot

from . import signing
from .models import DocumentStatus
from .registry import declaration, declarations

logger = logging.getLogger(__name__)

# A pending document not rendered within this time was lost (a worker killed mid-task, a
# message dropped by the broker): the sweep queues it again, or fails it after the last try.
STALE_AFTER = timedelta(minutes=15)


def _plain(value):
    return value.pk if isinstance(value, models.Model) else value


def fingerprint(model, doc_type, target, context):
    """SHA-256 (hex) of what a document shows: same content, same key."""
    parts = [
        doc_type.version,
        model._meta.label_lower,
        doc_type.kind,
        [_plain(target.get(name)) for name in doc_type.fields],
        context,
    ]
    return hashlib.sha256(json.dumps(parts, default=str, sort_keys=True).encode()).hexdigest()


def build_context(doc_type, target):
    """The template's context, fresh from the database, in French: the documents are French
    administrative texts whoever asks for them."""
    with translation.override("fr"):
        return doc_type.context(**target)


def source_key(model, kind, **target):
    """The fingerprint a document of `kind` made from `target` would have now."""
    doc_type = _type(declaration(model), kind)
    return fingerprint(declaration(model).model, doc_type, target, build_context(doc_type, target))


def _type(spec, kind):
    doc_type = spec.type_of(kind) if kind is not None else spec.type_of(None)
    if doc_type is None:
        raise ValidationError({"kind": _("Type de document inconnu.")})
    return doc_type


def request_document(model, actor, *, kind=None, queue=True, **target):
    """The document of `kind` made from `target` as it is now: created and queued (after
    commit) if new, re-queued if it had failed, left alone if ready or on its way.

    `queue=False` leaves the rendering to the caller (a job that already runs in a worker).
    """
    spec = declaration(model)
    doc_type = _type(spec, kind)
    missing = [name for name in doc_type.fields if target.get(name) is None]
    if missing and doc_type.check is None:
        raise ValidationError({missing[0]: _("Indiquez l'objet du document.")})
    if doc_type.check is not None:
        doc_type.check(actor, **target)
    context = build_context(doc_type, target)
    key = fingerprint(spec.model, doc_type, target, context)
    # The HTML and data of this version, rendered only if the row is new or is tried again.
    source = functools.cache(lambda: rendered_source(doc_type, context))
    lookup = {"source_key": key}
    if spec.kind_field:
        lookup[spec.kind_field] = doc_type.kind
    else:  # one kind of document: the version is per object
        lookup.update({name: target[name] for name in doc_type.fields})
    with transaction.atomic():
        document, created = spec.model.objects.get_or_create(
            **lookup,
            defaults={
                **{name: target.get(name) for name in doc_type.fields},
                "requested_by": actor if getattr(actor, "is_authenticated", False) else None,
                "queued_at": timezone.now(),
                # Callables: get_or_create calls them only when it creates the row.
                "source_html": lambda: source()[0],
                "source_data": lambda: source()[1],
            },
        )
        campus = spec.campus_of(document)
        if created:
            record(actor, AuditAction.CREATE, document, after=snapshot(document), campus=campus)
        else:
            document = spec.model.objects.select_for_update().get(pk=document.pk)
            if document.status != DocumentStatus.FAILED:
                return document  # ready or on its way: asking again is a no-op
            document.status, document.error, document.attempts = DocumentStatus.PENDING, "", 0
            document.queued_at = timezone.now()
            # Rendered again: the same content, with the templates as they are now (the
            # failure may have been a template's, mended since).
            document.source_html, document.source_data = source()
            document.save(
                update_fields=[
                    "status",
                    "error",
                    "attempts",
                    "queued_at",
                    "source_html",
                    "source_data",
                ]
            )
            record(
                actor,
                AuditAction.UPDATE,
                document,
                changes={"status": [DocumentStatus.FAILED, DocumentStatus.PENDING]},
                campus=campus,
            )
        if queue:
            queue_generation(document)
    return document


def queue_generation(document):
    """Queue the rendering once the current transaction commits. Robust: once the request has
    committed, a broker that is down must not turn it into an error page; the failure is
    logged and the document stays pending (the sweep queues it again)."""
    from .tasks import generate_document

    label, document_id = document._meta.label_lower, document.pk
    transaction.on_commit(lambda: generate_document.delay(label, document_id), robust=True)


def attached_data(context):
    """The JSON attached to the PDF: the context it was made from."""
    return json.dumps(context, default=str, ensure_ascii=False, indent=1, sort_keys=True)


def _html(doc_type, context):
    with translation.override("fr"):
        return render_to_string(doc_type.template, context)


def rendered_source(doc_type, context):
    """(HTML, attached data) of a document of `doc_type` made from `context`."""
    return _html(doc_type, context), attached_data(context)


def render_html(document, *, with_context=False):
    """The HTML of `document` from the database as it is now, and the fingerprint of that
    content (which differs from the document's own when the content changed since); with
    `with_context`, the context it was made from too."""
    spec = declaration(document)
    doc_type = spec.type_of(document)
    target = spec.target_of(document)
    context = build_context(doc_type, target)
    html = _html(doc_type, context)
    key = fingerprint(spec.model, doc_type, target, context)
    return (html, key, context) if with_context else (html, key)


# The archival variant of every document: PDF/A-3 (fonts embedded, metadata, and files attached,
# which PDF/A-2 forbids): the data a document was made from travels inside it.
PDF_VARIANT = "pdf/a-3b"
DATA_ATTACHMENT_NAME = "donnees-source.json"
SEAL_REASON = "Cachet de la Région : document émis par le portail des campus"


def _static_file(url):
    """The path of the portal's own static file at `url` (SITE_URL + STATIC_URL + a relative
    path found by the static files finders), or None."""
    prefix = f"{settings.SITE_URL}{settings.STATIC_URL}"
    if not url.startswith(prefix):
        return None
    relative = unquote(urlsplit(url[len(prefix) :]).path)
    normal = posixpath.normpath(relative)
    if not relative or normal.startswith(("/", "..")) or "\x00" in normal:
        return None
    try:
        return finders.find(normal)
    except SuspiciousFileOperation:
        return None


def url_fetcher():
    """WeasyPrint's fetcher for a document: the portal's own static files and data: URIs,
    nothing else. A field left unescaped in a template can then neither read a local file
    (file://) into a PDF nor make the worker call another server (http, https, ftp…); such a
    resource is left out of the PDF, with WeasyPrint's warning in the log."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url[:5].lower() == "data:":
                return super().fetch(url, headers)
            path = _static_file(url)
            if path is None:
                raise ValueError(f"Ressource refusée dans un PDF : {url[:200]}")
            content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
            with open(path, "rb") as handle:
                body = handle.read()
            return URLFetcherResponse(url, body, {"Content-Type": content_type})

    return StaticOnlyFetcher()


def render_pdf(html, *, identifier=None, data=None):
    """The PDF/A-3b of `html`. `identifier` (the fingerprint) becomes the PDF's /ID, so that a
    document can be traced back to its version; `data` (the template's context as JSON, see
    `attached_data`) is attached with the relationship « Source »."""
    from weasyprint import HTML, Attachment

    attachments = []
    if data is not None:
        attachments.append(
            Attachment(
                string=data,
                name=DATA_ATTACHMENT_NAME,
                description="Données structurées dont le document est issu",
                relationship="Source",
            )
        )
    # No base URL: the templates carry their CSS inline; what they could load is limited by
    # the fetcher to the portal's static files (absolute URLs) and data: URIs.
    return HTML(string=html, base_url=None, url_fetcher=url_fetcher()).write_pdf(
        pdf_variant=PDF_VARIANT,
        pdf_identifier=(identifier or "").encode()[:32] or None,
        attachments=attachments,
        custom_metadata=True,
    )


def mark_failed(document, message):
    """Mark `document` failed with `message` (unless another run made it ready); its status."""
    model = type(document)
    model.objects.filter(pk=document.pk).exclude(status=DocumentStatus.READY).update(
        status=DocumentStatus.FAILED, error=message
    )
    return model.objects.get(pk=document.pk).status


def max_attempts():
    from .tasks import generate_document

    return generate_document.max_retries + 1


def generate(model, document_id):
    """Render the document `document_id` to PDF and store it; its status (None if it is gone).

    A ready document is left alone. A transient error (OSError: disk, fonts) propagates so
    that Celery retries, until the last attempt marks it failed; any other error marks it
    failed with a French message. The PDF shows what was fixed when it was asked for
    (`source_html`); a row asked for before that was kept is rendered from the database, and
    refused if its content changed since the request rather than stored under the old
    fingerprint.
    """
    spec = declaration(model)
    label = spec.model._meta.verbose_name
    document = spec.model.objects.select_related(*spec.select_related).filter(pk=document_id)
    document = document.first()
    if document is None:
        logger.warning("%s %s not generated: it no longer exists.", label, document_id)
        return None
    if document.status == DocumentStatus.READY:
        return document.status
    spec.model.objects.filter(pk=document.pk).update(attempts=F("attempts") + 1)
    document.refresh_from_db(fields=["attempts"])
    doc_type = spec.type_of(document)
    try:
        html, data, key = document.source_html, document.source_data, document.source_key
        if not html:  # asked for before the HTML was kept with the row
            html, key, context = render_html(document, with_context=True)
            if key != document.source_key:
                return mark_failed(
                    document,
                    doc_type.stale_message
                    or _(
                        "Le contenu a été modifié depuis la demande de ce document : "
                        "demandez-en une nouvelle version."
                    ),
                )
            data = attached_data(context)
        pdf = render_pdf(html, identifier=key, data=data)
        # Every document leaves sealed: any reader can check it comes from the Region unchanged.
        pdf = signing.seal(pdf, reason=SEAL_REASON)
        document.file.save(doc_type.filename(document), ContentFile(pdf), save=False)
    except signing.SigningError as error:  # configuration, not a transient error: say it
        logger.exception("%s %s could not be sealed", label, document.pk)
        return mark_failed(document, str(error))
    except OSError:
        if document.attempts < max_attempts():
            raise  # transient: Celery retries
        logger.exception("%s %s failed after %s attempts", label, document.pk, document.attempts)
        return mark_failed(
            document,
            _(
                "La génération du PDF a échoué après %(n)s tentatives (fichiers ou polices "
                "inaccessibles). Relancez-la ; si le problème persiste, contactez l'équipe de la "
                "Région."
            )
            % {"n": document.attempts},
        )
    except Exception:
        logger.exception("%s %s could not be rendered", label, document.pk)
        return mark_failed(
            document,
            _(
                "La mise en page du PDF a échoué. Relancez la génération ; si le problème "
                "persiste, contactez l'équipe de la Région."
            ),
        )
    updated = (
        spec.model.objects.filter(pk=document.pk)
        .exclude(status=DocumentStatus.READY)
        .update(
            file=document.file.name,
            checksum=hashlib.sha256(pdf).hexdigest(),
            status=DocumentStatus.READY,
            error="",
            generated_at=timezone.now(),
            source_html="",
            source_data="",
        )
    )
    if not updated:  # another run finished first: keep its file, drop ours
        document.file.storage.delete(document.file.name)
    return DocumentStatus.READY


def generate_now(document):
    """Render `document` in the calling process (a job already running in a worker): a
    transient error counts as a failure here, there is no retry. The fresh row."""
    try:
        generate(document, document.pk)
    except OSError:
        logger.exception("Document %s failed", document.pk)
        mark_failed(document, _("La génération du PDF a échoué : relancez-la."))
    document.refresh_from_db()
    return document


def sweep_stale(now=None):
    """Pending documents whose rendering was lost: queued again while attempts remain,
    failed with a message after that. Returns (re-queued, failed)."""
    now = now or timezone.now()
    cutoff = now - STALE_AFTER
    requeued = failed = 0
    for spec in declarations():
        stale = spec.model.objects.annotate(last_queued=Coalesce("queued_at", "created_at")).filter(
            status=DocumentStatus.PENDING, last_queued__lt=cutoff
        )
        for document in stale:
            if document.attempts >= max_attempts():
                mark_failed(
                    document,
                    _(
                        "La génération du PDF ne s'est pas terminée (le service de génération "
                        "a été interrompu). Relancez-la."
                    ),
                )
                failed += 1
                continue
            # Claim it: a concurrent sweep (or the worker finishing now) wins the race.
            claimed = spec.model.objects.filter(
                Q(queued_at__lt=cutoff) | Q(queued_at__isnull=True),
                pk=document.pk,
                status=DocumentStatus.PENDING,
            ).update(queued_at=now)
            if claimed:
                queue_generation(document)
                requeued += 1
    if requeued or failed:
        logger.warning("Documents swept: %s re-queued, %s failed", requeued, failed)
    return requeued, failed


def filename_of(document):
    """The name the document's file is stored and downloaded under."""
    return declaration(document).type_of(document).filename(document)
