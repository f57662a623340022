"""The signature circuit of conventions and amendments, declared as data (core.rules):
draft → sent for signature → signed (the last party's signature) → terminated; a sent
document may go back to draft. The services enforce it; the pages, the API's permission and
the admin read it."""

from django.utils.translation import gettext_lazy as _

from core.roles import is_rectorate, is_regional_staff
from core.rules import Action, Workflow, actions_for, allow, conflict

from .models import SignatureStatus

REGION_ONLY = _("Seuls les agents de la Région modifient les conventions et les avenants.")
DRAFT_ONLY = _(
    "Un document envoyé pour signature ou signé n'est plus modifiable : "
    "toute modification passe par un avenant."
)

# The actions of regional staff only (everyone else is told so).
by_the_region = actions_for((is_regional_staff,), REGION_ONLY)


def _not_historical(user, obj):
    """An amendment from before the portal is a number and a date: nothing to edit or send."""
    if getattr(obj, "is_historical", False):
        return conflict(_("Un avenant historique n'a pas de modifications saisies."))
    return allow()


SIGNATURE = Workflow(
    by_the_region(
        "edit",
        sources=(SignatureStatus.DRAFT,),
        wrong_state=DRAFT_ONLY,
        guard=_not_historical,
    ),
    by_the_region(
        "send",
        sources=(SignatureStatus.DRAFT,),
        target=SignatureStatus.SENT,
        wrong_state=DRAFT_ONLY,
    ),
    by_the_region(
        "return_to_draft",
        sources=(SignatureStatus.SENT,),
        target=SignatureStatus.DRAFT,
        wrong_state=_("Seul un document envoyé pour signature peut revenir en brouillon."),
    ),
    # Which party a user may sign for is the party's rule (permissions.can_sign_for).
    Action(
        "sign",
        roles=(is_regional_staff, is_rectorate),
        sources=(SignatureStatus.SENT,),
        wrong_state=_("Ce document n'est pas en attente de signatures."),
        forbidden=_("Vous ne pouvez pas enregistrer la signature de cette partie."),
    ),
    by_the_region(
        "terminate",
        sources=(SignatureStatus.SIGNED,),
        target=SignatureStatus.TERMINATED,
        wrong_state=_("Seule une convention signée peut être dénoncée."),
    ),
    by_the_region(
        "amend",
        sources=(SignatureStatus.SIGNED,),
        wrong_state=_("Seule une convention signée et en vigueur peut être modifiée."),
    ),
)
