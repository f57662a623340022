"""The Django admin saves through the domains' services: the same rules, locks, versions and
audit entries as the portal's pages; a service's refusal is an error, nothing is saved."""

from decimal import Decimal as D

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from audit.models import AuditAction, AuditEntry
from campuses.models import Organisation
from conventions import services as convention_services
from conventions.models import Article, DurationKind
from subsidies.models import CommitmentEnvelope
from subsidies.services.votes import voted_on_envelope

pytestmark = pytest.mark.django_db


def _post_data(response):
    """The admin change form's fields, as the page filled them."""
    form = response.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None:
            continue
        data[name] = [str(v) for v in value] if isinstance(value, list | tuple) else str(value)
    return data


def _entries(obj):
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    )


def test_an_envelope_cannot_be_lowered_below_what_is_voted(client_of):
    client = client_of("admin")
    envelope = CommitmentEnvelope.objects.get(amount=D("500000.00"), budget_year=2023)
    url = reverse("admin:subsidies_commitmentenvelope_change", args=[envelope.pk])
    data = _post_data(client.get(url))
    voted = voted_on_envelope(envelope)
    data["amount"] = str(voted - 1)
    response = client.post(url, data)
    assert response.status_code == 200  # the form again, with the message on the field
    assert "ne peut descendre sous ce qui est déjà voté" in response.content.decode()
    envelope.refresh_from_db()
    assert envelope.amount == D("500000.00")


def test_an_envelope_raised_is_saved_by_the_service_and_audited_once(client_of):
    client = client_of("admin")
    envelope = CommitmentEnvelope.objects.get(amount=D("500000.00"), budget_year=2023)
    url = reverse("admin:subsidies_commitmentenvelope_change", args=[envelope.pk])
    data = _post_data(client.get(url))
    data["amount"] = "600000.00"
    before = _entries(envelope).count()
    assert client.post(url, data).status_code == 302
    envelope.refresh_from_db()
    assert envelope.amount == D("600000.00")
    assert _entries(envelope).count() == before + 1
    assert _entries(envelope).first().changes["amount"] == ["500000.00", "600000.00"]


def test_a_draft_s_article_is_saved_by_the_conventions_service(client_of, user_of, campus_of):
    region = user_of("region")
    convention = convention_services.create_convention(
        region,
        campus=campus_of("ia"),
        kind="constitutive",
        title="Projet admin",
        duration_kind=DurationKind.UNTIL_LABEL_END,
        notice_months=3,
    )
    version = convention.version
    article = Article.objects.filter(convention=convention).order_by("number").first()
    client = client_of("admin")
    url = reverse("admin:conventions_article_change", args=[article.pk])
    data = _post_data(client.get(url))
    data["title"] = "Objet revu dans l'administration"
    assert client.post(url, data).status_code == 302
    article.refresh_from_db()
    convention.refresh_from_db()
    assert article.title == "Objet revu dans l'administration"
    assert convention.version == version + 1  # the service bumps the convention
    (entry,) = _entries(article).filter(action=AuditAction.UPDATE)
    assert entry.campus == convention.campus


def test_a_sent_convention_is_read_only_in_the_admin(client_of, user_of, campus_of):
    from datetime import timedelta

    from django.utils import timezone

    region = user_of("region")
    convention = convention_services.create_convention(
        region,
        campus=campus_of("ia"),
        kind="constitutive",
        title="Projet envoyé",
        duration_kind=DurationKind.UNTIL_LABEL_END,
        notice_months=3,
    )
    convention_services.send_for_signature(
        region, convention, on=timezone.localdate() - timedelta(days=1)
    )
    article = Article.objects.filter(convention=convention).first()
    url = reverse("admin:conventions_article_change", args=[article.pk])
    client = client_of("admin")
    assert client.post(url, {"title": "Non", "number": article.number}).status_code == 403
    article.refresh_from_db()
    assert article.title != "Non"


def test_the_registry_is_saved_by_its_service(client_of):
    client = client_of("admin")
    organisation = Organisation.objects.order_by("pk").first()
    url = reverse("admin:campuses_organisation_change", args=[organisation.pk])
    response = client.get(url)
    data = _post_data(response)
    for formset in response.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        for name in management.fields:
            data[f"{formset.formset.prefix}-{name}"] = str(management[name].value())
        for index, form in enumerate(formset.formset.forms):
            for name in form.fields:
                value = form[name].value()
                if value is not None:
                    data[f"{formset.formset.prefix}-{index}-{name}"] = str(value)
    data["address"] = "2 rue de l'Administration\n75001 Paris"
    assert client.post(url, data).status_code == 302
    organisation.refresh_from_db()
    assert organisation.address.startswith("2 rue de l'Administration")
    assert _entries(organisation).filter(action=AuditAction.UPDATE).count() == 1
