"""demo.multiply (the benchmark's data set): every domain of the demo copied, each copy wired
to its own rows (a copied convention's parties, amendments and signatures are the copy's), the
follow-up generated over the campaigns asked for; the pages read the copies like the demo, with
the same number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campuses.models import Campus, Stakeholder
from conventions.models import ConventionParty, FrameworkConvention, Signature
from demo.multiply import counts, multiply
from followup.models import Campaign, FollowUpSheet
from subsidies.models import Payment, SubsidyDossier

pytestmark = pytest.mark.django_db


def test_each_domain_is_copied_factor_times():
    before = counts()

    after = multiply(3, years=2)

    assert after == {name: 3 * value for name, value in before.items()}
    assert Campus.objects.filter(name__endswith="(copie 2)").count() == before["campuses"]
    numbers = list(SubsidyDossier.objects.values_list("number", flat=True))
    assert len(numbers) == len(set(numbers))


def test_a_copy_owns_its_rows():
    original = FrameworkConvention.objects.filter(amendments__isnull=False).first()

    multiply(2, years=2)

    copy = FrameworkConvention.objects.get(
        campus__name=f"{original.campus.name} (copie 1)", title=original.title
    )
    assert copy.pk != original.pk
    assert copy.parties.count() == original.parties.count()
    assert copy.amendments.count() == original.amendments.count()
    assert Signature.objects.filter(convention=copy).count() == (
        Signature.objects.filter(convention=original).count()
    )
    # Every party and signature of the copy belongs to the copy, none to the original.
    assert not Signature.objects.filter(convention=copy, party__convention=original).exists()
    assert not ConventionParty.objects.filter(convention=copy, added_by__convention=original)
    stakeholders = Stakeholder.objects.filter(campus=copy.campus)
    assert stakeholders.count() == original.campus.stakeholders.count()
    assert all(s.organisation.legal_name.endswith("(copie 1)") for s in stakeholders)
    paid = Payment.objects.filter(dossier__campus=copy.campus).count()
    assert paid == Payment.objects.filter(dossier__campus=original.campus).count()


def test_the_follow_up_of_the_copies_covers_the_years_asked():
    demo_sheets = FollowUpSheet.objects.count()
    campuses_with_sheets = FollowUpSheet.objects.values("campus").distinct().count()
    demo_years = Campaign.objects.count()

    multiply(2, years=5)

    assert Campaign.objects.count() == 5
    assert FollowUpSheet.objects.count() == (
        demo_sheets + campuses_with_sheets * (5 - demo_years) + demo_sheets
    )


@pytest.mark.parametrize("url", ["/campus/", "/conventions/", "/subventions/", "/suivi/"])
def test_pages_read_the_copies_with_the_same_queries(client_of, url):
    client = client_of("region")
    client.get(url)  # caches filled (content types, sessions)
    with CaptureQueriesContext(connection) as demo:
        assert client.get(url).status_code == 200

    multiply(3, years=2)

    with CaptureQueriesContext(connection) as tripled:
        assert client.get(url).status_code == 200
    assert len(tripled) == len(demo)
