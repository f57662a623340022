"""Account management rights: regional staff manage accounts in the portal."""


def can_manage_accounts(user):
    return getattr(user, "is_authenticated", False) and user.is_regional_staff


def can_grant_role(actor, role):
    """Only administrators may create administrators."""
    from .models import Role

    if role == Role.ADMIN:
        return actor.is_superuser or actor.role == Role.ADMIN
    return can_manage_accounts(actor)


def can_manage_account(actor, account):
    """The actions on one account (edit, deactivate or reactivate, reset its second factor,
    resend its invitation): an administrator's account is managed by administrators only.
    The views check it and the account page shows the actions it allows, nothing more."""
    return can_manage_accounts(actor) and can_grant_role(actor, account.role)


def can_deactivate(actor, account):
    """Nobody deactivates their own account (they would lock themselves out)."""
    return can_manage_account(actor, account) and account.pk != actor.pk and account.is_active
