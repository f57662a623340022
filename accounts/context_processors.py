"""The navigation of every page: the links the apps contributed (core.composition) that the
user may follow. This app knows no domain."""

from django.conf import settings

from core.composition import navigation_for


def navigation(request):
    user = getattr(request, "user", None)
    context = {"REGION_NAME": settings.REGION_NAME}
    if user is None or not user.is_authenticated:
        return context
    context["nav_items"] = navigation_for(user, request.path)
    return context
