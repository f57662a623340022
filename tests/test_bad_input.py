"""No input returns a 500: odd query strings and form values get a French message or are ignored."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

ODD_VALUES = ["", "abc", "-1", "9" * 30, "1e309", "%00", "'; DROP TABLE x; --", "ÿ" * 300]


@pytest.mark.parametrize("value", ODD_VALUES)
@pytest.mark.parametrize(
    "parameter", ["q", "category", "status", "sector", "academy", "ending_within_months", "page"]
)
def test_registry_filters_never_fail(client_of, parameter, value):
    response = client_of("region").get("/campus/", {parameter: value})
    assert response.status_code == 200
    api = client_of("region").get("/api/v1/campuses/", {parameter: value})
    assert api.status_code in (200, 400, 404)


def test_invalid_filter_is_explained_in_french(client_of):
    response = client_of("region").get("/campus/", {"ending_within_months": "abc"})
    assert "Saisissez un nombre" in response.content.decode()


@pytest.mark.parametrize("value", ODD_VALUES)
def test_account_form_with_odd_values_answers_with_field_errors(client_of, value):
    data = {"email": value, "role": value, "campuses": [value], "academies": [value]}
    response = client_of("region").post(reverse("accounts:user_invite"), data)
    assert response.status_code == 200
    assert response.context["form"].errors


@pytest.mark.parametrize("value", ODD_VALUES)
def test_campus_form_with_odd_values_answers_with_field_errors(client_of, value):
    data = {
        "name": value,
        "short_name": value,
        "sector_family": value,
        "region": value,
        "academies": [value],
        "version": value,
    }
    response = client_of("region").post(reverse("campuses:create"), data)
    assert response.status_code == 200
    assert response.context["form"].errors


def test_label_period_form_with_impossible_dates(client_of, campus_of):
    campus = campus_of("ia")
    url = reverse("campuses:child_create", args=[campus.pk, "periodes"])
    response = client_of("region").post(
        url, {"category": "cmq", "start": "31/02/2024", "end": "2024-13-01"}
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "start" in errors and "end" in errors
    assert not campus.label_periods.exists()


def test_unknown_child_kind_is_a_404(client_of, campus_of):
    url = f"/campus/{campus_of('ia').pk}/nimporte-quoi/ajouter/"
    assert client_of("region").get(url).status_code == 404


def test_stale_version_in_the_form_is_refused_with_a_message(client_of, campus_of):
    campus = campus_of("energie")
    client = client_of("region")
    data = {
        "name": campus.name,
        "short_name": campus.short_name,
        "sector_family": campus.sector_family_id,
        "region": campus.region,
        "academies": [a.pk for a in campus.academies.all()],
        "description": "modifié par la première personne",
        "version": campus.version,
    }
    assert client.post(reverse("campuses:update", args=[campus.pk]), data).status_code == 302
    data["description"] = "modifié par la seconde, sur la version d'avant"
    response = client.post(reverse("campuses:update", args=[campus.pk]), data)
    assert response.status_code == 200
    assert "modifiée par quelqu'un d'autre" in " ".join(response.context["form"].non_field_errors())
    campus.refresh_from_db()
    assert campus.description == "modifié par la première personne"


@pytest.mark.parametrize(
    "url",
    [
        "/campus/99999999999999999999999/",
        "/campus/99999999999999999/",
        "/organismes/99999999999999999999999/",
        "/comptes/utilisateurs/99999999999999999999999/",
        "/api/v1/campuses/99999999999999999999999/",
        "/api/v1/campuses/abc/",
    ],
)
def test_huge_or_malformed_ids_are_not_found(client_of, url):
    assert client_of("region").get(url).status_code == 404


def test_export_with_invalid_filters_is_refused_with_a_message(client_of):
    from jobs.models import Job

    client = client_of("region")
    response = client.get("/campus/export.csv", {"ending_within_months": "abc"}, follow=True)
    assert response.redirect_chain[-1][0].startswith("/campus/?")
    assert "Les filtres sont invalides" in response.content.decode()
    assert not Job.objects.exists()
