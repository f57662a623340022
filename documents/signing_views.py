"""Views of the signing kernel: the verification page (any logged-in user), signing an act in
the portal with a one-time code, depositing a PDF signed elsewhere, and downloading an act's
file of record.

The acts are the domains' (signing.register_signable): a URL names one by its model's label
(« conventions.amendment »), its primary key and the party's key. An unknown act or party is a
404; a user whom the domain's rule does not let sign for that party (or read the act) a 403.
"""

import hashlib

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.antivirus import check_clean
from core.api_auth import client_ip
from core.errors import DomainError, PermissionDeniedError
from core.uploads import detect_kind
from core.views import file_response
from documents import registry, signing
from documents.models import SignatureEvent, SignedAct

MAX_BYTES = 20 * 1024 * 1024


def read_pdf(upload) -> bytes:
    """The bytes of an uploaded PDF (20 Mo at most, recognised by its magic bytes)."""
    if upload.size > MAX_BYTES:
        raise forms.ValidationError(_("Le fichier dépasse 20 Mo."))
    if detect_kind(upload) != "pdf":  # the portal's one content sniffer
        raise forms.ValidationError(_("Le fichier n'est pas un PDF."))
    upload.seek(0)
    return upload.read()


class VerifyForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("PDF à vérifier"))

    def clean_file(self):
        return read_pdf(self.cleaned_data["file"])


class SignForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code reçu par e-mail"),
        max_length=6,
        min_length=6,
        help_text=gettext_lazy("Les 6 chiffres du message « Votre code de signature »."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
    place = forms.CharField(label=gettext_lazy("Lieu de signature"), max_length=100)

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        if not code.isdigit():
            raise forms.ValidationError(_("Le code se compose de 6 chiffres."))
        return code


class UploadSignedForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("PDF signé"),
        help_text=gettext_lazy(
            "Le fichier de l'acte téléchargé depuis le portail, signé dans votre parapheur "
            "(PDF, 20 Mo au plus)."
        ),
    )
    place = forms.CharField(label=gettext_lazy("Lieu de signature"), max_length=100)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        content = read_pdf(upload)
        check_clean(upload, field=None)  # stored as the act's file of record: scanned first
        return content


@login_required
def verify(request):
    report = ours = None
    form = VerifyForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["file"]
        digest = hashlib.sha256(data).hexdigest()
        report = signing.validate(data)
        known = (
            registry.issued(digest)
            or SignedAct.objects.filter(sha256=digest).exists()
            or SignatureEvent.objects.filter(sha256=digest).exists()
        )
        ours = known or any(s.is_seal for s in report.signatures)
    return render(
        request, "documents/signing/verify.html", {"form": form, "report": report, "ours": ours}
    )


# --- signing -------------------------------------------------------------------------------------


def _act(label, pk):
    entry = signing.signable(label)
    if entry is None:
        raise Http404
    act = entry.model.objects.filter(pk=pk).first()
    if act is None:
        raise Http404
    return entry, act


def _signing_target(request, label, pk, party_key):
    """(entry, act, party) when the user may sign for that party; 404 / 403 otherwise."""
    entry, act = _act(label, pk)
    party = entry.party(act, party_key)
    if party is None:
        raise Http404
    if not entry.may_sign(request.user, act, party.key):
        raise PermissionDenied(_("Vous ne pouvez pas signer pour cette partie."))
    return entry, act, party


def _closed(request, entry, act, party):
    """A redirect to the act's page with the reason when this party cannot sign now."""
    reason = _("%(party)s a déjà signé cet acte.") % {"party": party.label} if party.signed else ""
    reason = reason or entry.refusal(act)
    if reason:
        messages.error(request, reason)
        return redirect(entry.detail_url(act))
    return None


def _client(request):
    return {
        "ip": client_ip(request) or "",  # X-Forwarded-For only from a trusted proxy
        "user_agent": request.META.get("HTTP_USER_AGENT", ""),
    }


def _refusal_text(error) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error)


def _signed(request, entry, act, party, event):
    messages.success(
        request,
        _("La signature de %(name)s pour %(party)s a été ajoutée à l'acte.")
        % {"name": event.signatory_name, "party": party.label},
    )
    return redirect(entry.detail_url(act))


def _page_context(entry, act, party, label):
    return {
        "act": act,
        "party": party,
        "label": label,
        "detail_url": entry.detail_url(act),
        "record": SignedAct.objects.filter(act_label=label, act_id=act.pk).first(),
    }


@login_required
def sign(request, label, pk, party):
    entry, act, party = _signing_target(request, label, pk, party)
    if response := _closed(request, entry, act, party):
        return response
    form = SignForm()
    if request.method == "POST" and request.POST.get("action") == "send":
        if not request.user.email:
            messages.error(
                request, _("Votre compte n'a pas d'adresse e-mail : le code ne peut être envoyé.")
            )
        else:
            try:
                signing.issue_code(request.user, label, act.pk, party.key)
            except signing.SigningError as error:
                messages.error(request, str(error))
            else:
                messages.success(
                    request, _("Un code a été envoyé à %(email)s.") % {"email": request.user.email}
                )
        return redirect(request.path)
    if request.method == "POST":
        form = SignForm(request.POST)
        if form.is_valid():
            reason = ""
            try:
                with transaction.atomic():
                    # A wrong code's attempt is kept; a refused signature gives the code back.
                    reason = signing.check_code(
                        request.user, label, act.pk, party.key, form.cleaned_data["code"]
                    )
                    if not reason:
                        event = signing.sign_act(
                            act,
                            party,
                            user=request.user,
                            organisation=party.label,
                            email=request.user.email,
                            place=form.cleaned_data["place"],
                            **_client(request),
                        )
                        return _signed(request, entry, act, party, event)
            except PermissionDeniedError as error:
                raise PermissionDenied(str(error)) from error
            except (signing.SigningError, DomainError, ValidationError) as error:
                form.add_error(None, _refusal_text(error))
            if reason:
                form.add_error("code", reason)
    signer = signing.portal_signatory(request.user, party)
    return render(
        request,
        "documents/signing/sign.html",
        {
            "form": form,
            "signer": signer,
            "signature_reason": signing.signature_reason(signer, party),
            **_page_context(entry, act, party, label),
        },
    )


@login_required
def upload_signed(request, label, pk, party):
    entry, act, party = _signing_target(request, label, pk, party)
    if response := _closed(request, entry, act, party):
        return response
    form = UploadSignedForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            event = signing.accept_signed_upload(
                act,
                party,
                user=request.user,
                pdf_bytes=form.cleaned_data["file"],
                place=form.cleaned_data["place"],
                **_client(request),
            )
        except PermissionDeniedError as error:
            raise PermissionDenied(str(error)) from error
        except signing.SigningError as error:
            form.add_error("file", str(error))
        except (DomainError, ValidationError) as error:
            form.add_error(None, _refusal_text(error))
        else:
            return _signed(request, entry, act, party, event)
    return render(
        request,
        "documents/signing/upload.html",
        {"form": form, **_page_context(entry, act, party, label)},
    )


@login_required
def signed_file(request, label, pk):
    entry, act = _act(label, pk)
    if not entry.viewable(request.user, act):
        raise PermissionDenied(_("Vous ne pouvez pas consulter cet acte."))
    record = SignedAct.objects.filter(act_label=label, act_id=act.pk).first()
    if record is None:
        raise Http404
    return file_response(record.file, filename=f"{label.replace('.', '-')}-{act.pk}-signe.pdf")
