from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    """Kernel: generated PDF documents (see the package's docstring)."""

    name = "documents"
    verbose_name = "Documents générés"
