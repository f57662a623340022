"""API collections of the annual follow-up: `followups` (the sheets, with their nine sections)
and `campaigns`.

Scope: experts have no business here (403 on both collections); directors read their
campuses' sheets and fill them while editable; rectorate staff read their academies' (the
région académique: all), comment, request changes and give their opinion; regional staff read
everything, comment, request changes, validate and open campaigns. The role is checked first
(403 whatever the object), then the object's scope (404 outside it). Every write goes through
followup.services; domain errors become 400 / 403 / 409 in core.api.exception_handler.

Writing a section: `PUT /followups/{id}/sections/{n}/` with `{"data": {...}, "version": v}`
replaces the section's content, PATCH replaces only the keys sent. `version` is the section's
version as read: a stale one is refused with 409 and nothing is saved, so two people never
silently overwrite each other. A request retried after a lost answer (same body, the version
it was based on) finds the content already saved: it is answered 200 with the section as it is
(idempotent), since nothing anyone saved would be lost; a different content stays a 409.
"""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework import permissions as drf_permissions
from rest_framework.decorators import action
from rest_framework.response import Response

from core.api import router
from core.converters import IdConverter

from . import permissions, services
from .filters import CampaignFilter, FollowUpFilter, campaign_list, sheet_detail, sheet_list
from .models import Campaign, FollowUpSheet, SheetSection
from .serializers import (
    CampaignSerializer,
    CampaignWriteSerializer,
    SheetCommentSerializer,
    SheetCommentWriteSerializer,
    SheetDetailSerializer,
    SheetOpinionSerializer,
    SheetReasonSerializer,
    SheetRequiredReasonSerializer,
    SheetSectionSerializer,
    SheetSectionWriteSerializer,
    SheetSerializer,
)
from .workflow import SHEET

# The workflow's action behind each write (followup.workflow): the role may attempt it when
# the workflow says so; the services check the rest (the campus, the sheet's state).
ACTION_RULES = {
    "section": "fill",
    "submit": "submit",
    "comment": "comment",
    "request_changes": "request_changes",
    "validate": "validate",
    "opinion": "opinion",
}


class FollowUpPermission(drf_permissions.BasePermission):
    """Reading for the roles of the follow-up, in their scope; each write for its role."""

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated):
            return False
        if not permissions.can_use_followup(user):
            return False
        if request.method in drf_permissions.SAFE_METHODS:
            return True
        name = getattr(view, "action", None)
        if name in ACTION_RULES:
            return SHEET.role_allows(ACTION_RULES[name], user)
        return permissions.can_manage_campaigns(user)


class FollowUpViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Annual follow-up sheets (« fiches de suivi »), scoped to the caller's campuses.

    The list shows each sheet's status and completion; the detail its nine sections (content
    as saved, completeness, errors, version), history, comments, attachments, indicators,
    rectorate opinion and the e-mails sent about it. The status changes only through the
    actions."""

    lookup_value_regex = IdConverter.regex
    filterset_class = FollowUpFilter
    permission_classes = [FollowUpPermission]
    queryset = FollowUpSheet.objects.none()  # for the schema; get_queryset scopes

    def get_queryset(self):
        if self.action == "retrieve":
            return sheet_detail(self.request.user)
        return sheet_list(self.request.user)

    def get_serializer_class(self):
        return SheetSerializer if self.action == "list" else SheetDetailSerializer

    def _answer(self, sheet, status_code=status.HTTP_200_OK):
        fresh = sheet_detail(self.request.user).get(pk=sheet.pk)
        serializer = SheetDetailSerializer(fresh, context=self.get_serializer_context())
        return Response(serializer.data, status=status_code)

    # ------------------------------------------------------------------- sections

    def _section_answer(self, sheet, number, status_code=status.HTTP_200_OK):
        section = SheetSection.objects.select_related("sheet__campaign").get(
            sheet=sheet, number=number
        )
        data = SheetSectionSerializer(section, context=self.get_serializer_context()).data
        data["sheet_status"] = section.sheet.status
        data["sheet_version"] = section.sheet.version
        return Response(data, status=status_code)

    @extend_schema(methods=["GET"], responses=SheetSectionSerializer)
    @extend_schema(
        methods=["PUT", "PATCH"],
        request=SheetSectionWriteSerializer,
        responses=SheetSectionSerializer,
    )
    @action(detail=True, methods=["get", "put", "patch"], url_path=r"sections/(?P<number>[1-9])")
    def section(self, request, pk=None, number=None):
        """One section: read it; PUT its content (`data`) with the `version` read, or PATCH
        some of its keys. Saved as typed: invalid values are kept and reported in `errors`."""
        sheet = self.get_object()
        number = int(number)
        if request.method == "GET":
            return self._section_answer(sheet, number)
        body = SheetSectionWriteSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data["data"]
        version = body.validated_data["version"]
        stored = get_object_or_404(SheetSection, sheet=sheet, number=number)
        if request.method == "PATCH":
            data = {**stored.data, **data}
        # A retry of a request whose answer was lost (same content, old version) is not a
        # conflict: the service answers with the section as stored.
        services.save_section(request.user, sheet, number, data, expected_version=version)
        return self._section_answer(sheet, number)

    # -------------------------------------------------------------------- actions

    @extend_schema(request=None, responses=SheetDetailSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        """Submit the sheet (every section complete); the reviewers are notified."""
        sheet = self.get_object()
        services.submit(request.user, sheet)
        return self._answer(sheet)

    @extend_schema(request=SheetRequiredReasonSerializer, responses=SheetDetailSerializer)
    @action(detail=True, methods=["post"], url_path="request-changes")
    def request_changes(self, request, pk=None):
        """Send a submitted sheet back to the campus, saying what to change (`reason`); the
        directors are e-mailed the reason and the comments they may read."""
        sheet = self.get_object()
        body = SheetRequiredReasonSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.request_changes(request.user, sheet, body.validated_data["reason"])
        return self._answer(sheet)

    @extend_schema(request=SheetReasonSerializer, responses=SheetDetailSerializer)
    @action(detail=True, methods=["post"])
    def validate(self, request, pk=None):
        """Validate a submitted sheet (regional staff); it becomes read-only."""
        sheet = self.get_object()
        body = SheetReasonSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.validate_sheet(request.user, sheet, body.validated_data["reason"])
        return self._answer(sheet)

    @extend_schema(request=SheetCommentWriteSerializer, responses={201: SheetCommentSerializer})
    @action(detail=True, methods=["post"])
    def comment(self, request, pk=None):
        """Comment on a section (0: the whole sheet); `internal` notes are never shown to the
        campus."""
        sheet = self.get_object()
        body = SheetCommentWriteSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        comment = services.add_comment(request.user, sheet, **body.validated_data)
        return Response(SheetCommentSerializer(comment).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=SheetOpinionSerializer, responses=SheetDetailSerializer)
    @action(detail=True, methods=["post"])
    def opinion(self, request, pk=None):
        """Give the rectorate's opinion on a submitted (or validated) sheet."""
        sheet = self.get_object()
        body = SheetOpinionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.give_opinion(request.user, sheet, **body.validated_data)
        return self._answer(sheet)


class CampaignViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Follow-up campaigns (one per year N) with the number of the caller's sheets per status.
    Regional staff see them all and open one with POST (one sheet per campus to follow, the
    directors are notified); rectorate staff and directors see those holding their sheets."""

    lookup_value_regex = IdConverter.regex
    filterset_class = CampaignFilter
    permission_classes = [FollowUpPermission]
    queryset = Campaign.objects.none()

    def get_queryset(self):
        return campaign_list(self.request.user)

    def get_serializer_class(self):
        return CampaignWriteSerializer if self.action == "create" else CampaignSerializer

    @extend_schema(request=CampaignWriteSerializer, responses={201: CampaignSerializer})
    def create(self, request, *args, **kwargs):
        """Open the campaign for year N (opening today and deadline 31 March N+1 by
        default)."""
        body = CampaignWriteSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        campaign = services.open_campaign(request.user, **body.validated_data)
        fresh = self.get_queryset().get(pk=campaign.pk)
        data = CampaignSerializer(fresh, context=self.get_serializer_context()).data
        return Response(data, status=status.HTTP_201_CREATED)


router.register("followups", FollowUpViewSet, basename="followup")
router.register("campaigns", CampaignViewSet, basename="campaign")
