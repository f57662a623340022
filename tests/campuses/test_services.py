"""Registry writes: rights, validation, optimistic locking, audit trail, support history."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db.models import F

from audit.models import AuditAction, AuditEntry
from campuses import services
from campuses.models import (
    Academy,
    Campus,
    CampusDirector,
    Organisation,
    SectorFamily,
    SupportInstitutionTenure,
)
from core.errors import ConflictError, PermissionDeniedError

pytestmark = pytest.mark.django_db


def new_campus(actor, **extra):
    fields = {
        "name": "Campus des métiers de l'eau",
        "short_name": "Eau",
        "sector_family": SectorFamily.objects.get(code="energie"),
    }
    fields.update(extra)
    return services.create_campus(actor, academies=[Academy.objects.get(code="creteil")], **fields)


def test_regional_staff_create_a_campus_and_it_is_audited(user_of):
    region = user_of("region")
    campus = new_campus(region)
    entry = AuditEntry.objects.get(campus=campus, action=AuditAction.CREATE)
    assert entry.actor == region
    assert entry.changes["name"] == [None, "Campus des métiers de l'eau"]
    assert entry.changes["academies"] == [None, ["Créteil"]]


@pytest.mark.parametrize("username", ["dir-ia", "rectorat-paris", "expert"])
def test_other_roles_cannot_write_the_registry(user_of, username):
    with pytest.raises(PermissionDeniedError):
        new_campus(user_of(username))
    assert not Campus.objects.filter(short_name="Eau").exists()


def test_duplicate_name_is_refused_on_the_field_case_insensitively(user_of, campus_of):
    existing = campus_of("ia")
    with pytest.raises(ValidationError) as error:
        # SQLite folds only ASCII case, so the test changes ASCII letters only.
        new_campus(user_of("region"), name=existing.name.replace("Campus", "CAMPUS", 1))
    assert error.value.message_dict["name"] == ["Un campus porte déjà ce nom."]


def test_update_records_before_and_after(user_of, campus_of):
    region = user_of("region")
    campus = campus_of("sante")
    old_description = campus.description
    campus.description = "Nouvelle description"
    services.save_record(region, campus, expected_version=campus.version)
    entry = AuditEntry.objects.filter(campus=campus, action=AuditAction.UPDATE).latest("id")
    assert entry.changes == {"description": [old_description, "Nouvelle description"]}


def test_stale_edit_is_refused_and_changes_nothing(user_of, campus_of):
    region = user_of("region")
    first = campus_of("tnec")
    second = Campus.objects.get(pk=first.pk)
    first.description = "Première modification"
    services.save_record(region, first, expected_version=first.version)
    second.description = "Seconde modification, sur une version périmée"
    with pytest.raises(ConflictError) as error:
        services.save_record(region, second, expected_version=second.version)
    assert "modifiée par quelqu'un d'autre" in str(error.value)
    assert Campus.objects.get(pk=first.pk).description == "Première modification"


def test_versailles_support_history_moves_from_cy_to_the_association(campus_of):
    campus = campus_of("versailles")
    history = list(
        campus.support_history.order_by(F("start").asc(nulls_first=True)).select_related(
            "organisation"
        )
    )
    assert [t.organisation.siret for t in history] == ["13002597600015", "91358180700017"]
    association = Organisation.objects.get(siret="91358180700017")
    assert association.created_on == date(2022, 5, 16)
    assert history[1].start.year == 2023


def test_overlapping_support_tenures_are_refused(user_of, campus_of):
    campus = campus_of("versailles")
    cy = Organisation.objects.get(siret="13002597600015")
    tenure = SupportInstitutionTenure(
        campus=campus, organisation=cy, start=date(2023, 9, 1), end=None
    )
    with pytest.raises(ValidationError) as error:
        services.save_record(user_of("region"), tenure)
    assert "chevauchent" in error.value.message_dict["start"][0]


def test_support_tenure_end_before_start_is_refused(user_of, campus_of):
    tenure = SupportInstitutionTenure(
        campus=campus_of("ia"),
        organisation=Organisation.objects.first(),
        start=date(2030, 1, 1),
        end=date(2029, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        services.save_record(user_of("region"), tenure)
    assert "end" in error.value.message_dict


def test_only_director_accounts_can_be_attached_as_directors(user_of, campus_of):
    director = CampusDirector(
        campus=campus_of("ia"), user=user_of("rectorat-paris"), full_name="Quelqu'un"
    )
    with pytest.raises(ValidationError) as error:
        services.save_record(user_of("region"), director)
    assert "rôle de directeur" in error.value.message_dict["user"][0]


def test_deleting_a_record_is_audited_with_its_values(user_of, campus_of):
    campus = campus_of("if")
    body = campus.governance_bodies.first()
    services.delete_record(user_of("region"), body)
    entry = AuditEntry.objects.get(campus=campus, action=AuditAction.DELETE)
    assert entry.changes["kind"][0] == body.kind
