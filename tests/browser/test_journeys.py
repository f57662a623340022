"""User journeys through the portal in Chromium, against the demo data (see conftest.py).

The server's database is shared by the whole session: records created here carry a suffix
unique to the run, and no test relies on another one having run.
"""

import io
import re
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect

# Unique per run: names created by these tests never clash with the demo data or each other.
RUN = uuid.uuid4().hex[:6]

IA_NAME = "Campus des métiers et des qualifications Intelligence Artificielle"
IA_SHORT_NAME = "Intelligence artificielle"
NUMERIQUE = "Numérique, télécommunications"


# ---------------------------------------------------------------- helpers


def luhn_check_digit(payload):
    """The digit that makes `payload + digit` pass the Luhn check (INSEE's SIRET key)."""
    total = 0
    for position, char in enumerate(reversed(payload + "0")):
        value = int(char)
        if position % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return str((10 - total % 10) % 10)


def valid_siret():
    """A SIRET with a correct Luhn key, unique to this run (never La Poste's SIREN 356000000)."""
    payload = "7" + f"{uuid.uuid4().int % 10**12:012d}"
    return payload + luhn_check_digit(payload)


def url_path(page):
    return re.sub(r"^https?://[^/]+", "", page.url)


def login(page, username, password):
    page.goto("/comptes/connexion/")
    page.get_by_label("Identifiant ou adresse e-mail").fill(username)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Se connecter").click()
    expect(page).to_have_url(re.compile(r"^https?://[^/]+/(comptes/connexion/code/)?$"))
    if "/comptes/connexion/code/" in page.url:
        # The staff demo accounts' second factor: the documented demo code (DEBUG server).
        page.get_by_label("Code de vérification").fill(settings.DEMO_OTP_CODE)
        page.get_by_role("button", name="Vérifier").click()
    expect(page).to_have_url(re.compile(r"^https?://[^/]+/$"))


def field_error(page, field_id):
    """The error paragraph that form.html renders next to a field."""
    return page.locator(f"#{field_id}_error")


def name_field(page):
    """The campus's « Nom » (not « Nom court »)."""
    return page.get_by_label(re.compile(r"^Nom\b(?! court)"))


def save(page):
    page.get_by_role("button", name="Enregistrer").click()


def campus_rows(page):
    return page.locator("#campus-table tbody tr")


def filter_registry(page, *, academy=None, search=None):
    if academy is not None:
        page.get_by_label("Académie").select_option(label=academy)
    if search is not None:
        page.get_by_label("Recherche").fill(search)
    page.get_by_role("button", name="Filtrer").click()


# ---------------------------------------------------------------- 1. registry journey


def test_regional_staff_create_organisation_campus_and_label(page, new_context, demo_password):
    login(page, "region", demo_password)
    org_name = f"Lycée des essais navigateur {RUN}"
    short_name = f"Essais navigateur {RUN}"
    campus_name = f"Campus des métiers et des qualifications Essais navigateur {RUN}"
    # A second tab of the same session, to look around without leaving the form in error.
    other_tab = page.context.new_page()

    # --- an organisation: a wrong SIRET is refused, in French, next to the field
    page.goto("/organismes/")
    page.get_by_role("link", name="Nouvel organisme").click()
    expect(page).to_have_url(re.compile(r"/organismes/nouveau/$"))
    page.get_by_label("Raison sociale").fill(org_name)
    page.get_by_label("Statut juridique").select_option(label="EPLE (lycée, collège)")
    page.get_by_label("SIRET").fill("12345678901234")
    save(page)

    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Le formulaire contient des erreurs")
    expect(summary.get_by_role("link", name=re.compile("SIRET"))).to_be_visible()
    expect(field_error(page, "id_siret")).to_contain_text("clé de contrôle")

    other_tab.goto(f"/organismes/?q={RUN}")
    expect(other_tab.get_by_text("Aucun organisme ne correspond.")).to_be_visible()

    siret = valid_siret()
    page.get_by_label("SIRET").fill(siret)
    save(page)
    expect(page).to_have_url(re.compile(r"/organismes/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(org_name)
    expect(page.get_by_role("status")).to_contain_text(
        f"L'organisme « {org_name} » a été enregistré"
    )
    expect(page.locator("dl.facts")).to_contain_text(siret)

    # --- a campus
    page.goto("/campus/")
    page.get_by_role("link", name="Nouveau campus").click()
    expect(page).to_have_url(re.compile(r"/campus/nouveau/$"))
    name_field(page).fill(campus_name)
    page.get_by_label("Nom court").fill(short_name)
    page.get_by_label("Famille de secteurs").select_option(label=NUMERIQUE)
    page.get_by_label("Créteil", exact=True).check()
    page.get_by_label("Description").fill(f"Campus créé par les tests navigateur ({RUN}).")
    save(page)
    expect(page).to_have_url(re.compile(r"/campus/\d+/$"))
    campus_path = url_path(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(campus_name)
    expect(page.locator("#identite")).to_contain_text("Créteil")
    expect(page.locator("#identite")).to_contain_text(NUMERIQUE)

    # --- its support institution: the organisation just created
    page.get_by_role("link", name="Ajouter : établissement support").click()
    expect(page).to_have_url(re.compile(r"/campus/\d+/etablissements-support/ajouter/$"))
    page.get_by_label("Établissement support").select_option(label=org_name)
    page.get_by_label("Début").fill("2024-09-01")
    save(page)
    expect(page).to_have_url(re.compile(rf"{campus_path}#etablissements-support$"))
    expect(page.locator("#etablissements-support table")).to_contain_text(org_name)
    expect(page.locator("#identite")).to_contain_text(org_name)  # current support institution

    # --- a label period: an end before the start is refused on the end field
    start = timezone.localdate() - timedelta(days=30)
    end = start.replace(year=start.year + 5) - timedelta(days=1)
    page.get_by_role("link", name="Ajouter : période de labellisation").click()
    expect(page).to_have_url(re.compile(r"/campus/\d+/periodes/ajouter/$"))
    page.get_by_label("Catégorie").select_option(label="CMQ")
    page.get_by_label("Début").fill(start.isoformat())
    page.get_by_label("Fin").fill((start - timedelta(days=1)).isoformat())
    save(page)
    expect(page.locator("#error-summary")).to_be_visible()
    expect(field_error(page, "id_end")).to_contain_text(
        "La date de fin doit être postérieure ou égale à la date de début"
    )
    other_tab.goto(campus_path)
    expect(other_tab.locator("#periodes")).to_contain_text("Aucune période de labellisation.")

    page.get_by_label("Fin").fill(end.isoformat())
    save(page)
    expect(page).to_have_url(re.compile(rf"{campus_path}#periodes$"))
    periods = page.locator("#periodes table tbody tr")
    expect(periods).to_have_count(1)
    expect(periods.first).to_contain_text(start.strftime("%d/%m/%Y"))
    expect(periods.first).to_contain_text(end.strftime("%d/%m/%Y"))
    expect(page.locator("main > p").first).to_contain_text("Labellisé")

    # --- the registry: found by academy Créteil and search, absent under Versailles
    page.goto("/campus/")
    filter_registry(page, academy="Créteil", search=RUN)
    expect(campus_rows(page)).to_have_count(1)
    expect(campus_rows(page).first.get_by_role("link", name=short_name)).to_be_visible()
    expect(campus_rows(page).first).to_contain_text(org_name)

    filter_registry(page, academy="Versailles", search=RUN)
    expect(page.get_by_role("link", name=short_name)).to_have_count(0)
    expect(page.get_by_text("Aucun campus ne correspond.")).to_be_visible()

    filter_registry(page, academy="Versailles", search="")
    expect(campus_rows(page).first).to_be_visible()
    expect(page.get_by_role("link", name=short_name)).to_have_count(0)
    other_tab.close()


def test_organisation_siret_pasted_with_spaces_is_accepted(page, demo_password):
    login(page, "region", demo_password)
    org_name = f"Organisme SIRET espacé {RUN}"
    siret = valid_siret()
    spaced = f"{siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]}"
    page.goto("/organismes/nouveau/")
    page.get_by_label("Raison sociale").fill(org_name)
    page.get_by_label("Statut juridique").select_option(label="Association")
    page.get_by_label("SIRET").fill(spaced)
    save(page)

    expect(page).to_have_url(re.compile(r"/organismes/\d+/$"), timeout=3_000)
    expect(page.locator("dl.facts")).to_contain_text(siret)


# ---------------------------------------------------------------- 2. a director's scope


def _another_campus_path(new_context, demo_password):
    """As regional staff, the path of a demo campus other than the IA campus."""
    page = new_context().new_page()
    login(page, "region", demo_password)
    page.goto("/campus/")
    links = page.locator("#campus-table tbody th a")
    expect(links.first).to_be_visible()
    for index in range(links.count()):
        link = links.nth(index)
        if link.inner_text().strip() != IA_SHORT_NAME:
            return link.get_attribute("href"), link.inner_text().strip()
    raise AssertionError("The demo data should have more than one campus.")


def test_director_sees_only_their_campus(page, new_context, demo_password):
    other_path, other_short_name = _another_campus_path(new_context, demo_password)

    login(page, "dir-ia", demo_password)
    expect(page.get_by_role("heading", level=1)).to_have_text("Mon campus")
    cards = page.locator("main section.card")
    expect(cards).to_have_count(1)
    expect(cards.get_by_role("heading", level=2)).to_have_text(IA_NAME)

    page.goto("/campus/")
    expect(campus_rows(page)).to_have_count(1)
    expect(campus_rows(page).first.get_by_role("link")).to_have_text(IA_SHORT_NAME)
    expect(page.get_by_role("link", name="Nouveau campus")).to_have_count(0)
    expect(page.get_by_role("link", name="XLSX")).to_have_count(0)

    response = page.goto(other_path)
    assert response is not None and response.status == 404
    expect(page.get_by_text(other_short_name)).to_have_count(0)


# ---------------------------------------------------------------- 3. duplicate name


@pytest.mark.parametrize(
    "name",
    [IA_NAME, IA_NAME.lower()],  # the check ignores case (ASCII letters here)
    ids=["same-name", "other-case"],
)
def test_duplicate_campus_name_is_refused_on_the_name_field(page, demo_password, name, request):
    login(page, "region", demo_password)
    short_name = f"Doublon {RUN} {request.node.callspec.id}"
    page.goto("/campus/nouveau/")
    name_field(page).fill(name)
    page.get_by_label("Nom court").fill(short_name)
    page.get_by_label("Famille de secteurs").select_option(label=NUMERIQUE)
    page.get_by_label("Paris", exact=True).check()
    save(page)

    expect(page).to_have_url(re.compile(r"/campus/nouveau/$"))
    expect(page.locator("#error-summary")).to_be_visible()
    expect(field_error(page, "id_name")).to_contain_text("Un campus porte déjà ce nom")
    expect(field_error(page, "id_short_name")).to_have_count(0)
    expect(name_field(page)).to_have_value(name)

    registry = page.context.new_page()
    registry.goto(f"/campus/?q={short_name}")
    expect(registry.get_by_text("Aucun campus ne correspond.")).to_be_visible()
    registry.close()


# ---------------------------------------------------------------- 4. keyboard / accessibility


def test_login_errors_summary_is_focused_and_links_to_fields(page):
    page.goto("/comptes/connexion/")
    page.get_by_role("button", name="Se connecter").click()

    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    assert page.evaluate("document.activeElement.id") == "error-summary"

    hrefs = summary.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert len(hrefs) == 2, hrefs  # username and password are both required
    for href in hrefs:
        assert href.startswith("#"), href
        assert page.evaluate("id => document.getElementById(id) !== null", href[1:]), href


def test_login_error_link_moves_keyboard_focus_to_its_field(page):
    page.goto("/comptes/connexion/")
    page.get_by_role("button", name="Se connecter").click()
    expect(page.locator("#error-summary")).to_be_focused()

    page.keyboard.press("Tab")  # from the summary to its first link
    expect(page.locator("#error-summary a").first).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Identifiant ou adresse e-mail")).to_be_focused()


# ---------------------------------------------------------------- 5. draft autosave


def test_campus_form_draft_is_restored_after_reload(page, demo_password):
    login(page, "region", demo_password)
    page.goto("/campus/nouveau/")
    text = f"Brouillon de description {RUN} : à ne pas perdre."
    page.get_by_label("Description").fill(text)
    page.wait_for_function(
        "text => (localStorage.getItem('cmq-draft:campus-new') || '').includes(text)", arg=text
    )

    page.reload()
    notice = page.locator(".draft-notice")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("brouillon")
    expect(page.get_by_label("Description")).to_have_value("")

    page.get_by_role("button", name="Restaurer le brouillon").click()
    expect(page.get_by_label("Description")).to_have_value(text)
    expect(notice).to_contain_text("Le brouillon a été restauré")


# ---------------------------------------------------------------- 6. export


def test_registry_export_xlsx_is_downloadable(page, demo_password):
    from openpyxl import load_workbook

    login(page, "region", demo_password)
    page.goto("/campus/")
    page.get_by_role("link", name="XLSX", exact=True).click()

    expect(page).to_have_url(re.compile(r"/taches/[0-9a-f-]{36}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Export du registre des campus (XLSX)"
    )
    expect(page.get_by_label("Avancement")).to_be_visible()
    download_link = page.get_by_role("link", name="Télécharger le fichier")
    expect(download_link).to_be_visible()
    expect(page.get_by_label("Avancement")).to_have_js_property("value", 100)
    expect(page.locator("[data-job-text]")).to_contain_text("prêt")

    with page.expect_download() as download_info:
        download_link.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx"), download.suggested_filename
    content = Path(download.path()).read_bytes()
    assert content[:2] == b"PK", content[:16]
    sheet = load_workbook(io.BytesIO(content), read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("Nom", "Nom court"), rows[0]
    assert IA_NAME in [row[0] for row in rows[1:]]


# ---------------------------------------------------------------- 7. logout


def test_logout_then_registry_redirects_to_login(page, demo_password):
    login(page, "region", demo_password)
    page.get_by_role("button", name="Se déconnecter").click()
    expect(page).to_have_url(re.compile(r"/comptes/connexion/"))
    expect(page.get_by_role("button", name="Se déconnecter")).to_have_count(0)

    page.goto("/campus/")
    expect(page).to_have_url(re.compile(r"/comptes/connexion/\?next=/campus/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Connexion au portail CMQ")
