"""The dossier page shows the latest changes of the dossier and links to the whole history
(the campus's history page), as the campus and convention pages do."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from audit.models import AuditAction, AuditEntry
from audit.views import PREVIEW_SIZE
from subsidies.models import SubsidyDossier

pytestmark = pytest.mark.django_db


def test_a_long_dossier_history_is_folded_behind_a_link(client_of):
    dossier = SubsidyDossier.objects.select_related("campus").first()
    content_type = ContentType.objects.get_for_model(SubsidyDossier)
    for number in range(PREVIEW_SIZE + 5):
        AuditEntry.objects.create(
            action=AuditAction.UPDATE,
            content_type=content_type,
            object_id=str(dossier.pk),
            object_repr=str(dossier),
            campus=dossier.campus,
            changes={"objective": [f"avant {number}", f"après {number}"]},
        )

    page = client_of("region").get(reverse("subsidies:detail", args=[dossier.pk]))

    text = page.content.decode()
    shown = text.split('id="historique"', 1)[1]
    assert shown.count("après ") == PREVIEW_SIZE
    assert f"après {PREVIEW_SIZE + 4}" in shown  # newest first
    history_url = reverse("campuses:history", args=[dossier.campus_id])
    assert f'href="{history_url}"' in shown
    assert client_of("region").get(history_url).status_code == 200
