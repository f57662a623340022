"""Writes of the labelling: every one checks the workflow (labels.workflow), locks the rows
it changes, keeps versions, and leaves an audit entry."""

from .applications import (
    add_annex,
    admissibility_problems,
    create_application,
    deposit,
    record_opinion,
    save_presentation,
    sign_letter,
    update_application,
    upload_dossier,
)
from .decisions import decide, sync_all_obligations, sync_obligations
from .experts import (
    assessments_visible_to,
    assign_expert,
    conflict_reason,
    declare_affiliation,
    declare_conflict,
    give_opinion,
    save_assessment,
    save_consolidated,
    save_overall_comment,
    set_rapporteur,
    start_expertise,
    submit_assessment,
    unassign_expert,
    withdraw_affiliation,
)
from .navettes import answer_recommendation, mark_answer, send_answers, send_navette
from .obligations import close_obligation, file_obligation
from .review import admit, create_session, reject, withdraw

__all__ = [
    "add_annex",
    "admissibility_problems",
    "admit",
    "answer_recommendation",
    "assessments_visible_to",
    "assign_expert",
    "close_obligation",
    "conflict_reason",
    "create_session",
    "create_application",
    "decide",
    "declare_affiliation",
    "declare_conflict",
    "deposit",
    "file_obligation",
    "give_opinion",
    "mark_answer",
    "record_opinion",
    "reject",
    "save_assessment",
    "save_consolidated",
    "save_overall_comment",
    "save_presentation",
    "send_answers",
    "send_navette",
    "set_rapporteur",
    "sign_letter",
    "start_expertise",
    "submit_assessment",
    "sync_all_obligations",
    "sync_obligations",
    "unassign_expert",
    "update_application",
    "upload_dossier",
    "withdraw",
    "withdraw_affiliation",
]
