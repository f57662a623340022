"""Filters of the subsidies collections (dossiers, payments, envelopes, documents), and the
scoped querysets they filter: the API lists and the exports read the same rows.

The querysets are built so that a page's query count does not grow with its rows: the payment
totals of each dossier are subqueries, everything a row shows is joined or prefetched.
"""

from decimal import Decimal

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import DecimalField, Q, Value
from django.utils.translation import gettext_lazy as _

from campuses.models import Organisation
from campuses.selectors import campus_choices
from core.prefetching import as_rows
from deliberations.numbers import normalize_deliberation_number
from documents.models import DocumentStatus

from . import selectors
from .models import (
    RELEASED_STATUSES,
    CommitmentEnvelope,
    DossierStatus,
    EnvelopePurpose,
    Payment,
    PaymentKind,
    PaymentStatus,
    StatusChange,
    SubsidyDocument,
    SubsidyDocumentKind,
    SubsidyDossier,
)
from .permissions import documents_visible_to, dossiers_visible_to, payments_visible_to
from .selectors import with_figures
from .services.payments import Figures, figures

ZERO = Value(Decimal("0.00"), output_field=DecimalField(max_digits=12, decimal_places=2))


# ---------------------------------------------------------------------- scoped querysets


def dossier_figures(dossier):
    """Voted, paid, in progress, remainder (services.payments.Figures): from the annotations
    of selectors.with_figures when present (no query per row), else from payments.figures."""
    if hasattr(dossier, "paid") and hasattr(dossier, "in_progress"):
        return Figures(
            voted=dossier.voted_amount or Decimal("0.00"),
            paid=dossier.paid or Decimal("0.00"),
            in_progress=dossier.in_progress or Decimal("0.00"),
            released=dossier.status in RELEASED_STATUSES,
        )
    return figures(dossier)


def dossier_list(user):
    """The dossiers `user` may see, with everything the API's rows show (the exports read
    their own rows: subsidies.exports.exported_dossiers)."""
    return with_figures(
        dossiers_visible_to(user)
        # Each join more multiplies PostgreSQL's planning of this query (about twice a join):
        # joining seven relations took 12 to 40 ms to plan and 2 ms to run, on a
        # page of fifty. So only four are joined; the budget lines and deliberations, a few
        # rows shared by many dossiers, come with one query each, and the envelope is not
        # read (a row gives its id only).
        .select_related("campus", "beneficiary", "programme", "agreement")
        # Into plain lists (to_attr, read by SubsidySerializer): Django then fills each row
        # without cloning and filtering a queryset per dossier, which cost more than the
        # queries themselves on a page of fifty.
        .prefetch_related(
            "budget_line",
            "deliberation",
            as_rows("financing_lines"),
            as_rows(
                "status_changes",
                StatusChange.objects.select_related("actor").order_by("at", "pk"),
            ),
        )
    )


def payment_list(user):
    return payments_visible_to(user).select_related("dossier__campus", "beneficiary", "created_by")


def envelope_list():
    """Every envelope with its figures (the pages' own: selectors.envelope_list)."""
    return selectors.envelope_list()


def document_list(user):
    return documents_visible_to(user).select_related("dossier", "transfer", "deliberation")


# ------------------------------------------------------------------------------- fields


def _visible_dossiers(request):
    return dossiers_visible_to(request.user) if request else SubsidyDossier.objects.none()


class DeliberationReferenceField(forms.CharField):
    """A deliberation by id ("12") or by number, typed any usual way ("CP2023-263",
    "CP n° 2023-263"): cleans to an int (id) or to the stored number "CP 2023-263"."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return value
        value = value.strip()
        if value.isdigit():
            return int(value)
        try:
            return normalize_deliberation_number(value)
        except ValidationError as error:
            raise forms.ValidationError(error.messages, code="deliberation_number") from error


class DeliberationReferenceFilter(django_filters.CharFilter):
    field_class = DeliberationReferenceField

    def filter(self, qs, value):
        if value in (None, ""):
            return qs
        if isinstance(value, int):
            return qs.filter(**{f"{self.field_name}_id": value})
        return qs.filter(**{f"{self.field_name}__number": value})


# ------------------------------------------------------------------------------ filters


class SubsidyFilter(django_filters.FilterSet):
    # Choices are scoped: a campus outside the caller's scope is refused like an unknown one.
    campus = django_filters.ModelChoiceFilter(queryset=campus_choices, label=_("Campus"))
    year = django_filters.NumberFilter(
        field_name="reference_year", label=_("Exercice"), min_value=2000, max_value=2100
    )
    status = django_filters.ChoiceFilter(choices=DossierStatus.choices, label=_("État"))
    beneficiary = django_filters.ModelChoiceFilter(
        queryset=Organisation.objects.all(), label=_("Bénéficiaire")
    )
    deliberation = DeliberationReferenceFilter(
        field_name="deliberation", label=_("Délibération d'attribution")
    )
    search = django_filters.CharFilter(method="filter_search", label=_("Recherche"))

    class Meta:
        model = SubsidyDossier
        fields = ["campus", "year", "status", "beneficiary", "deliberation", "search"]

    def filter_search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(number__icontains=value)
            | Q(title__icontains=value)
            | Q(campus__name__icontains=value)
            | Q(campus__short_name__icontains=value)
            | Q(beneficiary_name__icontains=value)
            | Q(beneficiary__legal_name__icontains=value)
        )


class PaymentFilter(django_filters.FilterSet):
    dossier = django_filters.ModelChoiceFilter(queryset=_visible_dossiers, label=_("Dossier"))
    campus = django_filters.ModelChoiceFilter(
        field_name="dossier__campus", queryset=campus_choices, label=_("Campus")
    )
    year = django_filters.NumberFilter(
        field_name="dossier__reference_year", label=_("Exercice"), min_value=2000, max_value=2100
    )
    status = django_filters.ChoiceFilter(choices=PaymentStatus.choices, label=_("État"))
    kind = django_filters.ChoiceFilter(choices=PaymentKind.choices, label=_("Type"))
    beneficiary = django_filters.ModelChoiceFilter(
        queryset=Organisation.objects.all(), label=_("Bénéficiaire")
    )

    class Meta:
        model = Payment
        fields = ["dossier", "campus", "year", "status", "kind", "beneficiary"]


class EnvelopeFilter(django_filters.FilterSet):
    deliberation = DeliberationReferenceFilter(
        field_name="deliberation", label=_("Délibération d'affectation")
    )
    year = django_filters.NumberFilter(
        field_name="budget_year", label=_("Exercice budgétaire"), min_value=2000, max_value=2100
    )
    purpose = django_filters.ChoiceFilter(choices=EnvelopePurpose.choices, label=_("Objet"))

    class Meta:
        model = CommitmentEnvelope
        fields = ["deliberation", "year", "purpose"]


class SubsidyDocumentFilter(django_filters.FilterSet):
    dossier = django_filters.NumberFilter(field_name="dossier_id", label=_("Dossier"))
    kind = django_filters.ChoiceFilter(choices=SubsidyDocumentKind.choices, label=_("Document"))
    status = django_filters.ChoiceFilter(choices=DocumentStatus.choices, label=_("État"))

    class Meta:
        model = SubsidyDocument
        fields = ["dossier", "kind", "status"]
