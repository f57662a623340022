"""A convention's life in Chromium: regional staff create it from the standard template, send
it, record every party's signature, then amend a passage of its article 4 through an
amendment, sign that too, read the consolidated text and download the amendment's PDF.

The server's database is shared by the session (see conftest.py): the convention created here
carries a title unique to the run.
"""

import re
import uuid
from pathlib import Path

from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.test_journeys import field_error, login

RUN = uuid.uuid4().hex[:6]
CAMPUS = "Intelligence artificielle"
# In article 4, alinéa 4.1 of the standard template.
OLD_PASSAGE = "n° CP 2023-111"
NEW_PASSAGE = f"n° CP 2023-111 modifié par la délibération n° CP 2099-{RUN}"


def accept_confirmations(page):
    """Buttons with data-confirm ask first (portal.js): say yes."""
    page.on("dialog", lambda dialog: dialog.accept())


def sign_every_party(page, sign_link_name="Enregistrer une signature"):
    """Record the signature of each party still expected, one form at a time."""
    today = timezone.localdate().isoformat()
    signed = 0
    while page.get_by_role("link", name=sign_link_name).count():
        page.get_by_role("link", name=sign_link_name).first.click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Signature")
        party = page.get_by_label(re.compile(r"^Partie\b"))
        party.select_option(index=1)
        page.get_by_label("Date de signature").fill(today)
        page.get_by_label(re.compile(r"^Lieu\b")).fill("Paris")
        page.get_by_label(re.compile(r"^Signataire\b")).fill(f"Signataire {signed + 1}")
        page.get_by_role("button", name="Enregistrer la signature").click()
        expect(page.get_by_role("status").first).to_contain_text("Signature enregistrée")
        signed += 1
        assert signed <= 6, "more signatures than parties"
    return signed


def test_convention_from_template_to_amended_consolidated_text(page, demo_password):
    accept_confirmations(page)
    login(page, "region", demo_password)
    title = f"Convention cadre des essais navigateur {RUN}"

    # --- a draft from the standard template
    page.goto("/conventions/")
    page.get_by_role("link", name="Nouvelle convention").click()
    expect(page).to_have_url(re.compile(r"/conventions/nouvelle/$"))
    page.get_by_label(re.compile(r"^Campus\b")).select_option(label=CAMPUS)
    page.get_by_label("Nature").select_option(label="Constitutive")
    page.get_by_label("Intitulé").fill(title)
    page.get_by_label("Règle de durée").select_option(
        label="Jusqu'à l'échéance de la labellisation"
    )
    page.get_by_label("Préavis de dénonciation (mois)").fill("3")
    page.get_by_role("button", name="Créer le brouillon").click()

    expect(page).to_have_url(re.compile(r"/conventions/\d+/$"))
    convention_path = re.sub(r"^https?://[^/]+", "", page.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.locator("#resume")).to_contain_text("Brouillon")
    expect(page.locator("#articles article")).to_have_count(8)
    expect(page.locator("#article-4")).to_contain_text(OLD_PASSAGE)

    # --- sent, then signed by every party
    page.get_by_role("button", name="Envoyer pour signature").click()
    expect(page.locator("#resume")).to_contain_text("Envoyé pour signature")
    expect(page.get_by_role("link", name="Modifier le brouillon")).to_have_count(0)
    parties = sign_every_party(page)
    assert parties >= 2
    expect(page.locator("#resume")).to_contain_text("Signé")
    expect(page.locator("#signatures tbody tr")).to_have_count(parties)

    # --- an amendment replacing a passage of article 4, alinéa 4.1
    page.get_by_role("link", name="Nouvel avenant").first.click()
    page.get_by_role("button", name="Créer l'avenant").click()
    expect(page).to_have_url(re.compile(r"/conventions/avenants/\d+/$"))
    amendment_path = re.sub(r"^https?://[^/]+", "", page.url)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Avenant n°1")

    change_kind = page.get_by_label("Type de modification")
    change_kind.select_option(label="Remplacer un passage")
    page.get_by_label(re.compile(r"^Article\b")).fill("4")
    page.get_by_label(re.compile(r"^Alinéa\b")).fill("4.1")
    page.get_by_label("Passage cité (remplacé)").fill("n° CR 1999-001")
    page.get_by_label("Nouveau texte").fill(NEW_PASSAGE)
    page.get_by_role("button", name="Ajouter la modification").click()
    expect(page.locator("#error-summary")).to_be_visible()
    expect(field_error(page, "id_old_text")).to_contain_text("n'est pas dans le texte en vigueur")
    expect(page.locator("#modifications")).to_contain_text("Aucune modification saisie.")

    page.get_by_label("Passage cité (remplacé)").fill(OLD_PASSAGE)
    page.get_by_role("button", name="Ajouter la modification").click()
    expect(page.locator("#modifications li")).to_have_count(1)
    expect(page.locator("#modifications")).to_contain_text(
        f"À l'article 4, alinéa 4.1, la partie : « {OLD_PASSAGE} » est remplacée par"
    )
    # Only the fields of the chosen kind are shown.
    expect(page.get_by_label("Règle de durée")).to_be_hidden()

    page.get_by_role("button", name="Envoyer pour signature").click()
    expect(page.locator("#resume")).to_contain_text("Envoyé pour signature")
    expect(page.get_by_role("heading", name="Ajouter une modification")).to_have_count(0)
    assert sign_every_party(page) == parties
    expect(page.locator("#resume")).to_contain_text("Signé")

    # --- the consolidated text shows the new passage
    page.goto(convention_path + "texte-consolide/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Texte consolidé en vigueur")
    article_4 = page.locator("#article-4")
    expect(article_4).to_contain_text(NEW_PASSAGE)
    expect(article_4).to_contain_text("modifié par l'avenant n°1")
    expect(page.locator("#avenants-appliques")).to_contain_text("Avenant n°1")

    # --- the amendment's PDF
    page.goto(amendment_path)
    page.get_by_role("button", name="PDF de l'avenant").click()
    expect(page.get_by_role("status").first).to_contain_text("PDF demandé")
    download_link = page.locator("#documents").get_by_role("link", name=re.compile("Télécharger"))
    expect(download_link).to_have_count(1)
    expect(page.locator("#documents")).to_contain_text("Prêt")
    with page.expect_download() as download_info:
        download_link.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf"), download.suggested_filename
    assert Path(download.path()).read_bytes()[:4] == b"%PDF"
