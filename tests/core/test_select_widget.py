"""core's select template (options inline) writes what Django's own writes."""

from django import forms
from django.forms.renderers import DjangoTemplates


class Choices(forms.Form):
    campus = forms.ChoiceField(
        choices=[("", "---------"), *[(i, f"Campus « {i} » & co") for i in range(1, 30)]]
    )
    grouped = forms.ChoiceField(
        choices=[("Île-de-France", [(1, "Paris"), (2, "Créteil")]), ("Autres", [(3, "Lyon")])]
    )
    several = forms.MultipleChoiceField(choices=[(1, "Un"), (2, "Deux"), (3, "Trois")])


def test_the_select_markup_is_djangos():
    data = {"campus": "7", "grouped": "2", "several": ["1", "3"]}
    ours = Choices(data=data)  # the project's renderer: core's select.html
    theirs = Choices(data=data, renderer=DjangoTemplates())  # Django's own widget templates
    for name in ("campus", "grouped", "several"):
        mine, django = str(ours[name]), str(theirs[name])
        assert mine.count("<option") == django.count("<option") > 2
        assert " ".join(mine.split()) == " ".join(django.split()), name
    assert 'value="7" selected>' in str(ours["campus"])
