"""E-mails at the steps of an application's circuit (notifications.delivery: each sent once,
keyed on the status change it announces, composed in the worker from the database as it is
then): the Region learns of a deposit and of the experts' opinion; the experts of the start of
their expertise and of the carriers' answers; the carriers (regional staff, the campus's
rectorate and its director) of a navette to answer and of the decision."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from campuses.recipients import Recipients
from notifications.delivery import GIVE_UP_AFTER, Message, Outgoing

from .models import ApplicationStatus as S

KIND = "labels.transition"

REGION, EXPERTS, CARRIERS = "region", "experts", "carriers"
AUDIENCE = {
    S.SUBMITTED: REGION,
    S.OPINION: REGION,
    S.IN_EXPERTISE: EXPERTS,
    S.ANSWERS_RECEIVED: EXPERTS,
    S.NAVETTE: CARRIERS,
    S.DECIDED: CARRIERS,
}


def _addresses(application, audience, recipients):
    if audience == REGION:
        return recipients.regional
    if audience == EXPERTS:
        return [
            assignment.expert.email
            for assignment in application.assignments.select_related("expert")
            if assignment.expert.email and assignment.expert.is_active
        ]
    campus = application.campus
    return [*recipients.regional, *recipients.rectorate(campus), *recipients.directors(campus)]


def compose(application, status):
    """The notice of the application's latest move to `status`; None once it moved on."""
    if application is None or application.status != status or status not in AUDIENCE:
        return None
    change = application.history.filter(to_status=status).order_by("-at", "-pk").first()
    # A step recorded after the fact (dated back, as the demo's 2023 steps are) is not news.
    if change is None or change.at < timezone.now() - GIVE_UP_AFTER:
        return None
    navette = application.rounds.order_by("-number").first() if status == S.NAVETTE else None
    values = {
        "campus": application.campus.short_name,
        "status": application.get_status_display(),
    }
    subject = _("[Portail CMQ] Candidature au label – %(campus)s : %(status)s") % values
    body = render_to_string(
        "labels/email/transition.txt",
        {
            "application": application,
            "change": change,
            "navette": navette,
            "url": f"{settings.SITE_URL}{reverse('labels:detail', args=[application.pk])}",
        },
    )
    to = _addresses(application, AUDIENCE[status], Recipients(timezone.localdate()))
    return Outgoing(f"{KIND}:{change.pk}", Message(subject, body, tuple(to)))
