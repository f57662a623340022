"""Generated documents (PDF), written once for every domain.

A document is a row of a model extending `StoredDocument` (status, file, checksum, the
fingerprint `source_key` of the content it is made from, attempts, error, timestamps). Each
app declares its kinds of document in its AppConfig.ready() (`documents.registry.register`):
a template, a context function that builds the plain, French context from the database as it
is now, a file name, and who may ask. Everything else is here:

- `services.request_document`: the row of this content (the fingerprint of the context), created
  and queued after commit if new (`robust`: a broker that is down does not turn the request into
  an error), re-queued if it had failed, left alone otherwise;
- `tasks.generate_document(model label, pk)`: one Celery task renders (WeasyPrint) and stores
  it; a transient error (OSError) is retried, any other marks it failed with a French message,
  and a content that changed since the request is refused rather than stored under the old
  fingerprint;
- `services.sweep_stale`: a document left pending by a lost worker is re-queued, then failed;
- `views.download` and `api.DocumentViewSetMixin.download`: the file, for who may see it;
- `typography`: French typography of the wording.

A new kind of document is a template plus a context function.
"""
