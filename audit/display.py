"""An audit entry as a reader sees it: the model's and fields' verbose names, choice labels,
Oui/Non, dates dd/mm/yyyy, money « 100 000,00 € », in the active language (French unless
the session asked for English).

The journal stores plain values (audit.services._plain): ISO strings for dates, decimal strings,
the str() of related objects (so a foreign key is shown by the name it had then, with no query).
Each value is read back through the type of the field it came from. A key that is no field of
the model (« motif », « avis »… written by a service) keeps its own words; a string value that
is a choice value of one of the model's fields is shown by that choice's label.

Technical values are kept from non-administrators (superusers and the admin role see them):
- fields named in TECHNICAL_NAMES (fingerprints, hashes, checksums, versions, tokens, keys),
  or ending with one of TECHNICAL_SUFFIXES;
- file fields (storage paths) and JSON fields (a structure the domain page shows in words);
- the names a model lists in its own `audit_technical_fields`.

Money: a DecimalField with two decimals and at least MONEY_MIN_DIGITS digits is an amount
(the project's money fields are max_digits 12 to 15, decimal_places 2); one of at most
PERCENT_MAX_DIGITS digits is a rate (« 50,00 % »); any other decimal is a plain number.
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from core import formats
from core.choices import choice_labels_by_text

TECHNICAL_NAMES = frozenset(
    {
        "version",
        "fingerprint",
        "checksum",
        "hash",
        "entry_hash",
        "previous_hash",
        "sha256",
        "token",
        "key",
        "secret",
        "adresse",  # the IP address of an infected upload
    }
)
TECHNICAL_SUFFIXES = ("_hash", "_checksum", "_fingerprint", "_token", "_secret")
MONEY_MIN_DIGITS = 12
PERCENT_MAX_DIGITS = 5
# Long texts (a convention's adopted text…) are cut: the object's page shows them whole.
TEXT_LIMIT = 160
# Keys that services write without a model field: their words, translated.
KEY_LABELS = {
    "motif": gettext_lazy("motif"),
    "avis": gettext_lazy("avis"),
    "année": gettext_lazy("année"),
    "fichier": gettext_lazy("fichier"),
    "taille": gettext_lazy("taille"),
    "signature": gettext_lazy("signature"),
    "page": gettext_lazy("page"),
    "adresse": gettext_lazy("adresse"),
    "plan de financement": gettext_lazy("plan de financement"),
    "double authentification": gettext_lazy("double authentification"),
}
EMPTY = "—"
# A plain amount written into a service's text (« Dépense Frais : 1200.00 »).
_AMOUNT = re.compile(r"(?<![\d.,])(-?\d+)\.(\d{2})(?![\d.,])")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Row:
    label: str
    before: str  # "" for a note (a value with no before/after)
    after: str


def model_label(entry):
    """« Avenant », « Dossier de subvention »: the verbose name of the entry's model."""
    model = entry.content_type.model_class() if entry.content_type_id else None
    if model is None:
        return entry.content_type.name if entry.content_type_id else ""
    return _model_label(model, get_language())


@lru_cache(maxsize=256)
def _model_label(model, language):
    return str(model._meta.verbose_name)


def object_text(entry):
    """The name the object had, its plain amounts in French (« Avance 40 000,00 € »)."""
    return _short(_AMOUNT.sub(_amount_text, entry.object_repr))


def is_technical(model, name):
    if name in TECHNICAL_NAMES or name.endswith(TECHNICAL_SUFFIXES):
        return True
    if model is not None and name in getattr(model, "audit_technical_fields", ()):
        return True
    field = _field(model, name)
    return isinstance(field, models.FileField | models.JSONField)


def rows(entry, *, show_technical=False):
    """The readable (label, before, after) rows of an entry; empty sides are « — », rows with
    nothing on either side are left out (the blank fields of a creation)."""
    model = entry.content_type.model_class() if entry.content_type_id else None
    language = get_language()
    result = []
    for name, values in (entry.changes or {}).items():
        is_pair = isinstance(values, list) and len(values) == 2
        if is_pair:
            before, after = values
        else:  # a service's note (« motif ») gives only the new value
            before, after = None, values
        if _empty(before) and _empty(after):
            continue
        if not show_technical and is_technical(model, name):
            continue
        field = _field(model, name)
        result.append(
            Row(
                label=_label(field, name, language),
                # A note has no « before » side: the template shows its value alone.
                before=value_text(model, field, before) if is_pair else "",
                after=value_text(model, field, after),
            )
        )
    return result


def value_text(model, field, value):
    """One stored value in words, read back through `field` (None: a key with no field)."""
    if _empty(value):
        return EMPTY
    if isinstance(value, list):
        return ", ".join(value_text(model, field, item) for item in value)
    if field is None:
        return _free_text(model, value)
    if field.choices:
        label = choice_labels_by_text(field).get(str(value))
        if label is not None:
            return label
    if isinstance(field, models.BooleanField):
        return _yes_no(value)
    if isinstance(field, models.DateTimeField):
        return _datetime_text(value)
    if isinstance(field, models.DateField):
        return _date_text(value)
    if isinstance(field, models.DecimalField):
        return _decimal_text(field, value)
    if isinstance(field, models.IntegerField):
        return str(value)  # years and counts, never grouped (« 2023 »)
    return _short(str(value))


# ------------------------------------------------------------------------------ helpers


def _field(model, name):
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except Exception:  # a key written by a service, or a field since removed
        return None


@lru_cache(maxsize=1024)
def _label(field, name, language):
    # A journal page names the same few fields on every row: translated once per language.
    if field is not None and getattr(field, "verbose_name", None):
        return str(field.verbose_name)
    return str(KEY_LABELS.get(name, name.replace("_", " ")))


def _empty(value):
    return value is None or value == "" or value == [] or value == {}


def _yes_no(value):
    if isinstance(value, str):
        value = value.strip().lower() in ("true", "1", "oui", "yes")
    return _("Oui") if value else _("Non")


def _datetime_text(value):
    moment = value if isinstance(value, datetime) else parse_datetime(str(value))
    if moment is None:
        return _date_text(value)
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return f"{moment:%d/%m/%Y %H:%M}"


def _date_text(value):
    if isinstance(value, datetime):
        return _datetime_text(value)
    if isinstance(value, date):
        return formats.day(value)
    text = str(value)
    if _ISO_DATETIME.match(text):
        return _datetime_text(text)
    day = parse_date(text) if _ISO_DATE.match(text) else None
    return formats.day(day) if day else _short(text)


def _decimal_text(field, value):
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return _short(str(value))
    if field.decimal_places == 2 and field.max_digits >= MONEY_MIN_DIGITS:
        return formats.euros(number, french=False)
    if field.decimal_places == 2 and field.max_digits <= PERCENT_MAX_DIGITS:
        return formats.percent(number, french=False)
    return formats.number(number, field.decimal_places, french=False)


def _free_text(model, value):
    """A value under a key of the service's own (no field to read it by)."""
    if isinstance(value, bool):
        return _yes_no(value)
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    label = _choice_label(model, text)
    if label is not None:
        return label
    if _ISO_DATETIME.match(text) or _ISO_DATE.match(text):
        return _date_text(text)
    return _short(_AMOUNT.sub(_amount_text, text))


def _amount_text(match):
    """A plain amount found in a text, in the display format (its « € » kept once)."""
    return formats.amount(Decimal(match.group(0)), french=False)


def _choice_label(model, text):
    """The label of `text` if it is a choice value of the model's fields (one label only)."""
    if model is None:
        return None
    return _choice_texts(model, get_language()).get(text)


@lru_cache(maxsize=256)
def _choice_texts(model, language):
    """{value's text: label} of every choice of the model's fields whose value has one label
    (a value two fields label differently is left out: it is shown as it was written)."""
    labels = {}
    for field in model._meta.concrete_fields:
        for text, label in choice_labels_by_text(field).items():
            labels.setdefault(text, set()).add(label)
    return {text: found.pop() for text, found in labels.items() if len(found) == 1}


def _short(text):
    # Truncator normalises the text (NFC) and counts its characters one by one; a text that is
    # short enough once normalised (nearly all of them) is that normal form, found faster.
    text = unicodedata.normalize("NFC", text)
    if len(text) <= TEXT_LIMIT:
        return text
    return Truncator(text).chars(TEXT_LIMIT)
