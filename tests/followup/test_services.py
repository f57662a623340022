"""The sheet's rules per section, drafts that keep what was typed, versions, and the review
cycle with who may do what."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from core.errors import ConflictError, PermissionDeniedError
from core.uploads import detect_kind
from followup import sections, services
from followup.models import (
    FollowUpSheet,
    SheetComment,
    SheetIndicators,
    SheetSection,
    SheetStatus,
)
from followup.permissions import comments_visible_to, sheets_visible_to
from tests.followup.helpers import YEAR, complete_sections, fill, open_campaign

pytestmark = pytest.mark.django_db


def sheet_of(campaign, campus):
    return FollowUpSheet.objects.get(campaign=campaign, campus=campus)


# ---------------------------------------------------------------- section rules


def test_a_complete_sheet_validates_section_by_section():
    for number, data in complete_sections().items():
        result = sections.validate(number, data, year=YEAR)
        assert result.complete, (number, result.missing, result.errors)


@pytest.mark.parametrize(
    ("strengths", "count"),
    [(["A", "B"], 2), (["A", "B", ""], 2), (["A", "B", "C", "D"], 4)],
)
def test_exactly_three_strengths(strengths, count):
    data = {**complete_sections()[9], "strengths": strengths}
    result = sections.validate(9, data, year=YEAR)
    assert f"exactement trois points forts ({count} sur 3)" in result.errors["strengths"][0]
    assert not result.complete


def test_untouched_strengths_are_missing_not_an_error():
    data = {**complete_sections()[9], "strengths": ["", "", ""]}
    result = sections.validate(9, data, year=YEAR)
    assert "strengths" not in result.errors
    assert "Trois points forts de l'année" in result.missing


def test_the_realised_budget_must_balance():
    data = {**complete_sections()[5], "expenses": [{"label": "Fonctionnement", "amount": "70000"}]}
    result = sections.validate(5, data, year=YEAR)
    assert "n'est pas équilibré" in result.errors["expenses"][0]
    # The portal's one money format (core.formats): groups of three by a no-break space.
    assert "80\u00a0000,00\u00a0€" in result.errors["expenses"][0]
    in_kind = {**complete_sections()[5], "in_kind_revenues": [{"label": "Locaux", "amount": "5"}]}
    assert "valorisations" in sections.validate(5, in_kind, year=YEAR).errors["in_kind_expenses"][0]


@pytest.mark.parametrize("count", ["-3", "1.5", "abc", "99999999999", "1e6"])
def test_counts_are_whole_numbers_zero_or_more(count):
    data = {**complete_sections()[2], "beneficiaries": [{"type": "pupils", "count": count}]}
    result = sections.validate(2, data, year=YEAR)
    assert "beneficiaries.0.count" in result.errors
    assert not result.complete


def test_cells_dates_links_and_choices_are_checked_with_french_messages():
    data = {
        "meetings": [{"body": "conseil secret", "held_on": f"{YEAR - 3}-01-01", "present": "4"}],
    }
    result = sections.validate(4, data, year=YEAR)
    assert result.errors["meetings.0.body"] == ["Choisissez une valeur de la liste."]
    assert "2040" in result.errors["meetings.0.held_on"][0]
    bad_link = {"studies": [{"title": "T", "body": "B", "link": "javascript:alert(1)"}]}
    assert "https://" in sections.validate(1, bad_link, year=YEAR).errors["studies.0.link"][0]


def test_blank_rows_are_ignored_and_a_missing_cell_is_reported():
    data = {"actions": [{"type": "", "title": "", "budget": ""}, {"title": "Forum"}]}
    result = sections.validate(3, data, year=YEAR)
    assert len(result.clean["actions"]) == 1
    assert "actions.1.type" in result.errors and "actions.1.budget" in result.errors


def test_section_7_is_complete_with_nothing_new_declared():
    assert sections.validate(7, {"nothing_new": "true"}, year=YEAR).complete
    assert not sections.validate(7, {}, year=YEAR).complete


def test_no_field_asks_for_a_persons_name():
    keys = [
        spec.key
        for section in sections.SECTIONS
        for spec in (*section.fields, *(c for t in section.tables for c in t.columns))
    ]
    assert not {"name", "first_name", "last_name", "nom", "prenom"} & set(keys) - {"name"}
    # The only "name" column is an organisation's (international partners).
    partner_columns = sections.SECTIONS_BY_NUMBER[8].tables[0].columns
    assert partner_columns[0].key == "name" and "Organisme" in str(partner_columns[0].label)


# ---------------------------------------------------------------- campaign, drafts, versions


def test_a_campaign_creates_one_sheet_per_followed_campus(user_of):
    campaign = open_campaign(user_of("region"))
    assert campaign.deadline.isoformat() == f"{YEAR + 1}-03-31"
    assert campaign.sheets.count() == 9  # the demo's nine campuses have signed conventions
    assert set(campaign.sheets.values_list("status", flat=True)) == {SheetStatus.NOT_STARTED}
    with pytest.raises(ValidationError):
        open_campaign(user_of("region"))
    for username in ("dir-versailles", "rectorat-paris", "expert"):
        with pytest.raises(PermissionDeniedError):
            open_campaign(user_of(username), year=YEAR + 1)


def test_a_draft_keeps_what_was_typed_even_when_invalid(user_of, campus_of):
    campaign = open_campaign(user_of("region"))
    director, sheet = user_of("dir-versailles"), sheet_of(campaign, campus_of("versailles"))
    typed = {"beneficiaries": [{"type": "pupils", "count": "douze"}]}
    section, result = services.save_section(director, sheet, 2, typed)
    assert SheetSection.objects.get(pk=section.pk).data["beneficiaries"][0]["count"] == "douze"
    assert "beneficiaries.0.count" in result.errors
    assert not section.is_complete and section.error_count >= 1
    assert FollowUpSheet.objects.get(pk=sheet.pk).status == SheetStatus.DRAFT


def test_a_lost_response_then_a_retry_leaves_the_data_consistent(user_of, campus_of):
    """The browser sent a draft, the response was lost, it sends the same draft again with the
    version it knew: identical content is not a conflict and changes nothing."""
    campaign = open_campaign(user_of("region"))
    director, sheet = user_of("dir-versailles"), sheet_of(campaign, campus_of("versailles"))
    data = complete_sections()[3]
    section, _result = services.save_section(director, sheet, 3, data, expected_version=1)
    assert section.version == 2
    # The retry carries the old version; the content is the same: no conflict, no change.
    retried, _result = services.save_section(director, sheet, 3, data, expected_version=1)
    assert retried.version == 2
    stored = SheetSection.objects.get(pk=section.pk)
    assert (stored.data, stored.version) == (data, 2)


def test_concurrent_edits_of_a_section_are_detected(user_of, campus_of):
    campaign = open_campaign(user_of("region"))
    director, sheet = user_of("dir-versailles"), sheet_of(campaign, campus_of("versailles"))
    services.save_section(director, sheet, 8, {"mobilities": "3"}, expected_version=1)
    with pytest.raises(ConflictError) as error:
        services.save_section(director, sheet, 8, {"mobilities": "9"}, expected_version=1)
    assert "quelqu'un d'autre" in str(error.value)
    assert SheetSection.objects.get(sheet=sheet, number=8).data == {"mobilities": "3"}
    # Another section is not blocked by it.
    services.save_section(director, sheet, 9, {"evaluation": "Bien"}, expected_version=1)


def test_only_the_campus_director_fills_it(user_of, campus_of):
    campaign = open_campaign(user_of("region"))
    sheet = sheet_of(campaign, campus_of("versailles"))
    for username in ("dir-mode", "region", "rectorat-versailles", "expert"):
        with pytest.raises(PermissionDeniedError):
            services.save_section(user_of(username), sheet, 1, {"reference_diagnostics": "x"})
    assert not SheetSection.objects.get(sheet=sheet, number=1).data


def test_unknown_keys_are_dropped(user_of, campus_of):
    campaign = open_campaign(user_of("region"))
    sheet = sheet_of(campaign, campus_of("versailles"))
    section, _ = services.save_section(
        user_of("dir-versailles"),
        sheet,
        8,
        {
            "mobilities": "2",
            "learner_names": ["X"],
            "partners": [{"name": "P", "country": "I", "email": "a@b"}],
        },
    )
    assert section.data == {"mobilities": "2", "partners": [{"name": "P", "country": "I"}]}


def test_indicators_follow_the_sections(user_of, campus_of):
    campaign = open_campaign(user_of("region"))
    sheet = fill(user_of("dir-versailles"), sheet_of(campaign, campus_of("versailles")))
    figures = SheetIndicators.objects.get(sheet=sheet)
    assert (figures.pupils, figures.apprentices, figures.beneficiaries) == (120, 30, 150)
    assert (figures.events, figures.events_organised, figures.places_created) == (3, 3, 15)
    assert (figures.international_partners, figures.mobilities) == (1, 6)
    assert figures.budget_revenues == figures.budget_expenses == Decimal("80000.00")


# ---------------------------------------------------------------- attachments


def test_attachments_are_checked_by_content(user_of, campus_of):
    campaign = open_campaign(user_of("region"))
    director, sheet = user_of("dir-versailles"), sheet_of(campaign, campus_of("versailles"))
    png = SimpleUploadedFile("rapport.pdf", b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    with pytest.raises(ValidationError) as error:
        services.add_attachment(director, sheet, 9, png)
    assert "vérifiés sur le contenu" in str(error.value)
    pdf = SimpleUploadedFile("rapport.pdf", b"%PDF-1.4 minimal")
    attachment = services.add_attachment(director, sheet, 9, pdf)
    assert attachment.kind == "pdf"
    with pytest.raises(ValidationError):  # section 4 takes no attachment
        services.add_attachment(director, sheet, 4, SimpleUploadedFile("a.pdf", b"%PDF-1.4"))


def test_office_and_opendocument_files_are_recognised(tmp_path):
    import io
    import zipfile

    def archive(entries):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as zipped:
            for name, content in entries.items():
                zipped.writestr(name, content)
        return SimpleUploadedFile("f", buffer.getvalue())

    assert detect_kind(archive({"mimetype": "application/vnd.oasis.opendocument.text"})) == "odt"
    assert detect_kind(archive({"[Content_Types].xml": "", "xl/workbook.xml": ""})) == "xlsx"
    assert detect_kind(archive({"[Content_Types].xml": "", "word/document.xml": ""})) == "docx"
    assert detect_kind(archive({"evil.exe": "MZ"})) is None


# ---------------------------------------------------------------- submission and review


def test_submission_needs_every_section_complete(user_of, campus_of):
    campaign = open_campaign(user_of("region"))
    director, sheet = user_of("dir-versailles"), sheet_of(campaign, campus_of("versailles"))
    services.save_section(director, sheet, 1, complete_sections()[1])
    with pytest.raises(ValidationError) as error:
        services.submit(director, sheet)
    assert "section_2" in error.value.message_dict and "section_1" not in error.value.message_dict
    assert FollowUpSheet.objects.get(pk=sheet.pk).status == SheetStatus.DRAFT


def test_the_review_cycle_with_permissions_per_role(user_of, campus_of):
    region, director = user_of("region"), user_of("dir-versailles")
    campaign = open_campaign(region)
    sheet = fill(director, sheet_of(campaign, campus_of("versailles")))
    services.submit(director, sheet)
    with pytest.raises(ConflictError):  # submitted: read-only for the director
        services.save_section(director, sheet, 8, {"mobilities": "1"})

    # Rectorate staff of the campus's academy comment and give an opinion, never validate.
    rectorate = user_of("rectorat-versailles")
    services.add_comment(rectorate, sheet, section=8, text="Précisez les pays.")
    services.add_comment(rectorate, sheet, section=8, text="À suivre en COPIL", internal=True)
    services.give_opinion(rectorate, sheet, opinion="favourable", text="Bon bilan")
    with pytest.raises(PermissionDeniedError):
        services.validate_sheet(rectorate, sheet)
    # Staff of another academy do not review it, nor does the expert or another director.
    for username in ("rectorat-creteil", "expert", "dir-mode", "dir-versailles"):
        with pytest.raises(PermissionDeniedError):
            services.add_comment(user_of(username), sheet, section=1, text="?")

    services.request_changes(region, sheet, "Complétez la rubrique 8.")
    sheet.refresh_from_db()
    assert sheet.status == SheetStatus.CHANGES_REQUESTED
    visible = comments_visible_to(director, SheetComment.objects.filter(sheet=sheet))
    assert [c.text for c in visible] == ["Précisez les pays."]  # the internal note is hidden
    assert {c.side for c in SheetComment.objects.filter(sheet=sheet)} == {"rectorate"}

    services.save_section(
        director, sheet, 8, {"mobilities": "6", "partners": [{"name": "L", "country": "Italie"}]}
    )
    services.submit(director, sheet)
    services.validate_sheet(region, sheet)
    sheet.refresh_from_db()
    assert sheet.status == SheetStatus.VALIDATED and sheet.validated_at is not None
    with pytest.raises(ConflictError):
        services.save_section(director, sheet, 8, {"mobilities": "1"})
    history = list(sheet.history.values_list("to_status", flat=True))
    assert history == [
        SheetStatus.DRAFT,
        SheetStatus.SUBMITTED,
        SheetStatus.CHANGES_REQUESTED,
        SheetStatus.SUBMITTED,
        SheetStatus.VALIDATED,
    ]


def test_visibility_of_sheets_per_role(user_of, campus_of):
    campaign = open_campaign(user_of("region"))
    versailles = sheet_of(campaign, campus_of("versailles"))  # academies Paris, Versailles
    assert (
        sheets_visible_to(user_of("dir-versailles")).filter(campaign=campaign).get() == versailles
    )
    assert not sheets_visible_to(user_of("dir-mode")).filter(pk=versailles.pk).exists()
    assert not sheets_visible_to(user_of("rectorat-creteil")).filter(pk=versailles.pk).exists()
    assert sheets_visible_to(user_of("rectorat-versailles")).filter(pk=versailles.pk).exists()
    assert sheets_visible_to(user_of("rectorat-paris")).filter(campaign=campaign).count() == 9
    assert not sheets_visible_to(user_of("expert")).exists()


def test_a_new_campaign_starts_from_last_years_validated_sheet(user_of, campus_of):
    region, director = user_of("region"), user_of("dir-versailles")
    first = open_campaign(region, year=YEAR)
    sheet = fill(director, sheet_of(first, campus_of("versailles")))
    services.submit(director, sheet)
    services.validate_sheet(region, sheet)
    second = open_campaign(region, year=YEAR + 1)
    new = sheet_of(second, campus_of("versailles"))
    assert new.prefilled_from == sheet
    section_2 = new.sections.get(number=2).data
    assert section_2["stakeholders"][0]["organisation"] == "Lycée Jules Ferry"
    assert section_2["stakeholders"][0]["prefilled"] is True
    assert "beneficiaries" not in section_2  # counts are the year's own, never copied
    assert new.sections.get(number=8).data["partners"][0]["prefilled"] is True
    # A campus whose sheet was not validated starts empty.
    assert not sheet_of(second, campus_of("mode")).sections.get(number=2).data["stakeholders"]
