from django.urls import path

from core.page_cache import cached_view

from . import urls_dashboard, views

app_name = "followup"

# Each name needs a row in tests/test_permission_matrix.py.
urlpatterns = [
    # Campaigns
    path("", cached_view(views.campaign_list), name="campaign_list"),
    path("campagnes/nouvelle/", views.campaign_create, name="campaign_create"),
    path("campagnes/<id:pk>/", cached_view(views.campaign_detail), name="campaign_detail"),
    # A sheet, its sections (editor and draft endpoint), summary and submission
    path("fiches/<id:pk>/", cached_view(views.sheet_detail), name="sheet_detail"),
    path("fiches/<id:pk>/rubriques/<id:number>/", views.section, name="section"),
    path(
        "fiches/<id:pk>/rubriques/<id:number>/brouillon/",
        views.section_draft,
        name="section_draft",
    ),
    path("fiches/<id:pk>/recapitulatif/", cached_view(views.summary), name="summary"),
    path("fiches/<id:pk>/soumettre/", views.submit, name="submit"),
    # Attachments
    path(
        "fiches/<id:pk>/rubriques/<id:number>/pieces-jointes/",
        views.attachment_upload,
        name="attachment_upload",
    ),
    path("pieces-jointes/<id:pk>/", views.attachment_download, name="attachment_download"),
    path("pieces-jointes/<id:pk>/supprimer/", views.attachment_delete, name="attachment_delete"),
    # Review
    path("fiches/<id:pk>/commenter/", views.comment, name="comment"),
    path(
        "fiches/<id:pk>/demander-des-modifications/",
        views.request_changes,
        name="request_changes",
    ),
    path("fiches/<id:pk>/valider/", views.validate, name="validate"),
    path("fiches/<id:pk>/avis/", views.opinion, name="opinion"),
]

# The regional dashboard, its exports and report, and a sheet's PDF (same namespace).
urlpatterns += urls_dashboard.urlpatterns
