"""Reads of the subsidies pages: scoped querysets with their figures computed in SQL, so that
a page's query count does not grow with its rows.

Figures of a dossier (the same on every page and in every total):
- paid: the sum of its payments in the « payé » state;
- in progress: requested or ordered, not yet paid;
- remainder (« reliquat »): voted − paid, never negative; nothing remains once the dossier is
  « soldé », closed or lapsed (the rest is released), nor before the vote.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, DecimalField, F, OuterRef, Q, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce, Greatest

from audit.models import AuditEntry
from campuses.models import Organisation

from . import permissions, rules
from .models import (
    RELEASED_STATUSES,
    BeneficiaryTransfer,
    CommitmentEnvelope,
    DossierStatus,
    FinancingLine,
    GrantAgreement,
    LineKind,
    Payment,
    PaymentStatus,
    SubsidyDocument,
    SubsidyDocumentKind,
    SubsidyDossier,
    TransferredDossier,
)

ZERO = Decimal("0.00")
MONEY_FIELD = DecimalField(max_digits=14, decimal_places=2)
# Statuses after which nothing remains to pay (the rest, if any, is released).
IN_PROGRESS_STATUSES = (PaymentStatus.REQUESTED, PaymentStatus.ORDERED)


def _zero():
    return Value(ZERO, output_field=MONEY_FIELD)


def _payments_sum(statuses, dossier_ref="pk", **filters):
    """SUM(amount) of the payments of the outer dossier in `statuses`, 0 when there is none."""
    rows = (
        Payment.objects.filter(dossier=OuterRef(dossier_ref), status__in=statuses, **filters)
        .order_by()
        .values("dossier")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    return Coalesce(Subquery(rows, output_field=MONEY_FIELD), _zero(), output_field=MONEY_FIELD)


def remainder_expression():
    return Case(
        When(Q(status__in=RELEASED_STATUSES) | Q(voted_amount__isnull=True), then=_zero()),
        default=Greatest(F("voted_amount") - F("paid"), _zero(), output_field=MONEY_FIELD),
        output_field=MONEY_FIELD,
    )


def with_figures(queryset):
    """Annotate `paid`, `in_progress` and `remainder` (one query, whatever the rows)."""
    return queryset.annotate(
        paid=_payments_sum([PaymentStatus.PAID]),
        in_progress=_payments_sum(IN_PROGRESS_STATUSES),
    ).annotate(remainder=remainder_expression())


def dossier_list(user):
    """The dossiers `user` may see, with what the list shows, in its order."""
    queryset = SubsidyDossier.objects.select_related("campus", "beneficiary").order_by(
        "-reference_year", "campus__short_name", "number"
    )
    return with_figures(permissions.dossiers_visible_to(user, queryset))


def totals(queryset):
    """Amount, voted, paid and remainder of a filtered list, in one aggregate query.
    (The aliases differ from the annotations they sum: an aggregate named like an annotation
    would replace it.)"""
    result = queryset.order_by().aggregate(
        total_amount=Coalesce(Sum("amount"), _zero(), output_field=MONEY_FIELD),
        total_voted=Coalesce(Sum("voted_amount"), _zero(), output_field=MONEY_FIELD),
        total_paid=Coalesce(Sum("paid"), _zero(), output_field=MONEY_FIELD),
        total_in_progress=Coalesce(Sum("in_progress"), _zero(), output_field=MONEY_FIELD),
        total_remainder=Coalesce(Sum("remainder"), _zero(), output_field=MONEY_FIELD),
    )
    return {
        key.removeprefix("total_"): rules.to_cents(value or ZERO) for key, value in result.items()
    }


def beneficiaries_visible_to(user):
    """Organisations that are the beneficiary of a dossier the user may see (for the filter)."""
    return Organisation.objects.filter(
        pk__in=permissions.dossiers_visible_to(user)
        .filter(beneficiary__isnull=False)
        .values("beneficiary")
    ).order_by("legal_name")


def payments_of(user, dossiers=None, limit=20):
    """The latest payments of the dossiers `user` sees (a director's own), newest first."""
    queryset = permissions.payments_visible_to(
        user, Payment.objects.select_related("dossier__campus", "beneficiary")
    )
    if dossiers is not None:
        queryset = queryset.filter(dossier__in=dossiers.values("pk"))
    return queryset.order_by("-requested_on", "-pk")[:limit]


# ---------------------------------------------------------------- one dossier


def dossier_detail(user, pk):
    """One visible dossier with its figures and relations; DoesNotExist when out of scope."""
    queryset = SubsidyDossier.objects.select_related(
        "campus",
        "programme__framework_deliberation",
        "beneficiary",
        "budget_line",
        "deliberation",
        "envelope__deliberation",
        "created_by",
    )
    return with_figures(permissions.dossiers_visible_to(user, queryset)).get(pk=pk)


@dataclass
class PlanRow:
    kind: str
    label: str
    amount: Decimal
    is_region_share: bool
    share: Decimal


@dataclass
class Plan:
    expenses: list
    revenues: list
    total_expenses: Decimal
    total_revenues: Decimal
    region: Decimal | None

    @property
    def is_empty(self):
        return not (self.expenses or self.revenues)

    @property
    def balanced(self):
        return self.total_expenses == self.total_revenues

    @property
    def gap(self):
        return abs(self.total_expenses - self.total_revenues)

    @property
    def region_share(self):
        """The Region's line as a share of the expenses (at most 50 %)."""
        return rules.share(self.region or ZERO, self.total_expenses)


def financing_plan(lines):
    """The plan as the fiche shows it: two columns with each line's share and their totals."""
    lines = list(lines)
    expenses, revenues, region = rules.plan_totals(
        [(line.kind, line.amount, line.is_region_share) for line in lines]
    )
    rows = {LineKind.EXPENSE: [], LineKind.REVENUE: []}
    for line in lines:
        total = expenses if line.kind == LineKind.EXPENSE else revenues
        rows.setdefault(line.kind, []).append(
            PlanRow(
                line.kind,
                line.label,
                line.amount,
                line.is_region_share,
                rules.share(line.amount, total),
            )
        )
    return Plan(rows[LineKind.EXPENSE], rows[LineKind.REVENUE], expenses, revenues, region)


def plan_of(dossier):
    return financing_plan(FinancingLine.objects.filter(dossier=dossier).order_by("position", "pk"))


def dossier_payments(dossier):
    return Payment.objects.filter(dossier=dossier).select_related("beneficiary", "created_by")


def status_history(dossier):
    return dossier.status_changes.select_related("actor").order_by("at", "pk")


def agreement_of(dossier):
    return GrantAgreement.objects.filter(dossier=dossier).first()


def dossier_documents(user, dossier):
    return permissions.documents_visible_to(
        user, SubsidyDocument.objects.filter(dossier=dossier)
    ).order_by("-created_at")


def dossier_transfers(user, dossier):
    """The transfer amendments involving the dossier, with its line in each."""
    return (
        TransferredDossier.objects.filter(
            dossier=dossier,
            transfer__in=permissions.transfers_visible_to(user).values("pk"),
        )
        .select_related("transfer__previous_beneficiary", "transfer__new_beneficiary")
        .order_by("transfer__created_at")
    )


def dossier_history(dossier, payments, agreement):
    """Audit entries of the dossier, its payments and its agreement, newest first."""
    types = ContentType.objects.get_for_models(SubsidyDossier, Payment, GrantAgreement)
    condition = Q(content_type=types[SubsidyDossier], object_id=str(dossier.pk))
    payment_ids = [str(payment.pk) for payment in payments]
    if payment_ids:
        condition |= Q(content_type=types[Payment], object_id__in=payment_ids)
    if agreement is not None:
        condition |= Q(content_type=types[GrantAgreement], object_id=str(agreement.pk))
    return (
        AuditEntry.objects.filter(condition)
        .select_related("actor", "content_type")
        .order_by("-created_at", "-id")
    )


def maximum_for(dossier):
    """The maximum amount the regulation allows with the dossier's base and rate (or None)."""
    if (
        dossier.eligible_base is None
        or dossier.rate is None
        or not rules.rate_allowed(dossier.rate)
    ):
        return None
    return rules.maximum_amount(dossier.eligible_base, dossier.rate, dossier.extended_cap)


# ---------------------------------------------------------------- envelopes


def envelope_list(queryset=None):
    """Envelopes with their figures (CommitmentEnvelope.objects.with_figures: `voted`,
    `proposed`, `paid`, `remaining`), in SQL."""
    queryset = queryset if queryset is not None else CommitmentEnvelope.objects.all()
    return (
        queryset.with_figures()
        .select_related("deliberation", "programme")
        .order_by("-budget_year", "deliberation__number", "article", "pk")
    )


def envelope_dossiers(user, envelope):
    queryset = SubsidyDossier.objects.filter(envelope=envelope).select_related(
        "campus", "beneficiary", "deliberation"
    )
    return with_figures(permissions.dossiers_visible_to(user, queryset)).order_by(
        "deliberation__date", "position", "number"
    )


# ---------------------------------------------------------------- deliberations


def campus_mention(campus):
    """How a deliberation's article names a campus: « Campus Versailles », « Campus sécurité »."""
    name = campus.short_name
    if name.lower().startswith("campus"):
        return name
    return "Campus " + name[:1].lower() + name[1:]


def _adopted_article(deliberation):
    """The allocation article as adopted (deliberations/acts/), blocks, or []."""
    from .documents.summary import adopted_article

    return adopted_article(deliberation)


def deliberation_subsidies(user, deliberation):
    """What the « Subventions » section of a deliberation's page shows to `user`."""
    if not permissions.can_use_subsidies(user):
        return None
    dossiers = list(
        with_figures(
            permissions.dossiers_visible_to(
                user,
                SubsidyDossier.objects.filter(deliberation=deliberation).select_related(
                    "campus", "beneficiary", "envelope"
                ),
            )
        ).order_by("position", "number")
    )
    envelopes = []
    if permissions.can_view_envelopes(user):
        ids = {dossier.envelope_id for dossier in dossiers if dossier.envelope_id}
        envelopes = list(
            envelope_list(
                CommitmentEnvelope.objects.filter(Q(pk__in=ids) | Q(deliberation=deliberation))
            )
        )
    proposed = [d for d in dossiers if d.status == DossierStatus.PROPOSED]
    amounts = [d.voted_amount if d.voted_amount is not None else d.amount for d in dossiers]
    documents = []
    if permissions.can_manage_subsidies(user):
        documents = list(
            SubsidyDocument.objects.filter(
                deliberation=deliberation, kind=SubsidyDocumentKind.DELIBERATION_SUMMARY
            ).order_by("-created_at")
        )
    return {
        "dossiers": dossiers,
        "article": [(campus_mention(d.campus), d.voted_amount or d.amount) for d in dossiers],
        "adopted_article": _adopted_article(deliberation),
        "total": sum((amount or ZERO for amount in amounts), ZERO),
        "envelopes": envelopes,
        "proposed": proposed,
        "documents": documents,
        "can_manage": permissions.can_manage_subsidies(user),
    }


# ---------------------------------------------------------------- transfers


def transfer_detail(user, pk):
    queryset = BeneficiaryTransfer.objects.select_related(
        "campus", "previous_beneficiary", "new_beneficiary", "deliberation", "created_by"
    )
    return permissions.transfers_visible_to(user, queryset).get(pk=pk)


def transfer_items(transfer):
    """Each dossier of the transfer with its current figures (paid, remainder)."""
    items = list(transfer.items.select_related("dossier__campus").order_by("dossier__number"))
    figures = {
        dossier.pk: dossier
        for dossier in with_figures(
            SubsidyDossier.objects.filter(pk__in=[item.dossier_id for item in items])
        )
    }
    for item in items:
        item.figures = figures.get(item.dossier_id)
    return items


def transferable_dossiers(campus=None):
    """Dossiers with an unpaid remainder that may move to a new beneficiary."""
    from .models import TRANSFERABLE_STATUSES

    queryset = with_figures(
        SubsidyDossier.objects.filter(status__in=TRANSFERABLE_STATUSES).select_related(
            "campus", "beneficiary"
        )
    ).filter(remainder__gt=0)
    if campus is not None:
        queryset = queryset.filter(campus=campus)
    return queryset.order_by("campus__short_name", "reference_year", "number")
