"""Conventions and amendments signed in the portal (documents.signing's registry).

The file signed is the act's generated PDF of its current version (sealed by the Region); the
parties are those that must sign it (services.required_signatories); who may sign for a party
and what a signature does are the signature circuit's own: permissions.can_sign_for and
services.record_signature, so that the last signature makes the act effective as it always did.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from documents.models import DocumentStatus
from documents.signing import SigningParty, register_signable

from . import permissions, services
from .documents import source_key
from .models import (
    Amendment,
    ConventionParty,
    DocumentKind,
    FrameworkConvention,
    GeneratedDocument,
    SignatureStatus,
)
from .workflow import SIGNATURE


def _convention_of(act):
    return act if isinstance(act, FrameworkConvention) else act.convention


def _document_of(act):
    """The ready PDF of the act as it stands now (None until it is generated)."""
    convention = _convention_of(act)
    if isinstance(act, Amendment):
        kind, amendment = DocumentKind.AMENDMENT, act
    else:
        kind, amendment = DocumentKind.CONVENTION, None
    return (
        GeneratedDocument.objects.filter(
            kind=kind,
            convention=convention,
            amendment=amendment,
            status=DocumentStatus.READY,
            source_key=source_key(kind, convention, amendment=amendment),
        )
        .order_by("-generated_at", "-pk")
        .first()
    )


def signatory_name(party):
    """The name the signature is given in: the representative, else their title, else the
    party (the State's template party has a title and no name)."""
    return party.representative_name or party.representative_title or str(party)


def _parties_of(act):
    signed = {signature.party_id for signature in act.signatures.all()}
    return [
        SigningParty(
            key=str(party.pk),
            label=str(party),
            signatory_name=signatory_name(party),
            signatory_title=party.representative_title if party.representative_name else "",
            signed=party.pk in signed,
        )
        for party in services.required_signatories(act)
    ]


def _party(act, key):
    if not str(key).isdigit():
        return None
    return ConventionParty.objects.filter(pk=int(key), convention_id=_convention_of(act).pk).first()


def _may_sign(user, act, key):
    """The rule record_signature enforces: a role of the signature circuit, and the party's
    own rule (regional staff for any party, rectorate staff for the State)."""
    party = _party(act, key)
    return (
        party is not None
        and SIGNATURE.role_allows("sign", user)
        and permissions.can_sign_for(user, party)
    )


def _may_view(user, act):
    if isinstance(act, Amendment):
        return permissions.amendments_visible_to(user).filter(pk=act.pk).exists()
    return permissions.conventions_visible_to(user).filter(pk=act.pk).exists()


def _closed_reason(act):
    if act.status == SignatureStatus.SIGNED:
        return _("Toutes les parties ont signé : l'acte est en vigueur depuis le %(day)s.") % {
            "day": f"{act.effective_date:%d/%m/%Y}"
        }
    if act.status != SignatureStatus.SENT:
        return str(SIGNATURE.actions["sign"].wrong_state)
    if isinstance(act, Amendment):
        return services.overtaken_reason(act)
    return ""


def _on_signed(act, party_key, user, signed_at, signatory, place):
    party = _party(act, party_key)
    services.record_signature(
        user,
        act,
        party=party,
        signed_on=timezone.localdate(signed_at),
        place=place,
        signatory_name=signatory,
        signatory_title=party.representative_title if party.representative_name else "",
    )


def register():
    for model in (Amendment, FrameworkConvention):
        register_signable(
            model,
            document_of=_document_of,
            parties_of=_parties_of,
            may_sign=_may_sign,
            on_signed=_on_signed,
            detail_url=lambda act: act.get_absolute_url(),
            may_view=_may_view,
            closed_reason=_closed_reason,
        )
