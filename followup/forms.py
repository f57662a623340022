"""Forms of the follow-up pages, and the generic editor of a sheet's section.

The section editor is built from the declarative schema (`sections.py`): each field and each
table cell gets its input (text, number typed as text so that nothing typed is lost, date,
choice as a select, boolean as yes/no, the « three » type as three inputs), its value as saved
and its French errors (keys `field` and `table.index.column`, as `sections.validate` gives
them). The same structure renders a section read-only for the reviewers.

Input names are the error keys (`studies.0.title`), so that the page works without JavaScript
(the form posts to the section's page) and the script can put each error next to its cell.
"""

import json
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.form_fields import parse_french_decimal
from core.forms import DateInput

from . import sections
from .models import Opinion
from .sections import (
    BOOLEAN,
    CHOICE,
    DATE,
    DECIMAL,
    INTEGER,
    LONG_TEXT,
    MAX_ROWS,
    MAX_TEXT,
    MONEY,
    THREE,
    URL,
)

# A value typed is kept as typed up to this length (the schema reports what is too long).
MAX_KEPT = 4 * MAX_TEXT
TRUE_VALUES = (True, "true", "on", "1", "oui", "yes")
FALSE_VALUES = (False, "false", "0", "non", "no")


# ---------------------------------------------------------------- campaigns


class CampaignForm(forms.Form):
    year = forms.IntegerField(
        label=gettext_lazy("Année suivie (N)"),
        min_value=2000,
        max_value=2100,
        help_text=gettext_lazy("Les campus rendent compte de l'année N au début de l'année N+1."),
    )
    opens_on = forms.DateField(label=gettext_lazy("Ouverture"), widget=DateInput)
    deadline = forms.DateField(
        label=gettext_lazy("Date limite"),
        required=False,
        widget=DateInput,
        help_text=gettext_lazy("Laissée vide : le 31 mars de l'année N+1."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["year"].initial = today.year - 1
        self.fields["opens_on"].initial = today

    def clean(self):
        data = super().clean()
        opens_on, deadline = data.get("opens_on"), data.get("deadline")
        if opens_on and deadline and deadline < opens_on:
            self.add_error("deadline", _("La date limite précède l'ouverture."))
        return data


# ---------------------------------------------------------------- review


def section_choices():
    return [(0, _("Ensemble de la fiche"))] + [
        (spec.number, f"{spec.number}. {spec.title}") for spec in sections.SECTIONS
    ]


class CommentForm(forms.Form):
    section = forms.TypedChoiceField(label=gettext_lazy("Rubrique"), coerce=int, choices=())
    text = forms.CharField(
        label=gettext_lazy("Commentaire"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    internal = forms.BooleanField(
        label=gettext_lazy("Note interne (invisible du campus)"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = section_choices()


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Ce que le campus doit modifier"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ValidateForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Observation (facultatif)"),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class OpinionForm(forms.Form):
    opinion = forms.ChoiceField(
        label=gettext_lazy("Avis du rectorat"),
        choices=Opinion.choices,
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=gettext_lazy("Motivation de l'avis"),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Fichier"),
        help_text=gettext_lazy(
            "PDF, ODT, DOCX, XLSX ou ODS, 10 Mo au plus. Aucun document contenant des données "
            "personnelles."
        ),
    )


# ---------------------------------------------------------------- the section editor


@dataclass
class Input:
    """One input of the editor (a field, or a cell of a table row)."""

    spec: object
    name: str
    id: str
    value: object  # text as typed; a list of three texts for THREE
    errors: list = field(default_factory=list)
    row_number: int = 0  # 1-based row of a table cell (for its label), 0 for a field

    @property
    def kind(self):
        spec_type = self.spec.type
        if spec_type == LONG_TEXT:
            return "textarea"
        if spec_type == CHOICE:
            return "select"
        if spec_type == BOOLEAN:
            return "bool"
        if spec_type == THREE:
            return "three"
        if spec_type == DATE:
            # A date typed otherwise than ISO (an import, an API client) stays visible as text.
            return "date" if not self.value or _iso_date(self.value) else "text"
        if spec_type == URL:
            return "url"
        return "text"

    @property
    def inputmode(self):
        if self.spec.type == INTEGER:
            return "numeric"
        if self.spec.type in (MONEY, DECIMAL):
            return "decimal"
        return ""

    @property
    def choices(self):
        return [(key, str(label)) for key, label in self.spec.choices]

    @property
    def unknown_choice(self):
        """A stored value that is none of the choices (kept, shown, and reported)."""
        return bool(self.value) and self.value not in {key for key, _label in self.spec.choices}

    @property
    def three(self):
        """The three inputs of a THREE field: [(position 1-3, id, value, invalid)].

        The field's error (« exactement trois… ») concerns the group: only the boxes left
        empty are marked invalid, not the ones already filled in.
        """
        values = list(self.value) if isinstance(self.value, list) else []
        values = ([str(value or "") for value in values] + ["", "", ""])[:3]
        return [
            (n + 1, f"{self.id}-{n}", values[n], bool(self.errors) and not values[n].strip())
            for n in range(3)
        ]

    @property
    def display(self):
        """The value as the read-only page shows it."""
        return display_value(self.spec, self.value)

    @property
    def is_url(self):
        return self.spec.type == URL and bool(re.match(r"^https?://", str(self.value or "")))


@dataclass
class Row:
    index: object  # int, or "__index__" in the template row
    prefilled: bool
    cells: list

    @property
    def number(self):
        return self.index + 1 if isinstance(self.index, int) else "__number__"

    @property
    def errors(self):
        return [(cell, error) for cell in self.cells for error in cell.errors]


@dataclass
class Table:
    spec: object
    rows: list
    errors: list  # errors of the whole table (the balance of the budget…)
    template: Row  # the row the script adds
    spare: Row  # a blank row at the end, for the page without JavaScript

    @property
    def has_prefilled(self):
        return any(row.prefilled for row in self.rows)


@dataclass
class SectionEditor:
    spec: object
    fields: list
    tables: list
    unplaced: list  # errors whose key names nothing on the page

    @property
    def error_list(self):
        """[(anchor id, label, message)] for the error summary, in the page's order."""
        items = []
        for item in self.fields:
            items += [(item.id, str(item.spec.label), error) for error in item.errors]
        for table in self.tables:
            items += [(f"ft-{table.spec.key}", str(table.spec.label), e) for e in table.errors]
            for row in table.rows:
                for cell, error in row.errors:
                    label = _("%(table)s, ligne %(number)s, %(column)s") % {
                        "table": table.spec.label,
                        "number": row.number,
                        "column": cell.spec.label,
                    }
                    items.append((cell.id, label, error))
        items += [("", "", error) for error in self.unplaced]
        return items


def _text(value):
    """A stored value as the input shows it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def bool_text(value):
    if value in TRUE_VALUES:
        return "true"
    if value in FALSE_VALUES:
        return "false"
    return ""


def _value(spec, raw):
    if spec.type == THREE:
        return [_text(item) for item in raw[:3]] if isinstance(raw, list) else []
    if spec.type == BOOLEAN:
        return bool_text(raw)
    return _text(raw)


def _iso_date(text):
    try:
        return date.fromisoformat(str(text))
    except ValueError:
        return None


def display_value(spec, value):
    """French rendering of one value (as typed) for the read-only pages."""
    if spec.type == THREE:
        return [item for item in (value or []) if str(item).strip()]
    text = _text(value).strip() if not isinstance(value, str) else value.strip()
    if spec.type == BOOLEAN:
        return {"true": _("Oui"), "false": _("Non")}.get(bool_text(value), "—")
    if not text:
        return "—"
    if spec.type == CHOICE:
        return str(dict(spec.choices).get(text, text))
    if spec.type in (MONEY, DECIMAL, INTEGER):
        number = parse_french_decimal(text, unit="€" if spec.type == MONEY else None)
        if number is None or abs(number) > Decimal("1e15"):
            return text
        places = 0 if spec.type == INTEGER else 2
        formatted = formats.number_format(number, places, use_l10n=True, force_grouping=True)
        return f"{formatted}\u00a0€" if spec.type == MONEY else formatted
    if spec.type == DATE:
        day = _iso_date(text)
        return day.strftime("%d/%m/%Y") if day else text
    return text


def section_editor(number, data, errors=None):
    """The editor (or read-only view) of section `number` holding `data` (as saved)."""
    spec = sections.SECTIONS_BY_NUMBER[number]
    data = data if isinstance(data, dict) else {}
    errors = dict(errors or {})
    placed = set()

    def take(key):
        placed.add(key)
        return [str(message) for message in errors.get(key, [])]

    fields = [
        Input(
            spec=item,
            name=item.key,
            id=f"ft-{item.key}",
            value=_value(item, data.get(item.key)),
            errors=take(item.key),
        )
        for item in spec.fields
    ]
    tables = []
    for table in spec.tables:
        stored = data.get(table.key) if isinstance(data.get(table.key), list) else []
        rows = [
            _row(table, index, row if isinstance(row, dict) else {}, take)
            for index, row in enumerate(stored[: MAX_ROWS + 1])
        ]
        tables.append(
            Table(
                spec=table,
                rows=rows,
                errors=take(table.key),
                template=_row(table, "__index__", {}, lambda key: []),
                spare=_row(table, len(rows), {}, lambda key: []),
            )
        )
    unplaced = [
        str(message)
        for key, messages in errors.items()
        if key not in placed
        for message in messages
    ]
    return SectionEditor(spec=spec, fields=fields, tables=tables, unplaced=unplaced)


def _row(table, index, row, take):
    cells = [
        Input(
            spec=column,
            name=f"{table.key}.{index}.{column.key}",
            id=f"ft-{table.key}-{index}-{column.key}",
            value=_value(column, row.get(column.key)),
            errors=take(f"{table.key}.{index}.{column.key}"),
            row_number=index + 1 if isinstance(index, int) else 0,
        )
        for column in table.columns
    ]
    return Row(index=index, prefilled=bool(row.get("prefilled")), cells=cells)


# ---------------------------------------------------------------- what the browser sends


class DraftError(ValueError):
    """A draft the server cannot read (its message is for the user, in French)."""


def _clean_text(value):
    return str(value).replace("\x00", "")[:MAX_KEPT]


def _is_blank_row(row):
    return not any(str(value or "").strip() for key, value in row.items() if key != "prefilled")


def data_from_post(number, post):
    """The section's data from the page's form (the page without JavaScript). Blank rows are
    dropped; rows are kept in the order of their index."""
    spec = sections.SECTIONS_BY_NUMBER[number]
    data = {}
    for item in spec.fields:
        if item.type == THREE:
            data[item.key] = [_clean_text(value) for value in post.getlist(item.key)[:3]]
        else:
            data[item.key] = _clean_text(post.get(item.key, ""))
    for table in spec.tables:
        pattern = re.compile(rf"^{re.escape(table.key)}\.(\d{{1,4}})\.(\w+)$")
        columns = {column.key for column in table.columns}
        rows = {}
        for name in post:
            match = pattern.match(name)
            if not match:
                continue
            index, column = int(match.group(1)), match.group(2)
            if column in columns:
                rows.setdefault(index, {})[column] = _clean_text(post.get(name, ""))
            elif column == "prefilled" and bool_text(post.get(name)) == "true":
                rows.setdefault(index, {})["prefilled"] = True
        ordered = [rows[index] for index in sorted(rows)]
        data[table.key] = [row for row in ordered if not _is_blank_row(row)][: MAX_ROWS + 1]
    return data


def _reject_constant(name):
    raise DraftError(_("Contenu illisible."))


def _sanitize(value, depth=0):
    """JSON values as the schema stores them: texts without NUL characters, bounded lists."""
    if depth > 4:
        return None
    if isinstance(value, str):
        return _clean_text(value)
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, list):
        return [_sanitize(item, depth + 1) for item in value[: MAX_ROWS + 1]]
    if isinstance(value, dict):
        return {
            _clean_text(key)[:100]: _sanitize(item, depth + 1)
            for key, item in list(value.items())[:100]
        }
    return _clean_text(value)


def _version(value, name):
    text = str(value).strip() if value is not None else ""
    if not re.fullmatch(r"\d{1,9}", text):
        raise DraftError(_("Version de la rubrique illisible."))
    return int(text)


def draft_from_json(body):
    """(version, data, unconfirmed data or None) from the body the section's script sends:
    {"version": n, "data": {...}, "unconfirmed": {...}}. Numbers are kept as their text (the
    schema validates what was typed); anything unreadable raises DraftError."""
    try:
        payload = json.loads(
            body or b"",
            parse_int=str,
            parse_float=str,
            parse_constant=_reject_constant,
        )
    except (ValueError, RecursionError, UnicodeDecodeError) as error:
        if isinstance(error, DraftError):
            raise
        raise DraftError(_("Contenu illisible.")) from error
    if not isinstance(payload, dict) or not isinstance(payload.get("data"), dict):
        raise DraftError(_("Contenu illisible."))
    version = _version(payload.get("version"), "version")
    data = _sanitize(payload["data"])
    unconfirmed = payload.get("unconfirmed")
    unconfirmed = _sanitize(unconfirmed) if isinstance(unconfirmed, dict) else None
    return version, data, unconfirmed
