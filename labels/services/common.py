"""What the labelling's services share: row locks, versions, transitions, PDF page counts."""

import io

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from audit.services import record_transition
from core.errors import ConflictError
from core.uploads import check_upload
from notifications.delivery import queue

from ..models import LabelApplication, StatusChange

# A dossier of 20 pages with images is larger than a scan: 20 Mo per file.
MAX_FILE_BYTES = 20 * 1024 * 1024
DOSSIER_MAX_PAGES = 20
TOTAL_MAX_PAGES = 80


def locked(application):
    pk = application.pk if isinstance(application, LabelApplication) else application
    return (
        LabelApplication.objects.select_for_update(of=("self",)).select_related("campus").get(pk=pk)
    )


def check_version(current, expected_version, what=None):
    if expected_version is None:
        return
    try:
        expected = int(expected_version)
    except (TypeError, ValueError):
        raise ValidationError({"version": _("Version illisible : rechargez la page.")}) from None
    if expected != current.version:
        raise ConflictError(
            what
            or _(
                "Cette candidature a été modifiée par quelqu'un d'autre depuis que vous l'avez "
                "ouverte (version %(current)s, vous aviez la version %(yours)s). Rechargez la "
                "page pour voir ses nouvelles valeurs avant de modifier."
            )
            % {"current": current.version, "yours": expected}
        )


def transition(actor, application, to_status, reason="", *, extra_fields=()):
    """Move the (locked) application; the step's e-mail goes after the commit
    (labels.notifications says who is told of which step)."""
    from ..notifications import AUDIENCE, KIND

    moved = record_transition(
        actor,
        application,
        to_status,
        reason,
        history=StatusChange,
        campus=application.campus,
        extra_fields=extra_fields,
    )
    if to_status in AUDIENCE:
        queue(KIND, moved, status=str(to_status))
    return moved


def pdf_pages(upload, field="file"):
    """The number of pages of an uploaded PDF (read from the file, never trusted from the
    name); a French ValidationError on `field` when it is no PDF, too large or unreadable."""
    check_upload(
        upload,
        kinds={"pdf"},
        too_large=_("Le fichier dépasse 20 Mo."),
        wrong_kind=_("Seuls les fichiers PDF sont acceptés."),
        field=field,
        max_bytes=MAX_FILE_BYTES,
    )
    from pypdf import PdfReader

    try:
        content = upload.read()
        upload.seek(0)
        return len(PdfReader(io.BytesIO(content)).pages)
    except Exception:  # a malformed PDF breaks pypdf in many ways: all are « unreadable »
        raise ValidationError(
            {field: _("Ce PDF est illisible : enregistrez-le à nouveau.")}
        ) from None
