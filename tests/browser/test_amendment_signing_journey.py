"""An amendment signed in the portal by its three parties, in Chromium.

Regional staff create a convention from the standard template (the State, the Region, the
support institution), have it signed, amend it, send the amendment for signature and generate
its PDF (sealed by the Region). Then each party's signature is given in the portal, one after
the other, each by a user the signature circuit lets sign for it (the rectorate of Paris for the
State, regional staff for the Region and for the support institution): the user logs in,
asks for the one-time code, reads it in the e-mail the server wrote, types it and signs. The
last signature makes the amendment effective; the file of record, downloaded and dropped on the
verification page, reads as the seal and three valid signatures.

The server writes its e-mails as files (the filebased backend of settings.py, under var/mail/,
or the folder of a filemail:// EMAIL_URL); the code is read from the newest message to the
signer's address written after the click.
"""

import email
import os
import re
import time
import uuid
from email import policy
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import expect

from campuses.demo import DEMO_PASSWORD
from tests.browser import conftest as browser
from tests.browser.test_conventions_journey import accept_confirmations, sign_every_party
from tests.browser.test_journeys import login, url_path

RUN = uuid.uuid4().hex[:6]
CAMPUS = "Intelligence artificielle"  # academy of Paris: rectorat-paris signs for the State
OLD_PASSAGE = "n° CP 2023-111"
NEW_PASSAGE = f"n° CP 2023-111 complété par la délibération n° CP 2099-{RUN}"
MAIL_TIMEOUT = 10  # seconds for the e-mail to be written after the click


def mail_dir():
    url = os.environ.get("EMAIL_URL", "")
    if url.startswith("filemail://"):
        return Path(urlsplit(url).path)
    return browser.BASE_DIR / "var" / "mail"


def code_mailed_to(username, since):
    """The six digits of the newest signing code e-mailed to `username` after `since`."""
    address = f"{username}@demo.cmq.invalid"
    deadline = time.monotonic() + MAIL_TIMEOUT
    while time.monotonic() < deadline:
        found = []
        folder = mail_dir()
        files = (
            [p for p in folder.glob("*.log") if p.stat().st_mtime >= since]
            if folder.exists()
            else []
        )
        for path in files:
            for chunk in path.read_text(errors="replace").split("-" * 79):
                if not chunk.strip():
                    continue
                message = email.message_from_string(chunk.strip(), policy=policy.default)
                if address not in str(message.get("To", "")):
                    continue
                if "code de signature" not in str(message.get("Subject", "")):
                    continue
                body = message.get_body(preferencelist=("plain",)).get_content()
                match = re.search(r"\b(\d{6})\b", body)
                if match:
                    found.append((path.stat().st_mtime, match.group(1)))
        if found:
            return max(found)[1]
        time.sleep(0.2)
    raise AssertionError(f"No signing code e-mailed to {address} in {mail_dir()}")


def prepare_sent_amendment(page):
    """Regional staff: a convention signed by its three parties, an amendment of it sent for
    signature, its PDF generated. Returns the amendment page's path."""
    accept_confirmations(page)
    login(page, "region", DEMO_PASSWORD)
    page.goto("/conventions/")
    page.get_by_role("link", name="Nouvelle convention").click()
    page.get_by_label(re.compile(r"^Campus\b")).select_option(label=CAMPUS)
    page.get_by_label("Nature").select_option(label="Constitutive")
    page.get_by_label("Intitulé").fill(f"Convention cadre signée en ligne {RUN}")
    page.get_by_label("Règle de durée").select_option(
        label="Jusqu'à l'échéance de la labellisation"
    )
    page.get_by_label("Préavis de dénonciation (mois)").fill("3")
    page.get_by_role("button", name="Créer le brouillon").click()
    expect(page).to_have_url(re.compile(r"/conventions/\d+/$"))
    page.get_by_role("button", name="Envoyer pour signature").click()
    assert sign_every_party(page) == 3
    expect(page.locator("#resume")).to_contain_text("Signé")

    page.get_by_role("link", name="Nouvel avenant").first.click()
    page.get_by_role("button", name="Créer l'avenant").click()
    expect(page).to_have_url(re.compile(r"/conventions/avenants/\d+/$"))
    amendment_path = url_path(page)
    page.get_by_label("Type de modification").select_option(label="Remplacer un passage")
    page.get_by_label(re.compile(r"^Article\b")).fill("4")
    page.get_by_label(re.compile(r"^Alinéa\b")).fill("4.1")
    page.get_by_label("Passage cité (remplacé)").fill(OLD_PASSAGE)
    page.get_by_label("Nouveau texte").fill(NEW_PASSAGE)
    page.get_by_role("button", name="Ajouter la modification").click()
    expect(page.locator("#modifications li")).to_have_count(1)
    page.get_by_role("button", name="Envoyer pour signature").click()
    expect(page.locator("#resume")).to_contain_text("Envoyé pour signature")
    page.get_by_role("button", name="PDF de l'avenant").click()
    expect(page.locator("#documents")).to_contain_text("Prêt")
    return amendment_path


def sign_in_portal(page, username, amendment_path, party_text, place):
    login(page, username, DEMO_PASSWORD)
    page.goto(amendment_path)
    panel = page.locator("#signature-electronique")
    row = panel.locator("tbody tr").filter(has_text=party_text)
    expect(row).to_contain_text("Pas encore signé")
    row.get_by_role("link", name=re.compile(r"^Signer dans le portail")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Signer dans le portail")
    since = time.time() - 1
    page.get_by_role("button", name="Recevoir un code par e-mail").click()
    expect(page.get_by_role("status").first).to_contain_text(
        f"Un code a été envoyé à {username}@demo.cmq.invalid"
    )
    code = code_mailed_to(username, since)
    page.get_by_label("Code reçu par e-mail").fill(code)
    page.get_by_label("Lieu de signature").fill(place)
    page.get_by_role("button", name="Signer l'acte").click()
    expect(page).to_have_url(re.compile(re.escape(amendment_path) + "$"))
    expect(page.get_by_role("status").first).to_contain_text("a été ajoutée à l")
    expect(panel.locator("tbody tr").filter(has_text=party_text)).to_contain_text("Signé le")


def test_three_parties_sign_an_amendment_in_the_portal(page, new_context, tmp_path):
    amendment_path = prepare_sent_amendment(page)

    signers = [
        ("rectorat-paris", "État", "Paris"),
        ("region", "Présidente du conseil régional", "Saint-Ouen-sur-Seine"),
        ("admin", "Sorbonne", "Paris"),
    ]
    for username, party_text, place in signers:
        signer_page = new_context().new_page()
        sign_in_portal(signer_page, username, amendment_path, party_text, place)
        signer_page.close()

    # --- the last signature made the amendment effective
    page.goto(amendment_path)
    expect(page.locator("#resume")).to_contain_text("Signé")
    expect(page.locator("#signatures tbody tr")).to_have_count(3)
    panel = page.locator("#signature-electronique")
    expect(panel.locator("tbody tr").filter(has_text="Signé le")).to_have_count(3)
    expect(panel.get_by_role("link", name="Signer dans le portail")).to_have_count(0)

    # --- the file of record, checked on the verification page
    with page.expect_download() as download_info:
        panel.get_by_role("link", name="Télécharger le fichier signé (PDF)").click()
    signed = tmp_path / "avenant-signe.pdf"
    download_info.value.save_as(signed)
    assert signed.read_bytes()[:5] == b"%PDF-"
    page.goto("/documents/verifier/")
    page.get_by_label("PDF à vérifier").set_input_files(str(signed))
    page.get_by_role("button", name="Vérifier", exact=True).click()
    expect(page.get_by_role("heading", level=2)).to_have_text(
        "Le document est intact et ses signatures sont valides."
    )
    expect(page.get_by_text("Ce document a été produit par le portail.")).to_be_visible()
    rows = page.locator("tbody tr")
    expect(rows).to_have_count(4)  # the seal and the three parties
    expect(rows.nth(0)).to_contain_text("Cachet de la Région")
    for number in range(1, 4):
        expect(rows.nth(number)).to_contain_text("valide")
        expect(rows.nth(number)).not_to_contain_text("non valide")
