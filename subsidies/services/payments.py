"""Payments of a voted grant: advance, instalments, balance; their order and payment; the
closing of a paid dossier; the lapse of an unpaid remainder after its deadline.

Remainder = voted − paid, never negative. Requests are checked under the dossier's row lock,
so two concurrent requests cannot together exceed the voted amount.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import AuditAction
from audit.services import record, record_update, snapshot
from core.errors import ConflictError
from core.formats import euros, percent

from .. import rules
from ..models import (
    LIVE_PAYMENT_STATUSES,
    RELEASED_STATUSES,
    DossierStatus,
    Payment,
    PaymentKind,
    PaymentStatus,
    SubsidyDossier,
)
from ..workflow import DOSSIER, LAPSABLE_STATUSES, PAYABLE_STATUSES, PAYMENT  # noqa: F401 - the statuses, for the readers of this module
from .common import change_status, locked_dossier

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Figures:
    voted: Decimal
    paid: Decimal
    in_progress: Decimal  # requested or ordered, not yet paid
    # Settled or lapsed: what was not paid is released, nothing remains due.
    released: bool = False

    @property
    def remainder(self):
        """« Reliquat »: voted − paid, never negative; nil once released."""
        return ZERO if self.released else max(self.voted - self.paid, ZERO)

    @property
    def released_amount(self):
        """What a reduced balance or a lapse left unpaid."""
        return max(self.voted - self.paid, ZERO) if self.released else ZERO

    @property
    def available(self):
        """What may still be requested."""
        return ZERO if self.released else max(self.voted - self.paid - self.in_progress, ZERO)


def figures(dossier):
    totals = {
        row["status"]: row["total"]
        for row in Payment.objects.filter(dossier=dossier, status__in=LIVE_PAYMENT_STATUSES)
        .values("status")
        .annotate(total=Sum("amount"))
    }
    paid = totals.get(PaymentStatus.PAID, ZERO) or ZERO
    in_progress = sum(
        (totals.get(s, ZERO) or ZERO for s in (PaymentStatus.REQUESTED, PaymentStatus.ORDERED)),
        ZERO,
    )
    return Figures(
        voted=dossier.voted_amount or ZERO,
        paid=paid,
        in_progress=in_progress,
        released=dossier.status in RELEASED_STATUSES,
    )


def _amount(value):
    try:
        amount = Decimal(str(value))
    except Exception:  # noqa: BLE001 - any unparsable input is the same user error
        raise ValidationError({"amount": _("Saisissez un montant.")}) from None
    if not amount.is_finite() or amount <= 0:
        raise ValidationError({"amount": _("Le montant doit être positif.")})
    if not rules.is_storable(amount):
        raise ValidationError({"amount": _("Ce montant est trop grand.")})
    if amount != rules.to_cents(amount):
        raise ValidationError({"amount": _("Au plus deux décimales.")})
    return amount


@transaction.atomic
def request_payment(
    actor,
    dossier,
    *,
    kind,
    amount,
    requested_on=None,
    realised_expenses=None,
    reference="",
    note="",
):
    current = locked_dossier(dossier)
    DOSSIER.check("request_payment", actor, current)
    agreement = getattr(current, "agreement", None)
    if kind not in PaymentKind.values:
        raise ValidationError({"kind": _("Choisissez avance, acompte ou solde.")})
    amount = _amount(amount)
    if current.beneficiary is None:
        raise ValidationError({"beneficiary": _("Le dossier n'a pas de bénéficiaire.")})
    live = Payment.objects.filter(dossier=current, status__in=LIVE_PAYMENT_STATUSES)
    if live.filter(kind=PaymentKind.BALANCE).exists():
        raise ConflictError(_("Le solde de ce dossier a déjà été demandé."))
    if kind == PaymentKind.BALANCE and live.exclude(status=PaymentStatus.PAID).exists():
        # The balance settles the grant: every earlier request must be paid or cancelled.
        raise ConflictError(
            _("Des versements sont encore en cours : payez-les ou annulez-les avant le solde.")
        )
    current_figures = figures(current)
    if amount > current_figures.available:
        raise ValidationError(
            {
                "amount": _(
                    "Le versement (%(amount)s) dépasse ce qui reste à verser (%(available)s : "
                    "voté %(voted)s, payé %(paid)s, en cours %(pending)s)."
                )
                % {
                    "amount": euros(amount),
                    "available": euros(current_figures.available),
                    "voted": euros(current_figures.voted),
                    "paid": euros(current_figures.paid),
                    "pending": euros(current_figures.in_progress),
                }
            }
        )
    if realised_expenses not in (None, ""):
        try:
            realised_expenses = Decimal(str(realised_expenses))
        except Exception:  # noqa: BLE001 - any unparsable input is the same user error
            raise ValidationError({"realised_expenses": _("Saisissez un montant.")}) from None
        if not rules.is_storable(realised_expenses):
            raise ValidationError({"realised_expenses": _("Saisissez un montant.")})
        realised_expenses = rules.to_cents(realised_expenses)
        if realised_expenses < 0:
            raise ValidationError({"realised_expenses": _("Le montant ne peut être négatif.")})
        if kind != PaymentKind.BALANCE:
            raise ValidationError(
                {"realised_expenses": _("Les dépenses réalisées se déclarent avec le solde.")}
            )
        limit = rules.reduced_balance_limit(
            current.rate or ZERO,
            realised_expenses,
            current_figures.paid + current_figures.in_progress,
            current_figures.voted,
        )
        if amount > limit:
            raise ValidationError(
                {
                    "amount": _(
                        "Le solde est limité à %(limit)s : taux %(rate)s × dépenses réalisées "
                        "%(expenses)s, moins %(already)s déjà versés ou en cours."
                    )
                    % {
                        "limit": euros(limit),
                        "rate": percent(current.rate or ZERO),
                        "expenses": euros(realised_expenses),
                        "already": euros(current_figures.paid + current_figures.in_progress),
                    }
                }
            )
    else:
        realised_expenses = None
    if requested_on is not None:
        _check_day(requested_on, "requested_on", agreement.signed_on if agreement else None)
    payment = Payment(
        dossier=current,
        beneficiary=current.beneficiary,
        kind=kind,
        amount=amount,
        requested_on=requested_on or timezone.localdate(),
        realised_expenses=realised_expenses,
        reference=(reference or "")[:50],
        note=note or "",
        created_by=actor,
    )
    try:
        with transaction.atomic():
            payment.save()
    except IntegrityError as error:
        raise ConflictError(_("Le solde de ce dossier a déjà été demandé.")) from error
    record(actor, AuditAction.CREATE, payment, after=snapshot(payment), campus=current.campus)
    return payment


def _locked_payment(payment):
    return Payment.objects.select_for_update().get(pk=payment.pk)


def _check_day(day, field, not_before=None):
    if day is None:
        raise ValidationError({field: _("Indiquez la date.")})
    if day > timezone.localdate():
        raise ValidationError({field: _("La date ne peut être dans le futur.")})
    if not_before and day < not_before:
        raise ValidationError(
            {
                field: _("La date précède celle de la demande (%(day)s).")
                % {"day": not_before.strftime("%d/%m/%Y")}
            }
        )


@transaction.atomic
def order_payment(actor, payment, *, ordered_on, reference=""):
    """« Mandaté »: the payment order is issued, with its reference."""
    locked_dossier(payment.dossier_id)
    current = _locked_payment(payment)
    action = PAYMENT.check("order", actor, current)
    _check_day(ordered_on, "ordered_on", current.requested_on)
    before = snapshot(current)
    current.status, current.ordered_on = action.target, ordered_on
    current.reference = (reference or current.reference)[:50]
    current.version += 1
    current.save()
    record_update(actor, current, before, campus=current.dossier.campus)
    return current


@transaction.atomic
def mark_paid(actor, payment, *, paid_on, reference=""):
    dossier = locked_dossier(payment.dossier_id)
    current = _locked_payment(payment)
    action = PAYMENT.check("pay", actor, current)
    _check_day(paid_on, "paid_on", current.ordered_on or current.requested_on)
    before = snapshot(current)
    current.status, current.paid_on = action.target, paid_on
    current.reference = (reference or current.reference)[:50]
    current.version += 1
    current.save()
    record_update(actor, current, before, campus=dossier.campus)
    _update_dossier_status(actor, dossier, current)
    return current


def _update_dossier_status(actor, dossier, payment):
    """Paid in full, or balance paid (possibly reduced: the rest is released) → « soldé »;
    otherwise « payé en partie »."""
    current_figures = figures(dossier)
    if payment.kind == PaymentKind.BALANCE or current_figures.remainder == ZERO:
        reason = _("Solde payé le %(day)s") % {"day": payment.paid_on.strftime("%d/%m/%Y")}
        if current_figures.remainder:
            reason += " – " + _("reliquat de %(amount)s annulé (dépenses réalisées moindres)") % {
                "amount": euros(current_figures.remainder)
            }
        change_status(actor, dossier, DossierStatus.PAID, reason)
    elif dossier.status != DossierStatus.PARTLY_PAID:
        change_status(
            actor,
            dossier,
            DossierStatus.PARTLY_PAID,
            _("%(kind)s de %(amount)s payé")
            % {"kind": payment.get_kind_display(), "amount": euros(payment.amount)},
        )


@transaction.atomic
def cancel_payment(actor, payment, reason):
    locked_dossier(payment.dossier_id)
    current = _locked_payment(payment)
    action = PAYMENT.check("cancel", actor, current)
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Indiquez le motif de l'annulation.")})
    before = snapshot(current)
    current.status = action.target
    current.note = "\n".join(filter(None, [current.note, _("Annulé : %s") % reason]))
    current.version += 1
    current.save()
    record_update(actor, current, before, campus=current.dossier.campus)
    return current


@transaction.atomic
def close_dossier(actor, dossier, reason=""):
    current = locked_dossier(dossier)
    action = DOSSIER.check("close", actor, current)
    return change_status(actor, current, action.target, reason)


@transaction.atomic
def set_lapse_date(actor, dossier, *, lapse_on, reason):
    """Record or extend (« proroger ») the lapse date of a voted grant not yet paid in full."""
    current = locked_dossier(dossier)
    DOSSIER.check("set_lapse_date", actor, current)
    if lapse_on is None:
        raise ValidationError({"lapse_on": _("Indiquez la date de caducité.")})
    if current.deliberation and lapse_on <= current.deliberation.date:
        raise ValidationError({"lapse_on": _("La date de caducité doit suivre le vote.")})
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Indiquez le motif (prorogation, convention…).")})
    before = snapshot(current)
    current.lapse_on = lapse_on
    current.version += 1
    current.save(update_fields=["lapse_on", "version", "updated_at"])
    record(
        actor,
        AuditAction.UPDATE,
        current,
        before=before,
        after={**snapshot(current), "motif": reason},
        campus=current.campus,
    )
    return current


def lapse_due_dossiers(today=None):
    """Daily: a grant still not paid in full after its lapse date lapses; what was paid is
    kept, the remainder is released. Requests in progress are cancelled with it."""
    today = today or timezone.localdate()
    lapsed = []
    for pk in SubsidyDossier.objects.filter(
        status__in=LAPSABLE_STATUSES, lapse_on__lt=today
    ).values_list("pk", flat=True):
        with transaction.atomic():
            current = locked_dossier(pk)
            if current.status not in LAPSABLE_STATUSES:
                continue
            remainder = figures(current).remainder
            Payment.objects.filter(
                dossier=current, status__in=(PaymentStatus.REQUESTED, PaymentStatus.ORDERED)
            ).update(status=PaymentStatus.CANCELLED)
            change_status(
                None,
                current,
                DossierStatus.LAPSED,
                _("Caducité au %(day)s : reliquat de %(amount)s non versé")
                % {"day": current.lapse_on.strftime("%d/%m/%Y"), "amount": euros(remainder)},
            )
            lapsed.append(current)
    return lapsed
