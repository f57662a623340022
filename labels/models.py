"""Labelling: the national criteria (versioned), the applications to obtain or renew the label
(their carriers, prior opinions, dossier and criteria presentations), the experts' review
(assignments, conflicts of interest, assessments per criterion, navettes), the decision that
writes the registry's label period, and what follows a label (progress report, mid-term and
external evaluations, renewal reminders).

Statuses are moved only by the services, following the workflow of labels.workflow.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from audit import models as audit_models
from campuses.models import Campus, LabelCategory, LabelPeriod, Organisation
from documents.models import StoredDocument
from notifications.models import Delivery

# ----------------------------------------------------------------------- reference criteria


class CriteriaVersion(models.Model):
    """One version of the national specification (« permanent, susceptible d'être actualisé »):
    an application is assessed against the version in force when it was deposited."""

    code = models.CharField(_("version"), max_length=20, unique=True)
    title = models.CharField(_("intitulé"), max_length=300)
    source = models.CharField(_("source"), max_length=300, blank=True)
    in_force_from = models.DateField(_("en vigueur à partir du"))

    class Meta:
        verbose_name = _("version du cahier des charges")
        verbose_name_plural = _("versions du cahier des charges")
        ordering = ["-in_force_from"]

    def __str__(self):
        return f"{self.title} ({self.code})"


class Criterion(models.Model):
    version = models.ForeignKey(
        CriteriaVersion,
        on_delete=models.PROTECT,
        related_name="criteria",
        verbose_name=_("version du cahier des charges"),
    )
    number = models.CharField(_("numéro"), max_length=8)  # « 2.1 » … « 2.11 »
    position = models.PositiveSmallIntegerField(_("ordre"))
    title = models.CharField(_("intitulé"), max_length=300)
    # The expected elements, as the specification lists them: [{"text", "details": [...]}].
    expected = models.JSONField(_("éléments attendus"), default=list)
    # The « Catégorie Excellence » requirements ([] when the specification says « Idem »).
    excellence = models.JSONField(_("exigences de la catégorie Excellence"), default=list)

    class Meta:
        verbose_name = _("critère")
        verbose_name_plural = _("critères")
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "number"], name="labels_criterion_unique_number"
            )
        ]

    def __str__(self):
        return f"{self.number} {self.title}"

    @property
    def has_excellence_requirements(self):
        return bool(self.excellence)


# --------------------------------------------------------------------------- applications


class ExpertiseSession(models.Model):
    """A national session of expertise (several a year)."""

    name = models.CharField(_("intitulé"), max_length=200, unique=True)
    deposit_deadline = models.DateField(_("date limite de dépôt"))
    meets_on = models.DateField(_("date de la session"))

    class Meta:
        verbose_name = _("session d'expertise")
        verbose_name_plural = _("sessions d'expertise")
        ordering = ["-meets_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(meets_on__gte=models.F("deposit_deadline")),
                name="labels_session_meets_after_deadline",
                violation_error_message=_("La session suit la date limite de dépôt."),
            )
        ]

    def __str__(self):
        return self.name


class ApplicationKind(models.TextChoices):
    OBTAIN = "obtain", _("Obtention du label")
    RENEW = "renew", _("Renouvellement du label")
    CHANGE_CATEGORY = "change_category", _("Changement de catégorie")


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Brouillon")
    SUBMITTED = "submitted", _("Déposée")
    ADMISSIBLE = "admissible", _("Recevable")
    INADMISSIBLE = "inadmissible", _("Irrecevable")
    IN_EXPERTISE = "in_expertise", _("En expertise")
    NAVETTE = "navette", _("Navette en cours")
    ANSWERS_RECEIVED = "answers_received", _("Réponses reçues")
    OPINION = "opinion", _("Avis du groupe d'experts")
    DECIDED = "decided", _("Décision rendue")
    WITHDRAWN = "withdrawn", _("Retirée")


# An application « in progress »: the campus shows « Candidature » meanwhile.
IN_PROGRESS_STATUSES = (
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.ADMISSIBLE,
    ApplicationStatus.IN_EXPERTISE,
    ApplicationStatus.NAVETTE,
    ApplicationStatus.ANSWERS_RECEIVED,
    ApplicationStatus.OPINION,
)
# Where the experts work on it.
EXPERTISE_STATUSES = (
    ApplicationStatus.IN_EXPERTISE,
    ApplicationStatus.NAVETTE,
    ApplicationStatus.ANSWERS_RECEIVED,
)


class PriorOpinion(models.TextChoices):
    FAVOURABLE = "favourable", _("Favorable")
    RESERVED = "reserved", _("Favorable avec réserves")
    UNFAVOURABLE = "unfavourable", _("Défavorable")


class ExpertOpinion(models.TextChoices):
    FAVOURABLE = "favourable", _("Favorable")
    RESERVED = "reserved", _("Favorable avec réserves")
    UNFAVOURABLE = "unfavourable", _("Défavorable")


class Decision(models.TextChoices):
    LABELLED = "labelled", _("Labellisé")
    PROBATIONARY = "probationary", _("Labellisé probatoire")
    REFUSED = "refused", _("Refusé")


class LabelApplication(models.Model):
    """A « candidature »: the campus (an existing one, or a project in préfiguration) applies
    for the label, carried jointly by the Region's president and the rector."""

    campus = models.ForeignKey(
        Campus,
        on_delete=models.PROTECT,
        related_name="label_applications",
        verbose_name=_("campus"),
    )
    kind = models.CharField(_("objet"), max_length=20, choices=ApplicationKind.choices)
    target_category = models.CharField(
        _("catégorie visée"), max_length=16, choices=LabelCategory.choices
    )
    session = models.ForeignKey(
        ExpertiseSession,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("session d'expertise"),
    )
    criteria_version = models.ForeignKey(
        CriteriaVersion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("cahier des charges"),
        help_text=_("Fixé au dépôt : la version en vigueur ce jour-là."),
    )
    status = models.CharField(
        _("état"), max_length=20, choices=ApplicationStatus.choices, default=ApplicationStatus.DRAFT
    )
    summary = models.TextField(_("présentation du projet"), blank=True)
    # The covering letter, signed by both carriers.
    region_signatory = models.CharField(_("pour la Région"), max_length=250, blank=True)
    region_signed_on = models.DateField(_("signée pour la Région le"), null=True, blank=True)
    rector_signatory = models.CharField(_("pour le rectorat"), max_length=250, blank=True)
    rector_signed_on = models.DateField(_("signée pour le rectorat le"), null=True, blank=True)
    # The dossier itself (PDF, 20 pages at most), its pages counted when it is uploaded.
    dossier = models.FileField(
        _("dossier de candidature"), upload_to="labels/dossiers/%Y/", blank=True
    )
    dossier_pages = models.PositiveSmallIntegerField(_("pages du dossier"), default=0)
    submitted_on = models.DateField(_("déposée le"), null=True, blank=True)
    admissibility_reasons = models.TextField(_("motifs (recevabilité)"), blank=True)
    rapporteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("rapporteur·e"),
    )
    expert_opinion = models.CharField(
        _("avis du groupe d'experts"), max_length=20, choices=ExpertOpinion.choices, blank=True
    )
    expert_opinion_text = models.TextField(_("motivation de l'avis"), blank=True)
    opinion_on = models.DateField(_("avis rendu le"), null=True, blank=True)
    decision = models.CharField(_("décision"), max_length=20, choices=Decision.choices, blank=True)
    decision_date = models.DateField(_("date de l'arrêté"), null=True, blank=True)
    decision_reference = models.CharField(_("référence de l'arrêté"), max_length=250, blank=True)
    label_start = models.DateField(_("début du label"), null=True, blank=True)
    label_end = models.DateField(_("fin du label"), null=True, blank=True)
    label_period = models.OneToOneField(
        LabelPeriod,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="application",
        verbose_name=_("période de labellisation"),
    )
    is_historical = models.BooleanField(
        _("enregistrée après coup"),
        default=False,
        help_text=_("Une candidature antérieure au portail, enregistrée telle qu'elle a été."),
    )
    note = models.TextField(_("remarque"), blank=True)
    version = models.PositiveIntegerField(default=1, verbose_name=_("version"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("créée par"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("créée le"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("modifiée le"))

    class Meta:
        verbose_name = _("candidature au label")
        verbose_name_plural = _("candidatures au label")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(label_start__isnull=True)
                | Q(label_end__isnull=True)
                | Q(label_end__gte=models.F("label_start")),
                name="labels_application_label_end_after_start",
                violation_error_message=_("La fin du label suit son début."),
            ),
            # A campus has one application in progress at a time.
            models.UniqueConstraint(
                fields=["campus"],
                condition=~Q(status__in=("decided", "inadmissible", "withdrawn")),
                name="labels_application_one_open_per_campus",
                violation_error_message=_("Ce campus a déjà une candidature en cours."),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} – {self.campus.short_name}"

    def get_absolute_url(self):
        return reverse("labels:detail", args=[self.pk])

    @property
    def is_excellence(self):
        return self.target_category == LabelCategory.EXCELLENCE

    @property
    def carriers_signed(self):
        return bool(self.region_signed_on and self.rector_signed_on)


class OpinionBody(models.TextChoices):
    CAEN = "caen", _("CAEN (conseil académique de l'éducation nationale)")
    CREFOP = (
        "crefop",
        _("CREFOP (comité régional de l'emploi, de la formation et de l'orientation)"),
    )


class ApplicationOpinion(models.Model):
    """The prior opinion of the CAEN or the CREFOP on the application."""

    application = models.ForeignKey(
        LabelApplication,
        on_delete=models.CASCADE,
        related_name="opinions",
        verbose_name=_("candidature"),
    )
    body = models.CharField(_("instance"), max_length=10, choices=OpinionBody.choices)
    given_on = models.DateField(_("date de l'avis"))
    opinion = models.CharField(_("avis"), max_length=20, choices=PriorOpinion.choices)
    document = models.FileField(_("document"), upload_to="labels/avis/%Y/", blank=True)
    note = models.TextField(_("observations"), blank=True)

    class Meta:
        verbose_name = _("avis préalable")
        verbose_name_plural = _("avis préalables")
        ordering = ["application", "body"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "body"], name="labels_opinion_once_per_body"
            )
        ]

    def __str__(self):
        return f"{self.get_body_display()} : {self.get_opinion_display()}"


class ApplicationAnnex(models.Model):
    """An annex of the dossier (PDF); dossier and annexes are 80 pages at most in all."""

    application = models.ForeignKey(
        LabelApplication,
        on_delete=models.CASCADE,
        related_name="annexes",
        verbose_name=_("candidature"),
    )
    number = models.PositiveSmallIntegerField(_("numéro"))
    title = models.CharField(_("intitulé"), max_length=250)
    file = models.FileField(_("fichier"), upload_to="labels/annexes/%Y/")
    pages = models.PositiveSmallIntegerField(_("pages"))
    uploaded_at = models.DateTimeField(auto_now_add=True, verbose_name=_("déposée le"))

    class Meta:
        verbose_name = _("annexe")
        verbose_name_plural = _("annexes")
        ordering = ["application", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "number"], name="labels_annex_unique_number"
            )
        ]

    def __str__(self):
        return _("Annexe %(number)s – %(title)s") % {"number": self.number, "title": self.title}


class CriterionPresentation(models.Model):
    """The applicant's own presentation of one criterion: text and references to annexes.
    Each save keeps its version: a second editor gets a conflict, never an overwrite."""

    application = models.ForeignKey(
        LabelApplication,
        on_delete=models.CASCADE,
        related_name="presentations",
        verbose_name=_("candidature"),
    )
    criterion = models.ForeignKey(
        Criterion, on_delete=models.PROTECT, related_name="+", verbose_name=_("critère")
    )
    text = models.TextField(_("présentation"), blank=True)
    annex_references = models.CharField(_("annexes citées"), max_length=500, blank=True)
    version = models.PositiveIntegerField(default=0, verbose_name=_("version"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("modifiée par"),
    )
    updated_at = models.DateTimeField(null=True, blank=True, verbose_name=_("modifiée le"))

    class Meta:
        verbose_name = _("présentation d'un critère")
        verbose_name_plural = _("présentations des critères")
        ordering = ["application", "criterion__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "criterion"], name="labels_presentation_once"
            )
        ]

    def __str__(self):
        return f"{self.application} – {self.criterion.number}"


class StatusChange(audit_models.StatusChange):
    subject_field = "application"

    application = models.ForeignKey(
        LabelApplication,
        on_delete=models.CASCADE,
        related_name="history",
        verbose_name=_("candidature"),
    )
    from_status = models.CharField(_("de"), max_length=20, choices=ApplicationStatus.choices)
    to_status = models.CharField(_("vers"), max_length=20, choices=ApplicationStatus.choices)

    class Meta(audit_models.StatusChange.Meta):
        verbose_name = _("changement d'état de la candidature")
        verbose_name_plural = _("changements d'état des candidatures")

    def __str__(self):
        return f"{self.application}: {self.from_status} → {self.to_status}"


# ------------------------------------------------------------------------------- experts


class Affiliation(models.TextChoices):
    WORKS_FOR = "works_for", _("travaille pour")
    WORKS_WITH = "works_with", _("travaille avec")


class ExpertAffiliation(models.Model):
    """An organisation an expert works for or with, as they declare it: they cannot assess a
    campus this organisation supports or takes part in."""

    expert = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="label_affiliations",
        verbose_name=_("expert·e"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="expert_affiliations",
        verbose_name=_("organisme"),
    )
    relation = models.CharField(_("lien"), max_length=12, choices=Affiliation.choices)
    declared_at = models.DateTimeField(auto_now_add=True, verbose_name=_("déclarée le"))

    class Meta:
        verbose_name = _("lien d'intérêt déclaré")
        verbose_name_plural = _("liens d'intérêt déclarés")
        constraints = [
            models.UniqueConstraint(
                fields=["expert", "organisation"], name="labels_affiliation_once"
            )
        ]

    def __str__(self):
        return f"{self.expert} {self.get_relation_display()} {self.organisation}"


class DeclaredConflict(models.Model):
    """A conflict of interest an expert declares with a campus (whatever the registry says)."""

    expert = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="label_conflicts",
        verbose_name=_("expert·e"),
    )
    campus = models.ForeignKey(
        Campus, on_delete=models.CASCADE, related_name="+", verbose_name=_("campus")
    )
    reason = models.CharField(_("motif"), max_length=300)
    declared_at = models.DateTimeField(auto_now_add=True, verbose_name=_("déclaré le"))

    class Meta:
        verbose_name = _("conflit d'intérêts déclaré")
        verbose_name_plural = _("conflits d'intérêts déclarés")
        constraints = [
            models.UniqueConstraint(fields=["expert", "campus"], name="labels_conflict_once")
        ]

    def __str__(self):
        return f"{self.expert} – {self.campus}"


class ExpertAssignment(models.Model):
    application = models.ForeignKey(
        LabelApplication,
        on_delete=models.CASCADE,
        related_name="assignments",
        verbose_name=_("candidature"),
    )
    expert = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="label_assignments",
        verbose_name=_("expert·e"),
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("désignation par"),
    )
    assigned_at = models.DateTimeField(auto_now_add=True, verbose_name=_("désignation le"))
    submitted_at = models.DateTimeField(_("évaluation transmise le"), null=True, blank=True)
    overall_comment = models.TextField(_("appréciation d'ensemble"), blank=True)

    class Meta:
        verbose_name = _("expert·e désigné·e")
        verbose_name_plural = _("experts désignés")
        ordering = ["application", "assigned_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["application", "expert"], name="labels_assignment_once")
        ]

    def __str__(self):
        return f"{self.expert} – {self.application}"


class Rating(models.TextChoices):
    MET = "met", _("Atteint")
    PARTLY = "partly", _("Partiellement atteint")
    NOT_MET = "not_met", _("Non atteint")


class CriterionAssessment(models.Model):
    """One expert's assessment of one criterion (and of its Excellence requirements when the
    application targets that category). Hidden from the other experts until they have
    submitted their own."""

    assignment = models.ForeignKey(
        ExpertAssignment,
        on_delete=models.CASCADE,
        related_name="assessments",
        verbose_name=_("désignation"),
    )
    criterion = models.ForeignKey(
        Criterion, on_delete=models.PROTECT, related_name="+", verbose_name=_("critère")
    )
    rating = models.CharField(_("appréciation"), max_length=10, choices=Rating.choices, blank=True)
    comment = models.TextField(_("commentaire"), blank=True)
    recommendations = models.TextField(_("recommandations"), blank=True)
    excellence_rating = models.CharField(
        _("exigences Excellence"), max_length=10, choices=Rating.choices, blank=True
    )
    excellence_comment = models.TextField(_("commentaire (Excellence)"), blank=True)

    class Meta:
        verbose_name = _("évaluation d'un critère")
        verbose_name_plural = _("évaluations des critères")
        ordering = ["assignment", "criterion__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "criterion"], name="labels_assessment_once"
            )
        ]

    def __str__(self):
        return f"{self.assignment.expert} – {self.criterion.number}"


class ConsolidatedCriterion(models.Model):
    """The group's opinion on one criterion, written by the rapporteur."""

    application = models.ForeignKey(
        LabelApplication,
        on_delete=models.CASCADE,
        related_name="consolidated",
        verbose_name=_("candidature"),
    )
    criterion = models.ForeignKey(
        Criterion, on_delete=models.PROTECT, related_name="+", verbose_name=_("critère")
    )
    rating = models.CharField(_("appréciation du groupe"), max_length=10, choices=Rating.choices)
    excellence_rating = models.CharField(
        _("exigences Excellence"), max_length=10, choices=Rating.choices, blank=True
    )
    comment = models.TextField(_("synthèse"), blank=True)

    class Meta:
        verbose_name = _("appréciation consolidée")
        verbose_name_plural = _("appréciations consolidées")
        ordering = ["application", "criterion__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "criterion"], name="labels_consolidated_once"
            )
        ]

    def __str__(self):
        return f"{self.application} – {self.criterion.number}"


# ------------------------------------------------------------------------------- navettes


class ObligationKind(models.TextChoices):
    PROGRESS_REPORT = "progress_report", _("Rapport d'étape")
    MID_TERM = "mid_term", _("Évaluation à mi-parcours")
    EXTERNAL = "external", _("Évaluation externe")


class ObligationStatus(models.TextChoices):
    DUE = "due", _("À remettre")
    FILED = "filed", _("Remis")
    IN_REVIEW = "in_review", _("En examen (navette)")
    CLOSED = "closed", _("Examiné")


class LabelObligation(models.Model):
    """What a label asks for after it is granted, dated from its period: the progress report
    two years in, the mid-term evaluation, and for Excellence the external evaluation. Filed
    by the campus, reviewed by the experts with navettes."""

    campus = models.ForeignKey(
        Campus, on_delete=models.CASCADE, related_name="label_obligations", verbose_name=_("campus")
    )
    label_period = models.ForeignKey(
        LabelPeriod,
        on_delete=models.CASCADE,
        related_name="obligations",
        verbose_name=_("période de label"),
    )
    kind = models.CharField(_("obligation"), max_length=20, choices=ObligationKind.choices)
    due_on = models.DateField(_("à remettre le"))
    status = models.CharField(
        _("état"), max_length=12, choices=ObligationStatus.choices, default=ObligationStatus.DUE
    )
    report = models.FileField(_("rapport"), upload_to="labels/rapports/%Y/", blank=True)
    report_pages = models.PositiveSmallIntegerField(_("pages"), default=0)
    filed_on = models.DateField(_("remis le"), null=True, blank=True)
    summary = models.TextField(_("synthèse du campus"), blank=True)
    review = models.TextField(_("conclusion des experts"), blank=True)
    version = models.PositiveIntegerField(default=1, verbose_name=_("version"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("modifiée le"))

    class Meta:
        verbose_name = _("obligation du label")
        verbose_name_plural = _("obligations du label")
        ordering = ["due_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["label_period", "kind"], name="labels_obligation_once_per_period"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} – {self.campus.short_name} ({self.due_on:%d/%m/%Y})"

    def get_absolute_url(self):
        return reverse("labels:obligation_detail", args=[self.pk])


class NavetteRound(models.Model):
    """One round of navette with the expert group: numbered recommendations per criterion
    sent to the carriers, their answers, the experts' marks. About an application, or about
    an obligation of a granted label."""

    application = models.ForeignKey(
        LabelApplication,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="rounds",
        verbose_name=_("candidature"),
    )
    obligation = models.ForeignKey(
        LabelObligation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="rounds",
        verbose_name=_("obligation"),
    )
    number = models.PositiveSmallIntegerField(_("navette n°"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("envoyée par"),
    )
    sent_on = models.DateField(_("envoyée le"))
    answers_due_on = models.DateField(_("réponses attendues le"), null=True, blank=True)
    answered_on = models.DateField(_("réponses reçues le"), null=True, blank=True)
    reviewed_on = models.DateField(_("réponses examinées le"), null=True, blank=True)

    class Meta:
        verbose_name = _("navette")
        verbose_name_plural = _("navettes")
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(
                condition=Q(application__isnull=False, obligation__isnull=True)
                | Q(application__isnull=True, obligation__isnull=False),
                name="labels_round_about_one_thing",
            ),
            models.UniqueConstraint(
                fields=["application", "number"],
                condition=Q(application__isnull=False),
                name="labels_round_unique_number_application",
            ),
            models.UniqueConstraint(
                fields=["obligation", "number"],
                condition=Q(obligation__isnull=False),
                name="labels_round_unique_number_obligation",
            ),
        ]

    def __str__(self):
        return _("Navette n°%(number)s") % {"number": self.number}


class Treatment(models.TextChoices):
    ADDRESSED = "addressed", _("Prise en compte")
    PARTLY = "partly", _("Partiellement prise en compte")
    NOT_ADDRESSED = "not_addressed", _("Non prise en compte")


class Recommendation(models.Model):
    round = models.ForeignKey(
        NavetteRound,
        on_delete=models.CASCADE,
        related_name="recommendations",
        verbose_name=_("navette"),
    )
    criterion = models.ForeignKey(
        Criterion, on_delete=models.PROTECT, related_name="+", verbose_name=_("critère")
    )
    number = models.PositiveSmallIntegerField(_("numéro"))  # across the round: R1, R2…
    text = models.TextField(_("recommandation"))
    # The carriers' answer…
    answer = models.TextField(_("réponse"), blank=True)
    answer_file = models.FileField(_("pièce jointe"), upload_to="labels/reponses/%Y/", blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("réponse de"),
    )
    answered_at = models.DateTimeField(null=True, blank=True, verbose_name=_("réponse le"))
    # … and the experts' mark on it.
    treatment = models.CharField(
        _("prise en compte"), max_length=14, choices=Treatment.choices, blank=True
    )
    treatment_comment = models.TextField(_("commentaire des experts"), blank=True)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("marquée par"),
    )
    marked_at = models.DateTimeField(null=True, blank=True, verbose_name=_("marquée le"))

    class Meta:
        verbose_name = _("recommandation")
        verbose_name_plural = _("recommandations")
        ordering = ["round", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "number"], name="labels_recommendation_unique_number"
            )
        ]

    def __str__(self):
        return f"R{self.number} ({self.criterion.number})"


# ----------------------------------------------------------------------------- documents


class LabelDocumentKind(models.TextChoices):
    COVER_SHEET = "cover_sheet", _("Fiche de candidature")
    ASSESSMENT_REPORT = "assessment_report", _("Rapport d'expertise")
    DECISION_NOTICE = "decision_notice", _("Notification de la décision")


class LabelDocument(StoredDocument):
    kind = models.CharField(_("document"), max_length=20, choices=LabelDocumentKind.choices)
    application = models.ForeignKey(
        LabelApplication,
        on_delete=models.CASCADE,
        related_name="documents",
        verbose_name=_("candidature"),
    )

    class Meta(StoredDocument.Meta):
        verbose_name = _("document de candidature")
        verbose_name_plural = _("documents de candidature")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "source_key"], name="labels_document_unique_version"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} – {self.application.campus}"


# ------------------------------------------------------------------------------ reminders


class Milestone(models.TextChoices):
    RENEWAL_FILE = "renewal_file", _("Dossier de renouvellement transmis au recteur")
    CAEN_OPINION = "caen_opinion", _("Avis du CAEN")
    CREFOP_OPINION = "crefop_opinion", _("Avis du CREFOP")
    SESSION_DEADLINE = "session_deadline", _("Dépôt pour la session d'expertise")
    PROGRESS_REPORT = "progress_report", _("Rapport d'étape à remettre")
    MID_TERM = "mid_term", _("Évaluation à mi-parcours à remettre")
    EXTERNAL = "external", _("Évaluation externe à remettre")


class LabelReminder(Delivery):
    """A reminder before a milestone of a campus's label, sent once per milestone and date
    (notifications.Delivery)."""

    campus = models.ForeignKey(
        Campus, on_delete=models.CASCADE, related_name="label_reminders", verbose_name=_("campus")
    )
    milestone = models.CharField(_("jalon"), max_length=20, choices=Milestone.choices)
    due_on = models.DateField(_("échéance"))
    subject = models.CharField(_("objet"), max_length=300)

    class Meta:
        verbose_name = _("relance du label")
        verbose_name_plural = _("relances du label")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["campus", "milestone", "due_on"], name="labels_reminder_once"
            )
        ]

    def __str__(self):
        return self.subject
