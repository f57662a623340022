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
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("demandé par"),
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    # When it was last put on the queue: a pending document older than the sweep's timeout was
    # lost by its worker (documents.services.sweep_stale).
    queued_at = models.DateTimeField(_("mis en file le"), null=True, blank=True)
    generated_at = models.DateTimeField(_("généré le"), null=True, blank=True)
    # What the PDF will show, fixed when it is asked for: the HTML and the data attached to the
    # PDF, made from the context whose fingerprint is `source_key`. The worker renders them
    # without reading the objects again (the request has just read them), and the PDF is the
    # version its row names. Emptied once the PDF is stored. Empty on a row asked for before
    # these columns existed: the worker then reads the objects (documents.services.generate).
    source_html = models.TextField(_("HTML à rendre"), blank=True, editable=False)
    source_data = models.TextField(_("données jointes (JSON)"), blank=True, editable=False)

    # Too big for the audit journal, and the same as the objects' own entries.
    audit_excluded_fields = ("source_html", "source_data")

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    @property
    def display_name(self):
        """What the document is, in a list of documents (a model may say more)."""
        kind = getattr(self, "get_kind_display", None)
        return kind() if kind else str(self._meta.verbose_name)


class SignedAct(models.Model):
    """The file of record of an act: the sealed PDF and the signatures added so far."""

    act_label = models.CharField(_("acte (modèle)"), max_length=100)
    act_id = models.PositiveBigIntegerField(_("identifiant de l'acte"))
    file = models.FileField(_("fichier signé"), upload_to="signed/%Y/")
    sha256 = models.CharField(_("empreinte SHA-256"), max_length=64, db_index=True)
    created_at = models.DateTimeField(_("créé le"), default=timezone.now)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("acte signé")
        verbose_name_plural = _("actes signés")
        constraints = [
            models.UniqueConstraint(fields=["act_label", "act_id"], name="signedact_unique_act")
        ]

    def __str__(self):
        return f"{self.act_label} #{self.act_id}"


class SignatureMethod(models.TextChoices):
    PORTAL = "portal", _("dans le portail")
    UPLOAD = "upload", _("PDF signé déposé")


class SignatureEvent(models.Model):
    """One party's signature of a signed act, with the file's fingerprint after it."""

    signed_act = models.ForeignKey(
        SignedAct, on_delete=models.CASCADE, related_name="events", verbose_name=_("acte signé")
    )
    party_key = models.CharField(_("partie (clé)"), max_length=100)
    party_label = models.CharField(_("partie"), max_length=255)
    signatory_name = models.CharField(_("signataire"), max_length=255)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("utilisateur"),
    )
    method = models.CharField(_("méthode"), max_length=10, choices=SignatureMethod.choices)
    signed_at = models.DateTimeField(_("signé le"), default=timezone.now)
    ip = models.GenericIPAddressField(_("adresse IP"), null=True, blank=True)
    user_agent = models.CharField(_("navigateur"), max_length=500, blank=True)
    report = models.JSONField(_("rapport de validation"), default=dict, blank=True)
    sha256 = models.CharField(_("empreinte SHA-256 après signature"), max_length=64, db_index=True)

    class Meta:
        verbose_name = _("signature électronique")
        verbose_name_plural = _("signatures électroniques")
        ordering = ["signed_at", "pk"]

    def __str__(self):
        return f"{self.party_label} — {self.signatory_name}"


class SigningCode(models.Model):
    """A one-time code sent by e-mail to confirm a signature (10 minutes, 5 attempts)."""

    MAX_ATTEMPTS = 5
    LIFETIME_MINUTES = 10

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("utilisateur"),
    )
    act_label = models.CharField(_("acte (modèle)"), max_length=100)
    act_id = models.PositiveBigIntegerField(_("identifiant de l'acte"))
    party_key = models.CharField(_("partie (clé)"), max_length=100)
    code_hash = models.CharField(_("code (haché)"), max_length=128)
    created_at = models.DateTimeField(_("créé le"), default=timezone.now)
    expires_at = models.DateTimeField(_("expire le"))
    used_at = models.DateTimeField(_("utilisé le"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("essais"), default=0)

    class Meta:
        verbose_name = _("code de signature")
        verbose_name_plural = _("codes de signature")

    def __str__(self):
        return f"{self.act_label} #{self.act_id} / {self.party_key}"
