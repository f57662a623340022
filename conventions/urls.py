from django.urls import path

from core.page_cache import cached_view
from documents.views import download

from . import views
from .models import GeneratedDocument

app_name = "conventions"

urlpatterns = [
    path("", cached_view(views.convention_list), name="list"),
    path("nouvelle/", views.convention_create, name="create"),
    path("<id:pk>/", cached_view(views.convention_detail), name="detail"),
    path("<id:pk>/modifier/", views.convention_update, name="update"),
    path("<id:pk>/texte-adopte/", views.convention_adopted_text, name="adopted_text"),
    path("<id:pk>/texte-consolide/", cached_view(views.consolidated), name="consolidated"),
    path("<id:pk>/comparer/", cached_view(views.compare), name="compare"),
    path("<id:pk>/envoyer/", views.convention_send, name="send"),
    path(
        "<id:pk>/remettre-en-brouillon/",
        views.convention_return_to_draft,
        name="return_to_draft",
    ),
    path("<id:pk>/signer/", views.convention_sign, name="sign"),
    path("<id:pk>/denoncer/", views.convention_terminate, name="terminate"),
    path("<id:pk>/originaux/ajouter/", views.scan_upload, name="scan_upload"),
    path("<id:pk>/documents/<slug:kind>/", views.document_request, name="document_request"),
    path("<id:pk>/avenants/nouveau/", views.amendment_create, name="amendment_create"),
    path(
        "<id:pk>/avenants/historique/",
        views.historical_amendment_create,
        name="historical_amendment_create",
    ),
    path("originaux/<id:pk>/", views.scan_download, name="scan_download"),
    path(
        "documents/<id:pk>/",
        download,
        {"model": GeneratedDocument},
        name="document_download",
    ),
    path("avenants/<id:pk>/", cached_view(views.amendment_detail), name="amendment_detail"),
    path("avenants/<id:pk>/modifier/", views.amendment_update, name="amendment_update"),
    path(
        "avenants/<id:pk>/texte-adopte/",
        views.amendment_adopted_text,
        name="amendment_adopted_text",
    ),
    path("avenants/<id:pk>/modifications/", views.change_create, name="change_create"),
    path("avenants/modifications/<id:pk>/supprimer/", views.change_delete, name="change_delete"),
    path("avenants/<id:pk>/envoyer/", views.amendment_send, name="amendment_send"),
    path(
        "avenants/<id:pk>/remettre-en-brouillon/",
        views.amendment_return_to_draft,
        name="amendment_return_to_draft",
    ),
    path("avenants/<id:pk>/signer/", views.amendment_sign, name="amendment_sign"),
    path(
        "avenants/<id:pk>/originaux/ajouter/",
        views.amendment_scan_upload,
        name="amendment_scan_upload",
    ),
    path("avenants/<id:pk>/document/", views.amendment_document, name="amendment_document"),
    # Parts of a draft (parties, articles, alinéas, contributions, annexes): last, so that
    # the fixed paths above win.
    path("<id:pk>/<slug:kind>/ajouter/", views.part_form, name="part_create"),
    path("<id:pk>/<slug:kind>/<id:part_pk>/modifier/", views.part_form, name="part_update"),
    path("<id:pk>/<slug:kind>/<id:part_pk>/supprimer/", views.part_delete, name="part_delete"),
]
