from django.urls import path

from core.page_cache import cached_view

from . import views

app_name = "deliberations"

urlpatterns = [
    path("", cached_view(views.deliberation_list), name="list"),
    path("nouvelle/", views.deliberation_create, name="create"),
    path("<id:pk>/", cached_view(views.deliberation_detail), name="detail"),
    path("<id:pk>/documents/", views.generate_documents, name="generate_documents"),
]
