"""Transfer amendments (« avenants de transfert »): the unpaid remainders of a campus's
dossiers move to a new beneficiary once the Region and both beneficiaries have signed.
Regional staff draft and record them; whoever sees the campus reads them."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from campuses.models import Campus
from core.views import file_response, form_page, refused, save_form

from .. import forms, permissions, selectors, services
from ..models import BeneficiaryTransfer, SubsidyDocument, SubsidyDocumentKind, TransferStatus
from ..workflow import TRANSFER
from .common import require_manager, require_use
from .documents import request_pdf

PARTIES = {
    "region": "region_signed_on",
    "previous": "previous_signed_on",
    "new": "new_signed_on",
}


def _visible_transfer(request, pk):
    require_use(request)
    try:
        return selectors.transfer_detail(request.user, pk)
    except BeneficiaryTransfer.DoesNotExist as error:
        raise Http404 from error


def _anchor(transfer, anchor):
    return redirect(reverse("subsidies:transfer_detail", args=[transfer.pk]) + f"#{anchor}")


def transfer_detail(request, pk):
    transfer = _visible_transfer(request, pk)
    manager = permissions.can_manage_subsidies(request.user)
    signatures = [
        (
            _("La Région"),
            transfer.region_signatory,
            transfer.region_signed_on,
        ),
        (
            _("Bénéficiaire initial : %(name)s") % {"name": transfer.previous_beneficiary},
            transfer.previous_signatory,
            transfer.previous_signed_on,
        ),
        (
            _("Nouveau bénéficiaire : %(name)s") % {"name": transfer.new_beneficiary},
            transfer.new_signatory,
            transfer.new_signed_on,
        ),
    ]
    documents = permissions.documents_visible_to(
        request.user, SubsidyDocument.objects.filter(transfer=transfer)
    ).order_by("-created_at")
    return render(
        request,
        "subsidies/transfer_detail.html",
        {
            "transfer": transfer,
            "items": selectors.transfer_items(transfer),
            "signatures": signatures,
            "documents": documents,
            "can_manage": manager,
            "can_sign": manager and transfer.status == TransferStatus.DRAFT,
        },
    )


def transfer_create(request):
    require_use(request)
    require_manager(request)
    campus_id = request.POST.get("campus") or request.GET.get("campus") or ""
    campus = (
        Campus.objects.filter(pk=campus_id).first()
        if str(campus_id).isdigit() and len(str(campus_id)) < 19
        else None
    )
    form = forms.TransferCreateForm(request.POST or None, campus=campus)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        result = {}

        def save():
            result["transfer"] = services.create_transfer(
                request.user,
                campus=data["campus"],
                new_beneficiary=data["new_beneficiary"],
                dossiers=list(data["dossiers"]),
                deliberation=data["deliberation"],
                reason=data["reason"].strip(),
                region_mandate=data["region_mandate"].strip(),
            )

        if save_form(request, form, save):
            messages.success(
                request,
                _("L'avenant de transfert a été créé : enregistrez les trois signatures."),
            )
            return redirect(result["transfer"])
    return render(request, "subsidies/transfer_form.html", {"form": form, "campus": campus})


def _detail(transfer, anchor):
    return reverse("subsidies:transfer_detail", args=[transfer.pk]) + f"#{anchor}"


def transfer_sign(request, pk):
    transfer = _visible_transfer(request, pk)
    if response := refused(request, TRANSFER.decide("sign", request.user, transfer), transfer):
        return response
    pending = [party for party, field in PARTIES.items() if not getattr(transfer, field)]

    def signed(result):
        if result.status == TransferStatus.SIGNED:
            return _(
                "Signature enregistrée. L'avenant est signé : les reliquats sont désormais "
                "dus au nouveau bénéficiaire."
            )
        return _("Signature enregistrée.")

    return form_page(
        request,
        forms.TransferSignatureForm(request.POST or None, pending=pending),
        lambda data: services.sign_transfer(
            request.user,
            transfer,
            party=data["party"],
            signed_on=data["signed_on"],
            signatory=data["signatory"],
        ),
        success=signed,
        done=_detail(transfer, "signatures"),
        template="subsidies/signature_form.html",
        context={
            "transfer": transfer,
            "title": _("Signature de l'avenant de transfert"),
            "back": _detail(transfer, "signatures"),
        },
    )


def transfer_scan_upload(request, pk):
    transfer = _visible_transfer(request, pk)
    require_manager(request)
    return form_page(
        request,
        forms.ScanForm(request.POST or None, request.FILES or None),
        lambda data: services.attach_transfer_scan(request.user, transfer, data["file"]),
        success=_("L'exemplaire signé numérisé a été ajouté."),
        done=_detail(transfer, "signatures"),
        template="subsidies/scan_form.html",
        context={
            "transfer": transfer,
            "title": _("Exemplaire signé de l'avenant de transfert"),
            "back": _detail(transfer, "signatures"),
        },
    )


def transfer_scan_download(request, pk):
    transfer = _visible_transfer(request, pk)
    return file_response(transfer.signed_scan)


@require_POST
def transfer_document(request, pk):
    transfer = _visible_transfer(request, pk)
    request_pdf(request, kind=SubsidyDocumentKind.TRANSFER, transfer=transfer)
    return _anchor(transfer, "documents")
