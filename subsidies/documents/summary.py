"""Template context of a deliberation's summary table: its dossiers in order, the allocation
article, the commitment envelopes it affects."""

from django.conf import settings
from django.utils.translation import gettext as _

from core.formats import euros, percent, whole
from deliberations import acts as deliberation_acts
from documents.typography import typeset

from .. import rules
from ..models import CommitmentEnvelope
from .context import granted_amount, session_line


def _summary_rows(dossiers):
    return [
        {
            "position": str(dossier.position or ""),
            "number": dossier.number,
            "campus": typeset(dossier.campus.short_name),
            "beneficiary": typeset(
                dossier.beneficiary_name
                or (dossier.beneficiary.legal_name if dossier.beneficiary else "")
            ),
            "budget_line": dossier.budget_line.code if dossier.budget_line else "",
            "base": euros(dossier.eligible_base),
            "rate": percent(dossier.rate),
            "amount": euros(granted_amount(dossier)),
            "voted": dossier.is_voted,
        }
        for dossier in dossiers
    ]


def _allocation_lines(dossiers):
    """Article 7 of CP 2023-263: « - 50 000 euros pour le Campus Versailles ; »."""
    result = []
    for position, dossier in enumerate(dossiers, start=1):
        name = dossier.campus.short_name
        campus = name if name.lower().startswith("campus") else f"Campus {name}"
        end = " ;" if position < len(dossiers) else "."
        result.append(
            typeset(
                _("- %(amount)s pour le %(campus)s%(end)s")
                % {"amount": whole(granted_amount(dossier), "euros"), "campus": campus, "end": end}
            )
        )
    return result


def _envelopes(deliberation):
    """Each envelope with what is voted on it (the vote's own rule, lapsed grants counting
    only what was paid) and what remains."""
    result = []
    for envelope in (
        CommitmentEnvelope.objects.filter(deliberation=deliberation)
        .with_figures()
        .order_by("article", "budget_year", "pk")
    ):
        voted = envelope.voted
        result.append(
            {
                "article": envelope.article,
                "label": typeset(envelope.label),
                "year": str(envelope.budget_year),
                "imputation": typeset(
                    _(
                        "Chapitre %(chapter)s, code fonctionnel %(function)s, programme "
                        "%(programme)s, action %(action)s"
                    )
                    % {
                        "chapter": envelope.chapter,
                        "function": envelope.function,
                        "programme": envelope.programme_code,
                        "action": envelope.action,
                    }
                ),
                "amount": euros(envelope.amount),
                "voted": euros(voted),
                "remaining": euros(envelope.amount - voted),
            }
        )
    return result


def adopted_article(deliberation):
    """The blocks of the allocation article as adopted (deliberations/acts/…), when the
    repository holds the text of record of one of the articles the envelopes name."""
    articles = (
        CommitmentEnvelope.objects.filter(deliberation=deliberation)
        .order_by("article")
        .values_list("article", flat=True)
        .distinct()
    )
    for article in articles:
        blocks = deliberation_acts.article_blocks(deliberation.number, article)
        if deliberation_acts.allocations(blocks):
            return blocks
    return []


def summary_context(deliberation, dossiers):
    amounts = [granted_amount(d) for d in dossiers]
    bases = [d.eligible_base for d in dossiers if d.eligible_base is not None]
    programme = dossiers[0].programme if dossiers else None
    total = sum((a for a in amounts if a is not None), rules.to_cents(0))
    all_voted = all(d.is_voted for d in dossiers)
    return {
        "document_title": typeset(
            _("Délibération %(number)s – tableau récapitulatif") % {"number": deliberation.number}
        ),
        "region_name": settings.REGION_NAME,
        "running_left": typeset(deliberation.number),
        "running_right": _("Tableau récapitulatif"),
        "session": session_line(deliberation),
        "deliberation_title": typeset(deliberation.title),
        "status_note": "" if all_voted else _("Projet – subventions proposées, non encore votées"),
        "programme": typeset(f"{programme.name} (n° {programme.code})") if programme else "",
        "rows": _summary_rows(dossiers),
        "total_base": euros(sum(bases, rules.to_cents(0))),
        "total": euros(total),
        "total_words": whole(total, "euros"),
        "article_intro": typeset(
            _(
                "Décide de participer au titre du dispositif « %(programme)s », au financement "
                "des projets des campus des métiers et des qualifications par l’attribution "
                "d’une subvention d’un montant maximum prévisionnel ci-dessous :"
            )
            % {"programme": programme.name if programme else ""}
        ),
        "allocations": _allocation_lines(dossiers),
        # The article as adopted, verbatim, shown instead of the lines rebuilt from the data.
        "adopted_article": adopted_article(deliberation),
        "envelopes": _envelopes(deliberation),
    }
