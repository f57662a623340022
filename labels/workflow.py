"""The circuit of a label application, declared as data (core.rules): draft → deposited (both
carriers signed, both opinions recorded) → admissible / inadmissible → in expertise → navette
⇄ answers received (as many rounds as needed) → the expert group's opinion → decision (and
withdrawn, by the Region, at any step before it). The services enforce it; the pages, the API's
permissions and the admin read it."""

from django.utils.translation import gettext_lazy as _

from core.roles import is_director, is_expert, is_rectorate, is_regional_staff
from core.rules import Action, Workflow, actions_for

from . import permissions
from .models import IN_PROGRESS_STATUSES, ObligationStatus
from .models import ApplicationStatus as S

REGION_ONLY = _("Seuls les services de la Région, pour la mission nationale, font cette étape.")
CARRIERS_ONLY = _("Seuls les services de la Région et du rectorat préparent la candidature.")
EXPERTS_ONLY = _("Seul·es les expert·es désigné·es pour cette candidature font cette étape.")
DRAFT_ONLY = _("La candidature est %(status)s : elle ne se modifie plus.")

by_the_region = actions_for((is_regional_staff,), REGION_ONLY)


def by_the_carriers(name, **rule):
    return Action(
        name,
        roles=(is_regional_staff, is_rectorate),
        scope=permissions.prepares,
        forbidden=CARRIERS_ONLY,
        out_of_scope=_("Cette candidature n'est pas celle d'un campus de vos académies."),
        **rule,
    )


def by_the_experts(name, **rule):
    return Action(
        name, roles=(is_expert,), scope=permissions.is_assigned, forbidden=EXPERTS_ONLY, **rule
    )


APPLICATION = Workflow(
    by_the_carriers("edit", sources=(S.DRAFT,), wrong_state=DRAFT_ONLY),
    Action(
        "present",
        roles=(is_regional_staff, is_rectorate, is_director),
        scope=permissions.contributes,
        sources=(S.DRAFT,),
        wrong_state=DRAFT_ONLY,
        forbidden=_("Seuls les porteurs et la direction du campus présentent les critères."),
    ),
    by_the_region("sign_for_region", sources=(S.DRAFT,), wrong_state=DRAFT_ONLY),
    Action(
        "sign_for_rector",
        roles=(is_rectorate, is_regional_staff),
        scope=permissions.prepares,
        sources=(S.DRAFT,),
        wrong_state=DRAFT_ONLY,
        forbidden=_("La lettre est signée pour le recteur par le rectorat."),
    ),
    by_the_carriers("record_opinion", sources=(S.DRAFT,), wrong_state=DRAFT_ONLY),
    by_the_carriers(
        "deposit",
        sources=(S.DRAFT,),
        target=S.SUBMITTED,
        wrong_state=_("La candidature est %(status)s : elle a déjà été déposée."),
    ),
    by_the_region(
        "admit",
        sources=(S.SUBMITTED,),
        target=S.ADMISSIBLE,
        wrong_state=_("Seule une candidature déposée est déclarée recevable."),
    ),
    by_the_region(
        "reject",
        sources=(S.SUBMITTED,),
        target=S.INADMISSIBLE,
        wrong_state=_("Seule une candidature déposée est déclarée irrecevable."),
    ),
    by_the_region(
        "assign",
        sources=(S.SUBMITTED, S.ADMISSIBLE, S.IN_EXPERTISE),
        wrong_state=_("La candidature est %(status)s : les expert·es ne se désignent plus."),
    ),
    by_the_region(
        "start_expertise",
        sources=(S.ADMISSIBLE,),
        target=S.IN_EXPERTISE,
        wrong_state=_("Seule une candidature recevable est mise en expertise."),
    ),
    by_the_experts(
        "assess",
        sources=(S.IN_EXPERTISE, S.NAVETTE, S.ANSWERS_RECEIVED),
        wrong_state=_("La candidature est %(status)s : elle ne s'évalue pas."),
    ),
    Action(
        "send_navette",
        roles=(is_expert, is_regional_staff),
        scope=permissions.reviews,
        sources=(S.IN_EXPERTISE, S.ANSWERS_RECEIVED),
        target=S.NAVETTE,
        wrong_state=_("La candidature est %(status)s : pas de nouvelle navette."),
        forbidden=EXPERTS_ONLY,
    ),
    Action(
        "answer",
        roles=(is_regional_staff, is_rectorate, is_director),
        scope=permissions.contributes,
        sources=(S.NAVETTE,),
        wrong_state=_("Aucune navette n'attend de réponse."),
        forbidden=_("Les porteurs de la candidature répondent aux recommandations."),
    ),
    by_the_carriers(
        "send_answers",
        sources=(S.NAVETTE,),
        target=S.ANSWERS_RECEIVED,
        wrong_state=_("Aucune navette n'attend de réponse."),
    ),
    by_the_experts(
        "mark",
        sources=(S.ANSWERS_RECEIVED,),
        wrong_state=_("Les réponses ne sont pas encore reçues."),
    ),
    Action(
        "give_opinion",
        roles=(is_expert,),
        scope=permissions.is_rapporteur,
        sources=(S.IN_EXPERTISE, S.ANSWERS_RECEIVED),
        target=S.OPINION,
        wrong_state=_("La candidature est %(status)s : l'avis ne se rend pas maintenant."),
        forbidden=_("L'avis du groupe est consolidé par son rapporteur·e."),
    ),
    by_the_region(
        "decide",
        sources=(S.OPINION,),
        target=S.DECIDED,
        wrong_state=_("La décision suit l'avis du groupe d'experts."),
    ),
    by_the_region(
        "withdraw",
        sources=(S.DRAFT, *IN_PROGRESS_STATUSES),
        target=S.WITHDRAWN,
        wrong_state=_("La candidature est %(status)s : elle ne se retire plus."),
    ),
)


# What follows a label: each obligation (progress report, mid-term and external evaluations)
# is filed by the campus and reviewed by the experts with the same navettes.

OBLIGATION = Workflow(
    Action(
        "file",
        roles=(is_regional_staff, is_rectorate, is_director),
        scope=permissions.contributes,
        sources=(ObligationStatus.DUE, ObligationStatus.FILED),
        target=ObligationStatus.FILED,
        wrong_state=_("Ce document est %(status)s : il ne se remplace plus."),
        forbidden=_("Le campus, la Région et le rectorat remettent ce document."),
    ),
    Action(
        "send_navette",
        roles=(is_expert, is_regional_staff),
        scope=permissions.reviews_obligation,
        sources=(ObligationStatus.FILED, ObligationStatus.IN_REVIEW),
        target=ObligationStatus.IN_REVIEW,
        wrong_state=_("Ce document est %(status)s : pas de navette."),
        forbidden=EXPERTS_ONLY,
    ),
    Action(
        "answer",
        roles=(is_regional_staff, is_rectorate, is_director),
        scope=permissions.contributes,
        sources=(ObligationStatus.IN_REVIEW,),
        wrong_state=_("Aucune navette n'attend de réponse."),
        forbidden=_("Les porteurs du campus répondent aux recommandations."),
    ),
    Action(
        "send_answers",
        roles=(is_regional_staff, is_rectorate),
        scope=permissions.prepares,
        sources=(ObligationStatus.IN_REVIEW,),
        wrong_state=_("Aucune navette n'attend de réponse."),
        forbidden=CARRIERS_ONLY,
    ),
    Action(
        "mark",
        roles=(is_expert, is_regional_staff),
        scope=permissions.reviews_obligation,
        sources=(ObligationStatus.IN_REVIEW,),
        wrong_state=_("Les réponses ne sont pas encore reçues."),
        forbidden=EXPERTS_ONLY,
    ),
    Action(
        "close",
        roles=(is_expert, is_regional_staff),
        scope=permissions.reviews_obligation,
        sources=(ObligationStatus.FILED, ObligationStatus.IN_REVIEW),
        target=ObligationStatus.CLOSED,
        wrong_state=_("Ce document est %(status)s : son examen ne se conclut pas maintenant."),
        forbidden=EXPERTS_ONLY,
    ),
)
