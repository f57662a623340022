"""Serializers of the follow-up API: they validate and shape data; every write goes through
followup.services (called by followup.api).

A sheet's status is never written here: it changes only through the actions (submit,
request-changes, validate). A section is saved as typed (a draft may hold invalid values,
reported in `errors`); its `version` is required on every write, so that two people editing the
same section never silently overwrite each other.
"""

import json
import math

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.api_fields import ChoiceLabelField

from . import sections
from .models import (
    Campaign,
    FollowUpSheet,
    Opinion,
    SheetAttachment,
    SheetComment,
    SheetIndicators,
    SheetStatus,
    StatusChange,
)
from .notifications import email_log

# A section's content, JSON-encoded, is at most this long (a generous bound: 200 rows of
# texts; anything bigger is a mistake or an attack, refused before it reaches the database).
MAX_SECTION_BYTES = 1_000_000
MAX_DEPTH = 4  # {table: [ {column: value} ]}: deeper structures are not a section's content


def _person(user):
    return str(user) if user is not None else None


# ------------------------------------------------------------------------------- reading


class SheetSectionSerializer(serializers.Serializer):
    """One of the nine sections, as saved, with what `sections.validate` says of it."""

    number = serializers.IntegerField(read_only=True)
    title = serializers.SerializerMethodField()
    data = serializers.JSONField(read_only=True)
    is_complete = serializers.BooleanField(read_only=True)
    errors = serializers.SerializerMethodField()
    missing = serializers.SerializerMethodField()
    version = serializers.IntegerField(read_only=True)
    updated_at = serializers.DateTimeField(read_only=True)

    def _result(self, section):
        cache = self.context.setdefault("_results", {})
        key = (section.pk, section.version)
        if key not in cache:
            cache[key] = sections.validate(section.number, section.data, year=self._year(section))
        return cache[key]

    def _year(self, section):
        year = self.context.get("year")
        return year if year is not None else section.sheet.campaign.year

    def get_title(self, section) -> str:
        return str(sections.SECTIONS_BY_NUMBER[section.number].title)

    @extend_schema_field(
        serializers.DictField(child=serializers.ListField(child=serializers.CharField()))
    )
    def get_errors(self, section):
        return {
            key: [str(m) for m in messages]
            for key, messages in self._result(section).errors.items()
        }

    def get_missing(self, section) -> list[str]:
        return [str(label) for label in self._result(section).missing]


class SheetStatusChangeSerializer(serializers.ModelSerializer):
    from_status_label = ChoiceLabelField("from_status")
    to_status_label = ChoiceLabelField("to_status")
    actor = serializers.SerializerMethodField()

    class Meta:
        model = StatusChange
        fields = [
            "from_status",
            "from_status_label",
            "to_status",
            "to_status_label",
            "actor",
            "at",
            "reason",
        ]
        read_only_fields = fields

    def get_actor(self, change) -> str | None:
        return _person(change.actor)


class SheetCommentSerializer(serializers.ModelSerializer):
    side_label = ChoiceLabelField("side")
    author = serializers.SerializerMethodField()

    class Meta:
        model = SheetComment
        fields = ["id", "section", "side", "side_label", "internal", "text", "author", "created_at"]
        read_only_fields = fields

    def get_author(self, comment) -> str | None:
        return _person(comment.author)


class SheetAttachmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = SheetAttachment
        fields = ["id", "section", "name", "kind", "size", "uploaded_at"]
        read_only_fields = fields


class SheetIndicatorsSerializer(serializers.ModelSerializer):
    beneficiaries = serializers.IntegerField(read_only=True)

    class Meta:
        model = SheetIndicators
        exclude = ["id", "sheet"]
        read_only_fields = [
            field.name for field in SheetIndicators._meta.concrete_fields if field.name != "id"
        ]


class SheetEmailSerializer(serializers.Serializer):
    kind = serializers.CharField()
    label = serializers.CharField()
    subject = serializers.CharField()
    recipients = serializers.CharField()
    due_on = serializers.DateField(allow_null=True)
    sent_at = serializers.DateTimeField(allow_null=True)


class SheetSerializer(serializers.ModelSerializer):
    """A row of the `followups` list."""

    year = serializers.IntegerField(source="campaign.year", read_only=True)
    deadline = serializers.DateField(source="campaign.deadline", read_only=True)
    campus_name = serializers.CharField(source="campus.name", read_only=True)
    campus_short_name = serializers.CharField(source="campus.short_name", read_only=True)
    status_label = ChoiceLabelField("status")
    complete_sections = serializers.IntegerField(read_only=True)
    editable = serializers.BooleanField(source="is_editable", read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = FollowUpSheet
        fields = [
            "id",
            "campaign",
            "year",
            "deadline",
            "campus",
            "campus_name",
            "campus_short_name",
            "status",
            "status_label",
            "complete_sections",
            "editable",
            "submitted_at",
            "validated_at",
            "rectorate_opinion",
            "prefilled_from",
            "version",
            "url",
        ]
        read_only_fields = fields

    def get_url(self, sheet) -> str:
        request = self.context.get("request")
        path = sheet.get_absolute_url()
        return request.build_absolute_uri(path) if request else path


class SheetOpinionReadSerializer(serializers.Serializer):
    opinion = serializers.CharField(source="rectorate_opinion")
    label = ChoiceLabelField("rectorate_opinion")
    text = serializers.CharField(source="rectorate_opinion_text")
    by = serializers.SerializerMethodField()

    def get_by(self, sheet) -> str | None:
        return _person(sheet.rectorate_opinion_by)


class SheetDetailSerializer(SheetSerializer):
    """A sheet with its nine sections, history, the comments the caller may read,
    attachments, indicators, the rectorate's opinion and the e-mails sent about it."""

    sections = serializers.SerializerMethodField()
    history = SheetStatusChangeSerializer(many=True, read_only=True)
    comments = serializers.SerializerMethodField()
    attachments = SheetAttachmentSerializer(many=True, read_only=True)
    indicators = serializers.SerializerMethodField()
    opinion = serializers.SerializerMethodField()
    emails = serializers.SerializerMethodField()

    class Meta(SheetSerializer.Meta):
        fields = [
            *SheetSerializer.Meta.fields,
            "sections",
            "history",
            "comments",
            "attachments",
            "indicators",
            "opinion",
            "emails",
        ]
        read_only_fields = fields

    @extend_schema_field(SheetSectionSerializer(many=True))
    def get_sections(self, sheet):
        rows = sorted(sheet.sections.all(), key=lambda section: section.number)
        context = {**self.context, "year": sheet.campaign.year}
        return SheetSectionSerializer(rows, many=True, context=context).data

    @extend_schema_field(SheetCommentSerializer(many=True))
    def get_comments(self, sheet):
        comments = getattr(sheet, "visible_comments", None)
        if comments is None:  # not prefetched for the caller: never show internal notes
            comments = sheet.comments.filter(internal=False)
        return SheetCommentSerializer(comments, many=True).data

    @extend_schema_field(SheetIndicatorsSerializer(allow_null=True))
    def get_indicators(self, sheet):
        indicators = getattr(sheet, "indicators", None)
        return SheetIndicatorsSerializer(indicators).data if indicators else None

    @extend_schema_field(SheetOpinionReadSerializer(allow_null=True))
    def get_opinion(self, sheet):
        if not sheet.rectorate_opinion:
            return None
        return SheetOpinionReadSerializer(sheet).data

    @extend_schema_field(SheetEmailSerializer(many=True))
    def get_emails(self, sheet):
        request = self.context.get("request")
        user = request.user if request else None
        return SheetEmailSerializer(email_log(sheet, user), many=True).data


class CampaignSerializer(serializers.ModelSerializer):
    """A campaign with the number of the caller's sheets, in all and per status."""

    sheets_count = serializers.IntegerField(read_only=True)
    counts = serializers.SerializerMethodField()
    opened_by = serializers.SerializerMethodField()

    class Meta:
        model = Campaign
        fields = ["id", "year", "opens_on", "deadline", "opened_by", "sheets_count", "counts"]
        read_only_fields = fields

    @extend_schema_field(serializers.DictField(child=serializers.IntegerField()))
    def get_counts(self, campaign):
        return {
            status: getattr(campaign, f"count_{status}", 0) or 0 for status in SheetStatus.values
        }

    def get_opened_by(self, campaign) -> str | None:
        return _person(campaign.opened_by)


# ------------------------------------------------------------------------------- writing


def _check_json(value, depth=0):
    """Refuse what a section never holds and the database may choke on (NaN, infinities,
    deep nesting); return an error message or None."""
    if depth > MAX_DEPTH:
        return _("Contenu trop imbriqué.")
    if isinstance(value, float) and not math.isfinite(value):
        return _("Nombre invalide.")
    if isinstance(value, dict):
        for item in value.values():
            error = _check_json(item, depth + 1)
            if error:
                return error
    if isinstance(value, list):
        for item in value:
            error = _check_json(item, depth + 1)
            if error:
                return error
    return None


class SheetSectionWriteSerializer(serializers.Serializer):
    data = serializers.DictField(
        help_text=gettext_lazy(
            "Le contenu de la rubrique, tel que saisi : {champ: valeur, tableau: [lignes]}. "
            "Les clés inconnues sont ignorées ; avec PATCH, les clés absentes sont conservées."
        )
    )
    version = serializers.IntegerField(
        min_value=1,
        max_value=2_147_483_647,
        help_text=gettext_lazy(
            "La version de la rubrique lue avant modification (409 si elle a changé depuis)."
        ),
    )

    def validate_data(self, value):
        error = _check_json(value)
        if error:
            raise serializers.ValidationError(error)
        try:
            size = len(json.dumps(value, allow_nan=False))
        except (TypeError, ValueError):
            raise serializers.ValidationError(_("Contenu illisible.")) from None
        if size > MAX_SECTION_BYTES:
            raise serializers.ValidationError(_("Contenu trop volumineux."))
        return value


class SheetReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=sections.MAX_TEXT, allow_blank=True, default="")


class SheetRequiredReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=sections.MAX_TEXT)


class SheetCommentWriteSerializer(serializers.Serializer):
    section = serializers.IntegerField(
        min_value=0, max_value=9, help_text=gettext_lazy("Rubrique 1 à 9, 0 pour toute la fiche")
    )
    text = serializers.CharField(max_length=sections.MAX_TEXT)
    internal = serializers.BooleanField(
        default=False, help_text=gettext_lazy("Note interne, invisible du campus")
    )


class SheetOpinionSerializer(serializers.Serializer):
    opinion = serializers.ChoiceField(choices=Opinion.choices)
    text = serializers.CharField(max_length=sections.MAX_TEXT, allow_blank=True, default="")


class CampaignWriteSerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    opens_on = serializers.DateField(
        required=False, help_text=gettext_lazy("Aujourd'hui par défaut.")
    )
    deadline = serializers.DateField(
        required=False, help_text=gettext_lazy("Le 31 mars de l'année N+1 par défaut.")
    )
