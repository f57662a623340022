"""The texts of record of the deliberations' articles (documents/acts.py markup), as adopted:
deliberations/acts/<number, « cp-2023-263 »>/article-<n>.txt. The structured data of a vote
(the amounts it allocates, its commitment authorisation) is checked against them."""

import re
from decimal import Decimal
from pathlib import Path

from django.utils.translation import gettext as _

from core.formats import whole
from documents import acts

FOLDER = Path(__file__).resolve().parent

# « - 50 000 euros pour le Campus Versailles ; »
_ALLOCATION = re.compile(
    r"^(?:-\s*)?(?P<amount>\d[\d\s\u00a0\u202f]*)\s*euros pour le (?P<campus>.+?)\s*[;.]?$"
)
# « Affecte une autorisation d'engagement de 500 000 € »
_AUTHORISATION = re.compile(r"autorisation d.engagement de (?P<amount>\d[\d\s\u00a0\u202f]*)\s*€")


def _folder(number):
    return number.strip().lower().replace(" ", "-")


def article_markup(number, article):
    """The adopted markup of article `article` of deliberation `number`, or "" when the
    repository has no text of record for it."""
    path = FOLDER / _folder(number) / f"article-{article}.txt"
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def article_blocks(number, article):
    markup = article_markup(number, article)
    return acts.parse(markup) if markup else []


def _amount(text):
    return Decimal(re.sub(r"\D", "", text))


def allocations(blocks):
    """[(campus as the act names it, amount)] from the list items of an article, in order."""
    result = []
    for block in blocks:
        if block["kind"] != acts.ITEM:
            continue
        match = _ALLOCATION.match(acts.normalise(block["text"]))
        if match:
            result.append((match["campus"], _amount(match["amount"])))
    return result


def authorisation(blocks):
    """The commitment authorisation the article affects (a Decimal), or None."""
    for block in blocks:
        match = _AUTHORISATION.search(acts.normalise(block["text"]))
        if match:
            return _amount(match["amount"])
    return None


def disagreements(blocks, amounts, total):
    """What the structured data says that the article's text does not, in French: `amounts`
    is the list of the allocated amounts in the act's order, `total` the commitment
    authorisation. Empty when they agree."""
    problems = []
    written = allocations(blocks)
    if len(written) != len(amounts):
        problems.append(
            _("L'article attribue %(text)s subventions, les données en comptent %(data)s.")
            % {"text": len(written), "data": len(amounts)}
        )
    for position, ((campus, in_text), in_data) in enumerate(
        zip(written, amounts, strict=False), start=1
    ):
        if Decimal(in_data) != in_text:
            problems.append(
                _(
                    "Subvention n° %(position)s (%(campus)s) : l'article dit %(text)s, "
                    "les données %(data)s."
                )
                % {
                    "position": position,
                    "campus": campus,
                    "text": whole(in_text, "euros"),
                    "data": whole(Decimal(in_data), "euros"),
                }
            )
    in_text = authorisation(blocks)
    if in_text is None:
        problems.append(_("L'article n'affecte aucune autorisation d'engagement."))
    elif Decimal(total) != in_text:
        problems.append(
            _("Autorisation d'engagement : l'article dit %(text)s, les données %(data)s.")
            % {"text": whole(in_text, "euros"), "data": whole(Decimal(total), "euros")}
        )
    return problems
