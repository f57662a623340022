from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render

from core.roles import is_regional_staff

from . import chain
from .models import AuditEntry
from .selectors import all_entries

# The chain is recomputed at most once a minute per state of the journal (its last entry):
# the whole journal is read, which must not weigh on every page view.
CHAIN_CHECK_SECONDS = 60


def chain_report():
    last_id = AuditEntry.objects.order_by("-id").values_list("id", flat=True).first()
    return cache.get_or_set(
        f"audit-chain-{last_id}", lambda: chain.verify(AuditEntry), CHAIN_CHECK_SECONDS
    )


def entry_list(request):
    """The whole journal, for regional staff."""
    if not is_regional_staff(request.user):
        raise PermissionDenied
    page = Paginator(all_entries(), 50).get_page(request.GET.get("page"))
    return render(request, "audit/entry_list.html", {"page_obj": page, "chain": chain_report()})
