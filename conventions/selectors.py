"""Reads of the conventions domain, scoped by conventions.permissions.

Lists are built so that their query count does not grow with their rows: consolidation's
prefetches, the campus's label periods (for the computed dates), contributions and signatures.
"""

from django.db.models import Prefetch
from django.urls import NoReverseMatch
from django.utils import timezone

from .consolidation import clauses_in_force, with_amendments
from .dates import compute_dates
from .models import FrameworkConvention, Reminder, Signature
from .permissions import (
    amendments_visible_to,
    conventions_visible_to,
    documents_visible_to,
)


def convention_list(user, queryset=None):
    """Conventions visible to `user`, with everything the list and the dates read."""
    queryset = FrameworkConvention.objects.all() if queryset is None else queryset
    return (
        # The parties are listed; the dates need only the amendments' clauses.
        with_amendments(conventions_visible_to(user, queryset))
        .select_related("deliberation")
        .prefetch_related(
            "campus__label_periods",
            "parties__organisation",
            "contributions",
            Prefetch("signatures", queryset=Signature.objects.order_by("signed_on", "party_id")),
        )
    )


def convention_dates(convention, day=None):
    """End date and last day of notice, from the clauses in force on `day` and the campus's
    label periods (prefetched by convention_list)."""
    day = day or timezone.localdate()
    cache = convention.__dict__.setdefault("_dates", {})
    if day not in cache:
        cache[day] = compute_dates(
            clauses_in_force(convention, day),
            convention.effective_date,
            convention.campus.label_periods.all(),
            day,
        )
    return cache[day]


def amendment_list(user):
    return (
        amendments_visible_to(user)
        .select_related("convention__campus", "deliberation")
        .prefetch_related(
            "changes",
            Prefetch("signatures", queryset=Signature.objects.order_by("signed_on", "party_id")),
        )
    )


def document_list(user):
    return documents_visible_to(user).select_related("convention", "amendment")


def _link(reminder):
    """The page of the convention or amendment, when the conventions pages exist."""
    target = reminder.amendment or reminder.convention
    try:
        return target.get_absolute_url()
    except NoReverseMatch:
        return None


def recent_reminders(user, limit=10):
    """The latest reminders about conventions `user` may see (one query), newest first."""
    reminders = list(
        Reminder.objects.filter(
            convention__in=conventions_visible_to(user).values("pk"), sent_at__isnull=False
        )
        .select_related("convention__campus", "amendment")
        .order_by("-sent_at", "-pk")[:limit]
    )
    for reminder in reminders:
        reminder.link = _link(reminder)
    return reminders
