"""Electronic seal and signatures of generated acts (PAdES, pyHanko).

The Region seals every act with a certification signature (DocMDP: further signatures and form
filling allowed), each party then signs incrementally with a one-shot certificate issued by the
portal's authority, and ``validate`` reads every signature back for the verification page.

Settings (all optional, read here with defaults): ``SIGNING_DIR`` (BASE_DIR/var/pki),
``SEAL_PKCS12_PATH``, ``SEAL_PKCS12_PASSPHRASE``, ``SIGNING_CA_PKCS12_PATH``,
``SIGNING_CA_PKCS12_PASSPHRASE``, ``SIGNATURE_TRUST_ROOTS`` (PEM paths), ``TSA_URL``.
"""

import datetime as dt
import hashlib
import io
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class SigningError(Exception):
    """Signing cannot go on: the seal or the issuing authority cannot be used (missing or
    unreadable), or the one-time code could not be e-mailed."""


# --- configuration -------------------------------------------------------------------------------


def signing_dir() -> Path:
    return Path(getattr(settings, "SIGNING_DIR", None) or Path(settings.BASE_DIR) / "var" / "pki")


def _path(name: str, default: str) -> Path:
    return Path(getattr(settings, name, None) or signing_dir() / default)


def _passphrase(name: str, default_file: str) -> bytes:
    value = getattr(settings, name, None)
    if value:
        return value.encode()
    try:
        return (signing_dir() / default_file).read_text().strip().encode()
    except OSError as exc:
        raise SigningError(
            _("La phrase secrète du certificat est introuvable (%(f)s).") % {"f": default_file}
        ) from exc


def trust_roots() -> list[Path]:
    roots = getattr(settings, "SIGNATURE_TRUST_ROOTS", None)
    return [Path(p) for p in roots] if roots else [signing_dir() / "root.pem"]


# --- demo PKI (init_signing, tests) --------------------------------------------------------------


def _name(cn: str, o: str = "Région", email: str | None = None) -> x509.Name:
    attrs = [
        x509.NameAttribute(NameOID.COUNTRY_NAME, "FR"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, o),
        x509.NameAttribute(NameOID.COMMON_NAME, cn),
    ]
    if email:
        attrs.append(x509.NameAttribute(NameOID.EMAIL_ADDRESS, email))
    return x509.Name(attrs)


def _issue(subject, key, issuer, issuer_key, *, ca: bool, days: int, issuer_cert=None):
    now = dt.datetime.now(dt.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.KeyUsage(
                digital_signature=not ca,
                content_commitment=not ca,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=ca,
                crl_sign=ca,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
    )
    if issuer_cert is not None:
        builder = builder.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_cert.public_key()),
            critical=False,
        )
    return builder.sign(issuer_key, hashes.SHA256())


def _write_p12(path: Path, pass_path: Path, name: str, key, cert, chain) -> None:
    passphrase = secrets.token_urlsafe(24)
    data = pkcs12.serialize_key_and_certificates(
        name.encode(), key, cert, chain, serialization.BestAvailableEncryption(passphrase.encode())
    )
    path.write_bytes(data)
    pass_path.write_text(passphrase)
    os.chmod(pass_path, 0o600)
    os.chmod(path, 0o600)


def create_demo_pki(directory: Path, *, force: bool = False) -> bool:
    """Create a demo root, the issuing CA and the Region's seal in ``directory``; idempotent.

    Returns True when something was created.
    """
    directory = Path(directory)
    if not force and all(
        (directory / f).exists() for f in ("root.pem", "ca.p12", "ca.pass", "seal.p12", "seal.pass")
    ):
        return False
    directory.mkdir(parents=True, exist_ok=True)
    root_key = ec.generate_private_key(ec.SECP256R1())
    root_name = _name("Autorité racine de démonstration du portail CMQ")
    root = _issue(root_name, root_key, root_name, root_key, ca=True, days=3650)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = _issue(
        _name("Autorité de signature du portail CMQ"),
        ca_key,
        root_name,
        root_key,
        ca=True,
        days=3650,
        issuer_cert=root,
    )
    seal_key = ec.generate_private_key(ec.SECP256R1())
    seal_cert = _issue(
        _name("Cachet de la Région"),
        seal_key,
        ca.subject,
        ca_key,
        ca=False,
        days=1825,
        issuer_cert=ca,
    )
    (directory / "root.pem").write_bytes(root.public_bytes(serialization.Encoding.PEM))
    _write_p12(directory / "ca.p12", directory / "ca.pass", "ca", ca_key, ca, [root])
    _write_p12(
        directory / "seal.p12", directory / "seal.pass", "seal", seal_key, seal_cert, [ca, root]
    )
    return True


# --- signing -------------------------------------------------------------------------------------


@dataclass
class _Credentials:
    """A PKCS#12 file as loaded, and what is derived from it once rather than per signature."""

    fingerprint: bytes  # of the file's content and its passphrase
    key: object
    cert: x509.Certificate
    chain: list
    _signer: object = None
    # Hex digits pyHanko reserved for the first seal's signature without a timestamp: the same
    # signer's signatures all take that room (same certificates and signed attributes; an
    # ECDSA value varies by a byte or two, inside pyHanko's 50 % margin).
    contents_size: int | None = None

    def signer(self):
        if self._signer is None:
            self._signer = _simple_signer(self.key, self.cert, self.chain)
        return self._signer


# The PKCS#12 files loaded in this process, by setting: decrypting one takes longer than a
# signature, and a worker seals document after document with the same file. An entry is
# reused only for the same content and passphrase, so that a new seal (init_signing --force,
# another SEAL_PKCS12_PATH, a new passphrase) is used from the next signature on, unrestarted.
_LOADED: dict[str, _Credentials] = {}


def _unreadable(path) -> SigningError:
    return SigningError(
        _("Le certificat %(p)s est absent ou illisible : lancez « manage.py init_signing ».")
        % {"p": path}
    )


def _load_p12(path_setting, default, pass_setting, pass_default) -> _Credentials:
    """The key and certificates of a PKCS#12 file, decrypted once per content and passphrase
    (the file is read each time: a few KB)."""
    path = _path(path_setting, default)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _unreadable(path) from exc
    passphrase = _passphrase(pass_setting, pass_default)
    fingerprint = hashlib.sha256(b"%d:%s%s" % (len(passphrase), passphrase, data)).digest()
    loaded = _LOADED.get(path_setting)
    if loaded is None or loaded.fingerprint != fingerprint:
        try:
            key, cert, chain = pkcs12.load_key_and_certificates(data, passphrase)
        except ValueError as exc:
            raise _unreadable(path) from exc
        loaded = _LOADED[path_setting] = _Credentials(fingerprint, key, cert, chain)
    return loaded


def _seal_credentials() -> _Credentials:
    return _load_p12("SEAL_PKCS12_PATH", "seal.p12", "SEAL_PKCS12_PASSPHRASE", "seal.pass")


def _timestamper():
    url = getattr(settings, "TSA_URL", "")
    if not url:
        return None
    from pyhanko.sign.timestamps import HTTPTimeStamper

    return HTTPTimeStamper(url)


def _sign(pdf_bytes: bytes, signer, meta, *, timestamper=None, bytes_reserved=None) -> bytes:
    """`bytes_reserved` None: pyHanko signs a dummy first to size the signature's room."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes), strict=False)
    out = signers.sign_pdf(
        writer, meta, signer=signer, timestamper=timestamper, bytes_reserved=bytes_reserved
    )
    return out.getvalue()


def _reserved_size(signed: bytes) -> int:
    """The hex digits reserved for the last signature of `signed` (between its byte ranges)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    last = PdfFileReader(io.BytesIO(signed), strict=False).embedded_signatures[-1]
    _start, first_length, second_start, _length = last.byte_range
    return second_start - first_length - 2  # without the string's < and >


def _simple_signer(key, cert, chain):
    from asn1crypto import keys as akeys
    from asn1crypto import x509 as ax509
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    der = lambda c: ax509.Certificate.load(c.public_bytes(serialization.Encoding.DER))  # noqa: E731
    key_der = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return signers.SimpleSigner(
        signing_cert=der(cert),
        signing_key=akeys.PrivateKeyInfo.load(key_der),
        cert_registry=SimpleCertificateStore.from_certs([der(c) for c in chain]),
    )


def seal_certificate() -> x509.Certificate:
    return _seal_credentials().cert


def seal(pdf_bytes: bytes, *, reason: str) -> bytes:
    """The Region's seal as a PAdES certification signature (further signatures allowed)."""
    from pyhanko.sign import fields, signers

    credentials = _seal_credentials()
    meta = signers.PdfSignatureMetadata(
        field_name="CachetRegion",
        reason=reason,
        name="Région",
        certify=True,
        docmdp_permissions=fields.MDPPerm.FILL_FORMS,
        subfilter=fields.SigSeedSubFilter.PADES,
    )
    timestamper = _timestamper()
    if timestamper is not None:  # a TSA's token may vary in size: pyHanko sizes every one
        return _sign(pdf_bytes, credentials.signer(), meta, timestamper=timestamper)
    signed = _sign(pdf_bytes, credentials.signer(), meta, bytes_reserved=credentials.contents_size)
    if credentials.contents_size is None:
        credentials.contents_size = _reserved_size(signed)
    return signed


def sign_for(
    pdf_bytes: bytes,
    *,
    signer_name: str,
    signer_title: str,
    organisation: str,
    email: str,
    field_name: str,
    reason: str,
    location: str,
) -> bytes:
    """Sign for one signatory with a one-shot certificate from the portal's authority."""
    from pyhanko.sign import fields, signers

    authority = _load_p12(
        "SIGNING_CA_PKCS12_PATH", "ca.p12", "SIGNING_CA_PKCS12_PASSPHRASE", "ca.pass"
    )
    ca_key, ca_cert, ca_chain = authority.key, authority.cert, authority.chain
    key = ec.generate_private_key(ec.SECP256R1())
    cert = _issue(
        _name(signer_name[:64], organisation[:64] or "-", email or None),
        key,
        ca_cert.subject,
        ca_key,
        ca=False,
        days=1,
        issuer_cert=ca_cert,
    )
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        reason=reason,
        location=location,
        name=f"{signer_name}, {signer_title}",
        subfilter=fields.SigSeedSubFilter.PADES,
    )
    signed = _sign(
        pdf_bytes, _simple_signer(key, cert, [ca_cert, *ca_chain]), meta, timestamper=_timestamper()
    )
    del key
    return signed


# --- validation ----------------------------------------------------------------------------------


@dataclass
class SignatureReport:
    field_name: str
    signer_cn: str
    signer_o: str
    signed_at: str
    time_source: str
    intact: bool
    trusted: bool
    whole_document: bool
    is_seal: bool
    valid: bool
    reasons: list[str] = field(default_factory=list)


@dataclass
class ValidationReport:
    valid: bool
    signatures: list[SignatureReport] = field(default_factory=list)
    error: str = ""


def _attr(name, oid) -> str:
    values = name.get_attributes_for_oid(oid)
    return values[0].value if values else ""


def validate(pdf_bytes: bytes) -> ValidationReport:
    """Read back every embedded signature; never raises on bad input."""
    from asn1crypto import x509 as ax509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    if not pdf_bytes.startswith(b"%PDF-"):
        return ValidationReport(valid=False, error=_("Le fichier n'est pas un PDF."))
    roots = []
    for path in trust_roots():
        try:
            roots.append(
                ax509.Certificate.load(
                    x509.load_pem_x509_certificate(path.read_bytes()).public_bytes(
                        serialization.Encoding.DER
                    )
                )
            )
        except (OSError, ValueError):
            continue
    try:
        seal_der = seal_certificate().public_bytes(serialization.Encoding.DER)
    except SigningError:
        seal_der = None
    try:
        reader = PdfFileReader(io.BytesIO(pdf_bytes), strict=False)
        embedded = list(reader.embedded_signatures)
    except Exception:  # noqa: BLE001 - any unreadable file is reported, never raised
        return ValidationReport(valid=False, error=_("Le PDF est illisible ou endommagé."))
    if not embedded:
        return ValidationReport(valid=False, error=_("Le PDF ne contient aucune signature."))
    reports = []
    for sig in embedded:
        reasons = []
        try:
            vc = ValidationContext(
                trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail"
            )
            status = validate_pdf_signature(sig, vc)
        except Exception:  # noqa: BLE001
            reports.append(
                SignatureReport(
                    sig.field_name,
                    "",
                    "",
                    "",
                    "",
                    False,
                    False,
                    False,
                    False,
                    False,
                    [_("La signature est illisible.")],
                )
            )
            continue
        cert = x509.load_der_x509_certificate(status.signing_cert.dump())
        if status.timestamp_validity is not None:
            when, source = status.timestamp_validity.timestamp, _("horodatage qualifié (TSA)")
        else:
            when, source = status.signer_reported_dt, _("heure du serveur")
        whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
        if not status.intact:
            reasons.append(
                _("Le document a été modifié après cette signature (empreinte différente).")
            )
        if not status.valid:
            reasons.append(_("La signature cryptographique est invalide."))
        if not status.trusted:
            reasons.append(
                _("Le certificat du signataire ne remonte à aucune autorité de confiance.")
            )
        if not whole and status.coverage != SignatureCoverageLevel.ENTIRE_REVISION:
            reasons.append(_("La signature ne couvre pas le document."))
        elif not whole:
            reasons.append(
                _("Le document a été complété après cette signature (révision ultérieure).")
            )
        ok = (
            status.intact
            and status.valid
            and status.trusted
            and status.coverage
            in (SignatureCoverageLevel.ENTIRE_FILE, SignatureCoverageLevel.ENTIRE_REVISION)
        )
        reports.append(
            SignatureReport(
                field_name=sig.field_name,
                signer_cn=_attr(cert.subject, NameOID.COMMON_NAME),
                signer_o=_attr(cert.subject, NameOID.ORGANIZATION_NAME),
                signed_at=when.isoformat() if when else "",
                time_source=source,
                intact=bool(status.intact),
                trusted=bool(status.trusted),
                whole_document=whole,
                is_seal=seal_der is not None
                and cert.public_bytes(serialization.Encoding.DER) == seal_der,
                valid=bool(ok),
                reasons=reasons,
            )
        )
    # A later revision is fine when it is itself signed: only the last signature must cover all.
    if reports and not reports[-1].whole_document:
        reports[-1].valid = False
    return ValidationReport(valid=all(r.valid for r in reports), signatures=reports)


# --- registry of signable acts -------------------------------------------------------------------


@dataclass
class SigningParty:
    key: str
    label: str
    signatory_name: str
    signatory_title: str
    signed: bool


@dataclass
class Signable:
    """What a domain declares about an act signed in the portal:

    - ``document_of(act)``: its ready generated (sealed) document, or None;
    - ``parties_of(act)``: its parties, as ``SigningParty`` (``signed`` when the domain has
      recorded that party's signature, in the portal or not);
    - ``may_sign(user, act, party_key)``: the domain's rule for recording that signature;
    - ``on_signed(act, party_key, user, signed_at, signatory_name, place)``: records it in the
      domain (its refusal, a domain error, rolls the signature back);
    - ``detail_url(act)``: the act's page;
    - ``may_view(user, act)``: who may read the act and download its file of record (by
      default, whoever may sign for one of its parties);
    - ``closed_reason(act)``: why the act cannot be signed now (not sent for signature,
      already in force…), in French, or "" (by default, always open).
    """

    model: type
    document_of: object
    parties_of: object
    may_sign: object
    on_signed: object
    detail_url: object
    may_view: object = None
    closed_reason: object = None

    def refusal(self, act) -> str:
        """Why ``act`` cannot be signed now, or ""."""
        from documents.models import SignedAct

        if self.closed_reason is not None and (reason := self.closed_reason(act)):
            return str(reason)
        label = act._meta.label_lower
        if (
            not SignedAct.objects.filter(act_label=label, act_id=act.pk).exists()
            and self.document_of(act) is None
        ):
            return _(
                "Le PDF de l'acte n'est pas encore généré : demandez-le depuis la page de "
                "l'acte, puis revenez signer."
            )
        return ""

    def party(self, act, key: str) -> "SigningParty | None":
        return next((p for p in self.parties_of(act) if p.key == key), None)

    def viewable(self, user, act) -> bool:
        if self.may_view is not None:
            return bool(self.may_view(user, act))
        return any(self.may_sign(user, act, p.key) for p in self.parties_of(act))


_SIGNABLES: dict[str, Signable] = {}


def register_signable(
    model,
    *,
    document_of,
    parties_of,
    may_sign,
    on_signed,
    detail_url,
    may_view=None,
    closed_reason=None,
) -> None:
    """Let a domain's act be signed in the portal (see ``Signable``)."""
    _SIGNABLES[model._meta.label_lower] = Signable(
        model, document_of, parties_of, may_sign, on_signed, detail_url, may_view, closed_reason
    )


def signable(label: str) -> Signable | None:
    return _SIGNABLES.get(label)


# --- one-time codes ------------------------------------------------------------------------------


def issue_code(user, act_label: str, act_id: int, party_key: str) -> str:
    """Create a one-time code (10 minutes), e-mail it to the user now, and return it.

    Sent at once rather than after the commit: the page then says truthfully whether it left.
    A mail server that refuses it voids the code and raises SigningError (a French message);
    a code mailed whose row is then rolled back is only refused, and another can be asked for.
    """
    import logging

    from django.contrib.auth.hashers import make_password
    from django.core.mail import send_mail
    from django.utils import timezone

    from documents.models import SigningCode

    code = f"{secrets.randbelow(10**6):06d}"
    SigningCode.objects.filter(
        user=user, act_label=act_label, act_id=act_id, party_key=party_key, used_at__isnull=True
    ).update(used_at=timezone.now())
    issued = SigningCode.objects.create(
        user=user,
        act_label=act_label,
        act_id=act_id,
        party_key=party_key,
        code_hash=make_password(code),
        expires_at=timezone.now() + dt.timedelta(minutes=SigningCode.LIFETIME_MINUTES),
    )
    subject = _("Votre code de signature")
    body = _(
        "Bonjour,\n\nVotre code pour signer l'acte dans le portail : %(code)s\n"
        "Il est valable %(minutes)s minutes et ne sert qu'une fois.\n"
    ) % {"code": code, "minutes": SigningCode.LIFETIME_MINUTES}
    try:
        send_mail(subject, body, None, [user.email])
    except OSError as error:  # SMTP refusals and connection errors
        logging.getLogger(__name__).exception("Signing code not sent to %s", user.email)
        issued.used_at = timezone.now()
        issued.save(update_fields=["used_at"])
        raise SigningError(
            _(
                "Le code n'a pas pu être envoyé (messagerie indisponible) : "
                "réessayez dans quelques minutes."
            )
        ) from error
    return code


def check_code(user, act_label: str, act_id: int, party_key: str, code: str) -> str:
    """Consume the code; returns "" when accepted, else the French reason (attempts counted)."""
    from django.contrib.auth.hashers import check_password
    from django.utils import timezone

    from documents.models import SigningCode

    row = (
        SigningCode.objects.select_for_update()
        .filter(user=user, act_label=act_label, act_id=act_id, party_key=party_key)
        .order_by("-created_at", "-pk")
        .first()
    )
    if row is None or row.used_at is not None:
        return _("Aucun code valide : demandez un nouveau code.")
    if row.expires_at <= timezone.now():
        return _("Ce code a expiré : demandez un nouveau code.")
    if row.attempts >= SigningCode.MAX_ATTEMPTS:
        return _("Trop d'essais : demandez un nouveau code.")
    if not check_password((code or "").strip(), row.code_hash):
        row.attempts += 1
        row.save(update_fields=["attempts"])
        return _("Code incorrect.")
    row.used_at = timezone.now()
    row.save(update_fields=["used_at"])
    return ""


# --- signing an act in the portal ----------------------------------------------------------------


def _locked_record(act, party: SigningParty):
    """Lock the act, refuse a party that already signed it, and return (entry, file of record
    (unsaved when new), its current bytes). To be called inside a transaction."""
    from documents.models import SignatureEvent, SignedAct

    entry = signable(act._meta.label_lower)
    if entry is None:
        raise SigningError(_("Cet acte ne se signe pas dans le portail."))
    label = act._meta.label_lower
    # Lock the act itself, not its file of record: the first two signatures of an act
    # would otherwise both find no file row to lock, and one would be lost.
    type(act).objects.select_for_update().filter(pk=act.pk).first()
    record = SignedAct.objects.filter(act_label=label, act_id=act.pk).first()
    if (
        record is not None
        and SignatureEvent.objects.filter(signed_act=record, party_key=party.key).exists()
    ):
        raise SigningError(_("Cette partie a déjà signé l'acte."))
    if record is None:
        document = entry.document_of(act)
        if document is None:
            raise SigningError(_("Le document de l'acte n'est pas encore généré."))
        with document.file.open("rb") as handle:
            current = handle.read()
        record = SignedAct(act_label=label, act_id=act.pk, sha256="")
    else:
        with record.file.open("rb") as handle:
            current = handle.read()
    return entry, record, current


def _store(
    act, entry, record, party, data, *, method, user, place, ip, user_agent, report, signatory
):
    """The domain records the signature first (its refusal leaves no file behind), then the
    new file of record and the event. ``signatory`` is the person whose name the signature
    bears."""
    import hashlib

    from django.core.files.base import ContentFile
    from django.utils import timezone

    from documents.models import SignatureEvent

    now = timezone.now()
    entry.on_signed(act, party.key, user, now, signatory, place)
    digest = hashlib.sha256(data).hexdigest()
    record.sha256 = digest
    name = f"{record.act_label.replace('.', '-')}-{act.pk}.pdf"
    record.file.save(name, ContentFile(data), save=False)
    record.save()
    return SignatureEvent.objects.create(
        signed_act=record,
        party_key=party.key,
        party_label=party.label,
        signatory_name=signatory,
        user=user,
        method=method,
        signed_at=now,
        ip=ip or None,
        user_agent=user_agent[:500],
        report=_report_dict(report),
        sha256=digest,
    )


def portal_signatory(user, party: SigningParty) -> str:
    """The name a portal signature bears: the signing user's own (their full name, else their
    username)."""
    return (user.get_full_name() or "").strip() or user.get_username()


def signature_reason(signer: str, party: SigningParty) -> str:
    """The reason written in the signature: for which party, and by delegation when the person
    signing is not the party's signatory."""
    if _same_name(signer, party.signatory_name):
        return _("Signature pour %(party)s") % {"party": party.label}
    return _("Signature pour %(party)s : pour %(signatory)s et par délégation") % {
        "party": party.label,
        "signatory": party.signatory_name,
    }


def sign_act(act, party: SigningParty, *, user, organisation, email, place, ip="", user_agent=""):
    """Add ``party``'s signature to the act's file of record, under a row lock; returns the event.

    The file of record is created from the act's ready generated (sealed) document on the first
    signature. Calls the domain's ``on_signed`` in the same transaction.
    """
    from django.db import transaction

    from documents.models import SignatureMethod

    with transaction.atomic():
        entry, record, current = _locked_record(act, party)
        # The certificate names the person the code authenticated, never someone else: a
        # regional officer signing for the President signs in their own name, by delegation.
        signer = portal_signatory(user, party)
        signed = sign_for(
            current,
            signer_name=signer,
            signer_title=party.signatory_title if _same_name(signer, party.signatory_name) else "",
            organisation=organisation,
            email=email,
            field_name=f"Signature-{party.key}",
            reason=signature_reason(signer, party),
            location=place,
        )
        return _store(
            act,
            entry,
            record,
            party,
            signed,
            method=SignatureMethod.PORTAL,
            user=user,
            place=place,
            ip=ip,
            user_agent=user_agent,
            report=validate(signed),
            signatory=signer,
        )


def _same_name(a: str, b: str) -> bool:
    """Names compared as people write them: case, accents and spacing aside."""
    import unicodedata

    def norm(value):
        value = unicodedata.normalize("NFKD", value or "")
        value = "".join(c for c in value if not unicodedata.combining(c))
        return " ".join(value.replace("’", "'").casefold().split())

    return bool(norm(a)) and norm(a) == norm(b)


def upload_refusal(current: bytes, uploaded: bytes, party: SigningParty) -> tuple[str, object]:
    """Why an uploaded signed PDF cannot be ``party``'s signature of the act whose file of
    record is ``current`` ("" when it can), with the validation report of the upload."""
    report = validate(uploaded)
    if report.error:
        return report.error, report
    for sig in report.signatures:
        if not sig.valid:
            who = sig.signer_cn or sig.field_name
            return (
                _("La signature de %(who)s ne se vérifie pas : %(reasons)s")
                % {"who": who, "reasons": " ".join(sig.reasons)},
                report,
            )
    # The upload must be the act as the portal issued it, completed: every earlier revision
    # (the seal, the signatures already given) kept byte for byte.
    if not uploaded.startswith(current) or len(uploaded) == len(current):
        return (
            _(
                "Ce fichier n'est pas l'acte du portail complété d'une signature : signez le "
                "fichier téléchargé depuis le portail, sans le modifier ni l'imprimer."
            ),
            report,
        )
    before = validate(current)
    added = report.signatures[len(before.signatures) :]
    if not any(_same_name(sig.signer_cn, party.signatory_name) for sig in added):
        names = ", ".join(sig.signer_cn for sig in added if sig.signer_cn) or "—"
        return (
            ngettext(
                "Le fichier n'est pas signé par le signataire de %(party)s (%(name)s) : "
                "signature ajoutée par %(names)s.",
                "Le fichier n'est pas signé par le signataire de %(party)s (%(name)s) : "
                "signatures ajoutées par %(names)s.",
                len(added),
            )
            % {"party": party.label, "name": party.signatory_name, "names": names},
            report,
        )
    return "", report


def accept_signed_upload(
    act, party: SigningParty, *, user, pdf_bytes, place="", ip="", user_agent=""
):
    """Take a PDF signed elsewhere (a parapheur, another platform) as ``party``'s signature.

    Every signature in it must validate (integrity, chain to the trust roots), the file must be
    the current file of record with revisions added, and one added signature must be the
    party's signatory's. Refused with the French reason (SigningError); else stored as the
    file of record, recorded (method upload) and passed to the domain's ``on_signed`` — under
    the same lock and in the same transaction as ``sign_act``.
    """
    from django.db import transaction

    from documents.models import SignatureMethod

    with transaction.atomic():
        entry, record, current = _locked_record(act, party)
        reason, report = upload_refusal(current, pdf_bytes, party)
        if reason:
            raise SigningError(reason)
        return _store(
            act,
            entry,
            record,
            party,
            pdf_bytes,
            method=SignatureMethod.UPLOAD,
            user=user,
            place=place,
            ip=ip,
            user_agent=user_agent,
            report=report,
            signatory=party.signatory_name,
        )


def _report_dict(report: ValidationReport) -> dict:
    from dataclasses import asdict

    return asdict(report)
