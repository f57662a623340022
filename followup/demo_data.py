"""Demo data: the annual follow-up sheets (annexe 1 of CP 2023-263) of the nine demo campuses.

Pure data, no Django. `sheet(key, year)` gives the nine sections of a campus's sheet for year
N = `year` (every date falls in N), in the shape of `followup/sections.py` (field and table keys,
choice keys), with plain Python values (int, Decimal, bool, date) that the loader types as a
form would. `next_year_sheet(key, year)` gives the sheet of the following campaign (new rows only
in the tables that are pre-filled from the validated sheet, counts grown a little, new strengths
and improvement axes). Campus keys are those of ``campuses/demo_data.py`` CAMPUSES.

Sources (read-only seeds, ``shared/seeds/000_0bc506fc771adbce.txt``, CP 2023-263): the nine
fiches projet of annexe 12 (descriptions: actions, partners, audiences, places), the framework
conventions and amendments (``conventions/demo_data.py``: contributions, governance bodies) and
the stakeholders of ``campuses/demo_data.py``. What comes from them and what is illustrative is
listed in SOURCES and ASSUMPTIONS.

The sheet collects no personal data: counts, organisations, posts, formations and events, never
a person's name (posts are described by their function, e.g. « Directeur·rice opérationnel·le »).
"""

from datetime import date
from decimal import Decimal

CAMPUS_KEYS = ("ia", "icm", "sante", "securite", "tnec", "energie", "if", "mode", "versailles")

# The Region's yearly grant (article 3 or 4 of each convention; fiches projet of annexe 12).
REGION_GRANT = {key: Decimal("50000.00") for key in CAMPUS_KEYS} | {"mode": Decimal("100000.00")}
REGION_REVENUE_LABEL = "Subvention de la Région Île-de-France"

SOURCES = [
    "Mode, métiers d'art et design : les quatre axes et les 27 programmes de l'année (innovation "
    "7 programmes / 600 bénéficiaires, international 5 / 24, parcours 8 / 523, valorisation et "
    "attractivité 7 / 17 000 visiteurs et 40 000 vues), leurs intitulés et les partenaires "
    "internationaux (Homo Faber, RICE en Thaïlande, biennale d'Oeiras, résidence aux Émirats "
    "arabes unis) viennent de la fiche projet 23004170, qui les donne pour 2022.",
    "Mode : instances (COS, Directoire, COPIL), contributions (académies de Paris et de Créteil : "
    "postes de direction ; Mobilier national : espaces ; ENSAD : gestion) de la convention cadre.",
    "Intelligence artificielle : l'école d'été en IA réservée aux lycéennes (cinq jours en "
    "juillet, escape game de sensibilisation, visite de laboratoire) et les membres fondateurs "
    "(Sorbonne Université, cité scolaire Paul Valery, Région académique, Région) : fiche 23004936.",
    "Industrie circulaire de la mobilité : lieu totem à Renault Flins (ReFactory, 10 000 m², "
    "ateliers de réalité virtuelle), formations socles « fondamentaux de l'industrie circulaire »,"
    " réseau de lycées pilotes et de PME, objectif de 8 000 personnes formées d'ici 2027 : fiche "
    "23004178.",
    "Santé, autonomie, bien-vieillir : quatre domaines d'activité et trois axes (formation, "
    "orientation, insertion) : fiche 23004176.",
    "Sécurité : quatre axes, rencontres écoles-entreprises, conférences métiers, formations "
    "trans-niveaux et bac+1, tiers lieux (réalité virtuelle, IoT, cybersécurité, chemin de "
    "ronde), vacances apprenantes, summer schools, financements France 2030 : fiche 23004173.",
    "Transition numérique et écologique de la construction : site internet, visites virtuelles, "
    "réseaux sociaux, hackathon, séminaire école-entreprises, Worldskills, Cordées de la "
    "réussite, rendez-vous des métiers de la construction, programme ECN (PIA), taux d'abandon de "
    "27 % contre 13 % : fiche 23004175.",
    "Énergie durable : projet NexIF (EDF, lycée de Montereau-Fault-Yonne, axe nucléaire), dossier "
    "France 2030 « Compétences et métiers d'avenir » (HTASE, batteries, hydrogène), préfiguration,"
    " recrutement d'un directeur opérationnel : fiche 23004177 et avenant n°1.",
    "Industrie du futur : premier label 2018-2022, lauréat du PIA pour 3,2 M€ sur 10 ans, filière "
    "aéronautique et spatiale, centre d'innovation d'Évry et pôle de Meaux, COS annuel et COPIL "
    "trimestriel (convention cadre, annexe 8) : fiche 23005231.",
    "Campus Versailles : quatre axes (vocations, insertion, formation continue et développement "
    "des entreprises, écosystème européen), Grande Écurie, contributions de l'Académie de "
    "Versailles et de CY (50 000 € par an chacune), conseil d'administration et comité de "
    "pilotage : fiche 23004868 et convention cadre (annexe 10).",
    "Partout : la subvention régionale de 50 000 € (100 000 € pour Mode) parmi les recettes.",
]

ASSUMPTIONS = [
    "Les chiffres des fiches (effectifs de bénéficiaires, budgets réalisés des actions, recettes "
    "et dépenses, valorisations, ETP, nombre de réunions et de membres présents, événements, "
    "places créées, mobilités) sont illustratifs : les sources n'en donnent qu'une partie (voir "
    "SOURCES) ; ils sont vraisemblables et cohérents entre rubriques (le total des actions de la "
    "rubrique 3 est la ligne « Actions » des dépenses de la rubrique 5, budgets équilibrés).",
    "Les chiffres que la fiche projet de Mode donne pour 2022 sont repris pour l'année N de la "
    "campagne de démonstration, quelle qu'elle soit.",
    "Les études de la rubrique 1 sont des intitulés vraisemblables attribués à des organismes qui "
    "publient ce genre d'études (Défi métiers, observatoires de branche) ; ce ne sont pas des "
    "références réelles.",
    "Les partenaires internationaux autres que ceux de Mode sont désignés de façon générique "
    "(« lycée professionnel partenaire Erasmus+ », pays) : les sources ne les nomment pas.",
    "Les formations sont des diplômes réels (CAP, bac pro, BTS, DN MADE, DEAES…) ; leur "
    "rattachement aux établissements et les places créées sont illustratifs. Les établissements "
    "que les sources ne nomment pas sont désignés de façon générique (« lycées professionnels "
    "partenaires de l'académie de Versailles »).",
    "Les sites internet sont des adresses de démonstration en .invalid (elles ne mènent nulle "
    "part) : les vraies adresses des campus ne sont pas dans les sources.",
    "Les postes (fonction, ETP, financeur) suivent les contributions des conventions ; aucun "
    "nom de personne n'est saisi, comme l'annexe 1 le demande.",
    "Pôle emploi est nommé France Travail à partir de 2024.",
    "Les deux campus en préfiguration (Intelligence artificielle, Énergie durable) ont une "
    "activité réduite, sans partenaire international ni formation créée.",
]


# ---------------------------------------------------------------- row builders


def _stakeholder(organisation, type_, role, new=False):
    return {"organisation": organisation, "type": type_, "role": role, "new": new}


def _formation(title, level, route, establishment):
    return {"title": title, "level": level, "route": route, "establishment": establishment}


def _beneficiaries(**counts):
    return [{"type": type_, "count": count} for type_, count in counts.items()]


def _action(type_, title, budget, beneficiaries=None):
    return {
        "type": type_,
        "title": title,
        "budget": Decimal(budget).quantize(Decimal("0.01")),
        "beneficiaries": beneficiaries,
    }


def _meeting(body, held_on, present):
    return {"body": body, "held_on": held_on, "present": present}


def _lines(*pairs):
    return [
        {"label": label, "amount": Decimal(amount).quantize(Decimal("0.01"))}
        for label, amount in pairs
    ]


def _post(post, fte, funder):
    return {"post": post, "fte": Decimal(fte), "funder": funder}


def _events(*triples):
    return [
        {"type": type_, "involvement": involvement, "count": count}
        for type_, involvement, count in triples
    ]


def _created(title, kind, places, establishment=""):
    return {"title": title, "kind": kind, "places": places, "establishment": establishment}


def _module(title, kind, beneficiaries):
    return {"title": title, "kind": kind, "beneficiaries": beneficiaries}


def _partner(name, country):
    return {"name": name, "country": country}


def _site(slug):
    return f"https://{slug}.campus-demo.invalid"


def _employment_agency(year):
    return "France Travail" if year >= 2024 else "Pôle emploi"


REGION = "Région Île-de-France"
RECTORAT_PARIS = "Région académique Île-de-France – Rectorat de l'académie de Paris"
RECTORAT_CRETEIL = "Académie de Créteil – Rectorat"
RECTORAT_VERSAILLES = "Académie de Versailles – Rectorat"
DEFI_METIERS = "Défi métiers (CARIF-OREF francilien)"


def _region_row():
    return _stakeholder(REGION, "collectivite", "Co-signataire, financeur du campus")


def _rectorate_rows(*academies):
    names = {
        "paris": RECTORAT_PARIS,
        "creteil": RECTORAT_CRETEIL,
        "versailles": RECTORAT_VERSAILLES,
    }
    return [
        _stakeholder(
            names[academy],
            "collectivite",
            "Co-signataire (État), pilotage de l'offre de formation des lycées",
        )
        for academy in academies
    ]


# ---------------------------------------------------------------- the nine campuses


def _ia(year):
    """Intelligence artificielle (préfiguration; Sorbonne Université; Paris)."""
    return {
        1: {
            "reference_diagnostics": (
                "Diagnostic de préfiguration établi avec la Région académique et Sorbonne "
                "Université : besoins en compétences liées à l'IA des entreprises franciliennes "
                "et offre de formation du bac-3 au bac+8 ; il sera actualisé dans le dossier de "
                "demande de label."
            ),
            "studies": [
                {
                    "title": "L'intelligence artificielle et l'évolution des métiers en "
                    "Île-de-France",
                    "body": DEFI_METIERS,
                    "published_on": date(year, 6, 12),
                }
            ],
        },
        2: {
            "stakeholders": [
                _stakeholder(
                    "Sorbonne Université", "superieur", "Établissement support, membre fondateur"
                ),
                _stakeholder(
                    "Cité scolaire publique Paul Valery",
                    "lycee",
                    "Membre fondateur, accueil de l'école d'été",
                ),
                _region_row(),
                _stakeholder(
                    RECTORAT_PARIS, "collectivite", "Membre fondateur (Région académique)"
                ),
                _stakeholder(
                    "Laboratoire d'informatique de Sorbonne Université",
                    "laboratoire",
                    "Visite de laboratoire et interventions de chercheurs",
                    new=True,
                ),
            ],
            "formations": [
                _formation(
                    "Bac général – spécialité numérique et sciences informatiques",
                    "4",
                    "scolaire",
                    "Cité scolaire publique Paul Valery",
                ),
                _formation("Licence Informatique", "6", "scolaire", "Sorbonne Université"),
                _formation(
                    "Master Informatique – parcours données et intelligence artificielle",
                    "7",
                    "scolaire",
                    "Sorbonne Université",
                ),
            ],
            "beneficiaries": _beneficiaries(pupils=184, students=35, teachers=18, other=40),
        },
        3: {
            "actions": [
                _action(
                    "attractivite",
                    "École d'été en intelligence artificielle réservée aux lycéennes (5 jours)",
                    14000,
                    24,
                ),
                _action(
                    "attractivite",
                    "Escape game de sensibilisation à l'IA dans les lycées",
                    4500,
                    160,
                ),
                _action(
                    "formation_formateurs",
                    "Journée de sensibilisation à l'IA pour les enseignants de lycée",
                    3500,
                    18,
                ),
                _action(
                    "autre",
                    "Préparation du dossier de demande de label (ateliers partenaires)",
                    6000,
                ),
            ]
        },
        4: {
            "meetings": [
                _meeting("copil", date(year, 2, 9), 8),
                _meeting("copil", date(year, 6, 15), 10),
                _meeting("copil", date(year, 11, 23), 11),
            ]
        },
        5: {
            "revenues": _lines(
                (REGION_REVENUE_LABEL, 50000),
                ("Sorbonne Université (établissement support)", 30000),
                ("Région académique Île-de-France", 20000),
            ),
            "expenses": _lines(
                ("Personnel (direction opérationnelle de préfiguration)", 62000),
                ("Actions (rubrique 3)", 28000),
                ("Communication", 4000),
                ("Fonctionnement et déplacements", 6000),
            ),
            "in_kind_revenues": _lines(
                ("Sorbonne Université : bureaux et salles mis à disposition", 12000),
                ("Cité scolaire Paul Valery : salles et équipements de l'école d'été", 3000),
            ),
            "in_kind_expenses": _lines(("Locaux, salles et équipements (valorisation)", 15000)),
            "staff": [
                _post(
                    "Directeur·rice opérationnel·le de préfiguration", "1", "Sorbonne Université"
                ),
                _post(
                    "Enseignant·e chargé·e de mission (décharge partielle)",
                    "0.2",
                    "Région académique Île-de-France",
                ),
            ],
        },
        6: {
            "brochure_up_to_date": False,
            "social_networks": "Page LinkedIn du campus en préfiguration.",
            "other_communication": (
                "Kit de présentation du projet pour les partenaires ; articles dans les lettres "
                "d'information des membres fondateurs."
            ),
            "events": _events(
                ("portes_ouvertes", "organised", 1),
                ("conference", "present", 2),
                ("salon", "present", 1),
            ),
        },
        7: {
            "modules": [
                _module("Parcours de découverte de l'IA (école d'été, 5 jours)", "module", 24),
            ]
        },
        8: {"mobilities": 0, "partners": []},
        9: {
            "evaluation": (
                "Questionnaire de satisfaction à l'issue de l'école d'été (92 % de participantes "
                "satisfaites) ; suivi des vœux d'orientation des participantes en fin d'année."
            ),
            "self_evaluation": (
                "Auto-évaluation conduite en COPIL de novembre à partir des indicateurs de la "
                "fiche de suivi ; feuille de route de la demande de label actualisée."
            ),
            "external_evaluation": (
                "Sans objet pendant la préfiguration : l'expertise nationale interviendra lors de "
                "la demande de label."
            ),
            "strengths": [
                "Une école d'été réservée aux lycéennes, complète dès sa première édition",
                "Un binôme université–lycée fondateur très mobilisé",
                "Un soutien affirmé de la Région académique et de la Région",
            ],
            "improvements": [
                "Élargir le réseau aux entreprises et aux CFA du numérique",
                "Installer la gouvernance (COS) attendue pour la labellisation",
                "Se doter d'une plaquette et d'un site à la charte campus",
            ],
        },
    }


def _icm(year):
    """Industrie circulaire de la mobilité (Excellence; UVSQ; Renault Flins)."""
    return {
        1: {
            "reference_diagnostics": (
                "Diagnostic du dossier de labellisation Excellence retenu par le jury national "
                "fin 2022 : transition de la filière automobile vers l'économie circulaire."
            ),
            "studies": [
                {
                    "title": "Économie circulaire de l'automobile : métiers et compétences de "
                    "demain",
                    "body": "Observatoire des métiers de la métallurgie",
                    "published_on": date(year, 4, 12),
                },
                {
                    "title": "Besoins en compétences de la filière mobilité en Île-de-France",
                    "body": DEFI_METIERS,
                    "published_on": date(year, 9, 20),
                },
            ],
        },
        2: {
            "stakeholders": [
                _stakeholder(
                    "Université de Versailles Saint-Quentin-en-Yvelines",
                    "superieur",
                    "Établissement support",
                ),
                _stakeholder(
                    "Renault (site de Flins)",
                    "entreprise",
                    "Lieu d'incarnation du campus (ReFactory, lieu totem de 10 000 m²)",
                ),
                _region_row(),
                *_rectorate_rows("paris", "creteil", "versailles"),
                _stakeholder(
                    "Réseau des lycées pilotes de l'économie circulaire (trois académies)",
                    "lycee",
                    "Formation des élèves et des enseignants",
                    new=True,
                ),
                _stakeholder(
                    "PME de la filière automobile accompagnées",
                    "entreprise",
                    "Formations métiers, accueil d'apprentis",
                    new=True,
                ),
            ],
            "formations": [
                _formation(
                    "Formation socle « Fondamentaux de l'industrie circulaire »",
                    "autre",
                    "continue",
                    "Université de Versailles Saint-Quentin-en-Yvelines – site de Flins",
                ),
                _formation(
                    "CAP Maintenance des véhicules",
                    "3",
                    "apprentissage",
                    "CFA partenaires de la filière automobile",
                ),
                _formation(
                    "Bac pro Maintenance des véhicules",
                    "4",
                    "scolaire",
                    "Lycées pilotes du réseau (trois académies)",
                ),
                _formation(
                    "BTS Maintenance des véhicules",
                    "5",
                    "apprentissage",
                    "CFA partenaires de la filière automobile",
                ),
                _formation(
                    "Licence professionnelle Métiers de l'industrie – économie circulaire",
                    "6",
                    "apprentissage",
                    "Université de Versailles Saint-Quentin-en-Yvelines",
                ),
            ],
            "beneficiaries": _beneficiaries(
                pupils=420,
                apprentices=85,
                students=160,
                trainees=210,
                teachers=95,
                job_seekers=40,
                other=120,
            ),
        },
        3: {
            "actions": [
                _action(
                    "formation_formateurs",
                    "Formation des enseignants des lycées pilotes à l'économie circulaire",
                    18000,
                    95,
                ),
                _action(
                    "parcours",
                    "Formation socle « Fondamentaux de l'industrie circulaire » (sessions mixtes)",
                    30000,
                    380,
                ),
                _action(
                    "innovation",
                    "Ateliers en réalité virtuelle : diagnostic et démontage de véhicules",
                    22000,
                    240,
                ),
                _action(
                    "attractivite",
                    "Découverte des métiers de la ReFactory : visites du site de Flins",
                    12000,
                    520,
                ),
                _action(
                    "entreprises",
                    "Accompagnement de PME de la filière dans leur transition circulaire",
                    18000,
                    45,
                ),
            ]
        },
        4: {
            "meetings": [
                _meeting("operationnel", date(year, 1, 19), 9),
                _meeting("copil", date(year, 3, 15), 16),
                _meeting("cos", date(year, 6, 28), 24),
                _meeting("copil", date(year, 10, 11), 18),
            ]
        },
        5: {
            "revenues": _lines(
                (REGION_REVENUE_LABEL, 50000),
                ("Rectorats de Paris, de Créteil et de Versailles", 60000),
                ("Université de Versailles Saint-Quentin-en-Yvelines", 25000),
                ("France 2030 (programme d'investissements d'avenir)", 90000),
                ("Contributions des partenaires industriels", 25000),
            ),
            "expenses": _lines(
                ("Personnel", 120000),
                ("Actions (rubrique 3)", 100000),
                ("Communication", 12000),
                ("Fonctionnement et déplacements", 18000),
            ),
            "in_kind_revenues": _lines(
                ("Renault : locaux du lieu totem de Flins", 80000),
                ("UVSQ : gestion administrative et financière", 15000),
            ),
            "in_kind_expenses": _lines(
                ("Locaux du lieu totem (valorisation)", 80000),
                ("Gestion administrative et financière (valorisation)", 15000),
            ),
            "staff": [
                _post(
                    "Directeur·rice opérationnel·le",
                    "1",
                    "Rectorats de Paris, de Créteil et de Versailles",
                ),
                _post(
                    "Directeur·rice opérationnel·le adjoint·e",
                    "1",
                    "Université de Versailles Saint-Quentin-en-Yvelines",
                ),
                _post("Ingénieur·e pédagogique", "1", "France 2030"),
                _post(
                    "Chargé·e de communication",
                    "0.5",
                    "Université de Versailles Saint-Quentin-en-Yvelines",
                ),
            ],
        },
        6: {
            "brochure_up_to_date": True,
            "website": _site("industrie-circulaire-mobilite"),
            "social_networks": "LinkedIn et Instagram du campus ; vidéos des ateliers de Flins.",
            "other_communication": "Lettre d'information semestrielle aux lycées pilotes.",
            "events": _events(
                ("salon", "present", 6),
                ("portes_ouvertes", "organised", 4),
                ("conference", "organised", 2),
                ("conference", "present", 3),
                ("concours", "partnership", 1),
            ),
        },
        7: {
            "created": [
                _created(
                    "Formation socle « Fondamentaux de l'industrie circulaire »",
                    "created",
                    120,
                    "Université de Versailles Saint-Quentin-en-Yvelines – site de Flins",
                ),
                _created(
                    "Certificat de spécialisation « diagnostic et démontage de véhicules »",
                    "created",
                    12,
                    "CFA partenaire de la filière automobile",
                ),
            ],
            "modules": [
                _module(
                    "Coloration « économie circulaire » du bac pro Maintenance des véhicules",
                    "coloration",
                    64,
                ),
                _module(
                    "Module « éco-conception et fin de vie du véhicule » en licence "
                    "professionnelle",
                    "module",
                    22,
                ),
            ],
        },
        8: {
            "mobilities": 14,
            "partners": [
                _partner("Centre de formation professionnelle automobile partenaire", "Espagne"),
                _partner("Université technique partenaire (recyclage des batteries)", "Allemagne"),
            ],
        },
        9: {
            "evaluation": (
                "Chaque session de formation est évaluée (satisfaction et acquis) ; 380 personnes "
                "formées dans l'année, en ligne avec l'objectif de 8 000 d'ici 2027."
            ),
            "self_evaluation": (
                "Revue des indicateurs du dossier Excellence en COPIL d'octobre ; plan d'action "
                "ajusté pour les ateliers de réalité virtuelle."
            ),
            "external_evaluation": (
                "Évaluation externe prévue à mi-parcours du label Excellence, selon le cahier des "
                "charges national."
            ),
            "strengths": [
                "Un lieu totem industriel unique, au cœur de la ReFactory de Flins",
                "Des formations socles ouvertes à tous les publics, déjà très demandées",
                "Un réseau de lycées pilotes dans les trois académies",
            ],
            "improvements": [
                "Accompagner davantage de PME de la filière",
                "Développer les mobilités européennes des apprentis",
                "Mesurer l'insertion des personnes formées à six mois",
            ],
        },
    }


def _sante(year):
    """Santé, autonomie, bien-vieillir (UPEC; Paris, Créteil)."""
    return {
        1: {
            "reference_diagnostics": (
                "Diagnostic du dossier de labellisation (2021) ; schéma régional des formations "
                "sanitaires et sociales de la Région Île-de-France."
            ),
            "studies": [
                {
                    "title": "Les métiers du grand âge et de l'autonomie en Île-de-France : "
                    "tensions et besoins",
                    "body": DEFI_METIERS,
                    "published_on": date(year, 3, 21),
                }
            ],
        },
        2: {
            "stakeholders": [
                _stakeholder(
                    "Université Paris-Est Créteil Val de Marne (UPEC)",
                    "superieur",
                    "Établissement support",
                ),
                _region_row(),
                *_rectorate_rows("paris", "creteil"),
                _stakeholder(
                    "Agence régionale de santé Île-de-France",
                    "collectivite",
                    "Membre du COS, appui aux expérimentations",
                ),
                _stakeholder(
                    "Instituts de formation d'aides-soignants partenaires",
                    "cfa",
                    "Formation continue et passerelles",
                ),
                _stakeholder(
                    "EHPAD et services d'aide et de soins à domicile partenaires",
                    "entreprise",
                    "Accueil de stagiaires et d'apprentis, immersions",
                ),
                _stakeholder(
                    "Laboratoire de recherche en gérontechnologies partenaire",
                    "laboratoire",
                    "Expérimentation de l'appartement pédagogique connecté",
                    new=True,
                ),
            ],
            "formations": [
                _formation(
                    "Diplôme d'État d'accompagnant éducatif et social (DEAES)",
                    "3",
                    "apprentissage",
                    "CFA partenaires du sanitaire et social",
                ),
                _formation(
                    "Bac pro Accompagnement, soins et services à la personne",
                    "4",
                    "scolaire",
                    "Lycées professionnels partenaires (académies de Paris et de Créteil)",
                ),
                _formation(
                    "Diplôme d'État d'aide-soignant (DEAS)",
                    "4",
                    "continue",
                    "Instituts de formation d'aides-soignants partenaires",
                ),
                _formation(
                    "BTS Services et prestations des secteurs sanitaire et social",
                    "5",
                    "scolaire",
                    "Lycées partenaires (académie de Créteil)",
                ),
                _formation(
                    "Licence Sciences sanitaires et sociales",
                    "6",
                    "scolaire",
                    "Université Paris-Est Créteil Val de Marne (UPEC)",
                ),
            ],
            "beneficiaries": _beneficiaries(
                pupils=640,
                apprentices=110,
                students=230,
                trainees=95,
                teachers=70,
                job_seekers=55,
                other=300,
            ),
        },
        3: {
            "actions": [
                _action(
                    "attractivite", "Forum des métiers du grand âge et de l'autonomie", 12000, 850
                ),
                _action(
                    "parcours",
                    "Immersions en EHPAD et services à domicile pour les élèves de bac pro",
                    8000,
                    180,
                ),
                _action(
                    "innovation",
                    "Appartement pédagogique connecté (domotique, aides techniques)",
                    15000,
                    260,
                ),
                _action(
                    "formation_formateurs",
                    "Formation des enseignants à la prévention de la perte d'autonomie",
                    4000,
                    45,
                ),
                _action(
                    "entreprises",
                    "Job dating de l'apprentissage avec les employeurs du secteur",
                    6000,
                    140,
                ),
            ]
        },
        4: {
            "meetings": [
                _meeting("copil", date(year, 2, 2), 14),
                _meeting("cos", date(year, 6, 13), 21),
                _meeting("copil", date(year, 10, 5), 15),
            ]
        },
        5: {
            "revenues": _lines(
                (REGION_REVENUE_LABEL, 50000),
                ("Rectorats de Paris et de Créteil", 40000),
                ("Université Paris-Est Créteil (établissement support)", 20000),
                ("Agence régionale de santé (appel à projets)", 15000),
            ),
            "expenses": _lines(
                ("Personnel", 70000),
                ("Actions (rubrique 3)", 45000),
                ("Communication", 4000),
                ("Fonctionnement et déplacements", 6000),
            ),
            "in_kind_revenues": _lines(
                ("UPEC : bureaux et salles", 10000),
                ("Établissements partenaires : plateaux techniques", 8000),
            ),
            "in_kind_expenses": _lines(
                ("Locaux et plateaux techniques (valorisation)", 18000),
            ),
            "staff": [
                _post("Directeur·rice opérationnel·le", "1", "Rectorats de Paris et de Créteil"),
                _post("Chargé·e de mission", "0.5", "Université Paris-Est Créteil"),
                _post(
                    "Enseignant·e chargé·e de mission (décharge partielle)",
                    "0.3",
                    "Rectorat de Créteil",
                ),
            ],
        },
        6: {
            "brochure_up_to_date": True,
            "website": _site("sante-autonomie-bien-vieillir"),
            "social_networks": "LinkedIn du campus.",
            "other_communication": "Portraits vidéo de professionnels du secteur pour les lycées.",
            "events": _events(
                ("salon", "organised", 1),
                ("salon", "present", 5),
                ("portes_ouvertes", "partnership", 3),
                ("conference", "organised", 2),
            ),
        },
        7: {
            "created": [
                _created(
                    "Mention complémentaire Aide à domicile",
                    "transformed",
                    15,
                    "Lycée professionnel partenaire (académie de Créteil)",
                ),
            ],
            "modules": [
                _module("Coloration « gérontechnologies » du bac pro ASSP", "coloration", 48),
                _module(
                    "Module de prévention des chutes et de la perte d'autonomie (DEAES)",
                    "module",
                    36,
                ),
            ],
        },
        8: {
            "mobilities": 6,
            "partners": [
                _partner("Institut de formation en soins partenaire (Erasmus+)", "Belgique")
            ],
        },
        9: {
            "evaluation": (
                "Questionnaires aux participants du forum et des immersions ; suivi du nombre de "
                "contrats d'apprentissage signés après le job dating."
            ),
            "self_evaluation": (
                "Auto-évaluation annuelle en COPIL à partir des trois axes du campus "
                "(formation, orientation, insertion)."
            ),
            "strengths": [
                "Un forum des métiers du grand âge devenu un rendez-vous du territoire",
                "Un appartement pédagogique connecté partagé par les lycées et l'université",
                "Des employeurs du secteur très présents dans les actions",
            ],
            "improvements": [
                "Renforcer les passerelles entre bac pro et diplômes d'État",
                "Développer les mobilités européennes",
                "Mieux mesurer l'insertion des apprentis",
            ],
        },
    }


def _securite(year):
    """Sûreté, sécurité, cyber et services associés (CY Cergy Paris Université)."""
    return {
        1: {
            "studies": [
                {
                    "title": "Les besoins en compétences de la cybersécurité en Île-de-France",
                    "body": DEFI_METIERS,
                    "published_on": date(year, 5, 16),
                },
                {
                    "title": "Panorama des métiers de la prévention et de la sécurité privée",
                    "body": "Observatoire des métiers de la prévention et de la sécurité",
                    "published_on": date(year, 10, 2),
                },
            ]
        },
        2: {
            "stakeholders": [
                _stakeholder("CY Cergy Paris Université", "superieur", "Établissement support"),
                _region_row(),
                *_rectorate_rows("paris", "versailles"),
                _stakeholder(
                    "Branche professionnelle de la prévention et de la sécurité",
                    "branche",
                    "Observatoire des métiers, intervenants professionnels",
                ),
                _stakeholder(
                    "Lycées professionnels des métiers de la sécurité (académie de Versailles)",
                    "lycee",
                    "Formations initiales, tiers lieux",
                ),
                _stakeholder(
                    "Entreprises du numérique et de la sûreté partenaires",
                    "entreprise",
                    "Rencontres écoles-entreprises, stages et alternance",
                ),
                _stakeholder(
                    "Laboratoire de recherche en cybersécurité de CY Cergy Paris Université",
                    "laboratoire",
                    "Summer school, espaces cybersécurité",
                    new=True,
                ),
            ],
            "formations": [
                _formation(
                    "CAP Agent de sécurité",
                    "3",
                    "scolaire",
                    "Lycées professionnels partenaires (académie de Versailles)",
                ),
                _formation(
                    "Bac pro Métiers de la sécurité",
                    "4",
                    "scolaire",
                    "Lycées professionnels partenaires (académie de Versailles)",
                ),
                _formation(
                    "BTS Cybersécurité, informatique et réseaux, électronique",
                    "5",
                    "scolaire",
                    "Lycées partenaires (académies de Paris et de Versailles)",
                ),
                _formation(
                    "Licence professionnelle Sécurité des biens et des personnes",
                    "6",
                    "apprentissage",
                    "CY Cergy Paris Université",
                ),
                _formation(
                    "Master Informatique – parcours cybersécurité",
                    "7",
                    "scolaire",
                    "CY Cergy Paris Université",
                ),
            ],
            "beneficiaries": _beneficiaries(
                pupils=980,
                apprentices=140,
                students=320,
                trainees=60,
                teachers=85,
                job_seekers=35,
                other=600,
            ),
        },
        3: {
            "actions": [
                _action(
                    "attractivite",
                    "Rencontres écoles-entreprises et conférences métiers",
                    10000,
                    1200,
                ),
                _action(
                    "innovation",
                    "Tiers lieux : réalité virtuelle, IoT, cybersécurité, chemin de ronde",
                    25000,
                    450,
                ),
                _action(
                    "parcours",
                    "Formations trans-niveaux et bac+1 « sûreté des grands événements »",
                    12000,
                    60,
                ),
                _action("international", "Summer school cybersécurité", 10000, 40),
                _action("attractivite", "Vacances apprenantes", 8000, 90),
            ]
        },
        4: {
            "meetings": [
                _meeting("copil", date(year, 1, 26), 17),
                _meeting("cos", date(year, 5, 24), 26),
                _meeting("copil", date(year, 6, 27), 15),
                _meeting("copil", date(year, 11, 14), 18),
            ]
        },
        5: {
            "revenues": _lines(
                (REGION_REVENUE_LABEL, 50000),
                ("Rectorats de Paris et de Versailles", 45000),
                ("CY Cergy Paris Université (établissement support)", 20000),
                ("France 2030 (programme d'investissements d'avenir)", 60000),
            ),
            "expenses": _lines(
                ("Personnel", 85000),
                ("Actions (rubrique 3)", 65000),
                ("Communication", 10000),
                ("Fonctionnement et déplacements", 15000),
            ),
            "in_kind_revenues": _lines(
                ("CY Cergy Paris Université : locaux et équipements", 15000),
                ("Entreprises partenaires : interventions de professionnels", 10000),
            ),
            "in_kind_expenses": _lines(
                ("Locaux et équipements (valorisation)", 15000),
                ("Temps d'intervention de professionnels (valorisation)", 10000),
            ),
            "staff": [
                _post("Directeur·rice opérationnel·le", "1", "Rectorat de Versailles"),
                _post("Chef·fe de projet France 2030", "1", "France 2030"),
                _post("Chargé·e de communication", "0.5", "CY Cergy Paris Université"),
            ],
        },
        6: {
            "brochure_up_to_date": True,
            "website": _site("surete-securite-cyber"),
            "social_networks": "LinkedIn, Instagram et chaîne vidéo du campus.",
            "other_communication": "Lettre d'information mensuelle aux établissements membres.",
            "events": _events(
                ("salon", "present", 8),
                ("conference", "organised", 5),
                ("concours", "organised", 1),
                ("portes_ouvertes", "partnership", 2),
            ),
        },
        7: {
            "created": [
                _created(
                    "Formation complémentaire « sûreté des grands événements » (bac+1)",
                    "created",
                    15,
                    "Lycée professionnel partenaire (académie de Versailles)",
                ),
            ],
            "modules": [
                _module(
                    "Coloration « sécurité des grands événements » du bac pro Métiers de la "
                    "sécurité",
                    "coloration",
                    72,
                ),
                _module(
                    "Module de sensibilisation à la cybersécurité en seconde professionnelle",
                    "module",
                    240,
                ),
            ],
        },
        8: {
            "mobilities": 12,
            "partners": [
                _partner("Université partenaire de la summer school cybersécurité", "Canada"),
                _partner("Lycée professionnel partenaire (Erasmus+)", "Italie"),
            ],
        },
        9: {
            "evaluation": (
                "Questionnaires de satisfaction pour chaque action ; fréquentation des tiers "
                "lieux suivie mois par mois."
            ),
            "self_evaluation": (
                "Auto-évaluation en COPIL de novembre ; feuille de route France 2030 revue avec "
                "les partenaires."
            ),
            "strengths": [
                "Des tiers lieux très fréquentés par les lycées du réseau",
                "Une formation bac+1 créée pour les grands événements sportifs",
                "Des financements France 2030 qui démultiplient les actions",
            ],
            "improvements": [
                "Ouvrir davantage les formations à l'apprentissage",
                "Augmenter la part de filles dans les formations cyber",
                "Formaliser l'évaluation des summer schools",
            ],
        },
    }


def _tnec(year):
    """Transition numérique et écologique de la construction (UPEC; Paris, Créteil)."""
    return {
        1: {
            "reference_diagnostics": (
                "Diagnostic du campus : métiers en tension, taux d'abandon en formation initiale "
                "plus de deux fois supérieur à la moyenne (27 % contre 13 %), montée en puissance "
                "de la RE 2020 et du BIM."
            ),
            "studies": [
                {
                    "title": "Emploi et formation dans le BTP en Île-de-France : chiffres clés",
                    "body": "Cellule économique régionale de la construction",
                    "published_on": date(year, 6, 6),
                }
            ],
        },
        2: {
            "stakeholders": [
                _stakeholder(
                    "Université Paris-Est Créteil Val de Marne (UPEC)",
                    "superieur",
                    "Établissement support",
                ),
                _region_row(),
                *_rectorate_rows("paris", "creteil"),
                _stakeholder(
                    "Fédération régionale du bâtiment",
                    "branche",
                    "Séminaire école-entreprises, jury du hackathon",
                ),
                _stakeholder(
                    "Organisation professionnelle de l'artisanat du bâtiment",
                    "branche",
                    "Accueil d'apprentis, Worldskills",
                ),
                _stakeholder(
                    "CFA du BTP partenaires", "cfa", "Formations en apprentissage du CAP au BTS"
                ),
                _stakeholder(
                    "Lycées professionnels du bâtiment (académies de Paris et de Créteil)",
                    "lycee",
                    "Formations initiales, visites virtuelles",
                ),
            ],
            "formations": [
                _formation("CAP Maçon", "3", "apprentissage", "CFA du BTP partenaires"),
                _formation(
                    "Bac pro Technicien d'études du bâtiment",
                    "4",
                    "scolaire",
                    "Lycées professionnels du bâtiment partenaires",
                ),
                _formation(
                    "BTS Bâtiment", "5", "scolaire", "Lycées du bâtiment partenaires (Créteil)"
                ),
                _formation(
                    "BTS Management économique de la construction",
                    "5",
                    "apprentissage",
                    "CFA du BTP partenaires",
                ),
                _formation(
                    "Licence professionnelle BIM et transition numérique du bâtiment",
                    "6",
                    "apprentissage",
                    "Université Paris-Est Créteil Val de Marne (UPEC)",
                ),
            ],
            "beneficiaries": _beneficiaries(
                pupils=760,
                apprentices=210,
                students=190,
                trainees=40,
                teachers=65,
                job_seekers=30,
                other=450,
            ),
        },
        3: {
            "actions": [
                _action(
                    "valorisation", "Site internet, réseaux sociaux et lettre d'information", 9000
                ),
                _action(
                    "attractivite", "Visites virtuelles des établissements de formation", 7000, 600
                ),
                _action(
                    "innovation",
                    "Hackathon de la construction numérique et écologique",
                    10000,
                    120,
                ),
                _action("entreprises", "Séminaire école-entreprises", 6000, 150),
                _action("attractivite", "Rendez-vous des métiers de la construction", 12000, 900),
                _action(
                    "parcours",
                    "Cordées de la réussite et préparation aux Worldskills",
                    6000,
                    45,
                ),
            ]
        },
        4: {
            "meetings": [
                _meeting("copil", date(year, 3, 7), 13),
                _meeting("cos", date(year, 6, 20), 19),
                _meeting("copil", date(year, 11, 28), 14),
            ]
        },
        5: {
            "revenues": _lines(
                (REGION_REVENUE_LABEL, 50000),
                ("Rectorats de Paris et de Créteil", 30000),
                ("Université Paris-Est Créteil (établissement support)", 15000),
                ("Programme ECN (programme d'investissements d'avenir)", 25000),
                ("Organisations professionnelles du bâtiment", 10000),
            ),
            "expenses": _lines(
                ("Personnel", 65000),
                ("Actions (rubrique 3)", 50000),
                ("Communication", 8000),
                ("Fonctionnement et déplacements", 7000),
            ),
            "in_kind_revenues": _lines(
                ("UPEC : bureaux et salles", 8000),
                ("Organisations professionnelles : matériel et intervenants", 6000),
            ),
            "in_kind_expenses": _lines(
                ("Locaux (valorisation)", 8000),
                ("Matériel et temps d'intervention (valorisation)", 6000),
            ),
            "staff": [
                _post("Directeur·rice opérationnel·le", "1", "Rectorat de Créteil"),
                _post(
                    "Chargé·e de communication et d'animation",
                    "0.6",
                    "Université Paris-Est Créteil",
                ),
            ],
        },
        6: {
            "brochure_up_to_date": True,
            "website": _site("construction-numerique-ecologique"),
            "social_networks": "LinkedIn, Instagram et lettre d'information du campus.",
            "other_communication": "Visites virtuelles des établissements en ligne.",
            "events": _events(
                ("salon", "present", 7),
                ("concours", "organised", 1),
                ("portes_ouvertes", "partnership", 4),
                ("conference", "organised", 1),
                ("autre", "present", 2),
            ),
        },
        7: {
            "modules": [
                _module(
                    "Module BIM pour les élèves de bac pro Technicien d'études du bâtiment",
                    "module",
                    56,
                ),
                _module(
                    "Formation complémentaire RE 2020 pour les apprentis de BTS",
                    "complementaire",
                    28,
                ),
            ]
        },
        8: {
            "mobilities": 5,
            "partners": [
                _partner("Centre de formation du bâtiment partenaire (Erasmus+)", "Portugal")
            ],
        },
        9: {
            "evaluation": (
                "Audience du site et des réseaux suivie chaque mois ; questionnaires aux "
                "participants du hackathon et du rendez-vous des métiers."
            ),
            "self_evaluation": (
                "Auto-évaluation en COPIL de fin d'année ; priorité maintenue à l'attractivité "
                "des métiers."
            ),
            "strengths": [
                "Une présence en ligne qui fait connaître les métiers de la construction",
                "Un hackathon qui mobilise lycées, CFA et entreprises",
                "Un rendez-vous des métiers bien identifié par les familles",
            ],
            "improvements": [
                "Agir sur le décrochage en première année de formation",
                "Lancer les formations prévues par le programme ECN",
                "Développer les mobilités européennes des apprentis",
            ],
        },
    }


def _energie(year):
    """Énergie durable (préfiguration; Université Paris-Saclay; Montereau-Fault-Yonne)."""
    return {
        1: {
            "reference_diagnostics": (
                "Diagnostic de préfiguration : projet NexIF sur l'axe nucléaire (EDF, lycée de "
                "Montereau-Fault-Yonne, Éducation nationale) et dossier France 2030 « Compétences "
                "et métiers d'avenir » (HTASE, batteries et hydrogène) ; le diagnostic complet "
                "sera celui du dossier de demande de label."
            ),
            "studies": [
                {
                    "title": "Besoins en compétences de la filière nucléaire à l'horizon de dix "
                    "ans",
                    "body": "Observatoire de branche de la filière nucléaire",
                    "published_on": date(year, 7, 3),
                }
            ],
        },
        2: {
            "stakeholders": [
                _stakeholder("Université Paris-Saclay", "superieur", "Établissement support"),
                _stakeholder(
                    "Ville de Montereau-Fault-Yonne",
                    "collectivite",
                    "Co-signataire, cœur de l'axe nucléaire",
                ),
                _stakeholder(
                    "EDF", "entreprise", "Acteur fondateur, partenaire NexIF (axe nucléaire)"
                ),
                _stakeholder(
                    "Lycée de Montereau-Fault-Yonne", "lycee", "Partenaire NexIF (axe nucléaire)"
                ),
                _region_row(),
                _stakeholder(RECTORAT_PARIS, "collectivite", "Co-signataire (État)"),
                _stakeholder(
                    RECTORAT_CRETEIL,
                    "collectivite",
                    "Académie du site de Montereau-Fault-Yonne",
                    new=True,
                ),
                _stakeholder(
                    RECTORAT_VERSAILLES,
                    "collectivite",
                    "Académie du site de Gif-sur-Yvette",
                    new=True,
                ),
            ],
            "formations": [
                _formation(
                    "Bac pro Maintenance des systèmes de production connectés",
                    "4",
                    "scolaire",
                    "Lycée de Montereau-Fault-Yonne",
                ),
                _formation(
                    "BTS Maintenance des systèmes – option systèmes énergétiques et fluides",
                    "5",
                    "scolaire",
                    "Lycée de Montereau-Fault-Yonne",
                ),
                _formation("Master Énergie", "7", "scolaire", "Université Paris-Saclay"),
            ],
            "beneficiaries": _beneficiaries(
                pupils=210, apprentices=20, students=60, teachers=25, other=80
            ),
        },
        3: {
            "actions": [
                _action(
                    "attractivite",
                    "Découverte des métiers du nucléaire (NexIF) : visites et interventions",
                    6000,
                    150,
                ),
                _action(
                    "formation_formateurs",
                    "Formation des enseignants aux technologies de l'hydrogène et des batteries",
                    5000,
                    20,
                ),
                _action(
                    "autre",
                    "Préparation du dossier de demande de label (ateliers partenaires)",
                    7000,
                ),
                _action(
                    "entreprises",
                    "Rencontres avec les employeurs de l'énergie du sud Seine-et-Marne",
                    4000,
                    60,
                ),
            ]
        },
        4: {
            "meetings": [
                _meeting("copil", date(year, 3, 28), 10),
                _meeting("copil", date(year, 9, 19), 12),
                _meeting("autre", date(year, 12, 5), 7),
            ]
        },
        5: {
            "revenues": _lines(
                (REGION_REVENUE_LABEL, 50000),
                ("Université Paris-Saclay (établissement support)", 20000),
                ("Ville de Montereau-Fault-Yonne", 5000),
            ),
            "expenses": _lines(
                ("Personnel (direction de préfiguration, recrutée en cours d'année)", 40000),
                ("Actions (rubrique 3)", 22000),
                ("Communication", 3000),
                ("Fonctionnement et déplacements", 10000),
            ),
            "in_kind_revenues": _lines(
                ("Ville de Montereau-Fault-Yonne : salles", 4000),
                ("EDF : visites de sites et intervenants", 6000),
            ),
            "in_kind_expenses": _lines(
                ("Salles (valorisation)", 4000),
                ("Visites et temps d'intervention (valorisation)", 6000),
            ),
            "staff": [
                _post(
                    "Directeur·rice opérationnel·le de préfiguration (poste pourvu en cours "
                    "d'année)",
                    "0.5",
                    "Université Paris-Saclay",
                ),
                _post(
                    "Chargé·e de mission (appui à la préfiguration)",
                    "0.3",
                    "Région académique Île-de-France",
                ),
            ],
        },
        6: {
            "brochure_up_to_date": False,
            "social_networks": "Publications sur les comptes des membres fondateurs.",
            "events": _events(
                ("portes_ouvertes", "partnership", 2),
                ("salon", "present", 2),
                ("conference", "present", 1),
            ),
        },
        7: {"nothing_new": True},
        8: {"mobilities": 0, "partners": []},
        9: {
            "evaluation": (
                "Bilan des visites NexIF avec le lycée et EDF ; retours des enseignants formés."
            ),
            "self_evaluation": (
                "Point d'étape de la préfiguration en COPIL de septembre ; calendrier de la "
                "demande de label confirmé."
            ),
            "strengths": [
                "Un axe nucléaire déjà opérationnel avec le projet NexIF",
                "Une ville et un lycée moteurs à Montereau-Fault-Yonne",
                "Un réseau d'acteurs élargi aux batteries et à l'hydrogène",
            ],
            "improvements": [
                "Finaliser le recrutement de la direction opérationnelle",
                "Rédiger et déposer le dossier de demande de label",
                "Associer les académies de Créteil et de Versailles aux actions",
            ],
        },
    }


def _if(year):
    """Industrie du futur (ex Aéronautique et spatial; Université d'Evry Val d'Essonne)."""
    return {
        1: {
            "reference_diagnostics": (
                "Diagnostic du premier label (2018-2022), actualisé pour la demande de label "
                "Excellence « industrie du futur »."
            ),
            "studies": [
                {
                    "title": "Transformation numérique et besoins en compétences de "
                    "l'industrie aéronautique et spatiale",
                    "body": "Observatoire des métiers de la métallurgie",
                    "published_on": date(year, 2, 27),
                }
            ],
        },
        2: {
            "stakeholders": [
                _stakeholder(
                    "Université d'Evry Val d'Essonne",
                    "superieur",
                    "Établissement support, présidence du campus",
                ),
                _region_row(),
                *_rectorate_rows("paris", "creteil", "versailles"),
                _stakeholder(
                    "Entreprises de la filière aéronautique et spatiale partenaires",
                    "entreprise",
                    "Membres du COS, stages, alternance, démonstrations",
                ),
                _stakeholder(
                    "Lycées des métiers de l'aéronautique partenaires",
                    "lycee",
                    "Formations initiales, plateformes numériques",
                ),
                _stakeholder(
                    "CFA de l'industrie partenaires", "cfa", "Formations en apprentissage"
                ),
                _stakeholder(
                    _employment_agency(year),
                    "autre",
                    "Membre du COS, orientation des demandeurs d'emploi",
                ),
            ],
            "formations": [
                _formation(
                    "CAP Aéronautique option structures",
                    "3",
                    "scolaire",
                    "Lycées des métiers de l'aéronautique partenaires",
                ),
                _formation(
                    "Bac pro Aéronautique option systèmes",
                    "4",
                    "scolaire",
                    "Lycées des métiers de l'aéronautique partenaires",
                ),
                _formation(
                    "BTS Aéronautique", "5", "apprentissage", "CFA de l'industrie partenaires"
                ),
                _formation(
                    "Licence professionnelle Industrie 4.0",
                    "6",
                    "apprentissage",
                    "Université d'Evry Val d'Essonne",
                ),
                _formation(
                    "Master Ingénierie des systèmes complexes",
                    "7",
                    "scolaire",
                    "Université d'Evry Val d'Essonne",
                ),
            ],
            "beneficiaries": _beneficiaries(
                pupils=1150,
                apprentices=260,
                students=420,
                trainees=130,
                teachers=110,
                job_seekers=70,
                other=500,
            ),
        },
        3: {
            "actions": [
                _action(
                    "innovation",
                    "Plateformes numériques d'apprentissage (jumeaux numériques, réalité "
                    "augmentée)",
                    55000,
                    600,
                ),
                _action(
                    "formation_formateurs",
                    "Formation des enseignants à l'industrie 4.0",
                    15000,
                    80,
                ),
                _action(
                    "attractivite",
                    "Semaine de l'industrie : visites d'entreprises et démonstrations",
                    20000,
                    1400,
                ),
                _action(
                    "parcours", "Parcours bac-3 / bac+3 en maintenance aéronautique", 15000, 90
                ),
                _action(
                    "entreprises", "Rencontres campus-entreprises du pôle de Meaux", 15000, 120
                ),
            ]
        },
        4: {
            "meetings": [
                _meeting("copil", date(year, 1, 16), 14),
                _meeting("copil", date(year, 4, 9), 12),
                _meeting("cos", date(year, 6, 6), 22),
                _meeting("copil", date(year, 9, 24), 15),
            ]
        },
        5: {
            "revenues": _lines(
                (REGION_REVENUE_LABEL, 50000),
                ("Rectorats de Paris, de Créteil et de Versailles", 50000),
                ("Université d'Evry Val d'Essonne (établissement support)", 30000),
                ("France 2030 (PIA, 3,2 M€ sur 10 ans)", 320000),
            ),
            "expenses": _lines(
                ("Personnel", 210000),
                ("Actions (rubrique 3)", 120000),
                ("Équipements pédagogiques", 90000),
                ("Communication", 12000),
                ("Fonctionnement et déplacements", 18000),
            ),
            "in_kind_revenues": _lines(
                ("Université d'Evry Val d'Essonne : centre d'innovation d'Évry", 35000),
                ("Entreprises partenaires : interventions et visites", 15000),
            ),
            "in_kind_expenses": _lines(
                ("Locaux du centre d'innovation (valorisation)", 35000),
                ("Temps d'intervention de professionnels (valorisation)", 15000),
            ),
            "staff": [
                _post(
                    "Directeur·rice opérationnel·le",
                    "1",
                    "Rectorats de Paris, de Créteil et de Versailles",
                ),
                _post("Chef·fe de projet France 2030", "1", "France 2030"),
                _post("Ingénieur·e pédagogique", "1", "France 2030"),
                _post("Chargé·e de mission entreprises", "0.8", "Université d'Evry Val d'Essonne"),
            ],
        },
        6: {
            "brochure_up_to_date": True,
            "website": _site("industrie-du-futur"),
            "social_networks": "LinkedIn et YouTube du campus.",
            "other_communication": "Démonstrateurs itinérants présentés dans les lycées.",
            "events": _events(
                ("salon", "present", 9),
                ("portes_ouvertes", "organised", 3),
                ("conference", "organised", 2),
                ("concours", "partnership", 2),
                ("exposition", "partnership", 1),
            ),
        },
        7: {
            "created": [
                _created(
                    "Licence professionnelle Industrie 4.0 – parcours maintenance aéronautique",
                    "transformed",
                    24,
                    "Université d'Evry Val d'Essonne",
                ),
            ],
            "modules": [
                _module("Module jumeau numérique et maintenance prédictive", "module", 140),
                _module(
                    "Formation complémentaire en réalité augmentée pour les techniciens",
                    "complementaire",
                    35,
                ),
            ],
        },
        8: {
            "mobilities": 18,
            "partners": [
                _partner("Université technique partenaire (aéronautique)", "Allemagne"),
                _partner("Lycée professionnel aéronautique partenaire (Erasmus+)", "Espagne"),
                _partner("Centre de formation aéronautique partenaire", "Canada"),
            ],
        },
        9: {
            "evaluation": (
                "Indicateurs du projet France 2030 (publics formés, usage des plateformes) "
                "suivis chaque trimestre en COPIL."
            ),
            "self_evaluation": (
                "Auto-évaluation menée pour la demande de label Excellence, selon les onze "
                "critères du cahier des charges national."
            ),
            "external_evaluation": (
                "Évaluation du premier label (2018-2022) prise en compte dans la demande de "
                "renouvellement."
            ),
            "strengths": [
                "Des plateformes numériques d'apprentissage utilisées dans tout le réseau",
                "Un financement France 2030 pluriannuel qui sécurise les actions",
                "Une forte mobilisation des entreprises de la filière",
            ],
            "improvements": [
                "Étendre le campus aux autres industries que l'aéronautique",
                "Ouvrir les plateformes à la formation continue",
                "Développer le pôle de Meaux",
            ],
        },
    }


def _mode(year):
    """Mode, métiers d'art et design – Manufactures des Gobelins (ENSAD; Paris, Créteil).

    The four axes and their 27 programmes are those of fiche projet 23004170."""
    return {
        1: {
            "reference_diagnostics": (
                "Diagnostic du dossier de labellisation Excellence (2020) du campus des métiers "
                "d'art et du design, complété pour le périmètre Mode lors de la fusion."
            ),
            "studies": [
                {
                    "title": "Les métiers d'art et de la mode en Île-de-France : emploi, "
                    "formation et transmission des savoir-faire",
                    "body": DEFI_METIERS,
                    "published_on": date(year, 11, 8),
                }
            ],
        },
        2: {
            "stakeholders": [
                _stakeholder(
                    "École nationale supérieure des arts décoratifs (ENSAD)",
                    "superieur",
                    "Établissement support, préside le Directoire et le COPIL",
                ),
                _stakeholder(
                    "Mobilier national",
                    "collectivite",
                    "Membre fondateur, accueille les espaces du campus",
                ),
                _stakeholder(
                    "Institut Français de la Mode",
                    "superieur",
                    "Opérateur de formation partenaire, membre du COS",
                ),
                _stakeholder(
                    "CNAM", "superieur", "Opérateur de formation partenaire, membre du COS"
                ),
                _stakeholder(
                    "Conférence des écoles supérieures d'arts appliqués de Paris (Césaap)",
                    "association",
                    "Opérateur de formation partenaire, membre du COS",
                ),
                _stakeholder("Comité Colbert", "association", "Membre du COS"),
                _stakeholder(
                    "Direction régionale de l'économie, de l'emploi, du travail et des "
                    "solidarités (unité régionale)",
                    "collectivite",
                    "Membre du COS",
                ),
                _region_row(),
                *_rectorate_rows("paris", "creteil"),
            ],
            "formations": [
                _formation(
                    "CAP Métiers de la mode – vêtement flou",
                    "3",
                    "scolaire",
                    "Lycées professionnels de la mode (académies de Paris et de Créteil)",
                ),
                _formation(
                    "Bac pro Métiers de la couture et de la confection",
                    "4",
                    "scolaire",
                    "Lycées professionnels de la mode (académies de Paris et de Créteil)",
                ),
                _formation(
                    "Diplôme national des métiers d'art et du design (DN MADE)",
                    "6",
                    "scolaire",
                    "Écoles supérieures d'arts appliqués de Paris (Césaap)",
                ),
                _formation(
                    "Bachelor EMA – Entreprendre dans les métiers d'art et du design",
                    "6",
                    "scolaire",
                    "Opérateurs de formation partenaires du campus",
                ),
                _formation(
                    "Formation prototypiste en maroquinerie",
                    "autre",
                    "continue",
                    "Opérateur de formation partenaire du campus",
                ),
                _formation(
                    "Diplôme de l'ENSAD (grade de master)",
                    "7",
                    "scolaire",
                    "École nationale supérieure des arts décoratifs (ENSAD)",
                ),
                _formation(
                    "Programmes bachelor et master de l'Institut Français de la Mode",
                    "7",
                    "scolaire",
                    "Institut Français de la Mode",
                ),
            ],
            # 600 + 24 + 523 = 1 147 beneficiaries of the programmes; 17 000 visitors.
            "beneficiaries": _beneficiaries(
                pupils=560, apprentices=58, students=402, trainees=85, teachers=42, other=17000
            ),
        },
        3: {
            "actions": [
                _action(
                    "innovation",
                    "Innovation – 7 programmes : Utopies constructives, Ready'up, La grande "
                    "Matériauthèque, Triathlon de la mode éthique, concours Jeune Création – La "
                    "laine de demain, conférence La Matière mise à nue…",
                    30000,
                    600,
                ),
                _action(
                    "international",
                    "International – 5 programmes : Young Ambassador for Homo Faber, partenariat "
                    "RICE en Thaïlande, biennale Artes & Ofícios Novos Design à Oeiras, "
                    "résidence Crafting stories aux Émirats arabes unis…",
                    18000,
                    24,
                ),
                _action(
                    "parcours",
                    "Parcours – 8 programmes : Viens voir mon atelier, Softskills, Manufacto, "
                    "ateliers Entreprendre dans les métiers d'art, formation prototypiste en "
                    "maroquinerie, Ambassadeurs du campus, bachelor EMA, Cordées de la réussite "
                    "Athéna",
                    27000,
                    523,
                ),
                _action(
                    "valorisation",
                    "Valorisation et attractivité – 7 programmes : salons d'orientation, master "
                    "classe Virtuoses LVMH, Printemps de l'orientation, exposition Entrez en "
                    "matières, série documentaire « Comment faire ? », Paris Design Week, Les "
                    "De(ux)mains du luxe (17 000 visiteurs, 40 000 vues)",
                    20000,
                    17000,
                ),
            ]
        },
        4: {
            "meetings": [
                _meeting("autre", date(year, 2, 8), 9),  # Directoire
                _meeting("copil", date(year, 4, 4), 31),
                _meeting("cos", date(year, 6, 22), 27),
                _meeting("autre", date(year, 9, 12), 8),  # Directoire
            ]
        },
        5: {
            "revenues": _lines(
                (REGION_REVENUE_LABEL, 100000),
                ("Académies de Paris et de Créteil (postes de direction)", 100000),
                ("Mécénat et partenariats d'entreprises", 35000),
                ("ENSAD (établissement support)", 15000),
            ),
            "expenses": _lines(
                ("Personnel", 130000),
                ("Actions (rubrique 3)", 95000),
                ("Communication", 15000),
                ("Fonctionnement et déplacements", 10000),
            ),
            "in_kind_revenues": _lines(
                ("Mobilier national : espaces du campus (concession domaniale)", 60000),
                ("ENSAD : gestion financière et comptable, bureau", 20000),
            ),
            "in_kind_expenses": _lines(
                ("Espaces de travail, de prototypage et d'exposition (valorisation)", 60000),
                ("Gestion financière et comptable, bureau (valorisation)", 20000),
            ),
            "staff": [
                _post("Directeur·rice opérationnel·le", "1", "Académies de Paris et de Créteil"),
                _post(
                    "Directeur·rice opérationnel·le adjoint·e",
                    "1",
                    "Académies de Paris et de Créteil",
                ),
                _post(
                    "Chargé·e de mission administration et finances",
                    "1",
                    "Budget du campus (ENSAD)",
                ),
                _post("Chargé·e de communication", "0.5", "Budget du campus (ENSAD)"),
            ],
        },
        6: {
            "brochure_up_to_date": True,
            "website": _site("mode-metiers-art-design"),
            "social_networks": (
                "Instagram et LinkedIn du campus ; série documentaire « Comment faire ? » : "
                "40 000 vues cumulées."
            ),
            "other_communication": (
                "Lettre d'information trimestrielle ; ambassadeurs du campus dans les "
                "établissements."
            ),
            "events": _events(
                ("salon", "present", 6),
                ("salon", "partnership", 1),
                ("exposition", "organised", 2),
                ("exposition", "partnership", 1),
                ("conference", "organised", 3),
                ("portes_ouvertes", "organised", 2),
            ),
        },
        7: {
            "created": [
                _created(
                    "Formation prototypiste en maroquinerie",
                    "created",
                    12,
                    "Opérateur de formation partenaire du campus",
                ),
                _created(
                    "Bachelor EMA – Entreprendre dans les métiers d'art et du design",
                    "created",
                    20,
                    "Opérateurs de formation partenaires du campus",
                ),
            ],
            "modules": [
                _module("Programme Softskills", "module", 120),
                _module("Ateliers Entreprendre dans les métiers d'art", "complementaire", 45),
                _module(
                    "Manufacto, la fabrique des savoir-faire (collèges et lycées)",
                    "coloration",
                    150,
                ),
            ],
        },
        8: {
            "mobilities": 24,
            "partners": [
                _partner("Programme Young Ambassadors – Homo Faber", "Suisse"),
                _partner("Partenaire du programme RICE", "Thaïlande"),
                _partner("Biennale Artes & Ofícios – Novos Design, Oeiras", "Portugal"),
                _partner(
                    "Résidence interculturelle et créative Crafting stories", "Émirats arabes unis"
                ),
            ],
        },
        9: {
            "evaluation": (
                "Chaque programme a un bilan (participants, satisfaction, suites données) "
                "présenté au COPIL ; fréquentation des expositions et audience de la série "
                "documentaire suivies."
            ),
            "self_evaluation": (
                "Auto-évaluation du campus fusionné au regard des quatre axes de son plan "
                "d'action, menée avec le Directoire."
            ),
            "external_evaluation": (
                "Évaluation externe prévue dans le cadre de la demande de label Excellence du "
                "campus fusionné."
            ),
            "strengths": [
                "27 programmes déployés sur les quatre axes du plan d'action",
                "Des espaces partagés au Mobilier national : fablab, matériauthèque, salle Le Brun",
                "Une visibilité forte : 17 000 visiteurs et 40 000 vues",
            ],
            "improvements": [
                "Étendre les actions au territoire cristolien",
                "Consolider les parcours bac-3 / bac+3 / bac+5",
                "Augmenter le nombre de mobilités internationales",
            ],
        },
    }


def _versailles(year):
    """Campus Versailles – patrimoine et artisanat d'excellence (association; Grande Écurie)."""
    return {
        1: {
            "reference_diagnostics": (
                "Diagnostic du dossier de labellisation Excellence (2020) ; état des lieux des "
                "besoins en compétences des artisans du patrimoine, préparé pour le "
                "renouvellement du label."
            ),
        },
        2: {
            "stakeholders": [
                _stakeholder(
                    "Campus Versailles",
                    "association",
                    "Établissement porteur (association des membres fondateurs)",
                ),
                _stakeholder(
                    "CY Cergy Paris Université",
                    "superieur",
                    "Membre fondateur, porteur initial, financeur",
                ),
                _stakeholder(
                    "Établissement public du château, du musée et du domaine national de "
                    "Versailles",
                    "autre",
                    "Membre fondateur, accueille le campus dans la Grande Écurie",
                ),
                _stakeholder(
                    RECTORAT_VERSAILLES,
                    "collectivite",
                    "Membre fondateur, financeur (Territoires d'innovation pédagogique)",
                ),
                _region_row(),
                _stakeholder(RECTORAT_PARIS, "collectivite", "Co-signataire (État)"),
                _stakeholder(
                    "Artisans d'art et entreprises du patrimoine (collège entreprises)",
                    "entreprise",
                    "Projets réels d'élèves, formation continue, incubation",
                ),
                _stakeholder(
                    "Lycées des métiers d'art de l'académie de Versailles",
                    "lycee",
                    "Formations initiales",
                ),
            ],
            "formations": [
                _formation(
                    "CAP Ébéniste",
                    "3",
                    "scolaire",
                    "Lycées des métiers d'art de l'académie de Versailles",
                ),
                _formation(
                    "CAP Tailleur de pierre",
                    "3",
                    "apprentissage",
                    "CFA partenaires des métiers du patrimoine",
                ),
                _formation(
                    "Brevet des métiers d'art Ébéniste",
                    "4",
                    "scolaire",
                    "Lycées des métiers d'art de l'académie de Versailles",
                ),
                _formation(
                    "Diplôme national des métiers d'art et du design – mention patrimoine",
                    "6",
                    "scolaire",
                    "Lycées des métiers d'art de l'académie de Versailles",
                ),
                _formation(
                    "Master Métiers du patrimoine", "7", "scolaire", "CY Cergy Paris Université"
                ),
                _formation(
                    "Formations courtes aux savoir-faire du patrimoine",
                    "autre",
                    "continue",
                    "Campus Versailles",
                ),
            ],
            "beneficiaries": _beneficiaries(
                pupils=1320,
                apprentices=150,
                students=210,
                trainees=120,
                teachers=140,
                job_seekers=25,
                other=2500,
            ),
        },
        3: {
            "actions": [
                _action(
                    "attractivite",
                    "Développer les vocations : découverte des métiers du patrimoine au château",
                    18000,
                    1300,
                ),
                _action(
                    "parcours",
                    "Insertion des jeunes : projets réels d'élèves et d'étudiants pour des "
                    "artisans",
                    16000,
                    260,
                ),
                _action(
                    "entreprises",
                    "Formation continue et incubation de projets d'artisans (jusqu'au prototype)",
                    14000,
                    75,
                ),
                _action(
                    "international",
                    "Écosystème européen de formation d'excellence : échanges et chantiers-écoles",
                    12000,
                    30,
                ),
                _action(
                    "formation_formateurs",
                    "Formation des enseignants de l'académie aux savoir-faire patrimoniaux",
                    10000,
                    90,
                ),
            ]
        },
        4: {
            "meetings": [
                _meeting("autre", date(year, 3, 21), 12),  # conseil d'administration
                _meeting("autre", date(year, 6, 18), 34),  # assemblée générale
                _meeting("copil", date(year, 10, 15), 16),
            ]
        },
        5: {
            "revenues": _lines(
                (REGION_REVENUE_LABEL, 50000),
                ("Académie de Versailles (Territoires d'innovation pédagogique)", 50000),
                ("CY Cergy Paris Université (Territoires d'innovation pédagogique)", 50000),
                ("Cotisations des membres et mécénat", 20000),
                ("Prestations de formation continue", 15000),
            ),
            "expenses": _lines(
                ("Personnel", 95000),
                ("Actions (rubrique 3)", 70000),
                ("Communication", 8000),
                ("Fonctionnement et déplacements", 12000),
            ),
            "in_kind_revenues": _lines(
                ("Château de Versailles : espaces de la Grande Écurie", 40000),
                ("Académie de Versailles : chargés de mission école-entreprise", 25000),
            ),
            "in_kind_expenses": _lines(
                ("Espaces de la Grande Écurie (valorisation)", 40000),
                ("Temps de chargés de mission (valorisation)", 25000),
            ),
            "staff": [
                _post("Directeur·rice de l'association", "1", "Association Campus Versailles"),
                _post("Chargé·e de projets pédagogiques", "1", "Académie de Versailles"),
                _post(
                    "Chargé·e de développement entreprises",
                    "0.8",
                    "Association Campus Versailles",
                ),
                _post("Chargé·e de communication", "0.5", "Association Campus Versailles"),
            ],
        },
        6: {
            "brochure_up_to_date": True,
            "website": _site("campus-versailles"),
            "social_networks": "Instagram, LinkedIn et Facebook du campus.",
            "other_communication": (
                "Présence aux Journées européennes des métiers d'art ; reportages sur les "
                "projets d'élèves."
            ),
            "events": _events(
                ("exposition", "organised", 2),
                ("portes_ouvertes", "organised", 3),
                ("salon", "present", 5),
                ("conference", "organised", 2),
                ("concours", "partnership", 1),
            ),
        },
        7: {
            "created": [
                _created(
                    "Formation complémentaire « restauration du patrimoine bâti »",
                    "created",
                    12,
                    "Lycée des métiers d'art partenaire (académie de Versailles)",
                ),
            ],
            "modules": [
                _module("Coloration patrimoine des CAP et BMA de l'académie", "coloration", 180),
                _module("Modules courts de savoir-faire pour les artisans", "complementaire", 75),
            ],
        },
        8: {
            "mobilities": 30,
            "partners": [
                _partner("Centre européen de formation aux métiers du patrimoine", "Italie"),
                _partner("École de métiers d'art partenaire", "Belgique"),
                _partner("Réseau européen des métiers du patrimoine (Erasmus+)", "Allemagne"),
            ],
        },
        9: {
            "evaluation": (
                "Bilan de chaque projet réel avec l'artisan commanditaire ; questionnaires aux "
                "élèves et aux enseignants formés."
            ),
            "self_evaluation": (
                "Auto-évaluation présentée au conseil d'administration et au comité de pilotage, "
                "en vue du dossier de renouvellement du label."
            ),
            "external_evaluation": (
                "Évaluation à mi-parcours conduite par le comité de pilotage (article 4.1 de la "
                "convention cadre)."
            ),
            "strengths": [
                "Un lieu d'incarnation exceptionnel : la Grande Écurie du château",
                "Des projets réels menés par les élèves pour des artisans",
                "Un financement partagé entre l'Académie, l'université et la Région",
            ],
            "improvements": [
                "Préparer le dossier de renouvellement du label",
                "Étendre les actions aux lycées de l'académie de Paris",
                "Structurer l'offre de formation continue pour les artisans",
            ],
        },
    }


SHEETS = {
    "ia": _ia,
    "icm": _icm,
    "sante": _sante,
    "securite": _securite,
    "tnec": _tnec,
    "energie": _energie,
    "if": _if,
    "mode": _mode,
    "versailles": _versailles,
}


def sheet(key, year):
    """The nine sections {number: data} of campus `key`'s sheet for year N = `year`."""
    return SHEETS[key](year)


# ---------------------------------------------------------------- the following year

# What changes in the sheet of the following campaign: rows added to the pre-filled tables
# (stakeholders, formations, international partners), a growth of the counts (percent), the
# new strengths and improvement axes.
FOLLOW_ON = {
    "ia": {
        "stakeholders": [
            _stakeholder(
                "Pôle de compétitivité du numérique francilien",
                "association",
                "Mise en relation avec les entreprises",
                new=True,
            )
        ],
        "formations": [
            _formation(
                "Diplôme universitaire d'initiation à l'intelligence artificielle",
                "autre",
                "continue",
                "Sorbonne Université",
            )
        ],
        "partners": [],
        "growth": 20,
        "strengths": [
            "Une deuxième école d'été ouverte à davantage de lycées",
            "Un dossier de demande de label déposé",
            "Des premières entreprises associées au projet",
        ],
        "improvements": [
            "Installer le COS du campus",
            "Ouvrir des parcours en apprentissage",
            "Nouer un premier partenariat international",
        ],
    },
    "icm": {
        "stakeholders": [
            _stakeholder(
                "GRETA partenaire (formation des salariés de la filière)",
                "cfa",
                "Formation continue des salariés",
                new=True,
            )
        ],
        "formations": [
            _formation(
                "Titre professionnel Technicien de démantèlement de véhicules",
                "4",
                "continue",
                "GRETA partenaire",
            )
        ],
        "partners": [_partner("Cluster automobile partenaire (économie circulaire)", "Belgique")],
        "growth": 15,
        "strengths": [
            "Les ateliers du lieu totem accueillent tous les publics",
            "Un premier titre professionnel de démantèlement ouvert",
            "Des PME de la filière plus nombreuses à se former",
        ],
        "improvements": [
            "Accroître les mobilités européennes",
            "Suivre l'insertion à six mois des personnes formées",
            "Mieux faire connaître les formations socles aux lycées",
        ],
    },
    "sante": {
        "stakeholders": [
            _stakeholder(
                "Fédération d'employeurs du secteur médico-social",
                "branche",
                "Job dating, parrainage d'apprentis",
                new=True,
            )
        ],
        "formations": [
            _formation(
                "Master Santé publique",
                "7",
                "scolaire",
                "Université Paris-Est Créteil Val de Marne (UPEC)",
            )
        ],
        "partners": [],
        "growth": 10,
        "strengths": [
            "Un forum des métiers élargi à l'aide à domicile",
            "Des employeurs fédérés autour de l'apprentissage",
            "L'appartement connecté ouvert à la formation continue",
        ],
        "improvements": [
            "Développer les mobilités européennes",
            "Renforcer les passerelles vers les diplômes d'État",
            "Mesurer l'insertion des apprentis",
        ],
    },
    "securite": {
        "stakeholders": [
            _stakeholder(
                "Organisateurs de grands événements sportifs",
                "entreprise",
                "Stages et missions des élèves de la formation bac+1",
                new=True,
            )
        ],
        "formations": [
            _formation(
                "Mention complémentaire Sûreté des espaces ouverts au public",
                "4",
                "scolaire",
                "Lycées professionnels partenaires (académie de Versailles)",
            )
        ],
        "partners": [_partner("Centre de formation à la cybersécurité partenaire", "Estonie")],
        "growth": 12,
        "strengths": [
            "Des élèves mobilisés sur les grands événements de l'année",
            "Des tiers lieux ouverts aux familles",
            "Une summer school devenue internationale",
        ],
        "improvements": [
            "Augmenter la part de filles dans les formations cyber",
            "Ouvrir des formations en apprentissage",
            "Évaluer l'insertion des diplômés",
        ],
    },
    "tnec": {
        "stakeholders": [
            _stakeholder(
                "Entreprises générales du bâtiment partenaires",
                "entreprise",
                "Chantiers-écoles, visites de chantiers",
                new=True,
            )
        ],
        "formations": [
            _formation(
                "Mention complémentaire Technicien en énergies renouvelables",
                "4",
                "scolaire",
                "Lycées professionnels du bâtiment partenaires",
            )
        ],
        "partners": [],
        "growth": 10,
        "strengths": [
            "Les formations du programme ECN lancées",
            "Un hackathon élargi aux écoles d'ingénieurs",
            "Une lettre d'information suivie par les entreprises",
        ],
        "improvements": [
            "Réduire le décrochage en première année",
            "Développer les mobilités européennes",
            "Associer davantage les familles",
        ],
    },
    "energie": {
        "stakeholders": [
            _stakeholder(
                "Entreprises de l'hydrogène et des batteries partenaires",
                "entreprise",
                "Projet France 2030, visites de sites",
                new=True,
            )
        ],
        "formations": [
            _formation(
                "Mention complémentaire Technicien en soudage",
                "4",
                "scolaire",
                "Lycée de Montereau-Fault-Yonne",
            )
        ],
        "partners": [],
        "growth": 25,
        "strengths": [
            "Une direction opérationnelle en place",
            "Le dossier de demande de label rédigé avec les partenaires",
            "Le projet NexIF étendu à un second lycée",
        ],
        "improvements": [
            "Installer la gouvernance du futur campus labellisé",
            "Créer de premières formations sur l'hydrogène",
            "Nouer un partenariat international",
        ],
    },
    "if": {
        "stakeholders": [
            _stakeholder(
                "Entreprises de l'industrie automobile et ferroviaire",
                "entreprise",
                "Élargissement du campus aux autres industries",
                new=True,
            )
        ],
        "formations": [
            _formation(
                "BTS Conception des processus de réalisation de produits",
                "5",
                "apprentissage",
                "CFA de l'industrie partenaires",
            )
        ],
        "partners": [],
        "growth": 8,
        "strengths": [
            "Un périmètre élargi à l'ensemble de l'industrie",
            "Des plateformes numériques ouvertes à la formation continue",
            "Le pôle de Meaux pleinement actif",
        ],
        "improvements": [
            "Associer davantage les CFA de l'industrie",
            "Augmenter les mobilités des apprentis",
            "Simplifier le suivi des indicateurs France 2030",
        ],
    },
    "mode": {
        "stakeholders": [
            _stakeholder(
                "Lycées des métiers de la mode du Val-de-Marne",
                "lycee",
                "Extension des actions au territoire cristolien",
                new=True,
            )
        ],
        "formations": [
            _formation(
                "Brevet des métiers d'art Broderie",
                "4",
                "scolaire",
                "Lycées professionnels de la mode (académies de Paris et de Créteil)",
            )
        ],
        "partners": [_partner("École de design partenaire", "Japon")],
        "growth": 6,
        "strengths": [
            "Les actions étendues au territoire cristolien",
            "Des parcours bac-3 / bac+3 / bac+5 consolidés",
            "Un nouveau partenariat international en Asie",
        ],
        "improvements": [
            "Suivre l'insertion des diplômés des métiers d'art",
            "Développer l'apprentissage dans la mode",
            "Mieux mesurer l'effet des expositions sur l'orientation",
        ],
    },
    "versailles": {
        "stakeholders": [
            _stakeholder(
                "Lycées des métiers d'art de l'académie de Paris",
                "lycee",
                "Extension des actions à l'académie de Paris",
                new=True,
            )
        ],
        "formations": [
            _formation(
                "Brevet des métiers d'art Doreur à la feuille ornemaniste",
                "4",
                "scolaire",
                "Lycées des métiers d'art de l'académie de Versailles",
            )
        ],
        "partners": [_partner("Atelier-école de restauration partenaire", "Espagne")],
        "growth": 8,
        "strengths": [
            "Le dossier de renouvellement du label déposé",
            "Des lycées de l'académie de Paris associés",
            "Une offre de formation continue structurée pour les artisans",
        ],
        "improvements": [
            "Achever l'aménagement de la Grande Écurie",
            "Développer les mobilités des apprentis",
            "Mesurer l'insertion dans les entreprises du patrimoine",
        ],
    },
}

# The tables pre-filled from last year's validated sheet (sections.Table.prefill).
PREFILLED = {2: ("stakeholders", "formations"), 8: ("partners",)}


def _grown(count, growth):
    return None if count is None else round(count * (100 + growth) / 100)


def next_year_sheet(key, year):
    """Campus `key`'s sheet for year `year` of the campaign following a validated one: the
    pre-filled tables hold only the rows added this year (the loader keeps the pre-filled ones
    before them), the counts have grown, the strengths and improvement axes are new."""
    data = sheet(key, year)
    follow = FOLLOW_ON[key]
    for number, tables in PREFILLED.items():
        for table in tables:
            data[number][table] = [dict(row) for row in follow[table]]
    growth = follow["growth"]
    for row in data[2]["beneficiaries"]:
        row["count"] = _grown(row["count"], growth)
    for row in data[3]["actions"]:
        row["beneficiaries"] = _grown(row["beneficiaries"], growth)
    for row in data[6]["events"]:
        row["count"] = _grown(row["count"], growth)
    for row in data[7].get("modules", []):
        row["beneficiaries"] = _grown(row["beneficiaries"], growth)
    data[8]["mobilities"] = _grown(data[8]["mobilities"], growth)
    data[9]["strengths"] = list(follow["strengths"])
    data[9]["improvements"] = list(follow["improvements"])
    return data


# ---------------------------------------------------------------- reviews

# The rectorate account that gives its opinion: the academy of the campus's seat or support
# institution (rectorat-paris, the région académique, for the Paris campuses).
OPINION_BY = {
    "ia": "rectorat-paris",
    "icm": "rectorat-versailles",  # Renault Flins (Yvelines)
    "sante": "rectorat-creteil",  # UPEC
    "securite": "rectorat-versailles",  # CY Cergy Paris Université (Val-d'Oise)
    "tnec": "rectorat-creteil",  # UPEC
    "energie": "rectorat-versailles",  # Université Paris-Saclay (Gif-sur-Yvette, Essonne)
    "if": "rectorat-versailles",  # Université d'Evry Val d'Essonne (Essonne)
    "mode": "rectorat-paris",  # ENSAD, Mobilier national (Paris)
    "versailles": "rectorat-versailles",  # Grande Écurie (Yvelines)
}

# Review of the validated campaign (year before last): opinion, comments (author, section,
# text, internal) and the Region's validation note.
REVIEWS = {
    "ia": {
        "opinion": (
            "favourable",
            "Préfiguration bien engagée ; l'école d'été est une réussite à pérenniser.",
        ),
        "comments": [
            (
                "rectorat-paris",
                3,
                "L'école d'été pourrait accueillir des lycéennes des académies de Créteil et de "
                "Versailles l'an prochain.",
                False,
            ),
        ],
        "validation": "Fiche complète ; bonne dynamique de préfiguration.",
    },
    "icm": {
        "opinion": ("favourable", "Démarrage conforme au dossier Excellence."),
        "comments": [
            (
                "rectorat-versailles",
                2,
                "Merci de préciser l'an prochain la liste des lycées pilotes par académie.",
                False,
            ),
            ("region", 5, "Budget cohérent avec la fiche projet.", False),
        ],
        "validation": "Validée.",
    },
    "sante": {
        "opinion": ("favourable", "Actions bien réparties sur les trois axes du campus."),
        "comments": [
            (
                "rectorat-creteil",
                7,
                "La transformation de la mention complémentaire est à valoriser auprès des "
                "familles.",
                False,
            ),
        ],
        "validation": "Validée.",
    },
    "securite": {
        "opinion": ("favourable", "Forte expansion des actions, tiers lieux très utilisés."),
        "comments": [
            (
                "rectorat-versailles",
                3,
                "Les vacances apprenantes sont à reconduire dans les lycées du Val-d'Oise.",
                False,
            ),
            (
                "region",
                5,
                "Note interne : rapprocher les crédits France 2030 du rapport annuel du programme.",
                True,
            ),
        ],
        "validation": "Validée.",
    },
    "tnec": {
        "opinion": ("favourable", "Communication et attractivité bien développées."),
        "comments": [
            (
                "region",
                9,
                "Le décrochage en première année mérite un plan d'action chiffré.",
                False,
            ),
        ],
        "validation": "Validée ; plan d'action sur le décrochage attendu l'an prochain.",
    },
    "energie": {
        "opinion": (
            "reserved",
            "Favorable ; la gouvernance et le recrutement de la direction restent à consolider "
            "avant la demande de label.",
        ),
        "comments": [
            (
                "rectorat-versailles",
                4,
                "Les académies de Créteil et de Versailles souhaitent être invitées au COPIL.",
                False,
            ),
        ],
        "validation": "Validée ; point d'attention sur le calendrier de la demande de label.",
    },
    "if": {
        "opinion": ("favourable", "Campus mature, prêt pour la demande de label Excellence."),
        "comments": [
            (
                "rectorat-versailles",
                8,
                "Les mobilités des apprentis pourraient s'appuyer sur le programme Erasmus+.",
                False,
            ),
            ("region", 5, "Crédits France 2030 conformes à la convention.", False),
        ],
        "validation": "Validée.",
    },
    "mode": {
        "opinion": ("favourable", "Programme très riche ; fusion des périmètres réussie."),
        "comments": [
            (
                "rectorat-paris",
                3,
                "Les 27 programmes gagneraient à être rattachés aux formations des établissements.",
                False,
            ),
            (
                "region",
                5,
                "Note interne : subvention régionale de 100 000 € bien retracée en recettes.",
                True,
            ),
        ],
        "validation": "Validée.",
    },
    "versailles": {
        "opinion": ("favourable", "Campus très actif dans les lycées de l'académie."),
        "comments": [
            (
                "rectorat-versailles",
                2,
                "Les effectifs d'élèves de la voie professionnelle sont à détailler par "
                "établissement l'an prochain.",
                False,
            ),
        ],
        "validation": "Validée ; renouvellement du label à préparer.",
    },
}

# Last year's campaign (open): the state of each campus's sheet and how it got there.
# Days are counted back from the day the demo is loaded.
NOT_STARTED, DRAFT, SUBMITTED, CHANGES_REQUESTED, VALIDATED = (
    "not_started",
    "draft",
    "submitted",
    "changes_requested",
    "validated",
)
LAST_YEAR = {
    # The two campuses in préfiguration have not opened their sheet yet.
    "ia": {"status": NOT_STARTED},
    "energie": {"status": NOT_STARTED},
    # Partly filled; a count typed « environ 40 » is kept as typed and reported as an error.
    "sante": {
        "status": DRAFT,
        "sections": (1, 2, 3),
        "typo": {"section": 2, "table": "beneficiaries", "type": "trainees", "count": "environ 40"},
        "started_days_ago": 21,
    },
    "tnec": {"status": DRAFT, "sections": (1, 3, 4), "started_days_ago": 16},
    "icm": {"status": SUBMITTED, "started_days_ago": 27, "submitted_days_ago": 12},
    "securite": {
        "status": SUBMITTED,
        "started_days_ago": 25,
        "submitted_days_ago": 6,
        "comments": [
            (
                "rectorat-versailles",
                7,
                "La formation bac+1 « sûreté des grands événements » : merci d'indiquer le "
                "nombre de places ouvertes à la rentrée suivante.",
                False,
            ),
            (
                "region",
                5,
                "Note interne : les crédits France 2030 déclarés dépassent le prévisionnel ; à "
                "vérifier avec le service financier avant validation.",
                True,
            ),
        ],
    },
    "if": {
        "status": CHANGES_REQUESTED,
        "started_days_ago": 28,
        "submitted_days_ago": 14,
        "changes_requested_days_ago": 4,
        "comments": [
            (
                "region",
                5,
                "Les locaux du centre d'innovation d'Évry ne peuvent pas être valorisés deux "
                "fois : ils figurent déjà dans la contribution de l'université aux recettes.",
                False,
            ),
        ],
        "reason": (
            "Rubrique 5 : merci de corriger la valorisation des locaux du centre d'innovation "
            "d'Évry et de préciser le financeur du poste d'ingénieur·e pédagogique."
        ),
    },
    "mode": {
        "status": VALIDATED,
        "started_days_ago": 29,
        "submitted_days_ago": 20,
        "validated_days_ago": 8,
        "opinion": ("favourable", "Fiche complète, actions étendues au territoire cristolien."),
        "validation": "Validée.",
    },
    "versailles": {
        "status": VALIDATED,
        "started_days_ago": 28,
        "submitted_days_ago": 18,
        "validated_days_ago": 5,
        "opinion": ("favourable", "Bon bilan ; renouvellement du label bien préparé."),
        "validation": "Validée.",
    },
}
