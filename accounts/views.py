from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from audit.models import AuditEntry
from audit.views import preview as history_preview
from core.errors import PermissionDeniedError

from . import services, two_factor
from .forms import AccountForm, LoginForm
from .models import Role, User
from .permissions import can_deactivate, can_manage_account, can_manage_accounts


@method_decorator(login_not_required, name="dispatch")
class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        user = form.get_user()
        if two_factor.has_second_factor(user):
            # Not logged in yet: the second step (two_factor_views.login_code) asks for a code.
            two_factor.start_pending_login(self.request, user, self.get_redirect_url())
            return redirect("accounts:login_code")
        return super().form_valid(form)


def _require_account_rights(request):
    if not can_manage_accounts(request.user):
        raise PermissionDenied


def user_list(request):
    _require_account_rights(request)
    users = User.objects.prefetch_related("academies", "campus_directorships__campus")
    query = request.GET.get("q", "").strip()
    role = request.GET.get("role", "")
    if query:
        users = users.filter(
            Q(username__icontains=query)
            | Q(email__icontains=query)
            | Q(first_name__icontains=query)
            | Q(last_name__icontains=query)
        )
    if role in Role.values:
        users = users.filter(role=role)
    page = Paginator(users, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "accounts/user_list.html",
        {"page_obj": page, "query": query, "role": role, "roles": Role.choices},
    )


def _account_form(request, user=None):
    _require_account_rights(request)
    form = AccountForm(request.POST or None, instance=user, actor=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            if user is None:
                user = services.invite_user(request.user, **form.service_fields())
                messages.success(
                    request,
                    _("Invitation envoyée à %(email)s.") % {"email": user.email},
                )
            else:
                services.update_user(request.user, user, **form.service_fields())
                messages.success(request, _("Le compte a été modifié."))
        except PermissionDeniedError as error:
            raise PermissionDenied(str(error)) from error
        return redirect("accounts:user_detail", pk=user.pk)
    return render(request, "accounts/user_form.html", {"form": form, "account": user})


def user_invite(request):
    return _account_form(request)


def _managed_account(request, pk, **lookup):
    """The account the action is about, if the user may manage it (else 403)."""
    _require_account_rights(request)
    account = get_object_or_404(User, pk=pk, **lookup)
    if not can_manage_account(request.user, account):
        raise PermissionDenied
    return account


def user_update(request, pk):
    return _account_form(request, _managed_account(request, pk))


def user_detail(request, pk):
    _require_account_rights(request)
    account = get_object_or_404(
        User.objects.prefetch_related("academies", "campus_directorships__campus"), pk=pk
    )
    user_type = ContentType.objects.get_for_model(User)
    history = history_preview(
        AuditEntry.objects.filter(content_type=user_type, object_id=str(account.pk))
        .select_related("actor", "content_type")
        .order_by("-created_at", "-id"),
        reverse("audit:list") + f"?kind={user_type.pk}&object={account.pk}",
    )
    return render(
        request,
        "accounts/user_detail.html",
        {
            "account": account,
            "history": history,
            "two_factor_device": two_factor.totp_device(account),
            # The actions offered are those the action views allow (accounts.permissions).
            "may_manage": can_manage_account(request.user, account),
            "may_deactivate": can_deactivate(request.user, account),
        },
    )


@require_POST
def user_set_active(request, pk, active):
    account = _managed_account(request, pk)
    try:
        services.set_active(request.user, account, active)
    except PermissionDeniedError as error:
        messages.error(request, str(error))
        return redirect("accounts:user_detail", pk=pk)
    if active:
        messages.success(request, _("Le compte de %s est réactivé.") % account)
    else:
        messages.success(request, _("Le compte de %s est désactivé.") % account)
    return redirect("accounts:user_detail", pk=pk)


@require_POST
def user_reset_two_factor(request, pk):
    """For someone who lost their phone: their application and recovery codes are removed
    (audited); they log in with their password and, if their role requires it, enrol again."""
    account = _managed_account(request, pk)
    if two_factor.remove(request.user, account):
        messages.success(
            request, _("La double authentification de %s est réinitialisée.") % account
        )
    else:
        messages.info(request, _("%s n'avait pas activé la double authentification.") % account)
    return redirect("accounts:user_detail", pk=pk)


@require_POST
def user_resend_invitation(request, pk):
    account = _managed_account(request, pk, is_active=True)
    services.send_invitation(account)
    messages.success(request, _("Invitation renvoyée à %s.") % account.email)
    return redirect("accounts:user_detail", pk=pk)
