"""The subsidies' status machines, declared as data (core.rules): for each action, who may run
it, from which states, to which state, and what a refusal says. The services enforce them
(`DOSSIER.check(…)`); the pages, the API's permission and the admin read them.

Transfer amendment: draft → signed (the third signature).

Dossier: draft → submitted → instructed → proposed → voted → agreement signed → partly paid
→ paid → closed; refused and withdrawn before the vote, lapsed after it. Payments: requested
→ ordered → paid, or cancelled.
"""

from django.utils.translation import gettext_lazy as _

from campuses.permissions import campuses_visible_to
from core.roles import is_director, is_regional_staff
from core.rules import Action, Workflow, actions_for, allow, conflict

from .models import (
    DIRECTOR_EDITABLE_STATUSES,
    INSTRUCTION_STATUSES,
    TRANSFERABLE_STATUSES,
    VOTED_STATUSES,
    DossierStatus,
    PaymentStatus,
    TransferStatus,
)

# Voted grants that may still be paid: their agreement is signed.
PAYABLE_STATUSES = (DossierStatus.AGREEMENT_SIGNED, DossierStatus.PARTLY_PAID)
# Voted grants not yet paid in full: they may lapse, or their lapse date move.
LAPSABLE_STATUSES = (DossierStatus.VOTED, DossierStatus.AGREEMENT_SIGNED, DossierStatus.PARTLY_PAID)

REGION_ONLY = _("Seuls les services de la Région instruisent, votent et versent les subventions.")

# The actions of regional staff only (everyone else is told so).
by_the_region = actions_for((is_regional_staff,), REGION_ONLY)


def prepares(user, dossier):
    """Regional staff, or a director of the dossier's campus today."""
    return is_regional_staff(user) or (
        is_director(user) and campuses_visible_to(user).filter(pk=dossier.campus_id).exists()
    )


def _editable_from(user):
    if is_regional_staff(user):
        return (*DIRECTOR_EDITABLE_STATUSES, *INSTRUCTION_STATUSES)
    return DIRECTOR_EDITABLE_STATUSES


def _withdrawable_from(user):
    if is_regional_staff(user):
        return (*DIRECTOR_EDITABLE_STATUSES, *INSTRUCTION_STATUSES, DossierStatus.PROPOSED)
    return (*DIRECTOR_EDITABLE_STATUSES, DossierStatus.SUBMITTED)


def _is_voted(dossier):
    return dossier.status in VOTED_STATUSES or dossier.status == DossierStatus.LAPSED


def _not_editable(dossier):
    if _is_voted(dossier):
        return _("Ce dossier a été voté : il ne peut plus être modifié.")
    return _("Ce dossier est %(status)s : seuls les services de la Région peuvent le modifier.") % {
        "status": dossier.get_status_display().lower()
    }


def _not_instructible(dossier):
    if _is_voted(dossier):
        return _("Ce dossier a été voté : son montant est figé.")
    return _("Ce dossier est %(status)s : il doit être déposé pour être instruit.") % {
        "status": dossier.get_status_display().lower()
    }


def _agreement_unsigned(user, dossier):
    agreement = getattr(dossier, "agreement", None)
    if agreement is None:
        return conflict(_("Ce dossier n'a pas encore de convention de financement."))
    if agreement.is_signed:
        return conflict(_("La convention de financement est déjà signée."))
    return allow()


def _agreement_signed(user, dossier):
    agreement = getattr(dossier, "agreement", None)
    if agreement is not None and not agreement.is_signed:
        return conflict(_("Aucun versement avant la signature de la convention de financement."))
    return allow()


def _no_payment_before_signature(dossier):
    if dossier.status == DossierStatus.VOTED:
        return _("Aucun versement avant la signature de la convention de financement.")
    return _("Ce dossier est %(status)s : aucun versement n'est possible.") % {
        "status": dossier.get_status_display().lower()
    }


DOSSIER = Workflow(
    Action(
        "edit_project",
        roles=(is_regional_staff, is_director),
        scope=prepares,
        sources=_editable_from,
        wrong_state=_not_editable,
        forbidden=_("Vous ne pouvez pas modifier ce dossier."),
    ),
    Action(
        "submit",
        roles=(is_regional_staff, is_director),
        scope=prepares,
        sources=DIRECTOR_EDITABLE_STATUSES,
        target=DossierStatus.SUBMITTED,
        wrong_state=_("Ce dossier est %(status)s : il a déjà été déposé."),
        forbidden=_("Vous ne pouvez pas déposer ce dossier."),
    ),
    Action(
        "withdraw",
        roles=(is_regional_staff, is_director),
        scope=prepares,
        sources=_withdrawable_from,
        target=DossierStatus.WITHDRAWN,
        wrong_state=_("Ce dossier est %(status)s : il ne peut plus être retiré."),
        forbidden=_("Vous ne pouvez pas retirer ce dossier."),
    ),
    by_the_region(
        "return_to_draft",
        sources=INSTRUCTION_STATUSES,
        target=DossierStatus.DRAFT,
        wrong_state=_("Ce dossier est %(status)s : il ne peut pas revenir en brouillon."),
    ),
    by_the_region(
        "instruct",
        sources=INSTRUCTION_STATUSES,
        target=DossierStatus.INSTRUCTED,
        wrong_state=_not_instructible,
    ),
    by_the_region(
        "propose",
        sources=(DossierStatus.INSTRUCTED,),
        target=DossierStatus.PROPOSED,
        wrong_state=_(
            "Ce dossier est %(status)s : seul un dossier instruit peut être proposé au vote."
        ),
    ),
    by_the_region(
        "unpropose",
        sources=(DossierStatus.PROPOSED,),
        target=DossierStatus.INSTRUCTED,
        wrong_state=_("Ce dossier est %(status)s : il n'est pas proposé au vote."),
    ),
    by_the_region(
        "refuse",
        sources=(*INSTRUCTION_STATUSES, DossierStatus.PROPOSED),
        target=DossierStatus.REFUSED,
        wrong_state=_("Ce dossier est %(status)s : il ne peut plus être refusé."),
    ),
    by_the_region(
        "sign_agreement",
        sources=(DossierStatus.VOTED,),
        wrong_state=_(
            "Ce dossier est %(status)s : sa convention de financement ne peut être signée."
        ),
        guard=_agreement_unsigned,
    ),
    by_the_region(
        "request_payment",
        sources=PAYABLE_STATUSES,
        wrong_state=_no_payment_before_signature,
        guard=_agreement_signed,
    ),
    by_the_region(
        "close",
        sources=(DossierStatus.PAID,),
        target=DossierStatus.CLOSED,
        wrong_state=_("Seul un dossier soldé peut être clos."),
    ),
    by_the_region(
        "transfer",
        sources=TRANSFERABLE_STATUSES,
        wrong_state=_("Ce dossier est %(status)s : son reliquat ne peut plus être transféré."),
    ),
    by_the_region(
        "set_lapse_date",
        sources=LAPSABLE_STATUSES,
        wrong_state=_("Ce dossier est %(status)s : sa date de caducité ne se modifie plus."),
    ),
)

PAYMENT = Workflow(
    by_the_region(
        "order",
        sources=(PaymentStatus.REQUESTED,),
        target=PaymentStatus.ORDERED,
        wrong_state=_("Seul un versement demandé peut être mandaté."),
    ),
    by_the_region(
        "pay",
        sources=(PaymentStatus.REQUESTED, PaymentStatus.ORDERED),
        target=PaymentStatus.PAID,
        wrong_state=_("Ce versement est déjà payé ou annulé."),
    ),
    by_the_region(
        "cancel",
        sources=(PaymentStatus.REQUESTED, PaymentStatus.ORDERED),
        target=PaymentStatus.CANCELLED,
        wrong_state=_("Un versement payé ne peut être annulé."),
    ),
)

TRANSFER = Workflow(
    by_the_region(
        "sign",
        sources=(TransferStatus.DRAFT,),
        target=TransferStatus.SIGNED,
        wrong_state=_("Cet avenant est déjà signé."),
    ),
)
