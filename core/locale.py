"""The language of a request: French, the Region's language, unless the person chose another
one with the language switch (its cookie). Django's LocaleMiddleware would follow the
browser's Accept-Language, so that an English-speaking browser got English pages without
asking.

The API keeps reading Accept-Language (its messages are in French unless the request asks for
English: that is what its clients send), then the cookie, then French.
"""

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers

API_PREFIX = "/api/"
# Under /api/ but a page of the portal, in the portal's language (cmq_portal.api_docs).
API_PAGES = ("/api/docs/",)


def _is_api(request):
    path = request.path_info
    return path.startswith(API_PREFIX) and not path.startswith(API_PAGES)


def _supported(code):
    if not code:
        return None
    try:
        return translation.get_supported_language_variant(code)
    except LookupError:
        return None


def language_for(request):
    if _is_api(request):
        header = request.META.get("HTTP_ACCEPT_LANGUAGE")
        if header:
            return translation.get_language_from_request(request)
    chosen = _supported(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME))
    return chosen or settings.LANGUAGE_CODE


class LanguageMiddleware:
    """In place of django.middleware.locale.LocaleMiddleware (no i18n_patterns here)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = language_for(request)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        if _is_api(request):
            patch_vary_headers(response, ("Accept-Language",))
        response.headers.setdefault("Content-Language", translation.get_language())
        return response
