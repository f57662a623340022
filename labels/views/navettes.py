"""Navettes: the experts write a round of numbered recommendations per criterion; the
carriers answer each; the experts mark each answer. The same pages serve an application and
an obligation of a granted label (progress report, evaluations)."""

from django import forms as django_forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.views import file_response, refused, run_action, save_form

from .. import forms, services
from ..models import NavetteRound, Recommendation
from ..services.navettes import criteria_for
from ..workflow import APPLICATION, OBLIGATION
from .common import visible_application, visible_obligation

NEW_ROWS = 6


def _subject(request, kind, pk):
    """(the application or obligation, its workflow)."""
    if kind == "candidature":
        return visible_application(request, pk), APPLICATION
    if kind == "obligation":
        return visible_obligation(request, pk), OBLIGATION
    raise Http404


def navette_new(request, kind, pk):
    subject, workflow = _subject(request, kind, pk)
    if response := refused(
        request, workflow.decide("send_navette", request.user, subject), subject
    ):
        return response
    criteria = criteria_for(subject)
    RowFormSet = django_forms.formset_factory(
        forms.RecommendationRowForm, extra=NEW_ROWS, max_num=50, validate_max=True
    )
    formset = RowFormSet(request.POST or None, prefix="r", form_kwargs={"criteria": criteria})
    form = forms.NavetteForm(request.POST or None)
    if request.method == "POST" and formset.is_valid() and form.is_valid():
        rows = [
            (row.cleaned_data["criterion"], row.cleaned_data.get("text", ""))
            for row in formset
            if row.cleaned_data
        ]
        if save_form(
            request,
            form,
            lambda: services.send_navette(
                request.user,
                subject,
                recommendations=rows,
                answers_due_on=form.cleaned_data["answers_due_on"],
            ),
        ):
            messages.success(request, _("Navette envoyée aux porteurs."))
            return redirect(subject)
    return render(
        request,
        "labels/navette_form.html",
        {"subject": subject, "formset": formset, "form": form, "criteria": criteria},
    )


def _recommendation(request, pk):
    recommendation = get_object_or_404(
        Recommendation.objects.select_related("round", "criterion"), pk=pk
    )
    navette = recommendation.round
    if navette.application_id:
        subject = visible_application(request, navette.application_id)
        workflow = APPLICATION
    else:
        subject = visible_obligation(request, navette.obligation_id)
        workflow = OBLIGATION
    return recommendation, subject, workflow


def answer(request, pk):
    recommendation, subject, workflow = _recommendation(request, pk)
    if response := refused(request, workflow.decide("answer", request.user, subject), subject):
        return response
    form = forms.AnswerForm(
        request.POST or None, request.FILES or None, initial={"answer": recommendation.answer}
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and save_form(
            request,
            form,
            lambda: services.answer_recommendation(
                request.user,
                recommendation,
                answer=form.cleaned_data["answer"],
                attachment=form.cleaned_data["attachment"],
            ),
        )
    ):
        messages.success(request, _("Réponse enregistrée."))
        return redirect(_thread_url(subject, recommendation))
    return render(
        request,
        "labels/recommendation_form.html",
        {"subject": subject, "recommendation": recommendation, "form": form, "mode": "answer"},
    )


def mark(request, pk):
    recommendation, subject, workflow = _recommendation(request, pk)
    if response := refused(request, workflow.decide("mark", request.user, subject), subject):
        return response
    form = forms.MarkForm(
        request.POST or None,
        initial={
            "treatment": recommendation.treatment,
            "comment": recommendation.treatment_comment,
        },
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and save_form(
            request,
            form,
            lambda: services.mark_answer(
                request.user,
                recommendation,
                treatment=form.cleaned_data["treatment"],
                comment=form.cleaned_data["comment"],
            ),
        )
    ):
        messages.success(request, _("Appréciation enregistrée."))
        return redirect(_thread_url(subject, recommendation))
    return render(
        request,
        "labels/recommendation_form.html",
        {"subject": subject, "recommendation": recommendation, "form": form, "mode": "mark"},
    )


def _thread_url(subject, recommendation):
    anchor = f"navette-{recommendation.round.number}-R{recommendation.number}"
    return f"{subject.get_absolute_url()}#{anchor}"


@require_POST
def send_answers(request, pk):
    navette = get_object_or_404(NavetteRound, pk=pk)
    if navette.application_id:
        subject = visible_application(request, navette.application_id)
    else:
        subject = visible_obligation(request, navette.obligation_id)
    run_action(
        request,
        lambda: services.send_answers(request.user, navette),
        _("Réponses envoyées au groupe d'experts."),
    )
    return redirect(subject)


def answer_attachment(request, pk):
    recommendation, _subject_, _workflow = _recommendation(request, pk)
    return file_response(recommendation.answer_file, content_type="application/octet-stream")
