"""The subsidies' kinds of document, declared to the documents kernel (apps.py): a dossier's
« fiche projet » and grant agreement (« convention de financement »), a transfer amendment,
and a deliberation's summary table. Each is a template, a context and who may ask for it."""

import re

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.errors import ConflictError, PermissionDeniedError
from deliberations.models import Deliberation
from documents.registry import DocumentType

from .. import permissions
from ..models import GrantAgreement, SubsidyDocumentKind, SubsidyDossier
from .context import deliberation_dossiers, fiche_context, load_dossier, load_transfer
from .legal import agreement_context, transfer_context
from .summary import summary_context


def _pk(obj):
    return getattr(obj, "pk", obj)


def _present(field, target):
    if target is None:
        raise ValidationError({field: _("Indiquez l'objet du document.")})


def _check_dossier(actor, dossier):
    """Whoever can see the dossier may ask for its PDFs: they only read what they can see."""
    _present("dossier", dossier)
    if not permissions.dossiers_visible_to(actor).filter(pk=_pk(dossier)).exists():
        raise PermissionDeniedError(_("Vous ne pouvez pas consulter ce dossier."))


def _check_agreement(actor, dossier):
    _check_dossier(actor, dossier)
    if not GrantAgreement.objects.filter(dossier=_pk(dossier)).exists():
        raise ConflictError(
            _("Ce dossier n'a pas été voté : il n'a pas de convention de financement.")
        )


def _check_transfer(actor, transfer):
    _present("transfer", transfer)
    if not permissions.transfers_visible_to(actor).filter(pk=_pk(transfer)).exists():
        raise PermissionDeniedError(_("Vous ne pouvez pas consulter cet avenant de transfert."))


def _check_summary(actor, deliberation):
    """A deliberation's table is for regional and rectorate staff, who see the envelopes; it
    exists once the deliberation has dossiers."""
    _present("deliberation", deliberation)
    if not (permissions.can_manage_subsidies(actor) or permissions.can_view_envelopes(actor)):
        raise PermissionDeniedError(
            _("Seuls les services de la Région et des rectorats consultent ce tableau.")
        )
    if not SubsidyDossier.objects.filter(deliberation=_pk(deliberation)).exists():
        number = deliberation.number if isinstance(deliberation, Deliberation) else deliberation
        raise ConflictError(
            _("La délibération %(number)s n'attribue aucune subvention aux campus.")
            % {"number": number}
        )


def _safe(text):
    """A dossier or deliberation number as part of a file name: « CP-2023-263 »."""
    return re.sub(r"[^A-Za-z0-9-]+", "-", text).strip("-")


def _transfer_filename(document):
    """« avenant-transfert-campus-versailles-2023-09-28.pdf »."""
    transfer = document.transfer
    suffix = f"{transfer.signed_on:%Y-%m-%d}" if transfer.signed_on else "projet"
    return f"avenant-transfert-{slugify(transfer.campus.short_name)}-{suffix}.pdf"


def _summary(deliberation):
    deliberation = Deliberation.objects.get(pk=_pk(deliberation))
    return summary_context(deliberation, deliberation_dossiers(deliberation))


TYPES = [
    DocumentType(
        kind=SubsidyDocumentKind.FICHE_PROJET,
        template="subsidies/pdf/fiche_projet.html",
        context=lambda dossier: fiche_context(load_dossier(_pk(dossier))),
        filename=lambda document: f"fiche-projet-{_safe(document.dossier.number)}.pdf",
        fields=("dossier",),
        check=_check_dossier,
    ),
    DocumentType(
        kind=SubsidyDocumentKind.GRANT_AGREEMENT,
        template="subsidies/pdf/grant_agreement.html",
        context=lambda dossier: agreement_context(load_dossier(_pk(dossier))),
        filename=lambda document: f"convention-financement-{_safe(document.dossier.number)}.pdf",
        fields=("dossier",),
        check=_check_agreement,
    ),
    DocumentType(
        kind=SubsidyDocumentKind.TRANSFER,
        template="subsidies/pdf/transfer.html",
        context=lambda transfer: transfer_context(load_transfer(_pk(transfer))),
        filename=_transfer_filename,
        fields=("transfer",),
        # 2: the text of record (the adopted text, or the standard template's, as acts' blocks).
        version="2",
        check=_check_transfer,
    ),
    DocumentType(
        kind=SubsidyDocumentKind.DELIBERATION_SUMMARY,
        template="subsidies/pdf/deliberation_summary.html",
        context=_summary,
        filename=lambda document: f"tableau-{_safe(document.deliberation.number).lower()}.pdf",
        fields=("deliberation",),
        # 2: the allocation article as adopted (deliberations/acts/), verbatim.
        version="2",
        check=_check_summary,
    ),
]


def campus_of(document):
    """The audit entry's campus: the dossier's or the transfer's; a deliberation has none."""
    if document.dossier_id:
        return document.dossier.campus
    if document.transfer_id:
        return document.transfer.campus
    return None
