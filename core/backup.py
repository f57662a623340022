"""Backup and restore of the portal: the database and the stored files together, in one archive.

The archive is a tar holding
- `manifest.json`: date, database engine, applied migrations, the row count of every table,
  and the SHA-256 of the two files below;
- `database.pgdump` (pg_dump's custom format, PostgreSQL) or `database.sqlite3` (a copy made by
  SQLite's online backup, `make run`);
- `media.tar`: MEDIA_ROOT (signed scans, attachments, generated PDFs).

On PostgreSQL the row counts, the migration state and the dump are read in one snapshot
(`pg_dump --snapshot`), so that the manifest describes exactly what was dumped. A restore
checks the checksums, refuses a non-empty database or media folder and an archive made by a
newer version of the portal, then compares the row counts of the restored database with the
manifest's.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

import django
from django.conf import settings
from django.db import connections
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

from . import page_cache

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA = "media.tar"
DATABASE_FILES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}


class BackupError(Exception):
    """A backup or restore that cannot be done; the message (French) says why and what to do."""


@dataclass(frozen=True)
class Database:
    """Where a database is: the engine (« postgresql » or « sqlite ») and Django's settings
    dict (NAME, USER, PASSWORD, HOST, PORT)."""

    vendor: str
    params: dict

    @classmethod
    def from_settings(cls, params):
        engine = params["ENGINE"]
        if engine.endswith("postgresql"):
            return cls("postgresql", params)
        if engine.endswith("sqlite3"):
            return cls("sqlite", params)
        raise BackupError(f"Moteur de base de données non pris en charge : {engine}.")

    def pg_environment(self):
        """libpq's variables for pg_dump / pg_restore (the password never on a command line)."""
        values = {
            "PGHOST": self.params.get("HOST") or "",
            "PGPORT": str(self.params.get("PORT") or ""),
            "PGUSER": self.params.get("USER") or "",
            "PGPASSWORD": self.params.get("PASSWORD") or "",
            "PGDATABASE": self.params["NAME"],
        }
        return {**os.environ, **{key: value for key, value in values.items() if value}}

    def pg_connect(self, **kwargs):
        import psycopg

        options = {
            "dbname": self.params["NAME"],
            "host": self.params.get("HOST") or None,
            "port": self.params.get("PORT") or None,
            "user": self.params.get("USER") or None,
            "password": self.params.get("PASSWORD") or None,
        }
        try:
            return psycopg.connect(
                **{key: value for key, value in options.items() if value}, **kwargs
            )
        except psycopg.OperationalError as error:
            raise BackupError(
                f"Connexion impossible à la base {self.params['NAME']!r} : {error}"
            ) from error


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


# ---------------------------------------------------------------- backup


def create(output, *, database=None, media_root=None):
    """Write the archive of `database` (a Database; the portal's own by default) and of
    `media_root` (MEDIA_ROOT by default) to `output`; returns its manifest."""
    database = database or Database.from_settings(connections["default"].settings_dict)
    media_root = Path(media_root or settings.MEDIA_ROOT)
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=output.parent, prefix=".backup-") as work:
        work = Path(work)
        dump = work / DATABASE_FILES[database.vendor]
        if database.vendor == "postgresql":
            state = _dump_postgresql(database, dump)
        else:
            state = _dump_sqlite(database, dump)
        media_file, media_count, media_bytes = _pack_media(media_root, work / MEDIA)
        manifest = {
            "format": FORMAT,
            "created_at": timezone.localtime().isoformat(timespec="seconds"),
            "django": django.get_version(),
            "database": {
                "engine": database.vendor,
                "name": database.params["NAME"],
                "file": dump.name,
                "sha256": sha256_of(dump),
                "bytes": dump.stat().st_size,
            },
            "media": {
                "file": MEDIA,
                "sha256": sha256_of(media_file),
                "files": media_count,
                "bytes": media_bytes,
            },
            **state,
        }
        partial = work / "archive.tar"
        with tarfile.open(partial, "w") as archive:
            payload = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime, info.mode = len(payload), int(timezone.now().timestamp()), 0o600
            archive.addfile(info, io.BytesIO(payload))
            archive.add(dump, arcname=dump.name)
            archive.add(media_file, arcname=MEDIA)
        partial.chmod(0o600)  # personal data: readable by the operator only
        partial.replace(output)  # never a half-written archive under the final name
    return manifest


def _dump_postgresql(database, dump):
    """pg_dump of the database, with the row counts and migrations of the same snapshot."""
    import psycopg

    with database.pg_connect() as connection:
        connection.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        connection.read_only = True
        snapshot = connection.execute("SELECT pg_export_snapshot()").fetchone()[0]
        counts = _pg_counts(connection)
        migrations = _migrations(
            connection.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
            if "django_migrations" in counts
            else []
        )
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-acl",
                f"--snapshot={snapshot}",
                f"--file={dump}",
            ],
            database.pg_environment(),
            "pg_dump",
        )
        connection.rollback()
    return {"migrations": migrations, "tables": counts}


def _dump_sqlite(database, dump):
    """SQLite's online backup (a consistent copy even while the portal writes)."""
    path = Path(database.params["NAME"])
    if not path.is_file():
        raise BackupError(f"Base SQLite introuvable : {path}.")
    source, target = sqlite3.connect(path), sqlite3.connect(dump)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    return _sqlite_state(dump)


def _sqlite_state(path):
    copy = sqlite3.connect(path)
    try:
        tables = [
            row[0]
            for row in copy.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        counts = {
            table: copy.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables
        }
        rows = (
            copy.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
            if "django_migrations" in counts
            else []
        )
        migrations = _migrations(rows)
    finally:
        copy.close()
    return {"migrations": migrations, "tables": counts}


def _migrations(rows):
    applied = {}
    for app, name in rows:
        applied.setdefault(app, []).append(name)
    return applied


def _pack_media(media_root, target):
    count = size = 0
    with tarfile.open(target, "w") as archive:
        if media_root.is_dir():
            for path in sorted(media_root.rglob("*")):
                if path.is_file() and not path.is_symlink():
                    archive.add(path, arcname=str(path.relative_to(media_root)))
                    count += 1
                    size += path.stat().st_size
    return target, count, size


def _run(command, environment, name):
    try:
        subprocess.run(command, env=environment, check=True, capture_output=True, text=True)
    except FileNotFoundError as error:
        raise BackupError(
            f"{name} est introuvable : installez le client PostgreSQL (postgresql-client)."
        ) from error
    except subprocess.CalledProcessError as error:
        raise BackupError(f"{name} a échoué : {error.stderr.strip()}") from error


# ---------------------------------------------------------------- restore


def read_manifest(path):
    try:
        with tarfile.open(path, "r") as archive:
            return json.load(archive.extractfile(MANIFEST))
    except (OSError, tarfile.TarError, KeyError, ValueError) as error:
        raise BackupError(f"{path} n'est pas une sauvegarde du portail : {error}") from error


def restore(path, *, database, media_root):
    """Restore the archive at `path` into `database` (a Database, empty) and `media_root` (an
    empty or absent folder); returns the manifest. The restored row counts are checked
    against the manifest's."""
    manifest = read_manifest(path)
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Format de sauvegarde inconnu : {manifest.get('format')!r}.")
    if manifest["database"]["engine"] != database.vendor:
        raise BackupError(
            f"Cette sauvegarde est celle d'une base {manifest['database']['engine']} : elle ne "
            f"se restaure pas dans une base {database.vendor}."
        )
    _check_migrations(manifest)
    media_root = Path(media_root)
    if media_root.exists() and any(media_root.iterdir()):
        raise BackupError(
            f"Le dossier des fichiers {media_root} n'est pas vide : restaurez dans un dossier "
            "neuf (MEDIA_ROOT) ou videz-le."
        )
    _check_empty(database)
    with tempfile.TemporaryDirectory(prefix="cmq-restore-") as work:
        work = Path(work)
        with tarfile.open(path, "r") as archive:
            archive.extractall(work, filter="data")
        for part in ("database", "media"):
            entry = manifest[part]
            if sha256_of(work / entry["file"]) != entry["sha256"]:
                raise BackupError(
                    f"Sauvegarde altérée : l'empreinte de {entry['file']} ne correspond pas au "
                    "manifeste. Rien n'a été restauré."
                )
        if database.vendor == "postgresql":
            _run(
                [
                    "pg_restore",
                    "--no-owner",
                    "--no-acl",
                    "--exit-on-error",
                    "--single-transaction",
                    f"--dbname={database.params['NAME']}",
                    str(work / manifest["database"]["file"]),
                ],
                database.pg_environment(),
                "pg_restore",
            )
        else:
            target = Path(database.params["NAME"])
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(work / manifest["database"]["file"], target)
        media_root.mkdir(parents=True, exist_ok=True)
        with tarfile.open(work / MEDIA, "r") as media:
            media.extractall(media_root, filter="data")
    restored = _counts(database)
    if restored != manifest["tables"]:
        differing = sorted(
            table
            for table in {*restored, *manifest["tables"]}
            if restored.get(table) != manifest["tables"].get(table)
        )
        raise BackupError(
            f"La base restaurée ne correspond pas au manifeste (tables : {', '.join(differing)})."
        )
    # pg_restore wrote outside Django: the page cache saw none of it.
    page_cache.clear()
    return manifest


def pending_migrations(manifest):
    """The code's migrations the archive's database has not applied (to run with `migrate`)."""
    applied = {(app, name) for app, names in manifest["migrations"].items() for name in names}
    return sorted(set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations) - applied)


def _check_migrations(manifest):
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = [
        f"{app}.{name}"
        for app, names in manifest["migrations"].items()
        for name in names
        if (app, name) not in known
    ]
    if unknown:
        raise BackupError(
            "Cette sauvegarde vient d'une version plus récente du portail (migrations "
            f"inconnues de ce code : {', '.join(unknown[:5])}…) : restaurez-la avec cette "
            "version-là."
        )


def _check_empty(database):
    if database.vendor == "postgresql":
        with database.pg_connect() as connection:
            tables = connection.execute(
                "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
            ).fetchone()[0]
        if tables:
            raise BackupError(
                f"La base {database.params['NAME']!r} n'est pas vide ({tables} tables) : "
                "restaurez dans une base neuve (createdb) ou videz-la."
            )
        return
    target = Path(database.params["NAME"])
    if target.exists() and target.stat().st_size and _sqlite_state(target)["tables"]:
        raise BackupError(
            f"Le fichier SQLite {target} contient déjà une base : déplacez-le ou supprimez-le."
        )


def _counts(database):
    if database.vendor == "sqlite":
        return _sqlite_state(database.params["NAME"])["tables"]
    with database.pg_connect() as connection:
        return _pg_counts(connection)


def _pg_counts(connection):
    """The row count of every table of the public schema."""
    tables = [
        row[0]
        for row in connection.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        )
    ]
    return {
        table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        for table in tables
    }
