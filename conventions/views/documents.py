"""Asking for a convention's or a consolidated text's PDF (downloading one is the documents
kernel's view, mounted in urls.py)."""

from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.views import run_action

from ..documents import request_document
from ..models import DocumentKind
from .common import visible_convention


def ask_for_pdf(request, convention, *, kind, amendment=None, as_of=None):
    """Ask for a PDF: anyone who sees the convention may (the document type checks). It is
    rendered after the request's transaction commits, by Celery."""
    run_action(
        request,
        lambda: request_document(
            request.user, kind=kind, convention=convention, amendment=amendment, as_of=as_of
        ),
        _("PDF demandé : il figure dans la liste des documents dès qu'il est prêt."),
    )


@require_POST
def document_request(request, pk, kind):
    convention = visible_convention(request, pk)
    if kind not in (DocumentKind.CONVENTION, DocumentKind.CONSOLIDATED):
        raise Http404
    as_of = timezone.localdate() if kind == DocumentKind.CONSOLIDATED else None
    ask_for_pdf(request, convention, kind=kind, as_of=as_of)
    return redirect(reverse("conventions:detail", args=[convention.pk]) + "#documents")
