"""`manage.py backup [--output FILE]`: the database and the stored files in one archive
(core.backup), under var/backups/ by default."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from core import backup


class Command(BaseCommand):
    help = "Sauvegarde la base de données et les fichiers déposés (MEDIA_ROOT) dans une archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="Archive à écrire (par défaut var/backups/cmq-AAAAMMJJ-HHMMSS.tar).",
        )

    def handle(self, *args, output=None, **options):
        if output is None:
            stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
            output = settings.VAR_DIR / "backups" / f"cmq-{stamp}.tar"
        try:
            manifest = backup.create(output)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["tables"].values())
        self.stdout.write(
            f"Sauvegarde écrite : {output}\n"
            f"  base {manifest['database']['engine']} : {len(manifest['tables'])} tables, "
            f"{rows} lignes\n"
            f"  fichiers : {manifest['media']['files']} ({manifest['media']['bytes']} octets)"
        )
