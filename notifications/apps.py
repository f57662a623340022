from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    """Kernel: e-mails sent exactly once (see the package's docstring)."""

    name = "notifications"
    verbose_name = "Courriels"
