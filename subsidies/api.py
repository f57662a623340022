"""API collections of the subsidies domain: `subsidies` (dossiers), `payments`, `envelopes`,
`subsidy-documents`. The deliberations collection (conventions.api) shows a deliberation's
subsidy part and offers its `vote` action.

Scope: experts have no business here (403 on every collection); directors see their campuses'
dossiers and payments, prepare and submit their dossier (never its financial terms);
rectorate staff read their academies' (403 on writes); regional staff do everything.
Every write goes through subsidies.services; domain errors become 400 / 403 / 409 in
core.api.exception_handler.
"""

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, mixins, status, viewsets
from rest_framework import permissions as drf_permissions
from rest_framework.decorators import action
from rest_framework.response import Response

from core.api import router
from core.converters import IdConverter
from documents.api import DocumentViewSetMixin, accepted

from . import permissions, services
from .documents import request_document
from .filters import (
    EnvelopeFilter,
    PaymentFilter,
    SubsidyDocumentFilter,
    SubsidyFilter,
    document_list,
    dossier_list,
    envelope_list,
    payment_list,
)
from .models import CommitmentEnvelope, Payment, SubsidyDocument, SubsidyDossier
from .serializers import (
    DossierPdfSerializer,
    EnvelopeSerializer,
    FinancingPlanSerializer,
    InstructSerializer,
    OrderPaymentSerializer,
    PaymentSerializer,
    PayPaymentSerializer,
    ProposeSerializer,
    ReasonSerializer,
    SignAgreementSerializer,
    SubsidyDocumentSerializer,
    SubsidySerializer,
)
from .services.dossiers import TERMS_FIELDS
from .workflow import DOSSIER, PAYMENT

# The workflow's action behind each write of the API (subsidies.workflow): the role may
# attempt it when the workflow says so; the service checks the dossier and its state.
DOSSIER_RULES = {
    "update": "edit_project",
    "partial_update": "edit_project",
    "financing_plan": "edit_project",
    "submit": "submit",
    "withdraw": "withdraw",
    "return_to_draft": "return_to_draft",
    "instruct": "instruct",
    "propose": "propose",
    "unpropose": "unpropose",
    "refuse": "refuse",
    "sign_agreement": "sign_agreement",
    "close": "close",
}
PAYMENT_RULES = {"order": "order", "pay": "pay", "cancel": "cancel"}
# POST actions that only read what the caller can see: every role of the domain.
READING_ACTIONS = {"pdf"}


class SubsidiesPermission(drf_permissions.BasePermission):
    """Reading (and asking for PDFs) for the roles that use subsidies, in their scope; each
    write for the roles its workflow action names (creating a dossier: those who prepare
    one); everything else for regional staff. The role is checked first: a refused role gets
    403 whatever the object."""

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated):
            return False
        if not permissions.can_use_subsidies(user):
            return False
        if request.method in drf_permissions.SAFE_METHODS:
            return True
        name = getattr(view, "action", None)
        if name in READING_ACTIONS:
            return True
        workflow, rules = getattr(view, "workflow", None), getattr(view, "action_rules", {})
        if workflow is not None and name in rules:
            return workflow.role_allows(rules[name], user)
        if name == "create" and getattr(view, "directors_create", False):
            return user.is_director or permissions.can_manage_subsidies(user)
        return permissions.can_manage_subsidies(user)


class EnvelopesPermission(drf_permissions.BasePermission):
    """Envelopes are the Region's budget: regional and rectorate staff read them."""

    def has_permission(self, request, view):
        user = request.user
        return bool(user and user.is_authenticated and permissions.can_view_envelopes(user))


def _refuse_terms(user, data):
    """PATCH edits the project only. Financial terms sent by a director: 403; by regional
    staff: 400 on each field, pointing to the `instruct` action (which checks the rules)."""
    sent = sorted(set(data) & set(TERMS_FIELDS)) if isinstance(data, Mapping) else []
    if not sent:
        return
    if not permissions.can_manage_subsidies(user):
        raise exceptions.PermissionDenied(
            _(
                "Les conditions financières du dossier (base subventionnable, taux, montant, "
                "imputation budgétaire…) sont fixées par les services de la Région : vous ne "
                "pouvez pas modifier %(fields)s."
            )
            % {"fields": ", ".join(sent)}
        )
    raise ValidationError(
        {
            field: [
                _(
                    "Les conditions financières se fixent par l'action « instruct » "
                    "(POST /api/v1/subsidies/{id}/instruct/), qui vérifie les règles du "
                    "règlement d'intervention."
                )
            ]
            for field in sent
        }
    )


class SubsidyViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Subsidy dossiers (« fiches projet »), scoped to the caller's campuses.

    Create a draft (`campus`, `reference_year`, project fields), PATCH its project with its
    `version`, PUT its financing plan; the financial terms go through `instruct`, the status
    only through the actions.
    """

    serializer_class = SubsidySerializer
    lookup_value_regex = IdConverter.regex
    filterset_class = SubsidyFilter
    permission_classes = [SubsidiesPermission]
    workflow, action_rules, directors_create = DOSSIER, DOSSIER_RULES, True
    queryset = SubsidyDossier.objects.none()  # for the schema; get_queryset scopes

    def get_queryset(self):
        return dossier_list(self.request.user)

    def _answer(self, dossier, status_code=status.HTTP_200_OK):
        fresh = self.get_queryset().get(pk=dossier.pk)
        return Response(self.get_serializer(fresh).data, status=status_code)

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        data.pop("version", None)
        dossier = services.create_dossier(
            self.request.user,
            campus=data.pop("campus"),
            reference_year=data.pop("reference_year"),
            duplicate_justification=data.pop("duplicate_justification", ""),
            **data,
        )
        serializer.instance = self.get_queryset().get(pk=dossier.pk)

    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        dossier = self.get_object()
        _refuse_terms(request.user, request.data)
        serializer = self.get_serializer(dossier, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        expected_version = data.pop("version", None)
        for unchanged in ("campus", "reference_year", "duplicate_justification"):
            data.pop(unchanged, None)  # validated unchanged by the serializer
        dossier = services.update_project(
            request.user, dossier, data, expected_version=expected_version
        )
        return self._answer(dossier)

    @extend_schema(request=FinancingPlanSerializer, responses=SubsidySerializer)
    @action(detail=True, methods=["put"], url_path="financing-plan")
    def financing_plan(self, request, pk=None):
        """Replace the financing plan (expense and revenue lines; one « subvention de la
        Région » revenue line). It may be incomplete while a draft."""
        dossier = self.get_object()
        body = FinancingPlanSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.set_financing_plan(
            request.user,
            dossier,
            [dict(line) for line in body.validated_data["lines"]],
            expected_version=body.validated_data.get("version"),
        )
        return self._answer(dossier)

    def _reason(self, request):
        body = ReasonSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return body.validated_data["reason"]

    @extend_schema(request=ReasonSerializer, responses=SubsidySerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        """Submit the draft to the Region (the project and a balanced plan are required)."""
        dossier = self.get_object()
        services.submit(request.user, dossier, self._reason(request))
        return self._answer(dossier)

    @extend_schema(request=ReasonSerializer, responses=SubsidySerializer)
    @action(detail=True, methods=["post"], url_path="return-to-draft")
    def return_to_draft(self, request, pk=None):
        """Send a submitted dossier back to the campus, saying what to complete (`reason`)."""
        dossier = self.get_object()
        services.return_to_draft(request.user, dossier, self._reason(request))
        return self._answer(dossier)

    @extend_schema(request=InstructSerializer, responses=SubsidySerializer)
    @action(detail=True, methods=["post"])
    def instruct(self, request, pk=None):
        """Set the financial terms (only the fields sent); every rule of the regulation is
        checked; a submitted dossier becomes « instruit »."""
        dossier = self.get_object()
        body = InstructSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = dict(body.validated_data)
        expected_version = data.pop("version", None)
        reason = data.pop("reason", "")
        services.instruct(
            request.user, dossier, data, expected_version=expected_version, reason=reason
        )
        return self._answer(dossier)

    @extend_schema(request=ProposeSerializer, responses=SubsidySerializer)
    @action(detail=True, methods=["post"])
    def propose(self, request, pk=None):
        """Put an instructed dossier on a deliberation's agenda, on a campus-grants envelope."""
        dossier = self.get_object()
        body = ProposeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.propose(request.user, dossier, **body.validated_data)
        return self._answer(dossier)

    @extend_schema(request=ReasonSerializer, responses=SubsidySerializer)
    @action(detail=True, methods=["post"])
    def unpropose(self, request, pk=None):
        """Take a proposed dossier off the agenda (back to « instruit »)."""
        dossier = self.get_object()
        services.unpropose(request.user, dossier, self._reason(request))
        return self._answer(dossier)

    @extend_schema(request=ReasonSerializer, responses=SubsidySerializer)
    @action(detail=True, methods=["post"])
    def refuse(self, request, pk=None):
        """Refuse a dossier not yet voted (`reason` required)."""
        dossier = self.get_object()
        services.refuse(request.user, dossier, self._reason(request))
        return self._answer(dossier)

    @extend_schema(request=ReasonSerializer, responses=SubsidySerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        """Withdraw a dossier not yet voted (the campus: while a draft or submitted)."""
        dossier = self.get_object()
        services.withdraw(request.user, dossier, self._reason(request))
        return self._answer(dossier)

    @extend_schema(request=SignAgreementSerializer, responses=SubsidySerializer)
    @action(detail=True, methods=["post"], url_path="sign-agreement")
    def sign_agreement(self, request, pk=None):
        """Record one party's signature of the grant agreement; the second one makes it
        signed (payments become possible)."""
        dossier = self.get_object()
        body = SignAgreementSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.sign_agreement(request.user, dossier, **body.validated_data)
        return self._answer(dossier)

    @extend_schema(request=ReasonSerializer, responses=SubsidySerializer)
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        """Close a dossier paid in full (« soldé » → « clos »)."""
        dossier = self.get_object()
        services.close_dossier(request.user, dossier, self._reason(request))
        return self._answer(dossier)

    @extend_schema(request=DossierPdfSerializer, responses={202: SubsidyDocumentSerializer})
    @action(detail=True, methods=["post"])
    def pdf(self, request, pk=None):
        """Ask for the fiche projet or the grant agreement as PDF (202: generated in the
        background; asking again for the same content gives the same document)."""
        dossier = self.get_object()
        body = DossierPdfSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        document = request_document(request.user, kind=body.validated_data["kind"], dossier=dossier)
        return accepted(
            request,
            document,
            SubsidyDocumentSerializer,
            "subsidy-document-detail",
            context=self.get_serializer_context(),
        )


class PaymentViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Payments of voted grants, scoped through their dossier's campus. Regional staff
    request them (« demandé »), then `order` (« mandaté »), `pay` or `cancel` them."""

    serializer_class = PaymentSerializer
    lookup_value_regex = IdConverter.regex
    filterset_class = PaymentFilter
    permission_classes = [SubsidiesPermission]
    workflow, action_rules = PAYMENT, PAYMENT_RULES
    queryset = Payment.objects.none()

    def get_queryset(self):
        return payment_list(self.request.user)

    def _answer(self, payment, status_code=status.HTTP_200_OK):
        fresh = self.get_queryset().get(pk=payment.pk)
        return Response(self.get_serializer(fresh).data, status=status_code)

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        payment = services.request_payment(
            self.request.user,
            data.pop("dossier"),
            kind=data["kind"],
            amount=data["amount"],
            requested_on=data.get("requested_on"),
            realised_expenses=data.get("realised_expenses"),
            reference=data.get("reference", ""),
            note=data.get("note", ""),
        )
        serializer.instance = self.get_queryset().get(pk=payment.pk)

    @extend_schema(request=OrderPaymentSerializer, responses=PaymentSerializer)
    @action(detail=True, methods=["post"])
    def order(self, request, pk=None):
        """« Mandaté »: the payment order is issued (date, mandate number)."""
        payment = self.get_object()
        body = OrderPaymentSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.order_payment(request.user, payment, **body.validated_data)
        return self._answer(payment)

    @extend_schema(request=PayPaymentSerializer, responses=PaymentSerializer)
    @action(detail=True, methods=["post"])
    def pay(self, request, pk=None):
        """« Payé »: the dossier becomes « payé en partie » or « soldé »."""
        payment = self.get_object()
        body = PayPaymentSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.mark_paid(request.user, payment, **body.validated_data)
        return self._answer(payment)

    @extend_schema(request=ReasonSerializer, responses=PaymentSerializer)
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        """Cancel a payment not yet paid (`reason` required)."""
        payment = self.get_object()
        body = ReasonSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.cancel_payment(request.user, payment, body.validated_data["reason"])
        return self._answer(payment)


class EnvelopeViewSet(viewsets.ReadOnlyModelViewSet):
    """Commitment envelopes (« autorisations d'engagement »): amount, voted, proposed, paid,
    remaining. Regional and rectorate staff."""

    serializer_class = EnvelopeSerializer
    lookup_value_regex = IdConverter.regex
    filterset_class = EnvelopeFilter
    permission_classes = [EnvelopesPermission]
    queryset = CommitmentEnvelope.objects.none()

    def get_queryset(self):
        return envelope_list()


class SubsidyDocumentViewSet(DocumentViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """Generated PDFs (fiches projet, grant agreements…) of the dossiers the caller sees."""

    serializer_class = SubsidyDocumentSerializer
    lookup_value_regex = IdConverter.regex
    filterset_class = SubsidyDocumentFilter
    permission_classes = [SubsidiesPermission]
    queryset = SubsidyDocument.objects.none()

    def get_queryset(self):
        return document_list(self.request.user)


router.register("subsidies", SubsidyViewSet, basename="subsidy")
router.register("payments", PaymentViewSet, basename="payment")
router.register("envelopes", EnvelopeViewSet, basename="envelope")
router.register("subsidy-documents", SubsidyDocumentViewSet, basename="subsidy-document")
