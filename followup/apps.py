from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "followup"
    verbose_name = _("Suivi annuel")

    def ready(self):
        from jobs.services import register_handler

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
