"""Who may see and act on subsidy dossiers, payments, envelopes and transfers.

Reading follows the campus scope (campuses.permissions): regional staff everything, rectorate
staff their academies' campuses (or all for the région académique), directors the campuses
they direct. Experts have no business here. Regional staff instruct, vote, pay and transfer;
directors prepare and submit their own campus's dossier (never its financial terms).
"""

from campuses.permissions import campuses_visible_to

from .models import (
    BeneficiaryTransfer,
    Payment,
    SubsidyDocument,
    SubsidyDocumentKind,
    SubsidyDossier,
)


def can_use_subsidies(user):
    return getattr(user, "is_authenticated", False) and (
        user.is_regional_staff or user.is_rectorate or user.is_director
    )


def can_manage_subsidies(user):
    """Instruct, propose, vote, pay, transfer, see envelopes and exports: regional staff."""
    return getattr(user, "is_authenticated", False) and user.is_regional_staff


def can_view_envelopes(user):
    """Envelopes are the Region's budget: regional staff, and rectorate staff read them."""
    return getattr(user, "is_authenticated", False) and (
        user.is_regional_staff or user.is_rectorate
    )


def dossiers_visible_to(user, queryset=None):
    queryset = SubsidyDossier.objects.all() if queryset is None else queryset
    if not can_use_subsidies(user):
        return queryset.none()
    if user.is_regional_staff:
        return queryset
    return queryset.filter(campus__in=campuses_visible_to(user).values("pk"))


def payments_visible_to(user, queryset=None):
    queryset = Payment.objects.all() if queryset is None else queryset
    if not can_use_subsidies(user):
        return queryset.none()
    if user.is_regional_staff:
        return queryset
    return queryset.filter(dossier__campus__in=campuses_visible_to(user).values("pk"))


def transfers_visible_to(user, queryset=None):
    queryset = BeneficiaryTransfer.objects.all() if queryset is None else queryset
    if not can_use_subsidies(user):
        return queryset.none()
    if user.is_regional_staff:
        return queryset
    return queryset.filter(campus__in=campuses_visible_to(user).values("pk"))


def documents_visible_to(user, queryset=None):
    """A dossier's or a transfer's PDFs follow them; a deliberation's table is regional."""
    queryset = SubsidyDocument.objects.all() if queryset is None else queryset
    if not can_use_subsidies(user):
        return queryset.none()
    if user.is_regional_staff:
        return queryset
    visible = queryset.filter(dossier__in=dossiers_visible_to(user).values("pk")) | queryset.filter(
        transfer__in=transfers_visible_to(user).values("pk")
    )
    if can_view_envelopes(user):  # rectorate staff read the deliberations' summary tables
        visible |= queryset.filter(kind=SubsidyDocumentKind.DELIBERATION_SUMMARY)
    return visible


def can_prepare_for(user, campus):
    """Create a dossier for this campus: regional staff, or a director of it."""
    if can_manage_subsidies(user):
        return True
    return (
        getattr(user, "is_authenticated", False)
        and user.is_director
        and campuses_visible_to(user).filter(pk=campus.pk).exists()
    )


def can_edit_project(user, dossier):
    """Description, dates, financing plan: the campus's director while it is a draft; regional
    staff until the vote (the workflow's `edit_project`)."""
    from .workflow import DOSSIER

    return DOSSIER.decide("edit_project", user, dossier).allowed
