"""Forms of the labelling's pages: they only read what was typed; the services decide (their
refusals come back on the fields, core.views.save_form)."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from campuses.models import Campus, LabelCategory, Organisation
from core.formats import french_order
from core.forms import BoundedModelChoiceField, DateInput, with_empty
from core.roles import Role

from .models import (
    Affiliation,
    ApplicationKind,
    Decision,
    ExpertiseSession,
    ExpertOpinion,
    PriorOpinion,
    Rating,
    Treatment,
)

TEXT = {"rows": 6}
LONG_TEXT = {"rows": 12}


class ApplicationForm(forms.Form):
    campus = BoundedModelChoiceField(queryset=Campus.objects.none(), label=_("Campus"))
    kind = forms.ChoiceField(choices=with_empty(ApplicationKind.choices), label=_("Objet"))
    target_category = forms.ChoiceField(
        choices=with_empty(LabelCategory.choices), label=_("Catégorie visée")
    )
    session = BoundedModelChoiceField(
        queryset=ExpertiseSession.objects.order_by("-meets_on"),
        required=False,
        label=_("Session d'expertise"),
        help_text=_("La session nationale où la candidature sera examinée (modifiable)."),
    )
    summary = forms.CharField(
        widget=forms.Textarea(attrs=LONG_TEXT),
        required=False,
        max_length=20000,
        label=_("Présentation du projet"),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, campuses=None, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["campus"]
        else:
            self.fields["campus"].queryset = campuses


class PresentationForm(forms.Form):
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 16}),
        required=False,
        max_length=20000,
        label=_("Présentation du critère"),
        help_text=_("Enregistrée automatiquement pendant la saisie."),
    )
    annex_references = forms.CharField(
        required=False,
        max_length=500,
        label=_("Annexes citées"),
        help_text=_("Par exemple : annexes 2 et 5."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class SignatureForm(forms.Form):
    signatory = forms.CharField(max_length=250, label=_("Signataire (nom et qualité)"))
    signed_on = forms.DateField(widget=DateInput, label=_("Signée le"))


class PriorOpinionForm(forms.Form):
    given_on = forms.DateField(widget=DateInput, label=_("Date de l'avis"))
    opinion = forms.ChoiceField(choices=with_empty(PriorOpinion.choices), label=_("Avis"))
    document = forms.FileField(required=False, label=_("Document (PDF)"))
    note = forms.CharField(
        widget=forms.Textarea(attrs=TEXT), required=False, max_length=20000, label=_("Observations")
    )

    def __init__(self, *args, body=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.body = body


class PdfForm(forms.Form):
    file = forms.FileField(label=_("Fichier PDF"))


class AnnexForm(forms.Form):
    title = forms.CharField(max_length=250, label=_("Intitulé de l'annexe"))
    file = forms.FileField(label=_("Fichier PDF"))


class ReasonForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs=TEXT), max_length=5000, label=_("Motifs"), required=False
    )

    def __init__(self, *args, required=False, label=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = required
        if label:
            self.fields["reason"].label = label


def experts():
    return (
        get_user_model()
        .objects.filter(role=Role.EXPERT, is_active=True)
        .order_by("last_name", "first_name")
    )


class ExpertChoiceField(BoundedModelChoiceField):
    def label_from_instance(self, user):
        return user.get_full_name() or user.username


class AssignForm(forms.Form):
    expert = ExpertChoiceField(queryset=experts(), label=_("Expert·e"))
    rapporteur = forms.BooleanField(required=False, label=_("Rapporteur·e du groupe"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expert"].queryset = experts()


class AssessmentForm(forms.Form):
    """One criterion of an expert's assessment (a formset-like page: one prefix per
    criterion)."""

    rating = forms.ChoiceField(
        choices=with_empty(Rating.choices), required=False, label=_("Appréciation")
    )
    comment = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=20000,
        label=_("Commentaire"),
    )
    recommendations = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=20000,
        label=_("Recommandations"),
    )
    excellence_rating = forms.ChoiceField(
        choices=with_empty(Rating.choices), required=False, label=_("Exigences Excellence")
    )
    excellence_comment = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=20000,
        label=_("Commentaire (Excellence)"),
    )

    def __init__(self, *args, excellence=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not excellence:
            del self.fields["excellence_rating"]
            del self.fields["excellence_comment"]


class SubmitAssessmentForm(forms.Form):
    overall_comment = forms.CharField(
        widget=forms.Textarea(attrs=TEXT),
        required=False,
        max_length=20000,
        label=_("Appréciation d'ensemble"),
    )


class RecommendationRowForm(forms.Form):
    criterion = forms.ChoiceField(label=_("Critère"))
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=20000,
        label=_("Recommandation"),
    )

    def __init__(self, *args, criteria=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["criterion"].choices = [(c.number, f"{c.number} {c.title}") for c in criteria]


class NavetteForm(forms.Form):
    answers_due_on = forms.DateField(
        widget=DateInput, required=False, label=_("Réponses attendues le")
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(
        widget=forms.Textarea(attrs=TEXT), max_length=20000, label=_("Réponse")
    )
    attachment = forms.FileField(required=False, label=_("Pièce jointe"))


class MarkForm(forms.Form):
    treatment = forms.ChoiceField(
        choices=with_empty(Treatment.choices), label=_("Prise en compte de la réponse")
    )
    comment = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=20000,
        label=_("Commentaire"),
    )


class ConsolidatedForm(forms.Form):
    rating = forms.ChoiceField(
        choices=with_empty(Rating.choices), required=False, label=_("Appréciation du groupe")
    )
    excellence_rating = forms.ChoiceField(
        choices=with_empty(Rating.choices), required=False, label=_("Exigences Excellence")
    )
    comment = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=20000,
        label=_("Synthèse"),
    )

    def __init__(self, *args, excellence=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not excellence:
            del self.fields["excellence_rating"]


class OpinionForm(forms.Form):
    opinion = forms.ChoiceField(
        choices=with_empty(ExpertOpinion.choices), label=_("Avis du groupe d'experts")
    )
    text = forms.CharField(
        widget=forms.Textarea(attrs=LONG_TEXT), max_length=20000, label=_("Motivation")
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=with_empty(Decision.choices), label=_("Décision"))
    decision_date = forms.DateField(widget=DateInput, required=False, label=_("Date de l'arrêté"))
    decision_reference = forms.CharField(
        max_length=250,
        required=False,
        label=_("Référence de l'arrêté interministériel"),
        help_text=_("Telle qu'elle figure au Journal officiel (NOR…)."),
    )
    label_start = forms.DateField(widget=DateInput, required=False, label=_("Début du label"))
    label_end = forms.DateField(widget=DateInput, required=False, label=_("Fin du label"))


class SessionForm(forms.ModelForm):
    class Meta:
        model = ExpertiseSession
        fields = ["name", "deposit_deadline", "meets_on"]
        widgets = {"deposit_deadline": DateInput, "meets_on": DateInput}


class AffiliationForm(forms.Form):
    organisation = BoundedModelChoiceField(
        queryset=Organisation.objects.order_by(french_order("legal_name")), label=_("Organisme")
    )
    relation = forms.ChoiceField(choices=with_empty(Affiliation.choices), label=_("Lien"))


class ConflictForm(forms.Form):
    campus = BoundedModelChoiceField(
        queryset=Campus.objects.order_by(french_order("short_name")), label=_("Campus")
    )
    reason = forms.CharField(max_length=300, label=_("Nature du conflit d'intérêts"))


class ObligationFileForm(forms.Form):
    file = forms.FileField(label=_("Rapport (PDF)"))
    summary = forms.CharField(
        widget=forms.Textarea(attrs=TEXT),
        required=False,
        max_length=20000,
        label=_("Synthèse du campus"),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ObligationCloseForm(forms.Form):
    review = forms.CharField(
        widget=forms.Textarea(attrs=LONG_TEXT), max_length=20000, label=_("Conclusion de l'examen")
    )
