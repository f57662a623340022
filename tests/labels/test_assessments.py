"""The experts' assessments: each expert rates every criterion (and, when the application
targets the Excellence category, the Excellence requirements of criteria 2.1, 2.2, 2.8, 2.10
and 2.11) before submitting; until then they see only their own assessment, never the
others'. A submitted assessment is final; an expert not assigned does not assess."""

import pytest
from django.core.exceptions import ValidationError

from campuses.models import LabelCategory
from core.errors import ConflictError, PermissionDeniedError
from labels import services
from labels.models import CriterionAssessment, ExpertAssignment, Rating
from labels.workflow import EXPERTS_ONLY
from tests.labels import helpers as h

pytestmark = pytest.mark.django_db

EXCELLENCE_CRITERIA = ["2.1", "2.2", "2.8", "2.10", "2.11"]


@pytest.fixture
def application(region, rectorate, experts):
    return h.in_expertise(region, rectorate, h.fresh_campus(), experts)


@pytest.fixture
def excellence(region, rectorate, experts):
    return h.in_expertise(
        region, rectorate, h.fresh_campus(), experts, target=LabelCategory.EXCELLENCE
    )


def visible(user, application):
    return sorted(
        (row.assignment.expert.username, row.criterion.number)
        for row in services.assessments_visible_to(user, application)
    )


def assignment_of(person, application):
    return ExpertAssignment.objects.get(application=application, expert=person)


def test_the_criteria_with_excellence_requirements():
    assert [c.number for c in h.criteria() if c.has_excellence_requirements] == (
        EXCELLENCE_CRITERIA
    )


# ---------------------------------------------------------------------------- hidden


def test_an_expert_sees_only_their_own_assessment_until_they_submit(application, experts):
    first, second = experts
    h.assess_all(second, application)  # submitted
    services.save_assessment(first, application, "2.1", rating=Rating.PARTLY, comment="À suivre")

    assert visible(first, application) == [(first.username, "2.1")]

    h.assess_all(first, application)

    seen = visible(first, application)
    assert {name for name, _number in seen} == {first.username, second.username}
    assert len(seen) == 2 * len(h.criteria())


def test_a_submitted_expert_does_not_see_a_draft_of_another(application, experts):
    first, second = experts
    h.assess_all(first, application)
    h.assess_all(second, application, submit=False)

    assert {name for name, _number in visible(first, application)} == {first.username}
    assert {name for name, _number in visible(second, application)} == {second.username}


def test_who_else_reads_the_assessments(application, experts, region, rectorate, user_of):
    first, second = experts
    h.assess_all(first, application)
    h.assess_all(second, application, submit=False)

    # Regional staff read the submitted ones only; the carriers and outsiders none.
    assert {name for name, _number in visible(region, application)} == {first.username}
    assert visible(rectorate, application) == []
    assert visible(h.expert(), application) == []
    assert visible(h.director(application.campus), application) == []


# ------------------------------------------------------------------------- submitting


def test_submitting_needs_every_criterion_rated(application, experts):
    first = experts[0]
    for criterion in h.criteria():
        services.save_assessment(
            first,
            application,
            criterion,
            rating="" if criterion.number in ("2.5", "2.9") else Rating.MET,
        )

    with pytest.raises(ValidationError) as error:
        services.submit_assessment(first, application)

    assert error.value.message_dict == {"assessments": ["Critères sans appréciation : 2.5, 2.9."]}
    assert assignment_of(first, application).submitted_at is None


def test_submitting_with_nothing_rated_lists_every_criterion(application, experts):
    with pytest.raises(ValidationError) as error:
        services.submit_assessment(experts[0], application)

    numbers = ", ".join(c.number for c in h.criteria())
    assert error.value.message_dict == {"assessments": [f"Critères sans appréciation : {numbers}."]}


def test_excellence_needs_the_excellence_requirements_rated(excellence, experts):
    first = experts[0]
    for criterion in h.criteria():
        services.save_assessment(first, excellence, criterion, rating=Rating.MET)

    with pytest.raises(ValidationError) as error:
        services.submit_assessment(first, excellence)

    assert error.value.message_dict == {
        "assessments": [
            f"Exigences Excellence sans appréciation : {', '.join(EXCELLENCE_CRITERIA)}."
        ]
    }
    assert assignment_of(first, excellence).submitted_at is None

    for number in EXCELLENCE_CRITERIA:
        services.save_assessment(
            first, excellence, number, rating=Rating.MET, excellence_rating=Rating.PARTLY
        )
    services.submit_assessment(first, excellence, overall_comment="Dossier solide.")
    assignment = assignment_of(first, excellence)
    assert assignment.submitted_at is not None
    assert assignment.overall_comment == "Dossier solide."


def test_excellence_requirements_are_kept_for_an_excellence_application(excellence, experts):
    row = services.save_assessment(
        experts[0],
        excellence,
        "2.1",
        rating=Rating.MET,
        excellence_rating=Rating.NOT_MET,
        excellence_comment="Pas de rayonnement international.",
    )

    row.refresh_from_db()
    assert (row.excellence_rating, row.excellence_comment) == (
        Rating.NOT_MET,
        "Pas de rayonnement international.",
    )


def test_no_excellence_fields_are_stored_for_a_cmq_application(application, experts):
    row = services.save_assessment(
        experts[0],
        application,
        "2.1",
        rating=Rating.MET,
        excellence_rating=Rating.NOT_MET,
        excellence_comment="Hors sujet pour un CMQ.",
    )

    row.refresh_from_db()
    assert row.rating == Rating.MET
    assert (row.excellence_rating, row.excellence_comment) == ("", "")


def test_a_criterion_without_excellence_requirements_keeps_no_excellence_rating(
    excellence, experts
):
    row = services.save_assessment(
        experts[0], excellence, "2.3", rating=Rating.MET, excellence_rating=Rating.MET
    )

    row.refresh_from_db()
    assert row.excellence_rating == ""


def test_a_rating_is_one_of_the_three(application, experts):
    with pytest.raises(ValidationError) as error:
        services.save_assessment(experts[0], application, "2.1", rating="excellent")

    assert set(error.value.message_dict) == {"rating"}
    assert not CriterionAssessment.objects.filter(assignment__application=application).exists()


def test_a_submitted_assessment_cannot_be_changed(application, experts):
    first = experts[0]
    h.assess_all(first, application, rating=Rating.MET)

    with pytest.raises(ConflictError) as error:
        services.save_assessment(first, application, "2.1", rating=Rating.NOT_MET)
    assert str(error.value) == "Votre évaluation est transmise : elle ne se modifie plus."
    with pytest.raises(ConflictError) as error:
        services.submit_assessment(first, application)
    assert str(error.value) == "Votre évaluation est déjà transmise."

    row = CriterionAssessment.objects.get(
        assignment__application=application, assignment__expert=first, criterion__number="2.1"
    )
    assert row.rating == Rating.MET


def test_a_draft_assessment_is_saved_again_in_place(application, experts):
    first = experts[0]
    services.save_assessment(first, application, "2.1", rating=Rating.PARTLY)
    services.save_assessment(first, application, "2.1", rating=Rating.MET, comment="Revu.")

    rows = CriterionAssessment.objects.filter(assignment=assignment_of(first, application))
    assert list(rows.values_list("criterion__number", "rating", "comment")) == [
        ("2.1", Rating.MET, "Revu.")
    ]


# ---------------------------------------------------------------------------- who, when


def test_an_unassigned_expert_cannot_assess(application):
    outsider = h.expert()

    with pytest.raises(PermissionDeniedError) as error:
        services.save_assessment(outsider, application, "2.1", rating=Rating.MET)
    assert str(error.value) == EXPERTS_ONLY
    with pytest.raises(PermissionDeniedError):
        services.submit_assessment(outsider, application)
    assert not CriterionAssessment.objects.filter(assignment__application=application).exists()


def test_regional_staff_do_not_assess(application, region):
    with pytest.raises(PermissionDeniedError):
        services.save_assessment(region, application, "2.1", rating=Rating.MET)
    assert not CriterionAssessment.objects.filter(assignment__application=application).exists()


def test_no_assessment_before_the_expertise_starts(region, rectorate, experts):
    application = h.deposited(region, rectorate, h.fresh_campus())
    services.admit(region, application)
    services.assign_expert(region, application, experts[0])

    with pytest.raises(ConflictError) as error:
        services.save_assessment(experts[0], application, "2.1", rating=Rating.MET)
    assert str(error.value) == "La candidature est recevable : elle ne s'évalue pas."


def test_an_expert_with_a_submitted_assessment_stays_assigned(application, experts, region):
    h.assess_all(experts[1], application)

    with pytest.raises(ConflictError) as error:
        services.unassign_expert(region, assignment_of(experts[1], application))
    assert str(error.value) == "Cet·te expert·e a déjà transmis son évaluation."
    assert ExpertAssignment.objects.filter(application=application, expert=experts[1]).exists()
