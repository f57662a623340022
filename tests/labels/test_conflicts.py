"""Conflicts of interest: an expert who works for or with the campus's support institution or
one of its stakeholders, or who declared a conflict with the campus, is not assigned to its
application, and the refusal says why. Only experts declare their links, once each."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from campuses.models import SupportInstitutionTenure
from core.errors import PermissionDeniedError
from labels import services
from labels.models import (
    Affiliation,
    DeclaredConflict,
    ExpertAffiliation,
    ExpertAssignment,
)
from tests.labels import helpers as h

pytestmark = pytest.mark.django_db


@pytest.fixture
def support():
    return h.organisation("Lycée support des tests")


@pytest.fixture
def partner():
    return h.organisation("Entreprise partenaire des tests")


@pytest.fixture
def campus(support, partner):
    return h.fresh_campus(support=support, stakeholders=[partner])


@pytest.fixture
def application(region, rectorate, campus):
    application = h.deposited(region, rectorate, campus)
    services.admit(region, application)
    return application


def refusal(error):
    return " ".join(error.value.message_dict["expert"])


def assigned(application):
    return set(
        ExpertAssignment.objects.filter(application=application).values_list("expert", flat=True)
    )


@pytest.mark.parametrize("relation", [Affiliation.WORKS_FOR, Affiliation.WORKS_WITH])
def test_an_expert_of_the_support_institution_is_not_assigned(
    region, application, support, relation
):
    person = h.expert()
    services.declare_affiliation(person, organisation=support, relation=relation)

    with pytest.raises(ValidationError) as error:
        services.assign_expert(region, application, person)

    message = refusal(error)
    assert message.startswith("Cet·te expert·e ne peut pas être désigné·e : ")
    assert "Lycée support des tests" in message
    assert "établissement support du campus" in message
    assert str(Affiliation(relation).label) in message
    assert assigned(application) == set()


def test_an_expert_of_a_stakeholder_is_not_assigned(region, application, partner):
    person = h.expert()
    services.declare_affiliation(person, organisation=partner, relation=Affiliation.WORKS_WITH)

    with pytest.raises(ValidationError) as error:
        services.assign_expert(region, application, person)

    message = refusal(error)
    assert "Entreprise partenaire des tests" in message
    assert "partie prenante du campus" in message
    assert "travaille avec" in message
    assert assigned(application) == set()


def test_a_declared_conflict_with_the_campus_keeps_the_expert_out(region, application, campus):
    person = h.expert()
    services.declare_conflict(person, campus=campus, reason="Ma sœur siège au comité de pilotage")

    with pytest.raises(ValidationError) as error:
        services.assign_expert(region, application, person)

    assert "conflit d'intérêts déclaré : Ma sœur siège au comité de pilotage" in refusal(error)
    assert assigned(application) == set()


def test_an_expert_without_links_is_assigned(region, application):
    person = h.expert()

    assignment = services.assign_expert(region, application, person)

    assert assignment.expert == person
    assert services.conflict_reason(person, application.campus) == ""
    assert assigned(application) == {person.pk}


def test_links_with_other_organisations_do_not_count(region, application):
    person = h.expert()
    services.declare_affiliation(
        person, organisation=h.organisation(), relation=Affiliation.WORKS_FOR
    )
    services.declare_conflict(person, campus=h.fresh_campus(), reason="Un autre campus")

    services.assign_expert(region, application, person)

    assert assigned(application) == {person.pk}


def test_a_former_support_institution_is_no_conflict(region, application, campus):
    former = h.organisation("Ancien lycée support")
    SupportInstitutionTenure.objects.create(
        campus=campus, organisation=former, start=date(2015, 1, 1), end=date(2019, 12, 31)
    )
    person = h.expert()
    services.declare_affiliation(person, organisation=former, relation=Affiliation.WORKS_FOR)

    services.assign_expert(region, application, person)

    assert assigned(application) == {person.pk}


def test_a_future_support_institution_is_a_conflict(region, application, campus):
    future = h.organisation("Futur lycée support")
    SupportInstitutionTenure.objects.create(
        campus=campus, organisation=future, start=date(2090, 1, 1)
    )
    person = h.expert()
    services.declare_affiliation(person, organisation=future, relation=Affiliation.WORKS_FOR)

    with pytest.raises(ValidationError) as error:
        services.assign_expert(region, application, person)

    assert "Futur lycée support" in refusal(error)


# ----------------------------------------------------------------------- declarations


@pytest.mark.parametrize("username", ["region", "rectorat-paris", "dir-ia"])
def test_only_experts_declare_links(user_of, campus, support, username):
    user = user_of(username)

    with pytest.raises(PermissionDeniedError):
        services.declare_affiliation(user, organisation=support, relation=Affiliation.WORKS_FOR)
    with pytest.raises(PermissionDeniedError):
        services.declare_conflict(user, campus=campus, reason="Motif")
    assert not ExpertAffiliation.objects.filter(expert=user).exists()
    assert not DeclaredConflict.objects.filter(expert=user).exists()


def test_an_organisation_is_declared_once(support):
    person = h.expert()
    services.declare_affiliation(person, organisation=support, relation=Affiliation.WORKS_FOR)

    with pytest.raises(ValidationError) as error:
        services.declare_affiliation(person, organisation=support, relation=Affiliation.WORKS_WITH)

    assert error.value.message_dict == {"organisation": ["Vous avez déjà déclaré cet organisme."]}
    assert list(
        ExpertAffiliation.objects.filter(expert=person).values_list("relation", flat=True)
    ) == [Affiliation.WORKS_FOR]


def test_a_conflict_with_a_campus_is_declared_once_with_its_reason(campus):
    person = h.expert()

    with pytest.raises(ValidationError) as error:
        services.declare_conflict(person, campus=campus, reason="  ")
    assert set(error.value.message_dict) == {"reason"}

    services.declare_conflict(person, campus=campus, reason="Ancien salarié")
    with pytest.raises(ValidationError) as error:
        services.declare_conflict(person, campus=campus, reason="Autre motif")
    assert error.value.message_dict == {
        "campus": ["Vous avez déjà déclaré un conflit avec ce campus."]
    }
    assert DeclaredConflict.objects.filter(expert=person, campus=campus).count() == 1


def test_an_expert_withdraws_only_their_own_link(support):
    person, other = h.expert(), h.expert()
    link = services.declare_affiliation(
        person, organisation=support, relation=Affiliation.WORKS_FOR
    )

    with pytest.raises(PermissionDeniedError):
        services.withdraw_affiliation(other, link)
    assert ExpertAffiliation.objects.filter(pk=link.pk).exists()

    services.withdraw_affiliation(person, link)
    assert not ExpertAffiliation.objects.filter(pk=link.pk).exists()


# ------------------------------------------------------------------------ assignments


def test_an_expert_is_assigned_once(region, application):
    person = h.expert()
    services.assign_expert(region, application, person)

    with pytest.raises(ValidationError) as error:
        services.assign_expert(region, application, person)

    assert refusal(error) == "Cet·te expert·e est déjà désigné·e pour cette candidature."
    assert ExpertAssignment.objects.filter(application=application, expert=person).count() == 1


def test_only_experts_are_assigned(region, application, user_of):
    with pytest.raises(ValidationError) as error:
        services.assign_expert(region, application, user_of("rectorat-paris"))

    assert refusal(error) == "Choisissez un·e expert·e du groupe d'expertise."
    assert assigned(application) == set()


def test_only_the_region_assigns_experts(application, rectorate):
    with pytest.raises(PermissionDeniedError):
        services.assign_expert(rectorate, application, h.expert())
    assert assigned(application) == set()
