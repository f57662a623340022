"""Generated PDFs of the subsidies: a dossier's fiche projet and grant agreement, a transfer
amendment; asking for one and downloading it once ready. Generation runs after the request's
transaction commits (Celery), the page lists its status.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from conventions.models import DocumentStatus
from core.views import file_response, run_action

from .. import permissions
from ..models import SubsidyDocumentKind
from .common import _require_use, _visible_dossier

DOSSIER_KINDS = (SubsidyDocumentKind.FICHE_PROJET, SubsidyDocumentKind.GRANT_AGREEMENT)
REQUESTED = _("PDF demandé : il figure dans la liste des documents dès qu'il est prêt.")


def request_pdf(request, **target):
    """Ask subsidies.documents for a PDF (it checks the user's rights again)."""
    from ..documents import request_document

    return run_action(request, lambda: request_document(request.user, **target), REQUESTED)


@require_POST
def document_request(request, pk, kind):
    dossier = _visible_dossier(request, pk)
    if kind not in DOSSIER_KINDS:
        raise Http404
    request_pdf(request, kind=kind, dossier=dossier)
    return redirect(reverse("subsidies:detail", args=[dossier.pk]) + "#documents")


def document_download(request, pk):
    _require_use(request)
    document = get_object_or_404(permissions.documents_visible_to(request.user), pk=pk)
    if document.status != DocumentStatus.READY:
        raise Http404
    return file_response(document.file)
