"""The dashboard's filters (year, academy, sector family, label category, statuses counted)
and the sheets they select among those the user may see."""

from dataclasses import dataclass
from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campuses.models import Academy, Campus, LabelCategory, SectorFamily

from .. import permissions
from ..models import Campaign, SheetStatus
from .indicators import CHART_CHOICES, INDICATORS_BY_KEY

NO_CATEGORY = "none"


# ---------------------------------------------------------------- filters


def reference_day(year):
    """The day a campus's label category is read on for year N: 31 December of N."""
    return date(year, 12, 31)


@dataclass(frozen=True)
class Filters:
    year: int | None = None
    academy: int | None = None
    sector: int | None = None
    category: str = ""  # "cmq", "excellence", "none" (no label period covering the day)
    include_submitted: bool = False
    indicator: str = "beneficiaries"
    # The year whose 31 December the category is read on, when `year` is not set (an export
    # of every year keeps the campuses the dashboard showed for the year it was on).
    category_year: int | None = None

    @property
    def label_day(self):
        year = self.year or self.category_year
        return reference_day(year) if year else timezone.localdate()

    @property
    def statuses(self):
        if self.include_submitted:
            return (SheetStatus.VALIDATED, SheetStatus.SUBMITTED)
        return (SheetStatus.VALIDATED,)

    def as_params(self):
        """The filters as a job's params (plain JSON values)."""
        return {
            "year": self.year,
            "academy": self.academy,
            "sector": self.sector,
            "category": self.category,
            "include_submitted": self.include_submitted,
        }


class FilterError(ValueError):
    """A filter value that cannot be used (French message)."""


def filters_from_params(params):
    """Filters from a job's params; a value that cannot be used raises FilterError."""
    params = params or {}

    def number(key, label):
        value = params.get(key)
        if value in (None, ""):
            return None
        if isinstance(value, bool) or not str(value).isdigit() or len(str(value)) > 18:
            raise FilterError(_("Filtre « %(label)s » invalide.") % {"label": label})
        return int(value)

    year = number("year", _("année"))
    category_year = number("category_year", _("année"))
    for value in (year, category_year):
        if value is not None and not 2000 <= value <= 2100:
            raise FilterError(_("Filtre « %(label)s » invalide.") % {"label": _("année")})
    category = params.get("category") or ""
    if category not in ("", NO_CATEGORY, *LabelCategory.values):
        raise FilterError(_("Filtre « %(label)s » invalide.") % {"label": _("catégorie")})
    indicator = params.get("indicator") or "beneficiaries"
    if indicator not in CHART_CHOICES:
        raise FilterError(_("Filtre « %(label)s » invalide.") % {"label": _("indicateur")})
    return Filters(
        year=year,
        indicator=indicator,
        academy=number("academy", _("académie")),
        sector=number("sector", _("secteur")),
        category=category,
        include_submitted=params.get("include_submitted") in (True, "true", "on", "1", 1),
        category_year=category_year,
    )


def category_choices():
    return [
        ("", _("Toutes")),
        *[(value, label) for value, label in LabelCategory.choices],
        (NO_CATEGORY, _("Sans label en cours (préfiguration…)")),
    ]


def academies_for(user):
    """The academies a user may filter on: theirs for the staff of one academy."""
    if user.is_rectorate and not user.region_academique:
        return user.academies.all()
    return Academy.objects.all()


class FilterForm(forms.Form):
    """The dashboard's filters (GET). Field names are the query parameters."""

    year = forms.TypedChoiceField(label=gettext_lazy("Année suivie (N)"), coerce=int)
    academy = forms.ModelChoiceField(
        label=gettext_lazy("Académie"),
        queryset=Academy.objects.none(),
        required=False,
        empty_label=gettext_lazy("Toutes"),
    )
    sector = forms.ModelChoiceField(
        label=gettext_lazy("Famille de secteurs"),
        queryset=SectorFamily.objects.all(),
        required=False,
        empty_label=gettext_lazy("Toutes"),
    )
    category = forms.ChoiceField(label=gettext_lazy("Catégorie du label"), required=False)
    indicator = forms.ChoiceField(label=gettext_lazy("Indicateur des graphiques"), required=False)
    include_submitted = forms.BooleanField(
        label=gettext_lazy("Compter aussi les fiches soumises (pas encore validées)"),
        required=False,
    )

    def __init__(self, *args, user, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, str(year)) for year in years]
        self.fields["academy"].queryset = academies_for(user)
        self.fields["category"].choices = category_choices()
        self.fields["indicator"].choices = [
            (key, INDICATORS_BY_KEY[key].label) for key in CHART_CHOICES
        ]

    def filters(self):
        """The filters chosen (the form must be valid)."""
        data = self.cleaned_data
        return Filters(
            year=data["year"],
            academy=data["academy"].pk if data["academy"] else None,
            sector=data["sector"].pk if data["sector"] else None,
            category=data["category"] or "",
            include_submitted=data["include_submitted"],
            indicator=data["indicator"] or "beneficiaries",
        )


def campaign_years():
    return list(Campaign.objects.order_by("-year").values_list("year", flat=True))


def default_year(user, years):
    """The latest year with a validated sheet the user sees, else the latest campaign."""
    latest = (
        permissions.sheets_visible_to(user)
        .filter(status=SheetStatus.VALIDATED)
        .order_by("-campaign__year")
        .values_list("campaign__year", flat=True)
        .first()
    )
    return latest or (years[0] if years else None)


# ---------------------------------------------------------------- queries


def scoped_sheets(user, filters, *, statuses=None):
    """The sheets `user` sees, of campuses matching the filters, in `statuses` (default: the
    statuses counted). Every campus filter is a subquery: no duplicated rows."""
    sheets = permissions.sheets_visible_to(user)
    statuses = filters.statuses if statuses is None else statuses
    if statuses:
        sheets = sheets.filter(status__in=statuses)
    campuses = Campus.objects.all()
    narrowed = False
    if filters.academy:
        campuses, narrowed = campuses.filter(academies=filters.academy), True
    if filters.sector:
        campuses, narrowed = campuses.filter(sector_family=filters.sector), True
    if filters.category:
        campuses = campuses.with_label_state(filters.label_day)
        if filters.category == NO_CATEGORY:
            campuses = campuses.filter(current_category__isnull=True)
        else:
            campuses = campuses.filter(current_category=filters.category)
        narrowed = True
    if narrowed:
        sheets = sheets.filter(campus__in=campuses.values("pk"))
    return sheets
