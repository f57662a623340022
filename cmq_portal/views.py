"""The home page: one per role."""

from django.shortcuts import render
from django.utils import timezone

from campuses import selectors as campus_selectors
from conventions.selectors import recent_reminders


def home(request):
    user = request.user
    today = timezone.localdate()
    context = {"today": today}
    if user.is_regional_staff:
        campuses = campus_selectors.with_support_institution(
            campus_selectors.campus_list(user, today), today
        )
        context.update(
            campuses=campuses,
            attention=campus_selectors.campuses_needing_attention(user, today),
            is_admin=user.is_superuser or user.role == "admin",
            reminders=recent_reminders(user),
        )
        template = "home/regional.html"
    elif user.is_director:
        campuses = campus_selectors.with_support_institution(
            campus_selectors.campus_list(user, today), today
        )
        context.update(
            campuses=campuses,
            reminders=recent_reminders(user),
            subsidies=_latest_subsidies(user),
        )
        template = "home/director.html"
    elif user.is_rectorate:
        campuses = campus_selectors.with_support_institution(
            campus_selectors.campus_list(user, today), today
        )
        context.update(
            campuses=campuses,
            academies=list(user.academies.all()),
            reminders=recent_reminders(user),
        )
        template = "home/rectorate.html"
    elif user.is_expert:
        # Label applications arrive with the labelling issue; until then the list is empty.
        context["applications"] = []
        template = "home/expert.html"
    else:
        template = "home/none.html"
    return render(request, template, context)


def _latest_subsidies(user, count=6):
    """The director's most recent subsidy dossiers, with what was paid and what remains."""
    from subsidies.selectors import dossier_list
    from subsidies.views.common import status_badge

    dossiers = list(dossier_list(user)[:count])
    for dossier in dossiers:
        dossier.badge = status_badge(dossier)
    return dossiers
