"""The OpenAPI schema's error answers: every operation documents the errors it can really
return, with the bodies core.api.exception_handler gives them.

drf-spectacular documents only the success of an operation. The errors are derived here from
the view, the way DRF itself decides them, so a new collection is documented without a word:
- 401 when the operation authenticates (a missing, unknown or expired token);
- 403 when a permission beyond « authenticated » applies (the role, the workflow's rules);
- 404 on a route with an identifier (outside the caller's scope, or absent), and on a
  paginated list (a page past the last one);
- 400 on a write (the body's field errors, a malformed JSON body) and on a read taking query
  parameters (a filter or an option refused);
- 409 on a write of a collection (every collection writes through a domain service, which
  refuses an action the object's state does not allow or a stale `version`);
- 429 on a throttled view (the token endpoint, whose login lockout answers 429 too).
An operation that states a code itself (`extend_schema(responses=…)`) keeps its own.
"""

import copy

from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from drf_spectacular.plumbing import ResolvedComponent
from rest_framework import permissions, serializers, throttling, viewsets
from rest_framework.settings import api_settings

# Permissions that never refuse an authenticated caller: they give 401, never 403.
AUTHENTICATION_ONLY = (permissions.AllowAny, permissions.IsAuthenticated)
WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
BODY_METHODS = {"POST", "PUT", "PATCH"}

ERROR_DETAIL = {
    "type": "object",
    "description": _("Une erreur, expliquée dans `detail`."),
    "properties": {"detail": {"type": "string", "description": _("Le message de l'erreur.")}},
    "required": ["detail"],
}
VALIDATION_ERROR = {
    "type": "object",
    "description": _(
        "Les erreurs de la requête : pour chaque champ refusé, la liste de ses messages (ou, "
        "pour un champ composé, les erreurs de ses éléments) ; `non_field_errors` pour celles "
        "qui portent sur l'ensemble ; `detail` quand le corps n'a pu être lu (JSON invalide)."
    ),
    "properties": {
        "detail": {"type": "string"},
        "non_field_errors": {"type": "array", "items": {"type": "string"}},
    },
    "additionalProperties": {"anyOf": [{"type": "array"}, {"type": "object"}]},
}

ERRORS = {
    "400": (VALIDATION_ERROR, "ValidationError", _("Requête refusée (voir chaque champ).")),
    "401": (ERROR_DETAIL, "ErrorDetail", _("Authentification requise, ou jeton invalide.")),
    "403": (ERROR_DETAIL, "ErrorDetail", _("Action refusée à votre rôle.")),
    "404": (ERROR_DETAIL, "ErrorDetail", _("Introuvable (ou hors de votre périmètre).")),
    "409": (
        ERROR_DETAIL,
        "ErrorDetail",
        _("Conflit avec l'état de l'objet, ou `version` périmée."),
    ),
    "429": (ERROR_DETAIL, "ErrorDetail", _("Trop de requêtes : réessayez plus tard.")),
}


def _blank_model_field(field):
    """True when `field` shows a model field that may be blank (DRF drops `allow_blank` from
    the fields it makes read-only, though the value may well be "")."""
    meta = getattr(field.parent, "Meta", None)
    model = getattr(meta, "model", None)
    if model is None or "." in field.source or field.source == "*":
        return False
    try:
        return model._meta.get_field(field.source).blank
    except FieldDoesNotExist:
        return False


class AutoSchema(SpectacularAutoSchema):
    """drf-spectacular's AutoSchema, with the error answers of each operation, and the values
    read-only fields really take."""

    def _map_serializer_field(self, field, direction, bypass_extensions=False):
        if field.read_only:
            # A read-only field whose source crosses a relation that may be empty
            # (`source="deliberation.number", default=None`) answers null.
            nullable = field.default is None and not field.allow_null
            blank = (
                isinstance(field, serializers.ChoiceField)
                and not field.allow_blank
                and _blank_model_field(field)
            )
            if nullable or blank:
                # A copy: the serializer's own field is left as it is.
                field = copy.copy(field)
                field.allow_null = field.allow_null or nullable
                if blank:
                    field.allow_blank = True
        return super()._map_serializer_field(field, direction, bypass_extensions)

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        media_types = self.map_renderers("media_type") or ["application/json"]
        for code in sorted(self.error_codes()):
            if code in responses:
                continue
            schema, name, description = ERRORS[code]
            component = ResolvedComponent(
                name=name, type=ResolvedComponent.SCHEMA, schema=schema, object=name
            )
            self.registry.register_on_missing(component)
            responses[code] = {
                "description": str(description),
                "content": {media_type: {"schema": component.ref} for media_type in media_types},
            }
        return responses

    def error_codes(self):
        """The error statuses the operation can answer, from its view (see the module)."""
        view, codes = self.view, set()
        if view.get_authenticators():
            codes.add("401")
        if any(not isinstance(p, AUTHENTICATION_ONLY) for p in view.get_permissions()):
            codes.add("403")
        has_identifier = "{" in self.path
        paginated = self._is_list_view() and self._get_paginator() is not None
        if has_identifier or (self.method == "GET" and paginated):
            codes.add("404")
        writes = self.method in WRITE_METHODS
        if self.method in BODY_METHODS or (self.method == "GET" and self._has_query_parameters()):
            codes.add("400")
        if writes and isinstance(view, viewsets.ViewSetMixin):
            codes.add("409")
        # An anonymous-rate throttle never counts an authenticated caller.
        throttles = view.get_throttles()
        if (
            "401" not in codes
            and throttles
            or any(not isinstance(t, throttling.AnonRateThrottle) for t in throttles)
        ):
            codes.add("429")
        return codes

    def _has_query_parameters(self):
        paginator = self._get_paginator() if self._is_list_view() else None
        # Neither the page number nor the format suffix is ever refused with a 400 (a page or
        # a format that does not exist is a 404).
        ignored = {api_settings.URL_FORMAT_OVERRIDE}
        if paginator is not None:
            ignored.add(paginator.page_query_param)
        return any(
            parameter["in"] == "query" and parameter["name"] not in ignored
            for parameter in self._get_parameters()
        )
