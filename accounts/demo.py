"""The demo accounts' second factor (loaded by demo/loader.py, never in production).

The staff demo accounts (../README: admin, region, rectorat-*) get a DemoDevice: at login,
after the demo password, they give the documented code settings.DEMO_OTP_CODE (123456 by
default), accepted only while DEBUG is on. Directors and experts have none: they may enrol
an application of their own, as in production.
"""

from .models import DemoDevice, User

STAFF_DEMO_ACCOUNTS = (
    "admin",
    "region",
    "rectorat-paris",
    "rectorat-creteil",
    "rectorat-versailles",
)


def load_demo():
    """One demo device per staff demo account. Idempotent."""
    devices = []
    for user in User.objects.filter(username__in=STAFF_DEMO_ACCOUNTS):
        # The base manager: the default one hides demo devices while DEBUG is off.
        device, _created = DemoDevice._base_manager.get_or_create(
            user=user, defaults={"name": "Code de démonstration", "confirmed": True}
        )
        devices.append(device)
    return devices
