"""Reads of the conventions domain, scoped by conventions.permissions.

Lists are built so that their query count does not grow with their rows: consolidation's
prefetches, the campus's label periods (for the computed dates), contributions and signatures.
What the API lists serialize is prefetched into lists (core.prefetching.as_rows: no queryset clone
per row), read through core.prefetching.rows().
"""

from django.urls import NoReverseMatch
from django.utils import timezone

from core.prefetching import as_rows, rows

from .consolidation import clauses_in_force, with_amendments
from .dates import compute_dates
from .models import AmendmentChange, ConventionParty, FrameworkConvention, Reminder, Signature
from .permissions import (
    amendments_visible_to,
    conventions_visible_to,
    documents_visible_to,
)


def _signatures():
    return as_rows("signatures", Signature.objects.order_by("signed_on", "party_id"))


def convention_list(user, queryset=None):
    """Conventions visible to `user`, with everything the list and the dates read."""
    queryset = FrameworkConvention.objects.all() if queryset is None else queryset
    return (
        # The parties are listed; the dates need only the amendments' clauses.
        with_amendments(conventions_visible_to(user, queryset), into_rows=True)
        .select_related("deliberation")
        .prefetch_related(
            as_rows("campus__label_periods"),
            # With the organisations that name them (serializers, consolidation.base_text);
            # by position, unique within a convention (Meta.ordering joins its campus).
            as_rows(
                "parties",
                ConventionParty.objects.select_related("organisation").order_by("position"),
            ),
            as_rows("contributions"),
            _signatures(),
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
            rows(convention.campus, "label_periods"),
            day,
        )
    return cache[day]


def amendment_list(user):
    return (
        amendments_visible_to(user)
        .select_related("convention__campus", "deliberation")
        .prefetch_related(
            # By position, unique within an amendment (Meta.ordering joins up to the campus).
            as_rows("changes", AmendmentChange.objects.order_by("position")),
            _signatures(),
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
