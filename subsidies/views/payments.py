"""Pages after the vote: the grant agreement (signatures, signed scan) and the payments
(request, order, payment, cancellation). Regional staff act; whoever sees the dossier reads.
"""

from decimal import Decimal

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.formats import euros
from core.views import file_response, form_page, refused

from .. import forms, permissions, services
from ..models import GrantAgreement, Payment
from ..workflow import DOSSIER, PAYMENT
from .common import require_manager, require_use, visible_dossier

AGREEMENT_PARTIES = {"region": "region_signed_on", "beneficiary": "beneficiary_signed_on"}


# ---------------------------------------------------------------- grant agreement


def _detail(dossier, anchor):
    return reverse("subsidies:detail", args=[dossier.pk]) + f"#{anchor}"


def agreement_sign(request, pk):
    dossier = visible_dossier(request, pk)
    decision = DOSSIER.decide("sign_agreement", request.user, dossier)
    if response := refused(request, decision, dossier):
        return response
    agreement = dossier.agreement
    pending = [party for party, field in AGREEMENT_PARTIES.items() if not getattr(agreement, field)]

    def signed(_result):
        agreement.refresh_from_db()
        if agreement.is_signed:
            return _(
                "Signature enregistrée. La convention de financement est signée le %(day)s : "
                "les versements sont possibles."
            ) % {"day": agreement.signed_on.strftime("%d/%m/%Y")}
        return _("Signature enregistrée.")

    return form_page(
        request,
        forms.AgreementSignatureForm(request.POST or None, pending=pending),
        lambda data: services.sign_agreement(
            request.user,
            dossier,
            party=data["party"],
            signed_on=data["signed_on"],
            signatory=data["signatory"],
        ),
        success=signed,
        done=_detail(dossier, "convention"),
        template="subsidies/signature_form.html",
        context={
            "dossier": dossier,
            "title": _("Signature de la convention de financement"),
            "back": _detail(dossier, "convention"),
        },
    )


def agreement_scan_upload(request, pk):
    dossier = visible_dossier(request, pk)
    require_manager(request)
    if not GrantAgreement.objects.filter(dossier=dossier).exists():
        messages.error(request, _("Ce dossier n'a pas encore de convention de financement."))
        return redirect(dossier)
    return form_page(
        request,
        forms.ScanForm(request.POST or None, request.FILES or None),
        lambda data: services.attach_agreement_scan(request.user, dossier, data["file"]),
        success=_("L'exemplaire signé numérisé a été ajouté."),
        done=_detail(dossier, "convention"),
        template="subsidies/scan_form.html",
        context={
            "dossier": dossier,
            "title": _("Exemplaire signé de la convention de financement"),
            "back": _detail(dossier, "convention"),
        },
    )


def agreement_scan_download(request, pk):
    dossier = visible_dossier(request, pk)
    agreement = GrantAgreement.objects.filter(dossier=dossier).first()
    if agreement is None:
        raise Http404
    return file_response(agreement.signed_scan)


def lapse_date(request, pk):
    """Record or extend (« proroger ») the lapse date of a grant not yet paid in full."""
    dossier = visible_dossier(request, pk)
    require_manager(request)
    refusal = refused(request, DOSSIER.decide("set_lapse_date", request.user, dossier), dossier)
    if refusal is not None:
        return refusal
    form = forms.LapseDateForm(request.POST or None, initial={"lapse_on": dossier.lapse_on})
    return form_page(
        request,
        form,
        lambda data: services.set_lapse_date(
            request.user, dossier, lapse_on=data["lapse_on"], reason=data["reason"].strip()
        ),
        success=lambda _result: (
            _("Date de caducité fixée au %(day)s.")
            % {"day": form.cleaned_data["lapse_on"].strftime("%d/%m/%Y")}
        ),
        done=dossier,
        template="subsidies/action_form.html",
        context={
            "dossier": dossier,
            "title": _("Date de caducité"),
            "button": _("Enregistrer la date de caducité"),
        },
    )


# ---------------------------------------------------------------- payments


def payment_request(request, pk):
    dossier = visible_dossier(request, pk, detail=True)
    require_manager(request)
    refusal = refused(request, DOSSIER.decide("request_payment", request.user, dossier), dossier)
    if refusal is not None:
        return refusal
    form = forms.PaymentRequestForm(request.POST or None)
    zero = Decimal("0.00")
    available = max((dossier.voted_amount or zero) - dossier.paid - dossier.in_progress, zero)
    return form_page(
        request,
        form,
        lambda data: services.request_payment(
            request.user,
            dossier,
            kind=data["kind"],
            amount=data["amount"],
            requested_on=data["requested_on"],
            realised_expenses=data["realised_expenses"],
            reference=data["reference"].strip(),
            note=data["note"].strip(),
        ),
        success=lambda _result: (
            _("Versement de %(amount)s demandé.") % {"amount": euros(form.cleaned_data["amount"])}
        ),
        done=_detail(dossier, "versements"),
        template="subsidies/payment_form.html",
        context={"dossier": dossier, "available": available},
    )


def _visible_payment(request, pk):
    require_use(request)
    payment = (
        permissions.payments_visible_to(
            request.user, Payment.objects.select_related("dossier__campus", "beneficiary")
        )
        .filter(pk=pk)
        .first()
    )
    if payment is None:
        raise Http404
    return payment


PAYMENT_STEPS = {
    "order": {
        "label": gettext_lazy("Mandaté le"),
        "done": gettext_lazy("Versement mandaté."),
        "title": gettext_lazy("Mandater le versement"),
        "button": gettext_lazy("Enregistrer le mandatement"),
    },
    "pay": {
        "label": gettext_lazy("Payé le"),
        "done": gettext_lazy("Versement payé."),
        "title": gettext_lazy("Payer le versement"),
        "button": gettext_lazy("Enregistrer le paiement"),
    },
}


def _payment_step(request, pk, *, step):
    """Order (« mandaté ») or pay a requested payment: a date and the order's reference."""
    payment = _visible_payment(request, pk)
    dossier = payment.dossier
    decision = PAYMENT.decide(step, request.user, payment)
    if response := refused(request, decision, _detail(dossier, "versements")):
        return response
    words = PAYMENT_STEPS[step]

    def save(data):
        if step == "order":
            return services.order_payment(
                request.user, payment, ordered_on=data["day"], reference=data["reference"]
            )
        return services.mark_paid(
            request.user, payment, paid_on=data["day"], reference=data["reference"]
        )

    return form_page(
        request,
        forms.PaymentStepForm(
            request.POST or None, label=words["label"], initial={"reference": payment.reference}
        ),
        save,
        success=words["done"],
        done=_detail(dossier, "versements"),
        template="subsidies/payment_step_form.html",
        context={
            "dossier": dossier,
            "payment": payment,
            "title": words["title"],
            "button": words["button"],
        },
    )


def payment_order(request, pk):
    return _payment_step(request, pk, step="order")


def payment_pay(request, pk):
    return _payment_step(request, pk, step="pay")


def payment_cancel(request, pk):
    payment = _visible_payment(request, pk)
    dossier = payment.dossier
    decision = PAYMENT.decide("cancel", request.user, payment)
    if response := refused(request, decision, _detail(dossier, "versements")):
        return response
    return form_page(
        request,
        forms.ReasonForm(request.POST or None, label=_("Motif de l'annulation")),
        lambda data: services.cancel_payment(request.user, payment, data["reason"].strip()),
        success=_("Versement annulé."),
        done=_detail(dossier, "versements"),
        template="subsidies/payment_step_form.html",
        context={
            "dossier": dossier,
            "payment": payment,
            "title": _("Annuler le versement"),
            "button": _("Annuler le versement"),
            "danger": True,
        },
    )
