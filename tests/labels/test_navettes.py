"""Navettes: the experts send numbered rounds of recommendations (R1, R2… per round), the
campus's carriers and director answer each one, the carriers send the answers, the experts
mark each answer; a new round waits until the previous one is answered and marked. The
application goes NAVETTE ⇄ ANSWERS_RECEIVED meanwhile. The same navettes serve the
obligations of a granted label (progress report…)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.utils import timezone

from core.errors import ConflictError, PermissionDeniedError
from labels import services
from labels.models import (
    ApplicationStatus,
    LabelApplication,
    LabelObligation,
    NavetteRound,
    ObligationKind,
    ObligationStatus,
    Recommendation,
    StatusChange,
    Treatment,
)
from labels.services.navettes import thread_by_criterion
from labels.workflow import EXPERTS_ONLY
from tests.labels import helpers as h

pytestmark = pytest.mark.django_db

S = ApplicationStatus


@pytest.fixture
def director(campus):
    return h.director(campus)


@pytest.fixture
def application(region, rectorate, experts, campus):
    return h.in_expertise(region, rectorate, campus, experts)


def status_of(application):
    return LabelApplication.objects.get(pk=application.pk).status


def numbers(navette):
    return [
        (r.number, r.criterion.number, r.text)
        for r in navette.recommendations.select_related("criterion").order_by("number")
    ]


def answer_all(actor, navette, answer="Voici notre réponse."):
    for recommendation in navette.recommendations.all():
        services.answer_recommendation(actor, recommendation, answer=answer)


def mark_all(expert, navette, treatment=Treatment.ADDRESSED):
    for recommendation in navette.recommendations.all():
        services.mark_answer(expert, recommendation, treatment=treatment)


# ------------------------------------------------------------------------- numbering


def test_rounds_and_recommendations_are_numbered(application, experts, region, director):
    expert = experts[0]
    first = services.send_navette(
        expert,
        application,
        recommendations=[("2.4", "Chiffrez."), ("2.1", "  "), ("2.1", "Précisez.")],
    )

    assert first.number == 1
    # An empty text is left out; the others are R1, R2 in the order given.
    assert numbers(first) == [(1, "2.4", "Chiffrez."), (2, "2.1", "Précisez.")]
    assert [str(r) for r in first.recommendations.order_by("number")] == ["R1 (2.4)", "R2 (2.1)"]

    h.answer_round(director, region, first, marker=expert)
    second = h.navette_round(expert, application, (("2.7", "Et les partenaires ?"),))

    assert second.number == 2
    assert numbers(second) == [(1, "2.7", "Et les partenaires ?")]
    assert list(application.rounds.values_list("number", flat=True)) == [1, 2]


def test_a_navette_needs_recommendations_on_known_criteria(application, experts):
    expert = experts[0]

    with pytest.raises(ValidationError) as error:
        services.send_navette(expert, application, recommendations=[("2.1", " ")])
    assert error.value.message_dict == {"text": ["Écrivez au moins une recommandation."]}
    with pytest.raises(ValidationError) as error:
        services.send_navette(expert, application, recommendations=[("9.9", "Texte")])
    assert error.value.message_dict == {"criterion": ["Critère inconnu : 9.9."]}
    with pytest.raises(ValidationError) as error:
        services.send_navette(
            expert,
            application,
            recommendations=[("2.1", "Texte")],
            answers_due_on=timezone.localdate() - timedelta(days=1),
        )
    assert set(error.value.message_dict) == {"answers_due_on"}

    assert not application.rounds.exists()
    assert status_of(application) == S.IN_EXPERTISE


# --------------------------------------------------------------------------- answers


def test_the_director_of_the_campus_answers(application, experts, director):
    navette = h.navette_round(experts[0], application)
    recommendation = navette.recommendations.get()

    services.answer_recommendation(director, recommendation, answer="Diagnostic joint.")

    recommendation.refresh_from_db()
    assert recommendation.answer == "Diagnostic joint."
    assert recommendation.answered_by == director
    assert recommendation.answered_at is not None


def test_an_answer_is_rewritten_until_it_is_sent(application, experts, director, region):
    navette = h.navette_round(experts[0], application)
    recommendation = navette.recommendations.get()
    services.answer_recommendation(director, recommendation, answer="Premier jet.")

    services.answer_recommendation(region, recommendation, answer="Version définitive.")

    recommendation.refresh_from_db()
    assert (recommendation.answer, recommendation.answered_by) == ("Version définitive.", region)


@pytest.mark.parametrize("who", ["dir-ia", "outsider_director", "expert"])
def test_others_do_not_answer(application, experts, user_of, who):
    actor = {
        "dir-ia": lambda: user_of("dir-ia"),
        "outsider_director": lambda: h.director(h.fresh_campus()),
        "expert": lambda: experts[0],
    }[who]()
    navette = h.navette_round(experts[0], application)
    recommendation = navette.recommendations.get()

    with pytest.raises(PermissionDeniedError):
        services.answer_recommendation(actor, recommendation, answer="Pas mon campus.")
    recommendation.refresh_from_db()
    assert recommendation.answer == ""


def test_an_answer_is_not_empty(application, experts, director):
    navette = h.navette_round(experts[0], application)

    with pytest.raises(ValidationError) as error:
        services.answer_recommendation(director, navette.recommendations.get(), answer="  ")
    assert error.value.message_dict == {"answer": ["Écrivez la réponse."]}


def test_answers_are_sent_only_when_every_recommendation_is_answered(
    application, experts, director, rectorate
):
    navette = h.navette_round(
        experts[0], application, (("2.1", "Précisez."), ("2.2", "Illustrez."))
    )
    services.answer_recommendation(director, navette.recommendations.get(number=1), answer="Oui.")

    with pytest.raises(ValidationError) as error:
        services.send_answers(rectorate, navette)

    assert error.value.message_dict == {"answer": ["Recommandations sans réponse : R2."]}
    navette.refresh_from_db()
    assert navette.answered_on is None
    assert status_of(application) == S.NAVETTE


def test_sent_answers_are_no_longer_changed(application, experts, director, rectorate):
    navette = h.navette_round(experts[0], application)
    answer_all(director, navette)
    services.send_answers(rectorate, navette)

    with pytest.raises(ConflictError) as error:
        services.answer_recommendation(director, navette.recommendations.get(), answer="Ajout.")
    assert str(error.value) == "Aucune navette n'attend de réponse."
    assert navette.recommendations.get().answer == "Voici notre réponse."


# ----------------------------------------------------------------------------- marks


def test_the_experts_mark_each_answer(application, experts, director, rectorate):
    navette = h.navette_round(
        experts[0], application, (("2.1", "Précisez."), ("2.2", "Illustrez."))
    )
    answer_all(director, navette)

    with pytest.raises(ConflictError) as error:
        services.mark_answer(experts[0], navette.recommendations.get(number=1), treatment="partly")
    assert str(error.value) == "Les réponses ne sont pas encore reçues."

    services.send_answers(rectorate, navette)
    first, second = navette.recommendations.order_by("number")
    services.mark_answer(experts[0], first, treatment=Treatment.PARTLY, comment="En partie.")
    navette.refresh_from_db()
    assert navette.reviewed_on is None  # R2 is not marked yet

    services.mark_answer(experts[1], second, treatment=Treatment.NOT_ADDRESSED)

    first.refresh_from_db()
    assert (first.treatment, first.treatment_comment, first.marked_by) == (
        Treatment.PARTLY,
        "En partie.",
        experts[0],
    )
    navette.refresh_from_db()
    assert navette.reviewed_on == timezone.localdate()


def test_only_assigned_experts_mark(application, experts, director, rectorate, region):
    navette = h.navette_round(experts[0], application)
    answer_all(director, navette)
    services.send_answers(rectorate, navette)
    recommendation = navette.recommendations.get()

    with pytest.raises(PermissionDeniedError) as error:
        services.mark_answer(h.expert(), recommendation, treatment=Treatment.ADDRESSED)
    assert str(error.value) == EXPERTS_ONLY
    with pytest.raises(PermissionDeniedError):
        services.mark_answer(region, recommendation, treatment=Treatment.ADDRESSED)
    with pytest.raises(ValidationError) as error:
        services.mark_answer(experts[0], recommendation, treatment="bof")
    assert set(error.value.message_dict) == {"treatment"}
    recommendation.refresh_from_db()
    assert recommendation.treatment == ""


# ------------------------------------------------------------------------- the rounds


def test_no_second_round_while_the_first_waits_for_its_answers(application, experts):
    h.navette_round(experts[0], application)

    with pytest.raises(ConflictError) as error:
        h.navette_round(experts[1], application)
    assert str(error.value) == "La candidature est navette en cours : pas de nouvelle navette."
    assert application.rounds.count() == 1


def test_no_second_round_while_answers_of_the_first_are_unmarked(
    application, experts, director, rectorate
):
    navette = h.navette_round(experts[0], application, (("2.1", "A"), ("2.2", "B")))
    answer_all(director, navette)
    services.send_answers(rectorate, navette)
    services.mark_answer(experts[0], navette.recommendations.get(number=1), treatment="addressed")

    with pytest.raises(ConflictError) as error:
        h.navette_round(experts[0], application)
    assert str(error.value) == "Appréciez d'abord chaque réponse de la navette précédente."
    assert application.rounds.count() == 1
    assert status_of(application) == S.ANSWERS_RECEIVED


def test_the_status_goes_navette_and_back_with_each_round(
    application, experts, director, rectorate
):
    seen = [status_of(application)]
    for _round in range(2):
        navette = h.navette_round(experts[0], application)
        seen.append(status_of(application))
        answer_all(director, navette)
        services.send_answers(rectorate, navette)
        seen.append(status_of(application))
        mark_all(experts[0], navette)

    assert seen == [
        S.IN_EXPERTISE,
        S.NAVETTE,
        S.ANSWERS_RECEIVED,
        S.NAVETTE,
        S.ANSWERS_RECEIVED,
    ]
    history = StatusChange.objects.filter(application=application).order_by("pk")
    assert list(history.values_list("to_status", flat=True))[-4:] == [
        S.NAVETTE,
        S.ANSWERS_RECEIVED,
        S.NAVETTE,
        S.ANSWERS_RECEIVED,
    ]


def test_the_thread_reads_each_criterion_across_rounds(application, experts, director, region):
    first = h.navette_round(
        experts[0], application, (("2.4", "Chiffrez."), ("2.1", "Précisez le diagnostic."))
    )
    h.answer_round(director, region, first, marker=experts[0])
    second = h.navette_round(experts[1], application, (("2.1", "Et les sources ?"),))

    rounds = NavetteRound.objects.filter(application=application).prefetch_related(
        Prefetch("recommendations", queryset=Recommendation.objects.select_related("criterion"))
    )
    thread = thread_by_criterion(rounds)

    assert [criterion.number for criterion in thread] == ["2.1", "2.4"]
    by_number = {criterion.number: rows for criterion, rows in thread.items()}
    assert [(navette.number, r.number, r.text) for navette, r in by_number["2.1"]] == [
        (first.number, 2, "Précisez le diagnostic."),
        (second.number, 1, "Et les sources ?"),
    ]
    assert [(navette.number, r.text) for navette, r in by_number["2.4"]] == [(1, "Chiffrez.")]


# ----------------------------------------------------------------------- obligations


@pytest.fixture
def obligation(region, rectorate, experts, campus):
    application = h.decided(region, rectorate, campus, experts)
    return LabelObligation.objects.get(
        label_period=application.label_period, kind=ObligationKind.PROGRESS_REPORT
    )


def obligation_status(obligation):
    return LabelObligation.objects.get(pk=obligation.pk).status


def test_navettes_on_an_obligation(obligation, experts, director, rectorate):
    expert = experts[0]
    services.file_obligation(
        director, obligation, report=h.pdf_upload(12, "rapport.pdf"), summary="Deux ans."
    )
    obligation.refresh_from_db()
    assert (obligation.status, obligation.report_pages) == (ObligationStatus.FILED, 12)

    first = services.send_navette(
        expert, obligation, recommendations=[("2.3", "Précisez."), ("2.6", "Chiffrez.")]
    )
    assert first.number == 1
    assert first.application is None
    assert numbers(first) == [(1, "2.3", "Précisez."), (2, "2.6", "Chiffrez.")]
    assert obligation_status(obligation) == ObligationStatus.IN_REVIEW

    services.answer_recommendation(director, first.recommendations.get(number=1), answer="Oui.")
    with pytest.raises(ValidationError) as error:
        services.send_answers(rectorate, first)
    assert error.value.message_dict == {"answer": ["Recommandations sans réponse : R2."]}
    with pytest.raises(PermissionDeniedError):
        services.send_answers(director, first)

    services.answer_recommendation(director, first.recommendations.get(number=2), answer="Voici.")
    services.send_answers(rectorate, first)
    with pytest.raises(ConflictError) as error:
        services.close_obligation(expert, obligation, review="Conforme.")
    assert str(error.value) == "Appréciez d'abord chaque réponse de la navette."
    with pytest.raises(ConflictError):
        services.send_navette(expert, obligation, recommendations=[("2.3", "Encore.")])

    mark_all(expert, first)
    second = services.send_navette(expert, obligation, recommendations=[("2.3", "Encore.")])
    assert second.number == 2
    with pytest.raises(ConflictError) as error:
        services.close_obligation(expert, obligation, review="Conforme.")
    assert str(error.value) == "Une navette attend encore les réponses du campus."

    h.answer_round(director, rectorate, second, marker=expert)
    services.close_obligation(expert, obligation, review="Rapport d'étape conforme.")

    obligation.refresh_from_db()
    assert (obligation.status, obligation.review) == (
        ObligationStatus.CLOSED,
        "Rapport d'étape conforme.",
    )
    assert list(obligation.rounds.values_list("number", flat=True)) == [1, 2]


def test_only_the_experts_of_the_label_review_an_obligation(obligation, director, user_of):
    services.file_obligation(director, obligation, report=h.pdf_upload(3, "rapport.pdf"))

    with pytest.raises(PermissionDeniedError) as error:
        services.send_navette(h.expert(), obligation, recommendations=[("2.1", "Texte.")])
    assert str(error.value) == EXPERTS_ONLY
    with pytest.raises(PermissionDeniedError):
        services.close_obligation(user_of("rectorat-paris"), obligation, review="Vu.")
    assert not obligation.rounds.exists()
    assert obligation_status(obligation) == ObligationStatus.FILED


def test_no_navette_on_an_obligation_not_filed(obligation, experts):
    with pytest.raises(ConflictError) as error:
        services.send_navette(experts[0], obligation, recommendations=[("2.1", "Texte.")])
    assert str(error.value) == "Ce document est à remettre : pas de navette."
    assert not obligation.rounds.exists()


def test_an_obligation_report_is_a_pdf_of_80_pages_at_most(obligation, director):
    with pytest.raises(ValidationError) as error:
        services.file_obligation(director, obligation, report=h.pdf_upload(81, "rapport.pdf"))
    assert error.value.message_dict == {"file": ["Le rapport compte 81 pages : 80 au plus."]}
    with pytest.raises(ValidationError) as error:
        services.file_obligation(director, obligation, report=None)
    assert set(error.value.message_dict) == {"file"}
    obligation.refresh_from_db()
    assert (obligation.status, obligation.report_pages) == (ObligationStatus.DUE, 0)


def test_another_campus_director_does_not_file(obligation):
    outsider = h.director(h.fresh_campus())

    with pytest.raises(PermissionDeniedError):
        services.file_obligation(outsider, obligation, report=h.pdf_upload(3, "rapport.pdf"))
    assert obligation_status(obligation) == ObligationStatus.DUE
