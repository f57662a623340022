"""The structured clauses of the demo's acts agree with their adopted texts (CP 2023-263,
annexes 2 to 10); a recorded value the text says otherwise is reported in French."""

from decimal import Decimal

import pytest

from conventions import acts as convention_acts
from conventions.models import (
    Amendment,
    DurationKind,
    FrameworkConvention,
    NoticeReference,
    RenewalMode,
)
from conventions.text_checks import disagreements

pytestmark = pytest.mark.django_db


def convention(campus_of, key):
    return FrameworkConvention.objects.get(campus=campus_of(key))


@pytest.mark.parametrize("key", convention_acts.CONVENTIONS)
def test_the_demo_conventions_agree_with_their_text(campus_of, key):
    assert disagreements(convention(campus_of, key)) == []


@pytest.mark.parametrize(("key", "number"), convention_acts.AMENDMENTS)
def test_the_demo_amendments_agree_with_their_text(campus_of, key, number):
    assert disagreements(convention(campus_of, key).amendments.get(number=number)) == []


def test_a_changed_duration_notice_or_contribution_is_reported(campus_of):
    mode = convention(campus_of, "mode")
    mode.duration_kind = DurationKind.FIXED_TERM
    mode.duration_years = 3
    mode.renewal_mode = RenewalMode.TACIT
    mode.notice_months = 3
    mode.notice_reference = NoticeReference.CONVENTION_END
    mode.save()
    contribution = mode.contributions.exclude(max_amount_per_year=None).first()
    contribution.max_amount_per_year = Decimal("120000.00")
    contribution.save()
    problems = disagreements(mode)
    assert problems[0] == (
        "Durée : le portail enregistre « Durée fixe à compter de la signature (3 ans) », le "
        "texte adopté dit « Jusqu'à l'échéance de la labellisation »."
    )
    assert problems[1].startswith("Reconduction : le portail enregistre « Tacite reconduction »")
    assert problems[2] == (
        "Préavis de dénonciation : le portail enregistre 3 mois avant l'échéance de la "
        "convention, le texte adopté dit 2 mois avant la fin de l'année scolaire et "
        "universitaire."
    )
    assert "120 000 euros par an, montant que le texte adopté ne contient pas" in problems[3]
    assert len(problems) == 4


def test_a_changed_amendment_number_or_duration_is_reported(campus_of):
    securite = convention(campus_of, "securite").amendments.get(number=2)
    Amendment.objects.filter(pk=securite.pk).update(number=3)
    securite.refresh_from_db()
    change = securite.changes.get(kind="change_duration")
    change.clause = {**change.clause, "duration_kind": DurationKind.UNTIL_LABEL_END}
    change.save()
    problems = disagreements(securite)
    assert problems[0] == ("Numéro : le portail enregistre l'avenant n°3, le texte adopté dit n°2.")
    assert problems[1].startswith(
        "Nouvelle durée : le portail enregistre « Jusqu'à l'échéance de la labellisation »"
    )
    assert len(problems) == 2


def test_an_act_without_adopted_text_has_nothing_to_check(campus_of):
    ia = convention(campus_of, "ia")  # a reconstructed original: no text of record
    assert ia.adopted_text == ""
    assert disagreements(ia) == []
