"""The labelling's rows of the permission matrix (tests/test_permission_matrix.py) and the
objects they are requested on.

Each application is on a campus of its own (a campus has one open application at a time)
with the academies of Campus Versailles (Paris and Versailles) and `dir-versailles` as its
director: the same accounts see it as see Versailles. Regional staff prepare and rule;
rectorat-paris and rectorat-versailles prepare (403 on the Region's own steps); the
director writes the criteria and the answers (403 elsewhere); rectorat-creteil and the other
directors get 404; the demo `expert` sees only the applications they are assigned to (404 on
the others, 403 on what is not an expert's step); experts have their own pages (interests).
"""

from functools import cached_property

from django.core.files.base import ContentFile
from django.urls import reverse

from accounts.models import User
from campuses.models import Academy, CampusDirector
from documents.models import DocumentStatus
from labels import services
from labels.models import (
    ApplicationStatus,
    ExpertAffiliation,
    LabelDocument,
    LabelDocumentKind,
    ObligationKind,
)
from tests.labels import helpers as h


class LabelTargets:
    """Mixed into the matrix's Targets: the label objects, built when a row needs them."""

    def _label_campus(self):
        campus = h.fresh_campus("paris")
        campus.academies.set(Academy.objects.filter(code__in=("paris", "versailles")))
        CampusDirector.objects.create(
            campus=campus,
            user=User.objects.get(username="dir-versailles"),
            full_name="Direction de la matrice",
        )
        return campus

    @cached_property
    def label_rectorate(self):
        return User.objects.get(username="rectorat-paris")

    @cached_property
    def label_experts(self):
        return [User.objects.get(username="expert"), h.expert()]

    @cached_property
    def label_draft(self):
        """A draft complete enough to be deposited."""
        self._settings.MEDIA_ROOT = str(self._media_root)
        application = h.draft(self.region, self._label_campus())
        return h.complete(self.region, self.label_rectorate, application)

    @cached_property
    def label_draft_opinion(self):
        return self.label_draft.opinions.first()

    @cached_property
    def label_annex(self):
        return services.add_annex(
            self.region, self.label_draft, title="Annexe", upload=h.pdf_upload(2)
        )

    @cached_property
    def label_submitted(self):
        self._settings.MEDIA_ROOT = str(self._media_root)
        return h.deposited(self.region, self.label_rectorate, self._label_campus())

    @cached_property
    def label_admissible(self):
        """Admissible, the demo expert and another assigned (not started)."""
        self._settings.MEDIA_ROOT = str(self._media_root)
        application = h.deposited(self.region, self.label_rectorate, self._label_campus())
        services.admit(self.region, application)
        for index, person in enumerate(self.label_experts):
            services.assign_expert(self.region, application, person, rapporteur=index == 0)
        return application

    @cached_property
    def label_assignment(self):
        """The second expert's assignment (neither rapporteur nor submitted)."""
        return self.label_admissible.assignments.get(expert=self.label_experts[1])

    @cached_property
    def label_in_expertise(self):
        """In expertise; the demo expert is its rapporteur."""
        self._settings.MEDIA_ROOT = str(self._media_root)
        return h.in_expertise(
            self.region, self.label_rectorate, self._label_campus(), self.label_experts
        )

    @cached_property
    def label_navette(self):
        """A navette waiting for answers: every recommendation answered (with a file)."""
        self._settings.MEDIA_ROOT = str(self._media_root)
        application = h.in_expertise(
            self.region, self.label_rectorate, self._label_campus(), self.label_experts
        )
        navette = h.navette_round(self.label_experts[0], application)
        for recommendation in navette.recommendations.all():
            services.answer_recommendation(
                self.region,
                recommendation,
                answer="Notre réponse.",
                attachment=h.pdf_upload(1, name="reponse.pdf"),
            )
        return navette

    @cached_property
    def label_recommendation(self):
        return self.label_navette.recommendations.first()

    @cached_property
    def label_answered(self):
        """Answers received: the experts mark them."""
        self._settings.MEDIA_ROOT = str(self._media_root)
        application = h.in_expertise(
            self.region, self.label_rectorate, self._label_campus(), self.label_experts
        )
        navette = h.navette_round(self.label_experts[0], application)
        h.answer_round(self.region, self.region, navette)
        return navette.recommendations.first()

    @cached_property
    def label_opinion(self):
        self._settings.MEDIA_ROOT = str(self._media_root)
        return h.with_opinion(
            self.region, self.label_rectorate, self._label_campus(), self.label_experts
        )

    @cached_property
    def label_decided(self):
        self._settings.MEDIA_ROOT = str(self._media_root)
        return h.decided(
            self.region, self.label_rectorate, self._label_campus(), self.label_experts
        )

    @cached_property
    def label_document(self):
        self._settings.MEDIA_ROOT = str(self._media_root)
        document = LabelDocument.objects.create(
            kind=LabelDocumentKind.COVER_SHEET,
            application=self.label_in_expertise,
            source_key="matrice",
            status=DocumentStatus.READY,
        )
        document.file.save("fiche.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
        return document

    @cached_property
    def label_obligation(self):
        """The progress report of the decided label, still due."""
        return self.label_decided.label_period.obligations.get(kind=ObligationKind.PROGRESS_REPORT)

    @cached_property
    def label_filed_obligation(self):
        self._settings.MEDIA_ROOT = str(self._media_root)
        obligation = self.label_decided.label_period.obligations.get(kind=ObligationKind.MID_TERM)
        return services.file_obligation(self.region, obligation, report=h.pdf_upload(3))

    @cached_property
    def label_affiliation(self):
        """One of the demo expert's declared links of interest."""
        return ExpertAffiliation.objects.create(
            expert=User.objects.get(username="expert"),
            organisation=h.organisation("Organisme lié à l'expert"),
            relation="works_with",
        )


def _status_is(name, granted_status, refused_status):
    def check(t, response, client, granted):
        application = getattr(t, name)
        application.refresh_from_db()
        assert application.status == (granted_status if granted else refused_status)

    return check


def _check_answers_sent(t, response, client, granted):
    navette = t.label_navette
    navette.refresh_from_db()
    assert (navette.answered_on is not None) is granted


def _check_unassigned(t, response, client, granted):
    still = t.label_admissible.assignments.filter(pk=t.label_assignment.pk).exists()
    assert still is not granted


def _check_rapporteur(t, response, client, granted):
    application = t.label_admissible
    application.refresh_from_db()
    expected = t.label_experts[1] if granted else t.label_experts[0]
    assert application.rapporteur == expected


def _check_document_requested(t, response, client, granted):
    requested = LabelDocument.objects.filter(application=t.label_in_expertise).exists()
    assert requested is granted


def _check_affiliation_deleted(t, response, client, granted):
    exists = ExpertAffiliation.objects.filter(pk=t.label_affiliation.pk).exists()
    assert exists is not granted


def label_rows(Row, codes, url, groups):
    """The rows, built with the matrix's own Row, codes() and _url() (passed in to keep one
    definition of each)."""
    regional, sees, expert = groups["REGIONAL"], groups["SEES_VERSAILLES"], groups["EXPERT"]
    rectorates = groups["RECTORATES"]
    carriers_rectorate = ("rectorat-paris", "rectorat-versailles")
    director = ("dir-versailles",)

    readers = codes(404, {regional: 200, sees: 200})
    readers_and_expert = codes(404, {regional: 200, sees: 200, expert: 200})
    carriers = codes(404, {regional: 200, carriers_rectorate: 200, director: 403})
    contributors = codes(404, {regional: 200, sees: 200})
    region_only = codes(404, {regional: 200, sees: 403})
    region_only_assigned = codes(404, {regional: 200, sees: 403, expert: 403})
    region_action_assigned = codes(404, {regional: 302, sees: 403, expert: 403})
    experts_only = codes(404, {regional: 403, sees: 403, expert: 200})
    reviewers = codes(404, {regional: 200, sees: 403, expert: 200})
    answerers = codes(404, {regional: 200, sees: 200, expert: 403})

    return [
        Row("labels:list", "labels-list", url("labels:list"), codes(200)),
        Row(
            "labels:create",
            "labels-create",
            url("labels:create"),
            codes(403, {regional: 200, rectorates: 200}),
        ),
        Row("labels:detail", "labels-detail", url("labels:detail", "label_draft.pk"), readers),
        Row(
            "labels:detail",
            "labels-detail-assigned",
            url("labels:detail", "label_in_expertise.pk"),
            readers_and_expert,
        ),
        Row("labels:edit", "labels-edit", url("labels:edit", "label_draft.pk"), carriers),
        Row(
            "labels:presentation",
            "labels-presentation",
            lambda t: reverse("labels:presentation", args=[t.label_draft.pk, "2.4"]),
            contributors,
        ),
        Row(
            "labels:sign",
            "labels-sign-region",
            url("labels:sign", "label_draft.pk", "region"),
            region_only,
        ),
        Row(
            "labels:sign",
            "labels-sign-rector",
            url("labels:sign", "label_draft.pk", "recteur"),
            carriers,
        ),
        Row(
            "labels:opinion",
            "labels-opinion",
            url("labels:opinion", "label_draft.pk", "caen"),
            carriers,
        ),
        Row(
            "labels:opinion_document",
            "labels-opinion-document",
            url("labels:opinion_document", "label_draft.pk", "caen"),
            # The demo's opinions carry no document: readers get 404 as the others do.
            codes(404),
        ),
        Row("labels:dossier", "labels-dossier", url("labels:dossier", "label_draft.pk"), carriers),
        Row(
            "labels:dossier_download",
            "labels-dossier-download",
            url("labels:dossier_download", "label_in_expertise.pk"),
            readers_and_expert,
        ),
        Row(
            "labels:annex_add",
            "labels-annex-add",
            url("labels:annex_add", "label_draft.pk"),
            carriers,
        ),
        Row(
            "labels:annex_download",
            "labels-annex-download",
            url("labels:annex_download", "label_annex.pk"),
            readers,
        ),
        Row(
            "labels:deposit",
            "labels-deposit",
            url("labels:deposit", "label_draft.pk"),
            codes(404, {regional: 302, carriers_rectorate: 302, director: 403}),
            method="post",
            check=_status_is("label_draft", ApplicationStatus.SUBMITTED, ApplicationStatus.DRAFT),
        ),
        Row("labels:admit", "labels-admit", url("labels:admit", "label_submitted.pk"), region_only),
        Row(
            "labels:reject",
            "labels-reject",
            url("labels:reject", "label_submitted.pk"),
            region_only,
        ),
        Row(
            "labels:withdraw",
            "labels-withdraw",
            url("labels:withdraw", "label_submitted.pk"),
            region_only,
        ),
        Row(
            "labels:decide",
            "labels-decide",
            url("labels:decide", "label_opinion.pk"),
            region_only_assigned,
        ),
        Row(
            "labels:experts",
            "labels-experts",
            url("labels:experts", "label_admissible.pk"),
            region_only_assigned,
        ),
        Row(
            "labels:unassign",
            "labels-unassign",
            url("labels:unassign", "label_assignment.pk"),
            region_action_assigned,
            method="post",
            check=_check_unassigned,
        ),
        Row(
            "labels:make_rapporteur",
            "labels-make-rapporteur",
            url("labels:make_rapporteur", "label_assignment.pk"),
            region_action_assigned,
            method="post",
            check=_check_rapporteur,
        ),
        Row(
            "labels:start_expertise",
            "labels-start-expertise",
            url("labels:start_expertise", "label_admissible.pk"),
            region_action_assigned,
            method="post",
            check=_status_is(
                "label_admissible", ApplicationStatus.IN_EXPERTISE, ApplicationStatus.ADMISSIBLE
            ),
        ),
        Row(
            "labels:assessment",
            "labels-assessment",
            url("labels:assessment", "label_in_expertise.pk"),
            experts_only,
        ),
        Row(
            "labels:consolidation",
            "labels-consolidation",
            url("labels:consolidation", "label_in_expertise.pk"),
            experts_only,
        ),
        Row(
            "labels:navette_new",
            "labels-navette-new",
            url("labels:navette_new", "candidature", "label_in_expertise.pk"),
            reviewers,
        ),
        Row(
            "labels:navette_new",
            "labels-navette-new-obligation",
            url("labels:navette_new", "obligation", "label_filed_obligation.pk"),
            reviewers,
        ),
        Row(
            "labels:answer",
            "labels-answer",
            url("labels:answer", "label_recommendation.pk"),
            answerers,
        ),
        Row(
            "labels:mark",
            "labels-mark",
            url("labels:mark", "label_answered.pk"),
            experts_only,
        ),
        Row(
            "labels:answer_attachment",
            "labels-answer-attachment",
            url("labels:answer_attachment", "label_recommendation.pk"),
            readers_and_expert,
        ),
        Row(
            "labels:send_answers",
            "labels-send-answers",
            url("labels:send_answers", "label_navette.pk"),
            codes(404, {regional: 302, carriers_rectorate: 302, director: 403, expert: 403}),
            method="post",
            check=_check_answers_sent,
        ),
        Row(
            "labels:document_request",
            "labels-document-request",
            url("labels:document_request", "label_in_expertise.pk", "cover_sheet"),
            codes(404, {regional: 302, sees: 302, expert: 302}),
            method="post",
            check=_check_document_requested,
        ),
        Row(
            "labels:document_download",
            "labels-document-download",
            url("labels:document_download", "label_document.pk"),
            readers_and_expert,
        ),
        Row(
            "labels:obligation_detail",
            "labels-obligation-detail",
            url("labels:obligation_detail", "label_obligation.pk"),
            readers_and_expert,
        ),
        Row(
            "labels:obligation_file",
            "labels-obligation-file",
            url("labels:obligation_file", "label_obligation.pk"),
            answerers,
        ),
        Row(
            "labels:obligation_close",
            "labels-obligation-close",
            url("labels:obligation_close", "label_filed_obligation.pk"),
            reviewers,
        ),
        Row(
            "labels:obligation_report",
            "labels-obligation-report",
            url("labels:obligation_report", "label_filed_obligation.pk"),
            readers_and_expert,
        ),
        Row(
            "labels:sessions",
            "labels-sessions",
            url("labels:sessions"),
            codes(403, {regional: 200, rectorates: 200}),
        ),
        Row(
            "labels:session_create",
            "labels-session-create",
            url("labels:session_create"),
            codes(403, {regional: 200}),
        ),
        Row(
            "labels:calendar",
            "labels-calendar",
            url("labels:calendar"),
            codes(403, {regional: 200, rectorates: 200}),
        ),
        Row(
            "labels:interests",
            "labels-interests",
            url("labels:interests"),
            codes(403, {expert: 200}),
        ),
        Row(
            "labels:affiliation_delete",
            "labels-affiliation-delete",
            url("labels:affiliation_delete", "label_affiliation.pk"),
            codes(403, {expert: 302}),
            method="post",
            check=_check_affiliation_deleted,
        ),
    ]
