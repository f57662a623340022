"""Background job: the PDFs a deliberation adopted, in one ZIP archive."""

import io
import logging
import re
import zipfile

from django.utils.translation import gettext as _

from deliberations.selectors import deliberation_of_job
from documents import services as documents
from documents.models import DocumentStatus
from jobs.services import JobError

from .. import permissions
from ..models import Amendment, DocumentKind, GeneratedDocument

logger = logging.getLogger(__name__)


def generate_deliberation_documents(job, report_progress):
    """Job handler: the PDFs of every convention and amendment a deliberation adopted (among
    those the job's owner can see), in one ZIP archive."""
    deliberation = deliberation_of_job(job)
    visible = permissions.conventions_visible_to(job.owner)
    targets = [
        (DocumentKind.CONVENTION, convention, None)
        for convention in visible.filter(deliberation=deliberation).select_related("campus")
    ] + [
        (DocumentKind.AMENDMENT, amendment.convention, amendment)
        for amendment in Amendment.objects.filter(
            deliberation=deliberation, convention__in=visible.values("pk")
        )
        .select_related("convention__campus")
        .order_by("convention__campus__short_name", "number")
    ]
    if not targets:
        raise JobError(
            _(
                "La délibération %s n'a adopté aucune convention ni aucun avenant que vous "
                "pouvez consulter."
            )
            % deliberation.number
        )
    total = len(targets)
    report_progress(0, total)
    buffer, names, errors = io.BytesIO(), set(), []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for done, (kind, convention, amendment) in enumerate(targets, start=1):
            target = {"convention": convention}
            if amendment is not None:
                target["amendment"] = amendment
            document = documents.request_document(
                GeneratedDocument,
                job.owner,
                kind=kind,
                queue=False,  # rendered right here: this job already runs in a worker
                **target,
            )
            document = documents.generate_now(document)
            name = documents.filename_of(document)
            if document.status == DocumentStatus.READY:
                while name in names:
                    name = name.replace(".pdf", "-bis.pdf")
                names.add(name)
                with document.file.open("rb") as pdf:
                    archive.writestr(name, pdf.read())
            else:
                errors.append(f"{name} : {document.error}")
            report_progress(done, total)
        if errors:
            archive.writestr("erreurs.txt", "\n".join(errors) + "\n")
    if not names:
        raise JobError(_("Aucun document n'a pu être généré : %s") % " ; ".join(errors))
    number = re.sub(r"[^A-Za-z0-9-]+", "-", deliberation.number).strip("-")
    return f"documents-{number}.zip", buffer.getvalue()
