"""Restore after a fire: a mirror's URL and the recovery phrase give back the whole vault.

1. From the phrase, derive the recovery locator and token (``access.py``) and ask the mirror for
   the vault id and its recovery-only key file.
2. Unwrap the keys with the phrase. The key file's recovery slot is bound to the vault id and
   device id, so a mirror cannot hand over another key file that the phrase opens.
3. With the recovered device key, sign the reads: download every committed segment into a
   staging folder beside the target.
4. Verify it all with :func:`~chronika.vault.verify.verify_ledger`: every frame, chain,
   signature, Merkle root, and (with the data key) that every entry decrypts. Only the device
   key from the key file is trusted, never a key list the mirror sends.
5. Set the new passphrase (the key file's passphrase slot is rewritten), remember this mirror and
   its head in ``mirrors.json``, then move the staging folder into place. Until that rename the
   target does not exist, so an interrupted restore leaves no half-vault to be mistaken for one.

What this cannot tell: whether the mirror rolled the vault back to an earlier checkpoint, since a
new machine remembers nothing. The report shows the head's size and time for a person to judge,
and ``sync`` with any other mirror then catches a rollback (that mirror holds more).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from chronika.errors import LedgerCorrupt, MirrorDropped, MirrorProtocolError, VaultExists
from chronika.mirror.access import RecoveryAccess
from chronika.mirror.connection import MirrorConnection
from chronika.mirror.protocol import MAX_READ_BYTES
from chronika.mirror.roster import Roster
from chronika.mirror.witness import mirror_checkpoint
from chronika.vault.checkpoint import Checkpoint
from chronika.vault.devices import evaluate
from chronika.vault.files import PRIVATE_FILE_MODE, fsync_dir, make_private_dir, write_atomic
from chronika.vault.keyfile import VAULT_FILE, KeyFile
from chronika.vault.phrase import RecoveryPhrase
from chronika.vault.secret import Passphrase
from chronika.vault.segment import LEDGER_DIR, segment_name
from chronika.vault.verify import verify_ledger

__all__ = ["RestoreReport", "restore"]


@dataclass(frozen=True, slots=True)
class RestoreReport:
    directory: Path
    url: str
    vault_id: bytes
    entries: int
    segments: int
    total_bytes: int
    root: bytes
    checkpoint: Checkpoint | None


def restore(
    url: str,
    phrase: RecoveryPhrase,
    target: Path,
    new_passphrase: Passphrase,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> RestoreReport:
    """Rebuild the vault at ``target`` (which must not exist, or be empty) from the mirror at ``url``."""
    target = Path(target)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise VaultExists(f"{target} is not empty: restore into a new folder")
    make_private_dir(target.parent)
    staging = target.parent / f".{target.name}.restoring-{secrets.token_hex(4)}"
    make_private_dir(staging)
    try:
        report = _restore_into(url, phrase, staging, new_passphrase, progress)
        if target.exists():
            target.rmdir()
        staging.rename(target)
        fsync_dir(target.parent)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return RestoreReport(target, *report)


def _restore_into(
    url: str,
    phrase: RecoveryPhrase,
    staging: Path,
    new_passphrase: Passphrase,
    progress: Callable[[int, int], None] | None,
) -> tuple[str, bytes, int, int, int, bytes, Checkpoint | None]:
    access = RecoveryAccess.from_phrase(phrase)
    with MirrorConnection(url) as connection:
        connection.info()
        vault_id, blob = connection.recover(access)
        write_atomic(staging / VAULT_FILE, blob)
        key_file = KeyFile.load(staging)
        if key_file.vault_id != vault_id:
            raise MirrorProtocolError(f"mirror {connection.url} sent the key file of another vault")
        keyring = key_file.unlock_with_recovery(phrase)
        try:
            connection.use_keys(keyring)
            head = connection.head(vault_id)
            if head is None:
                raise MirrorProtocolError(f"mirror {connection.url} holds the key file but not the ledger")
            # The recovery phrase restores the founding device; other devices' keys are trusted only
            # through certificates that chain back to it (the mirror's word alone counts for nothing).
            certificates = [device.certificate for device in head.devices if device.certificate is not None]
            trust = evaluate(vault_id, keyring.public_key, certificates, head.revocations)
            keys = {**trust.keys, keyring.device_id: keyring.public_key}
            checkpoint = mirror_checkpoint(connection.url, head, vault_id, keys)
            ledger = staging / LEDGER_DIR
            make_private_dir(ledger)
            total = sum(state.committed for state in head.segments)
            done = 0
            for state in head.segments:
                path = ledger / segment_name(state.number)
                with path.open("xb") as handle:
                    path.chmod(PRIVATE_FILE_MODE)
                    offset = 0
                    while offset < state.committed:
                        chunk = connection.read(
                            vault_id, state.number, offset, min(MAX_READ_BYTES, state.committed - offset)
                        )
                        if not chunk:
                            raise MirrorDropped(
                                f"mirror {connection.url} withholds entries: it claims {state.committed} "
                                f"bytes of {path.name} but sends only {offset}"
                            )
                        handle.write(chunk)
                        offset += len(chunk)
                        done += len(chunk)
                        if progress is not None:
                            progress(done, total)
                    handle.flush()
                    os.fsync(handle.fileno())
            fsync_dir(ledger)
            result = verify_ledger(ledger, vault_id=vault_id, public_keys=keys, data_key=keyring.data_key)
            result.raise_for_problem()
            if checkpoint is not None and (
                result.head is None or result.head.encode() != checkpoint.encode()
            ):
                raise LedgerCorrupt(
                    f"the ledger from {connection.url} does not end at the checkpoint it showed"
                )
            key_file.recover(phrase, new_passphrase, duress_passphrase=None)
            roster = Roster.load(staging, keyring)
            record = roster.add(connection.url, connection.mirror_id or "")
            record.checkpoint = head.checkpoint
            record.synced = int(time.time())
            roster.recovery = access
            roster.device_keys = {d.hex(): k for d, k in keys.items() if d != keyring.device_id}
            roster.save()
            return (
                connection.url,
                vault_id,
                result.entries,
                result.segments,
                result.total_bytes,
                result.root,
                result.head,
            )
        finally:
            with contextlib.suppress(ValueError):
                keyring.wipe()
