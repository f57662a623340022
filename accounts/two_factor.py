"""Two-factor authentication (django-otp): who must use it, enrolment, recovery codes and the
check of a code, shared by the login page, the account's security page and the token endpoint.

A person's second factor is a TOTP application (django_otp's TOTPDevice, confirmed by a first
code) plus ten single-use recovery codes (a StaticDevice). Regional staff, administrators and
rectorate staff must have one from the day the administrator's TwoFactorPolicy sets; directors
and experts may enrol, and are then asked for a code at every login like the others.

A failed code counts as a failed login for the per-account lockout (django-axes, through the
`user_login_failed` signal, as a wrong password does) and is written to the audit journal, as
are enrolment and removal.
"""

import io
from base64 import b32encode
from datetime import datetime, timedelta

import qrcode
import qrcode.image.svg
from django.contrib.auth.signals import user_login_failed
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.models import AuditAction
from audit.services import record
from core import roles

from .models import DemoDevice, TwoFactorPolicy, User

RECOVERY_CODE_COUNT = 10
TOTP_NAME = "Application d'authentification"
RECOVERY_NAME = "Codes de secours"
# The audit journal's key for the account's second factor.
AUDIT_FIELD = "double authentification"


# ---------------------------------------------------------------- who


def must_use_two_factor(user):
    """The roles the policy forces: regional staff, administrators, rectorate staff."""
    return roles.is_regional_staff(user) or roles.is_rectorate(user)


def has_second_factor(user):
    """A confirmed device: the login asks for a code (demo devices count only while on)."""
    return user_has_device(user, confirmed=True)


def policy(request=None):
    """The policy as it is now; with `request`, read once for that request (the middleware and
    the home page's block both ask), so that an administrator's change applies from the next
    request on."""
    if request is None:
        return TwoFactorPolicy.current()
    if not hasattr(request, "_two_factor_policy"):
        request._two_factor_policy = TwoFactorPolicy.current()
    return request._two_factor_policy


def enrolment_required(user, today=None, *, request=None):
    """Staff past the policy's day: no page (and no API token) without a second factor."""
    if not must_use_two_factor(user):
        return False
    return policy(request).is_enforced(today or timezone.localdate())


def second_factor_required(user):
    """Whether the token endpoint (and the login) must see a code from this person."""
    return has_second_factor(user) or enrolment_required(user)


def home_block(request, **page):
    """The staff home pages' invitation to enrol, until the policy's day (then every page
    sends them to the enrolment page)."""
    user = request.user
    if not must_use_two_factor(user):
        return None
    required_from = policy(request).required_from
    if required_from is None or has_second_factor(user):
        return None
    return {"required_from": required_from}


# ---------------------------------------------------------------- checking a code


def normalise(code):
    """What people type: spaces and dashes dropped, recovery codes in any letter case."""
    return "".join(str(code or "").split()).replace("-", "").lower()


def verify(user, code):
    """The device that accepts `code` (a TOTP code or a recovery code, used up), or None.

    Six digits go to the TOTP application (or the demo device), anything else to the
    recovery codes: a recovery code typed never counts as a wrong TOTP code for throttling.
    """
    code = normalise(code)
    if not code:
        return None
    kinds = (TOTPDevice, DemoDevice) if code.isdigit() else (StaticDevice,)
    with transaction.atomic():
        for device in devices_for_user(user, confirmed=True, for_verify=True):
            if isinstance(device, kinds) and device.verify_token(code):
                return device
    return None


def record_failure(request, user, where):
    """A wrong second factor: one more failure for the lockout, and an audit entry."""
    user_login_failed.send(
        sender=__name__, credentials={"username": user.get_username()}, request=request
    )
    record(
        user, AuditAction.UPDATE, user, changes={AUDIT_FIELD: ["", _("code refusé (%s)") % where]}
    )


def check_for_token(request, user, code):
    """The token endpoint's second factor: None when a token may be issued, else the French
    message of the refusal (a wrong code is counted and journaled)."""
    if not second_factor_required(user):
        return None
    if not has_second_factor(user):
        return _(
            "La double authentification est obligatoire pour ce compte : activez-la sur le "
            "portail (Sécurité du compte) avant de demander un jeton."
        )
    if not normalise(code):
        return _(
            "Ce compte est protégé par la double authentification : indiquez dans otp_token "
            "le code de votre application ou un code de secours."
        )
    if verify(user, code) is None:
        record_failure(request, user, _("jeton d'API"))
        return _("Code de double authentification incorrect ou expiré.")
    return None


# ---------------------------------------------------------------- enrolment


def totp_device(user, confirmed=True):
    return TOTPDevice.objects.filter(user=user, confirmed=confirmed).order_by("-pk").first()


def pending_totp_device(user):
    """The device being enrolled (unconfirmed): the same secret on every reload of the page."""
    device = totp_device(user, confirmed=False)
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=False)
    return device


def secret_of(device):
    """The base32 secret an application accepts when typed, in groups of four."""
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(device):
    """The otpauth:// URI as an inline SVG on white (no image service; attributes, no style)."""
    image = qrcode.make(
        device.config_url, image_factory=qrcode.image.svg.SvgPathFillImage, box_size=16, border=2
    )
    buffer = io.BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode("utf-8")
    return svg[svg.index("<svg") :]


@transaction.atomic
def confirm_enrolment(user, device, code):
    """Confirm the pending `device` with a first code; returns the recovery codes, or None
    when the code is wrong. Any earlier TOTP device is replaced."""
    if device.user_id != user.pk or device.confirmed:
        return None
    if not device.verify_token(normalise(code)):
        return None
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = _replace_recovery_codes(user)
    record(user, AuditAction.UPDATE, user, changes={AUDIT_FIELD: [_("inactive"), _("activée")]})
    return codes


def _replace_recovery_codes(user):
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = []
    while len(codes) < RECOVERY_CODE_COUNT:
        code = StaticToken.random_token()
        # verify() sends digits to the TOTP application: keep every recovery code lettered.
        if not code.isdigit() and code not in codes:
            codes.append(code)
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def regenerate_recovery_codes(user):
    """New recovery codes; the old ones stop working."""
    codes = _replace_recovery_codes(user)
    record(
        user,
        AuditAction.UPDATE,
        user,
        changes={AUDIT_FIELD: ["", _("codes de secours régénérés")]},
    )
    return codes


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def remove(actor, user):
    """Remove the person's TOTP application and recovery codes (the person, or an account
    manager for someone who lost their phone). Staff past the policy's day must enrol again."""
    removed = TOTPDevice.objects.filter(user=user).delete()[0]
    removed += StaticDevice.objects.filter(user=user).delete()[0]
    if removed:
        record(actor, AuditAction.UPDATE, user, changes={AUDIT_FIELD: [_("activée"), _("retirée")]})
    return bool(removed)


# ---------------------------------------------------------------- the login's second step

PENDING_KEY = "two_factor_pending"
PENDING_LIFETIME = timedelta(minutes=5)


def start_pending_login(request, user, next_url):
    """The password was right: remember who is logging in until the code is given."""
    request.session[PENDING_KEY] = {
        "user": user.pk,
        "backend": user.backend,
        "next": next_url,
        "at": timezone.now().isoformat(),
    }


def pending_login(request):
    """(user, backend, next) of the login waiting for its code, or None (none, or too old)."""
    pending = request.session.get(PENDING_KEY)
    if not pending:
        return None
    started = datetime.fromisoformat(pending["at"])
    if timezone.now() - started > PENDING_LIFETIME:
        request.session.pop(PENDING_KEY, None)
        return None
    user = User.objects.filter(pk=pending["user"], is_active=True).first()
    if user is None:
        request.session.pop(PENDING_KEY, None)
        return None
    return user, pending["backend"], pending["next"]


def end_pending_login(request):
    request.session.pop(PENDING_KEY, None)
