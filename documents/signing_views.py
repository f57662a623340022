"""Views of the signing kernel: the verification page (any logged-in user)."""

import hashlib

from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from documents import registry, signing
from documents.models import SignatureEvent, SignedAct

MAX_BYTES = 20 * 1024 * 1024


class VerifyForm(forms.Form):
    file = forms.FileField(label=_("PDF à vérifier"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("Le fichier dépasse 20 Mo."))
        data = upload.read()
        if not data.startswith(b"%PDF-"):
            raise forms.ValidationError(_("Le fichier n'est pas un PDF."))
        return data


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
