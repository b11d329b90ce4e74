"""Finding and opening a vault on a mirror after a fire, with the recovery phrase alone.

After the office burns, a new machine has a mirror's URL and the 24 words on paper, nothing else:
not the vault id, not a device key, not ``vault.json``. So the phrase itself must lead to the
vault. Two values are derived from its 256 random bits (BLAKE2b, each with its own
personalisation, so neither says anything about the other or about the keys the phrase unwraps):

* the *locator* (16 bytes): under which name the mirror files the vault for recovery;
* the *token* (32 bytes): the proof of knowing the phrase; the mirror keeps only its SHA-256.

With both, the mirror hands over the vault id and the *recovery-only key file*: ``vault.json``
with its passphrase slot emptied (zeros), so the copy off-site opens with the phrase and nothing
else. Uploading the full key file would let the mirror (or whoever takes it) guess the passphrase
offline at Argon2id cost; the emptied copy leaves only the phrase, which has 256 bits. The
recovery slot never changes after ``init``, so the blob is the same on every upload.

A device does not keep the phrase, so it cannot derive these values when it registers with a
mirror. It keeps them, sealed under a key derived from the data key, in ``mirrors.json``
(``roster.py``), put there once: by ``init`` (via :func:`chronika.mirror.roster.remember_recovery`)
or, for a vault made before, by ``mirror add``, which then asks for the phrase once (and so checks
that the paper copy still opens this vault before anyone relies on it).
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chronika.errors import VaultCorrupt
from chronika.vault.keyfile import VAULT_FILE
from chronika.vault.phrase import RecoveryPhrase
from chronika.vault.secret import Secret

__all__ = [
    "LOCATOR_BYTES",
    "TOKEN_BYTES",
    "RecoveryAccess",
    "RecoveryToken",
    "key_file_identity",
    "recovery_key_file",
]

LOCATOR_BYTES = 16
TOKEN_BYTES = 32
_PERSON_LOCATE = b"chronika-mlocate"
_PERSON_TOKEN = b"chronika-mtoken".ljust(16, b"\0")
_EMPTIED_FIELDS = ("salt", "nonce", "wrapped_keys", "duress_check")


class RecoveryToken(Secret):
    """Proof of knowing the recovery phrase, for a mirror's ``recover`` endpoint."""

    __slots__ = ()
    LENGTH = TOKEN_BYTES


@dataclass(frozen=True, slots=True, eq=False)
class RecoveryAccess:
    """The locator and token a recovery phrase leads to (see the module doc)."""

    locator: bytes
    token: RecoveryToken

    @classmethod
    def from_phrase(cls, phrase: RecoveryPhrase) -> RecoveryAccess:
        entropy = phrase.entropy()
        locator = hashlib.blake2b(entropy, digest_size=LOCATOR_BYTES, person=_PERSON_LOCATE).digest()
        token = hashlib.blake2b(entropy, digest_size=TOKEN_BYTES, person=_PERSON_TOKEN).digest()
        return cls(locator, RecoveryToken(token))

    def token_sha256(self) -> bytes:
        return hashlib.sha256(self.token.reveal()).digest()

    def __repr__(self) -> str:
        return f"<RecoveryAccess locator={self.locator.hex()} ***>"


def recovery_key_file(directory: Path) -> bytes:
    """``vault.json`` with the passphrase slot zeroed: the copy that travels to mirrors.

    Deterministic (same bytes on every call for a vault), so a client can tell from a hash
    whether a mirror already holds it.
    """
    path = Path(directory) / VAULT_FILE
    document = _load_document(path.read_bytes(), str(path))
    slot = document["passphrase"]
    for name in _EMPTIED_FIELDS:
        slot[name] = base64.b64encode(bytes(len(base64.b64decode(slot[name])))).decode("ascii")
    return (json.dumps(document, indent=2) + "\n").encode("utf-8")


def key_file_identity(blob: bytes) -> tuple[bytes, bytes]:
    """(vault id, signing public key) named by a key file: what a mirror checks before storing one."""
    document = _load_document(blob, "the key file")
    try:
        vault_id = bytes.fromhex(document["vault_id"])
        public_key = base64.b64decode(document["signing_public_key"], validate=True)
    except (KeyError, TypeError, ValueError):
        raise VaultCorrupt("the key file does not name a vault id and a public key") from None
    return vault_id, public_key


def _load_document(raw: bytes, name: str) -> dict[str, Any]:
    try:
        document = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise VaultCorrupt(f"{name} is not JSON") from None
    if (
        not isinstance(document, dict)
        or document.get("format") != "chronika-vault"
        or not isinstance(document.get("passphrase"), dict)
    ):
        raise VaultCorrupt(f"{name} is not a Chronika key file")
    return document
