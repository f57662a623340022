"""Pages of the annual follow-up.

Views validate and delegate: writes go through followup.services, reads through
followup.selectors, scoped by followup.permissions. A user who may not use the follow-up at all
(an expert) gets 403; a sheet outside the user's scope is a 404; a forbidden action is a 403;
an action the sheet's state refuses sends back to its page with the service's message.

Split by subject: `campaigns` (list, opening, progress), `sheets` (a sheet's page, the section
editor and its draft endpoint, summary, submission, attachments), `review` (comments, request
for changes, validation, the rectorate's opinion). The sheet's PDF and the regional dashboard
are other modules' pages (`urls_dashboard`), linked to when they exist.
"""

from .campaigns import campaign_create, campaign_detail, campaign_list
from .review import comment, opinion, request_changes, validate
from .sheets import (
    attachment_delete,
    attachment_download,
    attachment_upload,
    section,
    section_draft,
    sheet_detail,
    submit,
    summary,
)

__all__ = [
    "attachment_delete",
    "attachment_download",
    "attachment_upload",
    "campaign_create",
    "campaign_detail",
    "campaign_list",
    "comment",
    "opinion",
    "request_changes",
    "section",
    "section_draft",
    "sheet_detail",
    "submit",
    "summary",
    "validate",
]
