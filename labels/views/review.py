"""The Region's rulings (admissibility, withdrawal, decision), the experts' assignment, their
assessments, and the group's opinion the rapporteur consolidates."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.views import form_page, refused, run_action, save_form

from .. import forms, services
from ..models import Criterion, ExpertAssignment, Rating
from ..services.experts import assessment_problems, conflict_reason, own_assignment
from ..workflow import APPLICATION
from .common import visible_application


def _anchor(application, anchor):
    return reverse("labels:detail", args=[application.pk]) + f"#{anchor}"


def _ruling(request, pk, action, run, *, title, button, success, reason_label, required):
    application = visible_application(request, pk)
    if response := refused(
        request, APPLICATION.decide(action, request.user, application), application
    ):
        return response
    return form_page(
        request,
        forms.ReasonForm(request.POST or None, required=required, label=reason_label),
        lambda data: run(request.user, application, data["reason"]),
        success=success,
        done=application.get_absolute_url(),
        template="labels/form_page.html",
        context={
            "application": application,
            "title": title,
            "button": button,
            "problems": services.admissibility_problems(application) if action == "admit" else None,
        },
    )


def admit(request, pk):
    return _ruling(
        request,
        pk,
        "admit",
        services.admit,
        title=_("Déclarer la candidature recevable"),
        button=_("Déclarer recevable"),
        success=_("Candidature recevable : désignez les expert·es."),
        reason_label=_("Observations"),
        required=False,
    )


def reject(request, pk):
    return _ruling(
        request,
        pk,
        "reject",
        services.reject,
        title=_("Déclarer la candidature irrecevable"),
        button=_("Déclarer irrecevable"),
        success=_("Candidature déclarée irrecevable."),
        reason_label=_("Motifs de l'irrecevabilité"),
        required=True,
    )


def withdraw(request, pk):
    return _ruling(
        request,
        pk,
        "withdraw",
        services.withdraw,
        title=_("Retirer la candidature"),
        button=_("Retirer la candidature"),
        success=_("Candidature retirée."),
        reason_label=_("Motif du retrait"),
        required=True,
    )


# ------------------------------------------------------------------------------- experts


def experts(request, pk):
    """Assign experts (two at least, one rapporteur): each candidate's conflicts of interest
    are computed before the choice, and the refusal says why."""
    application = visible_application(request, pk)
    decision = APPLICATION.decide("assign", request.user, application)
    if response := refused(request, decision, application):
        return response
    form = forms.AssignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if save_form(
            request,
            form,
            lambda: services.assign_expert(
                request.user, application, data["expert"], rapporteur=data["rapporteur"]
            ),
        ):
            messages.success(request, _("Expert·e désigné·e."))
            return redirect("labels:experts", pk=application.pk)
    assigned = list(application.assignments.select_related("expert"))
    assigned_ids = {a.expert_id for a in assigned}
    candidates = [
        (expert, conflict_reason(expert, application.campus))
        for expert in forms.experts()
        if expert.pk not in assigned_ids
    ]
    return render(
        request,
        "labels/experts.html",
        {
            "application": application,
            "form": form,
            "assigned": assigned,
            "candidates": candidates,
            "can_start": APPLICATION.decide("start_expertise", request.user, application).allowed,
        },
    )


@require_POST
def unassign(request, pk):
    assignment = get_object_or_404(ExpertAssignment, pk=pk)
    application = visible_application(request, assignment.application_id)
    run_action(
        request,
        lambda: services.unassign_expert(request.user, assignment),
        _("Expert·e retiré·e de la candidature."),
    )
    return redirect("labels:experts", pk=application.pk)


@require_POST
def make_rapporteur(request, pk):
    assignment = get_object_or_404(ExpertAssignment.objects.select_related("expert"), pk=pk)
    application = visible_application(request, assignment.application_id)
    run_action(
        request,
        lambda: services.set_rapporteur(request.user, application, assignment.expert),
        _("Rapporteur·e désigné·e."),
    )
    return redirect("labels:experts", pk=application.pk)


@require_POST
def start_expertise(request, pk):
    application = visible_application(request, pk)
    run_action(
        request,
        lambda: services.start_expertise(request.user, application),
        _("Expertise lancée : les expert·es désigné·es évaluent chaque critère."),
    )
    return redirect(application)


# --------------------------------------------------------------------------- assessment


def _criteria(application):
    return list(Criterion.objects.filter(version=application.criteria_version).order_by("position"))


def assessment(request, pk):
    """The expert's own assessment: every criterion on one page (rating, comment,
    recommendations; the Excellence requirements when the target is Excellence), saved as a
    draft, then submitted once complete. The others' assessments open after one's own."""
    application = visible_application(request, pk)
    decision = APPLICATION.decide("assess", request.user, application)
    if response := refused(request, decision, application):
        return response
    own = own_assignment(request.user, application)
    rows = {row.criterion_id: row for row in own.assessments.all()}
    criteria = _criteria(application)
    excellence = application.is_excellence
    editable = own.submitted_at is None
    bound = request.method == "POST" and editable
    row_forms = []
    for criterion in criteria:
        row = rows.get(criterion.pk)
        initial = {
            "rating": getattr(row, "rating", ""),
            "comment": getattr(row, "comment", ""),
            "recommendations": getattr(row, "recommendations", ""),
            "excellence_rating": getattr(row, "excellence_rating", ""),
            "excellence_comment": getattr(row, "excellence_comment", ""),
        }
        row_forms.append(
            (
                criterion,
                forms.AssessmentForm(
                    request.POST if bound else None,
                    prefix=f"c{criterion.position}",
                    initial=initial,
                    excellence=excellence and criterion.has_excellence_requirements,
                ),
            )
        )
    submit_form = forms.SubmitAssessmentForm(
        request.POST if bound else None, initial={"overall_comment": own.overall_comment}
    )
    if bound and all(form.is_valid() for _c, form in row_forms) and submit_form.is_valid():
        saved = True
        for criterion, form in row_forms:
            saved &= save_form(
                request,
                form,
                lambda criterion=criterion, data=form.cleaned_data: services.save_assessment(
                    request.user, application, criterion, **data
                ),
            )
        submitting = "submit" in request.POST
        if saved and submitting:
            if save_form(
                request,
                submit_form,
                lambda: services.submit_assessment(
                    request.user,
                    application,
                    overall_comment=submit_form.cleaned_data["overall_comment"],
                ),
            ):
                messages.success(
                    request,
                    _(
                        "Évaluation transmise : les évaluations des autres expert·es vous "
                        "sont ouvertes."
                    ),
                )
                return redirect(application)
        elif saved and save_form(
            request,
            submit_form,
            lambda: services.save_overall_comment(
                request.user, application, submit_form.cleaned_data["overall_comment"]
            ),
        ):
            messages.success(request, _("Évaluation enregistrée (brouillon)."))
            return redirect("labels:assessment", pk=application.pk)
    others = [
        row
        for row in services.assessments_visible_to(request.user, application)
        if row.assignment_id != own.pk
    ]
    return render(
        request,
        "labels/assessment_form.html",
        {
            "application": application,
            "own": own,
            "row_forms": row_forms,
            "submit_form": submit_form,
            "editable": editable,
            "problems": assessment_problems(application, own) if editable else [],
            "others": others,
        },
    )


# --------------------------------------------------------------------- group's opinion


def consolidation(request, pk):
    """The rapporteur's page: every expert's assessment side by side, the group's rating per
    criterion, then the overall opinion."""
    application = visible_application(request, pk)
    decision = APPLICATION.decide("give_opinion", request.user, application)
    if response := refused(request, decision, application):
        return response
    criteria = _criteria(application)
    current = {row.criterion_id: row for row in application.consolidated.all()}
    assessments = {}
    for row in services.assessments_visible_to(request.user, application):
        assessments.setdefault(row.criterion_id, []).append(row)
    bound = request.method == "POST"
    row_forms = [
        (
            criterion,
            forms.ConsolidatedForm(
                request.POST if bound else None,
                prefix=f"c{criterion.position}",
                initial={
                    "rating": getattr(current.get(criterion.pk), "rating", ""),
                    "excellence_rating": getattr(
                        current.get(criterion.pk), "excellence_rating", ""
                    ),
                    "comment": getattr(current.get(criterion.pk), "comment", ""),
                },
                excellence=application.is_excellence and criterion.has_excellence_requirements,
            ),
            assessments.get(criterion.pk, []),
        )
        for criterion in criteria
    ]
    opinion_form = forms.OpinionForm(
        request.POST if bound and "conclude" in request.POST else None,
        initial={"opinion": application.expert_opinion, "text": application.expert_opinion_text},
    )
    if bound:
        saved = all(form.is_valid() for _c, form, _a in row_forms)
        if saved:
            concluding = "conclude" in request.POST
            for criterion, form, _a in row_forms:
                if not concluding and not form.cleaned_data["rating"]:
                    continue  # a draft: the criteria not rated yet wait
                saved &= save_form(
                    request,
                    form,
                    lambda criterion=criterion, data=form.cleaned_data: services.save_consolidated(
                        request.user, application, criterion, **data
                    ),
                )
        if saved and "conclude" in request.POST:
            if opinion_form.is_valid() and save_form(
                request,
                opinion_form,
                lambda: services.give_opinion(
                    request.user, application, **opinion_form.cleaned_data
                ),
            ):
                messages.success(request, _("Avis du groupe d'experts rendu."))
                return redirect(application)
        elif saved:
            messages.success(request, _("Appréciations du groupe enregistrées."))
            return redirect("labels:consolidation", pk=application.pk)
    distribution = {
        criterion.pk: {
            rating: sum(1 for a in assessments.get(criterion.pk, []) if a.rating == rating)
            for rating in Rating.values
        }
        for criterion in criteria
    }
    return render(
        request,
        "labels/consolidation.html",
        {
            "application": application,
            "row_forms": row_forms,
            "opinion_form": opinion_form,
            "distribution": distribution,
            "ratings": Rating.choices,
        },
    )


# ----------------------------------------------------------------------------- decision


def decide(request, pk):
    application = visible_application(request, pk)
    if response := refused(
        request, APPLICATION.decide("decide", request.user, application), application
    ):
        return response
    return form_page(
        request,
        forms.DecisionForm(request.POST or None),
        lambda data: services.decide(request.user, application, **data),
        success=_(
            "Décision enregistrée : le registre du campus en tient compte (statut, période du "
            "label, dates des conventions)."
        ),
        done=application.get_absolute_url(),
        template="labels/form_page.html",
        context={
            "application": application,
            "title": _("Décision sur la candidature"),
            "intro": _(
                "Labellisé ou labellisé probatoire : la période du label est écrite au registre "
                "du campus (catégorie %(category)s)."
            )
            % {"category": application.get_target_category_display()},
            "button": _("Enregistrer la décision"),
        },
    )
