"""The texts of record of the framework conventions and their amendments (documents/acts.py
markup), kept in the repository beside the code: one folder per deliberation, one file per annex,
as adopted. The demo's acts (conventions/demo.py) carry them as their `adopted_text`."""

from pathlib import Path

FOLDER = Path(__file__).resolve().parent

# CP 2023-263, annexes 2 to 7: the six amendments adding the follow-up annex.
AMENDMENT_IA = "cp-2023-263/annexe-02-avenant-1-intelligence-artificielle.txt"
AMENDMENT_ICM = "cp-2023-263/annexe-03-avenant-1-industrie-circulaire-mobilite.txt"
AMENDMENT_SANTE = "cp-2023-263/annexe-04-avenant-1-sante-autonomie.txt"
AMENDMENT_SECURITE = "cp-2023-263/annexe-05-avenant-2-surete-securite-cyber.txt"
AMENDMENT_TNEC = "cp-2023-263/annexe-06-avenant-2-transition-numerique-construction.txt"
AMENDMENT_ENERGIE = "cp-2023-263/annexe-07-avenant-1-energie-durable.txt"
# CP 2023-263, annexes 8 to 10: the three new framework conventions.
CONVENTION_INDUSTRIE_DU_FUTUR = "cp-2023-263/annexe-08-convention-industrie-du-futur.txt"
CONVENTION_MODE = "cp-2023-263/annexe-09-convention-mode-metiers-art-design.txt"
CONVENTION_VERSAILLES = "cp-2023-263/annexe-10-convention-campus-versailles.txt"

# The demo's acts (conventions/demo_data.py campus keys) → their text of record.
CONVENTIONS = {
    "if": CONVENTION_INDUSTRIE_DU_FUTUR,
    "mode": CONVENTION_MODE,
    "versailles": CONVENTION_VERSAILLES,
}
AMENDMENTS = {
    ("ia", 1): AMENDMENT_IA,
    ("icm", 1): AMENDMENT_ICM,
    ("sante", 1): AMENDMENT_SANTE,
    ("securite", 2): AMENDMENT_SECURITE,
    ("tnec", 2): AMENDMENT_TNEC,
    ("energie", 1): AMENDMENT_ENERGIE,
}


def read(name):
    """The markup of the act `name` (a path under this folder)."""
    return (FOLDER / name).read_text(encoding="utf-8")
