"""The accounts' e-mails: an invitation and a password reset, composed when the worker sends
them (notifications.delivery), so that the link's token is made then and never stored."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from notifications.delivery import Message, Outgoing

INVITATION, PASSWORD_RESET = "accounts.invitation", "accounts.password_reset"


def _uid_and_token(user):
    return urlsafe_base64_encode(force_bytes(user.pk)), default_token_generator.make_token(user)


def compose_invitation(user, *, request_id):
    """The link to choose one's password (the password-reset token, valid
    PASSWORD_RESET_TIMEOUT); once per invitation or resending (`request_id`)."""
    if not (user.is_active and user.email):
        return None
    uid, token = _uid_and_token(user)
    link = settings.SITE_URL + reverse("accounts:password_reset_confirm", args=[uid, token])
    body = render_to_string(
        "accounts/email/invitation.txt",
        {"user": user, "link": link, "region": settings.REGION_NAME},
    )
    subject = _("Votre accès au portail des Campus des métiers et des qualifications")
    key = f"{INVITATION}:{user.pk}:{request_id}"
    return Outgoing(key, Message(subject, body, [user.email]))


def compose_password_reset(user, *, request_id):
    """Django's password-reset e-mail (its templates), once per request (`request_id`)."""
    if not (user.is_active and user.email and user.has_usable_password()):
        return None
    uid, token = _uid_and_token(user)
    site = urlsplit(settings.SITE_URL)
    context = {"user": user, "uid": uid, "token": token, "protocol": site.scheme}
    context["domain"] = site.netloc
    subject = "".join(
        render_to_string("accounts/email/password_reset_subject.txt", context).splitlines()
    )
    body = render_to_string("accounts/email/password_reset.txt", context)
    key = f"{PASSWORD_RESET}:{user.pk}:{request_id}"
    return Outgoing(key, Message(subject, body, [user.email]))
