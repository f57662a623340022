from django.contrib import admin

from audit.admin_mixins import AuditedModelAdmin

from .models import Deliberation, Regulation, RegulationVersion


@admin.register(Deliberation)
class DeliberationAdmin(AuditedModelAdmin):
    """Deliberations are public acts: every staff member reads them, regional staff write."""

    list_display = ["number", "date", "body", "title"]
    list_filter = ["body"]
    search_fields = ["number", "title"]
    date_hierarchy = "date"
    readonly_fields = ["body"]  # derived from the number by Deliberation.clean


class VersionInline(admin.TabularInline):
    model = RegulationVersion
    extra = 0
    autocomplete_fields = ["deliberation"]


@admin.register(Regulation)
class RegulationAdmin(AuditedModelAdmin):
    list_display = ["title"]
    search_fields = ["title"]
    inlines = [VersionInline]
