"""Generated follow-up sheets with plausible figures, for benchmarks: the nine sections as a
form types them, validated by the sections' own rules, with the indicators the dashboard reads.

Used by `manage.py benchmark_followup` (campuses × years of sheets, rolled back) and by the
portal's benchmark (demo.multiply: the demo's sheets, ten times). Never used by the portal
itself.
"""

import random
import uuid
from datetime import date
from decimal import Decimal

from django.core.management.base import CommandError
from django.db.models import Max
from django.utils import timezone

from campuses.models import Academy, Campus, LabelCategory, LabelPeriod, SectorFamily

from . import sections, services
from .models import (
    SECTION_NUMBERS,
    Campaign,
    FollowUpSheet,
    SheetIndicators,
    SheetSection,
    SheetStatus,
)

FIRST_YEAR = 2060  # far from any real or demo campaign (the filters accept up to 2100)
BATCH = 500


def _money(value):
    return str(Decimal(value).quantize(Decimal("0.01")))


def sheet_sections(rng, year, growth):
    """The nine sections of a plausible sheet of year N (values as a form types them)."""

    def count(low, high):
        return str(int(rng.randint(low, high) * growth))

    budget = rng.randint(60, 250) * 1000
    region = min(50000, budget // 2)
    rectorate = rng.randint(10, 40) * 1000
    revenues = [
        {"label": "Subvention de la Région", "amount": _money(region)},
        {"label": "Rectorat (poste de direction)", "amount": _money(rectorate)},
        {"label": "Entreprises partenaires", "amount": _money(budget - region - rectorate)},
    ]
    expenses = [
        {"label": "Personnel", "amount": _money(budget * 6 // 10)},
        {"label": "Actions", "amount": _money(budget - budget * 6 // 10)},
    ]
    stakeholder_types = [key for key, _label in sections.STAKEHOLDER_TYPES]
    return {
        1: {
            "studies": [
                {
                    "title": f"Étude de branche n° {i + 1}",
                    "body": "Observatoire de la branche",
                    "published_on": f"{year}-0{i + 3}-15",
                    "link": "https://example.org/etude",
                }
                for i in range(rng.randint(0, 2))
            ],
            "reference_diagnostics": "Diagnostic territorial du CREFOP.",
        },
        2: {
            "stakeholders": [
                {
                    "organisation": f"Organisme partenaire {i + 1}",
                    "type": stakeholder_types[i % len(stakeholder_types)],
                    "role": "membre du COPIL",
                    "new": "true" if i % 7 == 0 else "false",
                }
                for i in range(rng.randint(8, 40))
            ],
            "formations": [
                {
                    "title": f"Formation {i + 1}",
                    "level": rng.choice(["3", "4", "5", "6", "7"]),
                    "route": rng.choice(["scolaire", "apprentissage", "continue"]),
                    "establishment": f"Lycée {i % 5 + 1}",
                }
                for i in range(rng.randint(5, 30))
            ],
            "beneficiaries": [
                {"type": "pupils", "count": count(50, 1500)},
                {"type": "apprentices", "count": count(10, 400)},
                {"type": "students", "count": count(0, 600)},
                {"type": "trainees", "count": count(0, 200)},
                {"type": "teachers", "count": count(5, 120)},
                {"type": "job_seekers", "count": count(0, 80)},
                {"type": "other", "count": count(0, 500)},
            ],
        },
        3: {
            "actions": [
                {
                    "type": rng.choice([key for key, _label in sections.ACTION_TYPES]),
                    "title": f"Action {i + 1}",
                    "budget": _money(rng.randint(1, 30) * 500),
                    "beneficiaries": count(10, 600),
                }
                for i in range(rng.randint(5, 25))
            ]
        },
        4: {
            "meetings": [
                {
                    "body": body,
                    "held_on": f"{year}-{3 * i + 2:02d}-10",
                    "present": str(rng.randint(6, 30)),
                }
                for i, body in enumerate(
                    ["cos", "copil", "copil", "operationnel"][: rng.randint(2, 4)]
                )
            ]
        },
        5: {
            "revenues": revenues,
            "expenses": expenses,
            "staff": [
                {"post": "Direction opérationnelle", "fte": "1.00", "funder": "Rectorat"},
                {
                    "post": "Chargé·e de mission",
                    "fte": _money(Decimal(rng.randint(1, 3)) / 2),
                    "funder": "Région",
                },
            ],
        },
        6: {
            "brochure_up_to_date": rng.choice(["true", "false"]),
            "website": "https://example.org/campus",
            "events": [
                {
                    "type": kind,
                    "involvement": involvement,
                    "count": str(rng.randint(1, 10)),
                }
                for kind, involvement in [
                    ("salon", "organised"),
                    ("conference", "partnership"),
                    ("portes_ouvertes", "organised"),
                    ("concours", "present"),
                ][: rng.randint(2, 4)]
            ],
        },
        7: {
            "created": [
                {
                    "title": f"Formation créée {i + 1}",
                    "kind": rng.choice(["created", "transformed"]),
                    "places": str(rng.randint(8, 30)),
                }
                for i in range(rng.randint(0, 4))
            ],
            "modules": [
                {"title": f"Module {i + 1}", "kind": "module", "beneficiaries": count(10, 200)}
                for i in range(rng.randint(0, 5))
            ],
            "nothing_new": "true",
        },
        8: {
            "mobilities": count(0, 60),
            "partners": [
                {"name": f"Partenaire international {i + 1}", "country": "Italie"}
                for i in range(rng.randint(0, 8))
            ],
        },
        9: {
            "evaluation": "Questionnaires de satisfaction après chaque action.",
            "self_evaluation": "Auto-évaluation annuelle en COPIL.",
            "strengths": ["Partenariats", "Visibilité", "Pilotage"],
            "improvements": ["International", "Mixité", "Suivi des indicateurs"],
        },
    }


def create_sheets(rows, *, rng, base_year=None):
    """Create one sheet per (campaign, campus, status) of `rows`, with its nine sections and
    its indicators; figures grow by 4 % a year from `base_year` (the earliest campaign by
    default). Returns the sheets."""
    rows = list(rows)
    if not rows:
        return []
    if base_year is None:
        base_year = min(campaign.year for campaign, _campus, _status in rows)
    now = timezone.now()
    sheets = FollowUpSheet.objects.bulk_create(
        (
            FollowUpSheet(
                campaign=campaign,
                campus=campus,
                status=status,
                submitted_at=None if status == SheetStatus.DRAFT else now,
                validated_at=now if status == SheetStatus.VALIDATED else None,
            )
            for campaign, campus, status in rows
        ),
        batch_size=BATCH,
    )
    section_rows, indicator_rows = [], []
    for sheet, (campaign, _campus, _status) in zip(sheets, rows, strict=True):
        growth = 1 + 0.04 * (campaign.year - base_year)
        data = sheet_sections(rng, campaign.year, growth)
        clean = {}
        for number in SECTION_NUMBERS:
            result = sections.validate(number, data[number], year=campaign.year)
            clean[number] = result.clean
            section_rows.append(
                SheetSection(
                    sheet=sheet,
                    number=number,
                    data=data[number],
                    is_complete=result.complete,
                    error_count=result.error_count,
                )
            )
        indicator_rows.append(SheetIndicators(sheet=sheet, **services.indicators_of(clean)))
    SheetSection.objects.bulk_create(section_rows, batch_size=BATCH)
    SheetIndicators.objects.bulk_create(indicator_rows, batch_size=BATCH)
    return sheets


def generate(*, campuses=100, years=10, first_year=None, seed=2023):
    """Create `campuses` campuses with a sheet per year for `years` years from `first_year`
    (by default after every existing campaign; existing campaigns of those years are reused):
    mostly validated, the last year also has sheets submitted or in draft, with every row the
    dashboard reads. Returns (first year, last year). Call it inside a transaction that is
    rolled back."""
    rng = random.Random(seed)
    if first_year is None:
        latest = Campaign.objects.aggregate(latest=Max("year"))["latest"] or 0
        first_year = max(FIRST_YEAR, latest + 1)
    last_year = first_year + years - 1
    if last_year > 2100:
        raise CommandError("Plus d'années de campagne disponibles (2100 au plus).")
    sectors = list(SectorFamily.objects.all()) or [
        SectorFamily.objects.create(code="essai", label="Secteur d'essai")
    ]
    academies = list(Academy.objects.all()) or [
        Academy.objects.create(code=code, name=name)
        for code, name in (("paris", "Paris"), ("creteil", "Créteil"), ("versailles", "Versailles"))
    ]
    tag = uuid.uuid4().hex[:6]  # names are unique: a second run inside the same database
    new_campuses = Campus.objects.bulk_create(
        Campus(
            name=f"Campus d'essai {tag} n° {i + 1:03d}",
            short_name=f"Essai {tag}-{i + 1:03d}",
            sector_family=sectors[i % len(sectors)],
        )
        for i in range(campuses)
    )
    Campus.academies.through.objects.bulk_create(
        Campus.academies.through(campus_id=campus.pk, academy_id=academies[j].pk)
        for i, campus in enumerate(new_campuses)
        for j in {0, i % len(academies)}
    )
    LabelPeriod.objects.bulk_create(
        LabelPeriod(
            campus=campus,
            category=LabelCategory.EXCELLENCE if i % 3 == 0 else LabelCategory.CMQ,
            start=date(first_year - 1, 1, 1),
            end=date(last_year + 1, 12, 31),
        )
        for i, campus in enumerate(new_campuses)
        if i % 3 != 2
    )
    campaigns = [
        Campaign.objects.get_or_create(
            year=year,
            defaults={"opens_on": date(year + 1, 1, 10), "deadline": date(year + 1, 3, 31)},
        )[0]
        for year in range(first_year, last_year + 1)
    ]
    create_sheets(
        (
            (campaign, campus, status_of(i, last=campaign.year == last_year))
            for campaign in campaigns
            for i, campus in enumerate(new_campuses)
        ),
        rng=rng,
        base_year=first_year,
    )
    return first_year, last_year


def status_of(index, *, last):
    """Older years: validated, one sheet in 20 still submitted; the last year is under review:
    one sheet in 8 submitted, one in 8 in draft."""
    if not last:
        return SheetStatus.SUBMITTED if index % 20 == 19 else SheetStatus.VALIDATED
    return {6: SheetStatus.SUBMITTED, 7: SheetStatus.DRAFT}.get(index % 8, SheetStatus.VALIDATED)
