"""Helpers shared by the conventions pages: scoped getters (403 for roles without access,
404 outside the user's scope), state checks, status badges, and the signature, scan and
file pages that a convention and an amendment have in common.
"""

import posixpath

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from core.views import form_page, refused

from .. import forms, permissions, services
from ..consolidation import prefetched
from ..dates import compute_dates
from ..models import Amendment, DurationKind, NoticeReference, RenewalMode, SignatureStatus
from ..workflow import SIGNATURE


def require_use(request):
    if not permissions.can_use_conventions(request.user):
        raise PermissionDenied


def require_manager(request):
    if not permissions.can_manage_conventions(request.user):
        raise PermissionDenied


def visible_convention(request, pk, queryset=None):
    """The convention if the user may see it (404 otherwise); 403 for roles without access."""
    require_use(request)
    convention = permissions.conventions_visible_to(request.user, queryset).filter(pk=pk).first()
    if convention is None:
        raise Http404
    return convention


def visible_amendment(request, pk):
    require_use(request)
    queryset = Amendment.objects.select_related(
        "convention__campus", "convention__deliberation", "deliberation"
    )
    amendment = permissions.amendments_visible_to(request.user, queryset).filter(pk=pk).first()
    if amendment is None:
        raise Http404
    return amendment


def editable_or_redirect(request, obj):
    """None when `obj` may be edited (the signature circuit's rule); else a redirect to its
    page with the reason (or a 403 for the role)."""
    return refused(request, SIGNATURE.decide("edit", request.user, obj), obj)


def dates_in_force(convention, text, today):
    return dates_of_clauses(convention, text.clauses, today)


def dates_of_clauses(convention, clauses, today):
    return compute_dates(
        clauses, convention.effective_date, convention.campus.label_periods.all(), today
    )


def base_parties(convention):
    return {party.pk for party in convention.parties.all() if party.added_by_id is None}


def _describe_label(choices, value):
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value or "")


def link_amendments(text, convention):
    """Give every part of a consolidated text the amendments (objects) that changed it."""
    by_number = {amendment.number: amendment for amendment in convention.amendments.all()}
    parts = [
        *text.parties,
        *text.articles,
        *(paragraph for article in text.articles for paragraph in article.paragraphs),
        *text.annexes,
        text.clauses,
    ]
    for part in parts:
        numbers = dict.fromkeys(part.changed_by)
        part.amendments = [by_number[number] for number in numbers if number in by_number]
        part.verb = "modified"
    # Feminine words (« annexe », « partie », « clause »), and parts an amendment brought in.
    base_annexes = {annex.title for annex in convention.annexes.all()}
    for annex in text.annexes:
        annex.verb = "modified_f" if annex.title in base_annexes else "added_f"
    original = base_parties(convention)
    for party in text.parties:
        party.verb = "modified_f" if party.party_id in original else "added_f"
    text.clauses.verb = "modified_f"
    clauses = text.clauses
    clauses.duration_label = _describe_label(DurationKind, clauses.duration_kind)
    clauses.renewal_label = _describe_label(RenewalMode, clauses.renewal_mode)
    clauses.notice_reference_label = _describe_label(NoticeReference, clauses.notice_reference)
    return text


def status_badge(obj, dates=None, today=None):
    """(css modifier, label) of a convention's or an amendment's state."""
    if (
        dates is not None
        and obj.status == SignatureStatus.SIGNED
        and dates.end is not None
        and dates.end < today
    ):
        return "expired", _("Expirée")
    return {
        SignatureStatus.DRAFT: ("none", _("Brouillon")),
        SignatureStatus.SENT: ("probationary", _("Envoyé pour signature")),
        SignatureStatus.SIGNED: ("labelled", _("Signé")),
        SignatureStatus.TERMINATED: ("replaced", _("Dénoncé")),
    }.get(obj.status, ("none", obj.get_status_display()))


def detail_queryset():
    return (
        prefetched()
        .select_related("deliberation", "terminated_by__organisation")
        .prefetch_related(
            "campus__label_periods",
            "contributions__party__organisation",
            "contributions__regulation_version__regulation",
            "contributions__regulation_version__deliberation",
            "signatures__party__organisation",
            "scans__amendment",
            "amendments__deliberation",
        )
    )


def with_filenames(scans):
    scans = list(scans)
    for scan in scans:
        scan.filename = posixpath.basename(scan.file.name)
    return scans


def pending_signatories(obj):
    """The parties that still have to sign a document sent for signature.

    An amendment whose changes no longer apply (another amendment, signed meanwhile, changed
    the passage it quotes) cannot be signed: `obj.stale` then holds the reason, for the page
    to say so and offer to take it back to draft.
    """
    obj.stale = services.overtaken_reason(obj) if isinstance(obj, Amendment) else ""
    if obj.status != SignatureStatus.SENT or obj.stale:
        return []
    signed = {signature.party_id for signature in obj.signatures.all()}
    return [party for party in services.required_signatories(obj) if party.pk not in signed]


def sign_page(request, obj, convention):
    if response := refused(request, SIGNATURE.decide("sign", request.user, obj), obj):
        return response
    parties = pending_signatories(obj)
    if obj.stale:
        messages.error(request, obj.stale)
        return redirect(obj)
    signable = [party for party in parties if permissions.can_sign_for(request.user, party)]

    def signed(_result):
        obj.refresh_from_db()
        if obj.status == SignatureStatus.SIGNED:
            return _(
                "Signature enregistrée. Toutes les parties ont signé : le document prend "
                "effet le %(date)s."
            ) % {"date": obj.effective_date.strftime("%d/%m/%Y")}
        return _("Signature enregistrée.")

    return form_page(
        request,
        forms.SignatureForm(request.POST or None, parties=parties, signable=signable),
        lambda data: services.record_signature(request.user, obj, **data),
        success=signed,
        done=obj,
        template="conventions/signature_form.html",
        context={
            "obj": obj,
            "convention": convention,
            "amendment": obj if isinstance(obj, Amendment) else None,
            "pending": parties,
            "signable": signable,
        },
    )


def scan_page(request, convention, amendment=None):
    require_manager(request)
    page = reverse(
        "conventions:" + ("amendment_detail" if amendment else "detail"),
        args=[(amendment or convention).pk],
    )
    return form_page(
        request,
        forms.ScanForm(request.POST or None, request.FILES or None),
        lambda data: services.attach_signed_scan(
            request.user, convention, data["file"], amendment=amendment
        ),
        success=_("L'original signé numérisé a été ajouté."),
        done=page + "#originaux",
        template="conventions/scan_form.html",
        context={"convention": convention, "amendment": amendment},
    )
