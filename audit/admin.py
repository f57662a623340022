from django.contrib import admin

from .admin_mixins import ReadOnlyAdminMixin
from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: the journal is never edited."""

    list_display = ["created_at", "actor", "action", "object_repr", "campus"]
    list_filter = ["action", "content_type"]
