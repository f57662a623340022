"""The 11 criteria of the national specification for the « campus des métiers et des
qualifications » label (cahier des charges national, 2019), seed 002 §2, with its annex table
comparing the two categories and the few facts of §3 (Processus de labellisation) the portal
uses.

Every French string below is the specification's own text, reproduced verbatim from the seed
(word for word, punctuation included, such as the trailing « ; » of list items). Only the
markup of the PDF extraction (markdown headings, bold/italic marks, HTML tags, « ➔ » arrows,
leading bullet characters) has been stripped. Do not reword these strings: they are quoted to
applicants and experts as the reference text.

This module is the data of version « 2019 », loaded by migration 0002: a new version of the
specification gets a module of its own.

``CRITERIA`` holds one dict per criterion (2.1 … 2.11): ``number``, ``title``, ``expected``
(the expected elements, each ``{"text": …, "details": [sub-points]}``), ``excellence`` (the
requirements of the Catégorie « Excellence » part, ``[]`` when the seed says « Idem »)
and ``excellence_same`` (True when the seed says « Idem »).
"""

SPECIFICATION = {
    "version": "2019",
    "heading": "CAMPUS DES METIERS ET DES QUALIFICATIONS CAMPUS CATEGORIE « EXCELLENCE »",
    "title": "Cahier des charges national pour l'obtention ou le renouvellement du label",
    "source": (
        "Seed 002 (shared/seeds/002_89dc2c14420069a4.txt), text extracted from the PDF of the "
        "national specification; the seed itself carries no date."
    ),
    "criteria_intro": (
        "Les 11 critères listés ci-dessous sont requis pour l'obtention ou le renouvellement "
        "du label « campus des métiers et des qualifications »."
    ),
    "renewal_requirement": (
        "La mise en place d'une démarche qualité est nécessaire pour la demande de "
        "renouvellement du label."
    ),
}

CRITERIA = [
    {
        "number": "2.1",
        "title": "Un diagnostic partagé de l'analyse socio-économique, des enjeux identifiés",
        "expected": [
            {
                "text": (
                    "L'analyse économique est significative et visible à l'échelle d'un territoire."
                ),
                "details": [
                    (
                        "L'analyse s'appuie sur des données objectives, avec notamment la "
                        "contribution des DIRECCTE, des DRRT et des CARIF-OREF."
                    ),
                ],
            },
            {
                "text": (
                    "L'analyse circonscrit un segment socio-économique (un secteur, une "
                    "filière...) en tension ou porteur d'avenir."
                ),
                "details": [
                    (
                        "Par exemple, les filières relevant de la transition énergétique, du "
                        "numérique, les filières créatrices d'emploi, les filières relevant de "
                        "l'excellence française à l'international."
                    ),
                ],
            },
            {
                "text": (
                    "L'analyse caractérise clairement des enjeux de compétences et de "
                    "qualification sur ce segment relevant des enseignements scolaires et "
                    "supérieurs. Elle démontre un potentiel d'évolution ou de transformation."
                ),
                "details": [],
            },
        ],
        "excellence": [
            "Une analyse économique visible à l'échelle nationale ;",
            (
                "Le secteur ou la filière est identifié comme porteur d'un enjeu stratégique "
                "national ;"
            ),
            (
                "La contribution de la recherche est requise compte tenu des enjeux propres à "
                "certaines filières."
            ),
        ],
        "excellence_same": False,
    },
    {
        "number": "2.2",
        "title": (
            "Un périmètre identifié d'acteurs, de territoires, de structures et de certifications"
        ),
        "expected": [
            {
                "text": (
                    "Le périmètre territorial du campus est pertinent vis à vis des enjeux "
                    "économiques identifiés."
                ),
                "details": [
                    (
                        "Le périmètre est clair et cohérent du point de vue des situations "
                        "géographiques des acteurs engagés ;"
                    ),
                    (
                        "Les parties prenantes sont clairement identifiées à l'échelle du "
                        "territoire (acteurs économiques, collectivités, établissements de "
                        "formation, laboratoires de recherche etc.);"
                    ),
                    (
                        "Chaque partie prenante précise les structures, les effectifs ainsi "
                        "que des formations, diplômes et certifications, contrats de recherche "
                        "ou d'innovation concernés ;"
                    ),
                    (
                        "Les principaux partenariats avec le tissu économique (entreprises, "
                        "branches, clusters, pôles de compétitivité, etc.) font l'objet d'une "
                        "identification particulière."
                    ),
                ],
            },
        ],
        "excellence": [
            (
                "L'engagement des acteurs de l'enseignement supérieur comprend également "
                "l'identification des ressources réellement mobilisables en termes de "
                "recherche (laboratoires, projets de contrats), de prestations technologiques "
                "potentielles en lien direct avec le campus."
            ),
        ],
        "excellence_same": False,
    },
    {
        "number": "2.3",
        "title": "Des objectifs stratégiques clairs et ambitieux",
        "expected": [
            {
                "text": (
                    "Les objectifs stratégiques du campus s'inscrivent dans le cadre de la "
                    "politique régionale."
                ),
                "details": [
                    (
                        "Les objectifs stratégiques sont cohérents avec les enjeux éducatifs, "
                        "socio-économiques et de formation énoncés ;"
                    ),
                    (
                        "Les objectifs stratégiques sont ambitieux mais atteignables, la "
                        "valeur ajoutée réelle du campus mesurée par des indicateurs objectifs "
                        "devra être avérée sur tous les enjeux pour une démarcation claire "
                        "avec l'existant."
                    ),
                ],
            },
            {
                "text": (
                    "Les objectifs stratégiques sont déclinés en plan d'actions, projet "
                    "pédagogique ou d'activité pilotés qui constituent un ensemble pertinent "
                    "et cohérent. Ils seront pilotés en mode projet (maîtrise des échéances et "
                    "des moyens en particulier)."
                ),
                "details": [],
            },
        ],
        "excellence": [],
        "excellence_same": True,
    },
    {
        "number": "2.4",
        "title": "Une gouvernance régionale spécifique",
        "expected": [
            {
                "text": (
                    "Un comité d'orientation stratégique des campus de la région est constitué."
                ),
                "details": [
                    (
                        "Ce comité est composé du recteur d'académie ou de son représentant, "
                        "du président du conseil régional ou de son représentant, d'un "
                        "représentant des filières économiques concernées, du chef de "
                        "l'établissement support (ou du représentant de la structure juridique "
                        "porteuse, le cas échéant) et du directeur opérationnel de chaque "
                        "campus. Il se réunit une fois par an."
                    ),
                ],
            },
        ],
        "excellence": [],
        "excellence_same": True,
    },
    {
        "number": "2.5",
        "title": "Un pilotage opérationnel du campus",
        "expected": [
            {
                "text": (
                    "Les modalités de la gouvernance stratégique et du pilotage opérationnel "
                    "du campus, l'identification de l'établissement support (Etablissement "
                    "public local d'enseignement ou établissement d'enseignement supérieur), "
                    "les missions sont formalisées dans une convention constitutive."
                ),
                "details": [
                    (
                        "La structure administrative et financière est fixée et cohérente avec "
                        "le projet."
                    ),
                    (
                        "Le rôle du chef d'établissement tête de réseau du campus est précisé "
                        "par la convention, il dispose d'une lettre de mission signée du "
                        "recteur d'académie."
                    ),
                ],
            },
            {
                "text": (
                    "Un directeur opérationnel du campus assure l'impulsion, l'animation, la "
                    "coordination et le suivi des actions, le lien avec les différents pilotes "
                    "des actions."
                ),
                "details": [
                    (
                        "Une lettre de mission signée du recteur d'académie précise celle-ci "
                        "ainsi que son positionnement hiérarchique et fonctionnel."
                    ),
                ],
            },
            {
                "text": (
                    "Les membres du campus et les partenaires sont associés au suivi des "
                    "actions au sein desquelles ils sont engagés. Ils participent également à "
                    "l'étude de leur impact."
                ),
                "details": [],
            },
        ],
        "excellence": [],
        "excellence_same": True,
    },
    {
        "number": "2.6",
        "title": (
            "Des moyens financiers et humains garants de l'opérationnalité et de l'ambition du "
            "projet"
        ),
        "expected": [
            {
                "text": (
                    "Le budget annuel présenté dans le dossier est établi par le comité "
                    "d'orientation stratégique ;"
                ),
                "details": [
                    (
                        "Il précise les contributions de chaque membre, qu'elles soient "
                        "financières, matérielles ou humaines ;"
                    ),
                ],
            },
            {
                "text": "Les contributions doivent provenir de l'ensemble des acteurs ;",
                "details": [],
            },
            {
                "text": (
                    "Les modalités de mise à disposition de ces moyens au bénéfice du campus "
                    "sont précisées ;"
                ),
                "details": [],
            },
            {
                "text": (
                    "Dans le cas où le campus est engagé dans un programme financier (PIA, "
                    "programme européen...), celui-ci fait l'objet d'un suivi spécifique."
                ),
                "details": [],
            },
        ],
        "excellence": [],
        "excellence_same": True,
    },
    {
        "number": "2.7",
        "title": "Une identité forte et fédératrice",
        "expected": [
            {
                "text": (
                    "La communication est cohérente avec la stratégie du campus. Elle assure "
                    "la valorisation des métiers et des filières relevant du champ d'activité "
                    "du campus."
                ),
                "details": [
                    (
                        "Des outils variés permettent l'expression de l'identité du campus, sa "
                        "visibilité. Ils contribuent à l'adhésion des bénéficiaires, des "
                        "personnels et des partenaires."
                    ),
                ],
            },
            {
                "text": (
                    "Le campus développe un portail en ligne assurant une visibilité des "
                    "offres de formation, des parcours, des stages, de l'insertion "
                    "professionnelle, des métiers visés."
                ),
                "details": [],
            },
            {
                "text": (
                    "La signalétique d'appartenance au campus est définie et utilisée par les "
                    "acteurs du réseau pour toutes les actions concernées, révélant le "
                    "caractère officiel de leur engagement au sein du campus."
                ),
                "details": [],
            },
        ],
        "excellence": [],
        "excellence_same": True,
    },
    {
        "number": "2.8",
        "title": "Des lieux d'innovation et d'épanouissement pour les bénéficiaires",
        "expected": [
            {
                "text": (
                    "Le campus définit une stratégie en termes de vie scolaire et étudiante "
                    "grâce à des mutualisations et partenariats appropriés."
                ),
                "details": [
                    (
                        "Le campus facilite l'information et l'accès des bénéficiaires aux "
                        "activités culturelles et sportives du territoire."
                    ),
                ],
            },
            {
                "text": (
                    "Le campus présente une capacité d'hébergement susceptible d'accueillir "
                    "les élèves, étudiants, apprentis et stagiaires de la formation continue, "
                    "facilitant ainsi leur mobilité territoriale."
                ),
                "details": [],
            },
        ],
        "excellence": [
            (
                "Le campus « Excellence » est incarné dans un ou plusieurs espaces "
                "emblématiques d'accueil et de formation."
            ),
            (
                "Le campus « Excellence » développe des projets collaboratifs avec les "
                "partenaires économiques, notamment les entreprises, ainsi qu'avec les "
                "partenaires de la formation et de la recherche ; il est caractérisé par des "
                "ressources partagées : ressources numériques pour la formation, partage de "
                "données, fablabs, pépinières pour la création d'entreprise, centres de "
                "ressources partagés, plateformes technologiques (par exemple, plateformes "
                "d'accélération pour l'industrie du futur), etc."
            ),
            (
                "Le campus « Excellence » développe de nouveaux lieux sportifs et culturels, "
                "attractifs pour les publics bénéficiaires en formation."
            ),
            (
                "Le campus « Excellence » développe une nouvelle capacité d'hébergement "
                "susceptible de répondre aux enjeux de mobilité nationale et internationale du "
                "secteur ou de la filière."
            ),
        ],
        "excellence_same": False,
    },
    {
        "number": "2.9",
        "title": "Des parcours innovants de formation professionnelle",
        "expected": [
            {
                "text": (
                    "L'offre de formation est construite autour d'un ensemble cohérent de "
                    "métiers au sein d'un secteur ou d'une filière. Les parcours proposés "
                    "relèvent des niveaux 5 à 1 tant en formation initiale (statut scolaire et "
                    "apprentissage) qu'en formation continue. Ils comportent des passerelles, "
                    "des dispositifs pédagogiques ou projets innovants."
                ),
                "details": [
                    (
                        "L'offre de formation se présente de différentes manières : formations "
                        "diplômantes, coloration de diplômes, modules de formation, formation "
                        "complémentaire éventuellement d'initiative locale (FCIL), titres, "
                        "blocs de compétences, etc. ;"
                    ),
                ],
            },
            {
                "text": (
                    "Les métiers liés à des fonctions supports (administration, logistique, "
                    "numérique...) sont intégrés dans l'offre de formation."
                ),
                "details": [],
            },
            {
                "text": (
                    "L'offre de formation développe la mixité des publics et des parcours. "
                    "Elle facilite les changements de statuts si nécessaire."
                ),
                "details": [
                    (
                        "L'offre de formation s'adresse également aux publics en difficulté ou "
                        "éloignés de l'emploi ;"
                    ),
                    (
                        "Le campus comprend des dispositifs adaptés aux publics à besoins "
                        "spécifiques, et notamment aux jeunes et adultes en situation de "
                        "handicap ;"
                    ),
                    (
                        "Le campus développe des actions favorisant l'orientation et "
                        "l'attractivité des métiers. Il fait évoluer la représentation "
                        "sociale, notamment vers l'égalité professionnelle des métiers."
                    ),
                ],
            },
            {
                "text": (
                    "Le campus développe des projets pédagogiques inter-niveaux et "
                    "inter-statuts : il facilite les passerelles et mutualisations entre "
                    "l'enseignement secondaire et l'enseignement supérieur."
                ),
                "details": [
                    (
                        "Le campus développe les pratiques pédagogiques innovantes (formations "
                        "« hybrides », VAE, projets collaboratifs à distance ou non, réalité "
                        "virtuelle et augmentée, réalité virtuelle immersive, etc.)."
                    ),
                    (
                        "Le campus développe des plateaux techniques innovants pour la "
                        "formation, partagés entre les différentes voies et statuts de "
                        "formation, ouverts aux partenaires économiques territoriaux."
                    ),
                ],
            },
        ],
        "excellence": [],
        "excellence_same": True,
    },
    {
        "number": "2.10",
        "title": "Un développement et une visibilité à l'international",
        "expected": [
            {
                "text": (
                    "Le campus systématise les périodes de mobilité européenne ou "
                    "internationale des élèves, étudiants, apprentis et stagiaires de la "
                    "formation professionnelle continue."
                ),
                "details": [],
            },
        ],
        "excellence": [
            (
                "Le campus « Excellence » conclut des partenariats transfrontaliers, européens "
                "ou internationaux ayant d'autres objets que la mobilité des bénéficiaires et "
                "de leurs enseignants : partage de plateaux techniques, parcours communs de "
                "formation, diplômes communs, construction de supports et plateformes de "
                "formation, etc. ;"
            ),
            (
                "Le campus « Excellence » participe à la valorisation de la voie "
                "professionnelle à l'international. Il est en capacité de répondre à des "
                "sollicitations d'autres pays en ce qui concerne la formation de techniciens "
                "et formateurs de pays étrangers."
            ),
        ],
        "excellence_same": False,
    },
    {
        "number": "2.11",
        "title": "Une démarche qualité effective",
        "expected": [
            {
                "text": (
                    "Le campus met en œuvre une auto-évaluation dans le cadre d'une démarche "
                    "mesurable d'amélioration continue."
                ),
                "details": [
                    (
                        "L'auto-évaluation se réfère à un cadre existant (par exemple Qualéduc "
                        "pour l'enseignement scolaire) avec un protocole, des moyens, des "
                        "échéances et des acteurs déterminés ;"
                    ),
                    "La communication des résultats de l'auto-évaluation est prévue ;",
                    (
                        "Le recueil des avis des bénéficiaires, des membres et des partenaires "
                        "(les parties prenantes) est organisé. Ceux-ci sont associés aux "
                        "décisions résultant de l'analyse réalisée ;"
                    ),
                    "La traçabilité des actions conduites est assurée.",
                ],
            },
            {
                "text": "La valeur ajoutée du campus est mesurée par des indicateurs.",
                "details": [
                    (
                        "Indicateurs de formation, indicateurs de recherche et d'innovation, "
                        "indicateurs de réussite, etc."
                    ),
                ],
            },
        ],
        "excellence": [
            (
                "Le campus fait l'objet d'une évaluation externe ; les moyens de cette "
                "évaluation sont identifiés dans le projet."
            ),
        ],
        "excellence_same": False,
    },
]

CATEGORY_COMPARISON_TITLE = (
    "Annexe : Tableau comparatif des Campus catégorie « Excellence » / Campus des métiers et "
    "des qualifications"
)

# Column headings of the annex table: (excellence, cmq).
CATEGORY_COMPARISON_COLUMNS = (
    "Campus catégorie « Excellence »",
    "Campus des métiers et des qualifications",
)

# (row label, excellence text, cmq text); list cells are joined with "\n".
CATEGORY_COMPARISON = [
    (
        "Problématique",
        (
            "Secteurs ou filières à enjeu d'avenir pour le positionnement de la France à "
            "l'international."
        ),
        "Secteurs ou filières d'enjeu pour un territoire.",
    ),
    (
        "Rayonnement",
        "National et international",
        "Territorial et national",
    ),
    (
        "Objet",
        (
            "Des parcours de formations professionnelles innovants des niveaux 5 à 1, mixant "
            "statuts et publics."
        ),
        (
            "Des parcours de formations professionnelles innovants des niveaux 5 à 1, mixant "
            "statuts et publics."
        ),
    ),
    (
        "Incarnation",
        (
            "Un lieu emblématique d'accueil et de formation aux savoir-faire (FabLabs, "
            "incubateurs, pépinières d'entreprises, plateformes technologiques...).\n"
            "Des établissements d'enseignement secondaire et supérieur, des organismes de "
            "formation (centre de formation d'apprentis, organismes de formation continue, "
            "Greta, etc.) mis en synergie.\n"
            "Des centres techniques et de recherche.\n"
            "Des hébergements mutualisés et développés pour permettre la mobilité, y compris "
            "nationale et internationale, des bénéficiaires.\n"
            "Des infrastructures culturelles et sportives mutualisées et développées au sein "
            "du campus.\n"
            "Une identité forte et fédératrice."
        ),
        (
            "Des établissements d'enseignement secondaire et supérieur, des organismes de "
            "formation (centre de formation d'apprentis, organismes de formation continue, "
            "Greta, etc.) mis en synergie.\n"
            "Des hébergements mutualisés et développés pour permettre la mobilité des "
            "bénéficiaires au sein du campus.\n"
            "Des infrastructures culturelles et sportives mutualisées au sein du campus.\n"
            "Une identité forte et fédératrice."
        ),
    ),
    (
        "Lien avec la Recherche",
        "Laboratoires, équipes de recherche caractéristiques d'une filière.",
        "Possible",
    ),
    (
        "Partenariats internationaux",
        (
            "Avec d'autres centres d'excellence européens et internationaux. Au-delà de la "
            "seule mobilité des personnes."
        ),
        (
            "Avec des partenaires internationaux favorisant la mobilité des élèves, étudiants "
            "et formateurs."
        ),
    ),
    (
        "Gouvernance et pilotage",
        (
            "Un comité d'orientation stratégique représentant toutes les parties prenantes du "
            "campus\n"
            "Un pilotage opérationnel effectif.\n"
            "Un budget significatif au regard de l'enjeu."
        ),
        (
            "Un comité d'orientation stratégique représentant toutes les parties prenantes du "
            "campus\n"
            "Un pilotage opérationnel effectif.\n"
            "Un budget significatif au regard de l'enjeu."
        ),
    ),
    (
        "Démarche qualité",
        "Auto-évaluation + évaluation externe",
        "Auto-évaluation",
    ),
    (
        "Labellisation",
        "Décision ministres après avis d'experts au regard du cahier des charges.",
        "Décision ministres après avis d'experts au regard du cahier des charges.",
    ),
]

# Facts of §3 (Processus de labellisation), each value the seed's exact sentence.
PROCESS = {
    "page_limits": (
        "Le dossier de candidature comportera un maximum de 20 pages, complété par des "
        "annexes, le tout n'excédant pas 80 pages."
    ),
    "joint_submission": (
        "La candidature à la labellisation est portée conjointement par le président de région "
        "et le recteur d'académie."
    ),
    "prior_opinions": (
        "La candidature doit au préalable avoir été soumise à l'avis du Conseil académique de "
        "l'éducation nationale (CAEN) et du comité régional de l'emploi, de la formation et de "
        "l'orientation (CREFOP)."
    ),
    "expertise_sessions": (
        "Plusieurs sessions annuelles d'expertise des candidatures seront organisées."
    ),
    "probationary_labelling": (
        "Une candidature nouvelle ou de renouvellement pourra faire l'objet d'une "
        "labellisation probatoire dans l'attente de satisfaire à l'ensemble des critères."
    ),
    "probationary_support": (
        "Un accompagnement technique de la structure pourra être mis en œuvre au cours de "
        "cette période probatoire."
    ),
}
