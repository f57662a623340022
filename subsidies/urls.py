from django.urls import path

from core.page_cache import cached_view
from documents.views import download

from . import views
from .models import SubsidyDocument

app_name = "subsidies"

# Each name needs a row in tests/test_permission_matrix.py.
urlpatterns = [
    # Dossiers
    path("", cached_view(views.dossier_list), name="list"),
    path("nouveau/", views.dossier_create, name="create"),
    path("export/<slug:fmt>/", views.export, name="export"),
    path("donnees-essentielles/", views.open_data, name="open_data"),
    path("<id:pk>/", cached_view(views.dossier_detail), name="detail"),
    path("<id:pk>/modifier/", views.dossier_edit, name="edit"),
    path("<id:pk>/deposer/", views.submit, name="submit"),
    path("<id:pk>/retirer/", views.withdraw, name="withdraw"),
    path("<id:pk>/renvoyer-en-brouillon/", views.return_to_draft, name="return_to_draft"),
    path("<id:pk>/instruire/", views.instruct, name="instruct"),
    path("<id:pk>/proposer/", views.propose, name="propose"),
    path("<id:pk>/retirer-de-l-ordre-du-jour/", views.unpropose, name="unpropose"),
    path("<id:pk>/refuser/", views.refuse, name="refuse"),
    path("<id:pk>/clore/", views.close, name="close"),
    # Grant agreement and payments
    path("<id:pk>/convention/signer/", views.agreement_sign, name="agreement_sign"),
    path("<id:pk>/convention/exemplaire/", views.agreement_scan_upload, name="agreement_scan"),
    path(
        "<id:pk>/convention/exemplaire.pdf",
        views.agreement_scan_download,
        name="agreement_scan_download",
    ),
    path("<id:pk>/caducite/", views.lapse_date, name="lapse_date"),
    path("<id:pk>/versements/demander/", views.payment_request, name="payment_request"),
    path("versements/<id:pk>/mandater/", views.payment_order, name="payment_order"),
    path("versements/<id:pk>/payer/", views.payment_pay, name="payment_pay"),
    path("versements/<id:pk>/annuler/", views.payment_cancel, name="payment_cancel"),
    # Documents
    path("<id:pk>/documents/<slug:kind>/", views.document_request, name="document_request"),
    path(
        "documents/<id:pk>/",
        download,
        {"model": SubsidyDocument},
        name="document_download",
    ),
    # Envelopes
    path("enveloppes/", cached_view(views.envelope_list), name="envelope_list"),
    path("enveloppes/nouvelle/", views.envelope_create, name="envelope_create"),
    path("enveloppes/<id:pk>/", cached_view(views.envelope_detail), name="envelope_detail"),
    # Transfers
    path("transferts/nouveau/", views.transfer_create, name="transfer_create"),
    path("transferts/<id:pk>/", cached_view(views.transfer_detail), name="transfer_detail"),
    path("transferts/<id:pk>/signer/", views.transfer_sign, name="transfer_sign"),
    path("transferts/<id:pk>/exemplaire/", views.transfer_scan_upload, name="transfer_scan"),
    path(
        "transferts/<id:pk>/exemplaire.pdf",
        views.transfer_scan_download,
        name="transfer_scan_download",
    ),
    path("transferts/<id:pk>/document/", views.transfer_document, name="transfer_document"),
    # A deliberation's subsidies (its page is deliberations:detail)
    path("deliberations/<id:pk>/vote/", views.deliberation_vote, name="deliberation_vote"),
    path(
        "deliberations/<id:pk>/recapitulatif/",
        views.deliberation_summary,
        name="deliberation_summary",
    ),
    path("deliberations/<id:pk>/annexes/", views.deliberation_annexes, name="deliberation_annexes"),
]
