"""Recording the adopted text of a convention or an amendment (regional staff): the markup is
read first (documents/acts.py), so that a text the PDF could not lay out is refused with the
line and the reason, and nothing is saved."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from audit.models import AuditAction
from audit.services import record
from core.errors import ConflictError, PermissionDeniedError
from documents import acts

from .. import permissions
from ..models import Amendment, SignatureStatus
from ..workflow import REGION_ONLY


def adopted_text_refusal(act):
    """Why the adopted text of `act` may not be changed now ("" when it may): once a party has
    signed, the words are those it signed."""
    if isinstance(act, Amendment) and act.is_historical:
        return _("Le texte d'un avenant antérieur au portail figure sur son original signé.")
    if act.status in (SignatureStatus.SIGNED, SignatureStatus.TERMINATED) or (
        act.status == SignatureStatus.SENT and act.signatures.exists()
    ):
        return _(
            "Une partie a déjà signé : le texte adopté ne se modifie plus (il faut un avenant)."
        )
    return ""


@transaction.atomic
def record_adopted_text(actor, act, markup):
    """Set the adopted text of `act` (a FrameworkConvention or an Amendment); an empty text
    gives the act back its generated text. Raises ValidationError on `adopted_text` when the
    markup cannot be read."""
    if not permissions.can_manage_conventions(actor):
        raise PermissionDeniedError(REGION_ONLY)
    locked = type(act).objects.select_for_update().get(pk=act.pk)
    refusal = adopted_text_refusal(locked)
    if refusal:
        raise ConflictError(refusal)
    markup = (markup or "").replace("\r\n", "\n").strip()
    markup = f"{markup}\n" if markup else ""
    try:
        acts.parse(markup)
    except acts.MarkupError as error:
        raise ValidationError({"adopted_text": str(error)}) from error
    before = locked.adopted_text
    if markup == before:
        return locked
    type(act).objects.filter(pk=act.pk).update(adopted_text=markup, version=F("version") + 1)
    locked.refresh_from_db(fields=["adopted_text", "version"])
    campus = (locked.convention if isinstance(locked, Amendment) else locked).campus
    record(
        actor,
        AuditAction.UPDATE,
        locked,
        changes={"adopted_text": [before, markup]},
        campus=campus,
    )
    return locked
