from django import template

from core.roles import is_administrator

from .. import display

register = template.Library()


@register.simple_tag(takes_context=True)
def audit_rows(context, entry):
    """{% audit_rows entry as rows %}: the entry's readable rows (audit.display), technical
    fields only for administrators."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return display.rows(entry, show_technical=is_administrator(user))


@register.filter
def audit_model(entry):
    """« Avenant »: the verbose name of the entry's model."""
    return display.model_label(entry)


@register.filter
def audit_object(entry):
    """The object's recorded name, its amounts in French."""
    return display.object_text(entry)
