"""Recompute the journal's hash chain: « intègre », or the first broken entry (exit code 1)."""

from django.core.management.base import BaseCommand, CommandError

from audit import chain
from audit.models import AuditEntry


class Command(BaseCommand):
    help = "Vérifie la chaîne d'empreintes du journal d'audit."

    def handle(self, *args, **options):
        report = chain.verify(AuditEntry)
        if not report.intact:
            raise CommandError(
                f"Journal d’audit altéré : entrée n° {report.broken_id} du "
                f"{report.broken_at:%d/%m/%Y %H:%M:%S} — {report.reason} "
                f"({report.checked} entrées intègres avant elle)."
            )
        self.stdout.write(f"Journal d’audit intègre : {report.checked} entrées vérifiées.")
