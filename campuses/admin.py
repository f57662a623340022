from django.contrib import admin

from audit.admin_mixins import AuditedModelAdmin

from .models import (
    Academy,
    Campus,
    CampusDirector,
    CampusFormerName,
    CampusPlace,
    GovernanceBody,
    LabelPeriod,
    Organisation,
    OrganisationRepresentative,
    SectorFamily,
    Stakeholder,
    SupportInstitutionTenure,
)
from .permissions import campuses_visible_to


class ScopedCampusAdmin(AuditedModelAdmin):
    """Only the campuses the staff member may see (the same permission layer as the portal)."""

    def get_queryset(self, request):
        return campuses_visible_to(request.user, super().get_queryset(request))


@admin.register(Campus)
class CampusAdmin(ScopedCampusAdmin):
    list_display = ["short_name", "name", "sector_family", "is_prefiguration"]
    list_filter = ["sector_family", "academies", "is_prefiguration"]
    search_fields = ["name", "short_name"]
    filter_horizontal = ["academies", "predecessors"]


@admin.register(LabelPeriod)
class LabelPeriodAdmin(AuditedModelAdmin):
    list_display = ["campus", "category", "start", "end", "probationary"]
    list_filter = ["category", "probationary"]

    def get_queryset(self, request):
        visible = campuses_visible_to(request.user).values("pk")
        return super().get_queryset(request).filter(campus__in=visible)


class RepresentativeInline(admin.TabularInline):
    model = OrganisationRepresentative
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(AuditedModelAdmin):
    list_display = ["legal_name", "legal_status", "siret"]
    search_fields = ["legal_name", "siret"]
    inlines = [RepresentativeInline]


for model in (
    CampusDirector,
    CampusFormerName,
    CampusPlace,
    GovernanceBody,
    Stakeholder,
    SupportInstitutionTenure,
):

    @admin.register(model)
    class CampusChildAdmin(AuditedModelAdmin):
        list_display = ["__str__", "campus"]

        def get_queryset(self, request):
            visible = campuses_visible_to(request.user).values("pk")
            return super().get_queryset(request).filter(campus__in=visible)


admin.site.register(SectorFamily)
admin.site.register(Academy)
admin.site.site_header = "Portail CMQ · administration"
