from django.urls import path

from core.page_cache import cached_view

from . import views

app_name = "campuses"

urlpatterns = [
    path("campus/", cached_view(views.campus_list), name="list"),
    path("campus/nouveau/", views.campus_create, name="create"),
    path("campus/export.<str:fmt>", views.export_registry, name="export"),
    path("campus/<id:pk>/", cached_view(views.campus_detail), name="detail"),
    path("campus/<id:pk>/modifier/", views.campus_update, name="update"),
    path("campus/<id:pk>/historique/", cached_view(views.campus_history), name="history"),
    path("campus/<id:pk>/<slug:kind>/ajouter/", views.campus_child_form, name="child_create"),
    path(
        "campus/<id:pk>/<slug:kind>/<id:child_pk>/modifier/",
        views.campus_child_form,
        name="child_update",
    ),
    path(
        "campus/<id:pk>/<slug:kind>/<id:child_pk>/supprimer/",
        views.campus_child_delete,
        name="child_delete",
    ),
    path("organismes/", cached_view(views.organisation_list), name="organisation_list"),
    path("organismes/nouveau/", views.organisation_form, name="organisation_create"),
    path("organismes/<id:pk>/", cached_view(views.organisation_detail), name="organisation_detail"),
    path("organismes/<id:pk>/modifier/", views.organisation_form, name="organisation_update"),
    path(
        "organismes/<id:pk>/representants/ajouter/",
        views.representative_form,
        name="representative_create",
    ),
    path(
        "organismes/<id:pk>/representants/<id:rep_pk>/modifier/",
        views.representative_form,
        name="representative_update",
    ),
]
