"""The Django admin goes through the same rules as the portal: scoped querysets, audited saves."""

from django.contrib import admin

from core.roles import is_regional_staff

from .models import AuditAction, AuditEntry
from .services import record, snapshot


class AuditedModelAdmin(admin.ModelAdmin):
    """Records each admin save and delete in the audit trail, and lets only regional staff
    change anything (the admin is for administrators, who are regional staff too)."""

    def has_change_permission(self, request, obj=None):
        return is_regional_staff(request.user) and super().has_change_permission(request, obj)

    def has_add_permission(self, request):
        return is_regional_staff(request.user) and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return is_regional_staff(request.user) and super().has_delete_permission(request, obj)

    def _campus_of(self, obj):
        # The journal's scope model (settings.AUDIT_SCOPE_MODEL: the campus), read from the
        # entry's foreign key so that the kernel never imports the registry.
        scope_model = AuditEntry._meta.get_field("campus").related_model
        return obj if isinstance(obj, scope_model) else getattr(obj, "campus", None)

    def save_model(self, request, obj, form, change):
        before = snapshot(type(obj).objects.get(pk=obj.pk)) if change else {}
        if change and hasattr(obj, "version"):
            obj.version += 1
        super().save_model(request, obj, form, change)
        request._audit_pending = (obj, before, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        obj, before, change = request._audit_pending
        record(
            request.user,
            AuditAction.UPDATE if change else AuditAction.CREATE,
            obj,
            before=before,
            after=snapshot(obj),
            campus=self._campus_of(obj),
        )

    def save_formset(self, request, form, formset, change):
        """Inline rows (an organisation's representatives…) are audited like the rest."""
        # The forms already hold the new values: read the stored ones in one query.
        stored = formset.model.objects.filter(pk__in=[f.instance.pk for f in formset.forms])
        before = {row.pk: snapshot(row) for row in stored}
        super().save_formset(request, form, formset, change)
        for row in formset.new_objects:
            record(
                request.user,
                AuditAction.CREATE,
                row,
                after=snapshot(row),
                campus=self._campus_of(row),
            )
        for row, _fields in formset.changed_objects:
            record(
                request.user,
                AuditAction.UPDATE,
                row,
                before=before.get(row.pk, {}),
                after=snapshot(row),
                campus=self._campus_of(row),
            )
        for row in formset.deleted_objects:
            record(
                request.user,
                AuditAction.DELETE,
                row,
                before=before.get(row.pk, {}),
                campus=self._campus_of(row),
            )

    def delete_model(self, request, obj):
        record(
            request.user, AuditAction.DELETE, obj, before=snapshot(obj), campus=self._campus_of(obj)
        )
        super().delete_model(request, obj)
