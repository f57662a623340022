"""The home page: one per role, composed of the blocks each app contributes to its slot
(core.composition: "home.regional", "home.director", "home.rectorate", "home.expert")."""

from django.shortcuts import render
from django.utils import timezone

from campuses import selectors
from core import roles
from core.composition import blocks_for

TEMPLATES = {
    "regional": "home/regional.html",
    "director": "home/director.html",
    "rectorate": "home/rectorate.html",
    "expert": "home/expert.html",
}


def home_role(user):
    if roles.is_regional_staff(user):
        return "regional"
    if roles.is_director(user):
        return "director"
    if roles.is_rectorate(user):
        return "rectorate"
    if roles.is_expert(user):
        return "expert"
    return None


def home(request):
    user = request.user
    today = timezone.localdate()
    role = home_role(user)
    if role is None:
        return render(request, "home/none.html", {"today": today})
    # The registry's view of the user's campuses, shared by the blocks that list them. The
    # regional home lists none in full (its blocks ask the database for what they show).
    campuses = []
    if role in ("director", "rectorate"):
        campuses = selectors.with_support_institution(
            selectors.campus_list(user, today, directors=False), today
        )
    context = {
        "today": today,
        "campuses": campuses,
        "is_admin": roles.is_administrator(user),
        "academies": list(user.academies.all()) if role == "rectorate" else [],
    }
    context["blocks"] = blocks_for(f"home.{role}", request, **context)
    return render(request, TEMPLATES[role], context)
