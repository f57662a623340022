from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The kernel: what every domain builds on (errors, formats, forms, API pieces, uploads,
    spreadsheets, rules and transitions, page composition). It imports no domain app."""

    name = "core"
    verbose_name = "Noyau du portail"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in
        from django.db.backends.signals import connection_created

        from . import antivirus  # noqa: F401 - registers its start-up check
        from .formats import register_sqlite_collation
        from .page_cache import install_tracking
        from .sessions import mark_refreshed

        user_logged_in.connect(mark_refreshed, dispatch_uid="core.sessions.mark_refreshed")
        connection_created.connect(register_sqlite_collation, dispatch_uid="core.formats.collation")
        connection_created.connect(install_tracking, dispatch_uid="core.page_cache.tracking")
