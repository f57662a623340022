"""Reads of the deliberations."""

from django.utils.translation import gettext as _

from jobs.services import JobError

from .models import Deliberation


def deliberation_of_job(job):
    """The deliberation a background job is about (`params["deliberation_id"]`); a French
    JobError when there is none."""
    deliberation_id = (job.params or {}).get("deliberation_id")
    deliberation = (
        Deliberation.objects.filter(pk=deliberation_id).first()
        if str(deliberation_id).isdigit() and len(str(deliberation_id)) <= 18
        else None
    )
    if deliberation is None:
        raise JobError(_("Cette délibération n'existe pas."))
    return deliberation
