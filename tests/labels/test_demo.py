"""The demo's label applications: faithful to the seeds, through the services where the circuit
is live, historical where they predate the portal, idempotent."""

from datetime import date

import pytest
from django.utils import timezone

from accounts.models import User
from campuses.models import Campus, LabelPeriod, LabelStatus
from labels import demo_data
from labels.models import (
    ApplicationOpinion,
    ApplicationStatus,
    CriterionAssessment,
    CriterionPresentation,
    Decision,
    ExpertAffiliation,
    ExpertAssignment,
    ExpertiseSession,
    LabelApplication,
    LabelObligation,
    NavetteRound,
    Recommendation,
    StatusChange,
)
from labels.services import conflict_reason

pytestmark = pytest.mark.django_db


def application_of(campus):
    return LabelApplication.objects.get(campus=campus)


def predecessor():
    return Campus.objects.get(short_name=demo_data.PREDECESSOR_SHORT_NAMES["mad"])


def test_the_six_applications_have_their_states(campus_of):
    expected = {
        campus_of("mode"): ("obtain", "excellence", ApplicationStatus.IN_EXPERTISE, False),
        campus_of("ia"): ("obtain", "cmq", ApplicationStatus.DRAFT, False),
        campus_of("if"): ("renew", "excellence", ApplicationStatus.ANSWERS_RECEIVED, False),
        campus_of("versailles"): ("renew", "excellence", ApplicationStatus.SUBMITTED, False),
        campus_of("icm"): ("obtain", "excellence", ApplicationStatus.DECIDED, True),
        predecessor(): ("obtain", "excellence", ApplicationStatus.DECIDED, True),
    }
    for campus, (kind, category, status, historical) in expected.items():
        application = application_of(campus)
        assert (
            application.kind,
            application.target_category,
            application.status,
            application.is_historical,
        ) == (kind, category, status, historical), campus.short_name
    assert LabelApplication.objects.filter(campus__in=expected).count() == 6


def test_the_draft_presents_some_criteria_and_is_not_deposited(campus_of):
    draft = application_of(campus_of("ia"))
    assert 0 < draft.presentations.count() < 11
    assert draft.submitted_on is None and not draft.dossier
    assert "Texte de démonstration" in draft.presentations.first().text


def test_deposited_applications_have_a_real_dossier_and_their_days(campus_of):
    from pypdf import PdfReader

    for key, submitted_on in (
        ("mode", date(2023, 6, 30)),
        ("if", date(2023, 9, 26)),
        ("versailles", date(2023, 11, 10)),
    ):
        application = application_of(campus_of(key))
        assert application.submitted_on == submitted_on
        assert application.carriers_signed and application.opinions.count() == 2
        assert application.presentations.count() == 11
        with application.dossier.open("rb") as dossier:
            assert len(PdfReader(dossier).pages) == application.dossier_pages <= 20
        deposit = application.history.get(to_status=ApplicationStatus.SUBMITTED)
        assert timezone.localtime(deposit.at).date() == submitted_on


def test_the_expert_is_assigned_to_exactly_two_without_conflict(user_of, campus_of):
    expert = user_of("expert")
    assignments = ExpertAssignment.objects.filter(expert=expert).select_related(
        "application__campus"
    )
    assert {a.application.campus for a in assignments} == {campus_of("if"), campus_of("mode")}
    for assignment in assignments:
        assert conflict_reason(expert, assignment.application.campus) == ""
        assert assignment.application.assignments.count() >= 2


def test_the_second_demo_expert_signs_in_and_has_a_declared_link(demo_password, campus_of):
    second = User.objects.get(username="expert-2")
    assert second.role == "expert" and second.check_password(demo_password)
    assert ExpertAffiliation.objects.filter(expert=second).exists()
    assert "CY Cergy Paris Université" in conflict_reason(second, campus_of("versailles"))
    assert conflict_reason(second, campus_of("if")) == ""


def test_industrie_du_futur_has_one_navette_round_answered(user_of, campus_of):
    application = application_of(campus_of("if"))
    (navette,) = NavetteRound.objects.filter(application=application)
    assert navette.number == 1
    assert navette.sent_on == date(2023, 10, 23) and navette.answered_on == date(2023, 11, 8)
    recommendations = list(navette.recommendations.all())
    assert recommendations and all(r.answer for r in recommendations)
    assert not any(r.treatment for r in recommendations)  # the experts' next step
    assert application.rapporteur == user_of("expert")
    assessments = CriterionAssessment.objects.filter(assignment__application=application)
    assert 0 < assessments.count() < 2 * 11
    assert not application.assignments.filter(submitted_at__isnull=False).exists()


def test_historical_applications_stand_behind_their_registry_periods(campus_of):
    icm = application_of(campus_of("icm"))
    period = LabelPeriod.objects.get(campus=campus_of("icm"), start=date(2023, 1, 1))
    assert icm.label_period == period
    assert LabelPeriod.objects.filter(campus=campus_of("icm")).count() == 1
    assert (icm.label_start, icm.label_end) == (period.start, period.end)
    assert icm.target_category == period.category
    assert icm.decision == Decision.LABELLED
    assert icm.decision_date == period.decision_date
    assert icm.decision_reference == period.decision_reference
    assert icm.session.name == demo_data.AUTUMN_2022

    mad = application_of(predecessor())
    assert mad.label_period.start == mad.decision_date == date(2020, 8, 25)
    assert mad.is_historical and mad.decision == Decision.LABELLED


def test_running_labels_have_their_obligations(campus_of):
    period = LabelPeriod.objects.get(campus=campus_of("icm"), start=date(2023, 1, 1))
    if period.end >= timezone.localdate():
        assert LabelObligation.objects.filter(label_period=period).count() == 3


def test_campus_states_follow_the_applications(campus_of):
    states = {campus.pk: campus.label_status for campus in Campus.objects.with_label_state()}
    for key in ("if", "mode", "versailles"):
        assert states[campus_of(key).pk] == LabelStatus.APPLICATION, key
    assert states[campus_of("ia").pk] == LabelStatus.PREFIGURATION  # a draft is no application
    assert states[predecessor().pk] == LabelStatus.REPLACED
    if timezone.localdate() <= date(2027, 12, 31):
        assert states[campus_of("icm").pk] == LabelStatus.LABELLED


def test_the_sessions_exist():
    names = set(ExpertiseSession.objects.values_list("name", flat=True))
    assert {data["name"] for data in demo_data.SESSIONS} <= names
    assert "Session nationale d'expertise – automne 2023" in names


def _counts():
    return tuple(
        model.objects.count()
        for model in (
            LabelApplication,
            StatusChange,
            ExpertiseSession,
            ExpertAssignment,
            CriterionAssessment,
            CriterionPresentation,
            ApplicationOpinion,
            NavetteRound,
            Recommendation,
            ExpertAffiliation,
            LabelObligation,
            LabelPeriod,
            User,
        )
    )


def test_loading_the_demo_twice_changes_nothing():
    from demo.loader import load_all

    before = _counts()
    states = dict(LabelApplication.objects.values_list("pk", "status"))
    result = load_all()
    assert result["labels"] == 6
    assert _counts() == before
    assert dict(LabelApplication.objects.values_list("pk", "status")) == states
