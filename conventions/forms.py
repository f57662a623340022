"""Forms of the convention pages. They validate what was typed; the services decide the rest
(draft state, versions, passages in force, signatories) and their errors land on the fields."""

from datetime import date

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campuses.models import Organisation
from campuses.permissions import campuses_visible_to
from campuses.selectors import campus_choices
from core.formats import french_order
from core.forms import (
    BoundedModelChoiceField,
    DateInput,
    PortalModelForm,
    VersionedModelForm,
    with_empty,
)
from deliberations.models import Deliberation

from .models import (
    Amendment,
    AmendmentChange,
    Annex,
    Article,
    ChangeKind,
    Contribution,
    ConventionKind,
    ConventionParty,
    DurationKind,
    FrameworkConvention,
    NoticeReference,
    Paragraph,
    PartyKind,
    RenewalMode,
    SignatureStatus,
)

CLAUSE_FIELDS = [
    "duration_kind",
    "duration_years",
    "renewal_mode",
    "notice_months",
    "notice_reference",
    "notice_form",
]


class ConventionFilter(django_filters.FilterSet):
    """Filters of the conventions list (the queryset given is already scoped to the user)."""

    campus = django_filters.ModelChoiceFilter(queryset=campus_choices, label=_("Campus"))
    status = django_filters.ChoiceFilter(choices=SignatureStatus.choices, label=_("État"))
    kind = django_filters.ChoiceFilter(choices=ConventionKind.choices, label=_("Nature"))
    deliberation = django_filters.ModelChoiceFilter(
        queryset=Deliberation.objects.only("pk", "number"), label=_("Délibération")
    )

    class Meta:
        model = FrameworkConvention
        fields = ["campus", "status", "kind", "deliberation"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Ids too large for the database are an invalid choice, not a 500.
        for name in ("campus", "deliberation"):
            self.filters[name].field_class = BoundedModelChoiceField


# ---------------------------------------------------------------- conventions


class ConventionCreateForm(PortalModelForm):
    """A new convention from the standard template: the clauses now, the text afterwards."""

    class Meta(PortalModelForm.Meta):
        model = FrameworkConvention
        fields = ["campus", "kind", "title", "deliberation", *CLAUSE_FIELDS]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campus"].queryset = campuses_visible_to(user).order_by(
            french_order("short_name")
        )
        self.fields["notice_months"].initial = 3
        self.fields["title"].initial = _(
            "Convention cadre du Campus des métiers et des qualifications"
        )


class ConventionForm(VersionedModelForm):
    """The metadata and clauses of a draft."""

    class Meta(PortalModelForm.Meta):
        model = FrameworkConvention
        fields = [
            "kind",
            "title",
            "deliberation",
            "legal_references",
            "preamble",
            "seat",
            "original_copies",
            "signing_place",
            *CLAUSE_FIELDS,
        ]
        widgets = {
            "legal_references": forms.Textarea(attrs={"rows": 6}),
            "preamble": forms.Textarea(attrs={"rows": 6}),
            "seat": forms.Textarea(attrs={"rows": 2}),
        }


class PartyForm(PortalModelForm):
    class Meta(PortalModelForm.Meta):
        model = ConventionParty
        fields = [
            "position",
            "kind",
            "authority",
            "organisation",
            "representative_name",
            "representative_title",
        ]

    def clean(self):
        data = super().clean()
        if not data.get("organisation") and not data.get("authority"):
            self.add_error("authority", _("Indiquez l'organisme ou l'autorité."))
        return data


class ArticleForm(PortalModelForm):
    class Meta(PortalModelForm.Meta):
        model = Article
        fields = ["number", "title"]


class ParagraphForm(PortalModelForm):
    class Meta(PortalModelForm.Meta):
        model = Paragraph
        fields = ["article", "position", "label", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, convention=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["article"].queryset = Article.objects.filter(convention=convention)


class ContributionForm(PortalModelForm):
    class Meta(PortalModelForm.Meta):
        model = Contribution
        fields = [
            "party",
            "max_amount_per_year",
            "max_share_percent",
            "in_kind",
            "regulation_version",
        ]
        widgets = {"in_kind": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, convention=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].queryset = ConventionParty.objects.filter(
            convention=convention
        ).select_related("organisation")
        self.fields["regulation_version"].queryset = self.fields[
            "regulation_version"
        ].queryset.select_related("regulation", "deliberation")


class AnnexForm(PortalModelForm):
    class Meta(PortalModelForm.Meta):
        model = Annex
        fields = ["position", "title", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 8})}


class TerminationForm(forms.Form):
    party = BoundedModelChoiceField(
        queryset=ConventionParty.objects.none(), label=_("Partie qui dénonce")
    )
    on = forms.DateField(label=_("Date de la dénonciation"), widget=DateInput)
    reason = forms.CharField(
        label=_("Motif"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, convention=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].queryset = ConventionParty.objects.filter(
            convention=convention, removed_by__isnull=True
        ).select_related("organisation")


# ---------------------------------------------------------------- signatures and scans


class SignatureForm(forms.Form):
    """One party's signature.

    `parties` are those still to sign; `signable` those this user may sign for. Only the
    latter are offered, but any of the former is accepted here so that the service, not the
    form, refuses a forged choice (403) with its own message.
    """

    party = BoundedModelChoiceField(queryset=ConventionParty.objects.none(), label=_("Partie"))
    signed_on = forms.DateField(label=_("Date de signature"), widget=DateInput)
    place = forms.CharField(label=_("Lieu"), max_length=100)
    signatory_name = forms.CharField(label=_("Signataire"), max_length=200)
    signatory_title = forms.CharField(
        label=_("Qualité du signataire"), max_length=300, required=False
    )

    def __init__(self, *args, parties=(), signable=(), **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["party"]
        field.queryset = ConventionParty.objects.filter(pk__in=[p.pk for p in parties])
        field.widget.choices = with_empty((p.pk, str(p)) for p in signable)
        self.fields["signed_on"].initial = timezone.localdate
        if len(signable) == 1:
            party = signable[0]
            field.initial = party.pk
            self.fields["signatory_name"].initial = party.representative_name
            self.fields["signatory_title"].initial = party.representative_title


class ScanForm(forms.Form):
    file = forms.FileField(
        label=_("Original signé numérisé (PDF, 10 Mo au plus)"),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )


# ---------------------------------------------------------------- amendments


class AmendmentCreateForm(PortalModelForm):
    class Meta(PortalModelForm.Meta):
        model = Amendment
        fields = ["title", "deliberation", "summary"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 3})}


class AmendmentForm(VersionedModelForm):
    class Meta(PortalModelForm.Meta):
        model = Amendment
        fields = ["title", "deliberation", "summary"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 3})}


class HistoricalAmendmentForm(forms.Form):
    number = forms.IntegerField(label=_("Numéro de l'avenant"), min_value=1, max_value=999)
    signed_on = forms.DateField(label=_("Date de signature"), widget=DateInput, required=False)
    title = forms.CharField(label=_("Intitulé"), max_length=300, required=False)
    summary = forms.CharField(
        label=_("Résumé"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


# Which fields each kind of change uses (the page shows only those when JavaScript runs).
CHANGE_FIELDS = {
    ChangeKind.REPLACE_PASSAGE: ["article_number", "paragraph_label", "old_text", "new_text"],
    ChangeKind.REPLACE_ARTICLE: ["article_number", "title", "new_text"],
    ChangeKind.CHANGE_DURATION: [
        "duration_kind",
        "duration_years",
        "renewal_mode",
        "article_number",
        "paragraph_label",
        "new_text",
    ],
    ChangeKind.CHANGE_TERMINATION: [
        "notice_months",
        "notice_reference",
        "notice_form",
        "article_number",
        "paragraph_label",
        "new_text",
    ],
    ChangeKind.ADD_ANNEX: ["title", "new_text"],
    ChangeKind.REPLACE_ANNEX: ["title", "new_text"],
    ChangeKind.CHANGE_SUPPORT: ["organisation", "representative_name", "representative_title"],
    ChangeKind.ADD_PARTY: [
        "party_kind",
        "authority",
        "organisation",
        "representative_name",
        "representative_title",
    ],
    ChangeKind.REMOVE_PARTY: ["party"],
}

# Fields a kind cannot do without (the services check the rest against the text in force).
REQUIRED_CHANGE_FIELDS = {
    ChangeKind.REPLACE_PASSAGE: ["article_number", "old_text", "new_text"],
    ChangeKind.REPLACE_ARTICLE: ["article_number", "new_text"],
    ChangeKind.CHANGE_DURATION: ["duration_kind"],
    ChangeKind.CHANGE_TERMINATION: ["notice_months"],
    ChangeKind.ADD_ANNEX: ["title", "new_text"],
    ChangeKind.REPLACE_ANNEX: ["title", "new_text"],
    ChangeKind.CHANGE_SUPPORT: ["organisation"],
    ChangeKind.ADD_PARTY: ["party_kind"],
    ChangeKind.REMOVE_PARTY: ["party"],
}


class ChangeForm(forms.Form):
    """One form for every kind of typed change; `kind` says which fields matter."""

    kind = forms.ChoiceField(label=_("Type de modification"), choices=ChangeKind.choices)
    article_number = forms.IntegerField(
        label=_("Article"), required=False, min_value=1, max_value=999
    )
    paragraph_label = forms.CharField(
        label=_("Alinéa"),
        required=False,
        max_length=20,
        help_text=_("Par exemple « 4.1 » ; vide si l'article n'a qu'un alinéa."),
    )
    old_text = forms.CharField(
        label=_("Passage cité (remplacé)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Copiez le passage tel qu'il figure dans le texte en vigueur."),
    )
    new_text = forms.CharField(
        label=_("Nouveau texte"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Pour un article remplacé, séparez les alinéas par une ligne vide. Pour la durée "
            "ou la dénonciation : nouveau texte de l'alinéa (facultatif)."
        ),
    )
    title = forms.CharField(label=_("Titre (article ou annexe)"), required=False, max_length=300)
    duration_kind = forms.ChoiceField(
        label=_("Règle de durée"),
        required=False,
        choices=with_empty(DurationKind.choices),
    )
    duration_years = forms.IntegerField(
        label=_("Durée (années)"), required=False, min_value=1, max_value=99
    )
    renewal_mode = forms.ChoiceField(
        label=_("Reconduction"), required=False, choices=RenewalMode.choices
    )
    notice_months = forms.IntegerField(
        label=_("Préavis de dénonciation (mois)"), required=False, min_value=0, max_value=60
    )
    notice_reference = forms.ChoiceField(
        label=_("Préavis compté"), required=False, choices=NoticeReference.choices
    )
    notice_form = forms.CharField(
        label=_("Forme de la dénonciation"), required=False, max_length=200
    )
    party_kind = forms.ChoiceField(
        label=_("Type de partie ajoutée"),
        required=False,
        choices=with_empty(PartyKind.choices),
    )
    authority = forms.CharField(
        label=_("Autorité (partie ajoutée)"),
        required=False,
        max_length=200,
        help_text=_("Pour une partie sans organisme : « La Ville de Montereau-Fault-Yonne »."),
    )
    organisation = BoundedModelChoiceField(
        label=_("Organisme"), required=False, queryset=Organisation.objects.all()
    )
    representative_name = forms.CharField(
        label=_("Représenté·e par"), required=False, max_length=200
    )
    representative_title = forms.CharField(label=_("Qualité"), required=False, max_length=300)
    party = BoundedModelChoiceField(
        label=_("Partie retirée"), required=False, queryset=ConventionParty.objects.none()
    )

    def __init__(self, *args, convention=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].queryset = ConventionParty.objects.filter(
            convention=convention
        ).select_related("organisation")
        for name, field in self.fields.items():
            kinds = [kind for kind, names in CHANGE_FIELDS.items() if name in names]
            if kinds:
                field.widget.attrs["data-change-kinds"] = " ".join(kinds)

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        for name in REQUIRED_CHANGE_FIELDS.get(kind, []):
            if data.get(name) in (None, ""):
                self.add_error(name, _("Ce champ est obligatoire pour ce type de modification."))
        if (
            kind == ChangeKind.CHANGE_DURATION
            and data.get("duration_kind") == DurationKind.FIXED_TERM
            and not data.get("duration_years")
        ):
            self.add_error("duration_years", _("Une durée fixe doit indiquer un nombre d'années."))
        if (
            kind == ChangeKind.ADD_PARTY
            and not data.get("authority")
            and not data.get("organisation")
        ):
            self.add_error("authority", _("Indiquez l'organisme ou l'autorité."))
        clause_kinds = (ChangeKind.CHANGE_DURATION, ChangeKind.CHANGE_TERMINATION)
        if kind in clause_kinds and data.get("new_text") and not data.get("article_number"):
            self.add_error("article_number", _("Indiquez l'article dont le texte change."))
        return data

    def build_change(self):
        """The AmendmentChange the cleaned data describe (not saved)."""
        data = self.cleaned_data
        kind = data["kind"]
        used = CHANGE_FIELDS[kind]

        def value(name, default=""):
            return data.get(name) if name in used and data.get(name) is not None else default

        change = AmendmentChange(
            kind=kind,
            article_number=value("article_number", None),
            paragraph_label=value("paragraph_label"),
            old_text=value("old_text"),
            new_text=value("new_text"),
            title=value("title"),
        )
        if kind == ChangeKind.CHANGE_DURATION:
            change.clause = {
                "duration_kind": data["duration_kind"],
                "duration_years": data.get("duration_years")
                if data["duration_kind"] == DurationKind.FIXED_TERM
                else None,
                "renewal_mode": data.get("renewal_mode") or RenewalMode.NONE,
            }
        elif kind == ChangeKind.CHANGE_TERMINATION:
            change.clause = {
                "notice_months": data["notice_months"],
                "notice_reference": data.get("notice_reference") or NoticeReference.CONVENTION_END,
                "notice_form": data.get("notice_form") or "",
            }
        elif kind == ChangeKind.CHANGE_SUPPORT:
            change.organisation = data["organisation"]
            change.clause = {
                "representative_name": data.get("representative_name") or "",
                "representative_title": data.get("representative_title") or "",
            }
        elif kind == ChangeKind.REMOVE_PARTY:
            change.party = data["party"]
        return change

    def build_added_party(self):
        """For ADD_PARTY: the ConventionParty to create first (not saved)."""
        data = self.cleaned_data
        return ConventionParty(
            kind=data["party_kind"],
            authority=data.get("authority") or "",
            organisation=data.get("organisation"),
            representative_name=data.get("representative_name") or "",
            representative_title=data.get("representative_title") or "",
        )


# ---------------------------------------------------------------- consolidated text


# The days a text in force can be asked for: the end date and the renewals of a convention are
# computed years after the day asked, which Python's dates cannot do near the year 9999.
TEXT_DAY_MIN = date(1900, 1, 1)
TEXT_DAY_MAX = date(2199, 12, 31)


def validate_text_day(value):
    """Refuse a day outside TEXT_DAY_MIN … TEXT_DAY_MAX with a French message."""
    if value is not None and not TEXT_DAY_MIN <= value <= TEXT_DAY_MAX:
        raise ValidationError(
            _("Choisissez une date entre le %(min)s et le %(max)s."),
            code="out_of_range",
            params={"min": f"{TEXT_DAY_MIN:%d/%m/%Y}", "max": f"{TEXT_DAY_MAX:%d/%m/%Y}"},
        )


def text_day_field(label):
    return forms.DateField(
        label=label, required=False, widget=DateInput, validators=[validate_text_day]
    )


class AsOfForm(forms.Form):
    date = text_day_field(_("Texte en vigueur au"))


class CompareForm(forms.Form):
    """Two dates; `from` and `to` are the query string's names (Python keywords here)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["from"] = text_day_field(_("Du"))
        self.fields["to"] = text_day_field(_("Au"))


class AdoptedTextForm(forms.Form):
    """The adopted text of a convention or an amendment, pasted and marked up (the markup of
    documents/acts.py, explained beside the field); the service reads it and refuses a markup
    it cannot lay out, with the line and the reason, on this field."""

    adopted_text = forms.CharField(
        label=_("Texte adopté"),
        required=False,
        max_length=400_000,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 30, "class": "monospace", "spellcheck": "false"}),
        help_text=_(
            "Collez le texte tel qu'adopté, sans en changer un mot, et marquez sa structure en "
            "début de ligne : « = » une ligne de titre, « # » un article, « ## » un "
            "intertitre, « - » un élément de liste, « > » un passage cité (« > » seul sépare "
            "deux citations), « | nom | qualité » une colonne de signature ; une ligne vide "
            "termine un paragraphe. Laissez vide pour revenir au texte généré à partir de la "
            "convention-type."
        ),
    )
