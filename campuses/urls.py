from django.urls import path

from . import views

app_name = "campuses"

urlpatterns = [
    path("campus/", views.campus_list, name="list"),
    path("campus/nouveau/", views.campus_create, name="create"),
    path("campus/export.<str:fmt>", views.export_registry, name="export"),
    path("campus/<int:pk>/", views.campus_detail, name="detail"),
    path("campus/<int:pk>/modifier/", views.campus_update, name="update"),
    path("campus/<int:pk>/<slug:kind>/ajouter/", views.campus_child_form, name="child_create"),
    path(
        "campus/<int:pk>/<slug:kind>/<int:child_pk>/modifier/",
        views.campus_child_form,
        name="child_update",
    ),
    path(
        "campus/<int:pk>/<slug:kind>/<int:child_pk>/supprimer/",
        views.campus_child_delete,
        name="child_delete",
    ),
    path("organismes/", views.organisation_list, name="organisation_list"),
    path("organismes/nouveau/", views.organisation_form, name="organisation_create"),
    path("organismes/<int:pk>/", views.organisation_detail, name="organisation_detail"),
    path("organismes/<int:pk>/modifier/", views.organisation_form, name="organisation_update"),
    path(
        "organismes/<int:pk>/representants/ajouter/",
        views.representative_form,
        name="representative_create",
    ),
    path(
        "organismes/<int:pk>/representants/<int:rep_pk>/modifier/",
        views.representative_form,
        name="representative_update",
    ),
]
