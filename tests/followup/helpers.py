"""A complete, valid follow-up sheet for tests, and campaigns in years the demo never uses."""

from followup import services

YEAR = 2040


def complete_sections(year=YEAR):
    """The nine sections of a complete sheet of year N = `year` (values as a form types them)."""
    return {
        1: {
            "studies": [
                {
                    "title": "Étude de branche",
                    "body": "OPCO",
                    "published_on": f"{year}-05-01",
                    "link": "https://example.org/etude",
                }
            ]
        },
        2: {
            "stakeholders": [
                {
                    "organisation": "Lycée Jules Ferry",
                    "type": "lycee",
                    "role": "membre",
                    "new": "false",
                }
            ],
            "formations": [
                {
                    "title": "Bac pro MELEC",
                    "level": "4",
                    "route": "scolaire",
                    "establishment": "Lycée Jules Ferry",
                }
            ],
            "beneficiaries": [
                {"type": "pupils", "count": "120"},
                {"type": "apprentices", "count": "30"},
            ],
        },
        3: {
            "actions": [
                {
                    "type": "attractivite",
                    "title": "Forum des métiers",
                    "budget": "12000",
                    "beneficiaries": "400",
                }
            ]
        },
        4: {"meetings": [{"body": "copil", "held_on": f"{year}-06-15", "present": "12"}]},
        5: {
            "revenues": [
                {"label": "Région", "amount": "50000"},
                {"label": "Rectorat", "amount": "30000"},
            ],
            "expenses": [{"label": "Fonctionnement", "amount": "80000"}],
            "staff": [{"post": "Directeur opérationnel", "fte": "1", "funder": "Rectorat"}],
        },
        6: {
            "brochure_up_to_date": "true",
            "events": [{"type": "salon", "involvement": "organised", "count": "3"}],
        },
        7: {"created": [{"title": "Mention complémentaire", "kind": "created", "places": "15"}]},
        8: {"mobilities": "6", "partners": [{"name": "Lycée de Turin", "country": "Italie"}]},
        9: {
            "evaluation": "Actions évaluées par questionnaire.",
            "self_evaluation": "Auto-évaluation en COPIL.",
            "strengths": ["Partenariats", "Visibilité", "Pilotage"],
            "improvements": ["International", "Mixité", "Suivi des indicateurs"],
        },
    }


def open_campaign(region, year=YEAR):
    return services.open_campaign(region, year=year, notify=False)


def fill(director, sheet, year=YEAR):
    for number, data in complete_sections(year).items():
        services.save_section(director, sheet, number, data)
    sheet.refresh_from_db()
    return sheet
