"""The annual follow-up (« fiche-type données de suivi », annexe 1 of CP 2023-263): a campaign
per year N, one sheet per campus, nine sections filled by the campus's director, reviewed by
the rectorate and the Region.

A sheet's content lives in one row per section (`SheetSection.data`, validated by the
declarative schema of `sections.py`): two people editing different sections never collide,
and each section carries its own version for the ones who edit the same. The figures the
dashboard adds up are copied into `SheetIndicators` columns at every save, so that the regional
dashboard is a handful of SQL aggregates whatever the number of sheets.

The sheet collects no personal data: counts, organisations, formations, events — never the
names of learners.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from audit import models as audit_models
from campuses.models import Campus
from documents.models import StoredDocument
from notifications.models import Delivery

SECTION_NUMBERS = range(1, 10)


class Campaign(models.Model):
    """The campaign for year N: sheets to fill between its opening and its deadline."""

    year = models.PositiveSmallIntegerField(_("année suivie (N)"), unique=True)
    opens_on = models.DateField(_("ouverture"))
    deadline = models.DateField(_("date limite"))
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ouverte par"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("créée le"))

    class Meta:
        verbose_name = _("campagne de suivi")
        verbose_name_plural = _("campagnes de suivi")
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__gte=models.F("opens_on")),
                name="followup_campaign_deadline_after_opening",
                violation_error_message=_("La date limite précède l'ouverture."),
            )
        ]

    def __str__(self):
        return _("Campagne de suivi %(year)s") % {"year": self.year}

    def get_absolute_url(self):
        return reverse("followup:campaign_detail", args=[self.pk])


class SheetStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Non commencée")
    DRAFT = "draft", _("Brouillon")
    SUBMITTED = "submitted", _("Soumise")
    CHANGES_REQUESTED = "changes_requested", _("Modifications demandées")
    VALIDATED = "validated", _("Validée")


# The director may edit the sheet in these states.
EDITABLE_STATUSES = (SheetStatus.NOT_STARTED, SheetStatus.DRAFT, SheetStatus.CHANGES_REQUESTED)


class Opinion(models.TextChoices):
    FAVOURABLE = "favourable", _("Favorable")
    RESERVED = "reserved", _("Favorable avec réserves")
    UNFAVOURABLE = "unfavourable", _("Défavorable")


class FollowUpSheet(models.Model):
    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="sheets", verbose_name=_("campagne")
    )
    campus = models.ForeignKey(
        Campus, on_delete=models.PROTECT, related_name="followup_sheets", verbose_name=_("campus")
    )
    status = models.CharField(
        _("état"), max_length=20, choices=SheetStatus.choices, default=SheetStatus.NOT_STARTED
    )
    # Pre-filled from the campus's validated sheet of the year before (stakeholders,
    # formations, partners): the rows copied are marked as such in the sections' data.
    prefilled_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("préremplie d'après"),
    )
    submitted_at = models.DateTimeField(_("soumise le"), null=True, blank=True)
    validated_at = models.DateTimeField(_("validée le"), null=True, blank=True)
    rectorate_opinion = models.CharField(
        _("avis du rectorat"), max_length=20, choices=Opinion.choices, blank=True
    )
    rectorate_opinion_text = models.TextField(_("motivation de l'avis"), blank=True)
    rectorate_opinion_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("avis du rectorat donné par"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("créée le"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("modifiée le"))
    version = models.PositiveIntegerField(default=1, editable=False, verbose_name=_("version"))

    class Meta:
        verbose_name = _("fiche de suivi")
        verbose_name_plural = _("fiches de suivi")
        ordering = ["-campaign__year", "campus__short_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "campus"], name="followup_sheet_one_per_campus_and_year"
            )
        ]

    def __str__(self):
        return _("Fiche de suivi %(year)s – %(campus)s") % {
            "year": self.campaign.year,
            "campus": self.campus.short_name,
        }

    def get_absolute_url(self):
        return reverse("followup:sheet_detail", args=[self.pk])

    @property
    def is_editable(self):
        return self.status in EDITABLE_STATUSES


class SheetSection(models.Model):
    """The content of one of the nine sections, as typed (a draft may hold invalid values:
    nothing typed is lost); `sections.py` validates it and says whether it is complete."""

    sheet = models.ForeignKey(
        FollowUpSheet, on_delete=models.CASCADE, related_name="sections", verbose_name=_("fiche")
    )
    number = models.PositiveSmallIntegerField(_("rubrique"))
    data = models.JSONField(_("contenu"), default=dict, blank=True)
    is_complete = models.BooleanField(_("complète"), default=False)
    error_count = models.PositiveSmallIntegerField(_("erreurs"), default=0)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("modifiée par"),
    )
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("modifiée le"))
    version = models.PositiveIntegerField(default=1, editable=False, verbose_name=_("version"))

    class Meta:
        verbose_name = _("rubrique de la fiche")
        verbose_name_plural = _("rubriques de la fiche")
        ordering = ["sheet", "number"]
        constraints = [
            models.UniqueConstraint(fields=["sheet", "number"], name="followup_section_unique"),
            models.CheckConstraint(
                condition=Q(number__gte=1, number__lte=9), name="followup_section_number_1_to_9"
            ),
        ]

    def __str__(self):
        return f"{self.sheet} – {self.number}"


class SheetIndicators(models.Model):
    """The figures of a sheet the regional dashboard adds up, recomputed at every save."""

    sheet = models.OneToOneField(
        FollowUpSheet, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("fiche")
    )
    pupils = models.PositiveIntegerField(_("élèves"), default=0)
    apprentices = models.PositiveIntegerField(_("apprentis"), default=0)
    students = models.PositiveIntegerField(_("étudiants"), default=0)
    trainees = models.PositiveIntegerField(_("stagiaires de la formation continue"), default=0)
    teachers = models.PositiveIntegerField(_("enseignants et formateurs"), default=0)
    job_seekers = models.PositiveIntegerField(_("demandeurs d'emploi"), default=0)
    other_beneficiaries = models.PositiveIntegerField(_("autres bénéficiaires"), default=0)
    stakeholders = models.PositiveIntegerField(_("parties prenantes"), default=0)
    formations = models.PositiveIntegerField(_("formations concernées"), default=0)
    actions = models.PositiveIntegerField(_("actions"), default=0)
    meetings = models.PositiveIntegerField(_("réunions de gouvernance"), default=0)
    formations_created = models.PositiveIntegerField(
        _("formations créées ou transformées"), default=0
    )
    places_created = models.PositiveIntegerField(_("places créées ou transformées"), default=0)
    module_beneficiaries = models.PositiveIntegerField(
        _("bénéficiaires des modules et colorations"), default=0
    )
    events = models.PositiveIntegerField(_("événements"), default=0)
    events_organised = models.PositiveIntegerField(_("événements organisés"), default=0)
    international_partners = models.PositiveIntegerField(_("partenaires internationaux"), default=0)
    mobilities = models.PositiveIntegerField(_("mobilités"), default=0)
    # Wide enough for 200 lines at the largest amount a cell accepts (sections.MAX_MONEY).
    budget_revenues = models.DecimalField(
        _("recettes réalisées"), max_digits=15, decimal_places=2, default=0
    )
    budget_expenses = models.DecimalField(
        _("dépenses réalisées"), max_digits=15, decimal_places=2, default=0
    )
    staff_fte = models.DecimalField(_("ETP"), max_digits=9, decimal_places=2, default=0)

    class Meta:
        verbose_name = _("indicateurs de la fiche")
        verbose_name_plural = _("indicateurs des fiches")

    def __str__(self):
        return str(self.sheet)

    @property
    def beneficiaries(self):
        return (
            self.pupils
            + self.apprentices
            + self.students
            + self.trainees
            + self.teachers
            + self.job_seekers
            + self.other_beneficiaries
        )


class StatusChange(audit_models.StatusChange):
    subject_field = "sheet"

    sheet = models.ForeignKey(
        FollowUpSheet, on_delete=models.CASCADE, related_name="history", verbose_name=_("fiche")
    )
    from_status = models.CharField(_("de"), max_length=20, choices=SheetStatus.choices)
    to_status = models.CharField(_("vers"), max_length=20, choices=SheetStatus.choices)

    class Meta(audit_models.StatusChange.Meta):
        verbose_name = _("changement d'état de la fiche")
        verbose_name_plural = _("changements d'état des fiches")

    def __str__(self):
        return f"{self.sheet}: {self.from_status} → {self.to_status}"


class ReviewerSide(models.TextChoices):
    RECTORATE = "rectorate", _("Rectorat")
    REGION = "region", _("Région")


class SheetComment(models.Model):
    """A reviewer's comment on one section (0: the whole sheet). Internal notes are for the
    reviewers only: the director never sees them."""

    sheet = models.ForeignKey(
        FollowUpSheet, on_delete=models.CASCADE, related_name="comments", verbose_name=_("fiche")
    )
    section = models.PositiveSmallIntegerField(_("rubrique"), default=0)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("auteur"),
    )
    side = models.CharField(_("côté"), max_length=10, choices=ReviewerSide.choices)
    internal = models.BooleanField(_("note interne (invisible du campus)"), default=False)
    text = models.TextField(_("commentaire"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("écrit le"))

    class Meta:
        verbose_name = _("commentaire de relecture")
        verbose_name_plural = _("commentaires de relecture")
        ordering = ["section", "created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(section__gte=0, section__lte=9), name="followup_comment_section"
            )
        ]

    def __str__(self):
        return self.text[:60]


class SheetAttachment(models.Model):
    sheet = models.ForeignKey(
        FollowUpSheet, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("fiche")
    )
    section = models.PositiveSmallIntegerField(_("rubrique"))
    file = models.FileField(_("fichier"), upload_to="followup/attachments/%Y/")
    name = models.CharField(_("nom"), max_length=200)
    kind = models.CharField(_("type"), max_length=10)  # pdf, odt, ods, docx, xlsx (by content)
    size = models.PositiveIntegerField(_("taille (octets)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("déposée par"),
    )
    uploaded_at = models.DateTimeField(auto_now_add=True, verbose_name=_("déposée le"))

    class Meta:
        verbose_name = _("pièce jointe")
        verbose_name_plural = _("pièces jointes")
        ordering = ["section", "uploaded_at"]

    def __str__(self):
        return self.name


class ReminderStep(models.TextChoices):
    OPENING = "opening", _("Ouverture de la campagne")
    DAYS_30 = "d30", _("J-30 avant la date limite")
    DAYS_7 = "d7", _("J-7 avant la date limite")
    DAYS_1 = "d1", _("J-1 avant la date limite")
    OVERDUE = "overdue", _("Fiche en retard")
    REVIEW_WAITING = "review", _("Fiche en attente de relecture depuis 15 jours")


class SheetReminder(Delivery):
    """An e-mail about one sheet, sent once per sheet, step and date (notifications.Delivery;
    the constraint makes a second beat run, or a worker restarted mid-run, a no-op); the log
    shown on the sheet."""

    sheet = models.ForeignKey(
        FollowUpSheet, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("fiche")
    )
    step = models.CharField(_("étape"), max_length=10, choices=ReminderStep.choices)
    # The date the reminder is about: the deadline, or the submission date for reviewers.
    due_on = models.DateField(_("échéance"))
    subject = models.CharField(_("objet"), max_length=300)

    class Meta:
        verbose_name = _("relance de suivi")
        verbose_name_plural = _("relances de suivi")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["sheet", "step", "due_on"], name="followup_reminder_once_per_step"
            )
        ]

    def __str__(self):
        return self.subject


class SheetDocument(StoredDocument):
    """A PDF of one sheet (documents.StoredDocument: status, file, fingerprint…)."""

    sheet = models.ForeignKey(
        FollowUpSheet, on_delete=models.CASCADE, related_name="documents", verbose_name=_("fiche")
    )

    class Meta(StoredDocument.Meta):
        verbose_name = _("PDF de fiche de suivi")
        verbose_name_plural = _("PDF de fiches de suivi")
        constraints = [
            models.UniqueConstraint(
                fields=["sheet", "source_key"], name="followup_document_unique_version"
            )
        ]

    def __str__(self):
        return f"PDF {self.sheet}"
