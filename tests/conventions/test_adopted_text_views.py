"""The adopted text on the convention and amendment pages, and the page where regional staff
paste it: a markup the PDF cannot lay out is refused with its line and reason next to the field
and saves nothing; every other role is refused; an act a party has signed keeps its words."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from audit.models import AuditEntry
from conventions import services
from conventions.models import Amendment, DurationKind, FrameworkConvention, RenewalMode

pytestmark = pytest.mark.django_db

MARKUP = """= CONVENTION CADRE
= Campus des métiers et des qualifications Intelligence Artificielle

Entre :

- l’État, représenté par le recteur de la région académique,

# Article 1 – OBJET DE LA CONVENTION

La présente convention définit les conditions générales d'organisation du campus.

Fait à Paris, le ……

| Valérie PÉCRESSE | Présidente de la Région Île-de-France
"""


@pytest.fixture
def draft(user_of, campus_of):
    return services.create_convention(
        user_of("region"),
        campus=campus_of("ia"),
        kind="renewal",
        title="Convention cadre de renouvellement",
        duration_kind=DurationKind.UNTIL_LABEL_END,
        renewal_mode=RenewalMode.EXPRESS,
    )


def url(convention):
    return reverse("conventions:adopted_text", args=[convention.pk])


def test_regional_staff_paste_the_adopted_text_of_a_draft(client_of, draft):
    client = client_of("region")
    page = client.get(reverse("conventions:detail", args=[draft.pk])).content.decode()
    assert "Texte généré à partir de la convention-type, non encore adopté" in page
    assert url(draft) in page
    assert client.get(url(draft)).status_code == 200
    response = client.post(url(draft), {"adopted_text": MARKUP.replace("\n", "\r\n")})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.adopted_text == MARKUP
    assert AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(FrameworkConvention),
        object_id=str(draft.pk),
        changes__has_key="adopted_text",
    ).exists()
    page = client.get(reverse("conventions:detail", args=[draft.pk])).content.decode()
    assert "non encore adopté" not in page
    assert "La présente convention définit les conditions générales" in page


def test_a_markup_the_pdf_cannot_lay_out_is_refused_next_to_the_field(client_of, draft):
    response = client_of("region").post(
        url(draft), {"adopted_text": "# ARTICLE 1\n\n| Valérie PÉCRESSE\n"}
    )
    assert response.status_code == 200
    errors = response.context["form"].errors["adopted_text"]
    assert errors == [
        "Ligne 3 : une colonne de signature s'écrit « | nom | qualité » (l'un ou l'autre peut "
        "être laissé en pointillés)."
    ]
    assert 'id="id_adopted_text_error"' in response.content.decode()
    draft.refresh_from_db()
    assert draft.adopted_text == ""


@pytest.mark.parametrize("username", ["dir-ia", "rectorat-paris", "expert", "dir-mode"])
def test_other_roles_may_not_paste_an_adopted_text(client_of, draft, username):
    client = client_of(username)
    assert client.get(url(draft)).status_code in (403, 404)
    assert client.post(url(draft), {"adopted_text": MARKUP}).status_code in (403, 404)
    draft.refresh_from_db()
    assert draft.adopted_text == ""


def test_the_director_of_the_campus_is_forbidden_the_other_campus_does_not_see_it(client_of, draft):
    assert client_of("dir-ia").get(url(draft)).status_code == 403
    assert client_of("dir-mode").get(url(draft)).status_code == 404
    assert client_of("expert").get(url(draft)).status_code == 403


def test_a_signed_act_keeps_the_words_its_parties_signed(client_of, campus_of):
    mode = FrameworkConvention.objects.get(campus=campus_of("mode"))
    before = mode.adopted_text
    client = client_of("region")
    response = client.post(url(mode), {"adopted_text": MARKUP})
    assert response.status_code == 302 and response.url == mode.get_absolute_url()
    mode.refresh_from_db()
    assert mode.adopted_text == before
    page = client.get(mode.get_absolute_url()).content.decode()
    assert "ne se modifie plus" in page  # the message says why
    assert url(mode) not in page  # and the page offers no edit


def test_the_page_warns_when_the_recorded_clauses_disagree_with_the_text(client_of, campus_of):
    mode = FrameworkConvention.objects.get(campus=campus_of("mode"))
    client = client_of("region")
    page = client.get(mode.get_absolute_url()).content.decode()
    assert 'id="desaccords"' not in page
    assert "Lire le texte adopté" in page
    FrameworkConvention.objects.filter(pk=mode.pk).update(notice_months=3)
    page = client.get(mode.get_absolute_url()).content.decode()
    assert 'id="desaccords"' in page
    assert "le portail enregistre 3 mois avant la fin de l&#x27;année scolaire" in page


def test_the_amendment_page_shows_its_adopted_text(client_of, campus_of):
    amendment = Amendment.objects.get(convention__campus=campus_of("securite"), number=2)
    page = client_of("dir-securite").get(amendment.get_absolute_url()).content.decode()
    assert "Lire le texte adopté" in page
    assert "1-2 Modification de l’alinéa 4.1 :" in page
    assert 'id="desaccords"' not in page
    assert reverse("conventions:amendment_adopted_text", args=[amendment.pk]) not in page
    url_ = reverse("conventions:amendment_adopted_text", args=[amendment.pk])
    assert client_of("dir-securite").get(url_).status_code == 403
