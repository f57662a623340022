"""What the conventions add to a deliberation (registered in apps.py): on its page, the
conventions and amendments it adopted that the user may see; in the API, their ids."""

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from . import permissions


def page_block(request, deliberation):
    user = request.user
    if not permissions.can_use_conventions(user):
        return None
    conventions = permissions.conventions_visible_to(
        user, deliberation.conventions.select_related("campus")
    )
    amendments = permissions.amendments_visible_to(
        user, deliberation.amendments.select_related("convention__campus")
    ).order_by("convention__campus__short_name", "number")
    return {
        "conventions": conventions,
        "amendments": amendments,
        "can_manage": permissions.can_manage_conventions(user),
    }


@extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
class AdoptedIdsField(serializers.Field):
    """The ids of what the deliberation adopted that the caller may see (prefetched)."""

    def __init__(self, attribute):
        self.attribute = attribute
        super().__init__(source="*", read_only=True)

    def to_representation(self, deliberation):
        return [obj.pk for obj in getattr(deliberation, self.attribute, [])]


def prefetch_conventions(queryset, user):
    return queryset.prefetch_related(
        Prefetch(
            "conventions",
            queryset=permissions.conventions_visible_to(user)
            .order_by("pk")
            .only("pk", "deliberation_id"),
            to_attr="visible_conventions",
        )
    )


def prefetch_amendments(queryset, user):
    return queryset.prefetch_related(
        Prefetch(
            "amendments",
            queryset=permissions.amendments_visible_to(user)
            .order_by("pk")
            .only("pk", "deliberation_id"),
            to_attr="visible_amendments",
        )
    )
