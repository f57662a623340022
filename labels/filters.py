"""Filters of the label applications: the list page and the API read the same ones (the
queryset given is already scoped to the user)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from campuses.models import Campus, LabelCategory
from core.formats import french_order
from core.forms import BoundedModelChoiceField

from .models import ApplicationKind, ApplicationStatus, ExpertiseSession, LabelApplication
from .permissions import applications_visible_to


def _visible_campuses(request):
    if request is None:
        return Campus.objects.none()
    campuses = applications_visible_to(request.user).values("campus")
    return Campus.objects.filter(pk__in=campuses).order_by(french_order("short_name"))


def _sessions(request):
    return ExpertiseSession.objects.order_by("-meets_on")


class ApplicationFilter(django_filters.FilterSet):
    campus = django_filters.ModelChoiceFilter(queryset=_visible_campuses, label=_("Campus"))
    session = django_filters.ModelChoiceFilter(queryset=_sessions, label=_("Session d'expertise"))
    status = django_filters.ChoiceFilter(choices=ApplicationStatus.choices, label=_("État"))
    category = django_filters.ChoiceFilter(
        field_name="target_category", choices=LabelCategory.choices, label=_("Catégorie visée")
    )
    kind = django_filters.ChoiceFilter(choices=ApplicationKind.choices, label=_("Objet"))

    class Meta:
        model = LabelApplication
        fields = ["campus", "session", "status", "category", "kind"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Ids too large for the database are an invalid choice, not a 500.
        for name in ("campus", "session"):
            self.filters[name].field_class = BoundedModelChoiceField
