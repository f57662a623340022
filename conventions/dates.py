"""End date and last day to give notice of a convention, computed from its clauses in force
and the campus's label periods: when a label period moves, these dates move with it."""

from dataclasses import dataclass
from datetime import date, timedelta

from core.calendar import add_months, add_years

from .models import DurationKind, NoticeReference, RenewalMode

# The school and university year ends on 31 August (assumption: the seeds do not say).
SCHOOL_YEAR_END = (8, 31)


def label_end_after(label_periods, start):
    """End of the latest label period still running on or after `start` (None if none)."""
    ends = [p.end for p in label_periods if p.end >= start]
    return max(ends) if ends else None


@dataclass
class ConventionDates:
    end: date | None
    notice_deadline: date | None
    explanation: str


def compute_dates(clauses, effective_date, label_periods, today=None):
    """End date and notice deadline of a convention effective on `effective_date`.

    `clauses` is consolidation.Clauses (the clauses in force); `label_periods` the campus's.
    A fixed term renewed tacitly rolls over to the term running on `today`.
    """
    if effective_date is None:
        return ConventionDates(
            None, None, "Pas encore en vigueur : dates calculées à la signature."
        )
    today = today or date.today()
    kind = clauses.duration_kind
    label_end = label_end_after(label_periods, effective_date)
    if kind == DurationKind.FIXED_TERM:
        years = clauses.duration_years or 1
        start, end = effective_date, add_years(effective_date, years) - timedelta(days=1)
        while clauses.renewal_mode == RenewalMode.TACIT and end < today:
            start = end + timedelta(days=1)
            end = add_years(start, years) - timedelta(days=1)
        unit = "an" if years == 1 else "ans"
        explanation = f"{years} {unit} à compter du {effective_date:%d/%m/%Y}"
        if clauses.renewal_mode == RenewalMode.TACIT:
            explanation += ", reconduite tacitement"
    elif kind == DurationKind.ONE_YEAR_EXTENDED:
        one_year = add_years(effective_date, 1) - timedelta(days=1)
        end = max(one_year, label_end) if label_end else one_year
        explanation = (
            f"un an, portée à la fin du label ({label_end:%d/%m/%Y})"
            if label_end and label_end > one_year
            else "un an (pas de label en cours au-delà)"
        )
    elif kind == DurationKind.UNTIL_LABEL_END:
        end = label_end
        explanation = (
            f"jusqu'à la fin du label ({label_end:%d/%m/%Y})"
            if label_end
            else "jusqu'à l'échéance d'une labellisation à venir (aucun label en cours)"
        )
    elif kind == DurationKind.LABEL_PLUS_ONE_YEAR:
        end = add_years(label_end, 1) if label_end else None
        explanation = (
            f"durée du label ({label_end:%d/%m/%Y}) augmentée d'un an"
            if label_end
            else "durée du label augmentée d'un an (aucun label en cours)"
        )
    else:
        end, explanation = None, "règle de durée inconnue"
    return ConventionDates(end, notice_deadline(clauses, end, today), explanation)


def notice_deadline(clauses, end, today):
    """Last day to give notice: N months before the end, or before the end of the school year."""
    if not clauses.notice_months:
        return None
    if clauses.notice_reference == NoticeReference.SCHOOL_YEAR_END:
        month, day = SCHOOL_YEAR_END
        year_end = date(today.year, month, day)
        deadline = add_months(year_end, -clauses.notice_months)
        if deadline < today:
            year_end = date(today.year + 1, month, day)
            deadline = add_months(year_end, -clauses.notice_months)
        # A convention ending before that school-year end leaves nothing to denounce.
        if end is not None and end < year_end:
            return None
        return deadline
    if end is None:
        return None
    return add_months(end, -clauses.notice_months)
