"""Shared pieces of the HTTP API: the router every app registers on, error mapping, and the
token endpoint (obtained under the login lockout, revoked on demand; see core.api_auth)."""

from django.contrib.auth.signals import user_logged_in
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import JsonResponse
from django.urls import re_path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.authtoken.models import Token
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.routers import DefaultRouter
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView
from rest_framework.views import exception_handler as drf_exception_handler

from .api_auth import ExpiringTokenAuthentication, client_ip, token_expires
from .errors import ConflictError, PermissionDeniedError


class ApiRouter(DefaultRouter):
    """DRF's router, whose last route answers any other address under it with the API's
    JSON 404 (a collection's detail with an identifier that is not one, a typo), where
    Django would answer its HTML page. Only addresses ending in « / »: the others are still
    redirected to theirs by APPEND_SLASH."""

    def get_urls(self):
        return [*super().get_urls(), re_path(r"^.*/$", not_found, name="api-not-found")]


@csrf_exempt  # it changes nothing, whatever the method
def not_found(request):
    return JsonResponse({"detail": str(exceptions.NotFound.default_detail)}, status=404)


router = ApiRouter()


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("Conflit avec l'état actuel de l'objet.")
    default_code = "conflict"


def exception_handler(exc, context):
    """Map domain errors: ConflictError → 409, PermissionDeniedError → 403, model errors → 400."""
    if isinstance(exc, ConflictError):
        exc = Conflict(str(exc))
    elif isinstance(exc, PermissionDeniedError):
        exc = exceptions.PermissionDenied(str(exc))
    elif isinstance(exc, DjangoValidationError):
        detail = (
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
        exc = exceptions.ValidationError(detail)
    return drf_exception_handler(exc, context)


class LockedOut(exceptions.APIException):
    status_code = status.HTTP_429_TOO_MANY_REQUESTS
    default_detail = _(
        "Trop de tentatives de connexion ont échoué : par sécurité, la connexion à ce compte "
        "est bloquée pendant 15 minutes."
    )
    default_code = "locked_out"


class TokenRequestSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=254, help_text=_("Identifiant ou adresse e-mail"))
    password = serializers.CharField(style={"input_type": "password"})
    otp_token = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=32,
        help_text=_(
            "Code de double authentification : les 6 chiffres de l'application "
            "d'authentification, ou un code de secours (usage unique). Obligatoire pour un "
            "compte qui a activé la double authentification."
        ),
    )


class TokenResponseSerializer(serializers.Serializer):
    token = serializers.CharField()


class LoginThrottle(AnonRateThrottle):
    rate = "20/min"

    def get_ident(self, request):
        return client_ip(request)


# The second factor of the token endpoint, contributed by the accounts app (the kernel knows no
# accounts): check(request, user, code) -> None when a token may be issued, else the message of
# the refusal. Without one registered, the password is enough.
_second_factor_check = None


def register_second_factor(check):
    global _second_factor_check
    _second_factor_check = check


class ObtainTokenView(APIView):
    """POST: exchange a username (or e-mail) and password for an API token, under the same
    lockout as the login page (the authentication backends of settings: django-axes counts
    failures per account). DELETE: revoke the token the request is authenticated with."""

    throttle_classes = [LoginThrottle]
    authentication_classes = [ExpiringTokenAuthentication]

    def get_permissions(self):
        if self.request.method == "DELETE":
            return [IsAuthenticated()]
        return [AllowAny()]

    def get_authenticators(self):
        # Obtaining a token takes credentials, not a token: a stale Authorization header
        # must not turn a login into a 401. (self.request is Django's request here, None
        # when the schema is generated: the token is then documented for DELETE.)
        request = getattr(self, "request", None)
        if request is not None and request.method != "DELETE":
            return []
        return super().get_authenticators()

    @extend_schema(
        request=TokenRequestSerializer,
        responses={200: TokenResponseSerializer},
        auth=[],
        description=(
            "Échange l'identifiant (ou l'adresse e-mail) et le mot de passe contre un jeton, "
            "à envoyer ensuite dans l'en-tête `Authorization: Token …`. Un compte qui a activé "
            "la double authentification, ou un agent de la Région, un administrateur ou un "
            "agent du rectorat une fois la date fixée par l'administrateur passée, doit aussi "
            "donner `otp_token` (code de l'application d'authentification ou code de secours) : "
            "sans lui, ou avec un code faux, la réponse est 400 avec un message sur "
            "`otp_token`, et un code faux compte comme un échec de connexion (5 échecs "
            "bloquent le compte 15 minutes : 429)."
        ),
    )
    def post(self, request):
        request_serializer = TokenRequestSerializer(data=request.data)
        request_serializer.is_valid(raise_exception=True)
        serializer = AuthTokenSerializer(data=request.data, context={"request": request})
        # Answered, not raised: DRF rolls the request's transaction back on an exception, and
        # with it the failure the lockout has just counted.
        if not serializer.is_valid():
            if getattr(request, "axes_locked_out", False):
                return Response({"detail": LockedOut.default_detail}, status=LockedOut.status_code)
            return Response(serializer.errors, status=status.HTTP_400_BAD_REQUEST)
        user = serializer.validated_data["user"]
        if _second_factor_check is not None:
            refusal = _second_factor_check(
                request, user, request_serializer.validated_data.get("otp_token", "")
            )
            if refusal is not None:
                if getattr(request, "axes_locked_out", False):
                    return Response(
                        {"detail": LockedOut.default_detail}, status=LockedOut.status_code
                    )
                return Response({"otp_token": [refusal]}, status=status.HTTP_400_BAD_REQUEST)
        # A login like the page's: last_login, and the lockout's failures reset.
        user_logged_in.send(sender=user.__class__, request=request, user=user)
        token = Token.objects.filter(user=user).first()
        if token is not None and token_expires(token) <= timezone.now():
            token.delete()
            token = None
        if token is None:
            token, _created = Token.objects.get_or_create(user=user)
        return Response({"token": token.key})

    @extend_schema(request=None, responses={204: None})
    def delete(self, request):
        Token.objects.filter(key=request.auth.key).delete()
        return Response(status=status.HTTP_204_NO_CONTENT)
