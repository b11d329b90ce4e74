"""Key material: the data key, the device signing key, and the derivations that guard them.

Two secrets protect everything: a random 32-byte *data key* (encrypts every ledger payload) and this
device's Ed25519 *signing seed* (signs every checkpoint). They are never stored in the clear: the
key file (``keyfile.py``) holds two wrapped copies of ``data key || signing seed``, each sealed with
XChaCha20-Poly1305 under a different key-encryption key:

* passphrase: key = BLAKE2b(Argon2id(passphrase, salt), "wrap"), Argon2id at libsodium's moderate
  limits (about 0.6 s and 256 MiB here: the cost every offline guess must pay too). The same
  Argon2id output, personalised "duress", is the *duress check* (one derivation for both).
* recovery phrase: key = BLAKE2b(256 random bits of the phrase, salt, "recover"); the phrase
  already has full key strength, so no slow derivation is needed.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

import nacl.bindings as sodium
import nacl.exceptions
import nacl.pwhash
import nacl.signing

from chronika.errors import (
    PassphraseRejected,
    VaultCorrupt,
)
from chronika.vault.phrase import RecoveryPhrase
from chronika.vault.secret import DataKey, Passphrase, SigningSeed, ViewKey

__all__ = [
    "INTERACTIVE_KDF",
    "KEY_BYTES",
    "MODERATE_KDF",
    "KdfParams",
    "Keyring",
    "check_new_passphrase",
    "derive_passphrase_keys",
    "derive_recovery_key",
    "derive_view_key",
    "device_id_for",
    "key_material",
    "open_sealed",
    "seal",
    "slot_binding",
]

ID_BYTES = 16
SALT_BYTES = nacl.pwhash.argon2id.SALTBYTES
NONCE_BYTES = sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
KEY_BYTES = 32
TAG_BYTES = sodium.crypto_aead_xchacha20poly1305_ietf_ABYTES
WRAPPED_BYTES = 2 * KEY_BYTES + TAG_BYTES

# A passphrase shorter than this falls to an offline guesser within months even at 0.6 s a guess.
MIN_PASSPHRASE_CHARS = 8

# Domain separation: one Argon2id output, two unrelated uses; BLAKE2b's personalisation keeps them apart.
_PERSON_WRAP = b"chronika-wrap".ljust(16, b"\0")
_PERSON_DURESS = b"chronika-duress".ljust(16, b"\0")
_PERSON_RECOVER = b"chronika-recover"
_PERSON_DEVICE = b"chronika-device".ljust(16, b"\0")
_PERSON_VIEW = b"chronika-view".ljust(16, b"\0")


@dataclass(frozen=True, slots=True)
class KdfParams:
    """Argon2id cost, stored in ``vault.json`` so a vault opens with the cost it was made with."""

    opslimit: int
    memlimit: int

    def check(self) -> None:
        # Bounds for reading a key file: libsodium's own minimum below, and a ceiling above so an
        # edited key file cannot make unlocking allocate the whole machine.
        if not (
            nacl.pwhash.argon2id.OPSLIMIT_MIN <= self.opslimit <= _MAX_OPSLIMIT
            and nacl.pwhash.argon2id.MEMLIMIT_MIN <= self.memlimit <= _MAX_MEMLIMIT
        ):
            raise VaultCorrupt("the key file asks for key derivation parameters out of range")


_MAX_OPSLIMIT = 4 * nacl.pwhash.argon2id.OPSLIMIT_SENSITIVE
_MAX_MEMLIMIT = 4 * nacl.pwhash.argon2id.MEMLIMIT_SENSITIVE

# The default: libsodium's "moderate" (3 passes, 256 MiB): about 0.6 s to unlock on the reference
# machine (target 0.3-2 s), and the same cost for every guess an attacker with the file makes.
MODERATE_KDF = KdfParams(nacl.pwhash.argon2id.OPSLIMIT_MODERATE, nacl.pwhash.argon2id.MEMLIMIT_MODERATE)
# For tests only (about 0.07 s); never a default anywhere.
INTERACTIVE_KDF = KdfParams(
    nacl.pwhash.argon2id.OPSLIMIT_INTERACTIVE, nacl.pwhash.argon2id.MEMLIMIT_INTERACTIVE
)


def device_id_for(public_key: bytes) -> bytes:
    """A device id is bound to its signing key, so a header cannot claim another device's entries."""
    return hashlib.blake2b(public_key, digest_size=ID_BYTES, person=_PERSON_DEVICE).digest()


@dataclass(frozen=True, slots=True, eq=False)
class Keyring:
    """The unwrapped keys of an unlocked vault. ``decoy`` is set when the duress passphrase was used."""

    vault_id: bytes
    device_id: bytes
    data_key: DataKey
    signing_seed: SigningSeed
    decoy: bool = False

    def signing_key(self) -> nacl.signing.SigningKey:
        return nacl.signing.SigningKey(self.signing_seed.reveal())

    @property
    def public_key(self) -> bytes:
        return bytes(self.signing_key().verify_key)

    def wipe(self) -> None:
        self.data_key.wipe()
        self.signing_seed.wipe()

    def __repr__(self) -> str:
        return f"<Keyring vault={self.vault_id.hex()} device={self.device_id.hex()} ***>"


def seal(plain: bytes, associated: bytes, key: bytes) -> tuple[bytes, bytes]:
    nonce = secrets.token_bytes(NONCE_BYTES)
    return nonce, sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(plain, associated, nonce, key)


def open_sealed(sealed: bytes, associated: bytes, nonce: bytes, key: bytes) -> bytes | None:
    try:
        return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(sealed, associated, nonce, key)
    except nacl.exceptions.CryptoError:
        return None


def derive_passphrase_keys(passphrase: Passphrase, salt: bytes, kdf: KdfParams) -> tuple[bytes, bytes]:
    """(wrap key, duress check) from one Argon2id derivation."""
    stretched = nacl.pwhash.argon2id.kdf(
        KEY_BYTES, passphrase.reveal(), salt, opslimit=kdf.opslimit, memlimit=kdf.memlimit
    )
    wrap = hashlib.blake2b(digest_size=KEY_BYTES, key=stretched, person=_PERSON_WRAP).digest()
    duress = hashlib.blake2b(digest_size=KEY_BYTES, key=stretched, person=_PERSON_DURESS).digest()
    return wrap, duress


def derive_recovery_key(phrase: RecoveryPhrase, salt: bytes) -> bytes:
    return hashlib.blake2b(
        phrase.entropy(), digest_size=KEY_BYTES, salt=salt, person=_PERSON_RECOVER
    ).digest()


def derive_view_key(data_key: DataKey) -> ViewKey:
    """The view's SQLCipher key, derived from the data key.

    Derived, so the view opens exactly when the ledger does and needs no wrapped copy of its own;
    separate, so no SQLCipher page and no ledger entry are ever encrypted under the same key.
    """
    digest = hashlib.blake2b(digest_size=KEY_BYTES, key=data_key.reveal(), person=_PERSON_VIEW).digest()
    return ViewKey(digest)


def key_material(keyring: Keyring) -> bytes:
    return keyring.data_key.reveal() + keyring.signing_seed.reveal()


def slot_binding(vault_id: bytes, device_id: bytes, slot: str) -> bytes:
    """Binds a wrapped copy to its vault, device and slot, so copies cannot be swapped between them."""
    return b"chronika vault keys v1|" + vault_id + device_id + slot.encode()


def _characters(secret: Passphrase) -> int:
    return len(secret.reveal().decode("utf-8", errors="replace"))


def check_new_passphrase(passphrase: Passphrase, duress: Passphrase | None) -> None:
    if _characters(passphrase) < MIN_PASSPHRASE_CHARS:
        raise PassphraseRejected(f"the passphrase must have at least {MIN_PASSPHRASE_CHARS} characters")
    if duress is not None:
        if _characters(duress) < MIN_PASSPHRASE_CHARS:
            raise PassphraseRejected(
                f"the duress passphrase must have at least {MIN_PASSPHRASE_CHARS} characters"
            )
        if duress == passphrase:
            raise PassphraseRejected("the duress passphrase must differ from the passphrase")
