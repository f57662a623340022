"""The convention, amendment and deliberation pages: what each role can do, and that every
refusal of the services (stale version, passage not in force, wrong file) reaches the user in
French on the right field, with nothing saved."""

import html
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conventions import services
from conventions.models import (
    Amendment,
    AmendmentChange,
    Article,
    ChangeKind,
    DurationKind,
    FrameworkConvention,
    GeneratedDocument,
    Paragraph,
    PartyKind,
    Signature,
    SignatureStatus,
    SignedScan,
)
from deliberations.models import Deliberation
from documents.models import DocumentStatus
from jobs.models import Job
from tests.conventions.helpers import (
    OLD_41,
    amendment_to_cp_2023_111,
    deliberation,
    sign_all,
    signed_convention,
)

pytestmark = pytest.mark.django_db

PDF_BYTES = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


def content(response):
    """The page's text with HTML entities decoded (« l'article » is « l'article »)."""
    return html.unescape(response.content.decode())


def draft_convention(actor, campus, **clauses):
    clauses.setdefault("duration_kind", DurationKind.UNTIL_LABEL_END)
    clauses.setdefault("notice_months", 3)
    return services.create_convention(
        actor, campus=campus, kind="constitutive", title=f"Projet {campus}", **clauses
    )


def sent_convention(actor, campus):
    convention = draft_convention(actor, campus)
    services.send_for_signature(actor, convention, on=timezone.localdate() - timedelta(days=5))
    convention.refresh_from_db()
    return convention


# ---------------------------------------------------------------- creating and editing a draft


def test_regional_staff_create_a_draft_from_the_standard_template(client_of, user_of, campus_of):
    campus = campus_of("ia")
    cp = deliberation()
    response = client_of("region").post(
        reverse("conventions:create"),
        {
            "campus": campus.pk,
            "kind": "constitutive",
            "title": "Convention cadre du campus IA (test)",
            "deliberation": cp.pk,
            "duration_kind": DurationKind.ONE_YEAR_EXTENDED,
            "renewal_mode": "none",
            "notice_months": 3,
            "notice_reference": "convention_end",
            "notice_form": "par lettre recommandée",
        },
    )

    convention = FrameworkConvention.objects.get(title="Convention cadre du campus IA (test)")
    assert response.status_code == 302
    assert response.url == reverse("conventions:detail", args=[convention.pk])
    assert convention.status == SignatureStatus.DRAFT
    assert convention.deliberation == cp
    assert convention.articles.count() == 8
    assert [p.kind for p in convention.parties.all()][:2] == [PartyKind.STATE, PartyKind.REGION]

    page = client_of("region").get(response.url)
    assert page.status_code == 200
    assert "Brouillon" in content(page)
    assert "Article 8 – Litiges" in content(page)
    assert "Modifier le brouillon" in content(page)


def test_a_fixed_term_without_years_is_refused_on_the_field(client_of, campus_of):
    response = client_of("region").post(
        reverse("conventions:create"),
        {
            "campus": campus_of("ia").pk,
            "kind": "constitutive",
            "title": "Durée fixe sans années",
            "duration_kind": DurationKind.FIXED_TERM,
            "renewal_mode": "none",
            "notice_reference": "convention_end",
        },
    )
    assert response.status_code == 200
    assert "nombre d'années" in response.context["form"].errors["duration_years"][0]
    assert not FrameworkConvention.objects.filter(title="Durée fixe sans années").exists()


def test_regional_staff_edit_a_paragraph_of_the_draft(client_of, user_of, campus_of):
    convention = draft_convention(user_of("region"), campus_of("ia"))
    paragraph = Paragraph.objects.get(article__convention=convention, article__number=5)
    url = reverse("conventions:part_update", args=[convention.pk, "alineas", paragraph.pk])

    assert client_of("region").get(url).status_code == 200
    response = client_of("region").post(
        url,
        {
            "article": paragraph.article_id,
            "position": 1,
            "label": "",
            "text": "Le siège du campus est fixé à Paris.",
        },
    )

    assert response.status_code == 302
    assert response.url.endswith("#articles")
    paragraph.refresh_from_db()
    assert paragraph.text == "Le siège du campus est fixé à Paris."
    detail = client_of("region").get(reverse("conventions:detail", args=[convention.pk]))
    assert "Le siège du campus est fixé à Paris." in content(detail)


def test_a_paragraph_of_another_convention_is_404(client_of, user_of, campus_of):
    region = user_of("region")
    mine, other = (
        draft_convention(region, campus_of("ia")),
        draft_convention(region, campus_of("icm")),
    )
    foreign = Paragraph.objects.filter(article__convention=other).first()
    url = reverse("conventions:part_update", args=[mine.pk, "alineas", foreign.pk])
    assert client_of("region").get(url).status_code == 404


def test_regional_staff_add_an_article_and_delete_it(client_of, user_of, campus_of):
    convention = draft_convention(user_of("region"), campus_of("ia"))
    create = client_of("region").post(
        reverse("conventions:part_create", args=[convention.pk, "articles"]),
        {"number": 9, "title": "Communication"},
    )
    assert create.status_code == 302
    article = Article.objects.get(convention=convention, number=9)

    delete = client_of("region").post(
        reverse("conventions:part_delete", args=[convention.pk, "articles", article.pk])
    )
    assert delete.status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()


def test_a_stale_edit_shows_the_conflict_message(client_of, user_of, campus_of):
    region = user_of("region")
    convention = draft_convention(region, campus_of("ia"))
    url = reverse("conventions:update", args=[convention.pk])
    form = client_of("region").get(url).context["form"]
    started_from = form["version"].value()
    # Someone else saves in between.
    services.update_convention(region, convention, preamble="Préambule modifié ailleurs.")

    data = {name: form[name].value() or "" for name in form.fields}
    data.update(version=started_from, title="Mon intitulé")
    response = client_of("region").post(url, data)

    assert response.status_code == 200
    assert "modifié par quelqu'un d'autre" in content(response)
    convention.refresh_from_db()
    assert convention.title != "Mon intitulé"
    assert convention.preamble == "Préambule modifié ailleurs."


def test_sent_convention_is_read_only(client_of, user_of, campus_of):
    convention = draft_convention(user_of("region"), campus_of("ia"))
    client = client_of("region")

    response = client.post(reverse("conventions:send", args=[convention.pk]))

    assert response.status_code == 302
    convention.refresh_from_db()
    assert convention.status == SignatureStatus.SENT
    detail = content(client.get(reverse("conventions:detail", args=[convention.pk])))
    assert "Envoyé pour signature" in detail
    assert "Modifier le brouillon" not in detail
    assert reverse("conventions:part_create", args=[convention.pk, "articles"]) not in detail

    paragraph = Paragraph.objects.filter(article__convention=convention).first()
    edit = reverse("conventions:part_update", args=[convention.pk, "alineas", paragraph.pk])
    refused = client.post(
        edit, {"article": paragraph.article_id, "position": 1, "text": "Changé"}, follow=True
    )
    assert "n'est plus modifiable" in content(refused)
    paragraph.refresh_from_db()
    assert paragraph.text != "Changé"
    assert client.get(reverse("conventions:update", args=[convention.pk])).status_code == 302
    # Edit pages stay forbidden to the roles that never edit.
    assert client_of("dir-ia").get(edit).status_code == 403


# ---------------------------------------------------------------- signatures


def _sign_data(party, day):
    return {
        "party": party.pk,
        "signed_on": day.isoformat(),
        "place": "Paris",
        "signatory_name": "Signataire de test",
        "signatory_title": "Qualité",
    }


def test_region_and_rectorate_record_the_signatures(client_of, user_of, campus_of):
    convention = sent_convention(user_of("region"), campus_of("mode"))
    parties = services.required_signatories(convention)
    state = next(p for p in parties if p.kind == PartyKind.STATE)
    url = reverse("conventions:sign", args=[convention.pk])
    yesterday = timezone.localdate() - timedelta(days=1)

    # The rectorate is offered the State only, and records its signature.
    rectorate = client_of("rectorat-creteil")
    page = rectorate.get(url)
    assert page.status_code == 200
    offered = [value for value, _label in page.context["form"].fields["party"].widget.choices]
    assert offered == ["", state.pk]
    assert rectorate.post(url, _sign_data(state, yesterday)).status_code == 302

    region = client_of("region")
    for party in parties:
        if party.pk != state.pk:
            assert region.post(url, _sign_data(party, timezone.localdate())).status_code == 302

    convention.refresh_from_db()
    assert convention.status == SignatureStatus.SIGNED
    assert convention.effective_date == timezone.localdate()
    detail = content(region.get(reverse("conventions:detail", args=[convention.pk])))
    assert "Signataire de test" in detail
    assert yesterday.strftime("%d/%m/%Y") in detail


def test_rectorate_cannot_sign_for_the_region(client_of, user_of, campus_of):
    convention = sent_convention(user_of("region"), campus_of("mode"))
    region_party = convention.parties.get(kind=PartyKind.REGION)
    url = reverse("conventions:sign", args=[convention.pk])
    rectorate = client_of("rectorat-creteil")

    offered = rectorate.get(url).context["form"].fields["party"].widget.choices
    assert region_party.pk not in [value for value, _label in offered]

    forged = rectorate.post(url, _sign_data(region_party, timezone.localdate()))

    assert forged.status_code == 403
    assert not Signature.objects.filter(convention=convention).exists()


def test_a_future_signature_date_is_refused_on_the_field(client_of, user_of, campus_of):
    convention = sent_convention(user_of("region"), campus_of("ia"))
    party = convention.parties.first()
    response = client_of("region").post(
        reverse("conventions:sign", args=[convention.pk]),
        _sign_data(party, timezone.localdate() + timedelta(days=3)),
    )
    assert response.status_code == 200
    assert "future" in response.context["form"].errors["signed_on"][0]
    assert not Signature.objects.filter(convention=convention).exists()


def test_directors_read_but_do_not_sign(client_of, user_of, campus_of):
    convention = sent_convention(user_of("region"), campus_of("ia"))
    assert client_of("dir-ia").get(convention.get_absolute_url()).status_code == 200
    url = reverse("conventions:sign", args=[convention.pk])
    assert client_of("dir-ia").get(url).status_code == 403
    assert client_of("dir-mode").get(convention.get_absolute_url()).status_code == 404
    assert client_of("expert").get(convention.get_absolute_url()).status_code == 403


def test_terminate_a_signed_convention(client_of, user_of, campus_of):
    convention = signed_convention(user_of("region"), campus_of("ia"))
    region_party = convention.parties.get(kind=PartyKind.REGION)
    response = client_of("region").post(
        reverse("conventions:terminate", args=[convention.pk]),
        {"party": region_party.pk, "on": "2023-01-10", "reason": "Fin du projet"},
    )
    assert response.status_code == 302
    convention.refresh_from_db()
    assert convention.status == SignatureStatus.TERMINATED
    assert "Dénoncé" in content(client_of("region").get(convention.get_absolute_url()))


def test_signed_convention_past_its_end_is_shown_expired(client_of, user_of, campus_of):
    convention = signed_convention(
        user_of("region"),
        campus_of("ia"),
        duration_kind=DurationKind.FIXED_TERM,
        duration_years=1,
        renewal_mode="none",
    )
    page = content(client_of("region").get(convention.get_absolute_url()))
    assert "Expirée" in page
    assert "28/02/2022" in page  # 1 year from 01/03/2021
    assert "1 an à compter du 01/03/2021" in page


# ---------------------------------------------------------------- amendments


def _change_data(**data):
    base = {"kind": ChangeKind.REPLACE_PASSAGE, "renewal_mode": "none"}
    base["notice_reference"] = "convention_end"
    return {**base, **data}


def test_amendment_through_the_pages(client_of, user_of, campus_of):
    convention = signed_convention(user_of("region"), campus_of("sante"))
    client = client_of("region")
    created = client.post(
        reverse("conventions:amendment_create", args=[convention.pk]),
        {"title": "Avenant n°1 à la convention", "deliberation": deliberation().pk},
    )
    amendment = Amendment.objects.get(convention=convention)
    assert created.url == reverse("conventions:amendment_detail", args=[amendment.pk])
    assert amendment.number == 1 and amendment.status == SignatureStatus.DRAFT

    added = client.post(
        reverse("conventions:change_create", args=[amendment.pk]),
        _change_data(
            article_number=4,
            paragraph_label="4.1",
            old_text="n° CP 2020-519",
            new_text="n° CP 2023-111",
        ),
    )
    assert added.status_code == 302
    page = content(client.get(amendment.get_absolute_url()))
    # Worded as the signed amendments (and the amendment's PDF) word it.
    assert "À l'article 4, alinéa 4.1, la partie : « n° CP 2020-519 » est remplacée par" in (
        " ".join(page.split())
    )
    assert "Dispositions non modifiées" in page
    assert "Date d'effet" in page

    assert (
        client.post(reverse("conventions:amendment_send", args=[amendment.pk])).status_code == 302
    )
    amendment.refresh_from_db()
    assert amendment.status == SignatureStatus.SENT
    url = reverse("conventions:amendment_sign", args=[amendment.pk])
    for party in services.required_signatories(amendment):
        assert client.post(url, _sign_data(party, timezone.localdate())).status_code == 302
    amendment.refresh_from_db()
    assert amendment.status == SignatureStatus.SIGNED

    detail = content(client.get(convention.get_absolute_url()))
    assert "n° CP 2023-111" in detail
    assert "modifié par l'avenant n°1" in detail


def test_an_absent_passage_is_refused_on_the_passage_field(client_of, user_of, campus_of):
    convention = signed_convention(user_of("region"), campus_of("sante"))
    amendment = services.create_amendment(user_of("region"), convention, title="Avenant")

    response = client_of("region").post(
        reverse("conventions:change_create", args=[amendment.pk]),
        _change_data(
            article_number=4,
            paragraph_label="4.1",
            old_text="n° CR 1999-001",
            new_text="n° CP 2023-111",
        ),
    )

    assert response.status_code == 200
    errors = response.context["change_form"].errors
    assert "n'est pas dans le texte en vigueur" in errors["old_text"][0]
    assert 'id="id_old_text_error"' in response.content.decode()
    assert not amendment.changes.exists()


def test_change_fields_depend_on_the_kind(client_of, user_of, campus_of):
    convention = signed_convention(user_of("region"), campus_of("sante"))
    amendment = services.create_amendment(user_of("region"), convention, title="Avenant")
    url = reverse("conventions:change_create", args=[amendment.pk])
    client = client_of("region")

    missing = client.post(url, _change_data(kind=ChangeKind.CHANGE_DURATION))
    assert "duration_kind" in missing.context["change_form"].errors

    duration = client.post(
        url,
        _change_data(
            kind=ChangeKind.CHANGE_DURATION,
            duration_kind=DurationKind.LABEL_PLUS_ONE_YEAR,
            renewal_mode="none",
        ),
    )
    assert duration.status_code == 302
    change = amendment.changes.get()
    assert change.clause == {
        "duration_kind": DurationKind.LABEL_PLUS_ONE_YEAR,
        "duration_years": None,
        "renewal_mode": "none",
    }

    organisation = campus_of("sante").support_history.first().organisation
    party = client.post(
        url,
        _change_data(
            kind=ChangeKind.ADD_PARTY,
            party_kind=PartyKind.OTHER,
            authority="La Ville de Créteil",
            representative_name="Le maire",
        ),
    )
    assert party.status_code == 302
    added = amendment.changes.get(kind=ChangeKind.ADD_PARTY).party
    assert added.authority == "La Ville de Créteil" and added.added_by == amendment
    assert added in services.required_signatories(amendment)

    support = client.post(
        url,
        _change_data(kind=ChangeKind.CHANGE_SUPPORT, organisation=organisation.pk),
    )
    assert support.status_code == 302
    # Worded as the amendment's PDF words them (the clause in full, the party represented).
    page = " ".join(content(client.get(amendment.get_absolute_url())).split())
    assert "La Ville de Créteil" in page and "devient partie à la convention" in page
    assert "toute la durée de la période de labellisation du campus augmentée d'une année" in page


def test_an_amendment_overtaken_by_another_is_explained_not_a_500(client_of, user_of, campus_of):
    """Two amendments sent in parallel quote the same passage; once n°1 is signed, n°2 no
    longer applies: its pages say so instead of failing."""
    region = user_of("region")
    convention = signed_convention(region, campus_of("ia"))
    first = amendment_to_cp_2023_111(region, convention)
    second = services.create_amendment(region, convention, title="Avenant concurrent")
    services.add_change(
        region,
        second,
        AmendmentChange(
            kind=ChangeKind.REPLACE_PASSAGE,
            article_number=4,
            paragraph_label="4.1",
            old_text="n° CP 2020-519",
            new_text="n° CP 2099-001",
        ),
    )
    services.send_for_signature(region, second, on=date(2023, 7, 1))
    sign_all(region, first, signed_on=date(2023, 9, 12), sent_on=date(2023, 7, 10))

    client = client_of("region")
    page = client.get(second.get_absolute_url())
    assert page.status_code == 200
    assert "ne s'applique plus au texte en vigueur" in content(page)
    assert reverse("conventions:amendment_sign", args=[second.pk]) not in content(page)
    sign = client.get(reverse("conventions:amendment_sign", args=[second.pk]), follow=True)
    assert "ne s'applique plus au texte en vigueur" in content(sign)
    assert client.get(convention.get_absolute_url()).status_code == 200


def test_historical_amendment(client_of, user_of, campus_of):
    convention = signed_convention(user_of("region"), campus_of("securite"))
    response = client_of("region").post(
        reverse("conventions:historical_amendment_create", args=[convention.pk]),
        {"number": 1, "signed_on": "2022-06-01", "summary": "Modification des instances."},
    )
    assert response.status_code == 302
    amendment = Amendment.objects.get(convention=convention, number=1)
    assert amendment.is_historical and amendment.status == SignatureStatus.SIGNED
    page = content(client_of("region").get(convention.get_absolute_url()))
    assert "antérieur au portail" in page
    # The next amendment is n°2.
    assert services.create_amendment(user_of("region"), convention, title="x").number == 2
    # The same number again is refused, in French.
    again = client_of("region").post(
        reverse("conventions:historical_amendment_create", args=[convention.pk]),
        {"number": 1, "signed_on": "2022-06-01"},
    )
    assert again.status_code == 200
    assert "déjà un avenant n°1" in content(again)


def test_no_amendment_on_a_draft(client_of, user_of, campus_of):
    convention = draft_convention(user_of("region"), campus_of("ia"))
    response = client_of("region").get(
        reverse("conventions:amendment_create", args=[convention.pk]), follow=True
    )
    assert "Seule une convention signée" in content(response)


# ---------------------------------------------------------------- consolidated text and comparison


@pytest.fixture
def amended(user_of, campus_of):
    """A convention whose amendment n°1 (CP 2020-519 → CP 2023-111) took effect 12/09/2023."""
    region = user_of("region")
    convention = signed_convention(region, campus_of("icm"))
    amendment = amendment_to_cp_2023_111(region, convention)
    sign_all(region, amendment, signed_on=date(2023, 9, 12), sent_on=date(2023, 7, 10))
    return convention


def test_consolidated_text_before_and_after_the_amendment(client_of, amended):
    url = reverse("conventions:consolidated", args=[amended.pk])
    client = client_of("dir-icm")

    before = content(client.get(url, {"date": "2023-09-11"}))
    assert "n° CP 2020-519" in before and "CP 2023-111" not in before
    assert "Texte consolidé en vigueur au 11/09/2023" in before

    after = content(client.get(url, {"date": "2023-09-12"}))
    assert "n° CP 2023-111" in after and "CP 2020-519" not in after
    assert "modifié par l'avenant n°1" in after
    assert "Données de suivi" in after

    today = client.get(url)
    assert today.context["day"] == timezone.localdate()


@pytest.mark.parametrize("value", ["2023-02-30", "abc", "9" * 30])
def test_consolidated_text_with_an_invalid_date(client_of, amended, value):
    response = client_of("region").get(
        reverse("conventions:consolidated", args=[amended.pk]), {"date": value}
    )
    assert response.status_code == 200
    assert "Date invalide" in content(response)


def test_compare_two_dates(client_of, amended):
    response = client_of("region").get(
        reverse("conventions:compare", args=[amended.pk]),
        {"from": "2023-09-01", "to": "2023-10-01"},
    )
    page = content(response)
    assert response.status_code == 200
    assert '<del class="diff-del">' in page and '<ins class="diff-ins">' in page
    assert "2020-519" in page and "2023-111" in page
    assert "Alinéa 4.1" in page
    assert "modifié par l'avenant n°1" in page
    rows = response.context["rows"]
    article_4 = next(row for row in rows if row.get("number") == 4)
    assert [a.number for a in article_4["paragraphs"][0]["amendments"]] == [1]
    assert any(row["kind"] == "annex" and row["added"] for row in rows)

    same = client_of("region").get(
        reverse("conventions:compare", args=[amended.pk]),
        {"from": "2023-10-01", "to": "2023-11-01"},
    )
    assert same.context["rows"] == []


# ---------------------------------------------------------------- signed scans and documents


def _upload(client, convention, upload):
    return client.post(reverse("conventions:scan_upload", args=[convention.pk]), {"file": upload})


def test_scan_upload_accepts_pdf_only(client_of, user_of, campus_of):
    convention = signed_convention(user_of("region"), campus_of("ia"))
    client = client_of("region")

    not_pdf = _upload(client, convention, SimpleUploadedFile("scan.pdf", b"GIF89a..."))
    assert not_pdf.status_code == 200
    assert "Seuls les fichiers PDF" in not_pdf.context["form"].errors["file"][0]

    big = SimpleUploadedFile("gros.pdf", PDF_BYTES + b"0" * (10 * 1024 * 1024))
    too_big = _upload(client, convention, big)
    assert too_big.status_code == 200
    assert "dépasse 10 Mo" in too_big.context["form"].errors["file"][0]
    assert not SignedScan.objects.filter(convention=convention).exists()

    ok = _upload(client, convention, SimpleUploadedFile("signee.pdf", PDF_BYTES))
    assert ok.status_code == 302
    scan = SignedScan.objects.get(convention=convention)
    download = client_of("dir-ia").get(reverse("conventions:scan_download", args=[scan.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert (
        client_of("dir-mode").get(reverse("conventions:scan_download", args=[scan.pk])).status_code
        == 404
    )
    assert (
        client_of("dir-ia")
        .post(
            reverse("conventions:scan_upload", args=[convention.pk]),
            {"file": SimpleUploadedFile("x.pdf", PDF_BYTES)},
        )
        .status_code
        == 403
    )


def test_amendment_pdf_is_generated_and_downloaded(
    client_of, user_of, campus_of, django_capture_on_commit_callbacks
):
    region = user_of("region")
    convention = signed_convention(region, campus_of("sante"))
    amendment = amendment_to_cp_2023_111(region, convention)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_of("region").post(
            reverse("conventions:amendment_document", args=[amendment.pk])
        )
    assert response.status_code == 302
    document = GeneratedDocument.objects.get(amendment=amendment)
    assert document.status == DocumentStatus.READY
    page = content(client_of("dir-sante").get(amendment.get_absolute_url()))
    assert document.checksum[:16] in page
    download = client_of("dir-sante").get(
        reverse("conventions:document_download", args=[document.pk])
    )
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    other = client_of("dir-ia").get(reverse("conventions:document_download", args=[document.pk]))
    assert other.status_code == 404


# ---------------------------------------------------------------- lists and deliberations


def _list_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context), response


def test_convention_list_query_count_is_flat(client_of, user_of, campus_of):
    region, campus = user_of("region"), campus_of("tnec")
    url = reverse("conventions:list") + f"?campus={campus.pk}"
    client = client_of("region")
    for _ in range(3):
        convention = signed_convention(region, campus)
        amendment_to_cp_2023_111(region, convention)
    client.get(url)  # warm up the content type cache
    few, response = _list_queries(client, url)
    rows = len(response.context["page_obj"].object_list)
    for _ in range(12):
        convention = signed_convention(region, campus)
        sign_all(
            region,
            amendment_to_cp_2023_111(region, convention),
            signed_on=date(2023, 9, 12),
            sent_on=date(2023, 7, 10),
        )
    many, response = _list_queries(client, url)
    assert len(response.context["page_obj"].object_list) == rows + 12
    assert many == few, (few, many)


def test_convention_list_is_scoped_and_filtered(client_of, user_of, campus_of):
    region = user_of("region")
    ia = draft_convention(region, campus_of("ia"))
    mode = draft_convention(region, campus_of("mode"))
    listed = content(client_of("dir-ia").get(reverse("conventions:list")))
    assert ia.title in listed and mode.title not in listed

    filtered = client_of("region").get(
        reverse("conventions:list"), {"campus": campus_of("mode").pk, "status": "draft"}
    )
    titles = [c.title for c in filtered.context["page_obj"].object_list]
    assert mode.title in titles and ia.title not in titles
    assert client_of("expert").get(reverse("conventions:list")).status_code == 403


@pytest.mark.parametrize("value", ["abc", "9" * 30, "-1", "'; DROP TABLE x; --"])
def test_convention_list_odd_filters(client_of, value):
    for name in ("campus", "status", "kind", "deliberation", "page"):
        assert (
            client_of("region").get(reverse("conventions:list"), {name: value}).status_code == 200
        )


@pytest.mark.parametrize("typed", ["CP2023-263", "CP n° 2023-263", "cp 2023 263", "2023-263"])
def test_deliberation_search_accepts_typed_numbers(client_of, typed):
    deliberation()
    response = client_of("dir-ia").get(reverse("deliberations:list"), {"q": typed})
    numbers = [d.number for d in response.context["page_obj"].object_list]
    assert numbers == ["CP 2023-263"]


def test_deliberation_search_with_an_invalid_number(client_of):
    response = client_of("region").get(reverse("deliberations:list"), {"q": "CP 20x3-2"})
    assert response.status_code == 200
    assert "Numéro de délibération non reconnu" in content(response)
    assert client_of("expert").get(reverse("deliberations:list")).status_code == 403


def test_deliberation_creation_normalises_and_refuses_duplicates(client_of):
    deliberation()
    url = reverse("deliberations:create")
    duplicate = client_of("region").post(
        url, {"number": "CP n° 2023-263", "date": "2023-07-05", "title": "Doublon"}
    )
    assert duplicate.status_code == 200
    assert "déjà ce numéro" in duplicate.context["form"].errors["number"][0]

    invalid = client_of("region").post(url, {"number": "263", "date": "2023-07-05", "title": "x"})
    assert "non reconnu" in invalid.context["form"].errors["number"][0]

    created = client_of("region").post(
        url, {"number": "cr2024-7", "date": "2024-03-01", "title": "Budget"}
    )
    assert created.status_code == 302
    made = Deliberation.objects.get(number="CR 2024-007")
    assert made.body == "CR"
    assert client_of("rectorat-paris").get(url).status_code == 403


def test_deliberation_page_lists_what_the_user_may_see(client_of, user_of, campus_of):
    region = user_of("region")
    cp = Deliberation.objects.create(
        number="CP 2099-001", body="CP", date=date(2099, 1, 1), title="Test"
    )
    ia = services.create_convention(
        region,
        campus=campus_of("ia"),
        kind="constitutive",
        title="Convention IA adoptée",
        deliberation=cp,
        duration_kind=DurationKind.UNTIL_LABEL_END,
    )
    services.create_convention(
        region,
        campus=campus_of("mode"),
        kind="constitutive",
        title="Convention Mode adoptée",
        deliberation=cp,
        duration_kind=DurationKind.UNTIL_LABEL_END,
    )
    url = reverse("deliberations:detail", args=[cp.pk])
    as_director = content(client_of("dir-ia").get(url))
    assert ia.title in as_director and "Convention Mode adoptée" not in as_director
    assert "Générer tous les documents" not in as_director
    as_region = content(client_of("region").get(url))
    assert "Convention Mode adoptée" in as_region
    assert "Générer tous les documents" in as_region

    started = client_of("region").post(reverse("deliberations:generate_documents", args=[cp.pk]))
    job = Job.objects.get(kind="deliberation_documents", params={"deliberation_id": cp.pk})
    assert started.url == reverse("jobs:detail", args=[job.pk])
    refused = client_of("dir-ia").post(reverse("deliberations:generate_documents", args=[cp.pk]))
    assert refused.status_code == 403


def test_campus_page_lists_its_conventions(client_of, user_of, campus_of):
    convention = draft_convention(user_of("region"), campus_of("ia"))
    page = content(client_of("dir-ia").get(reverse("campuses:detail", args=[campus_of("ia").pk])))
    assert convention.title in page
    assert reverse("conventions:detail", args=[convention.pk]) in page


def test_navigation_offers_conventions_to_their_users(client_of):
    assert "Délibérations" in content(client_of("dir-ia").get("/"))
    assert ">Conventions<" in content(client_of("rectorat-paris").get("/"))
    assert ">Conventions<" not in content(client_of("expert").get("/"))


def test_old_41_is_the_helpers_text():
    # The tests above quote the helpers' article 4.1; keep them in step.
    assert "n° CP 2020-519" in OLD_41
