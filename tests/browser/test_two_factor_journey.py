"""Two-factor authentication in Chromium: the demo code of the staff demo accounts, and a
director who enrols an authenticator application, logs in with it, then with a recovery code.

The director (dir-energie) is used by no other browser test; the journey removes the second
factor at its end, so the shared demo database is left as it was.
"""

import re
import time
from base64 import b32decode
from pathlib import Path

from django.conf import settings
from django_otp.oath import TOTP
from playwright.sync_api import expect

from tests.browser.test_journeys import url_path

CODE_PAGE = "/comptes/connexion/code/"
SCREENSHOT_DIR = Path(settings.BASE_DIR) / "var" / "screenshots"


def password_step(page, username, password):
    page.goto("/comptes/connexion/")
    page.get_by_label("Identifiant ou adresse e-mail").fill(username)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Se connecter").click()


def code_from_secret(secret, steps_ahead=0):
    """What the person's application shows for the secret of the enrolment page."""
    key = b32decode(secret.replace(" ", "") + "=" * (-len(secret.replace(" ", "")) % 8))
    totp = TOTP(key)
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


def test_a_staff_demo_account_logs_in_with_the_documented_demo_code(page, demo_password):
    password_step(page, "region", demo_password)
    expect(page).to_have_url(re.compile(CODE_PAGE + "$"))

    page.get_by_label("Code de vérification").fill("000000")
    page.get_by_role("button", name="Vérifier").click()
    expect(page.locator("#id_code_error")).to_contain_text("Code incorrect ou expiré")

    page.get_by_label("Code de vérification").fill(settings.DEMO_OTP_CODE)
    page.get_by_role("button", name="Vérifier").click()
    expect(page).to_have_url(re.compile(r"^https?://[^/]+/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bonjour")


def test_a_director_enrols_then_logs_in_with_two_factors(page, demo_password):
    password_step(page, "dir-energie", demo_password)
    expect(page).to_have_url(re.compile(r"^https?://[^/]+/$"))  # not enrolled: one step

    page.goto("/comptes/securite/")
    page.get_by_role("link", name="Activer la double authentification").click()
    expect(page.locator("figure.qr-code svg")).to_be_visible()
    secret = page.locator("#totp-secret").inner_text()
    # Kept with the CI artefacts: the enrolment page as a person sees it (QR code, secret).
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT_DIR / "two_factor_enrolment.png"), caret="initial")
    page.get_by_label("Code affiché par l'application").fill(code_from_secret(secret))
    page.get_by_role("button", name="Activer").click()

    expect(page).to_have_url(re.compile(r"/comptes/securite/codes/$"))
    codes = page.locator("#recovery-code-list li")
    expect(codes).to_have_count(10)
    recovery = [codes.nth(n).inner_text().strip() for n in range(2)]

    page.get_by_role("button", name="Se déconnecter").click()
    password_step(page, "dir-energie", demo_password)
    expect(page).to_have_url(re.compile(CODE_PAGE + "$"))
    # The enrolment used this step's code: the application's next one.
    page.get_by_label("Code de vérification").fill(code_from_secret(secret, steps_ahead=1))
    page.get_by_role("button", name="Vérifier").click()
    expect(page).to_have_url(re.compile(r"^https?://[^/]+/$"))

    page.get_by_role("button", name="Se déconnecter").click()
    password_step(page, "dir-energie", demo_password)
    page.get_by_label("Code de vérification").fill(recovery[0])
    page.get_by_role("button", name="Vérifier").click()
    expect(page.get_by_text("il vous en reste 9")).to_be_visible()

    # Leave the shared demo account as it was: remove the second factor (a recovery code).
    page.goto("/comptes/securite/")
    page.locator("#remove-two-factor").get_by_label("Code de vérification").fill(recovery[1])
    page.get_by_role("button", name="Retirer").click()
    expect(page.get_by_text("La double authentification est retirée.")).to_be_visible()
    assert url_path(page) == "/comptes/securite/"
