from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Comptes et rôles"

    def ready(self):
        from django.utils.translation import gettext_lazy

        from core.composition import register_nav
        from notifications.delivery import register as register_notification

        from . import notifications, signals
        from .permissions import can_manage_accounts

        register_nav(
            gettext_lazy("Comptes"), "accounts:user_list", visible=can_manage_accounts, order=80
        )

        register_notification(notifications.INVITATION, notifications.compose_invitation)
        register_notification(notifications.PASSWORD_RESET, notifications.compose_password_reset)
        signals.connect()
