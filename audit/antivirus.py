"""The journal's entry for an infected upload (core.antivirus.upload_infected): who sent which
file, what ClamAV found, from which page and address.

The refusal is an exception that rolls back the service's transaction, and on the API the whole
request's (ATOMIC_REQUESTS): an entry written at the moment of the scan would vanish with it.
During a request the event is therefore kept aside and written by `InfectedUploadMiddleware`
once the view (and its transaction) is over. Outside a request (a shell, a task) there is no
one to attribute it to: core.antivirus's log line is the record.
"""

from contextvars import ContextVar

from core.antivirus import upload_infected
from core.api_auth import client_ip

from .models import AuditAction
from .services import record

_pending = ContextVar("infected_uploads", default=None)


def keep_infected_upload(sender, *, name, size, signature, field, **kwargs):
    pending = _pending.get()
    if pending is not None:
        # The name is the sender's: kept short (the journal escapes it like any text).
        pending.append({"fichier": name[:200], "taille": size, "signature": signature})


def connect():
    upload_infected.connect(keep_infected_upload, dispatch_uid="audit.infected_upload")


class InfectedUploadMiddleware:
    """Writes the infected uploads of a request to the journal after its view's transaction
    (kept outside ATOMIC_REQUESTS, as every middleware is)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _pending.set([])
        try:
            response = self.get_response(request)
            events = _pending.get()
        finally:
            _pending.reset(token)
        user = getattr(request, "user", None)
        for event in events:
            if not getattr(user, "is_authenticated", False):
                continue  # every upload page asks for a login: the log line says the rest
            # The entry is about the account that sent the file: nothing was stored.
            record(
                user,
                AuditAction.INFECTED_UPLOAD,
                user,
                changes={**event, "page": request.path, "adresse": client_ip(request)},
            )
        return response
