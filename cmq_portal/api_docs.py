"""The API's documentation as a page of the portal: Swagger UI (drf-spectacular-sidecar's
files, served from static/, no CDN) inside the portal's layout, for the staff who script the
portal (core.permissions.can_read_api_docs). The schema itself (/api/schema/) stays open:
clients generate their code from it.

Under /api/ the portal's login middleware steps aside (the API answers 401 on its own), so
this page sends anonymous visitors to the login page itself."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from drf_spectacular.views import SpectacularSwaggerSplitView

from core.permissions import can_read_api_docs


class PortalSwaggerView(SpectacularSwaggerSplitView):
    # The split view serves its script as a file (?script): no inline script under the CSP.
    template_name = "api/docs.html"


_swagger = PortalSwaggerView.as_view(url_name="api-schema")


def api_docs(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can_read_api_docs(request.user):
        raise PermissionDenied
    return _swagger(request)
