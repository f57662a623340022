"""URLs of the regional dashboard, its exports and report, and a sheet's PDF; included by
followup/urls.py (`urlpatterns += urls_dashboard.urlpatterns`), hence in the "followup"
namespace. Each name needs a row in tests/test_permission_matrix.py."""

from django.urls import path

from documents.views import download

from . import views_dashboard
from .models import SheetDocument

urlpatterns = [
    path("tableau-de-bord/", views_dashboard.dashboard_page, name="dashboard"),
    path(
        "tableau-de-bord/export/<slug:fmt>/",
        views_dashboard.dashboard_export,
        name="dashboard_export",
    ),
    path("tableau-de-bord/rapport/", views_dashboard.regional_report, name="regional_report"),
    # Not "fiches/<pk>/pdf/": followup/urls.py's document_request has that address.
    path(
        "fiches/<id:pk>/pdf/demander/",
        views_dashboard.sheet_pdf_request,
        name="sheet_pdf_request",
    ),
    path(
        "fiches/pdf/<id:pk>/telecharger/",
        download,
        {"model": SheetDocument, "pending_template": "followup/dashboard_sheet_pdf.html"},
        name="sheet_pdf_download",
    ),
]
