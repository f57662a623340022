"""Pages of the subsidies domain.

Views validate and delegate: writes go through subsidies.services, reads through
subsidies.selectors, scoped by subsidies.permissions. A user who may not use subsidies at all
(an expert) gets 403; an object outside the user's scope is a 404; a forbidden action is a
403; an action the object's state refuses sends back to its page with the service's message.

Split by subject: `dossiers` (list, page, project and plan, transitions, exports),
`payments` (grant agreement and payments), `documents` (PDFs), `envelopes`, `transfers` and
`deliberations` (the subsidy actions of a deliberation's page). The names below are those
`subsidies.urls` uses.
"""

from .deliberations import deliberation_annexes, deliberation_summary, deliberation_vote
from .documents import document_request
from .dossiers import (
    close,
    dossier_create,
    dossier_detail,
    dossier_edit,
    dossier_list,
    export,
    instruct,
    open_data,
    propose,
    refuse,
    return_to_draft,
    submit,
    unpropose,
    withdraw,
)
from .envelopes import envelope_create, envelope_detail, envelope_list
from .payments import (
    agreement_scan_download,
    agreement_scan_upload,
    agreement_sign,
    lapse_date,
    payment_cancel,
    payment_order,
    payment_pay,
    payment_request,
)
from .transfers import (
    transfer_create,
    transfer_detail,
    transfer_document,
    transfer_scan_download,
    transfer_scan_upload,
    transfer_sign,
)

__all__ = [
    "agreement_scan_download",
    "agreement_scan_upload",
    "agreement_sign",
    "close",
    "deliberation_annexes",
    "deliberation_summary",
    "deliberation_vote",
    "document_request",
    "dossier_create",
    "dossier_detail",
    "dossier_edit",
    "dossier_list",
    "envelope_create",
    "envelope_detail",
    "envelope_list",
    "export",
    "instruct",
    "lapse_date",
    "open_data",
    "payment_cancel",
    "payment_order",
    "payment_pay",
    "payment_request",
    "propose",
    "refuse",
    "return_to_draft",
    "submit",
    "transfer_create",
    "transfer_detail",
    "transfer_document",
    "transfer_scan_download",
    "transfer_scan_upload",
    "transfer_sign",
    "unpropose",
    "withdraw",
]
