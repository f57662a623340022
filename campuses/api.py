from django.utils import timezone
from rest_framework import mixins, viewsets
from rest_framework import permissions as drf_permissions

from core.api import router
from core.converters import IdConverter

from . import permissions, selectors, services
from .filters import CampusFilter
from .models import Campus
from .serializers import CampusSerializer


class RegistryWritePermission(drf_permissions.BasePermission):
    """Reading follows the campus scope; writing is for regional staff only."""

    def has_permission(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return False
        if request.method in drf_permissions.SAFE_METHODS:
            return permissions.can_view_registry(request.user)
        return permissions.can_manage_registry(request.user)


class CampusViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """The campus registry, scoped to what the caller may see.

    Experts have no business in the registry (403). Category and status are derived from the
    label periods on the day of the request.
    """

    serializer_class = CampusSerializer
    lookup_value_regex = IdConverter.regex
    filterset_class = CampusFilter
    permission_classes = [RegistryWritePermission]
    queryset = Campus.objects.none()  # for the schema; get_queryset scopes the real one

    def get_queryset(self):
        return selectors.campus_api_list(self.request.user, timezone.localdate())

    def _write(self, serializer, instance):
        data = dict(serializer.validated_data)
        m2m = {"academies": data.pop("academies")} if "academies" in data else {}
        expected_version = data.pop("version", None)
        for name, value in data.items():
            setattr(instance, name, value)
        # Domain errors become 400 / 403 / 409 in core.api.exception_handler.
        return services.save_record(
            self.request.user, instance, m2m=m2m, expected_version=expected_version
        )

    def perform_create(self, serializer):
        campus = self._write(serializer, Campus())
        serializer.instance = self.get_queryset().get(pk=campus.pk)

    def perform_update(self, serializer):
        campus = self._write(serializer, serializer.instance)
        serializer.instance = self.get_queryset().get(pk=campus.pk)


router.register("campuses", CampusViewSet, basename="campus")
