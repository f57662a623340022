from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render

from core.roles import is_regional_staff

from .selectors import all_entries


def entry_list(request):
    """The whole journal, for regional staff."""
    if not is_regional_staff(request.user):
        raise PermissionDenied
    page = Paginator(all_entries(), 50).get_page(request.GET.get("page"))
    return render(request, "audit/entry_list.html", {"page_obj": page})
