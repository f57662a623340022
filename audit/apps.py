from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "audit"
    verbose_name = "Journal des modifications"

    def ready(self):
        from django.utils.translation import gettext_lazy

        from core.composition import register_nav
        from core.roles import is_regional_staff

        register_nav(gettext_lazy("Journal"), "audit:list", visible=is_regional_staff, order=90)

        from . import antivirus

        antivirus.connect()
