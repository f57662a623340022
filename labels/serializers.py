"""Serializers of the `label-applications` API: they shape what the caller may read and
validate the bodies of the actions; every write goes through labels.services (called by
labels.api), which checks the workflow, the caller's scope and the data, with French messages
per field.

Codes (status, kind, ratings…) are strings with their French label beside them (`…_label`),
their values listed in the field's description. They are not enums of the OpenAPI document:
the field names they use (`status`, `kind`, `body`, `rating`…) already name other choice sets
in the other collections, and the schema generator would have to rename those.
"""

from django.contrib.auth import get_user_model
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from campuses.models import Campus, LabelCategory
from campuses.permissions import campuses_visible_to
from core.api_fields import FIELD_MAPPING, ChoiceLabelField
from core.roles import Role

from . import services
from .models import (
    ApplicationKind,
    ApplicationStatus,
    Decision,
    ExpertiseSession,
    ExpertOpinion,
    LabelApplication,
    NavetteRound,
    OpinionBody,
    PriorOpinion,
    Rating,
    Recommendation,
    Treatment,
)
from .selectors import waiting_for
from .workflow import APPLICATION

MAX_TEXT = 20000

# The API's actions (the last segment of POST /api/v1/label-applications/{id}/<action>/) and
# the workflow's action (labels.workflow) behind each: the role that may try it, and whether
# the caller may run it now (`available_actions`). `create` is the collection's POST.
ACTIONS = {
    "deposit": "deposit",
    "admit": "admit",
    "reject": "reject",
    "withdraw": "withdraw",
    "start-expertise": "start_expertise",
    "assign": "assign",
    "assessment": "assess",
    "submit-assessment": "assess",
    "navette": "send_navette",
    "answer": "answer",
    "send-answers": "send_answers",
    "mark": "mark",
    "consolidate": "give_opinion",
    "opinion": "give_opinion",
    "decide": "decide",
}


def _values(choices):
    return format_lazy(_("Valeurs : {values}."), values=", ".join(choices.values))


def code(choices, **kwargs):
    """A read-only code of `choices` (a TextChoices), its values in the description."""
    return serializers.CharField(read_only=True, help_text=_values(choices), **kwargs)


def _person(user):
    return {"id": user.pk, "name": str(user)} if user is not None else None


class LabelPersonSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)


class LabelCampusRefSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)
    short_name = serializers.CharField(read_only=True)


class LabelSessionRefSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)
    deposit_deadline = serializers.DateField(read_only=True)
    meets_on = serializers.DateField(read_only=True)


# ------------------------------------------------------------------------------- the list


class LabelApplicationSerializer(serializers.ModelSerializer):
    """A row of the `label-applications` list."""

    serializer_field_mapping = FIELD_MAPPING
    campus = LabelCampusRefSerializer(read_only=True)
    kind = code(ApplicationKind)
    kind_label = ChoiceLabelField("kind")
    target_category = code(LabelCategory)
    target_category_label = ChoiceLabelField("target_category")
    session = LabelSessionRefSerializer(read_only=True, allow_null=True)
    status = code(ApplicationStatus)
    status_label = ChoiceLabelField("status")
    expert_count = serializers.IntegerField(read_only=True)
    submitted_count = serializers.IntegerField(
        read_only=True, help_text=_("Expert·es ayant transmis leur évaluation.")
    )
    round_count = serializers.IntegerField(read_only=True, help_text=_("Navettes envoyées."))
    waiting_for = serializers.SerializerMethodField(
        help_text=_(
            "Ce que la candidature attend de vous : « prepare », « admissibility », "
            "« experts », « assess », « answer », « mark », « opinion », « decision » ; "
            "vide sinon."
        )
    )

    class Meta:
        model = LabelApplication
        fields = [
            "id",
            "campus",
            "kind",
            "kind_label",
            "target_category",
            "target_category_label",
            "session",
            "status",
            "status_label",
            "submitted_on",
            "expert_count",
            "submitted_count",
            "round_count",
            "waiting_for",
            "decision_date",
            "is_historical",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_waiting_for(self, application) -> str:
        request = self.context.get("request")
        return waiting_for(request.user, application) if request is not None else ""


# ----------------------------------------------------------------------- the detail's parts


class LabelSignatureSerializer(serializers.Serializer):
    signatory = serializers.CharField(read_only=True)
    signed_on = serializers.DateField(read_only=True, allow_null=True)


class LabelSignaturesSerializer(serializers.Serializer):
    """The covering letter, signed for the Region's president and for the rector."""

    region = serializers.SerializerMethodField()
    rector = serializers.SerializerMethodField()
    complete = serializers.BooleanField(source="carriers_signed", read_only=True)

    @extend_schema_field(LabelSignatureSerializer)
    def get_region(self, application):
        return {
            "signatory": application.region_signatory,
            "signed_on": application.region_signed_on,
        }

    @extend_schema_field(LabelSignatureSerializer)
    def get_rector(self, application):
        return {
            "signatory": application.rector_signatory,
            "signed_on": application.rector_signed_on,
        }


class LabelPriorOpinionSerializer(serializers.Serializer):
    body = code(OpinionBody)
    body_label = ChoiceLabelField("body")
    given_on = serializers.DateField(read_only=True)
    opinion = code(PriorOpinion)
    opinion_label = ChoiceLabelField("opinion")
    note = serializers.CharField(read_only=True)
    has_document = serializers.SerializerMethodField()

    def get_has_document(self, opinion) -> bool:
        return bool(opinion.document)


class LabelAnnexSerializer(serializers.Serializer):
    number = serializers.IntegerField(read_only=True)
    title = serializers.CharField(read_only=True)
    pages = serializers.IntegerField(read_only=True)


class LabelPresentationSerializer(serializers.Serializer):
    criterion = serializers.CharField(source="criterion.number", read_only=True)
    criterion_title = serializers.CharField(source="criterion.title", read_only=True)
    text = serializers.CharField(read_only=True)
    annex_references = serializers.CharField(read_only=True)
    version = serializers.IntegerField(read_only=True)
    updated_at = serializers.DateTimeField(read_only=True, allow_null=True)


class LabelAssignmentSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="expert_id", read_only=True)
    name = serializers.CharField(source="expert", read_only=True)
    rapporteur = serializers.SerializerMethodField()
    submitted_at = serializers.DateTimeField(read_only=True, allow_null=True)

    def get_rapporteur(self, assignment) -> bool:
        return assignment.expert_id == assignment.application.rapporteur_id


class LabelAssessmentSerializer(serializers.Serializer):
    """One expert's assessment of one criterion."""

    expert = serializers.SerializerMethodField()
    criterion = serializers.CharField(source="criterion.number", read_only=True)
    rating = code(Rating)
    rating_label = ChoiceLabelField("rating")
    comment = serializers.CharField(read_only=True)
    recommendations = serializers.CharField(read_only=True)
    excellence_rating = code(Rating)
    excellence_rating_label = ChoiceLabelField("excellence_rating")
    excellence_comment = serializers.CharField(read_only=True)
    submitted = serializers.SerializerMethodField(
        help_text=_("L'expert·e a transmis son évaluation (sinon : son brouillon).")
    )

    @extend_schema_field(LabelPersonSerializer)
    def get_expert(self, assessment):
        return _person(assessment.assignment.expert)

    def get_submitted(self, assessment) -> bool:
        return assessment.assignment.submitted_at is not None


class LabelConsolidatedSerializer(serializers.Serializer):
    """The group's rating of one criterion, by the rapporteur."""

    criterion = serializers.CharField(source="criterion.number", read_only=True)
    rating = code(Rating)
    rating_label = ChoiceLabelField("rating")
    excellence_rating = code(Rating)
    excellence_rating_label = ChoiceLabelField("excellence_rating")
    comment = serializers.CharField(read_only=True)


class LabelGroupOpinionSerializer(serializers.Serializer):
    opinion = code(ExpertOpinion, source="expert_opinion")
    opinion_label = ChoiceLabelField("expert_opinion")
    text = serializers.CharField(source="expert_opinion_text", read_only=True)
    given_on = serializers.DateField(source="opinion_on", read_only=True, allow_null=True)


class LabelDecisionSerializer(serializers.Serializer):
    decision = code(Decision)
    decision_label = ChoiceLabelField("decision")
    decision_date = serializers.DateField(read_only=True, allow_null=True)
    decision_reference = serializers.CharField(read_only=True)
    label_start = serializers.DateField(read_only=True, allow_null=True)
    label_end = serializers.DateField(read_only=True, allow_null=True)
    label_period = serializers.IntegerField(
        source="label_period_id",
        read_only=True,
        allow_null=True,
        help_text=_("La période de labellisation écrite au registre des campus."),
    )


class LabelRecommendationSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    number = serializers.IntegerField(read_only=True, help_text=_("R1, R2… dans la navette."))
    criterion = serializers.CharField(source="criterion.number", read_only=True)
    text = serializers.CharField(read_only=True)
    answer = serializers.CharField(read_only=True)
    has_attachment = serializers.SerializerMethodField()
    answered_at = serializers.DateTimeField(read_only=True, allow_null=True)
    treatment = code(Treatment)
    treatment_label = ChoiceLabelField("treatment")
    treatment_comment = serializers.CharField(read_only=True)
    marked_at = serializers.DateTimeField(read_only=True, allow_null=True)

    def get_has_attachment(self, recommendation) -> bool:
        return bool(recommendation.answer_file)


class LabelNavetteSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    number = serializers.IntegerField(read_only=True)
    sent_on = serializers.DateField(read_only=True)
    answers_due_on = serializers.DateField(read_only=True, allow_null=True)
    answered_on = serializers.DateField(
        read_only=True, allow_null=True, help_text=_("Réponses des porteurs envoyées le.")
    )
    reviewed_on = serializers.DateField(
        read_only=True, allow_null=True, help_text=_("Toutes les réponses appréciées le.")
    )
    recommendations = LabelRecommendationSerializer(many=True, read_only=True)


class LabelStatusChangeSerializer(serializers.Serializer):
    from_status = serializers.CharField(read_only=True)
    from_label = ChoiceLabelField("from_status")
    to_status = serializers.CharField(read_only=True)
    to_label = ChoiceLabelField("to_status")
    actor = serializers.SerializerMethodField(help_text=_("Qui ; vide pour une tâche planifiée."))
    at = serializers.DateTimeField(read_only=True)
    reason = serializers.CharField(read_only=True)

    def get_actor(self, change) -> str | None:
        return str(change.actor) if change.actor_id else None


# ----------------------------------------------------------------------------- the detail


class LabelApplicationDetailSerializer(LabelApplicationSerializer):
    """An application with its dossier (signatures, prior opinions, pages, annexes, criteria
    presentations), its review (experts, the assessments the caller may read, the group's
    ratings and opinion), its navettes, its decision, and the actions the caller may run."""

    criteria_version = serializers.CharField(
        source="criteria_version.code", read_only=True, default=None, allow_null=True
    )
    signatures = LabelSignaturesSerializer(source="*", read_only=True)
    opinions = LabelPriorOpinionSerializer(many=True, read_only=True)
    has_dossier = serializers.SerializerMethodField()
    annexes = LabelAnnexSerializer(many=True, read_only=True)
    presentations = LabelPresentationSerializer(many=True, read_only=True)
    experts = LabelAssignmentSerializer(source="assignments", many=True, read_only=True)
    assessments = serializers.SerializerMethodField(
        help_text=_(
            "Les évaluations individuelles que vous pouvez lire : une ou un expert lit les "
            "siennes, et celles des autres une fois la sienne transmise ; la Région, celles "
            "qui sont transmises ; les porteurs, aucune (ils lisent l'avis du groupe)."
        )
    )
    consolidated = LabelConsolidatedSerializer(many=True, read_only=True)
    rapporteur = serializers.SerializerMethodField()
    group_opinion = serializers.SerializerMethodField()
    decision = serializers.SerializerMethodField()
    navettes = LabelNavetteSerializer(source="rounds", many=True, read_only=True)
    history = LabelStatusChangeSerializer(many=True, read_only=True)
    available_actions = serializers.SerializerMethodField(
        help_text=_(
            "Les actions (POST /api/v1/label-applications/{id}/<action>/) que le circuit vous "
            "permet maintenant ; le service vérifie encore les données (400) et ce qui reste "
            "à faire (409)."
        )
    )

    class Meta(LabelApplicationSerializer.Meta):
        fields = [
            *LabelApplicationSerializer.Meta.fields,
            "criteria_version",
            "summary",
            "signatures",
            "opinions",
            "has_dossier",
            "dossier_pages",
            "annexes",
            "presentations",
            "admissibility_reasons",
            "experts",
            "assessments",
            "consolidated",
            "rapporteur",
            "group_opinion",
            "decision",
            "navettes",
            "history",
            "available_actions",
        ]
        read_only_fields = fields

    def _user(self):
        request = self.context.get("request")
        return request.user if request is not None else None

    def get_has_dossier(self, application) -> bool:
        return bool(application.dossier)

    @extend_schema_field(LabelAssessmentSerializer(many=True))
    def get_assessments(self, application):
        rows = services.assessments_visible_to(self._user(), application).order_by(
            "assignment__assigned_at", "assignment__pk", "criterion__position"
        )
        return LabelAssessmentSerializer(rows, many=True).data

    @extend_schema_field(LabelPersonSerializer(allow_null=True))
    def get_rapporteur(self, application):
        return _person(application.rapporteur)

    @extend_schema_field(LabelGroupOpinionSerializer(allow_null=True))
    def get_group_opinion(self, application):
        if not application.expert_opinion:
            return None
        return LabelGroupOpinionSerializer(application).data

    @extend_schema_field(LabelDecisionSerializer(allow_null=True))
    def get_decision(self, application):
        if not application.decision:
            return None
        return LabelDecisionSerializer(application).data

    def get_available_actions(self, application) -> list[str]:
        available = APPLICATION.available(self._user(), application)
        return [name for name, rule in ACTIONS.items() if available[rule]]


# ------------------------------------------------------------------------ action bodies


def _experts():
    return get_user_model().objects.filter(role=Role.EXPERT, is_active=True)


@extend_schema_field(OpenApiTypes.INT)
class InApplication(serializers.PrimaryKeyRelatedField):
    """A row of the application the action is about (`context["application"]`): an id of
    another application's row is unknown here."""

    def __init__(self, model, **kwargs):
        self.model = model
        super().__init__(**kwargs)

    def get_queryset(self):
        application = self.context["application"]
        if self.model is Recommendation:
            return Recommendation.objects.filter(round__application=application)
        return NavetteRound.objects.filter(application=application)


class LabelApplicationCreateSerializer(serializers.Serializer):
    """A draft application for a campus of the caller's academies (regional staff: any)."""

    campus = serializers.PrimaryKeyRelatedField(queryset=Campus.objects.none())
    kind = serializers.ChoiceField(choices=ApplicationKind.choices)
    target_category = serializers.ChoiceField(choices=LabelCategory.choices)
    session = serializers.PrimaryKeyRelatedField(
        queryset=ExpertiseSession.objects.all(), required=False, allow_null=True
    )
    summary = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=MAX_TEXT
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            self.fields["campus"].queryset = campuses_visible_to(request.user)


class LabelReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=MAX_TEXT
    )


class LabelAssignSerializer(serializers.Serializer):
    expert = serializers.PrimaryKeyRelatedField(queryset=_experts())
    rapporteur = serializers.BooleanField(
        required=False,
        default=False,
        help_text=_("En faire le rapporteur·e (le premier désigné l'est d'office)."),
    )


def _rating_field(**kwargs):
    return serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text=_values(Rating),
        **kwargs,
    )


def _text(**kwargs):
    return serializers.CharField(required=False, allow_blank=True, default="", **kwargs)


class LabelAssessmentWriteSerializer(serializers.Serializer):
    """One's assessment of one criterion, saved as a draft until submitted (the rating may
    wait); the Excellence fields count when the application targets that category."""

    criterion = serializers.CharField(max_length=8, help_text=_("Numéro du critère : « 2.1 »…"))
    rating = _rating_field()
    comment = _text()
    recommendations = _text()
    excellence_rating = _rating_field()
    excellence_comment = _text()


class LabelSubmitAssessmentSerializer(serializers.Serializer):
    overall_comment = _text()


class LabelRecommendationWriteSerializer(serializers.Serializer):
    criterion = serializers.CharField(max_length=8, help_text=_("Numéro du critère : « 2.1 »…"))
    text = serializers.CharField(max_length=MAX_TEXT)


class LabelNavetteWriteSerializer(serializers.Serializer):
    """A new round of navette: numbered R1, R2… in the order given."""

    recommendations = LabelRecommendationWriteSerializer(many=True, allow_empty=False)
    answers_due_on = serializers.DateField(required=False, allow_null=True, default=None)


class LabelAnswerSerializer(serializers.Serializer):
    recommendation = InApplication(
        Recommendation, help_text=_("Identifiant de la recommandation (navette ouverte).")
    )
    answer = serializers.CharField(allow_blank=True)


class LabelSendAnswersSerializer(serializers.Serializer):
    round = InApplication(NavetteRound, help_text=_("Identifiant de la navette."))


class LabelMarkSerializer(serializers.Serializer):
    recommendation = InApplication(Recommendation, help_text=_("Identifiant de la recommandation."))
    treatment = serializers.ChoiceField(choices=Treatment.choices)
    comment = _text()


class LabelConsolidateSerializer(serializers.Serializer):
    criterion = serializers.CharField(max_length=8, help_text=_("Numéro du critère : « 2.1 »…"))
    rating = _rating_field()
    excellence_rating = _rating_field()
    comment = _text()


class LabelOpinionSerializer(serializers.Serializer):
    opinion = serializers.ChoiceField(choices=ExpertOpinion.choices)
    text = serializers.CharField(allow_blank=True)


class LabelDecideSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=Decision.choices)
    decision_date = serializers.DateField(required=False, allow_null=True, default=None)
    decision_reference = serializers.CharField(max_length=250, allow_blank=True, default="")
    label_start = serializers.DateField(required=False, allow_null=True, default=None)
    label_end = serializers.DateField(required=False, allow_null=True, default=None)
