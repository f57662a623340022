from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from audit.admin_mixins import AuditedModelAdmin
from core.roles import is_administrator

from .models import TwoFactorPolicy, User


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


@admin.register(TwoFactorPolicy)
class TwoFactorPolicyAdmin(AuditedModelAdmin):
    """The day from which staff must use two-factor authentication: set by an administrator."""

    list_display = ["__str__", "required_from"]
    fields = ["required_from"]

    def has_add_permission(self, request):
        return (
            is_administrator(request.user)
            and not TwoFactorPolicy.objects.exists()
            and super().has_add_permission(request)
        )

    def has_change_permission(self, request, obj=None):
        return is_administrator(request.user) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False
