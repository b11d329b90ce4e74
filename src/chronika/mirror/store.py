"""What a mirror keeps, behind one small contract: :class:`Store`, and its first adapter :class:`FileStore`.

The server speaks only to :class:`Store`; an S3-compatible object store or PostgreSQL adapter for
large deployments implements the same methods. Every adapter must keep the same promises:

* append-only: bytes once committed are never rewritten or removed; only a pending tail (a batch
  still arriving, not yet covered by a checkpoint) may be cut, when its sender starts it again or
  when the mirror restarts;
* nothing is stored before :class:`~chronika.mirror.intake.Intake` has checked it;
* reads return committed bytes only.

:class:`FileStore` keeps each vault's ledger in the ledger's own segment files, byte for byte as on
the device, so a restore is a copy and ``verify`` runs on it unchanged::

    DATA/mirror.json                      this mirror's random id
    DATA/vaults/<vault id>/registration.json   device public keys; recovery locator and token hash
    DATA/vaults/<vault id>/keyfile.json        the recovery-only key file (opaque here)
    DATA/vaults/<vault id>/leaves.bin          leaf hashes, 32 bytes each (derived; for proofs)
    DATA/vaults/<vault id>/ledger/00000001.seg ...

A vault's state is loaded on first use by re-checking its segments with the intake (so the
mirror also notices its own disk being tampered with: that vault then answers StoredCopyDamaged),
and held in memory as a few hashes per vault; leaf hashes are read from ``leaves.bin`` by mmap
only to answer a consistency proof, so memory does not grow with the ledgers served.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import msgspec

from chronika.errors import (
    ChronikaError,
    ForgeryRefused,
    MalformedRequest,
    OffsetConflict,
    RegistrationConflict,
    StoredCopyDamaged,
    VaultCorrupt,
    VaultUnknown,
)
from chronika.mirror.access import key_file_identity
from chronika.mirror.disk import LeafFile, append_durably, read_blocks, read_range, truncate, write_file
from chronika.mirror.intake import Intake
from chronika.mirror.protocol import MAX_KEYFILE_BYTES, DeviceKey, SegmentDigest, SegmentState, VaultHead, b64
from chronika.vault import merkle
from chronika.vault.devices import Certificate, Revocation, Trust, evaluate
from chronika.vault.files import PRIVATE_FILE_MODE, make_private_dir, write_atomic
from chronika.vault.segment import LEDGER_DIR, segment_name

__all__ = ["FileStore", "Store", "VaultRegistration"]

MIRROR_FILE = "mirror.json"
VAULTS_DIR = "vaults"
REGISTRATION_FILE = "registration.json"
KEYFILE_FILE = "keyfile.json"
LEAVES_FILE = "leaves.bin"


@dataclass(frozen=True, slots=True)
class VaultRegistration:
    """A vault's registration: its device keys, and how a recovery phrase finds it.

    The first device registered is the founder; every other came with a certificate chaining back
    to it (``certificates``). ``revocations`` are the signed withdrawals received, and ``cutoffs``
    the last sequence number the intake accepts of each revoked device: the revocation's own, or
    what this mirror already held of that device when the revocation arrived, if more (what is
    stored is never removed; the devices' replay and verify refuse those entries themselves).
    """

    vault_id: bytes
    devices: dict[bytes, bytes]
    recovery_locator: bytes | None = None
    recovery_token_sha256: bytes | None = None
    certificates: tuple[Certificate, ...] = ()
    revocations: tuple[Revocation, ...] = ()
    cutoffs: dict[bytes, int] = field(default_factory=dict)

    @property
    def founder(self) -> bytes:
        return next(iter(self.devices))

    def trust(
        self, certificates: Iterable[Certificate] = (), revocations: Iterable[Revocation] = ()
    ) -> Trust:
        return evaluate(
            self.vault_id,
            self.devices[self.founder],
            [*self.certificates, *certificates],
            [*self.revocations, *revocations],
        )


class Store(Protocol):
    """The storage contract of a mirror (see the module doc for the promises every adapter keeps)."""

    @property
    def mirror_id(self) -> str: ...

    def register(self, registration: VaultRegistration) -> VaultHead: ...

    def revoke(self, vault_id: bytes, revocation: Revocation) -> VaultHead: ...

    def device_key(self, vault_id: bytes, device_id: bytes) -> bytes | None: ...

    def is_revoked(self, vault_id: bytes, device_id: bytes) -> bool: ...

    def head(self, vault_id: bytes) -> VaultHead: ...

    def append(self, vault_id: bytes, segment: int, offset: int, data: bytes) -> VaultHead: ...

    def read(self, vault_id: bytes, segment: int, offset: int, limit: int) -> bytes: ...

    def consistency(self, vault_id: bytes, old_size: int, new_size: int) -> list[bytes]: ...

    def audit(self, vault_id: bytes, nonce: bytes) -> list[SegmentDigest]: ...

    def put_key_file(self, vault_id: bytes, blob: bytes) -> None: ...

    def get_key_file(self, vault_id: bytes) -> bytes: ...

    def recover(self, locator: bytes, token: bytes) -> tuple[bytes, bytes]: ...


@dataclass(slots=True)
class _Segment:
    number: int
    committed: int
    parsed: int
    length: int


@dataclass(slots=True)
class _VaultCopy:
    """One vault's state in memory; every operation on it holds ``lock``."""

    directory: Path
    registration: VaultRegistration
    intake: Intake
    segments: list[_Segment] = field(default_factory=list)
    damaged: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def ledger(self) -> Path:
        return self.directory / LEDGER_DIR

    def path_of(self, number: int) -> Path:
        return self.ledger / segment_name(number)


class FileStore:
    """Segment files on a local disk (see the module doc)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        make_private_dir(self.root)
        make_private_dir(self.root / VAULTS_DIR)
        self._mirror_id = self._load_mirror_id()
        self._lock = threading.Lock()
        self._copies: dict[bytes, _VaultCopy] = {}
        self._locators: dict[bytes, bytes] = {}
        for directory in sorted((self.root / VAULTS_DIR).iterdir()):
            with contextlib.suppress(ChronikaError, OSError):
                registration = _read_registration(directory)
                if registration.recovery_locator is not None:
                    self._locators[registration.recovery_locator] = registration.vault_id

    @property
    def mirror_id(self) -> str:
        return self._mirror_id

    def _load_mirror_id(self) -> str:
        path = self.root / MIRROR_FILE
        try:
            document = json.loads(path.read_bytes())
            mirror_id = str(document["mirror_id"])
            bytes.fromhex(mirror_id)
            return mirror_id
        except FileNotFoundError:
            mirror_id = secrets.token_hex(16)
            write_atomic(path, json.dumps({"format": "chronika-mirror", "mirror_id": mirror_id}).encode())
            return mirror_id
        except (ValueError, KeyError, TypeError):
            raise VaultCorrupt(f"{path} is damaged: this is not a Chronika mirror's data folder") from None

    # -- registration ----------------------------------------------------------------------------

    def register(self, registration: VaultRegistration) -> VaultHead:
        """Create the vault, or accept its registered device again (idempotent)."""
        with self._lock:
            directory = self._vault_dir(registration.vault_id)
            locator = registration.recovery_locator
            owner = self._locators.get(locator) if locator is not None else None
            if owner is not None and owner != registration.vault_id:
                raise RegistrationConflict("this recovery locator belongs to another vault")
            if (directory / REGISTRATION_FILE).exists():
                current = _read_registration(directory)
                (device_id, public_key), *_ = registration.devices.items()
                if device_id not in current.devices and registration.certificates:
                    current = self._admit(directory, current, registration.certificates[0])
                if current.devices.get(device_id) != public_key:
                    raise RegistrationConflict("this vault is registered here with other device keys")
                if device_id in current.cutoffs:
                    raise RegistrationConflict("this device was revoked")
                if current.recovery_locator is None and locator is not None:
                    current = VaultRegistration(
                        current.vault_id, current.devices, locator, registration.recovery_token_sha256
                    )
                    _write_registration(directory, current)
                    self._locators[locator] = current.vault_id
                    if current.vault_id in self._copies:
                        self._copies[current.vault_id].registration = current
            else:
                if registration.certificates:
                    raise RegistrationConflict(
                        "the vault is not on this mirror yet: a device already registered here adds it"
                    )
                make_private_dir(directory)
                make_private_dir(directory / LEDGER_DIR)
                _write_registration(directory, registration)
                if locator is not None:
                    self._locators[locator] = registration.vault_id
        return self.head(registration.vault_id)

    def _admit(
        self, directory: Path, current: VaultRegistration, certificate: Certificate
    ) -> VaultRegistration:
        """Add a device whose certificate chains back to the founder (caller holds ``self._lock``)."""
        trust = current.trust([certificate])
        device_id = certificate.device_id
        if device_id not in trust.keys or device_id in trust.cutoffs:
            raise RegistrationConflict("the device's certificate is not signed by a device of this vault")
        admitted = VaultRegistration(
            current.vault_id,
            {**current.devices, device_id: certificate.public_key},
            current.recovery_locator,
            current.recovery_token_sha256,
            (*current.certificates, certificate),
            current.revocations,
            current.cutoffs,
        )
        _write_registration(directory, admitted)
        copy = self._copies.get(current.vault_id)
        if copy is not None:
            # Not under copy.lock (the lock order is copy, then store): both assignments are atomic,
            # and an append checked a moment before simply did not know the new device yet.
            copy.intake.keys[device_id] = certificate.public_key
            copy.registration = admitted
        return admitted

    def revoke(self, vault_id: bytes, revocation: Revocation) -> VaultHead:
        """Withdraw a device (see :class:`VaultRegistration`); idempotent."""
        copy = self._copy(vault_id)
        with copy.lock:
            current = copy.registration
            device_id = revocation.device_id
            if revocation.vault_id != vault_id or device_id not in current.devices:
                raise MalformedRequest("the revocation names no device of this vault")
            if device_id == current.founder:
                raise RegistrationConflict("the founding device cannot be revoked")
            trust = current.trust(revocations=[revocation])
            if trust.revocations.get(device_id) != revocation:
                if device_id in current.cutoffs:
                    return self._head_of(copy)  # revoked before, at this point or earlier
                raise RegistrationConflict("the revocation is not signed by a device of this vault")
            held = copy.intake.chains.get(device_id, (0, b""))[0]
            pending = copy.intake.pending_seq(device_id)
            cutoff = max(revocation.after_seq, held, pending)
            updated = VaultRegistration(
                current.vault_id,
                current.devices,
                current.recovery_locator,
                current.recovery_token_sha256,
                current.certificates,
                (*current.revocations, revocation),
                {**current.cutoffs, device_id: cutoff},
            )
            _write_registration(copy.directory, updated)
            copy.registration = updated
            copy.intake.cutoffs[device_id] = cutoff
            return self._head_of(copy)

    def device_key(self, vault_id: bytes, device_id: bytes) -> bytes | None:
        """The key a request must be signed with (revoked devices too: see :meth:`is_revoked`)."""
        try:
            copy = self._copy(vault_id)
        except VaultUnknown:
            return None
        return copy.registration.devices.get(device_id)

    def is_revoked(self, vault_id: bytes, device_id: bytes) -> bool:
        try:
            return device_id in self._copy(vault_id).registration.cutoffs
        except VaultUnknown:
            return False

    # -- the ledger ------------------------------------------------------------------------------

    def head(self, vault_id: bytes) -> VaultHead:
        copy = self._copy(vault_id)
        with copy.lock:
            return self._head_of(copy)

    def append(self, vault_id: bytes, segment: int, offset: int, data: bytes) -> VaultHead:
        copy = self._copy(vault_id)
        with copy.lock:
            _refuse_if_damaged(copy)
            current, is_new = self._position(copy, segment, offset)
            path = copy.path_of(segment)
            previous = b""
            if current.length > current.parsed:
                previous = read_range(path, current.parsed, current.length)
            step = copy.intake.check(previous + data, segment=path.name, base=current.parsed)
            append_durably(path, data, current.length, create=is_new and not path.exists())
            copy.intake.apply(step)
            if is_new:
                copy.segments.append(current)
            current.length += len(data)
            if step.committed is not None:
                current.committed = current.parsed + step.committed
            current.parsed += step.consumed
            if step.leaves:
                try:
                    fd = os.open(
                        copy.directory / LEAVES_FILE,
                        os.O_WRONLY | os.O_APPEND | os.O_CREAT,
                        PRIVATE_FILE_MODE,
                    )
                    with os.fdopen(fd, "ab") as leaves:
                        leaves.write(b"".join(step.leaves))
                except OSError:
                    with self._lock:  # derived data: the next request reloads and rebuilds it
                        self._copies.pop(vault_id, None)
            return self._head_of(copy)

    def _position(self, copy: _VaultCopy, number: int, offset: int) -> tuple[_Segment, bool]:
        """The segment an append at (number, offset) extends, and whether it is new; else OffsetConflict."""
        segments = copy.segments
        if number == len(segments) + 1:
            last = segments[-1] if segments else None
            if offset != 0:
                raise OffsetConflict(f"segment {number} is new here: an append to it starts at offset 0")
            if last is not None and (last.length != last.committed or copy.intake.has_pending):
                raise OffsetConflict(f"segment {last.number} does not end with a checkpoint yet")
            return _Segment(number, 0, 0, 0), True
        if not 1 <= number <= len(segments):
            raise OffsetConflict(
                f"this mirror holds {len(segments)} segments; {number} cannot be appended to"
            )
        segment = segments[number - 1]
        if number < len(segments):
            raise OffsetConflict(f"segment {number} is complete here ({segment.committed} bytes)")
        if offset == segment.length:
            return segment, False
        if offset == segment.committed:
            # The sender starts its pending batch again: cut what arrived of it before.
            truncate(copy.path_of(number), segment.committed)
            copy.intake.drop_pending()
            segment.parsed = segment.length = segment.committed
            return segment, False
        raise OffsetConflict(
            f"segment {number} ends at {segment.length} here (committed {segment.committed}), not {offset}"
        )

    def read(self, vault_id: bytes, segment: int, offset: int, limit: int) -> bytes:
        copy = self._copy(vault_id)
        with copy.lock:
            _refuse_if_damaged(copy)
            if not 1 <= segment <= len(copy.segments):
                raise MalformedRequest(f"this mirror holds {len(copy.segments)} segments, not {segment}")
            committed = copy.segments[segment - 1].committed
            if offset > committed:
                raise MalformedRequest(
                    f"segment {segment} has {committed} committed bytes; offset is past them"
                )
            return read_range(copy.path_of(segment), offset, min(committed, offset + limit))

    def consistency(self, vault_id: bytes, old_size: int, new_size: int) -> list[bytes]:
        copy = self._copy(vault_id)
        with copy.lock:
            _refuse_if_damaged(copy)
            size = copy.intake.size
            if not 0 <= old_size <= new_size <= size:
                raise MalformedRequest(
                    f"no consistency proof from {old_size} to {new_size}: this copy has {size}"
                )
            with LeafFile(copy.directory / LEAVES_FILE, size) as leaves:
                return merkle.consistency_proof(leaves, old_size, new_size)

    def audit(self, vault_id: bytes, nonce: bytes) -> list[SegmentDigest]:
        copy = self._copy(vault_id)
        with copy.lock:
            _refuse_if_damaged(copy)
            digests = []
            for segment in copy.segments:
                digest = hashlib.blake2b(key=nonce, digest_size=32)
                for block in read_blocks(copy.path_of(segment.number), segment.committed):
                    digest.update(block)
                digests.append(SegmentDigest(segment.number, segment.committed, b64(digest.digest())))
            return digests

    # -- the key file and recovery ---------------------------------------------------------------

    def put_key_file(self, vault_id: bytes, blob: bytes) -> None:
        copy = self._copy(vault_id)
        if len(blob) > MAX_KEYFILE_BYTES:
            raise MalformedRequest("the key file is too large")
        try:
            named_vault, public_key = key_file_identity(blob)
        except VaultCorrupt as error:
            raise MalformedRequest(error.message) from None
        if named_vault != vault_id or public_key not in copy.registration.devices.values():
            raise MalformedRequest("the key file is not of this vault and one of its registered devices")
        with copy.lock:
            write_file(copy.directory / KEYFILE_FILE, blob)

    def get_key_file(self, vault_id: bytes) -> bytes:
        copy = self._copy(vault_id)
        try:
            return (copy.directory / KEYFILE_FILE).read_bytes()
        except FileNotFoundError:
            raise VaultUnknown("this mirror holds no key file for the vault") from None

    def recover(self, locator: bytes, token: bytes) -> tuple[bytes, bytes]:
        """(vault id, key file) for a recovery locator and token; one answer for every failure."""
        unknown = VaultUnknown("nothing here answers to this recovery phrase")
        vault_id = self._locators.get(locator)
        if vault_id is None:
            hmac.compare_digest(hashlib.sha256(token).digest(), bytes(32))  # the same work either way
            raise unknown
        registration = self._copy(vault_id).registration
        expected = registration.recovery_token_sha256 or bytes(32)
        if not hmac.compare_digest(hashlib.sha256(token).digest(), expected):
            raise unknown
        try:
            return vault_id, self.get_key_file(vault_id)
        except VaultUnknown:
            raise unknown from None

    # -- loading ---------------------------------------------------------------------------------

    def _vault_dir(self, vault_id: bytes) -> Path:
        return self.root / VAULTS_DIR / vault_id.hex()

    def _copy(self, vault_id: bytes) -> _VaultCopy:
        with self._lock:
            copy = self._copies.get(vault_id)
            if copy is not None:
                return copy
            directory = self._vault_dir(vault_id)
            if not (directory / REGISTRATION_FILE).is_file():
                raise VaultUnknown("no such vault here, or the request is not signed by one of its devices")
            registration = _read_registration(directory)
            intake = Intake(vault_id, registration.devices, registration.cutoffs)
            copy = _VaultCopy(directory, registration, intake)
            _load(copy)
            self._copies[vault_id] = copy
            return copy

    def _head_of(self, copy: _VaultCopy) -> VaultHead:
        keyfile = copy.directory / KEYFILE_FILE
        keyfile_sha256 = hashlib.sha256(keyfile.read_bytes()).hexdigest() if keyfile.exists() else None
        intake = copy.intake
        certificates = {cert.device_id: cert for cert in copy.registration.certificates}
        segments = []
        for segment in copy.segments:
            pending = b""
            if segment.length > segment.committed:
                pending = read_range(copy.path_of(segment.number), segment.committed, segment.length)
            segments.append(
                SegmentState(
                    segment.number, segment.committed, segment.length, hashlib.sha256(pending).hexdigest()
                )
            )
        return VaultHead(
            vault_id=copy.registration.vault_id.hex(),
            size=intake.size,
            checkpoint=intake.head_bytes.decode("utf-8") if intake.head_bytes is not None else None,
            segments=segments,
            devices=[
                DeviceKey(
                    device.hex(),
                    b64(key),
                    certificates.get(device),
                    copy.registration.cutoffs.get(device),
                )
                for device, key in copy.registration.devices.items()
            ],
            keyfile_sha256=keyfile_sha256,
            founder=copy.registration.founder.hex(),
            revocations=list(copy.registration.revocations),
        )


def _load(copy: _VaultCopy) -> None:
    """Re-check every stored segment; cut a pending tail left by a restart; rebuild ``leaves.bin``."""
    from chronika.vault.segment import list_segments

    building = copy.directory / (LEAVES_FILE + ".new")
    try:
        paths = list_segments(copy.ledger)
    except ChronikaError as error:
        copy.damaged = error.message
        return
    with os.fdopen(
        os.open(building, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE), "wb"
    ) as leaves:
        for number, path in enumerate(paths, start=1):
            data = path.read_bytes()
            try:
                step = copy.intake.check(data, segment=path.name, base=0)
            except ForgeryRefused as error:
                copy.damaged = error.message
                break
            copy.intake.apply(step)
            leaves.write(b"".join(step.leaves))
            committed = step.committed if step.committed is not None else 0
            if committed < len(data):
                if number != len(paths):
                    copy.damaged = f"{path.name} does not end with a checkpoint"
                    break
                truncate(path, committed)  # a batch that was still arriving when the mirror stopped
                copy.intake.drop_pending()
            copy.segments.append(_Segment(number, committed, committed, committed))
    os.replace(building, copy.directory / LEAVES_FILE)


def _refuse_if_damaged(copy: _VaultCopy) -> None:
    if copy.damaged is not None:
        raise StoredCopyDamaged(
            f"this mirror's copy of the vault is damaged on its disk ({copy.damaged}); "
            "restore or sync from another mirror"
        )


def _read_registration(directory: Path) -> VaultRegistration:
    path = directory / REGISTRATION_FILE
    try:
        document = json.loads(path.read_bytes())
        vault_id = bytes.fromhex(directory.name)
        devices = {bytes.fromhex(d["device_id"]): bytes.fromhex(d["public_key"]) for d in document["devices"]}
        locator = document.get("recovery_locator")
        token = document.get("recovery_token_sha256")
        certificates = msgspec.convert(
            document.get("certificates", []), list[Certificate], from_attributes=False
        )
        revocations = msgspec.convert(document.get("revocations", []), list[Revocation])
        cutoffs = {bytes.fromhex(device): int(seq) for device, seq in document.get("cutoffs", {}).items()}
        return VaultRegistration(
            vault_id,
            devices,
            bytes.fromhex(locator) if locator else None,
            bytes.fromhex(token) if token else None,
            tuple(certificates),
            tuple(revocations),
            cutoffs,
        )
    except (OSError, ValueError, KeyError, TypeError, msgspec.ValidationError):
        raise StoredCopyDamaged(f"{path} cannot be read") from None


def _write_registration(directory: Path, registration: VaultRegistration) -> None:
    document = {
        "devices": [
            {"device_id": device.hex(), "public_key": key.hex()}
            for device, key in registration.devices.items()
        ],
        "recovery_locator": registration.recovery_locator.hex() if registration.recovery_locator else None,
        "recovery_token_sha256": (
            registration.recovery_token_sha256.hex() if registration.recovery_token_sha256 else None
        ),
        "registered": int(time.time()),
        "certificates": msgspec.to_builtins(list(registration.certificates)),
        "revocations": msgspec.to_builtins(list(registration.revocations)),
        "cutoffs": {device.hex(): seq for device, seq in registration.cutoffs.items()},
    }
    write_file(directory / REGISTRATION_FILE, json.dumps(document, indent=2).encode())
