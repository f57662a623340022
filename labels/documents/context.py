"""Template contexts of a label application's documents, built in French from the database as
it is now: the « fiche de candidature », the expert group's report and the notification of
the decision. Each context is everything its PDF shows (plain strings, lists and dicts): its
fingerprint is the document's version, so a change that shows in the PDF gives a new version
and a change that does not show gives none.

The expert group's report is the group's consolidated view: the individual experts'
assessments, and who marked what, are not in it. The notification prints only what the
application records of the arrêté: an empty value is left out, never filled with wording.
"""

from django.conf import settings
from django.db.models import Prefetch
from django.utils.translation import gettext as _

from documents.typography import day, lines, typeset

from ..models import (
    ApplicationStatus,
    Criterion,
    Decision,
    LabelApplication,
    NavetteRound,
    OpinionBody,
    Recommendation,
)

# ---------------------------------------------------------------- loading


def load_application(pk):
    """An application with everything its documents show, fresh from the database (a fixed
    number of queries, whatever the number of criteria, annexes and navettes)."""
    return (
        LabelApplication.objects.select_related("campus", "session", "criteria_version")
        .prefetch_related(
            "opinions",
            "annexes",
            "presentations",
            "consolidated",
            Prefetch(
                "rounds",
                queryset=NavetteRound.objects.order_by("number").prefetch_related(
                    Prefetch(
                        "recommendations",
                        queryset=Recommendation.objects.select_related("criterion").order_by(
                            "number"
                        ),
                    )
                ),
            ),
        )
        .get(pk=pk)
    )


def criteria_of(application):
    """The criteria of the specification the application is assessed against, in order."""
    if application.criteria_version_id is None:
        return []
    return list(
        Criterion.objects.filter(version=application.criteria_version_id).order_by("position")
    )


# ---------------------------------------------------------------- shared pieces


def _pages(count):
    """« 0 page », « 1 page », « 12 pages »: the French rule (the documents are French)."""
    return (_("%(count)s page") if count <= 1 else _("%(count)s pages")) % {"count": count}


def _session(session):
    """« Session de printemps 2026 (séance du 12/05/2026) »."""
    if session is None:
        return ""
    return typeset(
        _("%(name)s (séance du %(day)s)") % {"name": session.name, "day": day(session.meets_on)}
    )


def application_facts(application):
    """What every document says of the application under its campus: [(label, value)], empty
    values left out."""
    facts = [
        (_("Objet"), application.get_kind_display()),
        (_("Catégorie visée"), application.get_target_category_display()),
        (_("Session d'expertise"), _session(application.session)),
        (
            _("Cahier des charges"),
            typeset(str(application.criteria_version)) if application.criteria_version else "",
        ),
        (_("Déposée le"), day(application.submitted_on)),
    ]
    return [(label, value) for label, value in facts if value]


def _page(application, title):
    """The keys base.html reads: the title, the author, the running header."""
    return {
        "document_title": typeset(f"{title} – {application.campus.short_name}"),
        "region_name": settings.REGION_NAME,
        "running_left": typeset(application.campus.short_name),
        "running_right": typeset(title),
        "title": typeset(title),
        "campus": typeset(application.campus.heading),
    }


def _criterion(criterion):
    return {"number": criterion.number, "title": typeset(criterion.title)}


# ---------------------------------------------------------------- fiche de candidature


def _status_note(application):
    """Tells a working copy from the deposited application."""
    if application.status != ApplicationStatus.DRAFT:
        return ""
    return _("Document de travail – candidature en préparation, non déposée")


def _carriers(application):
    """The covering letter's two signatures, as recorded."""
    return [
        {
            "party": _("Pour la Région"),
            "signatory": typeset(application.region_signatory),
            "signed_on": day(application.region_signed_on),
        },
        {
            "party": _("Pour le rectorat"),
            "signatory": typeset(application.rector_signatory),
            "signed_on": day(application.rector_signed_on),
        },
    ]


def _prior_opinions(application):
    given = {opinion.body: opinion for opinion in application.opinions.all()}
    rows = []
    for body in OpinionBody:
        opinion = given.get(body.value)
        rows.append(
            {
                "body": typeset(str(body.label)),
                "given_on": day(opinion.given_on) if opinion else "",
                "opinion": opinion.get_opinion_display() if opinion else "",
                "note": lines(opinion.note) if opinion else [],
            }
        )
    return rows


def _dossier(application):
    annexes = sorted(application.annexes.all(), key=lambda annex: annex.number)
    total = application.dossier_pages + sum(annex.pages for annex in annexes)
    return {
        "attached": bool(application.dossier),
        "pages": _pages(application.dossier_pages) if application.dossier else "",
        "annexes": [
            {
                "number": str(annex.number),
                "title": typeset(annex.title),
                "pages": _pages(annex.pages),
            }
            for annex in annexes
        ],
        "total": _pages(total),
    }


def _presentations(application):
    presented = {row.criterion_id: row for row in application.presentations.all()}
    rows = []
    for criterion in criteria_of(application):
        presentation = presented.get(criterion.pk)
        rows.append(
            {
                **_criterion(criterion),
                "text": lines(presentation.text) if presentation else [],
                "annexes": typeset(presentation.annex_references) if presentation else "",
            }
        )
    return rows


def cover_sheet_context(application):
    return {
        **_page(application, _("Fiche de candidature")),
        "status_note": _status_note(application),
        "facts": [
            *application_facts(application),
            (_("État de la candidature"), application.get_status_display()),
        ],
        "summary": lines(application.summary),
        "carriers": _carriers(application),
        "opinions": _prior_opinions(application),
        "dossier": _dossier(application),
        "criteria": _presentations(application),
    }


# ---------------------------------------------------------------- the expert group's report


def _consolidated(application):
    rows = {row.criterion_id: row for row in application.consolidated.all()}
    result = []
    for criterion in criteria_of(application):
        row = rows.get(criterion.pk)
        result.append(
            {
                **_criterion(criterion),
                "rating": row.get_rating_display() if row else "",
                # Rated only when the target is Excellence and the criterion has requirements
                # of its own for that category (the specification says « Idem » otherwise).
                "excellence_applies": application.is_excellence
                and criterion.has_excellence_requirements,
                "excellence": row.get_excellence_rating_display() if row else "",
                "comment": lines(row.comment) if row else [],
            }
        )
    return result


def _round_dates(navette):
    """« Réponses attendues le …, Réponses reçues le …, Examinées le … », those recorded."""
    dates = [
        (_("Réponses attendues le %(day)s"), navette.answers_due_on),
        (_("Réponses reçues le %(day)s"), navette.answered_on),
        (_("Réponses examinées le %(day)s"), navette.reviewed_on),
    ]
    return [text % {"day": day(value)} for text, value in dates if value]


def _rounds(application):
    return [
        {
            "heading": typeset(
                _("Navette n° %(number)s – envoyée le %(day)s")
                % {"number": navette.number, "day": day(navette.sent_on)}
            ),
            "dates": _round_dates(navette),
            "recommendations": [
                {
                    "number": f"R{recommendation.number}",
                    "criterion": _criterion(recommendation.criterion),
                    "text": lines(recommendation.text),
                    "answer": lines(recommendation.answer),
                    "treatment": recommendation.get_treatment_display(),
                    "treatment_comment": lines(recommendation.treatment_comment),
                }
                for recommendation in navette.recommendations.all()
            ],
        }
        for navette in application.rounds.all()
    ]


def assessment_report_context(application):
    return {
        **_page(application, _("Rapport du groupe d'experts")),
        "facts": application_facts(application),
        "excellence": application.is_excellence,
        "criteria": _consolidated(application),
        "opinion": {
            "label": application.get_expert_opinion_display(),
            "text": lines(application.expert_opinion_text),
            "given_on": day(application.opinion_on),
        },
        "rounds": _rounds(application),
    }


# ---------------------------------------------------------------- notification of the decision


def _label_period(application):
    """The period the arrêté grants, as recorded: nothing for a refusal, and only the dates
    that are there."""
    if application.decision not in (Decision.LABELLED, Decision.PROBATIONARY):
        return []
    facts = [
        (_("Catégorie"), application.get_target_category_display()),
        (_("Début du label"), day(application.label_start)),
        (_("Fin du label"), day(application.label_end)),
    ]
    if not (application.label_start or application.label_end):
        return []
    return [(label, value) for label, value in facts if value]


def decision_notice_context(application):
    arrete = [
        (_("Date de l'arrêté"), day(application.decision_date)),
        (_("Référence de l'arrêté"), typeset(application.decision_reference)),
    ]
    return {
        **_page(application, _("Notification de la décision")),
        "facts": application_facts(application),
        "decision": application.get_decision_display(),
        "arrete": [(label, value) for label, value in arrete if value],
        "period": _label_period(application),
    }
