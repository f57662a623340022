"""The verification page in Chromium: an officer drops a signed act and reads who sealed and
signed it; then drops the same file with one byte changed and is told it does not verify.

The act is made in this test process: a PDF sealed by the Region and signed by three parties with
the portal's authority (the session's demo PKI, shared with the server through SIGNING_DIR).
The page with the four signatures is saved as var/screenshots/verification-page.png (the
README's picture, docs/verification-page.png, is a copy).
"""

import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from playwright.sync_api import expect
from weasyprint import HTML

from campuses.demo import DEMO_PASSWORD
from documents import signing
from tests.browser import conftest as browser
from tests.browser.test_journeys import login

pytestmark = pytest.mark.browser

PARTIES = [
    ("Valérie PÉCRESSE", "Présidente de la Région Île-de-France", "Région Île-de-France"),
    ("Christophe KERRERO", "Recteur de la région académique Ile-de-France", "État"),
    ("Nathalie Drach-Temam", "Présidente de Sorbonne Université", "Sorbonne Université"),
]


def _make_signed_act():
    pdf = HTML(string="<p>Avenant n°1 — ARTICLE 3 – DATE D’EFFET DE L’AVENANT</p>").write_pdf()
    pdf = signing.seal(pdf, reason="Cachet de la Région")
    for number, (name, title, organisation) in enumerate(PARTIES, start=1):
        pdf = signing.sign_for(
            pdf,
            signer_name=name,
            signer_title=title,
            organisation=organisation,
            email="",
            field_name=f"Signature{number}",
            reason="Signature de l'avenant",
            location="Paris",
        )
    return pdf


@pytest.fixture(scope="module")
def signed_act(tmp_path_factory):
    # pyHanko's synchronous API runs its own asyncio loop, which cannot start in the thread where
    # Playwright's loop runs: sign in another thread.
    with ThreadPoolExecutor(max_workers=1) as pool:
        pdf = pool.submit(_make_signed_act).result()
    folder = tmp_path_factory.mktemp("verification")
    good = folder / "avenant-signe.pdf"
    good.write_bytes(pdf)
    tampered = folder / "avenant-modifie.pdf"
    # One byte of the sealed content changed (inside the first revision, before the signatures).
    index = pdf.index(b"/MediaBox")
    tampered.write_bytes(pdf[:index] + b"/MediaBoX" + pdf[index + 9 :])
    return good, tampered


def test_an_officer_reads_who_sealed_and_signed_an_act(page, signed_act):
    good, tampered = signed_act
    login(page, "dir-ia", DEMO_PASSWORD)
    page.goto("/documents/verifier/")
    page.get_by_label("PDF à vérifier").set_input_files(str(good))
    page.get_by_role("button", name="Vérifier", exact=True).click()
    expect(page.get_by_role("heading", level=2)).to_have_text(
        "Le document est intact et ses signatures sont valides."
    )
    expect(page.get_by_text("Ce document a été produit par le portail.")).to_be_visible()
    rows = page.locator("tbody tr")
    expect(rows).to_have_count(4)  # the seal and the three parties
    expect(rows.nth(0)).to_contain_text("Cachet de la Région")
    for number, (name, _title, organisation) in enumerate(PARTIES, start=1):
        expect(rows.nth(number)).to_contain_text(f"{name} ({organisation})")
        expect(rows.nth(number)).to_contain_text("valide")
    expect(rows.nth(1)).to_contain_text(re.compile(r"heure du serveur"))
    browser._save_screenshot(page, browser.SCREENSHOT_DIR / "verification-page.png")

    page.get_by_label("PDF à vérifier").set_input_files(str(tampered))
    page.get_by_role("button", name="Vérifier", exact=True).click()
    expect(page.get_by_role("heading", level=2)).to_have_text("Le document ne se vérifie pas.")
    assert page.js_errors == []
