"""Framework conventions (conventions cadres), their numbered amendments (avenants), the parties
that sign them, and the documents generated from them.

What a convention says *today* is never stored: it is the base text (articles, paragraphs,
clauses, parties) with every signed amendment in force applied in order, computed by
conventions.consolidation. Likewise its end date and the last day to give notice are computed
from its duration and termination clauses in force and the campus's label periods
(conventions.dates), so they move when the label moves.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from documents.models import StoredDocument
from notifications.models import Delivery


class ConventionKind(models.TextChoices):
    PREFIGURATION = "prefiguration", _("Préfiguration")
    CONSTITUTIVE = "constitutive", _("Constitutive")
    RENEWAL = "renewal", _("Renouvellement")


class SignatureStatus(models.TextChoices):
    """The signature circuit shared by conventions and amendments."""

    DRAFT = "draft", _("Brouillon")
    SENT = "sent", _("Envoyé pour signature")
    SIGNED = "signed", _("Signé par toutes les parties")
    TERMINATED = "terminated", _("Dénoncé")


class DurationKind(models.TextChoices):
    FIXED_TERM = "fixed_term", _("Durée fixe à compter de la signature")
    ONE_YEAR_EXTENDED = (
        "one_year_extended_to_label_end",
        _("Un an, portée à l'expiration de la labellisation"),
    )
    UNTIL_LABEL_END = "until_label_end", _("Jusqu'à l'échéance de la labellisation")
    LABEL_PLUS_ONE_YEAR = (
        "label_plus_one_year",
        _("Durée de la labellisation augmentée d'une année"),
    )


class RenewalMode(models.TextChoices):
    EXPRESS = "express", _("Reconduction expresse")
    TACIT = "tacit", _("Tacite reconduction")
    NONE = "none", _("Pas de reconduction")


class NoticeReference(models.TextChoices):
    CONVENTION_END = "convention_end", _("avant l'échéance de la convention")
    SCHOOL_YEAR_END = "school_year_end", _("avant la fin de l'année scolaire et universitaire")


class PartyKind(models.TextChoices):
    STATE = "state", pgettext_lazy("party kind", "État")
    REGION = "region", _("Région")
    SUPPORT = "support", _("Établissement support")
    OTHER = "other", _("Autre partie")


class FrameworkConvention(models.Model):
    campus = models.ForeignKey(
        "campuses.Campus",
        on_delete=models.PROTECT,
        related_name="conventions",
        verbose_name=_("campus"),
    )
    kind = models.CharField(_("nature"), max_length=20, choices=ConventionKind.choices)
    title = models.CharField(_("intitulé"), max_length=300)
    legal_references = models.TextField(
        _("visas"), blank=True, help_text=_("Un « Vu … » par ligne.")
    )
    preamble = models.TextField(_("préambule"), blank=True)
    seat = models.TextField(_("siège du campus"), blank=True)
    original_copies = models.PositiveSmallIntegerField(
        _("nombre d'exemplaires originaux"), null=True, blank=True
    )
    signing_place = models.CharField(_("fait à"), max_length=100, blank=True)
    deliberation = models.ForeignKey(
        "deliberations.Deliberation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="conventions",
        verbose_name=_("délibération d'adoption"),
    )
    # Clauses in their structured form; amendments may change them (see consolidation).
    duration_kind = models.CharField(
        _("règle de durée"), max_length=40, choices=DurationKind.choices
    )
    duration_years = models.PositiveSmallIntegerField(
        _("durée (années)"),
        null=True,
        blank=True,
        help_text=_("Pour une durée fixe à compter de la signature."),
    )
    renewal_mode = models.CharField(
        _("reconduction"), max_length=10, choices=RenewalMode.choices, default=RenewalMode.NONE
    )
    notice_months = models.PositiveSmallIntegerField(
        _("préavis de dénonciation (mois)"), null=True, blank=True
    )
    notice_reference = models.CharField(
        _("préavis compté"),
        max_length=20,
        choices=NoticeReference.choices,
        default=NoticeReference.CONVENTION_END,
    )
    notice_form = models.CharField(_("forme de la dénonciation"), max_length=200, blank=True)
    # The act's wording as adopted (documents/acts.py markup): its PDF reproduces it verbatim.
    # Empty for an act made in the portal from the standard template, whose text is generated.
    adopted_text = models.TextField(
        _("texte adopté"),
        blank=True,
        help_text=_(
            "Le texte tel qu'adopté (balisage de documents/acts.py) ; vide, le portail génère "
            "le texte à partir de la convention-type."
        ),
    )
    status = models.CharField(
        _("état"), max_length=12, choices=SignatureStatus.choices, default=SignatureStatus.DRAFT
    )
    # Set by the signature service when the last party signs: the date of that signature.
    effective_date = models.DateField(_("date d'effet"), null=True, blank=True)
    sent_on = models.DateField(_("envoyée pour signature le"), null=True, blank=True)
    terminated_on = models.DateField(_("dénoncée le"), null=True, blank=True)
    terminated_by = models.ForeignKey(
        "ConventionParty",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dénoncée par"),
    )
    termination_reason = models.TextField(_("motif de la dénonciation"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("créée le"))
    version = models.PositiveIntegerField(default=1, editable=False, verbose_name=_("version"))

    class Meta:
        verbose_name = _("convention cadre")
        verbose_name_plural = _("conventions cadres")
        ordering = ["campus__short_name", F("effective_date").desc(nulls_first=True)]
        constraints = [
            models.CheckConstraint(
                condition=~Q(duration_kind="fixed_term") | Q(duration_years__gte=1),
                name="conventions_frameworkconvention_fixed_term_has_years",
                violation_error_message=_("Une durée fixe doit indiquer un nombre d'années."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("conventions:detail", args=[self.pk])

    def clean(self):
        super().clean()
        if self.duration_kind == DurationKind.FIXED_TERM and not self.duration_years:
            raise ValidationError(
                {"duration_years": _("Une durée fixe doit indiquer un nombre d'années.")}
            )

    @property
    def is_editable(self):
        """Only a draft is edited directly; a signed text changes through an amendment."""
        return self.status == SignatureStatus.DRAFT


class ConventionParty(models.Model):
    """A signatory party, in the order of the convention's « Entre : … » list."""

    convention = models.ForeignKey(
        FrameworkConvention,
        on_delete=models.CASCADE,
        related_name="parties",
        verbose_name=_("convention"),
    )
    position = models.PositiveSmallIntegerField(_("rang"))
    kind = models.CharField(_("type de partie"), max_length=10, choices=PartyKind.choices)
    organisation = models.ForeignKey(
        "campuses.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="convention_parties",
        verbose_name=_("organisme"),
    )
    authority = models.CharField(
        _("autorité"),
        max_length=200,
        blank=True,
        help_text=_("Pour l'État ou la Région : « L'État », « La Région Île-de-France »."),
    )
    representative_name = models.CharField(_("représenté·e par"), max_length=200, blank=True)
    representative_title = models.CharField(_("qualité"), max_length=300, blank=True)
    # Parties that join or leave through an amendment.
    added_by = models.ForeignKey(
        "Amendment",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="added_parties",
        verbose_name=_("ajoutée par"),
    )
    removed_by = models.ForeignKey(
        "Amendment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="removed_parties",
        verbose_name=_("retirée par"),
    )

    class Meta:
        verbose_name = _("partie")
        verbose_name_plural = _("parties")
        ordering = ["convention", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["convention", "position"],
                name="conventions_conventionparty_unique_position",
            ),
            models.CheckConstraint(
                condition=Q(organisation__isnull=False) | ~Q(authority=""),
                name="conventions_conventionparty_named",
                violation_error_message=_("Indiquez l'organisme ou l'autorité."),
            ),
        ]

    def __str__(self):
        return self.authority or str(self.organisation)


class Article(models.Model):
    convention = models.ForeignKey(
        FrameworkConvention,
        on_delete=models.CASCADE,
        related_name="articles",
        verbose_name=_("convention"),
    )
    number = models.PositiveSmallIntegerField(_("numéro"))
    title = models.CharField(_("titre"), max_length=300)

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["convention", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["convention", "number"],
                name="conventions_article_unique_number",
                violation_error_message=_("Cette convention a déjà un article de ce numéro."),
            )
        ]

    def __str__(self):
        return f"Article {self.number} – {self.title}"


class Paragraph(models.Model):
    """An alinéa, addressable as « article 4, alinéa 4.1 » by its label."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="paragraphs", verbose_name=_("article")
    )
    position = models.PositiveSmallIntegerField(_("rang"))
    label = models.CharField(
        _("alinéa"), max_length=20, blank=True, help_text=_("Par exemple « 4.1 ».")
    )
    text = models.TextField(_("texte"))

    class Meta:
        verbose_name = _("alinéa")
        verbose_name_plural = _("alinéas")
        ordering = ["article", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "position"], name="conventions_paragraph_unique_position"
            ),
        ]

    def __str__(self):
        return self.label or f"§{self.position}"


class Contribution(models.Model):
    """What one party brings: money (ceilings per year and share of expenses) or in kind."""

    convention = models.ForeignKey(
        FrameworkConvention,
        on_delete=models.CASCADE,
        related_name="contributions",
        verbose_name=_("convention"),
    )
    party = models.ForeignKey(
        ConventionParty,
        on_delete=models.CASCADE,
        related_name="contributions",
        verbose_name=_("partie"),
    )
    max_amount_per_year = models.DecimalField(
        _("montant maximum par an (€)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    max_share_percent = models.DecimalField(
        _("part maximum des dépenses (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
    )
    in_kind = models.TextField(_("contributions en nature"), blank=True)
    regulation_version = models.ForeignKey(
        "deliberations.RegulationVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contributions",
        verbose_name=_("règlement d'intervention de référence"),
    )

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["convention", "party__position"]
        constraints = [
            models.CheckConstraint(
                condition=Q(max_share_percent__isnull=True)
                | Q(max_share_percent__gte=0, max_share_percent__lte=100),
                name="conventions_contribution_share_is_a_percentage",
                violation_error_message=_("La part doit être comprise entre 0 et 100 %."),
            ),
            models.CheckConstraint(
                condition=Q(max_amount_per_year__isnull=True) | Q(max_amount_per_year__gte=0),
                name="conventions_contribution_amount_not_negative",
                violation_error_message=_("Le montant ne peut pas être négatif."),
            ),
        ]

    def __str__(self):
        return f"{self.party} : {self.max_amount_per_year or ''} {self.in_kind[:40]}".strip()


class Annex(models.Model):
    convention = models.ForeignKey(
        FrameworkConvention,
        on_delete=models.CASCADE,
        related_name="annexes",
        verbose_name=_("convention"),
    )
    position = models.PositiveSmallIntegerField(_("rang"))
    title = models.CharField(_("titre"), max_length=300)
    text = models.TextField(_("texte"), blank=True)

    class Meta:
        verbose_name = _("annexe")
        verbose_name_plural = _("annexes")
        ordering = ["convention", "position"]

    def __str__(self):
        return self.title


class Amendment(models.Model):
    """An avenant, numbered per convention (n°1, n°2 …).

    A historical amendment pre-dates the portal: only its number, date, summary and scan are
    recorded, it has no typed changes and does not alter the consolidated text.
    """

    convention = models.ForeignKey(
        FrameworkConvention,
        on_delete=models.PROTECT,
        related_name="amendments",
        verbose_name=_("convention"),
    )
    number = models.PositiveSmallIntegerField(_("numéro"))
    title = models.CharField(_("intitulé"), max_length=300)
    deliberation = models.ForeignKey(
        "deliberations.Deliberation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="amendments",
        verbose_name=_("délibération d'adoption"),
    )
    is_historical = models.BooleanField(_("avenant antérieur au portail"), default=False)
    summary = models.TextField(_("résumé"), blank=True)
    # The act's wording as adopted (documents/acts.py markup): its PDF reproduces it verbatim.
    # Empty for an act made in the portal from the standard template, whose text is generated.
    adopted_text = models.TextField(
        _("texte adopté"),
        blank=True,
        help_text=_(
            "Le texte tel qu'adopté (balisage de documents/acts.py) ; vide, le portail génère "
            "le texte à partir de la convention-type."
        ),
    )
    status = models.CharField(
        _("état"), max_length=12, choices=SignatureStatus.choices, default=SignatureStatus.DRAFT
    )
    sent_on = models.DateField(_("envoyé pour signature le"), null=True, blank=True)
    effective_date = models.DateField(_("date d'effet"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("créé le"))
    version = models.PositiveIntegerField(default=1, editable=False, verbose_name=_("version"))

    class Meta:
        verbose_name = _("avenant")
        verbose_name_plural = _("avenants")
        ordering = ["convention", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["convention", "number"],
                name="conventions_amendment_unique_number",
                violation_error_message=_("Cette convention a déjà un avenant de ce numéro."),
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1),
                name="conventions_amendment_number_positive",
            ),
        ]

    def __str__(self):
        return f"Avenant n°{self.number} – {self.convention.campus}"

    def get_absolute_url(self):
        return reverse("conventions:amendment_detail", args=[self.pk])

    @property
    def is_editable(self):
        return self.status == SignatureStatus.DRAFT and not self.is_historical


class ChangeKind(models.TextChoices):
    REPLACE_PASSAGE = "replace_passage", _("Remplacer un passage")
    REPLACE_ARTICLE = "replace_article", _("Remplacer un article")
    CHANGE_DURATION = "change_duration", _("Modifier la durée")
    CHANGE_TERMINATION = "change_termination", _("Modifier la clause de dénonciation")
    ADD_ANNEX = "add_annex", _("Ajouter une annexe")
    REPLACE_ANNEX = "replace_annex", _("Remplacer une annexe")
    CHANGE_SUPPORT = "change_support", _("Changer d'établissement support")
    ADD_PARTY = "add_party", _("Ajouter une partie")
    REMOVE_PARTY = "remove_party", _("Retirer une partie")


class AmendmentChange(models.Model):
    """One typed change of an amendment (its article 1 lists them in order).

    The fields used depend on the kind: a passage replacement names the article, the
    paragraph, the quoted passage and its replacement; a duration change carries the new
    structured clause in `clause` (and optionally the paragraph's new text); an annex carries a
    title and text; a party change names the party or organisation.
    """

    amendment = models.ForeignKey(
        Amendment, on_delete=models.CASCADE, related_name="changes", verbose_name=_("avenant")
    )
    position = models.PositiveSmallIntegerField(_("rang"))
    kind = models.CharField(_("type de modification"), max_length=30, choices=ChangeKind.choices)
    article_number = models.PositiveSmallIntegerField(_("article"), null=True, blank=True)
    paragraph_label = models.CharField(_("alinéa"), max_length=20, blank=True)
    old_text = models.TextField(_("passage remplacé"), blank=True)
    new_text = models.TextField(_("nouveau texte"), blank=True)
    title = models.CharField(_("titre (article ou annexe)"), max_length=300, blank=True)
    clause = models.JSONField(_("clause structurée"), default=dict, blank=True)
    organisation = models.ForeignKey(
        "campuses.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisme"),
    )
    party = models.ForeignKey(
        ConventionParty,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("partie"),
    )

    class Meta:
        verbose_name = _("modification")
        verbose_name_plural = _("modifications")
        ordering = ["amendment", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["amendment", "position"], name="conventions_amendmentchange_unique_position"
            ),
        ]

    def __str__(self):
        target = (
            f" (article {self.paragraph_label or self.article_number})"
            if (self.article_number)
            else ""
        )
        return f"{self.get_kind_display()}{target}"


class Signature(models.Model):
    """One party's signature of a convention or of an amendment."""

    convention = models.ForeignKey(
        FrameworkConvention,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="signatures",
        verbose_name=_("convention"),
    )
    amendment = models.ForeignKey(
        Amendment,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="signatures",
        verbose_name=_("avenant"),
    )
    party = models.ForeignKey(
        ConventionParty,
        on_delete=models.PROTECT,
        related_name="signatures",
        verbose_name=_("partie"),
    )
    signed_on = models.DateField(_("date de signature"))
    place = models.CharField(_("lieu"), max_length=100)
    signatory_name = models.CharField(_("signataire"), max_length=200)
    signatory_title = models.CharField(_("qualité du signataire"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("enregistrée par"),
    )
    recorded_at = models.DateTimeField(auto_now_add=True, verbose_name=_("enregistrée le"))

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        ordering = ["signed_on", "party__position"]
        constraints = [
            models.CheckConstraint(
                condition=Q(convention__isnull=False, amendment__isnull=True)
                | Q(convention__isnull=True, amendment__isnull=False),
                name="conventions_signature_one_document",
            ),
            models.UniqueConstraint(
                fields=["convention", "party"],
                condition=Q(convention__isnull=False),
                name="conventions_signature_once_per_party_convention",
                violation_error_message=_("Cette partie a déjà signé."),
            ),
            models.UniqueConstraint(
                fields=["amendment", "party"],
                condition=Q(amendment__isnull=False),
                name="conventions_signature_once_per_party_amendment",
                violation_error_message=_("Cette partie a déjà signé."),
            ),
        ]

    def __str__(self):
        return f"{self.party} – {self.signed_on:%d/%m/%Y}"


def _scan_path(instance, filename):
    owner = f"avenant-{instance.amendment_id}" if instance.amendment_id else "convention"
    return f"conventions/{instance.convention_id}/scans/{owner}-{filename}"


class SignedScan(models.Model):
    """The scanned signed original (PDF), attached to the convention or one of its amendments."""

    convention = models.ForeignKey(
        FrameworkConvention,
        on_delete=models.CASCADE,
        related_name="scans",
        verbose_name=_("convention"),
    )
    amendment = models.ForeignKey(
        Amendment,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="scans",
        verbose_name=_("avenant"),
    )
    file = models.FileField(_("fichier PDF"), upload_to=_scan_path)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("déposé par"),
    )
    uploaded_at = models.DateTimeField(auto_now_add=True, verbose_name=_("déposé le"))

    class Meta:
        verbose_name = _("original signé numérisé")
        verbose_name_plural = _("originaux signés numérisés")
        ordering = ["-uploaded_at"]

    def __str__(self):
        return self.file.name


class DocumentKind(models.TextChoices):
    CONVENTION = "convention", _("Convention cadre")
    AMENDMENT = "amendment", _("Avenant")
    CONSOLIDATED = "consolidated", _("Texte consolidé")


class GeneratedDocument(StoredDocument):
    """A PDF generated from one version of a convention, an amendment or a consolidated text
    (documents.StoredDocument: status, file, fingerprint…)."""

    kind = models.CharField(_("document"), max_length=20, choices=DocumentKind.choices)
    convention = models.ForeignKey(
        FrameworkConvention,
        on_delete=models.CASCADE,
        related_name="documents",
        verbose_name=_("convention"),
    )
    amendment = models.ForeignKey(
        Amendment,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("avenant"),
    )
    as_of = models.DateField(_("texte en vigueur au"), null=True, blank=True)

    class Meta(StoredDocument.Meta):
        verbose_name = _("document généré")
        verbose_name_plural = _("documents générés")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "source_key"],
                name="conventions_generateddocument_unique_version",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} – {self.convention.campus}"

    @property
    def display_name(self):
        """« Avenant n°2 », « Texte consolidé au 01/09/2024 »."""
        name = self.get_kind_display()
        if self.amendment_id:
            name += f" n°{self.amendment.number}"
        if self.as_of:
            name += " " + gettext("au %(day)s") % {"day": f"{self.as_of:%d/%m/%Y}"}
        return name


class ReminderStep(models.TextChoices):
    ENDS_IN_6_MONTHS = "ends_6_months", _("Fin de la convention dans moins de 6 mois")
    ENDS_IN_3_MONTHS = "ends_3_months", _("Fin de la convention dans moins de 3 mois")
    NOTICE_DEADLINE = "notice_deadline", _("Date limite de dénonciation proche")
    SIGNATURES_PENDING = "signatures_pending", _("En attente de signatures depuis plus de 30 jours")


class Reminder(Delivery):
    """A reminder sent once per object, step and due date (notifications.Delivery: recipients,
    recorded, sent; the unique constraints make re-runs no-ops)."""

    step = models.CharField(_("étape"), max_length=30, choices=ReminderStep.choices)
    convention = models.ForeignKey(
        FrameworkConvention,
        on_delete=models.CASCADE,
        related_name="reminders",
        verbose_name=_("convention"),
    )
    amendment = models.ForeignKey(
        Amendment,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reminders",
        verbose_name=_("avenant"),
    )
    # The deadline the reminder is about (end date, last day of notice, sending date).
    due_on = models.DateField(_("échéance"))
    message = models.CharField(_("message"), max_length=300)

    class Meta:
        verbose_name = _("relance")
        verbose_name_plural = _("relances")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["convention", "step", "due_on"],
                condition=Q(amendment__isnull=True),
                name="conventions_reminder_once_per_convention_step",
            ),
            models.UniqueConstraint(
                fields=["amendment", "step", "due_on"],
                condition=Q(amendment__isnull=False),
                name="conventions_reminder_once_per_amendment_step",
            ),
        ]

    def __str__(self):
        return self.message
