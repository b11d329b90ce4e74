"""A second laptop joins a vault: open the enrolment, make its own key file, pull the ledger, admit itself.

1. The enrolment (``chronika.vault.devices``) opens with the short code shown on the first device:
   it holds the vault id, the data key, this device's signing seed and certificate, the founding
   device's public key and the mirrors' addresses.
2. A key file for this device is made in a staging folder beside the target, under the new
   passphrase (with a recovery phrase of its own, for a forgotten passphrase on this laptop).
3. ``sync`` with every mirror: the device registers with its certificate (the mirror checks it
   chains back to the founder) and pulls the whole ledger, checked by the intake as it arrives.
4. The ledger must begin with the founder's own first checkpoint, signed by the key the
   enrolment named: a mirror cannot hand over another vault's ledger.
5. The device writes its certificate as its first entry (so its key is in the signed history on
   its own chain too), the folder moves into place, and a last sync sends that entry.

Until the rename the target does not exist, so an interrupted join leaves no half-vault.
"""

from __future__ import annotations

import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path

from chronika.errors import ChronikaError, EnrolmentRefused, VaultExists
from chronika.mirror.client import SyncReport, sync_all
from chronika.mirror.roster import Roster
from chronika.vault.devices import Enrolment
from chronika.vault.files import fsync_dir, make_private_dir
from chronika.vault.keyfile import KeyFile
from chronika.vault.keys import KdfParams, device_id_for
from chronika.vault.phrase import RecoveryPhrase
from chronika.vault.secret import DataKey, Passphrase, SigningSeed
from chronika.vault.segment import LEDGER_DIR, CheckpointFrame, sealed_frames
from chronika.vault.vault import Vault

__all__ = ["JoinReport", "join"]


@dataclass(frozen=True, slots=True)
class JoinReport:
    directory: Path
    vault_id: bytes
    device_id: bytes
    name: str
    entries: int
    mirrors: list[SyncReport]


def join(
    enrolment: Enrolment, target: Path, passphrase: Passphrase, *, kdf: KdfParams
) -> tuple[JoinReport, RecoveryPhrase]:
    """Join the vault of ``enrolment`` into ``target`` (which must not exist, or be empty)."""
    target = Path(target)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise VaultExists(f"{target} is not empty: join into a new folder")
    if not enrolment.mirrors:
        raise EnrolmentRefused("the enrolment names no mirror to pull the vault from")
    make_private_dir(target.parent)
    staging = target.parent / f".{target.name}.joining-{secrets.token_hex(4)}"
    try:
        report, phrase = _join_into(enrolment, staging, passphrase, kdf)
        if target.exists():
            target.rmdir()
        staging.rename(target)
        fsync_dir(target.parent)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    # The last sync runs in place: mirrors.json and the session files name the final folder.
    vault = Vault.open(target, passphrase)
    try:
        final = sync_all(target, vault.keyring)
    finally:
        vault.lock()
    return (
        JoinReport(target, report.vault_id, report.device_id, report.name, report.entries, final),
        phrase,
    )


def _join_into(
    enrolment: Enrolment, staging: Path, passphrase: Passphrase, kdf: KdfParams
) -> tuple[JoinReport, RecoveryPhrase]:
    keys = (enrolment.vault_id, DataKey(enrolment.data_key), SigningSeed(enrolment.signing_seed))
    _, keyring, phrase = KeyFile.create(staging, passphrase, kdf=kdf, joining=keys)
    try:
        make_private_dir(staging / LEDGER_DIR)
        roster = Roster(
            staging,
            keyring,
            [],
            founder_key=enrolment.founder_key,
            certificate=enrolment.certificate,
        )
        for mirror in enrolment.mirrors:
            roster.add(mirror.url, mirror.mirror_id)
        roster.save()
        reports = sync_all(staging, keyring)
        if not any(report.ok for report in reports):
            first = next(report.error for report in reports if report.error is not None)
            assert isinstance(first, ChronikaError)
            raise type(first)(f"no mirror could be synced; first: {first.message}")
        _check_founder(staging, enrolment.founder_key)
    finally:
        keyring.wipe()
    vault = Vault.open(staging, passphrase)
    try:
        vault.admit_self(enrolment.certificate)
        entries = vault.view.head().size
    finally:
        vault.lock()
    report = JoinReport(
        staging,
        enrolment.vault_id,
        enrolment.certificate.device_id,
        enrolment.certificate.name,
        entries,
        reports,
    )
    return report, phrase


def _check_founder(staging: Path, founder_key: bytes) -> None:
    """The ledger pulled must start with the founder's first checkpoint, signed by the founder's key."""
    for frame in sealed_frames(staging / LEDGER_DIR):
        if isinstance(frame, CheckpointFrame):
            checkpoint = frame.checkpoint
            if checkpoint.device_id == device_id_for(founder_key) and checkpoint.verify(founder_key):
                return
            break
    raise EnrolmentRefused("the mirror sent a ledger that the vault's founding device did not start")
