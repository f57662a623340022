"""Deliberations of the Region (CP: commission permanente, CR: conseil régional) and the
intervention regulation they adopted. A deliberation is a past fact: the objects it adopted
(conventions, amendments, later subsidy dossiers) point to it, never the other way round."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .numbers import parse_deliberation_number


class DeliberationBody(models.TextChoices):
    CP = "CP", _("Commission permanente")
    CR = "CR", _("Conseil régional")


class Deliberation(models.Model):
    number = models.CharField(
        _("numéro"), max_length=20, unique=True, help_text=_("Par exemple « CP 2023-263 ».")
    )
    body = models.CharField(_("instance"), max_length=2, choices=DeliberationBody.choices)
    date = models.DateField(_("date"))
    title = models.CharField(_("intitulé"), max_length=500)
    report = models.TextField(_("rapport"), blank=True)

    class Meta:
        verbose_name = _("délibération")
        verbose_name_plural = _("délibérations")
        ordering = ["-date", "number"]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("deliberations:detail", args=[self.pk])

    def clean(self):
        super().clean()
        if self.number:
            from django.core.exceptions import ValidationError

            try:
                self.body, self.number = parse_deliberation_number(self.number)
            except ValidationError as error:
                raise ValidationError({"number": error.messages}) from error


class Regulation(models.Model):
    """The intervention regulation (règlement d'intervention), adopted then modified."""

    title = models.CharField(_("intitulé"), max_length=300, unique=True)

    class Meta:
        verbose_name = _("règlement d'intervention")
        verbose_name_plural = _("règlements d'intervention")

    def __str__(self):
        return self.title


class RegulationVersion(models.Model):
    regulation = models.ForeignKey(
        Regulation, on_delete=models.CASCADE, related_name="versions", verbose_name=_("règlement")
    )
    deliberation = models.OneToOneField(
        Deliberation,
        on_delete=models.PROTECT,
        related_name="regulation_version",
        verbose_name=_("délibération"),
    )

    class Meta:
        verbose_name = _("version du règlement")
        verbose_name_plural = _("versions du règlement")
        ordering = ["deliberation__date"]

    def __str__(self):
        return f"{self.regulation} ({self.deliberation})"
