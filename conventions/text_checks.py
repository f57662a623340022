"""The structured clauses of a convention or an amendment checked against its adopted text.

The portal computes end dates, notice deadlines and reminders from the structured clauses
(duration, renewal, notice), and the amounts from the contributions; the act that binds the
parties is the adopted text. `disagreements(act)` lists, in French, every recorded value the
adopted text says otherwise; the act's page shows them as a warning. An act without an adopted
text (generated from the standard template) has nothing to be checked against.

The text is read with a few patterns of the acts' own wording (CP 2023-263, annexes 2 to 10):
a clause the patterns do not find is not reported, only a clause the text states differently.
"""

import re
from decimal import Decimal

from django.utils.translation import gettext as _

from documents import acts

from .models import Amendment, ChangeKind, DurationKind, NoticeReference, RenewalMode

NUMBER_WORDS = {
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "douze": 12,
}
_NUMBER = r"(\d+|" + "|".join(NUMBER_WORDS) + r")"


def _number(word):
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def act_text(act):
    """The adopted text's words, normalised and in lower case ("" without an adopted text)."""
    if not act.adopted_text.strip():
        return ""
    return acts.normalise(acts.plain_text(acts.parse(act.adopted_text))).lower()


# ---------------------------------------------------------------- reading the clauses


def duration_in(text):
    """(DurationKind, years) the text states, or None."""
    if re.search(r"augmentée (de une|d'une) année", text):
        return DurationKind.LABEL_PLUS_ONE_YEAR, None
    if "jusqu'à l'échéance de la labellisation" in text:
        return DurationKind.UNTIL_LABEL_END, None
    if re.search(r"période d'un an\b", text) and "portée à la date de l'expiration" in text:
        return DurationKind.ONE_YEAR_EXTENDED, 1
    found = re.search(r"pour une durée de " + _NUMBER + r"(?: \(\d+\))? ans\b", text)
    if found:
        return DurationKind.FIXED_TERM, _number(found.group(1))
    return None


def renewal_in(text):
    if "reconduction expresse" in text:
        return RenewalMode.EXPRESS
    # « tacite reproduction »: the wording of several 2023 amendments, meaning the same.
    if re.search(r"tacite (reconduction|reproduction)", text):
        return RenewalMode.TACIT
    return None


def notice_in(text):
    """(months, NoticeReference) of the termination clause, or None."""
    found = re.search(
        _NUMBER + r"(?: \(\d+\))? mois avant (la fin de l'année scolaire|la date)", text
    )
    if not found:
        return None
    reference = (
        NoticeReference.SCHOOL_YEAR_END
        if found.group(2).startswith("la fin")
        else NoticeReference.CONVENTION_END
    )
    return _number(found.group(1)), reference


def copies_in(text):
    found = re.search(r"en (\d+) exemplaires originaux", text)
    return int(found.group(1)) if found else None


def _amount_words(amount):
    """« 50 000 » for Decimal("50000.00"), as the acts write an amount."""
    whole = int(Decimal(amount).quantize(Decimal("1")))
    return f"{whole:,}".replace(",", " ")


# ---------------------------------------------------------------- the checks


def _clause_disagreements(text, clauses, *, duration_label, notice_label):
    problems = []
    duration = duration_in(text)
    if duration is not None:
        kind, years = duration
        if kind != clauses["duration_kind"] or (
            kind == DurationKind.FIXED_TERM and years != clauses["duration_years"]
        ):
            recorded = DurationKind(clauses["duration_kind"]).label
            if clauses["duration_kind"] == DurationKind.FIXED_TERM:
                recorded += f" ({clauses['duration_years']} ans)"
            stated = DurationKind(kind).label + (
                f" ({years} ans)" if kind == DurationKind.FIXED_TERM else ""
            )
            problems.append(
                _(
                    "%(what)s : le portail enregistre « %(recorded)s », le texte adopté dit "
                    "« %(stated)s »."
                )
                % {"what": duration_label, "recorded": recorded, "stated": stated}
            )
    renewal = renewal_in(text)
    recorded_renewal = clauses.get("renewal_mode")
    # Without a renewal clause the text says none, once it states the duration.
    stated_renewal = renewal or (RenewalMode.NONE if duration is not None else None)
    if recorded_renewal is not None and stated_renewal not in (None, recorded_renewal):
        problems.append(
            _(
                "Reconduction : le portail enregistre « %(recorded)s », le texte adopté "
                "dit « %(stated)s »."
            )
            % {
                "recorded": RenewalMode(recorded_renewal).label,
                "stated": RenewalMode(stated_renewal).label,
            }
        )
    notice = notice_in(text)
    if notice is not None and "notice_months" in clauses:
        months, reference = notice
        if months != clauses["notice_months"] or reference != clauses["notice_reference"]:
            problems.append(
                _(
                    "%(what)s : le portail enregistre %(recorded)s, le texte adopté dit "
                    "%(months)s mois %(reference)s."
                )
                % {
                    "what": notice_label,
                    "recorded": (
                        _("%(months)s mois %(reference)s")
                        % {
                            "months": clauses["notice_months"],
                            "reference": NoticeReference(clauses["notice_reference"]).label,
                        }
                        if clauses["notice_months"]
                        else _("aucun préavis")
                    ),
                    "months": months,
                    "reference": NoticeReference(reference).label,
                }
            )
    return problems


def convention_disagreements(convention, text):
    clauses = {
        "duration_kind": convention.duration_kind,
        "duration_years": convention.duration_years,
        "renewal_mode": convention.renewal_mode,
        "notice_months": convention.notice_months,
        "notice_reference": convention.notice_reference,
    }
    problems = _clause_disagreements(
        text, clauses, duration_label=_("Durée"), notice_label=_("Préavis de dénonciation")
    )
    for contribution in convention.contributions.select_related("party__organisation"):
        if contribution.max_amount_per_year is not None:
            amount = _amount_words(contribution.max_amount_per_year)
            if not re.search(re.escape(amount) + r" (euros|€)", text):
                problems.append(
                    _(
                        "Contribution de %(party)s : le portail enregistre un maximum de "
                        "%(amount)s euros par an, montant que le texte adopté ne contient pas."
                    )
                    % {"party": contribution.party, "amount": amount}
                )
        if contribution.max_share_percent is not None:
            share = f"{int(contribution.max_share_percent)}"
            if not re.search(rf"\b{share} ?%", text):
                problems.append(
                    _(
                        "Contribution de %(party)s : le portail enregistre une part maximum de "
                        "%(share)s %% des dépenses, que le texte adopté ne contient pas."
                    )
                    % {"party": contribution.party, "share": share}
                )
    copies = copies_in(text)
    if copies is not None and convention.original_copies and copies != convention.original_copies:
        problems.append(
            _(
                "Exemplaires originaux : le portail enregistre %(recorded)s, le texte adopté dit "
                "%(stated)s."
            )
            % {"recorded": convention.original_copies, "stated": copies}
        )
    return problems


def amendment_disagreements(amendment, text):
    problems = []
    found = re.search(r"avenant n° ?(\d+)", text)
    if found and int(found.group(1)) != amendment.number:
        problems.append(
            _(
                "Numéro : le portail enregistre l'avenant n°%(recorded)s, le texte adopté dit "
                "n°%(stated)s."
            )
            % {"recorded": amendment.number, "stated": found.group(1)}
        )
    for change in amendment.changes.all():
        if change.paragraph_label and f"alinéa {change.paragraph_label.lower()}" not in text:
            problems.append(
                _(
                    "Modification « %(change)s » : le texte adopté ne mentionne pas l'alinéa "
                    "%(label)s."
                )
                % {"change": change.get_kind_display(), "label": change.paragraph_label}
            )
        if change.kind == ChangeKind.REPLACE_PASSAGE:
            for side in (change.old_text, change.new_text):
                for reference in re.findall(r"CP \d{4}-\d+", side):
                    if reference.lower() not in text:
                        problems.append(
                            _(
                                "Modification de l'alinéa %(label)s : le texte adopté ne cite "
                                "pas « %(reference)s »."
                            )
                            % {"label": change.paragraph_label or "—", "reference": reference}
                        )
        elif change.kind == ChangeKind.CHANGE_DURATION:
            replaced = text.rsplit("remplacée par", 1)[-1]
            clause = change.clause
            if clause.get("duration_kind"):
                problems += _clause_disagreements(
                    replaced,
                    {
                        "duration_kind": clause["duration_kind"],
                        "duration_years": clause.get("duration_years"),
                        "renewal_mode": clause.get("renewal_mode"),
                    },
                    duration_label=_("Nouvelle durée"),
                    notice_label=_("Nouveau préavis"),
                )
        elif change.kind in (ChangeKind.ADD_ANNEX, ChangeKind.REPLACE_ANNEX) and (
            "annex" not in text
        ):
            problems.append(
                _("Annexe « %(title)s » : le texte adopté n'en parle pas.")
                % {"title": change.title}
            )
    return problems


def disagreements(act):
    """Where the recorded data of `act` (a FrameworkConvention or an Amendment) does not agree
    with its adopted text: French sentences, [] when they agree or without an adopted text."""
    text = act_text(act)
    if not text:
        return []
    if isinstance(act, Amendment):
        return amendment_disagreements(act, text)
    return convention_disagreements(act, text)
