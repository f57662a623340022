"""Commitment envelopes (« autorisations d'engagement »): created and changed by regional
staff; an envelope never drops below what is already voted on it."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from audit.models import AuditAction
from audit.services import record, snapshot
from core.formats import euros

from ..models import CommitmentEnvelope
from .common import require_manager
from .votes import voted_on_envelope


def amount_errors(envelope, amount):
    """The message refusing `amount` for an existing envelope, or None."""
    if envelope.pk is None or amount is None:
        return None
    voted = voted_on_envelope(envelope)
    if amount < voted:
        return _("Le montant ne peut descendre sous ce qui est déjà voté (%(voted)s).") % {
            "voted": euros(voted)
        }
    return None


@transaction.atomic
def save_envelope(actor, envelope):
    """Validate and save `envelope`. Its row is locked first, as a vote locks it, so that a
    reduction and a vote cannot both pass."""
    require_manager(actor)
    creating = envelope.pk is None
    before = {}
    if not creating:
        current = CommitmentEnvelope.objects.select_for_update().get(pk=envelope.pk)
        before = snapshot(current)
        message = amount_errors(current, envelope.amount)
        if message:
            raise ValidationError({"amount": [message]})
    envelope.full_clean()
    try:
        with transaction.atomic():
            envelope.save()
    except IntegrityError as error:
        raise ValidationError(
            {
                "purpose": _(
                    "Cette délibération affecte déjà une autorisation de cet objet pour cet "
                    "exercice."
                )
            }
        ) from error
    record(
        actor,
        AuditAction.CREATE if creating else AuditAction.UPDATE,
        envelope,
        before=before,
        after=snapshot(envelope),
    )
    return envelope
