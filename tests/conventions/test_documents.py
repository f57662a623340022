"""PDFs of a convention, an amendment and a consolidated text: content, versions, failures,
who may ask for them, and the ZIP of a deliberation's documents."""

import hashlib
import io
import re
import zipfile
from datetime import date
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from pypdf import PdfReader

from audit.models import AuditEntry
from conventions import documents, services
from conventions.models import (
    AmendmentChange,
    Article,
    ChangeKind,
    Contribution,
    DocumentKind,
    DurationKind,
    GeneratedDocument,
    Paragraph,
    PartyKind,
    RenewalMode,
)
from core import formats
from core.errors import ConflictError, PermissionDeniedError
from documents import typography
from documents.models import DocumentStatus
from jobs import services as job_services
from jobs.models import JobStatus
from tests.conventions.helpers import OLD_41, amendment_to_cp_2023_111, deliberation, sign_all

pytestmark = pytest.mark.django_db

CONVENTION_SIGNED_ON = date(2021, 3, 1)
AMENDMENT_SIGNED_ON = date(2023, 9, 12)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def draft_convention(region, campus):
    """A draft with named representatives, article 4.1 quoting CP 2020-519 and a contribution."""
    convention = services.create_convention(
        region,
        campus=campus,
        kind="constitutive",
        title=f"Convention cadre du campus {campus.short_name}",
        duration_kind=DurationKind.FIXED_TERM,
        duration_years=3,
        renewal_mode=RenewalMode.TACIT,
        notice_months=3,
        notice_form="par lettre recommandée avec accusé de réception",
        legal_references=(
            "Vu le code de l'éducation, notamment ses articles L. 335-1 et D. 335-33 ;\n"
            "Vu la délibération n° CR 2017-102 du 19 mai 2017 ;"
        ),
        preamble="Les parties souhaitent développer une offre de formation d'excellence.",
        signing_place="Paris",
        original_copies=3,
    )
    names = {
        PartyKind.STATE: ("Christophe KERRERO", "Recteur de la région académique Île-de-France"),
        PartyKind.REGION: ("Valérie PÉCRESSE", "Présidente de la Région Île-de-France"),
    }
    for party in convention.parties.all():
        if party.kind in names:
            party.representative_name, party.representative_title = names[party.kind]
            services.save_convention_part(region, party)
    paragraph = Paragraph.objects.get(
        article=Article.objects.get(convention=convention, number=4), label="4.1"
    )
    paragraph.text = OLD_41
    services.save_convention_part(region, paragraph)
    services.save_convention_part(
        region,
        Contribution(
            convention=convention,
            party=convention.parties.get(kind=PartyKind.REGION),
            max_amount_per_year=Decimal("50000"),
            max_share_percent=Decimal("50"),
        ),
    )
    convention.refresh_from_db()
    return convention


@pytest.fixture
def region(user_of):
    return user_of("region")


@pytest.fixture
def convention(region, campus_of):
    convention = draft_convention(region, campus_of("ia"))
    return sign_all(region, convention, signed_on=CONVENTION_SIGNED_ON)


@pytest.fixture
def amendment(region, convention):
    amendment = amendment_to_cp_2023_111(region, convention)
    return sign_all(region, amendment, signed_on=AMENDMENT_SIGNED_ON, sent_on=date(2023, 7, 10))


def pdf_text(document):
    """The PDF's text, spaces normalised (no-break spaces, line breaks after hyphens)."""
    document.file.open("rb")
    try:
        reader = PdfReader(io.BytesIO(document.file.read()))
    finally:
        document.file.close()
    text = "\n".join(page.extract_text() for page in reader.pages)
    text = text.replace("\u202f", " ").replace("\xa0", " ")
    text = re.sub(r"-\s*\n\s*", "-", text)
    return re.sub(r"\s+", " ", text)


def request(actor, django_capture_on_commit_callbacks, **kwargs):
    """Ask for a document; the queued (eager) task runs when the transaction would commit."""
    with django_capture_on_commit_callbacks(execute=True):
        document = documents.request_document(actor, **kwargs)
    document.refresh_from_db()
    return document


def test_convention_pdf_has_parties_numbered_articles_and_a_signature_table(
    region, convention, django_capture_on_commit_callbacks
):
    document = request(
        region,
        django_capture_on_commit_callbacks,
        kind=DocumentKind.CONVENTION,
        convention=convention,
    )
    assert document.status == DocumentStatus.READY, document.error
    assert document.file.name.endswith("convention-ia-2021-03-01.pdf")
    text = pdf_text(document)
    # A convention made in the portal: the standard template's text, said to be generated.
    assert "TEXTE GÉNÉRÉ À PARTIR DE LA CONVENTION-TYPE, NON ENCORE ADOPTÉ" in text.upper()
    assert "Campus des métiers et des qualifications Intelligence Artificielle" in text
    assert "Entre :" in text
    for name in ("L'État", "Région Île-de-France", "Sorbonne Université"):
        assert name in text
    for representative in ("Christophe KERRERO", "Valérie PÉCRESSE", "représenté(e) par"):
        assert representative in text
    assert "Vu la délibération n° CR 2017-102 du 19 mai 2017 ;" in text
    assert "Article 4 – Organisation administrative et financière" in text
    assert "4.1 La Région pourra verser" in text
    assert "n° CP 2020-519" in text
    assert "trois (3) mois avant la date d'échéance" in text  # the template's article 7
    # The structured clauses are checked against the text (conventions.text_checks), never
    # printed as blocks of their own.
    for invented in ("Contributions des parties", "Durée et dénonciation", "50,00 %", "Signé le"):
        assert invented not in text
    assert "Fait à Paris, le 01/03/2021" in text
    assert "En 3 exemplaires originaux" in text
    assert "page 1 / " in text


def test_amendment_pdf_lists_its_changes_and_the_standard_articles(
    region, convention, amendment, django_capture_on_commit_callbacks
):
    document = request(
        region,
        django_capture_on_commit_callbacks,
        kind=DocumentKind.AMENDMENT,
        convention=convention,
        amendment=amendment,
    )
    assert document.status == DocumentStatus.READY, document.error
    assert document.file.name.endswith("avenant-1-ia.pdf")
    text = pdf_text(document)
    assert "TEXTE GÉNÉRÉ À PARTIR DE LA CONVENTION-TYPE, NON ENCORE ADOPTÉ" in text.upper()
    assert "CONVENTION CADRE Avenant n°1 Entre :" in text
    assert "Christophe KERRERO" in text and "Sorbonne Université" in text
    assert "ARTICLE 1 – OBJET DE L’AVENANT" in text  # the act's apostrophes
    assert (
        "À l'article 4, alinéa 4.1, la partie : « n° CP 2020-519 » est remplacée par : "
        "« n° CP 2023-111 »" in text
    )
    assert "complétée par une annexe « Données de suivi »" in text
    # Articles 2 and 3 as the 2023 amendments word them (annexes 2 to 7 of CP 2023-263).
    assert "ARTICLE 2 – DISPOSITIONS NON MODIFIEES" in text
    assert "non modifiées par le présent avenant demeurent applicables" in text
    assert "ARTICLE 3 – DATE D’EFFET DE L’AVENANT" in text
    assert "prendra effet à la date de signature par les parties contractantes" in text
    assert "dernière des parties" not in text
    assert "Fait à Paris, le 12/09/2023" in text
    assert "En 3 exemplaires originaux" in text
    assert "Signé le" not in text
    assert "page 1 / " in text


def test_consolidated_pdf_shows_the_amended_text_and_has_no_signature(
    region, convention, amendment, django_capture_on_commit_callbacks
):
    document = request(
        region,
        django_capture_on_commit_callbacks,
        kind=DocumentKind.CONSOLIDATED,
        convention=convention,
        as_of=date(2024, 1, 1),
    )
    assert document.status == DocumentStatus.READY, document.error
    assert document.file.name.endswith("texte-consolide-ia-au-2024-01-01.pdf")
    text = pdf_text(document)
    assert "Texte consolidé au 01/01/2024" in text
    assert "Avenant n°1, en vigueur depuis le 12/09/2023" in text
    assert "Article 4 – Organisation administrative et financière" in text
    assert "n° CP 2023-111. (modifié par l'avenant n°1)" in text
    assert "CP 2020-519" not in text
    assert "Données de suivi (ajoutée par l'avenant n°1)" in text
    assert "n'a pas de valeur juridique" in text and "originaux signés" in text
    assert "Signé le" not in text and "Fait à" not in text
    assert "page 1 / " in text


def test_consolidated_text_before_the_amendment_is_the_signed_text(
    region, convention, amendment, django_capture_on_commit_callbacks
):
    document = request(
        region,
        django_capture_on_commit_callbacks,
        kind=DocumentKind.CONSOLIDATED,
        convention=convention,
        as_of=date(2023, 9, 11),
    )
    text = pdf_text(document)
    assert "CP 2020-519" in text and "modifié par" not in text
    assert "Aucun avenant n'était en vigueur à cette date" in text


def test_a_historical_amendment_shows_its_number_date_and_summary_only(
    region, convention, django_capture_on_commit_callbacks
):
    historical = services.record_historical_amendment(
        region, convention, number=1, signed_on=date(2022, 6, 1), summary="Prolonge la durée."
    )
    document = request(
        region,
        django_capture_on_commit_callbacks,
        kind=DocumentKind.AMENDMENT,
        convention=convention,
        amendment=historical,
    )
    text = pdf_text(document)
    assert "Avenant n°1" in text and "01/06/2022" in text and "Prolonge la durée." in text
    assert "ARTICLE 1" not in text and "Signé le" not in text


def test_requesting_the_same_version_twice_does_not_generate_again(
    region, convention, django_capture_on_commit_callbacks, media_root
):
    first = request(
        region,
        django_capture_on_commit_callbacks,
        kind=DocumentKind.CONVENTION,
        convention=convention,
    )
    audit = AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(GeneratedDocument), object_id=str(first.pk)
    )
    entries = audit.count()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        second = documents.request_document(
            region, kind=DocumentKind.CONVENTION, convention=convention
        )
    second.refresh_from_db()
    assert second.pk == first.pk
    assert callbacks == []  # nothing queued
    assert second.generated_at == first.generated_at
    assert second.attempts == 1
    assert GeneratedDocument.objects.filter(convention=convention).count() == 1
    assert len(list(media_root.rglob("*.pdf"))) == 1
    assert audit.count() == entries == 1
    # The task itself is idempotent too: running it again leaves the file alone.
    assert documents.generate(first.pk) == DocumentStatus.READY
    assert len(list(media_root.rglob("*.pdf"))) == 1


def test_the_checksum_is_the_sha256_of_the_stored_file(
    region, convention, django_capture_on_commit_callbacks
):
    document = request(
        region,
        django_capture_on_commit_callbacks,
        kind=DocumentKind.CONVENTION,
        convention=convention,
    )
    with document.file.open("rb") as stored:
        content = stored.read()
    assert content.startswith(b"%PDF")
    assert document.checksum == hashlib.sha256(content).hexdigest()


def test_only_the_last_signature_gives_a_new_version(
    region, campus_of, django_capture_on_commit_callbacks
):
    convention = draft_convention(region, campus_of("ia"))
    services.send_for_signature(region, convention, on=date(2021, 3, 1))
    state, regional, support = services.required_signatories(convention)
    key_before = documents.source_key(DocumentKind.CONVENTION, convention)
    assert documents.source_key(DocumentKind.CONVENTION, convention) == key_before
    services.record_signature(
        region,
        convention,
        party=state,
        signed_on=date(2021, 3, 1),
        place="Paris",
        signatory_name="Christophe KERRERO",
    )
    first = request(
        region,
        django_capture_on_commit_callbacks,
        kind=DocumentKind.CONVENTION,
        convention=convention,
    )
    # A party's signature is no word of the act: the text, and so the version, stay the same
    # until the last signature dates it.
    assert first.source_key == key_before
    assert "DOCUMENT EN COURS DE SIGNATURE" in pdf_text(first)
    assert "Fait à Paris, le ……" in pdf_text(first)

    services.record_signature(
        region,
        convention,
        party=regional,
        signed_on=date(2021, 3, 2),
        place="Saint-Ouen",
        signatory_name="Valérie PÉCRESSE",
    )
    second = request(
        region,
        django_capture_on_commit_callbacks,
        kind=DocumentKind.CONVENTION,
        convention=convention,
    )
    assert second.pk == first.pk
    services.record_signature(
        region,
        convention,
        party=support,
        signed_on=date(2021, 3, 3),
        place="Paris",
        signatory_name="Nathalie DRACH-TEMAM",
    )
    last = request(
        region,
        django_capture_on_commit_callbacks,
        kind=DocumentKind.CONVENTION,
        convention=convention,
    )
    assert last.pk != first.pk and last.source_key != first.source_key
    assert "Fait à Paris, le 03/03/2021" in pdf_text(last)
    assert "DOCUMENT EN COURS DE SIGNATURE" not in pdf_text(last)
    assert GeneratedDocument.objects.filter(convention=convention).count() == 2


def test_a_failed_render_is_explained_in_french_and_a_new_request_succeeds(
    region, convention, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    from weasyprint import HTML

    def broken(*args, **kwargs):
        raise ValueError("layout exploded")

    with monkeypatch.context() as patch:
        patch.setattr(HTML, "write_pdf", broken)
        failed = request(
            region,
            django_capture_on_commit_callbacks,
            kind=DocumentKind.CONVENTION,
            convention=convention,
        )
    assert failed.status == DocumentStatus.FAILED
    assert "La mise en page du PDF a échoué" in failed.error
    assert not failed.file
    assert "layout exploded" in caplog.text  # the traceback is logged, not shown

    again = request(
        region,
        django_capture_on_commit_callbacks,
        kind=DocumentKind.CONVENTION,
        convention=convention,
    )
    assert again.pk == failed.pk
    assert again.status == DocumentStatus.READY
    assert again.error == ""
    assert "Article 4" in pdf_text(again)


def test_transient_errors_are_retried_then_the_document_is_marked_failed(
    region, convention, monkeypatch
):
    from weasyprint import HTML

    from cmq_portal.celery import app
    from documents.tasks import generate_document

    # As in a worker: the task's own failures are not raised into the caller, so that its
    # retries run (eagerly here, at once).
    monkeypatch.setitem(app.conf, "task_eager_propagates", False)
    calls = []

    def unavailable(*args, **kwargs):
        calls.append(1)
        raise OSError("fonts unavailable")

    monkeypatch.setattr(HTML, "write_pdf", unavailable)
    document = documents.request_document(
        region, kind=DocumentKind.CONVENTION, convention=convention
    )
    result = generate_document.apply(args=(document._meta.label_lower, document.pk))
    assert result.get() == DocumentStatus.FAILED
    document.refresh_from_db()
    assert len(calls) == 4 == document.attempts
    assert document.status == DocumentStatus.FAILED
    assert "après 4 tentatives" in document.error


def test_a_document_shows_the_version_asked_for_even_if_the_content_changes_before_rendering(
    region, campus_of
):
    convention = draft_convention(region, campus_of("ia"))
    document = documents.request_document(
        region, kind=DocumentKind.CONVENTION, convention=convention
    )  # queued on commit, which never comes in this test
    services.update_convention(region, convention, signing_place="Créteil")
    assert documents.generate(document.pk) == DocumentStatus.READY
    document.refresh_from_db()
    text = pdf_text(document)
    assert "Fait à Paris" in text and "Créteil" not in text  # the version its key names
    assert document.source_html == "" and document.source_data == ""  # emptied once stored
    # The next request makes the new version.
    assert documents.source_key(DocumentKind.CONVENTION, convention) != document.source_key


def test_a_row_asked_for_before_its_html_was_kept_is_refused_if_its_content_changed(
    region, campus_of
):
    convention = draft_convention(region, campus_of("ia"))
    document = documents.request_document(
        region, kind=DocumentKind.CONVENTION, convention=convention
    )
    GeneratedDocument.objects.filter(pk=document.pk).update(source_html="", source_data="")
    services.update_convention(region, convention, signing_place="Créteil")
    assert documents.generate(document.pk) == DocumentStatus.FAILED
    document.refresh_from_db()
    assert "demandez-en une nouvelle version" in document.error


def test_a_row_asked_for_before_its_html_was_kept_is_rendered_from_the_database(region, campus_of):
    convention = draft_convention(region, campus_of("ia"))
    document = documents.request_document(
        region, kind=DocumentKind.CONVENTION, convention=convention
    )
    GeneratedDocument.objects.filter(pk=document.pk).update(source_html="", source_data="")
    assert documents.generate(document.pk) == DocumentStatus.READY
    document.refresh_from_db()
    assert "Fait à Paris" in pdf_text(document)


def test_the_director_of_the_campus_may_ask_but_not_another_campus(
    user_of, convention, django_capture_on_commit_callbacks
):
    with pytest.raises(PermissionDeniedError):
        documents.request_document(
            user_of("dir-sante"), kind=DocumentKind.CONVENTION, convention=convention
        )
    with pytest.raises(PermissionDeniedError):
        documents.request_document(
            user_of("expert"), kind=DocumentKind.CONVENTION, convention=convention
        )
    assert not GeneratedDocument.objects.filter(convention=convention).exists()
    document = request(
        user_of("dir-ia"),
        django_capture_on_commit_callbacks,
        kind=DocumentKind.CONVENTION,
        convention=convention,
    )
    assert document.status == DocumentStatus.READY
    assert document.requested_by == user_of("dir-ia")


def test_the_deliberation_job_zips_one_pdf_per_adopted_amendment(
    region, campus_of, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(job_services, "PROGRESS_INTERVAL", 0)
    adopted = deliberation("CP 2024-100", date(2024, 3, 20))
    for key in ("ia", "sante"):
        convention = sign_all(
            region, draft_convention(region, campus_of(key)), signed_on=CONVENTION_SIGNED_ON
        )
        amendment = amendment_to_cp_2023_111(region, convention)
        services.update_amendment(region, amendment, deliberation=adopted)
    # Adopted by another deliberation: not in the archive.
    amendment_to_cp_2023_111(
        region,
        sign_all(region, draft_convention(region, campus_of("tnec")), signed_on=date(2021, 5, 3)),
    )

    with django_capture_on_commit_callbacks(execute=True):
        job = job_services.start_job(
            region, "deliberation_documents", {"deliberation_id": adopted.pk}
        )
    job.refresh_from_db()
    assert job.status == JobStatus.DONE, job.error
    assert job.progress == job.total == 2
    assert job.file.name.endswith("documents-CP-2024-100.zip")
    with job.file.open("rb") as stored, zipfile.ZipFile(io.BytesIO(stored.read())) as archive:
        names = sorted(archive.namelist())
        assert names == ["avenant-1-ia.pdf", "avenant-1-sabv.pdf"]
        for name in names:
            assert archive.read(name).startswith(b"%PDF")
    assert str(job_services.kind_label(job)) == "Documents d'une délibération"


def test_the_deliberation_job_only_takes_what_its_owner_can_see(
    region, user_of, campus_of, django_capture_on_commit_callbacks
):
    adopted = deliberation("CP 2024-101", date(2024, 3, 20))
    convention = sign_all(
        region, draft_convention(region, campus_of("ia")), signed_on=CONVENTION_SIGNED_ON
    )
    amendment = amendment_to_cp_2023_111(region, convention)
    services.update_amendment(region, amendment, deliberation=adopted)
    with django_capture_on_commit_callbacks(execute=True):
        job = job_services.start_job(
            user_of("dir-sante"), "deliberation_documents", {"deliberation_id": adopted.pk}
        )
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert "aucune convention ni aucun avenant que vous pouvez consulter" in job.error
    assert not GeneratedDocument.objects.filter(convention=convention).exists()


def test_french_typography():
    # Digit groups are separated as the money format does (U+00A0, core.formats).
    assert typography.typeset("Entre : « les parties » ; vu ?") == (
        "Entre\xa0: «\u202fles parties\u202f»\u202f; vu\u202f?"
    )
    assert typography.typeset("n° CP 2023-111, 50 000 euros, 50%") == (
        "n°\xa0CP\xa02023-111, 50\xa0000 euros, 50\xa0%"
    )
    assert typography.typeset("https://example.org à 10:30") == "https://example.org à 10:30"
    assert formats.euros(Decimal("50000")) == "50\xa0000,00\xa0€"
    assert formats.percent(Decimal("50")) == "50,00\xa0%"


def test_a_duration_change_is_worded_in_the_amendment_and_the_consolidated_text(
    region, convention, django_capture_on_commit_callbacks
):
    amendment = services.create_amendment(region, convention, title="Avenant n°1")
    services.add_change(
        region,
        amendment,
        AmendmentChange(
            kind=ChangeKind.CHANGE_DURATION,
            clause={"duration_kind": DurationKind.LABEL_PLUS_ONE_YEAR, "duration_years": None},
        ),
    )
    sign_all(region, amendment, signed_on=AMENDMENT_SIGNED_ON)
    text = pdf_text(
        request(
            region,
            django_capture_on_commit_callbacks,
            kind=DocumentKind.AMENDMENT,
            convention=convention,
            amendment=amendment,
        )
    )
    assert "1-1 Durée de la convention" in text
    assert "La clause de durée de la convention est remplacée par la suivante :" in text
    assert "labellisation du campus augmentée d'une année" in text
    consolidated = pdf_text(
        request(
            region,
            django_capture_on_commit_callbacks,
            kind=DocumentKind.CONSOLIDATED,
            convention=convention,
            as_of=date(2024, 1, 1),
        )
    )
    # The consolidated text is the articles' text with the amendments applied: no block of
    # its own restating the structured clauses.
    assert "Avenant n°1, en vigueur depuis le 12/09/2023" in consolidated
    assert "Durée et dénonciation" not in consolidated
    assert "Contributions des parties" not in consolidated


def test_inconsistent_requests_are_refused(region, convention, campus_of):
    other = draft_convention(region, campus_of("ia"))
    with pytest.raises(ConflictError):
        documents.request_document(region, kind=DocumentKind.CONSOLIDATED, convention=other)
    amendment = amendment_to_cp_2023_111(region, convention)
    with pytest.raises(ValidationError):
        documents.request_document(
            region, kind=DocumentKind.AMENDMENT, convention=other, amendment=amendment
        )
    with pytest.raises(ValidationError):
        documents.request_document(region, kind=DocumentKind.AMENDMENT, convention=convention)
    assert not GeneratedDocument.objects.exists()
