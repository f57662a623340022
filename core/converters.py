"""URL converters.

`<id:pk>` matches integer primary keys that fit in 64 bits: a longer number would overflow in
the database (a 500) instead of simply matching no object (a 404).
"""

from django.urls import register_converter


class IdConverter:
    regex = "[0-9]{1,18}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


def register():
    register_converter(IdConverter, "id")
