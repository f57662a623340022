"""Helpers shared by the subsidies pages: scoped getters (403 for roles without access, 404
outside the user's scope), running a service action, status badges and file answers."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from core.views import file_response, run_action, save_form

from .. import permissions, selectors
from ..models import DossierStatus, SubsidyDossier

__all__ = [
    "run_action",
    "file_response",
    "require_envelope_readers",
    "require_manager",
    "require_use",
    "save_form",
    "visible_dossier",
    "status_badge",
    "status_badges",
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


def status_badges():
    """{state: (css modifier, label)} of every state, translated once: for a list, where each
    row's get_status_display would hash every choice's lazy label again."""
    return {
        value: (STATUS_BADGES.get(value, "none"), str(label))
        for value, label in DossierStatus.choices
    }


def require_use(request):
    """Experts (and anyone without a role here) have no business with subsidies: 403."""
    if not permissions.can_use_subsidies(request.user):
        raise PermissionDenied


def require_manager(request):
    if not permissions.can_manage_subsidies(request.user):
        raise PermissionDenied


def require_envelope_readers(request):
    if not permissions.can_view_envelopes(request.user):
        raise PermissionDenied


def visible_dossier(request, pk, *, detail=False):
    """The dossier if the user may see it (404 otherwise); 403 for roles without access."""
    require_use(request)
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


def not_allowed_message():
    return _("Cette action n'est pas possible dans l'état actuel du dossier.")
