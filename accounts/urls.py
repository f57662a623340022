from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import path, reverse_lazy

from core.page_cache import cached_view

from . import two_factor_views, views
from .forms import PasswordResetForm

app_name = "accounts"


def _public(view):
    return login_not_required(view)


urlpatterns = [
    path("connexion/", views.LoginView.as_view(), name="login"),
    path("connexion/code/", two_factor_views.login_code, name="login_code"),
    path("deconnexion/", auth_views.LogoutView.as_view(), name="logout"),
    path("securite/", two_factor_views.security, name="two_factor"),
    path("securite/activer/", two_factor_views.enrol, name="two_factor_enrol"),
    path("securite/codes/", two_factor_views.recovery_codes, name="two_factor_codes"),
    path(
        "securite/codes/regenerer/",
        two_factor_views.regenerate_codes,
        name="two_factor_regenerate",
    ),
    path("securite/verifier/", two_factor_views.verify_session, name="two_factor_verify"),
    path("securite/retirer/", two_factor_views.remove, name="two_factor_remove"),
    path(
        "mot-de-passe/oubli/",
        _public(
            auth_views.PasswordResetView.as_view(
                template_name="accounts/password_reset_form.html",
                form_class=PasswordResetForm,
                email_template_name="accounts/email/password_reset.txt",
                subject_template_name="accounts/email/password_reset_subject.txt",
                success_url=reverse_lazy("accounts:password_reset_done"),
            )
        ),
        name="password_reset",
    ),
    path(
        "mot-de-passe/oubli/envoye/",
        _public(
            auth_views.PasswordResetDoneView.as_view(
                template_name="accounts/password_reset_done.html"
            )
        ),
        name="password_reset_done",
    ),
    path(
        "mot-de-passe/nouveau/<uidb64>/<token>/",
        _public(
            auth_views.PasswordResetConfirmView.as_view(
                template_name="accounts/password_reset_confirm.html",
                success_url=reverse_lazy("accounts:password_reset_complete"),
            )
        ),
        name="password_reset_confirm",
    ),
    path(
        "mot-de-passe/nouveau/termine/",
        _public(
            auth_views.PasswordResetCompleteView.as_view(
                template_name="accounts/password_reset_complete.html"
            )
        ),
        name="password_reset_complete",
    ),
    path("utilisateurs/", cached_view(views.user_list), name="user_list"),
    path("utilisateurs/inviter/", views.user_invite, name="user_invite"),
    path("utilisateurs/<id:pk>/", cached_view(views.user_detail), name="user_detail"),
    path("utilisateurs/<id:pk>/modifier/", views.user_update, name="user_update"),
    path(
        "utilisateurs/<id:pk>/desactiver/",
        views.user_set_active,
        {"active": False},
        name="user_deactivate",
    ),
    path(
        "utilisateurs/<id:pk>/reactiver/",
        views.user_set_active,
        {"active": True},
        name="user_reactivate",
    ),
    path(
        "utilisateurs/<id:pk>/reinitialiser-double-authentification/",
        views.user_reset_two_factor,
        name="user_reset_two_factor",
    ),
    path(
        "utilisateurs/<id:pk>/renvoyer-invitation/",
        views.user_resend_invitation,
        name="user_resend_invitation",
    ),
]
