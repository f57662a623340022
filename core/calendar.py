"""Calendar arithmetic the domains share: a date some years or months away, the 29 February
and the months' ends handled once (a label of five years from 29/02/2024 ends on 28/02/2029)."""

from datetime import date


def add_years(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a common year
        return date(day.year + years, 2, 28)


def add_months(day, months):
    """The same day `months` later (earlier when negative), or the month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate_day in (day.day, 30, 29, 28):
        try:
            return date(year, month, candidate_day)
        except ValueError:
            continue
    raise ValueError(day)
