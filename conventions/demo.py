"""Demo conventions and amendments of CP 2023-263 (conventions/demo_data.py), loaded through the
services so that the demo follows the same rules as real use: the conventions are created,
sent and signed; the six 2023 amendments are drafted with their typed changes (a passage that
is not in the text would be refused), sent and signed.

The seed documents are unsigned (« Fait à …, le … »): signature dates are assumed (see
SIGNATURE_DATES and the README). Idempotent: a convention already present for a campus with
the same title is left as it is.
"""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction

from campuses.models import Campus, Organisation
from deliberations.models import Deliberation, Regulation, RegulationVersion
from deliberations.numbers import parse_deliberation_number

from . import acts, demo_data, services
from .acts.services import record_adopted_text
from .models import (
    AmendmentChange,
    Annex,
    Article,
    Contribution,
    ConventionParty,
    FrameworkConvention,
    Paragraph,
    RenewalMode,
)

# Assumed dates (the seeds are unsigned). Originals of the six amended campuses: signed when
# the campus entered its current phase; 2023 documents: a few weeks after CP 2023-263.
ORIGINAL_SIGNED_ON = {
    "ia": date(2022, 3, 15),
    "icm": date(2021, 6, 14),
    "sante": date(2021, 6, 14),
    "securite": date(2021, 3, 22),
    "tnec": date(2021, 3, 22),
    "energie": date(2022, 3, 15),
}
SENT_2023 = date(2023, 7, 17)
SIGNED_2023 = date(2023, 9, 28)
# Sécurité's and TNEC's amendment n°1 pre-date the portal; their date is not in the seeds.
HISTORICAL_SIGNED_ON = date(2022, 6, 1)


def _deliberations():
    by_number = {}
    for data in demo_data.DELIBERATIONS:
        body, number = parse_deliberation_number(data["number"])
        deliberation, _created = Deliberation.objects.update_or_create(
            number=number,
            defaults={
                "body": body,
                "date": data["date"],
                "title": data["title"][:500],
                "report": data.get("report", ""),
            },
        )
        by_number[number] = deliberation
    regulation, _created = Regulation.objects.get_or_create(title=demo_data.REGULATION["title"])
    versions = {}
    for number in demo_data.REGULATION["versions"]:
        deliberation = by_number[parse_deliberation_number(number)[1]]
        versions[deliberation.number], _created = RegulationVersion.objects.get_or_create(
            regulation=regulation, deliberation=deliberation
        )
    return by_number, versions


def _deliberation(by_number, number):
    return by_number[parse_deliberation_number(number)[1]] if number else None


def _clause_fields(data):
    duration = data["duration"]
    termination = data.get("termination") or {}
    return {
        "duration_kind": duration["kind"],
        "duration_years": duration.get("years"),
        "renewal_mode": duration.get("renewal") or RenewalMode.NONE,
        "notice_months": termination.get("notice_months"),
        "notice_reference": termination.get("counts_from") or "convention_end",
        "notice_form": (termination.get("form") or "")[:200],
    }


def _write_text(convention, data, organisations):
    """Parties, articles, contributions and annexes of the demo convention (draft state)."""
    parties = []
    for position, party in enumerate(data["parties"], start=1):
        parties.append(
            ConventionParty.objects.create(
                convention=convention,
                position=position,
                kind=party["kind"],
                organisation=organisations.get(party.get("organisation")),
                authority=party.get("authority") or "",
                representative_name=party.get("representative_name", "")[:200],
                representative_title=party.get("representative_title", "")[:300],
            )
        )
    for article_data in data["articles"]:
        article = Article.objects.create(
            convention=convention, number=article_data["number"], title=article_data["title"][:300]
        )
        Paragraph.objects.bulk_create(
            Paragraph(article=article, position=position, label=p["label"], text=p["text"])
            for position, p in enumerate(article_data["paragraphs"], start=1)
        )
    return parties


def _contributions(convention, data, parties, versions):
    for item in data.get("contributions", []):
        regulation = item.get("regulation")
        Contribution.objects.create(
            convention=convention,
            party=parties[item["party"]],
            max_amount_per_year=item.get("max_amount_per_year"),
            max_share_percent=item.get("max_share_percent"),
            in_kind=item.get("in_kind", ""),
            regulation_version=(
                versions.get(parse_deliberation_number(regulation)[1]) if regulation else None
            ),
        )
    if data.get("followup_annex"):
        Annex.objects.create(
            convention=convention,
            position=1,
            title=demo_data.FOLLOWUP_ANNEX_TITLE,
            text=demo_data.FOLLOWUP_ANNEX_TEXT,
        )


def _sign(actor, obj, *, sent_on, signed_on, place="Paris"):
    """Every required party signs, a few days apart; the last one on `signed_on`."""
    services.send_for_signature(actor, obj, on=sent_on)
    parties = services.required_signatories(obj)
    for offset, party in enumerate(parties):
        services.record_signature(
            actor,
            obj,
            party=party,
            # Parties sign on different days; the last signature gives the effective date.
            signed_on=signed_on - timedelta(days=3 * (len(parties) - 1 - offset)),
            place=place,
            signatory_name=party.representative_name or str(party),
            signatory_title=party.representative_title,
        )


def _change(data, organisations):
    clause = dict(data.get("duration") or data.get("termination") or {})
    renamed = {"kind": "duration_kind", "years": "duration_years", "renewal": "renewal_mode"}
    if "termination" in data:
        renamed = {"counts_from": "notice_reference", "form": "notice_form"}
    clause = {renamed.get(k, k): v for k, v in clause.items() if k != "text"}
    return AmendmentChange(
        kind=data["kind"],
        article_number=data.get("article"),
        paragraph_label=data.get("paragraph", ""),
        old_text=data.get("old", ""),
        new_text=data.get("new", "") or data.get("text", ""),
        title=data.get("title", ""),
        clause=clause,
        organisation=organisations.get(data.get("organisation")),
    )


def _amendments(actor, convention, data, by_number, organisations):
    for amendment_data in data.get("amendments", []):
        if amendment_data.get("historical"):
            services.record_historical_amendment(
                actor,
                convention,
                number=amendment_data["number"],
                signed_on=amendment_data.get("date") or HISTORICAL_SIGNED_ON,
                summary=amendment_data.get("summary", ""),
            )
            continue
        amendment = services.create_amendment(
            actor,
            convention,
            title=amendment_data["title"][:300],
            deliberation=_deliberation(by_number, amendment_data.get("deliberation")),
        )
        text_of_record = acts.AMENDMENTS.get((data["campus"], amendment.number))
        if text_of_record:  # annexes 2 to 7 of CP 2023-263, as adopted
            amendment = record_adopted_text(actor, amendment, acts.read(text_of_record))
        for change in amendment_data["changes"]:
            if change["kind"] == "add_annex" and not change.get("new"):
                change = {**change, "new": demo_data.FOLLOWUP_ANNEX_TEXT}
            services.add_change(actor, amendment, _change(change, organisations))
        _sign(actor, amendment, sent_on=SENT_2023, signed_on=SIGNED_2023)


def _load_one(actor, data, campus, by_number, versions, organisations):
    convention = services.create_convention(
        actor,
        campus=campus,
        kind=data["kind"],
        title=data["title"][:300],
        deliberation=_deliberation(by_number, data.get("deliberation")),
        **_clause_fields(data),
    )
    # The template's articles and parties give way to the documents' own.
    convention.articles.all().delete()
    convention.parties.all().delete()
    FrameworkConvention.objects.filter(pk=convention.pk).update(
        legal_references="\n".join(data.get("legal_references", [])),
        preamble=data.get("preamble", ""),
        seat=data.get("seat", ""),
        original_copies=data.get("original_copies"),
        signing_place="Paris",
    )
    if data["campus"] in acts.CONVENTIONS:
        # The three conventions of CP 2023-263 as adopted (annexes 8 to 10); the reconstructed
        # originals have no text of record in the seeds.
        convention = record_adopted_text(
            actor, convention, acts.read(acts.CONVENTIONS[data["campus"]])
        )
    parties = _write_text(convention, data, organisations)
    _contributions(convention, data, parties, versions)
    convention.refresh_from_db()
    if data.get("reconstructed"):
        signed_on = ORIGINAL_SIGNED_ON[data["campus"]]
        _sign(actor, convention, sent_on=signed_on - timedelta(days=30), signed_on=signed_on)
    else:
        _sign(actor, convention, sent_on=SENT_2023, signed_on=SIGNED_2023)
    _amendments(actor, convention, data, by_number, organisations)
    return convention


def _campus(key):
    from campuses.demo import DIRECTOR_ACCOUNTS

    return Campus.objects.get(
        directors__user__username=DIRECTOR_ACCOUNTS[key], directors__end__isnull=True
    )


@transaction.atomic
def load_demo():
    actor = get_user_model().objects.get(username="region")
    by_number, versions = _deliberations()
    organisations = {
        key: Organisation.objects.get(legal_name=org["legal_name"])
        for key, org in ((o["key"], o) for o in _organisation_data())
    }
    conventions = []
    for data in demo_data.CONVENTIONS:
        campus = _campus(data["campus"])
        existing = FrameworkConvention.objects.filter(campus=campus, title=data["title"][:300])
        if existing.exists():
            conventions.append(existing.get())
            continue
        conventions.append(_load_one(actor, data, campus, by_number, versions, organisations))
    return conventions


def _organisation_data():
    from campuses import demo_data as campus_demo_data

    return campus_demo_data.ORGANISATIONS


def generate_documents():
    """Generate, in this process, the PDFs of every demo convention, of its non-historical
    amendments and of its consolidated text today. Returns the number of ready documents."""
    from django.utils import timezone

    from documents.models import DocumentStatus

    from .documents import generate, request_document
    from .models import DocumentKind

    actor = get_user_model().objects.get(username="region")
    ready = 0
    for convention in FrameworkConvention.objects.prefetch_related("amendments"):
        requests = [
            {"kind": DocumentKind.CONVENTION},
            {"kind": DocumentKind.CONSOLIDATED, "as_of": timezone.localdate()},
            *(
                {"kind": DocumentKind.AMENDMENT, "amendment": amendment}
                for amendment in convention.amendments.all()
                if not amendment.is_historical
            ),
        ]
        for request in requests:
            document = request_document(actor, convention=convention, **request)
            if generate(document.pk) == DocumentStatus.READY:
                ready += 1
    return ready
