"""audit.display reads each stored value back through its field's type."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import translation

from audit import display
from audit.models import AuditAction, AuditEntry

pytestmark = pytest.mark.django_db
NBSP = "\u00a0"


def entry_of(model_path, changes):
    from django.apps import apps

    model = apps.get_model(model_path)
    content_type = ContentType.objects.get_for_model(model)
    return AuditEntry(
        action=AuditAction.UPDATE, content_type=content_type, object_repr="x", changes=changes
    )


def readings(entry, **kwargs):
    return {row.label: (row.before, row.after) for row in display.rows(entry, **kwargs)}


def test_values_read_through_their_fields():
    entry = entry_of(
        "subsidies.SubsidyDossier",
        {
            "status": ["draft", "voted"],
            "amount": [None, "100000.00"],
            "rate": ["50.00", "40.00"],
            "early_start": [False, True],
            "planned_start": [None, "2023-07-05"],
            "reference_year": [2022, 2023],
            "beneficiary": [None, "Sorbonne Université"],
            "motif": "Voté",
            "title": ["", ""],  # nothing on either side: left out
        },
    )
    rows = readings(entry)
    assert rows["état"] == ("Brouillon", "Voté")
    assert rows["montant de la subvention"] == ("—", f"100{NBSP}000,00{NBSP}€")
    assert rows["taux d'intervention (%)"] == (f"50,00{NBSP}%", f"40,00{NBSP}%")
    assert rows["démarrage anticipé"] == ("Non", "Oui")
    assert ("—", "05/07/2023") in rows.values()
    assert ("2022", "2023") in rows.values()
    assert ("—", "Sorbonne Université") in rows.values()
    assert rows["motif"] == ("", "Voté")  # a note: its value alone
    assert len(rows) == 8


def test_english_labels_when_english_is_active():
    entry = entry_of("subsidies.SubsidyDossier", {"status": ["draft", "voted"]})
    with translation.override("en"):
        rows = readings(entry)
    assert rows == {"status": ("Draft", "Voted")}


def test_free_keys_take_the_label_of_a_matching_choice_and_french_amounts():
    entry = entry_of(
        "followup.FollowUpSheet",
        {"avis": [None, "favourable"], "plan de financement": [[], ["Dépense Frais: 1200.00"]]},
    )
    rows = readings(entry)
    assert rows["avis"] == ("—", "Favorable")
    assert rows["plan de financement"] == ("—", f"Dépense Frais: 1{NBSP}200,00")


def test_technical_fields_for_administrators_only():
    entry = entry_of(
        "labels.LabelApplication",
        {"version": [1, 2], "dossier": ["", "labels/dossiers/x.pdf"], "summary": ["a", "b"]},
    )
    assert list(readings(entry)) == ["présentation du projet"]
    shown = readings(entry, show_technical=True)
    assert len(shown) == 3
    assert ("—", "labels/dossiers/x.pdf") in shown.values()
