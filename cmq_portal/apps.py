from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The wiring: the links of the navigation that belong to no domain (the home page, the
    Django admin). Every app above adds its own. The API's documentation is linked from the
    help of the footer, for staff only (core.permissions.can_read_api_docs)."""

    name = "cmq_portal"
    verbose_name = "Portail CMQ"

    def ready(self):
        from django.utils.translation import gettext_lazy

        from core import roles
        from core.composition import register_nav

        def authenticated(user):
            return bool(getattr(user, "is_authenticated", False))

        register_nav(gettext_lazy("Accueil"), "home", visible=authenticated, order=10)
        register_nav(
            gettext_lazy("Administration Django"),
            "admin:index",
            visible=roles.is_administrator,
            order=110,
        )
