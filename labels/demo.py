"""Demo label applications (labels/demo_data.py), loaded the way the portal would have
recorded them:

* the live ones go through the services, step by step, as regional staff, the rectorate, the
  directors and the experts would: Mode, métiers d'art et design (obtaining, in expertise),
  Industrie du futur (renewal as Excellence, one navette round answered), Campus Versailles
  (renewal deposited, admissibility to rule on) and Intelligence artificielle (a draft);
* the two decided before the portal are written as they were (``is_historical``), each next to
  the registry's label period it stands behind (Industrie circulaire de la mobilité, Métiers
  d'art et design): the decision service is not replayed, the registry's period is linked, not
  duplicated;
* the three national expertise sessions they belong to, and a second demo expert
  (``expert-2``, the demo password) with a declared link of interest.

The services stamp each step with the current day; the steps of the live applications are then
dated back to the days of demo_data (submission, admissibility, assignments, navette…), as
followup/demo.py does: the history reads as it would have happened in 2023. Audit entries keep
the real time of the load. Every value the seeds do not give is in demo_data.ASSUMPTIONS.

Idempotent: a campus that has a (live, or historical) application already keeps it as it is,
whatever became of it in the running demo. The label periods' obligations are synchronised at
the end.
"""

import io
from datetime import datetime, time
from importlib import import_module

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from pypdf import PdfWriter

from audit.models import AuditAction
from audit.services import record, snapshot
from campuses.demo import demo_account
from campuses.demo_data import CAMPUSES
from campuses.models import Campus, LabelPeriod, Organisation
from core.roles import Role

from . import demo_data, services
from .models import (
    ApplicationStatus,
    CriterionPresentation,
    Decision,
    ExpertAffiliation,
    ExpertAssignment,
    ExpertiseSession,
    LabelApplication,
    NavetteRound,
    Recommendation,
    StatusChange,
)
from .services.applications import version_in_force


def _at(day, hour=10):
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _text(value):
    """A demo text with the mark saying where it comes from (demo_data.DEMO_MARKS)."""
    text, source = value[0], value[1]
    return f"{text}\n\n{demo_data.DEMO_MARKS[source]}"


def _pdf(pages, title):
    """A real PDF of `pages` blank A4 pages, titled, as an uploaded file."""
    writer = PdfWriter()
    for _page in range(pages):
        writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": title, "/Subject": "Document de démonstration"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return SimpleUploadedFile("dossier.pdf", buffer.getvalue(), content_type="application/pdf")


def _criteria():
    """The specification's criteria, as migration 0002 loads them (one loader): a
    transactional test empties every table, migration data included, before the demo is
    loaded again."""
    import_module("labels.migrations.0002_criteria_2019").load(apps, None)


def _campuses():
    """{demo key: campus}, the Mode campus's predecessor included (campuses/demo.py finds
    campuses by their short name)."""
    short_names = {data["key"]: data["short_name"] for data in CAMPUSES}
    short_names.update(demo_data.PREDECESSOR_SHORT_NAMES)
    by_name = {c.short_name: c for c in Campus.objects.filter(short_name__in=short_names.values())}
    return {key: by_name[name] for key, name in short_names.items() if name in by_name}


def _experts():
    """The second demo expert and the links of interest the experts declare."""
    for username, (first, last, job_title) in demo_data.EXPERT_ACCOUNTS.items():
        demo_account(username, first, last, Role.EXPERT, {"job_title": job_title})
    User = get_user_model()
    for data in demo_data.AFFILIATIONS:
        expert = User.objects.get(username=data["expert"])
        organisation = Organisation.objects.filter(legal_name=data["organisation"]).first()
        if organisation is None:
            continue
        if not ExpertAffiliation.objects.filter(expert=expert, organisation=organisation).exists():
            services.declare_affiliation(
                expert, organisation=organisation, relation=data["relation"]
            )


def _users():
    """The demo accounts the applications' steps are taken by."""
    usernames = {"region"}
    for data in demo_data.APPLICATIONS:
        usernames.update(username for username, _rapporteur in data.get("experts", ()))
        usernames.update(data.get("assessments", ()))
        if "presented_by" in data:
            usernames.add(data["presented_by"])
        if "letter" in data:
            usernames.add(data["letter"]["rector"][2])
        for navette in data.get("navettes", ()):
            usernames.update(
                (navette["sent_by"], navette["answered_by"], navette["answers_sent_by"])
            )
    return {u.username: u for u in get_user_model().objects.filter(username__in=usernames)}


def _sessions():
    sessions = {}
    for data in demo_data.SESSIONS:
        session, _created = ExpertiseSession.objects.update_or_create(
            name=data["name"],
            defaults={"deposit_deadline": data["deposit_deadline"], "meets_on": data["meets_on"]},
        )
        sessions[session.name] = session
    return sessions


# ------------------------------------------------------------------------- live ones


def _prepare(data, users, application):
    """Presentations, covering letter, prior opinions, dossier and annexes."""
    region = users["region"]
    presenter = users[data["presented_by"]]
    for number, value in data["presentations"].items():
        services.save_presentation(
            presenter,
            application,
            number,
            text=_text(value),
            annex_references=value[2] if len(value) > 2 else "",
        )
    letter = data.get("letter")
    if letter:
        signatory, signed_on = letter["region"]
        services.sign_letter(
            region, application, carrier="region", signatory=signatory, signed_on=signed_on
        )
        signatory, signed_on, username = letter["rector"]
        services.sign_letter(
            users[username], application, carrier="rector", signatory=signatory, signed_on=signed_on
        )
    for opinion in data["opinions"]:
        services.record_opinion(region, application, **opinion)
    campus = application.campus.short_name
    if data.get("dossier_pages"):
        title = f"Dossier de candidature – {campus} (démonstration)"
        services.upload_dossier(region, application, _pdf(data["dossier_pages"], title))
    for annex in data.get("annexes", ()):
        title = f"{annex['title']} – {campus} (démonstration)"
        services.add_annex(
            region, application, title=annex["title"], upload=_pdf(annex["pages"], title)
        )


def _review(data, users, application):
    """Deposit, admissibility, experts, expertise, assessments (drafts) and navettes."""
    region = users["region"]
    steps = data["steps"]
    if "submitted" in steps:
        services.deposit(region, application)
    if "admissible" in steps:
        services.admit(region, application, data.get("admissibility_reason", ""))
    for username, rapporteur in data["experts"]:
        services.assign_expert(region, application, users[username], rapporteur=rapporteur)
    if "in_expertise" in steps:
        services.start_expertise(region, application)
    for username, rows in data["assessments"].items():
        for number, row in rows.items():
            services.save_assessment(users[username], application, number, **row)
    for data_round in data["navettes"]:
        navette = services.send_navette(
            users[data_round["sent_by"]],
            application,
            recommendations=[(r["criterion"], r["text"]) for r in data_round["recommendations"]],
        )
        recommendations = navette.recommendations.order_by("number")
        for recommendation, row in zip(recommendations, data_round["recommendations"], strict=True):
            services.answer_recommendation(
                users[data_round["answered_by"]], recommendation, answer=row["answer"]
            )
        services.send_answers(users[data_round["answers_sent_by"]], navette)
        _date_back_round(navette, data_round)


def _date_back_round(navette, data):
    NavetteRound.objects.filter(pk=navette.pk).update(
        sent_on=data["sent_on"],
        answers_due_on=data["answers_due_on"],
        answered_on=data["answers_sent_on"],
    )
    Recommendation.objects.filter(round=navette).update(answered_at=_at(data["answered_on"]))
    StatusChange.objects.filter(
        application=navette.application_id, to_status=ApplicationStatus.NAVETTE
    ).update(at=_at(data["sent_on"]))
    StatusChange.objects.filter(
        application=navette.application_id, to_status=ApplicationStatus.ANSWERS_RECEIVED
    ).update(at=_at(data["answers_sent_on"], 15))


def _date_back(data, application):
    """The steps services stamped today, dated back to the days of demo_data."""
    steps = data["steps"]
    for status in (
        ApplicationStatus.SUBMITTED,
        ApplicationStatus.ADMISSIBLE,
        ApplicationStatus.IN_EXPERTISE,
    ):
        if status.value in steps:
            StatusChange.objects.filter(application=application, to_status=status).update(
                at=_at(steps[status.value], 11)
            )
    if "assigned" in steps:
        ExpertAssignment.objects.filter(application=application).update(
            assigned_at=_at(steps["assigned"], 14)
        )
    CriterionPresentation.objects.filter(application=application).update(
        updated_at=_at(data["presented_on"], 16)
    )
    days = [
        data["created_on"],
        data["presented_on"],
        *steps.values(),
        *(navette["answers_sent_on"] for navette in data["navettes"]),
    ]
    LabelApplication.objects.filter(pk=application.pk).update(
        created_at=_at(data["created_on"], 9),
        updated_at=_at(max(days), 17),
        submitted_on=steps.get("submitted"),
    )


def _live(data, users, campus, sessions):
    # Whatever became of it in the running demo (admitted, withdrawn, replaced by another),
    # the campus's application is left as it is: a campus has one open application at a time.
    existing = (
        LabelApplication.objects.filter(campus=campus, is_historical=False)
        .order_by("created_at", "pk")
        .first()
    )
    if existing is not None:
        return existing
    session = sessions[data["session"]]
    application = services.create_application(
        users["region"],
        campus=campus,
        kind=data["kind"],
        target_category=data["target_category"],
        session=session,
        summary=_text(data["summary"]),
    )
    _prepare(data, users, application)
    _review(data, users, application)
    application.refresh_from_db()
    if application.status != data["status"]:
        raise RuntimeError(
            f"Demo application {data['key']}: {application.status}, expected {data['status']}."
        )
    _date_back(data, application)
    application.refresh_from_db()
    return application


# ------------------------------------------------------------------- historical ones


def _historical(data, users, campus, sessions):
    """A decided application that predates the portal, written as it was: its decision is
    the registry's label period (linked, never duplicated), or the demo data's values when
    the registry has no such period."""
    existing = (
        LabelApplication.objects.filter(campus=campus, is_historical=True)
        .order_by("created_at", "pk")
        .first()
    )
    if existing is not None:
        return existing
    period = LabelPeriod.objects.filter(campus=campus, start=data["label_start"]).first()
    if period is not None:
        decision = {
            "target_category": period.category,
            "decision": Decision.PROBATIONARY if period.probationary else Decision.LABELLED,
            "decision_date": period.decision_date,
            "decision_reference": period.decision_reference,
            "label_start": period.start,
            "label_end": period.end,
            "label_period": period,
        }
    else:
        fallback = data["fallback"]
        decision = {
            "target_category": fallback["category"],
            "decision": Decision.LABELLED,
            "decision_date": fallback["decision_date"],
            "label_start": data["label_start"],
            "label_end": fallback["label_end"],
        }
    region = users["region"]
    application = LabelApplication(
        campus=campus,
        kind=data["kind"],
        session=sessions.get(data["session"]),
        criteria_version=version_in_force(data["label_start"]),
        status=ApplicationStatus.DECIDED,
        summary=_text(data["summary"]),
        note=data["note"],
        is_historical=True,
        created_by=region,
        **decision,
    )
    application.full_clean()
    application.save()
    StatusChange.objects.create(
        application=application,
        from_status=ApplicationStatus.DRAFT,
        to_status=ApplicationStatus.DECIDED,
        actor=region,
        reason=demo_data.HISTORICAL_REASON,
    )
    record(region, AuditAction.CREATE, application, after=snapshot(application), campus=campus)
    recorded = _at(data["recorded_on"])
    StatusChange.objects.filter(application=application).update(at=recorded)
    LabelApplication.objects.filter(pk=application.pk).update(
        created_at=recorded, updated_at=recorded
    )
    application.refresh_from_db()
    return application


@transaction.atomic
def load_demo():
    """Load the demo's label applications; returns them, in the order of demo_data."""
    _criteria()
    _experts()
    users, campuses, sessions = _users(), _campuses(), _sessions()
    applications = []
    for data in demo_data.APPLICATIONS:
        campus = campuses.get(data["campus"])
        if campus is None:
            continue
        load = _historical if data["historical"] else _live
        applications.append(load(data, users, campus, sessions))
    services.sync_all_obligations()
    return applications
