import json

from django.core.management.base import BaseCommand

from cmq_portal.bench import probe
from cmq_portal.bench.run import Options


class Command(BaseCommand):
    help = (
        "Banc d'essai, côté base (lancé par manage.py bench) : les URL à mesurer, les temps des "
        "PDF, un lot de PDF pour les workers Celery. Répond en JSON."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["urls", "pdf", "prepare-batch", "run-batch"])
        # manage.py bench passes both; run by hand, the probe uses the benchmark's defaults.
        parser.add_argument("--runs", type=int, default=Options.pdf_runs)
        parser.add_argument("--count", type=int, default=Options.batch)
        parser.add_argument("--documents", default="[]", help="JSON de prepare-batch.")
        parser.add_argument("--timeout", type=float, default=300)
        parser.add_argument("--warmup", type=int, default=0, help="PDF non chronométrés avant.")

    def handle(self, *args, action, runs, count, documents, timeout, warmup, **options):
        if action == "urls":
            result = probe.urls()
        elif action == "pdf":
            result = probe.pdf_timings(runs)
        elif action == "prepare-batch":
            result = probe.prepare_batch(count)
        else:
            result = probe.run_batch(json.loads(documents), timeout, warmup=warmup)
        self.stdout.write(json.dumps(result, ensure_ascii=False))
