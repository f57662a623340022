"""Build conventions for tests through the services, as regional staff would."""

from datetime import date

from conventions import services
from conventions.models import (
    AmendmentChange,
    Article,
    ChangeKind,
    DurationKind,
    Paragraph,
    RenewalMode,
)
from deliberations.models import Deliberation

OLD_41 = (
    "La Région pourra verser un soutien financier d'un montant maximum de 50 000 euros pour le "
    "campus et par an et à hauteur de maximum 50% de l'ensemble des dépenses du campus, selon "
    "les conditions prévues par le règlement d'intervention n° CP 2020-519."
)


def deliberation(number="CP 2023-263", day=date(2023, 7, 5)):
    return Deliberation.objects.get_or_create(
        number=number, defaults={"body": number[:2], "date": day, "title": "Délibération"}
    )[0]


def signed_convention(actor, campus, *, signed_on=date(2021, 3, 1), **clauses):
    """A convention whose article 4, alinéa 4.1 refers to CP 2020-519, signed by every party."""
    clauses.setdefault("duration_kind", DurationKind.FIXED_TERM)
    clauses.setdefault("duration_years", 3)
    clauses.setdefault("renewal_mode", RenewalMode.TACIT)
    clauses.setdefault("notice_months", 3)
    convention = services.create_convention(
        actor, campus=campus, kind="constitutive", title=f"Convention cadre {campus}", **clauses
    )
    article = Article.objects.get(convention=convention, number=4)
    paragraph = Paragraph.objects.get(article=article, label="4.1")
    paragraph.text = OLD_41
    services.save_convention_part(actor, paragraph)
    convention.refresh_from_db()
    sign_all(actor, convention, signed_on=signed_on, sent_on=signed_on)
    return convention


def sign_all(actor, obj, *, signed_on, sent_on=None):
    services.send_for_signature(actor, obj, on=sent_on or signed_on)
    for party in services.required_signatories(obj):
        services.record_signature(
            actor,
            obj,
            party=party,
            signed_on=signed_on,
            place="Paris",
            signatory_name=party.representative_name or "Signataire",
        )
    obj.refresh_from_db()
    return obj


def amendment_to_cp_2023_111(actor, convention):
    amendment = services.create_amendment(
        actor, convention, title="Avenant n°1", deliberation=deliberation()
    )
    services.add_change(
        actor,
        amendment,
        AmendmentChange(
            kind=ChangeKind.REPLACE_PASSAGE,
            article_number=4,
            paragraph_label="4.1",
            old_text="n° CP 2020-519",
            new_text="n° CP 2023-111",
        ),
    )
    services.add_change(
        actor,
        amendment,
        AmendmentChange(kind=ChangeKind.ADD_ANNEX, title="Données de suivi", new_text="…"),
    )
    return amendment
