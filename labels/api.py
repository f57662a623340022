"""API collection of the labelling: `label-applications` (the applications for the label,
their dossier, review, navettes and decision), with the circuit's steps as actions
(`POST /api/v1/label-applications/{id}/deposit/`…).

Scope (labels.permissions): regional staff see every application; rectorate staff their
academies' campuses' (the région académique: all); directors their campuses'; experts only
those they are assigned to; a role with no business in the labelling gets 403 on the
collection. The role is checked first against the workflow (labels.workflow: 403 with its
reason, whatever the application), then the application's scope (404 outside it); the
service checks the rest. Every write goes through labels.services; domain errors become
400 / 403 / 409 in core.api.exception_handler.
"""

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework import permissions as drf_permissions
from rest_framework.decorators import action
from rest_framework.response import Response

from core.api import router
from core.converters import IdConverter

from . import permissions, selectors, services
from .filters import ApplicationFilter
from .models import (
    ConsolidatedCriterion,
    CriterionPresentation,
    ExpertAssignment,
    LabelApplication,
    NavetteRound,
    Recommendation,
    StatusChange,
)
from .serializers import (
    ACTIONS,
    LabelAnswerSerializer,
    LabelApplicationCreateSerializer,
    LabelApplicationDetailSerializer,
    LabelApplicationSerializer,
    LabelAssessmentWriteSerializer,
    LabelAssignSerializer,
    LabelConsolidateSerializer,
    LabelDecideSerializer,
    LabelMarkSerializer,
    LabelNavetteWriteSerializer,
    LabelOpinionSerializer,
    LabelReasonSerializer,
    LabelSendAnswersSerializer,
    LabelSubmitAssessmentSerializer,
)
from .workflow import APPLICATION

# The workflow's action behind each of the viewset's actions (its method names): creating
# a draft is the carriers' `edit`.
ACTION_RULES = {
    "create": "edit",
    **{name.replace("-", "_"): rule for name, rule in ACTIONS.items()},
}


class LabelsPermission(drf_permissions.BasePermission):
    """The collection is for the roles of the labelling (labels.permissions.can_use_labels);
    anonymous: 401."""

    def has_permission(self, request, view):
        user = request.user
        return bool(user and user.is_authenticated and permissions.can_use_labels(user))


def application_detail(user):
    """The applications `user` may read, with everything their detail shows, in a fixed
    number of queries."""
    return (
        selectors.application_list(user)
        .select_related("criteria_version", "rapporteur", "label_period")
        .prefetch_related(
            "opinions",
            "annexes",
            Prefetch(
                "presentations",
                queryset=CriterionPresentation.objects.select_related("criterion"),
            ),
            Prefetch("assignments", queryset=ExpertAssignment.objects.select_related("expert")),
            Prefetch(
                "consolidated", queryset=ConsolidatedCriterion.objects.select_related("criterion")
            ),
            Prefetch(
                "rounds",
                queryset=NavetteRound.objects.prefetch_related(
                    Prefetch(
                        "recommendations",
                        queryset=Recommendation.objects.select_related("criterion"),
                    )
                ),
            ),
            Prefetch("history", queryset=StatusChange.objects.select_related("actor")),
        )
    )


class LabelApplicationViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Label applications (« candidatures au label »), scoped to the caller.

    The list shows each application's campus, object, target category, session, status and
    what it waits for from the caller; the detail its dossier, the review (the individual
    assessments the caller may read, the group's ratings and opinion), its navettes, its
    decision and `available_actions`. POST on the collection creates a draft; the status
    changes only through the actions, each answering the application's detail."""

    lookup_value_regex = IdConverter.regex
    filterset_class = ApplicationFilter
    permission_classes = [LabelsPermission]
    queryset = LabelApplication.objects.none()  # for the schema; get_queryset scopes

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # A role the workflow never lets run the action: 403 with the workflow's reason,
        # before the application is even read (so whatever its scope or state).
        rule = ACTION_RULES.get(self.action)
        if rule is not None:
            APPLICATION.check_role(rule, request.user)

    def get_queryset(self):
        user = self.request.user
        if self.action == "list":
            return selectors.application_list(user)
        if self.action == "retrieve":
            return application_detail(user)
        return permissions.applications_visible_to(user)  # an action reads the detail after

    def get_serializer_class(self):
        return (
            LabelApplicationSerializer
            if self.action == "list"
            else LabelApplicationDetailSerializer
        )

    def _answer(self, application, status_code=status.HTTP_200_OK):
        fresh = application_detail(self.request.user).get(pk=application.pk)
        serializer = LabelApplicationDetailSerializer(fresh, context=self.get_serializer_context())
        return Response(serializer.data, status=status_code)

    def _body(self, serializer_class, application=None):
        body = serializer_class(
            data=self.request.data,
            context={**self.get_serializer_context(), "application": application},
        )
        body.is_valid(raise_exception=True)
        return body.validated_data

    # ----------------------------------------------------------------------- preparation

    @extend_schema(
        request=LabelApplicationCreateSerializer, responses={201: LabelApplicationDetailSerializer}
    )
    def create(self, request, *args, **kwargs):
        """Create a draft application for a campus of your academies (regional staff: any
        campus); it is assessed against the specification in force."""
        data = self._body(LabelApplicationCreateSerializer)
        application = services.create_application(request.user, **data)
        return self._answer(application, status.HTTP_201_CREATED)

    @extend_schema(request=LabelReasonSerializer, responses=LabelApplicationDetailSerializer)
    @action(detail=True, methods=["post"])
    def deposit(self, request, pk=None):
        """Deposit the draft: both carriers signed, both prior opinions recorded, the dossier
        within its page limits, every criterion presented (400 lists what is missing)."""
        application = self.get_object()
        services.deposit(request.user, application, self._body(LabelReasonSerializer)["reason"])
        return self._answer(application)

    # --------------------------------------------------------------- the Region's rulings

    @extend_schema(request=LabelReasonSerializer, responses=LabelApplicationDetailSerializer)
    @action(detail=True, methods=["post"])
    def admit(self, request, pk=None):
        """Declare the deposited application admissible (the deposit's checks still hold)."""
        application = self.get_object()
        services.admit(request.user, application, self._body(LabelReasonSerializer)["reason"])
        return self._answer(application)

    @extend_schema(request=LabelReasonSerializer, responses=LabelApplicationDetailSerializer)
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        """Declare the deposited application inadmissible; `reason` (its reasons) is
        required: the carriers read it."""
        application = self.get_object()
        services.reject(request.user, application, self._body(LabelReasonSerializer)["reason"])
        return self._answer(application)

    @extend_schema(request=LabelReasonSerializer, responses=LabelApplicationDetailSerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        """Withdraw the application at any step before the decision (`reason` required)."""
        application = self.get_object()
        services.withdraw(request.user, application, self._body(LabelReasonSerializer)["reason"])
        return self._answer(application)

    # ------------------------------------------------------------------------ the review

    @extend_schema(request=LabelAssignSerializer, responses=LabelApplicationDetailSerializer)
    @action(detail=True, methods=["post"])
    def assign(self, request, pk=None):
        """Assign an expert of the national group (none with a conflict of interest with the
        campus); the first one assigned, or one sent with `rapporteur`, is the rapporteur."""
        application = self.get_object()
        data = self._body(LabelAssignSerializer)
        services.assign_expert(
            request.user, application, data["expert"], rapporteur=data["rapporteur"]
        )
        return self._answer(application)

    @extend_schema(request=LabelReasonSerializer, responses=LabelApplicationDetailSerializer)
    @action(detail=True, methods=["post"], url_path="start-expertise")
    def start_expertise(self, request, pk=None):
        """Put the admissible application in expertise (two experts at least, a rapporteur)."""
        application = self.get_object()
        services.start_expertise(
            request.user, application, self._body(LabelReasonSerializer)["reason"]
        )
        return self._answer(application)

    @extend_schema(
        request=LabelAssessmentWriteSerializer, responses=LabelApplicationDetailSerializer
    )
    @action(detail=True, methods=["post"])
    def assessment(self, request, pk=None):
        """Save your assessment of one criterion (a draft until you submit it)."""
        application = self.get_object()
        data = dict(self._body(LabelAssessmentWriteSerializer))
        services.save_assessment(request.user, application, data.pop("criterion"), **data)
        return self._answer(application)

    @extend_schema(
        request=LabelSubmitAssessmentSerializer, responses=LabelApplicationDetailSerializer
    )
    @action(detail=True, methods=["post"], url_path="submit-assessment")
    def submit_assessment(self, request, pk=None):
        """Submit your assessment: every criterion rated (and the Excellence requirements
        when the application targets that category); the others' open to you then."""
        application = self.get_object()
        services.submit_assessment(
            request.user, application, **self._body(LabelSubmitAssessmentSerializer)
        )
        return self._answer(application)

    # ---------------------------------------------------------------------- the navettes

    @extend_schema(request=LabelNavetteWriteSerializer, responses=LabelApplicationDetailSerializer)
    @action(detail=True, methods=["post"])
    def navette(self, request, pk=None):
        """Send a round of recommendations, per criterion, to the carriers (the previous
        round's answers all marked first)."""
        application = self.get_object()
        data = self._body(LabelNavetteWriteSerializer)
        services.send_navette(
            request.user,
            application,
            recommendations=[(row["criterion"], row["text"]) for row in data["recommendations"]],
            answers_due_on=data["answers_due_on"],
        )
        return self._answer(application)

    @extend_schema(request=LabelAnswerSerializer, responses=LabelApplicationDetailSerializer)
    @action(detail=True, methods=["post"])
    def answer(self, request, pk=None):
        """Answer one recommendation of the open round (rewritable until the answers are
        sent)."""
        application = self.get_object()
        data = self._body(LabelAnswerSerializer, application)
        services.answer_recommendation(request.user, data["recommendation"], answer=data["answer"])
        return self._answer(application)

    @extend_schema(request=LabelSendAnswersSerializer, responses=LabelApplicationDetailSerializer)
    @action(detail=True, methods=["post"], url_path="send-answers")
    def send_answers(self, request, pk=None):
        """Send the round's answers to the experts (every recommendation answered)."""
        application = self.get_object()
        data = self._body(LabelSendAnswersSerializer, application)
        services.send_answers(request.user, data["round"])
        return self._answer(application)

    @extend_schema(request=LabelMarkSerializer, responses=LabelApplicationDetailSerializer)
    @action(detail=True, methods=["post"])
    def mark(self, request, pk=None):
        """Mark one answer: addressed, partly addressed, not addressed."""
        application = self.get_object()
        data = self._body(LabelMarkSerializer, application)
        services.mark_answer(
            request.user,
            data["recommendation"],
            treatment=data["treatment"],
            comment=data["comment"],
        )
        return self._answer(application)

    # --------------------------------------------------------- the group's opinion, decision

    @extend_schema(request=LabelConsolidateSerializer, responses=LabelApplicationDetailSerializer)
    @action(detail=True, methods=["post"])
    def consolidate(self, request, pk=None):
        """The group's rating of one criterion, by the rapporteur once every expert has
        submitted."""
        application = self.get_object()
        data = dict(self._body(LabelConsolidateSerializer))
        services.save_consolidated(request.user, application, data.pop("criterion"), **data)
        return self._answer(application)

    @extend_schema(request=LabelOpinionSerializer, responses=LabelApplicationDetailSerializer)
    @action(detail=True, methods=["post"])
    def opinion(self, request, pk=None):
        """The group's opinion, by the rapporteur: every criterion consolidated, every answer
        of the navettes marked."""
        application = self.get_object()
        services.give_opinion(request.user, application, **self._body(LabelOpinionSerializer))
        return self._answer(application)

    @extend_schema(request=LabelDecideSerializer, responses=LabelApplicationDetailSerializer)
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None):
        """Record the interministerial arrêté: labelled (or probationary) writes the label
        period into the campus registry; refused writes nothing there."""
        application = self.get_object()
        services.decide(request.user, application, **self._body(LabelDecideSerializer))
        return self._answer(application)


router.register("label-applications", LabelApplicationViewSet, basename="label-applications")
