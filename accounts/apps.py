from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Comptes et rôles"

    def ready(self):
        from notifications.delivery import register as register_notification

        from . import notifications

        register_notification(notifications.INVITATION, notifications.compose_invitation)
        register_notification(notifications.PASSWORD_RESET, notifications.compose_password_reset)
