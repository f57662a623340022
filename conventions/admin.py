"""Admin of conventions: scoped like the portal, audited, and read-only wherever the portal's
services own the writes (signatures, numbering, documents). Only drafts are editable here."""

from django.contrib import admin

from audit.admin_mixins import AuditedModelAdmin, ReadOnlyAdminMixin

from . import permissions, services
from .models import (
    Amendment,
    AmendmentChange,
    Annex,
    Article,
    Contribution,
    ConventionParty,
    FrameworkConvention,
    GeneratedDocument,
    Paragraph,
    Reminder,
    Signature,
    SignedScan,
)
from .workflow import SIGNATURE


def _changed(form):
    return {name: form.cleaned_data[name] for name in form.changed_data}


class ConventionScopedAdmin(AuditedModelAdmin):
    """Rows of the conventions the staff member may see; the campus is the convention's. A
    part of a draft (article, paragraph, party…) is saved by the conventions' service."""

    convention_path = "convention"
    save_through = staticmethod(lambda actor, obj, form: services.save_convention_part(actor, obj))
    delete_through = staticmethod(services.delete_convention_part)
    inline_save_through = staticmethod(services.save_convention_part)
    inline_delete_through = staticmethod(services.delete_convention_part)

    def get_queryset(self, request):
        visible = permissions.conventions_visible_to(request.user).values("pk")
        return super().get_queryset(request).filter(**{f"{self.convention_path}__in": visible})

    def _convention_of(self, obj):
        for name in self.convention_path.split("__"):
            obj = getattr(obj, name, None)
        return obj

    def _campus_of(self, obj):
        convention = self._convention_of(obj)
        return convention.campus if convention is not None else None

    def _document_of(self, obj):
        """What the signature circuit's rule is asked about: the row's convention."""
        return self._convention_of(obj)

    def _editable(self, request, obj):
        document = None if obj is None else self._document_of(obj)
        return document is None or SIGNATURE.decide("edit", request.user, document).allowed

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._editable(request, obj)


class ReadOnlyAdmin(ReadOnlyAdminMixin, ConventionScopedAdmin):
    """Written only by the services (signature circuit, scans, documents, reminders)."""


class PartyInline(admin.TabularInline):
    model = ConventionParty
    fk_name = "convention"
    extra = 0
    fields = ["position", "kind", "authority", "organisation", "representative_name"]
    autocomplete_fields = ["organisation"]


@admin.register(FrameworkConvention)
class FrameworkConventionAdmin(ConventionScopedAdmin):
    list_display = ["title", "campus", "kind", "status", "effective_date", "deliberation"]
    list_filter = ["status", "kind", "campus"]
    search_fields = ["title", "campus__short_name", "campus__name"]
    readonly_fields = ["status", "effective_date", "sent_on", "terminated_on", "terminated_by"]
    inlines = [PartyInline]
    save_through = staticmethod(
        lambda actor, obj, form: services.update_convention(actor, obj, **_changed(form))
    )
    delete_through = None  # a draft convention is deleted here as in no service: audited

    def get_queryset(self, request):
        return permissions.conventions_visible_to(
            request.user, admin.ModelAdmin.get_queryset(self, request)
        ).select_related("campus", "deliberation")

    def _convention_of(self, obj):
        return obj

    def has_add_permission(self, request):
        # A convention starts from the standard template: « Nouvelle convention » in the portal.
        return False


@admin.register(Amendment)
class AmendmentAdmin(ConventionScopedAdmin):
    list_display = ["__str__", "title", "status", "effective_date", "is_historical"]
    list_filter = ["status", "is_historical"]
    search_fields = ["title", "convention__campus__short_name"]
    readonly_fields = ["convention", "number", "status", "sent_on", "effective_date"]
    save_through = staticmethod(
        lambda actor, obj, form: services.update_amendment(actor, obj, **_changed(form))
    )
    delete_through = None

    def has_add_permission(self, request):
        return False  # numbered by the service: « Nouvel avenant » in the portal

    def _document_of(self, obj):
        return obj


@admin.register(Article)
class ArticleAdmin(ConventionScopedAdmin):
    list_display = ["__str__", "convention"]


@admin.register(Paragraph)
class ParagraphAdmin(ConventionScopedAdmin):
    convention_path = "article__convention"
    list_display = ["__str__", "article"]


@admin.register(Contribution)
class ContributionAdmin(ConventionScopedAdmin):
    list_display = ["__str__", "convention"]


@admin.register(Annex)
class AnnexAdmin(ConventionScopedAdmin):
    list_display = ["title", "convention"]


@admin.register(AmendmentChange)
class AmendmentChangeAdmin(ReadOnlyAdmin):
    convention_path = "amendment__convention"
    list_display = ["__str__", "amendment"]


@admin.register(Signature)
class SignatureAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "convention", "amendment", "signatory_name", "recorded_by"]

    def get_queryset(self, request):
        visible = permissions.conventions_visible_to(request.user).values("pk")
        amendments = permissions.amendments_visible_to(request.user).values("pk")
        queryset = admin.ModelAdmin.get_queryset(self, request)
        return queryset.filter(convention__in=visible) | queryset.filter(amendment__in=amendments)


@admin.register(SignedScan)
class SignedScanAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "convention", "amendment", "uploaded_at"]


@admin.register(GeneratedDocument)
class GeneratedDocumentAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "kind", "status", "generated_at", "checksum"]
    list_filter = ["kind", "status"]


@admin.register(Reminder)
class ReminderAdmin(ReadOnlyAdmin):
    list_display = ["message", "step", "due_on", "sent_at"]
    list_filter = ["step"]
