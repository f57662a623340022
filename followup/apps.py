from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "followup"
    verbose_name = _("Suivi annuel")

    def ready(self):
        from core.composition import register_block, register_nav
        from documents.registry import register as register_documents
        from jobs.services import register_handler, register_parts
        from notifications.delivery import register as register_notification

        from . import home, notifications, permissions
        from .documents import SHEET_PDF
        from .models import SheetDocument

        register_documents(
            SheetDocument,
            types=[SHEET_PDF],
            kind_field=None,
            visible_to=permissions.documents_visible_to,
            can_use=permissions.can_use_followup,
            campus_of=lambda document: document.sheet.campus,
            select_related=("sheet__campaign", "sheet__campus"),
        )

        register_nav(
            _("Suivi annuel"),
            "followup:campaign_list",
            visible=permissions.can_use_followup,
            order=60,
        )
        for slot, order in (("home.regional", 20), ("home.rectorate", 10)):
            register_block(slot, "followup/_home_reviewer.html", home.home_block, order=order)
        register_block("home.director", "followup/_home_director.html", home.home_block, order=30)
        # The label's progress report and evaluations are read with the period's sheets.
        register_block(
            "labels.obligation", "followup/_label_period_sheets.html", home.period_sheets
        )
        register_notification(notifications.SUBMITTED_KIND, notifications.compose_submitted)
        register_notification(notifications.CHANGES_KIND, notifications.compose_changes_requested)
        register_handler(
            "followup_indicators_export",
            "followup.exports.export_indicators",
            label=_("Export des indicateurs du suivi annuel"),
        )
        register_handler(
            "followup_regional_report",
            "followup.documents.build_regional_report",
            label=_("Rapport régional de la campagne de suivi"),
        )
        register_parts(
            "followup_regional_report",
            "followup.documents.report.render_summaries",
            "followup.documents.report.merge_report",
        )
