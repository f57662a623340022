"""The template context of a sheet's PDF, built in French from the database as it is now: the
nine sections laid out from the schema of `sections.py` (fields, tables with their totals,
rows taken from last year's sheet marked), the sheet's status and dates, the rectorate's
opinion. Plain strings, lists and dicts only: its fingerprint is the document's source key.

The PDF is the campus's sheet: reviewers' comments (and internal notes) are not in it.
"""

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from core.formats import day, euros, number
from documents.typography import blocks, typeset

from .. import sections
from ..models import FollowUpSheet, SheetAttachment, SheetSection, SheetStatus

# Columns whose sum means nothing (members present at each meeting).
NOT_SUMMED = {("meetings", "present")}
NUMERIC = (sections.INTEGER, sections.MONEY, sections.DECIMAL)


def load_sheet(pk):
    """A sheet with everything its PDF shows, fresh from the database (three queries)."""
    return (
        FollowUpSheet.objects.select_related(
            "campaign", "campus__sector_family", "prefilled_from__campaign"
        )
        .prefetch_related(
            "campus__academies",
            Prefetch("sections", queryset=SheetSection.objects.order_by("number")),
            Prefetch("attachments", queryset=SheetAttachment.objects.order_by("section", "pk")),
        )
        .get(pk=pk)
    )


def whole(value):
    """« 1 234 »."""
    return number(value, 0)


def decimal(value):
    """« 1,50 »."""
    return number(value, 2)


def local_day(moment):
    return day(timezone.localtime(moment).date()) if moment else ""


def text_of(spec, value):
    """A clean value as the PDF prints it (a string; "" when empty)."""
    if value is None or value == "" or value == []:
        return ""
    kind = spec.type
    if kind == sections.BOOLEAN:
        return _("Oui") if value else _("Non")
    if kind == sections.INTEGER:
        return whole(value)
    if kind == sections.MONEY:
        return euros(value)
    if kind == sections.DECIMAL:
        return decimal(value)
    if kind == sections.DATE:
        return day(value)
    if kind == sections.CHOICE:
        return str(dict(spec.choices).get(value, value))
    if kind == sections.URL:
        return str(value)
    return typeset(value)


def _field(spec, value):
    item = {"label": str(spec.label), "text": "", "paragraphs": [], "items": []}
    if spec.type == sections.LONG_TEXT:
        item["paragraphs"] = blocks(value or "")
    elif spec.type == sections.THREE:
        item["items"] = [typeset(text) for text in value or [] if text]
    else:
        item["text"] = text_of(spec, value)
    return item


def _total(table, column, rows):
    if column.type not in NUMERIC or (table.key, column.key) in NOT_SUMMED:
        return None
    values = [row.get(column.key) for row in rows if row.get(column.key) is not None]
    total = sum(values, 0)
    return text_of(column, total) if values else text_of(column, 0)


def _table(table, rows):
    columns = [
        {"label": str(column.label), "numeric": column.type in NUMERIC} for column in table.columns
    ]
    body = [
        {
            "cells": [
                {"text": text_of(column, row.get(column.key)), "numeric": column.type in NUMERIC}
                for column in table.columns
            ],
            "prefilled": row.get("prefilled", False),
        }
        for row in rows
    ]
    totals = [_total(table, column, rows) for column in table.columns]
    has_totals = bool(rows) and any(total is not None for total in totals)
    if has_totals:
        totals[0] = _("Total")
        totals = [
            {"text": total or "", "numeric": column.type in NUMERIC}
            for total, column in zip(totals, table.columns, strict=True)
        ]
    return {
        "key": table.key,
        "label": str(table.label),
        "columns": columns,
        "rows": body,
        "totals": totals if has_totals else None,
        "count": len(rows),
        "help": str(table.help),
    }


def _section_notes(number, clean):
    """What a section says beyond its fields and tables (the annex's counts)."""
    if number == 8:
        return [
            _("Nombre de partenaires internationaux : %(count)s")
            % {"count": whole(len(clean.get("partners") or []))}
        ]
    if number == 2:
        total = sum(row.get("count") or 0 for row in clean.get("beneficiaries") or [])
        return [_("Nombre total de bénéficiaires : %(count)s") % {"count": whole(total)}]
    return []


def section_contexts(sheet):
    """The nine sections with their clean values (each validated for year N)."""
    stored = {section.number: section.data for section in sheet.sections.all()}
    files = {}
    for attachment in sheet.attachments.all():
        files.setdefault(attachment.section, []).append(
            f"{attachment.name} ({attachment.kind.upper()}, "
            f"{whole(-(-attachment.size // 1024))} Ko)"
        )
    result = []
    for spec in sections.SECTIONS:
        validated = sections.validate(spec.number, stored.get(spec.number, {}), year=_year(sheet))
        clean = validated.clean
        result.append(
            {
                "number": spec.number,
                "title": typeset(spec.title),
                "items": [typeset(item) for item in spec.annex_items],
                "fields": [_field(field, clean.get(field.key)) for field in spec.fields],
                "tables": [_table(table, clean.get(table.key) or []) for table in spec.tables],
                "notes": [typeset(note) for note in _section_notes(spec.number, clean)],
                "attachments": [typeset(name) for name in files.get(spec.number, [])],
                "complete": validated.complete,
            }
        )
    return result


def _year(sheet):
    return sheet.campaign.year


def _status_note(sheet):
    if sheet.status == SheetStatus.VALIDATED:
        return ""
    return _("Document de travail – fiche %(status)s, non validée") % {
        "status": sheet.get_status_display().lower()
    }


def sheet_context(sheet):
    year = _year(sheet)
    campus = sheet.campus
    section_list = section_contexts(sheet)
    prefilled = any(
        row["prefilled"] for s in section_list for t in s["tables"] for row in t["rows"]
    )
    facts = [
        (_("Académies"), ", ".join(a.name for a in campus.academies.all()) or "—"),
        (_("Famille de secteurs"), typeset(campus.sector_family.label)),
        (_("Année suivie"), str(year)),
        (_("État de la fiche"), str(sheet.get_status_display())),
    ]
    if sheet.submitted_at:
        facts.append((_("Soumise le"), local_day(sheet.submitted_at)))
    if sheet.validated_at and sheet.status == SheetStatus.VALIDATED:
        facts.append((_("Validée le"), local_day(sheet.validated_at)))
    facts.append((_("Date limite de la campagne"), day(sheet.campaign.deadline)))
    opinion = None
    if sheet.rectorate_opinion:
        opinion = {
            "label": str(sheet.get_rectorate_opinion_display()),
            "text": blocks(sheet.rectorate_opinion_text),
        }
    previous_year = sheet.prefilled_from.campaign.year if sheet.prefilled_from_id else year - 1
    return {
        "document_title": typeset(
            _("Fiche de suivi annuel %(year)s – %(campus)s")
            % {"year": year, "campus": campus.short_name}
        ),
        "region_name": settings.REGION_NAME,
        "running_left": typeset(campus.short_name),
        "running_right": _("Fiche de suivi annuel %(year)s") % {"year": year},
        "campus": typeset(campus.heading),
        "year": str(year),
        "source": typeset(
            _(
                "Fiche-type « données de suivi » (annexe 1 de la délibération CP 2023-263), "
                "année %(year)s"
            )
            % {"year": year}
        ),
        "status": sheet.status,
        "status_note": _status_note(sheet),
        "facts": facts,
        "opinion": opinion,
        "privacy": typeset(
            _(
                "Cette fiche ne contient aucune donnée personnelle : des effectifs, des "
                "organismes, des formations et des événements, jamais de noms d'apprenants."
            )
        ),
        "prefilled_note": typeset(
            _(
                "Lignes marquées « * » : reprises de la fiche validée de %(year)s, puis mises à "
                "jour par le campus."
            )
            % {"year": previous_year}
        )
        if prefilled
        else "",
        "sections": section_list,
    }
