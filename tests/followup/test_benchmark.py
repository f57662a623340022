"""The benchmark command runs (on a tiny volume: the real one, 100 campuses × 10 years, is run
by hand) and leaves the database as it was."""

import io

import pytest
from django.core.management import CommandError, call_command

from campuses.models import Campus
from followup.models import Campaign, FollowUpSheet

pytestmark = pytest.mark.django_db


def test_the_benchmark_prints_its_measures_and_rolls_everything_back():
    before = (Campus.objects.count(), Campaign.objects.count(), FollowUpSheet.objects.count())
    out = io.StringIO()

    call_command("benchmark_followup", campuses=3, years=2, stdout=out)

    text = out.getvalue()
    assert "Généré : 3 campus × 2 ans = 6 fiches" in text
    for label in (
        "Tableau de bord, année N (calcul)",
        "Tableau de bord, année N (page)",
        "Tableau de bord, pluriannuel (calcul)",
        "Tableau de bord, pluriannuel (page)",
        "Export CSV (toutes les années)",
        "Export XLSX (toutes les années)",
        "Export ODS (toutes les années)",
        "Rapport régional PDF (année N)",
    ):
        line = next(line for line in text.splitlines() if line.startswith(label))
        seconds, queries = line[len(label) :].split()[0:3:2]
        assert float(seconds) >= 0 and int(queries) > 0
    assert "la base est inchangée" in text
    after = (Campus.objects.count(), Campaign.objects.count(), FollowUpSheet.objects.count())
    assert after == before


def test_the_benchmark_needs_two_years():
    with pytest.raises(CommandError):
        call_command("benchmark_followup", campuses=3, years=1, stdout=io.StringIO())
