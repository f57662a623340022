"""Yearly operating subsidies to the campuses: the programme and its budget, the dossiers
(« fiches projet ») with their financing plan, the commitment envelopes a deliberation
affects, the grant agreements, the payments and the transfers to a new beneficiary.

The rules of the intervention regulation live in `rules.py` (pure arithmetic) and are applied
by the services; the database backs the ones it can express (rate, caps, one dossier per
campus and year, one Region line per plan, payments never negative).
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from audit import models as audit_models
from campuses.models import Campus, LegalStatus, Organisation
from deliberations.models import Deliberation, Regulation
from documents.models import StoredDocument
from notifications.models import Delivery

MONEY = {"max_digits": 12, "decimal_places": 2}

# Caps of the intervention regulation (RI CR 2017-102 modified).
STANDARD_CAP = Decimal("50000.00")
EXTENDED_CAP = Decimal("100000.00")
MAX_RATE = Decimal("50.00")


class Programme(models.Model):
    """« Dispositif »: the programme a dossier is filed under, e.g. n° 00001036."""

    code = models.CharField(_("numéro"), max_length=20, unique=True)
    name = models.CharField(_("intitulé"), max_length=250)
    framework_deliberation = models.ForeignKey(
        Deliberation,
        on_delete=models.PROTECT,
        related_name="framework_of_programmes",
        verbose_name=_("délibération cadre"),
    )
    framework_mention = models.CharField(
        _("mention de la délibération cadre"),
        max_length=200,
        blank=True,
        help_text=_("Telle qu'imprimée sur les fiches projet, p. ex. « CR2017-102 … modifiée »."),
    )
    regulation = models.ForeignKey(
        Regulation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="programmes",
        verbose_name=_("règlement d'intervention"),
    )

    class Meta:
        verbose_name = _("dispositif")
        verbose_name_plural = _("dispositifs")
        ordering = ["code"]

    def __str__(self):
        return f"{self.name} (n° {self.code})"

    def regulation_version_on(self, day):
        """The version of the regulation in force on `day` (adopted on or before it)."""
        if self.regulation_id is None:
            return None
        return (
            self.regulation.versions.filter(deliberation__date__lte=day)
            .select_related("deliberation")
            .order_by("-deliberation__date")
            .first()
        )


class BudgetNature(models.TextChoices):
    PUBLIC_BODY = "657381", _("657381 – subventions aux organismes publics")
    ASSOCIATION = "655122", _("655122 – subventions aux associations")


# The budget nature follows the beneficiary's legal status.
NATURE_BY_LEGAL_STATUS = {
    LegalStatus.ASSOCIATION: BudgetNature.ASSOCIATION,
    LegalStatus.EPSCP: BudgetNature.PUBLIC_BODY,
    LegalStatus.EPLE: BudgetNature.PUBLIC_BODY,
    LegalStatus.GIP: BudgetNature.PUBLIC_BODY,
    LegalStatus.EPN: BudgetNature.PUBLIC_BODY,
    LegalStatus.LOCAL_AUTHORITY: BudgetNature.PUBLIC_BODY,
    LegalStatus.STATE: BudgetNature.PUBLIC_BODY,
}


class BudgetLine(models.Model):
    """« Imputation budgétaire », shown as 932-288-657381-128003-100."""

    programme = models.ForeignKey(
        Programme,
        on_delete=models.PROTECT,
        related_name="budget_lines",
        verbose_name=_("dispositif"),
    )
    chapter = models.CharField(_("chapitre"), max_length=10)
    function = models.CharField(_("code fonctionnel"), max_length=10)
    nature = models.CharField(_("nature"), max_length=10, choices=BudgetNature.choices)
    programme_code = models.CharField(_("programme budgétaire"), max_length=20)
    action = models.CharField(_("action"), max_length=20)
    action_label = models.CharField(_("libellé de l'action"), max_length=200, blank=True)
    suffix = models.CharField(_("complément"), max_length=10, default="100")

    class Meta:
        verbose_name = _("imputation budgétaire")
        verbose_name_plural = _("imputations budgétaires")
        ordering = ["chapter", "function", "nature", "action"]
        constraints = [
            models.UniqueConstraint(
                fields=["chapter", "function", "nature", "action", "suffix"],
                name="subsidies_budgetline_unique_code",
            )
        ]

    def __str__(self):
        return self.code

    @property
    def code(self):
        # The printed code shortens the action 12800302 to its first six digits.
        return "-".join([self.chapter, self.function, self.nature, self.action[:6], self.suffix])


class EnvelopePurpose(models.TextChoices):
    CAMPUS_GRANTS = "campus_grants", _("Subventions aux campus")
    SUPPORT_CONTRACTS = "support_contracts", _("Marchés d'assistance à maîtrise d'ouvrage")


def _money_sum(rows, field):
    """SUM(`field`) of the subquery `rows` grouped on its outer envelope, 0 when empty."""
    money = models.DecimalField(max_digits=14, decimal_places=2)
    total = rows.order_by().values("envelope_ref").annotate(total=Sum(field)).values("total")
    return Coalesce(Subquery(total, output_field=money), Value(Decimal("0.00")), output_field=money)


class EnvelopeQuerySet(models.QuerySet):
    def with_figures(self, *, exclude_dossiers=()):
        """The one definition of an envelope's figures, for the vote rule, the pages, the API,
        the propose form and the documents (one query, whatever the rows):

        - `voted`, what is committed on it: the voted amount of the grants still running,
          and only what was paid on those settled (a reduced balance) or lapsed — the rest
          of them is released;
        - `proposed`: the amounts of the dossiers proposed to a vote on it;
        - `paid`: every payment made on it;
        - `remaining`: amount − voted.

        `exclude_dossiers` leaves dossiers out of `voted` (a vote re-adds its own)."""
        dossiers = SubsidyDossier.objects.filter(envelope=OuterRef("pk")).exclude(
            pk__in=exclude_dossiers
        )
        payments = Payment.objects.filter(
            dossier__envelope=OuterRef("pk"), status=PaymentStatus.PAID
        )
        running = dossiers.filter(status__in=COMMITTED_IN_FULL_STATUSES).annotate(
            envelope_ref=F("envelope")
        )
        settled_paid = (
            payments.filter(dossier__status__in=RELEASED_STATUSES)
            .exclude(dossier__in=exclude_dossiers)
            .annotate(envelope_ref=F("dossier__envelope"))
        )
        proposed = SubsidyDossier.objects.filter(
            envelope=OuterRef("pk"), status=DossierStatus.PROPOSED
        ).annotate(envelope_ref=F("envelope"))
        return self.annotate(
            voted=_money_sum(running, "voted_amount") + _money_sum(settled_paid, "amount"),
            proposed=_money_sum(proposed, "amount"),
            paid=_money_sum(payments.annotate(envelope_ref=F("dossier__envelope")), "amount"),
        ).annotate(remaining=F("amount") - F("voted"))


class CommitmentEnvelope(models.Model):
    """« Autorisation d'engagement » affected by a deliberation for one budget year and purpose.
    The sum voted on it never exceeds its amount (checked under a row lock when voting)."""

    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="envelopes", verbose_name=_("dispositif")
    )
    deliberation = models.ForeignKey(
        Deliberation,
        on_delete=models.PROTECT,
        related_name="envelopes",
        verbose_name=_("délibération d'affectation"),
    )
    article = models.CharField(_("article"), max_length=10, blank=True)
    budget_year = models.PositiveSmallIntegerField(_("exercice budgétaire"))
    purpose = models.CharField(_("objet"), max_length=20, choices=EnvelopePurpose.choices)
    label = models.CharField(_("libellé"), max_length=300)
    amount = models.DecimalField(_("montant"), **MONEY)
    chapter = models.CharField(_("chapitre"), max_length=10)
    chapter_label = models.CharField(_("libellé du chapitre"), max_length=200, blank=True)
    function = models.CharField(_("code fonctionnel"), max_length=10)
    function_label = models.CharField(_("libellé du code fonctionnel"), max_length=200, blank=True)
    programme_code = models.CharField(_("programme budgétaire"), max_length=20)
    programme_label = models.CharField(_("libellé du programme"), max_length=200, blank=True)
    action = models.CharField(_("action"), max_length=20)
    action_label = models.CharField(_("libellé de l'action"), max_length=200, blank=True)

    objects = EnvelopeQuerySet.as_manager()

    class Meta:
        verbose_name = _("autorisation d'engagement")
        verbose_name_plural = _("autorisations d'engagement")
        ordering = ["-budget_year", "deliberation__number", "article"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="subsidies_envelope_amount_positive",
                violation_error_message=_("Le montant doit être positif."),
            ),
            models.UniqueConstraint(
                fields=["deliberation", "purpose", "budget_year"],
                name="subsidies_envelope_unique_purpose",
            ),
        ]

    def __str__(self):
        return f"{self.label} – {self.budget_year} ({self.deliberation})"

    def get_absolute_url(self):
        return reverse("subsidies:envelope_detail", args=[self.pk])


class DossierStatus(models.TextChoices):
    DRAFT = "draft", _("Brouillon")
    SUBMITTED = "submitted", _("Déposé")
    INSTRUCTED = "instructed", _("Instruit")
    PROPOSED = "proposed", _("Proposé au vote")
    VOTED = "voted", _("Voté")
    AGREEMENT_SIGNED = "agreement_signed", _("Convention signée")
    PARTLY_PAID = "partly_paid", _("Payé en partie")
    PAID = "paid", _("Soldé")
    CLOSED = "closed", _("Clos")
    REFUSED = "refused", _("Refusé")
    WITHDRAWN = "withdrawn", _("Retiré")
    LAPSED = "lapsed", _("Caduc")


# Statuses in which the amount is committed: voted and after (a lapsed dossier keeps what was
# paid, the rest is released).
VOTED_STATUSES = (
    DossierStatus.VOTED,
    DossierStatus.AGREEMENT_SIGNED,
    DossierStatus.PARTLY_PAID,
    DossierStatus.PAID,
    DossierStatus.CLOSED,
)
# Settled (possibly with a reduced balance) or lapsed: what was not paid is released, the
# remainder is nil.
RELEASED_STATUSES = (DossierStatus.PAID, DossierStatus.CLOSED, DossierStatus.LAPSED)
# Voted grants still to be paid: their whole voted amount stays committed on the envelope.
COMMITTED_IN_FULL_STATUSES = (
    DossierStatus.VOTED,
    DossierStatus.AGREEMENT_SIGNED,
    DossierStatus.PARTLY_PAID,
)
# A grant whose unpaid remainder may still move to a new beneficiary.
TRANSFERABLE_STATUSES = (
    DossierStatus.VOTED,
    DossierStatus.AGREEMENT_SIGNED,
    DossierStatus.PARTLY_PAID,
)
# Statuses that end a dossier without a grant: they do not count against "one per campus/year".
ABANDONED_STATUSES = (DossierStatus.REFUSED, DossierStatus.WITHDRAWN)
# The director may still edit the description and the financing plan.
DIRECTOR_EDITABLE_STATUSES = (DossierStatus.DRAFT,)
# Regional staff may still edit the financial terms.
INSTRUCTION_STATUSES = (DossierStatus.SUBMITTED, DossierStatus.INSTRUCTED)


class BaseTax(models.TextChoices):
    TTC = "TTC", _("TTC")
    HT = "HT", _("HT")


class SubsidyDossier(models.Model):
    """A yearly subsidy dossier: every field of the « fiche projet »."""

    number = models.CharField(_("numéro de dossier"), max_length=20, unique=True)
    title = models.CharField(_("intitulé"), max_length=300)
    campus = models.ForeignKey(
        Campus, on_delete=models.PROTECT, related_name="subsidy_dossiers", verbose_name=_("campus")
    )
    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="dossiers", verbose_name=_("dispositif")
    )
    reference_year = models.PositiveSmallIntegerField(_("exercice de référence"))
    status = models.CharField(
        _("état"), max_length=20, choices=DossierStatus.choices, default=DossierStatus.DRAFT
    )
    # Voted before the portal existed: instruction rules are not replayed on it.
    is_historical = models.BooleanField(_("dossier historique"), default=False)
    duplicate_justification = models.TextField(
        _("justification d'un second dossier pour l'année"),
        blank=True,
        help_text=_("Exception au principe d'un dossier par campus et par an."),
    )

    # Beneficiary: an organisation, and how the fiche presents it (frozen at the vote).
    beneficiary = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="subsidy_dossiers",
        verbose_name=_("bénéficiaire"),
    )
    beneficiary_name = models.CharField(_("dénomination"), max_length=250, blank=True)
    beneficiary_address = models.TextField(_("adresse administrative"), blank=True)
    beneficiary_legal_status = models.CharField(_("statut juridique"), max_length=200, blank=True)
    beneficiary_representative = models.CharField(_("représentant"), max_length=250, blank=True)

    # Financial terms, set by regional staff during instruction, frozen by the vote.
    budget_line = models.ForeignKey(
        BudgetLine,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="dossiers",
        verbose_name=_("imputation budgétaire"),
    )
    base_label = models.CharField(
        _("libellé de la base subventionnable"),
        max_length=250,
        default="Subvention aux campus des métiers et des qualifications",
    )
    eligible_base = models.DecimalField(_("base subventionnable"), null=True, blank=True, **MONEY)
    base_tax = models.CharField(
        _("base HT ou TTC"), max_length=3, choices=BaseTax.choices, default=BaseTax.TTC
    )
    rate = models.DecimalField(
        _("taux d'intervention (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    amount = models.DecimalField(_("montant de la subvention"), null=True, blank=True, **MONEY)
    extended_cap = models.BooleanField(
        _("plafond de 100 000 € (périmètre étendu et direction renforcée)"), default=False
    )
    extended_cap_justification = models.TextField(
        _("justification du plafond de 100 000 €"), blank=True
    )
    calculation_detail = models.TextField(_("détail du calcul de la subvention"), blank=True)

    # The project, prepared by the director.
    planned_start = models.DateField(_("début prévisionnel"), null=True, blank=True)
    planned_end = models.DateField(_("fin prévisionnelle"), null=True, blank=True)
    early_start = models.BooleanField(_("démarrage anticipé"), default=False)
    early_start_reason = models.TextField(_("motivation du démarrage anticipé"), blank=True)
    description = models.TextField(_("description"), blank=True)
    interns_count = models.PositiveSmallIntegerField(
        _("stagiaires ou alternants à recruter"), default=0
    )
    interns_min_months = models.PositiveSmallIntegerField(
        _("durée minimale des stages (mois)"), default=2
    )
    vat_recovered = models.BooleanField(_("l'organisme récupère la TVA"), default=False)
    location = models.CharField(
        _("localisation géographique"), max_length=200, default="REGION ILE DE FRANCE"
    )
    particular_contract = models.CharField(
        _("contrat particulier"), max_length=100, default="Hors CPRD"
    )
    cper = models.CharField(_("CPER"), max_length=100, default="Hors CPER/Hors CPER")

    # The vote.
    deliberation = models.ForeignKey(
        Deliberation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="subsidy_dossiers",
        verbose_name=_("délibération d'attribution"),
    )
    envelope = models.ForeignKey(
        CommitmentEnvelope,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="dossiers",
        verbose_name=_("autorisation d'engagement"),
    )
    position = models.PositiveSmallIntegerField(
        _("rang dans la délibération"), null=True, blank=True
    )
    voted_amount = models.DecimalField(_("montant voté"), null=True, blank=True, **MONEY)
    lapse_on = models.DateField(
        _("date de caducité"),
        null=True,
        blank=True,
        help_text=_("Sans versement complet à cette date, le reliquat devient caduc."),
    )

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("créé par"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("créé le"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("modifié le"))
    version = models.PositiveIntegerField(default=1, editable=False, verbose_name=_("version"))

    class Meta:
        verbose_name = _("dossier de subvention")
        verbose_name_plural = _("dossiers de subvention")
        ordering = ["-reference_year", "number"]
        constraints = [
            models.CheckConstraint(
                condition=Q(rate__isnull=True) | Q(rate__gte=0, rate__lte=MAX_RATE),
                name="subsidies_dossier_rate_at_most_50",
                violation_error_message=_("Le taux d'intervention ne peut dépasser 50 %."),
            ),
            models.CheckConstraint(
                condition=Q(amount__isnull=True)
                | Q(amount__gte=0, amount__lte=STANDARD_CAP)
                | Q(amount__gte=0, amount__lte=EXTENDED_CAP, extended_cap=True),
                name="subsidies_dossier_amount_within_cap",
                violation_error_message=_(
                    "Le montant dépasse le plafond : 50 000 €, ou 100 000 € avec la "
                    "justification du périmètre étendu et de la direction renforcée."
                ),
            ),
            # amount ≤ base × rate, with half a cent of slack for the rounding to the cent.
            models.CheckConstraint(
                condition=Q(amount__isnull=True)
                | Q(eligible_base__isnull=True)
                | Q(rate__isnull=True)
                | Q(
                    amount__lte=models.F("eligible_base") * models.F("rate") / 100
                    + Decimal("0.005")
                ),
                name="subsidies_dossier_amount_within_base_times_rate",
                violation_error_message=_(
                    "Le montant dépasse la base subventionnable multipliée par le taux."
                ),
            ),
            models.CheckConstraint(
                condition=Q(eligible_base__isnull=True) | Q(eligible_base__gte=0),
                name="subsidies_dossier_base_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(interns_min_months__gte=2),
                name="subsidies_dossier_interns_two_months",
                violation_error_message=_("Les stages durent au moins 2 mois."),
            ),
            models.CheckConstraint(
                condition=Q(planned_start__isnull=True)
                | Q(planned_end__isnull=True)
                | Q(planned_end__gte=models.F("planned_start")),
                name="subsidies_dossier_dates_in_order",
                violation_error_message=_("La fin prévisionnelle précède le début."),
            ),
            models.UniqueConstraint(
                fields=["campus", "reference_year"],
                condition=Q(duplicate_justification="")
                & ~Q(status__in=[s.value for s in ABANDONED_STATUSES]),
                name="subsidies_dossier_one_per_campus_and_year",
                violation_error_message=_(
                    "Ce campus a déjà un dossier pour cette année : justifiez l'exception."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.number} – {self.campus.short_name} {self.reference_year}"

    def get_absolute_url(self):
        return reverse("subsidies:detail", args=[self.pk])

    @property
    def is_voted(self):
        return self.status in VOTED_STATUSES or (
            self.status == DossierStatus.LAPSED and self.voted_amount is not None
        )

    @property
    def siret_missing(self):
        """« À compléter »: the beneficiary's SIRET is unknown (never invented)."""
        return self.beneficiary is None or not self.beneficiary.siret


class LineKind(models.TextChoices):
    EXPENSE = "expense", _("Dépense")
    REVENUE = "revenue", _("Recette")


class FinancingLine(models.Model):
    """One line of the provisional financing plan (« plan de financement prévisionnel »)."""

    dossier = models.ForeignKey(
        SubsidyDossier,
        on_delete=models.CASCADE,
        related_name="financing_lines",
        verbose_name=_("dossier"),
    )
    kind = models.CharField(_("nature"), max_length=10, choices=LineKind.choices)
    label = models.CharField(_("libellé"), max_length=250)
    amount = models.DecimalField(_("montant"), **MONEY)
    # The Region's own subsidy among the revenues: it must equal the dossier's amount.
    is_region_share = models.BooleanField(_("subvention de la Région"), default=False)
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("ligne du plan de financement")
        verbose_name_plural = _("lignes du plan de financement")
        ordering = ["kind", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="subsidies_financingline_amount_not_negative",
                violation_error_message=_("Le montant ne peut être négatif."),
            ),
            models.CheckConstraint(
                condition=Q(is_region_share=False) | Q(kind=LineKind.REVENUE),
                name="subsidies_financingline_region_share_is_revenue",
            ),
            models.UniqueConstraint(
                fields=["dossier"],
                condition=Q(is_region_share=True),
                name="subsidies_financingline_one_region_share",
                violation_error_message=_("Le plan n'a qu'une ligne de subvention régionale."),
            ),
        ]

    def __str__(self):
        return f"{self.label}: {self.amount}"


class StatusChange(audit_models.StatusChange):
    """Who moved a dossier from one status to another, when and why (audit.StatusChange)."""

    subject_field = "dossier"

    dossier = models.ForeignKey(
        SubsidyDossier,
        on_delete=models.CASCADE,
        related_name="status_changes",
        verbose_name=_("dossier"),
    )
    from_status = models.CharField(_("de"), max_length=20, choices=DossierStatus.choices)
    to_status = models.CharField(_("vers"), max_length=20, choices=DossierStatus.choices)

    class Meta(audit_models.StatusChange.Meta):
        verbose_name = _("changement d'état")
        verbose_name_plural = _("changements d'état")

    def __str__(self):
        return f"{self.dossier.number}: {self.from_status} → {self.to_status}"


class GrantAgreement(models.Model):
    """« Convention de financement » of a voted dossier, per the programme's standard agreement.
    It is signed once both the Region and the beneficiary have signed; payments need it."""

    dossier = models.OneToOneField(
        SubsidyDossier,
        on_delete=models.CASCADE,
        related_name="agreement",
        verbose_name=_("dossier"),
    )
    # The beneficiary it was made with (a later transfer amendment changes the dossier's).
    beneficiary = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("bénéficiaire signataire"),
    )
    region_signatory = models.CharField(_("signataire pour la Région"), max_length=250, blank=True)
    region_signed_on = models.DateField(_("signée par la Région le"), null=True, blank=True)
    beneficiary_signatory = models.CharField(
        _("signataire pour le bénéficiaire"), max_length=250, blank=True
    )
    beneficiary_signed_on = models.DateField(
        _("signée par le bénéficiaire le"), null=True, blank=True
    )
    signed_scan = models.FileField(
        _("exemplaire signé (PDF)"), upload_to="subsidies/agreements/%Y/", blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("créée le"))

    class Meta:
        verbose_name = _("convention de financement")
        verbose_name_plural = _("conventions de financement")

    def __str__(self):
        return _("Convention de financement du dossier %(number)s") % {
            "number": self.dossier.number
        }

    @property
    def is_signed(self):
        return self.region_signed_on is not None and self.beneficiary_signed_on is not None

    @property
    def signed_on(self):
        """The date of the last signature (the agreement's effective date)."""
        if not self.is_signed:
            return None
        return max(self.region_signed_on, self.beneficiary_signed_on)


class PaymentKind(models.TextChoices):
    ADVANCE = "advance", _("Avance")
    INSTALMENT = "instalment", _("Acompte")
    BALANCE = "balance", _("Solde")


class PaymentStatus(models.TextChoices):
    REQUESTED = "requested", _("Demandé")
    ORDERED = "ordered", _("Mandaté")
    PAID = "paid", _("Payé")
    CANCELLED = "cancelled", _("Annulé")


# Payments that count against the voted amount.
LIVE_PAYMENT_STATUSES = (PaymentStatus.REQUESTED, PaymentStatus.ORDERED, PaymentStatus.PAID)


class Payment(models.Model):
    dossier = models.ForeignKey(
        SubsidyDossier, on_delete=models.PROTECT, related_name="payments", verbose_name=_("dossier")
    )
    # Who receives it: the dossier's beneficiary when it was requested (history of transfers).
    beneficiary = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("bénéficiaire")
    )
    kind = models.CharField(_("type"), max_length=12, choices=PaymentKind.choices)
    amount = models.DecimalField(_("montant"), **MONEY)
    status = models.CharField(
        _("état"), max_length=10, choices=PaymentStatus.choices, default=PaymentStatus.REQUESTED
    )
    requested_on = models.DateField(_("demandé le"))
    ordered_on = models.DateField(_("mandaté le"), null=True, blank=True)
    paid_on = models.DateField(_("payé le"), null=True, blank=True)
    reference = models.CharField(_("référence (n° de mandat)"), max_length=50, blank=True)
    realised_expenses = models.DecimalField(
        _("dépenses réalisées justifiées"),
        null=True,
        blank=True,
        help_text=_("Pour un solde : le montant est limité au taux × dépenses réalisées."),
        **MONEY,
    )
    note = models.TextField(_("observations"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("créé par"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("créé le"))
    version = models.PositiveIntegerField(default=1, editable=False, verbose_name=_("version"))

    class Meta:
        verbose_name = _("versement")
        verbose_name_plural = _("versements")
        ordering = ["requested_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="subsidies_payment_amount_positive",
                violation_error_message=_("Le montant doit être positif."),
            ),
            models.UniqueConstraint(
                fields=["dossier"],
                condition=Q(kind="balance") & ~Q(status="cancelled"),
                name="subsidies_payment_one_balance",
                violation_error_message=_("Ce dossier a déjà un solde."),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.amount} € – {self.dossier.number}"

    def get_absolute_url(self):
        return reverse("subsidies:detail", args=[self.dossier_id]) + f"#versement-{self.pk}"


class TransferStatus(models.TextChoices):
    DRAFT = "draft", _("Projet")
    SIGNED = "signed", _("Signé")


class BeneficiaryTransfer(models.Model):
    """« Avenant de transfert »: the unpaid remainders of chosen dossiers move from the initial
    beneficiary to a new one, once the Region and both beneficiaries have signed."""

    campus = models.ForeignKey(
        Campus, on_delete=models.PROTECT, related_name="subsidy_transfers", verbose_name=_("campus")
    )
    previous_beneficiary = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("bénéficiaire initial"),
    )
    new_beneficiary = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("nouveau bénéficiaire"),
    )
    deliberation = models.ForeignKey(
        Deliberation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="subsidy_transfers",
        verbose_name=_("délibération"),
    )
    region_mandate = models.CharField(
        _("délibération habilitant la présidente"), max_length=200, blank=True
    )
    reason = models.TextField(_("motif"), blank=True)
    adopted_text = models.TextField(
        _("texte adopté"),
        blank=True,
        help_text=_(
            "Le texte de l'avenant tel qu'adopté (balisage de documents/acts.py) ; vide, le "
            "portail génère le texte à partir du modèle type."
        ),
    )
    status = models.CharField(
        _("état"), max_length=10, choices=TransferStatus.choices, default=TransferStatus.DRAFT
    )
    region_signatory = models.CharField(_("signataire pour la Région"), max_length=250, blank=True)
    region_signed_on = models.DateField(_("signé par la Région le"), null=True, blank=True)
    previous_signatory = models.CharField(
        _("signataire pour le bénéficiaire initial"), max_length=250, blank=True
    )
    previous_signed_on = models.DateField(
        _("signé par le bénéficiaire initial le"), null=True, blank=True
    )
    new_signatory = models.CharField(
        _("signataire pour le nouveau bénéficiaire"), max_length=250, blank=True
    )
    new_signed_on = models.DateField(
        _("signé par le nouveau bénéficiaire le"), null=True, blank=True
    )
    signed_scan = models.FileField(
        _("exemplaire signé (PDF)"), upload_to="subsidies/transfers/%Y/", blank=True
    )
    dossiers = models.ManyToManyField(
        SubsidyDossier,
        through="TransferredDossier",
        related_name="transfers",
        verbose_name=_("dossiers"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("créé par"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("créé le"))

    class Meta:
        verbose_name = _("avenant de transfert")
        verbose_name_plural = _("avenants de transfert")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(previous_beneficiary=models.F("new_beneficiary")),
                name="subsidies_transfer_changes_beneficiary",
                violation_error_message=_("Le nouveau bénéficiaire doit différer de l'initial."),
            )
        ]

    def __str__(self):
        return _("Transfert %(previous)s → %(new)s") % {
            "previous": self.previous_beneficiary,
            "new": self.new_beneficiary,
        }

    def get_absolute_url(self):
        return reverse("subsidies:transfer_detail", args=[self.pk])

    @property
    def signed_on(self):
        dates = [self.region_signed_on, self.previous_signed_on, self.new_signed_on]
        return max(dates) if all(dates) else None


class TransferredDossier(models.Model):
    """One dossier of a transfer, with what the initial beneficiary had received when it was
    signed and the remainder now due to the new one (kept as history)."""

    transfer = models.ForeignKey(
        BeneficiaryTransfer,
        on_delete=models.CASCADE,
        related_name="items",
        verbose_name=_("transfert"),
    )
    dossier = models.ForeignKey(
        SubsidyDossier,
        on_delete=models.PROTECT,
        related_name="transfer_items",
        verbose_name=_("dossier"),
    )
    paid_to_previous = models.DecimalField(
        _("versé au bénéficiaire initial"), null=True, blank=True, **MONEY
    )
    remainder_transferred = models.DecimalField(
        _("reliquat transféré"), null=True, blank=True, **MONEY
    )

    class Meta:
        verbose_name = _("dossier transféré")
        verbose_name_plural = _("dossiers transférés")
        ordering = ["dossier__reference_year", "dossier__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["transfer", "dossier"], name="subsidies_transferreddossier_unique"
            )
        ]

    def __str__(self):
        return f"{self.transfer} – {self.dossier.number}"


class SubsidyDocumentKind(models.TextChoices):
    FICHE_PROJET = "fiche_projet", _("Fiche projet")
    GRANT_AGREEMENT = "grant_agreement", _("Convention de financement")
    TRANSFER = "transfer", _("Avenant de transfert")
    DELIBERATION_SUMMARY = "deliberation_summary", _("Tableau récapitulatif de la délibération")


class SubsidyDocument(StoredDocument):
    """A PDF generated from one version of a dossier, an agreement, a transfer or a
    deliberation's table (documents.StoredDocument: status, file, fingerprint…)."""

    kind = models.CharField(_("document"), max_length=30, choices=SubsidyDocumentKind.choices)
    dossier = models.ForeignKey(
        SubsidyDossier,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("dossier"),
    )
    transfer = models.ForeignKey(
        BeneficiaryTransfer,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("transfert"),
    )
    deliberation = models.ForeignKey(
        Deliberation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subsidy_documents",
        verbose_name=_("délibération"),
    )

    class Meta(StoredDocument.Meta):
        verbose_name = _("document de subvention")
        verbose_name_plural = _("documents de subvention")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "source_key"], name="subsidies_document_unique_version"
            )
        ]

    def __str__(self):
        return self.get_kind_display()


class SubsidyReminderStep(models.TextChoices):
    LAPSE_IN_90_DAYS = "lapse_90", _("Caducité dans moins de 90 jours")
    LAPSE_IN_30_DAYS = "lapse_30", _("Caducité dans moins de 30 jours")


class SubsidyReminder(Delivery):
    """A reminder sent once per dossier, step and deadline (notifications.Delivery; the
    constraint makes re-runs no-ops)."""

    dossier = models.ForeignKey(
        SubsidyDossier,
        on_delete=models.CASCADE,
        related_name="reminders",
        verbose_name=_("dossier"),
    )
    step = models.CharField(_("étape"), max_length=20, choices=SubsidyReminderStep.choices)
    due_on = models.DateField(_("échéance"))
    message = models.CharField(_("message"), max_length=300)

    class Meta:
        verbose_name = _("relance de caducité")
        verbose_name_plural = _("relances de caducité")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["dossier", "step", "due_on"], name="subsidies_reminder_once_per_step"
            )
        ]

    def __str__(self):
        return self.message
