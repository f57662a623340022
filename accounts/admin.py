from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from audit.admin_mixins import AuditedModelAdmin

from .models import User


@admin.register(User)
class UserAdmin(AuditedModelAdmin, DjangoUserAdmin):
    """Account changes made in the Django admin are audited like those made in the portal."""

    list_display = ["username", "email", "first_name", "last_name", "role", "is_active"]
    list_filter = ["role", "is_active", "region_academique"]
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        ("Rôle dans le portail", {"fields": ("role", "academies", "region_academique")}),
    )
    filter_horizontal = ["academies", "groups", "user_permissions"]
