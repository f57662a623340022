"""Who may see and act on conventions, amendments and their documents.

Reading follows the campus scope (campuses.permissions): regional staff everything, rectorate
staff their academies' campuses (or all for the région académique), directors their campus.
Experts have no business here. Regional staff write; rectorate staff record the State's
signatures on the conventions they can see.
"""

from campuses.permissions import campuses_visible_to

from .models import Amendment, FrameworkConvention, GeneratedDocument, PartyKind


def can_use_conventions(user):
    return getattr(user, "is_authenticated", False) and (
        user.is_regional_staff or user.is_rectorate or user.is_director
    )


def conventions_visible_to(user, queryset=None):
    queryset = FrameworkConvention.objects.all() if queryset is None else queryset
    if not can_use_conventions(user):
        return queryset.none()
    if user.is_regional_staff:
        return queryset
    return queryset.filter(campus__in=campuses_visible_to(user).values("pk"))


def amendments_visible_to(user, queryset=None):
    queryset = Amendment.objects.all() if queryset is None else queryset
    return queryset.filter(convention__in=conventions_visible_to(user).values("pk"))


def documents_visible_to(user, queryset=None):
    queryset = GeneratedDocument.objects.all() if queryset is None else queryset
    return queryset.filter(convention__in=conventions_visible_to(user).values("pk"))


def can_manage_conventions(user):
    """Create, edit, send for signature, terminate, generate documents: regional staff."""
    return getattr(user, "is_authenticated", False) and user.is_regional_staff


def can_sign_for(user, party):
    """Record a party's signature: regional staff for any party, rectorate staff for the State
    on a convention of a campus they can see."""
    if can_manage_conventions(user):
        return True
    if getattr(user, "is_authenticated", False) and user.is_rectorate:
        return (
            party.kind == PartyKind.STATE
            and conventions_visible_to(user).filter(pk=party.convention_id).exists()
        )
    return False


def can_record_any_signature(user):
    """The roles that record signatures (the signature circuit's `sign`)."""
    from .workflow import SIGNATURE

    return SIGNATURE.role_allows("sign", user)
