"""What a sheet's PDF is made of, and its source key: the SHA-256 of that content.

The key fingerprints the template context itself (everything the PDF shows, already worded)
with the sheet and LAYOUT_VERSION: same content, same key, whatever changed elsewhere in the
database; a change that shows in the PDF gives a new key, hence a new SheetDocument row.
"""

import hashlib
import json

from django.utils import translation

from .context import load_sheet, sheet_context

# Part of every key: a change of the template that matters gives new versions.
LAYOUT_VERSION = "1"


def build_context(sheet):
    """The context of the sheet's PDF, fresh from the database, in French (the sheet is a
    French administrative document whoever asks for it)."""
    with translation.override("fr"):
        return sheet_context(load_sheet(_pk(sheet)))


def digest(sheet_pk, context):
    parts = [LAYOUT_VERSION, "followup_sheet", sheet_pk, context]
    return hashlib.sha256(json.dumps(parts, default=str, sort_keys=True).encode()).hexdigest()


def source_key(sheet):
    """SHA-256 (hex) of the content the sheet's PDF would be made from now."""
    return digest(_pk(sheet), build_context(sheet))


def _pk(obj):
    return getattr(obj, "pk", obj)
