from django.urls import path

from documents import signing_views

app_name = "documents"

urlpatterns = [
    path("verifier/", signing_views.verify, name="verify"),
]
