"""Transfer amendments (« avenant de transfert »): when a campus changes support institution,
the unpaid remainders of chosen grants become due to the new beneficiary once the Region, the
initial and the new beneficiary have all signed. What each received stays on record: the
payments keep their beneficiary and each transferred dossier keeps the amounts at signature.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from audit.models import AuditAction
from audit.services import record, record_update, snapshot
from core.errors import ConflictError
from core.uploads import validate_pdf_upload

from ..models import (
    BeneficiaryTransfer,
    Payment,
    PaymentStatus,
    SubsidyDossier,
    TransferredDossier,
    TransferStatus,
)
from ..workflow import DOSSIER, TRANSFER
from .common import check_signature, require_manager
from .payments import figures

PARTIES = {
    "region": ("region_signatory", "region_signed_on"),
    "previous": ("previous_signatory", "previous_signed_on"),
    "new": ("new_signatory", "new_signed_on"),
}


@transaction.atomic
def create_transfer(
    actor, *, campus, new_beneficiary, dossiers, deliberation=None, reason="", region_mandate=""
):
    require_manager(actor)
    dossiers = list(
        SubsidyDossier.objects.select_for_update().filter(pk__in=[d.pk for d in dossiers])
    )
    errors = {}
    if not dossiers:
        errors["dossiers"] = [_("Choisissez au moins un dossier.")]
    if new_beneficiary is None:
        errors["new_beneficiary"] = [_("Indiquez le nouveau bénéficiaire.")]
    for dossier in dossiers:
        if dossier.campus_id != campus.pk:
            errors.setdefault("dossiers", []).append(
                _("Le dossier %(number)s n'est pas de ce campus.") % {"number": dossier.number}
            )
        elif dossier.status not in DOSSIER["transfer"].sources:
            errors.setdefault("dossiers", []).append(
                _("Le dossier %(number)s est %(status)s : il n'a pas de reliquat à transférer.")
                % {"number": dossier.number, "status": dossier.get_status_display().lower()}
            )
        elif figures(dossier).remainder <= 0:
            errors.setdefault("dossiers", []).append(
                _("Le dossier %(number)s est entièrement versé.") % {"number": dossier.number}
            )
    previous = {d.beneficiary_id for d in dossiers}
    if len(previous) > 1:
        errors.setdefault("dossiers", []).append(
            _("Les dossiers choisis n'ont pas le même bénéficiaire.")
        )
    if new_beneficiary is not None and previous == {new_beneficiary.pk}:
        errors["new_beneficiary"] = [_("Le nouveau bénéficiaire doit différer de l'initial.")]
    if errors:
        raise ValidationError(errors)
    transfer = BeneficiaryTransfer.objects.create(
        campus=campus,
        previous_beneficiary=dossiers[0].beneficiary,
        new_beneficiary=new_beneficiary,
        deliberation=deliberation,
        reason=reason or "",
        region_mandate=region_mandate or "",
        created_by=actor,
    )
    TransferredDossier.objects.bulk_create(
        TransferredDossier(transfer=transfer, dossier=dossier) for dossier in dossiers
    )
    record(actor, AuditAction.CREATE, transfer, after=snapshot(transfer), campus=campus)
    return transfer


@transaction.atomic
def sign_transfer(actor, transfer, *, party, signed_on, signatory):
    """Record one party's signature. The third one moves the remainders: from then on, the
    dossiers' payments go to the new beneficiary."""
    current = BeneficiaryTransfer.objects.select_for_update().get(pk=transfer.pk)
    TRANSFER.check("sign", actor, current)
    if party not in PARTIES:
        raise ValidationError({"party": _("Partie inconnue.")})
    signatory = check_signature(
        signatory,
        signed_on,
        not_before=current.deliberation.date if current.deliberation else None,
        not_before_message=_(
            "L'avenant ne peut être signé avant la délibération qui l'approuve (%(day)s)."
        ),
    )
    name_field, date_field = PARTIES[party]
    if getattr(current, date_field) is not None:
        raise ConflictError(_("Cette partie a déjà signé."))
    before = snapshot(current)
    setattr(current, name_field, signatory)
    setattr(current, date_field, signed_on)
    if current.signed_on is not None:
        _apply(current)
        current.status = TransferStatus.SIGNED
    current.save()
    record_update(actor, current, before, campus=current.campus)
    return current


def _apply(transfer):
    items = list(transfer.items.select_related("dossier"))
    dossiers = {
        d.pk: d
        for d in SubsidyDossier.objects.select_for_update().filter(
            pk__in=[item.dossier_id for item in items]
        )
    }
    pending = Payment.objects.filter(
        dossier__in=dossiers.values(),
        beneficiary=transfer.previous_beneficiary,
        status__in=(PaymentStatus.REQUESTED, PaymentStatus.ORDERED),
    ).values_list("dossier__number", flat=True)
    if pending:
        raise ConflictError(
            _(
                "Des versements au bénéficiaire initial sont en cours (dossiers %(numbers)s) : "
                "payez-les ou annulez-les avant la dernière signature."
            )
            % {"numbers": ", ".join(sorted(set(pending)))}
        )
    for item in items:
        dossier = dossiers[item.dossier_id]
        if dossier.beneficiary_id != transfer.previous_beneficiary_id:
            raise ConflictError(
                _(
                    "Le dossier %(number)s a changé de bénéficiaire depuis la rédaction de "
                    "l'avenant."
                )
                % {"number": dossier.number}
            )
        dossier_figures = figures(dossier)
        item.paid_to_previous = dossier_figures.paid
        item.remainder_transferred = dossier_figures.remainder
        item.save(update_fields=["paid_to_previous", "remainder_transferred"])
        before = snapshot(dossier)
        dossier.beneficiary = transfer.new_beneficiary
        dossier.version += 1
        dossier.save(update_fields=["beneficiary", "version", "updated_at"])
        record_update(None, dossier, before, campus=dossier.campus)


@transaction.atomic
def attach_transfer_scan(actor, transfer, upload):
    require_manager(actor)
    validate_pdf_upload(upload)
    current = BeneficiaryTransfer.objects.select_for_update().get(pk=transfer.pk)
    before = snapshot(current)
    current.signed_scan.save(upload.name, upload, save=True)
    record_update(actor, current, before, campus=current.campus)
    return current
