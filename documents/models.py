"""The columns every generated document has; each app's document model extends
`StoredDocument` with what the document is made from (a convention, a dossier, a sheet…), its
kinds and the constraint saying which rows are the same version."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DocumentStatus(models.TextChoices):
    PENDING = "pending", _("En cours de génération")
    READY = "ready", _("Prêt")
    FAILED = "failed", _("Échec")


def document_upload_to(document, filename):
    """« conventions/documents/2026/convention-ia-2023-09-12.pdf »: one folder per app and year."""
    return f"{document._meta.app_label}/documents/{timezone.now():%Y}/{filename}"


class StoredDocument(models.Model):
    """A PDF generated from one version of some content.

    `source_key` fingerprints the content the PDF is made from (documents.services): asking
    again for the same content finds this row instead of generating a second PDF.
    """

    source_key = models.CharField(_("empreinte de la version"), max_length=64)
    status = models.CharField(
        _("état"), max_length=10, choices=DocumentStatus.choices, default=DocumentStatus.PENDING
    )
    file = models.FileField(_("fichier"), upload_to=document_upload_to, blank=True)
    checksum = models.CharField(_("somme SHA-256"), max_length=64, blank=True)
    error = models.TextField(_("erreur"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("tentatives"), default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # When it was last put on the queue: a pending document older than the sweep's timeout was
    # lost by its worker (documents.services.sweep_stale).
    queued_at = models.DateTimeField(_("mis en file le"), null=True, blank=True)
    generated_at = models.DateTimeField(_("généré le"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    @property
    def display_name(self):
        """What the document is, in a list of documents (a model may say more)."""
        kind = getattr(self, "get_kind_display", None)
        return kind() if kind else str(self._meta.verbose_name)
