"""The journal as a hash chain: each entry carries the SHA-256 of its own content and of the
entry before it, so that editing or deleting a past entry breaks every link after it.

What is hashed is what the entry says (who, what, which object, the changes, the scope, the
date). Users and campuses are deactivated, never deleted: deleting one would empty the entry's
`actor`/`campus` (SET NULL) and show as a broken link, which is what an auditor must see.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC

from django.db import connection

# One key for every writer of the journal: PostgreSQL serialises appends on it.
_LOCK_KEY = 0x41554449  # "AUDI"
HASHED = (
    "created_at",
    "actor_id",
    "action",
    "content_type_id",
    "object_id",
    "object_repr",
    "campus_id",
    "changes",
)


def entry_hash(values, previous_hash):
    """The SHA-256 (hex) of an entry's `values` (a dict of `HASHED` fields) after
    `previous_hash`."""
    created_at = values["created_at"].astimezone(UTC).isoformat(timespec="microseconds")
    content = {**{name: values[name] for name in HASHED}, "created_at": created_at}
    content["previous_hash"] = previous_hash
    payload = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode()).hexdigest()


def lock_for_append():
    """Serialise appends until the transaction ends (PostgreSQL; SQLite writers are serial)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK_KEY])


def last_hash(model):
    return model.objects.order_by("-id").values_list("entry_hash", flat=True).first() or ""


@dataclass(frozen=True)
class ChainReport:
    checked: int
    broken_id: int | None = None
    broken_at: object = None
    reason: str = ""

    @property
    def intact(self):
        return self.broken_id is None


def verify(model, batch_size=2000):
    """Recompute the chain in id order; the first broken entry, and why (in French)."""
    previous, checked = "", 0
    rows = model.objects.order_by("id").values("id", *HASHED, "previous_hash", "entry_hash")
    for row in rows.iterator(chunk_size=batch_size):
        if row["previous_hash"] != previous:
            return ChainReport(
                checked,
                row["id"],
                row["created_at"],
                "le lien vers l’entrée précédente est rompu (une entrée a été supprimée ou "
                "modifiée avant celle-ci)",
            )
        if entry_hash(row, previous) != row["entry_hash"]:
            return ChainReport(
                checked,
                row["id"],
                row["created_at"],
                "son contenu ne correspond plus à son empreinte (l’entrée a été modifiée)",
            )
        previous, checked = row["entry_hash"], checked + 1
    return ChainReport(checked)
