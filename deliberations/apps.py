from django.apps import AppConfig


class DeliberationsConfig(AppConfig):
    name = "deliberations"
    verbose_name = "Délibérations et règlement d'intervention"

    def ready(self):
        from django.utils.translation import gettext_lazy

        from core.composition import register_nav

        from .permissions import can_read_deliberations

        register_nav(
            gettext_lazy("Délibérations"),
            "deliberations:list",
            visible=can_read_deliberations,
            order=45,
        )
