"""Deliberation numbers: shown "CP 2023-263", typed many ways ("CP2023-263", "CP n° 2023-263")."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_NUMBER = re.compile(
    r"""^\s*(?P<body>CP|CR)\s*            # commission permanente or conseil régional
        (?:n\s*[°ºo]?\s*\.?\s*)?           # optional "n°", "no", "n."
        (?P<year>\d{4})\s*[-‐–—/\s]\s*(?P<seq>\d{1,4})\s*$""",
    re.IGNORECASE | re.VERBOSE,
)


def parse_deliberation_number(value):
    """(body, "CP 2023-263") from a typed number; a French ValidationError otherwise."""
    match = _NUMBER.match(value or "")
    if not match:
        raise ValidationError(
            _("Numéro de délibération non reconnu : attendu par exemple « CP 2023-263 »."),
            code="deliberation_number",
        )
    body = match["body"].upper()
    return body, f"{body} {match['year']}-{int(match['seq']):03d}"


def normalize_deliberation_number(value):
    return parse_deliberation_number(value)[1]
