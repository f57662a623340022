"""PDF documents of the annual follow-up: one sheet's PDF, and the regional report of a
campaign.

A sheet's PDF is a SheetDocument row (status, file, checksum) keyed by a fingerprint of the
content it is made from (`source_key`): asking again for the same content finds the row
instead of rendering a second PDF, while a change that shows in the PDF gives a new key, hence
a new row. Rendering (Django template, then WeasyPrint) runs in Celery, queued after commit
(followup.tasks.generate_document), and can be re-run safely: a ready document is left alone.
Same design as conventions.documents and subsidies.documents, whose French wording helpers
are reused. The documents are always in French.

The package: `context` (the sheet's template context), `keys` (context and source key),
`render` (HTML, PDF, `generate`), `requests` (`request_document`) and `report` (the job that
puts a campaign's figures, charts and one summary page per sheet in one PDF, registered by
its dotted path "followup.documents.build_regional_report").
"""

from .keys import LAYOUT_VERSION, build_context, source_key
from .render import TEMPLATE, document_filename, generate, render_html, render_pdf
from .report import build_regional_report
from .requests import request_document

__all__ = [
    "LAYOUT_VERSION",
    "TEMPLATE",
    "build_context",
    "build_regional_report",
    "document_filename",
    "generate",
    "render_html",
    "render_pdf",
    "request_document",
    "source_key",
]
