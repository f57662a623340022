"""Proposing dossiers to a deliberation and recording its vote.

The sum voted on a commitment envelope never exceeds it: a vote locks the envelopes it uses
(in primary-key order, so two votes never deadlock) and re-adds what is voted on them after
taking the lock, so two votes racing for the last euros cannot both pass.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from core.calendar import add_years
from core.errors import ConflictError
from core.formats import euros

from .. import rules
from ..models import (
    CommitmentEnvelope,
    DossierStatus,
    EnvelopePurpose,
    GrantAgreement,
    SubsidyDossier,
)
from ..workflow import DOSSIER
from .common import change_agenda, change_status, locked_dossier, require_manager
from .dossiers import plan_lines, terms_errors

# Without a payment request completing the grant within this many years of the vote, the
# unpaid remainder lapses (règlement budgétaire et financier).
LAPSE_YEARS = 3


def voted_on_envelope(envelope, exclude_pks=()):
    """What is committed on `envelope` (CommitmentEnvelope.objects.with_figures: the one
    definition), leaving out the dossiers `exclude_pks`."""
    figures = CommitmentEnvelope.objects.with_figures(exclude_dossiers=exclude_pks)
    return rules.to_cents(figures.values_list("voted", flat=True).get(pk=envelope.pk))


def _envelope_error(envelope, already, adding):
    return _(
        "L'autorisation d'engagement « %(envelope)s » (%(amount)s) serait dépassée : "
        "%(already)s déjà engagés, %(adding)s de plus, soit %(total)s."
    ) % {
        "envelope": envelope.label,
        "amount": euros(envelope.amount),
        "already": euros(already),
        "adding": euros(adding),
        "total": euros(already + adding),
    }


@transaction.atomic
def propose(actor, dossier, *, deliberation, envelope, reason=""):
    """Put an instructed dossier on a deliberation's agenda, on an envelope of campus grants.
    Refused early when the envelope could not hold it with what is already voted and proposed."""
    current = locked_dossier(dossier)
    action = DOSSIER.check("propose", actor, current)
    errors = terms_errors(current, plan_lines(current))
    if errors:
        raise ValidationError(errors)
    if envelope.purpose != EnvelopePurpose.CAMPUS_GRANTS:
        raise ValidationError(
            {"envelope": _("Cette autorisation d'engagement ne finance pas les campus.")}
        )
    if envelope.programme_id != current.programme_id:
        raise ValidationError({"envelope": _("Cette autorisation relève d'un autre dispositif.")})
    if envelope.deliberation.date > deliberation.date:
        raise ValidationError(
            {"envelope": _("Cette autorisation est affectée après la délibération choisie.")}
        )
    figures = CommitmentEnvelope.objects.with_figures().get(pk=envelope.pk)
    # The dossier is instructed, not proposed yet: it is not among the proposed.
    already = rules.to_cents(figures.voted + figures.proposed)
    if already + current.amount > envelope.amount:
        raise ValidationError({"envelope": _envelope_error(envelope, already, current.amount)})
    position = (
        SubsidyDossier.objects.filter(deliberation=deliberation).aggregate(p=Max("position"))["p"]
        or 0
    ) + 1
    return change_agenda(
        actor,
        current,
        action.target,
        reason,
        deliberation=deliberation,
        envelope=envelope,
        position=position,
    )


@transaction.atomic
def unpropose(actor, dossier, reason=""):
    """Take a dossier off the agenda (before the vote): back to « instruit »."""
    current = locked_dossier(dossier)
    action = DOSSIER.check("unpropose", actor, current)
    return change_agenda(actor, current, action.target, reason)


def _lock_envelopes(envelope_ids):
    return {
        envelope.pk: envelope
        for envelope in CommitmentEnvelope.objects.select_for_update()
        .filter(pk__in=envelope_ids)
        .order_by("pk")
    }


def _check_envelopes(dossiers):
    """Under the envelopes' locks: the sum voted on each stays within its amount."""
    envelopes = _lock_envelopes({d.envelope_id for d in dossiers})
    for envelope_id, envelope in envelopes.items():
        adding = sum(d.amount for d in dossiers if d.envelope_id == envelope_id)
        already = voted_on_envelope(envelope, exclude_pks=[d.pk for d in dossiers])
        if already + adding > envelope.amount:
            raise ConflictError(_envelope_error(envelope, already, adding))


def _freeze(actor, dossier, deliberation, reason, *, set_lapse_date=True):
    dossier.voted_amount = dossier.amount
    if set_lapse_date:
        dossier.lapse_on = dossier.lapse_on or add_years(deliberation.date, LAPSE_YEARS)
    change_status(
        actor, dossier, DossierStatus.VOTED, reason, extra_fields=("voted_amount", "lapse_on")
    )
    GrantAgreement.objects.get_or_create(
        dossier=dossier, defaults={"beneficiary": dossier.beneficiary}
    )


@transaction.atomic
def vote_deliberation(actor, deliberation, reason=""):
    """Record that `deliberation` voted every dossier proposed to it: their amounts are
    frozen, their grant agreements created. All or nothing."""
    require_manager(actor)
    pks = list(
        SubsidyDossier.objects.filter(
            deliberation=deliberation, status=DossierStatus.PROPOSED
        ).values_list("pk", flat=True)
    )
    if not pks:
        raise ConflictError(_("Aucun dossier n'est proposé au vote de cette délibération."))
    dossiers = [locked_dossier(pk) for pk in sorted(pks)]
    dossiers = [d for d in dossiers if d.status == DossierStatus.PROPOSED]
    missing_siret = [d.number for d in dossiers if d.siret_missing]
    if missing_siret:
        raise ValidationError(
            {
                "siret": _(
                    "Le SIRET du bénéficiaire est requis avant le vote (dossiers %(numbers)s)."
                )
                % {"numbers": ", ".join(missing_siret)}
            }
        )
    for dossier in dossiers:
        errors = terms_errors(dossier, plan_lines(dossier))
        if errors:
            messages = [m for field_messages in errors.values() for m in field_messages]
            raise ValidationError(
                {"__all__": [f"{dossier.number} : {message}" for message in messages]}
            )
    _check_envelopes(dossiers)
    label = reason or _("Vote de la délibération %(number)s") % {"number": deliberation.number}
    for dossier in dossiers:
        _freeze(actor, dossier, deliberation, label)
    return dossiers


@transaction.atomic
def record_historical_vote(actor, dossier, *, deliberation, envelope=None, position=None):
    """A vote that happened before the portal: the envelope rule still holds, the instruction
    rules and the SIRET are not replayed. Its lapse date is not known (the grant agreement
    sets it): it stays empty, « à compléter », rather than being invented."""
    require_manager(actor)
    current = locked_dossier(dossier)
    current.deliberation, current.envelope, current.position = deliberation, envelope, position
    current.save(update_fields=["deliberation", "envelope", "position"])
    if envelope is not None:
        _check_envelopes([current])
    _freeze(
        actor,
        current,
        deliberation,
        _("Voté par la délibération %(number)s (avant le portail)") % {"number": deliberation},
        set_lapse_date=False,
    )
    return current
