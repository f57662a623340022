from django.apps import AppConfig


class ConventionsConfig(AppConfig):
    name = "conventions"

    def ready(self):
        from django.utils.translation import gettext_lazy

        from core.composition import register_block, register_nav
        from deliberations import contributions as deliberation
        from documents.registry import register as register_documents
        from jobs.services import register_handler

        from . import deliberations, permissions, signing
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
        signing.register()
        register_handler(
            "deliberation_documents",
            "conventions.documents.generate_deliberation_documents",
            label=gettext_lazy("Documents d'une délibération"),
        )
        register_block(
            deliberation.PAGE_SLOT,
            "conventions/_deliberation.html",
            deliberations.page_block,
            order=10,
        )
        deliberation.register_section(
            deliberation.ApiSection(
                "conventions",
                field=lambda: deliberations.AdoptedIdsField("visible_conventions"),
                prefetch=deliberations.prefetch_conventions,
            )
        )
        deliberation.register_section(
            deliberation.ApiSection(
                "amendments",
                field=lambda: deliberations.AdoptedIdsField("visible_amendments"),
                prefetch=deliberations.prefetch_amendments,
            )
        )
        register_nav(
            gettext_lazy("Conventions"),
            "conventions:list",
            visible=permissions.can_use_conventions,
            order=40,
        )
        for slot, order in (("home.regional", 30), ("home.rectorate", 30), ("home.director", 40)):
            register_block(slot, "conventions/_reminders.html", _home_reminders, order=order)


def _home_reminders(request, **page):
    from .selectors import recent_reminders

    return {"reminders": recent_reminders(request.user)}
