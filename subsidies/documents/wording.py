"""French wording of the subsidy documents beyond the kernel's (core.formats for amounts and
dates, documents.typography for typography): a plan's shares as the Region's fiches print
them, and the mention of a deliberation."""

from django.utils.translation import gettext as _

from core.formats import day, long_day, number
from documents.typography import typeset


def plan_percent(value):
    """« 100,00% »: the share of a plan line, printed without a space as on the Region's
    fiches projet (the rate of the grant itself keeps the French « 50,00 % »)."""
    return f"{number(value, 2, grouping=False)}%"


def deliberation_mention(deliberation, long=True):
    """« n° CP 2021-135 du 1er avril 2021 » (or « … du 01/04/2021 »)."""
    if deliberation is None:
        return ""
    when = long_day(deliberation.date) if long else day(deliberation.date)
    return typeset(_("n° %(number)s du %(day)s") % {"number": deliberation.number, "day": when})
