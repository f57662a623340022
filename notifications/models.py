"""The columns of an e-mail sent once, and the log of event notifications."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Delivery(models.Model):
    """One e-mail, recorded before it is sent (`sent_at` empty), then sent once.

    A domain's reminder model extends it with what the reminder is about and the unique
    constraint that makes it once (a convention, a step, a due date…)."""

    recipients = models.TextField(_("destinataires"), blank=True)
    created_at = models.DateTimeField(_("enregistré le"), auto_now_add=True)
    sent_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)

    class Meta:
        abstract = True


class Notification(Delivery):
    """An e-mail announcing an event (an invitation, a sheet submitted, changes requested…),
    once per `key`: the event it announces (« followup.submitted:42 », the status change)."""

    key = models.CharField(_("clé"), max_length=200, unique=True)
    kind = models.CharField(_("type"), max_length=60)
    subject = models.CharField(_("objet"), max_length=300, blank=True)
    # What it is about, for the object's page (a sheet's e-mail log) and for retrying it.
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, null=True, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    about = GenericForeignKey("content_type", "object_id")
    params = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return self.subject or self.key
