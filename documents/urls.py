from django.urls import path

from documents import signing_views

app_name = "documents"

urlpatterns = [
    path("verifier/", signing_views.verify, name="verify"),
    path("signer/<str:label>/<int:pk>/<str:party>/", signing_views.sign, name="sign"),
    path(
        "signer/<str:label>/<int:pk>/<str:party>/depot/",
        signing_views.upload_signed,
        name="upload_signed",
    ),
    path("actes/<str:label>/<int:pk>/fichier/", signing_views.signed_file, name="signed_file"),
]
