from django.urls import path

from core.page_cache import cached_view
from documents.views import download

from . import views
from .models import LabelDocument

app_name = "labels"

# Each name needs a row in tests/test_permission_matrix.py.
urlpatterns = [
    path("", cached_view(views.application_list), name="list"),
    path("nouvelle/", views.application_create, name="create"),
    path("<id:pk>/", cached_view(views.application_detail), name="detail"),
    path("<id:pk>/modifier/", views.application_edit, name="edit"),
    # Preparation
    path("<id:pk>/criteres/<str:number>/", views.presentation_edit, name="presentation"),
    path("<id:pk>/signature/<slug:carrier>/", views.sign_letter, name="sign"),
    path("<id:pk>/avis/<slug:body>/", views.prior_opinion, name="opinion"),
    path("<id:pk>/avis/<slug:body>/document.pdf", views.opinion_document, name="opinion_document"),
    path("<id:pk>/dossier/", views.dossier_upload, name="dossier"),
    path("<id:pk>/dossier.pdf", views.dossier_download, name="dossier_download"),
    path("<id:pk>/annexes/nouvelle/", views.annex_add, name="annex_add"),
    path("annexes/<id:pk>.pdf", views.annex_download, name="annex_download"),
    path("<id:pk>/deposer/", views.deposit, name="deposit"),
    # The Region's rulings
    path("<id:pk>/recevable/", views.admit, name="admit"),
    path("<id:pk>/irrecevable/", views.reject, name="reject"),
    path("<id:pk>/retirer/", views.withdraw, name="withdraw"),
    path("<id:pk>/decision/", views.decide, name="decide"),
    # Experts
    path("<id:pk>/experts/", views.experts, name="experts"),
    path("designations/<id:pk>/retirer/", views.unassign, name="unassign"),
    path("designations/<id:pk>/rapporteur/", views.make_rapporteur, name="make_rapporteur"),
    path("<id:pk>/lancer-l-expertise/", views.start_expertise, name="start_expertise"),
    path("<id:pk>/evaluation/", views.assessment, name="assessment"),
    path("<id:pk>/avis-du-groupe/", views.consolidation, name="consolidation"),
    # Navettes (about an application: « candidature »; about an obligation: « obligation »)
    path("<slug:kind>/<id:pk>/navettes/nouvelle/", views.navette_new, name="navette_new"),
    path("recommandations/<id:pk>/repondre/", views.answer, name="answer"),
    path("recommandations/<id:pk>/apprecier/", views.mark, name="mark"),
    path(
        "recommandations/<id:pk>/piece-jointe/", views.answer_attachment, name="answer_attachment"
    ),
    path("navettes/<id:pk>/envoyer-les-reponses/", views.send_answers, name="send_answers"),
    # Documents
    path("<id:pk>/documents/<slug:kind>/", views.document_request, name="document_request"),
    path("documents/<id:pk>/", download, {"model": LabelDocument}, name="document_download"),
    # After the label
    path("obligations/<id:pk>/", views.obligation_detail, name="obligation_detail"),
    path("obligations/<id:pk>/remettre/", views.obligation_file, name="obligation_file"),
    path("obligations/<id:pk>/conclure/", views.obligation_close, name="obligation_close"),
    path("obligations/<id:pk>/rapport.pdf", views.obligation_report, name="obligation_report"),
    # Regional views
    path("sessions/", cached_view(views.sessions), name="sessions"),
    path("sessions/nouvelle/", views.session_create, name="session_create"),
    path("calendrier/", cached_view(views.calendar), name="calendar"),
    path("mes-liens-d-interet/", views.interests, name="interests"),
    path(
        "mes-liens-d-interet/<id:pk>/retirer/", views.affiliation_delete, name="affiliation_delete"
    ),
]
