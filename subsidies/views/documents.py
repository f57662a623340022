"""Asking for the subsidies' PDFs: a dossier's fiche projet and grant agreement, a transfer
amendment. Generation runs after the request's transaction commits (Celery), the page lists
its status; downloading is the documents kernel's view (urls.py).
"""

from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.views import run_action

from ..models import SubsidyDocumentKind
from .common import visible_dossier

DOSSIER_KINDS = (SubsidyDocumentKind.FICHE_PROJET, SubsidyDocumentKind.GRANT_AGREEMENT)
REQUESTED = _("PDF demandé : il figure dans la liste des documents dès qu'il est prêt.")


def request_pdf(request, **target):
    """Ask subsidies.documents for a PDF (it checks the user's rights again)."""
    from ..documents import request_document

    return run_action(request, lambda: request_document(request.user, **target), REQUESTED)


@require_POST
def document_request(request, pk, kind):
    dossier = visible_dossier(request, pk)
    if kind not in DOSSIER_KINDS:
        raise Http404
    request_pdf(request, kind=kind, dossier=dossier)
    return redirect(reverse("subsidies:detail", args=[dossier.pk]) + "#documents")
