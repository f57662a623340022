"""The conventions' kinds of document, declared to the documents kernel (apps.py): a convention
as signed, an amendment, a consolidated text on a day. Each is a template, a context and who
may ask for it."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.errors import ConflictError, PermissionDeniedError
from documents.registry import DocumentType

from .. import permissions
from ..models import DocumentKind, SignatureStatus
from .context import (
    amendment_context,
    amendment_of,
    consolidated_context,
    convention_context,
    load_convention,
)


def _pk(obj):
    return getattr(obj, "pk", obj)


def _check_readable(actor, convention):
    """Anyone who can see the convention may ask for its PDFs: they only read what they see."""
    allowed = (
        permissions.can_manage_conventions(actor)
        or permissions.conventions_visible_to(actor).filter(pk=_pk(convention)).exists()
    )
    if not allowed:
        raise PermissionDeniedError(_("Vous ne pouvez pas consulter cette convention."))


def _check_convention(actor, convention):
    _check_readable(actor, convention)


def _check_amendment(actor, convention, amendment):
    _check_readable(actor, convention)
    if amendment is None:
        raise ValidationError({"amendment": _("Indiquez l'avenant.")})
    amendment_of(load_convention(convention), amendment)


def _check_consolidated(actor, convention, as_of):
    _check_readable(actor, convention)
    status = load_convention(convention).status
    if status not in (SignatureStatus.SIGNED, SignatureStatus.TERMINATED):
        raise ConflictError(_("Le texte consolidé n'existe que pour une convention signée."))


def _convention_filename(document):
    """« convention-ia-2023-09-12.pdf » (« convention-ia-projet.pdf » before it is signed)."""
    convention = document.convention
    signed = convention.effective_date
    code = convention.campus.code
    return f"convention-{code}-{signed:%Y-%m-%d}.pdf" if signed else f"convention-{code}-projet.pdf"


def _amendment_filename(document):
    """« avenant-1-ia.pdf »."""
    return f"avenant-{document.amendment.number}-{document.convention.campus.code}.pdf"


def _consolidated_filename(document):
    """« texte-consolide-ia-au-2024-01-01.pdf »."""
    return f"texte-consolide-{document.convention.campus.code}-au-{document.as_of:%Y-%m-%d}.pdf"


def _amendment(convention, amendment):
    loaded = load_convention(convention)
    return amendment_context(loaded, amendment_of(loaded, amendment))


TYPES = [
    DocumentType(
        kind=DocumentKind.CONVENTION,
        template="conventions/pdf/convention.html",
        # 2: the text of record (issue 11), no « Contributions » / « Durée » blocks.
        version="2",
        context=lambda convention: convention_context(load_convention(convention)),
        filename=_convention_filename,
        fields=("convention",),
        check=_check_convention,
    ),
    DocumentType(
        kind=DocumentKind.AMENDMENT,
        template="conventions/pdf/amendment.html",
        # 2: the text of record (issue 11), no « Contributions » / « Durée » blocks.
        version="2",
        context=_amendment,
        filename=_amendment_filename,
        fields=("convention", "amendment"),
        check=_check_amendment,
    ),
    DocumentType(
        kind=DocumentKind.CONSOLIDATED,
        template="conventions/pdf/consolidated.html",
        # 2: the text of record (issue 11), no « Contributions » / « Durée » blocks.
        version="2",
        context=lambda convention, as_of: consolidated_context(load_convention(convention), as_of),
        filename=_consolidated_filename,
        fields=("convention", "as_of"),
        check=_check_consolidated,
    ),
]
