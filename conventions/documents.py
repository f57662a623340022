"""PDF documents: a convention as signed, an amendment, a consolidated text on a day.

A document is a GeneratedDocument row (status, file, checksum) keyed by a fingerprint of the
content it is made from (`source_key`): asking again for the same version finds the row
instead of rendering a second PDF, while a new signature or a new change gives a new key, hence
a new row. Rendering (Django template, then WeasyPrint) runs in Celery, queued after commit
(conventions.tasks.generate_document), and can be re-run safely: a ready document is left alone.

The wording is built here, in French, with French typography (non-breaking spaces before
« : ; ! ? » and inside guillemets) applied before the templates see it.
"""

import contextlib
import copy
import hashlib
import io
import json
import logging
import re
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from audit.models import AuditAction
from audit.services import record, snapshot
from cmq_portal.errors import ConflictError, PermissionDeniedError

from . import permissions
from .consolidation import (
    ChangeError,
    apply_amendment,
    apply_change,
    base_text,
    consolidated_text,
    prefetched,
)
from .models import (
    Amendment,
    ChangeKind,
    DocumentKind,
    DocumentStatus,
    DurationKind,
    FrameworkConvention,
    GeneratedDocument,
    NoticeReference,
    RenewalMode,
    SignatureStatus,
)

logger = logging.getLogger(__name__)

# Part of every key: changing the layout of the PDFs in a way that matters gives new versions.
LAYOUT_VERSION = "1"
TEMPLATES = {
    DocumentKind.CONVENTION: "conventions/pdf/convention.html",
    DocumentKind.AMENDMENT: "conventions/pdf/amendment.html",
    DocumentKind.CONSOLIDATED: "conventions/pdf/consolidated.html",
}
NBSP, NNBSP = "\u00a0", "\u202f"
# Passages (old + new) longer than this are quoted on lines of their own.
SHORT_QUOTE = 160
BLANK = "……………………"
STOP_WORDS = {"a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les"}
NUMBER_WORDS = dict(
    enumerate(
        ["un", "deux", "trois", "quatre", "cinq", "six"]
        + ["sept", "huit", "neuf", "dix", "onze", "douze"],
        start=1,
    )
)


# ---------------------------------------------------------------- typography and wording


def typeset(text):
    """French typography: non-breaking spaces before « : ; ! ? », inside « », after « n° »,
    in « 50 000 », « 50 % », « CP 2023-111 »; URLs and times (10:30) are left alone."""
    if not text:
        return ""
    text = str(text)
    text = re.sub(r"«[^\S\n]*", "«" + NNBSP, text)
    text = re.sub(r"[^\S\n]*»", NNBSP + "»", text)
    text = re.sub(r"(?<=\S)[^\S\n]*:(?=\s|$)", NBSP + ":", text)
    text = re.sub(r"(?<=[^\s«])[^\S\n]*([;!?])(?=\s|$|" + NNBSP + "»)", NNBSP + r"\1", text)
    text = re.sub(r"\b([Nn]°)[^\S\n]+", r"\1" + NBSP, text)
    text = re.sub(r"(?<=\d)[^\S\n]+(?=\d{3}\b)", NNBSP, text)
    text = re.sub(r"(?<=\d)[^\S\n]*(%|€)", NBSP + r"\1", text)
    return re.sub(r"\b(CP|CR)[^\S\n]+(?=\d)", r"\1" + NBSP, text)


def blocks(text):
    """A text field as typeset paragraphs (separated by blank lines)."""
    return [typeset(b.strip()) for b in re.split(r"\n\s*\n", text or "") if b.strip()]


def day(value):
    return f"{value:%d/%m/%Y}" if value else ""


def euros(value):
    if value is None:
        return ""
    with translation.override("fr"):
        amount = formats.number_format(value, 2, use_l10n=True, force_grouping=True)
    return f"{amount}{NBSP}€"


def percent(value):
    if value is None:
        return ""
    with translation.override("fr"):
        return f"{formats.number_format(value, 2, use_l10n=True)}{NBSP}%"


def in_words(number, singular, plural):
    """« trois (3) ans »; beyond twelve, digits only."""
    unit = singular if number == 1 else plural
    word = NUMBER_WORDS.get(number)
    return f"{word} ({number}) {unit}" if word else f"{number} {unit}"


def amended_by(numbers, feminine=False):
    """« (modifié par l'avenant n°1) », « (modifiée par les avenants n°1 et n°2) »."""
    if not numbers:
        return ""
    numbers = list(dict.fromkeys(numbers))
    verb = _("modifiée") if feminine else _("modifié")
    if len(numbers) == 1:
        return _("(%(verb)s par l'avenant n°%(n)s)") % {"verb": verb, "n": numbers[0]}
    listed = ", ".join(f"n°{n}" for n in numbers[:-1]) + _(" et ") + f"n°{numbers[-1]}"
    return _("(%(verb)s par les avenants %(list)s)") % {"verb": verb, "list": listed}


def duration_clause(clauses):
    kind = clauses.duration_kind
    if kind == DurationKind.FIXED_TERM:
        years = in_words(clauses.duration_years or 1, _("an"), _("ans"))
        text = _(
            "La présente convention est conclue pour une durée de %(years)s à compter de sa "
            "date de signature par la dernière des parties."
        ) % {"years": years}
    elif kind == DurationKind.ONE_YEAR_EXTENDED:
        text = _(
            "La présente convention est conclue pour une durée d'un an à compter de sa date de "
            "signature par la dernière des parties. En cas de labellisation du campus, sa durée "
            "est portée à la date d'expiration de la labellisation."
        )
    elif kind == DurationKind.UNTIL_LABEL_END:
        text = _(
            "La présente convention est conclue jusqu'à l'échéance de la labellisation du campus."
        )
    elif kind == DurationKind.LABEL_PLUS_ONE_YEAR:
        text = _(
            "La présente convention est conclue pour toute la durée de la période de "
            "labellisation du campus augmentée d'une année."
        )
    else:
        text = _("La durée de la présente convention n'est pas précisée.")
    if clauses.renewal_mode == RenewalMode.TACIT:
        text += " " + _("Elle est renouvelable par tacite reconduction.")
    elif clauses.renewal_mode == RenewalMode.EXPRESS:
        text += " " + _("Elle est renouvelable par reconduction expresse.")
    return typeset(text)


def termination_clause(clauses):
    if not clauses.notice_months:
        return typeset(_("La présente convention ne prévoit pas de préavis de dénonciation."))
    reference = (
        _("avant la fin de l'année scolaire et universitaire")
        if clauses.notice_reference == NoticeReference.SCHOOL_YEAR_END
        else _("avant la date d'échéance de la convention")
    )
    return typeset(
        _(
            "Chacune des parties peut dénoncer la présente convention %(form)s, au plus tard "
            "%(months)s %(reference)s."
        )
        % {
            "form": clauses.notice_form or _("par écrit"),
            "months": in_words(clauses.notice_months, _("mois"), _("mois")),
            "reference": reference,
        }
    )


def campus_heading(campus):
    prefix = _("Campus des métiers et des qualifications")
    name = campus.name if campus.name.startswith(prefix) else f"{prefix} {campus.name}"
    return typeset(name)


def campus_code(campus):
    """« ia » for « Intelligence artificielle », « if » for « Industrie du futur »."""
    slug = slugify(campus.short_name) or "campus"
    words = [w for w in slug.split("-") if w and w not in STOP_WORDS]
    return "".join(w[0] for w in words) if len(words) > 1 else slug


def party_line(name, representative_name, representative_title):
    """« Sorbonne Université, représenté(e) par Nathalie Drach-Temam, Présidente … »."""
    if representative_name:
        who = ", ".join(x for x in (representative_name, representative_title) if x)
        representative = _("représenté(e) par %s") % who
    elif representative_title:
        representative = _("représenté(e) par : %s") % representative_title
    else:
        representative = ""
    return {"name": typeset(name), "representative": typeset(representative)}


def _signature_blocks(parties, signatures):
    by_party = {s.party_id: s for s in signatures}
    result = []
    for party in parties:
        signature = by_party.get(party.pk)
        signed = ""
        if signature is not None:
            signatory = signature.signatory_name
            if signature.signatory_title and signatory != party.representative_name:
                signatory += f", {signature.signatory_title}"  # someone else signed
            signed = _("Signé le %(day)s à %(place)s par %(who)s") % {
                "day": day(signature.signed_on),
                "place": signature.place,
                "who": signatory,
            }
        result.append(
            {
                "party": typeset(str(party)),
                "representative_name": typeset(party.representative_name),
                "representative_title": typeset(party.representative_title),
                "signed": typeset(signed),
            }
        )
    return result


def _signing(place, signatures, effective_date, copies):
    """« Fait à …, le … » and « En N exemplaires originaux »."""
    places = {s.place for s in signatures}
    if not place and len(places) == 1:
        place = places.pop()
    return {
        "place": typeset(place) or BLANK,
        "date": day(effective_date) or BLANK,
        "copies": copies or "--",
    }


def _status_note(obj):
    if obj.status == SignatureStatus.DRAFT:
        return _("Projet – document non signé")
    if obj.status == SignatureStatus.SENT:
        return _("Document en cours de signature")
    return ""


def _articles(text, show_amendments=False):
    return [
        {
            "heading": typeset(f"{_('Article')} {a.number} – {a.title}"),
            "note": amended_by(a.changed_by) if show_amendments and not a.paragraphs else "",
            "paragraphs": [
                {
                    "label": p.label,
                    "blocks": blocks(p.text),
                    "note": amended_by(p.changed_by) if show_amendments else "",
                }
                for p in a.paragraphs
            ],
        }
        for a in text.articles
    ]


def _contributions(convention):
    return [
        {
            "party": typeset(str(c.party)),
            "amount": euros(c.max_amount_per_year),
            "share": percent(c.max_share_percent),
            "in_kind": typeset(c.in_kind),
        }
        for c in convention.contributions.all()
    ]


# ---------------------------------------------------------------- loading and keys


def _load(convention):
    """The convention with everything the documents read, fresh from the database."""
    pk = convention.pk if isinstance(convention, FrameworkConvention) else convention
    return (
        prefetched(FrameworkConvention.objects.filter(pk=pk))
        .select_related("deliberation")
        .prefetch_related(
            "contributions__party__organisation",
            "signatures",
            "amendments__signatures",
            "amendments__deliberation",
        )
        .get()
    )


def _amendment_of(convention, amendment):
    pk = amendment.pk if isinstance(amendment, Amendment) else amendment
    for candidate in convention.amendments.all():
        if candidate.pk == pk:
            return candidate
    raise ValidationError({"amendment": _("Cet avenant n'appartient pas à la convention.")})


def _signatures_key(signatures):
    return sorted(
        (s.party_id, s.signed_on, s.place, s.signatory_name, s.signatory_title) for s in signatures
    )


def _contributions_key(convention):
    return [
        (c.party_id, c.max_amount_per_year, c.max_share_percent, c.in_kind)
        for c in convention.contributions.all()
    ]


def _key_parts(kind, convention, amendment=None, as_of=None):
    parts = [LAYOUT_VERSION, kind, convention.pk, convention.campus.name]
    if kind == DocumentKind.CONVENTION:
        parts += [
            base_text(convention).fingerprint(),
            convention.status,
            convention.effective_date,
            _signatures_key(convention.signatures.all()),
            _contributions_key(convention),
            convention.signing_place,
            convention.original_copies,
        ]
    elif kind == DocumentKind.AMENDMENT:
        from .services import required_signatories

        deliberation = amendment.deliberation
        parts += [
            convention.title,
            amendment.number,
            amendment.title,
            amendment.is_historical,
            amendment.summary,
            amendment.status,
            amendment.effective_date,
            (deliberation.number, deliberation.date) if deliberation else None,
            [
                (
                    c.kind,
                    c.article_number,
                    c.paragraph_label,
                    c.old_text,
                    c.new_text,
                    c.title,
                    json.dumps(c.clause, sort_keys=True),
                    str(c.organisation) if c.organisation_id else None,
                    str(c.party) if c.party_id else None,
                )
                for c in amendment.changes.all()
            ],
            _signatures_key(amendment.signatures.all()),
            []
            if amendment.is_historical
            else [
                (p.pk, str(p), p.representative_name, p.representative_title)
                for p in required_signatories(amendment)
            ],
            convention.original_copies,
        ]
    elif kind == DocumentKind.CONSOLIDATED:
        text = consolidated_text(convention, as_of)
        parts += [
            text.fingerprint(),
            as_of,
            [(a.number, a.effective_date) for a in text.applied],
            _historical(convention, as_of),
            _contributions_key(convention),
        ]
    else:
        raise ValueError(f"Unknown document kind: {kind!r}")
    return parts


def source_key(kind, convention, amendment=None, as_of=None):
    """SHA-256 (hex) of the content a document is made from: same content, same key."""
    convention = _load(convention)
    if amendment is not None:
        amendment = _amendment_of(convention, amendment)
    return _digest(_key_parts(kind, convention, amendment, as_of))


def _digest(parts):
    return hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()


def _historical(convention, as_of):
    return [
        (a.number, a.effective_date)
        for a in convention.amendments.all()
        if a.is_historical and (a.effective_date is None or a.effective_date <= as_of)
    ]


# ---------------------------------------------------------------- requesting


def request_document(actor, *, kind, convention, amendment=None, as_of=None):
    """The document of this version (created and queued if new, re-queued if it had failed).

    Anyone who can see the convention may ask for its PDFs: they only read what they can see.
    A consolidated text without `as_of` is the text in force today.
    """
    return _request(
        actor, kind=kind, convention=convention, amendment=amendment, as_of=as_of, queue=True
    )


def _request(actor, *, kind, convention, amendment, as_of, queue):
    allowed = (
        permissions.can_manage_conventions(actor)
        or permissions.conventions_visible_to(actor).filter(pk=convention.pk).exists()
    )
    if not allowed:
        raise PermissionDeniedError(_("Vous ne pouvez pas consulter cette convention."))
    if kind not in DocumentKind.values:
        raise ValidationError({"kind": _("Type de document inconnu.")})
    convention = _load(convention)  # fresh: the key must describe the content as it is now
    if kind == DocumentKind.AMENDMENT:
        if amendment is None:
            raise ValidationError({"amendment": _("Indiquez l'avenant.")})
        amendment = _amendment_of(convention, amendment)
    else:
        amendment = None
    if kind == DocumentKind.CONSOLIDATED:
        as_of = as_of or timezone.localdate()
        if convention.status not in (SignatureStatus.SIGNED, SignatureStatus.TERMINATED):
            raise ConflictError(_("Le texte consolidé n'existe que pour une convention signée."))
    else:
        as_of = None
    key = _digest(_key_parts(kind, convention, amendment, as_of))
    with transaction.atomic():
        document, created = GeneratedDocument.objects.get_or_create(
            kind=kind,
            source_key=key,
            defaults={
                "convention": convention,
                "amendment": amendment,
                "as_of": as_of,
                "requested_by": actor if getattr(actor, "is_authenticated", False) else None,
            },
        )
        if created:
            record(
                actor,
                AuditAction.CREATE,
                document,
                after=snapshot(document),
                campus=convention.campus,
            )
        else:
            document = GeneratedDocument.objects.select_for_update().get(pk=document.pk)
            if document.status != DocumentStatus.FAILED:
                return document  # ready or on its way: asking again is a no-op
            document.status, document.error, document.attempts = DocumentStatus.PENDING, "", 0
            document.save(update_fields=["status", "error", "attempts"])
            record(
                actor,
                AuditAction.UPDATE,
                document,
                changes={"status": [DocumentStatus.FAILED, DocumentStatus.PENDING]},
                campus=convention.campus,
            )
        if queue:
            from .tasks import generate_document

            document_id = document.pk
            # Robust: once the request has committed, a broker that is down must not turn it
            # into an error page; the failure is logged.
            transaction.on_commit(lambda: generate_document.delay(document_id), robust=True)
    return document


# ---------------------------------------------------------------- rendering


def document_filename(document):
    """« convention-ia-2023-09-12.pdf », « avenant-1-ia.pdf »,
    « texte-consolide-ia-au-2024-01-01.pdf »."""
    convention = document.convention
    code = campus_code(convention.campus)
    if document.kind == DocumentKind.AMENDMENT:
        return f"avenant-{document.amendment.number}-{code}.pdf"
    if document.kind == DocumentKind.CONSOLIDATED:
        return f"texte-consolide-{code}-au-{document.as_of:%Y-%m-%d}.pdf"
    signed = convention.effective_date
    return f"convention-{code}-{signed:%Y-%m-%d}.pdf" if signed else f"convention-{code}-projet.pdf"


def _common_context(convention, kind):
    return {
        "campus_name": campus_heading(convention.campus),
        "running_campus": typeset(convention.campus.short_name),
        "running_title": DocumentKind(kind).label,
        "kind_label": DocumentKind(kind).label,
        "region_name": settings.REGION_NAME,
    }


def convention_context(convention):
    text = base_text(convention)
    parties = [p for p in convention.parties.all() if p.added_by_id is None]
    signatures = list(convention.signatures.all())
    return {
        **_common_context(convention, DocumentKind.CONVENTION),
        "document_title": typeset(convention.title),
        "status_note": _status_note(convention),
        "parties": [
            party_line(p.name, p.representative_name, p.representative_title) for p in text.parties
        ],
        "legal_references": [typeset(line) for line in text.legal_references],
        "preamble": blocks(text.preamble),
        "articles": _articles(text),
        "contributions": _contributions(convention),
        "duration": duration_clause(text.clauses),
        "termination": termination_clause(text.clauses),
        "annexes": [{"title": typeset(a.title), "blocks": blocks(a.text)} for a in text.annexes],
        "signing": _signing(
            convention.signing_place,
            signatures,
            convention.effective_date,
            convention.original_copies,
        ),
        "signature_blocks": _signature_blocks(parties, signatures),
    }


def consolidated_context(convention, as_of):
    text = consolidated_text(convention, as_of)
    base_annexes = {a.title for a in convention.annexes.all()}
    historical = _historical(convention, as_of)
    return {
        **_common_context(convention, DocumentKind.CONSOLIDATED),
        "document_title": typeset(_("Texte consolidé au %s") % day(as_of)),
        "running_title": _("Texte consolidé au %s") % day(as_of),
        "convention_title": typeset(text.title),
        "as_of": day(as_of),
        "applied": [
            typeset(_("Avenant n°%(n)s, en vigueur depuis le %(day)s"))
            % {"n": a.number, "day": day(a.effective_date)}
            for a in text.applied
        ],
        "historical": [
            typeset(_("Avenant n°%(n)s du %(day)s (antérieur au portail, non intégré)"))
            % {"n": number, "day": day(signed) or "—"}
            for number, signed in historical
        ],
        "parties": [
            {
                **party_line(p.name, p.representative_name, p.representative_title),
                "note": amended_by(p.changed_by),
            }
            for p in text.parties
        ],
        "legal_references": [typeset(line) for line in text.legal_references],
        "preamble": blocks(text.preamble),
        "articles": _articles(text, show_amendments=True),
        "contributions": _contributions(convention),
        "duration": duration_clause(text.clauses),
        "termination": termination_clause(text.clauses),
        "clauses_note": amended_by(text.clauses.changed_by, feminine=True),
        "annexes": [
            {
                "title": typeset(a.title),
                "blocks": blocks(a.text),
                "note": (
                    _("(ajoutée par l'avenant n°%s)") % a.changed_by[0]
                    if a.title not in base_annexes and a.changed_by
                    else amended_by(a.changed_by, feminine=True)
                ),
            }
            for a in text.annexes
        ],
    }


def _describe_change(change, text):
    """(heading, paragraphs) of one typed change, worded against the text it applies to."""
    kind, number = change.kind, change.article_number
    where = _("À l'article %s") % number
    if change.paragraph_label:
        where += _(", alinéa %s") % change.paragraph_label
    if kind == ChangeKind.REPLACE_PASSAGE:
        heading = _("Modification de l'article %s") % (change.paragraph_label or number)
        old, new = change.old_text.strip(), change.new_text.strip()
        if len(old) + len(new) <= SHORT_QUOTE:
            lines = [
                _("%(where)s, la partie : « %(old)s » est remplacée par : « %(new)s »%(end)s")
                % {"where": where, "old": old, "new": new, "end": _end(new)}
            ]
        else:  # long passages on their own, as in the signed amendments
            lines = [
                _("%s, la partie :") % where,
                Quote(f"« {old} »"),
                _("est remplacée par :"),
                Quote(f"« {new} »{_end(new)}"),
            ]
    elif kind == ChangeKind.REPLACE_ARTICLE:
        heading = _("Remplacement de l'article %s") % number
        title = change.title or _article_title(text, number)
        lines = [
            _(
                "L'article %(n)s est remplacé par les dispositions suivantes : « Article %(n)s – "
                "%(title)s »"
            )
            % {"n": number, "title": title},
            *[Quote(b) for b in re.split(r"\n\s*\n", change.new_text) if b.strip()],
        ]
    elif kind in (ChangeKind.CHANGE_DURATION, ChangeKind.CHANGE_TERMINATION):
        after = _after(text, change)
        if kind == ChangeKind.CHANGE_DURATION:
            heading = _("Durée de la convention")
            lines = [
                _("La clause de durée de la convention est remplacée par la suivante :"),
                duration_clause(after.clauses),
            ]
        else:
            heading = _("Dénonciation de la convention")
            lines = [
                _("La clause de dénonciation de la convention est remplacée par la suivante :"),
                termination_clause(after.clauses),
            ]
        if number and change.new_text:
            new = change.new_text.strip()
            lines += [_("%s, le texte est remplacé par :") % where, Quote(f"« {new} »{_end(new)}")]
    elif kind == ChangeKind.ADD_ANNEX:
        heading = _("Annexe à la convention")
        lines = [
            _("La convention est complétée par une annexe « %s », jointe au présent avenant.")
            % change.title
        ]
    elif kind == ChangeKind.REPLACE_ANNEX:
        heading = _("Remplacement d'une annexe")
        lines = [
            _(
                "L'annexe « %s » de la convention est remplacée par l'annexe jointe au présent "
                "avenant."
            )
            % change.title
        ]
    elif kind == ChangeKind.CHANGE_SUPPORT:
        heading = _("Changement d'établissement support")
        previous = next((p.name for p in text.parties if p.kind == "support"), "")
        new = party_line(
            str(change.organisation or ""),
            change.clause.get("representative_name", ""),
            change.clause.get("representative_title", ""),
        )
        lines = [
            _(
                "L'établissement support du campus est désormais %(new)s%(rep)s. Il se substitue "
                "à %(old)s dans l'ensemble de ses droits et obligations au titre de la "
                "convention."
            )
            % {
                "new": new["name"],
                "rep": f", {new['representative']}" if new["representative"] else "",
                "old": previous or _("l'établissement support précédent"),
            }
        ]
    elif kind == ChangeKind.ADD_PARTY:
        heading = _("Nouvelle partie")
        party = change.party
        line = party_line(str(party), party.representative_name, party.representative_title)
        rep = f", {line['representative']}" if line["representative"] else ""
        lines = [
            _("%(name)s%(rep)s devient partie à la convention.")
            % {"name": line["name"], "rep": rep}
        ]
    else:  # REMOVE_PARTY
        heading = _("Retrait d'une partie")
        lines = [_("%s cesse d'être partie à la convention.") % change.party]
    return typeset(heading), [
        {"text": typeset(line), "quote": isinstance(line, Quote)} for line in lines
    ]


class Quote(str):
    """A quoted passage, set apart (indented) in the amendment."""


def _end(quoted):
    """The full stop after a closing guillemet, unless the quotation ends a sentence itself."""
    return "" if quoted.rstrip().endswith((".", "!", "?", "…")) else "."


def _article_title(text, number):
    try:
        return text.article(number).title
    except ChangeError:
        return ""


def _after(text, change):
    """The text once `change` is applied (for the clause it sets), without touching `text`."""
    after = copy.deepcopy(text)
    with contextlib.suppress(ChangeError):
        apply_change(after, change, 0)
    return after


def amendment_context(convention, amendment):
    from .services import required_signatories

    context = {
        **_common_context(convention, DocumentKind.AMENDMENT),
        "document_title": typeset(_("Avenant n°%s") % amendment.number),
        "running_title": _("Avenant n°%s") % amendment.number,
        "convention_title": typeset(convention.title),
        "historical": amendment.is_historical,
        "status_note": "" if amendment.is_historical else _status_note(amendment),
        "date": day(amendment.effective_date),
        "summary": blocks(amendment.summary),
        "deliberation": (
            typeset(
                _("Adopté par la délibération n° %(number)s du %(day)s")
                % {
                    "number": amendment.deliberation.number,
                    "day": day(amendment.deliberation.date),
                }
            )
            if amendment.deliberation
            else ""
        ),
    }
    if amendment.is_historical:
        return context
    # The text the amendment applies to: earlier signed amendments, then its own changes in turn.
    text = base_text(convention)
    for other in convention.amendments.all():
        if (
            other.number < amendment.number
            and other.status == SignatureStatus.SIGNED
            and not other.is_historical
        ):
            apply_amendment(text, other)
    changes, annexes = [], []
    for position, change in enumerate(amendment.changes.all(), start=1):
        heading, lines = _describe_change(change, text)
        changes.append({"heading": f"1-{position} {heading}", "lines": lines})
        if change.kind in (ChangeKind.ADD_ANNEX, ChangeKind.REPLACE_ANNEX):
            annexes.append({"title": typeset(change.title), "blocks": blocks(change.new_text)})
        try:
            apply_change(text, change, amendment.number)
        except ChangeError:
            logger.warning("Amendment %s: change %s does not apply", amendment.pk, change.pk)
    parties = required_signatories(amendment)
    signatures = list(amendment.signatures.all())
    context.update(
        {
            "parties": [
                party_line(str(p), p.representative_name, p.representative_title) for p in parties
            ],
            "changes": changes,
            "annexes": annexes,
            "signing": _signing(
                "", signatures, amendment.effective_date, convention.original_copies
            ),
            "signature_blocks": _signature_blocks(parties, signatures),
        }
    )
    return context


def render_html(document):
    """The HTML of a document, from the database as it is now, and its source key."""
    convention = _load(document.convention_id)
    amendment = None
    if document.kind == DocumentKind.AMENDMENT:
        amendment = _amendment_of(convention, document.amendment_id)
        context = amendment_context(convention, amendment)
    elif document.kind == DocumentKind.CONSOLIDATED:
        context = consolidated_context(convention, document.as_of)
    else:
        context = convention_context(convention)
    key = _digest(_key_parts(document.kind, convention, amendment, document.as_of))
    return render_to_string(TEMPLATES[document.kind], context), key


def render_pdf(html):
    from weasyprint import HTML

    return HTML(string=html, base_url=None).write_pdf()


def _max_attempts():
    from .tasks import generate_document

    return generate_document.max_retries + 1


def _mark_failed(document, message):
    GeneratedDocument.objects.filter(pk=document.pk).exclude(status=DocumentStatus.READY).update(
        status=DocumentStatus.FAILED, error=message
    )
    return GeneratedDocument.objects.get(pk=document.pk).status


def generate(document_id):
    """Render one document to PDF and store it; returns its status.

    A ready document is left alone. A transient error (OSError: disk, fonts) propagates so
    that Celery retries, until the last attempt, which marks the document failed; any other
    error marks it failed at once, with a French message, and is logged.
    """
    document = (
        GeneratedDocument.objects.select_related("convention__campus", "amendment")
        .filter(pk=document_id)
        .first()
    )
    if document is None:
        logger.warning("Document %s not generated: it no longer exists.", document_id)
        return None
    if document.status == DocumentStatus.READY:
        return document.status
    GeneratedDocument.objects.filter(pk=document.pk).update(attempts=F("attempts") + 1)
    document.refresh_from_db(fields=["attempts"])
    try:
        with translation.override("fr"):
            html, key = render_html(document)
            if key != document.source_key:
                return _mark_failed(
                    document,
                    _(
                        "Le contenu a été modifié depuis la demande de ce document : "
                        "demandez-en une nouvelle version."
                    ),
                )
            pdf = render_pdf(html)
            document.file.save(document_filename(document), ContentFile(pdf), save=False)
    except OSError:
        if document.attempts < _max_attempts():
            raise  # transient: Celery retries
        logger.exception("Document %s failed after %s attempts", document.pk, document.attempts)
        return _mark_failed(
            document,
            _(
                "La génération du PDF a échoué après %(n)s tentatives (fichiers ou polices "
                "inaccessibles). Relancez-la ; si le problème persiste, contactez l'équipe de la "
                "Région."
            )
            % {"n": document.attempts},
        )
    except Exception:
        logger.exception("Document %s could not be rendered", document.pk)
        return _mark_failed(
            document,
            _(
                "La mise en page du PDF a échoué. Relancez la génération ; si le problème "
                "persiste, contactez l'équipe de la Région."
            ),
        )
    updated = (
        GeneratedDocument.objects.filter(pk=document.pk)
        .exclude(status=DocumentStatus.READY)
        .update(
            file=document.file.name,
            checksum=hashlib.sha256(pdf).hexdigest(),
            status=DocumentStatus.READY,
            error="",
            generated_at=timezone.now(),
        )
    )
    if not updated:  # another run finished first: keep its file, drop ours
        document.file.storage.delete(document.file.name)
    return DocumentStatus.READY


# ---------------------------------------------------------------- background job


def generate_deliberation_documents(job, report_progress):
    """Job handler: the PDFs of every convention and amendment a deliberation adopted (among
    those the job's owner can see), in one ZIP archive."""
    from deliberations.models import Deliberation
    from jobs.services import JobError

    deliberation_id = (job.params or {}).get("deliberation_id")
    deliberation = (
        Deliberation.objects.filter(pk=deliberation_id).first()
        if str(deliberation_id).isdigit()
        else None
    )
    if deliberation is None:
        raise JobError(_("Cette délibération n'existe pas."))
    visible = permissions.conventions_visible_to(job.owner)
    targets = [
        (DocumentKind.CONVENTION, convention, None)
        for convention in visible.filter(deliberation=deliberation).select_related("campus")
    ] + [
        (DocumentKind.AMENDMENT, amendment.convention, amendment)
        for amendment in Amendment.objects.filter(
            deliberation=deliberation, convention__in=visible.values("pk")
        )
        .select_related("convention__campus")
        .order_by("convention__campus__short_name", "number")
    ]
    if not targets:
        raise JobError(
            _(
                "La délibération %s n'a adopté aucune convention ni aucun avenant que vous "
                "pouvez consulter."
            )
            % deliberation.number
        )
    total = len(targets)
    report_progress(0, total)
    buffer, names, errors = io.BytesIO(), set(), []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for done, (kind, convention, amendment) in enumerate(targets, start=1):
            document = _request(
                job.owner,
                kind=kind,
                convention=convention,
                amendment=amendment,
                as_of=None,
                queue=False,  # rendered right here: this job already runs in a worker
            )
            try:
                generate(document.pk)
            except OSError:
                logger.exception("Document %s failed in job %s", document.pk, job.pk)
                _mark_failed(document, _("La génération du PDF a échoué : relancez-la."))
            document.refresh_from_db()
            name = document_filename(document)
            if document.status == DocumentStatus.READY:
                while name in names:
                    name = name.replace(".pdf", "-bis.pdf")
                names.add(name)
                with document.file.open("rb") as pdf:
                    archive.writestr(name, pdf.read())
            else:
                errors.append(f"{name} : {document.error}")
            report_progress(done, total)
        if errors:
            archive.writestr("erreurs.txt", "\n".join(errors) + "\n")
    if not names:
        raise JobError(_("Aucun document n'a pu être généré : %s") % " ; ".join(errors))
    number = re.sub(r"[^A-Za-z0-9-]+", "-", deliberation.number).strip("-")
    return f"documents-{number}.zip", buffer.getvalue()
