"""The campus registry: campuses, their label periods, support institutions and people.

A campus's category, status and days left are never stored: they are derived from its label
periods on the day asked (see CampusQuerySet.with_label_state).
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Exists, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.roles import Role

from .validators import validate_siret


class LabelCategory(models.TextChoices):
    CMQ = "cmq", _("CMQ")
    EXCELLENCE = "excellence", _("Excellence")


class LabelStatus(models.TextChoices):
    PREFIGURATION = "prefiguration", _("En préfiguration")
    LABELLED = "labelled", _("Labellisé")
    PROBATIONARY = "probationary", _("Labellisé probatoire")
    APPLICATION = "application", _("Candidature")
    UPCOMING = "upcoming", _("Label à venir")
    REPLACED = "replaced", _("Remplacé (fusion ou renouvellement)")
    EXPIRED = "expired", _("Label expiré")
    NONE = "none", _("Non labellisé")


def _reject_case_insensitive_duplicate(instance, field, message):
    """Report a duplicate on the field itself (the Lower() constraint would report it globally).

    Names are compared with str.casefold() in Python: SQLite's LOWER()/LIKE fold ASCII only
    ("MÉTIERS" would not match "métiers"). Registries hold hundreds of names, not millions.
    """
    value = getattr(instance, field)
    if not value:
        return
    others = type(instance)._default_manager.exclude(pk=instance.pk).values_list(field, flat=True)
    wanted = value.strip().casefold()
    if any(other.strip().casefold() == wanted for other in others.iterator()):
        raise ValidationError({field: message})


class SectorFamily(models.Model):
    """The 12 sector families of the 2020 national brochure."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    label = models.CharField(_("libellé"), max_length=200, unique=True)
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("famille de secteurs")
        verbose_name_plural = _("familles de secteurs")
        ordering = ["position", "label"]

    def __str__(self):
        return self.label


class Academy(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("nom"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("académie")
        verbose_name_plural = _("académies")
        ordering = ["name"]

    def __str__(self):
        return self.name


class LegalStatus(models.TextChoices):
    EPSCP = "epscp", _("EPSCP (université, grand établissement)")
    EPLE = "eple", _("EPLE (lycée, collège)")
    ASSOCIATION = "association", _("Association")
    GIP = "gip", _("Groupement d'intérêt public (GIP)")
    EPN = "epn", _("Établissement public national")
    LOCAL_AUTHORITY = "collectivite", _("Collectivité territoriale")
    STATE = "etat", _("Service de l'État")
    COMPANY = "entreprise", _("Entreprise")
    OTHER = "autre", _("Autre")


class Organisation(models.Model):
    """A support institution or a partner of one or more campuses."""

    legal_name = models.CharField(_("raison sociale"), max_length=250)
    legal_status = models.CharField(
        _("statut juridique"), max_length=20, choices=LegalStatus.choices
    )
    siret = models.CharField(
        _("SIRET"),
        max_length=14,
        blank=True,
        validators=[validate_siret],
        help_text=_("14 chiffres. Laisser vide s'il n'est pas connu."),
    )
    address = models.TextField(_("adresse"), blank=True)
    created_on = models.DateField(_("date de création"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False, verbose_name=_("version"))

    class Meta:
        verbose_name = _("organisme")
        verbose_name_plural = _("organismes")
        ordering = ["legal_name"]
        constraints = [
            models.UniqueConstraint(
                Lower("legal_name"),
                name="campuses_organisation_unique_name",
                violation_error_message=_("Un organisme porte déjà ce nom."),
            ),
            models.UniqueConstraint(
                fields=["siret"],
                condition=~Q(siret=""),
                name="campuses_organisation_unique_siret",
                violation_error_message=_("Un organisme utilise déjà ce SIRET."),
            ),
        ]

    def __str__(self):
        return self.legal_name

    def clean(self):
        super().clean()
        _reject_case_insensitive_duplicate(self, "legal_name", _("Un organisme porte déjà ce nom."))

    def representative_on(self, day=None):
        """The representative in office on `day` (latest start first), from prefetched rows."""
        day = day or timezone.localdate()
        current = [r for r in self.representatives.all() if r.covers(day)]
        return max(current, key=lambda r: r.start or date.min, default=None)


class CampusDirectorQuerySet(models.QuerySet):
    def in_office(self, day=None):
        """The directors and deputies whose dates cover `day` (today by default): the one
        definition of « in office », for scopes, pages, exports and e-mails alike."""
        day = day or timezone.localdate()
        return self.filter(
            Q(start__isnull=True) | Q(start__lte=day), Q(end__isnull=True) | Q(end__gte=day)
        )

    def with_portal_account(self):
        """Those who can use the portal as directors: an active account with that role."""
        return self.filter(user__isnull=False, user__is_active=True, user__role=Role.DIRECTOR)


class DatedMixin(models.Model):
    """A start and an optional end; the end may not precede the start."""

    start = models.DateField(_("début"), null=True, blank=True)
    end = models.DateField(_("fin"), null=True, blank=True)

    class Meta:
        abstract = True

    def covers(self, day):
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError(
                {"end": _("La date de fin doit être postérieure ou égale à la date de début.")}
            )

    def overlaps(self, other):
        lo = max(self.start or date.min, other.start or date.min)
        hi = min(self.end or date.max, other.end or date.max)
        return lo <= hi


def _end_after_start(name):
    return models.CheckConstraint(
        condition=Q(start__isnull=True) | Q(end__isnull=True) | Q(end__gte=F("start")),
        name=name,
        violation_error_message=_(
            "La date de fin doit être postérieure ou égale à la date de début."
        ),
    )


class OrganisationRepresentative(DatedMixin):
    """Who represents an organisation, when, as seen in which document (the seeds disagree)."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="representatives",
        verbose_name=_("organisme"),
    )
    name = models.CharField(_("nom"), max_length=200)
    title = models.CharField(_("qualité"), max_length=250, blank=True)
    source = models.CharField(_("document source"), max_length=250, blank=True)

    class Meta:
        verbose_name = _("représentant·e")
        verbose_name_plural = _("représentant·es")
        ordering = ["organisation", F("start").desc(nulls_last=True), "name"]
        constraints = [_end_after_start("campuses_organisationrepresentative_end_after_start")]

    def __str__(self):
        return f"{self.name}, {self.title}" if self.title else self.name


# What an app above the registry says of a campus's label on a day, without the registry
# importing it: `factory(on)` gives an expression, True while the campus has an application
# for the label in progress (labels registers it).
APPLICATION_IN_PROGRESS = []


def register_application_in_progress(factory):
    APPLICATION_IN_PROGRESS[:] = [factory]


class CampusQuerySet(models.QuerySet):
    def with_label_state(self, on=None):
        """Annotate each campus with its label state on `on` (today by default).

        current_category / current_start / current_end / current_probationary describe the
        label period covering that day; label_status follows from them, whether another campus
        replaced this one, the préfiguration flag, and whether a period ended before or starts
        after that day.

        The database gives the facts; Campus.label_status words the status from them. The
        status is also an alias, for the filters and orderings that ask the database for
        it: selected, its CASE would repeat six of the subqueries, compiled again on each
        request and run again on each row.
        """
        on = on or timezone.localdate()
        covering = LabelPeriod.objects.filter(
            campus=OuterRef("pk"), start__lte=on, end__gte=on
        ).order_by("-start")
        past = LabelPeriod.objects.filter(campus=OuterRef("pk"), end__lt=on).order_by("-end")
        future = LabelPeriod.objects.filter(campus=OuterRef("pk"), start__gt=on).order_by("start")
        # A predecessor (merged into or renewed as another campus) carries on only through it.
        succeeded = Campus.predecessors.through.objects.filter(to_campus=OuterRef("pk"))
        in_application = (
            APPLICATION_IN_PROGRESS[0](on)
            if APPLICATION_IN_PROGRESS
            else Value(False, output_field=models.BooleanField())
        )
        return (
            self.annotate(
                has_successor=Exists(succeeded),
                in_application=in_application,
                current_category=Subquery(covering.values("category")[:1]),
                current_start=Subquery(covering.values("start")[:1]),
                current_end=Subquery(covering.values("end")[:1]),
                current_probationary=Subquery(covering.values("probationary")[:1]),
                last_label_end=Subquery(past.values("end")[:1]),
                next_label_start=Subquery(future.values("start")[:1]),
            )
            .alias(label_status=_label_status_case())
            .annotate(label_state_on=Value(on, output_field=models.DateField()))
        )


def _label_status_case():
    """label_status in SQL, over with_label_state's annotations: the same order of precedence
    as Campus.label_status, which reads it in Python."""
    return Case(
        When(
            current_end__isnull=False,
            current_probationary=True,
            then=Value(LabelStatus.PROBATIONARY),
        ),
        When(current_end__isnull=False, then=Value(LabelStatus.LABELLED)),
        # A label in force stays the status; without one, an application shows.
        When(in_application=True, then=Value(LabelStatus.APPLICATION)),
        When(has_successor=True, then=Value(LabelStatus.REPLACED)),
        When(next_label_start__isnull=False, then=Value(LabelStatus.UPCOMING)),
        When(is_prefiguration=True, then=Value(LabelStatus.PREFIGURATION)),
        When(last_label_end__isnull=False, then=Value(LabelStatus.EXPIRED)),
        default=Value(LabelStatus.NONE),
        output_field=models.CharField(),
    )


# Words left out of a campus's code (« Industrie du futur » → « if »).
CODE_STOP_WORDS = {"a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les"}


class Campus(models.Model):
    name = models.CharField(_("nom"), max_length=250)
    short_name = models.CharField(_("nom court"), max_length=100)
    sector_family = models.ForeignKey(
        SectorFamily,
        on_delete=models.PROTECT,
        related_name="campuses",
        verbose_name=_("famille de secteurs"),
    )
    region = models.CharField(_("région"), max_length=100, default="Île-de-France")
    academies = models.ManyToManyField(
        Academy, related_name="campuses", verbose_name=_("académies")
    )
    description = models.TextField(_("description"), blank=True)
    seat_address = models.TextField(_("adresse du siège"), blank=True)
    is_prefiguration = models.BooleanField(
        _("projet en préfiguration"),
        default=False,
        help_text=_("Cocher tant que le campus est un projet qui n'a pas encore obtenu le label."),
    )
    predecessors = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="successors",
        verbose_name=_("campus prédécesseurs"),
        help_text=_("Campus fusionnés ou remplacés par celui-ci."),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("créé le"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("modifié le"))
    # Optimistic locking: an edit based on an older version is refused, not silently applied.
    version = models.PositiveIntegerField(default=1, editable=False, verbose_name=_("version"))

    objects = CampusQuerySet.as_manager()

    class Meta:
        verbose_name = _("campus")
        verbose_name_plural = _("campus")
        ordering = ["short_name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="campuses_campus_unique_name",
                violation_error_message=_("Un campus porte déjà ce nom."),
            ),
            models.UniqueConstraint(
                Lower("short_name"),
                name="campuses_campus_unique_short_name",
                violation_error_message=_("Un campus porte déjà ce nom court."),
            ),
        ]

    def __str__(self):
        return self.short_name or self.name

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("campuses:detail", args=[self.pk])

    @property
    def heading(self):
        """« Campus des métiers et des qualifications Intelligence artificielle »: the name as
        the documents head it (the prefix is not doubled when the name carries it)."""
        prefix = gettext("Campus des métiers et des qualifications")
        return self.name if self.name.startswith(prefix) else f"{prefix} {self.name}"

    @property
    def code(self):
        """« ia » for « Intelligence artificielle », « if » for « Industrie du futur »: the
        campus in a file name."""
        slug = slugify(self.short_name) or "campus"
        words = [w for w in slug.split("-") if w and w not in CODE_STOP_WORDS]
        return "".join(w[0] for w in words) if len(words) > 1 else slug

    def clean(self):
        super().clean()
        errors = {}
        for field, message in (
            ("name", _("Un campus porte déjà ce nom.")),
            ("short_name", _("Un campus porte déjà ce nom court.")),
        ):
            try:
                _reject_case_insensitive_duplicate(self, field, message)
            except ValidationError as error:
                errors.update(error.message_dict)
        if errors:
            raise ValidationError(errors)

    # The properties below read the annotations of CampusQuerySet.with_label_state.
    @property
    def label_status(self):
        """The status on the day of the label state (as _label_status_case words it in SQL)."""
        if self.current_end is not None:
            if self.current_probationary:
                return LabelStatus.PROBATIONARY
            return LabelStatus.LABELLED
        # A label in force stays the status; without one, an application shows.
        if self.in_application:
            return LabelStatus.APPLICATION
        if self.has_successor:
            return LabelStatus.REPLACED
        if self.next_label_start is not None:
            return LabelStatus.UPCOMING
        if self.is_prefiguration:
            return LabelStatus.PREFIGURATION
        if self.last_label_end is not None:
            return LabelStatus.EXPIRED
        return LabelStatus.NONE

    @property
    def label_status_label(self):
        return LabelStatus(self.label_status).label

    @property
    def current_category_label(self):
        return LabelCategory(self.current_category).label if self.current_category else ""

    @property
    def label_days_left(self):
        if self.current_end is None:
            return None
        return (self.current_end - self.label_state_on).days


class CampusFormerName(DatedMixin):
    campus = models.ForeignKey(
        Campus, on_delete=models.CASCADE, related_name="former_names", verbose_name=_("campus")
    )
    name = models.CharField(_("ancien nom"), max_length=250)

    class Meta:
        verbose_name = _("ancien nom")
        verbose_name_plural = _("anciens noms")
        ordering = ["campus", F("start").asc(nulls_first=True)]
        constraints = [_end_after_start("campuses_campusformername_end_after_start")]

    def __str__(self):
        return self.name


class CampusPlace(models.Model):
    """A place where the campus is embodied ("lieu d'incarnation", "lieu totem")."""

    campus = models.ForeignKey(
        Campus, on_delete=models.CASCADE, related_name="places", verbose_name=_("campus")
    )
    name = models.CharField(_("nom du lieu"), max_length=250)
    address = models.TextField(_("adresse"), blank=True)
    is_flagship = models.BooleanField(_("lieu totem"), default=False)

    class Meta:
        verbose_name = _("lieu d'incarnation")
        verbose_name_plural = _("lieux d'incarnation")
        ordering = ["campus", "-is_flagship", "name"]

    def __str__(self):
        return self.name


class LabelPeriod(models.Model):
    campus = models.ForeignKey(
        Campus, on_delete=models.CASCADE, related_name="label_periods", verbose_name=_("campus")
    )
    category = models.CharField(_("catégorie"), max_length=16, choices=LabelCategory.choices)
    start = models.DateField(_("début"))
    end = models.DateField(_("fin"))
    decision_date = models.DateField(_("date de la décision"), null=True, blank=True)
    decision_reference = models.CharField(_("référence de la décision"), max_length=250, blank=True)
    probationary = models.BooleanField(_("label probatoire"), default=False)
    note = models.TextField(
        _("remarque"),
        blank=True,
        help_text=_("Par exemple une date supposée faute de source."),
    )

    class Meta:
        verbose_name = _("période de labellisation")
        verbose_name_plural = _("périodes de labellisation")
        ordering = ["campus", F("start").asc(nulls_first=True)]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=F("start")),
                name="campuses_labelperiod_end_after_start",
                violation_error_message=_(
                    "La date de fin doit être postérieure ou égale à la date de début."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.get_category_display()} {self.start:%d/%m/%Y} – {self.end:%d/%m/%Y}"

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError(
                {"end": _("La date de fin doit être postérieure ou égale à la date de début.")}
            )
        if self.start and self.end and self.campus_id:
            clash = (
                LabelPeriod.objects.filter(
                    campus_id=self.campus_id, start__lte=self.end, end__gte=self.start
                )
                .exclude(pk=self.pk)
                .first()
            )
            if clash:
                raise ValidationError(
                    {
                        "start": _("Cette période chevauche la période %(other)s du même campus.")
                        % {"other": clash}
                    }
                )


class SupportInstitutionTenure(DatedMixin):
    """Which organisation supports (carries) the campus, over which dates."""

    campus = models.ForeignKey(
        Campus, on_delete=models.CASCADE, related_name="support_history", verbose_name=_("campus")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="supported_campuses",
        verbose_name=_("établissement support"),
    )

    class Meta:
        verbose_name = _("établissement support")
        verbose_name_plural = _("historique des établissements support")
        ordering = ["campus", F("start").asc(nulls_first=True)]
        constraints = [_end_after_start("campuses_supportinstitutiontenure_end_after_start")]

    def __str__(self):
        return str(self.organisation)

    def clean(self):
        super().clean()
        if not self.campus_id:
            return
        for other in SupportInstitutionTenure.objects.filter(campus_id=self.campus_id).exclude(
            pk=self.pk
        ):
            if self.overlaps(other):
                raise ValidationError(
                    {
                        "start": _(
                            "Ces dates chevauchent celles de l'établissement support %(other)s."
                        )
                        % {"other": other.organisation}
                    }
                )


class DirectorRole(models.TextChoices):
    DIRECTOR = "director", _("Directeur·rice opérationnel·le")
    DEPUTY = "deputy", _("Directeur·rice adjoint·e")


class CampusDirector(DatedMixin):
    """A director or deputy of a campus over dates; linked to a portal account when they have one.

    An active account with the director role and a row covering today sees that campus.
    """

    campus = models.ForeignKey(
        Campus, on_delete=models.CASCADE, related_name="directors", verbose_name=_("campus")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="campus_directorships",
        verbose_name=_("compte du portail"),
    )
    full_name = models.CharField(_("nom"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    role = models.CharField(
        _("fonction"), max_length=16, choices=DirectorRole.choices, default=DirectorRole.DIRECTOR
    )

    objects = CampusDirectorQuerySet.as_manager()

    class Meta:
        verbose_name = _("direction du campus")
        verbose_name_plural = _("direction des campus")
        ordering = ["campus", "role", F("start").desc(nulls_last=True)]
        constraints = [_end_after_start("campuses_campusdirector_end_after_start")]

    def __str__(self):
        return f"{self.full_name} ({self.get_role_display()})"

    def clean(self):
        super().clean()
        if not self.campus_id:
            return
        if self.user_id and self.user.role != "director":
            raise ValidationError(
                {"user": _("Ce compte n'a pas le rôle de directeur·rice opérationnel·le.")}
            )
        same_person = CampusDirector.objects.filter(campus_id=self.campus_id).exclude(pk=self.pk)
        if self.user_id:
            same_person = same_person.filter(user_id=self.user_id)
        else:
            same_person = same_person.filter(full_name__iexact=self.full_name)
        for other in same_person:
            if self.overlaps(other):
                raise ValidationError(
                    {"start": _("Cette personne est déjà rattachée à ce campus sur ces dates.")}
                )


class StakeholderType(models.TextChoices):
    SCHOOL = "lycee", _("Lycée / EPLE")
    UNIVERSITY = "universite", _("Université / école")
    CFA = "cfa", _("CFA")
    GRETA = "greta", _("GRETA")
    LAB = "laboratoire", _("Laboratoire")
    COMPANY = "entreprise", _("Entreprise")
    ASSOCIATION = "association", _("Association")
    LOCAL_AUTHORITY = "collectivite", _("Collectivité")
    STATE = "etat", _("Service de l'État")
    INTERNATIONAL = "international", _("Partenaire international")
    OTHER = "autre", _("Autre")


class Stakeholder(models.Model):
    campus = models.ForeignKey(
        Campus, on_delete=models.CASCADE, related_name="stakeholders", verbose_name=_("campus")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="stakes",
        verbose_name=_("organisme"),
    )
    type = models.CharField(_("type"), max_length=20, choices=StakeholderType.choices)
    role = models.CharField(_("rôle dans le campus"), max_length=250, blank=True)

    class Meta:
        verbose_name = _("partie prenante")
        verbose_name_plural = _("parties prenantes")
        ordering = ["campus", "type", "organisation__legal_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["campus", "organisation"],
                name="campuses_stakeholder_unique_organisation",
                violation_error_message=_("Cet organisme est déjà partie prenante du campus."),
            )
        ]

    def __str__(self):
        return f"{self.organisation} ({self.get_type_display()})"


class GovernanceKind(models.TextChoices):
    COS = "cos", _("Comité d'orientation stratégique (COS)")
    COPIL = "copil", _("Comité de pilotage (COPIL)")
    DIRECTOIRE = "directoire", _("Directoire")
    BOARD = "board", _("Conseil d'administration")
    OTHER = "autre", _("Autre instance")


class GovernanceBody(models.Model):
    campus = models.ForeignKey(
        Campus, on_delete=models.CASCADE, related_name="governance_bodies", verbose_name=_("campus")
    )
    kind = models.CharField(_("instance"), max_length=16, choices=GovernanceKind.choices)
    name = models.CharField(_("intitulé"), max_length=250, blank=True)
    composition = models.TextField(_("composition"), blank=True)
    meeting_frequency = models.CharField(_("fréquence de réunion"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("instance de gouvernance")
        verbose_name_plural = _("instances de gouvernance")
        ordering = ["campus", "kind"]

    def __str__(self):
        return self.name or self.get_kind_display()
