from django.contrib import admin

from audit.admin_mixins import AuditedModelAdmin

from . import services
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


def _save_record(actor, obj, form):
    """The registry's service saves the record (rights, validation, version, audit)."""
    m2m = {
        field.name: form.cleaned_data[field.name]
        for field in obj._meta.many_to_many
        if field.name in form.cleaned_data
    }
    services.save_record(actor, obj, m2m=m2m)


class RegistryAdmin(AuditedModelAdmin):
    save_through = staticmethod(_save_record)
    delete_through = staticmethod(services.delete_record)
    inline_save_through = staticmethod(services.save_record)
    inline_delete_through = staticmethod(services.delete_record)


class ScopedCampusAdmin(RegistryAdmin):
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
class LabelPeriodAdmin(RegistryAdmin):
    list_display = ["campus", "category", "start", "end", "probationary"]
    list_filter = ["category", "probationary"]

    def get_queryset(self, request):
        visible = campuses_visible_to(request.user).values("pk")
        return super().get_queryset(request).filter(campus__in=visible)


class RepresentativeInline(admin.TabularInline):
    model = OrganisationRepresentative
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(RegistryAdmin):
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
    class CampusChildAdmin(RegistryAdmin):
        list_display = ["__str__", "campus"]

        def get_queryset(self, request):
            visible = campuses_visible_to(request.user).values("pk")
            return super().get_queryset(request).filter(campus__in=visible)


admin.site.register(SectorFamily)
admin.site.register(Academy)
admin.site.site_header = "Portail CMQ · administration"
