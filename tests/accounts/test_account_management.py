"""Regional staff manage accounts in the portal: invite, role, attachments, deactivate."""

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import Role, User
from audit.models import AuditAction, AuditEntry
from campuses.models import Academy
from campuses.permissions import campuses_visible_to

pytestmark = pytest.mark.django_db


def can_log_in(username, password):
    """Through the login form, as a person would (the lockout backend needs the request)."""
    response = Client().post(
        reverse("accounts:login"), {"username": username, "password": password}
    )
    return response.status_code == 302


def invite(client, **data):
    payload = {
        "first_name": "Nina",
        "last_name": "Nouvelle",
        "email": "nina@example.org",
        "username": "",
        "job_title": "",
        "organisation_name": "",
        "role": Role.DIRECTOR,
        "director_role": "deputy",
    }
    payload.update(data)
    return client.post(reverse("accounts:user_invite"), payload)


def test_invited_director_gets_an_email_link_and_sees_only_their_campus(
    client_of, campus_of, mailoutbox, django_capture_on_commit_callbacks
):
    campus = campus_of("energie")
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client_of("region"), campuses=[campus.pk])
    assert response.status_code == 302
    user = User.objects.get(email="nina@example.org")
    assert user.username == "nina"
    assert not user.has_usable_password()
    assert list(campuses_visible_to(user)) == [campus]
    assert user.campus_directorships.get().role == "deputy"
    assert "/mot-de-passe/nouveau/" in mailoutbox[0].body
    entry = AuditEntry.objects.get(object_id=str(user.pk), action=AuditAction.INVITE)
    assert entry.actor.username == "region"
    assert entry.changes["role"] == [None, "director"]


def test_invitation_errors_are_shown_on_the_fields_and_nothing_is_saved(client_of):
    client = client_of("region")
    response = invite(client, email="region@demo.cmq.invalid", campuses=[])
    assert response.status_code == 200
    form = response.context["form"]
    assert "Un compte utilise déjà cette adresse e-mail." in form.errors["email"]
    assert "campuses" in form.errors
    assert not User.objects.filter(first_name="Nina").exists()


def test_rectorate_staff_needs_an_academy(client_of):
    response = invite(client_of("region"), role=Role.RECTORATE)
    assert "academies" in response.context["form"].errors
    creteil = Academy.objects.get(code="creteil")
    response = invite(client_of("region"), role=Role.RECTORATE, academies=[creteil.pk])
    assert response.status_code == 302
    user = User.objects.get(email="nina@example.org")
    assert all(creteil in c.academies.all() for c in campuses_visible_to(user))


def test_only_administrators_may_create_administrators(client_of):
    response = invite(client_of("region"), role=Role.ADMIN)
    assert "role" in response.context["form"].errors
    assert invite(client_of("admin"), role=Role.ADMIN).status_code == 302


def test_deactivated_account_cannot_log_in_and_it_is_audited(client_of, demo_password):
    target = User.objects.get(username="dir-sante")
    client = client_of("region")
    client.post(reverse("accounts:user_deactivate", args=[target.pk]))
    target.refresh_from_db()
    assert not target.is_active
    assert not can_log_in("dir-sante", demo_password)
    assert AuditEntry.objects.filter(
        object_id=str(target.pk), action=AuditAction.DEACTIVATE
    ).exists()
    client.post(reverse("accounts:user_reactivate", args=[target.pk]))
    assert can_log_in("dir-sante", demo_password)


def test_changing_a_directors_campuses_closes_the_old_attachment(client_of, campus_of):
    target = User.objects.get(username="dir-tnec")
    old_campus = campus_of("tnec")
    new_campus = campus_of("sante")
    response = client_of("region").post(
        reverse("accounts:user_update", args=[target.pk]),
        {
            "first_name": target.first_name,
            "last_name": target.last_name,
            "email": target.email,
            "username": target.username,
            "role": Role.DIRECTOR,
            "campuses": [new_campus.pk],
            "director_role": "director",
        },
    )
    assert response.status_code == 302
    assert list(campuses_visible_to(target)) == [new_campus]
    closed = target.campus_directorships.exclude(end=None).get()
    assert closed.campus == old_campus


@pytest.mark.parametrize("username", ["dir-ia", "rectorat-paris", "expert"])
def test_other_roles_cannot_manage_accounts(client_of, username):
    assert invite(client_of(username)).status_code == 403
    assert not User.objects.filter(email="nina@example.org").exists()


def test_invitation_email_gives_the_username(
    client_of, campus_of, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invite(client_of("region"), campuses=[campus_of("ia").pk], username="nina.n")
    assert "Votre identifiant : nina.n (ou votre adresse e-mail)" in mailoutbox[0].body


def test_only_administrators_may_change_or_deactivate_an_administrator(client_of, user_of):
    admin = user_of("admin")
    region = client_of("region")
    assert region.post(reverse("accounts:user_deactivate", args=[admin.pk])).status_code == 403
    assert region.get(reverse("accounts:user_update", args=[admin.pk])).status_code == 403
    admin.refresh_from_db()
    assert admin.is_active
    other_admin = client_of("admin")
    target = user_of("region")
    assert (
        other_admin.post(reverse("accounts:user_deactivate", args=[target.pk])).status_code == 302
    )


def test_nobody_deactivates_their_own_account(client_of, user_of):
    region = user_of("region")
    response = client_of("region").post(reverse("accounts:user_deactivate", args=[region.pk]))
    assert response.status_code == 302
    region.refresh_from_db()
    assert region.is_active


def test_the_service_itself_refuses_a_director_without_campus(user_of):
    from django.core.exceptions import ValidationError

    from accounts import services

    with pytest.raises(ValidationError) as error:
        services.invite_user(
            user_of("region"),
            first_name="Sans",
            last_name="Campus",
            email="sans.campus@example.org",
            username="sans.campus",
            role=Role.DIRECTOR,
        )
    assert "campuses" in error.value.message_dict
    assert not User.objects.filter(username="sans.campus").exists()
