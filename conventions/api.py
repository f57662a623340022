"""API collections of the conventions domain (conventions, amendments, documents); what a
deliberation adopted is a section of the deliberations collection (deliberations.py).

Scope: experts have no business here (403 on every collection); directors and rectorate staff
read their campuses' conventions and may ask for their PDFs; writes and actions are for
regional staff, except `sign`, which rectorate staff may use for the State party (the service
checks the party). Every write
goes through conventions.services; domain errors become 400 / 403 / 409 in
core.api.exception_handler.
"""

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework import permissions as drf_permissions
from rest_framework.decorators import action
from rest_framework.response import Response

from core.api import router
from core.converters import IdConverter
from core.prefetching import rows
from documents.api import DocumentViewSetMixin, accepted

from . import permissions, selectors, services
from .consolidation import consolidated_text
from .dates import compute_dates
from .documents import request_document
from .filters import AmendmentFilter, ConventionFilter, DocumentFilter
from .models import (
    Amendment,
    AmendmentChange,
    DocumentKind,
    FrameworkConvention,
    GeneratedDocument,
)
from .serializers import (
    AmendmentChangeSerializer,
    AmendmentSerializer,
    AsOfSerializer,
    ConsolidatedTextSerializer,
    ConventionPdfSerializer,
    ConventionSerializer,
    DocumentSerializer,
    SendSerializer,
    SignSerializer,
    TerminateSerializer,
)
from .workflow import SIGNATURE

# POST actions open beyond regional staff. Recording a signature: rectorate staff too (the
# service lets them sign for the State only). Asking for a PDF only reads what the caller can
# see: every role of the domain, as on the web pages (conventions.documents checks the scope).
READING_ACTIONS = {"pdf"}
# The signature circuit's action behind each write of the API (conventions.workflow).
ACTION_RULES = {
    "update": "edit",
    "partial_update": "edit",
    "changes": "edit",
    "send": "send",
    "sign": "sign",
    "return_to_draft": "return_to_draft",
    "terminate": "terminate",
}


class ConventionsPermission(drf_permissions.BasePermission):
    """Reading (and asking for PDFs) for the roles that use conventions, in their scope;
    writing for regional staff; recording a signature also for rectorate staff."""

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated):
            return False
        if not permissions.can_use_conventions(user):
            return False
        if request.method in drf_permissions.SAFE_METHODS:
            return True
        if getattr(view, "action", None) in READING_ACTIONS:
            return True
        name = getattr(view, "action", None)
        if name in ACTION_RULES:
            return SIGNATURE.role_allows(ACTION_RULES[name], user)
        return permissions.can_manage_conventions(user)


def _today():
    return timezone.localdate()


class SignatureActionsMixin:
    """`send` and `sign` on a convention or an amendment (same signature circuit)."""

    def _fresh(self, obj):
        return self.get_queryset().get(pk=obj.pk)

    def _answer(self, obj, status_code=status.HTTP_200_OK):
        serializer = self.get_serializer(self._fresh(obj))
        return Response(serializer.data, status=status_code)

    def _convention_id(self, obj):
        return obj.pk if isinstance(obj, FrameworkConvention) else obj.convention_id

    @extend_schema(request=SendSerializer)
    @action(detail=True, methods=["post"])
    def send(self, request, pk=None):
        """Send for signature (draft → sent)."""
        obj = self.get_object()
        body = SendSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.send_for_signature(request.user, obj, on=body.validated_data.get("on"))
        return self._answer(obj)

    @extend_schema(request=None)
    @action(detail=True, methods=["post"], url_path="return-to-draft")
    def return_to_draft(self, request, pk=None):
        """Take a document sent for signature back to draft (its signatures are removed)."""
        obj = self.get_object()
        services.return_to_draft(request.user, obj)
        return self._answer(obj)

    @extend_schema(request=SignSerializer)
    @action(detail=True, methods=["post"])
    def sign(self, request, pk=None):
        """Record one party's signature; the last one makes the document signed and in force."""
        obj = self.get_object()
        body = SignSerializer(data=request.data, convention_id=self._convention_id(obj))
        body.is_valid(raise_exception=True)
        services.record_signature(request.user, obj, **body.validated_data)
        return self._answer(obj)

    def _queue_document(self, *, kind, convention, amendment=None, as_of=None):
        document = request_document(
            self.request.user, kind=kind, convention=convention, amendment=amendment, as_of=as_of
        )
        return accepted(
            self.request,
            document,
            DocumentSerializer,
            "document-detail",
            context=self.get_serializer_context(),
        )


class ConventionViewSet(
    SignatureActionsMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Framework conventions, scoped to the caller's campuses.

    `end_date` and `notice_deadline` are computed from the clauses in force today and the
    campus's label periods. Status changes only through the actions.
    """

    serializer_class = ConventionSerializer
    lookup_value_regex = IdConverter.regex
    filterset_class = ConventionFilter
    permission_classes = [ConventionsPermission]
    queryset = FrameworkConvention.objects.none()  # for the schema; get_queryset scopes

    def get_queryset(self):
        return selectors.convention_list(self.request.user)

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "today": _today()}

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        data.pop("version", None)
        convention = services.create_convention(
            self.request.user,
            campus=data.pop("campus"),
            kind=data.pop("kind"),
            title=data.pop("title"),
            deliberation=data.pop("deliberation", None),
            **data,
        )
        serializer.instance = self._fresh(convention)

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        data.pop("campus", None)  # validated unchanged
        expected_version = data.pop("version", None)
        convention = services.update_convention(
            self.request.user, serializer.instance, expected_version=expected_version, **data
        )
        serializer.instance = self._fresh(convention)

    @extend_schema(request=TerminateSerializer)
    @action(detail=True, methods=["post"])
    def terminate(self, request, pk=None):
        """Record a party's notice of termination (signed → terminated)."""
        convention = self.get_object()
        body = TerminateSerializer(data=request.data, convention_id=convention.pk)
        body.is_valid(raise_exception=True)
        services.terminate(request.user, convention, **body.validated_data)
        return self._answer(convention)

    @extend_schema(request=ConventionPdfSerializer, responses={202: DocumentSerializer})
    @action(detail=True, methods=["post"])
    def pdf(self, request, pk=None):
        """Ask for the PDF of the convention as signed, or of its consolidated text on `as_of`
        (202: generated in the background; asking again gives the same document)."""
        convention = self.get_object()
        body = ConventionPdfSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        kind = body.validated_data["kind"]
        as_of = None
        if kind == DocumentKind.CONSOLIDATED:
            as_of = body.validated_data.get("as_of") or _today()
        return self._queue_document(kind=kind, convention=convention, as_of=as_of)

    @extend_schema(
        parameters=[OpenApiParameter("as_of", str, description="AAAA-MM-JJ (aujourd'hui)")],
        responses=ConsolidatedTextSerializer,
    )
    @action(detail=True, methods=["get"])
    def consolidated(self, request, pk=None):
        """The text in force on `as_of`: every signed amendment effective by then applied;
        each paragraph lists in `changed_by` the numbers of the amendments that changed it."""
        convention = self.get_object()
        params = AsOfSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        as_of = params.validated_data.get("as_of") or _today()
        text = consolidated_text(convention, as_of)
        dates = compute_dates(
            text.clauses, convention.effective_date, rows(convention.campus, "label_periods"), as_of
        )
        data = ConsolidatedTextSerializer(text).data
        data["end_date"] = dates.end.isoformat() if dates.end else None
        data["notice_deadline"] = (
            dates.notice_deadline.isoformat() if dates.notice_deadline else None
        )
        return Response(data)


class AmendmentViewSet(
    SignatureActionsMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Amendments (avenants), scoped through their convention. The server numbers them."""

    serializer_class = AmendmentSerializer
    lookup_value_regex = IdConverter.regex
    filterset_class = AmendmentFilter
    permission_classes = [ConventionsPermission]
    queryset = Amendment.objects.none()

    def get_queryset(self):
        return selectors.amendment_list(self.request.user)

    def perform_create(self, serializer):
        data = serializer.validated_data
        amendment = services.create_amendment(
            self.request.user,
            data["convention"],
            title=data["title"],
            deliberation=data.get("deliberation"),
            summary=data.get("summary", ""),
        )
        serializer.instance = self._fresh(amendment)

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        data.pop("convention", None)  # validated unchanged
        expected_version = data.pop("version", None)
        amendment = services.update_amendment(
            self.request.user, serializer.instance, expected_version=expected_version, **data
        )
        serializer.instance = self._fresh(amendment)

    @extend_schema(request=AmendmentChangeSerializer, responses={201: AmendmentChangeSerializer})
    @action(detail=True, methods=["post"])
    def changes(self, request, pk=None):
        """Add a typed change; refused (400) when it cannot apply to the text in force."""
        amendment = self.get_object()
        body = AmendmentChangeSerializer(data=request.data, context={"amendment": amendment})
        body.is_valid(raise_exception=True)
        change = services.add_change(
            request.user, amendment, AmendmentChange(**body.validated_data)
        )
        return Response(AmendmentChangeSerializer(change).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={202: DocumentSerializer})
    @action(detail=True, methods=["post"])
    def pdf(self, request, pk=None):
        """Ask for the amendment's PDF (202; asking again gives the same document)."""
        amendment = self.get_object()
        return self._queue_document(
            kind=DocumentKind.AMENDMENT,
            convention=amendment.convention,
            amendment=amendment,
        )


class DocumentViewSet(DocumentViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """Generated PDFs (conventions, amendments, consolidated texts) of visible conventions."""

    serializer_class = DocumentSerializer
    lookup_value_regex = IdConverter.regex
    filterset_class = DocumentFilter
    permission_classes = [ConventionsPermission]
    queryset = GeneratedDocument.objects.none()

    def get_queryset(self):
        return selectors.document_list(self.request.user)


router.register("conventions", ConventionViewSet, basename="convention")
router.register("amendments", AmendmentViewSet, basename="amendment")
router.register("documents", DocumentViewSet, basename="document")
