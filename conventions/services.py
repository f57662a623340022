"""Writes to conventions and amendments: creation from the standard template, edits of drafts,
the signature circuit, numbering, typed changes, termination, signed scans.

Every function checks the actor's rights and the object's state, raises a French domain error,
and leaves an audit entry. Views, forms, the API and the admin all come through here.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import AuditAction
from audit.services import record, snapshot
from campuses.selectors import support_institution_on
from core.errors import ConflictError, PermissionDeniedError
from core.uploads import validate_pdf_upload

from . import permissions
from .consolidation import (
    ChangeError,
    check_all_signed_apply,
    consolidated_text,
    prefetched,
    text_before,
    text_in_force_before,
)
from .models import (
    Amendment,
    Annex,
    Article,
    ChangeKind,
    Contribution,
    ConventionParty,
    FrameworkConvention,
    Paragraph,
    PartyKind,
    Signature,
    SignatureStatus,
    SignedScan,
)
from .template import STANDARD_ARTICLES
from .workflow import REGION_ONLY, SIGNATURE


def _require_manager(actor):
    """The Region's writes that are no step of the signature circuit (creating, scans)."""
    if not permissions.can_manage_conventions(actor):
        raise PermissionDeniedError(REGION_ONLY)


def _check_version(obj, expected_version):
    if expected_version is not None and int(expected_version) != obj.version:
        raise ConflictError(
            _(
                "Ce document a été modifié par quelqu'un d'autre depuis que vous l'avez ouvert. "
                "Rechargez la page avant de modifier."
            )
        )


def _locked(model, pk):
    return model.objects.select_for_update().get(pk=pk)


def _bump(obj):
    """Increment the stored version (whatever the caller's copy says) and refresh the copy."""
    type(obj).objects.filter(pk=obj.pk).update(version=F("version") + 1)
    obj.refresh_from_db(fields=["version"])


# ---------------------------------------------------------------- conventions


@transaction.atomic
def create_convention(actor, *, campus, kind, title, deliberation=None, **clauses):
    """A draft convention with the standard parties and articles, to be edited."""
    _require_manager(actor)
    convention = FrameworkConvention(
        campus=campus, kind=kind, title=title, deliberation=deliberation, **clauses
    )
    convention.full_clean()
    convention.save()
    from django.conf import settings

    parties = [
        ConventionParty(
            convention=convention,
            position=1,
            kind=PartyKind.STATE,
            # Party names are the French legal text, whatever the interface language.
            authority="L'État",
            representative_title="Recteur de la région académique",
        ),
        ConventionParty(
            convention=convention,
            position=2,
            kind=PartyKind.REGION,
            authority=settings.REGION_NAME,
            representative_title="Présidente du conseil régional",
        ),
    ]
    support = support_institution_on(campus, timezone.localdate())
    if support is not None:
        representative = support.representative_on()
        parties.append(
            ConventionParty(
                convention=convention,
                position=3,
                kind=PartyKind.SUPPORT,
                organisation=support,
                representative_name=representative.name if representative else "",
                representative_title=representative.title if representative else "",
            )
        )
    ConventionParty.objects.bulk_create(parties)
    for number, (article_title, paragraphs) in enumerate(STANDARD_ARTICLES, start=1):
        article = Article.objects.create(convention=convention, number=number, title=article_title)
        Paragraph.objects.bulk_create(
            Paragraph(
                article=article,
                position=position,
                label=f"{number}.{position}" if len(paragraphs) > 1 else "",
                text=text,
            )
            for position, text in enumerate(paragraphs, start=1)
        )
    record(actor, AuditAction.CREATE, convention, after=snapshot(convention), campus=campus)
    return convention


EDITABLE_CONVENTION_FIELDS = {
    "kind",
    "title",
    "legal_references",
    "preamble",
    "seat",
    "original_copies",
    "signing_place",
    "deliberation",
    "duration_kind",
    "duration_years",
    "renewal_mode",
    "notice_months",
    "notice_reference",
    "notice_form",
}
EDITABLE_AMENDMENT_FIELDS = {"title", "deliberation", "summary"}


def _require_editable_fields(fields, allowed):
    """Status, dates and numbers change through their own actions, never through an edit."""
    refused = sorted(set(fields) - allowed)
    if refused:
        raise ValidationError(dict.fromkeys(refused, _("Ce champ n'est pas modifiable ici.")))


def _update_draft(actor, obj, allowed, expected_version, fields):
    """Edit the given fields of a draft convention or amendment, refusing a stale version."""
    SIGNATURE.check_role("edit", actor)
    _require_editable_fields(fields, allowed)
    current = _locked(type(obj), obj.pk)
    SIGNATURE.check("edit", actor, current)
    _check_version(current, expected_version)
    before = snapshot(current)
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.version = current.version + 1
    obj.full_clean()
    # Only the fields given: a concurrent change to other fields is not overwritten.
    obj.save(update_fields=[*fields, "version"])
    record(
        actor, AuditAction.UPDATE, obj, before=before, after=snapshot(obj), campus=_campus_of(obj)
    )
    return obj


@transaction.atomic
def update_convention(actor, convention, *, expected_version=None, **fields):
    return _update_draft(actor, convention, EDITABLE_CONVENTION_FIELDS, expected_version, fields)


@transaction.atomic
def save_convention_part(actor, instance):
    """Create or edit a party, article, paragraph, contribution or annex of a draft."""
    convention = _locked(FrameworkConvention, _convention_id_of(instance))
    SIGNATURE.check("edit", actor, convention)
    creating = instance.pk is None
    stored = None if creating else type(instance).objects.get(pk=instance.pk)
    if stored is not None and _convention_id_of(stored) != convention.pk:
        raise ValidationError(_("Un élément ne change pas de convention."))
    if isinstance(instance, Contribution) and instance.party.convention_id != convention.pk:
        raise ValidationError({"party": _("Cette partie n'est pas partie à la convention.")})
    before = {} if stored is None else snapshot(stored)
    instance.full_clean()
    instance.save()
    _bump(convention)
    record(
        actor,
        AuditAction.CREATE if creating else AuditAction.UPDATE,
        instance,
        before=before,
        after=snapshot(instance),
        campus=convention.campus,
    )
    return instance


@transaction.atomic
def delete_convention_part(actor, instance):
    convention = _locked(FrameworkConvention, _convention_id_of(instance))
    SIGNATURE.check("edit", actor, convention)
    record(actor, AuditAction.DELETE, instance, before=snapshot(instance), campus=convention.campus)
    instance.delete()
    _bump(convention)


def _convention_id_of(instance):
    if isinstance(instance, Paragraph):
        return instance.article.convention_id
    return instance.convention_id


# ---------------------------------------------------------------- signature circuit


def required_signatories(obj):
    """The parties that must sign a convention, or an amendment (the parties in force before
    it, plus those it adds)."""
    if isinstance(obj, FrameworkConvention):
        return list(obj.parties.filter(added_by__isnull=True).select_related("organisation"))
    # Parties in force before the amendment (a party it removes or replaces signs it too)…
    ids = {p.party_id for p in text_in_force_before(obj).parties}
    return list(
        ConventionParty.objects.filter(convention_id=obj.convention_id)
        .filter(Q(pk__in=ids) | Q(added_by=obj))  # …plus the parties it adds.
        .select_related("organisation")
        .order_by("position")
    )


@transaction.atomic
def send_for_signature(actor, obj, *, on=None):
    current = _locked(type(obj), obj.pk)
    action = SIGNATURE.check("send", actor, current)
    if isinstance(current, Amendment):
        if current.is_historical:
            raise ConflictError(_("Un avenant historique est déjà signé."))
        if not current.changes.exists():
            raise ConflictError(_("L'avenant ne contient encore aucune modification."))
        if current.convention.status != SignatureStatus.SIGNED:
            raise ConflictError(_("Seule une convention signée et en vigueur peut être modifiée."))
        _require_applicable(current)
    elif not current.articles.exists():
        raise ConflictError(_("La convention n'a aucun article."))
    if not required_signatories(current):
        raise ConflictError(_("Aucune partie signataire."))
    current.status = action.target
    current.sent_on = on or timezone.localdate()
    current.save(update_fields=["status", "sent_on"])
    _bump(current)
    record(
        actor,
        AuditAction.UPDATE,
        current,
        changes={"status": [SignatureStatus.DRAFT, SignatureStatus.SENT]},
        campus=_campus_of(current),
    )
    obj.refresh_from_db()
    return obj


def overtaken_reason(amendment):
    """Why an unsigned amendment no longer applies to the text in force (another amendment
    changed the passage it quotes, say), or "" when it still applies."""
    if amendment.is_historical or amendment.status == SignatureStatus.SIGNED:
        return ""
    try:
        text_before(amendment)
    except ChangeError as error:
        return _(
            "Cet avenant ne s'applique plus au texte en vigueur (%(reason)s) : "
            "remettez-le en brouillon et corrigez ses modifications."
        ) % {"reason": error}
    return ""


def _require_applicable(amendment):
    reason = overtaken_reason(amendment)
    if reason:
        raise ConflictError(reason)


@transaction.atomic
def return_to_draft(actor, obj):
    """Take a document back from the signature circuit; signatures recorded so far are
    removed (and audited), since they were given to a text that is going to change."""
    current = _locked(type(obj), obj.pk)
    action = SIGNATURE.check("return_to_draft", actor, current)
    for signature in current.signatures.all():
        record(
            actor,
            AuditAction.DELETE,
            signature,
            before=snapshot(signature),
            campus=_campus_of(current),
        )
        signature.delete()
    current.status, current.sent_on = action.target, None
    current.save(update_fields=["status", "sent_on"])
    _bump(current)
    record(
        actor,
        AuditAction.UPDATE,
        current,
        changes={"status": [SignatureStatus.SENT, SignatureStatus.DRAFT]},
        campus=_campus_of(current),
    )
    obj.refresh_from_db()
    return obj


def _campus_of(obj):
    convention = obj if isinstance(obj, FrameworkConvention) else obj.convention
    return convention.campus


@transaction.atomic
def record_signature(actor, obj, *, party, signed_on, place, signatory_name, signatory_title=""):
    """One party signs. When the last required party signs, the document is signed and takes
    effect on the date of that last signature."""
    convention_id = obj.pk if isinstance(obj, FrameworkConvention) else obj.convention_id
    if party.convention_id != convention_id or not permissions.can_sign_for(actor, party):
        raise PermissionDeniedError(
            _("Vous ne pouvez pas enregistrer la signature de cette partie.")
        )
    current = _locked(type(obj), obj.pk)
    SIGNATURE.check("sign", actor, current)
    required = {p.pk: p for p in required_signatories(current)}
    if party.pk not in required:
        raise ValidationError({"party": _("Cette partie ne signe pas ce document.")})
    if signed_on > timezone.localdate():
        raise ValidationError({"signed_on": _("La date de signature ne peut pas être future.")})
    if current.sent_on and signed_on < current.sent_on:
        raise ValidationError(
            {"signed_on": _("La signature ne peut pas précéder l'envoi pour signature.")}
        )
    target = {"amendment": current} if isinstance(current, Amendment) else {"convention": current}
    signature = Signature(
        **target,
        party=party,
        signed_on=signed_on,
        place=place,
        signatory_name=signatory_name,
        signatory_title=signatory_title,
        recorded_by=actor,
    )
    signature.full_clean()
    signature.save()
    record(
        actor, AuditAction.CREATE, signature, after=snapshot(signature), campus=_campus_of(current)
    )
    signatures = current.signatures.all()
    if {s.party_id for s in signatures} >= set(required):
        current.status = SignatureStatus.SIGNED
        current.effective_date = max(s.signed_on for s in signatures)
        current.save(update_fields=["status", "effective_date"])
        if isinstance(current, Amendment):
            convention = prefetched().get(pk=current.convention_id)
            try:
                check_all_signed_apply(convention)
            except ChangeError as error:  # the transaction rolls this signature back
                raise ConflictError(
                    _(
                        "Cette dernière signature rendrait le texte consolidé incohérent "
                        "(%(reason)s) : un autre avenant a modifié le même passage."
                    )
                    % {"reason": error}
                ) from error
        _bump(current)
        record(
            actor,
            AuditAction.UPDATE,
            current,
            changes={
                "status": [SignatureStatus.SENT, SignatureStatus.SIGNED],
                "effective_date": [None, current.effective_date.isoformat()],
            },
            campus=_campus_of(current),
        )
    obj.refresh_from_db()
    return signature


@transaction.atomic
def terminate(actor, convention, *, party, on, reason=""):
    current = _locked(FrameworkConvention, convention.pk)
    action = SIGNATURE.check("terminate", actor, current)
    in_force = consolidated_text(prefetched().get(pk=current.pk), on).parties
    if party.pk not in {p.party_id for p in in_force}:
        raise ValidationError({"party": _("Cette partie n'est pas partie à la convention.")})
    if current.effective_date and on < current.effective_date:
        raise ValidationError({"on": _("La dénonciation ne peut pas précéder la date d'effet.")})
    current.status = action.target
    current.terminated_on, current.terminated_by, current.termination_reason = on, party, reason
    current.save(update_fields=["status", "terminated_on", "terminated_by", "termination_reason"])
    _bump(current)
    record(
        actor,
        AuditAction.UPDATE,
        current,
        changes={
            "status": [SignatureStatus.SIGNED, SignatureStatus.TERMINATED],
            "terminated_on": [None, on.isoformat()],
            "terminated_by": [None, str(party)],
        },
        campus=current.campus,
    )
    convention.refresh_from_db()
    return convention


# ---------------------------------------------------------------- amendments


def _next_number(convention):
    highest = convention.amendments.aggregate(highest=Max("number"))["highest"]
    return (highest or 0) + 1


@transaction.atomic
def create_amendment(actor, convention, *, title, deliberation=None, summary=""):
    """A draft amendment numbered one above the convention's highest.

    The convention row is locked while numbering, and the (convention, number) unique
    constraint refuses a duplicate if two requests still race (ConflictError: try again).
    """
    locked = _locked(FrameworkConvention, convention.pk)
    SIGNATURE.check("amend", actor, locked)
    amendment = Amendment(
        convention=locked,
        number=_next_number(locked),
        title=title,
        deliberation=deliberation,
        summary=summary,
    )
    amendment.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            amendment.save()
    except IntegrityError as error:
        raise ConflictError(
            _("Un autre avenant vient de prendre ce numéro : réessayez.")
        ) from error
    record(actor, AuditAction.CREATE, amendment, after=snapshot(amendment), campus=locked.campus)
    return amendment


@transaction.atomic
def record_historical_amendment(actor, convention, *, number, signed_on=None, summary="", title=""):
    """An amendment signed before the portal: number, date, summary; no typed changes."""
    _require_manager(actor)
    locked = _locked(FrameworkConvention, convention.pk)
    if locked.status not in (SignatureStatus.SIGNED, SignatureStatus.TERMINATED):
        raise ConflictError(_("Un avenant ne peut exister que pour une convention signée."))
    if locked.amendments.filter(number=number).exists():
        raise ValidationError(
            {"number": _("Cette convention a déjà un avenant n°%(n)s.") % {"n": number}}
        )
    amendment = Amendment(
        convention=convention,
        number=number,
        title=title or _("Avenant n°%(number)s (antérieur au portail)") % {"number": number},
        is_historical=True,
        summary=summary,
        status=SignatureStatus.SIGNED,
        effective_date=signed_on,
    )
    amendment.full_clean()
    amendment.save()
    record(
        actor, AuditAction.CREATE, amendment, after=snapshot(amendment), campus=convention.campus
    )
    return amendment


@transaction.atomic
def update_amendment(actor, amendment, *, expected_version=None, **fields):
    return _update_draft(actor, amendment, EDITABLE_AMENDMENT_FIELDS, expected_version, fields)


# The form field a change's error belongs to, by kind.
ERROR_FIELD = {
    ChangeKind.REPLACE_PASSAGE: "old_text",
    ChangeKind.REPLACE_ARTICLE: "article_number",
    ChangeKind.CHANGE_DURATION: "article_number",
    ChangeKind.CHANGE_TERMINATION: "article_number",
    ChangeKind.ADD_ANNEX: "title",
    ChangeKind.REPLACE_ANNEX: "title",
    ChangeKind.CHANGE_SUPPORT: "organisation",
    ChangeKind.ADD_PARTY: "party",
    ChangeKind.REMOVE_PARTY: "party",
}


@transaction.atomic
def add_change(actor, amendment, change):
    """Append a typed change, refused when it cannot apply to the text in force before it."""
    current = _locked(Amendment, amendment.pk)
    SIGNATURE.check("edit", actor, current)
    change.amendment = current
    change.position = (current.changes.aggregate(p=Max("position"))["p"] or 0) + 1
    if change.kind == ChangeKind.ADD_PARTY and (
        change.party_id is None or change.party.added_by_id != current.pk
    ):
        raise ValidationError({"party": _("La partie ajoutée doit être créée par cet avenant.")})
    if change.kind == ChangeKind.REMOVE_PARTY and (
        change.party_id is None or change.party.convention_id != current.convention_id
    ):
        raise ValidationError({"party": _("Choisissez une partie de cette convention.")})
    change.full_clean()
    try:
        text_before(current, extra_changes=[change])
    except ChangeError as error:
        raise ValidationError({ERROR_FIELD.get(change.kind, "kind"): str(error)}) from error
    change.save()
    _bump(current)
    record(
        actor,
        AuditAction.CREATE,
        change,
        after=snapshot(change),
        campus=current.convention.campus,
    )
    return change


@transaction.atomic
def add_party_by_amendment(actor, amendment, party):
    """Create the party an ADD_PARTY change introduces (it signs the amendment too)."""
    current = _locked(Amendment, amendment.pk)
    SIGNATURE.check("edit", actor, current)
    convention = current.convention
    party.convention = convention
    party.added_by = current
    party.position = (convention.parties.aggregate(p=Max("position"))["p"] or 0) + 1
    party.full_clean()
    party.save()
    record(actor, AuditAction.CREATE, party, after=snapshot(party), campus=convention.campus)
    return party


@transaction.atomic
def delete_change(actor, change):
    current = _locked(Amendment, change.amendment_id)
    SIGNATURE.check("edit", actor, current)
    record(
        actor, AuditAction.DELETE, change, before=snapshot(change), campus=current.convention.campus
    )
    change.delete()
    _bump(current)


# ---------------------------------------------------------------- signed scans


@transaction.atomic
def attach_signed_scan(actor, convention, upload, *, amendment=None):
    _require_manager(actor)
    validate_pdf_upload(upload)
    if amendment is not None and amendment.convention_id != convention.pk:
        raise ValidationError({"amendment": _("Cet avenant n'appartient pas à la convention.")})
    scan = SignedScan(convention=convention, amendment=amendment, uploaded_by=actor)
    scan.file.save(upload.name, upload, save=False)
    scan.save()
    record(actor, AuditAction.CREATE, scan, after=snapshot(scan), campus=convention.campus)
    return scan


def add_annex(actor, convention, *, title, text=""):
    position = (convention.annexes.aggregate(p=Max("position"))["p"] or 0) + 1
    return save_convention_part(
        actor, Annex(convention=convention, position=position, title=title, text=text)
    )
