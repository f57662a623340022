"""Every upload is scanned by ClamAV (clamd, through its socket) before it is stored.

An infected file is refused with a French message on the field, and `upload_infected` is sent
so that the journal (a higher layer: audit) records who sent it. A scanner that cannot answer
refuses the upload too when settings.CLAMAV_REQUIRED is true (production); when it is false
(`make run` without a daemon) the file is accepted unscanned and a warning is logged.

The client is clamav-client (Artefactual's maintained fork of the unmaintained `clamd`
package): the file is streamed to clamd (INSTREAM), so that clamd needs no access to our disk.
"""

import logging
from urllib.parse import urlparse

from clamav_client.clamd import ClamdError, ClamdNetworkSocket, ClamdUnixSocket
from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.dispatch import Signal
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

# Sent when a scanned upload is infected, before the refusal is raised. Arguments: `name` (the
# name the sender gave the file), `size`, `signature` (what ClamAV found), `field`.
upload_infected = Signal()

UNAVAILABLE = _(
    "Le contrôle antivirus est indisponible : le fichier n'a pas été enregistré. "
    "Réessayez dans quelques minutes ; si le problème persiste, prévenez l'assistance."
)
INFECTED = _(
    "Ce fichier contient un virus (%(signature)s) : il a été refusé et n'a pas été enregistré."
)


class ScannerUnavailable(Exception):
    """clamd could not give a verdict (down, unreachable, a stream over its limit…)."""


def client():
    """A clamd client for settings.CLAMAV_URL: « unix:///path/clamd.sock » or
    « tcp://host:3310 »."""
    url = urlparse(settings.CLAMAV_URL)
    timeout = settings.CLAMAV_TIMEOUT
    if url.scheme == "unix":
        return ClamdUnixSocket(path=url.path, timeout=timeout)
    if url.scheme == "tcp" and url.hostname:
        return ClamdNetworkSocket(host=url.hostname, port=url.port or 3310, timeout=timeout)
    raise ImproperlyConfigured(
        f"CLAMAV_URL invalide ({settings.CLAMAV_URL!r}) : unix:///chemin ou tcp://hôte:port."
    )


def available():
    """Whether clamd answers PING."""
    try:
        return client().ping() == "PONG"
    except (ClamdError, OSError):
        return False


def scan(upload):
    """The name of the signature ClamAV found in `upload`, or None when it is clean; raises
    ScannerUnavailable when clamd gave no verdict. The file is read from its start and left
    rewound."""
    upload.seek(0)
    try:
        report = client().instream(upload)
    except (ClamdError, OSError) as error:
        # OSError: clamd closes the socket mid-stream when the file exceeds its StreamMaxLength.
        raise ScannerUnavailable(str(error) or error.__class__.__name__) from error
    finally:
        upload.seek(0)
    status, signature = report.get("stream", (None, None))
    if status == "OK":
        return None
    if status == "FOUND":
        return signature
    raise ScannerUnavailable(f"clamd answered {report!r}")


def check_clean(upload, *, field="file"):
    """Refuse `upload` (a ValidationError on `field`, or without a field when `field` is None,
    as a form's clean_<field> raises it) when it is infected, or when the scanner cannot
    answer and settings.CLAMAV_REQUIRED is true."""
    name = getattr(upload, "original_name", None) or getattr(upload, "name", "") or ""
    try:
        signature = scan(upload)
    except ScannerUnavailable as error:
        if settings.CLAMAV_REQUIRED:
            logger.error("Upload %r refused: ClamAV unavailable (%s)", name, error)
            raise _refusal(field, UNAVAILABLE) from None
        logger.warning(
            "Upload %r stored WITHOUT antivirus scan: ClamAV unavailable at %s (%s); "
            "CLAMAV_REQUIRED is false",
            name,
            settings.CLAMAV_URL,
            error,
        )
        return
    if signature is None:
        return
    logger.warning("Upload %r refused: ClamAV found %s", name, signature)
    upload_infected.send(
        sender=check_clean, name=name, size=upload.size, signature=signature, field=field
    )
    raise _refusal(field, INFECTED % {"signature": signature})


def _refusal(field, message):
    return ValidationError({field: message} if field else message)


@checks.register(checks.Tags.security)
def check_scanner(app_configs, **kwargs):
    """At start-up (runserver, check): say loudly that uploads go unscanned when the scanner
    is optional and does not answer."""
    if settings.CLAMAV_REQUIRED or available():
        return []
    return [
        checks.Warning(
            f"ClamAV ne répond pas à {settings.CLAMAV_URL} et CLAMAV_REQUIRED=false : les "
            "fichiers déposés seront enregistrés SANS contrôle antivirus.",
            hint="Démarrez clamd (voir README) ou, en production, laissez CLAMAV_REQUIRED=true.",
            id="core.W001",
        )
    ]
