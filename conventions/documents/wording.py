"""The French wording of the conventions' documents: clause sentences, parties, and the typed
changes of an amendment, typeset (documents.typography) before the templates see them. The
pages quote an amendment's changes with the same sentences (`describe_change`).
"""

import contextlib
import copy
import re

from django.utils.translation import gettext as _

from documents.typography import in_words, typeset

from ..consolidation import ChangeError, apply_change
from ..models import ChangeKind, DurationKind, NoticeReference, RenewalMode

# Passages (old + new) longer than this are quoted on lines of their own.
SHORT_QUOTE = 160


def amended_by(numbers, feminine=False):
    """« (modifié par l'avenant n°1) », « (modifiée par les avenants n°1 et n°2) »."""
    if not numbers:
        return ""
    numbers = list(dict.fromkeys(numbers))
    verb = _("modifiée") if feminine else _("modifié")
    if len(numbers) == 1:
        return _("(%(verb)s par l'avenant n°%(n)s)") % {"verb": verb, "n": numbers[0]}
    listed = ", ".join(f"n°{n}" for n in numbers[:-1]) + _(" et ") + f"n°{numbers[-1]}"
    return _("(%(verb)s par les avenants %(list)s)") % {"verb": verb, "list": listed}


def duration_clause(clauses):
    kind = clauses.duration_kind
    if kind == DurationKind.FIXED_TERM:
        years = in_words(clauses.duration_years or 1, _("an"), _("ans"))
        text = _(
            "La présente convention est conclue pour une durée de %(years)s à compter de sa "
            "date de signature par la dernière des parties."
        ) % {"years": years}
    elif kind == DurationKind.ONE_YEAR_EXTENDED:
        text = _(
            "La présente convention est conclue pour une durée d'un an à compter de sa date de "
            "signature par la dernière des parties. En cas de labellisation du campus, sa durée "
            "est portée à la date d'expiration de la labellisation."
        )
    elif kind == DurationKind.UNTIL_LABEL_END:
        text = _(
            "La présente convention est conclue jusqu'à l'échéance de la labellisation du campus."
        )
    elif kind == DurationKind.LABEL_PLUS_ONE_YEAR:
        text = _(
            "La présente convention est conclue pour toute la durée de la période de "
            "labellisation du campus augmentée d'une année."
        )
    else:
        text = _("La durée de la présente convention n'est pas précisée.")
    if clauses.renewal_mode == RenewalMode.TACIT:
        text += " " + _("Elle est renouvelable par tacite reconduction.")
    elif clauses.renewal_mode == RenewalMode.EXPRESS:
        text += " " + _("Elle est renouvelable par reconduction expresse.")
    return typeset(text)


def termination_clause(clauses):
    if not clauses.notice_months:
        return typeset(_("La présente convention ne prévoit pas de préavis de dénonciation."))
    reference = (
        _("avant la fin de l'année scolaire et universitaire")
        if clauses.notice_reference == NoticeReference.SCHOOL_YEAR_END
        else _("avant la date d'échéance de la convention")
    )
    return typeset(
        _(
            "Chacune des parties peut dénoncer la présente convention %(form)s, au plus tard "
            "%(months)s %(reference)s."
        )
        % {
            "form": clauses.notice_form or _("par écrit"),
            "months": in_words(clauses.notice_months, _("mois"), _("mois")),
            "reference": reference,
        }
    )


def party_line(name, representative_name, representative_title):
    """« Sorbonne Université, représenté(e) par Nathalie Drach-Temam, Présidente … »."""
    if representative_name:
        who = ", ".join(x for x in (representative_name, representative_title) if x)
        representative = _("représenté(e) par %s") % who
    elif representative_title:
        representative = _("représenté(e) par : %s") % representative_title
    else:
        representative = ""
    return {"name": typeset(name), "representative": typeset(representative)}


def describe_change(change, text):
    """(heading, paragraphs) of one typed change, worded against the text it applies to."""
    kind, number = change.kind, change.article_number
    where = _("À l'article %s") % number
    if change.paragraph_label:
        where += _(", alinéa %s") % change.paragraph_label
    if kind == ChangeKind.REPLACE_PASSAGE:
        heading = _("Modification de l'article %s") % (change.paragraph_label or number)
        old, new = change.old_text.strip(), change.new_text.strip()
        if len(old) + len(new) <= SHORT_QUOTE:
            lines = [
                _("%(where)s, la partie : « %(old)s » est remplacée par : « %(new)s »%(end)s")
                % {"where": where, "old": old, "new": new, "end": _end(new)}
            ]
        else:  # long passages on their own, as in the signed amendments
            lines = [
                _("%s, la partie :") % where,
                Quote(f"« {old} »"),
                _("est remplacée par :"),
                Quote(f"« {new} »{_end(new)}"),
            ]
    elif kind == ChangeKind.REPLACE_ARTICLE:
        heading = _("Remplacement de l'article %s") % number
        title = change.title or _article_title(text, number)
        lines = [
            _(
                "L'article %(n)s est remplacé par les dispositions suivantes : « Article %(n)s – "
                "%(title)s »"
            )
            % {"n": number, "title": title},
            *[Quote(b) for b in re.split(r"\n\s*\n", change.new_text) if b.strip()],
        ]
    elif kind in (ChangeKind.CHANGE_DURATION, ChangeKind.CHANGE_TERMINATION):
        after = _after(text, change)
        if kind == ChangeKind.CHANGE_DURATION:
            heading = _("Durée de la convention")
            lines = [
                _("La clause de durée de la convention est remplacée par la suivante :"),
                duration_clause(after.clauses),
            ]
        else:
            heading = _("Dénonciation de la convention")
            lines = [
                _("La clause de dénonciation de la convention est remplacée par la suivante :"),
                termination_clause(after.clauses),
            ]
        if number and change.new_text:
            new = change.new_text.strip()
            lines += [_("%s, le texte est remplacé par :") % where, Quote(f"« {new} »{_end(new)}")]
    elif kind == ChangeKind.ADD_ANNEX:
        heading = _("Annexe à la convention")
        lines = [
            _("La convention est complétée par une annexe « %s », jointe au présent avenant.")
            % change.title
        ]
    elif kind == ChangeKind.REPLACE_ANNEX:
        heading = _("Remplacement d'une annexe")
        lines = [
            _(
                "L'annexe « %s » de la convention est remplacée par l'annexe jointe au présent "
                "avenant."
            )
            % change.title
        ]
    elif kind == ChangeKind.CHANGE_SUPPORT:
        heading = _("Changement d'établissement support")
        previous = next((p.name for p in text.parties if p.kind == "support"), "")
        new = party_line(
            str(change.organisation or ""),
            change.clause.get("representative_name", ""),
            change.clause.get("representative_title", ""),
        )
        lines = [
            _(
                "L'établissement support du campus est désormais %(new)s%(rep)s. Il se substitue "
                "à %(old)s dans l'ensemble de ses droits et obligations au titre de la "
                "convention."
            )
            % {
                "new": new["name"],
                "rep": f", {new['representative']}" if new["representative"] else "",
                "old": previous or _("l'établissement support précédent"),
            }
        ]
    elif kind == ChangeKind.ADD_PARTY:
        heading = _("Nouvelle partie")
        party = change.party
        line = party_line(str(party), party.representative_name, party.representative_title)
        rep = f", {line['representative']}" if line["representative"] else ""
        lines = [
            _("%(name)s%(rep)s devient partie à la convention.")
            % {"name": line["name"], "rep": rep}
        ]
    else:  # REMOVE_PARTY
        heading = _("Retrait d'une partie")
        lines = [_("%s cesse d'être partie à la convention.") % change.party]
    return typeset(heading), [
        {"text": typeset(line), "quote": isinstance(line, Quote)} for line in lines
    ]


class Quote(str):
    """A quoted passage, set apart (indented) in the amendment."""


def _end(quoted):
    """The full stop after a closing guillemet, unless the quotation ends a sentence itself."""
    return "" if quoted.rstrip().endswith((".", "!", "?", "…")) else "."


def _article_title(text, number):
    try:
        return text.article(number).title
    except ChangeError:
        return ""


def _after(text, change):
    """The text once `change` is applied (for the clause it sets), without touching `text`."""
    after = copy.deepcopy(text)
    with contextlib.suppress(ChangeError):
        apply_change(after, change, 0)
    return after
