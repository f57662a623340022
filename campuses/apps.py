from django.apps import AppConfig


class CampusesConfig(AppConfig):
    name = "campuses"
    verbose_name = "Registre des campus"

    def ready(self):
        from django.utils.translation import gettext_lazy

        from jobs.services import register_handler

        register_handler(
            "campus_registry_export",
            "campuses.exports.export_registry",
            label=gettext_lazy("Export du registre des campus"),
        )
