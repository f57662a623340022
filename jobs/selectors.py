"""Reads of background jobs: a user only ever sees their own."""

from .models import Job


def jobs_of(user):
    """The jobs started by `user`, newest first."""
    if not getattr(user, "is_authenticated", False):
        return Job.objects.none()
    return Job.objects.filter(owner=user).order_by("-created_at")
