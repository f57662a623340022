"""The history reads as French prose (English when asked): verbose names and choice labels,
dd/mm/yyyy dates, « 100 000,00 € », Oui/Non; technical values for administrators only.

The demo's entries are joined by one entry of every action kind for every audited model
(its fields filled from a real row, its choice fields moved from one choice to another), all
filed under one campus, then every page of that campus's history and of the journal is read.
"""

import re
from datetime import datetime

import pytest
from django.conf import settings
from django.contrib import admin
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import Promise

from audit.admin_mixins import AuditedModelAdmin
from audit.models import AuditAction, AuditEntry
from audit.services import record, snapshot

pytestmark = pytest.mark.django_db

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
RAW_AMOUNT = re.compile(r"\d{4,}\.\d{2}")
BOOLEAN = re.compile(r"\b(True|False|None)\b")
HEX_DIGEST = re.compile(r"\b[0-9a-f]{64}\b")
# Django's names for what has no verbose name, and the ones users saw (issue 13).
KNOWN_ENGLISH = {"Created by", "Requested by", "Party", "Amendment", "Transfer", "Updated by"}
CHECKSUM = "ab" * 32


def audited_models():
    """Every model the journal can name: those already in it and those the admin audits."""
    in_journal = {
        entry.content_type.model_class()
        for entry in AuditEntry.objects.select_related("content_type").distinct()
    }
    by_admin = {
        model
        for model, model_admin in admin.site._registry.items()
        if isinstance(model_admin, AuditedModelAdmin)
    }
    return sorted((in_journal | by_admin) - {None}, key=lambda model: model._meta.label)


def moved_values(model, row):
    """{field: [before, after]} for every field of `row`, as the journal stores them, with
    choices moved from the first to the last choice and the other types given sample values."""
    changes = {}
    for name, value in snapshot(row).items():
        field = model._meta.get_field(name)
        if field.choices:
            keys = [key for key, _label in field.flatchoices if key not in ("", None)]
            changes[name] = [keys[0], keys[-1]]
        elif isinstance(field, models.BooleanField):
            changes[name] = [False, True]
        elif isinstance(field, models.DateTimeField):
            changes[name] = [None, timezone.make_aware(datetime(2023, 7, 5, 9, 30)).isoformat()]
        elif isinstance(field, models.DateField):
            changes[name] = ["2023-07-05", "2024-01-31"]
        elif isinstance(field, models.DecimalField):
            changes[name] = ["100000.00", "12345.67"]
        else:
            changes[name] = [None, value]
    return changes


@pytest.fixture
def history(campus_of, user_of):
    """One entry of every action kind for every audited model, filed under one campus."""
    campus = campus_of("versailles")
    actor = user_of("region")
    covered = []
    for model in audited_models():
        row = model._default_manager.first()
        if row is None:
            continue
        covered.append(model)
        for action in AuditAction.values:
            if action == AuditAction.UPDATE:
                changes = moved_values(model, row)
            elif action == AuditAction.INFECTED_UPLOAD:
                changes = {
                    "fichier": "rapport.pdf",
                    "taille": 68,
                    "signature": "Eicar-Test-Signature",
                    "page": "/suivi/",
                    "adresse": "192.0.2.7",
                }
            else:
                changes = {name: [None, value] for name, value in snapshot(row).items()}
            record(actor, action, row, changes=changes, campus=campus)
    # Technical values: a version, a checksum, a file path.
    record(
        actor,
        AuditAction.UPDATE,
        campus,
        changes={"version": [1, 2], "checksum": ["", CHECKSUM], "description": ["a", "b"]},
        campus=campus,
    )
    return campus, covered


def history_html(response):
    """The text of the history tables of a page (tags removed)."""
    assert response.status_code == 200
    html = response.content.decode()
    tables = re.findall(r'<table class="data history">.*?</table>', html, re.S)
    return "\n".join(re.sub(r"<[^>]+>", " ", table) for table in tables), tables


def all_pages(client, url):
    """Every page of a paginated history."""
    texts, number = [], 1
    while True:
        response = client.get(url, {"page": number})
        text, tables = history_html(response)
        assert tables, url
        texts.append(text)
        if f"page={number + 1}" not in response.content.decode():
            return "\n".join(texts)
        number += 1


def raw_choice_values(models_):
    """Choice values that are codes, not words of the label (« not_started », « draft »)."""
    values = {}
    for model in [*models_, AuditEntry]:
        for field in model._meta.concrete_fields:
            for key, label in field.flatchoices:
                key = str(key)
                # Acronyms (« CP », « TTC ») are how the Region writes them, not codes.
                if key and key != key.upper() and key.lower() not in str(label).lower():
                    values[key] = f"{model._meta.label}.{field.name}"
    return values


def english_defaults(models_):
    """The names Django gives fields without a verbose name, that are no French name."""
    with translation.override("fr"):
        french = {
            str(field.verbose_name).lower()
            for model in models_
            for field in model._meta.get_fields()
            if isinstance(getattr(field, "verbose_name", None), Promise)
        }
    defaults = {
        field.name.replace("_", " ")
        for model in models_
        for field in model._meta.get_fields()
        if hasattr(field, "verbose_name")
    }
    return (defaults - french) | {name.lower() for name in KNOWN_ENGLISH}


def assert_readable(text, models_):
    assert not ISO_DATE.findall(text)
    assert not RAW_AMOUNT.findall(text)
    assert not BOOLEAN.findall(text)
    assert not HEX_DIGEST.findall(text)
    words = set(re.findall(r"[\w·]+", text))
    raw = {value: where for value, where in raw_choice_values(models_).items() if value in words}
    assert not raw, raw
    labels = {label.strip().lower() for label in re.findall(r"\n?\s*([^:\n]+?)\s+:\s", text)}
    english = labels & english_defaults(models_)
    assert not english, english


def test_every_audited_model_names_its_fields(history):
    """No field a history can show falls back on Django's English default name."""
    _campus, covered = history
    missing = [
        f"{model._meta.label}.{field.name}"
        for model in covered
        for field in [*model._meta.concrete_fields, *model._meta.many_to_many]
        if field.name != "id" and not isinstance(field.verbose_name, Promise)
    ]
    assert not missing


def test_campus_history_and_journal_read_in_french(history, client_of):
    campus, covered = history
    assert len(covered) >= 15
    client = client_of("region")
    page, _tables = history_html(client.get(reverse("campuses:detail", args=[campus.pk])))
    assert_readable(page, covered)
    whole = all_pages(client, reverse("campuses:history", args=[campus.pk]))
    assert_readable(whole, covered)
    for _code, label in AuditAction.choices:
        assert str(label) in whole
    journal = all_pages(client, reverse("audit:list"))
    assert_readable(journal, covered)
    assert "Oui" in whole and "Non" in whole
    assert "100\u00a0000,00\u00a0€" in whole
    assert "05/07/2023" in whole


def test_the_campus_page_shows_the_latest_entries_and_links_to_the_rest(history, client_of):
    campus, _covered = history
    response = client_of("region").get(reverse("campuses:detail", args=[campus.pk]))
    _text, tables = history_html(response)
    assert len(re.findall(r"<tr>", tables[0])) == 1 + 10  # the head and ten entries
    assert reverse("campuses:history", args=[campus.pk]) in response.content.decode()


def test_the_history_is_filtered_by_action_and_kind(history, client_of):
    campus, _covered = history
    url = reverse("campuses:history", args=[campus.pk])
    client = client_of("region")
    _text, tables = history_html(client.get(url, {"action": "delete"}))
    actions = set(re.findall(r"<td>(Création|Modification|Suppression|Invitation)</td>", tables[0]))
    assert actions == {"Suppression"}
    kind = AuditEntry.objects.filter(campus=campus, content_type__model="payment").first()
    payments, _ = history_html(client.get(url, {"kind": kind.content_type_id}))
    assert "Versement" in payments and "Avenant" not in payments
    # Nonsense filters and pages are no error.
    assert client.get(url, {"kind": "x", "action": "y", "page": "z"}).status_code == 200


def test_technical_values_are_for_administrators(history, client_of):
    campus, _covered = history
    url = reverse("campuses:history", args=[campus.pk])
    director = all_pages(client_of("dir-versailles"), url)
    assert CHECKSUM not in director
    assert "192.0.2.7" not in director
    assert "labels/" not in director  # no storage path
    assert "Description" in director
    administrator = all_pages(client_of("admin"), url)
    assert CHECKSUM in administrator
    assert "192.0.2.7" in administrator


def test_the_journal_is_for_regional_staff_only(client_of, campus_of):
    for username in ("dir-versailles", "rectorat-paris", "expert"):
        assert client_of(username).get(reverse("audit:list")).status_code == 403
    assert client_of("region").get(reverse("audit:list")).status_code == 200
    other = campus_of("ia")
    url = reverse("campuses:history", args=[other.pk])
    assert client_of("dir-versailles").get(url).status_code == 404
    assert client_of("rectorat-paris").get(url).status_code == 200


def test_the_history_in_english(history, client_of):
    campus, covered = history
    client = client_of("region")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    whole = all_pages(client, reverse("campuses:history", args=[campus.pk]))
    assert "Update" in whole and "Creation" in whole
    assert "Yes" in whole and "Oui" not in whole
    assert "Status" in whole  # « État », the label of the status fields
    assert not ISO_DATE.findall(whole)
    assert not RAW_AMOUNT.findall(whole)
    assert not BOOLEAN.findall(whole)
    # In English a code may be a word of the text (« paid »): the codes of several words only.
    words = set(re.findall(r"[\w·]+", whole))
    raw = {value for value in raw_choice_values(covered) if "_" in value and value in words}
    assert not raw


def test_query_count_does_not_grow_with_the_rows(history, client_of, django_assert_max_num_queries):
    campus, _covered = history
    client = client_of("region")
    with django_assert_max_num_queries(25):
        client.get(reverse("campuses:history", args=[campus.pk]))
    with django_assert_max_num_queries(25):
        client.get(reverse("audit:list"))
