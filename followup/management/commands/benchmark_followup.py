"""Benchmark of the follow-up's consolidation: generates campuses × years of sheets with
realistic figures, then prints the time and the number of SQL queries of the dashboard (year
view and multi-year view, selector and whole page), of the three exports and of the regional
PDF. Everything it creates is rolled back at the end: the database is left as it was.

    python manage.py benchmark_followup                # 100 campuses × 10 years
    python manage.py benchmark_followup --campuses 3 --years 2 --no-pdf

Not part of `make test` (tests/followup/test_benchmark.py only runs it on a tiny volume).
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test.client import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import Role, User
from followup import dashboard
from followup.generator import generate


class Rollback(Exception):
    """Raised at the end of the benchmark to undo everything it created."""


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
    """The whole regional report in this process: the overview, then its parts one after the
    other (on the workers they run in parallel), merged."""
    from followup.documents import build_regional_report
    from followup.documents.report import merge_report, render_summaries
    from jobs.services import Parts

    job = _job(user, "followup_regional_report", {"year": year})
    result = build_regional_report(job, lambda done, total: None)
    if not isinstance(result, Parts):
        return result[1]
    contents = [
        render_summaries(job, index, result.state, lambda steps=1: None)
        for index in range(result.count)
    ]
    _filename, content = merge_report(job, result.head, contents, result.state)
    return content
