"""People of the portal and their role.

A user's scope comes from their role: regional staff and administrators see every campus;
an operational director sees the campuses they are attached to *today* (see
campuses.CampusDirector, which carries the dates); rectorate staff see the campuses of their
academies, or every campus of the region when they belong to the région académique.
"""

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from core import roles
from core.roles import Role


class PortalUserManager(UserManager):
    def get_by_natural_key(self, username):
        # Logging in accepts the username or the e-mail address (case-insensitive).
        try:
            return self.get(username=username)
        except self.model.DoesNotExist:
            return self.get(email__iexact=username)


class User(AbstractUser):
    email = models.EmailField(_("adresse e-mail"))
    role = models.CharField(_("rôle"), max_length=16, choices=Role.choices, default=Role.EXPERT)
    job_title = models.CharField(_("fonction"), max_length=200, blank=True)
    organisation_name = models.CharField(_("organisme"), max_length=200, blank=True)
    academies = models.ManyToManyField(
        "campuses.Academy",
        blank=True,
        related_name="rectorate_staff",
        verbose_name=_("académies"),
        help_text=_("Pour les agents du rectorat : les académies dont ils suivent les campus."),
    )
    region_academique = models.BooleanField(
        _("région académique"),
        default=False,
        help_text=_("L'agent relève de la région académique et voit tous les campus de la région."),
    )
    invited_by = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = PortalUserManager()

    class Meta:
        verbose_name = _("utilisateur")
        verbose_name_plural = _("utilisateurs")
        ordering = ["last_name", "first_name", "username"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="accounts_user_unique_email",
                violation_error_message=_("Un compte utilise déjà cette adresse e-mail."),
            ),
        ]

    def __str__(self):
        return self.get_full_name() or self.username

    # The role predicates of core.roles, as properties (templates read `user.is_director`).
    is_regional_staff = property(roles.is_regional_staff)
    is_director = property(roles.is_director)
    is_rectorate = property(roles.is_rectorate)
    is_expert = property(roles.is_expert)
