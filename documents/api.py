"""The API side of documents: a serializer base, the `download` action of a documents
collection, and the 202 answer of a `pdf` action that asks for one."""

import json

from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import renderers, serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from core.views import file_response

from .models import DocumentStatus
from .services import filename_of


class PdfRenderer(renderers.BaseRenderer):
    """Lets a client ask for `Accept: application/pdf`; errors are still JSON text."""

    media_type = "application/pdf"
    format = "pdf"
    charset = None
    render_style = "binary"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, bytes):
            return data
        return json.dumps(data).encode()


class StoredDocumentSerializer(serializers.ModelSerializer):
    """Every document's columns; a subclass names its model, what it is made from, and the
    route of the collection's `download` action (`download_route`)."""

    download_route = None  # e.g. "document-download"
    download_url = serializers.SerializerMethodField(
        help_text="Le PDF, une fois prêt (404 tant qu'il est en cours de génération)."
    )
    COMMON_FIELDS = ["id", "status", "checksum", "created_at", "generated_at", "download_url"]

    def get_download_url(self, document) -> str:
        url = reverse(self.download_route, args=[document.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url


class DocumentViewSetMixin:
    """`GET …/{id}/download/`: the PDF itself, named as on the pages; 404 while it is being
    generated (see `status`)."""

    @extend_schema(responses={(200, "application/pdf"): bytes})
    @action(detail=True, methods=["get"], renderer_classes=[renderers.JSONRenderer, PdfRenderer])
    def download(self, request, pk=None):
        document = self.get_object()
        if document.status != DocumentStatus.READY:
            return file_response(None)  # 404
        return file_response(document.file, filename=filename_of(document))


def accepted(request, document, serializer_class, detail_route, context=None):
    """The answer of an action that asked for a document: 202 with the document and its
    address (generated in the background; asking again gives the same document)."""
    data = serializer_class(document, context=context or {"request": request}).data
    location = request.build_absolute_uri(reverse(detail_route, args=[document.pk]))
    return Response(data, status=status.HTTP_202_ACCEPTED, headers={"Location": location})
