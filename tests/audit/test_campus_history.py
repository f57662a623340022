"""A campus page shows its history: who changed which field, from what to what."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_campus_page_lists_the_changes_of_the_campus_and_its_rows(client_of, campus_of):
    campus = campus_of("energie")
    client = client_of("region")
    data = {
        "name": campus.name,
        "short_name": campus.short_name,
        "sector_family": campus.sector_family_id,
        "region": campus.region,
        "academies": [a.pk for a in campus.academies.all()],
        "description": "Description revue en comité",
        "version": campus.version,
    }
    assert client.post(reverse("campuses:update", args=[campus.pk]), data).status_code == 302
    period_url = reverse("campuses:child_create", args=[campus.pk, "periodes"])
    response = client.post(
        period_url, {"category": "cmq", "start": "2024-01-01", "end": "2028-12-31"}
    )
    assert response.status_code == 302

    page = client_of("rectorat-paris").get(reverse("campuses:detail", args=[campus.pk]))
    history = page.content.decode().split('id="historique"', 1)[1]
    assert "Description revue en comité" in history
    assert "Modification" in history and "Création" in history
    assert "Rémi Région" in history  # who
    assert "01/01/2024" in page.content.decode()


def test_admin_saves_are_audited_too(client_of, campus_of):
    from audit.models import AuditEntry

    campus = campus_of("mode")
    client = client_of("admin")
    url = reverse("admin:campuses_governancebody_add")
    response = client.post(
        url,
        {
            "campus": campus.pk,
            "kind": "copil",
            "name": "COPIL d'essai",
            "composition": "",
            "meeting_frequency": "deux fois par an",
        },
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.filter(campus=campus).latest("id")
    assert entry.actor.username == "admin"
    assert entry.changes["name"] == [None, "COPIL d'essai"]


def test_admin_inline_changes_are_audited(client_of):
    from audit.models import AuditAction, AuditEntry
    from campuses.models import Organisation

    organisation = Organisation.objects.get(siret="91358180700017")
    reps = list(organisation.representatives.all())
    data = {
        "legal_name": organisation.legal_name,
        "legal_status": organisation.legal_status,
        "siret": organisation.siret,
        "address": organisation.address,
        "created_on": "2022-05-16",
        "representatives-TOTAL_FORMS": str(len(reps) + 1),
        "representatives-INITIAL_FORMS": str(len(reps)),
        "representatives-MIN_NUM_FORMS": "0",
        "representatives-MAX_NUM_FORMS": "1000",
    }
    for index, rep in enumerate(reps):
        prefix = f"representatives-{index}-"
        data.update(
            {
                prefix + "id": rep.pk,
                prefix + "organisation": organisation.pk,
                prefix + "name": rep.name,
                prefix + "title": rep.title + (" (modifié)" if index == 0 else ""),
                prefix + "source": rep.source,
            }
        )
    new = f"representatives-{len(reps)}-"
    data.update(
        {
            new + "organisation": organisation.pk,
            new + "name": "Nouvelle Présidente",
            new + "title": "Présidente",
            new + "start": "2024-09-01",
        }
    )
    url = f"/admin/campuses/organisation/{organisation.pk}/change/"
    response = client_of("admin").post(url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    created = AuditEntry.objects.get(action=AuditAction.CREATE, object_repr__startswith="Nouvelle")
    assert created.changes["name"] == [None, "Nouvelle Présidente"]
    updated = AuditEntry.objects.filter(
        action=AuditAction.UPDATE, content_type__model="organisationrepresentative"
    ).get()
    assert updated.changes["title"][1].endswith("(modifié)")
