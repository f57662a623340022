from django.apps import AppConfig


class CampusesConfig(AppConfig):
    name = "campuses"
    verbose_name = "Registre des campus"

    def ready(self):
        from django.utils.translation import gettext_lazy

        from core.composition import register_block, register_nav
        from jobs.services import register_handler

        from . import permissions, selectors
        from .models import Campus
        from .permissions import campuses_visible_to

        register_nav(
            gettext_lazy("Campus"), "campuses:list", visible=permissions.can_view_registry, order=20
        )
        register_nav(
            gettext_lazy("Organismes"),
            "campuses:organisation_list",
            visible=permissions.can_view_organisations,
            order=30,
        )
        register_block(
            "home.regional",
            "campuses/_home_attention.html",
            lambda request, today, **page: {
                "attention": selectors.campuses_needing_attention(request.user, today)
            },
            order=10,
        )
        register_block(
            "home.regional",
            "campuses/_home_regional_campuses.html",
            # The registry page lists, filters and exports them all; the home shows what comes next.
            lambda request, today, **page: {
                "label_ends": selectors.next_label_ends(request.user, today),
                "campus_count": campuses_visible_to(request.user, Campus.objects.all()).count(),
            },
            order=40,
        )
        register_block(
            "home.rectorate", "campuses/_campus_table.html", lambda request, **page: {}, order=20
        )
        register_block(
            "home.director", "campuses/_home_director.html", lambda request, **page: {}, order=10
        )

        register_handler(
            "campus_registry_export",
            "campuses.exports.export_registry",
            label=gettext_lazy("Export du registre des campus"),
        )
