"""The portal's URLs and two cached views of the page cache's tests (tests/core/test_page_cache.py):
one that writes on GET, one that reads."""

from django.http import HttpResponse
from django.urls import path

from campuses.models import Organisation
from cmq_portal.urls import urlpatterns as portal_urlpatterns
from core.page_cache import cached_view


def count_organisations(request):
    return HttpResponse(f"{Organisation.objects.count()} organismes")


def count_and_add(request):
    """A GET with a side effect: its answer must never be served in place of the next one."""
    Organisation.objects.create(
        legal_name=f"Organisme n° {Organisation.objects.count() + 1}",
        legal_status=Organisation._meta.get_field("legal_status").choices[0][0],
    )
    return HttpResponse(f"{Organisation.objects.count()} organismes")


urlpatterns = [
    path("test-cache/compte/", cached_view(count_organisations)),
    path("test-cache/ajout/", cached_view(count_and_add)),
    *portal_urlpatterns,
]
