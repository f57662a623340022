"""Files people upload (signed scans, attachments): their type read from their content, never
from their name, and their size bounded; refusals are French messages on the field. An accepted
upload is renamed by the server (a random name, the extension of the type read), so that a name
chosen by the sender never reaches the disk or a response. Every upload is scanned by the
antivirus (core.antivirus) before its type is read: an infected file is refused whatever it
pretends to be."""

import uuid
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .antivirus import check_clean

MAX_BYTES = 10 * 1024 * 1024

OPENDOCUMENT = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
}

# The content type a stored file of each kind is served with.
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def detect_kind(upload):
    """« pdf », « odt », « ods », « docx », « xlsx », or None: PDF by its magic bytes,
    OpenDocument by its `mimetype` entry, Office Open XML by its main part."""
    head = upload.read(5)
    upload.seek(0)
    if head == b"%PDF-":
        return "pdf"
    if head[:2] != b"PK":
        return None
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = archive.read("mimetype").decode("ascii", "ignore").strip()
                return OPENDOCUMENT.get(mimetype)
            if "[Content_Types].xml" in names:
                if "word/document.xml" in names:
                    return "docx"
                if "xl/workbook.xml" in names:
                    return "xlsx"
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    finally:
        upload.seek(0)
    return None


def check_upload(upload, *, kinds, too_large, wrong_kind, field="file", max_bytes=MAX_BYTES):
    """The upload's kind when it is one of `kinds`, not larger than `max_bytes` and clean for
    the antivirus; else a ValidationError on `field` with the message given (the antivirus's
    own for an infected file, or a scanner that cannot answer)."""
    if upload.size > max_bytes:
        raise ValidationError({field: too_large})
    check_clean(upload, field=field)
    kind = detect_kind(upload)
    if kind not in kinds:
        raise ValidationError({field: wrong_kind})
    rename(upload, kind)
    return kind


def server_name(kind):
    """A name the sender did not choose: random, with the extension of the kind read."""
    return f"{uuid.uuid4().hex}.{kind}"


def rename(upload, kind):
    """Give the accepted `upload` a server-chosen name (`server_name`); the name it came with
    stays readable as `upload.original_name`, for display only."""
    if not hasattr(upload, "original_name"):
        upload.original_name = upload.name
    upload.name = server_name(kind)


def content_type_of(handle):
    """The content type of an open stored file, read from its content (never from its name):
    one of CONTENT_TYPES, else « application/octet-stream »."""
    return CONTENT_TYPES.get(detect_kind(handle), "application/octet-stream")


def validate_pdf_upload(upload):
    """A signed scan: a PDF of at most 10 Mo."""
    return check_upload(
        upload,
        kinds={"pdf"},
        too_large=_("Le fichier dépasse 10 Mo : réduisez sa résolution ou scindez-le."),
        wrong_kind=_("Seuls les fichiers PDF sont acceptés."),
    )
