from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Comptes et rôles"

    def ready(self):
        from django.utils.translation import gettext_lazy

        from core.api import register_second_factor
        from core.composition import register_block, register_nav
        from notifications.delivery import register as register_notification

        from . import notifications, signals, two_factor
        from .permissions import can_manage_accounts

        register_nav(
            gettext_lazy("Comptes"), "accounts:user_list", visible=can_manage_accounts, order=80
        )

        register_notification(notifications.INVITATION, notifications.compose_invitation)
        register_notification(notifications.PASSWORD_RESET, notifications.compose_password_reset)
        signals.connect()

        # Staff are invited to enrol before the policy's day; the token endpoint asks for
        # the same second factor as the login page.
        for slot in ("home.regional", "home.rectorate"):
            register_block(slot, "accounts/_home_two_factor.html", two_factor.home_block, order=1)
        register_second_factor(two_factor.check_for_token)
