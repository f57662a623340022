"""The circuit of an application (labels.workflow.APPLICATION), through its services: each
transition runs for the right person in the right state, and is refused otherwise with its
reason: the wrong role or a campus out of one's academies (PermissionDeniedError, 403), the
wrong state (ConflictError, 409, in French), a missing piece (ValidationError by field).

The campuses are new ones in the académie de Paris unless said otherwise; « rectorat-paris »
is the région académique's staff and follows every campus, « rectorat-creteil » and
« rectorat-versailles » only their academy's."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from campuses.models import LabelCategory, LabelPeriod
from core.errors import ConflictError, PermissionDeniedError
from labels import services
from labels.models import (
    ApplicationOpinion,
    ApplicationStatus,
    Decision,
    LabelApplication,
    StatusChange,
    Treatment,
)
from labels.workflow import APPLICATION, CARRIERS_ONLY, EXPERTS_ONLY, REGION_ONLY
from tests.labels import helpers as h

pytestmark = pytest.mark.django_db

S = ApplicationStatus
OUT_OF_ACADEMY = "Cette candidature n'est pas celle d'un campus de vos académies."
ALL_CRITERIA = "2.1, 2.2, 2.3, 2.4, 2.5, 2.6, 2.7, 2.8, 2.9, 2.10, 2.11"


def status_of(application):
    return LabelApplication.objects.get(pk=application.pk).status


def field_messages(error):
    return {field: " ".join(messages) for field, messages in error.value.message_dict.items()}


def today():
    return timezone.localdate()


# ------------------------------------------------------------------- the whole circuit


# Every action of the workflow that moves the status; each has its tests below.
TRANSITIONS_TESTED = {
    "deposit",
    "admit",
    "reject",
    "start_expertise",
    "send_navette",
    "send_answers",
    "give_opinion",
    "decide",
    "withdraw",
}


def test_every_transition_of_the_workflow_is_tested_here():
    transitions = {name for name, action in APPLICATION.actions.items() if action.target}
    assert transitions == TRANSITIONS_TESTED


@pytest.mark.parametrize(
    ("username", "expected"),
    [
        ("dir-ia", {"present", "answer"}),
        ("expert", {"assess", "send_navette", "mark", "give_opinion"}),
        (
            "rectorat-creteil",
            {
                "edit",
                "present",
                "sign_for_rector",
                "record_opinion",
                "deposit",
                "answer",
                "send_answers",
            },
        ),
    ],
)
def test_what_each_role_may_attempt(user_of, username, expected):
    assert APPLICATION.open_to(user_of(username)) == expected


def test_regional_staff_attempt_all_but_the_experts_work(user_of):
    assert APPLICATION.open_to(user_of("region")) == set(APPLICATION.actions) - {
        "assess",
        "mark",
        "give_opinion",
    }


def test_the_history_keeps_every_step_of_a_labelled_application(region, rectorate, experts, campus):
    application = h.decided(region, rectorate, campus, experts)

    steps = list(
        StatusChange.objects.filter(application=application)
        .order_by("pk")
        .values_list("from_status", "to_status")
    )
    assert steps == [
        (S.DRAFT, S.SUBMITTED),
        (S.SUBMITTED, S.ADMISSIBLE),
        (S.ADMISSIBLE, S.IN_EXPERTISE),
        (S.IN_EXPERTISE, S.OPINION),
        (S.OPINION, S.DECIDED),
    ]
    assert StatusChange.objects.filter(application=application, actor=region).count() == 4


# -------------------------------------------------------------------------- preparing


def test_a_director_cannot_create_an_application(campus):
    director = h.director(campus)

    with pytest.raises(PermissionDeniedError) as error:
        h.draft(director, campus)
    assert str(error.value) == CARRIERS_ONLY
    assert not LabelApplication.objects.filter(campus=campus).exists()


@pytest.mark.parametrize("username", ["rectorat-creteil", "rectorat-versailles"])
def test_the_rectorate_of_another_academy_cannot_create_one(user_of, campus, username):
    with pytest.raises(PermissionDeniedError) as error:
        h.draft(user_of(username), campus)
    assert str(error.value) == OUT_OF_ACADEMY
    assert not LabelApplication.objects.filter(campus=campus).exists()


def test_a_campus_has_one_open_application_at_a_time(region, campus):
    h.draft(region, campus)

    with pytest.raises(ValidationError) as error:
        h.draft(region, campus)
    assert "déjà une candidature en cours" in field_messages(error)["campus"]
    assert LabelApplication.objects.filter(campus=campus).count() == 1


def test_the_director_presents_criteria_but_does_not_sign(region, campus):
    director = h.director(campus)
    application = h.draft(region, campus)

    presentation = services.save_presentation(director, application, "2.1", text="Notre campus.")
    assert presentation.text == "Notre campus."
    with pytest.raises(PermissionDeniedError) as error:
        services.sign_letter(
            director, application, carrier="region", signatory="X", signed_on=today()
        )
    assert str(error.value) == REGION_ONLY


def test_the_director_of_another_campus_cannot_present(region, campus):
    other = h.director(h.fresh_campus("paris"))
    application = h.draft(region, campus)

    with pytest.raises(PermissionDeniedError):
        services.save_presentation(other, application, "2.1", text="Pas mon campus.")
    assert not application.presentations.exists()


# ---------------------------------------------------------------------------- deposit


def test_the_region_deposits_a_complete_application(region, rectorate, campus):
    application = h.complete(region, rectorate, h.draft(region, campus))

    services.deposit(region, application)

    application.refresh_from_db()
    assert application.status == S.SUBMITTED
    assert application.submitted_on == today()
    assert application.criteria_version.code == "2019"


def test_the_rectorate_of_the_campus_academy_deposits(region, user_of):
    creteil = user_of("rectorat-creteil")
    campus = h.fresh_campus("creteil")
    application = h.complete(region, creteil, h.draft(creteil, campus))

    services.deposit(creteil, application)

    assert status_of(application) == S.SUBMITTED


def test_the_region_academique_deposits_for_any_academy(region, rectorate):
    campus = h.fresh_campus("versailles")
    application = h.complete(region, rectorate, h.draft(rectorate, campus))

    services.deposit(rectorate, application)

    assert status_of(application) == S.SUBMITTED


def test_a_director_cannot_deposit(region, rectorate, campus):
    director = h.director(campus)
    application = h.complete(region, rectorate, h.draft(region, campus))

    with pytest.raises(PermissionDeniedError) as error:
        services.deposit(director, application)
    assert str(error.value) == CARRIERS_ONLY
    assert status_of(application) == S.DRAFT


def test_an_expert_cannot_deposit(region, rectorate, campus, user_of):
    application = h.complete(region, rectorate, h.draft(region, campus))

    with pytest.raises(PermissionDeniedError) as error:
        services.deposit(user_of("expert"), application)
    assert str(error.value) == CARRIERS_ONLY
    assert status_of(application) == S.DRAFT


@pytest.mark.parametrize("username", ["rectorat-creteil", "rectorat-versailles"])
def test_the_rectorate_of_another_academy_cannot_deposit(
    region, rectorate, campus, user_of, username
):
    application = h.complete(region, rectorate, h.draft(region, campus))

    with pytest.raises(PermissionDeniedError) as error:
        services.deposit(user_of(username), application)
    assert str(error.value) == OUT_OF_ACADEMY
    assert status_of(application) == S.DRAFT
    assert APPLICATION.available(user_of(username), application)["deposit"] is False
    assert APPLICATION.available(rectorate, application)["deposit"] is True


def test_a_deposited_application_is_not_deposited_again(region, rectorate, campus):
    application = h.deposited(region, rectorate, campus)

    with pytest.raises(ConflictError) as error:
        services.deposit(region, application)
    assert str(error.value) == "La candidature est déposée : elle a déjà été déposée."


def test_a_deposited_application_is_no_longer_edited(region, rectorate, campus):
    application = h.deposited(region, rectorate, campus)

    with pytest.raises(ConflictError) as error:
        services.update_application(region, application, summary="Autre chose")
    assert str(error.value) == "La candidature est déposée : elle ne se modifie plus."


def test_an_empty_draft_lists_everything_missing(region, campus):
    application = h.draft(region, campus)

    with pytest.raises(ValidationError) as error:
        services.deposit(region, application)

    problems = field_messages(error)
    assert set(problems) == {
        "region_signed_on",
        "rector_signed_on",
        "caen_opinion",
        "crefop_opinion",
        "dossier",
        "presentations",
    }
    assert set(problems) == set(services.admissibility_problems(application))
    assert problems["presentations"] == f"Critères non présentés : {ALL_CRITERIA}."
    assert problems["caen_opinion"] == "L'avis préalable du CAEN n'est pas enregistré."
    assert status_of(application) == S.DRAFT


def _prepared_but(region, rectorate, application, *, skip):
    """Everything of h.complete() except the piece `skip` names."""
    yesterday = today() - timedelta(days=1)
    for criterion in h.criteria():
        text = "" if skip == "2.11" and criterion.number == "2.11" else f"Sur {criterion.number}."
        services.save_presentation(region, application, criterion, text=text)
    if skip != "region":
        services.sign_letter(
            region, application, carrier="region", signatory="La présidente", signed_on=yesterday
        )
    if skip != "rector":
        services.sign_letter(
            rectorate, application, carrier="rector", signatory="Le recteur", signed_on=yesterday
        )
    for body in ("caen", "crefop"):
        if skip != body:
            services.record_opinion(
                region, application, body=body, given_on=yesterday, opinion="favourable"
            )
    if skip != "dossier":
        services.upload_dossier(region, application, h.pdf_upload(5))
    return application


@pytest.mark.parametrize(
    ("skip", "field", "message"),
    [
        (
            "region",
            "region_signed_on",
            "La lettre d'accompagnement n'est pas signée pour la présidence de la Région.",
        ),
        (
            "rector",
            "rector_signed_on",
            "La lettre d'accompagnement n'est pas signée pour le recteur.",
        ),
        ("caen", "caen_opinion", "L'avis préalable du CAEN n'est pas enregistré."),
        ("crefop", "crefop_opinion", "L'avis préalable du CREFOP n'est pas enregistré."),
        ("dossier", "dossier", "Le dossier de candidature (PDF) n'est pas joint."),
        ("2.11", "presentations", "Critères non présentés : 2.11."),
    ],
)
def test_the_deposit_needs_each_piece(region, rectorate, campus, skip, field, message):
    application = _prepared_but(region, rectorate, h.draft(region, campus), skip=skip)

    with pytest.raises(ValidationError) as error:
        services.deposit(region, application)

    assert field_messages(error) == {field: message}
    assert status_of(application) == S.DRAFT


def test_a_signature_cannot_be_dated_in_the_future(region, campus):
    application = h.draft(region, campus)

    with pytest.raises(ValidationError) as error:
        services.sign_letter(
            region,
            application,
            carrier="region",
            signatory="La présidente",
            signed_on=today() + timedelta(days=1),
        )
    assert "signed_on" in error.value.message_dict
    application.refresh_from_db()
    assert application.region_signed_on is None


# ------------------------------------------------------------------------ admissibility


def test_the_region_admits_a_deposited_application(region, rectorate, campus):
    application = h.deposited(region, rectorate, campus)

    services.admit(region, application, "Dossier complet.")

    application.refresh_from_db()
    assert application.status == S.ADMISSIBLE
    assert application.admissibility_reasons == "Dossier complet."


def test_the_rectorate_does_not_rule_on_admissibility(region, rectorate, campus):
    application = h.deposited(region, rectorate, campus)

    with pytest.raises(PermissionDeniedError) as error:
        services.admit(rectorate, application)
    assert str(error.value) == REGION_ONLY
    with pytest.raises(PermissionDeniedError):
        services.reject(rectorate, application, "Incomplet.")
    assert status_of(application) == S.SUBMITTED


def test_a_draft_is_neither_admissible_nor_inadmissible(region, campus):
    application = h.draft(region, campus)

    with pytest.raises(ConflictError) as error:
        services.admit(region, application)
    assert str(error.value) == "Seule une candidature déposée est déclarée recevable."
    with pytest.raises(ConflictError) as error:
        services.reject(region, application, "Incomplet.")
    assert str(error.value) == "Seule une candidature déposée est déclarée irrecevable."
    assert status_of(application) == S.DRAFT


def test_admission_checks_again_what_the_deposit_checked(region, rectorate, campus):
    application = h.deposited(region, rectorate, campus)
    ApplicationOpinion.objects.filter(application=application, body="crefop").delete()

    with pytest.raises(ValidationError) as error:
        services.admit(region, application)
    assert set(error.value.message_dict) == {"crefop_opinion"}
    assert status_of(application) == S.SUBMITTED


def test_rejecting_needs_its_reasons(region, rectorate, campus):
    application = h.deposited(region, rectorate, campus)

    with pytest.raises(ValidationError) as error:
        services.reject(region, application, "   ")
    assert field_messages(error) == {"reason": "Indiquez les motifs de l'irrecevabilité."}
    assert status_of(application) == S.SUBMITTED


def test_an_inadmissible_application_keeps_its_reasons_and_frees_the_campus(
    region, rectorate, campus
):
    application = h.deposited(region, rectorate, campus)

    services.reject(region, application, "Avis du CREFOP hors délai.")

    application.refresh_from_db()
    assert application.status == S.INADMISSIBLE
    assert application.admissibility_reasons == "Avis du CREFOP hors délai."
    change = StatusChange.objects.get(application=application, to_status=S.INADMISSIBLE)
    assert change.reason == "Avis du CREFOP hors délai."
    # Closed: the campus may prepare a new application.
    assert h.draft(region, campus).status == S.DRAFT
    with pytest.raises(ConflictError) as error:
        services.withdraw(region, application, "Trop tard.")
    assert str(error.value) == "La candidature est irrecevable : elle ne se retire plus."


def test_an_admissible_application_is_not_rejected_afterwards(region, rectorate, campus):
    application = h.deposited(region, rectorate, campus)
    services.admit(region, application)

    with pytest.raises(ConflictError):
        services.reject(region, application, "Finalement non.")
    assert status_of(application) == S.ADMISSIBLE


# ---------------------------------------------------------------------------- withdraw


@pytest.mark.parametrize("step", ["draft", "deposited", "in_expertise"])
def test_the_region_withdraws_before_the_decision(region, rectorate, experts, campus, step):
    if step == "draft":
        application = h.draft(region, campus)
    elif step == "deposited":
        application = h.deposited(region, rectorate, campus)
    else:
        application = h.in_expertise(region, rectorate, campus, experts)

    services.withdraw(region, application, "Le campus renonce.")

    assert status_of(application) == S.WITHDRAWN
    assert StatusChange.objects.get(application=application, to_status=S.WITHDRAWN).reason == (
        "Le campus renonce."
    )


def test_withdrawing_needs_a_reason_and_the_region(region, rectorate, campus):
    application = h.deposited(region, rectorate, campus)

    with pytest.raises(ValidationError) as error:
        services.withdraw(region, application, "")
    assert set(error.value.message_dict) == {"reason"}
    with pytest.raises(PermissionDeniedError) as error:
        services.withdraw(rectorate, application, "Le campus renonce.")
    assert str(error.value) == REGION_ONLY
    assert status_of(application) == S.SUBMITTED


def test_a_decided_application_is_not_withdrawn(region, rectorate, experts, campus):
    application = h.decided(region, rectorate, campus, experts)

    with pytest.raises(ConflictError) as error:
        services.withdraw(region, application, "Trop tard.")
    assert str(error.value) == "La candidature est décision rendue : elle ne se retire plus."


# -------------------------------------------------------------------------- expertise


def test_the_expertise_starts_with_two_experts_and_a_rapporteur(region, rectorate, experts, campus):
    application = h.in_expertise(region, rectorate, campus, experts)

    application.refresh_from_db()
    assert application.status == S.IN_EXPERTISE
    assert application.rapporteur == experts[0]
    assert application.assignments.count() == 2


@pytest.mark.parametrize("count", [0, 1])
def test_the_expertise_needs_two_experts(region, rectorate, experts, campus, count):
    application = h.deposited(region, rectorate, campus)
    services.admit(region, application)
    for person in experts[:count]:
        services.assign_expert(region, application, person)

    with pytest.raises(ValidationError) as error:
        services.start_expertise(region, application)

    assert field_messages(error) == {
        "expert": f"Désignez au moins 2 expert·es ({count} désigné·e pour l'instant)."
    }
    assert status_of(application) == S.ADMISSIBLE


def test_the_expertise_needs_a_rapporteur(region, rectorate, experts, campus):
    application = h.deposited(region, rectorate, campus)
    services.admit(region, application)
    for person in experts:
        services.assign_expert(region, application, person)
    # The first expert assigned becomes rapporteur: take it away behind the services' back.
    LabelApplication.objects.filter(pk=application.pk).update(rapporteur=None)

    with pytest.raises(ValidationError) as error:
        services.start_expertise(region, application)

    assert field_messages(error) == {"rapporteur": "Désignez le rapporteur·e du groupe."}
    assert status_of(application) == S.ADMISSIBLE


def test_only_an_admissible_application_goes_to_the_experts(region, rectorate, experts, campus):
    application = h.deposited(region, rectorate, campus)
    for person in experts:
        services.assign_expert(region, application, person)

    with pytest.raises(ConflictError) as error:
        services.start_expertise(region, application)
    assert str(error.value) == "Seule une candidature recevable est mise en expertise."
    assert status_of(application) == S.SUBMITTED


def test_the_rectorate_does_not_start_the_expertise(region, rectorate, experts, campus):
    application = h.deposited(region, rectorate, campus)
    services.admit(region, application)
    for person in experts:
        services.assign_expert(region, application, person)

    with pytest.raises(PermissionDeniedError) as error:
        services.start_expertise(rectorate, application)
    assert str(error.value) == REGION_ONLY
    assert status_of(application) == S.ADMISSIBLE


# --------------------------------------------------------------------------- navettes


def test_an_assigned_expert_and_the_region_send_a_navette(region, rectorate, experts, campus):
    application = h.in_expertise(region, rectorate, campus, experts)

    h.navette_round(experts[1], application)
    assert status_of(application) == S.NAVETTE


def test_an_unassigned_expert_or_the_rectorate_sends_no_navette(region, rectorate, experts, campus):
    application = h.in_expertise(region, rectorate, campus, experts)

    with pytest.raises(PermissionDeniedError) as error:
        h.navette_round(h.expert(), application)
    assert str(error.value) == EXPERTS_ONLY
    with pytest.raises(PermissionDeniedError):
        h.navette_round(rectorate, application)
    assert status_of(application) == S.IN_EXPERTISE
    assert not application.rounds.exists()


def test_no_navette_before_the_expertise(region, rectorate, experts, campus):
    application = h.deposited(region, rectorate, campus)
    services.admit(region, application)
    services.assign_expert(region, application, experts[0])

    with pytest.raises(ConflictError) as error:
        h.navette_round(experts[0], application)
    assert str(error.value) == "La candidature est recevable : pas de nouvelle navette."
    assert not application.rounds.exists()


def test_the_carriers_send_the_answers(region, rectorate, experts, campus):
    director = h.director(campus)
    application = h.in_expertise(region, rectorate, campus, experts)
    navette = h.navette_round(experts[0], application)
    for recommendation in navette.recommendations.all():
        services.answer_recommendation(director, recommendation, answer="Fait.")

    with pytest.raises(PermissionDeniedError) as error:
        services.send_answers(director, navette)
    assert str(error.value) == CARRIERS_ONLY
    assert status_of(application) == S.NAVETTE

    services.send_answers(rectorate, navette)
    assert status_of(application) == S.ANSWERS_RECEIVED
    with pytest.raises(ConflictError) as error:
        services.send_answers(rectorate, navette)
    assert str(error.value) == "Aucune navette n'attend de réponse."


# ---------------------------------------------------------------- the group's opinion


def test_the_rapporteur_gives_the_opinion(region, rectorate, experts, campus):
    application = h.with_opinion(region, rectorate, campus, experts)

    application.refresh_from_db()
    assert application.status == S.OPINION
    assert application.expert_opinion == "favourable"
    assert application.expert_opinion_text == "Avis favorable du groupe."
    assert application.opinion_on == today()


def _ready_for_opinion(region, rectorate, campus, experts):
    application = h.in_expertise(region, rectorate, campus, experts)
    for person in experts:
        h.assess_all(person, application)
    h.consolidate_all(experts[0], application)
    return application


@pytest.mark.parametrize("who", ["other_expert", "region"])
def test_only_the_rapporteur_gives_the_opinion(region, rectorate, experts, campus, who):
    application = _ready_for_opinion(region, rectorate, campus, experts)
    actor = experts[1] if who == "other_expert" else region

    with pytest.raises(PermissionDeniedError) as error:
        services.give_opinion(actor, application, opinion="favourable", text="Avis.")
    assert str(error.value) == "L'avis du groupe est consolidé par son rapporteur·e."
    assert status_of(application) == S.IN_EXPERTISE


def test_the_opinion_waits_for_every_assessment(region, rectorate, experts, campus):
    application = h.in_expertise(region, rectorate, campus, experts)
    h.assess_all(experts[0], application)
    h.assess_all(experts[1], application, submit=False)

    with pytest.raises(ConflictError) as error:
        services.give_opinion(experts[0], application, opinion="favourable", text="Avis.")
    waiting = f"Expert {experts[1].username}"
    assert str(error.value) == (
        f"Toutes les évaluations ne sont pas transmises (en attente : {waiting})."
    )
    assert status_of(application) == S.IN_EXPERTISE


def test_the_opinion_needs_every_criterion_consolidated(region, rectorate, experts, campus):
    application = h.in_expertise(region, rectorate, campus, experts)
    for person in experts:
        h.assess_all(person, application)
    for criterion in h.criteria()[:-1]:
        services.save_consolidated(
            experts[0],
            application,
            criterion,
            rating="met",
            excellence_rating="met" if criterion.excellence else "",
        )

    with pytest.raises(ValidationError) as error:
        services.give_opinion(experts[0], application, opinion="favourable", text="Avis.")
    assert field_messages(error) == {"consolidated": "Critères sans appréciation du groupe : 2.11."}
    assert status_of(application) == S.IN_EXPERTISE


def test_the_opinion_needs_its_choice_and_its_motivation(region, rectorate, experts, campus):
    application = _ready_for_opinion(region, rectorate, campus, experts)

    with pytest.raises(ValidationError) as error:
        services.give_opinion(experts[0], application, opinion="maybe", text=" ")
    assert set(error.value.message_dict) == {"opinion", "text"}
    assert status_of(application) == S.IN_EXPERTISE


def test_the_opinion_needs_every_navette_answer_marked(region, rectorate, experts, campus):
    application = _ready_for_opinion(region, rectorate, campus, experts)
    navette = h.navette_round(experts[0], application, (("2.1", "Précisez."), ("2.4", "Chiffrez.")))

    with pytest.raises(ConflictError) as error:
        services.give_opinion(experts[0], application, opinion="favourable", text="Avis.")
    assert str(error.value) == (
        "La candidature est navette en cours : l'avis ne se rend pas maintenant."
    )

    h.answer_round(region, region, navette)
    services.mark_answer(experts[0], navette.recommendations.get(number=1), treatment="addressed")
    with pytest.raises(ValidationError) as error:
        services.give_opinion(experts[0], application, opinion="favourable", text="Avis.")
    assert field_messages(error) == {
        "navette": "1 réponse de la navette n'est pas encore appréciée."
    }
    assert status_of(application) == S.ANSWERS_RECEIVED

    services.mark_answer(
        experts[1], navette.recommendations.get(number=2), treatment=Treatment.PARTLY
    )
    services.give_opinion(experts[0], application, opinion="reserved", text="Avis réservé.")
    assert status_of(application) == S.OPINION


# ---------------------------------------------------------------------------- decision


def _decide(region, application, **fields):
    values = {
        "decision": Decision.LABELLED,
        "decision_date": today(),
        "decision_reference": "NOR ESRS2400001A",
        "label_start": today(),
        "label_end": today() + timedelta(days=5 * 365),
    }
    values.update(fields)
    return services.decide(region, application, **values)


def test_the_decision_needs_the_reference_and_date_of_the_arrete(
    region, rectorate, experts, campus
):
    application = h.with_opinion(region, rectorate, campus, experts)

    with pytest.raises(ValidationError) as error:
        _decide(region, application, decision_reference="  ", decision_date=None)

    assert set(error.value.message_dict) == {"decision_reference", "decision_date"}
    assert "arrêté interministériel" in field_messages(error)["decision_reference"]
    assert status_of(application) == S.OPINION
    assert not LabelPeriod.objects.filter(campus=campus).exists()


def test_the_arrete_is_not_dated_in_the_future(region, rectorate, experts, campus):
    application = h.with_opinion(region, rectorate, campus, experts)

    with pytest.raises(ValidationError) as error:
        _decide(region, application, decision_date=today() + timedelta(days=1))
    assert field_messages(error) == {
        "decision_date": "La date de l'arrêté ne peut être dans le futur."
    }
    assert status_of(application) == S.OPINION


@pytest.mark.parametrize(
    ("decision", "what"),
    [
        (Decision.LABELLED, "Un label a sa période"),
        (Decision.PROBATIONARY, "Un label probatoire a sa période"),
    ],
)
def test_a_label_needs_its_period(region, rectorate, experts, campus, decision, what):
    application = h.with_opinion(region, rectorate, campus, experts)

    with pytest.raises(ValidationError) as error:
        _decide(region, application, decision=decision, label_start=None, label_end=None)

    assert field_messages(error) == {
        "label_start": f"{what} : indiquez son début.",
        "label_end": f"{what} : indiquez sa fin.",
    }
    assert status_of(application) == S.OPINION
    assert not LabelPeriod.objects.filter(campus=campus).exists()


def test_a_label_ends_after_it_starts_and_within_five_years(region, rectorate, experts, campus):
    application = h.with_opinion(region, rectorate, campus, experts)

    with pytest.raises(ValidationError) as error:
        _decide(region, application, label_end=today())
    assert field_messages(error) == {"label_end": "La fin du label suit son début."}
    with pytest.raises(ValidationError) as error:
        _decide(region, application, label_end=today() + timedelta(days=6 * 365))
    assert field_messages(error) == {"label_end": "Un label dure 5 ans au plus."}
    assert not LabelPeriod.objects.filter(campus=campus).exists()


def test_a_probationary_label_gets_its_period(region, rectorate, experts, campus):
    end = today() + timedelta(days=2 * 365)
    application = h.with_opinion(region, rectorate, campus, experts)

    _decide(region, application, decision=Decision.PROBATIONARY, label_end=end)

    application.refresh_from_db()
    assert application.status == S.DECIDED
    period = application.label_period
    assert (period.start, period.end, period.probationary) == (today(), end, True)


def test_a_refusal_writes_no_period(region, rectorate, experts, campus):
    application = h.with_opinion(region, rectorate, campus, experts)

    _decide(region, application, decision=Decision.REFUSED, label_start=None, label_end=None)

    application.refresh_from_db()
    assert application.status == S.DECIDED
    assert application.decision == Decision.REFUSED
    assert application.decision_reference == "NOR ESRS2400001A"
    assert application.label_period is None
    assert (application.label_start, application.label_end) == (None, None)
    assert not LabelPeriod.objects.filter(campus=campus).exists()


def test_a_refusal_ignores_a_period_typed_by_mistake(region, rectorate, experts, campus):
    application = h.with_opinion(region, rectorate, campus, experts)

    _decide(region, application, decision=Decision.REFUSED)

    application.refresh_from_db()
    assert application.label_period is None
    assert (application.label_start, application.label_end) == (None, None)
    assert not LabelPeriod.objects.filter(campus=campus).exists()


def test_only_the_region_decides_and_only_after_the_opinion(region, rectorate, experts, campus):
    application = h.in_expertise(region, rectorate, campus, experts)

    with pytest.raises(ConflictError) as error:
        _decide(region, application)
    assert str(error.value) == "La décision suit l'avis du groupe d'experts."

    for person in experts:
        h.assess_all(person, application)
    h.consolidate_all(experts[0], application)
    services.give_opinion(experts[0], application, opinion="favourable", text="Avis.")
    with pytest.raises(PermissionDeniedError) as error:
        _decide(rectorate, application)
    assert str(error.value) == REGION_ONLY
    with pytest.raises(PermissionDeniedError):
        _decide(experts[0], application)
    assert status_of(application) == S.OPINION
    assert not LabelPeriod.objects.filter(campus=campus).exists()


def test_a_decided_application_is_not_decided_again(region, rectorate, experts, campus):
    application = h.decided(region, rectorate, campus, experts, target=LabelCategory.CMQ)

    with pytest.raises(ConflictError):
        _decide(region, application, label_start=today() + timedelta(days=3000))
    assert LabelPeriod.objects.filter(campus=campus).count() == 1
