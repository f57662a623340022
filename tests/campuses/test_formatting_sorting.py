"""Names sort in French order: « Énergie durable » beside the E's, not after « Mode »; on
PostgreSQL through its ICU collation, on SQLite through the same order registered on each
connection (core.formats.french_order)."""

import pytest

from campuses import selectors
from campuses.models import Campus
from core.formats import french_order, french_sort_key


def test_the_key_puts_accented_letters_with_their_letter():
    names = ["Mode", "Énergie durable TEST", "aéronautique", "Energie", "Zèbre", "Écologie"]
    assert sorted(names, key=french_sort_key) == [
        "aéronautique",
        "Écologie",
        "Energie",
        "Énergie durable TEST",
        "Mode",
        "Zèbre",
    ]


@pytest.mark.django_db
def test_the_database_sorts_campuses_in_french_order(user_of):
    first, second, third = Campus.objects.order_by("pk")[:3]
    Campus.objects.filter(pk=first.pk).update(short_name="Énergie durable TEST")
    Campus.objects.filter(pk=second.pk).update(short_name="Mode TEST")
    Campus.objects.filter(pk=third.pk).update(short_name="Electronique TEST")

    ordered = list(
        Campus.objects.order_by(french_order("short_name")).values_list("short_name", flat=True)
    )
    assert ordered == sorted(ordered, key=french_sort_key)
    assert (
        ordered.index("Electronique TEST")
        < ordered.index("Énergie durable TEST")
        < ordered.index("Mode TEST")
    )

    registry = [campus.short_name for campus in selectors.campus_list(user_of("region"))]
    assert registry.index("Énergie durable TEST") < registry.index("Mode TEST")
