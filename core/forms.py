"""Form pieces shared by every app."""

from django import forms
from django.db import models

# Primary keys are 64-bit: a larger number typed into a choice would overflow in the database
# (OverflowError on SQLite, DataError on PostgreSQL) instead of being an invalid choice.
MAX_PK = 2**63 - 1


def _out_of_range(value):
    return isinstance(value, str | int) and str(value).strip().isdigit() and int(value) > MAX_PK


class BoundedModelChoiceField(forms.ModelChoiceField):
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
    """ModelForm.formfield_callback giving relations the bounded choice fields."""
    if isinstance(db_field, models.ForeignKey):
        kwargs.setdefault("form_class", BoundedModelChoiceField)
    elif isinstance(db_field, models.ManyToManyField):
        kwargs.setdefault("form_class", BoundedModelMultipleChoiceField)
    return db_field.formfield(**kwargs)


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
