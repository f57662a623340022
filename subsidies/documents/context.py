"""Template contexts of the subsidy documents, built in French from the database as it is now:
loading, the pieces they share, and the fiche projet (the two contracts are in `legal`, the
deliberation's table in `summary`). Each context is everything its PDF shows (plain strings,
lists and dicts): its fingerprint is the document's source key (keys.py), so a change that
shows in the PDF gives a new version and a change that does not show gives none.
"""

from django.conf import settings
from django.db.models import Prefetch
from django.utils.translation import gettext as _

from core.formats import amount, day, euros, long_day, percent
from documents.typography import lines, typeset

from .. import rules
from ..models import (
    BeneficiaryTransfer,
    DossierStatus,
    LineKind,
    SubsidyDossier,
    TransferredDossier,
    TransferStatus,
)
from .wording import plan_percent

# ---------------------------------------------------------------- loading


def load_dossier(pk):
    """A dossier with everything the fiche and the agreement read, fresh from the database."""
    return (
        SubsidyDossier.objects.select_related(
            "campus",
            "programme__framework_deliberation",
            "programme__regulation",
            "budget_line",
            "beneficiary",
            "deliberation",
            "envelope",
            "agreement",
        )
        .prefetch_related(
            "financing_lines",
            Prefetch(
                "transfer_items",
                queryset=TransferredDossier.objects.filter(
                    transfer__status=TransferStatus.SIGNED
                ).select_related("transfer__previous_beneficiary", "transfer__new_beneficiary"),
                to_attr="signed_transfer_items",
            ),
        )
        .get(pk=pk)
    )


def load_transfer(pk):
    """A transfer with its parties and dossiers (in year order), fresh from the database."""
    return (
        BeneficiaryTransfer.objects.select_related(
            "campus", "deliberation", "previous_beneficiary", "new_beneficiary"
        )
        .prefetch_related(
            "previous_beneficiary__representatives",
            "new_beneficiary__representatives",
            Prefetch(
                "items",
                queryset=TransferredDossier.objects.select_related(
                    "dossier__deliberation", "dossier__programme__framework_deliberation"
                ).order_by("dossier__reference_year", "dossier__number"),
            ),
        )
        .get(pk=pk)
    )


def deliberation_dossiers(deliberation):
    """The dossiers proposed to or voted by `deliberation`, in the deliberation's order."""
    return list(
        SubsidyDossier.objects.filter(deliberation=deliberation)
        .select_related("campus", "programme", "budget_line", "beneficiary")
        .order_by("position", "number")
    )


# ---------------------------------------------------------------- shared pieces


def granted_amount(dossier):
    """What the fiche and the tables show as the grant: the amount voted once voted, else the
    amount proposed, else (still a draft) the maximum the base and rate give."""
    if dossier.voted_amount is not None:
        return dossier.voted_amount
    if dossier.amount is not None:
        return dossier.amount
    if dossier.eligible_base is not None and dossier.rate is not None:
        return rules.maximum_amount(dossier.eligible_base, dossier.rate, dossier.extended_cap)
    return None


def session_line(deliberation):
    """« Commission permanente du 5 juillet 2023 - CP 2023-263 »."""
    return typeset(
        _("%(body)s du %(day)s - %(number)s")
        % {
            "body": deliberation.get_body_display(),
            "day": long_day(deliberation.date),
            "number": deliberation.number,
        }
    )


def _draft_note(dossier):
    """Tells a working copy from the annex of a deliberation."""
    if dossier.is_voted:
        return ""
    if dossier.status == DossierStatus.PROPOSED:
        return _("Projet – dossier proposé au vote")
    return _("Document de travail – dossier %(status)s") % {
        "status": dossier.get_status_display().lower()
    }


def _budget_line(dossier):
    line = dossier.budget_line
    if line is None:
        return {"code": "", "action": ""}
    action = " - ".join(x for x in (line.action, line.action_label) if x)
    return {"code": line.code, "action": typeset(action)}


def _framework(programme):
    if programme.framework_mention:
        return typeset(programme.framework_mention)
    deliberation = programme.framework_deliberation
    return typeset(f"{deliberation.number} du {day(deliberation.date)}")


def interns_sentence(dossier, *, in_agreement=False):
    """The « 100.000 nouveaux stages » commitment: reported on the fiche, undertaken in the
    agreement. Nothing when the dossier commits to no intern."""
    if not dossier.interns_count:
        return ""
    who = (
        _("le bénéficiaire s’engage à recruter")
        if in_agreement
        else _("le bénéficiaire de cette subvention s’est engagé à recruter")
    )
    return typeset(
        _(
            "Dans le cadre de la mesure « 100.000 nouveaux stages pour les jeunes franciliens », "
            "%(who)s %(count)s stagiaire(s) ou alternant(s) pour une période minimale de "
            "%(months)s mois."
        )
        % {"who": who, "count": dossier.interns_count, "months": dossier.interns_min_months}
    )


def terms_row(dossier):
    """The row of the fiche's table: base, rate, maximum amount."""
    base = euros(dossier.eligible_base)
    if base:
        base = f"{base} {dossier.base_tax}"
    return {
        "label": typeset(dossier.base_label),
        "base": base or "—",
        "rate": percent(dossier.rate) or "—",
        "maximum": euros(granted_amount(dossier)) or "—",
    }


def _plan(dossier):
    plan = list(dossier.financing_lines.all())
    expenses, revenues, _region = rules.plan_totals(
        [(line.kind, line.amount, line.is_region_share) for line in plan]
    )

    def rows(kind, total):
        return [
            {
                "label": typeset(line.label),
                "amount": amount(line.amount),
                "share": plan_percent(rules.share(line.amount, total)),
            }
            for line in plan
            if line.kind == kind
        ]

    return {
        "year": str(dossier.reference_year),  # a year, not a number: no « 2 023 »
        "vat": (
            _("L’organisme récupère la TVA.")
            if dossier.vat_recovered
            else _("L’organisme ne récupère pas la TVA.")
        ),
        "expenses": rows(LineKind.EXPENSE, expenses),
        "revenues": rows(LineKind.REVENUE, revenues),
        "total_expenses": amount(expenses),
        "total_revenues": amount(revenues),
        "total_expenses_share": plan_percent(rules.share(expenses, expenses)),
        "total_revenues_share": plan_percent(rules.share(revenues, revenues)),
    }


def _dossier_heading(dossier):
    return typeset(
        _("DOSSIER N° %(number)s - %(title)s") % {"number": dossier.number, "title": dossier.title}
    )


# ---------------------------------------------------------------- fiche projet


def fiche_context(dossier):
    programme = dossier.programme
    planned = ""
    if dossier.planned_start and dossier.planned_end:
        planned = (
            f"{long_day(dossier.planned_start, ordinal=False)} - "
            f"{long_day(dossier.planned_end, ordinal=False)}"
        )
    return {
        "document_title": typeset(_("Fiche projet – dossier n° %s") % dossier.number),
        "region_name": settings.REGION_NAME,
        "running_left": typeset(dossier.campus.short_name),
        "running_right": typeset(_("Fiche projet n° %s") % dossier.number),
        "session": session_line(dossier.deliberation) if dossier.deliberation else "",
        "status_note": _draft_note(dossier),
        "heading": _dossier_heading(dossier),
        "programme": typeset(f"{programme.name} (n° {programme.code})"),
        "framework": _framework(programme),
        "budget_line": _budget_line(dossier),
        "terms": terms_row(dossier),
        "total": euros(granted_amount(dossier)) or "—",
        # How the fiche presents the beneficiary (frozen at the vote); the fiche shows no
        # SIRET, and an empty field stays empty rather than being guessed.
        "organisation": {
            "name": typeset(dossier.beneficiary_name),
            "address": lines(dossier.beneficiary_address),
            "legal_status": typeset(dossier.beneficiary_legal_status),
            "representative": typeset(dossier.beneficiary_representative),
        },
        "planned": planned,
        "early_start": _("Oui") if dossier.early_start else _("Non"),
        "early_start_reason": lines(dossier.early_start_reason) if dossier.early_start else [],
        "description": lines(dossier.description),
        "interns": interns_sentence(dossier),
        "calculation": lines(dossier.calculation_detail),
        "location": typeset(dossier.location),
        "particular_contract": typeset(dossier.particular_contract),
        "cper": typeset(dossier.cper),
        "plan": _plan(dossier),
    }
