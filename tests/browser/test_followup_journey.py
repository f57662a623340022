"""The annual follow-up in Chromium, from the opening of a campaign to the dashboard.

Regional staff open a campaign for a year of their own (the demo's campaigns are recent years,
this one is far ahead: independent of them); the director of Campus Versailles fills the nine
sections, adding and removing table rows in place. Midway the connection is lost (the draft
endpoint refuses every request) and the page reloaded: what was typed is restored from the
browser and saved once the connection is back. The director submits; rectorate staff comment
(one internal note); regional staff request changes; the director sees the comment (never the
internal note), fixes the section and submits again; regional staff validate; the regional
dashboard shows the sheet's figures.

Saves docs/followup-section.png (a section being filled) and docs/followup-review.png (a sheet
under review, with its comments) for the README.
"""

import re
import uuid
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.test_journeys import login, url_path

RUN = uuid.uuid4().hex[:6]
YEAR = 2070 + int(RUN, 16) % 29  # far from the demo's years; unique enough per run
DOCS = Path(settings.BASE_DIR) / "docs"
SAVED = re.compile(r"Enregistré à \d\d:\d\d:\d\d")


def accept_confirmations(page):
    page.on("dialog", lambda dialog: dialog.accept())


def message(page):
    return page.locator(".messages")


def status(page):
    return page.locator("[data-ft-status]")


def editor_ready(page):
    """The editor's script has attached its listeners: typing now is autosaved."""
    expect(page.locator("[data-ft-editor][data-ft-ready]")).to_have_count(1)


def cell(page, table, label, row):
    editor_ready(page)
    return page.locator(f'[data-ft-table="{table}"]').get_by_label(
        f"{label}, ligne {row}", exact=True
    )


def add_row(page, table):
    page.locator(f'[data-ft-add="{table}"]').click()


def saved(page):
    expect(status(page)).to_have_text(SAVED)


def next_section(page, number):
    page.get_by_role("button", name=re.compile(r"^Enregistrer et (passer|voir)")).click()
    if number <= 9:
        expect(page.get_by_role("heading", level=1)).to_contain_text(f"{number}.")
        editor_ready(page)
    else:
        expect(page.get_by_role("heading", level=1)).to_have_text("Récapitulatif et soumission")


def new_page(new_context, username, password, errors):
    page = new_context().new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    accept_confirmations(page)
    login(page, username, password)
    return page


def fill_sections(page):
    """Sections 1 to 9 with rows added (and one removed) in place."""
    # 1. A study of the year.
    add_row(page, "studies")
    cell(page, "studies", "Titre", 1).fill("Étude prospective des métiers du patrimoine")
    cell(page, "studies", "Auteur (organisme)", 1).fill("Observatoire régional")
    cell(page, "studies", "Date", 1).fill(f"{YEAR}-05-12")
    cell(page, "studies", "Lien", 1).fill("https://example.org/etude")
    saved(page)
    next_section(page, 2)

    # 2. Stakeholders, formations, beneficiaries (a row added by mistake, removed in place).
    add_row(page, "stakeholders")
    cell(page, "stakeholders", "Organisme", 1).fill("Lycée Jules Ferry")
    cell(page, "stakeholders", "Type", 1).select_option(label="Lycée, établissement scolaire")
    cell(page, "stakeholders", "Nouveau cette année", 1).select_option(label="Oui")
    add_row(page, "formations")
    cell(page, "formations", "Intitulé", 1).fill("CAP Ébéniste")
    cell(page, "formations", "Niveau", 1).select_option(label="Niveau 3 (CAP)")
    cell(page, "formations", "Voie", 1).select_option(label="Apprentissage")
    cell(page, "formations", "Établissement", 1).fill("CFA des métiers d'art")
    for row, (kind, count) in enumerate((("Élèves", "120"), ("Apprentis", "45")), start=1):
        add_row(page, "beneficiaries")
        cell(page, "beneficiaries", "Type", row).select_option(label=kind)
        cell(page, "beneficiaries", "Nombre", row).fill(count)
    add_row(page, "beneficiaries")
    cell(page, "beneficiaries", "Nombre", 3).fill("999")
    page.get_by_role("button", name="Supprimer la ligne 3").click()
    expect(cell(page, "beneficiaries", "Nombre", 3)).to_have_count(0)
    saved(page)
    # The README's picture: the section from its title down to the end of its form (a viewport
    # that tall leaves the sticky save bar in its place).
    page.evaluate("window.scrollTo(0, 0)")
    box = page.locator("form[data-ft-editor]").bounding_box()
    page.set_viewport_size({"width": 1280, "height": int(box["y"] + box["height"] + 16)})
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(caret="initial", path=str(DOCS / "followup-section.png"))
    page.set_viewport_size({"width": 1280, "height": 900})
    next_section(page, 3)

    # 3. An action, with a budget typed the French way.
    add_row(page, "actions")
    cell(page, "actions", "Type d'action", 1).select_option(
        label="Orientation, attractivité des métiers"
    )
    cell(page, "actions", "Action", 1).fill("Journées portes ouvertes des ateliers")
    cell(page, "actions", "Budget réalisé (€)", 1).fill("12 000,50")
    cell(page, "actions", "Bénéficiaires", 1).fill("600")
    saved(page)
    next_section(page, 4)

    # 4. A governance meeting.
    add_row(page, "meetings")
    cell(page, "meetings", "Instance", 1).select_option(label="Comité de pilotage (COPIL)")
    cell(page, "meetings", "Date", 1).fill(f"{YEAR}-06-15")
    cell(page, "meetings", "Membres présents", 1).fill("14")
    saved(page)
    next_section(page, 5)

    # 5. A balanced budget, a post.
    for row, (label, amount) in enumerate((("Région", "50000"), ("Rectorat", "30000")), start=1):
        add_row(page, "revenues")
        cell(page, "revenues", "Libellé", row).fill(label)
        cell(page, "revenues", "Montant (€)", row).fill(amount)
    add_row(page, "expenses")
    cell(page, "expenses", "Libellé", 1).fill("Fonctionnement")
    cell(page, "expenses", "Montant (€)", 1).fill("70000")
    saved(page)
    # Unbalanced: the error is shown on the expenses table, in French.
    expect(page.locator('[data-ft-error="expenses"]')).to_contain_text("n'est pas équilibré")
    cell(page, "expenses", "Montant (€)", 1).fill("80000")
    add_row(page, "staff")
    cell(page, "staff", "Poste", 1).fill("Directeur opérationnel")
    cell(page, "staff", "ETP", 1).fill("1")
    cell(page, "staff", "Financeur", 1).fill("Rectorat")
    saved(page)
    expect(page.locator('[data-ft-error="expenses"]')).to_be_hidden()
    next_section(page, 6)

    # 6. Communication: yes/no, an event.
    page.locator("#ft-brochure_up_to_date").get_by_label("Oui").check()
    add_row(page, "events")
    cell(page, "events", "Type", 1).select_option(label="Salon, forum")
    cell(page, "events", "Implication", 1).select_option(label="Organisé par le campus")
    cell(page, "events", "Nombre", 1).fill("3")
    saved(page)
    next_section(page, 7)

    # 7. A formation created.
    add_row(page, "created")
    cell(page, "created", "Formation", 1).fill("Mention complémentaire dorure")
    cell(page, "created", "Création ou transformation", 1).select_option(label="Créée")
    cell(page, "created", "Places", 1).fill("12")
    saved(page)
    next_section(page, 8)

    # 8. International.
    page.get_by_label(re.compile(r"^Bénéficiaires ou acteurs ayant réalisé une mobilité")).fill("6")
    add_row(page, "partners")
    cell(page, "partners", "Organisme partenaire", 1).fill("Scuola del restauro, Turin")
    cell(page, "partners", "Pays", 1).fill("Italie")
    saved(page)
    next_section(page, 9)

    # 9. Quality: three strengths, three improvement axes.
    page.get_by_label(re.compile(r"^Évaluation des actions")).fill(
        "Questionnaires aux participants."
    )
    page.get_by_label(re.compile(r"^Auto-évaluation annuelle")).fill("Revue en COPIL de juin.")
    for n, text in enumerate(("Partenariats", "Visibilité", "Pilotage"), start=1):
        page.get_by_label(f"Trois points forts de l'année : n° {n}").fill(text)
    for n, text in enumerate(("International", "Mixité", "Indicateurs"), start=1):
        page.get_by_label(f"Trois axes d'amélioration pour l'année à venir : n° {n}").fill(text)
    saved(page)
    next_section(page, 10)


def test_a_follow_up_sheet_from_the_campaign_to_the_dashboard(page, new_context, demo_password):
    accept_confirmations(page)
    DOCS.mkdir(exist_ok=True)
    others = []

    # --- regional staff open the campaign
    region = new_page(new_context, "region", demo_password, others)
    region.goto("/suivi/")
    region.get_by_role("link", name="Ouvrir une campagne").click()
    region.get_by_label("Année suivie (N)").fill(str(YEAR))
    expect(region.locator("#id_deadline_helptext")).to_contain_text(f"31/03/{YEAR + 1}")
    region.get_by_label("Ouverture").fill(timezone.localdate().isoformat())
    region.get_by_role("button", name="Ouvrir la campagne").click()
    expect(message(region)).to_contain_text(f"Campagne {YEAR} ouverte")
    expect(region.locator("#campaign-sheets")).to_contain_text("Non commencée")
    campaign_path = url_path(region)

    # --- the director fills the nine sections
    login(page, "dir-versailles", demo_password)
    expect(page.locator("#suivi-annuel")).to_contain_text(f"Fiche {YEAR}")
    page.locator("#suivi-annuel").get_by_role("link", name=re.compile(f"Fiche {YEAR}")).click()
    sheet_path = url_path(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"Fiche de suivi {YEAR}")
    page.get_by_role("link", name="Commencer la saisie").click()
    expect(page.locator(".ft-privacy")).to_have_text(
        "Cette fiche ne collecte aucune donnée personnelle : n'indiquez aucun nom de personne."
    )
    fill_sections(page)

    # --- midway through a fix, the connection is lost, and the page reloaded
    page.goto(sheet_path.rstrip("/") + "/rubriques/8/")
    page.route("**/brouillon/", lambda route: route.abort())
    editor_ready(page)
    page.get_by_label(re.compile(r"^Bénéficiaires ou acteurs ayant réalisé une mobilité")).fill("8")
    expect(status(page)).to_contain_text("Connexion perdue", timeout=15_000)
    page.reload()
    field = page.get_by_label(re.compile(r"^Bénéficiaires ou acteurs ayant réalisé une mobilité"))
    expect(field).to_have_value("8")
    expect(page.locator("[data-ft-notice]")).to_contain_text("restaurée depuis ce navigateur")
    page.unroute("**/brouillon/")
    expect(status(page)).to_have_text(SAVED, timeout=20_000)
    page.reload()
    expect(field).to_have_value("8")  # now from the server
    expect(page.locator("[data-ft-notice]")).to_be_hidden()

    # --- summary: complete, submitted
    page.get_by_role("link", name="Récapitulatif et soumission").click()
    expect(page.locator("#manques")).not_to_contain_text("À remplir")
    page.get_by_role("button", name="Soumettre").click()
    expect(message(page)).to_contain_text("Fiche soumise")
    expect(page.get_by_role("link", name="Compléter la fiche")).to_have_count(0)

    # --- rectorate staff comment (and leave an internal note)
    rectorate = new_page(new_context, "rectorat-versailles", demo_password, others)
    rectorate.goto(sheet_path)
    rectorate.locator("#rubrique-3").get_by_role("link", name=re.compile("^Commenter")).click()
    expect(rectorate.locator("#id_section")).to_have_value("3")
    rectorate.get_by_label("Commentaire").fill(
        "Précisez le nombre de visiteurs des portes ouvertes."
    )
    rectorate.get_by_role("button", name="Enregistrer le commentaire").click()
    expect(message(rectorate)).to_contain_text("Commentaire enregistré")
    rectorate.locator("#id_section").select_option("5")
    rectorate.get_by_label("Commentaire").fill("À vérifier avec la DAFPIC avant la COS.")
    rectorate.get_by_label("Note interne (invisible du campus)").check()
    rectorate.get_by_role("button", name="Enregistrer le commentaire").click()
    expect(message(rectorate)).to_contain_text("Note interne enregistrée")
    rectorate.get_by_role("link", name="Avis du rectorat").click()
    rectorate.get_by_label("Favorable", exact=True).check()
    rectorate.get_by_role("button", name="Enregistrer l'avis").click()
    expect(rectorate.locator("#avis")).to_contain_text("Favorable")

    # --- regional staff read the comments and request changes
    region.goto(sheet_path)
    block = region.locator("#rubrique-3")
    expect(block).to_contain_text("Précisez le nombre de visiteurs")
    expect(block.locator(".ft-comment").first).to_contain_text("Rectorat")
    expect(region.locator("#rubrique-5")).to_contain_text("Note interne – invisible du campus")
    region.set_viewport_size({"width": 1280, "height": 900})
    region.evaluate("window.scrollTo(0, 0)")
    box = block.bounding_box()
    region.screenshot(
        caret="initial",
        path=str(DOCS / "followup-review.png"),
        full_page=True,
        clip={"x": 0, "y": 0, "width": 1280, "height": box["y"] + box["height"] + 24},
    )
    region.get_by_text("Demander des modifications", exact=True).click()
    region.get_by_label("Ce que le campus doit modifier").fill(
        "Complétez la rubrique 3 comme le demande le rectorat."
    )
    region.get_by_role("button", name="Renvoyer la fiche au campus").click()
    expect(message(region)).to_contain_text("Modifications demandées")

    # --- the director sees the request and the comment, never the internal note; fixes
    page.goto(sheet_path)
    expect(page.locator("#modifications")).to_contain_text("Complétez la rubrique 3")
    expect(page.locator("#rubrique-3")).to_contain_text("Précisez le nombre de visiteurs")
    expect(page.locator("body")).not_to_contain_text("DAFPIC")
    page.locator("#rubrique-3").get_by_role("link", name=re.compile("^Modifier")).click()
    expect(page.locator("#commentaires")).to_contain_text("Précisez le nombre de visiteurs")
    cell(page, "actions", "Bénéficiaires", 1).fill("650")
    saved(page)
    page.get_by_role("link", name="Récapitulatif et soumission").click()
    page.get_by_role("button", name="Soumettre").click()
    expect(message(page)).to_contain_text("Fiche soumise")

    # --- regional staff validate
    region.goto(sheet_path)
    region.get_by_text("Valider", exact=True).click()
    region.get_by_role("button", name="Valider la fiche").click()
    expect(message(region)).to_contain_text("Fiche validée")
    history = region.locator("#etats")
    expect(history).to_contain_text("Modifications demandées")
    expect(history).to_contain_text("Complétez la rubrique 3")
    region.goto(campaign_path)
    expect(region.locator("#campaign-sheets")).to_contain_text("Validée")

    # --- the dashboard shows the figures of the year
    region.goto(f"/suivi/tableau-de-bord/?year={YEAR}")
    campus_table = region.locator("#campus-table")
    expect(campus_table).to_contain_text("Versailles")
    expect(campus_table).to_contain_text("165")  # 120 pupils + 45 apprentices
    assert not others, f"Uncaught JavaScript errors: {others}"
