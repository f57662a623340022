"""PDF documents: a convention as signed, an amendment, a consolidated text on a day.

A document is a GeneratedDocument row (status, file, checksum) keyed by a fingerprint of the
content it is made from (`source_key`): asking again for the same version finds the row
instead of rendering a second PDF, while a new signature or a new change gives a new key, hence
a new row. Rendering (Django template, then WeasyPrint) runs in Celery, queued after commit
(conventions.tasks.generate_document), and can be re-run safely: a ready document is left alone.

The wording is built in French (`wording`), with French typography (non-breaking spaces before
« : ; ! ? » and inside guillemets) applied before the templates see it.

The package: `wording` (French wording and typography), `keys` (source keys), `context`
(template contexts), `render` (HTML, PDF, `generate`), `requests` (`request_document`) and
`job` (the deliberation job handler, registered by its dotted path
"conventions.documents.generate_deliberation_documents"). Its public names are re-exported here.
"""

from .context import amendment_context, consolidated_context, convention_context
from .job import generate_deliberation_documents
from .keys import LAYOUT_VERSION, source_key
from .render import TEMPLATES, document_filename, generate, render_html, render_pdf
from .requests import request_document
from .wording import (
    BLANK,
    NBSP,
    NNBSP,
    NUMBER_WORDS,
    SHORT_QUOTE,
    STOP_WORDS,
    Quote,
    amended_by,
    blocks,
    campus_code,
    campus_heading,
    day,
    duration_clause,
    euros,
    in_words,
    party_line,
    percent,
    termination_clause,
    typeset,
)

__all__ = [
    "BLANK",
    "LAYOUT_VERSION",
    "NBSP",
    "NNBSP",
    "NUMBER_WORDS",
    "Quote",
    "SHORT_QUOTE",
    "STOP_WORDS",
    "TEMPLATES",
    "amended_by",
    "amendment_context",
    "blocks",
    "campus_code",
    "campus_heading",
    "consolidated_context",
    "convention_context",
    "day",
    "document_filename",
    "duration_clause",
    "euros",
    "generate",
    "generate_deliberation_documents",
    "in_words",
    "party_line",
    "percent",
    "render_html",
    "render_pdf",
    "request_document",
    "source_key",
    "termination_clause",
    "typeset",
]
