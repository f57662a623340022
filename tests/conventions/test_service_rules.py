"""Rules the services enforce whatever the entry point (found in review)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from conventions import services
from conventions.consolidation import consolidated_text, prefetched
from conventions.models import (
    AmendmentChange,
    ChangeKind,
    Contribution,
    ConventionParty,
    Paragraph,
    SignatureStatus,
)
from core.errors import ConflictError, PermissionDeniedError
from tests.conventions.helpers import sign_all, signed_convention

pytestmark = pytest.mark.django_db


def replace(old, new):
    return AmendmentChange(
        kind=ChangeKind.REPLACE_PASSAGE,
        article_number=4,
        paragraph_label="4.1",
        old_text=old,
        new_text=new,
    )


def test_an_overtaken_amendment_cannot_be_sent_and_can_return_to_draft(user_of, campus_of):
    region = user_of("region")
    convention = signed_convention(region, campus_of("ia"))
    first = services.create_amendment(region, convention, title="n°1")
    services.add_change(region, first, replace("CP 2020-519", "CP 2023-111"))
    second = services.create_amendment(region, convention, title="n°2")
    services.add_change(region, second, replace("CP 2020-519", "CP 2024-001"))
    services.send_for_signature(region, second, on=date(2023, 7, 1))
    sign_all(region, first, signed_on=date(2023, 9, 1))
    # n°2 quotes a passage n°1 has replaced: its last signature is refused, nothing breaks.
    parties = services.required_signatories(second)
    for party in parties[:-1]:
        services.record_signature(
            region,
            second,
            party=party,
            signed_on=date(2023, 9, 2),
            place="Paris",
            signatory_name="X",
        )
    with pytest.raises(ConflictError) as error:
        services.record_signature(
            region,
            second,
            party=parties[-1],
            signed_on=date(2023, 9, 2),
            place="Paris",
            signatory_name="X",
        )
    assert "incohérent" in str(error.value)
    second.refresh_from_db()
    assert second.status == SignatureStatus.SENT
    text = consolidated_text(prefetched().get(pk=convention.pk), date(2024, 1, 1))
    assert "CP 2023-111" in text.paragraph(4, "4.1").text
    services.return_to_draft(region, second)
    second.refresh_from_db()
    assert second.status == SignatureStatus.DRAFT and not second.signatures.exists()


def test_sending_an_overtaken_amendment_is_refused(user_of, campus_of):
    region = user_of("region")
    convention = signed_convention(region, campus_of("sante"))
    first = services.create_amendment(region, convention, title="n°1")
    services.add_change(region, first, replace("CP 2020-519", "CP 2023-111"))
    second = services.create_amendment(region, convention, title="n°2")
    services.add_change(region, second, replace("CP 2020-519", "CP 2024-001"))
    sign_all(region, first, signed_on=date(2023, 9, 1))
    with pytest.raises(ConflictError) as error:
        services.send_for_signature(region, second)
    assert "ne s'applique plus" in str(error.value)


def test_a_removed_party_still_signs_its_removal(user_of, campus_of):
    region = user_of("region")
    convention = signed_convention(region, campus_of("energie"))
    leaving = convention.parties.order_by("-position").first()
    amendment = services.create_amendment(region, convention, title="Retrait")
    services.add_change(
        region, amendment, AmendmentChange(kind=ChangeKind.REMOVE_PARTY, party=leaving)
    )
    assert leaving in services.required_signatories(amendment)


def test_added_party_must_come_from_this_amendment(user_of, campus_of):
    region = user_of("region")
    convention = signed_convention(region, campus_of("tnec"))
    amendment = services.create_amendment(region, convention, title="Ajout")
    existing = convention.parties.first()
    with pytest.raises(ValidationError) as error:
        services.add_change(
            region, amendment, AmendmentChange(kind=ChangeKind.ADD_PARTY, party=existing)
        )
    assert "party" in error.value.message_dict
    newcomer = services.add_party_by_amendment(
        region, amendment, ConventionParty(kind="other", authority="Ville de Montereau")
    )
    services.add_change(
        region, amendment, AmendmentChange(kind=ChangeKind.ADD_PARTY, party=newcomer)
    )
    assert newcomer in services.required_signatories(amendment)


def test_status_and_dates_cannot_be_edited_directly(user_of, campus_of):
    region = user_of("region")
    draft = services.create_convention(
        region,
        campus=campus_of("mode"),
        kind="constitutive",
        title="Brouillon",
        duration_kind="until_label_end",
    )
    with pytest.raises(ValidationError) as error:
        services.update_convention(region, draft, status="signed", effective_date=date.today())
    assert set(error.value.message_dict) == {"status", "effective_date"}
    draft.refresh_from_db()
    assert draft.status == SignatureStatus.DRAFT and draft.effective_date is None


def test_parts_do_not_move_between_conventions(user_of, campus_of):
    region = user_of("region")
    signed = signed_convention(region, campus_of("icm"))
    draft = services.create_convention(
        region,
        campus=campus_of("icm"),
        kind="renewal",
        title="Renouvellement",
        duration_kind="until_label_end",
    )
    paragraph = Paragraph.objects.filter(article__convention=signed).first()
    paragraph.article = draft.articles.first()
    with pytest.raises(ValidationError):
        services.save_convention_part(region, paragraph)
    foreign_party = signed.parties.first()
    with pytest.raises(ValidationError) as error:
        services.save_convention_part(
            region, Contribution(convention=draft, party=foreign_party, in_kind="locaux")
        )
    assert "party" in error.value.message_dict


def test_historical_amendment_rules(user_of, campus_of):
    region = user_of("region")
    convention = signed_convention(region, campus_of("securite"))
    services.record_historical_amendment(region, convention, number=1, signed_on=date(2022, 1, 1))
    with pytest.raises(ValidationError) as error:
        services.record_historical_amendment(region, convention, number=1)
    assert "number" in error.value.message_dict
    draft = services.create_convention(
        region,
        campus=campus_of("securite"),
        kind="renewal",
        title="Projet",
        duration_kind="until_label_end",
    )
    with pytest.raises(ConflictError):
        services.record_historical_amendment(region, draft, number=1)


def test_rights_are_checked_before_the_state(user_of, campus_of):
    region = user_of("region")
    convention = signed_convention(region, campus_of("versailles"))
    region_party = convention.parties.get(kind="region")
    with pytest.raises(PermissionDeniedError):
        services.record_signature(
            user_of("rectorat-paris"),
            convention,
            party=region_party,
            signed_on=date(2023, 1, 1),
            place="Paris",
            signatory_name="X",
        )
