"""What the subsidies add to a deliberation (registered in apps.py): on its page, the grants it
allocates, its envelopes and its actions (vote, summary table, annex bundle); in the API, the
`subsidies` part of its detail and the `vote` action."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from . import permissions, selectors, services
from .serializers.budget import DeliberationSubsidiesSerializer, deliberation_subsidies


def page_block(request, deliberation):
    subsidies = selectors.deliberation_subsidies(request.user, deliberation)
    if subsidies is None:
        return None
    return {"subsidies": subsidies}


@extend_schema_field(DeliberationSubsidiesSerializer(allow_null=True))
class SubsidiesSectionField(serializers.Field):
    """The subsidy part of a deliberation's detail (null for a role with no business in
    subsidies)."""

    def __init__(self):
        super().__init__(source="*", read_only=True)

    def to_representation(self, deliberation):
        request = self.context.get("request")
        return deliberation_subsidies(deliberation, request.user if request else None)


class DeliberationVoteSerializer(serializers.Serializer):
    """Body of a deliberation's `vote` action (its subsidy dossiers)."""

    reason = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text="Motif inscrit dans l'historique des dossiers (le numéro par défaut).",
    )


def vote(request, deliberation):
    """Record the vote: every dossier proposed to this deliberation is voted (amounts frozen,
    grant agreements created), all or nothing, within its envelopes."""
    body = DeliberationVoteSerializer(data=request.data)
    body.is_valid(raise_exception=True)
    services.vote_deliberation(
        request.user, deliberation, reason=body.validated_data.get("reason", "")
    )


def can_vote(user):
    return permissions.can_manage_subsidies(user)
