"""The `deliberations` collection: public to the roles with campuses in their scope. Its
fields beyond the deliberation's own (the conventions and amendments it adopted, the grants
it voted) and its actions (`vote`) are contributed by the domains (contributions.py);
domain errors become 400 / 403 / 409 in core.api.exception_handler."""

from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers, viewsets
from rest_framework import permissions as drf_permissions
from rest_framework.decorators import action
from rest_framework.response import Response

from core.api import router
from core.converters import IdConverter

from . import contributions
from .filters import DeliberationFilter
from .models import Deliberation
from .permissions import can_manage_deliberations, can_read_deliberations


class DeliberationSerializer(serializers.ModelSerializer):
    """A deliberation, with the sections the domains contribute (list and detail)."""

    detail = False

    class Meta:
        model = Deliberation
        fields = ["id", "number", "body", "date", "title"]
        read_only_fields = fields

    def get_fields(self):
        fields = super().get_fields()
        for section in contributions.sections(detail=self.detail):
            fields[section.name] = section.field()
        return fields


class DeliberationDetailSerializer(DeliberationSerializer):
    """A deliberation with every contributed section (those of the detail only too)."""

    detail = True


class DeliberationsPermission(drf_permissions.BasePermission):
    """Reading for the roles with campuses in their scope; each action says who may run it."""

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated and can_read_deliberations(user)):
            return False
        if request.method in drf_permissions.SAFE_METHODS:
            return True
        spec = getattr(view, "action_specs", {}).get(getattr(view, "action", None))
        # No such action (a DELETE…): regional staff learn it is not allowed (405).
        return spec.allowed(user) if spec else can_manage_deliberations(user)


class DeliberationViewSet(viewsets.ReadOnlyModelViewSet):
    """Deliberations of the Region, with what each domain says of them (the conventions and
    amendments each adopted that the caller may see, its subsidy part on the detail)."""

    serializer_class = DeliberationSerializer
    lookup_value_regex = IdConverter.regex
    filterset_class = DeliberationFilter
    permission_classes = [DeliberationsPermission]
    queryset = Deliberation.objects.none()
    action_specs = {}

    def get_queryset(self):
        queryset = Deliberation.objects.all()
        for section in contributions.sections(detail=self.action != "list"):
            if section.prefetch is not None:
                queryset = section.prefetch(queryset, self.request.user)
        return queryset

    def get_serializer_class(self):
        if self.action == "list":
            return DeliberationSerializer
        return DeliberationDetailSerializer


def _action_view(spec, name):
    def run(self, request, pk=None):
        deliberation = self.get_object()
        if not spec.allowed(request.user):
            raise exceptions.PermissionDenied
        spec.run(request, deliberation)
        fresh = self.get_queryset().get(pk=deliberation.pk)
        return Response(DeliberationDetailSerializer(fresh, context={"request": request}).data)

    # Named before it is decorated: DRF maps the HTTP method to the view's attribute name.
    run.__name__ = name
    run.__doc__ = spec.description
    run = action(detail=True, methods=["post"], url_path=spec.name, url_name=spec.name)(run)
    return extend_schema(request=spec.request_serializer, responses=DeliberationDetailSerializer)(
        run
    )


# The contributed actions (registered in the apps' ready(), which runs before the URLs load).
for _spec in contributions.actions():
    _name = _spec.name.replace("-", "_")
    DeliberationViewSet.action_specs[_name] = _spec
    setattr(DeliberationViewSet, _name, _action_view(_spec, _name))

router.register("deliberations", DeliberationViewSet, basename="deliberation")
