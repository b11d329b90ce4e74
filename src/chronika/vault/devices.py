"""Devices of one vault: who may write, who vouched for them, who was revoked, and enrolment.

A vault starts with one device, the *founder*: the key ``init`` made, which the recovery phrase
restores. Every further device has its own Ed25519 key and is admitted by a **certificate**: the
signature of an already trusted device over (vault id, new device id, its public key, its name).
A **revocation** is the signature of a trusted device over (vault id, revoked device id, the last
sequence number of that device it accepts). Both are small signed statements readable without the
data key, so a mirror can check them too; both are also written into the ledger as operations
(``device.add``, ``device.revoke``), so every device's key is part of the signed history.

:func:`evaluate` turns a pile of certificates and revocations, from anywhere (the ledger, a mirror's
answer), into the trusted keys and the cut-off of each revoked device, with rules that hold
whatever order the statements arrive in:

* trust flows from the founder only: a certificate counts if its signer is trusted and not revoked;
  so revoking a device also withdraws the devices it enrolled (a stolen laptop cannot enrol a
  replacement for itself);
* any trusted device may revoke any device but the founder (whose key the recovery phrase holds:
  after a theft of the founding laptop, restore from the phrase and rotate: docs/threat-model.md);
  when two revocations name one device, the lower cut-off wins;
* a revoked device's entries up to its cut-off stay valid; any later entry is refused everywhere.

**Enrolment** hands the second laptop what it needs to join (the vault id, the data key, its new
signing seed, its certificate, the founder's key and the mirrors' addresses) in a file sealed with
XChaCha20-Poly1305 under a key stretched from a 60-bit short code by Argon2id (libsodium's
"moderate" cost) with a random salt. The code is shown on the first device and never written
anywhere; the file travels by any means. What an attacker who holds the file learns, and what it
costs to guess the code, is in docs/threat-model.md.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import msgspec
import nacl.exceptions
import nacl.pwhash
import nacl.signing

from chronika.errors import ChronikaError, EnrolmentRefused, VaultFormatTooNew
from chronika.vault.keys import KEY_BYTES, MODERATE_KDF, KdfParams, device_id_for, open_sealed, seal
from chronika.vault.secret import DataKey

__all__ = [
    "CODE_CHARS",
    "Certificate",
    "Enrolment",
    "Revocation",
    "Trust",
    "evaluate",
    "ledger_trust",
    "new_code",
    "normalise_code",
    "open_enrolment",
    "seal_enrolment",
]

_CERTIFICATE_PREFIX = b"chronika device certificate v1\n"
_REVOCATION_PREFIX = b"chronika device revocation v1\n"
_ENROLMENT_AAD = b"chronika enrolment v1|"
ENROLMENT_FORMAT = "chronika-enrolment"
ENROLMENT_VERSION = 1
MAX_NAME_CHARS = 80
#: How long an enrolment file opens: long enough to carry it to the other laptop, short enough that
#: a copy found later on a USB stick is useless.
ENROLMENT_LIFETIME_SECONDS = 24 * 3600

# Crockford's base32 (no i, l, o, u): 12 characters are 60 bits, read aloud or typed without
# confusion, shown as three groups of four.
_CODE_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
CODE_CHARS = 12
_CODE_FIXES = str.maketrans({"i": "1", "l": "1", "o": "0"})


def _verify(public_key: bytes, message: bytes, signature: bytes) -> bool:
    try:
        nacl.signing.VerifyKey(public_key).verify(message, signature)
    except (nacl.exceptions.BadSignatureError, nacl.exceptions.ValueError, TypeError):
        return False
    return True


class Certificate(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """``authorised_by`` vouches that ``public_key`` (device ``device_id``, called ``name``) may write."""

    vault_id: bytes
    device_id: bytes
    public_key: bytes
    name: str
    authorised_by: bytes
    signature: bytes

    @staticmethod
    def message(vault_id: bytes, device_id: bytes, public_key: bytes, name: str, by: bytes) -> bytes:
        return b"".join((_CERTIFICATE_PREFIX, vault_id, device_id, public_key, by, name.encode("utf-8")))

    @classmethod
    def issue(
        cls,
        signer: nacl.signing.SigningKey,
        *,
        vault_id: bytes,
        authorised_by: bytes,
        public_key: bytes,
        name: str,
    ) -> Certificate:
        name = " ".join(name.split())[:MAX_NAME_CHARS]
        device_id = device_id_for(public_key)
        message = cls.message(vault_id, device_id, public_key, name, authorised_by)
        return cls(vault_id, device_id, public_key, name, authorised_by, signer.sign(message).signature)

    def well_formed(self) -> bool:
        return (
            len(self.vault_id) == 16
            and len(self.public_key) == KEY_BYTES
            and self.device_id == device_id_for(self.public_key)
            and len(self.authorised_by) == 16
            and len(self.signature) == 64
            and len(self.name) <= MAX_NAME_CHARS
        )

    def verify(self, signer_key: bytes) -> bool:
        message = self.message(self.vault_id, self.device_id, self.public_key, self.name, self.authorised_by)
        return self.well_formed() and _verify(signer_key, message, self.signature)


class Revocation(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """``revoked_by`` withdraws ``device_id``: its entries after sequence number ``after_seq`` are refused."""

    vault_id: bytes
    device_id: bytes
    after_seq: int
    revoked_by: bytes
    signature: bytes

    @staticmethod
    def message(vault_id: bytes, device_id: bytes, after_seq: int, by: bytes) -> bytes:
        return b"".join((_REVOCATION_PREFIX, vault_id, device_id, after_seq.to_bytes(8, "big"), by))

    @classmethod
    def issue(
        cls,
        signer: nacl.signing.SigningKey,
        *,
        vault_id: bytes,
        revoked_by: bytes,
        device_id: bytes,
        after_seq: int,
    ) -> Revocation:
        message = cls.message(vault_id, device_id, after_seq, revoked_by)
        return cls(vault_id, device_id, after_seq, revoked_by, signer.sign(message).signature)

    def verify(self, signer_key: bytes) -> bool:
        if not (0 <= self.after_seq < 1 << 63 and len(self.signature) == 64):
            return False
        message = self.message(self.vault_id, self.device_id, self.after_seq, self.revoked_by)
        return _verify(signer_key, message, self.signature)


@dataclass(frozen=True, slots=True)
class Trust:
    """The result of :func:`evaluate`: who may write, and where each revoked device was cut off."""

    founder: bytes
    keys: dict[bytes, bytes]
    cutoffs: dict[bytes, int] = field(default_factory=dict)
    certificates: dict[bytes, Certificate] = field(default_factory=dict)
    revocations: dict[bytes, Revocation] = field(default_factory=dict)

    def may_write(self, device_id: bytes, seq: int) -> bool:
        cutoff = self.cutoffs.get(device_id)
        return device_id in self.keys and (cutoff is None or seq <= cutoff)

    @property
    def active(self) -> dict[bytes, bytes]:
        """Keys of devices that are not revoked."""
        return {device: key for device, key in self.keys.items() if device not in self.cutoffs}


def evaluate(
    vault_id: bytes,
    founder_key: bytes,
    certificates: Iterable[Certificate],
    revocations: Iterable[Revocation] = (),
) -> Trust:
    """Trusted keys and cut-offs from the founder's key and any certificates and revocations (see above).

    Statements of another vault, badly signed, or signed by an untrusted key are ignored; the result
    depends only on the set of statements, never on their order.
    """
    founder = device_id_for(founder_key)
    certs = [c for c in certificates if c.vault_id == vault_id and c.well_formed()]
    revs = [r for r in revocations if r.vault_id == vault_id and r.device_id != founder]
    cutoffs: dict[bytes, int] = {}
    # Revocations withdraw trust, and trust decides which revocations count: iterate to the fixed
    # point (at most one round per device, since each round can only settle more devices).
    for _ in range(len(certs) + len(revs) + 2):
        keys = {founder: founder_key}
        chosen: dict[bytes, Certificate] = {}
        grew = True
        while grew:
            grew = False
            for cert in sorted(certs, key=lambda c: (c.device_id, c.signature)):
                if cert.device_id in keys:
                    continue
                signer = keys.get(cert.authorised_by)
                if signer is not None and cert.authorised_by not in cutoffs and cert.verify(signer):
                    keys[cert.device_id] = cert.public_key
                    chosen[cert.device_id] = cert
                    grew = True
        new_cutoffs: dict[bytes, int] = {}
        counted: dict[bytes, Revocation] = {}
        for rev in revs:
            signer = keys.get(rev.revoked_by)
            if signer is None or rev.device_id not in keys or not rev.verify(signer):
                continue
            if rev.device_id not in new_cutoffs or rev.after_seq < new_cutoffs[rev.device_id]:
                new_cutoffs[rev.device_id] = rev.after_seq
                counted[rev.device_id] = rev
        if new_cutoffs == cutoffs:
            return Trust(founder, keys, cutoffs, chosen, counted)
        cutoffs = new_cutoffs
    return Trust(founder, keys, cutoffs, chosen, counted)


# -- enrolment -------------------------------------------------------------------------------------


class MirrorAddress(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    url: str
    mirror_id: str


class Enrolment(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """What the new device receives, sealed: never written anywhere in the clear."""

    vault_id: bytes
    data_key: bytes
    signing_seed: bytes
    certificate: Certificate
    founder_key: bytes
    enrolled_by: bytes
    mirrors: list[MirrorAddress]
    expires: int


class _EnrolmentFile(msgspec.Struct, forbid_unknown_fields=True):
    format: str
    version: int
    opslimit: int
    memlimit: int
    salt: bytes
    nonce: bytes
    sealed: bytes


def new_code() -> str:
    """A fresh 12-character code, shown as ``xxxx-xxxx-xxxx``."""
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(CODE_CHARS))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_CHARS, 4))


def normalise_code(text: str) -> str:
    """What a person typed, as the canonical code: case, spaces and dashes ignored; i/l read as 1, o as 0."""
    clean = "".join(text.lower().split()).replace("-", "").translate(_CODE_FIXES)
    if len(clean) != CODE_CHARS or any(ch not in _CODE_ALPHABET for ch in clean):
        raise EnrolmentRefused(
            f"an enrolment code has {CODE_CHARS} letters and digits (as shown: xxxx-xxxx-xxxx)"
        )
    return clean


def _code_key(code: str, salt: bytes, kdf: KdfParams) -> bytes:
    stretched = nacl.pwhash.argon2id.kdf(
        KEY_BYTES, normalise_code(code).encode("ascii"), salt, opslimit=kdf.opslimit, memlimit=kdf.memlimit
    )
    return hashlib.blake2b(
        stretched, digest_size=KEY_BYTES, person=b"chronika-enrol".ljust(16, b"\0")
    ).digest()


def seal_enrolment(enrolment: Enrolment, code: str, *, kdf: KdfParams = MODERATE_KDF) -> bytes:
    """The enrolment file's bytes, sealed under ``code`` (see the module doc)."""
    salt = secrets.token_bytes(nacl.pwhash.argon2id.SALTBYTES)
    associated = _ENROLMENT_AAD + salt
    nonce, sealed = seal(msgspec.msgpack.encode(enrolment), associated, _code_key(code, salt, kdf))
    document = _EnrolmentFile(
        ENROLMENT_FORMAT, ENROLMENT_VERSION, kdf.opslimit, kdf.memlimit, salt, nonce, sealed
    )
    return msgspec.json.encode(document) + b"\n"


def open_enrolment(blob: bytes, code: str, *, now: float | None = None) -> Enrolment:
    """The enrolment in ``blob``; EnrolmentRefused (one line) for a wrong code, damage or expiry."""
    code = normalise_code(code)
    try:
        document = msgspec.json.decode(blob, type=_EnrolmentFile)
    except (msgspec.ValidationError, msgspec.DecodeError):
        raise EnrolmentRefused("this is not a Chronika enrolment file (or it is damaged)") from None
    if document.format != ENROLMENT_FORMAT:
        raise EnrolmentRefused("this is not a Chronika enrolment file")
    if document.version > ENROLMENT_VERSION:
        raise VaultFormatTooNew("the enrolment file was made by a newer Chronika: upgrade")
    kdf = KdfParams(document.opslimit, document.memlimit)
    try:
        kdf.check()
    except ChronikaError:
        raise EnrolmentRefused("the enrolment file asks for key derivation parameters out of range") from None
    if len(document.salt) != nacl.pwhash.argon2id.SALTBYTES:
        raise EnrolmentRefused("the enrolment file is damaged")
    plain = open_sealed(
        document.sealed, _ENROLMENT_AAD + document.salt, document.nonce, _code_key(code, document.salt, kdf)
    )
    if plain is None:
        raise EnrolmentRefused("wrong enrolment code (or the enrolment file was altered)")
    try:
        enrolment = msgspec.msgpack.decode(plain, type=Enrolment)
    except (msgspec.ValidationError, msgspec.DecodeError):
        raise EnrolmentRefused("the enrolment file is damaged") from None
    if (now if now is not None else time.time()) > enrolment.expires:
        raise EnrolmentRefused("this enrolment has expired: make a new one with `chronika device add`")
    public_key = bytes(nacl.signing.SigningKey(enrolment.signing_seed).verify_key)
    if not hmac.compare_digest(public_key, enrolment.certificate.public_key):
        raise EnrolmentRefused("the enrolment file is damaged (its key and certificate differ)")
    return enrolment


def ledger_trust(directory: Path, data_key: DataKey, vault_id: bytes, founder_key: bytes) -> Trust:
    """:func:`evaluate` over every ``device.add`` and ``device.revoke`` in the ledger at ``directory``.

    Reads (and decrypts) every entry; the entries' own integrity is ``verify_ledger``'s to check,
    and trust here never rests on them: only on the signatures of the statements they carry.
    """
    from chronika.vault.record import DeviceAdd, DeviceRevoke, decode_payload
    from chronika.vault.segment import read_entries

    certificates: list[Certificate] = []
    revocations: list[Revocation] = []
    for entry in read_entries(directory, data_key):
        # Most entries are records: read only their tag, and decode in full the few device ones.
        if _peek_tag(entry.payload) not in ("device.add", "device.revoke"):
            continue
        op = decode_payload(entry.payload)
        if isinstance(op, DeviceAdd):
            certificates.append(op.certificate)
        elif isinstance(op, DeviceRevoke):
            revocations.append(op.revocation)
    return evaluate(vault_id, founder_key, certificates, revocations)


class _Tag(msgspec.Struct):
    op: str = ""


_tag_decoder = msgspec.msgpack.Decoder(_Tag)


def _peek_tag(payload: bytes) -> str:
    """The operation name in a payload, or "" if it cannot be read (replay then names the entry)."""
    try:
        return _tag_decoder.decode(memoryview(payload)[1:]).op
    except (msgspec.ValidationError, msgspec.DecodeError):
        return ""
