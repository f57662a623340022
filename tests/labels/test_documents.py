"""PDFs of a label application, generated through the documents kernel: the « fiche de
candidature », the expert group's report and the notification of the decision; what each
prints, when it exists, and who may ask for it."""

import io
import json
import re
from datetime import date

import pytest
from django.utils import timezone
from django.utils.text import slugify
from pypdf import PdfReader

from campuses.models import CampusDirector, LabelCategory
from core.errors import ConflictError, PermissionDeniedError
from core.roles import Role
from documents import services as document_services
from documents.models import DocumentStatus
from labels import documents, services
from labels.documents.types import TYPES
from labels.models import (
    Decision,
    LabelDocument,
    LabelDocumentKind,
    Rating,
    Treatment,
)
from tests.labels import helpers as h

pytestmark = pytest.mark.django_db

COVER = LabelDocumentKind.COVER_SHEET
REPORT = LabelDocumentKind.ASSESSMENT_REPORT
NOTICE = LabelDocumentKind.DECISION_NOTICE
ARRETE = "NOR ESRS2630042A"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


# ---------------------------------------------------------------- reading the PDFs


def normalised(text):
    """Spaces normalised: no-break spaces, line breaks (also after hyphens)."""
    text = text.replace("\u202f", " ").replace("\xa0", " ")
    text = re.sub(r"-\s*\n\s*", "-", text)
    return re.sub(r"\s+", " ", text)


def pdf_text(document):
    with document.file.open("rb") as stored:
        reader = PdfReader(io.BytesIO(stored.read()))
    # Each page's foot (« page 1 / 2 ») is left out: a paragraph may run over two pages.
    text = normalised("\n".join(page.extract_text() for page in reader.pages))
    return re.sub(r" ?page \d+ / \d+", "", text)


def request(actor, django_capture_on_commit_callbacks, kind, application):
    """Ask for a document; the queued (eager) task renders it when the request commits."""
    with django_capture_on_commit_callbacks(execute=True):
        document = documents.request_document(actor, kind=kind, application=application)
    document.refresh_from_db()
    assert document.status == DocumentStatus.READY, document.error
    return document


def titled(criterion):
    """« 2.1 Un diagnostic partagé… », as the PDF's text reads it."""
    return normalised(f"{criterion.number} {criterion.title}")


# ---------------------------------------------------------------- applications


def prepared(region, rectorate, campus, **options):
    """A draft with every criterion presented in its own words, signed, both opinions, the
    dossier and two annexes."""
    application = h.draft(region, campus, **options)
    for criterion in h.criteria():
        services.save_presentation(
            region,
            application,
            criterion,
            text=f"Le campus présente le critère {criterion.number} en détail.\nSecond alinéa.",
            annex_references=f"Annexe 1, p. {criterion.position}",
        )
    services.sign_letter(
        region,
        application,
        carrier="region",
        signatory="Valérie Pécresse, présidente",
        signed_on=date(2026, 11, 2),
    )
    services.sign_letter(
        rectorate,
        application,
        carrier="rector",
        signatory="Bernard Beignier, recteur",
        signed_on=date(2026, 11, 5),
    )
    services.record_opinion(
        region,
        application,
        body="caen",
        given_on=date(2026, 10, 14),
        opinion="favourable",
        note="Avis unanime.",
    )
    services.record_opinion(
        region, application, body="crefop", given_on=date(2026, 10, 20), opinion="reserved"
    )
    services.upload_dossier(region, application, h.pdf_upload(12))
    services.add_annex(
        region, application, title="Conventions de partenariat", upload=h.pdf_upload(7)
    )
    services.add_annex(region, application, title="Lettres de soutien", upload=h.pdf_upload(3))
    return application


def reviewed(region, rectorate, campus, experts, **options):
    """Through the whole circuit up to the group's opinion: assessed by both experts, one
    navette of two recommendations answered and marked, every criterion consolidated (2.3
    partly met), the group's opinion."""
    application = h.in_expertise(region, rectorate, campus, experts, **options)
    excellence = application.is_excellence
    for person in experts:
        h.assess_all(person, application)
    navette = h.navette_round(
        experts[0],
        application,
        texts=[
            ("2.1", "Précisez les données du diagnostic territorial."),
            ("2.5", "Décrivez le comité de pilotage opérationnel."),
        ],
    )
    answers = {
        1: "Le diagnostic s'appuie désormais sur les données du CARIF-OREF.",
        2: "Le comité de pilotage se réunit chaque trimestre.",
    }
    for recommendation in navette.recommendations.all():
        services.answer_recommendation(
            region, recommendation, answer=answers[recommendation.number]
        )
    services.send_answers(region, navette)
    for recommendation in navette.recommendations.all():
        services.mark_answer(
            experts[1],
            recommendation,
            treatment=Treatment.ADDRESSED if recommendation.number == 1 else Treatment.PARTLY,
            comment="Le calendrier reste à préciser." if recommendation.number == 2 else "",
        )
    for criterion in h.criteria():
        partly = criterion.number == "2.3"
        services.save_consolidated(
            experts[0],
            application,
            criterion,
            rating=Rating.PARTLY if partly else Rating.MET,
            excellence_rating=(
                (Rating.NOT_MET if criterion.number == "2.10" else Rating.MET)
                if excellence and criterion.excellence
                else ""
            ),
            comment=f"Synthèse du groupe sur le critère {criterion.number}.",
        )
    return services.give_opinion(
        experts[0],
        application,
        opinion="reserved",
        text="Le groupe émet un avis favorable assorti de réserves sur les objectifs.",
    )


def decided(region, rectorate, campus, experts, decision=Decision.LABELLED, **options):
    application = reviewed(region, rectorate, campus, experts, **options)
    period = {}
    if decision != Decision.REFUSED:
        period = {"label_start": date(2027, 1, 1), "label_end": date(2031, 12, 31)}
    return services.decide(
        region,
        application,
        decision=decision,
        decision_date=date(2026, 11, 27),
        decision_reference=ARRETE,
        **period,
    )


# ---------------------------------------------------------------- the fiche de candidature


def test_the_cover_sheet_prints_the_application_as_deposited(
    region, rectorate, django_capture_on_commit_callbacks
):
    campus = h.fresh_campus()
    application = services.deposit(region, prepared(region, rectorate, campus))
    document = request(region, django_capture_on_commit_callbacks, COVER, application)
    assert document.file.name.endswith(
        f"fiche-candidature-{slugify(campus.short_name)}-{application.pk}.pdf"
    )
    text = pdf_text(document)
    assert "Fiche de candidature" in text
    assert f"Campus des métiers et des qualifications {campus.name}" in text
    assert "Objet Obtention du label" in text
    assert "Catégorie visée CMQ" in text
    assert f"Session d'expertise {application.session.name} (séance du " in text
    assert f"Déposée le {timezone.localdate():%d/%m/%Y}" in text
    assert "État de la candidature Déposée" in text
    assert "DOCUMENT DE TRAVAIL" not in text
    # The covering letter's signatures, the prior opinions.
    assert "Pour la Région Valérie Pécresse, présidente 02/11/2026" in text
    assert "Pour le rectorat Bernard Beignier, recteur 05/11/2026" in text
    assert "CAEN (conseil académique de l'éducation nationale) 14/10/2026 Favorable" in text
    assert "Avis unanime." in text
    assert "14/10/2026 Favorable Avis unanime." in text
    assert "20/10/2026 Favorable avec réserves" in text
    # The dossier and its annexes, with their pages.
    assert "Dossier Dossier de candidature 12 pages" in text
    assert "Annexe 1 Conventions de partenariat 7 pages" in text
    assert "Annexe 2 Lettres de soutien 3 pages" in text
    assert "Total 22 pages" in text
    # Every criterion of the version, in order, with its presentation and annexes cited.
    criteria = h.criteria()
    assert len(criteria) == 11
    positions = [text.index(titled(criterion)) for criterion in criteria]
    assert positions == sorted(positions)
    for criterion in criteria:
        assert (
            f"{titled(criterion)} Le campus présente le critère {criterion.number} en détail. "
            f"Second alinéa. Annexes citées : Annexe 1, p. {criterion.position}"
        ) in text


def test_a_draft_cover_sheet_says_it_is_a_working_copy_and_what_is_missing(
    region, rectorate, user_of, django_capture_on_commit_callbacks
):
    campus = h.fresh_campus()
    application = h.draft(region, campus, target=LabelCategory.EXCELLENCE)
    services.save_presentation(region, application, "2.4", text="Une gouvernance partagée.")
    text = pdf_text(request(rectorate, django_capture_on_commit_callbacks, COVER, application))
    assert "DOCUMENT DE TRAVAIL – CANDIDATURE EN PRÉPARATION, NON DÉPOSÉE" in text
    assert "Catégorie visée Excellence" in text
    assert "État de la candidature Brouillon" in text
    assert "Déposée le" not in text
    assert "Pour la Région — Non signée" in text
    assert text.count("Avis non enregistré") == 2
    assert "Dossier de candidature Non joint" in text
    assert "Total 0 page" in text
    assert "2.4 Une gouvernance régionale spécifique Une gouvernance partagée." in text
    assert text.count("Critère non présenté.") == 10


def test_a_change_that_shows_gives_a_new_cover_sheet_and_the_earlier_one_is_kept(
    region, django_capture_on_commit_callbacks
):
    application = h.draft(region, h.fresh_campus())
    first = request(region, django_capture_on_commit_callbacks, COVER, application)
    again = request(region, django_capture_on_commit_callbacks, COVER, application)
    assert again.pk == first.pk  # same content, same document

    services.save_presentation(region, application, "2.1", text="Un diagnostic partagé.")
    changed = request(region, django_capture_on_commit_callbacks, COVER, application)
    assert changed.pk != first.pk and changed.source_key != first.source_key
    assert "Un diagnostic partagé." in pdf_text(changed)
    assert "Un diagnostic partagé." not in pdf_text(first)
    assert LabelDocument.objects.filter(application=application).count() == 2


# ---------------------------------------------------------------- the expert group's report


def test_the_report_prints_the_groups_ratings_opinion_and_navettes(
    region, rectorate, experts, django_capture_on_commit_callbacks
):
    campus = h.fresh_campus()
    application = reviewed(region, rectorate, campus, experts)
    document = request(region, django_capture_on_commit_callbacks, REPORT, application)
    assert document.file.name.endswith(f"-{application.pk}.pdf")
    assert "rapport-experts-" in document.file.name
    text = pdf_text(document)
    today = f"{timezone.localdate():%d/%m/%Y}"
    assert "Rapport du groupe d'experts" in text and campus.name in text
    assert "Critère Appréciation du groupe Synthèse" in text
    assert "Exigences Excellence" not in text  # a CMQ application
    for criterion in h.criteria():
        rating = "Partiellement atteint" if criterion.number == "2.3" else "Atteint"
        assert (
            f"{titled(criterion)} {rating} Synthèse du groupe sur le critère {criterion.number}."
        ) in text
    assert (
        f"Avis Favorable avec réserves Rendu le {today} Le groupe émet un avis favorable assorti "
        "de réserves sur les objectifs." in text
    )
    assert (
        f"Navette n° 1 – envoyée le {today} Réponses reçues le {today} · Réponses examinées "
        f"le {today}" in text
    )
    assert "Réponses attendues" not in text  # no date was given
    assert (
        "R1 – critère 2.1 Un diagnostic partagé de l'analyse socio-économique, des enjeux "
        "identifiés Précisez les données du diagnostic territorial. Réponse des porteurs : Le "
        "diagnostic s'appuie désormais sur les données du CARIF-OREF. Prise en compte par les "
        "experts : Prise en compte" in text
    )
    assert (
        "R2 – critère 2.5 Un pilotage opérationnel du campus Décrivez le comité de pilotage "
        "opérationnel. Réponse des porteurs : Le comité de pilotage se réunit chaque trimestre. "
        "Prise en compte par les experts : Partiellement prise en compte Le calendrier reste à "
        "préciser." in text
    )
    # The group's view only: no individual assessment, no expert's name.
    assert "Commentaire sur 2.1." not in text and "Bon dossier." not in text
    for person in experts:
        assert person.last_name not in text


def test_the_report_of_an_excellence_application_rates_its_requirements(
    region, rectorate, experts, django_capture_on_commit_callbacks
):
    application = reviewed(
        region, rectorate, h.fresh_campus(), experts, target=LabelCategory.EXCELLENCE
    )
    text = pdf_text(request(experts[1], django_capture_on_commit_callbacks, REPORT, application))
    assert "Critère Appréciation du groupe Exigences Excellence Synthèse" in text
    by_number = {criterion.number: criterion for criterion in h.criteria()}
    assert f"{titled(by_number['2.1'])} Atteint Atteint Synthèse" in text
    assert f"{titled(by_number['2.10'])} Atteint Non atteint Synthèse" in text
    assert f"{titled(by_number['2.3'])} Partiellement atteint Sans objet Synthèse" in text
    assert text.count("Sans objet") == 1 + sum(1 for c in by_number.values() if not c.excellence)


def test_the_report_waits_for_the_groups_opinion(region, rectorate, experts):
    before = LabelDocument.objects.count()
    draft = h.draft(region, h.fresh_campus())
    with pytest.raises(ConflictError, match="n'a pas encore rendu son avis"):
        documents.request_document(region, kind=REPORT, application=draft)
    in_expertise = h.in_expertise(region, rectorate, h.fresh_campus(), experts)
    for person in experts:
        h.assess_all(person, in_expertise)
    with pytest.raises(ConflictError, match="n'a pas encore rendu son avis"):
        documents.request_document(experts[0], kind=REPORT, application=in_expertise)
    assert LabelDocument.objects.count() == before


# ---------------------------------------------------------------- the notification


def test_the_notice_prints_the_decision_the_arrete_and_the_label_period(
    region, rectorate, experts, django_capture_on_commit_callbacks
):
    campus = h.fresh_campus()
    application = decided(region, rectorate, campus, experts)
    document = request(region, django_capture_on_commit_callbacks, NOTICE, application)
    assert "notification-decision-" in document.file.name
    text = pdf_text(document)
    assert "Notification de la décision" in text and campus.name in text
    assert "Objet Obtention du label" in text
    assert f"Décision Labellisé Date de l'arrêté 27/11/2026 Référence de l'arrêté {ARRETE}" in text
    assert (
        "Période de labellisation Catégorie CMQ Début du label 01/01/2027 Fin du label 31/12/2031"
        in text
    )


def test_a_probationary_label_says_so(
    region, rectorate, experts, django_capture_on_commit_callbacks
):
    application = decided(
        region, rectorate, h.fresh_campus(), experts, decision=Decision.PROBATIONARY
    )
    text = pdf_text(request(rectorate, django_capture_on_commit_callbacks, NOTICE, application))
    assert "Décision Labellisé probatoire Date de l'arrêté 27/11/2026" in text
    assert "Début du label 01/01/2027 Fin du label 31/12/2031" in text


def test_a_refusal_prints_no_period(region, rectorate, experts, django_capture_on_commit_callbacks):
    application = decided(region, rectorate, h.fresh_campus(), experts, decision=Decision.REFUSED)
    text = pdf_text(request(region, django_capture_on_commit_callbacks, NOTICE, application))
    assert f"Décision Refusé Date de l'arrêté 27/11/2026 Référence de l'arrêté {ARRETE}" in text
    assert "Période de labellisation" not in text
    assert "Début du label" not in text and "Fin du label" not in text


def test_the_notice_prints_only_what_the_application_records(
    region, rectorate, experts, django_capture_on_commit_callbacks
):
    """An application recorded after the fact may lack the arrêté's reference or a date: the
    line is left out, never filled in."""
    application = decided(region, rectorate, h.fresh_campus(), experts)
    type(application).objects.filter(pk=application.pk).update(
        decision_reference="", label_end=None
    )
    text = pdf_text(request(region, django_capture_on_commit_callbacks, NOTICE, application))
    assert "Date de l'arrêté 27/11/2026" in text
    assert "Référence" not in text and ARRETE not in text
    assert "Début du label 01/01/2027" in text and "Fin du label" not in text


def test_the_notice_waits_for_the_decision(region, rectorate, experts):
    before = LabelDocument.objects.count()
    application = reviewed(region, rectorate, h.fresh_campus(), experts)
    with pytest.raises(ConflictError, match="La décision n'est pas encore rendue"):
        documents.request_document(region, kind=NOTICE, application=application)
    with pytest.raises(ConflictError, match="La décision n'est pas encore rendue"):
        documents.request_document(
            region, kind=NOTICE, application=h.draft(region, h.fresh_campus())
        )
    assert LabelDocument.objects.count() == before


# ---------------------------------------------------------------- who may ask


def director_of(campus):
    from accounts.models import User

    user = User.objects.create_user(
        username=f"dir-{campus.pk}", password="x", role=Role.DIRECTOR, email="d@example.org"
    )
    CampusDirector.objects.create(
        campus=campus, user=user, full_name="Directrice du campus", start=date(2020, 1, 1)
    )
    return user


def test_whoever_sees_the_application_may_ask_for_its_documents_and_no_one_else(
    region, rectorate, experts, user_of, django_capture_on_commit_callbacks
):
    campus = h.fresh_campus()
    application = decided(region, rectorate, campus, experts)
    before = LabelDocument.objects.count()
    unassigned = h.expert()
    for outsider in (user_of("dir-sante"), unassigned, user_of("rectorat-creteil")):
        for kind in (COVER, REPORT, NOTICE):
            with pytest.raises(PermissionDeniedError, match="ne pouvez pas consulter"):
                documents.request_document(outsider, kind=kind, application=application)
    assert LabelDocument.objects.count() == before

    director = director_of(campus)
    for insider in (director, rectorate, experts[1]):
        for kind in (COVER, REPORT, NOTICE):
            request(insider, django_capture_on_commit_callbacks, kind, application)
    assert LabelDocument.objects.count() == before + 3  # one document per content
    assert LabelDocument.objects.get(kind=COVER, application=application).requested_by == director


def test_an_outsider_learns_nothing_of_the_state(region, user_of):
    """Refused for who they are before being told the document does not exist yet."""
    draft = h.draft(region, h.fresh_campus())
    for kind in (REPORT, NOTICE):
        with pytest.raises(PermissionDeniedError):
            documents.request_document(user_of("dir-sante"), kind=kind, application=draft)
        with pytest.raises(PermissionDeniedError):
            documents.request_document(user_of("expert"), kind=kind, application=draft)


# ---------------------------------------------------------------- the contexts


def test_contexts_are_plain_values_read_in_a_fixed_number_of_queries(
    region, rectorate, experts, django_assert_max_num_queries
):
    application = decided(region, rectorate, h.fresh_campus(), experts)
    for doc_type in TYPES:
        with django_assert_max_num_queries(8):
            context = document_services.build_context(doc_type, {"application": application})
        json.dumps(context)  # strings, numbers, lists and dicts only: no lazy text, no date
