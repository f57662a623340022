"""`manage.py restore ARCHIVE [--database-url URL] [--media-root DIR]`: an archive of
`manage.py backup` restored into an empty database and an empty media folder (by default the
portal's own, DATABASE_URL and MEDIA_ROOT)."""

from pathlib import Path

import environ
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from core import backup


class Command(BaseCommand):
    help = (
        "Restaure une sauvegarde (base de données et fichiers) dans une base vide et un dossier "
        "de fichiers vide."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="Archive écrite par manage.py backup.")
        parser.add_argument(
            "--database-url",
            help="Base cible (par défaut celle du portail, DATABASE_URL) : vide, créée avant.",
        )
        parser.add_argument(
            "--media-root",
            type=Path,
            help="Dossier des fichiers cible (par défaut MEDIA_ROOT) : vide ou absent.",
        )

    def handle(self, *args, archive, database_url=None, media_root=None, **options):
        params = (
            environ.Env.db_url_config(database_url)
            if database_url
            else connections["default"].settings_dict
        )
        try:
            database = backup.Database.from_settings(params)
            manifest = backup.restore(
                archive, database=database, media_root=media_root or settings.MEDIA_ROOT
            )
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Sauvegarde du {manifest['created_at']} restaurée : "
            f"{len(manifest['tables'])} tables (nombres de lignes vérifiés), "
            f"{manifest['media']['files']} fichier(s)."
        )
        pending = backup.pending_migrations(manifest)
        if pending:
            self.stdout.write(
                f"{len(pending)} migration(s) de ce code ne sont pas appliquées à la base "
                "restaurée : lancez « manage.py migrate »."
            )
