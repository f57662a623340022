"""Account management rights: regional staff manage accounts in the portal."""


def can_manage_accounts(user):
    return getattr(user, "is_authenticated", False) and user.is_regional_staff


def can_grant_role(actor, role):
    """Only administrators may create administrators."""
    from .models import Role

    if role == Role.ADMIN:
        return actor.is_superuser or actor.role == Role.ADMIN
    return can_manage_accounts(actor)
