"""Downloading a ready document: one view, mounted by each app at its own URL with its model
(`path("documents/<id:pk>/", download, {"model": GeneratedDocument}, name=…)`)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from core.views import file_response

from .models import DocumentStatus
from .registry import declaration
from .services import filename_of


@never_cache
@require_safe
def download(request, pk, *, model, pending_template=None):
    """The PDF, for whoever may read the document: a role with no business with these
    documents gets 403, a document outside one's scope 404. A document not ready yet is a 404,
    or, with `pending_template`, a page that waits for it (`document`, `failed` in context)."""
    spec = declaration(model)
    if not spec.can_use(request.user):
        raise PermissionDenied
    document = get_object_or_404(
        spec.visible_to(request.user).select_related(*spec.select_related), pk=pk
    )
    if document.status == DocumentStatus.READY and document.file:
        # Named from the object (« fiche-projet-27000001.pdf »), not from the stored file,
        # whose name may carry the storage's suffix (« …_2S9r39r.pdf »).
        return file_response(document.file, filename=filename_of(document))
    if pending_template is None:
        raise Http404
    failed = document.status == DocumentStatus.FAILED
    return render(request, pending_template, {"document": document, "failed": failed})
