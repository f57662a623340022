"""Benchmark of the follow-up's consolidation: generates campuses × years of sheets with
realistic figures, then prints the time and the number of SQL queries of the dashboard (year
view and multi-year view, selector and whole page), of the three exports and of the regional
PDF. Everything it creates is rolled back at the end: the database is left as it was.

    python manage.py benchmark_followup                # 100 campuses × 10 years
    python manage.py benchmark_followup --campuses 3 --years 2 --no-pdf

Not part of `make test` (tests/followup/test_benchmark.py only runs it on a tiny volume).
"""

import random
import time
import uuid
from datetime import date
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import Max
from django.test.client import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import Role, User
from campuses.models import Academy, Campus, LabelCategory, LabelPeriod, SectorFamily
from followup import dashboard, sections, services
from followup.models import (
    SECTION_NUMBERS,
    Campaign,
    FollowUpSheet,
    SheetIndicators,
    SheetSection,
    SheetStatus,
)

FIRST_YEAR = 2060  # far from any real or demo campaign (the filters accept up to 2100)
BATCH = 500


class Rollback(Exception):
    """Raised at the end of the benchmark to undo everything it created."""


# ---------------------------------------------------------------- data


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
    now = timezone.now()
    for campaign in campaigns:
        last = campaign.year == last_year
        statuses = [_status(i, last) for i in range(len(new_campuses))]
        sheets = FollowUpSheet.objects.bulk_create(
            FollowUpSheet(
                campaign=campaign,
                campus=campus,
                status=status,
                submitted_at=None if status == SheetStatus.DRAFT else now,
                validated_at=now if status == SheetStatus.VALIDATED else None,
            )
            for campus, status in zip(new_campuses, statuses, strict=True)
        )
        growth = 1 + 0.04 * (campaign.year - first_year)
        section_rows, indicator_rows = [], []
        for sheet in sheets:
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
    return first_year, last_year


def _status(index, last_year):
    """Older years: validated, one sheet in 20 still submitted; the last year is under review:
    one sheet in 8 submitted, one in 8 in draft."""
    if not last_year:
        return SheetStatus.SUBMITTED if index % 20 == 19 else SheetStatus.VALIDATED
    return {6: SheetStatus.SUBMITTED, 7: SheetStatus.DRAFT}.get(index % 8, SheetStatus.VALIDATED)


# ---------------------------------------------------------------- measures


def measure(function):
    """(result, seconds, queries) of function()."""
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        result = function()
        elapsed = time.perf_counter() - start
    return result, elapsed, len(queries.captured_queries)


class Command(BaseCommand):
    help = (
        "Mesure le tableau de bord, les exports et le rapport régional du suivi annuel sur un "
        "volume généré (annulé à la fin : la base reste inchangée)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--campuses", type=int, default=100, help="Nombre de campus (100).")
        parser.add_argument("--years", type=int, default=10, help="Nombre d'années (10).")
        parser.add_argument("--no-pdf", action="store_true", help="Sans le rapport PDF.")

    def handle(self, *args, campuses, years, no_pdf=False, **options):
        if campuses < 1 or years < 2:
            raise CommandError("Il faut au moins 1 campus et 2 années.")
        try:
            with transaction.atomic():
                self._run(campuses, years, no_pdf)
                raise Rollback
        except Rollback:
            self.stdout.write("Données générées annulées : la base est inchangée.")

    def _run(self, campuses, years, no_pdf):
        (first, last), elapsed, _queries = measure(lambda: generate(campuses=campuses, years=years))
        sheets = campuses * years
        self.stdout.write(
            f"Généré : {campuses} campus × {years} ans = {sheets} fiches ({first}–{last}) "
            f"en {elapsed:.1f} s."
        )
        user = User.objects.create(
            username=f"benchmark-{timezone.now():%H%M%S%f}",
            email=f"benchmark-{timezone.now():%H%M%S%f}@example.org",
            role=Role.REGIONAL,
        )
        filters = dashboard.Filters(year=last)
        # The dashboard is measured three times (the best time is kept: the first call also
        # compiles the templates); exports and the report once.
        rows = [
            ("Tableau de bord, année N (calcul)", 3, lambda: dashboard.year_view(user, filters)),
            ("Tableau de bord, année N (page)", 3, lambda: _page(user, {"year": last})),
            (
                "Tableau de bord, pluriannuel (calcul)",
                3,
                lambda: dashboard.trend_view(user, filters),
            ),
            (
                "Tableau de bord, pluriannuel (page)",
                3,
                lambda: _page(user, {"year": last, "view": "trend"}),
            ),
        ]
        for fmt in ("csv", "xlsx", "ods"):
            rows.append(
                (
                    f"Export {fmt.upper()} (toutes les années)",
                    1,
                    lambda fmt=fmt: _export(user, fmt),
                )
            )
        if not no_pdf:
            rows.append(("Rapport régional PDF (année N)", 1, lambda: _report(user, last)))
        width = max(len(label) for label, _times, _function in rows)
        self.stdout.write(f"{'Mesure':<{width}}  {'durée':>9}  requêtes SQL  taille")
        for label, times, function in rows:
            runs = [measure(function) for _run in range(times)]
            result, elapsed, queries = min(runs, key=lambda run: run[1])
            size = f"{len(result) / 1024:.0f} Ko" if isinstance(result, bytes) else ""
            self.stdout.write(f"{label:<{width}}  {elapsed:>7.3f} s  {queries:>12}  {size}")


def _page(user, params):
    from followup.views_dashboard import dashboard_page

    request = RequestFactory().get("/suivi/tableau-de-bord/", params)
    request.user = user
    response = dashboard_page(request)
    assert response.status_code == 200, response.status_code
    return response.content


def _job(user, kind, params):
    from jobs.models import Job

    return Job(owner=user, kind=kind, params=params)


def _export(user, fmt):
    from followup.exports import export_indicators

    _filename, content = export_indicators(
        _job(user, "followup_indicators_export", {"format": fmt}), lambda done, total: None
    )
    return content


def _report(user, year):
    from followup.documents import build_regional_report

    _filename, content = build_regional_report(
        _job(user, "followup_regional_report", {"year": year}), lambda done, total: None
    )
    return content
