"""The subsidy services: every write goes through them, so the regulation's rules hold
whatever the entry point (pages, API, admin, demo loader)."""

from .agreements import attach_agreement_scan, sign_agreement
from .dossiers import (
    create_dossier,
    instruct,
    record_historical_dossier,
    refuse,
    return_to_draft,
    set_financing_plan,
    submit,
    update_project,
    withdraw,
)
from .payments import (
    cancel_payment,
    close_dossier,
    lapse_due_dossiers,
    mark_paid,
    order_payment,
    request_payment,
    set_lapse_date,
)
from .transfers import attach_transfer_scan, create_transfer, sign_transfer
from .votes import propose, unpropose, vote_deliberation

__all__ = [
    "attach_agreement_scan",
    "attach_transfer_scan",
    "cancel_payment",
    "close_dossier",
    "create_dossier",
    "create_transfer",
    "instruct",
    "lapse_due_dossiers",
    "mark_paid",
    "order_payment",
    "propose",
    "record_historical_dossier",
    "refuse",
    "request_payment",
    "return_to_draft",
    "set_financing_plan",
    "set_lapse_date",
    "sign_agreement",
    "sign_transfer",
    "submit",
    "unpropose",
    "update_project",
    "vote_deliberation",
    "withdraw",
]
