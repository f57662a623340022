from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    CREATE = "create", _("Création")
    UPDATE = "update", _("Modification")
    DELETE = "delete", _("Suppression")
    INVITE = "invite", _("Invitation")
    DEACTIVATE = "deactivate", _("Désactivation")
    REACTIVATE = "reactivate", _("Réactivation")
    INFECTED_UPLOAD = "infected_upload", _("Fichier infecté refusé")


class AuditEntry(models.Model):
    """Who changed what, when, with each field's value before and after.

    `campus` is set when the change concerns a campus (the campus itself or one of its
    dependent records), so that a campus page can list its whole history in one query.
    """

    # Set before the insert (not auto_now_add) so that the entry's hash covers it.
    created_at = models.DateTimeField(
        _("date"), default=timezone.now, editable=False, db_index=True
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_entries",
        verbose_name=_("auteur"),
    )
    action = models.CharField(_("action"), max_length=16, choices=AuditAction.choices)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, verbose_name=_("type d'objet")
    )
    object_id = models.CharField(max_length=64, verbose_name=_("identifiant de l'objet"))
    object_repr = models.CharField(_("objet"), max_length=300)
    # The scope every change is filed under (the campus, see settings.AUDIT_SCOPE_MODEL): named
    # by the wiring, so that this kernel app imports no domain.
    campus = models.ForeignKey(
        settings.AUDIT_SCOPE_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_entries",
        verbose_name=_("campus"),
    )
    changes = models.JSONField(_("modifications"), default=dict, blank=True)
    # The hash chain (audit/chain.py): the previous entry's hash, and this entry's.
    previous_hash = models.CharField(
        max_length=64, blank=True, editable=False, verbose_name=_("empreinte précédente")
    )
    entry_hash = models.CharField(
        max_length=64, blank=True, editable=False, verbose_name=_("empreinte")
    )

    class Meta:
        verbose_name = _("entrée du journal")
        verbose_name_plural = _("journal des modifications")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.get_action_display()} · {self.object_repr}"


class StatusChange(models.Model):
    """Who moved an object from one status to another, when and why: the history of a
    domain's status machine. A domain's model extends it with the object (`subject_field`
    names that foreign key) and its statuses as choices of `from_status` and `to_status`."""

    subject_field = None

    from_status = models.CharField(_("de"), max_length=20)
    to_status = models.CharField(_("vers"), max_length=20)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("auteur"),
    )
    at = models.DateTimeField(_("le"), auto_now_add=True)
    reason = models.TextField(_("motif"), blank=True)

    class Meta:
        abstract = True
        ordering = ["at", "pk"]
