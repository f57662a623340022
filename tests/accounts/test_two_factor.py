"""Two-factor authentication on the portal's pages: enrolment, the login's second step,
recovery codes, the administrator's deadline, the demo accounts' documented code."""

import os
import subprocess
import sys

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import two_factor
from accounts.models import DemoDevice, Role
from audit.models import AuditEntry

from .two_factor_helpers import PASSWORD, code_of, enrolled, fresh_code, make_user, required_from

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
LOGIN_CODE = reverse("accounts:login_code")
SECURITY = reverse("accounts:two_factor")
ENROL = reverse("accounts:two_factor_enrol")
CODES = reverse("accounts:two_factor_codes")


@pytest.fixture(autouse=True)
def no_throttle_delay(settings):
    # django-otp makes a device wait 1, 2, 4… s after a wrong code; the lockout is what we test.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def password_step(client, username):
    return client.post(LOGIN, {"username": username, "password": PASSWORD})


def is_logged_in(client):
    return client.get(reverse("accounts:two_factor")).status_code == 200


def two_factor_entries(user):
    return AuditEntry.objects.filter(
        content_type__app_label="accounts",
        object_id=str(user.pk),
        changes__has_key="double authentification",
    )


# ---------------------------------------------------------------- enrolment


def test_enrolment_shows_the_secret_and_a_qr_code_and_needs_a_first_code():
    user = make_user("agent-enrol")
    client = logged_in(user)

    page = client.get(ENROL)
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    html = page.content.decode()
    assert two_factor.secret_of(device) in html
    assert "<svg" in html and "<script" not in html.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert client.get(ENROL).content.decode().count(two_factor.secret_of(device)) == 1  # same

    wrong = client.post(ENROL, {"code": "000000" if code_of(device) != "000000" else "111111"})
    assert wrong.status_code == 200
    assert "Ce code ne correspond pas" in wrong.content.decode()
    assert 'id="id_code_error"' in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()

    confirmed = client.post(ENROL, {"code": code_of(device)})
    assert confirmed.status_code == 302 and confirmed.url == CODES
    device.refresh_from_db()
    assert device.confirmed
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id  # session verified

    codes_page = client.get(CODES).content.decode()
    codes = list(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    assert len(codes) == two_factor.RECOVERY_CODE_COUNT
    assert all(code in codes_page for code in codes)
    again = client.get(CODES).content.decode()
    assert not any(code in again for code in codes)  # shown once
    assert two_factor_entries(user).count() == 1


def test_the_security_page_of_someone_else_is_never_shown():
    # There is no per-account URL: each person sees and changes only their own second factor.
    owner, other = make_user("agent-owner"), make_user("agent-other")
    device, codes = enrolled(owner)
    page = logged_in(other).get(SECURITY).content.decode()
    assert codes[0] not in page and "Activer la double authentification" in page


def test_regenerated_codes_replace_the_old_ones():
    user = make_user("agent-regen")
    device, old_codes = enrolled(user)
    client = logged_in(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()

    response = client.post(reverse("accounts:two_factor_regenerate"))
    assert response.url == CODES
    assert two_factor.verify(user, old_codes[0]) is None
    new_codes = set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    assert len(new_codes) == 10 and not new_codes & set(old_codes)


def test_regenerating_codes_needs_a_verified_session():
    user = make_user("agent-regen-unverified")
    _device, old_codes = enrolled(user)
    logged_in(user).post(reverse("accounts:two_factor_regenerate"))
    assert set(
        StaticToken.objects.filter(device__user=user).values_list("token", flat=True)
    ) == set(old_codes)


def test_removal_needs_a_current_code_and_is_journaled():
    user = make_user("dir-remove", role=Role.DIRECTOR)
    device, _codes = enrolled(user)
    client = logged_in(user)

    client.post(reverse("accounts:two_factor_remove"), {"remove-code": "nimporte"})
    assert TOTPDevice.objects.filter(user=user).exists()

    client.post(reverse("accounts:two_factor_remove"), {"remove-code": fresh_code(device)})
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not two_factor.has_second_factor(user)
    changes = [entry.changes["double authentification"] for entry in two_factor_entries(user)]
    assert ["activée", "retirée"] in changes
    assert ["", "code refusé (retrait)"] in changes


def test_an_account_manager_resets_the_second_factor_of_someone_who_lost_their_phone(client_of):
    user = make_user("agent-lost-phone")
    enrolled(user)
    reset = reverse("accounts:user_reset_two_factor", args=[user.pk])

    assert (
        logged_in(make_user("dir-not-manager", role=Role.DIRECTOR)).post(reset).status_code == 403
    )
    assert two_factor.has_second_factor(user)

    client_of("region").post(reset)
    assert not two_factor.has_second_factor(user)
    assert two_factor_entries(user).filter(actor__username="region").exists()


# ---------------------------------------------------------------- the login's second step


def test_without_a_device_the_password_is_enough():
    client = Client()
    response = password_step(client, make_user("agent-plain").username)
    assert response.status_code == 302 and response.url == reverse("home")


def test_with_a_device_the_login_asks_for_the_code_then_verifies_the_session():
    user = make_user("agent-2fa")
    device, _codes = enrolled(user)
    client = Client()

    response = password_step(client, user.username)
    assert response.status_code == 302 and response.url == LOGIN_CODE
    assert not is_logged_in(client)  # the password alone opens nothing

    page = client.get(LOGIN_CODE)
    assert page.status_code == 200 and "Code de vérification" in page.content.decode()
    response = client.post(LOGIN_CODE, {"code": fresh_code(device)})
    assert response.status_code == 302 and response.url == reverse("home")
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert is_logged_in(client)


def test_the_next_page_survives_the_second_step():
    user = make_user("agent-next")
    device, _codes = enrolled(user)
    client = Client()
    client.post(LOGIN, {"username": user.username, "password": PASSWORD, "next": "/campus/"})
    assert client.post(LOGIN_CODE, {"code": fresh_code(device)}).url == "/campus/"


def test_a_wrong_code_gives_a_french_message_next_to_the_field_and_counts_as_a_failure():
    user = make_user("agent-wrong")
    device, _codes = enrolled(user)
    client = Client()
    password_step(client, user.username)

    response = client.post(LOGIN_CODE, {"code": "12345x"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_code_error"' in html and "Code incorrect ou expiré" in html
    assert not is_logged_in(client)
    assert AccessAttempt.objects.get(username=user.username).failures_since_start == 1
    assert [e.changes["double authentification"] for e in two_factor_entries(user)][0] == [
        "",
        "code refusé (connexion)",
    ]

    # The right code still works, and a login resets the count.
    client.post(LOGIN_CODE, {"code": fresh_code(device)})
    assert is_logged_in(client)
    assert not AccessAttempt.objects.filter(username=user.username).exists()


def test_wrong_codes_lock_the_account_like_wrong_passwords():
    user = make_user("agent-locked")
    device, _codes = enrolled(user)
    client = Client()
    password_step(client, user.username)
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert client.post(LOGIN_CODE, {"code": "999999x"}).status_code == 200
    last = client.post(LOGIN_CODE, {"code": "999999x"})
    assert last.status_code == 429 and "15 minutes" in last.content.decode()

    # Locked: neither the password step nor a right code gets in.
    retry = Client()
    assert password_step(retry, user.username).status_code == 429
    assert retry.post(LOGIN_CODE, {"code": fresh_code(device)}).status_code == 302
    assert not is_logged_in(retry)


def test_a_recovery_code_works_once():
    user = make_user("agent-recovery")
    _device, codes = enrolled(user)

    first = Client()
    password_step(first, user.username)
    response = first.post(LOGIN_CODE, {"code": codes[0].upper()}, follow=True)
    assert is_logged_in(first)
    assert "il vous en reste 9" in response.content.decode()

    second = Client()
    password_step(second, user.username)
    response = second.post(LOGIN_CODE, {"code": codes[0]})
    assert response.status_code == 200 and "Code incorrect" in response.content.decode()
    assert not is_logged_in(second)


def test_the_code_step_without_a_password_step_goes_back_to_the_login():
    response = Client().post(LOGIN_CODE, {"code": "123456"})
    assert response.status_code == 302 and response.url == LOGIN


def test_the_code_step_expires(monkeypatch):
    user = make_user("agent-slow")
    device, _codes = enrolled(user)
    client = Client()
    password_step(client, user.username)
    monkeypatch.setattr(two_factor, "PENDING_LIFETIME", two_factor.PENDING_LIFETIME * 0)
    response = client.post(LOGIN_CODE, {"code": fresh_code(device)})
    assert response.status_code == 302 and response.url == LOGIN
    assert not is_logged_in(client)


def test_a_director_may_enrol_and_is_then_asked_for_the_code():
    director = make_user("dir-volontaire", role=Role.DIRECTOR)
    client = Client()
    assert password_step(client, director.username).url == reverse("home")

    device, _codes = enrolled(director)
    client = Client()
    assert password_step(client, director.username).url == LOGIN_CODE
    client.post(LOGIN_CODE, {"code": fresh_code(device)})
    assert is_logged_in(client)


# ---------------------------------------------------------------- the administrator's deadline


@pytest.mark.parametrize("role", [Role.REGIONAL, Role.ADMIN])
def test_past_the_deadline_staff_are_sent_to_enrolment_from_every_page(role):
    required_from(0)
    user = make_user(f"agent-{role}")
    client = logged_in(user)

    for url in ["/", "/campus/", "/conventions/"]:
        response = client.get(url)
        assert response.status_code == 302 and response.url == SECURITY, url
    security = client.get(SECURITY).content.decode()
    assert "obligatoire pour votre rôle depuis le" in security
    assert client.get(ENROL).status_code == 200

    # The API with this session answers 403 instead of a redirect.
    api = client.get("/api/v1/campuses/")
    assert api.status_code == 403 and "double authentification" in api.json()["detail"]

    device = TOTPDevice.objects.get(user=user, confirmed=False)
    client.post(ENROL, {"code": code_of(device)})
    assert client.get("/campus/").status_code == 200


def test_past_the_deadline_rectorate_staff_are_sent_to_enrolment_too(user_of):
    required_from(-10)
    client = logged_in(user_of("rectorat-paris"))
    assert client.get("/campus/").url == SECURITY


def test_past_the_deadline_a_session_opened_before_enrolling_elsewhere_is_confirmed_by_a_code():
    required_from(-1)
    user = make_user("agent-old-session")
    client = logged_in(user)  # opened before the device existed
    device, _codes = enrolled(user)
    assert client.get("/campus/").url == SECURITY

    client.post(reverse("accounts:two_factor_verify"), {"verify-code": fresh_code(device)})
    assert client.get("/campus/").status_code == 200


def test_before_the_deadline_staff_use_the_portal_and_see_an_invitation():
    policy = required_from(30)
    client = logged_in(make_user("agent-early"))
    assert client.get("/campus/").status_code == 200
    home = client.get("/").content.decode()
    assert "sera obligatoire pour votre compte à partir du" in home
    assert policy.required_from.strftime("%d/%m/%Y") in home
    assert ENROL in home


def test_the_home_page_reads_the_policy_once_and_a_change_shows_on_the_next_request():
    required_from(30)
    client = logged_in(make_user("agent-policy-once"))
    with CaptureQueriesContext(connection) as queries:
        home = client.get("/").content.decode()
    assert "sera obligatoire pour votre compte" in home
    reads = [q["sql"] for q in queries if "accounts_twofactorpolicy" in q["sql"]]
    assert len(reads) == 1, reads  # the middleware's read, reused by the home page's block
    policy = required_from(60)
    assert policy.required_from.strftime("%d/%m/%Y") in client.get("/").content.decode()


def test_the_invitation_disappears_once_enrolled():
    required_from(30)
    user = make_user("agent-early-enrolled")
    enrolled(user)
    assert "sera obligatoire" not in logged_in(user).get("/").content.decode()


def test_without_a_deadline_nobody_is_forced_nor_invited():
    client = logged_in(make_user("agent-no-policy"))
    assert client.get("/campus/").status_code == 200
    assert "sera obligatoire" not in client.get("/").content.decode()


def test_past_the_deadline_directors_and_experts_are_not_forced():
    required_from(-30)
    director = make_user("dir-free", role=Role.DIRECTOR)
    expert = make_user("expert-free", role=Role.EXPERT)
    assert logged_in(director).get(SECURITY).status_code == 200
    assert logged_in(director).get("/").status_code == 200
    assert logged_in(expert).get("/").status_code == 200


def test_the_login_page_and_logout_stay_open_past_the_deadline():
    required_from(-1)
    client = logged_in(make_user("agent-logout"))
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert Client().get(LOGIN).status_code == 200


def test_only_an_administrator_changes_the_deadline_in_the_django_admin(user_of):
    region, admin = user_of("region"), user_of("admin")
    url = reverse("admin:accounts_twofactorpolicy_add")
    region.is_staff = True
    region.save(update_fields=["is_staff"])
    assert logged_in(region).get(url).status_code == 403

    response = logged_in(admin).post(url, {"required_from": "01/01/2030"})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert str(two_factor.policy().required_from) == "2030-01-01"
    assert AuditEntry.objects.filter(content_type__model="twofactorpolicy").exists()


# ---------------------------------------------------------------- the demo accounts


def test_the_demo_staff_accounts_have_a_demo_device():
    assert set(DemoDevice._base_manager.values_list("user__username", flat=True)) == {
        "admin",
        "region",
        "rectorat-paris",
        "rectorat-creteil",
        "rectorat-versailles",
    }


def test_with_debug_the_demo_accounts_log_in_with_the_documented_code(settings, demo_password):
    settings.DEBUG = True
    settings.DEMO_OTP_CODE = "123456"
    client = Client()
    response = client.post(LOGIN, {"username": "region", "password": demo_password})
    assert response.url == LOGIN_CODE
    assert "Compte de démonstration : le code est 123456" in client.get(LOGIN_CODE).content.decode()
    assert client.post(LOGIN_CODE, {"code": "000000"}).status_code == 200
    response = client.post(LOGIN_CODE, {"code": "123456"})
    assert response.status_code == 302 and response.url == reverse("home")
    assert is_logged_in(client)


def test_without_debug_the_demo_code_is_refused(settings, user_of):
    settings.DEBUG = False
    settings.DEMO_OTP_CODE = "123456"
    region = user_of("region")
    assert two_factor.verify(region, "123456") is None
    assert not two_factor.has_second_factor(region)
    assert not DemoDevice._base_manager.get(user=region).verify_token("123456")
    # Past the deadline the demo account must then enrol a real application, like anyone.
    required_from(0)
    assert logged_in(region).get("/campus/").url == SECURITY


def test_a_demo_code_with_debug_off_stops_start_up():
    env = {**os.environ, "DEBUG": "false", "SECRET_KEY": "x" * 50, "DEMO_OTP_CODE": "123456"}
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=settings.BASE_DIR,
        env={**env, "DJANGO_SETTINGS_MODULE": "cmq_portal.settings"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "DEMO_OTP_CODE" in result.stderr


def test_the_django_admin_login_goes_through_the_portal_login_and_its_second_step():
    response = Client().get("/admin/login/", {"next": "/admin/accounts/user/"})
    assert response.status_code == 302
    assert response.url == f"{LOGIN}?next=%2Fadmin%2Faccounts%2Fuser%2F"
    assert (
        Client().post("/admin/login/", {"username": "admin", "password": "x"}).url.startswith(LOGIN)
    )
    foreign = Client().get("/admin/login/", {"next": "https://ailleurs.example/"})
    assert foreign.url == f"{LOGIN}?next=%2Fadmin%2F"
    # Logged in without admin rights: refused, not sent round the login again.
    assert (
        logged_in(make_user("dir-no-admin", role=Role.DIRECTOR)).get("/admin/login/").status_code
        == 403
    )
