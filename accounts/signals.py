"""API tokens die with the session's logout and with any change of password.

A password change (the user's own, a reset through the e-mailed link, an administrator's)
goes through User.save; comparing the stored hash catches every path, including
set_password + save and the admin.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_out
from django.db.models.signals import pre_save
from django.dispatch import receiver
from rest_framework.authtoken.models import Token


def revoke_tokens(user):
    Token.objects.filter(user=user).delete()


@receiver(user_logged_out, dispatch_uid="accounts_revoke_tokens_at_logout")
def revoke_tokens_at_logout(sender, request, user, **kwargs):
    if user is not None and user.pk is not None:
        revoke_tokens(user)


def revoke_tokens_on_password_change(sender, instance, update_fields=None, **kwargs):
    if instance.pk is None or kwargs.get("raw"):
        return
    if update_fields is not None and "password" not in update_fields:
        return
    stored = sender._default_manager.filter(pk=instance.pk).values_list("password", flat=True)
    previous = stored.first()
    if previous is not None and previous != instance.password:
        revoke_tokens(instance)


def connect():
    pre_save.connect(
        revoke_tokens_on_password_change,
        sender=get_user_model(),
        dispatch_uid="accounts_revoke_tokens_on_password_change",
    )
