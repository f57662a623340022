"""The nine sections of the annual follow-up sheet (annexe 1 of CP 2023-263), declared once:
pages, API, PDFs, exports and the dashboard all read this schema.

A section has simple fields and tables (rows added and removed in place). Its data, as saved,
is a dict: {field key: value, table key: [row dicts]}; values are kept as typed (strings) so
that a draft never loses anything, and `validate(number, data)` returns the clean values, the
errors per field / per row cell, and whether the section is complete.

No field ever asks for a person's name: the sheet collects no personal data.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from core.form_fields import parse_french_decimal
from core.formats import euros

TEXT, LONG_TEXT, INTEGER, MONEY, DECIMAL, DATE, URL, CHOICE, BOOLEAN = (
    "text",
    "long_text",
    "integer",
    "money",
    "decimal",
    "date",
    "url",
    "choice",
    "boolean",
)
MAX_INTEGER = 10_000_000
# One cell at most just under a billion euros: 200 rows of it still fit the indicator columns.
MAX_MONEY = Decimal("999999999.99")
MAX_ROWS = 200
MAX_TEXT = 5000


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    type: str = TEXT
    required: bool = False
    choices: tuple = ()
    help: str = ""
    max_value: object = None


@dataclass(frozen=True)
class Table:
    key: str
    label: str
    columns: tuple
    required: bool = False  # at least one row for the section to be complete
    help: str = ""
    prefill: bool = False  # copied from last year's validated sheet


@dataclass(frozen=True)
class Section:
    number: int
    title: str
    annex_items: tuple  # the annex's bullet points, shown as the section's guidance
    fields: tuple = ()
    tables: tuple = ()
    attachments: bool = False
    checks: tuple = field(default=())  # extra rules: callables (clean) -> {key: [messages]}


STAKEHOLDER_TYPES = (
    ("entreprise", _("Entreprise")),
    ("branche", _("Branche, organisation professionnelle")),
    ("lycee", _("Lycée, établissement scolaire")),
    ("superieur", _("Établissement d'enseignement supérieur")),
    ("cfa", _("CFA, organisme de formation")),
    ("laboratoire", _("Laboratoire de recherche")),
    ("collectivite", _("Collectivité, service de l'État")),
    ("association", _("Association")),
    ("autre", _("Autre")),
)
LEVELS = (
    ("3", _("Niveau 3 (CAP)")),
    ("4", _("Niveau 4 (bac)")),
    ("5", _("Niveau 5 (bac+2)")),
    ("6", _("Niveau 6 (bac+3)")),
    ("7", _("Niveau 7 (bac+5)")),
    ("8", _("Niveau 8 (doctorat)")),
    ("autre", _("Autre, non certifiant")),
)
ROUTES = (
    ("scolaire", _("Voie scolaire")),
    ("apprentissage", _("Apprentissage")),
    ("continue", _("Formation continue")),
)
BENEFICIARY_TYPES = (
    ("pupils", _("Élèves")),
    ("apprentices", _("Apprentis")),
    ("students", _("Étudiants")),
    ("trainees", _("Stagiaires de la formation continue")),
    ("teachers", _("Enseignants et formateurs")),
    ("job_seekers", _("Demandeurs d'emploi")),
    ("other", _("Autres (familles, grand public…)")),
)
ACTION_TYPES = (
    ("attractivite", _("Orientation, attractivité des métiers")),
    ("innovation", _("Innovation pédagogique")),
    ("parcours", _("Parcours, insertion professionnelle")),
    ("international", _("International")),
    ("entreprises", _("Partenariats avec les entreprises")),
    ("formation_formateurs", _("Formation des enseignants et formateurs")),
    ("valorisation", _("Valorisation, communication")),
    ("autre", _("Autre")),
)
BODIES = (
    ("cos", _("Comité d'orientation stratégique (COS)")),
    ("copil", _("Comité de pilotage (COPIL)")),
    ("operationnel", _("Comité opérationnel")),
    ("autre", _("Autre instance")),
)
EVENT_TYPES = (
    ("salon", _("Salon, forum")),
    ("conference", _("Conférence, colloque")),
    ("portes_ouvertes", _("Portes ouvertes, visites")),
    ("concours", _("Concours, challenge, hackathon")),
    ("exposition", _("Exposition")),
    ("autre", _("Autre")),
)
INVOLVEMENTS = (
    ("organised", _("Organisé par le campus")),
    ("partnership", _("En partenariat")),
    ("present", _("Campus présent")),
)
CREATION_KINDS = (("created", _("Créée")), ("transformed", _("Transformée")))
MODULE_KINDS = (
    ("coloration", _("Coloration")),
    ("module", _("Module spécifique")),
    ("complementaire", _("Formation complémentaire")),
)


def _balanced(revenues_key, expenses_key, message):
    def check(clean):
        revenues = sum((row.get("amount") or 0 for row in clean.get(revenues_key, [])), 0)
        expenses = sum((row.get("amount") or 0 for row in clean.get(expenses_key, [])), 0)
        if (clean.get(revenues_key) or clean.get(expenses_key)) and revenues != expenses:
            return {
                expenses_key: [
                    message % {"revenues": _format(revenues), "expenses": _format(expenses)}
                ]
            }
        return {}

    return check


def _format(amount):
    return euros(amount)


def _exactly_three(key, message):
    def check(clean):
        filled = [text for text in clean.get(key) or [] if text]
        if filled and len(filled) != 3:  # nothing typed yet is "missing", not an error
            return {key: [message % {"count": len(filled)}]}
        return {}

    return check


SECTIONS = (
    Section(
        1,
        _("Diagnostic socio-économique et enjeux"),
        (
            _(
                "Liste des nouvelles études (année N) parues, sinon derniers diagnostics de "
                "référence"
            ),
        ),
        fields=(
            Field(
                "reference_diagnostics",
                _("Diagnostics de référence (si aucune nouvelle étude)"),
                LONG_TEXT,
            ),
        ),
        tables=(
            Table(
                "studies",
                _("Études parues dans l'année"),
                (
                    Field("title", _("Titre"), TEXT, required=True),
                    Field("body", _("Auteur (organisme)"), TEXT, required=True),
                    Field("published_on", _("Date"), DATE),
                    Field("link", _("Lien"), URL),
                ),
            ),
        ),
        attachments=True,
    ),
    Section(
        2,
        _("Périmètre : acteurs, formations, bénéficiaires"),
        (
            _("Cartographie actualisée année N des parties prenantes"),
            _("Liste des formations concernées par l'action du CMQ"),
            _("Répartition et volume des typologies de bénéficiaires du campus"),
        ),
        tables=(
            Table(
                "stakeholders",
                _("Parties prenantes"),
                (
                    Field("organisation", _("Organisme"), TEXT, required=True),
                    Field("type", _("Type"), CHOICE, required=True, choices=STAKEHOLDER_TYPES),
                    Field("role", _("Rôle dans le campus"), TEXT),
                    Field("new", _("Nouveau cette année"), BOOLEAN),
                ),
                required=True,
                prefill=True,
            ),
            Table(
                "formations",
                _("Formations concernées"),
                (
                    Field("title", _("Intitulé"), TEXT, required=True),
                    Field("level", _("Niveau"), CHOICE, required=True, choices=LEVELS),
                    Field("route", _("Voie"), CHOICE, required=True, choices=ROUTES),
                    Field("establishment", _("Établissement"), TEXT, required=True),
                ),
                required=True,
                prefill=True,
            ),
            Table(
                "beneficiaries",
                _("Bénéficiaires par type"),
                (
                    Field("type", _("Type"), CHOICE, required=True, choices=BENEFICIARY_TYPES),
                    Field("count", _("Nombre"), INTEGER, required=True),
                ),
                required=True,
                help=_(
                    "Des effectifs, jamais de noms : la fiche ne collecte aucune donnée "
                    "personnelle."
                ),
            ),
        ),
    ),
    Section(
        3,
        _("Objectifs stratégiques : bilan des actions"),
        (_("Bilan annuel d'actions (par typologie d'action) et budget associé réalisé"),),
        tables=(
            Table(
                "actions",
                _("Actions de l'année"),
                (
                    Field("type", _("Type d'action"), CHOICE, required=True, choices=ACTION_TYPES),
                    Field("title", _("Action"), TEXT, required=True),
                    Field("budget", _("Budget réalisé (€)"), MONEY, required=True),
                    Field("beneficiaries", _("Bénéficiaires"), INTEGER),
                ),
                required=True,
            ),
        ),
    ),
    Section(
        4,
        _("Pilotage opérationnel"),
        (_("Comitologie du pilotage organisationnel"),),
        tables=(
            Table(
                "meetings",
                _("Réunions des instances"),
                (
                    Field("body", _("Instance"), CHOICE, required=True, choices=BODIES),
                    Field("held_on", _("Date"), DATE, required=True),
                    Field("present", _("Membres présents"), INTEGER, required=True),
                ),
                required=True,
            ),
        ),
    ),
    Section(
        5,
        _("Moyens financiers et humains"),
        (
            _("Tableau budget année N réalisé (recettes et dépenses)"),
            _("Ressources en valorisation recettes / dépenses"),
            _("Ressources humaines"),
        ),
        tables=(
            Table(
                "revenues",
                _("Recettes réalisées"),
                (
                    Field("label", _("Libellé"), TEXT, required=True),
                    Field("amount", _("Montant (€)"), MONEY, required=True),
                ),
                required=True,
            ),
            Table(
                "expenses",
                _("Dépenses réalisées"),
                (
                    Field("label", _("Libellé"), TEXT, required=True),
                    Field("amount", _("Montant (€)"), MONEY, required=True),
                ),
                required=True,
            ),
            Table(
                "in_kind_revenues",
                _("Valorisations : recettes (contributions en nature)"),
                (
                    Field("label", _("Libellé"), TEXT, required=True),
                    Field("amount", _("Montant (€)"), MONEY, required=True),
                ),
            ),
            Table(
                "in_kind_expenses",
                _("Valorisations : dépenses"),
                (
                    Field("label", _("Libellé"), TEXT, required=True),
                    Field("amount", _("Montant (€)"), MONEY, required=True),
                ),
            ),
            Table(
                "staff",
                _("Ressources humaines"),
                (
                    Field("post", _("Poste"), TEXT, required=True),
                    Field("fte", _("ETP"), DECIMAL, required=True, max_value=Decimal("99")),
                    Field("funder", _("Financeur"), TEXT, required=True),
                ),
                required=True,
                help=_("Les postes, pas les personnes : n'indiquez aucun nom."),
            ),
        ),
        checks=(
            _balanced(
                "revenues",
                "expenses",
                _(
                    "Le budget réalisé n'est pas équilibré : recettes %(revenues)s, dépenses "
                    "%(expenses)s."
                ),
            ),
            _balanced(
                "in_kind_revenues",
                "in_kind_expenses",
                _(
                    "Les valorisations ne sont pas équilibrées : recettes %(revenues)s, dépenses "
                    "%(expenses)s."
                ),
            ),
        ),
    ),
    Section(
        6,
        _("Identité et communication"),
        (
            _(
                "Nombre et typologie d'événements organisés par / en partenariat / où est présent "
                "le campus"
            ),
            _("Existence d'une plaquette (type IDF) à la charte campus à jour"),
            _("Présence en ligne, réseaux sociaux"),
            _("Autres éléments sur la communication"),
        ),
        fields=(
            Field(
                "brochure_up_to_date",
                _("Plaquette à la charte campus à jour"),
                BOOLEAN,
                required=True,
            ),
            Field("website", _("Site internet"), URL),
            Field("social_networks", _("Réseaux sociaux"), LONG_TEXT),
            Field("other_communication", _("Autres éléments de communication"), LONG_TEXT),
        ),
        tables=(
            Table(
                "events",
                _("Événements"),
                (
                    Field("type", _("Type"), CHOICE, required=True, choices=EVENT_TYPES),
                    Field(
                        "involvement",
                        _("Implication"),
                        CHOICE,
                        required=True,
                        choices=INVOLVEMENTS,
                    ),
                    Field("count", _("Nombre"), INTEGER, required=True),
                ),
                required=True,
            ),
        ),
        attachments=True,
    ),
    Section(
        7,
        _("Parcours innovants de formation"),
        (
            _("Formations et places créées ou transformées dans le giron du campus"),
            _(
                "Colorations, modules spécifiques, formations complémentaires développées et "
                "nombre de bénéficiaires"
            ),
        ),
        fields=(
            Field(
                "nothing_new",
                _("Aucune formation ni module créé ou transformé cette année"),
                BOOLEAN,
            ),
        ),
        tables=(
            Table(
                "created",
                _("Formations créées ou transformées"),
                (
                    Field("title", _("Formation"), TEXT, required=True),
                    Field(
                        "kind",
                        _("Création ou transformation"),
                        CHOICE,
                        required=True,
                        choices=CREATION_KINDS,
                    ),
                    Field("places", _("Places"), INTEGER, required=True),
                    Field("establishment", _("Établissement"), TEXT),
                ),
            ),
            Table(
                "modules",
                _("Colorations, modules, formations complémentaires"),
                (
                    Field("title", _("Intitulé"), TEXT, required=True),
                    Field("kind", _("Type"), CHOICE, required=True, choices=MODULE_KINDS),
                    Field("beneficiaries", _("Bénéficiaires"), INTEGER, required=True),
                ),
            ),
        ),
    ),
    Section(
        8,
        _("International"),
        (
            _("Nombre de partenaires internationaux"),
            _("Nombre de bénéficiaires / acteurs ayant réalisé une mobilité"),
        ),
        fields=(
            Field(
                "mobilities",
                _("Bénéficiaires ou acteurs ayant réalisé une mobilité"),
                INTEGER,
                required=True,
            ),
        ),
        tables=(
            Table(
                "partners",
                _("Partenaires internationaux"),
                (
                    Field("name", _("Organisme partenaire"), TEXT, required=True),
                    Field("country", _("Pays"), TEXT, required=True),
                ),
                prefill=True,
                help=_("Le nombre de partenaires est celui des lignes de ce tableau."),
            ),
        ),
    ),
    Section(
        9,
        _("Démarche qualité"),
        (
            _("Évaluation des actions"),
            _("Auto-évaluation annuelle, évaluation externe"),
            _("3 points forts de l'année"),
            _("3 axes d'amélioration pour l'année à venir"),
        ),
        fields=(
            Field("evaluation", _("Évaluation des actions"), LONG_TEXT, required=True),
            Field("self_evaluation", _("Auto-évaluation annuelle"), LONG_TEXT, required=True),
            Field("external_evaluation", _("Évaluation externe"), LONG_TEXT),
            Field("strengths", _("Trois points forts de l'année"), "three", required=True),
            Field(
                "improvements",
                _("Trois axes d'amélioration pour l'année à venir"),
                "three",
                required=True,
            ),
        ),
        attachments=True,
        checks=(
            _exactly_three(
                "strengths", _("Indiquez exactement trois points forts (%(count)s sur 3).")
            ),
            _exactly_three(
                "improvements",
                _("Indiquez exactement trois axes d'amélioration (%(count)s sur 3)."),
            ),
        ),
    ),
)
SECTIONS_BY_NUMBER = {section.number: section for section in SECTIONS}
THREE = "three"  # a list of exactly three short texts


@dataclass
class Result:
    clean: dict
    errors: dict  # {field key: [messages]} and {"table.index.column": [messages]}
    complete: bool
    missing: list  # labels of what is still to fill, for the summary page

    @property
    def error_count(self):
        return sum(len(messages) for messages in self.errors.values())


def _clean_value(spec, raw, year):
    """(value, error message or None) for one typed value; empty gives (None, None)."""
    if spec.type == BOOLEAN:
        if raw in (True, "true", "on", "1", "oui", "yes"):
            return True, None
        if raw in (False, "false", "0", "non", "no"):
            return False, None
        return None, None
    if spec.type == THREE:
        items = raw if isinstance(raw, list) else []
        # Every item is kept (a fourth one must be reported, not silently dropped).
        texts = [
            str(item).strip()[:500] for item in items[:10] if not isinstance(item, dict | list)
        ]
        return texts, None
    if isinstance(raw, dict | list):
        return None, _("Valeur illisible.")
    text = "" if raw is None else str(raw).strip()
    if not text:
        return None, None
    if len(text) > MAX_TEXT:
        return None, _("Texte trop long (%(max)s caractères au plus).") % {"max": MAX_TEXT}
    if spec.type in (TEXT, LONG_TEXT):
        return text, None
    if spec.type == CHOICE:
        keys = {key for key, _label in spec.choices}
        return (text, None) if text in keys else (None, _("Choisissez une valeur de la liste."))
    if spec.type == INTEGER:
        digits = re.sub(r"\s", "", text)  # "1 234" typed or pasted with any kind of space
        if not re.fullmatch(r"\d{1,9}", digits):
            return None, _("Saisissez un nombre entier positif ou nul.")
        number = int(digits)
        if number > MAX_INTEGER:
            return None, _("Ce nombre est trop grand.")
        return number, None
    if spec.type in (MONEY, DECIMAL):
        # Read as the portal's amount fields read them: « 50 000 € », « 50 000,00 », « 50.000,00 ».
        number = parse_french_decimal(text, unit="€" if spec.type == MONEY else None)
        if number is None:
            return None, _("Saisissez un nombre.")
        if number < 0:
            return None, _("Saisissez un nombre positif ou nul.")
        limit = spec.max_value if spec.max_value is not None else MAX_MONEY
        if number > limit:
            return None, _("Ce nombre est trop grand.")
        if number != number.quantize(Decimal("0.01")):
            return None, _("Au plus deux décimales.")
        return number.quantize(Decimal("0.01")), None
    if spec.type == DATE:
        try:
            day = date.fromisoformat(text)
        except ValueError:
            return None, _("Saisissez une date (jj/mm/aaaa).")
        if year and day.year not in (year, year + 1):
            return None, _("La date doit tomber en %(year)s (ou début %(next)s).") % {
                "year": year,
                "next": year + 1,
            }
        return day, None
    if spec.type == URL:
        if not re.fullmatch(r"https?://[^\s]+\.[^\s]+", text):
            return None, _("Saisissez une adresse commençant par https://")
        return text, None
    return text, None


def validate(number, data, *, year=None, attachments=0):
    """Clean `data` (as saved) for section `number` of a sheet of year N = `year`."""
    section = SECTIONS_BY_NUMBER[number]
    data = data if isinstance(data, dict) else {}
    clean, errors, missing = {}, {}, []
    for spec in section.fields:
        value, error = _clean_value(spec, data.get(spec.key), year)
        clean[spec.key] = value
        if error:
            errors.setdefault(spec.key, []).append(error)
        elif spec.required and (value in (None, "", []) or (spec.type == THREE and not any(value))):
            missing.append(str(spec.label))
    for table in section.tables:
        rows = data.get(table.key) if isinstance(data.get(table.key), list) else []
        clean_rows = []
        for index, row in enumerate(rows[:MAX_ROWS]):
            row = row if isinstance(row, dict) else {}
            if not any(str(row.get(c.key) or "").strip() for c in table.columns):
                continue  # a blank row is ignored
            clean_row = {"prefilled": bool(row.get("prefilled"))}
            for column in table.columns:
                value, error = _clean_value(column, row.get(column.key), year)
                clean_row[column.key] = value
                if error:
                    errors.setdefault(f"{table.key}.{index}.{column.key}", []).append(error)
                elif column.required and value in (None, ""):
                    errors.setdefault(f"{table.key}.{index}.{column.key}", []).append(
                        _("Ce champ est obligatoire.")
                    )
            clean_rows.append(clean_row)
        if len(rows) > MAX_ROWS:
            errors.setdefault(table.key, []).append(
                _("%(max)s lignes au plus.") % {"max": MAX_ROWS}
            )
        clean[table.key] = clean_rows
        if table.required and not clean_rows:
            missing.append(str(table.label))
    for check in section.checks:
        for key, messages in check(clean).items():
            errors.setdefault(key, []).extend(str(m) for m in messages)
    missing.extend(_section_specific_missing(number, clean))
    complete = not missing and not errors
    return Result(clean=clean, errors=errors, complete=complete, missing=missing)


def _section_specific_missing(number, clean):
    if number == 1 and not clean.get("studies") and not clean.get("reference_diagnostics"):
        return [str(_("Au moins une étude de l'année ou les diagnostics de référence"))]
    if number == 7 and not (
        clean.get("created") or clean.get("modules") or clean.get("nothing_new")
    ):
        return [
            str(
                _(
                    "Les formations ou modules créés, ou la mention qu'il n'y en a pas eu cette "
                    "année"
                )
            )
        ]
    return []
