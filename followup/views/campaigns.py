"""Campaign pages: the list (every role of the follow-up, each seeing its own scope; a
director sees their sheets), opening a campaign (regional staff), and a campaign's progress
per campus (regional staff; rectorate staff limited to their academies' campuses)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import ngettext

from core.views import save_form

from .. import forms, permissions, selectors, services
from ..models import Campaign, SheetStatus
from .common import (
    dashboard_url,
    require_campaign_manager,
    require_use,
    sheet_badge,
    status_badge,
)


def _status_cards(counts):
    return [
        {
            "status": status,
            "label": label,
            "count": counts.get(status, 0),
            "badge": status_badge(status, label),
        }
        for status, label in SheetStatus.choices
    ]


def campaign_list(request):
    require_use(request)
    user = request.user
    campaigns = list(selectors.campaigns_for(user))
    for campaign in campaigns:
        campaign.cards = _status_cards(
            {status: getattr(campaign, f"count_{status}") for status in SheetStatus.values}
        )
    sheets = None
    if user.is_director:
        sheets = list(selectors.sheets_of_director(user))
        for sheet in sheets:
            sheet.badge = sheet_badge(sheet)
    return render(
        request,
        "followup/campaign_list.html",
        {
            "campaigns": campaigns,
            "sheets": sheets,
            "can_manage": permissions.can_manage_campaigns(user),
            "is_reviewer": permissions.is_reviewer(user),
            "dashboard_url": dashboard_url(user),
        },
    )


def campaign_create(request):
    require_use(request)
    require_campaign_manager(request)
    form = forms.CampaignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        result = {}

        def save():
            result["campaign"] = services.open_campaign(
                request.user,
                year=data["year"],
                opens_on=data["opens_on"],
                deadline=data["deadline"],
            )

        if save_form(request, form, save):
            campaign = result["campaign"]
            messages.success(
                request,
                ngettext(
                    "Campagne %(year)s ouverte : %(count)s fiche créée, date limite le "
                    "%(deadline)s. Les directions des campus sont prévenues par courriel.",
                    "Campagne %(year)s ouverte : %(count)s fiches créées, date limite le "
                    "%(deadline)s. Les directions des campus sont prévenues par courriel.",
                    campaign.sheets.count(),
                )
                % {
                    "year": campaign.year,
                    "count": campaign.sheets.count(),
                    "deadline": campaign.deadline.strftime("%d/%m/%Y"),
                },
            )
            return redirect(campaign)
    return render(request, "followup/campaign_form.html", {"form": form})


def campaign_detail(request, pk):
    require_use(request)
    user = request.user
    if not permissions.is_reviewer(user):
        # Directors follow their own sheets (the list); a campaign's progress is the reviewers'.
        raise PermissionDenied
    campaign = get_object_or_404(Campaign, pk=pk)
    status = request.GET.get("status")
    status = status if status in SheetStatus.values else None
    sheets = list(selectors.campaign_sheets(user, campaign, status))
    for sheet in sheets:
        sheet.badge = sheet_badge(sheet)
    counts = selectors.status_counts(user, campaign)
    return render(
        request,
        "followup/campaign_detail.html",
        {
            "campaign": campaign,
            "sheets": sheets,
            "cards": _status_cards(counts),
            "total": sum(counts.values()),
            "status": status,
            "section_count": selectors.SECTION_COUNT,
            "dashboard_url": dashboard_url(user),
            "can_manage": permissions.can_manage_campaigns(user),
        },
    )
