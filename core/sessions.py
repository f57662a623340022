"""Sliding session expiry without a database write on every request."""

import time

from django.conf import settings

# The session's last refresh, in seconds since the epoch.
REFRESHED_AT = "_refreshed_at"


class SessionRefreshMiddleware:
    """Save a signed-in session when its last save is older than SESSION_REFRESH_INTERVAL.

    The session expires SESSION_COOKIE_AGE after its last save. Saving it on every request
    (SESSION_SAVE_EVERY_REQUEST) kept that idle timeout exact, at the price of an UPDATE on every
    page and API call; saving it at most every few minutes keeps the timeout within that interval.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        session = getattr(request, "session", None)
        # A signed-in session came with its cookie (session_key); a token-authenticated API call
        # has a user but no session, and must not get one.
        if (
            user is not None
            and user.is_authenticated
            and session is not None
            and session.session_key is not None
        ):
            now = int(time.time())
            last = session.get(REFRESHED_AT, 0)
            if now - last >= settings.SESSION_REFRESH_INTERVAL:
                # Marks the session modified: SessionMiddleware saves it and renews its expiry.
                session[REFRESHED_AT] = now
        return response


def mark_refreshed(sender, request, user, **kwargs):
    """At login the session is saved anyway: its refresh interval starts there."""
    session = getattr(request, "session", None)
    if session is not None:
        session[REFRESHED_AT] = int(time.time())
