"""Demo data: framework conventions (conventions cadres) of CP 2023-263 and their amendments.

Pure data, no Django. Extracted from the read-only seed ``shared/seeds/000_0bc506fc771adbce.txt``
(report and deliberation CP 2023-263 of 5 July 2023, Île-de-France Region):

* annexes 2 to 7: six amendments (avenants) -- Intelligence artificielle (n°1, art. 4.1),
  Industrie circulaire de la mobilité (n°1, art. 3.1), Santé autonomie bien-vieillir (n°1,
  art. 3.1), Sûreté, sécurité, cyber (n°2, art. 3.1 and duration in art. 4.1), Transition
  numérique et écologique de la construction (n°2, art. 3.1), Énergie durable (n°1, art. 4.1).
  Each replaces "n° CP 2020-519" by "n° CP 2023-111" in the Region's contribution and adds the
  annex "données de suivi". The original conventions are NOT in the seeds: they are
  reconstructed minimally (``"reconstructed": True``) so that each quoted passage exists at its
  place (see ASSUMPTIONS);
* annexe 8: convention cadre Industrie du futur; annexe 9: Mode, métiers d'art et design --
  Manufactures des Gobelins; annexe 10: Campus Versailles -- full text (lines joined into
  paragraphs, extraction artefacts removed).

Party indexes (``contributions[].party``, ``amendments[].parties_signing``) point into the
convention's ``parties``. Organisation keys are those of ``campuses/demo_data.py``
ORGANISATIONS. Texts keep the seed's typography (’, « »).
"""

from datetime import date

# Deliberations cited by the conventions and amendments (body, number, date, title).
DELIBERATIONS = [
    {
        "number": "CR 2017-102",
        "body": "CR",
        "date": date(2017, 5, 19),
        "title": (
            "Campus des métiers et qualifications : règlement d’intervention et signature de deux "
            "nouveaux campus : hub de l’aéroportuaire grand Roissy – le Bourget – campus "
            "conception et construction automobile"
        ),
    },
    {
        "number": "CP 2020-519",
        "body": "CP",
        "date": date(2020, 11, 18),
        "title": "Campus des métiers et des qualifications",
    },
    {
        "number": "CP 2023-111",
        "body": "CP",
        "date": date(2023, 3, 29),
        "title": (
            "Équipements pédagogiques et fonctionnels dans les EPLE - deuxième rapport de l'année "
            "2023 - modification du RI « soutien aux réseaux labellisés campus des métiers et des "
            "qualifications »"
        ),
    },
    {
        "number": "CP 2023-263",
        "body": "CP",
        "date": date(2023, 7, 5),
        "title": "Campus des métiers et des qualifications - affectations 2023",
        "report": (
            "Après la modification du règlement d’intervention « soutien aux réseaux labellisés "
            "campus des métiers et des qualifications » (CP 2023-111 du 29 mars 2023), le rapport "
            "propose de le mettre en œuvre dans les conventions cadres constitutives des campus : "
            "six avenants (Intelligence artificielle, Industrie circulaire de la mobilité, Santé "
            "autonomie bien-vieillir, Sécurité, Transition numérique et écologique de la "
            "construction, Énergie durable) remplacent la référence au règlement et ajoutent "
            "l’annexe des données de suivi à fournir annuellement, l’avenant Sécurité modifiant "
            "aussi la durée de la convention. Trois nouvelles conventions cadres sont soumises au "
            "vote, du fait de modifications plus substantielles de périmètre ou d’acteurs : "
            "Industrie du futur (ex-Aéronautique et spatial, labellisé 2018-2022, vers un label "
            "Excellence), Mode, métiers d’art et design – Manufactures des Gobelins (fusion de "
            "deux projets) et Campus Versailles (préparation de sa nouvelle labellisation). Un "
            "avenant transfère à l’association qui porte désormais le Campus Versailles les "
            "subventions 2021 et 2022 attribuées à CY Cergy Paris Université. Neuf subventions de "
            "50 000 € (100 000 € pour Mode, métiers d’art et design), soit 500 000 €, sont "
            "attribuées pour 2023 avec prise en compte des dépenses depuis le 1er janvier 2023, "
            "et 200 000 € sont affectés à des marchés d’assistance à maîtrise d’ouvrage "
            "transversaux."
        ),
    },
]

REGULATION = {
    "title": (
        "Règlement d'intervention de soutien aux réseaux labellisés Campus des métiers et des "
        "qualifications"
    ),
    "versions": ["CR 2017-102", "CP 2020-519", "CP 2023-111"],
}

# Title of the follow-up annex added by every amendment and carried by the three new conventions.
FOLLOWUP_ANNEX_TITLE = "Données de suivi"

# Annexe 1 of CP 2023-263 (fiche-type données de suivi), nine sections, one line each.
FOLLOWUP_ANNEX_TEXT = (
    "Fiche-type données de suivi – à fournir annuellement – Campus des métiers et des "
    "qualifications (bases de l’auto-évaluation de l’année N à produire en début d’année N+1 par "
    "chaque campus).\n"
    "1. Diagnostic de l’analyse socio-économique, des enjeux identifiés : liste des nouvelles "
    "études (année N) parues, sinon derniers diagnostics de référence existantes.\n"
    "2. Un périmètre identifié d’acteurs, de territoires, de structures et de certifications : "
    "cartographie actualisée année N des parties prenantes ; liste des formations concernées par "
    "l’action du CMQ ; répartition et volume des typologies de bénéficiaires du campus.\n"
    "3. Des objectifs stratégiques clairs et ambitieux : bilan annuel d’actions (par typologie "
    "d’action) et budget associé réalisé (année N).\n"
    "4. Un pilotage opérationnel du campus : comitologie du pilotage organisationnel.\n"
    "5. Des moyens financiers et humains garants de l’opérationnalité et de l’ambition du projet "
    ": tableau budget année N réalisé (recettes et dépenses) ; ressources en valorisation "
    "recettes/dépenses ; ressources humaines.\n"
    "6. Une identité forte et fédératrice : nombre et typologie d’événements organisés par / en "
    "partenariat / ou est présent / le Campus ; existence d’une plaquette (type IDF) à la charte "
    "campus à jour ; présence en ligne / réseaux sociaux ; éléments autres sur la communication "
    "(à préciser).\n"
    "7. Des parcours innovants d’offre de formation : liste de formations et places créées ou "
    "transformées dans le giron du campus ; liste des colorations / modules spécifiques / "
    "formations complémentaires développées + nombre de bénéficiaires.\n"
    "8. Un développement et une visibilité à l’international : nombre de partenaires "
    "internationaux ; nombre de bénéficiaires / acteurs ayant réalisé une mobilité.\n"
    "9. Une démarche qualité effective : évaluation des actions ; auto-évaluation annuelle, "
    "évaluation externe ; 3 points forts de l’année ; 3 axes d’amélioration pour l’année à "
    "venir.\n"
    "Cette collecte ne comporte pas de données à caractère personnel. Si de telles données "
    "devaient être collectées un avenant aux conventions cadre serait signé entre les différentes "
    "parties."
)

CONVENTIONS = [
    # -------- Intelligence artificielle -- reconstructed original + avenant n°1 (annexe 2)
    {
        "campus": "ia",
        "kind": "prefiguration",
        "title": (
            "Convention cadre du Campus des métiers et des qualifications Intelligence Artificielle"
        ),
        "reconstructed": True,
        "deliberation": None,
        "parties": [
            {
                "kind": "state",
                "organisation": None,
                "authority": "L’État",
                "representative_name": "Christophe KERRERO",
                "representative_title": (
                    "Recteur de la région académique Ile-de-France, recteur de l’académie de "
                    "Paris, chancelier des universités"
                ),
            },
            {
                "kind": "region",
                "organisation": "region_idf",
                "authority": "La Région Île-de-France",
                "representative_name": "Valérie PÉCRESSE",
                "representative_title": "Présidente de la Région Île-de-France",
            },
            {
                "kind": "support",
                "organisation": "sorbonne",
                "authority": "",
                "representative_name": "Nathalie Drach-Temam",
                "representative_title": "Présidente de l’Université Sorbonne Université",
            },
            {
                "kind": "other",
                "organisation": "paul_valery",
                "authority": "",
                "representative_name": "Françoise STURBAUT",
                "representative_title": "Proviseure de la Cité scolaire Paul Valery",
            },
        ],
        "legal_references": [],
        "preamble": "",
        "articles": [
            {
                "number": 1,
                "title": "Objet de la convention",
                "paragraphs": [
                    {
                        "label": "",
                        "text": (
                            "Texte non repris dans les documents de la délibération CP 2023-263."
                        ),
                    },
                ],
            },
            {
                "number": 2,
                "title": "Objectifs du campus",
                "paragraphs": [
                    {
                        "label": "",
                        "text": (
                            "Texte non repris dans les documents de la délibération CP 2023-263."
                        ),
                    },
                ],
            },
            {
                "number": 3,
                "title": "Gouvernance du campus",
                "paragraphs": [
                    {
                        "label": "",
                        "text": (
                            "Texte non repris dans les documents de la délibération CP 2023-263."
                        ),
                    },
                ],
            },
            {
                "number": 4,
                "title": "Organisation administrative et financière",
                "paragraphs": [
                    {
                        "label": "4.1",
                        "text": (
                            "La région Ile de France participe au programme d’actions "
                            "(communication, actions diverses - forums, déplacements d’élèves "
                            "et/ou de formateurs, …). La Région pourra verser un soutien "
                            "financier d’un montant maximum de 50 000 euros pour le campus et par "
                            "an et à hauteur de maximum 50% de l’ensemble des dépenses du campus, "
                            "selon les conditions prévues par le règlement d’intervention de "
                            "soutien aux réseaux labellisés Campus des métiers et des "
                            "qualifications n° CP 2020-519."
                        ),
                    },
                ],
            },
            {
                "number": 5,
                "title": "Durée de la convention",
                "paragraphs": [
                    {
                        "label": "",
                        "text": (
                            "Texte non repris dans les documents de la délibération CP 2023-263."
                        ),
                    },
                ],
            },
        ],
        "contributions": [
            {
                "party": 1,
                "max_amount_per_year": "50000.00",
                "max_share_percent": "50.00",
                "in_kind": "",
                "regulation": "CP 2020-519",
            },
        ],
        "seat": "",
        "original_copies": None,
        "duration": {
            "kind": "fixed_term",
            "years": 3,
            "renewal": "tacit",
            "text": "",
            "assumed": (
                "Clause de durée absente des seeds : règle supposée par analogie avec la "
                "convention d'origine de Sécurité (trois ans, tacite reconduction). La règle des "
                "conventions de préfiguration de 2023 (un an, portée à l'expiration de la "
                "labellisation) aurait fait expirer la convention avant son avenant de 2023."
            ),
        },
        "termination": None,
        "followup_annex": False,
        "amendments": [
            {
                "number": 1,
                "historical": False,
                "title": (
                    "Avenant n°1 à la convention cadre du Campus des métiers et des "
                    "qualifications Intelligence Artificielle"
                ),
                "deliberation": "CP 2023-263",
                "parties_signing": [0, 1, 2, 3],
                "changes": [
                    {
                        "kind": "replace_passage",
                        "article": 4,
                        "paragraph": "4.1",
                        "old": (
                            "La région Ile de France participe au programme d’actions "
                            "(communication, actions diverses - forums, déplacements d’élèves "
                            "et/ou de formateurs, …). La Région pourra verser un soutien "
                            "financier d’un montant maximum de 50 000 euros pour le campus et par "
                            "an et à hauteur de maximum 50% de l’ensemble des dépenses du campus, "
                            "selon les conditions prévues par le règlement d’intervention de "
                            "soutien aux réseaux labellisés Campus des métiers et des "
                            "qualifications n° CP 2020-519."
                        ),
                        "new": (
                            "La région Ile de France participe au programme d’actions "
                            "(communication, actions diverses - forums, déplacements d’élèves "
                            "et/ou de formateurs, …). La Région pourra verser un soutien "
                            "financier d’un montant maximum de 50 000 euros pour le campus et par "
                            "an et à hauteur de maximum 50% de l’ensemble des dépenses du campus, "
                            "selon les conditions prévues par le règlement d’intervention de "
                            "soutien aux réseaux labellisés Campus des métiers et des "
                            "qualifications n° CP 2023-111."
                        ),
                    },
                    {
                        "kind": "add_annex",
                        "title": "Données de suivi",
                    },
                ],
            },
        ],
    },
    # -------- Industrie circulaire de la mobilité -- reconstructed, avenant n°1 (annexe 3)
    {
        "campus": "icm",
        "kind": "constitutive",
        "title": (
            "Convention cadre du Campus des métiers et des qualifications Industrie circulaire de "
            "la mobilité"
        ),
        "reconstructed": True,
        "deliberation": None,
        "parties": [
            {
                "kind": "state",
                "organisation": None,
                "authority": "L’État",
                "representative_name": "Christophe KERRERO",
                "representative_title": (
                    "Recteur de la région académique Ile-de-France, recteur de l’académie de "
                    "Paris, chancelier des universités"
                ),
            },
            {
                "kind": "state",
                "organisation": None,
                "authority": "L’État",
                "representative_name": "Daniel AUVERLOT",
                "representative_title": "Recteur de l’académie de Créteil",
            },
            {
                "kind": "state",
                "organisation": None,
                "authority": "L’État",
                "representative_name": "Charline AVENEL",
                "representative_title": "Rectrice de l’académie de Versailles",
            },
            {
                "kind": "region",
                "organisation": "region_idf",
                "authority": "La Région Île-de-France",
                "representative_name": "Valérie PÉCRESSE",
                "representative_title": "Présidente de la Région Île-de-France",
            },
            {
                "kind": "support",
                "organisation": "uvsq",
                "authority": "",
                "representative_name": "Alain BUI",
                "representative_title": "Président de l’UVSQ",
            },
        ],
        "legal_references": [],
        "preamble": "",
        "articles": [
            {
                "number": 1,
                "title": "Objectifs du campus",
                "paragraphs": [
                    {
                        "label": "",
                        "text": (
                            "Texte non repris dans les documents de la délibération CP 2023-263."
                        ),
                    },
                ],
            },
            {
                "number": 2,
                "title": "Gouvernance du campus",
                "paragraphs": [
                    {
                        "label": "",
                        "text": (
                            "Texte non repris dans les documents de la délibération CP 2023-263."
                        ),
                    },
                ],
            },
            {
                "number": 3,
                "title": "Organisation administrative et financière",
                "paragraphs": [
                    {
                        "label": "3.1",
                        "text": (
                            "La région Ile de France participe au programme d’actions "
                            "(communication, actions diverses - forums, déplacements d’élèves "
                            "et/ou de formateurs, …). La Région pourra verser un soutien "
                            "financier d’un montant maximum de 50 000 euros pour le campus et par "
                            "an et à hauteur de maximum 50% de l’ensemble des dépenses du campus, "
                            "selon les conditions prévues par le règlement d’intervention de "
                            "soutien aux réseaux labellisés Campus des métiers et des "
                            "qualifications n° CP 2020-519."
                        ),
                    },
                ],
            },
            {
                "number": 4,
                "title": "Durée de la convention",
                "paragraphs": [
                    {
                        "label": "",
                        "text": (
                            "Texte non repris dans les documents de la délibération CP 2023-263."
                        ),
                    },
                ],
            },
        ],
        "contributions": [
            {
                "party": 3,
                "max_amount_per_year": "50000.00",
                "max_share_percent": "50.00",
                "in_kind": "",
                "regulation": "CP 2020-519",
            },
        ],
        "seat": "",
        "original_copies": None,
        "duration": {
            "kind": "fixed_term",
            "years": 3,
            "renewal": "tacit",
            "text": "",
            "assumed": (
                "Clause de durée absente des seeds : règle supposée par analogie avec la seule "
                "clause d'origine citée (convention Sécurité, avenant n°2 : trois ans à compter "
                "de la signature, renouvelable par tacite reconduction)."
            ),
        },
        "termination": None,
        "followup_annex": False,
        "amendments": [
            {
                "number": 1,
                "historical": False,
                "title": (
                    "Avenant n°1 à la convention cadre du Campus des métiers et des "
                    "qualifications Industrie circulaire de la mobilité"
                ),
                "deliberation": "CP 2023-263",
                "parties_signing": [0, 1, 2, 3, 4],
                "changes": [
                    {
                        "kind": "replace_passage",
                        "article": 3,
                        "paragraph": "3.1",
                        "old": (
                            "La région Ile de France participe au programme d’actions "
                            "(communication, actions diverses - forums, déplacements d’élèves "
                            "et/ou de formateurs, …). La Région pourra verser un soutien "
                            "financier d’un montant maximum de 50 000 euros pour le campus et par "
                            "an et à hauteur de maximum 50% de l’ensemble des dépenses du campus, "
                            "selon les conditions prévues par le règlement d’intervention de "
                            "soutien aux réseaux labellisés Campus des métiers et des "
                            "qualifications n° CP 2020-519."
                        ),
                        "new": (
                            "La région Ile de France participe au programme d’actions "
                            "(communication, actions diverses - forums, déplacements d’élèves "
                            "et/ou de formateurs, …). La Région pourra verser un soutien "
                            "financier d’un montant maximum de 50 000 euros pour le campus et par "
                            "an et à hauteur de maximum 50% de l’ensemble des dépenses du campus, "
                            "selon les conditions prévues par le règlement d’intervention de "
                            "soutien aux réseaux labellisés Campus des métiers et des "
                            "qualifications n° CP 2023-111."
                        ),
                    },
                    {
                        "kind": "add_annex",
                        "title": "Données de suivi",
                    },
                ],
            },
        ],
    },
    # -------- Santé, autonomie, bien-vieillir -- reconstructed original + avenant n°1 (annexe 4)
    {
        "campus": "sante",
        "kind": "constitutive",
        "title": (
            "Convention cadre du Campus des métiers et des qualifications Santé autonomie "
            "bien-vieillir"
        ),
        "reconstructed": True,
        "deliberation": None,
        "parties": [
            {
                "kind": "state",
                "organisation": None,
                "authority": "L’État",
                "representative_name": "Christophe KERRERO",
                "representative_title": (
                    "Recteur de la région académique Ile-de-France, recteur de l’académie de "
                    "Paris, chancelier des universités"
                ),
            },
            {
                "kind": "state",
                "organisation": None,
                "authority": "L’État",
                "representative_name": "Daniel AUVERLOT",
                "representative_title": "Recteur de l’académie de Créteil",
            },
            {
                "kind": "region",
                "organisation": "region_idf",
                "authority": "La Région Île-de-France",
                "representative_name": "Valérie PÉCRESSE",
                "representative_title": "Présidente de la Région Île-de-France",
            },
            {
                "kind": "support",
                "organisation": "upec",
                "authority": "",
                "representative_name": "Jean-Luc DUBOIS-RANDE",
                "representative_title": "Président de l’UPEC",
            },
        ],
        "legal_references": [],
        "preamble": "",
        "articles": [
            {
                "number": 1,
                "title": "Objectifs du campus",
                "paragraphs": [
                    {
                        "label": "",
                        "text": (
                            "Texte non repris dans les documents de la délibération CP 2023-263."
                        ),
                    },
                ],
            },
            {
                "number": 2,
                "title": "Gouvernance du campus",
                "paragraphs": [
                    {
                        "label": "",
                        "text": (
                            "Texte non repris dans les documents de la délibération CP 2023-263."
                        ),
                    },
                ],
            },
            {
                "number": 3,
                "title": "Organisation administrative et financière",
                "paragraphs": [
                    {
                        "label": "3.1",
                        "text": (
                            "La région Ile de France participe au programme d’actions "
                            "(communication, actions diverses - forums, déplacements d’élèves "
                            "et/ou de formateurs, …). La Région pourra verser un soutien "
                            "financier d’un montant maximum de 50 000 euros pour le campus et par "
                            "an et à hauteur de maximum 50% de l’ensemble des dépenses du campus, "
                            "selon les conditions prévues par le règlement d’intervention de "
                            "soutien aux réseaux labellisés Campus des métiers et des "
                            "qualifications n° CP 2020-519."
                        ),
                    },
                ],
            },
            {
                "number": 4,
                "title": "Durée de la convention",
                "paragraphs": [
                    {
                        "label": "",
                        "text": (
                            "Texte non repris dans les documents de la délibération CP 2023-263."
                        ),
                    },
                ],
            },
        ],
        "contributions": [
            {
                "party": 2,
                "max_amount_per_year": "50000.00",
                "max_share_percent": "50.00",
                "in_kind": "",
                "regulation": "CP 2020-519",
            },
        ],
        "seat": "",
        "original_copies": None,
        "duration": {
            "kind": "fixed_term",
            "years": 3,
            "renewal": "tacit",
            "text": "",
            "assumed": (
                "Clause de durée absente des seeds : règle supposée par analogie avec la seule "
                "clause d'origine citée (convention Sécurité, avenant n°2 : trois ans à compter "
                "de la signature, renouvelable par tacite reconduction)."
            ),
        },
        "termination": None,
        "followup_annex": False,
        "amendments": [
            {
                "number": 1,
                "historical": False,
                "title": (
                    "Avenant n°1 à la convention cadre du Campus des métiers et des "
                    "qualifications Santé autonomie bien-vieillir"
                ),
                "deliberation": "CP 2023-263",
                "parties_signing": [0, 1, 2, 3],
                "changes": [
                    {
                        "kind": "replace_passage",
                        "article": 3,
                        "paragraph": "3.1",
                        "old": (
                            "La région Ile de France participe au programme d’actions "
                            "(communication, actions diverses - forums, déplacements d’élèves "
                            "et/ou de formateurs, …). La Région pourra verser un soutien "
                            "financier d’un montant maximum de 50 000 euros pour le campus et par "
                            "an et à hauteur de maximum 50% de l’ensemble des dépenses du campus, "
                            "selon les conditions prévues par le règlement d’intervention de "
                            "soutien aux réseaux labellisés Campus des métiers et des "
                            "qualifications n° CP 2020-519."
                        ),
                        "new": (
                            "La région Ile de France participe au programme d’actions "
                            "(communication, actions diverses - forums, déplacements d’élèves "
                            "et/ou de formateurs, …). La Région pourra verser un soutien "
                            "financier d’un montant maximum de 50 000 euros pour le campus et par "
                            "an et à hauteur de maximum 50% de l’ensemble des dépenses du campus, "
                            "selon les conditions prévues par le règlement d’intervention de "
                            "soutien aux réseaux labellisés Campus des métiers et des "
                            "qualifications n° CP 2023-111."
                        ),
                    },
                    {
                        "kind": "add_annex",
                        "title": "Données de suivi",
                    },
                ],
            },
        ],
    },
    # -------- Sûreté, sécurité, cyber -- reconstructed, avenants n°1 (historical), n°2 (annexe 5)
    {
        "campus": "securite",
        "kind": "constitutive",
        "title": (
            "Convention cadre du Campus des métiers et des qualifications Sureté, Sécurité, Cyber "
            "et services associés"
        ),
        "reconstructed": True,
        "deliberation": None,
        "parties": [
            {
                "kind": "state",
                "organisation": None,
                "authority": "L’État",
                "representative_name": "Christophe KERRERO",
                "representative_title": (
                    "Recteur de la région académique Ile-de-France, recteur de l’académie de "
                    "Paris, chancelier des universités"
                ),
            },
            {
                "kind": "state",
                "organisation": None,
                "authority": "L’État",
                "representative_name": "Charline AVENEL",
                "representative_title": "Rectrice de l’académie de Versailles",
            },
            {
                "kind": "region",
                "organisation": "region_idf",
                "authority": "La Région Île-de-France",
                "representative_name": "Valérie PÉCRESSE",
                "representative_title": "Présidente de la Région Île-de-France",
            },
            {
                "kind": "support",
                "organisation": "cy",
                "authority": "",
                "representative_name": "",
                "representative_title": "Président de CY",
            },
        ],
        "legal_references": [],
        "preamble": "",
        "articles": [
            {
                "number": 1,
                "title": "Objectifs du campus",
                "paragraphs": [
                    {
                        "label": "",
                        "text": (
                            "Texte non repris dans les documents de la délibération CP 2023-263."
                        ),
                    },
                ],
            },
            {
                "number": 2,
                "title": "Gouvernance du campus",
                "paragraphs": [
                    {
                        "label": "",
                        "text": (
                            "Texte non repris dans les documents de la délibération CP 2023-263."
                        ),
                    },
                ],
            },
            {
                "number": 3,
                "title": "Organisation administrative et financière",
                "paragraphs": [
                    {
                        "label": "3.1",
                        "text": (
                            "La région Ile de France participe au programme d’actions "
                            "(communication, actions diverses - forums, déplacements d’élèves "
                            "et/ou de formateurs, …). La Région pourra verser un soutien "
                            "financier d’un montant maximum de 50 000 euros pour le campus et par "
                            "an et à hauteur de maximum 50% de l’ensemble des dépenses du campus, "
                            "selon les conditions prévues par le règlement d’intervention de "
                            "soutien aux réseaux labellisés Campus des métiers et des "
                            "qualifications n° CP 2020-519."
                        ),
                    },
                ],
            },
            {
                "number": 4,
                "title": "Durée de la convention",
                "paragraphs": [
                    {
                        "label": "4.1",
                        "text": (
                            "La présente convention est conclue pour une durée de trois ans à "
                            "compter de sa date de signature par les parties. Elle est "
                            "renouvelable au-delà de cette date en cas de renouvellement du label "
                            "du campus pour la durée de la nouvelle labélisation par tacite "
                            "reproduction"
                        ),
                    },
                ],
            },
        ],
        "contributions": [
            {
                "party": 2,
                "max_amount_per_year": "50000.00",
                "max_share_percent": "50.00",
                "in_kind": "",
                "regulation": "CP 2020-519",
            },
        ],
        "seat": "",
        "original_copies": None,
        "duration": {
            "kind": "fixed_term",
            "years": 3,
            "renewal": "tacit",
            "text": (
                "La présente convention est conclue pour une durée de trois ans à compter de sa "
                "date de signature par les parties. Elle est renouvelable au-delà de cette date "
                "en cas de renouvellement du label du campus pour la durée de la nouvelle "
                "labélisation par tacite reproduction"
            ),
        },
        "termination": None,
        "followup_annex": False,
        "amendments": [
            {
                "number": 1,
                "historical": True,
                "date": None,
                "summary": (
                    "Avenant n°1 antérieur au portail : non repris dans les documents de la CP "
                    "2023-263."
                ),
            },
            {
                "number": 2,
                "historical": False,
                "title": (
                    "Avenant n°2 à la convention cadre du Campus des métiers et des "
                    "qualifications Sureté, Sécurité, Cyber et services associés"
                ),
                "deliberation": "CP 2023-263",
                "parties_signing": [0, 1, 2, 3],
                "changes": [
                    {
                        "kind": "replace_passage",
                        "article": 3,
                        "paragraph": "3.1",
                        "old": (
                            "La région Ile de France participe au programme d’actions "
                            "(communication, actions diverses - forums, déplacements d’élèves "
                            "et/ou de formateurs, …). La Région pourra verser un soutien "
                            "financier d’un montant maximum de 50 000 euros pour le campus et par "
                            "an et à hauteur de maximum 50% de l’ensemble des dépenses du campus, "
                            "selon les conditions prévues par le règlement d’intervention de "
                            "soutien aux réseaux labellisés Campus des métiers et des "
                            "qualifications n° CP 2020-519."
                        ),
                        "new": (
                            "La région Ile de France participe au programme d’actions "
                            "(communication, actions diverses - forums, déplacements d’élèves "
                            "et/ou de formateurs, …). La Région pourra verser un soutien "
                            "financier d’un montant maximum de 50 000 euros pour le campus et par "
                            "an et à hauteur de maximum 50% de l’ensemble des dépenses du campus, "
                            "selon les conditions prévues par le règlement d’intervention de "
                            "soutien aux réseaux labellisés Campus des métiers et des "
                            "qualifications n° CP 2023-111."
                        ),
                    },
                    {
                        "kind": "change_duration",
                        "article": 4,
                        "paragraph": "4.1",
                        "duration": {
                            "kind": "label_plus_one_year",
                            "years": None,
                            "renewal": "tacit",
                            "text": (
                                "La présente convention est conclue à compter de sa date de "
                                "signature par les parties et pour toute la durée de sa période "
                                "de labélisation augmentée de une année. Elle est renouvelable "
                                "au-delà de cette date en cas de renouvellement du label du "
                                "campus pour la durée de la nouvelle labélisation par tacite "
                                "reproduction"
                            ),
                        },
                        "old": (
                            "La présente convention est conclue pour une durée de trois ans à "
                            "compter de sa date de signature par les parties. Elle est "
                            "renouvelable au-delà de cette date en cas de renouvellement du label "
                            "du campus pour la durée de la nouvelle labélisation par tacite "
                            "reproduction"
                        ),
                        "new": (
                            "La présente convention est conclue à compter de sa date de signature "
                            "par les parties et pour toute la durée de sa période de labélisation "
                            "augmentée de une année. Elle est renouvelable au-delà de cette date "
                            "en cas de renouvellement du label du campus pour la durée de la "
                            "nouvelle labélisation par tacite reproduction"
                        ),
                    },
                    {
                        "kind": "add_annex",
                        "title": "Données de suivi",
                    },
                ],
            },
        ],
    },
    # -------- Transition numérique et écologique de la construction -- reconstructed (annexe 6)
    {
        "campus": "tnec",
        "kind": "constitutive",
        "title": (
            "Convention cadre du Campus des métiers et des qualifications Transition numérique et "
            "écologique de la construction"
        ),
        "reconstructed": True,
        "deliberation": None,
        "parties": [
            {
                "kind": "state",
                "organisation": None,
                "authority": "L’État",
                "representative_name": "Christophe KERRERO",
                "representative_title": (
                    "Recteur de la région académique Ile-de-France, recteur de l’académie de "
                    "Paris, chancelier des universités"
                ),
            },
            {
                "kind": "state",
                "organisation": None,
                "authority": "L’État",
                "representative_name": "Daniel AUVERLOT",
                "representative_title": "Recteur de l’académie de Créteil",
            },
            {
                "kind": "region",
                "organisation": "region_idf",
                "authority": "La Région Île-de-France",
                "representative_name": "Valérie PECRESSE",
                "representative_title": "Présidente de la Région Île-de-France",
            },
            {
                "kind": "support",
                "organisation": "upec",
                "authority": "",
                "representative_name": "Jean-Luc DUBOIS-RANDE",
                "representative_title": "Président de l’UPEC",
            },
        ],
        "legal_references": [],
        "preamble": "",
        "articles": [
            {
                "number": 1,
                "title": "Objectifs du campus",
                "paragraphs": [
                    {
                        "label": "",
                        "text": (
                            "Texte non repris dans les documents de la délibération CP 2023-263."
                        ),
                    },
                ],
            },
            {
                "number": 2,
                "title": "Gouvernance du campus",
                "paragraphs": [
                    {
                        "label": "",
                        "text": (
                            "Texte non repris dans les documents de la délibération CP 2023-263."
                        ),
                    },
                ],
            },
            {
                "number": 3,
                "title": "Organisation administrative et financière",
                "paragraphs": [
                    {
                        "label": "3.1",
                        "text": (
                            "La région Ile de France participe au programme d’actions "
                            "(communication, actions diverses - forums, déplacements d’élèves "
                            "et/ou de formateurs, …). La Région pourra verser un soutien "
                            "financier d’un montant maximum de 50 000 euros pour le campus et par "
                            "an et à hauteur de maximum 50% de l’ensemble des dépenses du campus, "
                            "selon les conditions prévues par le règlement d’intervention de "
                            "soutien aux réseaux labellisés Campus des métiers et des "
                            "qualifications n° CP 2020-519."
                        ),
                    },
                ],
            },
            {
                "number": 4,
                "title": "Durée de la convention",
                "paragraphs": [
                    {
                        "label": "",
                        "text": (
                            "Texte non repris dans les documents de la délibération CP 2023-263."
                        ),
                    },
                ],
            },
        ],
        "contributions": [
            {
                "party": 2,
                "max_amount_per_year": "50000.00",
                "max_share_percent": "50.00",
                "in_kind": "",
                "regulation": "CP 2020-519",
            },
        ],
        "seat": "",
        "original_copies": None,
        "duration": {
            "kind": "fixed_term",
            "years": 3,
            "renewal": "tacit",
            "text": "",
            "assumed": (
                "Clause de durée absente des seeds : règle supposée par analogie avec la seule "
                "clause d'origine citée (convention Sécurité, avenant n°2 : trois ans à compter "
                "de la signature, renouvelable par tacite reconduction)."
            ),
        },
        "termination": None,
        "followup_annex": False,
        "amendments": [
            {
                "number": 1,
                "historical": True,
                "date": None,
                "summary": (
                    "Avenant n°1 antérieur au portail : non repris dans les documents de la CP "
                    "2023-263."
                ),
            },
            {
                "number": 2,
                "historical": False,
                "title": (
                    "Avenant n°2 à la convention cadre du Campus des métiers et des "
                    "qualifications Transition numérique et écologique de la construction"
                ),
                "deliberation": "CP 2023-263",
                "parties_signing": [0, 1, 2, 3],
                "changes": [
                    {
                        "kind": "replace_passage",
                        "article": 3,
                        "paragraph": "3.1",
                        "old": (
                            "La région Ile de France participe au programme d’actions "
                            "(communication, actions diverses - forums, déplacements d’élèves "
                            "et/ou de formateurs, …). La Région pourra verser un soutien "
                            "financier d’un montant maximum de 50 000 euros pour le campus et par "
                            "an et à hauteur de maximum 50% de l’ensemble des dépenses du campus, "
                            "selon les conditions prévues par le règlement d’intervention de "
                            "soutien aux réseaux labellisés Campus des métiers et des "
                            "qualifications n° CP 2020-519."
                        ),
                        "new": (
                            "La région Ile de France participe au programme d’actions "
                            "(communication, actions diverses - forums, déplacements d’élèves "
                            "et/ou de formateurs, …). La Région pourra verser un soutien "
                            "financier d’un montant maximum de 50 000 euros pour le campus et par "
                            "an et à hauteur de maximum 50% de l’ensemble des dépenses du campus, "
                            "selon les conditions prévues par le règlement d’intervention de "
                            "soutien aux réseaux labellisés Campus des métiers et des "
                            "qualifications n° CP 2023-111."
                        ),
                    },
                    {
                        "kind": "add_annex",
                        "title": "Données de suivi",
                    },
                ],
            },
        ],
    },
    # -------- Énergie durable (préfiguration) -- reconstructed original + avenant n°1 (annexe 7)
    {
        "campus": "energie",
        "kind": "prefiguration",
        "title": (
            "Convention cadre du Campus des métiers et des qualifications en préfiguration "
            "Energie Durable"
        ),
        "reconstructed": True,
        "deliberation": None,
        "parties": [
            {
                "kind": "state",
                "organisation": None,
                "authority": "L’État",
                "representative_name": "Christophe KERRERO",
                "representative_title": (
                    "Recteur de la région académique Ile-de-France, recteur de l’académie de "
                    "Paris, chancelier des universités"
                ),
            },
            {
                "kind": "region",
                "organisation": "region_idf",
                "authority": "La Région Île-de-France",
                "representative_name": "Valérie PÉCRESSE",
                "representative_title": "Présidente de la Région Île-de-France",
            },
            {
                "kind": "support",
                "organisation": "paris_saclay",
                "authority": "",
                "representative_name": "Estelle Iacona",
                "representative_title": "Présidente de l’Université Paris Saclay",
            },
            {
                "kind": "other",
                "organisation": "montereau",
                "authority": "",
                "representative_name": "James CHERON",
                "representative_title": "Maire de Montereau-Fault-Yonne",
            },
        ],
        "legal_references": [],
        "preamble": "",
        "articles": [
            {
                "number": 1,
                "title": "Objet de la convention",
                "paragraphs": [
                    {
                        "label": "",
                        "text": (
                            "Texte non repris dans les documents de la délibération CP 2023-263."
                        ),
                    },
                ],
            },
            {
                "number": 2,
                "title": "Objectifs du campus",
                "paragraphs": [
                    {
                        "label": "",
                        "text": (
                            "Texte non repris dans les documents de la délibération CP 2023-263."
                        ),
                    },
                ],
            },
            {
                "number": 3,
                "title": "Gouvernance du campus",
                "paragraphs": [
                    {
                        "label": "",
                        "text": (
                            "Texte non repris dans les documents de la délibération CP 2023-263."
                        ),
                    },
                ],
            },
            {
                "number": 4,
                "title": "Organisation administrative et financière",
                "paragraphs": [
                    {
                        "label": "4.1",
                        "text": (
                            "La région Ile de France participe au programme d’actions "
                            "(communication, actions diverses - forums, déplacements d’élèves "
                            "et/ou de formateurs, …). La Région pourra verser un soutien "
                            "financier d’un montant maximum de 50 000 euros pour le campus et par "
                            "an et à hauteur de maximum 50% de l’ensemble des dépenses du campus, "
                            "selon les conditions prévues par le règlement d’intervention de "
                            "soutien aux réseaux labellisés Campus des métiers et des "
                            "qualifications n° CP 2020-519."
                        ),
                    },
                ],
            },
            {
                "number": 5,
                "title": "Durée de la convention",
                "paragraphs": [
                    {
                        "label": "",
                        "text": (
                            "Texte non repris dans les documents de la délibération CP 2023-263."
                        ),
                    },
                ],
            },
        ],
        "contributions": [
            {
                "party": 1,
                "max_amount_per_year": "50000.00",
                "max_share_percent": "50.00",
                "in_kind": "",
                "regulation": "CP 2020-519",
            },
        ],
        "seat": "",
        "original_copies": None,
        "duration": {
            "kind": "fixed_term",
            "years": 3,
            "renewal": "tacit",
            "text": "",
            "assumed": (
                "Clause de durée absente des seeds : règle supposée par analogie avec la "
                "convention d'origine de Sécurité (trois ans, tacite reconduction). La règle des "
                "conventions de préfiguration de 2023 (un an, portée à l'expiration de la "
                "labellisation) aurait fait expirer la convention avant son avenant de 2023."
            ),
        },
        "termination": None,
        "followup_annex": False,
        "amendments": [
            {
                "number": 1,
                "historical": False,
                "title": (
                    "Avenant n°1 à la convention cadre du Campus des métiers et des "
                    "qualifications en préfiguration Energie Durable"
                ),
                "deliberation": "CP 2023-263",
                "parties_signing": [0, 1, 2, 3],
                "changes": [
                    {
                        "kind": "replace_passage",
                        "article": 4,
                        "paragraph": "4.1",
                        "old": (
                            "La région Ile de France participe au programme d’actions "
                            "(communication, actions diverses - forums, déplacements d’élèves "
                            "et/ou de formateurs, …). La Région pourra verser un soutien "
                            "financier d’un montant maximum de 50 000 euros pour le campus et par "
                            "an et à hauteur de maximum 50% de l’ensemble des dépenses du campus, "
                            "selon les conditions prévues par le règlement d’intervention de "
                            "soutien aux réseaux labellisés Campus des métiers et des "
                            "qualifications n° CP 2020-519."
                        ),
                        "new": (
                            "La région Ile de France participe au programme d’actions "
                            "(communication, actions diverses - forums, déplacements d’élèves "
                            "et/ou de formateurs, …). La Région pourra verser un soutien "
                            "financier d’un montant maximum de 50 000 euros pour le campus et par "
                            "an et à hauteur de maximum 50% de l’ensemble des dépenses du campus, "
                            "selon les conditions prévues par le règlement d’intervention de "
                            "soutien aux réseaux labellisés Campus des métiers et des "
                            "qualifications n° CP 2023-111."
                        ),
                    },
                    {
                        "kind": "add_annex",
                        "title": "Données de suivi",
                    },
                ],
            },
        ],
    },
    # -------- Industrie du futur -- new convention cadre (annexe 8)
    {
        "campus": "if",
        "kind": "prefiguration",
        "title": (
            "Convention cadre du projet de Campus d’Excellence des métiers et des qualifications "
            "Industrie du futur"
        ),
        "reconstructed": False,
        "deliberation": "CP 2023-263",
        "parties": [
            {
                "kind": "state",
                "organisation": None,
                "authority": "L’académie de Paris",
                "representative_name": "Christophe KERRERO",
                "representative_title": (
                    "Recteur de la région académique d’Île-de-France, recteur de l'académie de "
                    "Paris, Chancelier des universités de Paris et d’Île-de-France"
                ),
            },
            {
                "kind": "state",
                "organisation": None,
                "authority": "L’académie de Créteil",
                "representative_name": "Daniel AUVERLOT",
                "representative_title": "Recteur de l’académie de Créteil",
            },
            {
                "kind": "state",
                "organisation": None,
                "authority": "L’académie de Versailles",
                "representative_name": "Charline AVENEL",
                "representative_title": "Rectrice de l’académie de Versailles",
            },
            {
                "kind": "region",
                "organisation": "region_idf",
                "authority": "Le Conseil régional d’Île-de-France",
                "representative_name": "Valérie PECRESSE",
                "representative_title": "Présidente du Conseil régional d’Ile-de-France",
            },
            {
                "kind": "support",
                "organisation": "ueve",
                "authority": "",
                "representative_name": "Vincent Bouhier",
                "representative_title": "Président de l'UEVE",
            },
        ],
        "legal_references": [
            (
                "Vu le code de l’éducation, notamment les articles correspondant à la loi n° "
                "2013-595 du 8 juillet 2013), D.335-33 et suivants"
            ),
            (
                "Vu le code de l’énergie et le code de l’environnement correspondant à la loi n° "
                "2019-1147 du 8 novembre 2019"
            ),
            (
                "Vu la loi n° 2015-992 du 17 août 2015 relative à la transition énergétique pour "
                "la croissance verte"
            ),
            (
                "Vu le décret n° 2014-1100 du 29 septembre 2014 portant création du label « "
                "campus des métiers et des qualifications »"
            ),
            (
                "Vu le décret n° 2020-456 du 21 avril 2020 relatif à la programmation "
                "pluriannuelle de l'énergie"
            ),
            (
                "Vu l’arrêté du 26 septembre 2019 relatif au cahier des charges national pour "
                "l'obtention ou le renouvellement du label « campus des métiers et des "
                "qualifications »"
            ),
            (
                "Vu le Règlement d’Intervention (n° CR n°2017-102 du 19 mai 2017 modifié) "
                "définissant les modalités de soutien du Conseil régional d’Ile-de-France aux "
                "campus des métiers et qualifications."
            ),
        ],
        "preamble": (
            "Deuxième phase de vie et de développement du CMQ Aéronautique et spatial conception, "
            "production, maintenance 4.0 vers industrie du futur.\n"
            "Après un premier label (2018-2022), le campus est aujourd'hui dans une phase de "
            "maturité, de déploiement, et d'extension sur la totalité de la région Île-de-France. "
            "Construit comme une synergie d’acteurs de la formation, de la recherche et du monde "
            "économique, il est porté par l’université d’Evry Val d’Essonne, implanté sur un "
            "territoire d’industrie, et bénéficie d’un écosystème favorable adapté au "
            "développement des entreprises, avec en particulier des établissements d’enseignement "
            "scolaire et supérieur d’excellence partenaires.\n"
            "Le projet porté par le campus depuis 2020, lauréat du Programme Investissement "
            "d’Avenir pour 3,2 millions d’euros sur 10 ans, est fortement orienté sur la réponse "
            "à la transformation numérique de l'industrie du secteur aéronautique et spatial. La "
            "caractérisation de ce secteur en région Ile-de-France nous montre des besoins, en "
            "quantité et en qualité, sur les métiers de la fabrication et de la réalisation "
            "(usinage, soudage, chaudronnerie, électronique, production, robotique), les métiers "
            "de la conception (mécanique, électronique, calcul, fabrication additive), les "
            "métiers de la maintenance (spécifiquement sur les aéronefs, mais aussi des moyens de "
            "production), et les métiers du numérique (data science, continuité numérique, "
            "intelligence artificielle, cyber sécurité, réalités immersives). La transformation "
            "numérique de l’industrie (la quatrième révolution industrielle, appelée aussi "
            "industrie 4.0) provoque, en sus, une évolution de ces métiers : ajout de nouvelles "
            "compétences sans réduire les fondamentaux.\n"
            "Les besoins du secteur aéronautique et spatial portent donc sur des formations, des "
            "métiers et des compétences qui sont complètement communes aux besoins des autres "
            "industries.\n"
            "La re labellisation dans la catégorie excellence est une opportunité pour le Campus "
            "des Métiers et des Qualifications d’élargir plus largement son champ aux enjeux des "
            "métiers de l’industrie (conception, production, maintenance…) tout en maintenant un "
            "ancrage fort autour de la filière aéronautique et spatiale. Cela permet également de "
            "travailler sur l’évolution des formations pour une insertion professionnelle durable "
            "quel que soit le secteur.\n"
            "La création des campus des métiers et des qualifications s’inscrit dans le cadre de "
            "la loi de refondation de l’école du 8 juillet 2013. Elle relève du côté de l’État "
            "d’un processus interministériel qui s’est renforcé au fil des appels à projets, "
            "coordonné par le ministère de l’Éducation nationale, de l’Enseignement supérieur, de "
            "la Recherche et de l’Innovation. Elle témoigne de la volonté de soutenir par la "
            "formation les politiques territoriales de développement économique et social, tout "
            "particulièrement autour des filières économiquement les plus stratégiques. Leur "
            "dynamique doit faciliter l'insertion des jeunes dans l'emploi. La création d’une "
            "nouvelle catégorie de campus des métiers et des qualifications, la catégorie « "
            "Excellence », par l’arrêté du 26 septembre 2019, réaffirme le soutien de l’Etat à "
            "cette démarche et porte l’ambition encore plus loin. Le campus des métiers et des "
            "qualifications de catégorie « Excellence » est créé pour répondre à un enjeu "
            "socio-économique territorial et national particulièrement stratégique. Il participe "
            "au développement des métiers d’avenir et des filières d’excellence françaises. Il "
            "mobilise et fait valoir à cette fin une véritable capacité de recherche et "
            "d’innovation. Il est vecteur de transformation de la voie professionnelle et des "
            "lycées qui la portent. Le campus « Excellence » est incarné physiquement dans des "
            "lieux de vie et d’échanges. Fédérateur et de renommée internationale, il attire les "
            "talents européens et offre des conditions de formation exemplaires grâce aux "
            "partenariats avec les régions et les acteurs économiques. Il contribue à la "
            "constitution de réseaux thématiques nationaux. La qualité de l’offre du campus est "
            "mesurée dans le cadre d’une auto-évaluation et d’une évaluation externe.\n"
            "Pour la Région, l’action des campus des métiers et qualifications, toutes "
            "catégories, s’inscrit à la fois :\n"
            "- dans la mise en œuvre du Schéma régional de développement économique, d’innovation "
            "et d’internationalisation (SRDEII), et plus particulièrement dans l’animation des "
            "filières retenues comme prioritaires par le schéma. Les campus doivent contribuer au "
            "développement des filières en apportant des réponses à leurs besoins en emplois et "
            "compétences ;\n"
            "- dans la déclinaison du Contrat de Plan Régional de Développement de la Formation "
            "et de l'Orientation Professionnelles (CPRDFOP), tant s’agissant de la carte des "
            "formations initiale et continue.\n"
            "- dans la mise en œuvre du schéma régional pour la recherche, l’enseignement "
            "supérieur et l’innovation (SRESRI)\n"
            "- dans la mise en œuvre de la compétence orientation dévolue par l’Etat aux Régions "
            "et définie dans la stratégie pour l'information et l'orientation des Franciliens de "
            "tous âges votée en séance plénière du Conseil régional le 28 mai 2019 ;\n"
            "- dans la stratégie d’ouverture des lycées sur leur environnement, sur la ville et "
            "ses acteurs, et sur les acteurs économiques en particulier. Les lycées deviennent "
            "des lieux d’échanges, où un certain nombre d’espaces et de ressources sont "
            "mutualisés avec d’autres acteurs du territoire.\n"
            "Dans le prolongement des orientations nationales définies par l’Etat dans le cadre "
            "de France 2030 (appels à manifestation d’intérêt « Compétences et Métiers d’Avenir "
            "»), la promotion des campus des métiers s’inscrit pour la région académique / "
            "rectorat, dans les efforts engagés en matière de transformation de la carte des "
            "formations professionnelles pour répondre aux grands enjeux de la transition "
            "économique et au défi de la souveraineté industrielle, numérique et énergétique. Les "
            "projets développés agissent comment des vecteurs de transformation de la carte des "
            "formations et d’attractivité de la voie professionnelle. Ils visent à rénover en "
            "profondeur les diplômes existants en supprimant les formations non insérantes et en "
            "renforçant les secteurs porteurs ainsi que le continuum de formation pré et post "
            "bac.\n"
            "Les projets répondent aux orientations stratégiques du secteur enseignement "
            "supérieur, recherche innovation. La préparation des compétences aujourd’hui requises "
            "par le marché de l’emploi avec en particulier des métiers en forte tension ainsi que "
            "l’anticipation des compétences liées à la réussite de la transition énergétique. Le "
            "développement d’un réseau coordonné autour d’objectifs permettra la mise en "
            "cohérence, en synergies et en complémentarité l’offre de formation professionnelle "
            "de l’ensemble des établissements de la région autour des filières liées à l’énergie "
            "durable.\n"
            "Pour l'Université d’Evry Val d’Essonne, l’action des campus des métiers et "
            "qualifications, permettra :\n"
            "- de soutenir et d’aider le réseau des acteurs de la filière industrielle. Elle "
            "apportera ses compétences dans le domaine de la robotique industrielle, de "
            "l’aéronautique, des réalités immersives, de l’intelligence artificielle, de la "
            "conception, de la production et de la maintenance, et plus généralement de "
            "l’industrie 4.0.\n"
            "- de favoriser l’innovation technologique et les transferts de compétences de la "
            "filière industrielle afin d'améliorer l’insertion professionnelle, d'offrir aux "
            "entreprises des candidats qualifiés et d'encourager le développement économique "
            "local.\n"
            "- d’aider à structurer une offre de formation nouvelle autour des nouveaux enjeux "
            "industriels dans un continuum bac-3/bac+3/ bac + 8; renforçant et diversifiant ainsi "
            "son offre.\n"
            "- d’amplifier l’engagement, via le Centre innovation d’Evry, pour la découverte, la "
            "formation, l’innovation et la recherche autour des nouvelles technologies, de la "
            "transformation numérique, de l’accompagnement des formations et des entreprises du "
            "territoire francilien.\n"
            "Le processus de création des campus des métiers et des qualifications s’inscrit "
            "également dans le cadre de la loi du 7 août 2015 portant nouvelle organisation "
            "territoriale de la République. Il apparaît à ce titre comme un vecteur de "
            "réorganisation de l’action publique répondant aux « besoins de formation et aux "
            "enjeux économiques des territoires ».\n"
            "Le campus\n"
            "Le campus porte le nom « Industrie du Futur ».\n"
            "Il est porté par l’Université d’Evry Val d’Essonne (établissement support selon les "
            "termes du cahier des charges des campus d’excellence), qui assure la Présidence du "
            "Campus.\n"
            "Le campus est aujourd’hui en phase de re labellisation. Les acteurs de la formation, "
            "de l’enseignement supérieur, de la recherche et du monde économique acteurs du "
            "campus « aéronautique et spatial » sont à nouveau mobilisés afin de construire la "
            "nouvelle feuille de route du campus dans son nouveau périmètre.\n"
            "L’objectif de cette convention est d’encadrer le fonctionnement du projet de campus "
            "et de lui donner les ressources nécessaires pour poursuivre les actions lancées, "
            "amplifier la démarche partenariale au regard des enjeux de compétences pour le "
            "territoire."
        ),
        "articles": [
            {
                "number": 1,
                "title": "Objet de la convention",
                "paragraphs": [
                    {
                        "label": "",
                        "text": (
                            "La présente convention définit les conditions générales "
                            "d’organisation et de fonctionnement du projet de campus des métiers "
                            "et des qualifications."
                        ),
                    },
                ],
            },
            {
                "number": 2,
                "title": "Objectifs du projet de campus",
                "paragraphs": [
                    {
                        "label": "",
                        "text": "Le campus vise, depuis sa création, les objectifs suivants :",
                    },
                    {
                        "label": "",
                        "text": (
                            "- Promouvoir les métiers et les parcours de formation par les 3 "
                            "voies, professionnelle industrielle, technologique Sti2d et générale "
                            "scientifique"
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "- Co-élaborer les formations et les parcours pour répondre aux défis "
                            "de l’industrie d’aujourd’hui et de demain"
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "- Renforcer la performance pédagogique industrielle par les "
                            "partenariats"
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "- Favoriser la recherche et l’innovation, accélérer les transferts "
                            "technologiques"
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "Conformément aux retours d’expérience du campus, aux grandes lignes "
                            "stratégiques du SRDEII, et à la programmation France 2030, le CMQ "
                            "d’excellence industrie du futur aura un impact significatif dur les "
                            "décisions futures, et notamment sur l’évolution de la carte des "
                            "formations. Les projets d’évolution seront portés dans une approche "
                            "concertée, faisant en particulier apparaître la logique, la "
                            "cohérence et la synergie des demandes, les mutualisations possibles, "
                            "tant pour les compétences des formateurs que pour l’utilisation des "
                            "équipements."
                        ),
                    },
                ],
            },
            {
                "number": 3,
                "title": "Gouvernance du campus en phase de préfiguration",
                "paragraphs": [
                    {
                        "label": "",
                        "text": "• L’établissement support :",
                    },
                    {
                        "label": "",
                        "text": (
                            "L’Université d’Evry Val d’Essonne, localisée au 23 boulevard "
                            "François Mitterand, 91000 Evry-Courcouronne."
                        ),
                    },
                    {
                        "label": "",
                        "text": "• Le Comité d’orientation stratégique (COS) :",
                    },
                    {
                        "label": "",
                        "text": (
                            "Le COS comprend, sous réserve de leur accord, les personnalités "
                            "suivantes ou leurs représentants (-es) :"
                        ),
                    },
                    {
                        "label": "",
                        "text": "• La présidente du Conseil régional d’Ile-de-France",
                    },
                    {
                        "label": "",
                        "text": (
                            "• Le recteur de la Région académique Ile de France ; recteur de "
                            "l’académie de Paris, chancelier des universités de Paris et "
                            "d'Île-de-France"
                        ),
                    },
                    {
                        "label": "",
                        "text": "• Le président de l'Université UEVE",
                    },
                    {
                        "label": "",
                        "text": "• Le recteur de l’académie de Créteil",
                    },
                    {
                        "label": "",
                        "text": "• La rectrice de l’académie de Versailles",
                    },
                    {
                        "label": "",
                        "text": "• Deux membres (es) des entreprises du secteur",
                    },
                    {
                        "label": "",
                        "text": "• Un (e) membre (e) de pôle emploi",
                    },
                    {
                        "label": "",
                        "text": (
                            "Le COS définit la stratégie du campus, affecte les moyens et évalue "
                            "la mise en œuvre des actions et l’évolution des dossiers. Il se "
                            "réunit une fois par an. Il est co-présidé en alternance tous les "
                            "ans, entre le recteur de la Région académique d’Île de France et la "
                            "présidente de la Région Ile-de-France"
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "Le COS peut associer à sa réflexion toute personne dont l’expertise "
                            "est jugée pertinente pour l’exécution du projet."
                        ),
                    },
                    {
                        "label": "",
                        "text": "• Le Comité de Pilotage (COPIL) :",
                    },
                    {
                        "label": "",
                        "text": (
                            "Le COPIL comprend, sous réserve de leur accord, les personnalités "
                            "suivantes ou leurs représentants (-e) :"
                        ),
                    },
                    {
                        "label": "",
                        "text": "• Le (la) Directeur(trice) opérationnel(le) de préfiguration,",
                    },
                    {
                        "label": "",
                        "text": "• Les membres des collectivités territoriales soutien du campus",
                    },
                    {
                        "label": "",
                        "text": (
                            "• Les acteurs de l’enseignement secondaire, supérieur, de "
                            "l’insertion professionnelle, des fédérations sectorielles"
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "• Les membres des fédérations professionnelles et des industriels"
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "Ce comité de pilotage est chargé de suivre et de faciliter la mise "
                            "en œuvre des orientations actées par le comité d’orientation "
                            "stratégique. Son information, son organisation et son animation sont "
                            "assurées par le (la) directeur(trice) opérationnel(le) de "
                            "préfiguration, chef(fe) de projet."
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "Des experts peuvent y être invités en tant que de besoin. Il se "
                            "réunit au moins une fois par trimestre."
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "Dans ces deux comités (COPIL et COS) les décisions relatives au "
                            "projet sont prises de manière unanime par l’ensemble des membres. "
                            "Après chaque comité, le (la) directeur(trice) opérationnel(le) "
                            "proposera un relevé de décisions décrivant de manière directe et "
                            "lisible, les points importants abordés en séance et les décisions "
                            "qui s'y rapportent. Il sera validé par les membres."
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "Plusieurs groupes de travail seront organisés pour asseoir le "
                            "travail du COPIL et du COS."
                        ),
                    },
                    {
                        "label": "",
                        "text": "• La direction du campus",
                    },
                    {
                        "label": "",
                        "text": (
                            "Le (la) Directeur (-rice) opérationnel(le) de préfiguration du "
                            "Campus, placé(-e) sous l’autorité hiérarchique du Directeur général "
                            "de services de l’université UEVE , aura pour mission de :"
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "• Contribuer à la définition des objectifs qualitatifs et "
                            "quantitatifs du programme ;"
                        ),
                    },
                    {
                        "label": "",
                        "text": "• Proposer les partenariats à conclure ;",
                    },
                    {
                        "label": "",
                        "text": "• Définir le plan d’actions ;",
                    },
                    {
                        "label": "",
                        "text": (
                            "• Solliciter, préparer et animer les différents comités de la "
                            "gouvernance ;"
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "• Elaborer une stratégie de communication et de valorisation du "
                            "programme et de ses réalisations, y compris dans sa dimension "
                            "pédagogique ;"
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "• Elaborer le projet de consortium du Campus des Métiers et "
                            "Qualifications ;"
                        ),
                    },
                    {
                        "label": "",
                        "text": "• Piloter la rédaction du dossier de labellisation.",
                    },
                    {
                        "label": "",
                        "text": (
                            "• Etablir les rapports et bilans annuels d’activité et financiers et "
                            "fournir les données (en annexe de la convention) nécessaires au "
                            "suivi et à l’auto-évaluation du campus."
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "Le (la) Directeur (-rice) opérationnel(le) est choisi(e) par accord "
                            "des parties signataires de la présente convention sur proposition de "
                            "l'Université UEVE. Il (elle) reporte régulièrement aux membres du "
                            "comité d’orientation stratégique."
                        ),
                    },
                ],
            },
            {
                "number": 4,
                "title": "Organisation administrative et financière",
                "paragraphs": [
                    {
                        "label": "4.1",
                        "text": (
                            "Contributions :\n"
                            "Les membres signataires de la présente convention s’engagent aux "
                            "contributions suivantes :\n"
                            "L’Académie de Versailles :\n"
                            "• Participe au financement du salaire du (de la) Directeur(-rice) "
                            "opérationnel(le) de préfiguration et/ou des actions du campus.\n"
                            "L’Académie de Versailles s’engage à verser un soutien financier d’un "
                            "montant maximum de 50 000 euros pour le campus et par an.\n"
                            "• Pilote la conception et la mise en œuvre de l’offre et des "
                            "parcours de formation au sein des lycées et du projet de campus. "
                            "Elle mobilise les corps d’inspection et les Ingénieurs pour l’Ecole "
                            "(IPE) pertinents sur le périmètre métiers et formation du campus "
                            "ainsi que tous les services concernés (CSAIO, Dareic…).\n"
                            "Le Conseil régional d’Ile-de-France\n"
                            "• Participe au financement du salaire du (de la) Directeur(-rice) "
                            "opérationnel(le) de préfiguration et/ou des actions du campus.\n"
                            "Le Conseil régional d’Ile-de-France s’engage à verser un soutien "
                            "financier d’un montant maximum de 50 000 euros pour le campus et par "
                            "an, selon les conditions prévues par le règlement d’intervention de "
                            "soutien aux réseaux labellisés Campus des métiers et des "
                            "qualifications n° CR 2017-102 modifié.\n"
                            "Le versement de ces subventions est subordonné à la signature, par "
                            "le bénéficiaire de la subvention (à savoir l’établissement support), "
                            "d’une convention conforme à la convention-type du dispositif "
                            "régional « soutien aux réseaux labellisés campus des métiers et des "
                            "qualifications », adoptée par la délibération n° CP 2020-519.\n"
                            "• Participe à la prise de contact d’acteurs économiques en lien "
                            "étroit avec le(la) Directeur(-rice) opérationnel(le) de "
                            "préfiguration.\n"
                            "l'Université UEVE (établissement support) :\n"
                            "• Propose des actions de formation, de recherche, d’innovation et de "
                            "diffusion de la culture scientifique et technique, en s’appuyant sur "
                            "ses forces et celles de son réseau de partenaires (académiques, "
                            "institutionnels, industriels)\n"
                            "• Propose, collecte, analyse et établit des actions pour soutenir le "
                            "financement et le développement du projet\n"
                            "• Propose des actions pour développer l’offre et les parcours de "
                            "formation au sein des établissements partenaires du campus\n"
                            "• Mène concomitamment avec les signataires de la convention la "
                            "procédure de recrutement du (de la) Directeur (-rice) "
                            "opérationel(le) de préfiguration et propose le nom des candidats(es) "
                            "retenus(es) à la région Ile de France et la région Académique.\n"
                            "• Rémunère le(la) Directeur(-rice) opérationnel(le) de "
                            "préfiguration.\n"
                            "• Met à disposition un espace de travail au sein de l’Université "
                            "pour le(la) Directeur(-rice) opérationnel(le).\n"
                            "• Assure la gestion financière et comptable en relation étroite avec "
                            "le (la) Directeur (-rice) opérationel (le).\n"
                            "D’autres sources de financement seront recherchées (FSE, projets "
                            "européens, taxe d’apprentissage…)."
                        ),
                    },
                    {
                        "label": "4.2",
                        "text": (
                            "Gestion financière et comptable :\n"
                            "La gestion comptable et financière du projet est assurée par "
                            "l’établissement support en relation étroite avec le (la) Directeur "
                            "(-rice) opérationnel(le) et les responsables des établissements "
                            "co-porteurs. Un bilan annuel et des budget prévisionnels sont "
                            "établis par ce même directeur (-rice) et présentés au COPIL et au "
                            "COS."
                        ),
                    },
                    {
                        "label": "4.3",
                        "text": (
                            "Siège administratif :\n"
                            "Le campus a son siège administratif à l'adresse de l’établissement "
                            "support : 23 boulevard François Mitterand, 91000 Evry-Courcouronnes."
                        ),
                    },
                ],
            },
            {
                "number": 5,
                "title": "Durée de la convention",
                "paragraphs": [
                    {
                        "label": "5.1",
                        "text": (
                            "Durée :\n"
                            "La présente convention est conclue pour une période d'un an. En cas "
                            "de labellisation du Campus par arrêté ministériel, l'échéance de la "
                            "présente convention est portée à la date de l'expiration de la "
                            "labellisation.\n"
                            "Elle est renouvelable en cas de renouvellement du label du Campus, "
                            "pour la durée de la nouvelle labellisation par reconduction expresse."
                        ),
                    },
                    {
                        "label": "5.2",
                        "text": (
                            "Dénonciation :\n"
                            "Chaque partie peut dénoncer la présente convention par notification "
                            "écrite adressée aux autres parties avec copie au (à la) Directeur "
                            "(-rice) opérationel(le) sans motif et sans pénalité ni "
                            "responsabilité à quelque moment que ce soit et au plus tard trois "
                            "(3) mois avant la date d’échéance de celle-ci."
                        ),
                    },
                    {
                        "label": "5.3",
                        "text": (
                            "Règlement des différents :\n"
                            "Les parties s’efforcent de résoudre à l’amiable les contestations "
                            "qui pourraient surgir de l’interprétation ou de l’exécution de la "
                            "présente convention. A défaut de résolution amiable du litige né de "
                            "l’interprétation et/ou de l’exécution de la présente convention, le "
                            "différend sera porté devant les juridictions compétentes."
                        ),
                    },
                    {
                        "label": "",
                        "text": "La présente convention comporte 8 feuillets.",
                    },
                ],
            },
        ],
        "contributions": [
            {
                "party": 2,
                "max_amount_per_year": "50000.00",
                "max_share_percent": None,
                "in_kind": (
                    "Participe au financement du salaire du (de la) Directeur(-rice) "
                    "opérationnel(le) de préfiguration et/ou des actions du campus ; pilote la "
                    "conception et la mise en œuvre de l’offre et des parcours de formation au "
                    "sein des lycées et du projet de campus, mobilise les corps d’inspection, les "
                    "Ingénieurs pour l’Ecole (IPE) et les services concernés (CSAIO, Dareic…)."
                ),
                "regulation": "",
            },
            {
                "party": 3,
                "max_amount_per_year": "50000.00",
                "max_share_percent": None,
                "in_kind": (
                    "Participe au financement du salaire du (de la) Directeur(-rice) "
                    "opérationnel(le) de préfiguration et/ou des actions du campus ; participe à "
                    "la prise de contact d’acteurs économiques. Versement subordonné à une "
                    "convention conforme à la convention-type adoptée par la délibération n° CP "
                    "2020-519."
                ),
                "regulation": "CR 2017-102",
            },
            {
                "party": 4,
                "max_amount_per_year": None,
                "max_share_percent": None,
                "in_kind": (
                    "Établissement support : rémunère le(la) Directeur(-rice) opérationnel(le) de "
                    "préfiguration, met à disposition un espace de travail, assure la gestion "
                    "financière et comptable, propose des actions de formation, de recherche et "
                    "d’innovation, mène avec les signataires le recrutement du directeur."
                ),
                "regulation": "",
            },
        ],
        "seat": "23 boulevard François Mitterand, 91000 Evry-Courcouronnes",
        "original_copies": None,
        "duration": {
            "kind": "one_year_extended_to_label_end",
            "years": 1,
            "renewal": "express",
            "text": (
                "La présente convention est conclue pour une période d'un an. En cas de "
                "labellisation du Campus par arrêté ministériel, l'échéance de la présente "
                "convention est portée à la date de l'expiration de la labellisation. Elle est "
                "renouvelable en cas de renouvellement du label du Campus, pour la durée de la "
                "nouvelle labellisation par reconduction expresse."
            ),
        },
        "termination": {
            "notice_months": 3,
            "counts_from": "convention_end",
            "form": (
                "notification écrite adressée aux autres parties avec copie au (à la) Directeur "
                "(-rice) opérationel(le)"
            ),
            "with_reason_only": False,
            "text": (
                "Chaque partie peut dénoncer la présente convention par notification écrite "
                "adressée aux autres parties avec copie au (à la) Directeur (-rice) "
                "opérationel(le) sans motif et sans pénalité ni responsabilité à quelque moment "
                "que ce soit et au plus tard trois (3) mois avant la date d’échéance de celle-ci."
            ),
        },
        "followup_annex": True,
        "amendments": [],
    },
    # -------- Mode, métiers d'art et design -- new convention cadre (annexe 9)
    {
        "campus": "mode",
        "kind": "constitutive",
        "title": (
            "Convention cadre du Campus des métiers et des qualifications - catégorie Excellence "
            "« Campus MOde, Métiers d’Art et DEsign – Manufactures des Gobelins »"
        ),
        "reconstructed": False,
        "deliberation": "CP 2023-263",
        "parties": [
            {
                "kind": "state",
                "organisation": None,
                "authority": "L’État",
                "representative_name": "Christophe KERRERO",
                "representative_title": (
                    "Recteur de la région académique d’Île-de-France, Recteur de l'académie de "
                    "Paris, Chancelier des universités de Paris et d’Île-de-France"
                ),
            },
            {
                "kind": "state",
                "organisation": None,
                "authority": "L’État",
                "representative_name": "Daniel AUVERLOT",
                "representative_title": "Recteur de l’académie de Créteil",
            },
            {
                "kind": "region",
                "organisation": "region_idf",
                "authority": "La Région Île-de-France",
                "representative_name": "Valérie PECRESSE",
                "representative_title": "Présidente de la Région Île-de-France",
            },
            {
                "kind": "support",
                "organisation": "ensad",
                "authority": "",
                "representative_name": "Emmanuel TIBLOUX",
                "representative_title": (
                    "Directeur de l’École nationale Supérieure des Arts Décoratifs"
                ),
            },
            {
                "kind": "other",
                "organisation": "mobilier_national",
                "authority": "",
                "representative_name": "Hervé LEMOINE",
                "representative_title": "Président du Mobilier National",
            },
        ],
        "legal_references": [
            "Considérant le code de l'éducation, notamment les articles D.335-33 et suivants",
            (
                "Considérant la loi n° 2013-595 du 8 juillet 2013 d'orientation et de "
                "programmation pour la refondation de l'école de la République"
            ),
            (
                "Considérant le décret n° 2014-1100 du 29 septembre 2014 portant création du "
                "label « campus des métiers et des qualifications »"
            ),
            (
                "Considérant l'arrêté du 26 septembre 2019 relatif au cahier des charges national "
                "pour l'obtention ou le renouvellement du label « campus des métiers et des "
                "qualifications »"
            ),
        ],
        "preamble": (
            "La présente convention définit les conditions générales d'organisation et de "
            "fonctionnement du campus des métiers et des qualifications Campus MOde, Métiers "
            "d’Art et DEsign – Manufactures des Gobelins\n"
            "La création des campus des métiers et des qualifications s'inscrit dans le cadre de "
            "la loi de refondation de l'école du 8 juillet 2013. Elle participe d'un processus "
            "interministériel qui s'est renforcé au fil des appels à projets, coordonné par le "
            "ministère en charge de l’Éducation nationale et le ministère de l'Enseignement "
            "supérieur, de la Recherche et de l'Innovation. Elle témoigne de la volonté de "
            "soutenir par la formation, les politiques territoriales de développement économique "
            "et social, tout particulièrement autour des filières économiquement les plus "
            "stratégiques. Leur dynamique doit faciliter l'insertion des jeunes dans l'emploi.\n"
            "Une nouvelle impulsion au dispositif a été donnée par le ministre en charge de "
            "l’Éducation nationale par la publication de l’arrêté du 26 septembre 2019 relatif au "
            "cahier des charges national pour l’obtention ou le renouvellement du label « campus "
            "des métiers et des qualifications ».\n"
            "Pour la région Île-de-France, l'action des campus des métiers et qualification "
            "s'inscrit à la fois :\n"
            "- dans la mise en œuvre du Schéma régional de développement économique, d'innovation "
            "et d'internationalisation, et plus particulièrement dans l'animation des filières "
            "retenues comme prioritaires par le schéma. Les campus doivent contribuer au "
            "développement des filières en apportant des réponses à leurs besoins en emplois et "
            "compétences ;\n"
            "- dans la déclinaison du Contrat de Plan Régional de Développement de la Formation "
            "et de l'Orientation Professionnelles (CPRDFOP), tant s'agissant de la carte des "
            "formations initiales et continues que de la mise en œuvre du Service public régional "
            "de l'orientation ;\n"
            "- en lien avec le schéma régional de l’enseignement supérieur, la recherche et "
            "l’innovation 2023-2028 voté le 9 novembre 2022.\n"
            "Le processus de création des campus des métiers et des qualifications s'inscrit "
            "également dans le cadre de la loi du 7 août 2015 portant nouvelle organisation "
            "territoriale de la République. Il apparaît à ce titre comme un vecteur de "
            "réorganisation de l'action publique répondant aux « besoins de formation et aux "
            "enjeux économiques des territoires ».\n"
            "Le dossier de campus des métiers et des qualifications « Campus MOde, Métiers d’Art "
            "et DEsign – Manufactures des Gobelins »,, (ci-après dénommé le campus) sera présenté "
            "au premier semestre 2023 au titre de la catégorie Excellence du cahier des charges "
            "publié en septembre 2019. Il est issu de la fusion de deux projets :\n"
            "- Le « Campus des Métiers d'Art et du Design, Paris - Manufacture des Gobelins », "
            "labellisé Excellence le 25 août 2020,\n"
            "- Le projet en préfiguration du Campus Mode – Île-de-France.\n"
            "Ce regroupement s’inscrit dans la volonté des parties de ces deux campus d’origine "
            "et répond, notamment, à la demande des acteurs économiques.\n"
            "Le campus constitue un cadre territorialisé de concertation dans un domaine dont les "
            "enjeux stratégiques sont avérés pour l'économie et l'emploi tant au plan national "
            "que francilien. A ce titre, il porte une approche nouvelle de la formation "
            "professionnelle mobilisant opérateurs de formation, entreprises ou organisations "
            "professionnelles, et collectivités territoriales. Il constitue un espace de dialogue "
            "permettant d'harmoniser les choix des différents opérateurs de formation, en "
            "fonction des priorités communes, et en cohérence avec les besoins en compétences, "
            "actuelles et prévisibles, des acteurs économiques des filières concernées. Il doit "
            "organiser leur mise en réseau, faciliter les échanges. Il n'a néanmoins nullement "
            "vocation à se substituer aux opérateurs de formation."
        ),
        "articles": [
            {
                "number": 1,
                "title": "Objectifs du campus",
                "paragraphs": [
                    {
                        "label": "",
                        "text": (
                            "Le campus des métiers et des qualifications « Campus Métiers d'Art, "
                            "Mode et Design – Manufactures des Gobelins » porte sur les "
                            "formations dans le domaine des métiers d'art¹, de la mode et du "
                            "design."
                        ),
                    },
                    {
                        "label": "",
                        "text": "Le Campus se déploie sur les domaines d'activités suivants :",
                    },
                    {
                        "label": "",
                        "text": "- Domaine de l’ameublement et de la décoration",
                    },
                    {
                        "label": "",
                        "text": "- Domaine de l’architecture intérieure et des jardins",
                    },
                    {
                        "label": "",
                        "text": "- Domaine de la bijouterie, joaillerie, orfèvrerie, horlogerie",
                    },
                    {
                        "label": "",
                        "text": (
                            "- Domaine de la chaussure, de la maroquinerie et de l’accessoire de "
                            "mode"
                        ),
                    },
                    {
                        "label": "",
                        "text": "- Domaine de l’habillement et du textile",
                    },
                    {
                        "label": "",
                        "text": "- Domaine de l’artisanat d’art lié au vêtement",
                    },
                    {
                        "label": "",
                        "text": "- Domaine de la céramique et des arts du feu",
                    },
                    {
                        "label": "",
                        "text": "- Domaine du verre et du cristal",
                    },
                    {
                        "label": "",
                        "text": "- Domaine du métal",
                    },
                    {
                        "label": "",
                        "text": "- Domaine de la pierre",
                    },
                    {
                        "label": "",
                        "text": "- Domaine de l’objet",
                    },
                    {
                        "label": "",
                        "text": "- Domaine du papier, du livre",
                    },
                    {
                        "label": "",
                        "text": "- Domaine du numérique et de l’animation",
                    },
                    {
                        "label": "",
                        "text": "- Domaine de l’évènementiel et de la scénographie",
                    },
                    {
                        "label": "",
                        "text": "- Domaine du spectacle",
                    },
                    {
                        "label": "",
                        "text": "Le campus vise les objectifs suivants :",
                    },
                    {
                        "label": "",
                        "text": (
                            "• Promouvoir les formations d’excellence aux métiers d’arts, de la "
                            "mode et du design à l’échelle francilienne, nationale et "
                            "internationale et valoriser les filières du secteur et les rendre "
                            "accessibles à tous les publics notamment dans les EPLE des académies "
                            "de Paris et Créteil,"
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "• Développer et adapter les parcours de formation bac-3/+3/+5 en "
                            "cohérence avec les perspectives économiques et sociales pour tous "
                            "les publics, en formation initiale et formation continue, promouvoir "
                            "l’apprentissage et faciliter l'insertion professionnelle tout au "
                            "long de la vie,"
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "• Adapter et moderniser les pratiques professionnelles et "
                            "accompagner le développement des formations et des entreprises par "
                            "la recherche, l'innovation et l'évolution des compétences et des "
                            "pratiques,"
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "• Développer les échanges internationaux et les partenariats "
                            "stratégiques entre organismes de formation et acteurs économiques "
                            "français et étrangers."
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "La constitution du campus des métiers et des qualifications aura un "
                            "impact significatif sur les décisions futures, et notamment sur "
                            "l'évolution de la carte des formations, les modalités de recrutement "
                            "et l'identification des publics. Ainsi, les propositions d'évolution "
                            "concernant les établissements faisant partie du campus devront être "
                            "considérées à la lumière de leur appartenance à cette entité."
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "Les projets d'évolution devront être portés dans une approche "
                            "concertée, faisant en particulier apparaître la logique, la "
                            "cohérence et la synergie des demandes, les mutualisations possibles, "
                            "tant pour les compétences des formateurs que pour l'utilisation des "
                            "équipements."
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "¹ La liste des métiers d’art fixée par arrêté compte plus de 280 "
                            "activités regroupées au sein de 16 domaines dans une logique de "
                            "filière. Les métiers d’art et du design sont définit en 14 mentions "
                            "par arrêté du 18 mai 2018 relatif au diplôme DNMADE."
                        ),
                    },
                ],
            },
            {
                "number": 2,
                "title": "Gouvernance du campus",
                "paragraphs": [
                    {
                        "label": "2.1",
                        "text": (
                            "Le Comité d'Orientation Stratégique (COS)\n"
                            "Le Comité d'Orientation Stratégique (COS) a pour mission de :\n"
                            "• définir les stratégies à mettre en œuvre et les adapter ;\n"
                            "• établir, phaser et contrôler le programme d'actions et affecter "
                            "les moyens ;\n"
                            "• valider puis évaluer le plan d'action élaboré par l’équipe de "
                            "direction opérationnelle sur la base des orientations stratégiques "
                            "définies par le COS ;\n"
                            "• évaluer les actions conduites.\n"
                            "Il comprend les membres suivants :\n"
                            "• Un représentant de la région Île-de-France (la présidente de "
                            "Région ou son représentant) ;\n"
                            "• Un représentant de la région académique (le recteur de la région "
                            "académique d'Île de-France, recteur de l'académie de Paris, "
                            "chancelier des universités de Paris et d'Île-de-France ou son "
                            "représentant) ;\n"
                            "• Un représentant des autorités académiques de Paris et de Créteil "
                            "(le recteur de l’académie de Créteil ou son représentant ; le "
                            "directeur de l’académie de Paris ou son représentant) ;\n"
                            "• Le directeur de l'établissement porteur (directeur de l'École "
                            "nationale Supérieure des Arts décoratifs ou son représentant) ;\n"
                            "• Le directeur de l'Unité régionale de la Directions régionales de "
                            "l'économie, de l'emploi, du travail et des solidarités ou son "
                            "représentant ;\n"
                            "• Le président du Mobilier National ou son représentant ;\n"
                            "• Trois représentants des opérateurs de formation partenaires (le "
                            "directeur de l'Institut Français de la Mode ou son représentant, "
                            "l'administrateur général du CNAM ou son représentant, le président "
                            "de la conférence des écoles supérieures d’arts appliqués de Paris ou "
                            "son représentant) ;\n"
                            "• Deux représentants de la Conférence des écoles supérieures d’arts "
                            "appliqués de Paris (Césaap) ;\n"
                            "• Un représentant du Comité Colbert ;\n"
                            "• Au moins un représentant des entreprises partenaires ;\n"
                            "• Au moins un représentant des fondations et des mécènes ;\n"
                            "• Au moins un représentant des lieux d’incarnation.\n"
                            "Auront vocation à siéger pour avis au titre des personnalités "
                            "qualifiées, un représentant du monde de l'enseignement supérieur et "
                            "de la recherche, un représentant de l'inspection générale de "
                            "l'éducation nationale, un représentant du bureau des industries "
                            "créatives / métiers d'art, design et mode du ministère de la "
                            "Culture, un acteur ou expert étranger.\n"
                            "L’équipe de direction opérationnelle participe aux réunions avec "
                            "voix consultative.\n"
                            "Il est co-présidé par la présidente de la région Île-de-France et le "
                            "recteur de la région académique d'Île-de-France, recteur de "
                            "l'académie de Paris, chancelier des universités de Paris et "
                            "d'Île-de-France. Les co-présidents réunissent le COS une fois par an "
                            "au moins."
                        ),
                    },
                    {
                        "label": "2.2",
                        "text": (
                            "Le Directoire du Campus\n"
                            "Instance de pilotage émanant du COS permettant de suivre au plus "
                            "près la mise en œuvre des orientations stratégiques définies par le "
                            "COS, le Directoire est présidé par le directeur de l’établissement "
                            "support qui le réunit deux fois par an au moins.\n"
                            "Le Directoire est composé des personnalités suivantes :\n"
                            "- Le directeur de l'établissement support (École nationale "
                            "Supérieure des Arts décoratifs), président du Directoire,\n"
                            "- Le délégué de région académique à la formation professionnelle "
                            "initiale et continue (ou son représentant),\n"
                            "- Un inspecteur général en charge des métiers d’art, de la mode et "
                            "du design ;\n"
                            "- le président du Mobilier national ou son représentant\n"
                            "- L’équipe de direction opérationnelle,\n"
                            "- Un représentant de la Région,\n"
                            "- Un représentant des entreprises."
                        ),
                    },
                    {
                        "label": "2.3",
                        "text": (
                            "Le comité de pilotage\n"
                            "Le comité de pilotage (COPIL) a pour rôle de :\n"
                            "- préparer le programme annuel d'actions ;\n"
                            "- suivre l'avancement des projets ;\n"
                            "- organiser les missions et la composition des groupes de travail, "
                            "dont la nomination des pilotes ;\n"
                            "- mobiliser les co-financements utiles pour la mise en œuvre des "
                            "projets.\n"
                            "Le Copil est constitué des personnalités suivantes :\n"
                            "- Le directeur de l'établissement support (École nationale "
                            "Supérieure des Arts décoratifs) ou son représentant,\n"
                            "- L’équipe de direction opérationnelle du campus,\n"
                            "- Les adjoints DRAFPIC de l’académie de Paris et de l’académie de "
                            "Créteil,\n"
                            "- Le chef de projet Campus des métiers et qualification de la région "
                            "Île-de-France,\n"
                            "- Les délégués académiques aux arts et à la culture de l’académie de "
                            "Paris et de l’académie de Créteil,\n"
                            "- Deux inspecteurs : un inspecteur pédagogique régional (IA-IPR) et "
                            "un inspecteur de l'Éducation nationale de l'enseignement technique "
                            "(IEN-ET)] en charge des arts appliqués,\n"
                            "- Deux inspecteurs : un inspecteur pédagogique régional (IA-IPR) et "
                            "un inspecteur de l'Éducation nationale de l'enseignement technique "
                            "(IEN-ET)] en charge des métiers de la mode,\n"
                            "- Un représentant de chacun des établissements partenaires membres "
                            "du Campus,\n"
                            "- Un représentant de chacune des structures ou organisations "
                            "professionnelles membres du Campus,\n"
                            "- Un représentant de chacune des institutions culturelles ou "
                            "organismes publics membres du Campus,\n"
                            "- Un représentant de chacune des entreprises partenaires du Campus.\n"
                            "Le Copil est présidé par le directeur de l’établissement support. Il "
                            "se réunit deux fois par an.\n"
                            "Il met en place autant de commissions de suivi et de groupes de "
                            "travail que nécessaire.\n"
                            "L’évaluation consolidée des projets, des résultats et des "
                            "performances atteintes est présentée périodiquement au Copil."
                        ),
                    },
                    {
                        "label": "2.4",
                        "text": (
                            "La direction opérationnelle\n"
                            "Le Campus est piloté par une équipe de direction composée par un "
                            "directeur opérationnel et un directeur opérationnel adjoint. "
                            "L’équipe de direction est désignée par le recteur de la région "
                            "académique d’Île-de-France, recteur de l'académie de Paris, "
                            "chancelier des universités de Paris et d’Île-de-France et le recteur "
                            "de l’académie de Créteil après avis du COS.\n"
                            "L’équipe de direction propose et met en œuvre, en lien avec les "
                            "partenaires, la stratégie, les plans d’action et les actions de "
                            "communication du campus des métiers et des qualifications.\n"
                            "L’équipe de direction gère les ressources matérielles et financières "
                            "mises à sa disposition pour l’exercice de sa mission et le "
                            "fonctionnement du Campus. Elle informe les membres du Campus, en "
                            "organise et animent les réunions des instances et assure sa "
                            "communication. Elle fédère les entreprises et les opérateurs de "
                            "formation et prospecte pour de nouveaux financements (PIA, FSE, "
                            "contribution directe des partenaires …).\n"
                            "L’équipe de direction a un rôle de pivot dans la relation entre les "
                            "partenaires et dans la préparation des travaux du COS et du Copil. "
                            "Elle organise et suit la mise en œuvre des actions et la promotion "
                            "du Campus. Elle organise et fédère les interventions des différents "
                            "opérateurs et veille au respect de l’orientation de la politique "
                            "générale.\n"
                            "L’équipe de direction établit les rapports et bilans annuels "
                            "d’activité et financiers et fournissent les données (en annexe de la "
                            "convention) nécessaires au suivi et à l’auto-évaluation du campus.\n"
                            "Les missions du directeur opérationnel et du directeur opérationnel "
                            "adjoint sont définies par une lettre de mission co-signée du recteur "
                            "de la région académique d'Île-de-France, recteur de l'académie de "
                            "Paris, chancelier des universités de Paris et d'Île-de-France, du "
                            "recteur de l’académie de Créteil et de la présidente de région. Ils "
                            "sont placés sous l'autorité hiérarchique du recteur de l'académie de "
                            "Paris et sous l'autorité fonctionnelle du directeur de l'ENSAD, "
                            "établissement support du campus. Le directeur opérationnel et le "
                            "directeur opérationnel adjoint rendent compte de leur action devant "
                            "le Comité d'Orientation Stratégique."
                        ),
                    },
                ],
            },
            {
                "number": 3,
                "title": "Organisation administrative et financière",
                "paragraphs": [
                    {
                        "label": "3.1",
                        "text": (
                            "Contributions\n"
                            "Les membres fondateurs du campus signataires de la présente "
                            "convention s'engagent aux contributions suivantes :\n"
                            "Les académies de Paris et de Créteil,\n"
                            "• Prennent en charge les postes à temps plein du directeur "
                            "opérationnel et du directeur opérationnel adjoint du Campus, au "
                            "titre de la coordination de l'action du campus pour un montant "
                            "maximum de 100 000 € par an,\n"
                            "• Participent au programme d'actions à travers la mobilisation de "
                            "l’ensemble des services amenés à être concernés par les activités du "
                            "Campus.\n"
                            "La région Île-de-France, à parité, avec les académies de Paris et de "
                            "Créteil,\n"
                            "Participe au programme d’action du Campus. La Région verse un "
                            "soutien financier d’un montant maximum de 100 000 € et à hauteur de "
                            "50 % maximum de l’ensemble des dépenses du Campus, selon les "
                            "conditions prévues par le par le règlement d'intervention de soutien "
                            "aux réseaux labellisés Campus des métiers et des qualifications n° "
                            "CP 2023-111. Pour l’année 2023, la région Île-de-France prévoit le "
                            "versement d’une subvention spécifique plafonnée à 100 000 €.\n"
                            "Le versement de ces subventions est subordonné à la signature, par "
                            "le bénéficiaire de la subvention, d'une convention conforme à la "
                            "convention-type du dispositif régional « soutien aux réseaux "
                            "labellisés campus des métiers et des qualifications », adoptée par "
                            "la délibération n° CR 2017-102.\n"
                            "L'École nationale Supérieure des Arts Décoratifs\n"
                            "• Assure le pilotage stratégique du campus, sur la base des "
                            "orientations stratégiques définies par le COS et en lien avec la "
                            "direction opérationnelle du Campus,\n"
                            "• Assure la gestion financière et comptable des ressources affectées "
                            "au campus en lien avec la direction opérationnelle du Campus. A ce "
                            "titre, il sera mis à disposition un poste de chargé de cette "
                            "mission, financé par le campus. L’Ecole met à disposition un bureau "
                            "et les moyens logistiques associés destinés à ce poste,\n"
                            "• Le Directeur, en liaison avec la direction opérationnelle du "
                            "Campus, prospecte pour d'autres sources de financement.\n"
                            "Le Mobilier national\n"
                            "Le Mobilier national, en tant que membre fondateur, accueille sur "
                            "son site les différents espaces du Campus tels que définis "
                            "ci-dessous. La mise à disposition s’effectue selon les termes d’une "
                            "concession domaniale passée pour chaque espace mis à disposition. Le "
                            "Mobilier national assure la maintenance et le bon fonctionnement des "
                            "espaces affectés au Campus en lien avec la direction "
                            "opérationnelle.\n"
                            "Ces locaux, situés au 42 avenue des Gobelins, Paris 13ème, "
                            "comprennent :\n"
                            "• Des espaces dédiés au Campus :\n"
                            "- Un espace administratif (2 bureaux, 1 salle de réunion, 1 salle de "
                            "formation, un espace de stockage),\n"
                            "- Un espace de co-working permettant d'accueillir des groupes,\n"
                            "- Un atelier de prototypage (fablab) et un espace de stockage\n"
                            "• Des espaces mutualisés :\n"
                            "- Une matériauthèque.\n"
                            "- Un espace de conférence (salle Le Brun)\n"
                            "• Des espaces d'exposition disponibles régulièrement sur demande "
                            "selon une programmation élaborée en collaboration avec les équipes "
                            "du mobilier national :\n"
                            "- Galerie des Gobelins,\n"
                            "- Chapelle des Gobelins.\n"
                            "Le Mobilier national est susceptible de mettre à disposition du "
                            "Campus certains de ses agents et services, en accord avec leur "
                            "hiérarchie, selon les besoins.\n"
                            "En accord avec les partenaires économiques, d’autres lieux "
                            "d’incarnation pourront être mis à disposition du Campus pour mener à "
                            "bien ses actions. Des conventions spécifiques entre les partenaires "
                            "seront établies à cette fin."
                        ),
                    },
                    {
                        "label": "3.2",
                        "text": (
                            "Gestion financière et comptable\n"
                            "Elle est assurée par l'établissement support en relation étroite "
                            "avec la direction opérationnelle du Campus. Un bilan annuel est "
                            "établi par cette même direction et présenté au Comité de Pilotage et "
                            "au Comité d'Orientation Stratégique."
                        ),
                    },
                    {
                        "label": "3.3",
                        "text": (
                            "Siège administratif\n"
                            "Le Campus a son siège administratif à l'adresse suivante : ENSAD, 31 "
                            "rue d’Ulm – 75005 Paris."
                        ),
                    },
                ],
            },
            {
                "number": 4,
                "title": "Durée de la convention",
                "paragraphs": [
                    {
                        "label": "4.1",
                        "text": (
                            "Durée\n"
                            "La présente convention est conclue pour une période comprise entre "
                            "la date de sa signature et jusqu'à l'échéance de la labellisation du "
                            "Campus. Elle est renouvelable en cas de renouvellement du label du "
                            "Campus, pour la durée de la nouvelle labellisation par reconduction "
                            "expresse.\n"
                            "Elle donne lieu à une évaluation à mi-parcours, réalisée sous la "
                            "responsabilité du comité d'orientation stratégique."
                        ),
                    },
                    {
                        "label": "4.2",
                        "text": (
                            "Avenants\n"
                            "Des avenants pourront être signés en cas de modifications "
                            "substantielles dans l'organisation du campus telle que définie dans "
                            "le document labellisé."
                        ),
                    },
                    {
                        "label": "4.3",
                        "text": (
                            "Résiliation\n"
                            "En cas d'inobservation des clauses de la présente convention, une "
                            "résiliation pourra être demandée par l'une ou l'autre des parties, "
                            "par lettre recommandée avec accusé de réception adressée aux "
                            "partenaires signataires et copie à la direction opérationnelle du "
                            "Campus, deux mois avant la fin de l'année scolaire et universitaire."
                        ),
                    },
                ],
            },
            {
                "number": 5,
                "title": "Disposition transitoire",
                "paragraphs": [
                    {
                        "label": "",
                        "text": (
                            "Les ressources, moyens et équipements du « Campus des Métiers d'Art "
                            "et du Design, Paris - Manufacture des Gobelins » et du « Campus Mode "
                            "– Île-de-France » et dont, notamment, les reliquats budgétaires sont "
                            "mis à disposition du campus des métiers et des qualifications « "
                            "Campus Métiers d'Art, Mode et Design - Manufactures des Gobelins »."
                        ),
                    },
                ],
            },
        ],
        "contributions": [
            {
                "party": 0,
                "max_amount_per_year": "100000.00",
                "max_share_percent": None,
                "in_kind": (
                    "Contribution commune des académies de Paris et de Créteil : prise en charge "
                    "des postes à temps plein du directeur opérationnel et du directeur "
                    "opérationnel adjoint (montant maximum de 100 000 € par an pour les deux "
                    "académies) ; mobilisation de l’ensemble des services concernés par les "
                    "activités du Campus."
                ),
                "regulation": "",
            },
            {
                "party": 1,
                "max_amount_per_year": None,
                "max_share_percent": None,
                "in_kind": (
                    "Contribution commune avec l’académie de Paris (montant porté sur la partie "
                    "0) : postes du directeur opérationnel et du directeur opérationnel adjoint ; "
                    "mobilisation des services."
                ),
                "regulation": "",
            },
            {
                "party": 2,
                "max_amount_per_year": "100000.00",
                "max_share_percent": "50.00",
                "in_kind": (
                    "Participe au programme d’action du Campus, à parité avec les académies de "
                    "Paris et de Créteil ; pour 2023, subvention spécifique plafonnée à 100 000 "
                    "€. Versement subordonné à une convention conforme à la convention-type "
                    "adoptée par la délibération n° CR 2017-102."
                ),
                "regulation": "CP 2023-111",
            },
            {
                "party": 3,
                "max_amount_per_year": None,
                "max_share_percent": None,
                "in_kind": (
                    "Établissement support : pilotage stratégique, gestion financière et "
                    "comptable (poste de chargé de mission financé par le campus), bureau et "
                    "moyens logistiques associés ; prospection d’autres financements."
                ),
                "regulation": "",
            },
            {
                "party": 4,
                "max_amount_per_year": None,
                "max_share_percent": None,
                "in_kind": (
                    "Accueille sur son site (42 avenue des Gobelins, Paris 13ème) les espaces du "
                    "Campus par concession domaniale (espace administratif, co-working, fablab, "
                    "matériauthèque, salle Le Brun, Galerie et Chapelle des Gobelins) ; "
                    "maintenance des espaces ; mise à disposition possible d’agents et de "
                    "services."
                ),
                "regulation": "",
            },
        ],
        "seat": "ENSAD, 31 rue d’Ulm – 75005 Paris",
        "original_copies": None,
        "duration": {
            "kind": "until_label_end",
            "years": None,
            "renewal": "express",
            "text": (
                "La présente convention est conclue pour une période comprise entre la date de sa "
                "signature et jusqu'à l'échéance de la labellisation du Campus. Elle est "
                "renouvelable en cas de renouvellement du label du Campus, pour la durée de la "
                "nouvelle labellisation par reconduction expresse."
            ),
        },
        "termination": {
            "notice_months": 2,
            "counts_from": "school_year_end",
            "form": "lettre recommandée avec accusé de réception",
            "with_reason_only": True,
            "text": (
                "En cas d'inobservation des clauses de la présente convention, une résiliation "
                "pourra être demandée par l'une ou l'autre des parties, par lettre recommandée "
                "avec accusé de réception adressée aux partenaires signataires et copie à la "
                "direction opérationnelle du Campus, deux mois avant la fin de l'année scolaire "
                "et universitaire."
            ),
        },
        "followup_annex": True,
        "amendments": [],
    },
    # -------- Campus Versailles -- new convention cadre (annexe 10)
    {
        "campus": "versailles",
        "kind": "renewal",
        "title": (
            "Convention cadre du Campus des métiers et des qualifications CAMPUS VERSAILLES – "
            "PATRIMOINE ET ARTISANAT D’EXCELLENCE"
        ),
        "reconstructed": False,
        "deliberation": "CP 2023-263",
        "parties": [
            {
                "kind": "state",
                "organisation": None,
                "authority": "L’État",
                "representative_name": "",
                "representative_title": (
                    "Recteur de la région académique Ile-de-France, recteur de l'académie de "
                    "Paris, chancelier des universités"
                ),
            },
            {
                "kind": "state",
                "organisation": None,
                "authority": "L’État",
                "representative_name": "",
                "representative_title": "Rectrice de l'académie de Versailles",
            },
            {
                "kind": "region",
                "organisation": "region_idf",
                "authority": "La Région Île-de-France",
                "representative_name": "",
                "representative_title": "Présidente de la Région Île-de-France",
            },
            {
                "kind": "support",
                "organisation": "campus_versailles",
                "authority": "",
                "representative_name": "Laurent GATINEAU",
                "representative_title": (
                    "Président de l’association CAMPUS VERSAILLES – PATRIMOINE ET ARTISANAT "
                    "D’EXCELLENCE"
                ),
            },
            {
                "kind": "other",
                "organisation": "cy",
                "authority": "",
                "representative_name": "Laurent Gatineau",
                "representative_title": "Président de CY",
            },
        ],
        "legal_references": [],
        "preamble": (
            "La présente convention définit les conditions générales d'organisation et de "
            "fonctionnement du Campus des métiers et des qualifications « CAMPUS VERSAILLES – "
            "PATRIMOINE ET ARTISANAT D’EXCELLENCE »\n"
            "Le dossier de campus des métiers et des qualifications « CAMPUS VERSAILLES – "
            "PATRIMOINE ET ARTISANAT D’EXCELLENCE», (ci-après dénommé le campus) a été labélisé "
            "excellence pour une première période de deux ans à compter de août 2020. Il prépare "
            "actuellement sa nouvelle labélisation dont le dossier sera déposé au second semestre "
            "2023.\n"
            "La création des campus des métiers et des qualifications s'inscrit dans le cadre de "
            "la loi de refondation de l'école du 8 juillet 2013. Elle participe du côté de l'État "
            "d'un processus interministériel qui s'est renforcé au fil des appels à projets, "
            "coordonné par le ministère de l'Éducation nationale, de l'Enseignement supérieur et "
            "de la Recherche. Elle témoigne de la volonté de soutenir par la formation, les "
            "politiques territoriales de développement économique et social, tout "
            "particulièrement autour des filières économiquement les plus stratégiques. Leur "
            "dynamique doit faciliter l'insertion des jeunes dans l'emploi. La création d’une "
            "nouvelle catégorie de campus des métiers et des qualifications, la catégorie « "
            "Excellence », par l’arrêté du 26 septembre 2019, réaffirme le soutien de l’Etat à "
            "cette démarche et porte l’ambition encore plus loin. Le campus des métiers et des "
            "qualifications de catégorie « Excellence » est créé pour répondre à un enjeu "
            "socio-économique territorial et national particulièrement stratégique. Il participe "
            "au développement des métiers d’avenir et des filières d’excellence françaises. Il "
            "mobilise et fait valoir à cette fin une véritable capacité de recherche et "
            "d’innovation. Il est vecteur de transformation de la voie professionnelle et des "
            "lycées qui la portent. Le campus « Excellence » est incarné physiquement dans des "
            "lieux de vie et d’échanges. Fédérateur et de renommée internationale, il attire les "
            "talents européens et offre des conditions de formation exemplaires grâce aux "
            "partenariats avec les régions et les acteurs économiques. Il contribue à la "
            "constitution de réseaux thématiques nationaux. La qualité de l’offre du campus est "
            "mesurée dans le cadre d’une auto-évaluation et d’une évaluation externe.\n"
            "Pour la Région, l’action des campus des métiers et qualifications, toutes "
            "catégories, s’inscrit à la fois :\n"
            "- dans la mise en œuvre du Schéma régional de développement économique, d’innovation "
            "et d’internationalisation (SRDEII), et plus particulièrement dans l’animation des "
            "filières retenues comme prioritaires par le schéma. Les campus doivent contribuer au "
            "développement des filières en apportant des réponses à leurs besoins en emplois et "
            "compétences ;\n"
            "- dans la déclinaison du Contrat de Plan Régional de Développement de la Formation "
            "et de l'Orientation Professionnelles (CPRDFOP), tant s’agissant de la carte des "
            "formations initiale et continue.\n"
            "- dans la mise en œuvre du schéma régional pour la recherche, l’enseignement "
            "supérieur et l’innovation (SRESRI)\n"
            "- dans la mise en œuvre de la compétence orientation dévolue par l’Etat aux Régions "
            "et définie dans la stratégie pour l'information et l'orientation des Franciliens de "
            "tous âges votée en séance plénière du Conseil régional le 28 mai 2019 ;\n"
            "- dans la stratégie d’ouverture des lycées sur leur environnement, sur la ville et "
            "ses acteurs, et sur les acteurs économiques en particulier. Les lycées deviennent "
            "des lieux d’échanges, où un certain nombre d’espaces et de ressources sont "
            "mutualisés avec d’autres acteurs du territoire.\n"
            "Dans le prolongement des orientations nationales définies par l’Etat dans le cadre "
            "de France 2030 (appels à manifestation d’intérêt « Compétences et Métiers d’Avenir "
            "»), la promotion des campus des métiers s’inscrit pour la région académique / "
            "rectorat, dans les efforts engagés en matière de transformation de la carte des "
            "formations professionnelles pour répondre aux grands enjeux de la transition "
            "économique et au défi de la souveraineté industrielle, numérique et énergétique. Les "
            "projets développés agissent comme des vecteurs de transformation de la carte des "
            "formations et d’attractivité de la voie professionnelle. Ils visent à rénover en "
            "profondeur les diplômes existants en supprimant les formations non insérantes et en "
            "renforçant les secteurs porteurs ainsi que le continuum de formation pré et post "
            "bac.\n"
            "Les projets répondent aux orientations stratégiques du secteur enseignement "
            "supérieur, recherche innovation. La préparation des compétences aujourd’hui requises "
            "par le marché de l’emploi avec en particulier des métiers en forte tension ainsi que "
            "l’anticipation des compétences. Le développement d’un réseau coordonné autour "
            "d’objectifs permettra la mise en cohérence, en synergies et en complémentarité "
            "l’offre de formation professionnelle de l’ensemble des établissements de la région.\n"
            "Le campus\n"
            "Le Campus labellisé constitue un cadre territorialisé de concertation dans un "
            "domaine dont les enjeux stratégiques sont avérés pour l'économie et l'emploi tant au "
            "plan national que francilien. A ce titre, il porte une approche nouvelle de la "
            "formation professionnelle mobilisant opérateurs de formation publics et privés, "
            "entreprises ou organisations professionnelles, et collectivités territoriales. Il "
            "constitue un espace de dialogue permettant d'harmoniser les choix des différents "
            "opérateurs de formation concernés, en fonction des priorités communes, et en "
            "cohérence avec les besoins en compétences, actuelles et prévisibles, des acteurs "
            "économiques de la filière. Il doit organiser leur mise en réseau, faciliter les "
            "échanges. Il n'a néanmoins nullement vocation à se substituer aux opérateurs de "
            "formation. De leur côté, l'Etat et la Région s'engagent à faire évoluer leurs "
            "politiques et leurs financements pour faciliter l'atteinte des objectifs.\n"
            "Le Campus a été porté dans sa première phase par CY Cergy Paris Université. A ce "
            "titre, une première convention cadre avait été signée entre CY Cergy Paris "
            "Université, en qualité de membre fondateur et porteur administratif du Campus "
            "Versailles qui notamment, récoltait et gérait les fonds.\n"
            "Depuis sa création, le Campus a développé le projet, mené à bien la première tranche "
            "de travaux, s’est domicilié au sein de la Grande Ecurie du Château de Versailles et "
            "a débuté ses actions d’orientation, de formation et de rayonnement dans ses murs. "
            "Une évaluation externe du campus est menée dans le cadre de cette re-labélisation "
            "qui sera un élément du dossier de re-labélisation.\n"
            "L’association\n"
            "Le 16 mai 2022, une Association (statuts en annexe) a été créée à l’initiative des 3 "
            "fondateurs : l’université CY Cergy Paris Université, le Château de Versailles et "
            "l’Académie de Versailles, afin de pérenniser l’objet Campus, de mieux représenter la "
            "gouvernance partagée et de simplifier les flux financiers et la gestion des "
            "ressources humaines.\n"
            "L’Association a pour objet social de porter l’ambition du projet du Campus "
            "Versailles, patrimoine et artisanat d’excellence, d’organiser la collaboration des "
            "acteurs de ce projet et de concourir à la réalisation de toutes les actions "
            "nécessaires au développement du Campus Versailles,\n"
            "Dans ce cadre, elle a vocation à :\n"
            "1. Être un lieu d’échanges, de réflexion stratégique et de coordination politique du "
            "projet porté collectivement par les membres de l’association\n"
            "2. Assurer la gouvernance du projet et la coordination opérationnelle de celui-ci "
            "entre les parties prenantes\n"
            "3. Coordonner la réalisation des activités spécifiques au développement du projet "
            "dans ses aspects immobiliers\n"
            "4. Proposer des dispositifs d’accompagnement et d’insertion des publics fragiles et "
            "coordonner leur mise en œuvre\n"
            "5. Développer des dispositifs d’accompagnement, de formation et de reconversion et "
            "concourir le cas échéance à leur labellisation\n"
            "6. Assurer la représentation de ses membres vis-à-vis des différents interlocuteurs, "
            "partenaires, financeurs, usagers, clients, fournisseurs existants ou potentiels, et "
            "également auprès des autorités publiques\n"
            "7. Accompagner et coordonner la recherche de partenaires et anticiper les "
            "investissements nécessaires à la mise en œuvre du projet\n"
            "8. Diffuser les transformations écologiques et numériques dans les métiers et les "
            "formations."
        ),
        "articles": [
            {
                "number": 1,
                "title": "Objectifs du campus",
                "paragraphs": [
                    {
                        "label": "",
                        "text": "Le Campus Versailles est à la fois",
                    },
                    {
                        "label": "",
                        "text": "- un réseau d’acteurs",
                    },
                    {
                        "label": "",
                        "text": "- un lieu d’échanges, de formation et de rencontres",
                    },
                    {
                        "label": "",
                        "text": "- un label de pédagogie innovante",
                    },
                    {
                        "label": "",
                        "text": "- un espace d’intelligence collective",
                    },
                    {
                        "label": "",
                        "text": (
                            "qui vise à renforcer la capacité des acteurs à travailler en "
                            "synergie et à maitriser l'ensemble des enjeux de leur écosystème, de "
                            "la dimension la plus locale à la dimension la plus générale pour "
                            "permettre aux métiers du patrimoine et de l’artisanat d’excellence "
                            "de changer d’échelle."
                        ),
                    },
                    {
                        "label": "",
                        "text": "L’objectif du Campus est de faire émerger :",
                    },
                    {
                        "label": "",
                        "text": (
                            "• des artisans spécialisés hautement qualifiés, maitrisant la "
                            "perfection de leur savoir-faire respectif, capables de transmettre "
                            "des gestes et des techniques pluriséculaires tout en continuant à "
                            "faire évoluer leurs métiers dans le contexte contemporain (en "
                            "intégrant les technologies numériques dans la production ou la "
                            "conception, en introduisant ces éléments physiques dans l'univers "
                            "numérique via la réalité virtuelle ou les métavers). Ces artisans "
                            "très qualifiés sont demandés dans les domaines liés au luxe et aux "
                            "arts créatifs, ainsi que dans ceux de la culture et du spectacle."
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "• des artisans de la transition écologique, qui, en plus de la "
                            "maitrise de leurs savoirs et savoir-faire respectifs, maitrisent ces "
                            "problématiques (enjeux climatiques, de santé, de biodiversité,...) "
                            "et seront capables de produire en maitrisant leur impact "
                            "environnemental, d'imaginer des solutions pour faciliter la mutation "
                            "de nos sociétés. Ces artisans auront une connaissance étendue des "
                            "matériaux, du vivant, des process de fabrication et de production et "
                            "une maitrise des outils de conception et des nouvelles technologies "
                            "numériques. Demain, ils seront capables de transformer des bâtis "
                            "anciens devenus obsolètes en lieu de vie à l'impact environnemental "
                            "nul voir positif, ou des locaux pour des usages divers avec des "
                            "matériaux issus de la déconstruction et du recyclage. Ces artisans "
                            "seront particulièrement attendus dans la construction ou "
                            "l'aménagement, la culture et le spectacle (décors)."
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "• des artisans managers, sensibilisés au fonctionnement des systèmes "
                            "d'organisation et capables de gérer des publics de plus en plus "
                            "hétérogènes (mixité de genre, d'âge, d'origines, ...) évoluant dans "
                            "des univers plus complexes (hightech / lowtech, digitalisation et "
                            "virtualisation, organisation horizontale du travail,...). Ces "
                            "artisans maitrisent, en plus de leurs savoirs et savoir-faire, les "
                            "compétences mobilisées par le management d’équipe et de projet. Ils "
                            "seront demain des pierres angulaires de la conduite de projets "
                            "complexes."
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "Pour relever ces défis, le Campus Versailles s’est fixé 4 axes "
                            "d’action :"
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "1. Déployer l’attractivité de ces métiers variés et nécessaires :"
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "2. Faire émerger une force de formation inédite autour des savoirs "
                            "et savoir-faire du patrimoine écologique pour accélérer la montée en "
                            "compétences de tous les artisans :"
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "3. Promouvoir un imaginaire et un discours nouveau sur les métiers "
                            "de l’artisanat d’excellence"
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "4. Animer un lieu iconique susceptible d’inspirer des pratiques "
                            "collaboratives nouvelles et de rayonner à l’international"
                        ),
                    },
                ],
            },
            {
                "number": 2,
                "title": "Gouvernance du campus",
                "paragraphs": [
                    {
                        "label": "",
                        "text": (
                            "Le Campus Versailles s’est constitué en association, représentée par"
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "• un conseil d’administration composé de membres permanents et de "
                            "membres élus."
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "• Les membres permanents du conseil d’administration sont les "
                            "représentants des membres fondateurs :"
                        ),
                    },
                    {
                        "label": "",
                        "text": "• L’Académie de Versailles,",
                    },
                    {
                        "label": "",
                        "text": (
                            "• L’Établissement public du château, du musée et du domaine national "
                            "de Versailles,"
                        ),
                    },
                    {
                        "label": "",
                        "text": "• CY Cergy Paris Université,",
                    },
                    {
                        "label": "",
                        "text": "• La Région Île-de-France.",
                    },
                    {
                        "label": "",
                        "text": (
                            "• Les membres élus du conseil d’administration sont des "
                            "représentants des collèges mentionnés à l’article 6.03 des présents "
                            "statuts, répartis comme suit :"
                        ),
                    },
                    {
                        "label": "",
                        "text": "• Le collège des académiques",
                    },
                    {
                        "label": "",
                        "text": "• Le collège des institutionnels ;",
                    },
                    {
                        "label": "",
                        "text": "• Le collège des entreprises ;",
                    },
                    {
                        "label": "",
                        "text": (
                            "• Le collège des associations, organisations culturelles et réseaux "
                            "professionnels."
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "Le pilotage opérationnel du campus est opéré par une équipe dirigée "
                            "par un (une) Directeur(-rice) de l’association. La structure de "
                            "pilotage comprend"
                        ),
                    },
                    {
                        "label": "",
                        "text": "- 4 pôles opérationnels :",
                    },
                    {
                        "label": "",
                        "text": "• Pôle orientation",
                    },
                    {
                        "label": "",
                        "text": "• Pôle formation",
                    },
                    {
                        "label": "",
                        "text": "• Pôle Tiers lieux & communauté",
                    },
                    {
                        "label": "",
                        "text": "• Pôle rayonnement et diffusion",
                    },
                    {
                        "label": "",
                        "text": "- 3 pôles ressources :",
                    },
                    {
                        "label": "",
                        "text": "• Finances, administration et frais généraux",
                    },
                    {
                        "label": "",
                        "text": "• Communication, mécénat et développement",
                    },
                    {
                        "label": "",
                        "text": "• Planning stratégique de développement de projets",
                    },
                    {
                        "label": "",
                        "text": (
                            "Le campus recrutera une équipe en fonction des ressources du projet. "
                            "Celle-ci sera financée en partie par la valorisation en ressources "
                            "humaines des partenaires du consortium et en partie par le budget de "
                            "l’association, d'une part, et par un modèle de prestations "
                            "rémunératrices d'autre part."
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "Le directeur assure la gestion courante et le fonctionnement "
                            "opérationnel de l’association."
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "Le directeur est une personne physique qui peut être salariée de "
                            "l’association. Il est nommé par le président après avis du conseil "
                            "d’administration. Sa nomination est accompagnée d’une lettre de "
                            "mission établie par le président."
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "Le directeur dispose des pouvoirs nécessaires à l’exercice de sa "
                            "mission par délégation du président, auquel il rend compte. Il peut "
                            "également recevoir délégation du trésorier pour procéder aux "
                            "dépenses d’un montant inférieur à un seuil déterminé par le conseil "
                            "d’administration. Le président peut consentir au directeur une "
                            "délégation pour représenter l’association dans les litiges qui "
                            "touchent à la gestion courante de l’association, dans les conditions "
                            "définies par une délibération du conseil d’administration."
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "Il dirige les services de l’association et en assure le "
                            "fonctionnement, notamment le recrutement, le licenciement et la "
                            "discipline des personnels."
                        ),
                    },
                    {
                        "label": "",
                        "text": "Le directeur assure notamment les missions suivantes :",
                    },
                    {
                        "label": "",
                        "text": (
                            "• Proposer et mettre en œuvre, en étroite collaboration avec le "
                            "président, les orientations générales fixées par le conseil "
                            "d’administration ;"
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "• Proposer et mettre en œuvre le programme d’actions et les budgets "
                            "y afférents, adoptés par le conseil d’administration ;"
                        ),
                    },
                    {
                        "label": "",
                        "text": "• Préparer, planifier et exécuter le budget de fonctionnement ;",
                    },
                    {
                        "label": "",
                        "text": (
                            "• Préparer le bilan financier et le rapport d’activité des actions ;"
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "• L’équipe de direction fournissent les données (en annexe de la "
                            "convention) nécessaires au suivi et à l’auto-évaluation annuelle du "
                            "campus."
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "• Assurer la direction de l’association et son fonctionnement "
                            "courant ;"
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "• Piloter l’organisation des réunions du conseil d’administration, "
                            "du bureau et de l’assemblée générale ;"
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "• Proposer au conseil d’administration la création ou la suppression "
                            "de comités ad hoc et impulser, animer et coordonner leurs activités ;"
                        ),
                    },
                    {
                        "label": "",
                        "text": (
                            "• Entretenir et développer les réseaux relationnels, nationaux et "
                            "internationaux, nécessaires à la bonne exécution des missions du "
                            "Campus et à son équilibre budgétaire."
                        ),
                    },
                    {
                        "label": "",
                        "text": "• Organiser une communication efficace externe et interne.",
                    },
                ],
            },
            {
                "number": 3,
                "title": "Organisation administrative et financière",
                "paragraphs": [
                    {
                        "label": "3.1",
                        "text": (
                            "Contributions\n"
                            "Les membres fondateurs du campus signataires de la présente "
                            "convention et l’association s'engagent aux contributions suivantes "
                            ":\n"
                            "L'Académie de Versailles s'engage\n"
                            "- à verser à l’Association Campus Versailles le montant "
                            "correspondant à son engagement de financement annuel dans le cadre "
                            "de l'action « Territoires d'innovation pédagogique », soit 50 000 "
                            "euros (cinquante mille euros) par an sur la durée de l'action\n"
                            "- A mettre à disposition du projet des équipes et des moyens "
                            "humains\n"
                            "- à participer au programme d'actions (communication, actions "
                            "diverses - forums, déplacements d'élèves et/ou de formateurs, ...) à "
                            "travers la mobilisation des corps d'inspection et des chargés de "
                            "mission école-entreprise.\n"
                            "CY Cergy Paris Université s'engage\n"
                            "- à verser à l’Association Campus Versailles le montant "
                            "correspondant à son engagement de financement annuel dans le cadre "
                            "de l'action « Territoires d'innovation pédagogique », soit 50 000 "
                            "euros (cinquante mille euros) par an sur la durée de l'action\n"
                            "- à mettre à disposition du projet des équipes et des moyens "
                            "humains\n"
                            "- à participer au programme d'actions (communication, actions "
                            "diverses - forums, déplacements d'élèves et/ou de formateurs, ...)\n"
                            "La région lle de France\n"
                            "- participe au programme d'actions (communication, actions diverses "
                            "- forums, déplacements d'élèves et/ou de formateurs, ...). La Région "
                            "pourra verser un soutien financier d'un montant maximum de 50 000 "
                            "euros pour le campus et par an et à hauteur de maximum 50% de "
                            "l'ensemble des dépenses du campus, selon les conditions prévues par "
                            "le règlement d'intervention de soutien aux réseaux labellisés Campus "
                            "des métiers et des qualifications n° CR2017-102 modifié. Pour 2023, "
                            "la Région Ile-de-France prévoit le versement d'une subvention "
                            "spécifique de 50 000 € maximum, versée à l’Association CAMPUS "
                            "VERSAILLES. Le versement de cette subvention est subordonné à la "
                            "signature, par le bénéficiaire de la subvention, d'une convention "
                            "conforme à la convention-type du dispositif régional « soutien aux "
                            "réseaux labellisés campus des métiers et des qualifications », "
                            "adoptée par la délibération n° CP 2020-519.\n"
                            "L’Association s’engage à mettre en œuvre la feuille de route définie "
                            "par son conseil d’administration et à développer des programmes "
                            "innovants :\n"
                            "- d’orientation\n"
                            "- de formation initiale, continue et professionnelles\n"
                            "- d’événements de valorisation et de rayonnement\n"
                            "- d’échanges internationaux\n"
                            "- d’accueil de professionnels\n"
                            "- de rencontres, d’échanges\n"
                            "- de recherche et développement\n"
                            "D'autres sources de financement seront recherchées (Mécénat, FSE, "
                            "contribution directe des partenaires, auto-financement...)."
                        ),
                    },
                    {
                        "label": "3.2",
                        "text": (
                            "Gestion financière\n"
                            "Elle est assurée par l’Association Campus en relation étroite avec "
                            "le directeur. Un bilan annuel est établi par un cabinet d’expertise "
                            "comptable extérieur et supervisé par un commissaire aux comptes et "
                            "présenté au comité de pilotage et au comité de projet."
                        ),
                    },
                    {
                        "label": "3.3",
                        "text": (
                            "Siège\n"
                            "Le campus a son siège à l'adresse suivante: CAMPUS VERSAILLES, "
                            "ECURIE du Château de Versailles, 3 avenue Rockefeller, 78000 "
                            "VERSAILLES"
                        ),
                    },
                ],
            },
            {
                "number": 4,
                "title": "Durée de la convention cadre",
                "paragraphs": [
                    {
                        "label": "4.1",
                        "text": (
                            "Durée :\n"
                            "La présente convention est conclue pour une période d'un an. En cas "
                            "de labellisation du Campus par arrêté ministériel, l'échéance de la "
                            "présente convention est portée à la date de l'expiration de la "
                            "labellisation.\n"
                            "Elle est renouvelable au-delà de cette date, en cas de "
                            "renouvellement du label du Campus, pour la durée de la nouvelle "
                            "labellisation par reconduction expresse.\n"
                            "Elle donne lieu à une évaluation à mi-parcours, réalisée sous la "
                            "responsabilité du comité de pilotage."
                        ),
                    },
                    {
                        "label": "4.2",
                        "text": (
                            "Avenants :\n"
                            "Des avenants supplémentaires pourront être signés en cas de "
                            "modifications substantielles dans l'organisation du Campus telle que "
                            "définie dans le document labellisé."
                        ),
                    },
                    {
                        "label": "4.3",
                        "text": (
                            "Résiliation :\n"
                            "En cas d'inobservation des clauses de la présente convention, une "
                            "résiliation pourra être demandée par l'une ou l'autre des parties, "
                            "par lettre recommandée avec accusé de réception adressée aux "
                            "partenaires signataires et copie au directeur opérationnel, deux "
                            "mois avant la fin de l'année scolaire et universitaire."
                        ),
                    },
                ],
            },
        ],
        "contributions": [
            {
                "party": 1,
                "max_amount_per_year": "50000.00",
                "max_share_percent": None,
                "in_kind": (
                    "Académie de Versailles : versement à l’Association Campus Versailles de 50 "
                    "000 € par an (action « Territoires d'innovation pédagogique », sur la durée "
                    "de l'action) ; mise à disposition d’équipes et de moyens humains ; "
                    "participation au programme d'actions (corps d'inspection, chargés de mission "
                    "école-entreprise)."
                ),
                "regulation": "",
            },
            {
                "party": 2,
                "max_amount_per_year": "50000.00",
                "max_share_percent": "50.00",
                "in_kind": (
                    "Participe au programme d'actions ; pour 2023, subvention spécifique de 50 "
                    "000 € maximum versée à l’Association CAMPUS VERSAILLES. Versement subordonné "
                    "à une convention conforme à la convention-type adoptée par la délibération "
                    "n° CP 2020-519."
                ),
                "regulation": "CR 2017-102",
            },
            {
                "party": 3,
                "max_amount_per_year": None,
                "max_share_percent": None,
                "in_kind": (
                    "Met en œuvre la feuille de route définie par son conseil d’administration et "
                    "développe des programmes innovants (orientation, formation, événements, "
                    "échanges internationaux, accueil de professionnels, rencontres, recherche et "
                    "développement) ; gestion financière."
                ),
                "regulation": "",
            },
            {
                "party": 4,
                "max_amount_per_year": "50000.00",
                "max_share_percent": None,
                "in_kind": (
                    "Versement à l’Association Campus Versailles de 50 000 € par an (action « "
                    "Territoires d'innovation pédagogique », sur la durée de l'action) ; mise à "
                    "disposition d’équipes et de moyens humains ; participation au programme "
                    "d'actions."
                ),
                "regulation": "",
            },
        ],
        "seat": (
            "CAMPUS VERSAILLES, ECURIE du Château de Versailles, 3 avenue Rockefeller, 78000 "
            "VERSAILLES"
        ),
        "original_copies": None,
        "duration": {
            "kind": "one_year_extended_to_label_end",
            "years": 1,
            "renewal": "express",
            "text": (
                "La présente convention est conclue pour une période d'un an. En cas de "
                "labellisation du Campus par arrêté ministériel, l'échéance de la présente "
                "convention est portée à la date de l'expiration de la labellisation. Elle est "
                "renouvelable au-delà de cette date, en cas de renouvellement du label du Campus, "
                "pour la durée de la nouvelle labellisation par reconduction expresse."
            ),
        },
        "termination": {
            "notice_months": 2,
            "counts_from": "school_year_end",
            "form": "lettre recommandée avec accusé de réception",
            "with_reason_only": True,
            "text": (
                "En cas d'inobservation des clauses de la présente convention, une résiliation "
                "pourra être demandée par l'une ou l'autre des parties, par lettre recommandée "
                "avec accusé de réception adressée aux partenaires signataires et copie au "
                "directeur opérationnel, deux mois avant la fin de l'année scolaire et "
                "universitaire."
            ),
        },
        "followup_annex": True,
        "amendments": [],
    },
]

# Every reconstruction or choice made while extracting the data above.
ASSUMPTIONS = [
    (
        "Conventions d'origine des six campus amendés (IA, ICM, Santé, Sécurité, TNEC, Énergie "
        "durable) : leur texte n'est pas dans les seeds. Elles sont reconstruites a minima "
        "(reconstructed=True) : titre tiré de l'en-tête de l'avenant, parties = celles que "
        "l'avenant liste (« Entre : … ») dans cet ordre, noms et fonctions des représentants lus "
        "dans les blocs de signature de l'avenant de 2023 (les signataires de la convention "
        "d'origine ont pu être d'autres personnes)."
    ),
    (
        "Conventions reconstruites : seuls l'article et l'alinéa visés par l'avenant sont "
        "attestés (IA et Énergie durable : article 4, alinéa 4.1 ; ICM, Santé, TNEC : article 3, "
        "alinéa 3.1 ; Sécurité : 3.1 et 4.1). Les autres articles et TOUS les intitulés "
        "d'articles sont posés par analogie avec les conventions de la CP 2023-263 (annexe 8 : 1 "
        "objet, 2 objectifs, 3 gouvernance, 4 organisation administrative et financière, 5 durée "
        "; annexes 9 et 10 : 1 objectifs, 2 gouvernance, 3 organisation administrative et "
        "financière, 4 durée) et ne contiennent que la phrase « Texte non repris dans les "
        "documents de la délibération CP 2023-263. »."
    ),
    (
        "Conventions reconstruites : le texte de l'alinéa visé est exactement le passage cité par "
        "l'avenant (« La partie : « … » est remplacée par … »), sans les guillemets et sans la "
        "puce que le texte extrait place entre « La région Ile de France » et « participe » (mise "
        "en page probable en tableau partie / engagement)."
    ),
    (
        "Conventions reconstruites : seule la contribution de la Région est saisie (50 000 € par "
        "an au plus, 50 % au plus des dépenses, RI n° CP 2020-519, d'après le passage cité) ; "
        'celles des autres parties sont inconnues. Siège et dénonciation inconnus ("" / None). '
        "Durée : seule celle de Sécurité est attestée (alinéa 4.1 d'origine cité par l'avenant "
        "n°2 : trois ans à compter de la signature, renouvelable « par tacite reproduction » : "
        "fixed_term, 3, tacit)."
    ),
    (
        "Durée des cinq autres conventions reconstruites : le modèle exige une règle de durée, "
        "qui n'est pas dans les seeds ; elle est supposée (duration.text vide, duration.assumed "
        "explique le choix) : fixed_term, 3 ans, tacite reconduction, comme la convention "
        "d'origine de Sécurité, pour les cinq (la règle « un an portée à l'expiration de la "
        "labellisation » aurait fait expirer IA et Énergie durable, non labellisés, avant leur "
        "avenant de 2023). À remplacer par les vraies clauses."
    ),
    (
        "Sécurité et TNEC : l'avenant de 2023 est le n°2 ; l'avenant n°1 n'est pas dans les seeds "
        "et n'est saisi que comme avenant historique (number 1, historical True, date None)."
    ),
    (
        "Sécurité, avenant n°2 : le nom du président de CY est laissé vide (bloc de signature « "
        "…….. ………. ; Président de CY »)."
    ),
    (
        "Types de convention : IA = prefiguration (DOMAIN.md et fiche projet : campus en "
        "préfiguration, label demandé à l'automne 2023) ; Énergie durable = prefiguration "
        "(en-tête de l'avenant « En préfiguration ») ; ICM, Santé, Sécurité, TNEC = constitutive "
        "(le rapport parle des « conventions cadres constitutives des campus »)."
    ),
    (
        "Industrie du futur (annexe 8) = prefiguration : titre « Projet de Campus d'Excellence », "
        "article 3 « Gouvernance du campus en phase de préfiguration », directeur « opérationnel "
        "de préfiguration », durée d'un an portée à l'expiration du futur label. C'est pourtant "
        "la deuxième phase d'un campus labellisé 2018-2022 (Aéronautique et spatial) : « renewal "
        "» serait défendable."
    ),
    (
        "Mode, métiers d'art et design (annexe 9) = constitutive : convention du campus issu de "
        "la fusion d'un campus labellisé Excellence (25/08/2020) et d'un projet en préfiguration, "
        "conclue jusqu'à l'échéance de la labellisation, dossier Excellence déposé en 2023."
    ),
    (
        "Campus Versailles (annexe 10) = renewal : nouvelle convention qui remplace la première "
        "convention cadre signée avec CY Cergy Paris Université, pour préparer la nouvelle "
        "période de labellisation (porteur devenu l'association) ; « constitutive » serait "
        "défendable."
    ),
    (
        "Parties de l'État : organisation None, comme le format demandé, l'autorité étant portée "
        "par « authority » (« L’État », ou « L’académie de Paris / de Créteil / de Versailles » "
        "dans l'annexe 8 qui nomme ainsi les parties) ; une partie par recteur signataire, "
        "puisque chaque recteur signe séparément. Les clés rectorat_paris, rectorat_creteil et "
        "rectorat_versailles d'ORGANISATIONS pourraient y être rattachées."
    ),
    (
        "Représentant de la Région : nom et fonction tels que chaque document les écrit (« "
        "PÉCRESSE » dans les avenants, « PECRESSE » dans l'avenant TNEC et les conventions ; « "
        "Présidente du Conseil régional d’Ile-de-France » dans l'annexe 8)."
    ),
    (
        "Campus Versailles : la convention ne nomme ni le recteur, ni la rectrice, ni la "
        "présidente de Région (blocs de signature sans nom) : representative_name vide. "
        "L'association est « représentée par son président, M. Laurent GATINEAU » dans « Entre », "
        "mais le bloc de signature est « La directrice de l’Association CAMPUS VERSAILLES, , par "
        "délégation de signature » ; CY est aussi représentée par Laurent Gatineau. CY est une "
        "partie « other », l'association la partie support."
    ),
    (
        "Mode : parties dans l'ordre de « Entre » (État : recteur de région académique puis "
        "recteur de Créteil ; Région ; ENSAD ; Mobilier national) ; noms lus dans les blocs de "
        "signature."
    ),
    (
        "Avenants : parties_signing = toutes les parties de la convention reconstruite, puisque "
        "ces parties sont celles de l'avenant."
    ),
    (
        "Mode : la contribution commune des académies de Paris et de Créteil (postes du directeur "
        "et du directeur adjoint, 100 000 € par an au plus) est portée par la partie 0 (recteur "
        "de région académique, académie de Paris) ; la partie 1 (Créteil) a une entrée sans "
        "montant pour ne pas compter deux fois. Le texte ne dit pas « par an » pour la Région (« "
        "montant maximum de 100 000 € et à hauteur de 50 % maximum ») : saisi en "
        "max_amount_per_year."
    ),
    (
        "Industrie du futur : aucun pourcentage maximum n'est écrit (max_share_percent None) ; "
        "l'Académie de Versailles (50 000 € par an) et la Région (50 000 € par an, RI « n° CR "
        "2017-102 modifié ») sont les seules contributions chiffrées ; les académies de Paris et "
        "de Créteil n'ont pas de contribution écrite ; UEVE contribue en nature."
    ),
    (
        "Campus Versailles : la Région cite le RI « n° CR2017-102 modifié » (regulation « CR "
        "2017-102 ») ; l'Académie de Versailles et CY versent chacune 50 000 € par an à "
        "l'association (action « Territoires d'innovation pédagogique »), saisis en "
        "max_amount_per_year."
    ),
    (
        "Le champ regulation donne le numéro de la délibération citée (« CR 2017-102 » pour « CR "
        "2017-102 modifié ») ; vide lorsque la contribution ne cite pas de règlement."
    ),
    (
        "Nettoyage des textes : lignes jointes en paragraphes, coupures en fin de ligne recollées "
        "(« Directeur (-rice) », « co-porteurs », « savoir-faire », « d'Île de-France » tel "
        "quel), espaces multiples réduits, puces (glyphes privés U+F0B7/U+F0A7/U+F0D8 et « ● ») "
        "normalisées en « • », tirets « - » gardés ; « D.335- 33 » corrigé en « D.335-33 » "
        "(annexe 8). Les fautes du texte sont gardées telles quelles (« par le par le », « dur "
        "les décisions », « agissent comment », « opérationel », « La région lle de France », « "
        "définit en 14 mentions », « »,, », « Evry-Courcouronne » / « Evry-Courcouronnes », « "
        "tacite reproduction »)."
    ),
    (
        "Alinéas numérotés (3.1, 4.2…) : l'intitulé de l'alinéa est la première ligne du texte (« "
        "Contributions : »), les sous-paragraphes et éléments de liste suivent, séparés par des "
        'retours à la ligne. Articles sans alinéas numérotés : un paragraphe (label "") par '
        "paragraphe ou élément de liste, dans l'ordre."
    ),
    (
        "Mode, article 1 : l'appel de note « art1 » est rendu « art¹ » et le texte de la note 1 "
        "(bas de page) est ajouté en dernier paragraphe de l'article."
    ),
    (
        "Annexe 8 : la mention finale « La présente convention comporte 8 feuillets. » est gardée "
        "comme dernier paragraphe (sans label) de l'article 5 ; aucun nombre d'exemplaires n'est "
        "écrit dans les annexes 8 à 10 (original_copies None) ; les avenants écrivent « En -- "
        "exemplaires » ou « En … exemplaires »."
    ),
    (
        "Mode et Versailles : la phrase qui précède les parties (« La présente convention définit "
        "les conditions générales d'organisation et de fonctionnement du campus … ») est la "
        "première ligne du préambule. Mode : la liste « Considérant : » est saisie dans "
        "legal_references, chaque élément préfixé par « Considérant »."
    ),
    (
        "Annexe 8 : les « Vu » et le préambule sont gardés tels quels, y compris les références "
        "propres à l'énergie (code de l'énergie, loi n° 2015-992, décret n° 2020-456, « filières "
        "liées à l’énergie durable ») qui semblent reprises d'une autre convention (Énergie "
        "durable)."
    ),
    (
        "Durée (duration.text) : phrases de durée et de renouvellement de l'alinéa, sans la "
        "phrase sur l'évaluation à mi-parcours ; le texte complet reste dans l'article."
    ),
    (
        "Intitulés des délibérations CR 2017-102, CP 2020-519 et CP 2023-111 repris des « VU » de "
        "la CP 2023-263 ; celui de la CP 2023-263 repris de l'en-tête du projet de délibération "
        "du 5 juillet 2023. Date de la CR 2017-102 : 19/05/2017 (rapport), les fiches projet "
        "écrivant 18/05/2017."
    ),
    (
        "FOLLOWUP_ANNEX_TITLE « Données de suivi » : le seed dit « FICHE-TYPE DONNEES DE SUIVI » "
        "(annexe 1), « ANNEXE DONNEES DE SUIVI » (annexes 8 à 10), « Campus des métiers et des "
        "qualifications - Données de suivi à fournir annuellement » (délibération, article 1) et "
        "« annexe des données à fournir annuellement par le campus » (avenants). "
        "FOLLOWUP_ANNEX_TEXT résume l'annexe 1 (intitulés des neuf rubriques et leurs éléments "
        "sur une ligne)."
    ),
]
