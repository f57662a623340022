from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render

from core.roles import is_regional_staff

from . import chain
from .filters import EntryFilter
from .models import AuditEntry
from .selectors import all_entries

# The chain is recomputed at most once a minute per state of the journal (its last entry):
# the whole journal is read, which must not weigh on every page view.
CHAIN_CHECK_SECONDS = 60
PAGE_SIZE = 50
# A page that shows an object's history (a campus, a convention, an account) shows its latest
# entries only, with a link to the whole, paginated, filterable history.
PREVIEW_SIZE = 10


def chain_report():
    last_id = AuditEntry.objects.order_by("-id").values_list("id", flat=True).first()
    return cache.get_or_set(
        f"audit-chain-{last_id}", lambda: chain.verify(AuditEntry), CHAIN_CHECK_SECONDS
    )


def preview(entries, more_url):
    """The latest PREVIEW_SIZE entries, and `more_url` if there are more: the context of
    templates/audit/_entries.html (one query)."""
    latest = list(entries[: PREVIEW_SIZE + 1])
    return {
        "entries": latest[:PREVIEW_SIZE],
        "more_url": more_url if len(latest) > PREVIEW_SIZE else "",
    }


def history_page(request, entries, context, *, template="audit/history.html"):
    """A whole history, newest first, filtered by action and kind, paginated."""
    filterset = EntryFilter(request.GET or None, queryset=entries)
    rows = filterset.qs if filterset.is_bound and filterset.is_valid() else entries
    page = Paginator(rows.order_by("-created_at", "-id"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, template, {**context, "filterset": filterset, "page_obj": page})


def entry_list(request):
    """The whole journal, for regional staff."""
    if not is_regional_staff(request.user):
        raise PermissionDenied
    return history_page(
        request, all_entries(), {"chain": chain_report()}, template="audit/entry_list.html"
    )
