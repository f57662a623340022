"""Load the demo data of CP 2023-263 and the demo accounts of shared/CONTRACT.md.

Idempotent: every row is found by its natural key and updated, so loading twice gives the
same data. Demo only: the command refuses to run when DEBUG is off unless forced.
"""

from django.contrib.auth import get_user_model
from django.db import transaction

from core.roles import Role

from . import demo_data
from .models import (
    Academy,
    Campus,
    CampusDirector,
    CampusFormerName,
    CampusPlace,
    GovernanceBody,
    LabelPeriod,
    Organisation,
    OrganisationRepresentative,
    SectorFamily,
    Stakeholder,
    SupportInstitutionTenure,
)
from .reference_data import load_reference_data

DEMO_PASSWORD = "cmq-demo-2023"

# username -> (first name, last name, role, extra fields)
DEMO_ACCOUNTS = {
    "admin": ("Alice", "Admin", Role.ADMIN, {"is_superuser": True, "is_staff": True}),
    "region": ("Rémi", "Région", Role.REGIONAL, {"job_title": "Chef de projet CMQ"}),
    "rectorat-paris": (
        "Paula",
        "Rectorat",
        Role.RECTORATE,
        {"region_academique": True, "job_title": "DRAFPIC, région académique"},
    ),
    "rectorat-creteil": ("Claire", "Créteil", Role.RECTORATE, {"job_title": "DAFPIC Créteil"}),
    "rectorat-versailles": (
        "Victor",
        "Versailles",
        Role.RECTORATE,
        {"job_title": "DAFPIC Versailles"},
    ),
    "expert": ("Estelle", "Experte", Role.EXPERT, {"job_title": "Groupe d'expertise national"}),
}
RECTORATE_ACADEMIES = {
    "rectorat-paris": ["paris"],
    "rectorat-creteil": ["creteil"],
    "rectorat-versailles": ["versailles"],
}
# The directors' real names are not in the seeds: the demo accounts carry role names.
DIRECTOR_ACCOUNTS = {
    "ia": "dir-ia",
    "icm": "dir-icm",
    "sante": "dir-sante",
    "securite": "dir-securite",
    "tnec": "dir-tnec",
    "energie": "dir-energie",
    "if": "dir-if",
    "mode": "dir-mode",
    "versailles": "dir-versailles",
}


def _organisations():
    organisations = {}
    for data in demo_data.ORGANISATIONS:
        organisation, _created = Organisation.objects.update_or_create(
            legal_name=data["legal_name"],
            defaults={
                "legal_status": data["legal_status"],
                "siret": data["siret"] or "",
                "address": data["address"],
                "created_on": data["created_on"],
            },
        )
        for rep in data["representatives"]:
            OrganisationRepresentative.objects.update_or_create(
                organisation=organisation,
                name=rep["name"],
                source=rep["seen_in"][:250],
                defaults={"title": rep["title"][:250], "start": rep["start"], "end": rep["end"]},
            )
        organisations[data["key"]] = organisation
    return organisations


def _label_periods(campus, periods):
    for period in periods:
        LabelPeriod.objects.update_or_create(
            campus=campus,
            start=period["start"],
            defaults={
                "category": period["category"],
                "end": period["end"],
                "decision_date": period["decision_date"],
                "decision_reference": period["decision_reference"],
                "probationary": period["probationary"],
                "note": ("Date supposée : " + period["assumed"]) if period.get("assumed") else "",
            },
        )


def _campus(data, sector, academies, name_field="name"):
    campus, _created = Campus.objects.update_or_create(
        short_name=data["short_name"],
        defaults={
            "name": data["name"],
            "sector_family": sector,
            "description": data.get("description", "") or data.get("note", ""),
            "seat_address": data.get("seat_address", ""),
            "is_prefiguration": data.get("is_prefiguration", False),
        },
    )
    campus.academies.set(academies)
    _label_periods(campus, data.get("label_periods", []))
    return campus


def _campuses(organisations):
    sectors = {s.code: s for s in SectorFamily.objects.all()}
    academies = {a.code: a for a in Academy.objects.all()}
    campuses = {}
    for data in demo_data.CAMPUSES:
        sector = sectors[data["sector_family"]]
        campus_academies = [academies[code] for code in data["academies"]]
        campus = _campus(data, sector, campus_academies)
        predecessors = [
            _campus(
                {**pred, "is_prefiguration": pred.get("is_prefiguration", False)},
                sector,
                campus_academies,
            )
            for pred in data["predecessors"]
        ]
        campus.predecessors.set(predecessors)
        for former in data["former_names"]:
            CampusFormerName.objects.update_or_create(
                campus=campus,
                name=former["name"],
                defaults={"start": former["start"], "end": former["end"]},
            )
        for place in data["places"]:
            CampusPlace.objects.get_or_create(campus=campus, name=place[:250])
        for tenure in data["support_history"]:
            SupportInstitutionTenure.objects.update_or_create(
                campus=campus,
                organisation=organisations[tenure["organisation"]],
                defaults={"start": tenure["start"], "end": tenure["end"]},
            )
        for stake in data["stakeholders"]:
            Stakeholder.objects.update_or_create(
                campus=campus,
                organisation=organisations[stake["organisation"]],
                defaults={"type": stake["type"], "role": stake["role"][:250]},
            )
        for body in data["governance_bodies"]:
            GovernanceBody.objects.update_or_create(
                campus=campus,
                kind=body["kind"],
                name=body["name"][:250],
                defaults={
                    "composition": body["composition"],
                    "meeting_frequency": body["meeting_frequency"][:200],
                },
            )
        campuses[data["key"]] = campus
    return campuses


def demo_account(username, first_name, last_name, role, extra):
    User = get_user_model()
    user, created = User.objects.update_or_create(
        username=username,
        defaults={
            "first_name": first_name,
            "last_name": last_name,
            "email": f"{username}@demo.cmq.invalid",
            "role": role,
            "is_active": True,
            **extra,
        },
    )
    if created or not user.check_password(DEMO_PASSWORD):
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user


def _accounts(campuses):
    academies = {a.code: a for a in Academy.objects.all()}
    for username, (first, last, role, extra) in DEMO_ACCOUNTS.items():
        user = demo_account(username, first, last, role, extra)
        if username in RECTORATE_ACADEMIES:
            user.academies.set([academies[code] for code in RECTORATE_ACADEMIES[username]])
    for key, username in DIRECTOR_ACCOUNTS.items():
        campus = campuses[key]
        user = demo_account(
            username, "Direction", campus.short_name, Role.DIRECTOR, {"job_title": "Directeur·rice"}
        )
        CampusDirector.objects.update_or_create(
            campus=campus,
            user=user,
            defaults={
                "full_name": f"Direction démo – {campus.short_name}",
                "email": user.email,
                "role": "director",
                "start": None,
                "end": None,
            },
        )


@transaction.atomic
def load_demo():
    load_reference_data(SectorFamily, Academy)
    organisations = _organisations()
    campuses = _campuses(organisations)
    _accounts(campuses)
    return campuses
