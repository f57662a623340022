"""`make bench`: the portal under gunicorn at the demo's size and at ten times it.

    python manage.py bench                   # the whole run (about 10 minutes on 2 cores)
    python manage.py bench --quick           # fewer requests, smaller PDF batch
    python manage.py bench --only conventions --only subsidies --no-celery
    python manage.py bench --no-fail         # exit code 0 even when a target is missed

Needs a PostgreSQL server (--server, or the server of DATABASE_URL) where it may create and drop
its own databases, and Redis for the Celery part (--redis). Not part of `make test`.
"""

import os
import signal
import sys
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cmq_portal.bench.load import BenchError
from cmq_portal.bench.run import Bench, Options

DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432"
DEFAULT_REDIS = "redis://127.0.0.1:6379/7"


def _default_server():
    url = os.environ.get("BENCH_DATABASE_SERVER")
    if url:
        return url
    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        parts = urlsplit(settings.DATABASE_URL)
        return urlunsplit((parts.scheme, parts.netloc, "", "", ""))
    return DEFAULT_SERVER


class Command(BaseCommand):
    help = (
        "Banc d'essai : le portail servi par gunicorn sur la démo et sur dix fois la démo ; "
        "médiane et p95 de chaque page et de chaque liste de l'API, requêtes SQL, PDF, Celery."
    )

    def add_arguments(self, parser):
        parser.add_argument("--server", default=None, help="Serveur PostgreSQL (sans base).")
        parser.add_argument(
            "--redis", default=os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS), help="Broker."
        )
        parser.add_argument("--factor", type=int, default=10, help="Multiplicateur (10).")
        parser.add_argument("--years", type=int, default=10, help="Campagnes de suivi (10).")
        parser.add_argument(
            "--requests", type=int, default=None, help=f"Requêtes par URL ({Options.requests})."
        )
        parser.add_argument("--clients", type=int, default=4, help="Clients simultanés (4).")
        parser.add_argument(
            "--batch", type=int, default=None, help=f"PDF du lot Celery ({Options.batch})."
        )
        parser.add_argument(
            "--only", action="append", default=[], help="Seulement les URL contenant ce mot."
        )
        parser.add_argument("--quick", action="store_true", help="Moins de requêtes et de PDF.")
        parser.add_argument("--no-pdf", action="store_true", help="Sans les temps des PDF.")
        parser.add_argument("--no-celery", action="store_true", help="Sans les workers Celery.")
        parser.add_argument("--keep", action="store_true", help="Garder les bases à la fin.")
        parser.add_argument(
            "--no-fail", action="store_true", help="Code de sortie 0 même si un objectif manque."
        )

    def handle(self, *args, **options):
        quick = options["quick"]
        bench_options = Options(
            server=options["server"] or _default_server(),
            redis_url=options["redis"],
            factor=options["factor"],
            years=options["years"],
            requests=options["requests"] or (6 if quick else Options.requests),
            clients=options["clients"],
            pdf_runs=1 if quick else Options.pdf_runs,
            batch=options["batch"] or (4 if quick else Options.batch),
            only=options["only"],
            celery=not options["no_celery"],
            pdf=not options["no_pdf"],
            keep=options["keep"],
        )
        if bench_options.factor < 1 or bench_options.requests < 1 or bench_options.clients < 1:
            raise CommandError("Le multiplicateur, les requêtes et les clients sont au moins 1.")
        bench = Bench(bench_options, self.stdout)
        # Stopped by a signal (Ctrl-C is KeyboardInterrupt already), the run still stops its
        # servers and workers and drops its databases.
        previous = signal.signal(signal.SIGTERM, lambda *_args: sys.exit(143))
        try:
            ok = bench.run()
        except (BenchError, OSError) as error:
            raise CommandError(str(error)) from error
        finally:
            bench.cleanup()
            signal.signal(signal.SIGTERM, previous)
        if not ok and not options["no_fail"]:
            raise CommandError("Banc d'essai : au moins un objectif n'est pas atteint.")
