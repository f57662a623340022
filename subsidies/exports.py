"""Exports of the subsidy dossiers, run as background jobs (jobs.services handlers).

- "subsidy_export" → `export_dossiers`: the dossiers as the job's owner sees them, narrowed by
  the list's filters (year, campus, status, beneficiary…), in CSV, XLSX or ODS: one row per
  dossier, then a totals row. Amounts are numbers and dates are dates in XLSX and ODS.
- "subsidy_open_data" → `export_open_data`: the « données essentielles des conventions de
  subvention » (décret n° 2017-779, arrêté du 17 novembre 2017) in the SCDL « subventions »
  format, version 2.1.1 (schema.data.gouv.fr/scdl/subventions): one row per voted dossier;
  regional staff only.

The number of queries does not depend on the number of dossiers.
"""

import logging
from decimal import Decimal
from types import SimpleNamespace

from django.conf import settings
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.spreadsheets import DATE, DECIMAL, INTEGER, MONEY, WRITERS, Column, write_delimited
from jobs.services import JobError

from . import permissions, rules
from .filters import SubsidyFilter, dossier_figures
from .models import (
    LIVE_PAYMENT_STATUSES,
    VOTED_STATUSES,
    DossierStatus,
    Payment,
    PaymentStatus,
    SubsidyDossier,
)
from .selectors import with_figures

logger = logging.getLogger(__name__)

FORMATS = ("csv", "xlsx", "ods")
DATE_FORMAT = "%d/%m/%Y"
FILTER_KEYS = ("year", "campus", "status", "beneficiary", "deliberation", "search")
SIRET_MISSING = "à compléter"
ZERO = Decimal("0.00")


# --------------------------------------------------------------------- dossiers export


def columns():
    return [
        Column(_("Numéro de dossier")),
        Column(_("Campus")),
        Column(_("Bénéficiaire")),
        Column(_("SIRET du bénéficiaire")),
        Column(_("Exercice"), INTEGER),
        Column(_("État")),
        Column(_("Base subventionnable"), MONEY, total=True),
        Column(_("Taux (%)"), DECIMAL),
        Column(_("Montant"), MONEY, total=True),
        Column(_("Montant voté"), MONEY, total=True),
        Column(_("Versé"), MONEY, total=True),
        Column(_("Reste à verser"), MONEY, total=True),
        Column(_("Délibération")),
        Column(_("Date de la délibération"), DATE),
        Column(_("Imputation budgétaire")),
        Column(_("Date de caducité"), DATE),
    ]


def headers():
    return [column.title for column in columns()]


def export_filters(params):
    """The list's filters, from params["filters"] (as the list page sends them) or from
    top-level keys of the job's params."""
    filters = {key: params[key] for key in FILTER_KEYS if params.get(key) not in (None, "")}
    filters.update(params.get("filters") or {})
    return filters


def exported_dossiers(user, filters):
    """The dossiers `user` sees, narrowed by the list's filters (invalid ones are ignored)."""
    queryset = with_figures(
        permissions.dossiers_visible_to(user).select_related(
            "campus", "beneficiary", "deliberation", "budget_line"
        )
    ).order_by("-reference_year", "number")
    filterset = SubsidyFilter(
        data=filters or {}, queryset=queryset, request=SimpleNamespace(user=user)
    )
    if filterset.is_valid():
        return list(filterset.qs)
    logger.info("Subsidy export: invalid filters ignored: %s", filterset.errors.as_json())
    return list(queryset)


def dossier_row(dossier):
    current = dossier_figures(dossier)
    beneficiary = dossier.beneficiary
    return [
        dossier.number,
        dossier.campus.name,
        beneficiary.legal_name if beneficiary else (dossier.beneficiary_name or None),
        (beneficiary.siret if beneficiary and beneficiary.siret else SIRET_MISSING),
        dossier.reference_year,
        str(dossier.get_status_display()),
        dossier.eligible_base,
        dossier.rate,
        dossier.amount,
        dossier.voted_amount,
        current.paid,
        current.remainder,
        dossier.deliberation.number if dossier.deliberation_id else None,
        dossier.deliberation.date if dossier.deliberation_id else None,
        dossier.budget_line.code if dossier.budget_line_id else None,
        dossier.lapse_on,
    ]


def totals_row(rows, count):
    """« Total » with the number of dossiers, and the sum of each summed column."""
    row = [
        _("Total"),
        ngettext("%(count)s dossier", "%(count)s dossiers", count) % {"count": count},
    ]
    for index, column in enumerate(columns()[2:], start=2):
        if column.total:
            row.append(rules.to_cents(sum((r[index] or ZERO for r in rows), ZERO)))
        else:
            row.append(None)
    return row


def export_dossiers(job, report_progress):
    """Job handler: the dossiers as job.owner sees them, filtered, in job.params["format"]."""
    params = job.params or {}
    fmt = params.get("format")
    writer = WRITERS.get(fmt)
    if writer is None:
        raise JobError(_("Format d'export non pris en charge : %(format)s.") % {"format": fmt})
    if not permissions.can_use_subsidies(job.owner):
        raise JobError(_("Vous n'avez pas accès aux dossiers de subvention."))
    dossiers = exported_dossiers(job.owner, export_filters(params))
    total = len(dossiers)
    report_progress(0, total)
    rows = []
    for done, dossier in enumerate(dossiers, start=1):
        rows.append(dossier_row(dossier))
        report_progress(done, total)
    content = writer(columns(), rows, totals_row(rows, total), title=_("Dossiers de subvention"))
    return f"dossiers-subvention-{timezone.localdate():%Y-%m-%d}.{fmt}", content


# ----------------------------------------------------------------- SCDL open data export

# SCDL « subventions » 2.1.1: every column, in the schema's order.
SCDL_COLUMNS = [
    "nomAttribuant",
    "idAttribuant",
    "dateConvention",
    "referenceDecision",
    "nomBeneficiaire",
    "idBeneficiaire",
    "rnaBeneficiaire",
    "objet",
    "montant",
    "nature",
    "conditionsVersement",
    "datesPeriodeVersement",
    "idRAE",
    "notificationUE",
    "pourcentageSubvention",
    "dispositifAide",
]
NATURE_CASH = "aide en numéraire"
SINGLE, STAGGERED = "unique", "échelonné"
OBJECT_MAX_LENGTH = 255  # « limitée à 256 caractères » (fewer than 256)


def voted_dossiers(year=None):
    """Every voted dossier (voted and after, and lapsed ones that had been voted), of the
    reference year `year` when given."""
    queryset = SubsidyDossier.objects.all()
    if year:
        queryset = queryset.filter(reference_year=year)
    return (
        queryset.filter(
            Q(status__in=VOTED_STATUSES)
            | Q(status=DossierStatus.LAPSED, voted_amount__isnull=False)
        )
        .select_related("beneficiary", "deliberation", "agreement")
        .prefetch_related(
            Prefetch(
                "payments",
                queryset=Payment.objects.filter(status__in=LIVE_PAYMENT_STATUSES).order_by(
                    "requested_on", "pk"
                ),
                to_attr="live_payments",
            )
        )
        .order_by("deliberation__date", "deliberation__number", "position", "number")
    )


def _iso(day):
    return day.isoformat() if day else ""


def _agreement(dossier):
    return getattr(dossier, "agreement", None)


def payment_period(dossier):
    """« datesPeriodeVersement »: the payment date (AAAA-MM-JJ) when there is one payment and
    it is paid; otherwise a period AAAA-MM-JJ/AAAA-MM-JJ: first to last payment date once
    payments are made, else the planned one, from the agreement (or the vote) to the lapse
    date. Empty when none of these dates is known (never invented)."""
    paid_days = sorted(p.paid_on for p in dossier.live_payments if p.paid_on)
    if paid_days and len(dossier.live_payments) == 1:
        return paid_days[0].isoformat()
    if paid_days:
        last = paid_days[-1]
        if len(paid_days) < len(dossier.live_payments) and dossier.lapse_on:
            last = max(last, dossier.lapse_on)  # payments still to come, until the lapse date
        return f"{paid_days[0].isoformat()}/{last.isoformat()}"
    agreement = _agreement(dossier)
    start = (agreement.signed_on if agreement else None) or (
        dossier.deliberation.date if dossier.deliberation_id else None
    )
    if start and dossier.lapse_on:
        return f"{start.isoformat()}/{dossier.lapse_on.isoformat()}"
    return ""


def beneficiary_share(dossier):
    """« pourcentageSubvention »: the share of the grant for this row's beneficiary, as a
    decimal ("1.00" for a single beneficiary). After a transfer, what was paid to the
    previous beneficiary is not this one's."""
    voted = dossier.voted_amount or ZERO
    if not voted:
        return "1.00"
    to_others = sum(
        (
            p.amount
            for p in dossier.live_payments
            if p.status == PaymentStatus.PAID and p.beneficiary_id != dossier.beneficiary_id
        ),
        ZERO,
    )
    share = max(rules.to_cents((voted - to_others) / voted), Decimal("0.01"))
    return f"{min(share, Decimal('1.00')):.2f}"


def open_data_row(dossier):
    beneficiary = dossier.beneficiary
    agreement = _agreement(dossier)
    return [
        settings.REGION_NAME,
        settings.REGION_SIRET or "",
        _iso(agreement.signed_on if agreement else None),
        dossier.deliberation.number if dossier.deliberation_id else "",
        # The organisation the grant is due to now (after a transfer, the new one), whose
        # SIRET follows; the fiche's frozen name may be the previous beneficiary's.
        beneficiary.legal_name if beneficiary else dossier.beneficiary_name,
        (beneficiary.siret or "") if beneficiary else "",
        "",  # rnaBeneficiaire: not recorded
        dossier.title[:OBJECT_MAX_LENGTH],
        f"{rules.to_cents(dossier.voted_amount or ZERO):.2f}",
        NATURE_CASH,
        STAGGERED if len(dossier.live_payments) > 1 else SINGLE,
        payment_period(dossier),
        "",  # idRAE: aids to businesses only
        "non",
        beneficiary_share(dossier),
        "",  # dispositifAide: no identifier in the national schema of aid schemes yet
    ]


def export_open_data(job, report_progress):
    """Job handler: the SCDL CSV (UTF-8, comma-separated, dot decimals), regional staff only;
    job.params["year"] narrows it to one reference year."""
    if not permissions.can_manage_subsidies(job.owner):
        raise JobError(_("Seuls les services de la Région publient les données essentielles."))
    try:
        year = int((job.params or {}).get("year") or 0) or None
    except (TypeError, ValueError):
        raise JobError(_("Exercice invalide.")) from None
    dossiers = list(voted_dossiers(year))
    total = len(dossiers)
    report_progress(0, total)
    rows = []
    for done, dossier in enumerate(dossiers, start=1):
        rows.append(open_data_row(dossier))
        report_progress(done, total)
    today = timezone.localdate()
    filename = f"subventions-donnees-essentielles-{today:%Y-%m-%d}.csv"
    return filename, write_delimited(SCDL_COLUMNS, rows)
