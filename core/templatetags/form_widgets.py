"""The options of a select, written in Python (core/templates/django/forms/widgets/select.html)."""

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()


def _attributes(attrs):
    """As django/forms/widgets/attrs.html writes them: `True` alone, `False` left out."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            parts.append(format_html(" {}", name))
        else:
            parts.append(format_html(' {}="{}"', name, str(value)))
    return "".join(parts)


@register.simple_tag
def select_options(widget):
    """Every <option> (and <optgroup>) of a select widget's context. A template loop cost
    about twenty microseconds an option: a select of the region's 120 campuses, several
    milliseconds per page."""
    lines = []
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            lines.append(format_html('\n  <optgroup label="{}">', group_name))
        for option in group_choices:
            value = conditional_escape(str(option["value"]))
            attributes = _attributes(option["attrs"])
            label = conditional_escape(option["label"])
            lines.append(f'\n  <option value="{value}"{attributes}>{label}</option>')
        if group_name:
            lines.append("\n  </optgroup>")
    return mark_safe("".join(lines))
