"""PDFs of the subsidies: a fiche projet as in the seed, a grant agreement, a transfer
amendment, a deliberation's summary table; versions, failures, who may ask, and the job that
puts a deliberation's fiches in one PDF."""

import hashlib
import io
import re
from datetime import date
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils import translation
from pypdf import PdfReader

from audit.models import AuditEntry
from campuses.models import Organisation
from core.errors import ConflictError, PermissionDeniedError
from deliberations.models import Deliberation
from documents.models import DocumentStatus
from jobs import services as job_services
from jobs.models import JobStatus
from subsidies import documents, services
from subsidies.models import (
    BeneficiaryTransfer,
    PaymentKind,
    SubsidyDocument,
    SubsidyDocumentKind,
    SubsidyDossier,
)
from tests.subsidies import helpers

pytestmark = pytest.mark.django_db

FICHE = SubsidyDocumentKind.FICHE_PROJET
AGREEMENT = SubsidyDocumentKind.GRANT_AGREEMENT
TRANSFER = SubsidyDocumentKind.TRANSFER
SUMMARY = SubsidyDocumentKind.DELIBERATION_SUMMARY
# CP 2023-263's dossiers in the order of its annexe, and the campuses of the Versailles academy.
CP_2023_263_ORDER = [
    "23004868",
    "23004170",
    "23004173",
    "23004175",
    "23004176",
    "23004177",
    "23004178",
    "23004936",
    "23005231",
]
VERSAILLES_ACADEMY_ORDER = ["23004868", "23004173", "23004177", "23004178", "23005231"]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def demo(db):
    """The subsidies of the demo (CP 2023-263, the Versailles transfer). The test session loads
    them with the rest of the demo; loading is idempotent, so this only fills the gap when the
    session's demo does not include them (yet)."""
    from subsidies import demo as subsidies_demo

    if not SubsidyDossier.objects.filter(number="23004868").exists():
        subsidies_demo.load_demo()


@pytest.fixture
def region(user_of):
    return user_of("region")


def dossier(number):
    return SubsidyDossier.objects.get(number=number)


def cp_2023_263():
    return Deliberation.objects.get(number="CP 2023-263")


def pdf_reader(document):
    with document.file.open("rb") as stored:
        return PdfReader(io.BytesIO(stored.read()))


def normalised(text):
    """Spaces normalised: no-break spaces, line breaks (also after hyphens)."""
    text = text.replace("\u202f", " ").replace("\xa0", " ")
    text = re.sub(r"-\s*\n\s*", "-", text)
    return re.sub(r"\s+", " ", text)


def pdf_text(document):
    return normalised("\n".join(page.extract_text() for page in pdf_reader(document).pages))


def request(actor, django_capture_on_commit_callbacks, **kwargs):
    """Ask for a document; the queued (eager) task runs when the transaction would commit."""
    with django_capture_on_commit_callbacks(execute=True):
        document = documents.request_document(actor, **kwargs)
    document.refresh_from_db()
    return document


def existing_documents():
    return set(SubsidyDocument.objects.values_list("pk", flat=True))


def new_documents(before):
    return SubsidyDocument.objects.exclude(pk__in=before)


def audit_entries(document):
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(SubsidyDocument), object_id=str(document.pk)
    )


def draft_dossier(director, campus, year=2030):
    dossier = services.create_dossier(
        director, campus=campus, reference_year=year, description="Actions de l'année."
    )
    services.set_financing_plan(director, dossier, helpers.balanced_plan())
    dossier.refresh_from_db()
    return dossier


# ---------------------------------------------------------------- the fiche projet


def test_the_fiche_projet_shows_the_seed_dossier_as_printed(
    demo, region, django_capture_on_commit_callbacks
):
    document = request(
        region, django_capture_on_commit_callbacks, kind=FICHE, dossier=dossier("23004868")
    )
    assert document.status == DocumentStatus.READY, document.error
    assert document.file.name.endswith("fiche-projet-23004868.pdf")
    text = pdf_text(document)
    assert "Commission permanente du 5 juillet 2023 - CP 2023-263" in text
    assert (
        'DOSSIER N° 23004868 - Campus des métiers et des qualifications "Versailles" budget 2023'
        in text
    )
    assert (
        "Dispositif : Subvention aux campus des métiers et des qualifications (n° 00001036)" in text
    )
    assert "Délibération Cadre : CR2017-102 du 18/05/2017 modifiée" in text
    assert "Imputation budgétaire : 932-288-655122-128003-100" in text
    assert "Action : 12800302 - Campus des métiers et des qualifications" in text
    for header in (
        "Libellé base subventionnable",
        "Montant base subventionnable",
        "Taux d’intervention",
        "Montant de subvention maximum",
    ):
        assert header in text
    assert "100 000,00 € TTC 50,00 % 50 000,00 €" in text
    assert "Montant total de la subvention 50 000,00 €" in text
    assert "PRESENTATION DE L’ORGANISME Dénomination : CAMPUS VERSAILLES" in text
    assert "Adresse administrative : GRANDE ECURIE DU CHATEAU DE VERSAILL 78000 VERSAILLES" in text
    assert "Statut Juridique : Association" in text
    assert "Représentant : Monsieur FRANCOIS GERMINET, Président" in text
    assert "SIRET" not in text  # the fiche shows none, as in the seed
    assert "Dates prévisionnelles : 1 janvier 2023 - 31 décembre 2025" in text
    assert "Démarrage anticipé de projet : Oui" in text
    assert "Motivation démarrage anticipé : Le projet du campus est développé dès le début" in text
    assert "Description : Crée par les membres fondateurs" in text
    assert (
        "« 100.000 nouveaux stages pour les jeunes franciliens », le bénéficiaire de cette "
        "subvention s’est engagé à recruter 2 stagiaire(s) ou alternant(s) pour une période "
        "minimale de 2 mois." in text
    )
    assert "Détail du calcul de la subvention : Dans la convention cadre" in text
    assert "Localisation géographique : REGION ILE DE FRANCE" in text
    assert "Contrat Particulier : Hors CPRD" in text
    assert "CPER : Hors CPER/Hors CPER" in text
    assert "PLAN DE FINANCEMENT PREVISIONNEL PROPOSE PAR LE DEMANDEUR" in text
    assert "Exercice de référence : 2023" in text
    assert "L’organisme ne récupère pas la TVA." in text
    assert "Dépenses (€) Libellé Montant %" in text
    assert "dépenses de fonctionnement du campus 100 000,00 100,00% Total 100 000,00 100,00%" in (
        text
    )
    assert "Recettes (€) Libellé Montant %" in text
    assert "subvention RIDF 2023 50 000,00 50,00%" in text
    assert "autres ressources du campus 50 000,00 50,00% Total 100 000,00 100,00%" in text
    assert "page 1 / 2" in text and "page 2 / 2" in text


def test_the_fiche_of_the_extended_cap_shows_100_000(
    demo, region, django_capture_on_commit_callbacks
):
    document = request(
        region, django_capture_on_commit_callbacks, kind=FICHE, dossier=dossier("23004170")
    )
    text = pdf_text(document)
    assert "200 000,00 € TTC 50,00 % 100 000,00 €" in text
    assert "Montant total de la subvention 100 000,00 €" in text
    assert "recruter 3 stagiaire(s)" in text


def test_a_pdf_is_french_whoever_asks(demo, region, django_capture_on_commit_callbacks):
    translation.activate("en")
    document = request(
        region, django_capture_on_commit_callbacks, kind=FICHE, dossier=dossier("23004868")
    )
    text = pdf_text(document)
    assert "5 juillet 2023" in text and "1 janvier 2023 - 31 décembre 2025" in text
    assert "100 000,00 € TTC" in text and "Oui" in text


def test_a_draft_fiche_says_it_is_a_working_copy(
    user_of, campus_of, django_capture_on_commit_callbacks
):
    director = user_of("dir-versailles")
    draft = draft_dossier(director, campus_of("versailles"))
    text = pdf_text(
        request(director, django_capture_on_commit_callbacks, kind=FICHE, dossier=draft)
    )
    assert "DOCUMENT DE TRAVAIL – DOSSIER BROUILLON" in text
    assert "Commission permanente" not in text
    assert f"DOSSIER N° {draft.number}" in text
    assert "Dates prévisionnelles : 1 janvier 2030 - 31 décembre 2030" in text
    assert "Démarrage anticipé de projet : Non" in text
    assert "100 000,00 100,00%" in text and "50 000,00 50,00%" in text


# ---------------------------------------------------------------- versions and failures


def test_asking_again_for_the_same_content_generates_nothing(
    demo, region, django_capture_on_commit_callbacks, media_root
):
    before = existing_documents()
    first = request(
        region, django_capture_on_commit_callbacks, kind=FICHE, dossier=dossier("23004868")
    )
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        second = documents.request_document(region, kind=FICHE, dossier=dossier("23004868"))
    second.refresh_from_db()
    assert second.pk == first.pk
    assert callbacks == []  # nothing queued
    assert second.generated_at == first.generated_at and second.attempts == 1
    assert new_documents(before).count() == 1
    assert len(list(media_root.rglob("*.pdf"))) == 1
    assert audit_entries(first).count() == 1
    # The task itself is idempotent too: running it again leaves the file alone.
    assert documents.generate(first.pk) == DocumentStatus.READY
    assert len(list(media_root.rglob("*.pdf"))) == 1
    with first.file.open("rb") as stored:
        assert first.checksum == hashlib.sha256(stored.read()).hexdigest()


def test_a_change_that_shows_gives_a_new_version_and_one_that_does_not_gives_none(
    user_of, campus_of, django_capture_on_commit_callbacks
):
    director = user_of("dir-versailles")
    draft = draft_dossier(director, campus_of("versailles"))
    first = request(director, django_capture_on_commit_callbacks, kind=FICHE, dossier=draft)

    # Saved again, unchanged: the version counter moves, the fiche does not.
    services.update_project(director, draft, {"description": "Actions de l'année."})
    again = request(director, django_capture_on_commit_callbacks, kind=FICHE, dossier=draft)
    assert again.pk == first.pk

    services.update_project(director, draft, {"interns_count": 4})
    changed = request(director, django_capture_on_commit_callbacks, kind=FICHE, dossier=draft)
    assert changed.pk != first.pk and changed.source_key != first.source_key
    assert changed.status == DocumentStatus.READY
    assert "recruter 4 stagiaire(s)" in pdf_text(changed)
    assert "stagiaire" not in pdf_text(first)  # the earlier version is kept as it was
    assert SubsidyDocument.objects.filter(dossier=draft).count() == 2


def test_a_failed_render_is_explained_in_french_and_asking_again_retries_it(
    demo, region, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    from weasyprint import HTML

    def broken(*args, **kwargs):
        raise ValueError("layout exploded")

    with monkeypatch.context() as patch:
        patch.setattr(HTML, "write_pdf", broken)
        failed = request(
            region, django_capture_on_commit_callbacks, kind=FICHE, dossier=dossier("23004868")
        )
    assert failed.status == DocumentStatus.FAILED
    assert "La mise en page du PDF a échoué" in failed.error
    assert not failed.file
    assert "layout exploded" in caplog.text  # the traceback is logged, not shown

    again = request(
        region, django_capture_on_commit_callbacks, kind=FICHE, dossier=dossier("23004868")
    )
    assert again.pk == failed.pk
    assert again.status == DocumentStatus.READY and again.error == ""
    assert audit_entries(again).count() == 2  # created, then re-queued


def test_transient_errors_are_retried_then_the_document_is_marked_failed(demo, region, monkeypatch):
    from weasyprint import HTML

    from cmq_portal.celery import app
    from documents.tasks import generate_document

    # As in a worker: the task's failures are not raised into the caller, so its retries run.
    monkeypatch.setitem(app.conf, "task_eager_propagates", False)
    calls = []

    def unavailable(*args, **kwargs):
        calls.append(1)
        raise OSError("fonts unavailable")

    monkeypatch.setattr(HTML, "write_pdf", unavailable)
    document = documents.request_document(region, kind=FICHE, dossier=dossier("23004868"))
    result = generate_document.apply(args=(document._meta.label_lower, document.pk))
    assert result.get() == DocumentStatus.FAILED
    document.refresh_from_db()
    assert len(calls) == 4 == document.attempts
    assert document.status == DocumentStatus.FAILED
    assert "après 4 tentatives" in document.error


def test_a_document_shows_the_version_asked_for_even_if_the_dossier_changes_before_rendering(
    user_of, campus_of
):
    director = user_of("dir-versailles")
    draft = draft_dossier(director, campus_of("versailles"))
    title = draft.title
    document = documents.request_document(director, kind=FICHE, dossier=draft)
    # Queued on commit, which never comes in this test; meanwhile the dossier changes.
    services.update_project(director, draft, {"title": "Un autre intitulé"})
    assert documents.generate(document.pk) == DocumentStatus.READY
    document.refresh_from_db()
    # Spaces around a dash dropped on both sides: the PDF's line may break after it.
    text = re.sub(r"\s*-\s*", "-", pdf_text(document))
    assert re.sub(r"\s*-\s*", "-", title) in text and "Un autre intitulé" not in text


def test_an_older_row_without_its_html_is_refused_if_the_dossier_changed(user_of, campus_of):
    director = user_of("dir-versailles")
    draft = draft_dossier(director, campus_of("versailles"))
    document = documents.request_document(director, kind=FICHE, dossier=draft)
    type(document).objects.filter(pk=document.pk).update(source_html="", source_data="")
    services.update_project(director, draft, {"title": "Un autre intitulé"})
    assert documents.generate(document.pk) == DocumentStatus.FAILED
    document.refresh_from_db()
    assert "demandez-en une nouvelle version" in document.error


# ---------------------------------------------------------------- who may ask


def test_whoever_sees_the_dossier_may_ask_for_its_pdfs_and_no_one_else(
    demo, user_of, django_capture_on_commit_callbacks
):
    ia = dossier("23004936")
    before = existing_documents()
    for outsider in ("dir-sante", "expert", "rectorat-versailles"):
        with pytest.raises(PermissionDeniedError):
            documents.request_document(user_of(outsider), kind=FICHE, dossier=ia)
        with pytest.raises(PermissionDeniedError):
            documents.request_document(user_of(outsider), kind=AGREEMENT, dossier=ia)
    assert not new_documents(before).exists()
    for insider in ("dir-ia", "rectorat-paris"):
        document = request(
            user_of(insider), django_capture_on_commit_callbacks, kind=FICHE, dossier=ia
        )
        assert document.status == DocumentStatus.READY
    assert new_documents(before).get().requested_by == user_of("dir-ia")


def test_a_transfer_is_for_those_who_see_its_campus(demo, user_of):
    transfer = BeneficiaryTransfer.objects.get(campus__short_name="Campus Versailles")
    for outsider in ("dir-ia", "expert", "rectorat-creteil"):
        with pytest.raises(PermissionDeniedError):
            documents.request_document(user_of(outsider), kind=TRANSFER, transfer=transfer)
    document = documents.request_document(
        user_of("dir-versailles"), kind=TRANSFER, transfer=transfer
    )
    assert document.transfer == transfer


def test_the_deliberation_table_is_for_regional_and_rectorate_staff(demo, user_of):
    for outsider in ("dir-versailles", "expert"):
        with pytest.raises(PermissionDeniedError):
            documents.request_document(user_of(outsider), kind=SUMMARY, deliberation=cp_2023_263())
    for insider in ("region", "rectorat-versailles"):
        document = documents.request_document(
            user_of(insider), kind=SUMMARY, deliberation=cp_2023_263()
        )
        assert document.deliberation == cp_2023_263()


def test_inconsistent_requests_are_refused(user_of, campus_of, region):
    before = existing_documents()
    draft = draft_dossier(user_of("dir-versailles"), campus_of("versailles"))
    with pytest.raises(ConflictError, match="pas été voté"):
        documents.request_document(region, kind=AGREEMENT, dossier=draft)
    with pytest.raises(ValidationError):
        documents.request_document(region, kind="invoice", dossier=draft)
    with pytest.raises(ValidationError):
        documents.request_document(region, kind=TRANSFER, dossier=draft)
    empty = helpers.deliberation("CP 2030-999")
    with pytest.raises(ConflictError, match="n'attribue aucune subvention"):
        documents.request_document(region, kind=SUMMARY, deliberation=empty)
    assert not new_documents(before).exists()


# ---------------------------------------------------------------- grant agreement


def test_the_grant_agreement_names_the_parties_the_amounts_and_then_the_signatures(
    demo, region, campus_of, django_capture_on_commit_callbacks
):
    voted = helpers.voted_dossier(region, campus_of("versailles"), 2030, number="CP 2030-101")
    draft = request(region, django_capture_on_commit_callbacks, kind=AGREEMENT, dossier=voted)
    assert draft.status == DocumentStatus.READY, draft.error
    assert draft.file.name.endswith(f"convention-financement-{voted.number}.pdf")
    text = pdf_text(draft)
    assert "CONVENTION DE FINANCEMENT" in text
    assert "PROJET – DOCUMENT NON SIGNÉ" in text
    assert "La Région Île-de-France, dont le siège est situé au 2, rue Simone Veil 93400" in text
    assert "en vertu de la délibération n° CP 2030-101 du 1er juillet 2026" in text
    assert "L’organisme dénommé : Campus Versailles" in text
    assert "dont le n° SIRET est : 91358180700017" in text
    assert "dont le statut juridique est : Association" in text
    assert "n° CR 2017-102 du 19 mai 2017" in text
    assert "100 000,00 € TTC 50,00 % 50 000,00 €" in text
    assert "subvention d’un montant maximum de 50 000,00 €, soit 50,00 % de la base" in text
    assert "ARTICLE 3 – MODALITÉS DE VERSEMENT" in text
    assert "subordonné à la signature de la présente convention" in text
    assert "taux d’intervention (50,00 %) appliqué aux dépenses réalisées" in text
    assert "Si, au 1er juillet 2029, le bénéficiaire n’a pas demandé le versement du solde" in text
    assert "Fait à" in text and "Signé le" not in text

    for party in ("region", "beneficiary"):
        services.sign_agreement(
            region, voted, party=party, signed_on=date(2026, 9, 1), signatory=f"Signataire {party}"
        )
    signed = request(region, django_capture_on_commit_callbacks, kind=AGREEMENT, dossier=voted)
    assert signed.pk != draft.pk
    text = pdf_text(signed)
    assert "NON SIGNÉ" not in text and "Fait à" not in text
    assert "Signé le 01/09/2026 par Signataire region" in text
    assert "Signé le 01/09/2026 par Signataire beneficiary" in text
    assert "Date d'effet (signature par la dernière des parties) : 01/09/2026" in text


def test_a_missing_siret_is_said_to_be_missing(demo, region, django_capture_on_commit_callbacks):
    ia = dossier("23004936")  # Sorbonne Université: the seeds give no SIRET
    assert ia.siret_missing
    text = pdf_text(request(region, django_capture_on_commit_callbacks, kind=AGREEMENT, dossier=ia))
    assert "dont le n° SIRET est : SIRET à compléter" in text
    assert "Commission permanente" not in text


def test_the_agreement_of_a_transferred_grant_keeps_its_party_and_notes_the_transfer(
    demo, region, django_capture_on_commit_callbacks
):
    text = pdf_text(
        request(
            region,
            django_capture_on_commit_callbacks,
            kind=AGREEMENT,
            dossier=dossier("HIST-2021-VERSAILLES"),
        )
    )
    assert "L’organisme dénommé : CY Cergy Paris Université" in text
    assert "dont le n° SIRET est : 13002597600015" in text
    assert "avenant de transfert signé le 28/09/2023" in text
    assert "reliquat de 10 000 € est dû à Campus Versailles" in text


# ---------------------------------------------------------------- transfer amendment


def test_the_signed_transfer_shows_what_was_paid_and_the_remainders(
    demo, region, django_capture_on_commit_callbacks
):
    transfer = BeneficiaryTransfer.objects.get(campus__short_name="Campus Versailles")
    document = request(region, django_capture_on_commit_callbacks, kind=TRANSFER, transfer=transfer)
    assert document.status == DocumentStatus.READY, document.error
    assert document.file.name.endswith("avenant-transfert-campus-versailles-2023-09-28.pdf")
    text = pdf_text(document)
    assert "AVENANT DE TRANSFERT DE FINANCEMENTS REGIONAUX" in text
    assert "2, rue Simone Veil 93400 Saint-Ouen" in text
    assert "En vertu de la délibération N° CP 2020-519 du 18 novembre 2020" in text
    assert "L’organisme dénommé : Université Cergy Paris" in text
    assert "dont le n° SIRET est : 13002597600015" in text
    assert "L’organisme dénommé : Campus Versailles" in text
    assert "dont le n° SIRET est : 91358180700017" in text
    assert "Après avoir rappelé :" in text and "n° CR 33-10 du 17 juin 2010" in text
    assert "ARTICLE 1 – OBJET DE L’AVENANT" in text
    assert (
        "dans les délibérations suivantes : n° CP 2021-135 du 1er avril 2021 et n° CP 2022-117 "
        "du 23 mars 2022" in text
    )
    assert text.index("Subvention 2021") < text.index("Subvention 2022")
    paid = (
        "Le bénéficiaire initial a obtenu le versement d’acomptes/avance d’un montant de 40 000 €."
    )
    assert text.count(paid) == 2
    assert (
        text.count("reliquat de la subvention à verser au nouveau bénéficiaire s’élève à 10 000 €.")
        == 2
    )
    assert "ARTICLE 3 – SUBSTITUTION DU NOUVEAU BENEFICIAIRE AU BENEFICIAIRE INITIAL" in text
    assert "ARTICLE 4 – TRANSFERT DES OBLIGATIONS" in text
    assert "prendra effet à la date de signature par la dernière des parties" in text
    assert "Signé le" not in text  # the act prints no signature date
    assert "NON SIGNÉ" not in text


def test_a_draft_transfer_computes_what_is_paid_as_it_stands(
    demo, region, campus_of, django_capture_on_commit_callbacks
):
    grant = helpers.signed_dossier(region, campus_of("versailles"), 2030, number="CP 2030-102")
    pay(region, grant, "40000.00")
    transfer = services.create_transfer(
        region,
        campus=campus_of("versailles"),
        new_beneficiary=Organisation.objects.get(siret="13002597600015"),
        dossiers=[grant],
        deliberation=helpers.deliberation("CP 2030-102"),
    )
    draft = request(region, django_capture_on_commit_callbacks, kind=TRANSFER, transfer=transfer)
    text = pdf_text(draft)
    assert "PROJET – NON SIGNÉ" in text.upper() and "Fait à" in text
    assert "Subvention 2030" in text
    assert "d’un montant de 40 000 €." in text and "s’élève à 10 000 €." in text
    assert "n° CR 2017-102 du 19 mai 2017" in text  # recitals drawn from the data

    pay(region, grant, "5000.00", kind=PaymentKind.INSTALMENT)
    later = request(region, django_capture_on_commit_callbacks, kind=TRANSFER, transfer=transfer)
    assert later.pk != draft.pk
    text = pdf_text(later)
    assert "d’un montant de 45 000 €." in text and "s’élève à 5 000 €." in text


def pay(region, grant, amount, kind=PaymentKind.ADVANCE):
    payment = services.request_payment(
        region, grant, kind=kind, amount=Decimal(amount), requested_on=date(2026, 10, 1)
    )
    services.mark_paid(region, payment, paid_on=date(2026, 10, 15))


# ---------------------------------------------------------------- deliberation summary


def test_the_deliberation_table_lists_the_dossiers_in_order_with_totals_and_envelopes(
    demo, region, django_capture_on_commit_callbacks
):
    document = request(
        region, django_capture_on_commit_callbacks, kind=SUMMARY, deliberation=cp_2023_263()
    )
    assert document.status == DocumentStatus.READY, document.error
    assert document.file.name.endswith("tableau-cp-2023-263.pdf")
    text = pdf_text(document)
    assert "Commission permanente du 5 juillet 2023 - CP 2023-263" in text
    positions = [text.index(number) for number in CP_2023_263_ORDER]
    assert positions == sorted(positions)
    assert "1 23004868 Campus Versailles CAMPUS VERSAILLES 932-288-655122-128003-100" in text
    assert "100 000,00 € 50,00 % 50 000,00 €" in text
    assert "200 000,00 € 50,00 % 100 000,00 €" in text
    assert "Total 1 000 000,00 € 500 000,00 €" in text
    # Article 7 as adopted (tests/deliberations/test_article_text.py compares it whole).
    assert "au financement des projets des CMQ par l'attribution d'une" in text
    assert "- 50 000 euros pour le Campus Versailles ;" in text
    assert "- 100 000 euros pour le Campus mode, métiers d’art et design." in text
    assert "- 50 000 euros pour le Campus énergie durable ;" in text
    # Article 7: 500 000 € all voted; article 8: 200 000 € for support contracts, none voted.
    assert "500 000,00 € 500 000,00 € 0,00 €" in text
    assert "200 000,00 € 0,00 € 200 000,00 €" in text


# ---------------------------------------------------------------- the annex bundle job


def run_bundle(owner, deliberation, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = job_services.start_job(
            owner, "subsidy_annex_bundle", {"deliberation_id": deliberation.pk}
        )
    job.refresh_from_db()
    return job


def test_the_annex_bundle_is_one_pdf_of_the_visible_fiches_in_the_deliberations_order(
    demo, user_of, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(job_services, "PROGRESS_INTERVAL", 0)
    rectorate = user_of("rectorat-versailles")
    before = existing_documents()
    job = run_bundle(rectorate, cp_2023_263(), django_capture_on_commit_callbacks)
    assert job.status == JobStatus.DONE, job.error
    assert job.file.name.endswith("annexes-cp-2023-263.pdf")
    assert job.progress == job.total == len(VERSAILLES_ACADEMY_ORDER)

    # The bundle holds the current fiche of each visible dossier, and nothing else was made.
    fiches = {
        number: SubsidyDocument.objects.get(
            kind=FICHE, source_key=documents.source_key(FICHE, dossier=dossier(number))
        )
        for number in VERSAILLES_ACADEMY_ORDER
    }
    assert all(document.status == DocumentStatus.READY for document in fiches.values())
    hidden = set(CP_2023_263_ORDER) - set(VERSAILLES_ACADEMY_ORDER)
    assert not new_documents(before).filter(dossier__number__in=hidden).exists()
    with job.file.open("rb") as stored:
        bundle = PdfReader(io.BytesIO(stored.read()))
    assert len(bundle.pages) == sum(len(pdf_reader(d).pages) for d in fiches.values())
    text = normalised("\n".join(page.extract_text() for page in bundle.pages))
    headings = [text.index(f"DOSSIER N° {number}") for number in VERSAILLES_ACADEMY_ORDER]
    assert headings == sorted(headings)
    assert "23004936" not in text and "23004170" not in text
    # One bookmark per fiche (each fiche's own headings nested under it).
    bookmarks = [item.title for item in bundle.outline if not isinstance(item, list)]
    assert [title.split(" – ")[0] for title in bookmarks] == [
        f"Dossier n° {number}" for number in VERSAILLES_ACADEMY_ORDER
    ]
    assert bookmarks[0] == "Dossier n° 23004868 – Campus Versailles"
    assert str(job_services.kind_label(job)) == "Annexes d'une délibération (fiches projet)"


def test_the_annex_bundle_fails_in_french_when_its_owner_sees_no_dossier(
    demo, user_of, django_capture_on_commit_callbacks
):
    cp_2021_135 = Deliberation.objects.get(number="CP 2021-135")  # Versailles only
    before = existing_documents()
    job = run_bundle(user_of("dir-ia"), cp_2021_135, django_capture_on_commit_callbacks)
    assert job.status == JobStatus.FAILED
    assert "n'attribue aucune subvention que vous pouvez consulter" in job.error
    assert not new_documents(before).exists()
