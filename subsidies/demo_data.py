"""Demo data: yearly subsidies of CP 2023-263 and the Versailles beneficiary transfer.

Pure data, no Django. Extracted from the read-only seed ``shared/seeds/000_0bc506fc771adbce.txt``
(report and deliberation CP 2023-263 of 5 July 2023, Île-de-France Region):

* articles 7 and 8 of the deliberation: the two commitment envelopes (autorisations
  d'engagement) of budget 2023 -- 500 000 € for nine campus grants, 200 000 € for
  cross-campus support contracts (AMO);
* annexe 12: the nine « fiches projet » (subsidy dossiers 2023), in the order of the annexe:
  Versailles, Mode/métiers d'art/design, Sécurité, Transition numérique et écologique de la
  construction, Santé, Énergie durable, Industrie circulaire de la mobilité, Intelligence
  artificielle, Industrie du futur. Every field as printed; texts re-flowed (lines joined into
  paragraphs, page-break blank lines dropped, list items and paragraphs separated by "\n");
* annexe 11: the « avenant de transfert de financements régionaux » that moves the 2021 and
  2022 grants of Campus Versailles from CY Cergy Paris Université to the association Campus
  Versailles (article 6 of the deliberation), and the two past dossiers it concerns, whose
  numbers and amounts the seed does not give (see ASSUMPTIONS).

Campus and organisation keys are those of ``campuses/demo_data.py`` (CAMPUSES, ORGANISATIONS);
deliberation numbers are those of ``conventions/demo_data.py`` DELIBERATIONS plus the two
below. Amounts are Decimal euros, rates Decimal percentages. Texts keep the seed's typography
(’ or ', « », typos). SOURCE_NOTES lists what is odd or inconsistent in the seed; ASSUMPTIONS
lists every value that is not stated in it.
"""

from datetime import date
from decimal import Decimal

# « Dispositif » printed on every fiche. The framework deliberation is CR 2017-102 of
# 19 May 2017 (DOMAIN.md); the fiches print « du 18/05/2017 » (see SOURCE_NOTES).
PROGRAMME = {
    "code": "00001036",
    "name": "Subvention aux campus des métiers et des qualifications",
    "framework_deliberation": "CR 2017-102",
    "framework_deliberation_date": date(2017, 5, 19),
    "framework_mention": "CR2017-102 du 18/05/2017 modifiée",
}

# « Imputation budgétaire »: one per budget nature seen on the fiches (657381: public
# bodies, eight fiches; 655122: associations, Campus Versailles). « code » is the
# printed form (the action 12800302 shortened to 128003).
BUDGET_LINES = [
    {
        "chapter": "932",
        "function": "288",
        "nature": "657381",
        "programme_code": "HP288-003",
        "action": "12800302",
        "action_label": "Campus des métiers et des qualifications",
        "suffix": "100",
        "code": "932-288-657381-128003-100",
    },
    {
        "chapter": "932",
        "function": "288",
        "nature": "655122",
        "programme_code": "HP288-003",
        "action": "12800302",
        "action_label": "Campus des métiers et des qualifications",
        "suffix": "100",
        "code": "932-288-655122-128003-100",
    },
]

# Articles 7 and 8 of CP 2023-263: commitment authority (autorisation d'engagement),
# budget 2023. « text » is the article as printed (re-flowed); « allocations » the list
# of article 7, in its own order.
ENVELOPES = [
    {
        "deliberation": "CP 2023-263",
        "article": "7",
        "budget_year": 2023,
        "purpose": "campus_grants",
        "label": (
            "Subventions aux campus des métiers et des qualifications (dispositif "
            "« soutien aux réseaux labellisés campus des métiers et des "
            "qualifications »)"
        ),
        "amount": Decimal("500000.00"),
        "chapter": "932",
        "chapter_label": "Enseignement Formation Professionnelle et Apprentissage",
        "function": "288",
        "function_label": "Autres services annexes de l’enseignement",
        "programme_code": "HP288-003",
        "programme_label": "Centre de ressources",
        "action": "12800302",
        "action_label": "Campus des métiers et des qualifications",
        "eligible_expenses_from": date(2023, 1, 1),
        "allocations": [
            {"campus": "versailles", "amount": Decimal("50000.00")},
            {"campus": "if", "amount": Decimal("50000.00")},
            {"campus": "tnec", "amount": Decimal("50000.00")},
            {"campus": "mode", "amount": Decimal("100000.00")},
            {"campus": "securite", "amount": Decimal("50000.00")},
            {"campus": "sante", "amount": Decimal("50000.00")},
            {"campus": "icm", "amount": Decimal("50000.00")},
            {"campus": "ia", "amount": Decimal("50000.00")},
            {"campus": "energie", "amount": Decimal("50000.00")},
        ],
        "text": (
            "Décide de participer au titre du dispositif « soutien aux réseaux "
            "labellisés campus des métiers et des qualifications (CMQ)», au "
            "financement des projets des CMQ par l'attribution d'une subvention d'un "
            "montant maximum prévisionnel ci-dessous :\n"
            "- 50 000 euros pour le Campus Versailles ;\n"
            "- 50 000 euros pour le Campus industrie du futur ;\n"
            "- 50 000 euros pour le Campus de la transition numérique et écologique "
            "de la construction ;\n"
            "- 100 000 euros pour le Campus mode, métiers d’art et design.\n"
            "- 50 000 euros pour le Campus sécurité ;\n"
            "- 50 000 euros pour le Campus santé, autonomie, bien-vieillir ;\n"
            "- 50 000 euros pour le Campus industrie circulaire de la mobilité ;\n"
            "- 50 000 euros pour le Campus intelligence artificielle ;\n"
            "- 50 000 euros pour le Campus énergie durable ;\n"
            "Le vote de ces subventions permettra de prendre en compte des dépenses "
            "anticipées, à savoir des dépenses à partir du 1er janvier 2023.\n"
            "Subordonne le versement de cette subvention à la signature de "
            "conventions conformes à la convention type adoptée par délibération CR "
            "n°2017-102 du 19 mai 2017 et autorise la présidente du Conseil régional "
            "à les signer.\n"
            "Affecte une autorisation d'engagement de 500 000 € disponible sur le "
            "chapitre budgétaire 932 « Enseignement Formation Professionnelle et "
            "Apprentissage », Code fonctionnel 288 « Autres services annexes de "
            "l’enseignement », », Programme HP288-003 « Centre de ressources », "
            "Action 12800302 « Campus des métiers et des qualifications », du budget "
            "2023."
        ),
    },
    {
        "deliberation": "CP 2023-263",
        "article": "8",
        "budget_year": 2023,
        "purpose": "support_contracts",
        "label": (
            "Marchés d’assistance à maitrise d’ouvrage pour des sujets généraux ou "
            "transverses aux campus ainsi que pour des actions entrant dans le champ "
            "d’action du cahier des charges des campus"
        ),
        "amount": Decimal("200000.00"),
        "chapter": "932",
        "chapter_label": "Enseignement Formation Professionnelle et Apprentissage",
        "function": "288",
        "function_label": "Autres services annexes de l’enseignement",
        "programme_code": "HP288-003",
        "programme_label": "Centre de ressources",
        "action": "12800302",
        "action_label": "Campus des métiers et des qualifications",
        "text": (
            "Affecte l’autorisation d'engagement de 200 000 € disponible sur le "
            "chapitre budgétaire 932 « Enseignement Formation Professionnelle et "
            "Apprentissage », code fonctionnel 288 « Autres services annexes de "
            "l’enseignement », programme HP288-003 « Centre de ressources », action "
            "12800302 « Campus des métiers et des qualifications », du budget 2023 "
            "en vue de la passation de marchés d’assistance à maitrise d’ouvrage "
            "pour des sujets généraux ou transverses aux campus ainsi que pour des "
            "actions entrant dans le champ d’action du cahier des charges des campus."
        ),
    },
]

# Annexe 12 of CP 2023-263: the nine fiches projet, in the annexe's order.
# budget_line / beneficiary_* / titles are as printed; « region » marks the Region's
# subsidy among the revenue lines.
DOSSIERS_CP_2023_263 = [
    # ------------ 1/9 Campus Versailles -- patrimoine et artisanat d'excellence (lignes 2556-2666)
    {
        "number": "23004868",
        "campus": "versailles",
        "title": 'Campus des métiers et des qualifications "Versailles" budget 2023',
        "beneficiary": "campus_versailles",
        "beneficiary_name": "CAMPUS VERSAILLES",
        "beneficiary_address": "GRANDE ECURIE DU CHATEAU DE VERSAILL\n78000 VERSAILLES",
        "beneficiary_legal_status": "Association",
        "beneficiary_representative": "Monsieur FRANCOIS GERMINET, Président",
        "budget_line": "932-288-655122-128003-100",
        "base_label": "Subvention aux campus des métiers et des qualifications",
        "eligible_base": Decimal("100000.00"),
        "base_tax": "TTC",
        "rate": Decimal("50.00"),
        "max_amount": Decimal("50000.00"),
        "amount": Decimal("50000.00"),
        "extended_cap": False,
        "extended_cap_justification": "",
        "planned_start": date(2023, 1, 1),
        "planned_end": date(2025, 12, 31),
        "early_start": True,
        "early_start_reason": "Le projet du campus est développé dès le début d'année civile",
        "description": (
            "Crée par les membres fondateurs que sont le rectorat de Versailles, le "
            "Château de Versailles, l’Université Cergy Paris et la Région "
            "Île-de-France, le projet large et ambitieux est désormais bien "
            "opérationnel. Son incarnation dans la grande écurie du château "
            "permettra une activité encore plus riche après la phase de travaux en "
            "cours.\n"
            "Labélisé excellence en 2020, le campus de Versailles déploie son action "
            "sur l’ensemble des lycées du rectorat de Versailles avec des "
            "partenaires du supérieur et un ensemble croissant d’artisans et "
            "d’acteurs économiques et du territoire.\n"
            "Il s’articule autour de 4 objectifs stratégiques :\n"
            "- La formation massive par la transmission des savoir-faire artistiques "
            "et patrimoniaux, sous la forme de réalisation de projets, en s’appuyant "
            "sur l’innovation pédagogique et la recherche de haut niveau\n"
            "- L’accompagnement des entreprises du secteur par l’adaptation de "
            "l’offre de formation (contenu et catalogue) à l’évolution des métiers "
            "d’art et du patrimoine en articulant le scolaire et le supérieur\n"
            "- L’accompagnement des entreprises du secteur dans leurs enjeux "
            "d'innovation, par de l'incubation de projet (de l'idéation au "
            "prototypage) et la possibilité de bénéficier d'élèves et étudiants en "
            "équipe projet\n"
            "- La promotion, la valorisation et le développement de l’attractivité "
            "des métiers d’art et du patrimoine, ainsi que leur visibilité à "
            "l'international\n"
            "Ainsi les actions se déclinent sous 4 axes :\n"
            "Développer les vocations dans les métiers du patrimoine et de "
            "l’artisanat\n"
            "De l’insertion et l’épanouissement des jeunes dans les secteurs de "
            "l’artisanat et du patrimoine\n"
            "De la formation continue tout au long de la vie et du développement des "
            "entreprises\n"
            "Déployer un écosystème européen de formation d’excellence collaboratif"
        ),
        "interns": 2,
        "interns_min_months": 2,
        "calculation_detail": (
            "Dans la convention cadre qui associe les membres fondateurs de ce "
            "campus, la Région Île-de-France s'est engagée à verser une subvention "
            "annuelle à ce campus à hauteur de 50000 euros avec un taux "
            "d'intervention de 50%. Cette subvention permet de couvrir une partie "
            "des dépenses de fonctionnement du campus. Les autres ressources peuvent "
            "provenir du rectorat, de fonds du Programme d'Investissement d'Avenir "
            "(FRANCE 2030), d'autres recettes collectées auprès d'acteurs "
            "économiques ou de droits d'inscription par exemple. L'université "
            "porteuse du campus peut aussi mettre à disposition du temps homme qui "
            "peut être valorisé."
        ),
        "location": "REGION ILE DE FRANCE",
        "particular_contract": "Hors CPRD",
        "cper": "Hors CPER/Hors CPER",
        "reference_year": 2023,
        "vat_recovered": False,
        "expenses": [
            {"label": "dépenses de fonctionnement du campus", "amount": Decimal("100000.00")}
        ],
        "revenues": [
            {"label": "subvention RIDF 2023", "amount": Decimal("50000.00"), "region": True},
            {
                "label": "autres ressources du campus",
                "amount": Decimal("50000.00"),
                "region": False,
            },
        ],
    },
    # ------------ 2/9 Mode, métiers d'art et design -- Manufactures des Gobelins (lignes 2669-2784)
    {
        "number": "23004170",
        "campus": "mode",
        "title": (
            "Campus des métiers et des Qualifications \"Mode et métiers d'Art et du "
            'Design" - Budget 2023'
        ),
        "beneficiary": "ensad",
        "beneficiary_name": "ENSAD ECOLE NAT SUPERIEURE DES ARTS DECORATIFS",
        "beneficiary_address": "31 RUE D'ULM\n75240 PARIS 5E ARRONDISSEMENT",
        "beneficiary_legal_status": "Etablissement Public National d'Enseignement",
        "beneficiary_representative": "Monsieur EMMANUEL TIBLOUX, Directeur",
        "budget_line": "932-288-657381-128003-100",
        "base_label": "Subvention aux campus des métiers et des qualifications",
        "eligible_base": Decimal("200000.00"),
        "base_tax": "TTC",
        "rate": Decimal("50.00"),
        "max_amount": Decimal("100000.00"),
        "amount": Decimal("100000.00"),
        "extended_cap": True,
        "extended_cap_justification": (
            "Plafond de 100 000 € : campus issu de la fusion du Campus Métiers d’art "
            "/ Design – Manufacture des Gobelins et du Campus Mode (« fusion des "
            "périmètres et des activités », fiche projet 23004170) ; la convention "
            "cadre prévoit une subvention annuelle de 100 000 € (détail du calcul de "
            "la fiche)."
        ),
        "planned_start": date(2023, 1, 1),
        "planned_end": date(2025, 12, 31),
        "early_start": True,
        "early_start_reason": "Le projet du Campus se déplois sur la totalité de l'année civile.",
        "description": (
            "Le Campus Métiers d’art / Design – Manufacture des Gobelins a opéré au "
            "cours de l’année 2022 un rapprochement avec le Campus Mode en vue d’une "
            "fusion des périmètres et des activités. Il étend à présent ses actions "
            "sur l’ensemble des domaines de création, incluant la Mode, et sur les "
            "territoires cristoliens et parisiens.\n"
            "Au cours de l’année 2022, le Campus a déployé 27 programmes à "
            "destination des élèves, des étudiants et des professionnels de son "
            "réseau en inscrivant ses actions autour des 4 axes qui structurent son "
            "plan d’action :\n"
            "- Innovation : 7 programmes – 600 bénéficiaires\n"
            "Utopies Constructives / Ready’up / La grande Matériauthèque / Triathlon "
            "de la Mode éthique / concours Jeune Création – La laine de demain / "
            "Conférence la Matière mise à nue\n"
            "- International : 5 programmes – 24 bénéficiaires\n"
            "Young Ambassador for Homo Faber / Partenariat RICE Thaïlande / Biennale "
            "Artes & oficios Novos Design – Oeiras / Crafting stories Résidence "
            "interculturelle et créative aux Émirats arabes unis\n"
            "- Parcours : 8 programmes – 523 bénéficiaires\n"
            "Viens Voir Mon Atelier /Programme Softskills / Manufacto / Ateliers "
            "Entreprendre dans les métiers d’art / Formation prototypiste en "
            "maroquinerie / Ambassadeurs du Campus / Bachelor EMA – Entreprendre "
            "dans les métiers d’art et du design / Cordées de la réussite Athéna\n"
            "- Valorisation & attractivité : 7 programmes – 17 000 visiteurs parmi "
            "le public cible – 40 000 vues cumulées\n"
            "Salons d’orientation / Master Classe Virtuoses LVMH / Printemps de "
            "l’Orientation / Exposition Entrez en Matières / Série documentaire "
            "- Comment faire ? / Paris Design Week : Exposition Design For a Wild "
            "World / Les De(ux)mains du Luxe\n"
            "Pour l'année 2023, le Campus poursuivra ces actions et une feuille de "
            "route riche est fixée pour ce nouveau périmètre de fonctionnement."
        ),
        "interns": 3,
        "interns_min_months": 2,
        "calculation_detail": (
            "Dans la convention cadre qui associe les membres fondateurs de ce "
            "campus, la Région Île-de-France s'est engagée à verser une subvention "
            "annuelle à ce campus à hauteur de 100000 euros avec un taux "
            "d'intervention de 50%. Cette subvention permet de couvrir une partie "
            "des dépenses de fonctionnement du campus. Les autres ressources peuvent "
            "provenir du rectorat, de fonds du Programme d'Investissement d'Avenir "
            "(FRANCE 2030), d'autres recettes collectées auprès d'acteurs "
            "économiques ou de droits d'inscription par exemple. L'établissement "
            "porteur du campus ou les autres partenaires peuvent aussi mettre à "
            "disposition du temps homme qui peut être valorisé."
        ),
        "location": "REGION ILE DE FRANCE",
        "particular_contract": "Hors CPRD",
        "cper": "Hors CPER/Hors CPER",
        "reference_year": 2023,
        "vat_recovered": False,
        "expenses": [
            {"label": "dépenses de fonctionnement du campus", "amount": Decimal("200000.00")}
        ],
        "revenues": [
            {"label": "subvention RIDF 2023", "amount": Decimal("100000.00"), "region": True},
            {
                "label": "autres ressources du campus",
                "amount": Decimal("100000.00"),
                "region": False,
            },
        ],
    },
    # ------------ 3/9 Sûreté, sécurité, cyber et services associés (lignes 2787-2899)
    {
        "number": "23004173",
        "campus": "securite",
        "title": 'Campus des métiers et des qualifications "Sécurité" - Budget 2023',
        "beneficiary": "cy",
        "beneficiary_name": "CY CERGY PARIS UNIVERSITE",
        "beneficiary_address": "33 BD DU PORT\n95011 CERGY",
        "beneficiary_legal_status": (
            "Etablissement Public National à Caractère Scientifique, Culturel et Professionnel"
        ),
        "beneficiary_representative": "Monsieur Laurent GATINEAU, Président",
        "budget_line": "932-288-657381-128003-100",
        "base_label": "Subvention aux campus des métiers et des qualifications",
        "eligible_base": Decimal("100000.00"),
        "base_tax": "TTC",
        "rate": Decimal("50.00"),
        "max_amount": Decimal("50000.00"),
        "amount": Decimal("50000.00"),
        "extended_cap": False,
        "extended_cap_justification": "",
        "planned_start": date(2023, 1, 1),
        "planned_end": date(2025, 12, 31),
        "early_start": True,
        "early_start_reason": "Le projet du campus se déploie sur l'ensemble de l'année civile",
        "description": (
            "Labélisé début 2021, le campus a déployé ses actions dès la rentrée "
            "2021 avec une forte expansion 2022. Le campus s'articule autour des 4 "
            "axes :\n"
            "- sécurité numérique (Sécurité des Données, Sécurité des Systèmes "
            "d’Information, RGPD, Cybersécurité)\n"
            "- sûreté sécurité (Sécurité des biens et des personnes, Habitations, "
            "Batiments, Quartiers)\n"
            "- santé sécurité au travail (Travail en hauteur, Porter des charges "
            "lourdes, L’individu dans la société (observatoire))\n"
            "- risques pandémiques et grands événements (Catastrophes naturelles, "
            "Covid, Coupe du monde de rugby 2023, JOP 2024).\n"
            "Il déploie ses objectifs autour de :\n"
            "- l'orientation et de l'information (Rencontres écoles-entreprises, "
            "Conférences métiers, Forums entreprises)\n"
            "- la création et de l'adaptation des formations (Formations innovantes "
            "- Trans-niveaux, Trans-filières, Hybridation,Bac+1 ; Vision stratégique "
            "- Incubation de formations, Evolution de l’appareil de formation)\n"
            "- l'expérimentation comme modalité de formation (Tiers Lieux : Espaces "
            "de Réalité Virtuelle, Espaces IoT, Espaces Cybersécurité, Espaces "
            "immersifs, Chemin de ronde, Fab Lab, Incubateur et Ouverture sociale et "
            "internationale : Vacances apprenantes, Summer schools).\n"
            "Avec les élèves et leurs familles, les entreprises, le grand public, au "
            "sein d'un écosystème institutionnel, le campus travaille à augmenter "
            "l'employabilité des jeunes et à former au plus près des besoins des "
            "entreprises. Avec l'obtention de différents financements par le "
            "programme d'investissements d'avenir (FRANCE 2030), le campus dispose "
            "d'une feuille de route riche en actions à mettre en oeuvre."
        ),
        "interns": 2,
        "interns_min_months": 2,
        "calculation_detail": (
            "Dans la convention cadre qui associe les membres fondateurs de ce "
            "campus, la Région Île-de-France s'est engagée à verser une subvention "
            "annuelle à ce campus à hauteur de 50000 euros avec un taux "
            "d'intervention de 50%. Cette subvention permet de couvrir une partie "
            "des dépenses de fonctionnement du campus. Les autres ressources peuvent "
            "provenir du rectorat, de fonds du Programme d'Investissement d'Avenir "
            "(FRANCE 2030), d'autres recettes collectées auprès d'acteurs "
            "économiques ou de droits d'inscription par exemple. L'université "
            "porteuse du campus peut aussi mettre à disposition du temps homme qui "
            "peut être valorisé."
        ),
        "location": "REGION ILE DE FRANCE",
        "particular_contract": "Hors CPRD",
        "cper": "Hors CPER/Hors CPER",
        "reference_year": 2023,
        "vat_recovered": False,
        "expenses": [
            {"label": "dépenses de fonctionnement du campus", "amount": Decimal("100000.00")}
        ],
        "revenues": [
            {"label": "subvention 2023 RIDF", "amount": Decimal("50000.00"), "region": True},
            {
                "label": "autres ressources du campus",
                "amount": Decimal("50000.00"),
                "region": False,
            },
        ],
    },
    # ------------ 4/9 Transition numérique et écologique de la construction (lignes 2902-3021)
    {
        "number": "23004175",
        "campus": "tnec",
        "title": (
            'Campus des métiers et des qualifications "Transition numerique et '
            'ecologique de la construction" - Budget 2023'
        ),
        "beneficiary": "upec",
        "beneficiary_name": "UPEC UNIVERSITE PARIS EST CRETEIL VAL DE MARNE",
        "beneficiary_address": "61 AVENUE DU GENERAL DE GAULLE\n94000 CRETEIL",
        "beneficiary_legal_status": (
            "Etablissement Public National à Caractère Scientifique, Culturel et Professionnel"
        ),
        "beneficiary_representative": "Monsieur JEAN-LUC DUBOIS RAND, Président",
        "budget_line": "932-288-657381-128003-100",
        "base_label": "Subvention aux campus des métiers et des qualifications",
        "eligible_base": Decimal("100000.00"),
        "base_tax": "TTC",
        "rate": Decimal("50.00"),
        "max_amount": Decimal("50000.00"),
        "amount": Decimal("50000.00"),
        "extended_cap": False,
        "extended_cap_justification": "",
        "planned_start": date(2023, 1, 1),
        "planned_end": date(2025, 12, 31),
        "early_start": True,
        "early_start_reason": "Le projet du campus se déploie sur la totalité de l'année civile.",
        "description": (
            "Les actions mises en œuvre en 2022 concernent essentiellement le "
            "marketing du campus et de la filière dans une logique d’attractivité "
            "des métiers. La filière et les entreprises souffrent de difficultés de "
            "recrutement importantes. Les métiers en tension sont très nombreux et "
            "le taux d’abandon d’études en formation initiale est plus de deux fois "
            "supérieur à la moyenne (27% contre 13%). La transition numérique et "
            "écologique devient de plus en plus une réalité pour les entreprises (RE "
            "2020, BIM…). Ces difficultés existaient bien avant la crise sanitaire. "
            "La question RH (orientation, formation, recrutement, fidélisation, "
            "transition professionnelle…), pour plusieurs secteurs d’activités "
            "notamment le bâtiment, devient un des éléments centraux de l’économie. "
            "Les entreprises ne peuvent pas fonctionner sans ressources humaines "
            "adaptées et le mode dégradé ne peut pas constituer la règle dans la "
            "durée.\n"
            "Plusieurs actions de communication, d’animation et de partenariat ont "
            "été mises en œuvres en 2022 et seront poursuivies et amplifiées en 2023 "
            "(site internet, visites virtuelles, réseaux sociaux, hackathon, "
            "séminaire école entreprises…). Il est également prévu des actions de "
            "formation dans le cadre du programme ECN PIA.\n"
            "L'année 2023 permet de prévoir la poursuite d'un certain nombre "
            "d'actions :\n"
            "o Continuer la mise en place des outils de communication\n"
            "• Site internet\n"
            "• Visites virtuelles des établissements\n"
            "• Réseaux sociaux et newsletter\n"
            "o Poursuivre la mise en œuvre d’animations\n"
            "• Hackathon / concours\n"
            "• Séminaire école / entreprises\n"
            "• Worldskills\n"
            "• Cordées de la réussite\n"
            "• 2ème rendez-vous des métiers de la construction…."
        ),
        "interns": 2,
        "interns_min_months": 2,
        "calculation_detail": (
            "Dans la convention cadre qui associe les membres fondateurs de ce "
            "campus, la Région Île-de-France s'est engagée à verser une subvention "
            "annuelle à ce campus à hauteur de 50000 euros avec un taux "
            "d'intervention de 50%. Cette subvention permet de couvrir une partie "
            "des dépenses de fonctionnement du campus. Les autres ressources peuvent "
            "provenir du rectorat, de fonds du Programme d'Investissement d'Avenir "
            "(FRANCE 2030), d'autres recettes collectées auprès d'acteurs "
            "économiques ou de droits d'inscription par exemple. L'université "
            "porteuse du campus peut aussi mettre à disposition du temps homme qui "
            "peut être valorisé."
        ),
        "location": "REGION ILE DE FRANCE",
        "particular_contract": "Hors CPRD",
        "cper": "Hors CPER/Hors CPER",
        "reference_year": 2023,
        "vat_recovered": False,
        "expenses": [
            {"label": "dépenses de fonctionnement du campus", "amount": Decimal("100000.00")}
        ],
        "revenues": [
            {"label": "subvention RIDF 2023", "amount": Decimal("50000.00"), "region": True},
            {
                "label": "autres ressources du campus",
                "amount": Decimal("50000.00"),
                "region": False,
            },
        ],
    },
    # ------------ 5/9 Santé, autonomie, bien-vieillir (lignes 3024-3130)
    {
        "number": "23004176",
        "campus": "sante",
        "title": (
            'campus des métiers et des qualifications "santé autonomie bien-vieillir" - Budget 2023'
        ),
        "beneficiary": "upec",
        "beneficiary_name": "UPEC UNIVERSITE PARIS EST CRETEIL VAL DE MARNE",
        "beneficiary_address": "61 AVENUE DU GENERAL DE GAULLE\n94000 CRETEIL",
        "beneficiary_legal_status": (
            "Etablissement Public National à Caractère Scientifique, Culturel et Professionnel"
        ),
        "beneficiary_representative": "Monsieur JEAN-LUC DUBOIS RAND, Président",
        "budget_line": "932-288-657381-128003-100",
        "base_label": "Subvention aux campus des métiers et des qualifications",
        "eligible_base": Decimal("100000.00"),
        "base_tax": "TTC",
        "rate": Decimal("50.00"),
        "max_amount": Decimal("50000.00"),
        "amount": Decimal("50000.00"),
        "extended_cap": False,
        "extended_cap_justification": "",
        "planned_start": date(2023, 1, 1),
        "planned_end": date(2025, 12, 31),
        "early_start": True,
        "early_start_reason": "Le projet du campus se déploie sur la totalité de l'année civile.",
        "description": (
            "Le Campus Santé, autonomie, bien vieillir labélisé en 2021 couvre 4 "
            "grands domaines d’activité :\n"
            "— Les structures d’hospitalisation, de soin et d’hébergement pour "
            "personnes âgées dépendantes,\n"
            "— Les services de santé, de soin et d’aide à la vie quotidienne à "
            "domicile,\n"
            "— Le développement de la prévention et la prévoyance de la perte "
            "d’autonomie,\n"
            "— La recherche et développement en ingénierie et recherche médicale.\n"
            "Les ambitions du Campus :\n"
            "¿ - Fédérer tous les acteurs au service de l’attractivité des métiers "
            "et des formations.\n"
            "¿- Rénover les formations et accompagner l’émergence de nouveaux "
            "métiers dans la filière.\n"
            "¿ - Innover dans la professionnalisation en favorisant la "
            "pluridisciplinarité pour une meilleure insertion.\n"
            "¿- Soutenir le développement d’innovations et d’expérimentations "
            "croisées.\n"
            "¿ Développer un campus inclusif, attractif et visible.\n"
            "Après une période de structuration, les actions du campus débutent leur "
            "déploiement avec les partenaires économique, territoriaux et de "
            "formation sur les 3 axes des campus : formation, orientation et "
            "insertion."
        ),
        "interns": 2,
        "interns_min_months": 2,
        "calculation_detail": (
            "Dans la convention cadre qui associe les membres fondateurs de ce "
            "campus, la Région Île-de-France s'est engagée à verser une subvention "
            "annuelle à ce campus à hauteur de 50000 euros avec un taux "
            "d'intervention de 50%. Cette subvention permet de couvrir une partie "
            "des dépenses de fonctionnement du campus. Les autres ressources peuvent "
            "provenir du rectorat, de fonds du Programme d'Investissement d'Avenir "
            "(FRANCE 2030), d'autres recettes collectées auprès d'acteurs "
            "économiques ou de droits d'inscription par exemple. L'université "
            "porteuse du campus peut aussi mettre à disposition du temps homme qui "
            "peut être valorisé."
        ),
        "location": "REGION ILE DE FRANCE",
        "particular_contract": "Hors CPRD",
        "cper": "Hors CPER/Hors CPER",
        "reference_year": 2023,
        "vat_recovered": False,
        "expenses": [
            {"label": "dépenses de fonctionnement du campus", "amount": Decimal("100000.00")}
        ],
        "revenues": [
            {"label": "subvention RIDF 2023", "amount": Decimal("50000.00"), "region": True},
            {
                "label": "autres ressources du campus",
                "amount": Decimal("50000.00"),
                "region": False,
            },
        ],
    },
    # ------------ 6/9 Énergie durable (lignes 3133-3247)
    {
        "number": "23004177",
        "campus": "energie",
        "title": 'Campus des metiers et des qualifications "Energie durable" - Budget 2023',
        "beneficiary": "paris_saclay",
        "beneficiary_name": "UNIVERSITE PARIS SACLAY",
        "beneficiary_address": "3 RUE JOLIOT CURIE\n91190 GIF SUR YVETTE",
        "beneficiary_legal_status": (
            "Etablissement Public National à Caractère Scientifique, Culturel et Professionnel"
        ),
        "beneficiary_representative": "Madame ESTELLE IACONA, Présidente",
        "budget_line": "932-288-657381-128003-100",
        "base_label": "Subvention aux campus des métiers et des qualifications",
        "eligible_base": Decimal("100000.00"),
        "base_tax": "TTC",
        "rate": Decimal("50.00"),
        "max_amount": Decimal("50000.00"),
        "amount": Decimal("50000.00"),
        "extended_cap": False,
        "extended_cap_justification": "",
        "planned_start": date(2023, 1, 1),
        "planned_end": date(2025, 12, 31),
        "early_start": True,
        "early_start_reason": "Le projet du campus se déploie sur l'ensemble de l'année civile.",
        "description": (
            "La RIDF est un partenaire actif du projet de création d’un campus des "
            "métiers et des qualifications « Energie durable ». Ce projet est né de "
            "la volonté de collaborer sur ce thème d’un ensemble d’acteurs : RIDF, "
            "Education nationale, Université Paris Saclay, Mairie de Montereau Font "
            "Yonne et EDF.\n"
            "Pour la constitution et dans l’objectif de labélisation catégorie "
            "excellence de ce campus une stratégie spécifique a été mise en place en "
            "différentes phases. L’idée est de faire avancer les différents axes "
            "« Energie » qui seront rassemblés sous le projet de Campus :\n"
            "• 1ere phase avec le projet NexIF (dépôt BPI, plan de relance été "
            "2021) : EDF, Lycée de Montereau Font Yonne, Education nationale (budget "
            "obtenu, projet en cours de réalisation) sur l’axe nucléaire. Le lycée "
            "et la Ville de Montereau sont ainsi au cœur de cet axe nucléaire ;\n"
            "• 2eme phase : demande de financement PIA/France 2030 à l’appel CMA "
            "(Compétences et Métiers d’Avenir, vague du 28 octobre) : HTASE, avec "
            "une thématique batteries et hydrogène. Le projet est en attente des "
            "résultats de financements. Au sein de ce projet la RIDF porte "
            "l’équipement des lycées pour un montant de 900 keuros demandés (1ère "
            "participation du pôle lycée à ces financements PIA).\n"
            "• 3ème phase : préfiguration d’un campus des métiers et des "
            "qualifications réunissant l’ensemble de ces thématiques et élargissant "
            "le réseau d’acteur déjà constitué pour travailler une demande de label "
            "en 2023 (vote de la convention de préfiguration en CP de novembre "
            "2022). Il est visé un dépôt de labélisation en novembre 2023.\n"
            "Un directeur opérationnel de préfiguration est en cours de recrutement "
            "afin de mener à bien la rédaction du dossier de labélisation pour la "
            "rentrée 2023."
        ),
        "interns": 2,
        "interns_min_months": 2,
        "calculation_detail": (
            "Dans la convention cadre qui associe les membres fondateurs de ce "
            "campus, la Région Île-de-France s'est engagée à verser une subvention "
            "annuelle à ce campus à hauteur de 50000 euros avec un taux "
            "d'intervention de 50%. Cette subvention permet de couvrir une partie "
            "des dépenses de fonctionnement du campus. Les autres ressources peuvent "
            "provenir du rectorat, de fonds du Programme d'Investissement d'Avenir "
            "(FRANCE 2030), d'autres recettes collectées auprès d'acteurs "
            "économiques ou de droits d'inscription par exemple. L'université "
            "porteuse du campus peut aussi mettre à disposition du temps homme qui "
            "peut être valorisé."
        ),
        "location": "REGION ILE DE FRANCE",
        "particular_contract": "Hors CPRD",
        "cper": "Hors CPER/Hors CPER",
        "reference_year": 2023,
        "vat_recovered": False,
        "expenses": [
            {"label": "dépenses de fonctionnement du campus", "amount": Decimal("100000.00")}
        ],
        "revenues": [
            {"label": "subvention RIDF 2023", "amount": Decimal("50000.00"), "region": True},
            {
                "label": "autres ressources du campus",
                "amount": Decimal("50000.00"),
                "region": False,
            },
        ],
    },
    # ------------ 7/9 Industrie circulaire de la mobilité (lignes 3250-3396)
    {
        "number": "23004178",
        "campus": "icm",
        "title": (
            'Campus des métiers et des qualifications "Industrie circulaire de la '
            'mobilité" - Budget 2023'
        ),
        "beneficiary": "uvsq",
        "beneficiary_name": "UNIVERSITE DE VERSAILLES SAINT-QUENTIN-EN-YVELINES",
        "beneficiary_address": "55 AV DE PARIS\n78035 VERSAILLES",
        "beneficiary_legal_status": (
            "Etablissement Public National à Caractère Scientifique, Culturel et Professionnel"
        ),
        "beneficiary_representative": "Monsieur Alain BUI, Président",
        "budget_line": "932-288-657381-128003-100",
        "base_label": "Subvention aux campus des métiers et des qualifications",
        "eligible_base": Decimal("100000.00"),
        "base_tax": "TTC",
        "rate": Decimal("50.00"),
        "max_amount": Decimal("50000.00"),
        "amount": Decimal("50000.00"),
        "extended_cap": False,
        "extended_cap_justification": "",
        "planned_start": date(2023, 1, 1),
        "planned_end": date(2025, 12, 31),
        "early_start": True,
        "early_start_reason": "Le projet du campus se déploie sur l'ensemble de l'année civile.",
        "description": (
            "Le Campus « industrie circulaire de la mobilité vient d’être "
            "sélectionné fin 2022 par le jury national pour obtenir un label "
            "d’excellence pour une durée de 5 ans.\n"
            "Ce campus correspond à une évolution nécessaire de l’ancien campus "
            "« conception et construction automobile » et est toujours porté par "
            "l’Université de Versailles Saint Quentin en Yvelines mais sera incarné "
            "cette fois dans les locaux de Renault Flins.\n"
            "La transition d’une économie linéaire à une économie circulaire "
            "s’impose à la filière automobile au regard des enjeux environnementaux, "
            "des politiques publiques et des dernières législations européennes.\n"
            "L’impact sur l’industrie de l’un des secteurs privés le plus fortement "
            "employeur (près de 2 millions d’emplois) est majeur.\n"
            "Consciente de cette mutation, la France place clairement dans son plan "
            "France 2030 la décarbonation de l’industrie et le recyclage au coeur de "
            "sa stratégie de développement durable et responsable.\n"
            "Le Campus des Métiers et des Qualifications Industrie Circulaire de la "
            "Mobilité par son ancrage territorial, au coeur d’un site industriel en "
            "transformation, entend accompagner la transition de la filière "
            "automobile en intégrant dans la nouvelle chaine de valeur du véhicule :\n"
            "• les métiers de l’amont (conception du produit) doivent intégrer les "
            "fondamentaux du recyclage et de la valorisation de fin de vie;\n"
            "• les métiers de l’aval doivent se développer, une grande partie est à "
            "construire.\n"
            "L’objectif du campus est de former au sein d’un réseau formatif ouvert "
            "à tous, d’ici à 2027, plus de 8000 personnes : élèves et étudiants, "
            "enseignants, professionnels du secteur privé, chercheurs et personnes "
            "en marge des systèmes de formation. Le lieu totem sur 10 000m², sera "
            "doté d’ateliers pédagogiques à vocation industrielle et de lieux de "
            "formation en réalité virtuelle.\n"
            "La structure de l’offre de formation a été construite dans un modèle "
            "partenarial inédit dans la diversité des acteurs privés et publics "
            "réunis pour dégager les thèmes essentiels à la préparation des métiers "
            "de demain : la prolongation de vie des produits, la gestion de "
            "l’énergie, le recyclage et la valorisation. 2 axes clés sont développés "
            "dans le dossier :\n"
            "• des formations socles en économie circulaire pour acquérir les bases "
            "de la circularité;\n"
            "• des formations métiers, dont beaucoup seront destinées aux métiers "
            "techniques et manuels (diagnostic, réparation, "
            "démontage/démantèlement).\n"
            "Au-delà du site de Flins, les actions de formation seront "
            "territorialisées pour assurer une diffusion via :\n"
            "• un réseau d’établissements scolaires et supérieurs pilotes, qui "
            "permettra de former les élèves, étudiants et enseignants;\n"
            "• un réseau d’entreprises locales, en particulier des PME, qui ont "
            "particulièrement besoin d’être accompagnées dans cette transition.\n"
            "Ce campus aura également un rôle et une responsabilité importants en "
            "matière d’orientation professionnelle. Il sera, pour les jeunes publics "
            "comme pour les professionnels en reconversion, une référence pour "
            "découvrir les nouveaux métiers liés à la circularité, et pour "
            "construire leurs parcours individuels.\n"
            "Le campus propose déjà plusieurs actions de formation (ex : "
            "fondamentaux de l’industrie circulaire), plus de 300 personnes, "
            "lycéens, étudiants, enseignants, apprenants FC, prescripteurs, "
            "institutionnels locaux, ont déjà pu en bénéficier.\n"
            "Le CMQ est intégré dans un projet de transformation de l’usine de "
            "Renault, appelé la ReFactory ; une usine dédiée à l’économie circulaire "
            "de la mobilité."
        ),
        "interns": 2,
        "interns_min_months": 2,
        "calculation_detail": (
            "Dans la convention cadre qui associe les membres fondateurs de ce "
            "campus, la Région Île-de-France s'est engagée à verser une subvention "
            "annuelle à ce campus à hauteur de 50000 euros avec un taux "
            "d'intervention de 50%. Cette subvention permet de couvrir une partie "
            "des dépenses de fonctionnement du campus. Les autres ressources peuvent "
            "provenir des rectorats, de fonds du Programme d'Investissement d'Avenir "
            "(FRANCE 2030), d'autres recettes collectées auprès d'acteurs "
            "économiques ou de droits d'inscription par exemple. L'université "
            "porteuse du campus peut aussi mettre à disposition du temps homme qui "
            "peut être valorisé."
        ),
        "location": "REGION ILE DE FRANCE",
        "particular_contract": "Hors CPRD",
        "cper": "Hors CPER/Hors CPER",
        "reference_year": 2023,
        "vat_recovered": False,
        "expenses": [
            {"label": "dépenses de fonctionnement du campus", "amount": Decimal("100000.00")}
        ],
        "revenues": [
            {"label": "subvention RIDF 2023", "amount": Decimal("50000.00"), "region": True},
            {
                "label": "autres ressources du campus",
                "amount": Decimal("50000.00"),
                "region": False,
            },
        ],
    },
    # ------------ 8/9 Intelligence artificielle (lignes 3399-3507)
    {
        "number": "23004936",
        "campus": "ia",
        "title": (
            'Campus des métiers et des qualifications "intelligence artificielle" - budget 2023'
        ),
        "beneficiary": "sorbonne",
        "beneficiary_name": "SORBONNE UNIVERSITE",
        "beneficiary_address": "21 RUE DE L ECOLE DE MEDECINE\n75006 PARIS 6E ARRONDISSEMENT",
        "beneficiary_legal_status": (
            "Etablissement Public National à Caractère Scientifique, Culturel et Professionnel"
        ),
        "beneficiary_representative": "Monsieur Jean CHAMBAZ, Président",
        "budget_line": "932-288-657381-128003-100",
        "base_label": "Subvention aux campus des métiers et des qualifications",
        "eligible_base": Decimal("100000.00"),
        "base_tax": "TTC",
        "rate": Decimal("50.00"),
        "max_amount": Decimal("50000.00"),
        "amount": Decimal("50000.00"),
        "extended_cap": False,
        "extended_cap_justification": "",
        "planned_start": date(2023, 1, 1),
        "planned_end": date(2025, 12, 31),
        "early_start": True,
        "early_start_reason": "Le projet du campus se déploie sur l'ensemble de l'année civile",
        "description": (
            "Le campus de l'intelligence artificielle est en phase de préfiguration; "
            "Il rassemble dans ses membres fondateurs Sorbonne Université, le Lycée "
            "Paul Valery de Paris, la Région Académique et la Région Île-de-France. "
            "Avec le recrutement d'un directeur opérationnel début 2023, le dossier "
            "de demande de label sera déposé pour l'automne 2023.\n"
            "Des premières actions se mettent en place avec notamment l'organisation "
            "d'une école d'été en intelligence artificielle réservée aux lycéennnes "
            "de la Région :\n"
            "Du 3 au 7 juillet :\n"
            "Jour 1 : Découverte de l’intelligence Artificielle : histoire, grandes "
            "avancées technologiques, principales applications déjà utilisées et à "
            "venir. Escape Game de sensibilisation à l’IA\n"
            "Jour 2 : Les apports de l’IA dans nos grands enjeux sociétaux et "
            "notamment le climat, la santé, l’énergie.\n"
            "Jour 3 : Les enjeux économiques et géopolitique de l’IA le matin sur "
            "une demi-journée. Éthique et réglementation de l’IA l’autre "
            "demi-journée.\n"
            "Jour 4 : L’IA dans la société, dans notre quotidien, dans l’art et la "
            "création. Jouons avec l’IA !\n"
            "Jour 5 : Dernière journée sera consacrée aux carrières dans le secteur "
            "de l’intelligence artificielle et aux études nécessaires pour y "
            "parvenir. Nous clôturerons la semaine par une visite de laboratoire en "
            "lien avec l’IA\n"
            "La semaine sera jalonnée par des séances de travail en équipe pour la "
            "réalisation d’un projet d’IA."
        ),
        "interns": 2,
        "interns_min_months": 2,
        "calculation_detail": (
            "Dans la convention cadre qui associe les membres fondateurs de ce "
            "campus, la Région Île-de-France s'est engagée à verser une subvention "
            "annuelle à ce campus à hauteur de 50000 euros avec un taux "
            "d'intervention de 50%. Cette subvention permet de couvrir une partie "
            "des dépenses de fonctionnement du campus. Les autres ressources peuvent "
            "provenir du rectorat, de fonds du Programme d'Investissement d'Avenir "
            "(FRANCE 2030), d'autres recettes collectées auprès d'acteurs "
            "économiques ou de droits d'inscription par exemple. L'université "
            "porteuse du campus peut aussi mettre à disposition du temps homme qui "
            "peut être valorisé."
        ),
        "location": "REGION ILE DE FRANCE",
        "particular_contract": "Hors CPRD",
        "cper": "Hors CPER/Hors CPER",
        "reference_year": 2023,
        "vat_recovered": False,
        "expenses": [
            {"label": "dépenses de fonctionnement du campus", "amount": Decimal("100000.00")}
        ],
        "revenues": [
            {"label": "subvention RIDF 2023", "amount": Decimal("50000.00"), "region": True},
            {
                "label": "autres ressources du campus",
                "amount": Decimal("50000.00"),
                "region": False,
            },
        ],
    },
    # ------------ 9/9 Industrie du futur (lignes 3510-3622)
    {
        "number": "23005231",
        "campus": "if",
        "title": 'Campus des métiers et des qualifications "industrie du futur" - budget 2023',
        "beneficiary": "ueve",
        "beneficiary_name": "UNIVERSITE D'EVRY VAL-D'ESSONNE",
        "beneficiary_address": "23 BD DE FRANCE\n91000 EVRY COURCOURONNES",
        "beneficiary_legal_status": (
            "Etablissement Public National à Caractère Scientifique, Culturel et Professionnel"
        ),
        "beneficiary_representative": (
            "Monsieur BLAISE HANCZAR, CONTACT (sans fonction particulière)"
        ),
        "budget_line": "932-288-657381-128003-100",
        "base_label": "Subvention aux campus des métiers et des qualifications",
        "eligible_base": Decimal("100000.00"),
        "base_tax": "TTC",
        "rate": Decimal("50.00"),
        "max_amount": Decimal("50000.00"),
        "amount": Decimal("50000.00"),
        "extended_cap": False,
        "extended_cap_justification": "",
        "planned_start": date(2023, 1, 1),
        "planned_end": date(2025, 12, 31),
        "early_start": True,
        "early_start_reason": (
            "Le projet de développement du campus se déroule sur la totalité de l'année civile"
        ),
        "description": (
            "Après un premier label (2018-2022), le campus est aujourd'hui dans une "
            "phase de maturité, de déploiement, et d'extension sur la totalité de la "
            "région Île-de-France. Construit comme une synergie d’acteurs de la "
            "formation, de la recherche et du monde économique, il est porté par "
            "l’université d’Evry Val d’Essonne, implanté sur un territoire "
            "d’industrie, et bénéficie d’un écosystème favorable adapté au "
            "développement des entreprises, avec en particulier des établissements "
            "d’enseignement supérieur d’excellence partenaires.\n"
            "Le projet porté par le campus depuis 2020, lauréat du Programme "
            "Investissement d’Avenir pour 3,2 millions d’euros sur 10 ans, est "
            "fortement orienté sur la réponse à la transformation numérique de "
            "l'industrie du secteur aéronautique et spatial. La transformation "
            "numérique de l’industrie provoque, en sus, une évolution de ces "
            "métiers : ajout de nouvelles compétences sans réduire les fondamentaux.\n"
            "Les besoins du secteur aéronautique et spatial reposent donc sur des "
            "formations, des métiers et des compétences qui sont complètement "
            "similaires aux besoins des autres industries. L’ensemble des secteurs "
            "industriels est en évolution et est confronté à des problématiques "
            "identiques de difficulté de recrutement.\n"
            "Le campus va donc soumettre une demande de labélisation pour une "
            "seconde période avec un périmètre « industrie du futur ». De par sa "
            "dynamique de déploiement, une demande de labélisation excellence est en "
            "cours."
        ),
        "interns": 2,
        "interns_min_months": 2,
        "calculation_detail": (
            "Dans la convention cadre qui associe les membres fondateurs de ce "
            "campus, la Région Île-de-France s'est engagée à verser une subvention "
            "annuelle à ce campus à hauteur de 50000 euros avec un taux "
            "d'intervention de 50%. Cette subvention permet de couvrir une partie "
            "des dépenses de fonctionnement du campus. Les autres ressources peuvent "
            "provenir du rectorat, de fonds du Programme d'Investissement d'Avenir "
            "(FRANCE 2030), d'autres recettes collectées auprès d'acteurs "
            "économiques ou de droits d'inscription par exemple. L'université "
            "porteuse du campus peut aussi mettre à disposition du temps homme qui "
            "peut être valorisé."
        ),
        "location": "REGION ILE DE FRANCE",
        "particular_contract": "Hors CPRD",
        "cper": "Hors CPER/Hors CPER",
        "reference_year": 2023,
        "vat_recovered": False,
        "expenses": [
            {"label": "dépenses de fonctionnement du campus", "amount": Decimal("100000.00")}
        ],
        "revenues": [
            {"label": "Subvention Région 2023", "amount": Decimal("50000.00"), "region": True},
            {
                "label": "Autres ressources du campus",
                "amount": Decimal("50000.00"),
                "region": False,
            },
        ],
    },
]

# Deliberations the subsidies need that conventions/demo_data.py does not load
# (numbers and dates from annexe 11; titles as the « VU » of CP 2023-263 writes them).
DELIBERATIONS = [
    {
        "number": "CP 2021-135",
        "body": "CP",
        "date": date(2021, 4, 1),
        "title": (
            "plan d’urgence pour les lycéens franciliens : des lycées neufs et rénovés pour "
            "tous d’ici 2027 – 5ème année de mise en œuvre – 2ème rapport"
        ),
    },
    {
        "number": "CP 2022-117",
        "body": "CP",
        "date": date(2022, 3, 23),
        "title": (
            "plan d’urgence pour les lycées franciliens : des lycées neufs et rénovés pour "
            "tous d’ici 2027 – 6ème année de mise en œuvre – 2ème rapport"
        ),
    },
]

# The 2021 and 2022 grants to Campus Versailles, voted to CY and moved by annexe 11.
# Only « paid_to_initial_beneficiary » (40 000) and « remainder » (10 000) are in the
# seed; number None = unknown; amount, rate, base, budget line, title inferred
# (ASSUMPTIONS).
VERSAILLES_HISTORICAL_DOSSIERS = [
    {
        "number": None,
        "deliberation": "CP 2021-135",
        "reference_year": 2021,
        "campus": "versailles",
        "beneficiary": "cy",
        "title": 'Campus des métiers et des qualifications "Versailles" budget 2021',
        "amount": Decimal("50000.00"),
        "rate": Decimal("50.00"),
        "eligible_base": Decimal("100000.00"),
        "base_tax": "TTC",
        "budget_line": "932-288-657381-128003-100",
        "paid_to_initial_beneficiary": Decimal("40000.00"),
        "remainder": Decimal("10000.00"),
        "payments": [
            {
                "kind": "advance",
                "amount": Decimal("40000.00"),
                "beneficiary": "cy",
                "paid_on": None,
                "reference": "",
            },
        ],
    },
    {
        "number": None,
        "deliberation": "CP 2022-117",
        "reference_year": 2022,
        "campus": "versailles",
        "beneficiary": "cy",
        "title": 'Campus des métiers et des qualifications "Versailles" budget 2022',
        "amount": Decimal("50000.00"),
        "rate": Decimal("50.00"),
        "eligible_base": Decimal("100000.00"),
        "base_tax": "TTC",
        "budget_line": "932-288-657381-128003-100",
        "paid_to_initial_beneficiary": Decimal("40000.00"),
        "remainder": Decimal("10000.00"),
        "payments": [
            {
                "kind": "advance",
                "amount": Decimal("40000.00"),
                "beneficiary": "cy",
                "paid_on": None,
                "reference": "",
            },
        ],
    },
]

# Annexe 11 of CP 2023-263 (article 6): avenant de transfert de financements régionaux.
# Articles keep the seed's numbering (1, 2, 3, 4, 6: there is no article 5).
TRANSFER = {
    "campus": "versailles",
    "title": "AVENANT DE TRANSFERT DE FINANCEMENTS REGIONAUX",
    "subtitle": (
        "Soutien aux réseaux labellisés « Campus des métiers et des "
        "qualifications »\n"
        "Campus des métiers et des qualifications « campus de Versailles »"
    ),
    "deliberation": "CP 2023-263",
    "annex": "11",
    "deliberation_article": "6",
    "deliberation_article_text": (
        "Décide de transférer, dans le cadre du dispositif « soutien aux réseaux "
        "labellisés campus des métiers et des qualifications », à l’association "
        "« Campus de Versailles » les subventions attribuées à l’Université "
        "Cergy Paris pour les années 2021 et 2022 en annexe 11 de la "
        "délibération."
    ),
    "region_mandate": "CP 2020-519 du 18 novembre 2020",
    "previous_beneficiary": "cy",
    "new_beneficiary": "campus_versailles",
    "region_party": {
        "name": "La Région Île-de-France",
        "address": "2, rue Simone Veil 93400 Saint-Ouen",
        "representative": "Madame Valérie PECRESSE, Présidente",
    },
    "previous_party": {
        "name": "Université Cergy Paris",
        "legal_status": (
            "Etablissement Public National à Caractère Scientifique, Culturel et Professionnel"
        ),
        "siret": "13002597600015",
        "address": "33 Bd du port, 95011 Cergy",
        "representative": "Laurent Gatineau, Président",
        "short_name": "CY",
    },
    "new_party": {
        "name": "Campus Versailles",
        "legal_status": "Association",
        "siret": "91358180700017",
        "address": "Grande Ecurie du Château de Versailles, Avenue Rockefeller, 78000 Versailles",
        "representative": "",
        "short_name": "l’Association",
    },
    "dossiers": ["CP 2021-135", "CP 2022-117"],
    "recitals": [
        (
            "Le règlement budgétaire et financier de la Région Ile-de-France, "
            "approuvé par la délibération n° CR 33-10 du 17 juin 2010 et prorogé par "
            "délibération n° CR 01-16 du 21 janvier 2016 applicable à tout versement "
            "de subvention par la Région y compris celle versée au titre de la "
            "présente convention,"
        ),
        (
            "Les termes de la délibération n° CR 2017-102 du 19 mai 2017 portant "
            "règlement d’intervention du dispositif « soutien aux réseaux labellisés "
            "campus des métiers et des qualifications »,"
        ),
        (
            "Les stipulations des conventions conformes à la convention-type pour le "
            "soutien aux réseaux labélisés campus des métiers et des qualifications "
            "signées entre la Région et CY dans le cadre de l’attribution de "
            "subventions votées par les délibérations n° CP 2021-135 du 1er avril "
            "2021 et n° CP 2022-117 du 23 mars 2022"
        ),
        (
            "La création d’une association « Campus de Versailles » afin de "
            "faciliter le développement des activités du Campus conduit à proposer "
            "comme nouvel porteur l’association « campus de Versailles », en "
            "remplacement de CY."
        ),
        (
            "Il s’avère donc nécessaire de transférer au nouvel établissement "
            "porteur les reliquats de subventions afin qu’il puisse poursuivre les "
            "actions engagées."
        ),
        (
            "Les parties s’entendent pour signer une convention de transfert pour "
            "acter du changement de bénéficiaire et pour autoriser le transfert des "
            "reliquats des subventions 2021 et 2022"
        ),
    ],
    "articles": [
        {
            "number": "1",
            "title": "OBJET DE L’AVENANT",
            "text": (
                "Le projet de Campus des métiers et des qualifications « Campus de "
                "Versailles » initialement porté par l’Université Cergy Paris (CY) est "
                "désormais porté par l’association « Campus de Versailles » qui s’engage "
                "à réaliser le projet dans les conditions fixées par les conventions "
                "conclues initialement entre la Région et CY. Le présent avenant a pour "
                "objet de modifier le bénéficiaire des subventions accordées par la "
                "Région dans les délibérations suivantes : n° CP 2021-135 du 1er avril "
                "2021 et n° CP 2022-117 du 23 mars 2022. La subvention est transférée à "
                "l’Association avec l’accord des trois partie la Région, CY et "
                "l’Association."
            ),
        },
        {
            "number": "2",
            "title": "ATTRIBUTION DES SOLDES DES SUBVENTIONS INITIALES AU NOUVEAU BENEFICIAIRE",
            "text": (
                "Subvention 2021\n"
                "Le bénéficiaire initial a obtenu le versement d’acomptes/avance d’un "
                "montant de 40 000 €.\n"
                "Sur la base du montant et du taux initial de la subvention demeurés "
                "inchangés et présentés dans la fiche projet jointe à la délibération n° "
                "CP 2021-135 du 1er avril 2021, le reliquat de la subvention à verser au "
                "nouveau bénéficiaire s’élève à 10 000 €.\n"
                "Subvention 2022\n"
                "Le bénéficiaire initial a obtenu le versement d’acomptes/avance d’un "
                "montant de 40 000 €.\n"
                "Sur la base du montant et du taux initial de la subvention demeurés "
                "inchangés et présentés dans la fiche projet jointe à la délibération n° "
                "CP 2022-117 du 23 mars 2022, le reliquat de la subvention à verser au "
                "nouveau bénéficiaire s’élève à 10 000 €."
            ),
        },
        {
            "number": "3",
            "title": "SUBSTITUTION DU NOUVEAU BENEFICIAIRE AU BENEFICIAIRE INITIAL",
            "text": (
                "Dans tous les articles de la convention, le terme « bénéficiaire » "
                "désigne l’association."
            ),
        },
        {
            "number": "4",
            "title": "TRANSFERT DES OBLIGATIONS DE LA CONVENTION AU NOUVEAU BENEFICIAIRE",
            "text": (
                "Toutes les autres dispositions des conventions et éventuels avenants "
                "suscités demeurent inchangés et s’appliquent à l’Association qui "
                "s’engage à réaliser le projet cité à l’article 1er du présent avenant "
                "dont la nature reste inchangée."
            ),
        },
        {
            "number": "6",
            "title": "DATE D’EFFET DE L’AVENANT",
            "text": (
                "Le présent avenant prendra effet à la date de signature par la dernière "
                "des parties contractantes."
            ),
        },
    ],
    "signed_at": None,
    "signed_on": None,
    "signatories": {
        "region": "Valérie PECRESSE, Présidente de la Région Ile-de-France",
        "previous": "Laurent GATINEAU, Président de CY",
        "new": "",
    },
}

# Oddities and inconsistencies of the seed (kept as printed in the data).
SOURCE_NOTES = [
    (
        "Délibération cadre : les neuf fiches projet impriment « CR2017-102 du "
        "18/05/2017 modifiée », alors que l'article 7 de la délibération (« CR "
        "n°2017-102 du 19 mai 2017 ») et les visas de l'avenant de transfert "
        "(« n° CR 2017-102 du 19 mai 2017 ») la datent du 19 mai 2017. PROGRAMME "
        "garde la mention des fiches dans framework_mention ; la date retenue "
        "est le 19/05/2017 (DOMAIN.md)."
    ),
    (
        "Avenant de transfert (annexe 11) : les articles sautent de l'ARTICLE 4 "
        "à l'ARTICLE 6 (pas d'article 5) ; la numérotation du texte est gardée "
        "(articles 1, 2, 3, 4, 6)."
    ),
    (
        "Avenant de transfert : le représentant de l'association est vide "
        "(« ayant pour représentant : ») et son bloc de signature est un gabarit "
        "non rempli (« Xxxxx xxxxx / Président de L’Association « Campus de "
        "Versailles » ») : signatories['new'] est vide. Le lieu et la date ne "
        "sont pas remplis (« Fait à …………………………, le ……………. ») : signed_at et "
        "signed_on sont None."
    ),
    (
        "Avenant de transfert : il ne donne ni le numéro des dossiers 2021 et "
        "2022, ni leur montant, ni leur taux, ni leur base (« sur la base du "
        "montant et du taux initial … présentés dans la fiche projet jointe à la "
        "délibération »), seulement les acomptes/avance déjà versés (40 000 € "
        "chacun) et le reliquat (10 000 € chacun)."
    ),
    (
        "Avenant de transfert : coquilles et maladresses gardées telles quelles "
        "(« l’accord des trois partie », « comme nouvel porteur », troisième "
        "visa sans virgule finale, dernier visa sans point). L'en-tête dit "
        "« Présentation des parties signataires de la convention » et l'article "
        "3 « la convention » au singulier, alors que l'avenant modifie deux "
        "conventions (2021 et 2022). Dans la présentation des parties, « d’autre "
        "part, » est placé après le second « et », avant l'association, et "
        "« d’une part, » après la Région."
    ),
    (
        "Noms de l'association : « Campus Versailles » (parties de l'avenant), "
        "« Campus de Versailles » / « campus de Versailles » (visas, articles de "
        "l'avenant, article 6 de la délibération), « CAMPUS VERSAILLES » (fiche "
        "23004868). CY est « Université Cergy Paris » dans l'avenant et "
        "l'article 6, « CY CERGY PARIS UNIVERSITE » dans la fiche 23004173."
    ),
    (
        "Fiche 23004868 (Versailles) : adresse tronquée « GRANDE ECURIE DU "
        "CHATEAU DE VERSAILL » (gardée telle quelle ; l'avenant donne « Grande "
        "Ecurie du Château de Versailles, Avenue Rockefeller, 78000 "
        "Versailles »). Représentant « Monsieur FRANCOIS GERMINET, Président », "
        "alors que l'avenant de transfert laisse le représentant vide et que la "
        "convention cadre (annexe 10) nomme Laurent GATINEAU président de "
        "l'association. Le détail du calcul dit « L'université porteuse du "
        "campus » alors que le bénéficiaire est une association. Coquille « Crée "
        "par » gardée. Titre sans « - » avant « budget 2023 ». Seule fiche "
        "imputée sur la nature 655122 (associations) ; les huit autres sur "
        "657381."
    ),
    (
        "Fiche 23004868 (Versailles) : les « 4 axes » qui suivent « Ainsi les "
        "actions se déclinent sous 4 axes : » sont imprimés sans puce, une ligne "
        "par axe (un saut de page sépare le premier des trois autres) ; ils sont "
        "gardés un par ligne."
    ),
    (
        "Fiche 23004170 (Mode) : dénomination « ENSAD ECOLE NAT SUPERIEURE DES "
        "ARTS DECORATIFS » (abrégée, sur deux lignes) ; statut « Etablissement "
        "Public National d'Enseignement » (tel quel, peut-être tronqué) ; "
        "adresse « 75240 PARIS 5E ARRONDISSEMENT » (code CEDEX ; la convention "
        "cadre donne 75005) ; coquille « se déplois » gardée. Base 200 000,00 € "
        "TTC, taux 50 %, montant 100 000 € : seul dossier au plafond de 100 "
        "000 €."
    ),
    (
        "Fiches 23004175 (TNEC) et 23004176 (Santé) : représentant « Monsieur "
        "JEAN-LUC DUBOIS RAND, Président » (nom tronqué ; « Jean-Luc "
        "DUBOIS-RANDE » dans les avenants). Dénomination sur deux lignes : "
        "« UPEC UNIVERSITE PARIS EST CRETEIL VAL DE MARNE »."
    ),
    (
        "Fiche 23004176 (Santé) : les cinq « ambitions du Campus » commencent "
        "par le caractère « ¿ » (U+00BF), sans doute une puce mal extraite du "
        "PDF, suivi de « - », « -  » ou rien ; gardé tel quel (seuls les espaces "
        "multiples sont réduits). Les quatre domaines commencent par un tiret "
        "cadratin « — ». « partenaires économique » (sic)."
    ),
    (
        "Fiche 23004178 (ICM) : guillemet fermant manquant (« Le Campus "
        "« industrie circulaire de la mobilité vient d’être sélectionné ») ; le "
        "détail du calcul dit « des rectorats » (« du rectorat » ailleurs). "
        "Dénomination coupée « SAINT- / QUENTIN-EN-YVELINES », recollée sans "
        "espace."
    ),
    (
        "Fiche 23004177 (Énergie durable) : « Mairie de Montereau Font Yonne » "
        "et « Lycée de Montereau Font Yonne » (pour Montereau-Fault-Yonne) "
        "gardés tels quels ; titre « Campus des metiers » sans accent."
    ),
    (
        "Fiche 23004936 (IA) : représentant « Monsieur Jean CHAMBAZ, "
        "Président », alors que l'avenant n°1 (annexe 2) est signé par Nathalie "
        "Drach-Temam ; coquilles « lycéennnes » et « préfiguration; Il » "
        "gardées ; « la Région Île-de- / France » recollé sans espace ; « Du 3 "
        "au 7 juillet » sans année."
    ),
    (
        "Fiche 23005231 (Industrie du futur) : « Représentant : Monsieur BLAISE "
        "HANCZAR, CONTACT (sans fonction particulière) » : un contact, pas le "
        "représentant légal (la convention cadre, annexe 8, nomme Vincent "
        "Bouhier, président de l'UEVE) ; adresse « 23 BD DE FRANCE, 91000 EVRY "
        "COURCOURONNES » (la convention donne le boulevard François Mitterand) ; "
        "motivation du démarrage anticipé sur deux lignes ; lignes de recettes "
        "« Subvention Région 2023 » et « Autres ressources du campus » "
        "(majuscules, libellé différent des autres fiches)."
    ),
    (
        "Fiche 23004173 (Sécurité) : la ligne de recette régionale s'appelle "
        "« subvention 2023 RIDF » (« subvention RIDF 2023 » dans six fiches, "
        "« Subvention Région 2023 » pour Industrie du futur)."
    ),
    (
        "Titres des fiches : casse et accents irréguliers (« campus des "
        "métiers » en minuscule pour Santé, « Qualifications » et « d'Art » pour "
        "Mode, « Transition numerique et ecologique » et « metiers » sans "
        "accents, « Budget » / « budget ») : gardés tels quels."
    ),
    (
        "Les neuf fiches : dates prévisionnelles du 1 janvier 2023 au 31 "
        "décembre 2025 (trois ans) pour une subvention de fonctionnement "
        "annuelle d'exercice de référence 2023 ; « Montant de subvention "
        "maximum » = « Montant total de la subvention » partout."
    ),
    (
        "Plans de financement : aucune incohérence chiffrée. Chaque plan est "
        "équilibré (dépenses = recettes = base subventionnable : 100 000 €, 200 "
        "000 € pour Mode), la ligne régionale égale le montant de la subvention "
        "(50 %), et les neuf montants font 500 000 €, l'autorisation "
        "d'engagement de l'article 7."
    ),
    (
        "Article 7 de la délibération : la liste des neuf subventions n'est pas "
        "dans l'ordre de l'annexe 12 (Versailles, Industrie du futur, TNEC, "
        "Mode, Sécurité, Santé, ICM, IA, Énergie durable ; la ligne Mode finit "
        "par un point au lieu d'un point-virgule) ; le texte porte « Autres "
        "services annexes de l’enseignement », », » (guillemet et virgule "
        "doublés, gardés dans ENVELOPES[0]['text'], pas dans les libellés). Il "
        "subordonne le versement à des conventions conformes à « la convention "
        "type adoptée par délibération CR n°2017-102 du 19 mai 2017 »."
    ),
    (
        "Ordre des annexes dans le texte extrait : l'avenant de transfert "
        "(annexe 11) précède la convention cadre Campus Versailles (annexe 10) ; "
        "les en-têtes « ANNEXE 11 » et « ANNEXE 12 » manquent (numéros tirés de "
        "l'article 6 de la délibération et de l'ordre du texte)."
    ),
]

# Every value that the seeds do not state.
ASSUMPTIONS = [
    (
        "PROGRAMME : date de la délibération cadre CR 2017-102 = 19/05/2017 "
        "(DOMAIN.md, article 7 et avenant de transfert) et non le 18/05/2017 des "
        "fiches (voir SOURCE_NOTES)."
    ),
    (
        "DELIBERATIONS : numéros et dates de CP 2021-135 (1er avril 2021) et CP "
        "2022-117 (23 mars 2022) lus dans l'avenant de transfert ; leurs titres "
        "sont ceux des « VU » de CP 2023-263 (ce qui suit « relative au »), "
        "coquille « lycéens » de CP 2021-135 comprise."
    ),
    (
        "Avenant de transfert : montants votés, taux, bases et numéros des dossiers "
        "2021 et 2022, signataires et dates de signature sont des valeurs de démo "
        "gardées en base ; le PDF de l'avenant n'en imprime aucune : il reproduit "
        "le texte adopté (subsidies/acts/cp-2023-263/annexe-11-…txt), représentant "
        "de l'association laissé vide et « Fait à …, le … » en pointillés."
    ),
    (
        "VERSAILLES_HISTORICAL_DOSSIERS : numéros de dossier inconnus (None) ; "
        "le chargeur doit inventer des numéros provisoires et les signaler comme "
        "tels."
    ),
    (
        "VERSAILLES_HISTORICAL_DOSSIERS : montant 50 000 € DÉDUIT (40 000 € "
        "versés + 10 000 € de reliquat, DOMAIN.md) ; taux 50 % DÉDUIT (taux "
        "maximal du RI, et taux de toutes les fiches 2023) ; base 100 000 € TTC "
        "DÉDUITE (montant / taux, comme les fiches 2023) ; imputation "
        "932-288-657381-128003-100 DÉDUITE (nature des organismes publics, CY "
        "étant un EPSCP ; DOMAIN.md) ; titre inventé sur le modèle de la fiche "
        "23004868 ; exercice de référence = année de la subvention (« Subvention "
        "2021 », « Subvention 2022 »)."
    ),
    (
        "VERSAILLES_HISTORICAL_DOSSIERS : les « acomptes/avance » de 40 000 € "
        "sont saisis comme un seul versement de type advance au bénéficiaire "
        "cy ; leur découpage, leurs dates (paid_on None) et leurs références de "
        'mandat ("") sont inconnus : le chargeur devra inventer des dates de '
        "demande/paiement provisoires et les signaler."
    ),
    (
        "TRANSFER : rattaché à la délibération CP 2023-263, article 6 (« en "
        "annexe 11 de la délibération ») ; campus versailles, bénéficiaire "
        "initial cy, nouveau campus_versailles (clés de campuses/demo_data.py) ; "
        "représentant de la Région tel qu'écrit dans la présentation des "
        "parties. Aucune date de signature (None)."
    ),
    (
        "TRANSFER['recitals'] : les six paragraphes entre « Après avoir "
        "rappelé : » et l'article 1, y compris le dernier (« Les parties "
        "s’entendent … »), qui n'est pas à proprement parler un visa."
    ),
    (
        "Dossiers : campus et bénéficiaire rattachés aux clés de "
        "campuses/demo_data.py d'après la dénomination et le titre de chaque "
        "fiche (UPEC porte à la fois TNEC et Santé) ; la représentation imprimée "
        "(dénomination, adresse, statut, représentant) est gardée telle quelle "
        "dans les champs beneficiary_*."
    ),
    (
        "Dossier 23004170 (Mode) : extended_cap True et sa justification sont "
        "DÉDUITS (montant de 100 000 € au-delà du plafond standard de 50 000 €, "
        "« fusion des périmètres et des activités » de deux campus) ; la fiche "
        "n'emploie pas les termes du RI (périmètre étendu, direction renforcée). "
        "Les huit autres dossiers : extended_cap False."
    ),
    (
        "Dossiers : status, position et voted_amount ne sont pas saisis ; "
        "l'ordre de la liste est celui de l'annexe 12 (rang dans la "
        "délibération) ; le montant voté est celui de l'article 7, égal à amount "
        "pour chaque dossier."
    ),
    (
        "BUDGET_LINES : chapitre, fonction, nature, action et complément lus "
        "dans l'imputation des fiches (« 932-288-657381-128003-100 », « 128003 » "
        "étant les six premiers chiffres de l'action 12800302) ; programme "
        "HP288-003 lu dans les articles 7 et 8 ; libellé de l'action lu sur la "
        "ligne « Action » des fiches. La correspondance nature / statut (657381 "
        "organismes publics, 655122 associations) vient de DOMAIN.md, pas du "
        "seed."
    ),
    (
        "ENVELOPES : libellés rédigés d'après le texte des articles 7 et 8 "
        "(texte exact dans « text ») ; allocations = liste de l'article 7 "
        "rattachée aux clés de campus ; eligible_expenses_from = « dépenses à "
        "partir du 1er janvier 2023 »."
    ),
    (
        "Mise en forme des textes (descriptions, détail du calcul, visas, "
        "articles) : lignes jointes par une espace ; sauts de ligne « \\n » "
        "gardés entre paragraphes et éléments de liste, choisis à la lecture "
        "(nouvel élément de liste, ou phrase terminée sur une ligne nettement "
        "plus courte que la justification) ; lignes blanches des sauts de page "
        "supprimées ; espaces multiples réduits à une ; coupures « SAINT- / "
        "QUENTIN » et « Île-de- / France » recollées sans espace. Tout le reste "
        "(coquilles, casse, apostrophes ’ ou ', « ¿ », « o », « • », « — ») est "
        "gardé tel qu'imprimé."
    ),
    "Localisation : la puce privée (U+F0B7) imprimée devant « REGION ILE DE FRANCE » est omise.",
]
