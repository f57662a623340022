"""Who is calling the API: the client's address and the expiring token.

Kept apart from core.api because DRF imports its authentication classes while loading
rest_framework.views, which core.api itself imports.
"""

import ipaddress

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication


def _address(value):
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def _is_trusted_proxy(address):
    return any(
        address in ipaddress.ip_network(proxy, strict=False) for proxy in settings.TRUSTED_PROXIES
    )


def client_ip(request):
    """The client's address, for the throttle, the login lockout and the audit.

    `X-Forwarded-For` is written by whoever sends the request, so it is read only when the
    request comes from a proxy listed in settings.TRUSTED_PROXIES: walking it from the right
    (the hops our proxies appended), the first address that is not one of our proxies is the
    client. Otherwise, or when the header holds garbage where our proxy wrote, REMOTE_ADDR.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    remote_address = _address(remote)
    if remote_address is None or not _is_trusted_proxy(remote_address):
        return remote
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    client = remote
    for hop in reversed(hops):
        address = _address(hop)
        if address is None:
            break
        client = str(address)
        if not _is_trusted_proxy(address):
            break
    return client


def token_expires(token):
    return token.created + settings.API_TOKEN_LIFETIME


class ExpiringTokenAuthentication(TokenAuthentication):
    """DRF's token, refused once settings.API_TOKEN_LIFETIME has passed since it was issued."""

    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        if token_expires(token) <= timezone.now():
            # Not deleted here (the request's transaction is rolled back on this error):
            # the token endpoint replaces an expired token.
            raise exceptions.AuthenticationFailed(
                _("Ce jeton a expiré : demandez-en un nouveau (POST /api/v1/auth/token/).")
            )
        return user, token
