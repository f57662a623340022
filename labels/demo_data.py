"""Demo data of the labelling: six label applications of the campuses of CP 2023-263, the
national expertise sessions they go to, and a second demo expert.

Pure data, no Django. What the seeds say (``shared/seeds``):

* seed 000 (report and deliberation CP 2023-263 of 5 July 2023): the Mode, métiers d'art et
  design campus, born of the merger of the « Campus des Métiers d'Art et du Design, Paris -
  Manufacture des Gobelins », « labellisé Excellence le 25 août 2020 », and of the préfiguration
  « Campus Mode – Île-de-France », « sera présenté au premier semestre 2023 au titre de la
  catégorie Excellence »; Intelligence artificielle, in préfiguration: « le dossier de demande
  de label sera déposé pour l'automne 2023 »; Industrie du futur (ex « aéronautique et
  spatial », « labellisé pour une première période (2018-2022) »): « La nouvelle labélisation
  excellence devrait être effective avant la fin de l'année », « une demande de labélisation
  excellence est en cours »; Campus Versailles, « labélisé excellence pour une première période
  de deux ans à compter de août 2020 », « Le dossier sera finalisé durant le second semestre
  2023 », « Une évaluation externe du campus est menée dans le cadre de cette re-labélisation
  qui sera un élément du dossier »; Industrie circulaire de la mobilité « vient d'être
  sélectionné fin 2022 par le jury national pour obtenir un label d'excellence pour une durée
  de 5 ans »; the signatories of the 2023 conventions (Valérie PÉCRESSE, Christophe KERRERO,
  Charline AVENEL);
* seed 002 (national specification): the 11 criteria, the carriers (the Region's president and
  the rector), the prior opinions of the CAEN and the CREFOP, 20 pages of dossier and 80 in all,
  « Plusieurs sessions annuelles d'expertise ».

Everything else (days, opinions, ratings, the words of the presentations, assessments,
recommendations and answers, the second expert and their declared link) is assumed and listed
in ASSUMPTIONS. The presentation texts paraphrase seed 000 where it describes the campus
(``"cp"``) and are invented where it is silent (``"demo"``): the loader marks each one as a
demonstration text accordingly.

The demo's live applications stand as they would in mid-November 2023, between the autumn
2023 session's deadline and its meeting; they are not moved relative to the day of the load
(historical dates, shared/CONTRACT.md).

Campus keys are those of campuses/demo_data.py (CAMPUSES); « mad » is the predecessor campus
« Métiers d'art et design » of the Mode campus. Usernames are the demo accounts of
shared/CONTRACT.md plus EXPERT_ACCOUNTS below.
"""

from datetime import date

# The demo accounts' names are role names, as in campuses/demo.py.
# username -> (first name, last name, job title)
EXPERT_ACCOUNTS = {
    "expert-2": ("Étienne", "Expert", "Groupe d'expertise national"),
}

# Links of interest the experts declare (organisation by its legal name in campuses/demo_data).
# expert-2 works with CY Cergy Paris Université: they cannot assess Campus Versailles (CY is a
# stakeholder) nor Sûreté, sécurité, cyber (CY supports it): the assignment page shows why.
AFFILIATIONS = [
    {"expert": "expert-2", "organisation": "CY Cergy Paris Université", "relation": "works_with"},
]

AUTUMN_2022 = "Session nationale d'expertise – automne 2022"
AUTUMN_2023 = "Session nationale d'expertise – automne 2023"
SPRING_2024 = "Session nationale d'expertise – printemps 2024"

SESSIONS = [
    {"name": AUTUMN_2022, "deposit_deadline": date(2022, 9, 30), "meets_on": date(2022, 11, 17)},
    {"name": AUTUMN_2023, "deposit_deadline": date(2023, 9, 29), "meets_on": date(2023, 11, 23)},
    {"name": SPRING_2024, "deposit_deadline": date(2024, 1, 31), "meets_on": date(2024, 3, 28)},
]

# The covering letter's signatories: those who sign the conventions of CP 2023-263 for the
# Region and the State (seed 000, signature blocks).
REGION_SIGNATORY = "Valérie PÉCRESSE, Présidente de la Région Île-de-France"
RECTOR_PARIS = (
    "Christophe KERRERO, Recteur de la région académique Île-de-France, recteur de l'académie "
    "de Paris, chancelier des universités"
)
RECTOR_VERSAILLES = "Charline AVENEL, Rectrice de l'académie de Versailles"

# Appended by the loader to every text it writes for the demo.
DEMO_MARKS = {
    "cp": "(Texte de démonstration, d'après le rapport CP 2023-263 du 5 juillet 2023.)",
    "demo": "(Texte de démonstration : les sources ne disent rien de ce point.)",
}

HISTORICAL_REASON = "Décision antérieure au portail, enregistrée après coup (démonstration)."

# ---------------------------------------------------------------------------- applications
# Live ones are replayed through the services, step by step, then their steps are dated back
# to the days below (« steps »: the day each status was reached). Historical ones are written
# as they were, next to the registry's label period they stand behind.

MODE = {
    "key": "mode",
    "campus": "mode",
    "historical": False,
    "kind": "obtain",
    "target_category": "excellence",
    "session": AUTUMN_2023,
    "status": "in_expertise",
    "created_on": date(2023, 1, 16),
    "summary": (
        "Candidature du campus issu de la fusion du « Campus des Métiers d'Art et du Design, "
        "Paris - Manufacture des Gobelins », labellisé Excellence le 25 août 2020, et du projet "
        "en préfiguration du Campus Mode – Île-de-France, au titre de la catégorie Excellence du "
        "cahier des charges publié en septembre 2019.",
        "cp",
    ),
    "presented_by": "dir-mode",
    "presented_on": date(2023, 5, 26),
    "presentations": {
        "2.1": (
            "Les métiers d'art (plus de 280 activités en 16 domaines), de la mode et du design "
            "recrutent en Île-de-France ; les acteurs économiques demandent le rapprochement des "
            "deux campus d'origine.",
            "cp",
        ),
        "2.2": (
            "Quinze domaines d'activité, de l'ameublement au spectacle ; les académies de Paris "
            "et de Créteil ; l'ENSAD établissement support, le Mobilier national, l'IFM, le "
            "CNAM, la Césaap et le Comité Colbert.",
            "cp",
        ),
        "2.3": (
            "Promouvoir les formations d'excellence aux métiers d'art, de la mode et du design ; "
            "développer les parcours bac-3/+3/+5 ; moderniser les pratiques par la recherche et "
            "l'innovation ; développer les échanges internationaux.",
            "cp",
        ),
        "2.4": (
            "Un COS co-présidé par la présidente de la Région et le recteur de la région "
            "académique, réuni une fois par an au moins ; un Directoire présidé par le directeur "
            "de l'ENSAD.",
            "cp",
        ),
        "2.5": (
            "Une équipe de direction (directeur opérationnel et adjoint) désignée par les "
            "recteurs après avis du COS ; un COPIL réuni deux fois par an, des groupes de "
            "travail.",
            "cp",
        ),
        "2.6": (
            "Les académies financent l'équipe de direction ; la Région soutient le campus "
            "jusqu'à 100 000 € par an (extension de périmètre) ; l'ENSAD et le Mobilier national "
            "apportent locaux et services.",
            "cp",
        ),
        "2.7": (
            "27 programmes en 2022 autour de 4 axes ; l'axe valorisation et attractivité a "
            "touché 17 000 visiteurs du public cible (Paris Design Week, Printemps de "
            "l'Orientation).",
            "cp",
        ),
        "2.8": (
            "Au Mobilier national, 42 avenue des Gobelins : espace administratif, co-working, "
            "atelier de prototypage (fablab), matériauthèque, salle Le Brun, galerie et chapelle "
            "des Gobelins.",
            "cp",
        ),
        "2.9": (
            "Axe parcours : 8 programmes et 523 bénéficiaires en 2022 (Viens Voir Mon Atelier, "
            "Manufacto, formation prototypiste en maroquinerie, Bachelor EMA).",
            "cp",
        ),
        "2.10": (
            "Axe international : 5 programmes et 24 bénéficiaires en 2022 (Young Ambassador for "
            "Homo Faber, partenariat RICE en Thaïlande, biennale d'Oeiras).",
            "cp",
        ),
        "2.11": (
            "Évaluation consolidée des projets et des résultats présentée au COPIL ; "
            "auto-évaluation annuelle sur la fiche de suivi de la Région ; évaluation externe à "
            "engager.",
            "demo",
        ),
    },
    "letter": {
        "region": (REGION_SIGNATORY, date(2023, 6, 20)),
        "rector": (RECTOR_PARIS, date(2023, 6, 22), "rectorat-paris"),
    },
    "opinions": [
        {"body": "caen", "given_on": date(2023, 6, 8), "opinion": "favourable"},
        {"body": "crefop", "given_on": date(2023, 6, 13), "opinion": "favourable"},
    ],
    "dossier_pages": 20,
    "annexes": [],
    "admissibility_reason": "Dossier complet : lettre signée, avis du CAEN et du CREFOP.",
    # (username, rapporteur?), in the order of their assignment.
    "experts": [("expert-2", True), ("expert", False)],
    "steps": {
        "submitted": date(2023, 6, 30),
        "admissible": date(2023, 7, 13),
        "assigned": date(2023, 9, 25),
        "in_expertise": date(2023, 10, 2),
    },
    "assessments": {},
    "navettes": [],
}

# The navette: recommendations sent, answered by the campus, the answers sent to the experts
# (« Réponses reçues »); the experts have not marked them yet: their next step.
INDUSTRIE_DU_FUTUR = {
    "key": "if",
    "campus": "if",
    "historical": False,
    "kind": "renew",
    "target_category": "excellence",
    "session": AUTUMN_2023,
    "status": "answers_received",
    "created_on": date(2023, 5, 15),
    "summary": (
        "Renouvellement du label du campus « aéronautique et spatial » (premier label "
        "2018-2022) dans la catégorie Excellence, sous le nom « Industrie du futur » : "
        "extension du périmètre aux métiers de l'industrie (conception, production, "
        "maintenance) sur toute l'Île-de-France, avec un ancrage fort dans la filière "
        "aéronautique et spatiale.",
        "cp",
    ),
    "presented_by": "dir-if",
    "presented_on": date(2023, 9, 12),
    "presentations": {
        "2.1": (
            "Le secteur aéronautique et spatial francilien a besoin, en quantité et en qualité, "
            "de fabrication, de conception, de maintenance et de numérique ; l'industrie 4.0 "
            "ajoute des compétences communes à toutes les industries.",
            "cp",
        ),
        "2.2": (
            "Porté par l'Université d'Évry Val d'Essonne, le campus s'étend aux académies de "
            "Paris, Créteil et Versailles, avec le centre d'innovation d'Évry et le pôle de "
            "Meaux ; de nouveaux lieux sont envisagés.",
            "cp",
        ),
        "2.3": (
            "Promouvoir les métiers et les parcours par les trois voies ; co-élaborer les "
            "formations ; renforcer la performance pédagogique par les partenariats ; favoriser "
            "la recherche et les transferts technologiques.",
            "cp",
        ),
        "2.4": (
            "Un COS réuni une fois par an, co-présidé en alternance par le recteur de la région "
            "académique et la présidente de la Région ; décisions prises à l'unanimité.",
            "cp",
        ),
        "2.5": (
            "Un directeur opérationnel de préfiguration placé auprès du directeur général des "
            "services de l'UEVE ; un COPIL réuni au moins une fois par trimestre ; des groupes "
            "de travail.",
            "cp",
        ),
        "2.6": (
            "Lauréat du Programme d'investissements d'avenir pour 3,2 millions d'euros sur "
            "10 ans depuis 2020 ; soutien de la Région de 50 000 € par an ; les académies "
            "financent la direction.",
            "cp",
        ),
        "2.7": (
            "Le nouveau nom « Industrie du futur » et une stratégie de communication et de "
            "valorisation, y compris pédagogique, élaborée par la direction du campus.",
            "cp",
        ),
        "2.8": (
            "Le centre d'innovation d'Évry, pour la découverte, la formation, l'innovation et la "
            "recherche autour des nouvelles technologies, et le pôle de Meaux.",
            "cp",
        ),
        "2.9": (
            "Un continuum de formation bac-3/bac+3/bac+8 autour des nouveaux enjeux industriels "
            "(robotique, réalités immersives, intelligence artificielle, fabrication "
            "additive).",
            "cp",
        ),
        "2.10": (
            "Des partenariats avec des établissements et des industriels européens de la filière "
            "aéronautique, et des mobilités d'élèves et d'enseignants à développer.",
            "demo",
        ),
        "2.11": (
            "Rapports et bilans annuels d'activité et financiers, données de suivi de la Région "
            "pour l'auto-évaluation ; relevés de décisions validés après chaque comité.",
            "cp",
        ),
    },
    "letter": {
        "region": (REGION_SIGNATORY, date(2023, 9, 21)),
        "rector": (RECTOR_PARIS, date(2023, 9, 22), "rectorat-paris"),
    },
    "opinions": [
        {"body": "caen", "given_on": date(2023, 9, 14), "opinion": "favourable"},
        {"body": "crefop", "given_on": date(2023, 9, 19), "opinion": "favourable"},
    ],
    "dossier_pages": 19,
    "annexes": [],
    "admissibility_reason": "Dossier complet, déposé avant la date limite de la session.",
    "experts": [("expert", True), ("expert-2", False)],
    "steps": {
        "submitted": date(2023, 9, 26),
        "admissible": date(2023, 10, 3),
        "assigned": date(2023, 10, 5),
        "in_expertise": date(2023, 10, 6),
    },
    # Saved as drafts, not submitted: the rapporteur has rated six criteria, the other expert
    # three. Criteria with Excellence requirements get an Excellence rating too.
    "assessments": {
        "expert": {
            "2.1": {
                "rating": "partly",
                "comment": "Diagnostic solide pour l'aéronautique, plus mince pour les autres "
                "industries du nouveau périmètre.",
                "recommendations": "Chiffrer les besoins des autres filières industrielles.",
                "excellence_rating": "partly",
                "excellence_comment": "Enjeu national à mieux établir.",
            },
            "2.2": {
                "rating": "met",
                "comment": "Périmètre régional, trois académies, deux lieux d'incarnation.",
                "excellence_rating": "met",
            },
            "2.3": {"rating": "met", "comment": "Objectifs clairs, hérités du premier label."},
            "2.4": {"rating": "met", "comment": "COS co-présidé Région / recteur."},
            "2.5": {
                "rating": "partly",
                "comment": "Gouvernance encore de préfiguration.",
                "recommendations": "Préciser la direction après la labellisation.",
            },
            "2.6": {"rating": "met", "comment": "Financement PIA de 3,2 M€ sur 10 ans."},
        },
        "expert-2": {
            "2.1": {
                "rating": "partly",
                "comment": "Données à actualiser au-delà de la filière aéronautique.",
                "excellence_rating": "partly",
            },
            "2.2": {
                "rating": "met",
                "comment": "Périmètre cohérent.",
                "excellence_rating": "partly",
            },
            "2.3": {"rating": "met", "comment": "Objectifs partagés par les partenaires."},
        },
    },
    "navettes": [
        {
            "sent_by": "expert",
            "sent_on": date(2023, 10, 23),
            "answers_due_on": date(2023, 11, 10),
            "answered_by": "dir-if",
            "answered_on": date(2023, 11, 6),
            "answers_sent_by": "region",
            "answers_sent_on": date(2023, 11, 8),
            "recommendations": [
                {
                    "criterion": "2.1",
                    "text": "Étendez le diagnostic aux industries du nouveau périmètre « industrie "
                    "du futur » : besoins chiffrés en emplois et compétences, sources "
                    "(DREETS, CARIF-OREF).",
                    "answer": "Le diagnostic complété (annexe transmise) couvre la mécanique, "
                    "l'électronique et la maintenance industrielle avec les données du "
                    "CARIF-OREF.",
                },
                {
                    "criterion": "2.8",
                    "text": "Précisez le calendrier et le financement des nouveaux lieux "
                    "d'incarnation envisagés au-delà d'Évry et de Meaux.",
                    "answer": "Un troisième lieu est à l'étude dans un lycée de l'académie de "
                    "Versailles ; son financement sera présenté au prochain COS.",
                },
                {
                    "criterion": "2.10",
                    "text": "Décrivez la stratégie internationale exigée pour la catégorie "
                    "Excellence : partenaires étrangers, mobilités, objectifs chiffrés.",
                    "answer": "Trois partenariats européens sont en préparation ; objectif : "
                    "40 mobilités d'élèves et d'enseignants par an d'ici 2026.",
                },
            ],
        }
    ],
}

VERSAILLES = {
    "key": "versailles",
    "campus": "versailles",
    "historical": False,
    "kind": "renew",
    "target_category": "excellence",
    "session": SPRING_2024,
    "status": "submitted",
    "created_on": date(2023, 7, 10),
    "summary": (
        "Nouvelle labélisation du Campus Versailles – patrimoine et artisanat d'excellence, "
        "labélisé Excellence pour une première période de deux ans à compter d'août 2020, "
        "porté désormais par l'association Campus Versailles et domicilié dans la Grande Écurie "
        "du château de Versailles.",
        "cp",
    ),
    "presented_by": "dir-versailles",
    "presented_on": date(2023, 10, 13),
    "presentations": {
        "2.1": (
            "Les métiers d'art et du patrimoine ont besoin de changer d'échelle : transmission "
            "des savoir-faire, évolution des métiers, attractivité et visibilité "
            "internationale.",
            "cp",
        ),
        "2.2": (
            "L'ensemble des lycées de l'académie de Versailles, des partenaires du supérieur et "
            "un ensemble croissant d'artisans et d'acteurs économiques et du territoire.",
            "cp",
        ),
        "2.3": (
            "Quatre objectifs : la formation massive par la transmission des savoir-faire ; "
            "l'adaptation de l'offre de formation ; l'incubation de projets ; la promotion des "
            "métiers d'art et du patrimoine.",
            "cp",
        ),
        "2.4": (
            "L'association créée le 16 mai 2022 par CY Cergy Paris Université, le château de "
            "Versailles et l'académie de Versailles : un conseil d'administration où la Région "
            "siège en membre permanent.",
            "cp",
        ),
        "2.5": (
            "Un directeur ou une directrice de l'association, nommé par le président après avis "
            "du conseil d'administration ; quatre pôles opérationnels et trois pôles "
            "ressources.",
            "cp",
        ),
        "2.6": (
            "Le rectorat de Versailles et CY versent chacun 50 000 € par an à l'association ; la "
            "Région soutient le campus à hauteur de 50 000 € par an.",
            "cp",
        ),
        "2.7": (
            "Un réseau d'acteurs, un lieu d'échanges, de formation et de rencontres, un label de "
            "pédagogie innovante et un espace d'intelligence collective.",
            "cp",
        ),
        "2.8": (
            "La Grande Écurie du château de Versailles, premier espace d'incarnation du campus, "
            "après la première tranche de travaux.",
            "cp",
        ),
        "2.9": (
            "Des projets réalisés par les élèves et les étudiants avec des artisans, articulant "
            "le scolaire et le supérieur, appuyés sur l'innovation pédagogique.",
            "cp",
        ),
        "2.10": (
            "La visibilité internationale des métiers d'art et du patrimoine, portée par le "
            "rayonnement du château de Versailles.",
            "cp",
        ),
        "2.11": (
            "Une évaluation externe du campus, menée dans le cadre de cette re-labélisation, est "
            "jointe au dossier.",
            "cp",
            "Annexe 1",
        ),
    },
    "letter": {
        "region": (REGION_SIGNATORY, date(2023, 11, 6)),
        "rector": (RECTOR_VERSAILLES, date(2023, 11, 7), "rectorat-versailles"),
    },
    "opinions": [
        {"body": "caen", "given_on": date(2023, 10, 19), "opinion": "favourable"},
        {"body": "crefop", "given_on": date(2023, 10, 24), "opinion": "favourable"},
    ],
    "dossier_pages": 18,
    "annexes": [{"title": "Rapport d'évaluation externe du campus", "pages": 24}],
    "experts": [],
    "steps": {"submitted": date(2023, 11, 10)},
    "assessments": {},
    "navettes": [],
}

INTELLIGENCE_ARTIFICIELLE = {
    "key": "ia",
    "campus": "ia",
    "historical": False,
    "kind": "obtain",
    "target_category": "cmq",
    "session": SPRING_2024,
    "status": "draft",
    "created_on": date(2023, 9, 4),
    "summary": (
        "Demande de label du campus de l'intelligence artificielle, en préfiguration, réunissant "
        "Sorbonne Université, le lycée Paul Valéry de Paris, la Région académique et la Région "
        "Île-de-France ; dossier prévu pour l'automne 2023.",
        "cp",
    ),
    "presented_by": "dir-ia",
    "presented_on": date(2023, 10, 16),
    # Four criteria presented so far; nothing signed, no prior opinion, no dossier.
    "presentations": {
        "2.1": (
            "Les besoins en compétences en intelligence artificielle des entreprises "
            "franciliennes, et la faible part des jeunes filles dans ces formations.",
            "demo",
        ),
        "2.2": (
            "Membres fondateurs : Sorbonne Université, le lycée Paul Valéry de Paris, la Région "
            "académique et la Région Île-de-France, dans l'académie de Paris.",
            "cp",
        ),
        "2.3": (
            "Faire découvrir l'intelligence artificielle et ses carrières aux lycéennes de la "
            "Région : une école d'été du 3 au 7 juillet 2023, première action du campus.",
            "cp",
        ),
        "2.4": (
            "Les membres fondateurs, autour d'un directeur opérationnel recruté début 2023 pour "
            "préparer le dossier de demande de label.",
            "cp",
        ),
    },
    "opinions": [],
    "experts": [],
    "steps": {},
    "assessments": {},
    "navettes": [],
}

# Historical: the registry's label period (found by its campus and start day) gives the
# category and every decision field; the rest is the application as it was.
INDUSTRIE_CIRCULAIRE = {
    "key": "icm",
    "campus": "icm",
    "historical": True,
    "kind": "obtain",
    "session": AUTUMN_2022,
    "label_start": date(2023, 1, 1),
    # Only used when the registry has no such period.
    "fallback": {"category": "excellence", "decision_date": None, "label_end": date(2027, 12, 31)},
    "recorded_on": date(2023, 1, 1),
    "summary": (
        "Candidature du campus Industrie circulaire de la mobilité, évolution de l'ancien campus "
        "« conception et construction automobile », toujours porté par l'Université de "
        "Versailles Saint-Quentin-en-Yvelines et incarné dans les locaux de Renault Flins : "
        "sélectionné fin 2022 par le jury national pour un label d'excellence de 5 ans.",
        "cp",
    ),
    "note": (
        "Enregistrée d'après la fiche projet 23004178 (« sélectionné fin 2022 par le jury "
        "national ») ; ni la date de dépôt, ni la date et la référence de l'arrêté ne sont dans "
        "les sources."
    ),
}

METIERS_D_ART = {
    "key": "mad",
    "campus": "mad",
    "historical": True,
    "kind": "obtain",
    "session": None,
    "label_start": date(2020, 8, 25),
    "fallback": {"category": "excellence", "decision_date": date(2020, 8, 25), "label_end": None},
    "recorded_on": date(2020, 8, 25),
    "summary": (
        "Candidature du « Campus des Métiers d'Art et du Design, Paris - Manufacture des "
        "Gobelins », labellisé Excellence le 25 août 2020, avant sa fusion avec le projet Campus "
        "Mode – Île-de-France.",
        "cp",
    ),
    "note": (
        "Enregistrée d'après le rapport CP 2023-263 (« labellisé Excellence le 25 août 2020 ») ; "
        "la session, la date de dépôt et la référence de l'arrêté ne sont pas dans les sources."
    ),
}

APPLICATIONS = [
    METIERS_D_ART,
    INDUSTRIE_CIRCULAIRE,
    MODE,
    INDUSTRIE_DU_FUTUR,
    VERSAILLES,
    INTELLIGENCE_ARTIFICIELLE,
]

# The predecessor campus of Mode, by its short name in campuses/demo_data.py.
PREDECESSOR_SHORT_NAMES = {"mad": "Métiers d'art et design"}

ASSUMPTIONS = [
    "Les jours de toutes les étapes des candidatures en cours (création, présentation des "
    "critères, signatures de la lettre, avis du CAEN et du CREFOP, dépôt, recevabilité, "
    "désignation des experts, mise en expertise, navette et réponses) sont supposés ; les "
    "sources ne donnent que « premier semestre 2023 » (Mode), « automne 2023 » (IA), « second "
    "semestre 2023 » (Versailles) et « avant la fin de l'année » 2023 (Industrie du futur).",
    "Les candidatures en cours sont figées à la mi-novembre 2023 (entre la date limite de "
    "dépôt et la réunion de la session d'automne 2023), et non placées par rapport au jour du "
    "chargement : elles restent datées de 2023 comme les autres données historiques.",
    "Sessions nationales d'expertise : noms, dates limites de dépôt et dates de réunion "
    "supposés (automne 2022 : 30/09/2022 et 17/11/2022 ; automne 2023 : 29/09/2023 et "
    "23/11/2023 ; printemps 2024 : 31/01/2024 et 28/03/2024). Le cahier des charges dit "
    "seulement « Plusieurs sessions annuelles d'expertise ».",
    "Mode, métiers d'art et design : candidature d'obtention (campus issu d'une fusion) en "
    "catégorie Excellence, déposée le 30/06/2023, recevable le 13/07/2023, en expertise depuis "
    "le 02/10/2023 pour la session d'automne 2023 ; expert-2 rapporteur, expert ; aucune "
    "évaluation commencée.",
    "Industrie du futur : renouvellement (objet « renouvellement », catégorie visée "
    "Excellence, plutôt que « changement de catégorie ») déposé le 26/09/2023 ; expert "
    "rapporteur et expert-2 ; une navette (3 recommandations envoyées le 23/10/2023, réponses "
    "du campus le 06/11/2023, transmises aux experts le 08/11/2023) : état « Réponses reçues », "
    "réponses pas encore appréciées ; évaluations en brouillon (6 critères pour expert, 3 pour "
    "expert-2).",
    "Campus Versailles : son label Excellence (2020-2022) a expiré le 31/07/2022 au registre ; "
    "le dossier de renouvellement (catégorie Excellence) est déposé le 10/11/2023 pour la "
    "session du printemps 2024 et attend la décision de recevabilité : le campus apparaît « en "
    "candidature ». L'évaluation externe citée par la convention est jointe en annexe (24 "
    "pages supposées).",
    "Intelligence artificielle : brouillon créé le 04/09/2023, 4 critères sur 11 présentés, "
    "rattaché à la session du printemps 2024 puisque le dépôt annoncé pour l'automne 2023 n'a "
    "pas eu lieu avant la date limite supposée de la session d'automne ; catégorie visée CMQ "
    "(les sources n'en disent rien).",
    "Industrie circulaire de la mobilité : candidature d'obtention enregistrée après coup, "
    "rattachée à la session d'automne 2022 (« sélectionné fin 2022 par le jury national ») et "
    "à la période de label du registre (Excellence, 01/01/2023 – 31/12/2027, dates déjà "
    "supposées par le registre) ; date d'arrêté inconnue, laissée vide comme au registre.",
    "Métiers d'art et design : candidature d'obtention (rien ne dit qu'il s'agissait d'un "
    "renouvellement) enregistrée après coup, rattachée à la période de label du registre "
    "(décision du 25/08/2020 ; fin au 24/08/2022 supposée par le registre) ; ni session ni "
    "date de dépôt.",
    "Les candidatures enregistrées après coup sont datées (création, changement d'état) du "
    "premier jour de leur label ; les entrées du journal d'audit gardent l'heure réelle du "
    "chargement.",
    "Signataires de la lettre d'accompagnement : ceux des conventions de la CP 2023-263 "
    "(Valérie PÉCRESSE pour la Région ; Christophe KERRERO, recteur de la région académique, "
    "pour Mode et Industrie du futur ; Charline AVENEL, rectrice de Versailles, pour le Campus "
    "Versailles) ; les signatures elles-mêmes et leurs dates sont supposées.",
    "Avis préalables du CAEN et du CREFOP : tous favorables, dates supposées.",
    "Dossiers de candidature : PDF de démonstration de pages blanches (20 pages pour Mode, 19 "
    "pour Industrie du futur, 18 pour Versailles), générés au chargement.",
    "Textes des présentations des critères : textes de démonstration, paraphrasant la "
    "CP 2023-263 quand elle décrit le campus, inventés sinon (chaque texte le dit) ; les "
    "résumés des candidatures de même. Appréciations, commentaires et recommandations des "
    "experts, réponses du campus : inventés pour la démonstration.",
    "Second compte expert « expert-2 » (Étienne Expert) : inventé ; il déclare travailler avec "
    "CY Cergy Paris Université, ce qui l'empêche d'expertiser le Campus Versailles et le "
    "campus Sûreté, sécurité, cyber. Le compte « expert » ne déclare aucun lien d'intérêt.",
]
