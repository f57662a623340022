from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path
from django.views.i18n import set_language
from drf_spectacular.views import SpectacularAPIView

import campuses.api  # noqa: F401 - registers the campuses collection on the router
import conventions.api  # noqa: F401 - registers conventions, amendments, documents
import deliberations.api  # noqa: F401 - registers deliberations
import followup.api  # noqa: F401 - registers followups
import labels.api  # noqa: F401 - registers label-applications
import subsidies.api  # noqa: F401 - registers subsidies and payments
from accounts.two_factor_views import admin_login
from core import converters
from core.api import ObtainTokenView, router
from core.page_cache import cache_reads, cached_view

from .api_docs import api_docs
from .views import home

converters.register()


@login_not_required
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page links to: send them to the SVG."""
    return redirect(static("img/favicon.svg"))


urlpatterns = [
    path("", cached_view(home), name="home"),
    path("comptes/", include("accounts.urls")),
    path("", include("campuses.urls")),
    path("conventions/", include("conventions.urls")),
    path("deliberations/", include("deliberations.urls")),
    path("subventions/", include("subsidies.urls")),
    path("labellisation/", include("labels.urls")),
    path("suivi/", include("followup.urls")),
    path("journal/", include("audit.urls")),
    path("taches/", include("jobs.urls")),
    path("documents/", include("documents.urls")),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    # The admin's own login would take the password alone: the portal's, with its second step.
    path("admin/login/", admin_login, name="admin-login"),
    path("admin/", admin.site.urls),
    path("api/v1/auth/token/", ObtainTokenView.as_view(), name="api-token"),
    # Lists and details answered by the page cache until a table they read changes.
    path("api/v1/", include(cache_reads(router.urls))),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # A portal page, for staff only (cmq_portal.api_docs); its script is served as a file.
    path("api/docs/", api_docs, name="api-docs"),
    path("favicon.ico", favicon),
]

# Stored files (MEDIA_ROOT) are never served by URL, not even with DEBUG: each is downloaded
# through the view of the object it belongs to, which checks the user's scope.
