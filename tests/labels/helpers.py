"""Build label applications for tests through the services, step by step, as regional
staff, the rectorate, the director and the experts would. Each test campus is new (the demo
campuses have applications of their own; a campus has one open application at a time)."""

import io
from datetime import date, timedelta
from itertools import count

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from pypdf import PdfWriter

from accounts.models import User
from campuses.models import (
    Academy,
    Campus,
    CampusDirector,
    LabelCategory,
    Organisation,
    SectorFamily,
    Stakeholder,
    SupportInstitutionTenure,
)
from core.calendar import add_years
from core.roles import Role
from labels import services
from labels.models import (
    ApplicationKind,
    Criterion,
    ExpertiseSession,
    Rating,
    Treatment,
)
from labels.services.applications import version_in_force

_numbers = count(1)


def pdf_upload(pages, name="dossier.pdf"):
    """A real PDF of `pages` blank A4 pages, as an uploaded file."""
    writer = PdfWriter()
    for _page in range(pages):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/pdf")


def organisation(name=None, **fields):
    number = next(_numbers)
    return Organisation.objects.create(
        legal_name=name or f"Organisme de test {number}", legal_status="eple", **fields
    )


def fresh_campus(academy="paris", *, support=None, stakeholders=(), name=None):
    """A campus of its own for the test, in `academy` (a code: paris, creteil, versailles),
    supported by `support` (a new organisation by default)."""
    number = next(_numbers)
    campus = Campus.objects.create(
        name=name or f"Campus de test des labels n°{number}",
        short_name=f"Test labels {number}",
        sector_family=SectorFamily.objects.order_by("position").first(),
    )
    campus.academies.set([Academy.objects.get(code=academy)])
    SupportInstitutionTenure.objects.create(
        campus=campus, organisation=support or organisation(), start=date(2020, 1, 1)
    )
    for stakeholder in stakeholders:
        Stakeholder.objects.create(campus=campus, organisation=stakeholder, type="company")
    return campus


def expert(username=None):
    """A new expert of the national group (the demo has one: `expert`)."""
    username = username or f"expert-test-{next(_numbers)}"
    return User.objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password="x",
        role=Role.EXPERT,
        first_name="Expert",
        last_name=username,
    )


def director(campus, username=None):
    """A new director account, in office for `campus` (the demo's « dir-… » accounts direct
    the demo campuses only)."""
    username = username or f"dir-test-{next(_numbers)}"
    user = User.objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password="x",
        role=Role.DIRECTOR,
        first_name="Direction",
        last_name=username,
    )
    CampusDirector.objects.create(campus=campus, user=user, full_name=f"Direction {username}")
    return user


def session(name=None, days=60):
    today = timezone.localdate()
    return ExpertiseSession.objects.create(
        name=name or f"Session de test {next(_numbers)}",
        deposit_deadline=today + timedelta(days=days),
        meets_on=today + timedelta(days=days + 30),
    )


def criteria():
    return list(Criterion.objects.filter(version=version_in_force()).order_by("position"))


def draft(region, campus, *, target=LabelCategory.CMQ, kind=ApplicationKind.OBTAIN):
    return services.create_application(
        region, campus=campus, kind=kind, target_category=target, session=session()
    )


def complete(region, rectorate, application, *, dossier_pages=10):
    """Everything a deposit needs: every criterion presented, both signatures, both prior
    opinions, the dossier."""
    for criterion in criteria():
        services.save_presentation(
            region, application, criterion, text=f"Présentation du critère {criterion.number}."
        )
    yesterday = timezone.localdate() - timedelta(days=1)
    services.sign_letter(
        region, application, carrier="region", signatory="La présidente", signed_on=yesterday
    )
    services.sign_letter(
        rectorate, application, carrier="rector", signatory="Le recteur", signed_on=yesterday
    )
    for body in ("caen", "crefop"):
        services.record_opinion(
            region, application, body=body, given_on=yesterday, opinion="favourable"
        )
    services.upload_dossier(region, application, pdf_upload(dossier_pages))
    return application


def deposited(region, rectorate, campus, **options):
    application = complete(region, rectorate, draft(region, campus, **options))
    return services.deposit(region, application)


def in_expertise(region, rectorate, campus, experts, **options):
    """Deposited, admissible, `experts` assigned (the first is rapporteur), in expertise."""
    application = deposited(region, rectorate, campus, **options)
    services.admit(region, application)
    for index, person in enumerate(experts):
        services.assign_expert(region, application, person, rapporteur=index == 0)
    return services.start_expertise(region, application)


def assess_all(person, application, rating=Rating.MET, *, submit=True):
    for criterion in criteria():
        services.save_assessment(
            person,
            application,
            criterion,
            rating=rating,
            comment=f"Commentaire sur {criterion.number}.",
            excellence_rating=rating if criterion.excellence else "",
        )
    if submit:
        services.submit_assessment(person, application, overall_comment="Bon dossier.")


def consolidate_all(rapporteur, application, rating=Rating.MET):
    for criterion in criteria():
        services.save_consolidated(
            rapporteur,
            application,
            criterion,
            rating=rating,
            excellence_rating=rating if criterion.excellence else "",
            comment=f"Synthèse {criterion.number}.",
        )


def navette_round(person, application, texts=(("2.1", "Précisez le diagnostic."),)):
    return services.send_navette(person, application, recommendations=list(texts))


def answer_round(actor, carrier, navette, treatment=Treatment.ADDRESSED, marker=None):
    """The carriers answer every recommendation, send them; `marker` marks each answer."""
    for recommendation in navette.recommendations.all():
        services.answer_recommendation(actor, recommendation, answer="Voici notre réponse.")
    services.send_answers(carrier, navette)
    if marker is not None:
        for recommendation in navette.recommendations.all():
            services.mark_answer(marker, recommendation, treatment=treatment)
    return navette


def with_opinion(region, rectorate, campus, experts, **options):
    """In expertise, every expert assessed, the rapporteur consolidated and concluded."""
    application = in_expertise(region, rectorate, campus, experts, **options)
    for person in experts:
        assess_all(person, application)
    consolidate_all(experts[0], application)
    return services.give_opinion(
        experts[0], application, opinion="favourable", text="Avis favorable du groupe."
    )


def decided(
    region,
    rectorate,
    campus,
    experts,
    *,
    decision="labelled",
    start=None,
    end=None,
    **options,
):
    """With the group's opinion, then the arrêté: a label of five years from today by default
    (none when `decision` is « refused »)."""
    application = with_opinion(region, rectorate, campus, experts, **options)
    today = timezone.localdate()
    start = start or today
    end = end or (add_years(start, 5) - timedelta(days=1))
    labelled = decision != "refused"
    return services.decide(
        region,
        application,
        decision=decision,
        decision_date=today,
        decision_reference=f"NOR TEST{next(_numbers)}",
        label_start=start if labelled else None,
        label_end=end if labelled else None,
    )


def client_for(user):
    """A Django test client logged in as `user`."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client
