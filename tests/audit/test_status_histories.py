"""The status histories of a follow-up sheet, a subsidy dossier and a label application read
as their labels and French dates, never the codes of the status machine."""

import re

import pytest

pytestmark = pytest.mark.django_db

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
FRENCH_DATE = re.compile(r"\d{2}/\d{2}/\d{4}")


def status_history(client, obj, marker):
    response = client.get(obj.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    start = html.index(marker)
    end = html.find("</section>", start)
    return re.sub(r"<[^>]+>", " ", html[start:end])


@pytest.mark.parametrize(
    ("app", "model", "related"),
    [
        ("followup", "FollowUpSheet", "history"),
        ("subsidies", "SubsidyDossier", "status_changes"),
        ("labels", "LabelApplication", "history"),
    ],
)
def test_status_history_shows_labels_and_french_dates(client_of, app, model, related):
    from django.apps import apps

    model_class = apps.get_model(app, model)
    obj = model_class.objects.filter(**{f"{related}__isnull": False}).first()
    text = status_history(client_of("region"), obj, "Historique des états")
    status = model_class._meta.get_field("status")
    changes = list(getattr(obj, related).all())
    assert changes
    for change in changes:
        assert str(dict(status.flatchoices)[change.to_status]) in text
    codes = {key for key, _label in status.flatchoices if "_" in key or key.islower()}
    labels = " ".join(str(label) for _key, label in status.flatchoices).lower()
    assert not {code for code in codes if code not in labels and re.search(rf"\b{code}\b", text)}
    assert FRENCH_DATE.search(text)
    assert not ISO_DATE.search(text)
