from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    """Kernel: generated PDF documents (see the package's docstring)."""

    name = "documents"
    verbose_name = "Documents générés"

    def ready(self):
        from . import checks  # noqa: F401 - registers its start-up check
