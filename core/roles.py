"""The roles of the portal's users. The kernel knows them (a rule says who may act), not the
accounts app that manages the people: `accounts.User.role` takes its choices from here.

The predicates read a user object's `role`, `is_active` and `is_superuser` only, so that a rule
can be written for any user, even an anonymous one (every predicate is then False)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    REGIONAL = "regional", _("Agent de la Région")
    DIRECTOR = "director", _("Directeur·rice opérationnel·le")
    RECTORATE = "rectorate", _("Agent du rectorat")
    EXPERT = "expert", _("Expert·e du groupe national")
    ADMIN = "admin", _("Administrateur·rice")


def _active(user):
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "is_active", False))


def is_regional_staff(user):
    """Regional staff and administrators (and superusers): the back-office."""
    return _active(user) and (user.role in (Role.REGIONAL, Role.ADMIN) or user.is_superuser)


def is_administrator(user):
    return _active(user) and (user.role == Role.ADMIN or user.is_superuser)


def is_director(user):
    return _active(user) and user.role == Role.DIRECTOR


def is_rectorate(user):
    return _active(user) and user.role == Role.RECTORATE


def is_expert(user):
    return _active(user) and user.role == Role.EXPERT


def is_reviewer(user):
    """The two sides that review what campuses file: the Region and the rectorates."""
    return is_regional_staff(user) or is_rectorate(user)


def is_campus_side(user):
    """Every role with a scope of campuses: regional staff, rectorate staff, directors."""
    return is_regional_staff(user) or is_rectorate(user) or is_director(user)
