"""Demo data for the nine campuses of deliberation CP 2023-263 (Île-de-France, 5 July 2023).

Pure data, no Django. Extracted by hand from the read-only sources in ``shared/seeds``:

* ``seeds/000_0bc506fc771adbce.txt``: report and deliberation CP 2023-263 -- annexe 1
  (fiche-type données de suivi), annexes 2 to 7 (avenants: IA, Industrie circulaire de la
  mobilité, Santé, Sécurité, Transition numérique et écologique de la construction, Énergie
  durable, in the order of the report), annexe 8 (convention cadre Industrie du futur),
  annexe 9 (convention cadre Mode, métiers d'art et design), annexe 10 (convention cadre
  Campus Versailles), annexe 11 (avenant de transfert de financements, Versailles) and
  annexe 12 (nine "fiches projet", one per subsidy dossier);
* ``seeds/003_b6a39747e46387d3.txt``: 2020 brochure, for the 12 sector families (it holds no
  profile of an Île-de-France campus);
* ``seeds/004_c77c5cde24a6c88d.txt``: 2013 launch note (no Île-de-France campus; not used).

Everything not stated in the seeds is either left empty/None or listed in ``ASSUMPTIONS``
(label periods built on an assumption carry an ``"assumed"`` explanation).
Where the seeds disagree (representatives, addresses, spellings), each version is kept with
the document it comes from (``seen_in``) or pointed out in ``source_notes``.
"""

from datetime import date

# Reference data (sector families, academies) lives in reference_data.py: production has it too.
from .reference_data import ACADEMIES, SECTOR_FAMILIES  # noqa: E402, F401

ORGANISATIONS = [
    # ------------------------------------------------------------------ support institutions
    {
        "key": "sorbonne",
        "legal_name": "Sorbonne Université",
        "legal_status": "epscp",
        "siret": None,
        "address": "21 rue de l'École de Médecine, 75006 Paris",
        "created_on": None,
        "representatives": [
            {
                "name": "Nathalie Drach-Temam",
                "title": "Présidente de l'Université Sorbonne Université",
                "seen_in": "Avenant n°1 CMQ Intelligence artificielle (CP 2023-263, annexe 2)",
                "start": None,
                "end": None,
            },
            {
                "name": "Jean CHAMBAZ",
                "title": "Président",
                "seen_in": "Fiche projet dossier 23004936 (CP 2023-263, annexe 12)",
                "start": None,
                "end": None,
            },
        ],
    },
    {
        "key": "uvsq",
        "legal_name": "Université de Versailles Saint-Quentin-en-Yvelines",
        "legal_status": "epscp",
        "siret": None,
        "address": "55 avenue de Paris, 78035 Versailles",
        "created_on": None,
        "representatives": [
            {
                "name": "Alain BUI",
                "title": "Président de l'UVSQ",
                "seen_in": "Avenant n°1 CMQ Industrie circulaire de la mobilité (CP 2023-263, annexe 3)",
                "start": None,
                "end": None,
            },
            {
                "name": "Alain BUI",
                "title": "Président",
                "seen_in": "Fiche projet dossier 23004178 (CP 2023-263, annexe 12)",
                "start": None,
                "end": None,
            },
        ],
    },
    {
        "key": "upec",
        "legal_name": "Université Paris-Est Créteil Val de Marne (UPEC)",
        "legal_status": "epscp",
        "siret": None,
        "address": "61 avenue du Général de Gaulle, 94000 Créteil",
        "created_on": None,
        "representatives": [
            {
                "name": "Jean-Luc DUBOIS-RANDE",
                "title": "Président de l'UPEC",
                "seen_in": "Avenant n°1 Santé autonomie bien-vieillir et avenant n°2 Transition numérique et écologique de la construction (CP 2023-263, annexes 4 et 6)",
                "start": None,
                "end": None,
            },
            {
                "name": "Jean-Luc DUBOIS-RANDE",
                "title": "Président",
                "seen_in": "Fiches projet dossiers 23004175 et 23004176 (CP 2023-263, annexe 12), nom orthographié « JEAN-LUC DUBOIS RAND »",
                "start": None,
                "end": None,
            },
        ],
    },
    {
        "key": "cy",
        "legal_name": "CY Cergy Paris Université",
        "legal_status": "epscp",
        "siret": "13002597600015",
        "address": "33 boulevard du Port, 95011 Cergy",
        "created_on": None,
        "representatives": [
            {
                "name": "Laurent GATINEAU",
                "title": "Président",
                "seen_in": "Avenant de transfert de financements régionaux, Campus de Versailles (CP 2023-263, annexe 11)",
                "start": None,
                "end": None,
            },
            {
                "name": "Laurent GATINEAU",
                "title": "Président",
                "seen_in": "Convention cadre Campus Versailles (CP 2023-263, annexe 10), liste des parties",
                "start": None,
                "end": None,
            },
            {
                "name": "Laurent GATINEAU",
                "title": "Président",
                "seen_in": "Fiche projet dossier 23004173 (CP 2023-263, annexe 12)",
                "start": None,
                "end": None,
            },
        ],
    },
    {
        "key": "paris_saclay",
        "legal_name": "Université Paris-Saclay",
        "legal_status": "epscp",
        "siret": None,
        "address": "3 rue Joliot Curie, 91190 Gif-sur-Yvette",
        "created_on": None,
        "representatives": [
            {
                "name": "Estelle Iacona",
                "title": "Présidente de l'Université Paris Saclay",
                "seen_in": "Avenant n°1 CMQ en préfiguration Énergie durable (CP 2023-263, annexe 7)",
                "start": None,
                "end": None,
            },
            {
                "name": "Estelle IACONA",
                "title": "Présidente",
                "seen_in": "Fiche projet dossier 23004177 (CP 2023-263, annexe 12)",
                "start": None,
                "end": None,
            },
        ],
    },
    {
        "key": "ueve",
        "legal_name": "Université d'Evry Val d'Essonne",
        "legal_status": "epscp",
        "siret": None,
        # Convention cadre (annexe 8); the fiche projet 23005231 gives "23 bd de France, 91000 Evry Courcouronnes".
        "address": "23 boulevard François Mitterand, 91000 Evry-Courcouronnes",
        "created_on": None,
        "representatives": [
            {
                "name": "Vincent Bouhier",
                "title": "Président de l'UEVE",
                "seen_in": "Convention cadre Industrie du futur (CP 2023-263, annexe 8)",
                "start": None,
                "end": None,
            },
            {
                "name": "Blaise HANCZAR",
                "title": "Contact (sans fonction particulière)",
                "seen_in": "Fiche projet dossier 23005231 (CP 2023-263, annexe 12)",
                "start": None,
                "end": None,
            },
        ],
    },
    {
        "key": "ensad",
        "legal_name": "École nationale supérieure des arts décoratifs (ENSAD)",
        "legal_status": "epn",
        "siret": None,
        # Convention cadre (annexe 9, siège); the fiche projet 23004170 gives "31 rue d'Ulm, 75240 Paris 5e arrondissement".
        "address": "31 rue d'Ulm, 75005 Paris",
        "created_on": None,
        "representatives": [
            {
                "name": "Emmanuel TIBLOUX",
                "title": "Directeur de l'École nationale Supérieure des Arts Décoratifs",
                "seen_in": "Convention cadre Campus MOde, Métiers d'Art et DEsign (CP 2023-263, annexe 9)",
                "start": None,
                "end": None,
            },
            {
                "name": "Emmanuel TIBLOUX",
                "title": "Directeur",
                "seen_in": "Fiche projet dossier 23004170 (CP 2023-263, annexe 12)",
                "start": None,
                "end": None,
            },
        ],
    },
    {
        "key": "campus_versailles",
        "legal_name": "Campus Versailles",
        "legal_status": "association",
        "siret": "91358180700017",
        "address": "Grande Écurie du Château de Versailles, avenue Rockefeller, 78000 Versailles",
        "created_on": date(2022, 5, 16),
        "representatives": [
            {
                "name": "Laurent GATINEAU",
                "title": "Président de l'association CAMPUS VERSAILLES – PATRIMOINE ET ARTISANAT D'EXCELLENCE",
                "seen_in": "Convention cadre Campus Versailles (CP 2023-263, annexe 10), liste des parties",
                "start": None,
                "end": None,
            },
            {
                "name": "François GERMINET",
                "title": "Président",
                "seen_in": "Fiche projet dossier 23004868 (CP 2023-263, annexe 12)",
                "start": None,
                "end": None,
            },
        ],
    },
    # ------------------------------------------------------------------ co-signatories / founders
    {
        "key": "paul_valery",
        "legal_name": "Cité scolaire publique Paul Valery",
        "legal_status": "eple",
        "siret": None,
        "address": "",
        "created_on": None,
        "representatives": [
            {
                "name": "Françoise STURBAUT",
                "title": "Proviseure de la Cité scolaire Paul Valery",
                "seen_in": "Avenant n°1 CMQ Intelligence artificielle (CP 2023-263, annexe 2)",
                "start": None,
                "end": None,
            },
        ],
    },
    {
        "key": "montereau",
        "legal_name": "Ville de Montereau-Fault-Yonne",
        "legal_status": "collectivite",
        "siret": None,
        "address": "",
        "created_on": None,
        "representatives": [
            {
                "name": "James CHERON",
                "title": "Maire de Montereau-Fault-Yonne",
                "seen_in": "Avenant n°1 CMQ en préfiguration Énergie durable (CP 2023-263, annexe 7)",
                "start": None,
                "end": None,
            },
        ],
    },
    {
        "key": "mobilier_national",
        "legal_name": "Mobilier national",
        "legal_status": "etat",
        "siret": None,
        "address": "42 avenue des Gobelins, Paris 13ème",
        "created_on": None,
        "representatives": [
            {
                "name": "Hervé LEMOINE",
                "title": "Président du Mobilier National",
                "seen_in": "Convention cadre Campus MOde, Métiers d'Art et DEsign (CP 2023-263, annexe 9)",
                "start": None,
                "end": None,
            },
        ],
    },
    {
        "key": "chateau_versailles",
        "legal_name": "Établissement public du château, du musée et du domaine national de Versailles",
        "legal_status": "epn",
        "siret": None,
        "address": "",
        "created_on": None,
        "representatives": [],
    },
    {
        "key": "region_idf",
        "legal_name": "Région Île-de-France",
        "legal_status": "collectivite",
        "siret": None,
        "address": "2, rue Simone Veil, 93400 Saint-Ouen",
        "created_on": None,
        "representatives": [
            {
                "name": "Valérie PÉCRESSE",
                "title": "Présidente de la Région Île-de-France",
                "seen_in": "Rapport et délibération CP 2023-263, avenants (annexes 2 à 7), conventions cadres (annexes 8 à 10), avenant de transfert (annexe 11)",
                "start": None,
                "end": None,
            },
        ],
    },
    {
        "key": "rectorat_paris",
        "legal_name": "Région académique Île-de-France – Rectorat de l'académie de Paris",
        "legal_status": "etat",
        "siret": None,
        "address": "",
        "created_on": None,
        "representatives": [
            {
                "name": "Christophe KERRERO",
                "title": "Recteur de la région académique Ile-de-France, recteur de l'académie de Paris, chancelier des universités",
                "seen_in": "Avenants (annexes 2 à 7) et conventions cadres Industrie du futur et Mode (annexes 8 et 9), CP 2023-263",
                "start": None,
                "end": None,
            },
        ],
    },
    {
        "key": "rectorat_creteil",
        "legal_name": "Académie de Créteil – Rectorat",
        "legal_status": "etat",
        "siret": None,
        "address": "",
        "created_on": None,
        "representatives": [
            {
                "name": "Daniel AUVERLOT",
                "title": "Recteur de l'académie de Créteil",
                "seen_in": "Avenants ICM, Santé, TNEC (annexes 3, 4, 6) et conventions cadres Industrie du futur et Mode (annexes 8 et 9), CP 2023-263",
                "start": None,
                "end": None,
            },
        ],
    },
    {
        "key": "rectorat_versailles",
        "legal_name": "Académie de Versailles – Rectorat",
        "legal_status": "etat",
        "siret": None,
        "address": "",
        "created_on": None,
        "representatives": [
            {
                "name": "Charline AVENEL",
                "title": "Rectrice de l'académie de Versailles",
                "seen_in": "Avenants ICM et Sécurité (annexes 3 et 5) et convention cadre Industrie du futur (annexe 8), CP 2023-263",
                "start": None,
                "end": None,
            },
        ],
    },
    # ------------------------------------------------------------------ other named partners
    {
        "key": "edf",
        "legal_name": "EDF",
        "legal_status": "entreprise",
        "siret": None,
        "address": "",
        "created_on": None,
        "representatives": [],
    },
    {
        "key": "lycee_montereau",
        "legal_name": "Lycée de Montereau-Fault-Yonne",
        "legal_status": "eple",
        "siret": None,
        "address": "",
        "created_on": None,
        "representatives": [],
    },
    {
        "key": "renault",
        "legal_name": "Renault (site de Flins)",
        "legal_status": "entreprise",
        "siret": None,
        "address": "",
        "created_on": None,
        "representatives": [],
    },
    {
        "key": "pole_emploi",
        "legal_name": "Pôle emploi",
        "legal_status": "autre",
        "siret": None,
        "address": "",
        "created_on": None,
        "representatives": [],
    },
    {
        "key": "ifm",
        "legal_name": "Institut Français de la Mode",
        "legal_status": "autre",
        "siret": None,
        "address": "",
        "created_on": None,
        "representatives": [],
    },
    {
        "key": "cnam",
        "legal_name": "CNAM",
        "legal_status": "autre",
        "siret": None,
        "address": "",
        "created_on": None,
        "representatives": [],
    },
    {
        "key": "cesaap",
        "legal_name": "Conférence des écoles supérieures d'arts appliqués de Paris (Césaap)",
        "legal_status": "autre",
        "siret": None,
        "address": "",
        "created_on": None,
        "representatives": [],
    },
    {
        "key": "comite_colbert",
        "legal_name": "Comité Colbert",
        "legal_status": "autre",
        "siret": None,
        "address": "",
        "created_on": None,
        "representatives": [],
    },
    {
        "key": "dreets",
        "legal_name": "Direction régionale de l'économie, de l'emploi, du travail et des solidarités (unité régionale)",
        "legal_status": "etat",
        "siret": None,
        "address": "",
        "created_on": None,
        "representatives": [],
    },
]

CAMPUSES = [
    # ============================================================ Intelligence artificielle
    {
        "key": "ia",
        "name": "Campus des métiers et des qualifications Intelligence Artificielle",
        "short_name": "Intelligence artificielle",
        "former_names": [],
        "predecessors": [],
        "sector_family": "numerique",
        "academies": ["paris"],
        "description": (
            "Le campus de l'intelligence artificielle est en phase de préfiguration ; il rassemble dans ses "
            "membres fondateurs Sorbonne Université, le Lycée Paul Valery de Paris, la Région Académique et la "
            "Région Île-de-France. Avec le recrutement d'un directeur opérationnel début 2023, le dossier de "
            "demande de label sera déposé pour l'automne 2023. Des premières actions se mettent en place avec "
            "notamment l'organisation d'une école d'été en intelligence artificielle réservée aux lycéennes de "
            "la Région, du 3 au 7 juillet."
        ),
        "seat_address": "",
        "places": [],
        "is_prefiguration": True,
        "label_periods": [],
        "support_history": [
            {"organisation": "sorbonne", "start": None, "end": None},
        ],
        "stakeholders": [
            {
                "organisation": "sorbonne",
                "type": "universite",
                "role": "établissement support, membre fondateur, co-signataire de l'avenant n°1",
            },
            {
                "organisation": "paul_valery",
                "type": "lycee",
                "role": "membre fondateur (« Lycée Paul Valery de Paris »), co-signataire de l'avenant n°1",
            },
            {
                "organisation": "region_idf",
                "type": "collectivite",
                "role": "membre fondateur, co-signataire (Région, représentée par sa présidente)",
            },
            {
                "organisation": "rectorat_paris",
                "type": "etat",
                "role": "membre fondateur (Région académique), co-signataire (État)",
            },
        ],
        "governance_bodies": [],
        "grant_2023": {"dossier": "23004936", "amount": "50000.00"},
        "document_2023": "avenant n°1",
        "source_notes": (
            "Seed 000 : annexe 2 (avenant n°1, modifie l'article 4, alinéa 4.1 : RI n° CP 2020-519 -> n° CP 2023-111, "
            "ajout de l'annexe données de suivi) ; annexe 12, fiche projet dossier 23004936 (bénéficiaire Sorbonne "
            "Université, représentant Jean Chambaz, alors que l'avenant est signé par Nathalie Drach-Temam). "
            "Aucune instance de gouvernance ni aucun lieu ne sont décrits dans les sources."
        ),
    },
    # ============================================================ Industrie circulaire de la mobilité
    {
        "key": "icm",
        "name": "Campus des métiers et des qualifications Industrie circulaire de la mobilité",
        "short_name": "Industrie circulaire de la mobilité",
        "former_names": [],
        "predecessors": [
            {
                "name": "Campus des métiers et des qualifications conception et construction automobile",
                "short_name": "Conception et construction automobile",
                "sector_family": "mobilite",
                "label_periods": [],
                "note": (
                    "« Ancien campus » dont le campus Industrie circulaire de la mobilité « correspond à une évolution "
                    "nécessaire » ; déjà porté par l'Université de Versailles Saint Quentin en Yvelines (fiche projet "
                    "23004178). Sa signature a été approuvée par la délibération CR 2017-102 du 19 mai 2017 "
                    "(« signature de deux nouveaux campus »). Dates de labellisation non précisées dans les sources."
                ),
            },
        ],
        "sector_family": "mobilite",
        "academies": ["paris", "creteil", "versailles"],
        "description": (
            "Le Campus « industrie circulaire de la mobilité » vient d'être sélectionné fin 2022 par le jury "
            "national pour obtenir un label d'excellence pour une durée de 5 ans. Ce campus correspond à une "
            "évolution nécessaire de l'ancien campus « conception et construction automobile » et est toujours "
            "porté par l'Université de Versailles Saint Quentin en Yvelines mais sera incarné cette fois dans les "
            "locaux de Renault Flins. L'objectif du campus est de former au sein d'un réseau formatif ouvert à "
            "tous, d'ici à 2027, plus de 8000 personnes : élèves et étudiants, enseignants, professionnels du "
            "secteur privé, chercheurs et personnes en marge des systèmes de formation. Le CMQ est intégré dans un "
            "projet de transformation de l'usine de Renault, appelé la ReFactory ; une usine dédiée à l'économie "
            "circulaire de la mobilité."
        ),
        "seat_address": "",
        "places": [
            "Locaux de Renault Flins – lieu totem sur 10 000 m² (ateliers pédagogiques à vocation industrielle, lieux de formation en réalité virtuelle), projet ReFactory",
        ],
        "is_prefiguration": False,
        "label_periods": [
            {
                "category": "excellence",
                "start": date(2023, 1, 1),
                "end": date(2027, 12, 31),
                "decision_date": None,
                "decision_reference": "sélection par le jury national fin 2022 (fiche projet 23004178)",
                "probationary": False,
                "assumed": (
                    "Les sources disent seulement « sélectionné fin 2022 par le jury national pour obtenir un label "
                    "d'excellence pour une durée de 5 ans » : début supposé au 01/01/2023, fin 5 ans plus tard."
                ),
            },
        ],
        "support_history": [
            {"organisation": "uvsq", "start": None, "end": None},
        ],
        "stakeholders": [
            {
                "organisation": "uvsq",
                "type": "universite",
                "role": "établissement support, co-signataire de l'avenant n°1",
            },
            {
                "organisation": "renault",
                "type": "entreprise",
                "role": "lieu d'incarnation : locaux de Renault Flins (usine ReFactory)",
            },
            {
                "organisation": "region_idf",
                "type": "collectivite",
                "role": "co-signataire (Région, représentée par sa présidente)",
            },
            {
                "organisation": "rectorat_paris",
                "type": "etat",
                "role": "co-signataire (État : recteur de la région académique, recteur de l'académie de Paris)",
            },
            {
                "organisation": "rectorat_creteil",
                "type": "etat",
                "role": "co-signataire (État : recteur de l'académie de Créteil)",
            },
            {
                "organisation": "rectorat_versailles",
                "type": "etat",
                "role": "co-signataire (État : rectrice de l'académie de Versailles)",
            },
        ],
        "governance_bodies": [],
        "grant_2023": {"dossier": "23004178", "amount": "50000.00"},
        "document_2023": "avenant n°1",
        "source_notes": (
            "Seed 000 : annexe 3 (avenant n°1, modifie l'article 3, alinéa 3.1 : RI n° CP 2020-519 -> n° CP 2023-111, "
            "ajout de l'annexe données de suivi ; signé par les trois recteurs) ; annexe 12, fiche projet dossier 23004178. "
            "Le numéro d'annexe 3 est déduit de l'ordre du rapport (l'en-tête manque dans le texte extrait)."
        ),
    },
    # ============================================================ Santé, autonomie, bien-vieillir
    {
        "key": "sante",
        "name": "Campus des métiers et des qualifications Santé autonomie bien-vieillir",
        "short_name": "Santé, autonomie, bien-vieillir",
        "former_names": [],
        "predecessors": [],
        "sector_family": "services_personne",
        "academies": ["paris", "creteil"],
        "description": (
            "Le Campus Santé, autonomie, bien vieillir labélisé en 2021 couvre 4 grands domaines d'activité : les "
            "structures d'hospitalisation, de soin et d'hébergement pour personnes âgées dépendantes ; les services "
            "de santé, de soin et d'aide à la vie quotidienne à domicile ; le développement de la prévention et la "
            "prévoyance de la perte d'autonomie ; la recherche et développement en ingénierie et recherche médicale. "
            "Ses ambitions : fédérer tous les acteurs au service de l'attractivité des métiers et des formations, "
            "rénover les formations et accompagner l'émergence de nouveaux métiers dans la filière, innover dans la "
            "professionnalisation, soutenir le développement d'innovations et d'expérimentations croisées, développer "
            "un campus inclusif, attractif et visible. Après une période de structuration, les actions du campus "
            "débutent leur déploiement avec les partenaires économiques, territoriaux et de formation sur les 3 axes "
            "des campus : formation, orientation et insertion."
        ),
        "seat_address": "",
        "places": [],
        "is_prefiguration": False,
        "label_periods": [
            {
                "category": "cmq",
                "start": date(2021, 1, 1),
                "end": date(2025, 12, 31),
                "decision_date": None,
                "decision_reference": "",
                "probationary": False,
                "assumed": (
                    "Les sources disent seulement « labélisé en 2021 », sans catégorie ni durée : catégorie CMQ, "
                    "début au 01/01/2021 et fin au 31/12/2025 (durée maximale de 5 ans, fin des dates prévisionnelles "
                    "du dossier 23004176) supposés."
                ),
            },
        ],
        "support_history": [
            {"organisation": "upec", "start": None, "end": None},
        ],
        "stakeholders": [
            {
                "organisation": "upec",
                "type": "universite",
                "role": "établissement support, co-signataire de l'avenant n°1",
            },
            {
                "organisation": "region_idf",
                "type": "collectivite",
                "role": "co-signataire (Région, représentée par sa présidente)",
            },
            {
                "organisation": "rectorat_paris",
                "type": "etat",
                "role": "co-signataire (État : recteur de la région académique, recteur de l'académie de Paris)",
            },
            {
                "organisation": "rectorat_creteil",
                "type": "etat",
                "role": "co-signataire (État : recteur de l'académie de Créteil)",
            },
        ],
        "governance_bodies": [],
        "grant_2023": {"dossier": "23004176", "amount": "50000.00"},
        "document_2023": "avenant n°1",
        "source_notes": (
            "Seed 000 : annexe 4 (avenant n°1, modifie l'article 3, alinéa 3.1 : RI n° CP 2020-519 -> n° CP 2023-111, "
            "ajout de l'annexe données de suivi) ; annexe 12, fiche projet dossier 23004176."
        ),
    },
    # ============================================================ Sûreté, sécurité, cyber
    {
        "key": "securite",
        "name": "Campus des métiers et des qualifications Sureté, Sécurité, Cyber et services associés",
        "short_name": "Sécurité",
        "former_names": [],
        "predecessors": [],
        "sector_family": "numerique",
        "academies": ["paris", "versailles"],
        "description": (
            "Labélisé début 2021, le campus a déployé ses actions dès la rentrée 2021 avec une forte expansion en "
            "2022. Il s'articule autour de 4 axes : sécurité numérique, sûreté sécurité, santé sécurité au travail, "
            "risques pandémiques et grands événements (Coupe du monde de rugby 2023, JOP 2024). Il déploie ses "
            "objectifs autour de l'orientation et de l'information, de la création et de l'adaptation des "
            "formations, et de l'expérimentation comme modalité de formation (tiers lieux, summer schools). Avec "
            "l'obtention de différents financements par le programme d'investissements d'avenir (FRANCE 2030), le "
            "campus dispose d'une feuille de route riche en actions à mettre en œuvre."
        ),
        "seat_address": "",
        "places": [],
        "is_prefiguration": False,
        "label_periods": [
            {
                "category": "cmq",
                "start": date(2021, 1, 1),
                "end": date(2025, 12, 31),
                "decision_date": None,
                "decision_reference": "",
                "probationary": False,
                "assumed": (
                    "Les sources disent seulement « labélisé début 2021 », sans catégorie ni durée : catégorie CMQ, "
                    "début au 01/01/2021 et fin au 31/12/2025 (durée maximale de 5 ans, fin des dates prévisionnelles "
                    "du dossier 23004173) supposés."
                ),
            },
        ],
        "support_history": [
            {"organisation": "cy", "start": None, "end": None},
        ],
        "stakeholders": [
            {
                "organisation": "cy",
                "type": "universite",
                "role": "établissement support, co-signataire de l'avenant n°2",
            },
            {
                "organisation": "region_idf",
                "type": "collectivite",
                "role": "co-signataire (Région, représentée par sa présidente)",
            },
            {
                "organisation": "rectorat_paris",
                "type": "etat",
                "role": "co-signataire (État : recteur de la région académique, recteur de l'académie de Paris)",
            },
            {
                "organisation": "rectorat_versailles",
                "type": "etat",
                "role": "co-signataire (État : rectrice de l'académie de Versailles)",
            },
        ],
        "governance_bodies": [],
        "grant_2023": {"dossier": "23004173", "amount": "50000.00"},
        "document_2023": "avenant n°2",
        "source_notes": (
            "Seed 000 : annexe 5 (avenant n°2, modifie l'article 3, alinéa 3.1 : RI n° CP 2020-519 -> n° CP 2023-111, "
            "et l'article 4, alinéa 4.1 : durée « trois ans à compter de sa date de signature » remplacée par « toute "
            "la durée de sa période de labélisation augmentée de une année », renouvelable « par tacite reproduction » "
            "[sic] ; ajout de l'annexe données de suivi). Le bloc de signature du président de CY y est laissé en blanc. "
            "L'avenant n°1 n'est pas dans les sources. Annexe 12, fiche projet dossier 23004173."
        ),
    },
    # ============================================================ Transition numérique et écologique de la construction
    {
        "key": "tnec",
        "name": "Campus des métiers et des qualifications Transition numérique et écologique de la construction",
        "short_name": "Transition numérique et écologique de la construction",
        "former_names": [],
        "predecessors": [],
        "sector_family": "batiment",
        "academies": ["paris", "creteil"],
        "description": (
            "Les actions mises en œuvre en 2022 concernent essentiellement le marketing du campus et de la filière "
            "dans une logique d'attractivité des métiers : la filière et les entreprises souffrent de difficultés de "
            "recrutement importantes et la transition numérique et écologique devient de plus en plus une réalité "
            "pour les entreprises (RE 2020, BIM…). Plusieurs actions de communication, d'animation et de partenariat "
            "ont été mises en œuvre en 2022 et seront poursuivies et amplifiées en 2023 (site internet, visites "
            "virtuelles, réseaux sociaux, hackathon, séminaire école entreprises, Worldskills, Cordées de la réussite, "
            "2ème rendez-vous des métiers de la construction…). Il est également prévu des actions de formation dans "
            "le cadre du programme ECN PIA."
        ),
        "seat_address": "",
        "places": [],
        "is_prefiguration": False,
        "label_periods": [
            {
                "category": "cmq",
                "start": date(2023, 1, 1),
                "end": date(2025, 12, 31),
                "decision_date": None,
                "decision_reference": "",
                "probationary": False,
                "assumed": (
                    "Aucune date ni catégorie de label dans les sources : période fictive de démonstration calée sur "
                    "les dates prévisionnelles du dossier 23004175 (01/01/2023 – 31/12/2025), catégorie CMQ supposée."
                ),
            },
        ],
        "support_history": [
            {"organisation": "upec", "start": None, "end": None},
        ],
        "stakeholders": [
            {
                "organisation": "upec",
                "type": "universite",
                "role": "établissement support, co-signataire de l'avenant n°2",
            },
            {
                "organisation": "region_idf",
                "type": "collectivite",
                "role": "co-signataire (Région, représentée par sa présidente)",
            },
            {
                "organisation": "rectorat_paris",
                "type": "etat",
                "role": "co-signataire (État : recteur de la région académique, recteur de l'académie de Paris)",
            },
            {
                "organisation": "rectorat_creteil",
                "type": "etat",
                "role": "co-signataire (État : recteur de l'académie de Créteil)",
            },
        ],
        "governance_bodies": [],
        "grant_2023": {"dossier": "23004175", "amount": "50000.00"},
        "document_2023": "avenant n°2",
        "source_notes": (
            "Seed 000 : annexe 6 (avenant n°2, modifie l'article 3, alinéa 3.1 : RI n° CP 2020-519 -> n° CP 2023-111, "
            "ajout de l'annexe données de suivi ; l'avenant n°1 n'est pas dans les sources) ; annexe 12, fiche projet "
            "dossier 23004175. Les sources ne disent rien du label de ce campus."
        ),
    },
    # ============================================================ Énergie durable (préfiguration)
    {
        "key": "energie",
        "name": "Campus des métiers et des qualifications Energie Durable",
        "short_name": "Énergie durable",
        "former_names": [],
        "predecessors": [],
        "sector_family": "energie",
        "academies": ["paris", "versailles", "creteil"],
        "description": (
            "Ce projet est né de la volonté de collaborer sur ce thème d'un ensemble d'acteurs : RIDF, Education "
            "nationale, Université Paris Saclay, Mairie de Montereau-Fault-Yonne et EDF. Pour la constitution et dans "
            "l'objectif de labélisation catégorie excellence de ce campus, une stratégie a été mise en place en "
            "différentes phases : le projet NexIF sur l'axe nucléaire (EDF, lycée de Montereau, Education nationale), "
            "une demande de financement PIA/France 2030 « Compétences et Métiers d'Avenir » (HTASE, batteries et "
            "hydrogène), puis la préfiguration d'un campus réunissant l'ensemble de ces thématiques (convention de "
            "préfiguration votée en CP de novembre 2022). Il est visé un dépôt de labélisation en novembre 2023 ; un "
            "directeur opérationnel de préfiguration est en cours de recrutement."
        ),
        "seat_address": "",
        "places": [
            "Montereau-Fault-Yonne : lycée et Ville « au cœur de l'axe nucléaire » (projet NexIF)",
            "Université Paris-Saclay, 3 rue Joliot Curie, 91190 Gif-sur-Yvette (établissement support)",
        ],
        "is_prefiguration": True,
        "label_periods": [],
        "support_history": [
            {"organisation": "paris_saclay", "start": None, "end": None},
        ],
        "stakeholders": [
            {
                "organisation": "paris_saclay",
                "type": "universite",
                "role": "établissement support, co-signataire de l'avenant n°1",
            },
            {
                "organisation": "montereau",
                "type": "collectivite",
                "role": "co-signataire de l'avenant n°1 (représentée par son maire) ; cœur de l'axe nucléaire",
            },
            {
                "organisation": "edf",
                "type": "entreprise",
                "role": "acteur à l'origine du projet ; partenaire du projet NexIF (axe nucléaire)",
            },
            {
                "organisation": "lycee_montereau",
                "type": "lycee",
                "role": "partenaire du projet NexIF, cœur de l'axe nucléaire",
            },
            {
                "organisation": "region_idf",
                "type": "collectivite",
                "role": "co-signataire ; porte l'équipement des lycées dans la demande PIA/France 2030 (900 k€ demandés)",
            },
            {
                "organisation": "rectorat_paris",
                "type": "etat",
                "role": "co-signataire (État : recteur de la région académique, recteur de l'académie de Paris)",
            },
        ],
        "governance_bodies": [],
        "grant_2023": {"dossier": "23004177", "amount": "50000.00"},
        "document_2023": "avenant n°1",
        "source_notes": (
            "Seed 000 : annexe 7 (avenant n°1 « En préfiguration », modifie l'article 4, alinéa 4.1 : RI n° CP 2020-519 "
            "-> n° CP 2023-111, ajout de l'annexe données de suivi ; seul le recteur de la région académique signe pour "
            "l'État) ; annexe 12, fiche projet dossier 23004177. Académies de Versailles et de Créteil déduites des "
            "sites (Gif-sur-Yvette, 91 ; Montereau-Fault-Yonne, 77), voir ASSUMPTIONS."
        ),
    },
    # ============================================================ Industrie du futur (ex Aéronautique et spatial)
    {
        "key": "if",
        "name": "Campus des métiers et des qualifications Industrie du Futur",
        "short_name": "Industrie du futur",
        "former_names": [
            {
                "name": "Campus des métiers et des qualifications Aéronautique et spatial conception, production, maintenance 4.0",
                "start": None,
                "end": None,
            },
        ],
        "predecessors": [],
        "sector_family": "systemes_innovants",
        "academies": ["paris", "creteil", "versailles"],
        "description": (
            "Après un premier label (2018-2022), le campus est aujourd'hui dans une phase de maturité, de déploiement, "
            "et d'extension sur la totalité de la région Île-de-France ; construit comme une synergie d'acteurs de la "
            "formation, de la recherche et du monde économique, il est porté par l'université d'Evry Val d'Essonne. Le "
            "projet porté par le campus depuis 2020, lauréat du Programme Investissement d'Avenir pour 3,2 millions "
            "d'euros sur 10 ans, est fortement orienté sur la réponse à la transformation numérique de l'industrie du "
            "secteur aéronautique et spatial. La re labellisation dans la catégorie excellence est une opportunité pour "
            "le campus d'élargir son champ aux enjeux des métiers de l'industrie (conception, production, "
            "maintenance…) tout en maintenant un ancrage fort autour de la filière aéronautique et spatiale."
        ),
        "seat_address": "23 boulevard François Mitterand, 91000 Evry-Courcouronnes",
        "places": [
            "Centre d'innovation d'Evry",
            "Pôle de Meaux",
        ],
        "is_prefiguration": True,
        "label_periods": [
            {
                "category": "cmq",
                "start": date(2018, 1, 1),
                "end": date(2022, 12, 31),
                "decision_date": None,
                "decision_reference": "",
                "probationary": False,
                "assumed": (
                    "Les sources donnent « premier label (2018-2022) » sans jour ni mois : 01/01/2018 – 31/12/2022 "
                    "supposés ; catégorie CMQ déduite (catégorie Excellence créée par l'arrêté du 26 septembre 2019, "
                    "« re labellisation dans la catégorie excellence »)."
                ),
            },
        ],
        "support_history": [
            {"organisation": "ueve", "start": None, "end": None},
        ],
        "stakeholders": [
            {
                "organisation": "ueve",
                "type": "universite",
                "role": "établissement support, assure la Présidence du Campus, co-signataire de la convention cadre",
            },
            {
                "organisation": "region_idf",
                "type": "collectivite",
                "role": "co-signataire (Région, représentée par sa présidente)",
            },
            {
                "organisation": "rectorat_paris",
                "type": "etat",
                "role": "co-signataire (État : recteur de la région académique, recteur de l'académie de Paris)",
            },
            {
                "organisation": "rectorat_creteil",
                "type": "etat",
                "role": "co-signataire (État : recteur de l'académie de Créteil)",
            },
            {
                "organisation": "rectorat_versailles",
                "type": "etat",
                "role": "co-signataire (État : rectrice de l'académie de Versailles)",
            },
            {
                "organisation": "pole_emploi",
                "type": "autre",
                "role": "membre du COS (« un(e) membre de pôle emploi »)",
            },
        ],
        "governance_bodies": [
            {
                "kind": "cos",
                "name": "Comité d'orientation stratégique (COS)",
                "composition": (
                    "Sous réserve de leur accord, ou leurs représentants : la présidente du Conseil régional "
                    "d'Ile-de-France ; le recteur de la Région académique Ile de France, recteur de l'académie de Paris, "
                    "chancelier des universités de Paris et d'Île-de-France ; le président de l'Université UEVE ; le "
                    "recteur de l'académie de Créteil ; la rectrice de l'académie de Versailles ; deux membres des "
                    "entreprises du secteur ; un(e) membre de pôle emploi. Co-présidé en alternance tous les ans entre "
                    "le recteur de la Région académique d'Île de France et la présidente de la Région Ile-de-France ; "
                    "décisions prises de manière unanime."
                ),
                "meeting_frequency": "une fois par an",
            },
            {
                "kind": "copil",
                "name": "Comité de Pilotage (COPIL)",
                "composition": (
                    "Sous réserve de leur accord, ou leurs représentants : le (la) directeur(trice) opérationnel(le) de "
                    "préfiguration ; les membres des collectivités territoriales soutien du campus ; les acteurs de "
                    "l'enseignement secondaire, supérieur, de l'insertion professionnelle, des fédérations sectorielles ; "
                    "les membres des fédérations professionnelles et des industriels. Animé par le (la) directeur(trice) "
                    "opérationnel(le) de préfiguration ; décisions prises de manière unanime."
                ),
                "meeting_frequency": "au moins une fois par trimestre",
            },
        ],
        "grant_2023": {"dossier": "23005231", "amount": "50000.00"},
        "document_2023": "convention cadre",
        "source_notes": (
            "Seed 000 : rapport §3 ; annexe 8 (convention cadre « Projet de Campus d'Excellence des métiers et des "
            "qualifications INDUSTRIE DU FUTUR », article 3 « gouvernance du campus en phase de préfiguration », "
            "article 4.1 contributions, 4.3 siège, 5.1 durée d'un an portée à l'expiration de la labellisation, 5.2 "
            "dénonciation au plus tard trois mois avant l'échéance) ; annexe 12, fiche projet dossier 23005231 (adresse "
            "« 23 bd de France, 91000 Evry Courcouronnes » et représentant « Blaise Hanczar, contact » différents de la "
            "convention). Nouvelle labellisation Excellence en cours, « devrait être effective avant la fin de l'année » 2023."
        ),
    },
    # ============================================================ Mode, métiers d'art et design
    {
        "key": "mode",
        "name": "Campus des métiers et des qualifications Campus MOde, Métiers d'Art et DEsign – Manufactures des Gobelins",
        "short_name": "Mode, métiers d'art et design",
        "former_names": [],
        "predecessors": [
            {
                "name": "Campus des Métiers d'Art et du Design, Paris - Manufacture des Gobelins",
                "short_name": "Métiers d'art et design",
                "sector_family": "creation",
                "label_periods": [
                    {
                        "category": "excellence",
                        "start": date(2020, 8, 25),
                        "end": date(2022, 8, 24),
                        "decision_date": date(2020, 8, 25),
                        "decision_reference": "",
                        "probationary": False,
                        "assumed": (
                            "Seule la date « labellisé Excellence le 25 août 2020 » est donnée ; fin supposée après "
                            "2 ans, par analogie avec le Campus Versailles labellisé Excellence en août 2020 pour 2 ans."
                        ),
                    },
                ],
                "note": (
                    "Labellisé Excellence le 25 août 2020 ; fusionné avec le projet en préfiguration Campus Mode – "
                    "Île-de-France (rapprochement opéré au cours de 2022) ; ses ressources, moyens, équipements et "
                    "reliquats budgétaires sont mis à disposition du campus fusionné (article 5 de la convention cadre)."
                ),
            },
            {
                "name": "Campus Mode – Île-de-France",
                "short_name": "Mode",
                "sector_family": "creation",
                "label_periods": [],
                "note": (
                    "Projet en préfiguration, non labellisé d'après les sources ; fusionné dans le campus « Mode, "
                    "Métiers d'Art et Design – Manufactures des Gobelins »."
                ),
            },
        ],
        "sector_family": "creation",
        "academies": ["paris", "creteil"],
        "description": (
            "Le campus est issu de la fusion du « Campus des Métiers d'Art et du Design, Paris - Manufacture des "
            "Gobelins », labellisé Excellence le 25 août 2020, et du projet en préfiguration du Campus Mode – "
            "Île-de-France ; son dossier sera présenté au premier semestre 2023 au titre de la catégorie Excellence. "
            "Il porte sur les formations dans le domaine des métiers d'art, de la mode et du design et étend à présent "
            "ses actions sur l'ensemble des domaines de création, incluant la Mode, et sur les territoires cristoliens "
            "et parisiens. Il vise notamment à promouvoir les formations d'excellence aux métiers d'arts, de la mode "
            "et du design à l'échelle francilienne, nationale et internationale, à développer les parcours de "
            "formation bac-3/+3/+5 et les échanges internationaux. Au cours de l'année 2022, le Campus a déployé 27 "
            "programmes autour de 4 axes : innovation, international, parcours, valorisation & attractivité."
        ),
        "seat_address": "ENSAD, 31 rue d'Ulm – 75005 Paris",
        "places": [
            "Mobilier national, 42 avenue des Gobelins, Paris 13ème : espaces dédiés au Campus (espace administratif, espace de co-working, atelier de prototypage – fablab)",
            "Matériauthèque (espace mutualisé, Mobilier national)",
            "Salle Le Brun (espace de conférence mutualisé, Mobilier national)",
            "Galerie des Gobelins (espace d'exposition sur demande)",
            "Chapelle des Gobelins (espace d'exposition sur demande)",
        ],
        "is_prefiguration": False,
        "label_periods": [],
        "support_history": [
            {"organisation": "ensad", "start": None, "end": None},
        ],
        "stakeholders": [
            {
                "organisation": "ensad",
                "type": "universite",
                "role": "établissement support (porteur), membre fondateur, co-signataire de la convention cadre ; préside le Directoire et le COPIL",
            },
            {
                "organisation": "mobilier_national",
                "type": "autre",
                "role": "membre fondateur, co-signataire ; accueille sur son site les espaces du Campus (concession domaniale)",
            },
            {
                "organisation": "ifm",
                "type": "universite",
                "role": "opérateur de formation partenaire, membre du COS",
            },
            {
                "organisation": "cnam",
                "type": "universite",
                "role": "opérateur de formation partenaire, membre du COS (administrateur général)",
            },
            {
                "organisation": "cesaap",
                "type": "autre",
                "role": "opérateur de formation partenaire, membre du COS (président et deux représentants)",
            },
            {"organisation": "comite_colbert", "type": "autre", "role": "membre du COS"},
            {
                "organisation": "dreets",
                "type": "etat",
                "role": "membre du COS (directeur de l'unité régionale)",
            },
            {
                "organisation": "region_idf",
                "type": "collectivite",
                "role": "co-signataire (Région, représentée par sa présidente)",
            },
            {
                "organisation": "rectorat_paris",
                "type": "etat",
                "role": "co-signataire (État : recteur de la région académique, recteur de l'académie de Paris)",
            },
            {
                "organisation": "rectorat_creteil",
                "type": "etat",
                "role": "co-signataire (État : recteur de l'académie de Créteil)",
            },
        ],
        "governance_bodies": [
            {
                "kind": "cos",
                "name": "Comité d'Orientation Stratégique (COS)",
                "composition": (
                    "Un représentant de la région Île-de-France ; un représentant de la région académique ; un "
                    "représentant des autorités académiques de Paris et de Créteil ; le directeur de l'établissement "
                    "porteur (ENSAD) ; le directeur de l'Unité régionale de la DREETS ; le président du Mobilier "
                    "National ; trois représentants des opérateurs de formation partenaires (Institut Français de la "
                    "Mode, CNAM, conférence des écoles supérieures d'arts appliqués de Paris) ; deux représentants de "
                    "la Césaap ; un représentant du Comité Colbert ; au moins un représentant des entreprises "
                    "partenaires, des fondations et des mécènes, et des lieux d'incarnation (ou leurs représentants). "
                    "Personnalités qualifiées pour avis ; équipe de direction opérationnelle avec voix consultative. "
                    "Co-présidé par la présidente de la région Île-de-France et le recteur de la région académique."
                ),
                "meeting_frequency": "une fois par an au moins",
            },
            {
                "kind": "directoire",
                "name": "Directoire du Campus",
                "composition": (
                    "Le directeur de l'établissement support (ENSAD), président du Directoire ; le délégué de région "
                    "académique à la formation professionnelle initiale et continue ; un inspecteur général en charge "
                    "des métiers d'art, de la mode et du design ; le président du Mobilier national ; l'équipe de "
                    "direction opérationnelle ; un représentant de la Région ; un représentant des entreprises."
                ),
                "meeting_frequency": "deux fois par an au moins",
            },
            {
                "kind": "copil",
                "name": "Comité de pilotage (COPIL)",
                "composition": (
                    "Le directeur de l'établissement support (ENSAD), qui le préside ; l'équipe de direction "
                    "opérationnelle ; les adjoints DRAFPIC des académies de Paris et de Créteil ; le chef de projet "
                    "Campus des métiers et qualification de la Région ; les délégués académiques aux arts et à la "
                    "culture de Paris et de Créteil ; deux inspecteurs (IA-IPR, IEN-ET) arts appliqués et deux "
                    "inspecteurs métiers de la mode ; un représentant de chacun des établissements, structures ou "
                    "organisations professionnelles, institutions culturelles ou organismes publics et entreprises "
                    "partenaires membres du Campus."
                ),
                "meeting_frequency": "deux fois par an",
            },
        ],
        "grant_2023": {"dossier": "23004170", "amount": "100000.00"},
        "document_2023": "convention cadre",
        "source_notes": (
            "Seed 000 : rapport §4 ; annexe 9 (convention cadre « catégorie Excellence », article 2 gouvernance, 3.1 "
            "contributions dont académies 100 000 €/an pour la direction et Région 100 000 € max, 3.3 siège, 4.1 durée "
            "jusqu'à l'échéance de la labellisation, 5 disposition transitoire) ; annexe 12, fiche projet dossier "
            "23004170. Variantes du nom : « Campus Métiers d'Art, Mode et Design – Manufactures des Gobelins » (article 1, "
            "rapport), « Mode et métiers d'Art et du Design » (fiche). Dossier de labellisation à présenter au premier "
            "semestre 2023 : pas encore de période de label propre."
        ),
    },
    # ============================================================ Campus Versailles
    {
        "key": "versailles",
        "name": "Campus des métiers et des qualifications Campus Versailles – Patrimoine et artisanat d'excellence",
        "short_name": "Campus Versailles",
        "former_names": [],
        "predecessors": [],
        "sector_family": "creation",
        "academies": ["paris", "versailles"],
        "description": (
            "Le Campus Versailles est à la fois un réseau d'acteurs, un lieu d'échanges, de formation et de "
            "rencontres, un label de pédagogie innovante et un espace d'intelligence collective, qui vise à permettre "
            "aux métiers du patrimoine et de l'artisanat d'excellence de changer d'échelle. Labélisé excellence en "
            "2020, il déploie son action sur l'ensemble des lycées du rectorat de Versailles avec des partenaires du "
            "supérieur et un ensemble croissant d'artisans et d'acteurs économiques et du territoire. Porté dans sa "
            "première phase par CY Cergy Paris Université, il l'est désormais par l'association créée le 16 mai 2022 "
            "par ses fondateurs, et s'est domicilié au sein de la Grande Ecurie du Château de Versailles. Il prépare sa "
            "nouvelle labélisation, dont le dossier sera déposé au second semestre 2023."
        ),
        "seat_address": "Campus Versailles, Écurie du Château de Versailles, 3 avenue Rockefeller, 78000 Versailles",
        "places": [
            "Grande Écurie du Château de Versailles (premier espace d'incarnation du campus)",
        ],
        "is_prefiguration": False,
        "label_periods": [
            {
                "category": "excellence",
                "start": date(2020, 8, 1),
                "end": date(2022, 7, 31),
                "decision_date": None,
                "decision_reference": "",
                "probationary": False,
                "assumed": (
                    "Les sources disent « labélisé excellence pour une première période de deux ans à compter de "
                    "août 2020 » (« 2020-2022 ») sans le jour : début supposé au 01/08/2020, fin au 31/07/2022."
                ),
            },
        ],
        "support_history": [
            {"organisation": "cy", "start": None, "end": date(2023, 7, 4)},
            {"organisation": "campus_versailles", "start": date(2023, 7, 5), "end": None},
        ],
        "stakeholders": [
            {
                "organisation": "campus_versailles",
                "type": "association",
                "role": "établissement porteur depuis le transfert (avenant annexe 11), co-signataire de la convention cadre",
            },
            {
                "organisation": "cy",
                "type": "universite",
                "role": "membre fondateur, porteur initial ; co-signataire ; verse 50 000 €/an à l'association (action « Territoires d'innovation pédagogique »)",
            },
            {
                "organisation": "chateau_versailles",
                "type": "autre",
                "role": "membre fondateur, membre permanent du conseil d'administration ; accueille le campus dans la Grande Ecurie",
            },
            {
                "organisation": "rectorat_versailles",
                "type": "etat",
                "role": "membre fondateur (Académie de Versailles), co-signataire ; verse 50 000 €/an à l'association (action « Territoires d'innovation pédagogique »)",
            },
            {
                "organisation": "region_idf",
                "type": "collectivite",
                "role": "membre fondateur, membre permanent du conseil d'administration, co-signataire",
            },
            {
                "organisation": "rectorat_paris",
                "type": "etat",
                "role": "co-signataire (État : recteur de la région académique, recteur de l'académie de Paris)",
            },
        ],
        "governance_bodies": [
            {
                "kind": "board",
                "name": "Conseil d'administration de l'association Campus Versailles",
                "composition": (
                    "Membres permanents, représentants des membres fondateurs : l'Académie de Versailles, "
                    "l'Établissement public du château, du musée et du domaine national de Versailles, CY Cergy Paris "
                    "Université, la Région Île-de-France. Membres élus, représentants des collèges : académiques ; "
                    "institutionnels ; entreprises ; associations, organisations culturelles et réseaux professionnels. "
                    "Pilotage opérationnel par un(e) directeur(-rice) de l'association nommé(e) par le président après "
                    "avis du conseil d'administration (4 pôles opérationnels, 3 pôles ressources)."
                ),
                "meeting_frequency": "",
            },
            {
                "kind": "copil",
                "name": "Comité de pilotage",
                "composition": (
                    "Non précisée ; reçoit le bilan annuel (article 3.2) et est responsable de l'évaluation à "
                    "mi-parcours (article 4.1)."
                ),
                "meeting_frequency": "",
            },
        ],
        "grant_2023": {"dossier": "23004868", "amount": "50000.00"},
        "document_2023": "convention cadre + avenant de transfert",
        "source_notes": (
            "Seed 000 : rapport §5 et §6 ; annexe 10 (convention cadre, préambule « L'association », article 2 "
            "gouvernance, 3.1 contributions, 3.3 siège, 4.1 durée d'un an portée à l'expiration de la labellisation ; "
            "mentionne aussi un « comité de projet » non décrit) ; annexe 11 (avenant de transfert : SIRET de CY et de "
            "l'association, subventions CP 2021-135 du 01/04/2021 et CP 2022-117 du 23/03/2022, 40 000 € déjà versés à "
            "CY pour chacune, reliquat de 10 000 € chacune à l'association) ; annexe 12, fiche projet dossier 23004868. "
            "Variantes du nom de l'association : « Campus Versailles », « Campus de Versailles », « CAMPUS VERSAILLES – "
            "PATRIMOINE ET ARTISANAT D'EXCELLENCE »."
        ),
    },
]

ASSUMPTIONS = [
    "Industrie circulaire de la mobilité : période de label Excellence supposée du 01/01/2023 au 31/12/2027 ; la fiche "
    "projet 23004178 dit seulement « sélectionné fin 2022 par le jury national pour obtenir un label d'excellence pour "
    "une durée de 5 ans ».",
    "Santé, autonomie, bien-vieillir : label supposé de catégorie CMQ, du 01/01/2021 au 31/12/2025 ; la fiche 23004176 "
    "dit seulement « labélisé en 2021 » (ni catégorie, ni jour, ni durée) ; la fin retient la durée maximale de 5 ans, "
    "qui coïncide avec la fin des dates prévisionnelles du dossier.",
    "Sûreté, sécurité, cyber : label supposé de catégorie CMQ, du 01/01/2021 au 31/12/2025 ; la fiche 23004173 dit "
    "seulement « labélisé début 2021 » ; même raisonnement que pour Santé.",
    "Transition numérique et écologique de la construction : aucune information de label dans les sources ; période "
    "fictive de démonstration (catégorie CMQ, 01/01/2023 – 31/12/2025, calée sur les dates prévisionnelles du dossier "
    "23004175) pour que le campus apparaisse labellisé. À remplacer par la vraie décision.",
    "Industrie du futur : premier label « 2018-2022 » daté du 01/01/2018 au 31/12/2022 (jour et mois supposés) ; "
    "catégorie CMQ déduite du fait que la catégorie Excellence n'existe que depuis l'arrêté du 26 septembre 2019. La "
    "nouvelle labellisation Excellence, attendue « avant la fin de l'année » 2023, n'est pas saisie.",
    "Industrie du futur : is_prefiguration = True car la convention cadre de 2023 (annexe 8) est celle d'un « Projet de "
    "Campus d'Excellence » avec une « gouvernance du campus en phase de préfiguration » et un « directeur opérationnel "
    "de préfiguration », bien que le campus ait été labellisé 2018-2022 sous le nom Aéronautique et spatial.",
    "Campus Versailles : label Excellence « pour une première période de deux ans à compter de août 2020 » daté du "
    "01/08/2020 au 31/07/2022 (jour supposé).",
    "Campus des Métiers d'Art et du Design (prédécesseur du campus Mode) : fin de label supposée le 24/08/2022, soit "
    "2 ans après la labellisation Excellence du 25/08/2020, par analogie avec le Campus Versailles labellisé Excellence "
    "en août 2020 pour 2 ans ; les sources ne donnent pas la durée.",
    "Mode, métiers d'art et design : aucune période de label propre (dossier Excellence à présenter au premier semestre "
    "2023) et is_prefiguration = False, puisque le campus fusionné prolonge un campus déjà labellisé ; son statut "
    "attendu est « candidature ».",
    "Campus Versailles : changement d'établissement support daté du 05/07/2023 (CY jusqu'au 04/07/2023, association "
    "Campus Versailles ensuite), date de la CP 2023-263 qui approuve l'avenant de transfert ; la date d'effet réelle est "
    "la signature par la dernière des parties, inconnue. Les débuts de tenure de CY et des autres supports sont inconnus (None).",
    "Industrie circulaire de la mobilité : l'« ancien campus conception et construction automobile » est enregistré "
    "comme campus prédécesseur (et non comme ancien nom), car le campus ICM a une nouvelle convention et un nouveau "
    "label ; ses dates de label ne sont pas dans les sources.",
    "Énergie durable : académies de Versailles et de Créteil ajoutées d'après la localisation des sites (Université "
    "Paris-Saclay à Gif-sur-Yvette, 91 ; Montereau-Fault-Yonne, 77), comme le fait DOMAIN.md ; seul le recteur de la "
    "région académique (Paris) signe l'avenant.",
    "Familles de secteurs : le rattachement des campus aux 12 familles de la brochure 2020 est notre choix, les sources "
    "ne le donnent pas (IA -> numérique ; ICM -> mobilité ; Santé -> services à la personne ; Sécurité -> numérique, "
    "à cause des axes cyber/sécurité numérique, « services aux entreprises » serait défendable ; TNEC -> bâtiment ; "
    "Énergie -> transition énergétique ; Industrie du futur -> systèmes innovants ; Mode et Versailles -> création, design).",
    "Statuts juridiques non donnés par les sources et déduits de la nature de l'organisme : cité scolaire publique Paul "
    "Valery et lycée de Montereau = EPLE ; Ville de Montereau-Fault-Yonne et Région = collectivité ; rectorats, "
    "Mobilier national et DREETS = service de l'État ; Établissement public du château de Versailles = établissement "
    "public national ; EDF et Renault = entreprise ; Pôle emploi, IFM, CNAM, Césaap, Comité Colbert = « autre ». "
    "ENSAD = EPN d'après la fiche (« Etablissement Public National d'Enseignement ») ; universités = EPSCP d'après "
    "les fiches et l'avenant de transfert.",
    "Lycée de Montereau-Fault-Yonne : son nom exact n'est pas donné (la fiche 23004177 dit « Lycée de Montereau Font "
    "Yonne ») ; Renault est nommé par son site (« Renault Flins », « usine de Renault, appelé la ReFactory »).",
]
