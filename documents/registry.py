"""What each app declares about its documents, in its AppConfig.ready():

    register(
        GeneratedDocument,
        types=[DocumentType("convention", "conventions/pdf/convention.html", context=…,
                            filename=…, fields=("convention",), check=…)],
        visible_to=permissions.documents_visible_to,
        can_use=permissions.can_use_conventions,
        campus_of=lambda document: document.convention.campus,
    )

The kernel never imports an app: it finds a document model's declaration by its label
("conventions.GeneratedDocument"), which is what the Celery task carries.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps


@dataclass(frozen=True)
class DocumentType:
    """One kind of document: how to build it from what it is made of.

    - `fields`: the document row's fields naming what it is made from (a convention, an
      amendment, a day…); `context`, `check` and `filename`'s targets take them as keywords;
    - `context(**target)`: the template's context, from the database as it is now, with plain
      values only (strings, numbers, lists, dicts): its fingerprint is the document's version;
    - `check(actor, **target)`: raises PermissionDeniedError / ConflictError / ValidationError
      when `actor` may not ask for it, or when it does not exist (yet);
    - `filename(document)`: the stored file's name;
    - `stale_message`: shown when the content of a row asked for before its HTML was kept with
      it (documents.models.StoredDocument.source_html) changed before its rendering;
    - `version`: part of every fingerprint: bump it when the template changes in a way that
      matters, so that the next request makes a new version.
    """

    kind: str
    template: str
    context: Callable[..., dict]
    filename: Callable
    fields: tuple[str, ...]
    check: Callable | None = None
    stale_message: str | None = None
    version: str = "1"


@dataclass
class DocumentModel:
    model: type
    types: dict = field(default_factory=dict)  # kind -> DocumentType
    kind_field: str | None = "kind"  # None: a model with one kind of document
    visible_to: Callable | None = None  # user -> queryset of the documents they may read
    can_use: Callable | None = None  # user -> bool: the role may use these documents (403)
    campus_of: Callable | None = None  # document -> the campus its audit entries go under
    select_related: tuple[str, ...] = ()

    def type_of(self, document_or_kind):
        kind = document_or_kind
        if not isinstance(kind, str):
            kind = getattr(kind, self.kind_field) if self.kind_field else None
        if kind is None and len(self.types) == 1:
            return next(iter(self.types.values()))
        return self.types.get(kind)

    def target_of(self, document):
        """{field: value} of what the document is made from, read from its row."""
        doc_type = self.type_of(document)
        return {name: getattr(document, name) for name in doc_type.fields}


_MODELS = {}


def register(
    model,
    *,
    types,
    visible_to,
    can_use,
    campus_of,
    kind_field="kind",
    select_related=(),
):
    _MODELS[model._meta.label_lower] = DocumentModel(
        model=model,
        types={doc_type.kind: doc_type for doc_type in types},
        kind_field=kind_field,
        visible_to=visible_to,
        can_use=can_use,
        campus_of=campus_of,
        select_related=tuple(select_related),
    )


def declaration(model):
    """The declaration of a document model (the class, an instance or its label)."""
    if isinstance(model, str):
        model = apps.get_model(model)
    return _MODELS[model._meta.label_lower]


def declarations():
    return list(_MODELS.values())


def issued(checksum):
    """Whether a document the portal generated has this SHA-256 (hex): the file is one of ours,
    byte for byte, as it left the portal."""
    return any(spec.model.objects.filter(checksum=checksum).exists() for spec in _MODELS.values())
