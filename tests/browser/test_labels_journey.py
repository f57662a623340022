"""A label application in Chromium, from the draft to the campus's new label.

Regional staff open an expertise session and create the application of a campus of the Paris
academy (obtaining the label, category Excellence) and sign the covering letter for the
Region. The Paris rectorate presents the eleven criteria (each page saves itself as one types:
the test waits for « Enregistré automatiquement », the last one is also saved with its
button), signs for the rector, records the CAEN and CREFOP opinions, joins the dossier (a real
PDF) and deposits. The Region declares it admissible, assigns the demo expert as rapporteur
and a second expert, and starts the expertise. Both experts assess every criterion and submit;
the rapporteur sends a navette with one recommendation, the campus's director answers it, the
rectorate sends the answers, the rapporteur marks the answer, consolidates the group's
assessment and gives its opinion. The Region records the decision: the campus page shows the
label and the labelling block.

The setup data (a campus of its own, its director, a second expert) is written in the
server's own database through the ORM by a `manage.py shell` run with the server's settings:
the server runs in a subprocess on a database of its own (see conftest.py), which this test
process's ORM never sees. Names carry a suffix unique to the run.

Screenshots of the key steps are saved beside the test's own in var/screenshots/ (CI keeps
them); the application's page during the expertise, its navette thread answered and marked, is
saved as var/screenshots/labels-application.png (the README's picture, docs/, is a copy).
"""

import re
import uuid
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfWriter

from core.calendar import add_years
from tests import live_portal
from tests.browser import conftest as browser
from tests.browser.test_journeys import login, url_path

pytestmark = pytest.mark.browser

RUN = uuid.uuid4().hex[:6]
CAMPUS = f"Campus des métiers et des qualifications Essais labels {RUN}"
SHORT_NAME = f"Essais labels {RUN}"
DIRECTOR = f"dir-essais-{RUN}"
SECOND_EXPERT = f"expert-essais-{RUN}"
SECOND_EXPERT_NAME = f"Camille Essais-{RUN}"
DEMO_EXPERT_NAME = "Estelle Experte"  # the demo's « expert » (campuses/demo.py)
SESSION = f"Session d'expertise des essais {RUN}"
REFERENCE = f"NOR ESRS26{RUN.upper()}A"
CRITERIA = [f"2.{number}" for number in range(1, 12)]  # the 2019 specification's eleven
DOSSIER_PAGES = 12
AUTOSAVED = re.compile(r"Enregistré automatiquement à \d\d:\d\d:\d\d \(version \d+\)")
AUTOSAVE_TIMEOUT_MS = 15_000  # labels.js saves 3 s after the last keystroke
JOURNEY = "test_a_label_application_from_the_draft_to_the_campus_label"  # screenshots' prefix

# Run by `manage.py shell` with the server's settings, in the server's database.
SETUP = f"""
from django.db import transaction
from campuses.demo import DEMO_PASSWORD
from tests.labels import helpers

with transaction.atomic():
    campus = helpers.fresh_campus("paris", name={CAMPUS!r})
    campus.short_name = {SHORT_NAME!r}
    campus.save(update_fields=["short_name"])
    expert = helpers.expert({SECOND_EXPERT!r})
    expert.first_name, expert.last_name = {SECOND_EXPERT_NAME!r}.split(" ")
    director = helpers.director(campus, {DIRECTOR!r})
    for user in (expert, director):
        user.set_password(DEMO_PASSWORD)
        user.save()
"""


# ---------------------------------------------------------------- setup in the server's database


@pytest.fixture
def labels_setup(portal_server):
    """A campus of the Paris academy with its director account, and a second expert."""
    live_portal.manage(portal_server.env, "shell", "-c", SETUP)


@pytest.fixture
def dossier_pdf(tmp_path):
    """A real PDF of DOSSIER_PAGES blank A4 pages."""
    writer = PdfWriter()
    for _page in range(DOSSIER_PAGES):
        writer.add_blank_page(width=595, height=842)
    path = tmp_path / "dossier-de-candidature.pdf"
    with path.open("wb") as stream:
        writer.write(stream)
    return path


# ---------------------------------------------------------------- helpers


def accept_confirmations(page):
    """Buttons with data-confirm ask first (portal.js): say yes."""
    page.on("dialog", lambda dialog: dialog.accept())


def new_page(new_context, username, password, errors):
    page = new_context().new_page()
    page.on("pageerror", lambda error: errors.append(f"{username}: {error}"))
    accept_confirmations(page)
    login(page, username, password)
    return page


def message(page):
    return page.locator(".messages")


def badge(page):
    """The application's state, next to its title."""
    return page.locator("h1 + .badge")


def shot(page, step):
    """A full-page screenshot of a key step, beside the test's own (CI artefacts)."""
    browser._save_screenshot(page, browser.SCREENSHOT_DIR / f"{JOURNEY}-{step}.png")


def present_criteria(page, application_path):
    """Type each criterion's presentation and wait for its autosave; the last one is also
    saved with its button."""
    page.goto(application_path)
    page.get_by_role("link", name=f"Rédiger le critère {CRITERIA[0]}", exact=True).click()
    for number in CRITERIA:
        expect(page).to_have_url(re.compile(rf"/criteres/{re.escape(number)}/$"))
        # labels.js starts listening on DOMContentLoaded: typing earlier is not autosaved
        page.wait_for_load_state("load")
        expect(page.get_by_role("heading", level=1)).to_contain_text(number)
        status = page.locator("[data-autosave-status]")
        page.get_by_label(re.compile(r"^Présentation du critère")).fill(
            f"Notre démarche pour le critère {number} ({RUN})."
        )
        expect(status).to_have_text(AUTOSAVED, timeout=AUTOSAVE_TIMEOUT_MS)
        if number != CRITERIA[-1]:
            page.get_by_role("link", name="Critère suivant").click()
    page.get_by_label(re.compile(r"^Annexes citées")).fill("annexe 1")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(message(page)).to_contain_text(f"Présentation du critère {CRITERIA[-1]} enregistrée.")
    expect(page).to_have_url(re.compile(rf"{application_path}#critere-{CRITERIA[-1]}$"))


def rate_every_criterion(page, option):
    """Choose `option` in every rating select of the page's form: each criterion's and, the
    target being Excellence, that of its Excellence requirements where it has some."""
    expect(page.locator("main form select[name$='-excellence_rating']")).not_to_have_count(0)
    ratings = page.locator("main form select[name$='rating']")
    assert ratings.count() > len(CRITERIA), ratings.count()
    for index in range(ratings.count()):
        ratings.nth(index).select_option(label=option)
    return ratings.count()


def assess_and_submit(page, application_path, who):
    page.goto(application_path)
    page.get_by_role("link", name="Mon évaluation des critères").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mon évaluation des critères")
    expect(page.locator("#others-hidden")).to_be_visible()
    rated = rate_every_criterion(page, "Atteint")
    assert page.locator("main form select").count() == rated  # every select of the page set
    comments = page.get_by_label(re.compile(r"^Commentaire$"))
    for index in range(comments.count()):
        comments.nth(index).fill(f"{who} : critère atteint.")
    page.get_by_label("Appréciation d'ensemble").fill(f"{who} : un dossier solide.")
    page.get_by_role("button", name="Transmettre mon évaluation").click()
    expect(message(page)).to_contain_text("Évaluation transmise")
    expect(page).to_have_url(re.compile(rf"{application_path}$"))


# ---------------------------------------------------------------- the journey


def test_a_label_application_from_the_draft_to_the_campus_label(
    page, new_context, demo_password, labels_setup, dossier_pdf
):
    accept_confirmations(page)
    today = timezone.localdate()
    yesterday = (today - timedelta(days=1)).isoformat()
    others = []

    # --- regional staff open a session, create the application, sign for the Region
    region = page
    login(region, "region", demo_password)
    region.goto("/labellisation/")
    region.get_by_role("link", name="Sessions d'expertise").click()
    region.get_by_role("link", name="Nouvelle session").click()
    region.get_by_label("Intitulé").fill(SESSION)
    region.get_by_label("Date limite de dépôt").fill((today + timedelta(days=60)).isoformat())
    region.get_by_label("Date de la session").fill((today + timedelta(days=90)).isoformat())
    region.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(message(region)).to_contain_text("Session d'expertise enregistrée")

    region.goto("/labellisation/")
    region.get_by_role("link", name="Nouvelle candidature").click()
    region.get_by_label(re.compile(r"^Campus\b")).select_option(label=SHORT_NAME)
    region.get_by_label(re.compile(r"^Objet\b")).select_option(label="Obtention du label")
    region.get_by_label(re.compile(r"^Catégorie visée")).select_option(label="Excellence")
    region.get_by_label(re.compile(r"^Session d'expertise")).select_option(label=SESSION)
    region.get_by_label("Présentation du projet").fill(
        "Un campus des métiers de l'essai automatisé, du lycée à l'université."
    )
    region.get_by_role("button", name="Créer la candidature").click()
    expect(region).to_have_url(re.compile(r"/labellisation/\d+/$"))
    application_path = url_path(region)
    expect(message(region)).to_contain_text("Candidature créée en brouillon")
    expect(region.get_by_role("heading", level=1)).to_have_text(f"Obtention du label – {CAMPUS}")
    expect(badge(region)).to_have_text("Brouillon")
    expect(region.locator("#deposit-problems")).to_contain_text("Avant le dépôt, il reste à")
    expect(region.locator("dl.facts")).to_contain_text("Excellence")
    expect(region.locator("dl.facts")).to_contain_text(SESSION)

    region.get_by_role("link", name="Signer pour la Région").click()
    region.get_by_label(re.compile(r"^Signataire")).fill("Valérie PÉCRESSE, Présidente")
    region.get_by_label(re.compile(r"^Signée le")).fill(yesterday)
    region.get_by_role("button", name="Enregistrer la signature").click()
    expect(message(region)).to_contain_text("Signature enregistrée")
    expect(region.locator("#porteurs")).to_contain_text("Valérie PÉCRESSE, Présidente")

    # --- the rectorate presents the criteria (autosaved), signs, records the opinions
    rectorate = new_page(new_context, "rectorat-paris", demo_password, others)
    present_criteria(rectorate, application_path)
    criteria = rectorate.locator("#criteres")
    expect(criteria.get_by_text("Non présenté.")).to_have_count(0)
    expect(criteria.locator(f'[id="critere-{CRITERIA[0]}"]')).to_contain_text(
        f"Notre démarche pour le critère {CRITERIA[0]}"
    )
    last = rectorate.locator(f'[id="critere-{CRITERIA[-1]}"]')
    expect(last).to_contain_text("Annexes citées : annexe 1")
    expect(last).to_contain_text("Version 2")

    rectorate.get_by_role("link", name="Signer pour le recteur").click()
    rectorate.get_by_label(re.compile(r"^Signataire")).fill("Le recteur de l'académie de Paris")
    rectorate.get_by_label(re.compile(r"^Signée le")).fill(yesterday)
    rectorate.get_by_role("button", name="Enregistrer la signature").click()
    expect(message(rectorate)).to_contain_text("Signature enregistrée")
    expect(rectorate.locator("#porteurs")).to_contain_text("Le recteur de l'académie de Paris")

    for body in ("CAEN", "CREFOP"):
        rectorate.get_by_role("link", name=f"Enregistrer l'avis {body}").click()
        expect(rectorate.get_by_role("heading", level=1)).to_have_text(f"Avis préalable du {body}")
        rectorate.get_by_label(re.compile(r"^Date de l'avis")).fill(yesterday)
        rectorate.locator("#id_opinion").select_option(label="Favorable")
        rectorate.get_by_role("button", name="Enregistrer l'avis").click()
        expect(message(rectorate)).to_contain_text("Avis enregistré")
    expect(rectorate.locator("#avis tbody")).to_contain_text("Favorable")
    expect(rectorate.locator("#avis tbody tr").filter(has_text="—")).to_have_count(2)  # no PDF

    rectorate.locator("#dossier").get_by_role("link", name="Joindre le dossier").click()
    rectorate.get_by_label(re.compile(r"^Fichier PDF")).set_input_files(dossier_pdf)
    rectorate.get_by_role("button", name="Joindre le dossier").click()
    expect(message(rectorate)).to_contain_text(f"Dossier joint ({DOSSIER_PAGES} pages).")
    expect(rectorate.locator("#dossier")).to_contain_text(f"{DOSSIER_PAGES} pages (20 au plus)")
    expect(rectorate.locator("#deposit-problems")).to_have_count(0)
    shot(rectorate, "01-ready-to-deposit")

    rectorate.get_by_role("button", name="Déposer la candidature").click()
    expect(message(rectorate)).to_contain_text("Candidature déposée")
    expect(badge(rectorate)).to_have_text("Déposée")
    expect(rectorate.locator("dl.facts")).to_contain_text(
        re.compile(rf"Déposée le\s*{today:%d/%m/%Y}")
    )
    expect(rectorate.locator("#actions").get_by_role("button", name="Déposer")).to_have_count(0)

    # --- the Region: admissible, two experts (the demo's is rapporteur), expertise started
    region.goto(application_path)
    region.get_by_role("link", name="Déclarer recevable").click()
    region.get_by_role("button", name="Déclarer recevable").click()
    expect(message(region)).to_contain_text("Candidature recevable : désignez les expert·es.")
    expect(badge(region)).to_have_text("Recevable")
    region.get_by_role("link", name="Expert·es désigné·es").click()
    expect(region.locator("#candidates")).to_contain_text(SECOND_EXPERT_NAME)
    for name, rapporteur in ((DEMO_EXPERT_NAME, True), (SECOND_EXPERT_NAME, False)):
        region.get_by_label(re.compile(r"^Expert·e\b")).select_option(label=name)
        if rapporteur:
            region.get_by_label("Rapporteur·e du groupe").check()
        region.get_by_role("button", name="Désigner").click()
        expect(message(region)).to_contain_text("Expert·e désigné·e.")
    assigned = region.locator("#assigned tbody tr")
    expect(assigned).to_have_count(2)
    expect(assigned.filter(has_text=DEMO_EXPERT_NAME)).to_contain_text("rapporteur·e")
    expect(assigned.filter(has_text=SECOND_EXPERT_NAME)).to_contain_text("en cours")
    region.get_by_role("button", name="Lancer l'expertise").click()
    expect(message(region)).to_contain_text("Expertise lancée")
    expect(badge(region)).to_have_text("En expertise")
    expect(region.locator("#expertise")).to_contain_text(DEMO_EXPERT_NAME)

    # --- the second expert assesses every criterion and submits
    second = new_page(new_context, SECOND_EXPERT, demo_password, others)
    expect(second.locator("#expert-applications")).to_contain_text(SHORT_NAME)
    assess_and_submit(second, application_path, SECOND_EXPERT_NAME)
    expect(second.locator("#expertise")).to_contain_text(
        f"{SECOND_EXPERT_NAME} — évaluation transmise le {today:%d/%m/%Y}"
    )

    # --- the rapporteur assesses, submits, sees the other's, sends a navette
    rapporteur = new_page(new_context, "expert", demo_password, others)
    home_row = rapporteur.locator("#expert-applications tr", has_text=SHORT_NAME)
    expect(home_row).to_contain_text("Votre évaluation des critères")
    assess_and_submit(rapporteur, application_path, DEMO_EXPERT_NAME)
    rapporteur.get_by_role("link", name="Mon évaluation (transmise)").click()
    expect(rapporteur.locator("#others")).to_contain_text(
        f"{SECOND_EXPERT_NAME} : critère atteint."
    )
    expect(rapporteur.locator("main form select").first).to_be_disabled()
    shot(rapporteur, "02-assessments")

    rapporteur.goto(application_path)
    rapporteur.get_by_role("link", name="Nouvelle navette").click()
    rapporteur.locator("#id_r-0-criterion").select_option("2.3")
    rapporteur.locator("#id_r-0-text").fill("Précisez la gouvernance du campus et ses instances.")
    rapporteur.get_by_label(re.compile(r"^Réponses attendues le")).fill(
        (today + timedelta(days=15)).isoformat()
    )
    rapporteur.get_by_role("button", name="Envoyer la navette").click()
    expect(message(rapporteur)).to_contain_text("Navette envoyée aux porteurs.")
    expect(badge(rapporteur)).to_have_text("Navette en cours")
    thread = rapporteur.locator("#navettes")
    expect(thread.locator(".thread")).to_have_count(1)  # the five blank rows were ignored
    expect(thread).to_contain_text("Navette n°1, recommandation R1")
    expect(thread).to_contain_text("Précisez la gouvernance du campus")

    # --- the campus's director answers, the rectorate sends the answers
    director = new_page(new_context, DIRECTOR, demo_password, others)
    director.goto(application_path)
    expect(badge(director)).to_have_text("Navette en cours")
    director.get_by_role("link", name="Répondre R1").click()
    director.get_by_label(re.compile(r"^Réponse\b")).fill(
        "Un comité de pilotage trimestriel réunit la Région, le rectorat et les entreprises."
    )
    director.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(message(director)).to_contain_text("Réponse enregistrée.")
    expect(director).to_have_url(re.compile(r"#navette-1-R1$"))
    item = director.locator("#navette-1-R1")
    expect(item).to_contain_text("Un comité de pilotage trimestriel")
    expect(item).to_contain_text("non envoyée")

    rectorate.goto(application_path)
    rectorate.get_by_role("button", name="Envoyer les réponses de la navette n°1").click()
    expect(message(rectorate)).to_contain_text("Réponses envoyées au groupe d'experts.")
    expect(badge(rectorate)).to_have_text("Réponses reçues")
    expect(rectorate.locator("#navette-1-R1")).not_to_contain_text("non envoyée")

    # --- the rapporteur marks the answer: the README's picture of the page in expertise
    rapporteur.goto(application_path)
    rapporteur.get_by_role("link", name="Apprécier la réponse R1").click()
    rapporteur.get_by_label(re.compile(r"^Prise en compte de la réponse")).select_option(
        label="Prise en compte"
    )
    rapporteur.get_by_label(re.compile(r"^Commentaire")).fill("Réponse précise et suffisante.")
    rapporteur.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(message(rapporteur)).to_contain_text("Appréciation enregistrée.")
    marked = rapporteur.locator("#navette-1-R1")
    expect(marked.locator(".thread__mark")).to_contain_text("Prise en compte")
    expect(marked.locator(".thread__mark")).to_contain_text("Réponse précise et suffisante.")
    expect(badge(rapporteur)).to_have_text("Réponses reçues")
    rapporteur.set_viewport_size({"width": 1280, "height": 900})
    rapporteur.evaluate("window.scrollTo(0, 0)")
    # A full-page capture draws sticky table headers over the rows: unstick them for it
    # (through the CSSOM: the page's CSP refuses an added <style>).
    rapporteur.evaluate(
        "document.querySelectorAll('table.data thead th')"
        ".forEach(function (th) { th.style.position = 'static'; })"
    )
    browser.SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    picture = browser.SCREENSHOT_DIR / "labels-application.png"
    rapporteur.screenshot(caret="initial", path=str(picture), full_page=True)

    # --- the rapporteur consolidates and gives the group's opinion
    rapporteur.get_by_role("link", name="Avis du groupe (rapporteur·e)").click()
    expect(rapporteur.get_by_role("heading", level=1)).to_have_text("Avis du groupe d'experts")
    first = rapporteur.locator(f'[id="critere-{CRITERIA[0]}"]')
    expect(first.locator(".assessments li")).to_have_count(2)
    expect(first).to_contain_text(f"{SECOND_EXPERT_NAME} : Atteint")
    rate_every_criterion(rapporteur, "Atteint")
    syntheses = rapporteur.get_by_label(re.compile(r"^Synthèse"))
    for index in range(syntheses.count()):
        syntheses.nth(index).fill("Atteint, selon les deux expert·es.")
    rapporteur.locator("#id_opinion").select_option(label="Favorable")
    rapporteur.get_by_label(re.compile(r"^Motivation")).fill(
        "Le groupe d'experts est favorable à la labellisation Excellence."
    )
    shot(rapporteur, "03-consolidation")
    rapporteur.get_by_role("button", name="Rendre l'avis du groupe").click()
    expect(message(rapporteur)).to_contain_text("Avis du groupe d'experts rendu.")
    expect(badge(rapporteur)).to_have_text("Avis du groupe d'experts")
    group = rapporteur.locator("#avis-du-groupe")
    expect(group).to_contain_text("Favorable")
    expect(group).to_contain_text("favorable à la labellisation Excellence")

    # --- the Region records the decision; the campus page shows the label
    start = today
    end = add_years(start, 5) - timedelta(days=1)
    region.goto(application_path)
    region.get_by_role("link", name="Enregistrer la décision").click()
    region.get_by_label(re.compile(r"^Décision\b")).select_option(label="Labellisé")
    region.get_by_label(re.compile(r"^Date de l'arrêté")).fill(today.isoformat())
    region.get_by_label(re.compile(r"^Référence de l'arrêté")).fill(REFERENCE)
    region.get_by_label(re.compile(r"^Début du label")).fill(start.isoformat())
    region.get_by_label(re.compile(r"^Fin du label")).fill(end.isoformat())
    region.get_by_role("button", name="Enregistrer la décision").click()
    expect(message(region)).to_contain_text("Décision enregistrée")
    expect(badge(region)).to_have_text("Décision rendue")
    decision = region.locator("#decision")
    expect(decision).to_contain_text("Labellisé")
    expect(decision).to_contain_text(f"{REFERENCE}, {today:%d/%m/%Y}")
    expect(decision).to_contain_text(f"{start:%d/%m/%Y} – {end:%d/%m/%Y}")
    shot(region, "04-decided")

    decision.get_by_role("link", name=SHORT_NAME).click()
    expect(region).to_have_url(re.compile(r"/campus/\d+/$"))
    expect(region.get_by_role("heading", level=1)).to_have_text(CAMPUS)
    expect(region.locator("main > p").first).to_contain_text("Labellisé")
    expect(region.locator("main > p").first).to_contain_text(f"label jusqu'au {end:%d/%m/%Y}")
    periods = region.locator("#periodes tbody tr")
    expect(periods).to_have_count(1)
    expect(periods.first).to_contain_text("Excellence")
    expect(periods.first).to_contain_text(REFERENCE)
    labelling = region.locator("#campus-labelling")
    expect(labelling).to_contain_text(
        f"Obtention du label – Excellence : Décision rendue (Labellisé, {today:%d/%m/%Y})"
    )
    expect(labelling).to_contain_text("Rétroplanning du renouvellement")
    assert not others, f"Uncaught JavaScript errors: {others}"
