"""Generated PDFs: asking for a convention's or a consolidated text's PDF, and downloading a
ready document.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.views import file_response, run_action

from .. import permissions
from ..documents import request_document
from ..models import DocumentKind, DocumentStatus
from .common import _require_use, _visible_convention


def _request_document(request, convention, *, kind, amendment=None, as_of=None):
    """Ask for a PDF: anyone who sees the convention may (documents.request_document checks).
    It is rendered after the request's transaction commits, by Celery."""
    run_action(
        request,
        lambda: request_document(
            request.user, kind=kind, convention=convention, amendment=amendment, as_of=as_of
        ),
        _("PDF demandé : il figure dans la liste des documents dès qu'il est prêt."),
    )


@require_POST
def document_request(request, pk, kind):
    convention = _visible_convention(request, pk)
    if kind not in (DocumentKind.CONVENTION, DocumentKind.CONSOLIDATED):
        raise Http404
    as_of = timezone.localdate() if kind == DocumentKind.CONSOLIDATED else None
    _request_document(request, convention, kind=kind, as_of=as_of)
    return redirect(reverse("conventions:detail", args=[convention.pk]) + "#documents")


def document_download(request, pk):
    _require_use(request)
    document = get_object_or_404(
        permissions.documents_visible_to(request.user).select_related(
            "convention__campus", "amendment"
        ),
        pk=pk,
    )
    if document.status != DocumentStatus.READY:
        raise Http404
    return file_response(document.file)
