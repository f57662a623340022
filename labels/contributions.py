"""What the labelling contributes to the pages it does not own (the navigation, the home
pages, the campus page), to the registry's derived status (« Candidature »), and what it
declares to the kernel (documents, the circuit's e-mails), registered once in
LabelsConfig.ready()."""

from django.db.models import Exists, OuterRef
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


def register():
    from campuses.models import LabelPeriod, register_application_in_progress
    from core.composition import register_block, register_nav
    from notifications.delivery import register as register_notification

    from . import home, notifications, permissions

    register_application_in_progress(application_in_progress)
    register_nav(_("Labellisation"), "labels:list", visible=permissions.can_use_labels, order=55)
    register_block("home.expert", "labels/_home_expert.html", home.expert_home, order=10)
    register_block("home.regional", "labels/_home_applications.html", home.carriers_home, order=35)
    register_block("home.rectorate", "labels/_home_applications.html", home.carriers_home, order=35)
    register_block("home.director", "labels/_home_applications.html", home.carriers_home, order=35)
    register_block("campus.detail", "labels/_campus_label.html", home.campus_block, order=30)
    register_notification(notifications.KIND, notifications.compose)
    post_save.connect(_label_period_saved, sender=LabelPeriod, dispatch_uid="labels-obligations")
    _register_documents()


def application_in_progress(on):
    """True while the campus has an application deposited on or before `on` and not decided
    yet (the registry shows « Candidature » when no label is in force)."""
    from .models import IN_PROGRESS_STATUSES, LabelApplication

    return Exists(
        LabelApplication.objects.filter(
            campus=OuterRef("pk"), status__in=IN_PROGRESS_STATUSES, submitted_on__lte=on
        )
    )


def _label_period_saved(sender, instance, raw=False, **kwargs):
    """A label period typed in the registry, or written by a decision, has its obligations."""
    if raw:  # fixtures
        return
    from .services.decisions import sync_obligations

    sync_obligations(instance)


def _register_documents():
    from .documents.types import register_documents

    register_documents()
