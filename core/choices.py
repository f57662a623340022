"""The labels of a model field's choices, read once per process and language.

Django's `get_FOO_display()` and `field.flatchoices` rebuild the list of choices on every call
and each label is a lazy translation, looked up again each time it is turned into text. A page
that shows fifty rows with a few labels each paid that lookup hundreds of times for the same
dozen words. The table depends only on the field and the active language, so it is built once.
"""

from functools import lru_cache

from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import get_language


@lru_cache(maxsize=1024)
def _labels(field, language):
    return {value: force_str(label) for value, label in field.flatchoices}


def choice_labels(field, language=None):
    """{value: label} of a model field's choices in `language` (by default the active one;
    {} without choices)."""
    if not field.choices:
        return {}
    return _labels(field, language or get_language())


@lru_cache(maxsize=1024)
def _labels_by_text(field, language):
    return {str(value): label for value, label in _labels(field, language).items()}


def choice_labels_by_text(field):
    """Like choice_labels, keyed by the values' text (what a JSON document stores)."""
    if not field.choices:
        return {}
    return _labels_by_text(field, get_language())


def display(instance, field_name):
    """What `instance.get_<field_name>_display()` gives (the value itself when it is no choice),
    from the table above."""
    field = instance._meta.get_field(field_name)
    value = getattr(instance, field.attname)
    return force_str(choice_labels(field).get(make_hashable(value), value), strings_only=True)
