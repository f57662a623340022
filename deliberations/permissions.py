"""Who may read and record the Region's deliberations: public acts, read by every role with
campuses in its scope (regional staff, rectorate staff, directors); recorded by regional
staff. Experts have no business here."""

from core.roles import is_campus_side, is_regional_staff


def can_read_deliberations(user):
    return is_campus_side(user)


def can_manage_deliberations(user):
    return is_regional_staff(user)
