"""Background job: the fiches projet of a deliberation's dossiers, in one PDF (its annex)."""

import io
import logging

from django.conf import settings
from django.utils.text import slugify
from django.utils.translation import gettext as _

from deliberations.selectors import deliberation_of_job
from documents import services as documents
from documents.models import DocumentStatus
from jobs.services import JobError

from .. import permissions
from ..models import SubsidyDocument, SubsidyDocumentKind

logger = logging.getLogger(__name__)


def build_annex_bundle(job, report_progress):
    """Job handler (params {"deliberation_id": id}): one fiche projet per dossier of the
    deliberation that the job's owner may see, in the deliberation's order, in one PDF.

    Each fiche is the stored SubsidyDocument of its content (generated here if need be), so
    the bundle holds exactly the PDFs one would download one by one.
    """
    deliberation = deliberation_of_job(job)
    dossiers = list(
        permissions.dossiers_visible_to(job.owner)
        .filter(deliberation=deliberation)
        .select_related("campus")
        .order_by("position", "number")
    )
    if not dossiers:
        raise JobError(
            _("La délibération %(number)s n'attribue aucune subvention que vous pouvez consulter.")
            % {"number": deliberation.number}
        )
    total = len(dossiers)
    report_progress(0, total)
    fiches = []
    for done, dossier in enumerate(dossiers, start=1):
        fiches.append((dossier, _fiche_pdf(job, dossier)))
        report_progress(done, total)
    failed = [f"{dossier.number} : {error}" for dossier, (pdf, error) in fiches if pdf is None]
    if failed:
        raise JobError(_("Des fiches projet n'ont pas pu être générées : %s") % " ; ".join(failed))
    content = _merge(deliberation, [(dossier, pdf) for dossier, (pdf, _error) in fiches])
    return f"annexes-{slugify(deliberation.number)}.pdf", content


def _fiche_pdf(job, dossier):
    """(the fiche's PDF bytes, None) or (None, the French error)."""
    document = documents.request_document(
        SubsidyDocument,
        job.owner,
        kind=SubsidyDocumentKind.FICHE_PROJET,
        dossier=dossier,
        queue=False,  # rendered right here: this job already runs in a worker
    )
    document = documents.generate_now(document)
    if document.status != DocumentStatus.READY:
        return None, document.error
    with document.file.open("rb") as pdf:
        return pdf.read(), ""


def _merge(deliberation, fiches):
    """One PDF, with a bookmark per dossier so that a reader can jump to each fiche."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for dossier, pdf in fiches:
        writer.append(
            PdfReader(io.BytesIO(pdf)),
            outline_item=_("Dossier n° %(number)s – %(campus)s")
            % {"number": dossier.number, "campus": dossier.campus.short_name},
        )
    writer.add_metadata(
        {
            "/Title": _("Fiches projet – délibération %s") % deliberation.number,
            "/Author": settings.REGION_NAME,
        }
    )
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
