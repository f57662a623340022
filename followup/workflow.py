"""The follow-up sheet's status machine, declared as data (core.rules): not started → draft
→ submitted → changes requested ⇄ submitted → validated; the campus's director fills and
submits, reviewers (rectorate staff of its academies, the région académique, regional staff)
comment and send it back, the rectorate gives its opinion, regional staff validate. The
services enforce it; the pages and the API's permission read it."""

from django.utils.translation import gettext_lazy as _

from campuses.permissions import campuses_visible_to
from core.roles import is_director, is_rectorate, is_regional_staff, is_reviewer
from core.rules import Action, Workflow

from .models import EDITABLE_STATUSES, SheetStatus

NOT_A_REVIEWER = _("Vous ne relisez pas cette fiche.")


def directs(user, sheet):
    """The sheet's campus is one the user directs today."""
    return campuses_visible_to(user).filter(pk=sheet.campus_id).exists()


def reviews(user, sheet):
    """The sheet's campus is in the reviewer's scope."""
    from .permissions import sheets_visible_to

    return sheets_visible_to(user).filter(pk=sheet.pk).exists()


def _review_refusal(message):
    """Who is no reviewer is told so; a reviewer of the other side, what is theirs to do."""
    return lambda user: message if is_reviewer(user) else NOT_A_REVIEWER


_FILLING = {
    "roles": (is_director,),
    "scope": directs,
    "sources": EDITABLE_STATUSES,
    "wrong_state": _("Cette fiche est %(status)s : elle ne peut plus être modifiée."),
    "forbidden": _("Seul·e la direction du campus remplit sa fiche."),
}

SHEET = Workflow(
    Action("fill", **_FILLING),
    Action("submit", target=SheetStatus.SUBMITTED, **_FILLING),
    Action(
        "comment",
        roles=(is_reviewer,),
        scope=reviews,
        forbidden=NOT_A_REVIEWER,
    ),
    Action(
        "request_changes",
        roles=(is_reviewer,),
        scope=reviews,
        sources=(SheetStatus.SUBMITTED,),
        target=SheetStatus.CHANGES_REQUESTED,
        wrong_state=_("Seule une fiche soumise peut être renvoyée au campus."),
        forbidden=NOT_A_REVIEWER,
    ),
    Action(
        "validate",
        roles=(is_regional_staff,),
        scope=reviews,
        sources=(SheetStatus.SUBMITTED,),
        target=SheetStatus.VALIDATED,
        wrong_state=_("Seule une fiche soumise peut être validée."),
        forbidden=_review_refusal(_("La Région valide les fiches ; le rectorat donne son avis.")),
    ),
    Action(
        "opinion",
        roles=(is_rectorate,),
        scope=reviews,
        sources=(SheetStatus.SUBMITTED, SheetStatus.VALIDATED),
        wrong_state=_("L'avis porte sur une fiche soumise."),
        forbidden=_review_refusal(_("L'avis est celui du rectorat.")),
    ),
)
