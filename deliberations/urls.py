from django.urls import path

from . import views

app_name = "deliberations"

urlpatterns = [
    path("", views.deliberation_list, name="list"),
    path("nouvelle/", views.deliberation_create, name="create"),
    path("<id:pk>/", views.deliberation_detail, name="detail"),
    path("<id:pk>/documents/", views.generate_documents, name="generate_documents"),
]
