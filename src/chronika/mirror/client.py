"""Sync with one mirror: check it did not lie, send what it lacks, take what it has that we lack.

One sync of one mirror, :class:`MirrorSync`, is a loop of *attempts*. Each attempt starts from
nothing but the mirror's answers, so it is idempotent and any attempt can resume where the last
one was cut off:

1. ask the mirror who it is (its id must be the one remembered) and for the vault's head
   (registering the vault the first time);
2. let the witness (``witness.py``) check that head against the checkpoint this mirror showed last
   time and against the local ledger, and audit that it really holds the bytes it claims (before
   sending it anything; after a pull, once the local ledger holds the same);
3. **push**: for each segment, send the local bytes from where the mirror's copy ends (after a
   batch the mirror holds only part of, if the part is ours, else from its last checkpoint), in
   slices cut at frame boundaries; the mirror checks and commits each one;
4. or **pull**, when the mirror holds more than we do (entries another device of this vault wrote):
   download what is missing, check it with the same :class:`~chronika.mirror.intake.Intake` the
   mirror uses, and append it to the local segments under the ledger's lock;
   or **rebase**, when both hold entries the other lacks since the checkpoint this mirror showed
   last (two devices wrote offline): set this device's unsent entries aside (``Ledger.cut_after``),
   pull, append them again after the mirror's, and push;
5. upload the recovery-only key file if the mirror's differs;
6. remember the mirror's new head in ``mirrors.json``, only after it equals the local head.

The device keys come from the mirror's answer but are trusted only through certificates that chain
back to the founding device (``chronika.vault.devices``); revocations this device signed are sent
to every mirror that lacks them. A device that joined later registers itself with its certificate,
and only the device holding the recovery access uploads the recovery-only key file.

A dropped connection (MirrorUnreachable) or a lost race (OffsetConflict) starts a new attempt
after a short pause; sync gives up only after ``patience`` seconds without progress. A lying
mirror is not retried: its misbehaviour is recorded in ``mirrors.json`` and reported.
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from chronika.errors import (
    ChronikaError,
    MirrorForked,
    MirrorMisbehaved,
    MirrorProtocolError,
    MirrorRefused,
    MirrorReplaced,
    MirrorRolledBack,
    MirrorUnreachable,
)
from chronika.mirror.access import recovery_key_file
from chronika.mirror.connection import MirrorConnection
from chronika.mirror.intake import Intake
from chronika.mirror.local import LocalLedger
from chronika.mirror.protocol import MAX_READ_BYTES, VaultHead
from chronika.mirror.roster import MirrorRecord, Roster
from chronika.mirror.witness import audit, check_head, mirror_checkpoint
from chronika.vault import merkle
from chronika.vault.audit import ledger_lock
from chronika.vault.checkpoint import Checkpoint
from chronika.vault.devices import evaluate
from chronika.vault.files import PRIVATE_FILE_MODE, fsync_dir
from chronika.vault.frame import FRAME_ENVELOPE, KIND_ENTRY, parse_entry_header
from chronika.vault.keys import Keyring
from chronika.vault.ledger import Ledger
from chronika.vault.segment import LEDGER_DIR, frames_until_damage, list_segments, segment_name

__all__ = ["CHUNK_BYTES", "DEFAULT_PATIENCE", "MirrorSync", "Progress", "SyncReport", "sync_all"]

# Slices sent per request: well under the mirror's limit (8 MiB), large enough that 100,000
# entries of 1 KB go in a few dozen requests.
CHUNK_BYTES = 4 * 1024 * 1024
# How long sync keeps trying a mirror that makes no progress (down, restarting, cutting connections).
DEFAULT_PATIENCE = 30.0
_OFFSET_CONFLICT = "E347"

#: ``progress(done, total)`` in bytes, called after every slice pushed or pulled.
Progress = Callable[[int, int], None]


@dataclass
class SyncReport:
    """What one sync did with one mirror, or why it failed."""

    url: str
    pushed_entries: int = 0
    pushed_bytes: int = 0
    pulled_entries: int = 0
    rebased_entries: int = 0
    size: int = 0
    root: bytes = merkle.EMPTY_ROOT
    attempts: int = 0
    error: ChronikaError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class MirrorSync:
    """One sync of one mirror (see the module doc)."""

    def __init__(
        self,
        directory: Path,
        keyring: Keyring,
        roster: Roster,
        record: MirrorRecord,
        *,
        progress: Progress | None = None,
        patience: float = DEFAULT_PATIENCE,
    ) -> None:
        self.directory = Path(directory)
        self.ledger_dir = self.directory / LEDGER_DIR
        self.keyring = keyring
        self.roster = roster
        self.record = record
        self.progress = progress
        self.patience = patience
        self.keys = {keyring.device_id: keyring.public_key}
        self.cutoffs: dict[bytes, int] = {}
        self.report = SyncReport(record.url)
        self._audited = False
        self._local: LocalLedger | None = None
        self._last_progress = time.monotonic()
        self._done = 0

    def run(self) -> SyncReport:
        """Sync until done, a lie is found, or ``patience`` passes without progress; never raises."""
        delay, failed_at = 0.1, time.monotonic()
        with MirrorConnection(self.record.url) as connection:
            while True:
                self.report.attempts += 1
                try:
                    self._attempt(connection)
                    return self.report
                except MirrorMisbehaved as error:
                    self.record.problem = f"[{error.code}] {error.message}"
                    self.roster.save()
                    self.report.error = error
                    return self.report
                except (MirrorUnreachable, MirrorRefused, MirrorProtocolError) as error:
                    transient = isinstance(error, MirrorUnreachable) or (
                        isinstance(error, MirrorRefused) and error.remote_code == _OFFSET_CONFLICT
                    )
                    if not transient or time.monotonic() - self._last_progress > self.patience:
                        self.report.error = error
                        return self.report
                except ChronikaError as error:
                    self.report.error = error
                    return self.report
                if self._last_progress > failed_at:
                    delay = 0.1  # it moved since the last failure: not a mirror that is down
                failed_at = time.monotonic()
                time.sleep(delay)
                delay = min(delay * 2, 2.0)

    def _attempt(self, connection: MirrorConnection) -> None:
        url, vault_id = connection.url, self.keyring.vault_id
        info = connection.info()
        if info.mirror_id != self.record.mirror_id:
            raise MirrorReplaced(
                f"mirror {url} is now another mirror (id {info.mirror_id}, was {self.record.mirror_id}); "
                "if it was rebuilt on purpose, remove and add it again"
            )
        connection.use_keys(self.keyring)
        if self._local is None:
            self._local = LocalLedger(self.ledger_dir)  # one snapshot per sync, not per attempt
        local = self._local
        remembered = self.record.remembered
        head = connection.head(vault_id)
        if head is None:
            if remembered is not None and remembered.size > 0:
                raise MirrorRolledBack(
                    f"mirror {url} rolled back: it no longer holds this vault, "
                    f"which had {remembered.size} entries there"
                )
            head = connection.register(self.keyring, self.roster.recovery, self.roster.certificate)
        for revocation in self.roster.revocations:
            if revocation not in head.revocations:
                head = connection.revoke(vault_id, revocation)
        self._trust(head)
        checkpoint = mirror_checkpoint(url, head, vault_id, self.keys)
        check = check_head(
            connection, head, checkpoint, vault_id=vault_id, remembered=remembered, local=local
        )
        if check.plan in ("pull", "rebase"):
            # The mirror holds bytes we lack: they are checked as they arrive, and the audit of the
            # whole copy follows, once the local ledger has them too.
            if check.plan == "rebase":
                assert remembered is not None
                self._rebase(connection, head, remembered)
            else:
                self._pull(connection, head)
            local = self._local = LocalLedger(self.ledger_dir)
        if not self._audited:
            audit(connection, local, vault_id)
            self._audited = True
        if check.plan == "push" or (check.plan == "rebase" and local.size > head.size):
            head = self._push(connection, local, head)
        if (
            head.checkpoint is None
            or local.head_bytes is None
            or head.checkpoint.encode() != local.head_bytes
        ):
            head = connection.head(vault_id) or head
            if (
                head.checkpoint is None
                or local.head_bytes is None
                or head.checkpoint.encode() != local.head_bytes
            ):
                raise MirrorProtocolError(f"mirror {url} did not end at this vault's head after the sync")
        if self.roster.recovery is not None:  # the device the recovery phrase restores
            blob = recovery_key_file(self.directory)
            if head.keyfile_sha256 != hashlib.sha256(blob).hexdigest():
                head = connection.put_key_file(vault_id, blob)
        self.record.checkpoint = head.checkpoint
        self.record.synced = int(time.time())
        self.record.problem = None
        self.roster.save()
        self.report.size = local.size
        self.report.root = local.root_at(local.size)

    def _trust(self, head: VaultHead) -> None:
        """The keys entries and checkpoints are checked with: certified back to the founder only."""
        certificates = [device.certificate for device in head.devices if device.certificate is not None]
        if self.roster.certificate is not None:
            certificates.append(self.roster.certificate)
        founder = self.roster.founder_key or self.keyring.public_key
        trust = evaluate(
            self.keyring.vault_id, founder, certificates, [*head.revocations, *self.roster.revocations]
        )
        self.keys = {**trust.keys, self.keyring.device_id: self.keyring.public_key}
        self.cutoffs = dict(trust.cutoffs)
        known = {device.hex(): key for device, key in self.keys.items() if device != self.keyring.device_id}
        if known != self.roster.device_keys:
            # Saved before anything is pulled: the ledger may end with another device's checkpoint
            # from then on, and opening it checks that checkpoint against these keys.
            self.roster.device_keys = known
            self.roster.save()

    # -- rebase ----------------------------------------------------------------------------------

    def _rebase(self, connection: MirrorConnection, head: VaultHead, remembered: Checkpoint) -> None:
        """Set unsent entries aside, take the mirror's, append ours after them (see the module doc)."""
        for other in self.roster.mirrors:
            shown = other.remembered
            if other is not self.record and shown is not None and shown.size > remembered.size:
                raise MirrorProtocolError(
                    f"mirror {connection.url} holds another device's new entries, and this device's own "
                    f"are already on {other.url}: the two mirrors hold different orders. Sync with "
                    f"{other.url} alone for now (see docs/threat-model.md, known gaps)"
                )
        self._refuse_own_fork(connection, head, remembered)
        with Ledger.open(self.ledger_dir, self.keyring, peers=self.keys) as ledger:
            moved = ledger.cut_after(remembered.size)
        with ledger_lock(self.ledger_dir):
            self._pull(connection, head, locked=True)
        with Ledger.open(self.ledger_dir, self.keyring, peers=self.keys):  # appends the journalled entries
            pass
        self.report.rebased_entries += moved

    def _refuse_own_fork(self, connection: MirrorConnection, head: VaultHead, remembered: Checkpoint) -> None:
        """Before anything is cut: the mirror's new entries must all be other devices'.

        An entry of *this* device that this ledger lacks means a second copy of this device's key
        wrote a different history (a vault restored elsewhere and still used, or a forger with the
        key): that is a fork, never something to merge.
        """
        local = self._local or LocalLedger(self.ledger_dir)
        found = local.checkpoints.get(remembered.size)
        if found is None:
            raise MirrorForked(f"mirror {connection.url}: this ledger lacks the checkpoint it showed last")
        number, frame = found
        device = self.keyring.device_id
        for state in head.segments:
            if state.number < number:
                continue
            start = frame.end if state.number == number else 0
            offset, carried = start, b""
            while offset < state.committed:
                chunk = connection.read(
                    self.keyring.vault_id, state.number, offset, min(MAX_READ_BYTES, state.committed - offset)
                )
                if not chunk:
                    raise MirrorProtocolError(f"mirror {connection.url} stopped sending at byte {offset}")
                data = carried + chunk
                end = 0
                for at, kind, body in frames_until_damage(data, 0):
                    end = at + FRAME_ENVELOPE.size + len(body)
                    if kind == KIND_ENTRY and parse_entry_header(body, at).device_id == device:
                        raise MirrorForked(
                            f"mirror {connection.url} forked: it holds entries of this device that this "
                            "device never wrote (is its key in use on another machine?)"
                        )
                carried, offset = data[end:], offset + len(chunk)

    # -- push ------------------------------------------------------------------------------------

    def _push(self, connection: MirrorConnection, local: LocalLedger, head: VaultHead) -> VaultHead:
        vault_id = self.keyring.vault_id
        states = {state.number: state for state in head.segments}
        plan: list[tuple[int, int, int]] = []
        for segment in local.segments:
            state = states.get(segment.number)
            start = 0
            if state is not None:
                start = state.committed
                if state.committed < state.length <= segment.committed:
                    mine = hashlib.sha256(
                        local.read(segment.number, state.committed, state.length)
                    ).hexdigest()
                    if mine == state.pending_sha256:
                        start = state.length  # the part of a batch already there is ours: resume after it
            if start < segment.committed:
                plan.append((segment.number, start, segment.committed))
        total = self._done + sum(end - start for _, start, end in plan)
        size_before = head.size
        for number, start, end in plan:
            ends = [frame.end for frame in local.segments[number - 1].frames]
            offset = start
            while offset < end:
                stop = _slice_end(ends, offset, min(end, offset + CHUNK_BYTES))
                data = local.read(number, offset, stop)
                head = connection.append(vault_id, number, offset, data)
                offset = stop
                self._advance(len(data), total)
                self.report.pushed_bytes += len(data)
        self.report.pushed_entries += max(0, head.size - size_before)
        return head

    def _advance(self, count: int, total: int) -> None:
        self._done += count
        self._last_progress = time.monotonic()
        if self.progress is not None:
            self.progress(self._done, total)

    # -- pull ------------------------------------------------------------------------------------

    def _pull(self, connection: MirrorConnection, head: VaultHead, *, locked: bool = False) -> None:
        """Append what the mirror holds beyond the local ledger, checked first, under the ledger lock.

        A device that just joined has no segment yet: it takes the lock without opening a writer
        (which would start a ledger of its own) and pulls the vault's ledger from the start.
        """
        vault_id = self.keyring.vault_id
        if locked:
            lock: contextlib.AbstractContextManager[object] = contextlib.nullcontext()
        elif not list_segments(self.ledger_dir):
            lock = ledger_lock(self.ledger_dir)
        else:
            # the writer's lock; cuts a torn tail
            lock = Ledger.open(self.ledger_dir, self.keyring, peers=self.keys)
        with lock:
            local = LocalLedger(self.ledger_dir)
            intake = Intake(vault_id, self.keys, self.cutoffs)
            for segment in local.segments:
                intake.apply(
                    intake.check(
                        local.read(segment.number, 0, segment.committed), segment=segment.name, base=0
                    )
                )
            size_before = intake.size
            plan = []
            for state in head.segments:
                mine = local.segment(state.number)
                start = mine.committed if mine is not None else 0
                if state.committed > start:
                    plan.append((state.number, start, state.committed))
            total = self._done + sum(end - start for _, start, end in plan)
            for number, start, end in plan:
                self._download(connection, intake, number, start, end, total)
            if (
                intake.head_bytes is None
                or head.checkpoint is None
                or intake.head_bytes != head.checkpoint.encode()
            ):
                raise MirrorProtocolError(
                    f"mirror {connection.url} sent a ledger that does not end at its head"
                )
            self.report.pulled_entries += intake.size - size_before

    def _download(
        self, connection: MirrorConnection, intake: Intake, number: int, start: int, end: int, total: int
    ) -> None:
        path = self.ledger_dir / segment_name(number)
        create = not path.exists()
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, PRIVATE_FILE_MODE)
        try:
            if create:
                fsync_dir(self.ledger_dir)
            if os.fstat(fd).st_size != start:
                raise MirrorProtocolError(f"{path.name} changed while pulling; sync again")
            carried, base, offset = b"", start, start
            while offset < end:
                chunk = connection.read(
                    self.keyring.vault_id, number, offset, min(MAX_READ_BYTES, end - offset)
                )
                if not chunk:
                    raise MirrorProtocolError(
                        f"mirror {connection.url} stopped sending {path.name} at byte {offset}"
                    )
                data = carried + chunk
                step = intake.check(data, segment=path.name, base=base)
                view = memoryview(chunk)
                while view:
                    view = view[os.write(fd, view) :]
                os.fdatasync(fd)
                intake.apply(step)
                carried, base, offset = data[step.consumed :], base + step.consumed, offset + len(chunk)
                self._advance(len(chunk), total)
        finally:
            os.close(fd)


def _slice_end(frame_ends: list[int], offset: int, limit: int) -> int:
    """The last frame end in (offset, limit], so slices carry whole frames; ``limit`` if none fits."""
    i = bisect.bisect_right(frame_ends, limit) - 1
    if i >= 0 and frame_ends[i] > offset:
        return frame_ends[i]
    return limit


def sync_all(
    directory: Path,
    keyring: Keyring,
    *,
    progress_for: Callable[[MirrorRecord], Progress | None] | None = None,
    patience: float = DEFAULT_PATIENCE,
) -> list[SyncReport]:
    """Sync every mirror of the vault in turn; one mirror's failure does not stop the others."""
    roster = Roster.load(directory, keyring)
    reports = []
    for record in list(roster.mirrors):
        progress = progress_for(record) if progress_for is not None else None
        reports.append(
            MirrorSync(directory, keyring, roster, record, progress=progress, patience=patience).run()
        )
    return reports
