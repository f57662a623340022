"""Pieces shared by the subsidies serializers."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

VERSION_HELP = _("Version lue ; une modification fondée sur une version périmée reçoit 409.")
ZERO = Decimal("0.00")


def money(**kwargs):
    """A money field: a decimal string with two places ("50000.00")."""
    return serializers.DecimalField(max_digits=12, decimal_places=2, **kwargs)
