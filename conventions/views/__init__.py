"""Pages of framework conventions and their amendments.

Views validate and delegate: writes go through conventions.services, reads are scoped by
conventions.permissions. A user who may not use conventions at all (an expert) gets 403; an
object outside the user's scope is a 404; a forbidden action is a 403; an action the object's
state refuses (editing a signed text…) sends back to its page with the service's message.

The pages are split by subject: `common` (access helpers and pages shared by conventions and
amendments), `conventions`, `amendments`, `texts` (consolidated text, comparison) and
`documents` (PDFs). The names below are those `conventions.urls` uses.
"""

from .adopted import amendment_adopted_text, convention_adopted_text
from .amendments import (
    amendment_create,
    amendment_detail,
    amendment_document,
    amendment_return_to_draft,
    amendment_scan_upload,
    amendment_send,
    amendment_sign,
    amendment_update,
    change_create,
    change_delete,
    historical_amendment_create,
)
from .common import base_parties
from .conventions import (
    convention_create,
    convention_detail,
    convention_list,
    convention_return_to_draft,
    convention_send,
    convention_sign,
    convention_terminate,
    convention_update,
    part_delete,
    part_form,
    scan_download,
    scan_upload,
)
from .documents import document_request
from .texts import compare, consolidated

__all__ = [
    "amendment_adopted_text",
    "amendment_create",
    "amendment_detail",
    "amendment_document",
    "amendment_scan_upload",
    "amendment_return_to_draft",
    "amendment_send",
    "amendment_sign",
    "amendment_update",
    "base_parties",
    "change_create",
    "change_delete",
    "compare",
    "consolidated",
    "convention_adopted_text",
    "convention_create",
    "convention_detail",
    "convention_list",
    "convention_return_to_draft",
    "convention_send",
    "convention_sign",
    "convention_terminate",
    "convention_update",
    "document_request",
    "historical_amendment_create",
    "part_delete",
    "part_form",
    "scan_download",
    "scan_upload",
]
