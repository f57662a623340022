"""Serializers of the subsidies API: they validate and shape data; every write goes through
subsidies.services (called by subsidies.api), which checks the regulation's rules.

Money is a decimal string ("50000.00"), rates a decimal string of percent ("50.00"), dates ISO.
A dossier's status and financial terms are never written here: the project part is edited
with PATCH, the terms through the `instruct` action, the status through the other actions.
"""

from .budget import (
    DeliberationSubsidiesSerializer,
    EnvelopeSerializer,
    OrderPaymentSerializer,
    PaymentSerializer,
    PayPaymentSerializer,
    SubsidyDocumentSerializer,
    deliberation_subsidies,
)
from .common import VERSION_HELP, money
from .dossiers import (
    DeliberationReferenceField,
    DossierPdfSerializer,
    FinancingPlanSerializer,
    InstructSerializer,
    ProposeSerializer,
    ReasonSerializer,
    SignAgreementSerializer,
    SubsidySerializer,
)

__all__ = [
    "VERSION_HELP",
    "DeliberationReferenceField",
    "DeliberationSubsidiesSerializer",
    "DossierPdfSerializer",
    "EnvelopeSerializer",
    "FinancingPlanSerializer",
    "InstructSerializer",
    "OrderPaymentSerializer",
    "PayPaymentSerializer",
    "PaymentSerializer",
    "ProposeSerializer",
    "ReasonSerializer",
    "SignAgreementSerializer",
    "SubsidyDocumentSerializer",
    "SubsidySerializer",
    "deliberation_subsidies",
    "money",
]
