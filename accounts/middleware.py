from django.contrib.auth.middleware import LoginRequiredMiddleware as DjangoLoginRequired
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from . import two_factor


class LoginRequiredMiddleware(DjangoLoginRequired):
    """Every page needs a logged-in user, except those marked @login_not_required.

    The API authenticates on its own (token or session) and answers 401, not a redirect to
    the login page, so it is left to Django REST framework.
    """

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path_info.startswith("/api/"):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)


# The pages staff past the policy's day may still open: enrolment, its codes, logging out.
ENROLMENT_VIEWS = {
    "accounts:two_factor",
    "accounts:two_factor_enrol",
    "accounts:two_factor_codes",
    "accounts:two_factor_verify",
    "accounts:logout",
}


class TwoFactorMiddleware:
    """From the day the TwoFactorPolicy sets, regional staff, administrators and rectorate
    staff whose session has not passed a second factor are sent to « Sécurité du compte »
    from every page (and refused by the API with their session) until they enrol or confirm
    the session with a code. Public pages (login, password reset) stay open.

    Placed after OTPMiddleware (request.user.is_verified) and LoginRequiredMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or not two_factor.must_use_two_factor(user):
            return None
        if getattr(user, "is_verified", lambda: False)():
            return None
        match = request.resolver_match
        view_name = match.view_name if match is not None else ""
        api = request.path_info.startswith("/api/")
        if api and view_name == "api-token":
            return None  # the token endpoint asks for the second factor itself
        if not api and (
            view_name in ENROLMENT_VIEWS or not getattr(view_func, "login_required", True)
        ):
            return None  # enrolment, logging out, public pages (login, password reset)
        if not two_factor.enrolment_required(user, request=request):
            return None
        if api:
            return JsonResponse(
                {
                    "detail": _(
                        "La double authentification est obligatoire pour ce compte : "
                        "activez-la sur le portail (Sécurité du compte)."
                    )
                },
                status=403,
            )
        return redirect("accounts:two_factor")
