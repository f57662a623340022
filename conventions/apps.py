from django.apps import AppConfig


class ConventionsConfig(AppConfig):
    name = "conventions"

    def ready(self):
        from django.utils.translation import gettext_lazy

        from documents.registry import register as register_documents
        from jobs.services import register_handler

        from . import permissions
        from .documents.types import TYPES
        from .models import GeneratedDocument

        register_documents(
            GeneratedDocument,
            types=TYPES,
            visible_to=permissions.documents_visible_to,
            can_use=permissions.can_use_conventions,
            campus_of=lambda document: document.convention.campus,
            select_related=("convention__campus", "amendment"),
        )
        register_handler(
            "deliberation_documents",
            "conventions.documents.generate_deliberation_documents",
            label=gettext_lazy("Documents d'une délibération"),
        )
