"""A NUL character in a query string or a submitted form is refused with a 400 and a French
message before any view runs: PostgreSQL cannot compare or store it, so a filter or a form that
let one through would end as a server error. (API bodies in JSON: core.parsers.)"""

from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _


def _has_nul(query_dict):
    return any(
        "\x00" in key or any("\x00" in value for value in values)
        for key, values in query_dict.lists()
    )


class RefuseNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            "\x00" in request.path
            or _has_nul(request.GET)
            or (request.method == "POST" and _has_nul(request.POST))
        ):
            message = _(
                "La requête contient un caractère nul (U+0000) : retirez-le et renvoyez-la."
            )
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
