"""Empty choices are words: filters say « Tous », form selects « — choisir — »; Django's
« --------- » appears on no list or form page."""

import pytest
from django.urls import reverse

from core.forms import CHOOSE, PortalModelForm, with_empty

pytestmark = pytest.mark.django_db

PAGES = [
    ("admin", "accounts:user_list"),
    ("admin", "accounts:user_invite"),
    ("region", "campuses:list"),
    ("region", "campuses:create"),
    ("region", "campuses:organisation_list"),
    ("region", "campuses:organisation_create"),
    ("region", "conventions:list"),
    ("region", "conventions:create"),
    ("region", "deliberations:list"),
    ("region", "deliberations:create"),
    ("region", "followup:campaign_list"),
    ("region", "followup:campaign_create"),
    ("region", "followup:dashboard"),
    ("region", "labels:list"),
    ("region", "labels:session_create"),
    ("region", "subsidies:list"),
    ("dir-ia", "subsidies:create"),
    ("region", "subsidies:envelope_list"),
    ("region", "subsidies:envelope_create"),
    ("region", "subsidies:transfer_create"),
    ("region", "audit:list"),
]


@pytest.mark.parametrize(("username", "name"), PAGES)
def test_no_page_shows_dashes_as_its_empty_choice(client_of, username, name):
    response = client_of(username).get(reverse(name))
    assert response.status_code == 200
    page = response.content.decode()
    assert "<select" in page or name.endswith("_list") or name == "audit:list"
    assert "---------" not in page


def test_filters_say_all_and_forms_say_choose(client_of):
    filters = client_of("region").get(reverse("subsidies:list")).content.decode()
    assert '<option value="" selected>Tous</option>' in filters
    form = client_of("region").get(reverse("subsidies:envelope_create")).content.decode()
    assert f'<option value="" selected>{CHOOSE}</option>' in form


def test_a_model_form_with_choices_gets_the_label_from_the_kernel():
    from subsidies.models import CommitmentEnvelope

    class EnvelopeForm(PortalModelForm):
        class Meta(PortalModelForm.Meta):
            model = CommitmentEnvelope
            fields = ["programme", "purpose"]

    form = EnvelopeForm()
    assert form.fields["programme"].empty_label == CHOOSE
    assert list(form.fields["purpose"].choices)[0] == ("", CHOOSE)
    assert with_empty([("a", "A")]) == [("", CHOOSE), ("a", "A")]
