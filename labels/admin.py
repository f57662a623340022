"""The labelling in the Django admin: read-only. Every write goes through labels.services
(the circuit's rules, versions, audit), which the portal's pages and the API call."""

from django.contrib import admin

from audit.admin_mixins import ReadOnlyAdminMixin

from .models import (
    CriteriaVersion,
    Criterion,
    ExpertAssignment,
    ExpertiseSession,
    LabelApplication,
    LabelObligation,
    LabelReminder,
    NavetteRound,
    StatusChange,
)


class ReadOnlyAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Written only by the labelling's services."""


class CriterionInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = Criterion
    fields = ["number", "title"]
    extra = 0


@admin.register(CriteriaVersion)
class CriteriaVersionAdmin(ReadOnlyAdmin):
    list_display = ["code", "title", "in_force_from"]
    inlines = [CriterionInline]


class StatusChangeInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = StatusChange
    fields = ["at", "from_status", "to_status", "actor", "reason"]
    readonly_fields = fields
    extra = 0


@admin.register(LabelApplication)
class LabelApplicationAdmin(ReadOnlyAdmin):
    list_display = ["campus", "kind", "target_category", "session", "status", "decision"]
    list_filter = ["status", "kind", "target_category", "session"]
    search_fields = ["campus__name", "campus__short_name", "decision_reference"]
    inlines = [StatusChangeInline]


@admin.register(ExpertiseSession)
class ExpertiseSessionAdmin(ReadOnlyAdmin):
    list_display = ["name", "deposit_deadline", "meets_on"]


@admin.register(ExpertAssignment)
class ExpertAssignmentAdmin(ReadOnlyAdmin):
    list_display = ["application", "expert", "assigned_at", "submitted_at"]


@admin.register(NavetteRound)
class NavetteRoundAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "application", "obligation", "sent_on", "answered_on"]


@admin.register(LabelObligation)
class LabelObligationAdmin(ReadOnlyAdmin):
    list_display = ["campus", "kind", "due_on", "status"]
    list_filter = ["kind", "status"]


@admin.register(LabelReminder)
class LabelReminderAdmin(ReadOnlyAdmin):
    list_display = ["campus", "milestone", "due_on", "sent_at"]
