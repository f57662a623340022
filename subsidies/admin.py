"""Admin of subsidies: the reference data (programme, budget lines, envelopes) is edited here
by regional staff; dossiers, payments and transfers are read-only, because their services own
every write (rules, status history, envelope locks)."""

from django import forms
from django.contrib import admin

from audit.admin_mixins import AuditedModelAdmin, ReadOnlyAdminMixin

from .forms import EnvelopeForm
from .models import (
    BeneficiaryTransfer,
    BudgetLine,
    CommitmentEnvelope,
    FinancingLine,
    Payment,
    Programme,
    StatusChange,
    SubsidyDossier,
)
from .services.envelopes import amount_errors, save_envelope


@admin.register(Programme)
class ProgrammeAdmin(AuditedModelAdmin):
    list_display = ["code", "name", "framework_deliberation", "regulation"]


@admin.register(BudgetLine)
class BudgetLineAdmin(AuditedModelAdmin):
    list_display = ["code", "nature", "programme_code", "action_label"]


class EnvelopeAdminForm(EnvelopeForm):
    """The portal's form; the service's check on the amount shows next to the field (the
    service checks it again, under the row's lock, when it saves)."""

    def clean_amount(self):
        amount = self.cleaned_data["amount"]
        message = amount_errors(self.instance, amount)
        if message:
            raise forms.ValidationError(message)
        return amount


@admin.register(CommitmentEnvelope)
class CommitmentEnvelopeAdmin(AuditedModelAdmin):
    """Saved by the envelopes' service: the row locked as a vote locks it, never below what
    is voted on it (a refusal is shown, nothing saved)."""

    form = EnvelopeAdminForm
    save_through = staticmethod(lambda actor, obj, form: save_envelope(actor, obj))
    list_display = ["label", "budget_year", "purpose", "amount", "deliberation", "article"]
    list_filter = ["budget_year", "purpose"]


class ReadOnlyAdmin(ReadOnlyAdminMixin, AuditedModelAdmin):
    """Written only by the subsidy services."""


class FinancingLineInline(admin.TabularInline):
    model = FinancingLine
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class StatusChangeInline(FinancingLineInline):
    model = StatusChange


@admin.register(SubsidyDossier)
class SubsidyDossierAdmin(ReadOnlyAdmin):
    list_display = ["number", "campus", "reference_year", "status", "amount", "deliberation"]
    list_filter = ["status", "reference_year"]
    search_fields = ["number", "title", "campus__short_name"]
    inlines = [FinancingLineInline, StatusChangeInline]


@admin.register(Payment)
class PaymentAdmin(ReadOnlyAdmin):
    list_display = ["dossier", "kind", "amount", "status", "beneficiary", "paid_on"]
    list_filter = ["status", "kind"]


@admin.register(BeneficiaryTransfer)
class BeneficiaryTransferAdmin(ReadOnlyAdmin):
    list_display = ["campus", "previous_beneficiary", "new_beneficiary", "status"]
