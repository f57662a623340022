"""The Django admin goes through the same rules as the portal: scoped querysets, audited saves,
and, where a domain has a service for the write, that service (its locks, states, versions
and audit entries): `save_through`, `delete_through` and their inline counterparts."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect

from core.errors import DomainError
from core.roles import is_regional_staff

from .models import AuditAction, AuditEntry
from .services import record, snapshot


def _message_of(error):
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error)


class AuditedModelAdmin(admin.ModelAdmin):
    """Records each admin save and delete in the audit trail, and lets only regional staff
    change anything (the admin is for administrators, who are regional staff too).

    With `save_through(actor, obj, form)` (and `delete_through(actor, obj)`), the object is
    saved (deleted) by the domain's service, which audits it; likewise the rows of inlines
    with `inline_save_through(actor, row)` and `inline_delete_through(actor, row)`. A refusal
    of the service is shown as an error and nothing is saved."""

    save_through = None
    delete_through = None
    inline_save_through = None
    inline_delete_through = None

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

    # -------------------------------------------------------- a service's refusal, not a 500

    def _refused(self, request, error):
        self.message_user(request, _message_of(error), messages.ERROR)
        return HttpResponseRedirect(request.get_full_path())

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # The admin's own transaction wraps the whole save: the exception rolls it back.
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except (DomainError, ValidationError) as error:
            return self._refused(request, error)

    def delete_view(self, request, object_id, extra_context=None):
        try:
            return super().delete_view(request, object_id, extra_context)
        except (DomainError, ValidationError) as error:
            return self._refused(request, error)

    # ------------------------------------------------------------------------ saving

    def save_model(self, request, obj, form, change):
        if self.save_through is not None:
            self.save_through(request.user, obj, form)
            request._audit_pending = None  # the service recorded it
            return
        before = snapshot(type(obj).objects.get(pk=obj.pk)) if change else {}
        if change and hasattr(obj, "version"):
            obj.version += 1
        super().save_model(request, obj, form, change)
        request._audit_pending = (obj, before, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        pending = getattr(request, "_audit_pending", None)
        if pending is None:
            return
        obj, before, change = pending
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
        if self.inline_save_through is not None:
            rows = formset.save(commit=False)
            for row in formset.deleted_objects:
                self.inline_delete_through(request.user, row)
            for row in rows:
                self.inline_save_through(request.user, row)
            formset.save_m2m()
            return
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

    def delete_queryset(self, request, queryset):
        """The changelist's « delete selected »: one by one, audited (or through the service)."""
        for obj in queryset:
            self.delete_model(request, obj)

    def delete_model(self, request, obj):
        if self.delete_through is not None:
            self.delete_through(request.user, obj)
            return
        record(
            request.user, AuditAction.DELETE, obj, before=snapshot(obj), campus=self._campus_of(obj)
        )
        super().delete_model(request, obj)


class ReadOnlyAdminMixin:
    """Rows that only the services write (the journal, status history, signatures,
    documents…): the admin shows them, never changes them."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
