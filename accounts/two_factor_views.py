"""The login's second step and the « Sécurité du compte » pages (accounts.two_factor)."""

import django_otp
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_static.models import StaticDevice

from . import two_factor
from .forms import EnrolmentForm, SecondFactorForm
from .models import DemoDevice

# The recovery codes just made, shown once by the next page.
CODES_KEY = "two_factor_new_codes"

WRONG_CODE = gettext_lazy(
    "Code incorrect ou expiré. Vérifiez que l'heure de votre téléphone est juste, ou "
    "utilisez l'un de vos codes de secours."
)


def _is_verified(user):
    return bool(getattr(user, "is_verified", lambda: False)())


@never_cache
@sensitive_post_parameters("code")
@login_not_required
def login_code(request):
    """Second step of the login: the password was right, the code is asked for."""
    pending = two_factor.pending_login(request)
    if pending is None:
        messages.error(
            request,
            _("Votre connexion a expiré : saisissez à nouveau votre identifiant et mot de passe."),
        )
        return redirect("accounts:login")
    user, backend, next_url = pending
    credentials = {"username": user.get_username()}
    if request.method == "POST" and AxesProxyHandler.is_locked(request, credentials):
        two_factor.end_pending_login(request)
        return get_lockout_response(request, None, credentials)
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = two_factor.verify(user, form.cleaned_data["code"])
        if device is not None:
            two_factor.end_pending_login(request)
            auth_login(request, user, backend=backend)
            django_otp.login(request, device)
            if isinstance(device, StaticDevice):
                messages.warning(
                    request,
                    _(
                        "Vous vous êtes connecté·e avec un code de secours ; il vous en reste "
                        "%(count)s. Vous pouvez en générer de nouveaux dans Sécurité du compte."
                    )
                    % {"count": two_factor.recovery_codes_left(user)},
                )
            return redirect(next_url or resolve_url(settings.LOGIN_REDIRECT_URL))
        # Counted like a wrong password: the lockout (AxesMiddleware answers once reached).
        two_factor.record_failure(request, user, _("connexion"))
        if getattr(request, "axes_locked_out", False):
            two_factor.end_pending_login(request)
        form.add_error("code", WRONG_CODE)
    # A demo account (DEBUG only: the demo devices exist for nothing else) says its code.
    demo = DemoDevice.objects.filter(user=user).exists()
    return render(
        request,
        "accounts/login_code.html",
        {"form": form, "account": user, "demo_code": settings.DEMO_OTP_CODE if demo else ""},
    )


@never_cache
def security(request):
    """« Sécurité du compte »: the second factor of the person, its recovery codes."""
    user = request.user
    policy = two_factor.policy()
    has_factor = two_factor.has_second_factor(user)
    demo = DemoDevice.objects.filter(user=user).exists()
    return render(
        request,
        "accounts/security.html",
        {
            "device": two_factor.totp_device(user),
            "has_second_factor": has_factor,
            "verified": _is_verified(user),
            "codes_left": two_factor.recovery_codes_left(user),
            "required": two_factor.must_use_two_factor(user),
            "required_from": policy.required_from,
            "enforced": two_factor.must_use_two_factor(user)
            and policy.is_enforced(timezone.localdate()),
            "demo_code": settings.DEMO_OTP_CODE if demo else "",
            "verify_form": SecondFactorForm(prefix="verify"),
            "remove_form": SecondFactorForm(prefix="remove"),
        },
    )


@never_cache
@sensitive_post_parameters("code")
def enrol(request):
    """Show a new secret (and its QR code), confirmed by the first code the application gives."""
    user = request.user
    if two_factor.totp_device(user) is not None:
        messages.info(request, _("La double authentification est déjà activée pour ce compte."))
        return redirect("accounts:two_factor")
    device = two_factor.pending_totp_device(user)
    form = EnrolmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = two_factor.confirm_enrolment(user, device, form.cleaned_data["code"])
        if codes is not None:
            django_otp.login(request, device)
            request.session[CODES_KEY] = codes
            messages.success(request, _("La double authentification est activée."))
            return redirect("accounts:two_factor_codes")
        form.add_error(
            "code",
            _(
                "Ce code ne correspond pas. Vérifiez que l'heure de votre téléphone est juste "
                "et saisissez le code affiché maintenant."
            ),
        )
    return render(
        request,
        "accounts/two_factor_enrol.html",
        {
            "form": form,
            "secret": two_factor.secret_of(device),
            "qr_svg": two_factor.qr_svg(device),
        },
    )


@never_cache
def recovery_codes(request):
    """The recovery codes just made, shown once (a reload shows only how many are left)."""
    return render(
        request,
        "accounts/recovery_codes.html",
        {
            "codes": request.session.pop(CODES_KEY, None),
            "codes_left": two_factor.recovery_codes_left(request.user),
        },
    )


@require_POST
def regenerate_codes(request):
    user = request.user
    if two_factor.totp_device(user) is None or not _is_verified(user):
        messages.error(
            request,
            _("Confirmez d'abord cette session avec un code pour générer de nouveaux codes."),
        )
        return redirect("accounts:two_factor")
    request.session[CODES_KEY] = two_factor.regenerate_recovery_codes(user)
    messages.success(request, _("Nouveaux codes de secours : les anciens ne fonctionnent plus."))
    return redirect("accounts:two_factor_codes")


@require_POST
@sensitive_post_parameters("verify-code")
def verify_session(request):
    """A session opened before the person enrolled elsewhere: confirm it with a code."""
    form = SecondFactorForm(request.POST, prefix="verify")
    device = two_factor.verify(request.user, form.data.get(form.add_prefix("code"), ""))
    if device is None:
        two_factor.record_failure(request, request.user, _("vérification de session"))
        messages.error(request, WRONG_CODE)
        return redirect("accounts:two_factor")
    django_otp.login(request, device)
    messages.success(request, _("Session confirmée par la double authentification."))
    return redirect(resolve_url(settings.LOGIN_REDIRECT_URL))


@require_POST
@sensitive_post_parameters("remove-code")
def remove(request):
    """Remove one's own second factor, confirmed by a current code."""
    user = request.user
    form = SecondFactorForm(request.POST, prefix="remove")
    if two_factor.verify(user, form.data.get(form.add_prefix("code"), "")) is None:
        two_factor.record_failure(request, user, _("retrait"))
        messages.error(request, WRONG_CODE)
        return redirect("accounts:two_factor")
    two_factor.remove(user, user)
    request.session.pop(django_otp.DEVICE_ID_SESSION_KEY, None)
    if two_factor.must_use_two_factor(user):
        messages.warning(
            request,
            _(
                "La double authentification est retirée. Elle reste demandée pour votre rôle : "
                "activez-la à nouveau avec votre nouvel appareil."
            ),
        )
    else:
        messages.success(request, _("La double authentification est retirée."))
    return redirect("accounts:two_factor")


@login_not_required
def admin_login(request):
    """The Django admin's login page, which would take the password alone: the portal's login
    (and its second step) instead, back to the admin page asked for."""
    if request.user.is_authenticated:
        # Logged in but not admin staff: the admin sends them here; no loop through the login.
        raise PermissionDenied(_("Votre compte n'a pas accès à l'administration Django."))
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = reverse("admin:index")
    return redirect(f"{reverse('accounts:login')}?{urlencode({'next': next_url})}")
