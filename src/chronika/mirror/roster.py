"""``mirrors.json``: the vault's mirrors, the last checkpoint each one showed, and the recovery access.

What a mirror showed last is the client's only defence against a mirror that later rolls back or
forks, so it must survive between runs; where the mirrors are is itself sensitive (it tells a
seizer where else the chronicle lives), and the recovery access opens the vault's copy on every
mirror. So the whole file is sealed (XChaCha20-Poly1305) under a key derived from the data key,
with the vault id as associated data: a locked, seized laptop shows only that the file exists and
its size. Reading it needs the vault unlocked, as every mirror command does anyway.

Under the duress passphrase the keyring is a decoy whose key cannot open the file: the roster then
reads as empty (an ordinary vault without mirrors) and is never written, so the real one survives
for whoever later opens the vault with the recovery phrase.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path

import msgspec

from chronika.errors import MirrorUnknown, VaultCorrupt, VaultFormatTooNew
from chronika.mirror.access import RecoveryAccess, RecoveryToken
from chronika.vault.checkpoint import Checkpoint, CheckpointInvalid
from chronika.vault.devices import Certificate, Revocation
from chronika.vault.files import write_atomic
from chronika.vault.keys import Keyring, open_sealed, seal
from chronika.vault.phrase import RecoveryPhrase

__all__ = [
    "ROSTER_FILE",
    "MirrorRecord",
    "Roster",
    "device_keys",
    "founder_key",
    "largest_remembered",
    "remember_recovery",
]

ROSTER_FILE = "mirrors.json"
FORMAT_NAME = "chronika-mirrors"
FORMAT_VERSION = 1
_PERSON_ROSTER = b"chronika-mirrors"


class MirrorRecord(msgspec.Struct):
    """One mirror as this vault knows it."""

    url: str
    mirror_id: str
    added: int
    checkpoint: str | None = None
    synced: int | None = None
    problem: str | None = None

    @property
    def remembered(self) -> Checkpoint | None:
        """The last checkpoint this mirror showed and sync accepted."""
        if self.checkpoint is None:
            return None
        try:
            return Checkpoint.decode(self.checkpoint.encode("utf-8"))
        except CheckpointInvalid:
            raise VaultCorrupt(f"{ROSTER_FILE} holds a damaged checkpoint for {self.url}") from None


class _Recovery(msgspec.Struct, forbid_unknown_fields=True):
    locator: str
    token: bytes


class _Contents(msgspec.Struct, forbid_unknown_fields=True):
    mirrors: list[MirrorRecord]
    recovery: _Recovery | None = None
    founder_key: bytes | None = None
    certificate: Certificate | None = None
    revocations: list[Revocation] = msgspec.field(default_factory=list)
    device_keys: dict[str, bytes] = msgspec.field(default_factory=dict)


class _Envelope(msgspec.Struct, forbid_unknown_fields=True):
    format: str
    version: int
    nonce: bytes
    sealed: bytes


@dataclass
class Roster:
    """The decrypted ``mirrors.json`` of one vault; change it, then :meth:`save`."""

    directory: Path
    keyring: Keyring
    mirrors: list[MirrorRecord]
    recovery: RecoveryAccess | None = None
    #: For a device that joined (``device join``): the founding device's key and this device's
    #: certificate, which it shows to mirrors. None on the founding device itself.
    founder_key: bytes | None = None
    certificate: Certificate | None = None
    #: Revocations this device signed, kept until every mirror has them.
    revocations: list[Revocation] = field(default_factory=list)
    #: The other devices' keys as ``sync`` last certified them (device id hex -> public key): what
    #: ``Ledger.open`` checks a checkpoint another device signed against.
    device_keys: dict[str, bytes] = field(default_factory=dict)

    def peers(self) -> dict[bytes, bytes]:
        return {bytes.fromhex(device): key for device, key in self.device_keys.items()}

    @classmethod
    def load(cls, directory: Path, keyring: Keyring) -> Roster:
        path = Path(directory) / ROSTER_FILE
        if keyring.decoy or not path.exists():
            return cls(Path(directory), keyring, [])
        try:
            envelope = msgspec.json.decode(path.read_bytes(), type=_Envelope)
        except (msgspec.ValidationError, msgspec.DecodeError):
            raise VaultCorrupt(f"{path} is damaged") from None
        if envelope.format != FORMAT_NAME:
            raise VaultCorrupt(f"{path} is not a Chronika mirror list")
        if envelope.version > FORMAT_VERSION:
            raise VaultFormatTooNew(f"{path} was written by a newer Chronika: upgrade")
        plain = open_sealed(envelope.sealed, _associated(keyring), envelope.nonce, _key(keyring))
        if plain is None:
            raise VaultCorrupt(
                f"{path} does not open with this vault's key: it was altered or is not this vault's"
            )
        try:
            contents = msgspec.json.decode(plain, type=_Contents)
        except (msgspec.ValidationError, msgspec.DecodeError):
            raise VaultCorrupt(f"{path} is damaged") from None
        recovery = None
        if contents.recovery is not None:
            recovery = RecoveryAccess(
                bytes.fromhex(contents.recovery.locator), RecoveryToken(contents.recovery.token)
            )
        return cls(
            Path(directory),
            keyring,
            contents.mirrors,
            recovery,
            contents.founder_key,
            contents.certificate,
            contents.revocations,
            contents.device_keys,
        )

    def save(self) -> None:
        """Seal and replace the file atomically (never under duress: see the module doc)."""
        if self.keyring.decoy:
            return
        recovery = (
            _Recovery(self.recovery.locator.hex(), self.recovery.token.reveal()) if self.recovery else None
        )
        plain = msgspec.json.encode(
            _Contents(
                self.mirrors,
                recovery,
                self.founder_key,
                self.certificate,
                self.revocations,
                self.device_keys,
            )
        )
        nonce, sealed = seal(plain, _associated(self.keyring), _key(self.keyring))
        envelope = _Envelope(FORMAT_NAME, FORMAT_VERSION, nonce, sealed)
        write_atomic(self.directory / ROSTER_FILE, msgspec.json.encode(envelope) + b"\n")

    def find(self, url: str) -> MirrorRecord:
        for record in self.mirrors:
            if record.url == url:
                return record
        raise MirrorUnknown(f"{url} is not a mirror of this vault (see chronika mirror list)")

    def add(self, url: str, mirror_id: str) -> MirrorRecord:
        for record in self.mirrors:
            if record.url == url:
                return record
        record = MirrorRecord(url=url, mirror_id=mirror_id, added=int(time.time()))
        self.mirrors.append(record)
        return record

    def remove(self, url: str) -> MirrorRecord:
        record = self.find(url)
        self.mirrors.remove(record)
        return record


def remember_recovery(directory: Path, keyring: Keyring, phrase: RecoveryPhrase) -> None:
    """Keep the recovery access (sealed) so mirrors can later be registered without the phrase.

    For ``init`` to call while it still holds the new phrase; ``mirror add`` asks for the phrase
    instead when a vault was made without this.
    """
    roster = Roster.load(directory, keyring)
    roster.recovery = RecoveryAccess.from_phrase(phrase)
    roster.save()


def largest_remembered(directory: Path, keyring: Keyring) -> Checkpoint | None:
    """The largest checkpoint any mirror showed and sync accepted: ``verify_ledger(known=...)``.

    A local ledger shorter than this, or different at this size, was rolled back or rewritten
    since; ``verify`` can pass it to name that.
    """
    remembered = [c for record in Roster.load(directory, keyring).mirrors if (c := record.remembered)]
    return max(remembered, key=lambda checkpoint: checkpoint.size, default=None)


def founder_key(directory: Path, keyring: Keyring) -> bytes:
    """The founding device's public key: this device's own, unless it joined the vault later."""
    return Roster.load(directory, keyring).founder_key or keyring.public_key


def device_keys(directory: Path, keyring: Keyring) -> dict[bytes, bytes]:
    """The other devices' keys as the last ``sync`` certified them (for ``Ledger.open``)."""
    return Roster.load(directory, keyring).peers()


def _key(keyring: Keyring) -> bytes:
    return hashlib.blake2b(digest_size=32, key=keyring.data_key.reveal(), person=_PERSON_ROSTER).digest()


def _associated(keyring: Keyring) -> bytes:
    return b"chronika mirrors v1|" + keyring.vault_id
