"""Real plurals (ngettext) instead of « (s) »; the rectorate's scope reads « Région académique,
Paris », not « Région académiqueParis »."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from followup.exports import totals_row as sheet_totals
from subsidies.exports import totals_row as dossier_totals

pytestmark = pytest.mark.django_db


def test_totals_rows_say_one_dossier_and_two_sheets():
    assert dossier_totals([], 1)[1] == "1 dossier"
    assert dossier_totals([], 3)[1] == "3 dossiers"
    assert sheet_totals([], 1)[1] == "1 fiche"
    assert sheet_totals([], 2)[1] == "2 fiches"


def test_no_parenthesised_plural_on_the_summary(client_of):
    from followup.models import FollowUpSheet

    sheet = FollowUpSheet.objects.first()
    page = client_of("region").get(reverse("followup:summary", args=[sheet.pk])).content.decode()
    assert "(s)" not in page
    assert "sur 9." in page


def test_the_academic_region_and_its_academies_are_separated(client_of):
    account = get_user_model().objects.filter(region_academique=True).first()
    if account is None:
        account = get_user_model().objects.get(username="rectorat-paris")
        account.region_academique = True
        account.save(update_fields=["region_academique"])
    assert account.academies.exists()
    page = client_of("admin").get(reverse("accounts:user_list")).content.decode()
    academy = account.academies.order_by("name").first()
    assert f"Région académique{academy}" not in page
    assert f"Région académique, {academy}" in page
