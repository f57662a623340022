"""A yearly subsidy in Chromium, from the campus to the payment.

The director of the Intelligence artificielle campus prepares the 2025 dossier (the demo has
none for that year) with its financing plan, adding and removing rows in place and watching
the totals balance, then submits it. Regional staff complete the beneficiary's SIRET (the
demo leaves it « à compléter »), instruct the dossier (the amount left blank takes the
computed maximum), create a deliberation and an envelope through the pages, propose the
dossier, record the vote on the deliberation's page, record both signatures of the grant
agreement, then request and pay an advance. The director finally sees the payment on the
dossier's page; that page is saved as docs/subsidies.png for the README.

The server's database is shared by the session (see conftest.py): the deliberation created
here carries a number unique to the run.
"""

import re
import uuid
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.test_journeys import field_error, login, url_path, valid_siret

RUN = uuid.uuid4().hex[:6]
YEAR = "2025"
CAMPUS = "Intelligence artificielle"
# A deliberation number of this run, typed as people do: « CP2026-9xx ».
DELIBERATION = f"CP{timezone.localdate().year}-{900 + int(RUN, 16) % 99}"
DOCS = Path(settings.BASE_DIR) / "docs"


def accept_confirmations(page):
    """Buttons with data-confirm ask first (portal.js): say yes."""
    page.on("dialog", lambda dialog: dialog.accept())


def plan_row(page, number, *, kind=None, label, amount, region=False):
    if kind is not None:
        page.get_by_label(f"Nature de la ligne {number}", exact=True).select_option(label=kind)
    page.get_by_label(f"Libellé de la ligne {number}", exact=True).fill(label)
    page.get_by_label(f"Montant de la ligne {number}", exact=True).fill(amount)
    if region:
        page.get_by_label(f"Subvention de la Région (ligne {number})").check()


def message(page):
    return page.locator(".messages")


def test_a_dossier_from_the_campus_to_its_first_payment(page, new_context, demo_password):
    accept_confirmations(page)
    today = timezone.localdate()

    # --- the director prepares the dossier and its plan
    login(page, "dir-ia", demo_password)
    page.goto("/subventions/")
    page.get_by_role("link", name="Nouveau dossier").click()
    expect(page).to_have_url(re.compile(r"/subventions/nouveau/$"))
    expect(page.get_by_label(re.compile(r"^Campus\b"))).to_have_value(re.compile(r"\d+"))
    page.get_by_label("Exercice de référence").fill(YEAR)
    page.get_by_label("Description").fill(
        "Forum des métiers de l'IA, formation des enseignants, hackathon lycéen."
    )
    page.get_by_label("Stagiaires ou alternants à recruter").fill("4")

    # The page starts with an expense line and the Region's line, then two blank rows.
    plan_row(page, 1, label="Frais de personnel", amount="60000")
    plan_row(page, 2, label="Subvention de la Région", amount="50000")
    page.get_by_role("button", name="Ajouter une dépense").click()
    plan_row(page, 5, label="Événements et communication", amount="40000")
    totals = page.locator("[data-plan-totals]")
    expect(totals).to_contain_text("Plan déséquilibré : écart de 50 000,00 €")
    # A row added by mistake, then removed in place.
    page.get_by_role("button", name="Ajouter une recette").click()
    plan_row(page, 6, label="Ligne en trop", amount="123")
    page.get_by_role("button", name="Supprimer la ligne 6").click()
    expect(page.get_by_label("Libellé de la ligne 6", exact=True)).to_have_count(0)
    page.get_by_role("button", name="Ajouter une recette").click()
    plan_row(page, 7, label="Fonds propres de Sorbonne Université", amount="50000")
    expect(totals).to_contain_text("Plan équilibré")
    expect(totals).to_contain_text("Total des dépenses : 100 000,00 €")
    expect(totals).to_contain_text("50,00 % des dépenses")
    expect(page.locator("[data-plan-row]").nth(0).locator("[data-plan-share]")).to_have_text(
        "60,00 %"
    )
    page.get_by_role("button", name="Créer le dossier").click()

    expect(page).to_have_url(re.compile(r"/subventions/\d+/$"))
    dossier_path = url_path(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"{CAMPUS} {YEAR}")
    expect(message(page)).to_contain_text("enregistré en brouillon")
    expect(page.locator("#plan")).to_contain_text("Plan équilibré")
    expect(page.locator("#plan")).to_contain_text("Fonds propres de Sorbonne Université")
    expect(page.locator("#plan")).not_to_contain_text("Ligne en trop")
    page.get_by_role("button", name="Déposer le dossier").click()
    expect(message(page)).to_contain_text("Le dossier a été déposé")
    expect(page.locator("#resume")).to_contain_text("Déposé")
    expect(page.get_by_role("link", name="Modifier le projet et le plan")).to_have_count(0)

    # --- regional staff complete the SIRET, instruct, create a deliberation and an envelope
    region = new_context().new_page()
    region_errors = []
    region.on("pageerror", lambda error: region_errors.append(str(error)))
    accept_confirmations(region)
    login(region, "region", demo_password)
    region.goto(dossier_path)
    expect(region.locator("#organisme")).to_contain_text("SIRET à compléter")
    region.get_by_role("link", name="compléter la fiche de l'organisme").click()
    region.get_by_label("SIRET").fill(valid_siret())
    region.get_by_role("button", name="Enregistrer").click()
    expect(region).to_have_url(re.compile(r"/organismes/\d+/$"))

    region.goto(dossier_path)
    expect(region.locator("#organisme")).not_to_contain_text("SIRET à compléter")
    region.get_by_role("link", name="Instruire").click()
    region.get_by_label("Imputation budgétaire").select_option(label="932-288-657381-128003-100")
    region.get_by_label(re.compile(r"^Base subventionnable")).fill("100000")
    region.get_by_label("Taux d'intervention (%)").fill("51")
    region.get_by_role("button", name="Enregistrer l'instruction").click()
    expect(region.locator("#error-summary")).to_be_visible()
    expect(field_error(region, "id_rate")).to_contain_text("compris entre 0 et 50 %")
    region.get_by_label("Taux d'intervention (%)").fill("50")
    expect(region.locator("[data-maximum]")).to_have_text("50 000,00 €")
    region.get_by_role("button", name="Enregistrer l'instruction").click()
    expect(message(region)).to_contain_text("Dossier instruit : subvention de 50 000,00 €")

    region.goto("/deliberations/nouvelle/")
    region.get_by_label("Numéro").fill(DELIBERATION)
    region.get_by_label("Date").fill(today.isoformat())
    region.get_by_label("Intitulé").fill(f"Soutien aux campus des métiers – essais {RUN}")
    region.get_by_role("button", name="Enregistrer").click()
    expect(region).to_have_url(re.compile(r"/deliberations/\d+/$"))
    deliberation_path = url_path(region)
    number = region.get_by_role("heading", level=1).inner_text().split(" du ")[0]
    number = number.removeprefix("Délibération ").strip()

    region.goto("/subventions/enveloppes/nouvelle/")
    region.get_by_label("Délibération d'affectation").select_option(label=number)
    region.get_by_label("Article").fill("3")
    region.get_by_label("Exercice budgétaire").fill(str(today.year))
    region.get_by_label(re.compile(r"^Libellé(?! d)")).fill(
        f"Subventions aux campus – essais {RUN}"
    )
    region.get_by_label("Montant").fill("500000")
    region.get_by_role("button", name="Enregistrer").click()
    expect(region.get_by_role("heading", level=1)).to_contain_text(f"essais {RUN}")
    expect(region.locator(".figures")).to_contain_text("500 000,00 €")

    # --- proposed to the deliberation, voted on its page
    region.goto(dossier_path)
    region.get_by_role("link", name="Proposer au vote").click()
    region.get_by_label(re.compile(r"^Délibération\b")).select_option(label=number)
    envelope = region.locator("#id_envelope option", has_text=f"essais {RUN}")
    region.get_by_label("Autorisation d'engagement").select_option(
        envelope.first.get_attribute("value")
    )
    region.get_by_role("button", name="Proposer au vote").click()
    expect(message(region)).to_contain_text(f"proposé au vote de la délibération {number}")
    expect(region.locator("#resume")).to_contain_text("Proposé au vote")

    region.goto(deliberation_path)
    section = region.locator("#subventions")
    expect(section).to_contain_text("- 50 000 euros pour le Campus intelligence artificielle.")
    region.get_by_role("button", name="Enregistrer le vote").click()
    expect(message(region)).to_contain_text("1 dossier voté.")
    expect(section.locator("#envelope-table")).to_contain_text("450 000,00 €")

    # --- the grant agreement: both signatures
    region.goto(dossier_path)
    expect(region.locator("#resume")).to_contain_text("Voté")
    for party, signatory in (
        ("La Région", "Valérie PECRESSE, Présidente"),
        ("Le bénéficiaire", "Nathalie Drach-Temam, Présidente"),
    ):
        region.get_by_role("link", name="Enregistrer une signature de la convention").click()
        region.get_by_label("Partie").select_option(label=party)
        region.get_by_label("Signataire (nom et qualité)").fill(signatory)
        region.get_by_role("button", name="Enregistrer la signature").click()
        expect(message(region)).to_contain_text("Signature enregistrée")
    expect(region.locator("#convention")).to_contain_text("Signée le")
    expect(region.locator("#resume")).to_contain_text("Convention signée")

    # --- an advance, requested then paid
    region.get_by_role("link", name="Demander un versement").first.click()
    region.get_by_label("Type").select_option(label="Avance")
    region.get_by_label("Montant (€)").fill("20000")
    region.get_by_role("button", name="Demander le versement").click()
    expect(message(region)).to_contain_text("Versement de 20 000,00 € demandé")
    region.locator("#versements").get_by_role("link", name="Payer").click()
    region.get_by_label("Référence (n° de mandat)").fill(f"MAND-{RUN}")
    region.get_by_role("button", name="Enregistrer le paiement").click()
    expect(message(region)).to_contain_text("Versement payé")
    expect(region.locator("#resume")).to_contain_text("Payé en partie")

    # --- the director sees the payment
    page.goto("/subventions/")
    expect(page.locator("#versements")).to_contain_text("20 000,00 €")
    page.goto(dossier_path)
    payments = page.locator("#versements")
    expect(payments).to_contain_text("Avance")
    expect(payments).to_contain_text("20 000,00 €")
    expect(payments).to_contain_text(f"MAND-{RUN}")
    expect(page.locator("#chiffres")).to_contain_text("30 000,00 €")
    expect(page.get_by_role("link", name="Demander un versement")).to_have_count(0)

    # The README's picture: the dossier's page from its title down to its payments.
    DOCS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.evaluate("window.scrollTo(0, 0)")
    box = payments.bounding_box()
    page.screenshot(
        caret="initial",
        path=str(DOCS / "subsidies.png"),
        full_page=True,
        clip={"x": 0, "y": 0, "width": 1280, "height": box["y"] + box["height"] + 24},
    )
    assert not region_errors, f"Uncaught JavaScript errors: {region_errors}"
