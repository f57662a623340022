"""Exports of the campus registry (CSV, XLSX, ODS), run as background jobs.

The handler of the "campus_registry_export" job (registered in apps.py): it rebuilds
the list as the job's owner sees it with the filters they had, then writes one row per campus.
The number of queries does not depend on the number of campuses: everything a row shows comes
from campus_list's annotations and prefetches.
"""

import logging

from django.utils import timezone
from django.utils.translation import gettext as _

from core.spreadsheets import DATE, INTEGER, WRITERS, Column
from jobs.services import JobError

from . import selectors
from .filters import CampusFilter
from .models import DirectorRole

logger = logging.getLogger(__name__)

FORMATS = tuple(WRITERS)


def columns():
    return [
        Column(_("Nom")),
        Column(_("Nom court")),
        Column(_("Famille de secteurs")),
        Column(_("Académies")),
        Column(_("Catégorie actuelle")),
        Column(_("Statut du label")),
        Column(_("Fin du label"), DATE),
        Column(_("Jours restants"), INTEGER),
        Column(_("Établissement support")),
        Column(_("SIRET de l'établissement support")),
        Column(_("Directeur·rice(s)")),
        Column(_("Préfiguration")),
        Column(_("Adresse du siège")),
    ]


def headers():
    return [column.title for column in columns()]


def registry_campuses(user, filters, day):
    """The campuses `user` sees on `day`, narrowed by the list's filters (invalid ones ignored)."""
    queryset = selectors.campus_list(user, day)
    filterset = CampusFilter(data=filters or {}, queryset=queryset)
    if filterset.is_valid():
        return list(filterset.qs)
    logger.info("Registry export: invalid filters ignored: %s", filterset.errors.as_json())
    return list(queryset)


def _directors(campus):
    """Directors in office, then deputies (from the prefetched current_directors)."""
    names = []
    in_office = sorted(
        campus.current_directors,
        key=lambda director: (director.role != DirectorRole.DIRECTOR, director.full_name),
    )
    for director in in_office:
        if director.role == DirectorRole.DEPUTY:
            names.append(f"{director.full_name} ({director.get_role_display()})")
        else:
            names.append(director.full_name)
    return ", ".join(names)


def campus_row(campus, day):
    """One row: text, dates (date objects), integers or None for an empty cell."""
    support = selectors.support_institution_on(campus, day)
    return [
        campus.name,
        campus.short_name,
        campus.sector_family.label,
        ", ".join(academy.name for academy in campus.academies.all()) or None,
        # Choice labels are lazy translations: the writers need plain strings.
        str(campus.current_category_label) or None,
        str(campus.label_status_label),
        campus.current_end,
        campus.label_days_left,
        support.legal_name if support else None,
        (support.siret or None) if support else None,
        _directors(campus) or None,
        _("Oui") if campus.is_prefiguration else _("Non"),
        campus.seat_address.strip() or None,
    ]


def export_registry(job, report_progress):
    """Job handler: the registry as job.owner sees it, in job.params["format"]."""
    fmt = (job.params or {}).get("format")
    writer = WRITERS.get(fmt)
    if writer is None:
        raise JobError(_("Format d'export non pris en charge : %(format)s.") % {"format": fmt})
    today = timezone.localdate()
    campuses = registry_campuses(job.owner, (job.params or {}).get("filters"), today)
    total = len(campuses)
    report_progress(0, total)

    rows = []
    for done, campus in enumerate(campuses, start=1):
        rows.append(campus_row(campus, today))
        report_progress(done, total)
    content = writer(columns(), rows, None, title=_("Registre des campus"))
    return f"registre-campus-{today:%Y-%m-%d}.{fmt}", content
