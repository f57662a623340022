"""PDF documents of the subsidies: a dossier's « fiche projet », its grant agreement
(« convention de financement »), a transfer amendment, and a deliberation's summary table.

A document is a SubsidyDocument row (status, file, checksum) keyed by a fingerprint of the
content it is made from (`source_key`): asking again for the same content finds the row
instead of rendering a second PDF, while a change that shows in the PDF gives a new key, hence
a new row. Rendering (Django template, then WeasyPrint) runs in Celery, queued after commit
(subsidies.tasks.generate_document), and can be re-run safely: a ready document is left alone.
Same design as conventions.documents, whose French wording helpers are reused.

The package: `wording` (what conventions' wording lacks), `context` (template contexts),
`keys` (contexts and source keys), `render` (HTML, PDF, `generate`), `requests`
(`request_document`) and `bundle` (the job that puts a deliberation's fiches in one PDF,
registered by its dotted path "subsidies.documents.bundle.build_annex_bundle").
"""

from .keys import LAYOUT_VERSION, build_context, source_key
from .render import TEMPLATES, document_filename, generate, render_html, render_pdf
from .requests import request_document

__all__ = [
    "LAYOUT_VERSION",
    "TEMPLATES",
    "build_context",
    "document_filename",
    "generate",
    "render_html",
    "render_pdf",
    "request_document",
    "source_key",
]
