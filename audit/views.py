from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render

from campuses.permissions import can_manage_registry

from .selectors import all_entries


def entry_list(request):
    """The whole journal, for regional staff."""
    if not can_manage_registry(request.user):
        raise PermissionDenied
    page = Paginator(all_entries(), 50).get_page(request.GET.get("page"))
    return render(request, "audit/entry_list.html", {"page_obj": page})
