"""Background job: the regional report of a campaign, in one PDF (always French).

First the overview (what is counted, the key figures of year N with their change from N-1,
beneficiaries by type, the per-campus table, the charts of the dashboard embedded as SVG),
then one summary page per sheet counted (its key figures, actions by type, the three
strengths and three improvement axes, the rectorate's opinion). Each part is rendered by
WeasyPrint on its own, so that the progress reported is real (one step per sheet); the summaries
are rendered in parallel parts on the Celery workers (jobs.services.Parts), then the pages are
put together; the summaries' page numbers follow the overview's.

The report shows what the job's owner may see, with the dashboard's filters (job params
`year`, `academy`, `sector`, `category`, `include_submitted`), through `followup.dashboard`:
its figures are the dashboard's.
"""

import dataclasses
from io import BytesIO

from django.conf import settings
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from campuses.models import Academy, LabelCategory, SectorFamily
from core.formats import day, euros
from documents.typography import typeset

from .. import dashboard, permissions, sections
from ..models import FollowUpSheet, Opinion, SheetSection
from .context import local_day, whole

OVERVIEW_TEMPLATE = "followup/pdf/regional_report.html"
SUMMARY_TEMPLATE = "followup/pdf/report_sheet.html"
# Longest strength or improvement axis printed on a summary page (the page stays one page).
SUMMARY_TEXT = 300
SUMMARY_ACTIONS = 8
BENEFICIARY_KEYS = {indicator.key for indicator in dashboard.BENEFICIARY_TYPES}


# Summaries per part (jobs.services.Parts): each part recomputes the dashboard's view, so a
# few parts rather than one per sheet; enough of them that every worker gets some and the
# progress bar moves as they finish.
SUMMARIES_PER_PART = 8


def _report_view(job, year=None):
    """(owner, filters, view) of the report: what the job's owner may see, with its filters."""
    from jobs.services import JobError

    owner = job.owner
    if not permissions.can_view_dashboard(owner):
        raise JobError(_("Vous n'avez pas accès au tableau de bord du suivi annuel."))
    try:
        filters = dashboard.filters_from_params(job.params)
    except dashboard.FilterError as error:
        raise JobError(str(error)) from None
    if year is not None:
        filters = dataclasses.replace(filters, year=year)
    if filters.year is None:
        year = dashboard.default_year(owner, dashboard.campaign_years())
        if year is None:
            raise JobError(_("Aucune campagne de suivi n'a encore été ouverte."))
        filters = dataclasses.replace(filters, year=year)
    return owner, filters, dashboard.year_view(owner, filters)


def build_regional_report(job, report_progress):
    """Job handler (params: the dashboard's filters; `year` defaults to the latest year with
    a validated sheet the owner sees). Renders the overview, then hands the summaries to
    parallel parts (render_summaries, merged by merge_report)."""
    from jobs.services import JobError, Parts

    with translation.override("fr"):
        owner, filters, view = _report_view(job)
        if not view.campuses:
            raise JobError(
                _(
                    "Aucune fiche comptée pour %(year)s dans votre périmètre : "
                    "le rapport serait vide."
                )
                % {"year": filters.year}
            )
        total = len(view.campuses) + 1
        report_progress(0, total)
        overview = _render(OVERVIEW_TEMPLATE, overview_context(owner, filters, view))
        report_progress(1, total)
        sheet_ids = [campus["sheet"] for campus in view.campuses]
        chunks = [
            sheet_ids[start : start + SUMMARIES_PER_PART]
            for start in range(0, len(sheet_ids), SUMMARIES_PER_PART)
        ]
        # A summary is one page (SUMMARY_TEXT, SUMMARY_ACTIONS): each part's first page number
        # follows from that; merge_report re-renders a part if one ran longer.
        first_pages, page = [], len(overview.pages) + 1
        for chunk in chunks:
            first_pages.append(page)
            page += len(chunk)
        state = {"year": filters.year, "chunks": chunks, "first_pages": first_pages}
        return Parts(count=len(chunks), state=state, head=overview.write_pdf())


def render_summaries(job, index, state, add_progress):
    """Part `index` of the report: the summary pages of its sheets, numbered from its first page."""
    from jobs.services import JobError

    with translation.override("fr"):
        _owner, _filters, view = _report_view(job, year=state["year"])
        by_sheet = {campus["sheet"]: campus for campus in view.campuses}
        wanted = state["chunks"][index]
        if any(sheet_id not in by_sheet for sheet_id in wanted):
            raise JobError(
                _("Les fiches comptées ont changé pendant la préparation du rapport : relancez-le.")
            )
        sheets = _sheets(wanted)
        documents, page = [], state["first_pages"][index]
        for sheet_id in wanted:
            context = summary_context(view, by_sheet[sheet_id], sheets[sheet_id], first_page=page)
            document = _render(SUMMARY_TEMPLATE, context)
            documents.append(document)
            page += len(document.pages)
            add_progress(1)
        all_pages = [page for document in documents for page in document.pages]
        return documents[0].copy(all_pages).write_pdf()


def merge_report(job, head, contents, state):
    """The overview, then the parts in order: one PDF whose page numbers follow each other."""
    from pypdf import PdfReader, PdfWriter

    overview = PdfReader(BytesIO(head))
    writer = PdfWriter()
    writer.append(overview)
    page = len(overview.pages) + 1
    for index, content in enumerate(contents):
        if page != state["first_pages"][index]:
            # A summary before this part ran onto a second page: number this one again.
            state = {**state, "first_pages": [*state["first_pages"]]}
            state["first_pages"][index] = page
            content = render_summaries(job, index, state, lambda steps=1: None)
        part = PdfReader(BytesIO(content))
        writer.append(part)
        page += len(part.pages)
    writer.add_metadata(overview.metadata or {})
    output = BytesIO()
    writer.write(output)
    return f"rapport-regional-suivi-{state['year']}.pdf", output.getvalue()


def _render(template, context):
    from weasyprint import HTML

    return HTML(string=render_to_string(template, context), base_url=None).render()


def _sheets(sheet_ids):
    """{sheet pk: sheet} of the given sheets, with sections 3 and 9 (two queries)."""
    return {
        sheet.pk: sheet
        for sheet in FollowUpSheet.objects.filter(pk__in=sheet_ids)
        .select_related("campus", "campaign")
        .prefetch_related(
            Prefetch("sections", queryset=SheetSection.objects.filter(number__in=(3, 9)))
        )
    }


def _scope(owner, filters):
    """What the report covers, in words: the filters and, for the staff of one academy,
    their academies."""
    scope = []
    if owner.is_rectorate and not owner.region_academique:
        names = ", ".join(a.name for a in owner.academies.all())
        scope.append((_("Périmètre"), _("campus des académies : %(names)s") % {"names": names}))
    if filters.academy:
        academy = Academy.objects.filter(pk=filters.academy).first()
        scope.append((_("Académie"), academy.name if academy else "—"))
    if filters.sector:
        sector = SectorFamily.objects.filter(pk=filters.sector).first()
        scope.append((_("Famille de secteurs"), typeset(sector.label) if sector else "—"))
    if filters.category:
        label = (
            str(LabelCategory(filters.category).label)
            if filters.category in LabelCategory.values
            else _("sans label en cours")
        )
        scope.append(
            (
                _("Catégorie du label"),
                _("%(label)s (au %(day)s)")
                % {"label": label, "day": day(dashboard.reference_day(filters.year))},
            )
        )
    if not scope:
        scope.append((_("Périmètre"), _("tous les campus de la région")))
    return scope


def overview_context(owner, filters, view):
    year = filters.year
    return {
        "document_title": _("Rapport régional du suivi annuel %(year)s") % {"year": year},
        "region_name": settings.REGION_NAME,
        "running_left": settings.REGION_NAME,
        "running_right": _("Rapport régional du suivi annuel %(year)s") % {"year": year},
        "year": str(year),
        "previous_year": str(year - 1),
        "generated_on": day(timezone.localdate()),
        "scope": _scope(owner, filters),
        "counted_text": dashboard.counted_statuses_text(filters),
        "not_counted": [
            item for item in view.status_counts if item["count"] and not item["counted"]
        ],
        "counted": whole(view.counted),
        "counted_number": view.counted,  # for the plural
        "counted_previous": whole(view.counted_previous),
        "compared": whole(view.compared),
        "headline": view.headline,
        # Every other figure (the seven types of beneficiaries have their own table).
        "totals": [cell for cell in view.totals if cell["key"] not in BENEFICIARY_KEYS],
        "beneficiaries": view.beneficiaries,
        "campuses": view.campuses,
        "indicator": view.indicator.label,
        "years": view.years,
        "charts": view.charts,
    }


def _short(text):
    text = " ".join(str(text).split())
    if len(text) <= SUMMARY_TEXT:
        return typeset(text)
    return typeset(text[: SUMMARY_TEXT - 1].rstrip() + "…")


def _actions(clean):
    """Actions of the year by type: count and realised budget, largest budget first."""
    by_type = {}
    labels = dict(sections.ACTION_TYPES)
    for row in clean.get("actions") or []:
        label = str(labels.get(row.get("type"), _("Autre")))
        count, budget = by_type.get(label, (0, 0))
        by_type[label] = (count + 1, budget + (row.get("budget") or 0))
    ranked = sorted(by_type.items(), key=lambda item: (-item[1][1], item[0]))
    shown = ranked[:SUMMARY_ACTIONS]
    return [
        {"label": typeset(label), "count": whole(count), "budget": euros(budget)}
        for label, (count, budget) in shown
    ], len(ranked) - len(shown)


def summary_context(view, campus, sheet, *, first_page):
    stored = {section.number: section.data for section in sheet.sections.all()}
    year = sheet.campaign.year
    actions_clean = sections.validate(3, stored.get(3, {}), year=year).clean
    quality = sections.validate(9, stored.get(9, {}), year=year).clean
    actions, more_actions = _actions(actions_clean)
    opinion = ""
    if sheet.rectorate_opinion:
        opinion = str(Opinion(sheet.rectorate_opinion).label)
    return {
        "document_title": typeset(
            _("Rapport régional %(year)s – %(campus)s")
            % {"year": year, "campus": campus["short_name"]}
        ),
        "region_name": settings.REGION_NAME,
        "running_left": typeset(campus["short_name"]),
        "running_right": _("Rapport régional du suivi annuel %(year)s") % {"year": year},
        "first_page": first_page,
        "campus": typeset(sheet.campus.heading),
        "short_name": typeset(campus["short_name"]),
        "facts": [
            (_("Académies"), campus["academies"] or "—"),
            (_("Famille de secteurs"), typeset(campus["sector"])),
            (_("Catégorie du label"), campus["category"] or _("sans label en cours")),
            (_("État de la fiche"), str(campus["status_label"])),
            (_("Validée le"), local_day(sheet.validated_at) or "—"),
            (_("Avis du rectorat"), opinion or "—"),
        ],
        "year": str(view.year),
        "previous_year": str(view.previous_year),
        "figures": campus["cells"],
        "beneficiaries": [
            {
                "label": str(indicator.label),
                "text": dashboard.number(campus["values"][indicator.key]),
            }
            for indicator in dashboard.BENEFICIARY_TYPES
            if campus["values"][indicator.key]
        ],
        "actions": actions,
        "more_actions": more_actions,
        "strengths": [_short(text) for text in quality.get("strengths") or [] if text],
        "improvements": [_short(text) for text in quality.get("improvements") or [] if text],
    }
