"""The key file ``vault.json``: the wrapped keys and everything needed to unwrap them, but no secret.

Changing the passphrase re-wraps the passphrase slot; the data key, and so every ledger byte, stays
as it is. The recovery slot unwraps the same keys with the recovery phrase.

Duress: entering the duress passphrase overwrites the passphrase slot with random bytes of the
same length (the recovery phrase still works) and hands back a decoy keyring. Unlocking derives
once, tries the slot and compares the duress check with ``hmac.compare_digest`` whatever was typed,
and rewrites ``vault.json`` on both the duress and the normal path (a fresh nonce on the normal
path), so neither messages nor timing nor the file's shape tell the two apart. A vault without a
duress passphrase stores a random duress check, so the file does not tell that either. What duress
cannot do (a copy of the folder taken before the passphrase was asked for) is in
docs/threat-model.md.

The file is JSON, replaced atomically, versioned: a newer ``version`` is refused with a clear
error rather than misread.
"""

from __future__ import annotations

import errno
import hmac
import json
import secrets
from pathlib import Path
from typing import Any

import msgspec
import nacl.signing

from chronika.errors import (
    DiskFull,
    VaultCorrupt,
    VaultExists,
    VaultFormatTooNew,
    VaultNotFound,
    VaultWriteFailed,
    WrongPassphrase,
    WrongRecoveryPhrase,
)
from chronika.vault.files import make_private_dir, write_atomic
from chronika.vault.keys import (
    ID_BYTES,
    KEY_BYTES,
    MODERATE_KDF,
    NONCE_BYTES,
    SALT_BYTES,
    WRAPPED_BYTES,
    KdfParams,
    Keyring,
    check_new_passphrase,
    derive_passphrase_keys,
    derive_recovery_key,
    device_id_for,
    key_material,
    open_sealed,
    seal,
    slot_binding,
)
from chronika.vault.phrase import RecoveryPhrase
from chronika.vault.secret import DataKey, Passphrase, SigningSeed

__all__ = ["FORMAT_VERSION", "VAULT_FILE", "KeyFile"]

VAULT_FILE = "vault.json"
FORMAT_NAME = "chronika-vault"
FORMAT_VERSION = 1
RECOVERY_SALT_BYTES = 16  # BLAKE2b's salt size


class _Kdf(msgspec.Struct, forbid_unknown_fields=True):
    algorithm: str
    opslimit: int
    memlimit: int


class _PassphraseSlot(msgspec.Struct, forbid_unknown_fields=True):
    salt: bytes
    nonce: bytes
    wrapped_keys: bytes
    duress_check: bytes


class _RecoverySlot(msgspec.Struct, forbid_unknown_fields=True):
    salt: bytes
    nonce: bytes
    wrapped_keys: bytes


class _Document(msgspec.Struct, forbid_unknown_fields=True):
    format: str
    version: int
    vault_id: str
    device_id: str
    signing_public_key: bytes
    kdf: _Kdf
    passphrase: _PassphraseSlot
    recovery: _RecoverySlot


class KeyFile:
    """``vault.json``: the wrapped keys and everything needed to unwrap them, but no secret."""

    def __init__(self, directory: Path, document: _Document) -> None:
        self.directory = directory
        self._doc = document

    @property
    def path(self) -> Path:
        return self.directory / VAULT_FILE

    @property
    def vault_id(self) -> bytes:
        return bytes.fromhex(self._doc.vault_id)

    @property
    def device_id(self) -> bytes:
        return bytes.fromhex(self._doc.device_id)

    @property
    def public_key(self) -> bytes:
        return self._doc.signing_public_key

    @property
    def kdf(self) -> KdfParams:
        return KdfParams(self._doc.kdf.opslimit, self._doc.kdf.memlimit)

    # -- creating and loading -------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        directory: Path,
        passphrase: Passphrase,
        *,
        duress_passphrase: Passphrase | None = None,
        kdf: KdfParams = MODERATE_KDF,
        joining: tuple[bytes, DataKey, SigningSeed] | None = None,
    ) -> tuple[KeyFile, Keyring, RecoveryPhrase]:
        """Make fresh keys for a new vault; the recovery phrase returned is shown once, never stored.

        ``joining`` (vault id, data key, signing seed) makes the key file of a device joining an
        existing vault instead (``device join``): its phrase opens this device's folder, no other.
        """
        check_new_passphrase(passphrase, duress_passphrase)
        directory = Path(directory)
        if (directory / VAULT_FILE).exists():
            raise VaultExists(f"a vault already exists in {directory}")
        make_private_dir(directory)
        if joining is not None:
            vault_id, data_key, seed = joining
        else:
            vault_id = secrets.token_bytes(ID_BYTES)
            data_key = DataKey(secrets.token_bytes(KEY_BYTES))
            seed = SigningSeed(secrets.token_bytes(KEY_BYTES))
        public_key = bytes(nacl.signing.SigningKey(seed.reveal()).verify_key)
        keyring = Keyring(
            vault_id=vault_id,
            device_id=device_id_for(public_key),
            data_key=data_key,
            signing_seed=seed,
        )
        phrase = RecoveryPhrase.generate()
        recovery_salt = secrets.token_bytes(RECOVERY_SALT_BYTES)
        recovery_nonce, recovery_wrapped = seal(
            key_material(keyring),
            slot_binding(keyring.vault_id, keyring.device_id, "recovery"),
            derive_recovery_key(phrase, recovery_salt),
        )
        document = _Document(
            format=FORMAT_NAME,
            version=FORMAT_VERSION,
            vault_id=keyring.vault_id.hex(),
            device_id=keyring.device_id.hex(),
            signing_public_key=public_key,
            kdf=_Kdf("argon2id13", kdf.opslimit, kdf.memlimit),
            passphrase=_PassphraseSlot(b"", b"", b"", b""),
            recovery=_RecoverySlot(recovery_salt, recovery_nonce, recovery_wrapped),
        )
        key_file = cls(directory, document)
        key_file._wrap_passphrase_slot(keyring, passphrase, duress_passphrase)
        return key_file, keyring, phrase

    @classmethod
    def load(cls, directory: Path) -> KeyFile:
        directory = Path(directory)
        path = directory / VAULT_FILE
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise VaultNotFound(f"no vault in {directory} (no {VAULT_FILE})") from None
        except IsADirectoryError:
            raise VaultCorrupt(f"{path} is a directory, not a key file") from None
        try:
            loose: Any = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            raise VaultCorrupt(f"{path} is not valid JSON: the key file is damaged") from None
        if not isinstance(loose, dict) or loose.get("format") != FORMAT_NAME:
            raise VaultCorrupt(f"{path} is not a Chronika key file")
        version = loose.get("version")
        if isinstance(version, int) and version > FORMAT_VERSION:
            raise VaultFormatTooNew(
                f"{path} has format version {version}; this Chronika reads up to {FORMAT_VERSION}: upgrade"
            )
        try:
            document = msgspec.json.decode(raw, type=_Document)
        except msgspec.ValidationError as error:
            raise VaultCorrupt(f"{path} is damaged: {error}") from None
        key_file = cls(directory, document)
        key_file._check_document()
        return key_file

    def _check_document(self) -> None:
        doc = self._doc
        try:
            ids_ok = len(self.vault_id) == ID_BYTES and len(self.device_id) == ID_BYTES
        except ValueError:
            ids_ok = False
        sizes_ok = (
            ids_ok
            and doc.version == FORMAT_VERSION
            and doc.kdf.algorithm == "argon2id13"
            and len(doc.signing_public_key) == KEY_BYTES
            and len(doc.passphrase.salt) == SALT_BYTES
            and len(doc.passphrase.nonce) == NONCE_BYTES
            and len(doc.passphrase.wrapped_keys) == WRAPPED_BYTES
            and len(doc.passphrase.duress_check) == KEY_BYTES
            and len(doc.recovery.salt) == RECOVERY_SALT_BYTES
            and len(doc.recovery.nonce) == NONCE_BYTES
            and len(doc.recovery.wrapped_keys) == WRAPPED_BYTES
        )
        if not sizes_ok:
            raise VaultCorrupt(f"{self.path} is damaged: a field has the wrong size or value")
        self.kdf.check()

    # -- unlocking ------------------------------------------------------------------------------

    def unlock(self, passphrase: Passphrase) -> Keyring:
        """Unwrap the keys with the passphrase; the duress passphrase destroys them (see module doc)."""
        slot = self._doc.passphrase
        wrap_key, duress_check = derive_passphrase_keys(passphrase, slot.salt, self.kdf)
        plain = open_sealed(slot.wrapped_keys, self._associated_for("passphrase"), slot.nonce, wrap_key)
        is_duress = hmac.compare_digest(duress_check, slot.duress_check)
        if is_duress:
            # Same shape as a normal rewrap: new nonce, same-length ciphertext, one atomic write.
            nonce = secrets.token_bytes(NONCE_BYTES)
            wrapped = secrets.token_bytes(WRAPPED_BYTES)
            keyring = Keyring(
                vault_id=self.vault_id,
                device_id=self.device_id,
                data_key=DataKey(secrets.token_bytes(KEY_BYTES)),
                signing_seed=SigningSeed(secrets.token_bytes(KEY_BYTES)),
                decoy=True,
            )
        elif plain is not None:
            keyring = self._keyring_from(plain)
            nonce, wrapped = seal(plain, self._associated_for("passphrase"), wrap_key)
        else:
            raise WrongPassphrase("wrong passphrase")
        self._doc.passphrase = _PassphraseSlot(slot.salt, nonce, wrapped, slot.duress_check)
        self._save(best_effort=True)
        return keyring

    def recover(
        self,
        phrase: RecoveryPhrase,
        new_passphrase: Passphrase,
        *,
        duress_passphrase: Passphrase | None,
    ) -> Keyring:
        """Unwrap with the recovery phrase and set a new passphrase (and duress passphrase, or none)."""
        check_new_passphrase(new_passphrase, duress_passphrase)
        keyring = self.unlock_with_recovery(phrase)
        self._wrap_passphrase_slot(keyring, new_passphrase, duress_passphrase)
        return keyring

    def unlock_with_recovery(self, phrase: RecoveryPhrase) -> Keyring:
        slot = self._doc.recovery
        key = derive_recovery_key(phrase, slot.salt)
        plain = open_sealed(slot.wrapped_keys, self._associated_for("recovery"), slot.nonce, key)
        if plain is None:
            raise WrongRecoveryPhrase("this recovery phrase does not open this vault")
        return self._keyring_from(plain)

    def change_passphrase(
        self, current: Passphrase, new: Passphrase, *, duress_passphrase: Passphrase | None
    ) -> Keyring:
        """Re-wrap the keys under a new passphrase; data is untouched.

        The duress check is derived with the passphrase slot's salt, which changes here, so the
        caller states the duress passphrase again (or None to have none): it is never dropped silently.
        """
        check_new_passphrase(new, duress_passphrase)
        keyring = self.unlock(current)
        if keyring.decoy:
            return keyring
        self._wrap_passphrase_slot(keyring, new, duress_passphrase)
        return keyring

    # -- internals ------------------------------------------------------------------------------

    def _wrap_passphrase_slot(
        self, keyring: Keyring, passphrase: Passphrase, duress: Passphrase | None
    ) -> None:
        salt = secrets.token_bytes(SALT_BYTES)
        wrap_key, _ = derive_passphrase_keys(passphrase, salt, self.kdf)
        nonce, wrapped = seal(key_material(keyring), self._associated_for("passphrase"), wrap_key)
        # Without a duress passphrase the check is random, indistinguishable from a real one.
        duress_check = (
            derive_passphrase_keys(duress, salt, self.kdf)[1]
            if duress is not None
            else secrets.token_bytes(KEY_BYTES)
        )
        self._doc.passphrase = _PassphraseSlot(salt, nonce, wrapped, duress_check)
        self._save(best_effort=False)

    def _keyring_from(self, plain: bytes) -> Keyring:
        keyring = Keyring(
            vault_id=self.vault_id,
            device_id=self.device_id,
            data_key=DataKey(plain[:KEY_BYTES]),
            signing_seed=SigningSeed(plain[KEY_BYTES:]),
        )
        if not hmac.compare_digest(keyring.public_key, self.public_key):
            raise VaultCorrupt(f"{self.path} names a public key that does not match its own signing key")
        return keyring

    def _associated_for(self, slot: str) -> bytes:
        return slot_binding(self.vault_id, self.device_id, slot)

    def _save(self, *, best_effort: bool) -> None:
        data = msgspec.json.format(msgspec.json.encode(self._doc), indent=2) + b"\n"
        try:
            write_atomic(self.path, data)
        except OSError as error:
            # Unlocking must work on a full disk or read-only media: the rewrite on unlock only
            # evens out timing (and, under duress, destroys the slot as far as the disk allows).
            if best_effort:
                return
            if error.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
                raise DiskFull(f"the disk is full: {self.path} was left as it was") from None
            raise VaultWriteFailed(f"cannot write {self.path}: {error.strerror}") from None
