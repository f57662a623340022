"""Form pieces shared by every app."""

from django import forms
from django.db import models
from django.db.models.fields import BLANK_CHOICE_DASH
from django.utils.translation import gettext_lazy as _

from .form_fields import FrenchDecimalField, MoneyField

# The empty choice of a form's select (filters say « Tous »: FILTERS_EMPTY_CHOICE_LABEL).
CHOOSE = _("— choisir —")
_DASHES = BLANK_CHOICE_DASH[0][1]

# Primary keys are 64-bit: a larger number typed into a choice would overflow in the database
# (OverflowError on SQLite, DataError on PostgreSQL) instead of being an invalid choice.
MAX_PK = 2**63 - 1


def _out_of_range(value):
    return isinstance(value, str | int) and str(value).strip().isdigit() and int(value) > MAX_PK


def with_empty(choices, label=CHOOSE):
    """`choices` after an empty choice « — choisir — » (a select that must be chosen from)."""
    return [("", label), *choices]


class BoundedModelChoiceField(forms.ModelChoiceField):
    def __init__(self, queryset, **kwargs):
        kwargs.setdefault("empty_label", CHOOSE)
        super().__init__(queryset, **kwargs)

    def to_python(self, value):
        if _out_of_range(value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class BoundedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        for item in value or ():
            if _out_of_range(item):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": item},
                )
        return super()._check_values(value)


def bounded_formfield(db_field, **kwargs):
    """ModelForm.formfield_callback of the portal: relations get the bounded choice fields,
    amounts (two decimals, twelve digits or more) the MoneyField reading « 50 000,00 », other
    two-decimal numbers (rates, FTE) the French decimal field, and every empty choice reads
    « — choisir — » instead of « --------- »."""
    if isinstance(db_field, models.ForeignKey):
        kwargs.setdefault("form_class", BoundedModelChoiceField)
    elif isinstance(db_field, models.ManyToManyField):
        kwargs.setdefault("form_class", BoundedModelMultipleChoiceField)
    elif isinstance(db_field, models.DecimalField) and db_field.decimal_places == 2:
        money = db_field.max_digits >= 12
        kwargs.setdefault("form_class", MoneyField if money else FrenchDecimalField)
    field = db_field.formfield(**kwargs)
    # Fixed choices only: a ModelChoiceField's choices are a query (run at each rendering, for
    # the queryset the form narrows to), and it says « — choisir — » through its empty_label.
    if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
        choices = list(field.choices)
        if choices and choices[0][0] == "" and choices[0][1] == _DASHES:
            field.choices = [("", CHOOSE), *choices[1:]]
    return field


class PortalModelForm(forms.ModelForm):
    """Base of the portal's model forms (subclasses inherit Meta.formfield_callback)."""

    class Meta:
        formfield_callback = bounded_formfield


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class VersionedModelForm(PortalModelForm):
    """Carries the version the user started from, so a concurrent edit is detected."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
