"""Shared by the two-factor tests: accounts, their TOTP application and its current code."""

import time
from datetime import timedelta

from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import two_factor
from accounts.models import Role, TwoFactorPolicy, User

PASSWORD = "Une-phrase-de-passe-2fa"


def make_user(username, role=Role.REGIONAL, **extra):
    return User.objects.create_user(
        username=username,
        email=f"{username}@example.invalid",
        password=PASSWORD,
        role=role,
        first_name="Camille",
        last_name=username.title(),
        **extra,
    )


def code_of(device, offset=0):
    """The code the person's application shows now (`offset` steps later)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + offset * device.step
    return f"{totp.token():0{device.digits}d}"


def fresh_code(device):
    """A code the device has not seen yet (each step's code is accepted once)."""
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)
    device.refresh_from_db()
    return code_of(device)


def enrolled(user):
    """`user` with a confirmed TOTP application; returns (device, recovery codes)."""
    device = two_factor.pending_totp_device(user)
    codes = two_factor.confirm_enrolment(user, device, code_of(device))
    assert codes is not None
    device.refresh_from_db()
    return device, codes


def required_from(days_from_today):
    """The administrator's policy: staff must use two factors from that day."""
    policy = TwoFactorPolicy.current()
    policy.required_from = timezone.localdate() + timedelta(days=days_from_today)
    policy.save()
    return policy
