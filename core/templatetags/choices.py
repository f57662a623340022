"""{{ dossier|choice_label:"status" }}: the label of a choice field's value (core.choices), as
`get_status_display` gives it, without rebuilding and translating every choice on each row."""

from django import template

from core.choices import display

register = template.Library()


@register.filter
def choice_label(instance, field_name):
    return display(instance, field_name)
