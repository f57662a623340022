from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubsidiesConfig(AppConfig):
    name = "subsidies"
    verbose_name = _("Subventions")

    def ready(self):
        from core.composition import register_block, register_nav
        from deliberations import contributions as deliberation
        from documents.registry import register as register_documents
        from jobs.services import register_handler

        from . import deliberations, permissions
        from .documents.types import TYPES, campus_of
        from .models import SubsidyDocument

        register_documents(
            SubsidyDocument,
            types=TYPES,
            visible_to=permissions.documents_visible_to,
            can_use=permissions.can_use_subsidies,
            campus_of=campus_of,
            select_related=("dossier__campus", "transfer__campus", "deliberation"),
        )

        register_handler(
            "subsidy_annex_bundle",
            "subsidies.documents.bundle.build_annex_bundle",
            label=_("Annexes d'une délibération (fiches projet)"),
        )
        register_handler(
            "subsidy_export",
            "subsidies.exports.export_dossiers",
            label=_("Export des dossiers de subvention"),
        )
        register_handler(
            "subsidy_open_data",
            "subsidies.exports.export_open_data",
            label=_("Données essentielles des subventions (SCDL)"),
        )
        register_nav(
            _("Subventions"), "subsidies:list", visible=permissions.can_use_subsidies, order=50
        )
        register_block("home.director", "subsidies/_home_director.html", _home_director, order=20)
        register_block(
            deliberation.PAGE_SLOT,
            "subsidies/_deliberation.html",
            deliberations.page_block,
            order=20,
            head="subsidies/_styles.html",
        )
        deliberation.register_section(
            deliberation.ApiSection(
                "subsidies", field=deliberations.SubsidiesSectionField, detail_only=True
            )
        )
        deliberation.register_action(
            deliberation.ApiAction(
                "vote",
                run=deliberations.vote,
                allowed=deliberations.can_vote,
                request_serializer=deliberations.DeliberationVoteSerializer,
                description=(
                    "Record the vote: every dossier proposed to this deliberation is voted "
                    "(amounts frozen, grant agreements created), all or nothing, within its "
                    "envelopes."
                ),
            )
        )


def _home_director(request, campuses, **page):
    """The director's most recent subsidy dossiers, with what was paid and what remains
    (nothing without a campus)."""
    if not campuses:
        return None
    from .selectors import dossier_list
    from .views.common import status_badge

    dossiers = list(dossier_list(request.user)[:6])
    for dossier in dossiers:
        dossier.badge = status_badge(dossier)
    return {"subsidies": dossiers}
