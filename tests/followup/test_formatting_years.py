"""Years are never grouped like numbers (« 2 023 »): the director's home, the sheet pages, the
campus and dossier pages print « 2023 », whatever USE_THOUSAND_SEPARATOR does to other integers."""

import re

import pytest
from django.urls import reverse

from followup.models import FollowUpSheet
from subsidies.models import SubsidyDossier

pytestmark = pytest.mark.django_db

# A year 1990–2100 split after its first digit by any space, not followed by more digits, a
# decimal comma or a unit (« 2 000 € » and « 2 050,00 » are amounts, not years).
GROUPED_YEAR = re.compile(
    r"(?<![\d,])(1[\s\u00a0\u202f]99\d|2[\s\u00a0\u202f]0\d\d|2[\s\u00a0\u202f]100)"
    r"(?![\d,]|[\s\u00a0\u202f]*(?:€|%|euros))"
)


def grouped_years(response):
    assert response.status_code == 200
    return GROUPED_YEAR.findall(response.content.decode())


def test_the_pattern_finds_a_grouped_year_and_not_an_amount():
    assert GROUPED_YEAR.findall("Fiche 2\u00a0023 – IA") == ["2\u00a0023"]
    assert not GROUPED_YEAR.findall("Fiche 2023, 2\u00a0000\u00a0€, 2\u00a0050,00")


def test_the_directors_home_and_sheet_pages_print_plain_years(client_of):
    sheet = (
        FollowUpSheet.objects.filter(
            campus__short_name__icontains="IA", prefilled_from__isnull=False
        )
        .order_by("-campaign__year")
        .first()
        or FollowUpSheet.objects.filter(prefilled_from__isnull=False).first()
    )
    assert sheet is not None
    director = client_of("dir-ia")
    region = client_of("region")
    assert grouped_years(director.get(reverse("home"))) == []
    for name in ("sheet_detail", "summary"):
        page = region.get(reverse(f"followup:{name}", args=[sheet.pk]))
        assert grouped_years(page) == [], name
    for number in (1, 2, 3):
        page = region.get(reverse("followup:section", args=[sheet.pk, number]))
        assert grouped_years(page) == [], number
    detail = region.get(reverse("followup:sheet_detail", args=[sheet.pk])).content.decode()
    assert f"fiche validée {sheet.campaign.year - 1}." in detail  # the prefill line


def test_campus_lists_and_dossier_pages_print_plain_years(client_of):
    region = client_of("region")
    dossier = SubsidyDossier.objects.order_by("reference_year").first()
    for url in (
        reverse("home"),
        reverse("followup:campaign_list"),
        reverse("subsidies:list"),
        reverse("subsidies:detail", args=[dossier.pk]),
        dossier.campus.get_absolute_url(),
    ):
        assert grouped_years(region.get(url)) == [], url
