from django.apps import AppConfig


class ConventionsConfig(AppConfig):
    name = "conventions"

    def ready(self):
        from django.utils.translation import gettext_lazy

        from jobs.services import register_handler

        register_handler(
            "deliberation_documents",
            "conventions.documents.generate_deliberation_documents",
            label=gettext_lazy("Documents d'une délibération"),
        )
