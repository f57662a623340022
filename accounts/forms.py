import uuid

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from campuses.models import Academy, Campus, DirectorRole
from core.formats import french_order
from core.forms import BoundedModelMultipleChoiceField, DateInput, PortalModelForm
from notifications.delivery import queue as queue_notification

from .models import Role, User
from .notifications import PASSWORD_RESET
from .permissions import can_grant_role
from .services import validate_scope


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label=_("Identifiant ou adresse e-mail"),
        max_length=254,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    error_messages = {
        "invalid_login": _(
            "Identifiant ou mot de passe incorrect. Après plusieurs échecs, le compte est "
            "bloqué pendant 15 minutes."
        ),
        "inactive": _("Ce compte est désactivé."),
    }


class AccountForm(PortalModelForm):
    """Invite a person or change their role and attachments."""

    campuses = BoundedModelMultipleChoiceField(
        queryset=Campus.objects.order_by(french_order("short_name")),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Campus dirigés"),
        help_text=_("Pour un·e directeur·rice opérationnel·le : les campus qu'il ou elle dirige."),
    )
    director_role = forms.ChoiceField(
        choices=DirectorRole.choices,
        required=False,
        label=_("Fonction au sein du campus"),
    )
    start = forms.DateField(
        required=False,
        widget=DateInput,
        label=_("Rattachement à compter du"),
        help_text=_("Aujourd'hui si vide."),
    )

    class Meta(PortalModelForm.Meta):
        model = User
        fields = [
            "first_name",
            "last_name",
            "email",
            "username",
            "job_title",
            "organisation_name",
            "role",
            "academies",
            "region_academique",
        ]
        widgets = {"academies": forms.CheckboxSelectMultiple}

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.actor = actor
        self.fields["email"].required = True
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True
        self.fields["username"].required = False
        self.fields["username"].help_text = _("Laisser vide pour reprendre le début de l'e-mail.")
        self.fields["academies"].queryset = Academy.objects.all()
        self.fields["role"].choices = [
            (value, label) for value, label in Role.choices if can_grant_role(actor, value)
        ]
        if self.instance.pk:
            self.fields["campuses"].initial = [
                d.campus_id for d in self.instance.campus_directorships.filter(end__isnull=True)
            ]

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        others = User.objects.filter(email__iexact=email).exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(_("Un compte utilise déjà cette adresse e-mail."))
        return email

    def clean(self):
        data = super().clean()
        try:
            validate_scope(
                data.get("role"),
                campuses=data.get("campuses"),
                academies=data.get("academies"),
                region_academique=data.get("region_academique"),
            )
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                self.add_error(field, messages)
        return data

    def _post_clean(self):
        if not self.instance.username and not self.cleaned_data.get("username"):
            email = self.cleaned_data.get("email") or ""
            self.cleaned_data["username"] = email.split("@")[0]
        super()._post_clean()

    def service_fields(self):
        """Keyword arguments for accounts.services.invite_user / update_user."""
        data = self.cleaned_data
        return {
            "first_name": data["first_name"],
            "last_name": data["last_name"],
            "email": data["email"],
            "username": data["username"],
            "job_title": data["job_title"],
            "organisation_name": data["organisation_name"],
            "role": data["role"],
            "region_academique": data["region_academique"],
            "academies": data["academies"],
            "campuses": data["campuses"],
            "director_role": data["director_role"] or DirectorRole.DIRECTOR,
            "start": data["start"],
        }


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's form, but the e-mail goes through the notifications kernel: composed and sent
    by a Celery task once the request has committed, never inside the request."""

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        queue_notification(PASSWORD_RESET, context["user"], request_id=uuid.uuid4().hex)


class SecondFactorForm(forms.Form):
    """A code of the TOTP application, or a recovery code."""

    code = forms.CharField(
        label=_("Code de vérification"),
        max_length=32,
        help_text=_(
            "Les 6 chiffres affichés par votre application d'authentification, ou l'un de vos "
            "codes de secours."
        ),
        widget=forms.TextInput(
            attrs={"autofocus": True, "autocomplete": "one-time-code", "inputmode": "text"}
        ),
    )


class EnrolmentForm(forms.Form):
    code = forms.CharField(
        label=_("Code affiché par l'application"),
        max_length=16,
        help_text=_("Les 6 chiffres que l'application affiche pour le portail CMQ."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
