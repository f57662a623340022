"""Asking for an application's PDFs (cover sheet, expert group's report, decision notice):
generation runs after the request's transaction commits (Celery), the page lists its status;
downloading is the documents kernel's view (urls.py)."""

from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.views import run_action

from ..documents import request_document
from ..models import LabelDocumentKind
from .common import visible_application


@require_POST
def document_request(request, pk, kind):
    application = visible_application(request, pk)
    if kind not in LabelDocumentKind.values:
        raise Http404
    run_action(
        request,
        lambda: request_document(request.user, kind=kind, application=application),
        _("PDF demandé : il figure dans la liste des documents dès qu'il est prêt."),
    )
    return redirect(reverse("labels:detail", args=[application.pk]) + "#documents")
