"""The labelling's kinds of document, declared to the documents kernel (labels.contributions):
an application's « fiche de candidature », the expert group's report and the notification of
the decision. Each is a template, a context and who may ask for it: whoever can see the
application, once the document exists."""

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.errors import ConflictError, PermissionDeniedError
from documents.registry import DocumentType, register

from .. import permissions
from ..models import ApplicationStatus, LabelDocument, LabelDocumentKind
from .context import (
    assessment_report_context,
    cover_sheet_context,
    decision_notice_context,
    load_application,
)

# The expert group's report exists once the group gave its opinion.
REPORTED = (ApplicationStatus.OPINION, ApplicationStatus.DECIDED)


def _pk(obj):
    return getattr(obj, "pk", obj)


def _visible(actor, application):
    """Whoever can see the application may ask for its documents: they only read what they
    can see. The application, as it is now."""
    if application is None:
        raise ValidationError({"application": _("Indiquez l'objet du document.")})
    found = permissions.applications_visible_to(actor).filter(pk=_pk(application)).first()
    if found is None:
        raise PermissionDeniedError(_("Vous ne pouvez pas consulter cette candidature."))
    return found


def _check_cover_sheet(actor, application):
    _visible(actor, application)


def _check_assessment_report(actor, application):
    if _visible(actor, application).status not in REPORTED:
        raise ConflictError(
            _(
                "Le groupe d'experts n'a pas encore rendu son avis : son rapport n'existe pas "
                "encore."
            )
        )


def _check_decision_notice(actor, application):
    if _visible(actor, application).status != ApplicationStatus.DECIDED:
        raise ConflictError(
            _("La décision n'est pas encore rendue : elle ne peut pas être notifiée.")
        )


def _filename(prefix):
    """« fiche-candidature-test-labels-3-42.pdf »: the campus and the application."""

    def name(document):
        application = document.application
        campus = slugify(application.campus.short_name)[:60].strip("-") or "campus"
        return f"{prefix}-{campus}-{application.pk}.pdf"

    return name


def _context(build):
    return lambda application: build(load_application(_pk(application)))


STALE = gettext_lazy(
    "La candidature a été modifiée depuis la demande de ce document : demandez-en une nouvelle "
    "version."
)

TYPES = [
    DocumentType(
        kind=LabelDocumentKind.COVER_SHEET,
        template="labels/pdf/cover_sheet.html",
        context=_context(cover_sheet_context),
        filename=_filename("fiche-candidature"),
        fields=("application",),
        check=_check_cover_sheet,
        stale_message=STALE,
    ),
    DocumentType(
        kind=LabelDocumentKind.ASSESSMENT_REPORT,
        template="labels/pdf/assessment_report.html",
        context=_context(assessment_report_context),
        filename=_filename("rapport-experts"),
        fields=("application",),
        check=_check_assessment_report,
        stale_message=STALE,
    ),
    DocumentType(
        kind=LabelDocumentKind.DECISION_NOTICE,
        template="labels/pdf/decision_notice.html",
        context=_context(decision_notice_context),
        filename=_filename("notification-decision"),
        fields=("application",),
        check=_check_decision_notice,
        stale_message=STALE,
    ),
]


def campus_of(document):
    """The audit entry's campus: the application's."""
    return document.application.campus


def register_documents():
    register(
        LabelDocument,
        types=TYPES,
        visible_to=permissions.documents_visible_to,
        can_use=permissions.can_use_labels,
        campus_of=campus_of,
        select_related=("application__campus",),
    )
