"""The HTTP API of the labelling, `label-applications`: who gets what on the list, the detail
and every action (role first: 403; then scope: 404; then state: 409; then data: 400 per
field), filters, the individual assessments an expert may read, a whole circuit through the
API, and a list whose query count does not grow with its rows.

The role matrices run on an application of a campus of its own in the Paris academy, directed
by dir-ia: regional staff manage it; rectorat-paris (the région académique) prepares it with
them; dir-ia presents it and answers the navettes; rectorat-creteil, rectorat-versailles and
dir-sante must not learn it exists (404, or 403 when their role is refused first); the demo
expert sees it once assigned (and is its rapporteur), not before; an account whose role the
labelling does not know gets 403 on the whole collection; anonymous: 401.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import User
from campuses.models import CampusDirector, LabelCategory, LabelPeriod
from core.calendar import add_years
from labels import services
from labels.models import (
    ApplicationKind,
    ApplicationStatus,
    CriterionAssessment,
    LabelApplication,
    Rating,
)
from tests.labels import helpers as h

pytestmark = pytest.mark.django_db

BASE = "/api/v1/label-applications/"
TODAY = timezone.localdate()
YESTERDAY = TODAY - timedelta(days=1)

ANONYMOUS, NOBODY = "anonymous", "nobody"
ROLES = [
    "admin",
    "region",
    "rectorat-paris",
    "rectorat-creteil",
    "rectorat-versailles",
    "dir-ia",
    "dir-sante",
    "expert",
    NOBODY,
]
REGIONAL = ("admin", "region")
OTHER_ACADEMIES = ("rectorat-creteil", "rectorat-versailles")
DIRECTORS = ("dir-ia", "dir-sante")
# Who sees the test campus, besides the expert once assigned.
CARRIERS = (*REGIONAL, "rectorat-paris")
SEES_CAMPUS = (*CARRIERS, "dir-ia")


def codes(default, groups=None):
    """{role: status}: `default` for every role, `groups` ({roles: status}) on top; an
    account with no business in the labelling always 403, anonymous always 401."""
    result = dict.fromkeys(ROLES, default)
    for roles, status in (groups or {}).items():
        for role in roles:
            result[role] = status
    result[NOBODY] = 403
    result[ANONYMOUS] = 401
    return result


def role_params(matrix):
    return pytest.mark.parametrize(("role", "expected"), list(matrix.items()))


# Reading an application not assigned to the expert / assigned to them.
READ = codes(404, {SEES_CAMPUS: 200})
READ_ASSIGNED = codes(404, {SEES_CAMPUS: 200, ("expert",): 200})
# The carriers (Region, rectorate of the campus's academies); directors and experts: role.
BY_CARRIERS = codes(403, {CARRIERS: 200, OTHER_ACADEMIES: 404})
# The Region only, for the national mission: every other role is refused first.
BY_REGION = codes(403, {REGIONAL: 200})
# The assigned experts (the demo expert is also the rapporteur).
BY_EXPERTS = codes(403, {("expert",): 200})
# Navettes: an assigned expert, or regional staff.
NAVETTE = codes(403, {REGIONAL: 200, ("expert",): 200})
# Answers: the carriers and the campus's director.
ANSWER = codes(403, {SEES_CAMPUS: 200, OTHER_ACADEMIES: 404, ("dir-sante",): 404})


# ============================================================================== fixtures


@pytest.fixture
def api_of(user_of):
    """api_of("dir-ia") -> a client logged in as that demo account (session authentication,
    as in the browser); NOBODY -> an account with no role of the labelling; ANONYMOUS -> no
    one."""

    def make(username):
        client = Client()
        if username == NOBODY:
            user, _created = User.objects.get_or_create(
                username="sans-role", defaults={"email": "sans-role@example.org"}
            )
            User.objects.filter(pk=user.pk).update(role="")
            client.force_login(User.objects.get(pk=user.pk))
        elif username != ANONYMOUS:
            client.force_login(user_of(username))
        return client

    return make


@pytest.fixture
def expert(user_of):
    return user_of("expert")


@pytest.fixture
def campus(user_of):
    """A Paris campus of its own, directed by dir-ia (as well as dir-ia's demo campus)."""
    campus = h.fresh_campus(academy="paris")
    director = user_of("dir-ia")
    CampusDirector.objects.create(campus=campus, user=director, full_name="Direction test")
    return campus


@pytest.fixture
def draft(region, campus):
    return h.draft(region, campus)


@pytest.fixture
def complete(region, rectorate, draft):
    return h.complete(region, rectorate, draft)


@pytest.fixture
def deposited(region, rectorate, campus):
    return h.deposited(region, rectorate, campus)


@pytest.fixture
def admissible(region, deposited):
    return services.admit(region, deposited)


@pytest.fixture
def second_expert():
    return h.expert()


@pytest.fixture
def in_expertise(region, rectorate, campus, expert, second_expert):
    """The demo expert (rapporteur) and another one assigned, in expertise."""
    return h.in_expertise(region, rectorate, campus, [expert, second_expert])


@pytest.fixture
def navette(expert, in_expertise):
    return h.navette_round(expert, in_expertise)


@pytest.fixture
def answers_received(region, rectorate, navette):
    return h.answer_round(region, rectorate, navette)


@pytest.fixture
def assessed(expert, second_expert, in_expertise):
    """Both experts submitted their assessment."""
    for person in (expert, second_expert):
        h.assess_all(person, in_expertise)
    return in_expertise


@pytest.fixture
def consolidated(expert, assessed):
    h.consolidate_all(expert, assessed)
    return assessed


@pytest.fixture
def with_opinion(region, rectorate, campus, expert, second_expert):
    return h.with_opinion(region, rectorate, campus, [expert, second_expert])


def url(application, action=""):
    return f"{BASE}{application.pk}/{action + '/' if action else ''}"


def post(client, path, body=None):
    return client.post(path, body or {}, content_type="application/json")


def ids(response):
    return {row["id"] for row in response.json()["results"]}


def status_of(application):
    return LabelApplication.objects.get(pk=application.pk).status


def spaces(text):
    """French messages use no-break spaces: compare them with plain ones."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


# ======================================================================== reads: matrices


@role_params(codes(200))
def test_list_matrix(role, expected, api_of, draft):
    response = api_of(role).get(BASE)

    assert response.status_code == expected
    if expected == 200:
        assert (draft.pk in ids(response)) == (role in SEES_CAMPUS)


@role_params(READ)
def test_detail_matrix(role, expected, api_of, draft):
    response = api_of(role).get(url(draft))

    assert response.status_code == expected
    if expected == 200:
        body = response.json()
        assert body["campus"]["id"] == draft.campus_id
        assert body["status"] == "draft"


@role_params(READ_ASSIGNED)
def test_an_assigned_expert_reads_the_application(role, expected, api_of, in_expertise):
    client = api_of(role)
    listed = client.get(BASE)
    detail = client.get(url(in_expertise))

    assert detail.status_code == expected
    if listed.status_code == 200:
        assert (in_expertise.pk in ids(listed)) == (expected == 200)


def test_experts_see_only_the_applications_assigned_to_them(api_of, user_of, in_expertise):
    other = h.in_expertise(
        user_of("region"), user_of("rectorat-paris"), h.fresh_campus(), [h.expert(), h.expert()]
    )
    client = api_of("expert")

    listed = ids(client.get(BASE))
    assigned = LabelApplication.objects.filter(assignments__expert__username="expert")

    assert in_expertise.pk in listed and other.pk not in listed
    assert listed == set(assigned.values_list("pk", flat=True))  # the demo's own ones too
    assert client.get(url(other)).status_code == 404
    assert post(client, url(other, "assessment"), {"criterion": "2.1"}).status_code == 404


def test_a_role_without_business_and_the_expert_on_subsidies_get_403(api_of):
    nobody = api_of(NOBODY).get(BASE)
    assert nobody.status_code == 403
    assert nobody.json()["detail"]
    # Experts have no business in money (CONTRACT: an expert on `subsidies` gets 403).
    assert api_of("expert").get("/api/v1/subsidies/").status_code == 403
    assert api_of("expert").get(BASE).status_code == 200


def test_anonymous_gets_401(api_of, draft):
    client = api_of(ANONYMOUS)
    assert client.get(BASE).status_code == 401
    assert client.get(url(draft)).status_code == 401
    assert post(client, url(draft, "withdraw"), {"reason": "x"}).status_code == 401


@pytest.mark.parametrize("path", [f"{BASE}999999999/", f"{BASE}{'9' * 30}/"])
def test_unknown_or_huge_ids_are_404(path, api_of):
    assert api_of("region").get(path).status_code == 404


def test_lists_are_paginated(api_of, draft):
    body = api_of("region").get(BASE).json()
    assert list(body) == ["count", "next", "previous", "results"]


# ======================================================================= writes: matrices


@role_params(codes(403, {CARRIERS: 201, OTHER_ACADEMIES: 400}))
def test_create_matrix(role, expected, api_of, campus):
    session = h.session()
    body = {
        "campus": campus.pk,
        "kind": ApplicationKind.OBTAIN,
        "target_category": LabelCategory.EXCELLENCE,
        "session": session.pk,
    }

    response = post(api_of(role), BASE, body)

    assert response.status_code == expected, response.content
    created = LabelApplication.objects.filter(campus=campus)
    assert created.count() == (1 if expected == 201 else 0)
    if expected == 201:
        data = response.json()
        assert data["id"] == created.get().pk
        assert data["status"] == "draft"
        assert data["target_category"] == "excellence"
        assert data["session"]["id"] == session.pk
        assert data["criteria_version"] == "2019"
    if expected == 400:  # another academy's campus is an unknown choice for them
        assert list(response.json()) == ["campus"]


@role_params(BY_CARRIERS)
def test_deposit_matrix(role, expected, api_of, complete):
    response = post(api_of(role), url(complete, "deposit"))

    assert response.status_code == expected, response.content
    deposited = ApplicationStatus.SUBMITTED if expected == 200 else ApplicationStatus.DRAFT
    assert status_of(complete) == deposited
    if expected == 200:
        assert response.json()["status"] == "submitted"
        assert response.json()["status_label"] == "Déposée"


@role_params(BY_REGION)
def test_admit_matrix(role, expected, api_of, deposited):
    response = post(api_of(role), url(deposited, "admit"), {"reason": "Dossier complet"})

    assert response.status_code == expected, response.content
    admitted = ApplicationStatus.ADMISSIBLE if expected == 200 else ApplicationStatus.SUBMITTED
    assert status_of(deposited) == admitted


@role_params(BY_REGION)
def test_reject_matrix(role, expected, api_of, deposited):
    response = post(api_of(role), url(deposited, "reject"), {"reason": "Hors délai"})

    assert response.status_code == expected, response.content
    if expected == 200:
        assert response.json()["status"] == "inadmissible"
        assert response.json()["admissibility_reasons"] == "Hors délai"
    else:
        assert status_of(deposited) == ApplicationStatus.SUBMITTED


@role_params(BY_REGION)
def test_withdraw_matrix(role, expected, api_of, draft):
    response = post(api_of(role), url(draft, "withdraw"), {"reason": "Reportée"})

    assert response.status_code == expected, response.content
    withdrawn = ApplicationStatus.WITHDRAWN if expected == 200 else ApplicationStatus.DRAFT
    assert status_of(draft) == withdrawn


@role_params(BY_REGION)
def test_assign_matrix(role, expected, api_of, admissible, expert):
    response = post(api_of(role), url(admissible, "assign"), {"expert": expert.pk})

    assert response.status_code == expected, response.content
    assert admissible.assignments.filter(expert=expert).exists() == (expected == 200)
    if expected == 200:
        body = response.json()
        assert body["experts"] == [
            {"id": expert.pk, "name": str(expert), "rapporteur": True, "submitted_at": None}
        ]
        assert body["rapporteur"] == {"id": expert.pk, "name": str(expert)}


@role_params(BY_REGION)
def test_start_expertise_matrix(role, expected, api_of, region, admissible, second_expert):
    for person in (h.expert(), second_expert):
        services.assign_expert(region, admissible, person)

    response = post(api_of(role), url(admissible, "start-expertise"))

    assert response.status_code == expected, response.content
    started = ApplicationStatus.IN_EXPERTISE if expected == 200 else ApplicationStatus.ADMISSIBLE
    assert status_of(admissible) == started


@role_params(BY_EXPERTS)
def test_assessment_matrix(role, expected, api_of, expert, in_expertise):
    body = {"criterion": "2.1", "rating": Rating.PARTLY, "comment": "À préciser."}

    response = post(api_of(role), url(in_expertise, "assessment"), body)

    assert response.status_code == expected, response.content
    saved = CriterionAssessment.objects.filter(assignment__application=in_expertise)
    assert saved.count() == (1 if expected == 200 else 0)
    if expected == 200:
        (row,) = response.json()["assessments"]
        assert row["expert"]["id"] == expert.pk
        assert (row["criterion"], row["rating"], row["submitted"]) == ("2.1", "partly", False)
        assert row["rating_label"] == "Partiellement atteint"


@role_params(BY_EXPERTS)
def test_submit_assessment_matrix(role, expected, api_of, expert, in_expertise):
    h.assess_all(expert, in_expertise, submit=False)

    response = post(
        api_of(role), url(in_expertise, "submit-assessment"), {"overall_comment": "Solide."}
    )

    assert response.status_code == expected, response.content
    own = in_expertise.assignments.get(expert=expert)
    assert (own.submitted_at is not None) == (expected == 200)


@role_params(NAVETTE)
def test_navette_matrix(role, expected, api_of, in_expertise):
    body = {
        "recommendations": [
            {"criterion": "2.1", "text": "Précisez le diagnostic."},
            {"criterion": "2.4", "text": "Détaillez les partenariats."},
        ],
        "answers_due_on": (TODAY + timedelta(days=30)).isoformat(),
    }

    response = post(api_of(role), url(in_expertise, "navette"), body)

    assert response.status_code == expected, response.content
    assert in_expertise.rounds.count() == (1 if expected == 200 else 0)
    if expected == 200:
        data = response.json()
        assert data["status"] == "navette"
        (round_,) = data["navettes"]
        assert round_["number"] == 1
        assert [(r["number"], r["criterion"]) for r in round_["recommendations"]] == [
            (1, "2.1"),
            (2, "2.4"),
        ]


@role_params(ANSWER)
def test_answer_matrix(role, expected, api_of, navette):
    recommendation = navette.recommendations.get()

    response = post(
        api_of(role),
        url(navette.application, "answer"),
        {"recommendation": recommendation.pk, "answer": "Le diagnostic est en annexe 3."},
    )

    assert response.status_code == expected, response.content
    recommendation.refresh_from_db()
    assert (recommendation.answer == "Le diagnostic est en annexe 3.") == (expected == 200)


@role_params(BY_CARRIERS)
def test_send_answers_matrix(role, expected, api_of, region, navette):
    for recommendation in navette.recommendations.all():
        services.answer_recommendation(region, recommendation, answer="Réponse.")

    response = post(api_of(role), url(navette.application, "send-answers"), {"round": navette.pk})

    assert response.status_code == expected, response.content
    received = ApplicationStatus.ANSWERS_RECEIVED if expected == 200 else ApplicationStatus.NAVETTE
    assert status_of(navette.application) == received


@role_params(BY_EXPERTS)
def test_mark_matrix(role, expected, api_of, answers_received):
    recommendation = answers_received.recommendations.get()

    response = post(
        api_of(role),
        url(answers_received.application, "mark"),
        {"recommendation": recommendation.pk, "treatment": "partly", "comment": "En partie."},
    )

    assert response.status_code == expected, response.content
    recommendation.refresh_from_db()
    assert recommendation.treatment == ("partly" if expected == 200 else "")
    if expected == 200:
        (round_,) = response.json()["navettes"]
        assert round_["recommendations"][0]["treatment_label"] == "Partiellement prise en compte"
        assert round_["reviewed_on"] == TODAY.isoformat()


@role_params(BY_EXPERTS)
def test_consolidate_matrix(role, expected, api_of, assessed):
    body = {"criterion": "2.2", "rating": "met", "comment": "Atteint pour le groupe."}

    response = post(api_of(role), url(assessed, "consolidate"), body)

    assert response.status_code == expected, response.content
    assert assessed.consolidated.count() == (1 if expected == 200 else 0)
    if expected == 200:
        (row,) = response.json()["consolidated"]
        assert (row["criterion"], row["rating"], row["rating_label"]) == ("2.2", "met", "Atteint")


@role_params(BY_EXPERTS)
def test_opinion_matrix(role, expected, api_of, consolidated):
    body = {"opinion": "reserved", "text": "Favorable sous réserve du plan d'actions."}

    response = post(api_of(role), url(consolidated, "opinion"), body)

    assert response.status_code == expected, response.content
    opinion = ApplicationStatus.OPINION if expected == 200 else ApplicationStatus.IN_EXPERTISE
    assert status_of(consolidated) == opinion
    if expected == 200:
        assert response.json()["group_opinion"] == {
            "opinion": "reserved",
            "opinion_label": "Favorable avec réserves",
            "text": "Favorable sous réserve du plan d'actions.",
            "given_on": TODAY.isoformat(),
        }


def _decision(**changes):
    return {
        "decision": "labelled",
        "decision_date": YESTERDAY.isoformat(),
        "decision_reference": "NOR MENE2400001A",
        "label_start": TODAY.isoformat(),
        "label_end": add_years(TODAY, 5).isoformat(),
        **changes,
    }


@role_params(BY_REGION)
def test_decide_matrix(role, expected, api_of, with_opinion):
    response = post(api_of(role), url(with_opinion, "decide"), _decision())

    assert response.status_code == expected, response.content
    periods = LabelPeriod.objects.filter(campus=with_opinion.campus)
    assert periods.count() == (1 if expected == 200 else 0)
    if expected == 200:
        decision = response.json()["decision"]
        assert decision["decision"] == "labelled"
        assert decision["decision_reference"] == "NOR MENE2400001A"
        assert decision["label_period"] == periods.get().pk
        assert response.json()["available_actions"] == []


def test_a_second_expert_who_is_not_rapporteur_may_not_conclude(second_expert, consolidated):
    client = Client()
    client.force_login(second_expert)
    body = {"opinion": "favourable", "text": "Favorable."}

    response = post(client, url(consolidated, "opinion"), body)

    assert response.status_code == 403
    assert "rapporteur" in response.json()["detail"]


def test_a_refused_role_reads_the_workflows_reason(api_of, deposited):
    response = post(api_of("rectorat-paris"), url(deposited, "admit"))

    assert response.status_code == 403
    assert response.json()["detail"] == (
        "Seuls les services de la Région, pour la mission nationale, font cette étape."
    )


# ======================================================================= state conflicts


@pytest.mark.parametrize(
    ("fixture", "action", "body"),
    [
        ("draft", "admit", {}),
        ("deposited", "deposit", {}),
        ("deposited", "start-expertise", {}),
        ("in_expertise", "decide", _decision()),
        ("navette", "navette", {"recommendations": [{"criterion": "2.1", "text": "Encore."}]}),
        ("with_opinion", "admit", {}),
        ("with_opinion", "assessment", {"criterion": "2.1", "rating": "met"}),
    ],
)
def test_wrong_state_is_409(fixture, action, body, api_of, request):
    subject = request.getfixturevalue(fixture)
    application = getattr(subject, "application", None) or subject
    client = api_of("expert" if action in ("assessment", "navette") else "region")
    before = status_of(application)

    response = post(client, url(application, action), body)

    assert response.status_code == 409, response.content
    assert response.json()["detail"]
    assert status_of(application) == before


def test_marking_before_the_answers_are_sent_is_409(api_of, navette):
    recommendation = navette.recommendations.get()

    response = post(
        api_of("expert"),
        url(navette.application, "mark"),
        {"recommendation": recommendation.pk, "treatment": "addressed"},
    )

    assert response.status_code == 409
    assert spaces(response.json()["detail"]) == "Les réponses ne sont pas encore reçues."


def test_submitting_twice_is_409(api_of, expert, in_expertise):
    h.assess_all(expert, in_expertise)

    response = post(api_of("expert"), url(in_expertise, "submit-assessment"))

    assert response.status_code == 409
    assert "déjà transmise" in response.json()["detail"]


# ========================================================================== bad input: 400


def test_deposit_of_an_incomplete_draft_lists_what_is_missing(api_of, draft):
    response = post(api_of("region"), url(draft, "deposit"))

    assert response.status_code == 400
    assert {"region_signed_on", "rector_signed_on", "caen_opinion", "dossier"} <= set(
        response.json()
    )
    assert status_of(draft) == ApplicationStatus.DRAFT


@pytest.mark.parametrize(
    ("fixture", "action", "role", "body", "field"),
    [
        ("deposited", "reject", "region", {}, "reason"),
        ("draft", "withdraw", "region", {"reason": "  "}, "reason"),
        ("admissible", "assign", "region", {"expert": 999999999}, "expert"),
        ("admissible", "assign", "region", {}, "expert"),
        ("admissible", "start-expertise", "region", {}, "expert"),
        ("in_expertise", "assessment", "expert", {"criterion": "9.9"}, "criterion"),
        ("in_expertise", "assessment", "expert", {"criterion": "2.1", "rating": "top"}, "rating"),
        ("in_expertise", "submit-assessment", "expert", {}, "assessments"),
        ("in_expertise", "navette", "expert", {"recommendations": []}, "recommendations"),
        (
            "in_expertise",
            "navette",
            "expert",
            {
                "recommendations": [{"criterion": "2.1", "text": "x"}],
                "answers_due_on": "2001-01-01",
            },
            "answers_due_on",
        ),
        (
            "navette",
            "answer",
            "dir-ia",
            {"recommendation": 999999999, "answer": "x"},
            "recommendation",
        ),
        ("navette", "send-answers", "region", {"round": 999999999}, "round"),
        ("answers_received", "mark", "expert", {"treatment": "addressed"}, "recommendation"),
        ("assessed", "consolidate", "expert", {"criterion": "2.1"}, "rating"),
        ("consolidated", "opinion", "expert", {"opinion": "favourable", "text": ""}, "text"),
        ("consolidated", "opinion", "expert", {"opinion": "bof", "text": "x"}, "opinion"),
        ("with_opinion", "decide", "region", _decision(label_end=None), "label_end"),
        (
            "with_opinion",
            "decide",
            "region",
            _decision(decision_reference=""),
            "decision_reference",
        ),
        ("with_opinion", "decide", "region", _decision(decision="maybe"), "decision"),
    ],
)
def test_bad_input_is_400_on_the_field(fixture, action, role, body, field, api_of, request):
    subject = request.getfixturevalue(fixture)
    application = getattr(subject, "application", None) or subject
    before = status_of(application)

    response = post(api_of(role), url(application, action), body)

    assert response.status_code == 400, response.content
    assert field in response.json(), response.json()
    assert all(isinstance(message, str) for message in response.json()[field])
    assert status_of(application) == before


def test_validation_messages_are_french(api_of, deposited):
    response = post(api_of("region"), url(deposited, "reject"))
    assert response.json() == {"reason": ["Indiquez les motifs de l'irrecevabilité."]}


def test_an_answer_to_another_applications_recommendation_is_400(
    api_of, region, rectorate, navette
):
    other_navette = h.navette_round(
        region, h.in_expertise(region, rectorate, h.fresh_campus(), [h.expert(), h.expert()])
    )
    foreign = other_navette.recommendations.get()

    response = post(
        api_of("region"),
        url(navette.application, "answer"),
        {"recommendation": foreign.pk, "answer": "Réponse."},
    )

    assert response.status_code == 400
    assert list(response.json()) == ["recommendation"]
    foreign.refresh_from_db()
    assert foreign.answer == ""


def test_create_validation(api_of, campus, draft):
    client = api_of("region")
    bad = post(client, BASE, {"campus": campus.pk, "kind": "buy", "target_category": "cmq"})
    assert bad.status_code == 400
    assert set(bad.json()) == {"kind"}
    # One application in progress per campus.
    again = post(client, BASE, {"campus": campus.pk, "kind": "obtain", "target_category": "cmq"})
    assert again.status_code == 400
    assert list(again.json()) == ["campus"]


def test_status_is_not_writable(api_of, draft):
    client = api_of("region")
    assert (
        client.patch(url(draft), {"status": "decided"}, content_type="application/json").status_code
        == 405
    )
    assert client.delete(url(draft)).status_code == 405
    assert status_of(draft) == ApplicationStatus.DRAFT


# ============================================================ hidden individual assessments


def test_an_expert_reads_the_others_assessments_once_theirs_is_submitted(
    api_of, user_of, expert, second_expert, in_expertise
):
    h.assess_all(second_expert, in_expertise)  # submitted
    client = api_of("expert")

    def experts_seen():
        rows = client.get(url(in_expertise)).json()["assessments"]
        return {row["expert"]["id"] for row in rows}, len(rows)

    assert experts_seen() == (set(), 0)  # nothing of B's before A has begun
    post(client, url(in_expertise, "assessment"), {"criterion": "2.1", "rating": "met"})
    assert experts_seen() == ({expert.pk}, 1)  # A's own draft only

    h.assess_all(expert, in_expertise, submit=False)
    assert post(client, url(in_expertise, "submit-assessment")).status_code == 200

    count = len(h.criteria())
    assert experts_seen() == ({expert.pk, second_expert.pk}, 2 * count)


def test_a_draft_assessment_stays_hidden_from_the_others(
    api_of, expert, second_expert, in_expertise
):
    h.assess_all(expert, in_expertise)  # A submitted
    h.assess_all(second_expert, in_expertise, submit=False)  # B's draft

    seen = {
        r["expert"]["id"] for r in api_of("expert").get(url(in_expertise)).json()["assessments"]
    }
    regional = api_of("region").get(url(in_expertise)).json()["assessments"]
    carriers = api_of("dir-ia").get(url(in_expertise)).json()["assessments"]

    assert seen == {expert.pk}
    assert {row["expert"]["id"] for row in regional} == {expert.pk}  # the submitted ones
    assert all(row["submitted"] for row in regional)
    assert carriers == []  # the carriers read the group's opinion, not these


# ========================================================================= detail and actions


def test_detail_carries_the_dossier(api_of, region, rectorate, campus):
    application = h.complete(region, rectorate, h.draft(region, campus))
    services.add_annex(region, application, title="Lettres de soutien", upload=h.pdf_upload(3))

    body = api_of("dir-ia").get(url(application)).json()

    assert body["campus"] == {"id": campus.pk, "name": campus.name, "short_name": campus.short_name}
    assert (body["kind"], body["kind_label"]) == ("obtain", "Obtention du label")
    assert body["signatures"] == {
        "region": {"signatory": "La présidente", "signed_on": YESTERDAY.isoformat()},
        "rector": {"signatory": "Le recteur", "signed_on": YESTERDAY.isoformat()},
        "complete": True,
    }
    assert [(o["body"], o["opinion"]) for o in body["opinions"]] == [
        ("caen", "favourable"),
        ("crefop", "favourable"),
    ]
    assert (body["has_dossier"], body["dossier_pages"]) == (True, 10)
    assert body["annexes"] == [{"number": 1, "title": "Lettres de soutien", "pages": 3}]
    numbers = [criterion.number for criterion in h.criteria()]
    assert [p["criterion"] for p in body["presentations"]] == numbers
    assert body["presentations"][0]["text"] == "Présentation du critère 2.1."
    assert body["group_opinion"] is None and body["decision"] is None
    assert body["navettes"] == [] and body["rapporteur"] is None


def test_available_actions_follow_the_workflow(api_of, region, rectorate, expert, complete):
    in_expertise = h.in_expertise(region, rectorate, h.fresh_campus(), [expert, h.expert()])
    assert api_of("region").get(url(complete)).json()["available_actions"] == [
        "deposit",
        "withdraw",
    ]
    assert api_of("rectorat-paris").get(url(complete)).json()["available_actions"] == ["deposit"]
    assert api_of("dir-ia").get(url(complete)).json()["available_actions"] == []
    expert_actions = api_of("expert").get(url(in_expertise)).json()["available_actions"]
    assert expert_actions == [
        "assessment",
        "submit-assessment",
        "navette",
        "consolidate",
        "opinion",
    ]
    assert api_of("region").get(url(in_expertise)).json()["available_actions"] == [
        "withdraw",
        "assign",
        "navette",
    ]


# =========================================================================== the circuit


def test_the_whole_circuit_through_the_api(api_of, user_of, region, rectorate, campus):
    regional, rectorat, director = api_of("region"), api_of("rectorat-paris"), api_of("dir-ia")
    expert_a, expert_b = user_of("expert"), h.expert()
    client_a, client_b = api_of("expert"), Client()
    client_b.force_login(expert_b)

    created = post(
        rectorat,
        BASE,
        {"campus": campus.pk, "kind": "obtain", "target_category": "excellence"},
    )
    assert created.status_code == 201, created.content
    application = LabelApplication.objects.get(pk=created.json()["id"])
    # The dossier is prepared on the pages (uploads, signatures): through the services here.
    h.complete(region, rectorate, application)

    def act(client, action, body=None, expected=200):
        response = post(client, url(application, action), body)
        assert response.status_code == expected, (action, response.content)
        return response.json()

    assert act(rectorat, "deposit")["status"] == "submitted"
    assert act(regional, "admit")["status"] == "admissible"
    act(regional, "assign", {"expert": expert_a.pk})
    act(regional, "assign", {"expert": expert_b.pk})
    assert act(regional, "start-expertise")["status"] == "in_expertise"

    for client in (client_a, client_b):
        for criterion in h.criteria():
            act(
                client,
                "assessment",
                {
                    "criterion": criterion.number,
                    "rating": "met",
                    "comment": "Bien.",
                    "excellence_rating": "met" if criterion.excellence else "",
                },
            )
        submitted = act(client, "submit-assessment", {"overall_comment": "Bon dossier."})
    assert {row["submitted_at"] is not None for row in submitted["experts"]} == {True}

    sent = act(
        client_a, "navette", {"recommendations": [{"criterion": "2.3", "text": "Chiffrez."}]}
    )
    assert sent["status"] == "navette"
    (round_,) = sent["navettes"]
    recommendation = round_["recommendations"][0]["id"]
    act(director, "answer", {"recommendation": recommendation, "answer": "Chiffres en annexe."})
    assert act(rectorat, "send-answers", {"round": round_["id"]})["status"] == "answers_received"
    act(client_b, "mark", {"recommendation": recommendation, "treatment": "addressed"})

    for criterion in h.criteria():
        act(
            client_a,
            "consolidate",
            {
                "criterion": criterion.number,
                "rating": "met",
                "excellence_rating": "met" if criterion.excellence else "",
            },
        )
    concluded = act(client_a, "opinion", {"opinion": "favourable", "text": "Avis favorable."})
    assert concluded["status"] == "opinion"

    decided = act(regional, "decide", _decision())
    assert decided["status"] == "decided"
    period = LabelPeriod.objects.get(campus=campus)
    assert (period.category, period.start) == (LabelCategory.EXCELLENCE, TODAY)
    assert decided["decision"]["label_period"] == period.pk
    statuses = [change["to_status"] for change in decided["history"]]
    assert statuses == [
        "submitted",
        "admissible",
        "in_expertise",
        "navette",
        "answers_received",
        "opinion",
        "decided",
    ]
    # The director reads the group's ratings and the navettes, not the individual assessments.
    seen = director.get(url(application)).json()
    assert seen["assessments"] == [] and len(seen["consolidated"]) == len(h.criteria())
    assert seen["navettes"][0]["recommendations"][0]["answer"] == "Chiffres en annexe."


# ================================================================================ filters


def test_filters(api_of, region, rectorate, user_of):
    campus_a, campus_b = h.fresh_campus(), h.fresh_campus(academy="versailles")
    first = h.draft(region, campus_a, target=LabelCategory.EXCELLENCE)
    second = h.deposited(region, rectorate, campus_b, kind=ApplicationKind.RENEW)
    client = api_of("region")

    def found(**params):
        return ids(client.get(BASE, params)) & {first.pk, second.pk}

    assert found(campus=campus_a.pk) == {first.pk}
    assert found(session=second.session_id) == {second.pk}
    assert found(status="submitted") == {second.pk}
    assert found(category="excellence") == {first.pk}
    assert found(kind="renew") == {second.pk}
    assert found(kind="obtain", status="draft") == {first.pk}
    assert found() == {first.pk, second.pk}


@pytest.mark.parametrize(
    "params", [{"status": "nope"}, {"campus": "abc"}, {"campus": "9" * 30}, {"kind": "x"}]
)
def test_invalid_filter_is_400(params, api_of):
    response = api_of("region").get(BASE, params)
    assert response.status_code == 400
    assert list(response.json()) == list(params)


def test_a_filter_stays_inside_the_scope(api_of, region, draft):
    elsewhere = h.draft(region, h.fresh_campus(academy="creteil"))

    response = api_of("rectorat-paris").get(BASE, {"campus": elsewhere.campus_id})
    versailles = api_of("rectorat-versailles").get(BASE, {"campus": draft.campus_id})

    assert response.status_code == 200  # rectorat-paris is the région académique: all
    assert ids(response) == {elsewhere.pk}
    assert versailles.status_code == 400  # a campus it may not see is no choice
    assert list(versailles.json()) == ["campus"]


# ============================================================================ query counts


def _count(client, params=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(BASE, params or {})
    assert response.status_code == 200, response.content
    return len(queries), response.json()["count"]


@pytest.mark.parametrize("role", ["region", "rectorat-paris", "expert"])
def test_the_list_query_count_does_not_grow_with_rows(role, api_of, user_of, region, rectorate):
    expert = user_of("expert")
    client = api_of(role)

    def build(count):
        for _index in range(count):
            h.in_expertise(region, rectorate, h.fresh_campus(), [expert, h.expert()])

    build(2)
    few = _count(client)
    build(4)
    many = _count(client)

    assert many[1] == few[1] + 4  # more rows…
    assert many[0] == few[0]  # …same number of queries


def test_the_detail_query_count_does_not_grow_with_rounds(
    api_of, region, rectorate, expert, in_expertise
):
    def count():
        with CaptureQueriesContext(connection) as queries:
            response = api_of("region").get(url(in_expertise))
        assert response.status_code == 200
        return len(queries)

    navette = h.navette_round(expert, in_expertise)
    h.answer_round(region, rectorate, navette, marker=expert)
    one = count()
    navette = h.navette_round(expert, in_expertise, texts=(("2.2", "A"), ("2.5", "B")))
    h.answer_round(region, rectorate, navette, marker=expert)

    assert count() == one


# ================================================================================ schema


def test_the_schema_documents_the_collection_and_its_actions():
    document = Client().get("/api/schema/", {"format": "json"}).json()
    paths = document["paths"]
    assert "post" in paths[BASE] and "get" in paths[f"{BASE}{{id}}/"]
    for action in [
        "deposit",
        "admit",
        "reject",
        "withdraw",
        "start-expertise",
        "assign",
        "assessment",
        "submit-assessment",
        "navette",
        "answer",
        "send-answers",
        "mark",
        "consolidate",
        "opinion",
        "decide",
    ]:
        operation = paths[f"{BASE}{{id}}/{action}/"]["post"]
        reference = operation["responses"]["200"]["content"]["application/json"]["schema"]
        assert reference["$ref"].endswith("/LabelApplicationDetail"), action
    detail = document["components"]["schemas"]["LabelApplicationDetail"]["properties"]
    assert {"assessments", "navettes", "available_actions", "consolidated", "decision"} <= set(
        detail
    )


def test_assigning_once_the_opinion_is_given_is_409(api_of, with_opinion):
    response = post(api_of("region"), url(with_opinion, "assign"), {"expert": h.expert().pk})

    assert response.status_code == 409
    assert "ne se désignent plus" in spaces(response.json()["detail"])
