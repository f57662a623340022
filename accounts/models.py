"""People of the portal and their role.

A user's scope comes from their role: regional staff and administrators see every campus;
an operational director sees the campuses they are attached to *today* (see
campuses.CampusDirector, which carries the dates); rectorate staff see the campuses of their
academies, or every campus of the region when they belong to the région académique.
"""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device, DeviceManager

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
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invité par"),
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


class TwoFactorPolicy(models.Model):
    """The one row saying from which day staff must use two-factor authentication.

    Regional staff, administrators and rectorate staff (core.roles) are invited to enrol until
    `required_from`; from that day on, every page sends them to the enrolment page until their
    session is verified by a second factor. No row, or no date: nobody is forced yet.
    """

    # The single row (accounts_twofactorpolicy_single_row).
    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    required_from = models.DateField(
        _("double authentification obligatoire à partir du"),
        null=True,
        blank=True,
        help_text=_(
            "À partir de cette date, les agents de la Région, les administrateurs et les agents "
            "du rectorat doivent avoir activé la double authentification pour utiliser le "
            "portail et obtenir un jeton d'API. Vide : pas encore d'obligation."
        ),
    )

    class Meta:
        verbose_name = _("politique de double authentification")
        verbose_name_plural = _("politique de double authentification")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(pk=1), name="accounts_twofactorpolicy_single_row"
            ),
        ]

    def __str__(self):
        if self.required_from is None:
            return str(_("Double authentification : pas d'obligation"))
        return str(_("Double authentification obligatoire à partir du %(day)s")) % {
            "day": self.required_from.strftime("%d/%m/%Y")
        }

    @classmethod
    def current(cls):
        return cls.objects.filter(pk=1).first() or cls(pk=1)

    def is_enforced(self, today):
        return self.required_from is not None and today >= self.required_from


class DemoDeviceManager(DeviceManager):
    def get_queryset(self):
        # Off (DEBUG off, or no code configured): the demo devices do not exist for logins,
        # sessions or the admin, and the demo accounts have no second factor at all.
        if not demo_code_enabled():
            return super().get_queryset().none()
        return super().get_queryset()


def demo_code_enabled():
    return bool(settings.DEBUG and settings.DEMO_OTP_CODE)


class DemoDevice(Device):
    """The second factor of the demo accounts (demo/loader.py): the documented code
    settings.DEMO_OTP_CODE, accepted only while DEBUG is on. A real account never has one."""

    objects = DemoDeviceManager()

    class Meta(Device.Meta):
        verbose_name = _("appareil de démonstration")
        verbose_name_plural = _("appareils de démonstration")

    def verify_token(self, token):
        return demo_code_enabled() and constant_time_compare(
            str(token).strip(), settings.DEMO_OTP_CODE
        )
