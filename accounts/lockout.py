"""The login lockout counts failures per account, whatever identifies it.

django-axes keys its failure counts and locks on what AXES_USERNAME_CALLABLE returns. Login
accepts the username or the e-mail address in any letter case (PortalUserManager), so the
typed text is resolved to the account first, exactly as the authentication backend resolves
it: every spelling of one account shares one count and one lock, on the login page and on
the token endpoint alike. An identifier of no account is counted under its normalised form
(stripped, lower case), and locks the same way, so the answers never tell whether it exists.
"""

from django.contrib.auth import get_user_model


def lockout_key(request, credentials):
    """AXES_USERNAME_CALLABLE: the account's username, or the normalised unknown identifier."""
    identifier = str((credentials or {}).get("username") or "").strip()
    if not identifier:
        return ""
    model = get_user_model()
    try:
        return model._default_manager.get_by_natural_key(identifier).get_username()
    except (model.DoesNotExist, model.MultipleObjectsReturned, ValueError):
        return identifier.lower()
