from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput, PortalModelForm

from .models import Deliberation


class DeliberationForm(PortalModelForm):
    """The number is typed as people write it (« CP2023-263 », « CP n° 2023-263 »); the model
    normalises it (and derives the body) before the uniqueness check."""

    class Meta(PortalModelForm.Meta):
        model = Deliberation
        fields = ["number", "date", "title", "report"]
        widgets = {"date": DateInput, "report": forms.Textarea(attrs={"rows": 5})}
        error_messages = {
            "number": {"unique": _("Une délibération porte déjà ce numéro.")},
        }


class DeliberationSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Numéro ou intitulé"),
        required=False,
        max_length=200,
        help_text=_("Par exemple « CP 2023-263 », « CP2023-263 » ou « CP n° 2023-263 »."),
    )
