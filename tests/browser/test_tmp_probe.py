
from tests.browser.test_journeys import IA_NAME, NUMERIQUE, login, name_field, save


def test_probe(page, demo_password):
    login(page, "region", demo_password)
    page.goto("/campus/nouveau/")
    name_field(page).fill(IA_NAME.upper())
    page.get_by_label("Nom court").fill("intelligence ARTIFICIELLE")
    page.get_by_label("Famille de secteurs").select_option(label=NUMERIQUE)
    page.get_by_label("Paris", exact=True).check()
    save(page)
    print(page.locator("#error-summary").inner_html())
    print(
        page.locator("#id_name_error").inner_text(),
        "|",
        page.locator("#id_short_name_error").count(),
    )
    print(page.evaluate("document.activeElement.id"))
    # aria names
    print(
        page.get_by_role("textbox").evaluate_all(
            "els => els.map(e => e.id + ' ' + (e.labels[0] && e.labels[0].innerText))"
        )
    )
    page.goto("/organismes/nouveau/")
    page.get_by_label("Raison sociale").fill("x")
    page.get_by_label("Statut juridique").select_option(label="Association")
    page.get_by_label("SIRET").fill("130 025 976 00015")
    save(page)
    print(page.url, page.locator("#error-summary").count())
    if page.locator("#error-summary").count():
        print(page.locator("#error-summary").inner_text())
    print("JS", page.js_errors)
