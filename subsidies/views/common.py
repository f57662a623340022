"""Helpers shared by the subsidies pages: scoped getters (403 for roles without access, 404
outside the user's scope), running a service action, status badges and file answers."""

import posixpath

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _

from campuses.views import _save
from cmq_portal.errors import ConflictError, PermissionDeniedError

from .. import permissions, selectors
from ..models import DossierStatus, SubsidyDossier

__all__ = [
    "_act",
    "_file_response",
    "_require_envelope_readers",
    "_require_manager",
    "_require_use",
    "_save",
    "_visible_dossier",
    "status_badge",
]

# css modifier of portal.css's .badge for each state of a dossier
STATUS_BADGES = {
    DossierStatus.DRAFT: "none",
    DossierStatus.SUBMITTED: "upcoming",
    DossierStatus.INSTRUCTED: "upcoming",
    DossierStatus.PROPOSED: "probationary",
    DossierStatus.VOTED: "cmq",
    DossierStatus.AGREEMENT_SIGNED: "cmq",
    DossierStatus.PARTLY_PAID: "prefiguration",
    DossierStatus.PAID: "labelled",
    DossierStatus.CLOSED: "replaced",
    DossierStatus.REFUSED: "expired",
    DossierStatus.WITHDRAWN: "replaced",
    DossierStatus.LAPSED: "expired",
}


def status_badge(dossier):
    """(css modifier, label) of a dossier's state."""
    return STATUS_BADGES.get(dossier.status, "none"), dossier.get_status_display()


def _require_use(request):
    """Experts (and anyone without a role here) have no business with subsidies: 403."""
    if not permissions.can_use_subsidies(request.user):
        raise PermissionDenied


def _require_manager(request):
    if not permissions.can_manage_subsidies(request.user):
        raise PermissionDenied


def _require_envelope_readers(request):
    if not permissions.can_view_envelopes(request.user):
        raise PermissionDenied


def _visible_dossier(request, pk, *, detail=False):
    """The dossier if the user may see it (404 otherwise); 403 for roles without access."""
    _require_use(request)
    if detail:
        try:
            return selectors.dossier_detail(request.user, pk)
        except SubsidyDossier.DoesNotExist as error:
            raise Http404 from error
    queryset = SubsidyDossier.objects.select_related("campus", "beneficiary", "deliberation")
    dossier = permissions.dossiers_visible_to(request.user, queryset).filter(pk=pk).first()
    if dossier is None:
        raise Http404
    return dossier


def _act(request, action, success):
    """Run a one-click service action; its refusal becomes a message, a forbidden one 403.
    `success` is the message, or a callable giving it once the action has run."""
    try:
        action()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return False
    except ConflictError as error:
        messages.error(request, str(error))
        return False
    except PermissionDeniedError as error:
        raise PermissionDenied(str(error)) from error
    messages.success(request, success() if callable(success) else success)
    return True


def _file_response(field, content_type="application/pdf"):
    if not field:
        raise Http404
    try:
        handle = field.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    return FileResponse(
        handle,
        as_attachment=True,
        filename=posixpath.basename(field.name),
        content_type=content_type,
    )


def not_allowed_message():
    return _("Cette action n'est pas possible dans l'état actuel du dossier.")
