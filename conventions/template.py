"""The standard framework convention: the usual articles a new convention starts from.

Regional staff edit the draft afterwards; the wording follows the 2023 conventions of
CP 2023-263 (seed 000, annexes 8 to 10), with the campus-specific parts left to fill in.
"""

STANDARD_ARTICLES = [
    (
        "Objet de la convention",
        [
            "La présente convention a pour objet de définir les modalités de fonctionnement du "
            "Campus des métiers et des qualifications et les engagements de chacune des parties.",
        ],
    ),
    (
        "Objectifs du campus",
        [
            "Le campus fédère établissements de formation, d'enseignement supérieur, de "
            "recherche et entreprises autour d'un secteur d'activité, afin de développer une "
            "offre de formation adaptée aux besoins du territoire.",
        ],
    ),
    (
        "Gouvernance du campus",
        [
            "Un comité d'orientation stratégique (COS), coprésidé par la présidente de la Région "
            "et le recteur de région académique ou leurs représentants, se réunit au moins une "
            "fois par an.",
            "Un comité de pilotage (COPIL) assure le suivi opérationnel des actions du campus.",
            "Le directeur opérationnel du campus anime le réseau et met en œuvre le programme "
            "d'actions.",
        ],
    ),
    (
        "Organisation administrative et financière",
        [
            "La Région Île-de-France participe au programme d'actions. La Région pourra verser "
            "un soutien financier d'un montant maximum de 50 000 euros pour le campus et par an "
            "et à hauteur de maximum 50 % de l'ensemble des dépenses du campus, selon les "
            "conditions prévues par le règlement d'intervention de soutien aux réseaux "
            "labellisés Campus des métiers et des qualifications n° CP 2023-111.",
            "L'académie contribue au fonctionnement du campus, notamment par la rémunération du "
            "directeur opérationnel.",
            "L'établissement support assure la gestion administrative et financière du campus.",
        ],
    ),
    (
        "Siège du campus",
        ["Le siège du campus est fixé au sein de l'établissement support."],
    ),
    (
        "Durée de la convention",
        [
            "La présente convention prend effet à la date de sa signature par la dernière des "
            "parties, pour la durée de la labellisation du campus.",
        ],
    ),
    (
        "Dénonciation",
        [
            "Chacune des parties peut dénoncer la présente convention par lettre recommandée "
            "avec accusé de réception, au plus tard trois (3) mois avant la date d'échéance.",
        ],
    ),
    (
        "Litiges",
        [
            "En cas de litige, les parties recherchent une solution amiable avant toute action "
            "devant le tribunal administratif compétent.",
        ],
    ),
]
