"""Template contexts of the two contracts: a dossier's grant agreement (« convention de
financement ») and a transfer amendment (« avenant de transfert »)."""

from django.conf import settings
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from core.formats import day, euros, long_day, percent, whole
from documents import acts
from documents.typography import BLANK, enumeration, lines, one_line, typeset

from ..models import TransferStatus
from ..services.payments import figures
from .context import interns_sentence, terms_row
from .wording import deliberation_mention

# The Region's seat, as the Region's agreements print it (seed, annexe 11). Settable for
# another Region, like REGION_NAME.
DEFAULT_REGION_ADDRESS = "2, rue Simone Veil 93400 Saint-Ouen"
# The grant agreement quotes the start of the description, not all of it (the fiche is annexed).
SUMMARY_CHARS = 600


def region_address():
    return getattr(settings, "REGION_ADDRESS", DEFAULT_REGION_ADDRESS)


# ---------------------------------------------------------------- parties and signatures


def _representative(organisation, on=None):
    if organisation is None:
        return ""
    representative = organisation.representative_on(on)
    return typeset(str(representative)) if representative else ""


def _organisation_party(organisation, *, name="", legal_status="", address="", representative=""):
    """The party as « L'organisme dénommé … dont le n° SIRET est … »: the given presentation
    first (the fiche's, frozen at the vote), the organisation's record otherwise. A missing
    SIRET is said to be missing, never made up."""
    return {
        "name": typeset(name or (organisation.legal_name if organisation else "")),
        "legal_status": typeset(
            legal_status or (organisation.get_legal_status_display() if organisation else "")
        ),
        "siret": organisation.siret if organisation and organisation.siret else "",
        "address": typeset(one_line(address or (organisation.address if organisation else ""))),
        "representative": typeset(representative) or _representative(organisation),
    }


def _original_beneficiary(dossier):
    """The organisation the agreement was made with: before any signed transfer moved the
    grant to a new beneficiary (the fiche's presentation describes that one)."""
    items = sorted(dossier.signed_transfer_items, key=lambda item: item.transfer.signed_on)
    return items[0].transfer.previous_beneficiary if items else dossier.beneficiary


def _transfer_notes(dossier):
    return [
        typeset(
            _(
                "Bénéficiaire modifié par l'avenant de transfert signé le %(day)s : le reliquat "
                "de %(remainder)s est dû à %(new)s."
            )
            % {
                "day": day(item.transfer.signed_on),
                "remainder": whole(item.remainder_transferred),
                "new": item.transfer.new_beneficiary.legal_name,
            }
        )
        for item in sorted(dossier.signed_transfer_items, key=lambda i: i.transfer.signed_on)
    ]


def _signature(party, signatory, signed_on):
    return {
        "party": typeset(party),
        "signed": (
            typeset(_("Signé le %(day)s par %(who)s") % {"day": day(signed_on), "who": signatory})
            if signed_on
            else ""
        ),
    }


# ---------------------------------------------------------------- grant agreement


def _funding_line(dossier):
    """« chapitre 932, code fonctionnel 288, programme HP288-003, action 12800302 »."""
    line = dossier.budget_line
    if line is None:
        return ""
    return typeset(
        _(
            "chapitre %(chapter)s, code fonctionnel %(function)s, nature %(nature)s, programme "
            "%(programme)s, action %(action)s (imputation %(code)s)"
        )
        % {
            "chapter": line.chapter,
            "function": line.function,
            "nature": line.nature,
            "programme": line.programme_code,
            "action": line.action,
            "code": line.code,
        }
    )


def agreement_context(dossier):
    agreement = dossier.agreement
    programme = dossier.programme
    framework = programme.framework_deliberation
    # The fiche's presentation describes the beneficiary the grant was voted to, which a
    # transfer does not change: it is the party to this agreement.
    beneficiary = _organisation_party(
        _original_beneficiary(dossier),
        name=dossier.beneficiary_name,
        legal_status=dossier.beneficiary_legal_status,
        address=dossier.beneficiary_address,
        representative=dossier.beneficiary_representative,
    )
    if agreement.is_signed:
        status_note = ""
    elif agreement.region_signed_on or agreement.beneficiary_signed_on:
        status_note = _("Document en cours de signature")
    else:
        status_note = _("Projet – document non signé")
    description = lines(dossier.description)
    return {
        "document_title": typeset(_("Convention de financement – dossier n° %s") % dossier.number),
        "region_name": settings.REGION_NAME,
        "region_address": region_address(),
        "region_siret": getattr(settings, "REGION_SIRET", ""),
        "running_left": typeset(dossier.campus.short_name),
        "running_right": typeset(_("Convention de financement n° %s") % dossier.number),
        "status_note": status_note,
        "transfer_notes": _transfer_notes(dossier),
        "programme": typeset(f"{programme.name} (n° {programme.code})"),
        "framework": deliberation_mention(framework),
        "deliberation": deliberation_mention(dossier.deliberation),
        "dossier_number": dossier.number,
        "title": typeset(dossier.title),
        "campus": typeset(dossier.campus.name),
        "beneficiary": beneficiary,
        "summary": typeset(Truncator(description[0]).chars(SUMMARY_CHARS)) if description else "",
        "terms": terms_row(dossier),
        "voted": euros(dossier.voted_amount) or "—",
        "rate": percent(dossier.rate) or "—",
        "funding_line": _funding_line(dossier),
        "envelope": typeset(dossier.envelope.label) if dossier.envelope_id else "",
        "early_start_from": (
            long_day(dossier.planned_start) if dossier.early_start and dossier.planned_start else ""
        ),
        "planned": (
            _("du %(start)s au %(end)s")
            % {"start": long_day(dossier.planned_start), "end": long_day(dossier.planned_end)}
            if dossier.planned_start and dossier.planned_end
            else ""
        ),
        "lapse_on": long_day(dossier.lapse_on),
        "interns": interns_sentence(dossier, in_agreement=True),
        "signed_on": day(agreement.signed_on),
        "signatures": [
            _signature(
                _("Pour la %(region)s") % {"region": settings.REGION_NAME},
                agreement.region_signatory,
                agreement.region_signed_on,
            ),
            _signature(
                _("Pour %(beneficiary)s") % {"beneficiary": beneficiary["name"]},
                agreement.beneficiary_signatory,
                agreement.beneficiary_signed_on,
            ),
        ],
        "blank": BLANK,
    }


# ---------------------------------------------------------------- transfer amendment


def _transferred_figures(transfer, item):
    """(paid to the initial beneficiary, remainder for the new one): as recorded at the last
    signature, or as they stand today while the amendment is a draft."""
    if transfer.status == TransferStatus.SIGNED and item.remainder_transferred is not None:
        return item.paid_to_previous, item.remainder_transferred
    current = figures(item.dossier)
    return current.paid, current.remainder


def _generated_grant_blocks(transfer):
    """Article 2 of the standard template, one sub-heading per transferred grant: only what the
    portal records (the payments made, the remainder, the deliberation of the vote)."""
    blocks = []
    for item in transfer.items.all():
        dossier = item.dossier
        paid, remainder = _transferred_figures(transfer, item)
        blocks.append(
            acts.block(acts.SUBHEADING, _("Subvention %(year)s") % {"year": dossier.reference_year})
        )
        paid_sentence = (
            _(
                "Le bénéficiaire initial a obtenu le versement d’acomptes/avance d’un montant de "
                "%(paid)s."
            )
            % {"paid": whole(paid)}
            if paid
            else _("Le bénéficiaire initial n’a obtenu aucun versement.")
        )
        voted_in = (
            _(" jointe à la délibération %(deliberation)s")
            % {"deliberation": deliberation_mention(dossier.deliberation)}
            if dossier.deliberation_id
            else ""
        )
        remainder_sentence = _(
            "Sur la base du montant et du taux initial de la subvention demeurés inchangés et "
            "présentés dans la fiche projet%(voted_in)s, le reliquat de la subvention à verser "
            "au nouveau bénéficiaire s’élève à %(remainder)s."
        ) % {"voted_in": voted_in, "remainder": whole(remainder)}
        blocks.append(acts.block(acts.PARAGRAPH, typeset(f"{paid_sentence} {remainder_sentence}")))
    return blocks


def _generated_party_blocks(organisation, designation):
    """A beneficiary as the standard template presents it; a blank stays a blank."""
    party = _organisation_party(organisation)
    party["representative"] = _representative(organisation, None)
    rows = [
        (_("L’organisme dénommé :"), party["name"]),
        (_("dont le statut juridique est :"), party["legal_status"]),
        (_("dont le n° SIRET est :"), party["siret"]),
        (_("dont le siège social est situé au :"), party["address"]),
        (_("ayant pour représentant :"), party["representative"]),
        (_("ci-après dénommée :"), designation),
    ]
    return [acts.block(acts.ITEM, f"{label} {value}".strip()) for label, value in rows]


def _default_recitals(transfer, deliberations, framework):
    """The recitals of annexe 11, from the data, when regional staff wrote none."""
    previous = transfer.previous_beneficiary.legal_name
    return [
        typeset(
            _(
                "Le règlement budgétaire et financier de la Région, applicable à tout versement "
                "de subvention par la Région, y compris celles que modifie le présent avenant,"
            )
        ),
        typeset(
            _(
                "Les termes de la délibération %(framework)s portant règlement d’intervention du "
                "dispositif « soutien aux réseaux labellisés campus des métiers et des "
                "qualifications »,"
            )
            % {"framework": framework}
        ),
        typeset(
            _(
                "Les stipulations des conventions conformes à la convention-type signées entre la "
                "Région et %(previous)s dans le cadre de l’attribution de subventions votées par "
                "les délibérations %(deliberations)s,"
            )
            % {"previous": previous, "deliberations": deliberations}
        ),
        typeset(
            _(
                "Il s’avère donc nécessaire de transférer au nouveau porteur les reliquats de "
                "subventions afin qu’il puisse poursuivre les actions engagées."
            )
        ),
    ]


def _transfer_party(organisation, designation, signed_on):
    party = _organisation_party(organisation)
    party["representative"] = _representative(organisation, signed_on)
    party["designation"] = typeset(designation)
    return party


def generated_transfer_blocks(transfer):
    """The standard template's text of a transfer made in the portal without an adopted text:
    plain numbered articles (the blocks of documents/acts.py), with only the values the portal
    records; what it does not know (a representative, the place and day) stays blank."""
    items = list(transfer.items.all())
    voted_by = sorted(
        {item.dossier.deliberation for item in items if item.dossier.deliberation_id},
        key=lambda d: (d.date, d.number),
    )
    deliberations = enumeration([deliberation_mention(d) for d in voted_by])
    years = enumeration([str(item.dossier.reference_year) for item in items])
    framework = items[0].dossier.programme.framework_deliberation if items else None
    previous, new = transfer.previous_beneficiary, transfer.new_beneficiary
    mandate = transfer.region_mandate or (
        f"{transfer.deliberation.number} du {long_day(transfer.deliberation.date)}"
        if transfer.deliberation_id
        else ""
    )
    region = settings.REGION_NAME
    blocks = [
        acts.block(acts.TITLE, _("AVENANT DE TRANSFERT DE FINANCEMENTS REGIONAUX")),
        acts.block(
            acts.TITLE,
            _("Soutien aux réseaux labellisés « Campus des métiers et des qualifications »"),
        ),
        acts.block(
            acts.TITLE,
            _("Campus des métiers et des qualifications « %(campus)s »")
            % {"campus": typeset(transfer.campus.short_name)},
        ),
        acts.block(acts.SUBHEADING, _("Présentation des parties signataires de la convention")),
        acts.block(
            acts.PARAGRAPH,
            typeset(
                _(
                    "La %(region)s dont le siège est situé au %(address)s, représentée par sa "
                    "Présidente,"
                )
                % {"region": region, "address": region_address()}
                + (" " + _("En vertu de la délibération n° %s,") % mandate if mandate else "")
                + " "
                + _("ci-après dénommée « la Région » d’une part,")
            ),
        ),
        acts.block(acts.PARAGRAPH, _("et")),
        *_generated_party_blocks(previous, typeset(previous.legal_name)),
        acts.block(acts.PARAGRAPH, _("et")),
        acts.block(acts.PARAGRAPH, _("d’autre part,")),
        *_generated_party_blocks(new, typeset(new.legal_name)),
        acts.block(acts.PARAGRAPH, _("Après avoir rappelé :")),
        *(
            acts.block(acts.PARAGRAPH, recital)
            for recital in (
                lines(transfer.reason)
                or _default_recitals(transfer, deliberations, deliberation_mention(framework))
            )
        ),
        acts.block(acts.HEADING, _("ARTICLE 1 – OBJET DE L’AVENANT")),
        acts.block(
            acts.PARAGRAPH,
            typeset(
                _(
                    "Le projet du Campus des métiers et des qualifications « %(campus)s » "
                    "initialement porté par %(previous)s est désormais porté par %(new)s, qui "
                    "s’engage à réaliser le projet dans les conditions fixées par les conventions "
                    "conclues initialement entre la Région et %(previous)s. Le présent avenant a "
                    "pour objet de modifier le bénéficiaire des subventions accordées par la "
                    "Région dans les délibérations suivantes : %(deliberations)s. Les subventions "
                    "%(years)s sont transférées à %(new)s avec l’accord des trois parties : la "
                    "Région, %(previous)s et %(new)s."
                )
                % {
                    "campus": transfer.campus.short_name,
                    "previous": previous.legal_name,
                    "new": new.legal_name,
                    "deliberations": deliberations,
                    "years": years,
                }
            ),
        ),
        acts.block(
            acts.HEADING,
            _(
                "ARTICLE 2 – ATTRIBUTION DES SOLDES DES SUBVENTIONS INITIALES AU NOUVEAU "
                "BENEFICIAIRE"
            ),
        ),
        *_generated_grant_blocks(transfer),
        acts.block(
            acts.HEADING,
            _("ARTICLE 3 – SUBSTITUTION DU NOUVEAU BENEFICIAIRE AU BENEFICIAIRE INITIAL"),
        ),
        acts.block(
            acts.PARAGRAPH,
            typeset(
                _(
                    "Dans tous les articles des conventions, le terme « bénéficiaire » "
                    "désigne %(new)s."
                )
                % {"new": new.legal_name}
            ),
        ),
        acts.block(
            acts.HEADING,
            _("ARTICLE 4 – TRANSFERT DES OBLIGATIONS DE LA CONVENTION AU NOUVEAU BENEFICIAIRE"),
        ),
        acts.block(
            acts.PARAGRAPH,
            typeset(
                _(
                    "Toutes les autres dispositions des conventions et éventuels avenants susvisés "
                    "demeurent inchangées et s’appliquent à %(new)s, qui s’engage à réaliser le "
                    "projet cité à l’article 1er du présent avenant, dont la nature reste "
                    "inchangée."
                )
                % {"new": new.legal_name}
            ),
        ),
        acts.block(acts.HEADING, _("ARTICLE 5 – DATE D’EFFET DE L’AVENANT")),
        acts.block(
            acts.PARAGRAPH,
            _(
                "Le présent avenant prendra effet à la date de signature par la dernière des "
                "parties contractantes."
            ),
        ),
        acts.block(acts.PARAGRAPH, _("Fait à %(blank)s, le %(blank)s") % {"blank": BLANK}),
        acts.signatures(
            [
                (_representative(previous, None) or BLANK, typeset(previous.legal_name)),
                (_representative(new, None) or BLANK, typeset(new.legal_name)),
                (BLANK, _("Présidente de la %(region)s") % {"region": region}),
            ]
        ),
    ]
    return blocks


def transfer_blocks(transfer):
    """(blocks, generated): the adopted text when there is one, the standard template's
    otherwise."""
    if transfer.adopted_text.strip():
        return acts.parse(transfer.adopted_text), False
    return generated_transfer_blocks(transfer), True


def transfer_context(transfer):
    blocks, generated = transfer_blocks(transfer)
    return {
        "document_title": _("Avenant de transfert de financements régionaux"),
        "running_left": typeset(transfer.campus.short_name),
        "running_right": _("Avenant de transfert"),
        "status_note": "" if transfer.status == TransferStatus.SIGNED else _("Projet – non signé"),
        "generated_note": _(
            "Texte généré à partir du modèle type : il n’est pas encore le texte adopté."
        )
        if generated
        else "",
        "blocks": blocks,
        "generated": generated,
    }
