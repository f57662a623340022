"""The grant agreement (« convention de financement ») of a voted dossier: signatures of the
Region and the beneficiary, and the signed scan. No payment before both have signed."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from audit.services import record_update, snapshot
from core.errors import ConflictError
from core.uploads import validate_pdf_upload

from ..models import DossierStatus, GrantAgreement
from ..workflow import DOSSIER
from .common import change_status, check_signature, locked_dossier, require_manager

PARTIES = {
    "region": ("region_signatory", "region_signed_on"),
    "beneficiary": ("beneficiary_signatory", "beneficiary_signed_on"),
}


@transaction.atomic
def sign_agreement(actor, dossier, *, party, signed_on, signatory):
    """Record one party's signature; the second one makes the agreement signed."""
    current = locked_dossier(dossier)
    DOSSIER.check("sign_agreement", actor, current)
    if party not in PARTIES:
        raise ValidationError({"party": _("Partie inconnue.")})
    agreement = GrantAgreement.objects.select_for_update().get(dossier=current)
    signatory = check_signature(
        signatory,
        signed_on,
        not_before=current.deliberation.date if current.deliberation else None,
        not_before_message=_("La convention ne peut être signée avant le vote (%(day)s)."),
    )
    name_field, date_field = PARTIES[party]
    if getattr(agreement, date_field) is not None:
        raise ConflictError(_("Cette partie a déjà signé."))
    before = snapshot(agreement)
    setattr(agreement, name_field, signatory)
    setattr(agreement, date_field, signed_on)
    agreement.save()
    record_update(actor, agreement, before, campus=current.campus)
    if agreement.is_signed:
        change_status(
            actor,
            current,
            DossierStatus.AGREEMENT_SIGNED,
            _("Convention de financement signée le %(day)s")
            % {"day": agreement.signed_on.strftime("%d/%m/%Y")},
        )
    return agreement


@transaction.atomic
def attach_agreement_scan(actor, dossier, upload):
    require_manager(actor)
    validate_pdf_upload(upload)
    agreement = GrantAgreement.objects.select_for_update().filter(dossier=dossier).first()
    if agreement is None:
        raise ConflictError(_("Ce dossier n'a pas encore de convention de financement."))
    before = snapshot(agreement)
    agreement.signed_scan.save(upload.name, upload, save=True)
    record_update(actor, agreement, before, campus=dossier.campus)
    return agreement
