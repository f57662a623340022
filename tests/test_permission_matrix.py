"""Who gets what on every page of the portal: one row per URL, one test per URL × demo role.

Each row states the exact status every demo account (and an anonymous visitor) receives. Pages
are requested with GET; actions (delete, deactivate, …) with POST, and when a role is allowed
the change is checked, when it is refused the data is checked to be untouched.

The campus pages are requested on the Versailles campus (academies Paris and Versailles, not
Créteil): regional staff manage it; rectorat-paris, rectorat-versailles and dir-versailles see
it read-only (403 on its edit pages); rectorat-creteil, the expert and the eight other directors
must not learn it exists (404).

The convention pages are requested on conventions of the same campus, built for each test
through the services: the same roles see them; the expert, who has no business with
conventions, gets 403 even out of scope; rectorate staff of the campus may record the State's
signature (200 on the signature pages).

The subsidy pages are requested on Versailles dossiers (the demo's, or dossiers of later years
built through the services in the state each page needs): regional staff act, rectorat-paris,
rectorat-versailles and dir-versailles read (the director also prepares, submits and withdraws
the campus's draft), rectorat-creteil and the other directors get 404, the expert 403
everywhere. Envelopes are read by regional and rectorate staff only.

The follow-up pages are requested on Versailles sheets of campaigns built through the services
for years ≥ 2041 (the demo never uses them), each in the state the page needs: regional staff,
rectorat-paris, rectorat-versailles and dir-versailles see the sheet; only the director fills
it (a section's draft, attachments, submission); reviewers comment and request changes, regional
staff validate, rectorate staff give their opinion; rectorat-creteil and the other directors get
404, the expert 403 everywhere. Campaign pages are for reviewers (rectorate staff see them
limited to their campuses); directors find their sheets in the list.

`test_every_url_name_is_in_the_matrix` walks the URL resolver: a new view cannot be added
without a row here.
"""

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse

from accounts.models import User
from audit.models import AuditEntry
from campuses.demo import DIRECTOR_ACCOUNTS
from campuses.models import (
    Campus,
    CampusDirector,
    CampusFormerName,
    CampusPlace,
    GovernanceBody,
    LabelPeriod,
    Organisation,
    Stakeholder,
    SupportInstitutionTenure,
)
from conventions import services as convention_services
from conventions.models import (
    AmendmentChange,
    Article,
    ChangeKind,
    DocumentKind,
    DurationKind,
    GeneratedDocument,
    PartyKind,
    SignatureStatus,
)
from core.api import router
from deliberations.models import Deliberation
from documents.models import DocumentStatus, SignedAct
from followup import services as followup_services
from followup.models import SheetAttachment, SheetComment, SheetDocument, SheetSection, SheetStatus
from jobs.models import Job, JobStatus
from subsidies import services as subsidy_services
from subsidies.models import (
    BeneficiaryTransfer,
    CommitmentEnvelope,
    DossierStatus,
    SubsidyDocument,
    SubsidyDocumentKind,
    SubsidyDossier,
)
from tests.conftest import DEMO_USERNAMES
from tests.conventions.helpers import amendment_to_cp_2023_111, signed_convention
from tests.followup import helpers as followup_helpers
from tests.labels.matrix import LabelTargets, label_rows
from tests.subsidies import helpers as subsidy_helpers

pytestmark = pytest.mark.django_db

ANONYMOUS = "anonymous"
ROLES = [*DEMO_USERNAMES, ANONYMOUS]
REGIONAL = ("admin", "region")
RECTORATES = ("rectorat-paris", "rectorat-creteil", "rectorat-versailles")
DIRECTORS = tuple(name for name in DEMO_USERNAMES if name.startswith("dir-"))
# Besides regional staff, who sees the Versailles campus (academies Paris + Versailles).
SEES_VERSAILLES = ("rectorat-paris", "rectorat-versailles", "dir-versailles")

# Records of a campus, edited through /campus/<pk>/<kind>/…
CHILD_MODELS = {
    "periodes": LabelPeriod,
    "etablissements-support": SupportInstitutionTenure,
    "direction": CampusDirector,
    "parties-prenantes": Stakeholder,
    "instances": GovernanceBody,
    "anciens-noms": CampusFormerName,
    "lieux": CampusPlace,
}


def codes(default, groups=None, anonymous=302):
    """{role: status}: `default` for every demo account, then `groups` ({roles: status})."""
    result = dict.fromkeys(DEMO_USERNAMES, default)
    for roles, status in (groups or {}).items():
        for role in roles:
            result[role] = status
    result[ANONYMOUS] = anonymous
    return result


def campus_view_codes():
    return codes(404, {REGIONAL: 200, SEES_VERSAILLES: 200})


def campus_manage_codes(granted=200):
    return codes(404, {REGIONAL: granted, SEES_VERSAILLES: 403})


class Targets(LabelTargets):
    """The objects the pages are requested on, built only when a row needs them."""

    def __init__(self, campus, media_root, settings):
        self.campus = campus
        self._media_root = media_root
        self._settings = settings

    @cached_property
    def children(self):
        """kind -> one row of that kind on the campus (created when the demo has none)."""
        campus = self.campus
        return {
            "periodes": campus.label_periods.first()
            or LabelPeriod.objects.create(
                campus=campus, category="cmq", start=date(2010, 1, 1), end=date(2010, 12, 31)
            ),
            "etablissements-support": campus.support_history.first()
            or SupportInstitutionTenure.objects.create(
                campus=campus,
                organisation=Organisation.objects.first(),
                start=date(2010, 1, 1),
                end=date(2010, 12, 31),
            ),
            "direction": campus.directors.first(),
            "parties-prenantes": campus.stakeholders.first(),
            "instances": campus.governance_bodies.first()
            or GovernanceBody.objects.create(campus=campus, kind="copil"),
            "anciens-noms": campus.former_names.first()
            or CampusFormerName.objects.create(campus=campus, name="Ancien nom de test"),
            "lieux": campus.places.first()
            or CampusPlace.objects.create(campus=campus, name="Lieu de test"),
        }

    def child_pk(self, kind):
        return self.children[kind].pk

    @cached_property
    def organisation(self):
        return Organisation.objects.filter(representatives__isnull=False).distinct().first()

    @cached_property
    def representative(self):
        return self.organisation.representatives.first()

    @cached_property
    def account(self):
        """The account the accounts pages act upon: nobody's own, so deactivating it never
        logs the requester out."""
        return User.objects.create_user(
            username="cible", email="cible@example.org", role="expert", first_name="Cible"
        )

    @cached_property
    def job(self):
        """A finished export owned by `region`: nobody else may see it, not even `admin`."""
        self._settings.MEDIA_ROOT = str(self._media_root)
        job = Job.objects.create(
            owner=User.objects.get(username="region"),
            kind="campus_registry_export",
            params={"format": "csv"},
            status=JobStatus.DONE,
            progress=1,
            total=1,
        )
        job.file.save(f"{job.pk}/registre.csv", ContentFile(b"nom\nCampus\n"), save=True)
        return job

    # ---------------------------------------------------------- conventions of the campus

    @cached_property
    def region(self):
        return User.objects.get(username="region")

    @cached_property
    def draft_convention(self):
        return convention_services.create_convention(
            self.region,
            campus=self.campus,
            kind="constitutive",
            title="Convention de la matrice (brouillon)",
            duration_kind=DurationKind.UNTIL_LABEL_END,
            notice_months=3,
        )

    @cached_property
    def sent_convention(self):
        convention = convention_services.create_convention(
            self.region,
            campus=self.campus,
            kind="constitutive",
            title="Convention de la matrice (envoyée)",
            duration_kind=DurationKind.UNTIL_LABEL_END,
        )
        return convention_services.send_for_signature(self.region, convention)

    @cached_property
    def signed_convention(self):
        return signed_convention(self.region, self.campus)

    @cached_property
    def draft_amendment(self):
        return amendment_to_cp_2023_111(self.region, self.signed_convention)

    @cached_property
    def sent_amendment(self):
        amendment = convention_services.create_amendment(
            self.region, self.signed_convention, title="Avenant envoyé de la matrice"
        )
        convention_services.add_change(
            self.region,
            amendment,
            AmendmentChange(kind=ChangeKind.ADD_ANNEX, title="Annexe de la matrice", new_text="…"),
        )
        return convention_services.send_for_signature(self.region, amendment)

    @cached_property
    def change(self):
        return self.draft_amendment.changes.first()

    @cached_property
    def article(self):
        return Article.objects.get(convention=self.draft_convention, number=8)

    @cached_property
    def scan(self):
        self._settings.MEDIA_ROOT = str(self._media_root)
        return convention_services.attach_signed_scan(
            self.region,
            self.signed_convention,
            ContentFile(b"%PDF-1.4\n%%EOF\n", name="signee.pdf"),
        )

    @cached_property
    def document(self):
        self._settings.MEDIA_ROOT = str(self._media_root)
        document = GeneratedDocument.objects.create(
            kind=DocumentKind.CONVENTION,
            convention=self.signed_convention,
            source_key="matrice",
            status=DocumentStatus.READY,
        )
        document.file.save("convention.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
        return document

    @cached_property
    def deliberation(self):
        return Deliberation.objects.create(
            number="CP 2099-999", body="CP", date=date(2099, 1, 1), title="Délibération de test"
        )

    # ---------------------------------------------------------- subsidies of the campus
    # Each dossier is of its own year (2031…), the demo holding Versailles's 2021 to 2023.

    @cached_property
    def dossier(self):
        """The demo's voted dossier 23004868 of Campus Versailles."""
        return SubsidyDossier.objects.get(number="23004868", campus=self.campus)

    @cached_property
    def subsidy_draft(self):
        """A draft prepared by the campus's director, complete enough to be submitted."""
        director = User.objects.get(username="dir-versailles")
        dossier = subsidy_services.create_dossier(
            director, campus=self.campus, reference_year=2031, description="Actions 2031."
        )
        return subsidy_services.set_financing_plan(
            director, dossier, subsidy_helpers.balanced_plan()
        )

    @cached_property
    def subsidy_submitted(self):
        director = User.objects.get(username="dir-versailles")
        return subsidy_helpers.submitted_dossier(director, self.campus, 2032)

    @cached_property
    def subsidy_instructed(self):
        return subsidy_helpers.instructed_dossier(self.region, self.campus, 2033)

    @cached_property
    def subsidy_proposed(self):
        dossier = subsidy_helpers.instructed_dossier(self.region, self.campus, 2034)
        return subsidy_services.propose(
            self.region,
            dossier,
            deliberation=subsidy_helpers.deliberation("CP 2034-100"),
            envelope=subsidy_helpers.envelope(number="CP 2034-099", year=2034),
        )

    @cached_property
    def subsidy_voted(self):
        return subsidy_helpers.voted_dossier(self.region, self.campus, 2035, number="CP 2035-100")

    @cached_property
    def subsidy_signed(self):
        return subsidy_helpers.signed_dossier(self.region, self.campus, 2036, number="CP 2036-100")

    @cached_property
    def subsidy_payment(self):
        return subsidy_services.request_payment(
            self.region, self.subsidy_signed, kind="advance", amount="10000.00"
        )

    @cached_property
    def subsidy_paid(self):
        dossier = subsidy_helpers.signed_dossier(
            self.region, self.campus, 2037, number="CP 2037-100"
        )
        payment = subsidy_services.request_payment(
            self.region, dossier, kind="balance", amount=dossier.voted_amount
        )
        subsidy_services.mark_paid(self.region, payment, paid_on=payment.requested_on)
        dossier.refresh_from_db()
        return dossier

    @cached_property
    def subsidy_scan(self):
        """A voted dossier whose signed agreement was scanned."""
        self._settings.MEDIA_ROOT = str(self._media_root)
        dossier = self.subsidy_voted
        subsidy_services.attach_agreement_scan(
            self.region, dossier, ContentFile(b"%PDF-1.4\n%%EOF\n", name="signee.pdf")
        )
        return dossier

    @cached_property
    def subsidy_document(self):
        self._settings.MEDIA_ROOT = str(self._media_root)
        document = SubsidyDocument.objects.create(
            kind=SubsidyDocumentKind.FICHE_PROJET,
            dossier=self.dossier,
            source_key="matrice",
            status=DocumentStatus.READY,
        )
        document.file.save("fiche.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
        return document

    @cached_property
    def envelope(self):
        return CommitmentEnvelope.objects.get(deliberation__number="CP 2023-263", article="7")

    @cached_property
    def cp_2023_263(self):
        return Deliberation.objects.get(number="CP 2023-263")

    @cached_property
    def transfer(self):
        """The demo's signed transfer of the 2021 and 2022 grants to the association."""
        return BeneficiaryTransfer.objects.get(campus=self.campus)

    @cached_property
    def draft_transfer(self):
        """A transfer drafted (not signed) of the 2021 remainder, with its scan."""
        self._settings.MEDIA_ROOT = str(self._media_root)
        dossier = SubsidyDossier.objects.get(number="HIST-2021-VERSAILLES")
        transfer = subsidy_services.create_transfer(
            self.region,
            campus=self.campus,
            new_beneficiary=self.transfer.previous_beneficiary,
            dossiers=[dossier],
        )
        return subsidy_services.attach_transfer_scan(
            self.region, transfer, ContentFile(b"%PDF-1.4\n%%EOF\n", name="avenant.pdf")
        )

    # ---------------------------------------------------------- follow-up of the campus
    # Each sheet in a campaign of its own year (2041…): the demo's campaigns are recent years.

    @cached_property
    def versailles_director(self):
        return User.objects.get(username="dir-versailles")

    def _followup_sheet(self, year):
        campaign = followup_helpers.open_campaign(self.region, year=year)
        return campaign.sheets.get(campus=self.campus)

    @cached_property
    def followup_sheet(self):
        """A sheet not started yet: the director may fill it."""
        return self._followup_sheet(2041)

    @cached_property
    def followup_campaign(self):
        return self.followup_sheet.campaign

    @cached_property
    def followup_complete(self):
        """A draft with its nine sections complete: the director may submit it."""
        return followup_helpers.fill(
            self.versailles_director, self._followup_sheet(2042), year=2042
        )

    @cached_property
    def followup_submitted(self):
        sheet = followup_helpers.fill(
            self.versailles_director, self._followup_sheet(2043), year=2043
        )
        return followup_services.submit(self.versailles_director, sheet)

    @cached_property
    def followup_attachment(self):
        self._settings.MEDIA_ROOT = str(self._media_root)
        return followup_services.add_attachment(
            self.versailles_director,
            self.followup_sheet,
            1,
            SimpleUploadedFile("etude.pdf", b"%PDF-1.4\n%%EOF\n"),
        )

    @cached_property
    def followup_document(self):
        self._settings.MEDIA_ROOT = str(self._media_root)
        document = SheetDocument.objects.create(
            sheet=self.followup_sheet, source_key="matrice", status=DocumentStatus.READY
        )
        document.file.save("fiche.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
        return document


@dataclass(frozen=True)
class Row:
    name: str  # URL name, for the coverage test
    label: str  # test id
    path: object  # Targets -> path
    expected: dict
    method: str = "get"
    before: object = None  # Targets -> None, run before the request
    check: object = None  # (Targets, response, client, granted) -> None, for actions
    anonymous_login: str = "accounts:login"  # where an anonymous visitor is sent


# -------------------------------------------------------------------- action checks


def _check_child_deleted(kind):
    def check(t, response, client, granted):
        child = t.children[kind]
        still_there = type(child).objects.filter(pk=child.pk).exists()
        if granted:
            assert response.url == reverse("campuses:detail", args=[t.campus.pk]) + f"#{kind}"
            assert not still_there
        else:
            assert still_there

    return check


def _check_export(t, response, client, granted):
    jobs = Job.objects.filter(kind="campus_registry_export", params__format="csv")
    if granted:
        job = jobs.latest("created_at")
        assert response.url == reverse("jobs:detail", args=[job.pk])
        assert job.owner == response.wsgi_request.user
        # The job page answers its owner.
        assert client.get(response.url).status_code == 200
    else:
        assert not jobs.exists()


def _deactivate(t):
    User.objects.filter(pk=t.account.pk).update(is_active=False)


def _check_deactivated(t, response, client, granted):
    account = User.objects.get(pk=t.account.pk)
    if granted:
        assert response.url == reverse("accounts:user_detail", args=[account.pk])
        assert not account.is_active
        # Leave things as they were: reactivate.
        url = reverse("accounts:user_reactivate", args=[account.pk])
        assert client.post(url).status_code == 302
        account.refresh_from_db()
    assert account.is_active


def _check_reactivated(t, response, client, granted):
    account = User.objects.get(pk=t.account.pk)
    if granted:
        assert response.url == reverse("accounts:user_detail", args=[account.pk])
    assert account.is_active is granted


def _check_invitation_resent(t, response, client, granted):
    if granted:
        assert response.url == reverse("accounts:user_detail", args=[t.account.pk])
        assert [message.to for message in mail.outbox] == [[t.account.email]]
    else:
        assert mail.outbox == []


def _check_logged_out(t, response, client, granted):
    assert "_auth_user_id" not in client.session


def _check_admin_login(t, response, client, granted):
    if not granted and response.wsgi_request.user.is_authenticated:
        assert urlsplit(response.url).path == reverse("admin:login")


def _check_sent_home(t, response, client, granted):
    if response.wsgi_request.user.is_authenticated:
        assert response.url == reverse("home")


def _check_convention_sent(t, response, client, granted):
    convention = t.draft_convention
    convention.refresh_from_db()
    assert convention.status == (SignatureStatus.SENT if granted else SignatureStatus.DRAFT)
    if granted:
        assert response.url == reverse("conventions:detail", args=[convention.pk])


def _check_amendment_sent(t, response, client, granted):
    amendment = t.draft_amendment
    amendment.refresh_from_db()
    assert amendment.status == (SignatureStatus.SENT if granted else SignatureStatus.DRAFT)


def _check_convention_back_to_draft(t, response, client, granted):
    convention = t.sent_convention
    convention.refresh_from_db()
    assert convention.status == (SignatureStatus.DRAFT if granted else SignatureStatus.SENT)


def _check_amendment_back_to_draft(t, response, client, granted):
    amendment = t.sent_amendment
    amendment.refresh_from_db()
    assert amendment.status == (SignatureStatus.DRAFT if granted else SignatureStatus.SENT)


def _check_article_deleted(t, response, client, granted):
    assert Article.objects.filter(pk=t.article.pk).exists() is not granted


def _check_change_deleted(t, response, client, granted):
    assert AmendmentChange.objects.filter(pk=t.change.pk).exists() is not granted


def _check_change_refused(t, response, client, granted):
    # Posted empty: regional staff get the form back with errors; nothing is added anyway.
    assert t.draft_amendment.changes.count() == 2


def _check_document_requested(kind):
    def check(t, response, client, granted):
        documents = GeneratedDocument.objects.filter(kind=kind, requested_by__isnull=False)
        assert documents.exists() is granted

    return check


def _check_deliberation_job(t, response, client, granted):
    jobs = Job.objects.filter(kind="deliberation_documents")
    if granted:
        assert response.url == reverse("jobs:detail", args=[jobs.get().pk])
    else:
        assert not jobs.exists()


def _check_dossier_status(target, granted_status, refused_status):
    def check(t, response, client, granted):
        dossier = getattr(t, target)
        dossier.refresh_from_db()
        assert dossier.status == (granted_status if granted else refused_status)
        if granted:
            assert response.url == reverse("subsidies:detail", args=[dossier.pk])

    return check


def _check_subsidy_job(kind):
    def check(t, response, client, granted):
        jobs = Job.objects.filter(kind=kind)
        if granted:
            job = jobs.get()
            assert response.url == reverse("jobs:detail", args=[job.pk])
            assert job.owner == response.wsgi_request.user
        else:
            assert not jobs.exists()

    return check


def _check_subsidy_document(kind):
    def check(t, response, client, granted):
        documents = SubsidyDocument.objects.filter(kind=kind, requested_by__isnull=False)
        assert documents.exists() is granted

    return check


def _check_deliberation_voted(t, response, client, granted):
    dossier = t.subsidy_proposed
    dossier.refresh_from_db()
    assert dossier.status == (DossierStatus.VOTED if granted else DossierStatus.PROPOSED)
    assert (dossier.voted_amount is not None) is granted


def _check_sheet_status(target, granted_status, refused_status):
    def check(t, response, client, granted):
        sheet = getattr(t, target)
        sheet.refresh_from_db()
        assert sheet.status == (granted_status if granted else refused_status)
        if granted:
            assert response.url == reverse("followup:sheet_detail", args=[sheet.pk])

    return check


def _check_section_untouched(t, response, client, granted):
    # Posted without a body: refused (400 for the director, whose draft is unreadable).
    section = SheetSection.objects.get(sheet=t.followup_sheet, number=3)
    assert section.version == 1


def _check_no_attachment_added(t, response, client, granted):
    # Posted without a file: the director is sent back with a message; nothing is added.
    assert not SheetAttachment.objects.filter(sheet=t.followup_sheet).exists()


def _check_attachment_deleted(t, response, client, granted):
    assert SheetAttachment.objects.filter(pk=t.followup_attachment.pk).exists() is not granted


def _check_no_comment(t, response, client, granted):
    # Posted empty: reviewers get the page back with the form's errors; nothing is added.
    assert not SheetComment.objects.filter(sheet=t.followup_submitted).exists()


def _check_followup_job(kind):
    def check(t, response, client, granted):
        jobs = Job.objects.filter(kind=kind)
        if granted:
            # Queued (the job's page), or sent back to the dashboard when there is nothing to
            # filter on yet.
            assert response.url in (
                *(reverse("jobs:detail", args=[job.pk]) for job in jobs),
                reverse("followup:dashboard"),
            )
        else:
            assert not jobs.exists()

    return check


def _check_sheet_pdf_requested(t, response, client, granted):
    documents = SheetDocument.objects.filter(sheet=t.followup_sheet)
    assert documents.exists() is granted
    if granted:
        assert response.url == reverse("followup:sheet_pdf_download", args=[documents.get().pk])


# ---------------------------------------------------------------------------- rows


def campus_page_rows():
    """Every page about one campus: (url name, test label, HTTP method, child kind or None)."""
    pages = [
        ("campuses:detail", "campus-detail", "get", None),
        ("campuses:update", "campus-update", "get", None),
    ]
    for kind in CHILD_MODELS:
        pages += [
            ("campuses:child_create", f"{kind}-create", "get", kind),
            ("campuses:child_update", f"{kind}-update", "get", kind),
            ("campuses:child_delete", f"{kind}-delete", "post", kind),
        ]
    return pages


def campus_page_path(t, name, kind):
    args = [t.campus.pk]
    if kind is not None:
        args.append(kind)
    if name in ("campuses:child_update", "campuses:child_delete"):
        args.append(t.child_pk(kind))
    return reverse(name, args=args)


def _campus_rows():
    rows = []
    for name, label, method, kind in campus_page_rows():
        if name == "campuses:detail":
            expected = campus_view_codes()
        elif method == "post":
            expected = campus_manage_codes(granted=302)
        else:
            expected = campus_manage_codes()
        rows.append(
            Row(
                name,
                label,
                lambda t, name=name, kind=kind: campus_page_path(t, name, kind),
                expected,
                method=method,
                check=_check_child_deleted(kind) if method == "post" else None,
            )
        )
    return rows


EVERYONE = codes(200)
REGISTRY_READERS = codes(403, {REGIONAL: 200, RECTORATES: 200, DIRECTORS: 200})
ORGANISATION_READERS = codes(403, {REGIONAL: 200, RECTORATES: 200})
REGIONAL_ONLY = codes(403, {REGIONAL: 200})
REGIONAL_ACTION = codes(403, {REGIONAL: 302})


# Conventions of the campus: its viewers read, regional staff act, the expert is refused.
EXPERT = ("expert",)
CONVENTION_READERS = codes(404, {REGIONAL: 200, SEES_VERSAILLES: 200, EXPERT: 403})
CONVENTION_MANAGERS = codes(404, {REGIONAL: 200, SEES_VERSAILLES: 403, EXPERT: 403})
CONVENTION_ACTION = codes(404, {REGIONAL: 302, SEES_VERSAILLES: 403, EXPERT: 403})
CONVENTION_SIGNERS = codes(
    404,
    {
        REGIONAL: 200,
        ("rectorat-paris", "rectorat-versailles"): 200,
        ("dir-versailles",): 403,
        EXPERT: 403,
    },
)
DOCUMENT_REQUEST = codes(404, {REGIONAL: 302, SEES_VERSAILLES: 302, EXPERT: 403})
DOMAIN_READERS = codes(200, {EXPERT: 403})


# -------------------------------------------------------------------- signing in the portal

SIGNS_FOR_THE_STATE = codes(403, {REGIONAL: 200, ("rectorat-paris", "rectorat-versailles"): 200})


def _with_file_of_record(t):
    """The sent amendment has a file of record (its first signature's), so that its signing
    pages open without generating its PDF."""
    t._settings.MEDIA_ROOT = str(t._media_root)
    record = SignedAct(act_label="conventions.amendment", act_id=t.sent_amendment.pk, sha256="0")
    record.file.save("acte.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)


def _signing_path(t, name, kind):
    party = t.sent_amendment.convention.parties.get(kind=kind)
    return reverse(name, args=["conventions.amendment", t.sent_amendment.pk, party.pk])


def _url(name, *args):
    """Row path: reverse(name) with args read from the Targets ("draft_convention.pk"…)."""

    def path(t):
        values = []
        for arg in args:
            if isinstance(arg, str) and "." in arg:
                obj_name, attribute = arg.split(".")
                values.append(getattr(getattr(t, obj_name), attribute))
            else:
                values.append(arg)
        return reverse(name, args=values)

    return path


CONVENTION_ROWS = [
    Row("conventions:list", "convention-list", _url("conventions:list"), DOMAIN_READERS),
    Row("conventions:create", "convention-create", _url("conventions:create"), REGIONAL_ONLY),
    Row(
        "conventions:detail",
        "convention-detail",
        _url("conventions:detail", "signed_convention.pk"),
        CONVENTION_READERS,
    ),
    Row(
        "conventions:update",
        "convention-update",
        _url("conventions:update", "draft_convention.pk"),
        CONVENTION_MANAGERS,
    ),
    Row(
        "conventions:consolidated",
        "convention-consolidated",
        _url("conventions:consolidated", "signed_convention.pk"),
        CONVENTION_READERS,
    ),
    Row(
        "conventions:compare",
        "convention-compare",
        _url("conventions:compare", "signed_convention.pk"),
        CONVENTION_READERS,
    ),
    Row(
        "conventions:part_create",
        "convention-article-create",
        _url("conventions:part_create", "draft_convention.pk", "articles"),
        CONVENTION_MANAGERS,
    ),
    Row(
        "conventions:part_update",
        "convention-article-update",
        _url("conventions:part_update", "draft_convention.pk", "articles", "article.pk"),
        CONVENTION_MANAGERS,
    ),
    Row(
        "conventions:part_delete",
        "convention-article-delete",
        _url("conventions:part_delete", "draft_convention.pk", "articles", "article.pk"),
        CONVENTION_ACTION,
        method="post",
        check=_check_article_deleted,
    ),
    Row(
        "conventions:send",
        "convention-send",
        _url("conventions:send", "draft_convention.pk"),
        CONVENTION_ACTION,
        method="post",
        check=_check_convention_sent,
    ),
    Row(
        "conventions:return_to_draft",
        "convention-return-to-draft",
        _url("conventions:return_to_draft", "sent_convention.pk"),
        CONVENTION_ACTION,
        method="post",
        check=_check_convention_back_to_draft,
    ),
    Row(
        "conventions:adopted_text",
        "convention-adopted-text",
        _url("conventions:adopted_text", "draft_convention.pk"),
        CONVENTION_MANAGERS,
    ),
    Row(
        "conventions:amendment_adopted_text",
        "amendment-adopted-text",
        _url("conventions:amendment_adopted_text", "draft_amendment.pk"),
        CONVENTION_MANAGERS,
    ),
    Row(
        "conventions:sign",
        "convention-sign",
        _url("conventions:sign", "sent_convention.pk"),
        CONVENTION_SIGNERS,
    ),
    Row(
        "conventions:terminate",
        "convention-terminate",
        _url("conventions:terminate", "signed_convention.pk"),
        CONVENTION_MANAGERS,
    ),
    Row(
        "conventions:scan_upload",
        "convention-scan-upload",
        _url("conventions:scan_upload", "signed_convention.pk"),
        CONVENTION_MANAGERS,
    ),
    Row(
        "conventions:scan_download",
        "convention-scan-download",
        _url("conventions:scan_download", "scan.pk"),
        CONVENTION_READERS,
    ),
    Row(
        "conventions:document_request",
        "convention-document-request",
        _url("conventions:document_request", "signed_convention.pk", "convention"),
        DOCUMENT_REQUEST,
        method="post",
        check=_check_document_requested(DocumentKind.CONVENTION),
    ),
    Row(
        "conventions:document_download",
        "convention-document-download",
        _url("conventions:document_download", "document.pk"),
        CONVENTION_READERS,
    ),
    Row(
        "conventions:amendment_create",
        "amendment-create",
        _url("conventions:amendment_create", "signed_convention.pk"),
        CONVENTION_MANAGERS,
    ),
    Row(
        "conventions:historical_amendment_create",
        "amendment-historical-create",
        _url("conventions:historical_amendment_create", "signed_convention.pk"),
        CONVENTION_MANAGERS,
    ),
    Row(
        "conventions:amendment_detail",
        "amendment-detail",
        _url("conventions:amendment_detail", "draft_amendment.pk"),
        CONVENTION_READERS,
    ),
    Row(
        "conventions:amendment_update",
        "amendment-update",
        _url("conventions:amendment_update", "draft_amendment.pk"),
        CONVENTION_MANAGERS,
    ),
    Row(
        "conventions:change_create",
        "amendment-change-create",
        _url("conventions:change_create", "draft_amendment.pk"),
        CONVENTION_MANAGERS,
        method="post",
        check=_check_change_refused,
    ),
    Row(
        "conventions:change_delete",
        "amendment-change-delete",
        _url("conventions:change_delete", "change.pk"),
        CONVENTION_ACTION,
        method="post",
        check=_check_change_deleted,
    ),
    Row(
        "conventions:amendment_send",
        "amendment-send",
        _url("conventions:amendment_send", "draft_amendment.pk"),
        CONVENTION_ACTION,
        method="post",
        check=_check_amendment_sent,
    ),
    Row(
        "conventions:amendment_return_to_draft",
        "amendment-return-to-draft",
        _url("conventions:amendment_return_to_draft", "sent_amendment.pk"),
        CONVENTION_ACTION,
        method="post",
        check=_check_amendment_back_to_draft,
    ),
    Row(
        "conventions:amendment_sign",
        "amendment-sign",
        _url("conventions:amendment_sign", "sent_amendment.pk"),
        CONVENTION_SIGNERS,
    ),
    Row(
        "conventions:amendment_scan_upload",
        "amendment-scan-upload",
        _url("conventions:amendment_scan_upload", "draft_amendment.pk"),
        CONVENTION_MANAGERS,
    ),
    Row(
        "conventions:amendment_document",
        "amendment-document",
        _url("conventions:amendment_document", "draft_amendment.pk"),
        DOCUMENT_REQUEST,
        method="post",
        check=_check_document_requested(DocumentKind.AMENDMENT),
    ),
    Row("deliberations:list", "deliberation-list", _url("deliberations:list"), DOMAIN_READERS),
    Row(
        "deliberations:detail",
        "deliberation-detail",
        _url("deliberations:detail", "deliberation.pk"),
        DOMAIN_READERS,
    ),
    Row(
        "deliberations:create",
        "deliberation-create",
        _url("deliberations:create"),
        REGIONAL_ONLY,
    ),
    Row(
        "deliberations:generate_documents",
        "deliberation-generate-documents",
        _url("deliberations:generate_documents", "deliberation.pk"),
        codes(403, {REGIONAL: 302}),
        method="post",
        check=_check_deliberation_job,
    ),
]


# Subsidies of the campus: its viewers read, regional staff act, the campus's director also
# prepares, submits and withdraws its draft; the expert is refused everywhere.
VERSAILLES_DIRECTOR = ("dir-versailles",)
SUBSIDY_READERS = codes(404, {REGIONAL: 200, SEES_VERSAILLES: 200, EXPERT: 403})
SUBSIDY_MANAGERS = codes(404, {REGIONAL: 200, SEES_VERSAILLES: 403, EXPERT: 403})
SUBSIDY_ACTION = codes(404, {REGIONAL: 302, SEES_VERSAILLES: 403, EXPERT: 403})
SUBSIDY_PREPARERS = codes(
    404,
    {REGIONAL: 200, SEES_VERSAILLES: 403, VERSAILLES_DIRECTOR: 200, EXPERT: 403},
)
SUBSIDY_PREPARER_ACTION = codes(
    404,
    {REGIONAL: 302, SEES_VERSAILLES: 403, VERSAILLES_DIRECTOR: 302, EXPERT: 403},
)
SUBSIDY_DOCUMENT_REQUEST = codes(404, {REGIONAL: 302, SEES_VERSAILLES: 302, EXPERT: 403})
SUBSIDY_REGIONAL_ACTION = codes(403, {REGIONAL: 302})

SUBSIDY_ROWS = [
    Row("subsidies:list", "subsidy-list", _url("subsidies:list"), DOMAIN_READERS),
    Row(
        "subsidies:create",
        "subsidy-create",
        _url("subsidies:create"),
        codes(403, {REGIONAL: 200, DIRECTORS: 200}),
    ),
    Row(
        "subsidies:export",
        "subsidy-export",
        _url("subsidies:export", "csv"),
        SUBSIDY_REGIONAL_ACTION,
        method="post",
        check=_check_subsidy_job("subsidy_export"),
    ),
    Row(
        "subsidies:open_data",
        "subsidy-open-data",
        _url("subsidies:open_data"),
        SUBSIDY_REGIONAL_ACTION,
        method="post",
        check=_check_subsidy_job("subsidy_open_data"),
    ),
    Row(
        "subsidies:detail",
        "subsidy-detail",
        _url("subsidies:detail", "dossier.pk"),
        SUBSIDY_READERS,
    ),
    Row(
        "subsidies:edit",
        "subsidy-edit",
        _url("subsidies:edit", "subsidy_draft.pk"),
        SUBSIDY_PREPARERS,
    ),
    Row(
        "subsidies:submit",
        "subsidy-submit",
        _url("subsidies:submit", "subsidy_draft.pk"),
        SUBSIDY_PREPARER_ACTION,
        method="post",
        check=_check_dossier_status("subsidy_draft", DossierStatus.SUBMITTED, DossierStatus.DRAFT),
    ),
    Row(
        "subsidies:withdraw",
        "subsidy-withdraw",
        _url("subsidies:withdraw", "subsidy_draft.pk"),
        SUBSIDY_PREPARER_ACTION,
        method="post",
        check=_check_dossier_status("subsidy_draft", DossierStatus.WITHDRAWN, DossierStatus.DRAFT),
    ),
    Row(
        "subsidies:return_to_draft",
        "subsidy-return-to-draft",
        _url("subsidies:return_to_draft", "subsidy_submitted.pk"),
        SUBSIDY_MANAGERS,
    ),
    Row(
        "subsidies:instruct",
        "subsidy-instruct",
        _url("subsidies:instruct", "subsidy_submitted.pk"),
        SUBSIDY_MANAGERS,
    ),
    Row(
        "subsidies:refuse",
        "subsidy-refuse",
        _url("subsidies:refuse", "subsidy_submitted.pk"),
        SUBSIDY_MANAGERS,
    ),
    Row(
        "subsidies:propose",
        "subsidy-propose",
        _url("subsidies:propose", "subsidy_instructed.pk"),
        SUBSIDY_MANAGERS,
    ),
    Row(
        "subsidies:unpropose",
        "subsidy-unpropose",
        _url("subsidies:unpropose", "subsidy_proposed.pk"),
        SUBSIDY_ACTION,
        method="post",
        check=_check_dossier_status(
            "subsidy_proposed", DossierStatus.INSTRUCTED, DossierStatus.PROPOSED
        ),
    ),
    Row(
        "subsidies:close",
        "subsidy-close",
        _url("subsidies:close", "subsidy_paid.pk"),
        SUBSIDY_ACTION,
        method="post",
        check=_check_dossier_status("subsidy_paid", DossierStatus.CLOSED, DossierStatus.PAID),
    ),
    Row(
        "subsidies:agreement_sign",
        "subsidy-agreement-sign",
        _url("subsidies:agreement_sign", "subsidy_voted.pk"),
        SUBSIDY_MANAGERS,
    ),
    Row(
        "subsidies:agreement_scan",
        "subsidy-agreement-scan",
        _url("subsidies:agreement_scan", "subsidy_voted.pk"),
        SUBSIDY_MANAGERS,
    ),
    Row(
        "subsidies:agreement_scan_download",
        "subsidy-agreement-scan-download",
        _url("subsidies:agreement_scan_download", "subsidy_scan.pk"),
        SUBSIDY_READERS,
    ),
    Row(
        "subsidies:lapse_date",
        "subsidy-lapse-date",
        _url("subsidies:lapse_date", "subsidy_voted.pk"),
        SUBSIDY_MANAGERS,
    ),
    Row(
        "subsidies:payment_request",
        "subsidy-payment-request",
        _url("subsidies:payment_request", "subsidy_signed.pk"),
        SUBSIDY_MANAGERS,
    ),
    Row(
        "subsidies:payment_order",
        "subsidy-payment-order",
        _url("subsidies:payment_order", "subsidy_payment.pk"),
        SUBSIDY_MANAGERS,
    ),
    Row(
        "subsidies:payment_pay",
        "subsidy-payment-pay",
        _url("subsidies:payment_pay", "subsidy_payment.pk"),
        SUBSIDY_MANAGERS,
    ),
    Row(
        "subsidies:payment_cancel",
        "subsidy-payment-cancel",
        _url("subsidies:payment_cancel", "subsidy_payment.pk"),
        SUBSIDY_MANAGERS,
    ),
    Row(
        "subsidies:document_request",
        "subsidy-document-request",
        _url("subsidies:document_request", "dossier.pk", "fiche_projet"),
        SUBSIDY_DOCUMENT_REQUEST,
        method="post",
        check=_check_subsidy_document(SubsidyDocumentKind.FICHE_PROJET),
    ),
    Row(
        "subsidies:document_download",
        "subsidy-document-download",
        _url("subsidies:document_download", "subsidy_document.pk"),
        SUBSIDY_READERS,
    ),
    Row(
        "subsidies:envelope_list",
        "subsidy-envelope-list",
        _url("subsidies:envelope_list"),
        codes(403, {REGIONAL: 200, RECTORATES: 200}),
    ),
    Row(
        "subsidies:envelope_create",
        "subsidy-envelope-create",
        _url("subsidies:envelope_create"),
        REGIONAL_ONLY,
    ),
    Row(
        "subsidies:envelope_detail",
        "subsidy-envelope-detail",
        _url("subsidies:envelope_detail", "envelope.pk"),
        codes(403, {REGIONAL: 200, RECTORATES: 200}),
    ),
    Row(
        "subsidies:transfer_create",
        "subsidy-transfer-create",
        _url("subsidies:transfer_create"),
        REGIONAL_ONLY,
    ),
    Row(
        "subsidies:transfer_detail",
        "subsidy-transfer-detail",
        _url("subsidies:transfer_detail", "transfer.pk"),
        SUBSIDY_READERS,
    ),
    Row(
        "subsidies:transfer_sign",
        "subsidy-transfer-sign",
        _url("subsidies:transfer_sign", "draft_transfer.pk"),
        SUBSIDY_MANAGERS,
    ),
    Row(
        "subsidies:transfer_scan",
        "subsidy-transfer-scan",
        _url("subsidies:transfer_scan", "transfer.pk"),
        SUBSIDY_MANAGERS,
    ),
    Row(
        "subsidies:transfer_scan_download",
        "subsidy-transfer-scan-download",
        _url("subsidies:transfer_scan_download", "draft_transfer.pk"),
        SUBSIDY_READERS,
    ),
    Row(
        "subsidies:transfer_document",
        "subsidy-transfer-document",
        _url("subsidies:transfer_document", "transfer.pk"),
        SUBSIDY_DOCUMENT_REQUEST,
        method="post",
        check=_check_subsidy_document(SubsidyDocumentKind.TRANSFER),
    ),
    Row(
        "subsidies:deliberation_vote",
        "subsidy-deliberation-vote",
        lambda t: reverse("subsidies:deliberation_vote", args=[t.subsidy_proposed.deliberation_id]),
        SUBSIDY_REGIONAL_ACTION,
        method="post",
        check=_check_deliberation_voted,
    ),
    Row(
        "subsidies:deliberation_summary",
        "subsidy-deliberation-summary",
        _url("subsidies:deliberation_summary", "cp_2023_263.pk"),
        SUBSIDY_REGIONAL_ACTION,
        method="post",
        check=_check_subsidy_document(SubsidyDocumentKind.DELIBERATION_SUMMARY),
    ),
    Row(
        "subsidies:deliberation_annexes",
        "subsidy-deliberation-annexes",
        _url("subsidies:deliberation_annexes", "cp_2023_263.pk"),
        SUBSIDY_REGIONAL_ACTION,
        method="post",
        check=_check_subsidy_job("subsidy_annex_bundle"),
    ),
]

# The follow-up of the campus: its viewers read; the director fills; reviewers comment and
# request changes; regional staff validate; rectorate staff give their opinion.
VERSAILLES_RECTORATES = ("rectorat-paris", "rectorat-versailles")
REVIEWERS = (*REGIONAL, *VERSAILLES_RECTORATES)
FOLLOWUP_READERS = codes(404, {REGIONAL: 200, SEES_VERSAILLES: 200, EXPERT: 403})
FOLLOWUP_FILLER_ACTION = codes(404, {REVIEWERS: 403, VERSAILLES_DIRECTOR: 302, EXPERT: 403})
FOLLOWUP_REVIEWERS = codes(404, {REVIEWERS: 200, VERSAILLES_DIRECTOR: 403, EXPERT: 403})

FOLLOWUP_ROWS = [
    Row(
        "followup:campaign_list",
        "followup-campaign-list",
        _url("followup:campaign_list"),
        DOMAIN_READERS,
    ),
    Row(
        "followup:campaign_create",
        "followup-campaign-create",
        _url("followup:campaign_create"),
        REGIONAL_ONLY,
    ),
    Row(
        "followup:campaign_detail",
        "followup-campaign-detail",
        _url("followup:campaign_detail", "followup_campaign.pk"),
        codes(403, {REGIONAL: 200, RECTORATES: 200}),
    ),
    Row(
        "followup:sheet_detail",
        "followup-sheet-detail",
        _url("followup:sheet_detail", "followup_sheet.pk"),
        FOLLOWUP_READERS,
    ),
    Row(
        "followup:section",
        "followup-section",
        _url("followup:section", "followup_sheet.pk", 3),
        FOLLOWUP_READERS,
    ),
    Row(
        "followup:section_draft",
        "followup-section-draft",
        _url("followup:section_draft", "followup_sheet.pk", 3),
        codes(404, {REVIEWERS: 403, VERSAILLES_DIRECTOR: 400, EXPERT: 403}),
        method="post",
        check=_check_section_untouched,
    ),
    Row(
        "followup:summary",
        "followup-summary",
        _url("followup:summary", "followup_sheet.pk"),
        FOLLOWUP_READERS,
    ),
    Row(
        "followup:submit",
        "followup-submit",
        _url("followup:submit", "followup_complete.pk"),
        FOLLOWUP_FILLER_ACTION,
        method="post",
        check=_check_sheet_status("followup_complete", SheetStatus.SUBMITTED, SheetStatus.DRAFT),
    ),
    Row(
        "followup:attachment_upload",
        "followup-attachment-upload",
        _url("followup:attachment_upload", "followup_sheet.pk", 1),
        FOLLOWUP_FILLER_ACTION,
        method="post",
        check=_check_no_attachment_added,
    ),
    Row(
        "followup:attachment_download",
        "followup-attachment-download",
        _url("followup:attachment_download", "followup_attachment.pk"),
        FOLLOWUP_READERS,
    ),
    Row(
        "followup:attachment_delete",
        "followup-attachment-delete",
        _url("followup:attachment_delete", "followup_attachment.pk"),
        FOLLOWUP_FILLER_ACTION,
        method="post",
        check=_check_attachment_deleted,
    ),
    Row(
        "followup:comment",
        "followup-comment",
        _url("followup:comment", "followup_submitted.pk"),
        FOLLOWUP_REVIEWERS,
        method="post",
        check=_check_no_comment,
    ),
    Row(
        "followup:request_changes",
        "followup-request-changes",
        _url("followup:request_changes", "followup_submitted.pk"),
        FOLLOWUP_REVIEWERS,
    ),
    Row(
        "followup:validate",
        "followup-validate",
        _url("followup:validate", "followup_submitted.pk"),
        codes(
            404,
            {REGIONAL: 302, VERSAILLES_RECTORATES: 403, VERSAILLES_DIRECTOR: 403, EXPERT: 403},
        ),
        method="post",
        check=_check_sheet_status(
            "followup_submitted", SheetStatus.VALIDATED, SheetStatus.SUBMITTED
        ),
    ),
    Row(
        "followup:opinion",
        "followup-opinion",
        _url("followup:opinion", "followup_submitted.pk"),
        codes(
            404,
            {REGIONAL: 403, VERSAILLES_RECTORATES: 200, VERSAILLES_DIRECTOR: 403, EXPERT: 403},
        ),
    ),
    # The regional dashboard, its exports and report (followup.urls_dashboard), a sheet's PDF.
    Row(
        "followup:dashboard",
        "followup-dashboard",
        _url("followup:dashboard"),
        codes(403, {REGIONAL: 200, RECTORATES: 200}),
    ),
    Row(
        "followup:dashboard_export",
        "followup-dashboard-export",
        _url("followup:dashboard_export", "csv"),
        codes(403, {REGIONAL: 302, RECTORATES: 302}),
        method="post",
        check=_check_followup_job("followup_indicators_export"),
    ),
    Row(
        "followup:regional_report",
        "followup-regional-report",
        _url("followup:regional_report"),
        codes(403, {REGIONAL: 302, RECTORATES: 302}),
        method="post",
        check=_check_followup_job("followup_regional_report"),
    ),
    Row(
        "followup:sheet_pdf_request",
        "followup-sheet-pdf-request",
        _url("followup:sheet_pdf_request", "followup_sheet.pk"),
        codes(404, {REGIONAL: 302, SEES_VERSAILLES: 302, EXPERT: 403}),
        method="post",
        check=_check_sheet_pdf_requested,
    ),
    Row(
        "followup:sheet_pdf_download",
        "followup-sheet-pdf-download",
        _url("followup:sheet_pdf_download", "followup_document.pk"),
        FOLLOWUP_READERS,
    ),
]

ROWS = [
    Row("home", "home", lambda t: reverse("home"), EVERYONE),
    Row(
        "accounts:login",
        "login",
        lambda t: reverse("accounts:login"),
        codes(302, anonymous=200),
        check=_check_sent_home,
    ),
    Row(
        "accounts:logout",
        "logout",
        lambda t: reverse("accounts:logout"),
        codes(302),
        method="post",
        check=_check_logged_out,
    ),
    # Two-factor authentication: each person's own second factor (accounts.two_factor_views).
    Row("accounts:two_factor", "two-factor", lambda t: reverse("accounts:two_factor"), EVERYONE),
    Row(
        "accounts:two_factor_enrol",
        "two-factor-enrol",
        lambda t: reverse("accounts:two_factor_enrol"),
        EVERYONE,
    ),
    Row(
        "accounts:two_factor_codes",
        "two-factor-codes",
        lambda t: reverse("accounts:two_factor_codes"),
        EVERYONE,
    ),
    *(
        Row(name, name.split(":")[1], lambda t, name=name: reverse(name), codes(302), method="post")
        for name in (
            "accounts:two_factor_regenerate",
            "accounts:two_factor_verify",
            "accounts:two_factor_remove",
        )
    ),
    Row("campuses:list", "campus-list", lambda t: reverse("campuses:list"), REGISTRY_READERS),
    Row("campuses:create", "campus-create", lambda t: reverse("campuses:create"), REGIONAL_ONLY),
    Row(
        "campuses:export",
        "campus-export",
        lambda t: reverse("campuses:export", args=["csv"]),
        codes(403, {REGIONAL: 302, RECTORATES: 302}),
        method="post",
        check=_check_export,
    ),
    # A GET only asks to confirm: it starts no job.
    Row(
        "campuses:export",
        "campus-export-confirm",
        lambda t: reverse("campuses:export", args=["csv"]),
        codes(403, {REGIONAL: 200, RECTORATES: 200}),
        check=lambda t, response, client, granted: _check_export(t, response, client, False),
    ),
    *_campus_rows(),
    Row(
        "campuses:organisation_list",
        "organisation-list",
        lambda t: reverse("campuses:organisation_list"),
        ORGANISATION_READERS,
    ),
    Row(
        "campuses:organisation_detail",
        "organisation-detail",
        lambda t: reverse("campuses:organisation_detail", args=[t.organisation.pk]),
        ORGANISATION_READERS,
    ),
    Row(
        "campuses:organisation_create",
        "organisation-create",
        lambda t: reverse("campuses:organisation_create"),
        REGIONAL_ONLY,
    ),
    Row(
        "campuses:organisation_update",
        "organisation-update",
        lambda t: reverse("campuses:organisation_update", args=[t.organisation.pk]),
        REGIONAL_ONLY,
    ),
    Row(
        "campuses:representative_create",
        "representative-create",
        lambda t: reverse("campuses:representative_create", args=[t.organisation.pk]),
        REGIONAL_ONLY,
    ),
    Row(
        "campuses:representative_update",
        "representative-update",
        lambda t: reverse(
            "campuses:representative_update", args=[t.organisation.pk, t.representative.pk]
        ),
        REGIONAL_ONLY,
    ),
    Row("accounts:user_list", "user-list", lambda t: reverse("accounts:user_list"), REGIONAL_ONLY),
    Row(
        "accounts:user_invite",
        "user-invite",
        lambda t: reverse("accounts:user_invite"),
        REGIONAL_ONLY,
    ),
    Row(
        "accounts:user_detail",
        "user-detail",
        lambda t: reverse("accounts:user_detail", args=[t.account.pk]),
        REGIONAL_ONLY,
    ),
    Row(
        "accounts:user_update",
        "user-update",
        lambda t: reverse("accounts:user_update", args=[t.account.pk]),
        REGIONAL_ONLY,
    ),
    Row(
        "accounts:user_deactivate",
        "user-deactivate",
        lambda t: reverse("accounts:user_deactivate", args=[t.account.pk]),
        REGIONAL_ACTION,
        method="post",
        check=_check_deactivated,
    ),
    Row(
        "accounts:user_reactivate",
        "user-reactivate",
        lambda t: reverse("accounts:user_reactivate", args=[t.account.pk]),
        REGIONAL_ACTION,
        method="post",
        before=_deactivate,
        check=_check_reactivated,
    ),
    Row(
        "accounts:user_resend_invitation",
        "user-resend-invitation",
        lambda t: reverse("accounts:user_resend_invitation", args=[t.account.pk]),
        REGIONAL_ACTION,
        method="post",
        check=_check_invitation_resent,
    ),
    Row(
        "accounts:user_reset_two_factor",
        "user-reset-two-factor",
        lambda t: reverse("accounts:user_reset_two_factor", args=[t.account.pk]),
        REGIONAL_ACTION,
        method="post",
    ),
    Row("audit:list", "journal", lambda t: reverse("audit:list"), REGIONAL_ONLY),
    Row(
        "campuses:history",
        "campus-history",
        lambda t: reverse("campuses:history", args=[t.campus.pk]),
        campus_view_codes(),
    ),
    Row("jobs:list", "job-list", lambda t: reverse("jobs:list"), EVERYONE),
    # Anyone logged in may check a PDF (anonymous visitors go to the login page).
    Row("documents:verify", "verify", lambda t: reverse("documents:verify"), EVERYONE),
    # Signing an amendment in the portal (documents.signing_views): who may record that
    # party's signature (regional staff any party, rectorate staff of the campus the State);
    # every other role, out of scope or not, is refused with a 403.
    Row(
        "documents:sign",
        "sign-state",
        lambda t: _signing_path(t, "documents:sign", PartyKind.STATE),
        SIGNS_FOR_THE_STATE,
        before=_with_file_of_record,
    ),
    Row(
        "documents:sign",
        "sign-region",
        lambda t: _signing_path(t, "documents:sign", PartyKind.REGION),
        REGIONAL_ONLY,
        before=_with_file_of_record,
    ),
    Row(
        "documents:upload_signed",
        "upload-signed-state",
        lambda t: _signing_path(t, "documents:upload_signed", PartyKind.STATE),
        SIGNS_FOR_THE_STATE,
        before=_with_file_of_record,
    ),
    # The file of record: whoever reads the amendment.
    Row(
        "documents:signed_file",
        "signed-file",
        lambda t: reverse(
            "documents:signed_file", args=["conventions.amendment", t.sent_amendment.pk]
        ),
        codes(403, {REGIONAL: 200, SEES_VERSAILLES: 200}),
        before=_with_file_of_record,
    ),
    Row(
        "jobs:detail",
        "job-detail",
        lambda t: reverse("jobs:detail", args=[t.job.pk]),
        codes(404, {("region",): 200}),
    ),
    Row(
        "jobs:status",
        "job-status",
        lambda t: reverse("jobs:status", args=[t.job.pk]),
        codes(404, {("region",): 200}),
    ),
    Row(
        "jobs:download",
        "job-download",
        lambda t: reverse("jobs:download", args=[t.job.pk]),
        codes(404, {("region",): 200}),
    ),
    Row(
        "admin:index",
        "admin-index",
        lambda t: reverse("admin:index"),
        codes(302, {("admin",): 200}),
        check=_check_admin_login,
        anonymous_login="admin:login",
    ),
    *CONVENTION_ROWS,
    *SUBSIDY_ROWS,
    *FOLLOWUP_ROWS,
    *label_rows(
        Row,
        codes,
        _url,
        {
            "REGIONAL": REGIONAL,
            "SEES_VERSAILLES": SEES_VERSAILLES,
            "EXPERT": EXPERT,
            "RECTORATES": RECTORATES,
        },
    ),
]


# --------------------------------------------------------------------------- tests


@pytest.fixture
def targets_of(settings, tmp_path):
    """targets_of(campus) -> the Targets of the matrix on that campus."""
    return lambda campus: Targets(campus, tmp_path, settings)


@pytest.fixture
def versailles_targets(targets_of, campus_of):
    return targets_of(campus_of("versailles"))


def client_for(role, user_of):
    client = Client()
    if role != ANONYMOUS:
        client.force_login(user_of(role))
    return client


def assert_sent_to_login(response, path, login_name="accounts:login"):
    assert response.status_code == 302
    location = urlsplit(response.url)
    assert location.path == reverse(login_name)
    assert parse_qs(location.query)["next"] == [path]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.label)
def test_permission_matrix(
    row, role, versailles_targets, user_of, django_capture_on_commit_callbacks
):
    targets = versailles_targets
    if row.before:
        row.before(targets)
    path = row.path(targets)
    client = client_for(role, user_of)

    # As in production, what the request queues after its commit runs once it is answered
    # (an e-mail is sent by a task after commit, never inside the request).
    with django_capture_on_commit_callbacks(execute=True):
        response = getattr(client, row.method)(path)

    expected = row.expected[role]
    assert response.status_code == expected, f"{role} {row.method.upper()} {path}"
    if role == ANONYMOUS and expected == 302:
        assert_sent_to_login(response, path, row.anonymous_login)
    if row.check:
        granted = role != ANONYMOUS and 200 <= expected < 400
        row.check(targets, response, client, granted)


def test_every_role_is_in_every_row():
    for row in ROWS:
        assert set(row.expected) == set(ROLES), row.label


def _url_names(resolver, namespace=""):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            prefix = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _url_names(pattern, prefix)
        elif pattern.name:
            yield namespace + pattern.name


# Public steps of the login (the code step, the admin's login sent to the portal's): tested
# in tests/accounts/test_two_factor.py.
LOGIN_STEP_NAMES = {"accounts:login_code", "admin-login"}
PASSWORD_RESET_NAMES = {
    "accounts:password_reset",
    "accounts:password_reset_done",
    "accounts:password_reset_confirm",
    "accounts:password_reset_complete",
}


def _needs_a_matrix_row(name, router_names):
    if name.startswith("admin:"):
        return name == "admin:index"
    return not (
        name == "set_language"
        or name.startswith("api-")
        or name in PASSWORD_RESET_NAMES
        or name in LOGIN_STEP_NAMES
        or name in router_names  # covered by tests/api/
    )


def test_every_url_name_is_in_the_matrix():
    resolver = get_resolver()
    resolver.url_patterns  # noqa: B018 - imports cmq_portal.urls, which registers the API routes
    router_names = {url.name for url in router.urls if url.name}
    names = {name for name in _url_names(resolver) if _needs_a_matrix_row(name, router_names)}
    covered = {row.name for row in ROWS}

    missing = sorted(names - covered)
    assert not missing, f"URL names without a row in the permission matrix: {missing}"
    assert not covered - names, "rows for URL names that no longer exist"


# ------------------------------------------------------ one campus against another


@pytest.fixture
def mode_targets(targets_of, campus_of):
    """The Mode campus: academies Paris and Créteil, not Versailles."""
    return targets_of(campus_of("mode"))


def test_demo_campuses_used_here_have_the_expected_academies(campus_of):
    academies = {
        key: set(campus_of(key).academies.values_list("code", flat=True))
        for key in ("versailles", "mode")
    }
    assert academies == {"versailles": {"paris", "versailles"}, "mode": {"paris", "creteil"}}


CAMPUS_PAGES = campus_page_rows()


@pytest.mark.parametrize(
    ("name", "label", "method", "kind"), CAMPUS_PAGES, ids=[page[1] for page in CAMPUS_PAGES]
)
def test_director_of_one_campus_gets_404_on_another(
    name, label, method, kind, mode_targets, versailles_targets, client_of
):
    for director, other_campus in (
        ("dir-versailles", mode_targets),
        ("dir-mode", versailles_targets),
    ):
        path = campus_page_path(other_campus, name, kind)
        response = getattr(client_of(director), method)(path)
        assert response.status_code == 404, f"{director} {path}"
    # …while the director of the campus sees its pages, read-only.
    own = campus_page_path(mode_targets, name, kind)
    response = getattr(client_of("dir-mode"), method)(own)
    assert response.status_code == (200 if name == "campuses:detail" else 403)


@pytest.mark.parametrize("key", sorted(DIRECTOR_ACCOUNTS))
def test_each_director_sees_only_their_campus(key, client_of, campus_of):
    own = campus_of(key)
    client = client_of(DIRECTOR_ACCOUNTS[key])
    for campus in Campus.objects.exclude(pk=own.pk):
        assert client.get(reverse("campuses:detail", args=[campus.pk])).status_code == 404
    assert client.get(reverse("campuses:detail", args=[own.pk])).status_code == 200


@pytest.mark.parametrize(
    ("name", "label", "method", "kind"), CAMPUS_PAGES, ids=[page[1] for page in CAMPUS_PAGES]
)
def test_rectorate_sees_only_its_academy(
    name, label, method, kind, mode_targets, versailles_targets, client_of
):
    granted = 200 if name == "campuses:detail" else 403
    creteil, versailles = client_of("rectorat-creteil"), client_of("rectorat-versailles")
    mode_path = campus_page_path(mode_targets, name, kind)
    versailles_path = campus_page_path(versailles_targets, name, kind)

    assert getattr(creteil, method)(mode_path).status_code == granted
    assert getattr(creteil, method)(versailles_path).status_code == 404
    assert getattr(versailles, method)(mode_path).status_code == 404
    assert getattr(versailles, method)(versailles_path).status_code == granted


def test_rectorate_creteil_scope_follows_academies(client_of):
    """Every campus is 200 or 404 for rectorat-creteil exactly as its academies say."""
    client = client_of("rectorat-creteil")
    for campus in Campus.objects.prefetch_related("academies"):
        in_creteil = "creteil" in {academy.code for academy in campus.academies.all()}
        response = client.get(reverse("campuses:detail", args=[campus.pk]))
        assert response.status_code == (200 if in_creteil else 404), campus.short_name


# ---------------------------------------------------------------- odd requests


@pytest.mark.parametrize(
    "path",
    [
        lambda t: reverse(
            "campuses:child_delete", args=[t.campus.pk, "lieux", t.child_pk("lieux")]
        ),
        lambda t: reverse("accounts:user_deactivate", args=[t.account.pk]),
        lambda t: reverse("accounts:user_reactivate", args=[t.account.pk]),
        lambda t: reverse("accounts:user_resend_invitation", args=[t.account.pk]),
        lambda t: reverse("accounts:logout"),
    ],
    ids=["child-delete", "user-deactivate", "user-reactivate", "user-resend", "logout"],
)
def test_actions_refuse_get(path, versailles_targets, client_of):
    path = path(versailles_targets)
    assert client_of("region").get(path).status_code == 405
    assert CampusPlace.objects.filter(pk=versailles_targets.child_pk("lieux")).exists()


def test_unknown_child_kind_is_404(versailles_targets, client_of):
    path = reverse("campuses:child_create", args=[versailles_targets.campus.pk, "inconnu"])
    assert client_of("region").get(path).status_code == 404


def test_child_of_another_campus_is_404(versailles_targets, mode_targets, client_of):
    """A child row is only reachable through its own campus, even for regional staff."""
    path = reverse(
        "campuses:child_update",
        args=[versailles_targets.campus.pk, "lieux", mode_targets.child_pk("lieux")],
    )
    assert client_of("region").get(path).status_code == 404


def test_export_refuses_unknown_format(client_of):
    assert client_of("region").get("/campus/export.pdf").status_code == 404
    assert client_of("dir-ia").get("/campus/export.pdf").status_code == 403


FORM_NAMES = {
    "campuses:create",
    "campuses:update",
    "campuses:child_create",
    "campuses:child_update",
    "campuses:organisation_create",
    "campuses:organisation_update",
    "campuses:representative_create",
    "campuses:representative_update",
    "accounts:user_invite",
    "accounts:user_update",
    "conventions:create",
    "conventions:update",
    "conventions:part_create",
    "conventions:part_update",
    "conventions:terminate",
    "conventions:scan_upload",
    "conventions:amendment_create",
    "conventions:historical_amendment_create",
    "conventions:amendment_update",
    "conventions:change_create",
    "conventions:amendment_scan_upload",
    "deliberations:create",
    "subsidies:return_to_draft",
    "subsidies:instruct",
    "subsidies:refuse",
    "subsidies:propose",
    "subsidies:agreement_sign",
    "subsidies:agreement_scan",
    "subsidies:lapse_date",
    "subsidies:payment_request",
    "subsidies:payment_order",
    "subsidies:payment_pay",
    "subsidies:payment_cancel",
    "subsidies:envelope_create",
    "subsidies:transfer_create",
    "subsidies:transfer_sign",
    "subsidies:transfer_scan",
    "followup:campaign_create",
    "labels:admit",
    "labels:reject",
    "labels:withdraw",
    "labels:decide",
    "labels:experts",
    "labels:session_create",
}
FORM_ROWS = [row for row in ROWS if row.name in FORM_NAMES]


@pytest.mark.parametrize("row", FORM_ROWS, ids=lambda row: row.label)
@pytest.mark.parametrize("role", ["rectorat-paris", "rectorat-versailles", "dir-versailles"])
def test_read_only_roles_cannot_post_forms(row, role, versailles_targets, client_of):
    """Posting a form is refused as its page is (403, or 404 out of scope) and changes nothing."""
    path = row.path(versailles_targets)
    entries = AuditEntry.objects.count()

    response = client_of(role).post(path, {"name": "Intrus", "short_name": "Intrus"})

    assert response.status_code == row.expected[role] in (403, 404)
    assert AuditEntry.objects.count() == entries
