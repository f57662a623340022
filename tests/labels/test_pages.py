"""The labelling's pages, driven as the people who use them would (Django's test client):
regional staff and the rectorate prepare and deposit an application, the Region rules on it
and assigns the experts, the experts assess and send a navette, the carriers answer, the
rapporteur concludes, the Region records the decision and the campus shows its new label.
Bad input answers with French messages next to the fields and changes nothing."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from campuses.models import Campus, LabelStatus
from labels.models import (
    ApplicationStatus,
    Criterion,
    CriterionPresentation,
    LabelApplication,
    Recommendation,
)
from labels.services.applications import version_in_force
from tests.labels import helpers as h

pytestmark = pytest.mark.django_db


def _post(client, name, *args, data=None, files=None, follow=False, **extra):
    payload = dict(data or {})
    payload.update(files or {})
    return client.post(reverse(name, args=args), payload, follow=follow, **extra)


def _criteria():
    return list(Criterion.objects.filter(version=version_in_force()).order_by("position"))


def _assessment_data(rating="met", excellence=False, submit=False):
    data = {}
    for criterion in _criteria():
        prefix = f"c{criterion.position}"
        data[f"{prefix}-rating"] = rating
        data[f"{prefix}-comment"] = f"Commentaire {criterion.number}"
        data[f"{prefix}-recommendations"] = ""
        if excellence and criterion.excellence:
            data[f"{prefix}-excellence_rating"] = rating
    data["overall_comment"] = "Un bon dossier."
    data["submit" if submit else "save"] = "1"
    return data


def test_a_whole_application_through_the_pages(client_of, user_of, mailoutbox):
    region, paris = client_of("region"), client_of("rectorat-paris")
    campus = h.fresh_campus("paris")
    session = h.session()

    # Regional staff create it.
    response = _post(
        region,
        "labels:create",
        data={
            "campus": campus.pk,
            "kind": "obtain",
            "target_category": "cmq",
            "session": session.pk,
            "summary": "Un campus du numérique.",
        },
    )
    application = LabelApplication.objects.get(campus=campus)
    assert response.url == reverse("labels:detail", args=[application.pk])
    page = region.get(response.url).content.decode()
    assert "Brouillon" in page and "Critères non présentés" in page

    # The rectorate presents the criteria (the autosave asks for JSON).
    for criterion in _criteria():
        answer = paris.post(
            reverse("labels:presentation", args=[application.pk, criterion.number]),
            {"text": f"Notre démarche pour {criterion.number}.", "version": "0"},
            HTTP_ACCEPT="application/json",
        )
        assert answer.status_code == 200, answer.content
        assert answer.json()["version"] == 1
    # A second editor starting from the old version gets a conflict, nothing is overwritten.
    stale = region.post(
        reverse("labels:presentation", args=[application.pk, "2.1"]),
        {"text": "Texte concurrent", "version": "0"},
        HTTP_ACCEPT="application/json",
    )
    assert stale.status_code == 409
    assert "modifié la présentation" in stale.json()["error"]
    assert CriterionPresentation.objects.get(
        application=application, criterion__number="2.1"
    ).text.startswith("Notre démarche")

    # Signatures, opinions, dossier.
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    assert (
        _post(
            region,
            "labels:sign",
            application.pk,
            "region",
            data={"signatory": "La présidente", "signed_on": yesterday},
        ).status_code
        == 302
    )
    assert (
        _post(
            paris,
            "labels:sign",
            application.pk,
            "recteur",
            data={"signatory": "Le recteur", "signed_on": yesterday},
        ).status_code
        == 302
    )
    for body in ("caen", "crefop"):
        response = _post(
            region,
            "labels:opinion",
            application.pk,
            body,
            data={"given_on": yesterday, "opinion": "favourable", "note": ""},
        )
        assert response.status_code == 302
    too_long = _post(region, "labels:dossier", application.pk, files={"file": h.pdf_upload(21)})
    assert too_long.status_code == 200
    assert "Le dossier compte 21 pages" in too_long.content.decode()
    response = _post(region, "labels:dossier", application.pk, files={"file": h.pdf_upload(12)})
    assert response.status_code == 302
    response = _post(
        region,
        "labels:annex_add",
        application.pk,
        data={"title": "Conventions de partenariat"},
        files={"file": h.pdf_upload(69)},
    )
    assert "dépasseraient 80 pages" in response.content.decode()
    _post(
        region,
        "labels:annex_add",
        application.pk,
        data={"title": "Conventions de partenariat"},
        files={"file": h.pdf_upload(30)},
    )
    assert application.annexes.count() == 1

    # Deposit, admissibility, experts.
    _post(paris, "labels:deposit", application.pk)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    _post(region, "labels:admit", application.pk, data={"reason": ""})
    expert, second = user_of("expert"), h.expert()
    for person, rapporteur in ((expert, "on"), (second, "")):
        response = _post(
            region,
            "labels:experts",
            application.pk,
            data={"expert": person.pk, "rapporteur": rapporteur},
        )
        assert response.status_code == 302
    _post(region, "labels:start_expertise", application.pk)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.IN_EXPERTISE
    assert application.rapporteur == expert

    # The expert's home lists it, waiting for their assessment.
    expert_client = client_of("expert")
    home = expert_client.get(reverse("home")).content.decode()
    assert campus.short_name in home and "Votre évaluation des critères" in home

    # Both experts assess; the first cannot see the second's before submitting.
    second_client = h.client_for(second)
    _post(second_client, "labels:assessment", application.pk, data=_assessment_data(submit=True))
    own = expert_client.get(reverse("labels:assessment", args=[application.pk])).content.decode()
    assert "Commentaire 2.1" not in own.split('id="others-hidden"')[0].split("</form>")[-1]
    assert 'id="others-hidden"' in own
    _post(expert_client, "labels:assessment", application.pk, data=_assessment_data(submit=True))
    own = expert_client.get(reverse("labels:assessment", args=[application.pk])).content.decode()
    assert 'id="others"' in own

    # A navette: one recommendation on 2.3; the director answers, the carriers send.
    response = _post(
        expert_client,
        "labels:navette_new",
        "candidature",
        application.pk,
        data={
            "r-TOTAL_FORMS": "2",
            "r-INITIAL_FORMS": "0",
            "r-MIN_NUM_FORMS": "0",
            "r-MAX_NUM_FORMS": "50",
            "r-0-criterion": "2.3",
            "r-0-text": "Précisez la gouvernance.",
            "r-1-criterion": "2.1",
            "r-1-text": "",
        },
    )
    assert response.status_code == 302
    recommendation = Recommendation.objects.get(round__application=application)
    director = h.director(campus)
    director_client = h.client_for(director)
    _post(
        director_client,
        "labels:answer",
        recommendation.pk,
        data={"answer": "Un COPIL trimestriel."},
    )
    _post(paris, "labels:send_answers", recommendation.round_id)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.ANSWERS_RECEIVED
    _post(
        expert_client,
        "labels:mark",
        recommendation.pk,
        data={"treatment": "addressed", "comment": ""},
    )
    page = region.get(reverse("labels:detail", args=[application.pk])).content.decode()
    assert "Précisez la gouvernance." in page and "Un COPIL trimestriel." in page

    # The rapporteur concludes.
    data = {}
    for criterion in _criteria():
        data[f"c{criterion.position}-rating"] = "met"
        data[f"c{criterion.position}-comment"] = "Atteint."
    data.update({"opinion": "favourable", "text": "Le groupe est favorable.", "conclude": "1"})
    response = _post(expert_client, "labels:consolidation", application.pk, data=data)
    assert response.status_code == 302, response.content.decode()[:2000]
    application.refresh_from_db()
    assert application.status == ApplicationStatus.OPINION

    # The decision, refused without the arrêté's reference, then recorded.
    start = timezone.localdate()
    decision = {
        "decision": "probationary",
        "decision_date": start.isoformat(),
        "decision_reference": "",
        "label_start": start.isoformat(),
        "label_end": "",
    }
    refused = _post(region, "labels:decide", application.pk, data=decision)
    text = refused.content.decode()
    assert "référence de l&#x27;arrêté" in text and "indiquez sa fin" in text
    application.refresh_from_db()
    assert application.status == ApplicationStatus.OPINION
    decision.update(
        decision_reference="NOR ESRS2600001A",
        label_end=(start.replace(year=start.year + 3) - timedelta(days=1)).isoformat(),
    )
    assert _post(region, "labels:decide", application.pk, data=decision).status_code == 302
    state = Campus.objects.with_label_state().get(pk=campus.pk)
    assert state.label_status == LabelStatus.PROBATIONARY
    page = region.get(reverse("campuses:detail", args=[campus.pk])).content.decode()
    assert "Rapport d&#x27;étape" in page
    assert "Rétroplanning du renouvellement" in page


def test_the_list_filters_and_the_expert_sees_only_what_is_assigned(client_of, user_of):
    region = user_of("region")
    paris = user_of("rectorat-paris")
    mine = h.in_expertise(region, paris, h.fresh_campus("paris"), [user_of("expert"), h.expert()])
    other = h.deposited(region, paris, h.fresh_campus("creteil"))
    expert_list = client_of("expert").get(reverse("labels:list")).content.decode()
    assert mine.campus.short_name in expert_list
    assert other.campus.short_name not in expert_list  # not even among the filter's choices
    assert client_of("expert").get(reverse("labels:detail", args=[other.pk])).status_code == 404
    filtered = client_of("region").get(reverse("labels:list"), {"status": "submitted"})
    table = filtered.content.decode().split('id="application-table"')[1]
    assert other.campus.short_name in table
    assert mine.campus.short_name not in table
    bad = client_of("region").get(reverse("labels:list"), {"campus": "99999999999999999999"})
    assert bad.status_code == 200 and "Les filtres contiennent des erreurs" in bad.content.decode()


def test_the_list_query_count_is_flat(client_of, user_of, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    region, paris = user_of("region"), user_of("rectorat-paris")
    client = client_of("region")
    h.deposited(region, paris, h.fresh_campus("paris"))
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse("labels:list")).status_code == 200
    for _index in range(4):
        h.in_expertise(region, paris, h.fresh_campus("paris"), [user_of("expert"), h.expert()])
    with CaptureQueriesContext(connection) as many:
        assert client.get(reverse("labels:list")).status_code == 200
    assert len(many) == len(few)


def test_sessions_and_calendar_pages(client_of, user_of):
    region, paris = user_of("region"), user_of("rectorat-paris")
    experts = [user_of("expert"), h.expert()]
    application = h.in_expertise(region, paris, h.fresh_campus("paris"), experts)
    for person in experts:
        h.assess_all(person, application)
    h.consolidate_all(experts[0], application, rating="partly")
    page = client_of("region").get(reverse("labels:sessions")).content.decode()
    assert 'id="chart-partly-met"' in page and "2.11" in page
    calendar = client_of("rectorat-paris").get(reverse("labels:calendar"))
    assert calendar.status_code == 200
    assert "Dépôt pour la session d&#x27;expertise" in calendar.content.decode()
    assert client_of("dir-ia").get(reverse("labels:calendar")).status_code == 403
    assert client_of("expert").get(reverse("labels:sessions")).status_code == 403


def test_an_expert_declares_interests_and_cannot_then_be_assigned(client_of, user_of):
    region, paris = user_of("region"), user_of("rectorat-paris")
    support = h.organisation("Lycée support de test")
    campus = h.fresh_campus("paris", support=support)
    application = h.deposited(region, paris, campus)
    from labels import services

    services.admit(region, application)
    expert = client_of("expert")
    response = expert.post(
        reverse("labels:interests"),
        {"a-organisation": support.pk, "a-relation": "works_for", "affiliation": "1"},
    )
    assert response.status_code == 302
    page = client_of("region").get(reverse("labels:experts", args=[application.pk])).content
    assert "établissement support du campus" in page.decode()
    refused = client_of("region").post(
        reverse("labels:experts", args=[application.pk]), {"expert": user_of("expert").pk}
    )
    assert refused.status_code == 200
    assert "ne peut pas être désigné" in refused.content.decode()
    assert not application.assignments.exists()


def test_the_admin_shows_the_labelling_read_only(client_of, user_of):
    application = h.deposited(user_of("region"), user_of("rectorat-paris"), h.fresh_campus())
    admin = client_of("admin")
    assert admin.get(reverse("admin:labels_labelapplication_changelist")).status_code == 200
    change = admin.get(reverse("admin:labels_labelapplication_change", args=[application.pk]))
    assert change.status_code == 200
    assert "Enregistrer" not in change.content.decode()  # no save button: the services write
    assert admin.get(reverse("admin:labels_labelapplication_add")).status_code == 403
    assert admin.get(reverse("admin:labels_criteriaversion_changelist")).status_code == 200
