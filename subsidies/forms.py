"""Forms of the subsidies pages. They check what was typed (numbers, dates, choices); the
services apply the rules of the regulation and their errors land on the fields.

The model forms here do not run the model's own validation (`_post_clean`): the services do,
with messages attached to the right field, and running both would show every error twice.
"""

import django_filters
from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campuses.models import Campus, Organisation
from campuses.permissions import campuses_visible_to
from campuses.selectors import campus_choices
from core.form_fields import MoneyField
from core.formats import french_order
from core.forms import (
    BoundedModelChoiceField,
    BoundedModelMultipleChoiceField,
    DateInput,
    PortalModelForm,
    with_empty,
)
from deliberations.models import Deliberation

from . import permissions, selectors
from .models import (
    MONEY,
    BudgetLine,
    CommitmentEnvelope,
    DossierStatus,
    EnvelopePurpose,
    LineKind,
    PaymentKind,
    Programme,
    SubsidyDossier,
)
from .services.dossiers import MISSING_BUDGET_LINE, PROJECT_FIELDS, TERMS_FIELDS

MAX_LINES = 60


def _money_field(label, required=True, **kwargs):
    return MoneyField(label=label, required=required, **MONEY, **kwargs)


# ---------------------------------------------------------------- list filters


def _visible_beneficiaries(request):
    """Read with only what their label shows (Organisation.__str__), as campus_choices: a whole
    row per option, addresses included, was most of the cost of the list's filter form."""
    if request is None:
        return Organisation.objects.none()
    return selectors.beneficiaries_visible_to(request.user).only("pk", "legal_name")


class DossierFilter(django_filters.FilterSet):
    """Filters of the dossier list (the queryset given is already scoped to the user)."""

    year = django_filters.NumberFilter(
        field_name="reference_year",
        label=_("Année"),
        min_value=2000,
        max_value=2100,
        decimal_places=0,
    )
    campus = django_filters.ModelChoiceFilter(queryset=campus_choices, label=_("Campus"))
    status = django_filters.ChoiceFilter(choices=DossierStatus.choices, label=_("État"))
    beneficiary = django_filters.ModelChoiceFilter(
        queryset=_visible_beneficiaries, label=_("Bénéficiaire")
    )
    q = django_filters.CharFilter(method="search", label=_("Recherche"), max_length=100)

    class Meta:
        model = SubsidyDossier
        fields = ["year", "campus", "status", "beneficiary", "q"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Ids too large for the database are an invalid choice, not a 500.
        for name in ("campus", "beneficiary"):
            self.filters[name].field_class = BoundedModelChoiceField

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(number__icontains=value)
            | Q(title__icontains=value)
            | Q(campus__short_name__icontains=value)
            | Q(campus__name__icontains=value)
            | Q(beneficiary_name__icontains=value)
            | Q(beneficiary__legal_name__icontains=value)
        )

    def export_params(self):
        """The validated filters as the export job takes them (JSON values)."""
        data = self.form.cleaned_data
        return {
            "year": int(data["year"]) if data.get("year") is not None else None,
            "campus": data["campus"].pk if data.get("campus") else None,
            "status": data.get("status") or None,
            "beneficiary": data["beneficiary"].pk if data.get("beneficiary") else None,
        }


# ---------------------------------------------------------------- the director's project


class ServiceModelForm(PortalModelForm):
    """A model form that checks types only: the service applies the model's rules."""

    def _post_clean(self):
        pass


class VersionedServiceForm(ServiceModelForm):
    """Carries the version the user started from, so a concurrent edit is detected."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version


class ProjectForm(VersionedServiceForm):
    """What the campus's director prepares (and regional staff may correct until the vote)."""

    class Meta(PortalModelForm.Meta):
        model = SubsidyDossier
        fields = list(PROJECT_FIELDS)
        widgets = {
            "planned_start": DateInput,
            "planned_end": DateInput,
            "description": forms.Textarea(attrs={"rows": 8}),
            "early_start_reason": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "description": _(
                "Les actions prévues pour l'année, telles que la fiche projet les décrit."
            ),
            "interns_count": _(
                "Engagement « 100.000 nouveaux stages » : nombre de stagiaires ou alternants "
                "d'au moins deux mois."
            ),
        }

    def __init__(self, *args, creating=False, **kwargs):
        super().__init__(*args, **kwargs)
        # Typing limits (the services check the rest): no overflow in the database.
        self.fields["interns_count"].validators.append(MaxValueValidator(10_000))
        self.fields["interns_count"].widget.attrs["max"] = "10000"
        self.fields["interns_min_months"].validators += [
            MinValueValidator(2),
            MaxValueValidator(36),
        ]
        if creating:
            # The title is proposed from the campus and the year.
            self.fields["title"].required = False
            self.fields["title"].help_text = _(
                "Laisser vide pour « Campus des métiers et des qualifications « … » - Budget "
                "<année> »."
            )

    def project_data(self):
        data = {name: self.cleaned_data.get(name) for name in PROJECT_FIELDS}
        for name in ("early_start_reason", "description", "title"):
            data[name] = (data.get(name) or "").strip()
        if not data.get("title"):
            data.pop("title")
        return data


class DossierCreateForm(ProjectForm):
    """A new dossier: which campus and year it is for, and its project (the plan comes with
    it in the same page)."""

    campus = BoundedModelChoiceField(queryset=Campus.objects.none(), label=_("Campus"))
    reference_year = forms.IntegerField(
        label=_("Exercice de référence"), min_value=2000, max_value=2100
    )
    duplicate_justification = forms.CharField(
        label=_("Justification d'un second dossier pour l'année"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Exception au principe d'un dossier par campus et par an (Région seulement)."),
    )
    field_order = ["campus", "reference_year", "duplicate_justification", *PROJECT_FIELDS]

    def __init__(self, *args, user=None, **kwargs):
        kwargs.setdefault("instance", SubsidyDossier())
        super().__init__(*args, creating=True, **kwargs)
        campuses = campuses_visible_to(user).order_by(french_order("short_name"))
        self.fields["campus"].queryset = campuses
        if not permissions.can_manage_subsidies(user):
            del self.fields["duplicate_justification"]
        self.fields["reference_year"].initial = timezone.localdate().year + 1
        if len(campuses) == 1:
            self.fields["campus"].initial = campuses[0].pk
        for name in ("planned_start", "planned_end"):
            self.fields[name].help_text = _(
                "Laisser vide pour le 1er janvier (début) ou le 31 décembre (fin) de l'exercice."
            )

    def project_data(self):
        """Blank dates are left to the service, which takes the bounds of the year."""
        data = super().project_data()
        for name in ("planned_start", "planned_end"):
            if data.get(name) is None:
                data.pop(name, None)
        return data


# ---------------------------------------------------------------- financing plan


class PlanLineForm(forms.Form):
    kind = forms.ChoiceField(label=_("Nature"), choices=with_empty(LineKind.choices))
    label = forms.CharField(label=_("Libellé"), max_length=250)
    amount = _money_field(_("Montant (€)"), min_value=0)
    is_region_share = forms.BooleanField(label=_("Subvention de la Région"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["amount"].widget.attrs["data-plan-amount"] = ""
        self.fields["kind"].widget.attrs["data-plan-kind"] = ""
        self.fields["is_region_share"].widget.attrs["data-plan-region"] = ""
        self.fields["label"].widget.attrs["placeholder"] = _("p. ex. frais de personnel")

    def has_changed(self):
        """A row without a label nor an amount is blank (the nature preselected or the
        Region box ticked alone do not count): it is ignored."""
        return any(str(self[name].data or "").strip() for name in ("label", "amount"))


class BasePlanFormSet(forms.BaseFormSet):
    """Every row may be left blank (it is then ignored), the existing ones included: clearing
    a row removes it. The service refuses an incomplete row with a message on that row."""

    def _construct_form(self, i, **kwargs):
        kwargs["empty_permitted"] = True
        kwargs["use_required_attribute"] = False
        return super()._construct_form(i, **kwargs)

    def filled_forms(self):
        return [form for form in self.forms if form.has_changed()]

    def lines(self):
        """(lines for the service, the form of each line in the same order)."""
        forms_ = self.filled_forms()
        lines = [
            {
                "kind": form.cleaned_data.get("kind"),
                "label": form.cleaned_data.get("label"),
                "amount": form.cleaned_data.get("amount"),
                "is_region_share": form.cleaned_data.get("is_region_share", False),
            }
            for form in forms_
        ]
        return lines, forms_

    def add_service_errors(self, errors):
        """Put the service's `line_<i>` errors on their row, `financing_plan` on the plan."""
        _lines, forms_ = self.lines()
        for key, messages in errors.items():
            if key.startswith("line_") and key[5:].isdigit() and int(key[5:]) < len(forms_):
                forms_[int(key[5:])].add_error(None, messages)
            elif key == "financing_plan":
                self._plan_errors.extend(messages)

    @property
    def plan_errors(self):
        return self._plan_errors

    def full_clean(self):
        self._plan_errors = []
        super().full_clean()


PlanFormSet = forms.formset_factory(
    PlanLineForm,
    formset=BasePlanFormSet,
    extra=0,
    max_num=MAX_LINES,
    absolute_max=MAX_LINES,
    validate_max=True,
)


def plan_formset(data=None, dossier=None, blank_rows=2):
    """The plan editor: the dossier's lines, then `blank_rows` empty ones (or a starter plan)."""
    if dossier is not None and dossier.pk:
        initial = [
            {
                "kind": line.kind,
                "label": line.label,
                "amount": line.amount,
                "is_region_share": line.is_region_share,
            }
            for line in dossier.financing_lines.order_by("position", "pk")
        ]
    else:
        initial = []
    if not initial:
        initial = [
            {"kind": LineKind.EXPENSE, "label": ""},
            {"kind": LineKind.REVENUE, "label": "", "is_region_share": True},
        ]
    initial += [{} for _i in range(blank_rows)]
    return PlanFormSet(data, initial=None if data is not None else initial, prefix="plan")


# ---------------------------------------------------------------- instruction


class InstructionForm(VersionedServiceForm):
    """The financial terms set by regional staff (frozen by the vote)."""

    class Meta(PortalModelForm.Meta):
        model = SubsidyDossier
        fields = list(TERMS_FIELDS)
        widgets = {
            "lapse_on": DateInput,
            "extended_cap_justification": forms.Textarea(attrs={"rows": 3}),
            "calculation_detail": forms.Textarea(attrs={"rows": 3}),
            "duplicate_justification": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "amount": _("Laisser vide pour retenir le montant maximum calculé."),
            "rate": _("50 % au plus."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["beneficiary"].queryset = Organisation.objects.order_by(
            french_order("legal_name")
        )
        self.fields["budget_line"].queryset = BudgetLine.objects.select_related("programme")
        # The instruction always needs one (services.dossiers.terms_errors): marked required.
        self.fields["budget_line"].required = True
        self.fields["budget_line"].error_messages["required"] = MISSING_BUDGET_LINE
        self.fields["eligible_base"].required = True
        self.fields["rate"].required = True
        for name in ("eligible_base", "amount"):
            self.fields[name].min_value = 0
            self.fields[name].validators.append(MinValueValidator(0))
        self.fields["rate"].validators.append(MinValueValidator(0))

    def terms_data(self):
        data = {name: self.cleaned_data.get(name) for name in TERMS_FIELDS}
        for name in (
            "base_label",
            "extended_cap_justification",
            "calculation_detail",
            "location",
            "particular_contract",
            "cper",
            "duplicate_justification",
        ):
            data[name] = (data.get(name) or "").strip()
        return data


# ---------------------------------------------------------------- actions


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, required=True, label=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = required
        if label:
            self.fields["reason"].label = label


class ProposeForm(forms.Form):
    deliberation = BoundedModelChoiceField(
        queryset=Deliberation.objects.order_by("-date", "number"), label=_("Délibération")
    )
    envelope = BoundedModelChoiceField(
        queryset=CommitmentEnvelope.objects.none(), label=_("Autorisation d'engagement")
    )
    reason = forms.CharField(
        label=_("Observation"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        envelopes = selectors.envelope_list(
            CommitmentEnvelope.objects.filter(purpose=EnvelopePurpose.CAMPUS_GRANTS)
        )
        self.fields["envelope"].queryset = envelopes
        self.fields["envelope"].label_from_instance = self.envelope_label

    @staticmethod
    def envelope_label(envelope):
        from core.formats import euros

        return _("%(label)s – %(year)s, %(deliberation)s (reste %(remaining)s)") % {
            "label": envelope.label[:60],
            "year": envelope.budget_year,
            "deliberation": envelope.deliberation,
            "remaining": euros(envelope.remaining - envelope.proposed),
        }


PARTY_CHOICES = [
    ("region", _("La Région")),
    ("beneficiary", _("Le bénéficiaire")),
]


class AgreementSignatureForm(forms.Form):
    party = forms.ChoiceField(label=_("Partie"), choices=with_empty(PARTY_CHOICES))
    signed_on = forms.DateField(label=_("Date de signature"), widget=DateInput)
    signatory = forms.CharField(label=_("Signataire (nom et qualité)"), max_length=250)

    def __init__(self, *args, pending=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["signed_on"].initial = timezone.localdate
        if pending is not None:
            choices = [choice for choice in PARTY_CHOICES if choice[0] in pending]
            self.fields["party"].choices = with_empty(choices)
            if len(choices) == 1:
                self.fields["party"].initial = choices[0][0]


TRANSFER_PARTY_CHOICES = [
    ("region", _("La Région")),
    ("previous", _("Le bénéficiaire initial")),
    ("new", _("Le nouveau bénéficiaire")),
]


class TransferSignatureForm(AgreementSignatureForm):
    def __init__(self, *args, pending=None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [c for c in TRANSFER_PARTY_CHOICES if pending is None or c[0] in pending]
        self.fields["party"].choices = with_empty(choices)
        if len(choices) == 1:
            self.fields["party"].initial = choices[0][0]


class ScanForm(forms.Form):
    file = forms.FileField(
        label=_("Exemplaire signé numérisé (PDF, 10 Mo au plus)"),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )


class PaymentRequestForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), choices=with_empty(PaymentKind.choices))
    amount = _money_field(_("Montant (€)"))
    requested_on = forms.DateField(label=_("Demandé le"), widget=DateInput, required=False)
    realised_expenses = _money_field(
        _("Dépenses réalisées justifiées (€)"),
        required=False,
        help_text=_("Pour un solde : le montant est limité au taux × dépenses réalisées."),
    )
    reference = forms.CharField(label=_("Référence"), max_length=50, required=False)
    note = forms.CharField(
        label=_("Observations"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["requested_on"].initial = timezone.localdate


class LapseDateForm(forms.Form):
    lapse_on = forms.DateField(label=_("Nouvelle date de caducité"), widget=DateInput)
    reason = forms.CharField(
        label=_("Motif (prorogation, convention…)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class PaymentStepForm(forms.Form):
    """« Mandaté le » or « payé le », with the payment order's reference."""

    day = forms.DateField(label=_("Date"), widget=DateInput)
    reference = forms.CharField(label=_("Référence (n° de mandat)"), max_length=50, required=False)

    def __init__(self, *args, label=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["day"].initial = timezone.localdate
        if label:
            self.fields["day"].label = label


# ---------------------------------------------------------------- envelopes and transfers


class EnvelopeForm(PortalModelForm):
    """A commitment envelope (« autorisation d'engagement ») affected by a deliberation."""

    class Meta(PortalModelForm.Meta):
        model = CommitmentEnvelope
        fields = [
            "programme",
            "deliberation",
            "article",
            "budget_year",
            "purpose",
            "label",
            "amount",
            "chapter",
            "chapter_label",
            "function",
            "function_label",
            "programme_code",
            "programme_label",
            "action",
            "action_label",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["deliberation"].queryset = Deliberation.objects.order_by("-date", "number")
        self.fields["budget_year"].validators += [MinValueValidator(2000), MaxValueValidator(2100)]
        self.fields["budget_year"].initial = timezone.localdate().year
        programme = Programme.objects.order_by("code").first()
        if programme is not None:
            self.fields["programme"].initial = programme.pk
        self.fields["purpose"].initial = EnvelopePurpose.CAMPUS_GRANTS
        # The budget classification of the campus grants (article 7 of CP 2023-263).
        for name, value in {
            "chapter": "932",
            "chapter_label": "Enseignement Formation Professionnelle et Apprentissage",
            "function": "288",
            "function_label": "Autres services annexes de l'enseignement",
            "programme_code": "HP288-003",
            "programme_label": "Centre de ressources",
            "action": "12800302",
            "action_label": "Campus des métiers et des qualifications",
        }.items():
            self.fields[name].initial = value


class TransferCreateForm(forms.Form):
    campus = BoundedModelChoiceField(
        queryset=Campus.objects.order_by(french_order("short_name")), label=_("Campus")
    )
    new_beneficiary = BoundedModelChoiceField(
        queryset=Organisation.objects.order_by(french_order("legal_name")),
        label=_("Nouveau bénéficiaire"),
    )
    dossiers = BoundedModelMultipleChoiceField(
        queryset=SubsidyDossier.objects.none(),
        label=_("Dossiers dont le reliquat est transféré"),
        widget=forms.CheckboxSelectMultiple,
    )
    deliberation = BoundedModelChoiceField(
        queryset=Deliberation.objects.order_by("-date", "number"),
        label=_("Délibération approuvant l'avenant"),
        required=False,
    )
    region_mandate = forms.CharField(
        label=_("Délibération habilitant la présidente"), max_length=200, required=False
    )
    reason = forms.CharField(
        label=_("Motif"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, campus=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dossiers"].queryset = selectors.transferable_dossiers(campus)
        self.fields["dossiers"].label_from_instance = self.dossier_label
        if campus is not None:
            self.fields["campus"].initial = campus.pk

    @staticmethod
    def dossier_label(dossier):
        from core.formats import euros

        return _("%(number)s – %(campus)s %(year)s – %(beneficiary)s, reliquat %(remainder)s") % {
            "number": dossier.number,
            "campus": dossier.campus.short_name,
            "year": dossier.reference_year,
            "beneficiary": dossier.beneficiary or "—",
            "remainder": euros(dossier.remainder),
        }
