"""The domains' workflows are what their pages, API and services say: the page's buttons, the
API's permission and the service's refusal come from the same declaration."""

import pytest

from conventions.workflow import SIGNATURE
from followup.workflow import SHEET
from subsidies.workflow import DOSSIER

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("workflow", "username", "expected"),
    [
        (DOSSIER, "dir-ia", {"edit_project", "submit", "withdraw"}),
        (DOSSIER, "rectorat-paris", set()),
        (SIGNATURE, "rectorat-paris", {"sign"}),
        (SIGNATURE, "dir-ia", set()),
        (SHEET, "dir-ia", {"fill", "submit"}),
        (SHEET, "rectorat-creteil", {"comment", "request_changes", "opinion"}),
        (SHEET, "region", {"comment", "request_changes", "validate"}),
        (SHEET, "expert", set()),
    ],
)
def test_what_each_role_may_attempt(workflow, username, expected, user_of):
    assert workflow.open_to(user_of(username)) == expected


def test_a_withdrawal_the_page_does_not_offer_is_refused_by_the_service(user_of, campus_of):
    """The old page re-derived which states a dossier can be withdrawn from: now the page
    and the service ask DOSSIER."""
    from core.errors import ConflictError
    from subsidies import services
    from tests.subsidies.helpers import instructed_dossier

    director = user_of("dir-ia")
    dossier = instructed_dossier(user_of("region"), campus_of("ia"), year=2031)
    assert DOSSIER.available(director, dossier)["withdraw"] is False
    assert DOSSIER.available(user_of("region"), dossier)["withdraw"] is True
    with pytest.raises(ConflictError, match="ne peut plus être retiré"):
        services.withdraw(director, dossier)
