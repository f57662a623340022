"""The kernel's markup of an act's text of record, and the comparisons the legal documents'
tests rely on (documents/acts.py)."""

import pytest

from documents import acts

MARKUP = """= AVENANT N°1
# ARTICLE 1 – OBJET
La convention est modifiée
comme suit :
> « ancien texte
> suite »
>
> « nouveau texte »
- la Région ;
- l'État.

| Valérie PECRESSE | Présidente
| …… | Recteur
"""


def test_the_markup_gives_the_blocks_in_order_with_lines_joined():
    blocks = acts.parse(MARKUP)
    assert [(b["kind"], b["text"]) for b in blocks[:-1]] == [
        ("title", "AVENANT N°1"),
        ("heading", "ARTICLE 1 – OBJET"),
        ("paragraph", "La convention est modifiée comme suit :"),
        ("quote", "« ancien texte suite »"),
        ("quote", "« nouveau texte »"),
        ("item", "la Région ;"),
        ("item", "l'État."),
    ]
    assert blocks[-1]["columns"] == [
        {"name": "Valérie PECRESSE", "title": "Présidente"},
        {"name": "……", "title": "Recteur"},
    ]


def test_a_malformed_signature_column_names_its_line():
    with pytest.raises(acts.MarkupError, match="Ligne 2"):
        acts.parse("# ARTICLE 1\n| nom seul\n")


def test_normalising_changes_spaces_and_quotes_only():
    assert acts.normalise("l’acte\u00a0:  «\u202fmot »") == "l'acte : « mot »"


REFERENCE = "Premier point. Deuxième point. Troisième point."


def test_nothing_left_over_when_the_produced_text_is_the_act():
    produced = "Premier point.\nDeuxième point. Troisième point."
    assert acts.missing_sentences(REFERENCE, produced) == []
    assert acts.leftover(REFERENCE, produced) == ""


def test_an_added_sentence_is_left_over_and_a_dropped_one_is_missing():
    produced = "Premier point. Une clause ajoutée. Troisième point."
    assert acts.missing_sentences(REFERENCE, produced) == ["Deuxième point."]
    assert acts.leftover(REFERENCE, produced) == "Une clause ajoutée"


def test_a_sentence_moved_out_of_its_place_is_left_over():
    produced = "Deuxième point. Premier point. Troisième point."
    assert acts.missing_sentences(REFERENCE, produced) == []
    assert acts.leftover(REFERENCE, produced) == "Deuxième point"


def test_a_recurring_passage_is_taken_out_where_it_stands():
    # The act says « Le recteur. » once; the produced text adds it a second time. Taking the
    # sentence out everywhere would hide the addition.
    reference = "Le recteur. Signe la convention."
    produced = "Le recteur. Signe la convention. Le recteur."
    assert acts.leftover(reference, produced) == "Le recteur"


def test_allowed_passages_are_taken_out_first():
    produced = "Premier point. page 1 / 2 Deuxième point. Troisième point. page 2 / 2"
    assert acts.leftover(REFERENCE, produced) != ""
    assert acts.leftover(REFERENCE, produced, allowed=["page 1 / 2", "page 2 / 2"]) == ""
