"""core.choices: the labels of a field's choices, built once per language and still following
the active language."""

from django.template import Context, Template
from django.utils import translation

from core.choices import choice_labels, choice_labels_by_text, display
from followup.models import FollowUpSheet


def status_field():
    return FollowUpSheet._meta.get_field("status")


def test_labels_are_the_fields_choices_as_text():
    field = status_field()
    with translation.override("fr"):
        labels = choice_labels(field)
    assert labels == {value: str(label) for value, label in field.flatchoices}
    assert all(type(label) is str for label in labels.values())


def test_labels_follow_the_active_language():
    field = status_field()
    value = next(value for value, _label in field.flatchoices if value)
    with translation.override("fr"):
        french = choice_labels(field)[value]
        expected_french = str(dict(field.flatchoices)[value])
    with translation.override("en"):
        english = choice_labels(field)[value]
        expected_english = str(dict(field.flatchoices)[value])
    assert french == expected_french
    assert english == expected_english
    assert french != english  # the catalogue translates the sheet's statuses


def test_a_field_without_choices_has_no_labels():
    assert choice_labels(FollowUpSheet._meta.get_field("id")) == {}
    assert choice_labels_by_text(FollowUpSheet._meta.get_field("id")) == {}


def test_labels_by_text_are_keyed_by_the_values_text():
    field = status_field()
    with translation.override("fr"):
        by_text = choice_labels_by_text(field)
        assert by_text == {str(value): label for value, label in choice_labels(field).items()}


def test_display_is_what_get_foo_display_gives():
    sheet = FollowUpSheet(status=status_field().flatchoices[0][0])
    for language in ("fr", "en"):
        with translation.override(language):
            assert display(sheet, "status") == sheet.get_status_display()
    sheet.status = "not-a-choice"
    assert display(sheet, "status") == sheet.get_status_display() == "not-a-choice"


def test_the_template_filter_shows_the_label():
    sheet = FollowUpSheet(status=status_field().flatchoices[0][0])
    template = Template('{% load choices %}{{ sheet|choice_label:"status" }}')
    with translation.override("fr"):
        assert template.render(Context({"sheet": sheet})) == sheet.get_status_display()
