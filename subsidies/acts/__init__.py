"""The texts of record of the subsidies' acts (documents/acts.py markup), kept in the repository
beside the code: one folder per deliberation, one file per annex, as adopted."""

from pathlib import Path

FOLDER = Path(__file__).resolve().parent

TRANSFER_VERSAILLES = "cp-2023-263/annexe-11-avenant-transfert-campus-versailles.txt"


def read(name):
    """The markup of the act `name` (a path under this folder)."""
    return (FOLDER / name).read_text(encoding="utf-8")
