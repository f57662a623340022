from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput, PortalModelForm, VersionedModelForm

from .models import (
    Campus,
    CampusDirector,
    CampusFormerName,
    CampusPlace,
    GovernanceBody,
    LabelPeriod,
    Organisation,
    OrganisationRepresentative,
    Stakeholder,
    SupportInstitutionTenure,
)


class CampusForm(VersionedModelForm):
    class Meta(PortalModelForm.Meta):
        model = Campus
        fields = [
            "name",
            "short_name",
            "sector_family",
            "region",
            "academies",
            "is_prefiguration",
            "description",
            "seat_address",
            "predecessors",
        ]
        widgets = {
            "academies": forms.CheckboxSelectMultiple,
            "predecessors": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 5}),
            "seat_address": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        predecessors = Campus.objects.order_by("short_name")
        if self.instance.pk:
            predecessors = predecessors.exclude(pk=self.instance.pk)
        self.fields["predecessors"].queryset = predecessors
        self.fields["academies"].error_messages["required"] = _("Cochez au moins une académie.")


class OrganisationForm(VersionedModelForm):
    class Meta(PortalModelForm.Meta):
        model = Organisation
        fields = ["legal_name", "legal_status", "siret", "address", "created_on"]
        widgets = {"created_on": DateInput, "address": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Room for a SIRET pasted with spaces ("130 025 976 00015"); clean_siret removes them.
        self.fields["siret"].max_length = 20
        self.fields["siret"].widget.attrs["maxlength"] = "20"
        self.fields["siret"].validators = []

    def clean_siret(self):
        # People paste SIRETs with spaces ("130 025 976 00015"): keep the digits.
        return "".join(self.cleaned_data.get("siret", "").split())


class RepresentativeForm(PortalModelForm):
    class Meta(PortalModelForm.Meta):
        model = OrganisationRepresentative
        fields = ["name", "title", "start", "end", "source"]
        widgets = {"start": DateInput, "end": DateInput}


class LabelPeriodForm(PortalModelForm):
    class Meta(PortalModelForm.Meta):
        model = LabelPeriod
        fields = [
            "category",
            "start",
            "end",
            "decision_date",
            "decision_reference",
            "probationary",
            "note",
        ]
        widgets = {
            "start": DateInput,
            "end": DateInput,
            "decision_date": DateInput,
            "note": forms.Textarea(attrs={"rows": 2}),
        }


class SupportTenureForm(PortalModelForm):
    class Meta(PortalModelForm.Meta):
        model = SupportInstitutionTenure
        fields = ["organisation", "start", "end"]
        widgets = {"start": DateInput, "end": DateInput}


class CampusDirectorForm(PortalModelForm):
    class Meta(PortalModelForm.Meta):
        model = CampusDirector
        fields = ["full_name", "email", "role", "user", "start", "end"]
        widgets = {"start": DateInput, "end": DateInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = get_user_model().objects.filter(
            role="director", is_active=True
        )
        self.fields["user"].help_text = _(
            "Le compte qui, pendant ces dates, voit ce campus dans le portail."
        )


class StakeholderForm(PortalModelForm):
    class Meta(PortalModelForm.Meta):
        model = Stakeholder
        fields = ["organisation", "type", "role"]


class GovernanceBodyForm(PortalModelForm):
    class Meta(PortalModelForm.Meta):
        model = GovernanceBody
        fields = ["kind", "name", "composition", "meeting_frequency"]
        widgets = {"composition": forms.Textarea(attrs={"rows": 3})}


class FormerNameForm(PortalModelForm):
    class Meta(PortalModelForm.Meta):
        model = CampusFormerName
        fields = ["name", "start", "end"]
        widgets = {"start": DateInput, "end": DateInput}


class PlaceForm(PortalModelForm):
    class Meta(PortalModelForm.Meta):
        model = CampusPlace
        fields = ["name", "address", "is_flagship"]
        widgets = {"address": forms.Textarea(attrs={"rows": 2})}
