from django import template

register = template.Library()


@register.filter
def audit_changes(entry):
    """(field label, before, after) triples of an entry, with the model's French field names."""
    model = entry.content_type.model_class()
    rows = []
    for name, values in (entry.changes or {}).items():
        before, after = (values + [None, None])[:2] if isinstance(values, list) else (None, values)
        try:
            label = model._meta.get_field(name).verbose_name if model else name
        except Exception:  # a field that no longer exists keeps its technical name
            label = name
        rows.append((label, before, after))
    return rows
