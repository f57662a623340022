"""The API's JSON parser: a NUL character anywhere in a request body (a key or a value, however
deep) is refused with a 400 before any view sees it. PostgreSQL cannot store NUL in text or
JSON, so letting one through would end as a server error."""

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

NUL_MESSAGE = _("La requête contient un caractère nul (U+0000) : retirez-le et renvoyez-la.")


def contains_nul(value):
    """True when a NUL character is in `value` or in any string, key or item nested in it."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(contains_nul(key) or contains_nul(item) for key, item in value.items())
    if isinstance(value, list | tuple):
        return any(contains_nul(item) for item in value)
    return False


class NulRefusingJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        data = super().parse(stream, media_type, parser_context)
        if contains_nul(data):
            raise ParseError(NUL_MESSAGE)
        return data
