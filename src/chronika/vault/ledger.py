"""The ledger: append-only, encrypted, hash-chained, Merkle-checkpointed entries in segment files.

One process writes at a time (an exclusive ``flock`` on the ``ledger/`` directory). A write is one
*batch*: :meth:`Ledger.append_batch` encrypts every payload into an entry, chains each to the
device's previous entry, ends the batch with a checkpoint signing the new Merkle root, writes it
all with one ``write`` and ``fdatasync``s it (and fsyncs the directory when a segment is created)
before returning. So an append that returned survives ``kill -9`` and power loss, and an append
that did not return is not part of the ledger.

Truncation policy, applied by :meth:`Ledger.open` (and nowhere else; ``verify`` never changes a
byte): bytes after the last valid checkpoint of the last segment are an append that never
returned, and are cut off, provided they look like one: complete, well-formed entries, then at most
one frame the file ends inside (or zeros to the end, as some filesystems leave after power loss).
Anything else after the last checkpoint (a complete frame with a bad checksum, a valid checkpoint
hiding behind a damaged frame) is not a torn write but damage, and ``open`` refuses with
LedgerCorrupt instead of repairing: nothing before or at the last valid checkpoint is ever
dropped. What was cut is reported in :attr:`Ledger.repaired`.

A full disk (``ENOSPC``, ``EFBIG`` from a file-size limit, ``EDQUOT``) during an append raises
DiskFull after truncating the segment back to its size before the append: the ledger is as it was.

Rebase (several devices, one mirror order). A mirror holds one linear ledger per vault. When this
device wrote entries that no mirror has yet, while another device's entries reached the mirror
first, ``sync`` moves this device's unsent entries after the mirror's: :meth:`Ledger.cut_after`
first writes them, byte for byte, to ``ledger/rebase.journal`` (fsynced), then cuts the ledger back
to the last checkpoint the mirror holds; ``sync`` appends the mirror's entries; the next
:meth:`Ledger.open` appends every journalled entry the ledger lacks (:meth:`append_sealed`, same
bytes, same per-device chains, a new checkpoint) and removes the journal. So a crash at any step
loses nothing: an entry is either in the segments or in the journal, fsynced, until it is in both.
Only entries that no mirror acknowledged are ever moved; what a mirror showed is never cut.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import os
import struct
import time
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Self

from chronika.errors import (
    DiskFull,
    LedgerBusy,
    LedgerCorrupt,
    VaultExists,
    VaultFormatTooNew,
    VaultWriteFailed,
)
from chronika.vault import merkle
from chronika.vault.checkpoint import ORIGIN_PREFIX, Checkpoint, CheckpointInvalid
from chronika.vault.cipher import NONCE_BYTES, EntryCipher
from chronika.vault.files import PRIVATE_FILE_MODE, fsync_dir, make_private_dir
from chronika.vault.frame import (
    ENTRY_HEADER,
    ENTRY_VERSION,
    FRAME_ENVELOPE,
    KIND_CHECKPOINT,
    KIND_ENTRY,
    MAGIC,
    MAX_PAYLOAD_BYTES,
    NO_PREVIOUS,
    FrameDamaged,
    encode_frame,
    parse_entry_header,
    scan,
)
from chronika.vault.keys import Keyring
from chronika.vault.segment import frames_until_damage, list_segments, segment_name

__all__ = ["REBASE_JOURNAL", "SEGMENT_LIMIT_BYTES", "Ledger", "TailRepair"]

REBASE_JOURNAL = "rebase.journal"

# A new segment starts once the current one passes this size: large enough that 100,000 incidents
# with their sources fit in a few dozen files, small enough to copy, sync or re-verify one at a time.
SEGMENT_LIMIT_BYTES = 64 * 1024 * 1024
_KIND_AND_LENGTH = struct.Struct(">BI")
_FULL_DISK = (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)


@dataclass(frozen=True, slots=True)
class TailRepair:
    """What :meth:`Ledger.open` cut from the end: an append that never returned."""

    segment: str
    offset: int
    dropped_bytes: int
    dropped_entries: int


class Ledger:
    """The writer. Use :meth:`create` or :meth:`open`, then :meth:`append_batch`; close when done."""

    def __init__(
        self,
        directory: Path,
        keyring: Keyring,
        dir_fd: int,
        segment_limit: int,
        peers: Mapping[bytes, bytes] | None = None,
    ) -> None:
        self.directory = directory
        self._keyring = keyring
        self._peers = dict(peers or {})
        self._signer = keyring.signing_key()
        self._cipher = EntryCipher(keyring.data_key)
        self._dir_fd = dir_fd
        self._segment_limit = segment_limit
        self._fd = -1
        self._segment_number = 0
        self._segment_size = 0
        self._frontier = merkle.Frontier()
        self._seq = 0
        self._previous = NO_PREVIOUS
        self._head: Checkpoint | None = None
        self._broken = False
        self.repaired: TailRepair | None = None

    # -- opening ---------------------------------------------------------------------------------

    @classmethod
    def create(cls, directory: Path, keyring: Keyring, *, segment_limit: int = SEGMENT_LIMIT_BYTES) -> Ledger:
        """Start an empty ledger: one segment holding a signed checkpoint of the empty tree."""
        directory = Path(directory)
        if directory.exists() and any(directory.iterdir()):
            raise VaultExists(f"a ledger already exists in {directory}")
        make_private_dir(directory)
        ledger = cls(directory, keyring, _lock(directory), segment_limit)
        try:
            ledger._start_segment(1)
            ledger._write_batch(b"", merkle.Frontier(), 0, NO_PREVIOUS)
        except BaseException:
            ledger.close()
            raise
        return ledger

    @classmethod
    def open(
        cls,
        directory: Path,
        keyring: Keyring,
        *,
        segment_limit: int = SEGMENT_LIMIT_BYTES,
        peers: Mapping[bytes, bytes] | None = None,
    ) -> Ledger:
        """Open for appending: take the lock, cut a torn tail (see module doc), restore the head.

        ``peers`` are the other devices' keys (as ``sync`` last certified them): the last checkpoint
        may be another device's, appended by a pull, and must then check with its key.
        """
        directory = Path(directory)
        if not directory.is_dir():
            raise LedgerCorrupt(f"the ledger folder {directory} is missing")
        ledger = cls(directory, keyring, _lock(directory), segment_limit, peers)
        try:
            ledger._restore()
        except BaseException:
            ledger.close()
            raise
        return ledger

    def _restore(self) -> None:
        segments = list_segments(self.directory)
        if not segments:
            self._start_segment(1)
            self._write_batch(b"", merkle.Frontier(), 0, NO_PREVIOUS)
            return
        last = segments[-1]
        self._fd = os.open(last, os.O_WRONLY | os.O_APPEND)
        self._segment_number = len(segments)
        data = last.read_bytes()
        good_end, head, _ = self._repair_tail(last.name, data)
        self._segment_size = good_end
        if head is None and len(segments) > 1:
            # The last segment holds no complete batch (a crash right after a roll): the head is
            # the checkpoint that ends the segment before it, which must be whole.
            previous = segments[-2]
            data = previous.read_bytes()
            good_end, head, damage = _read_segment(previous.name, data, self._keyring.vault_id)
            if head is None or damage is not None or good_end != len(data):
                raise LedgerCorrupt(
                    "segment does not end with a valid checkpoint; nothing was repaired: run verify",
                    segment=previous.name,
                    offset=damage.offset if damage is not None else good_end,
                )
        if head is None:  # a crash while the ledger was being created: nothing was ever acknowledged
            self._write_batch(b"", merkle.Frontier(), 0, NO_PREVIOUS)
            return
        # The last checkpoint is this device's, or another device's that a pull appended: it must
        # check with that device's key either way.
        if head.device_id == self._keyring.device_id:
            key: bytes | None = self._keyring.public_key
        else:
            key = self._peers.get(head.device_id)
        if head.vault_id != self._keyring.vault_id or key is None or not head.verify(key):
            raise LedgerCorrupt(
                "the last checkpoint is not signed by a device key of this vault", segment=last.name
            )
        self._head = head
        self._frontier = merkle.Frontier(head.size, head.subtrees)
        self._seq, self._previous = self._device_head(segments)
        journal = self.directory / REBASE_JOURNAL
        if journal.exists():
            self._finish_rebase(journal)

    def _finish_rebase(self, journal: Path) -> None:
        """Append what a rebase set aside and the ledger lacks, then drop the journal (module doc)."""
        data = journal.read_bytes()
        bodies = [body for _, kind, body in frames_until_damage(data, 0) if kind == KIND_ENTRY]
        try:
            self.append_sealed(bodies)
        except LedgerCorrupt as error:
            # Never drop what was set aside: keep it beside the ledger, and say where.
            kept = journal.with_name(f"{REBASE_JOURNAL}.refused-{int(time.time())}")
            os.replace(journal, kept)
            fsync_dir(self.directory)
            raise LedgerCorrupt(
                f"{error.message}; the {len(bodies)} entries set aside are kept in {kept.name}"
            ) from None
        journal.unlink()
        fsync_dir(self.directory)

    def cut_after(self, size: int) -> int:
        """Journal every entry after the checkpoint of ``size`` entries, then cut the ledger back to it.

        The number of entries set aside; the next :meth:`open` appends them again (module doc).
        LedgerCorrupt if no checkpoint of that size ends a batch here. Closes this writer: open again.
        """
        from chronika.vault.segment import CheckpointFrame, sealed_frames

        end: tuple[str, int] | None = None
        tail: list[bytes] = []
        for frame in sealed_frames(self.directory):
            if isinstance(frame, CheckpointFrame):
                if frame.checkpoint.size == size and end is None:
                    end = (frame.segment, frame.offset + FRAME_ENVELOPE.size + len(frame.data))
            elif frame.index >= size:
                tail.append(frame.data)
        if end is None:
            raise LedgerCorrupt(f"no checkpoint of {size} entries to rebase on")
        journal = self.directory / REBASE_JOURNAL
        if journal.exists():
            raise VaultWriteFailed("a rebase is already waiting to finish: open the vault again first")
        building = journal.with_name(REBASE_JOURNAL + ".new")
        fd = os.open(building, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(b"".join(encode_frame(KIND_ENTRY, body) for body in tail))
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(building, journal)
            fsync_dir(self.directory)
        except OSError as error:
            raise _write_error(error, self.directory) from None
        name, offset = end
        self.close()
        for path in list_segments(self.directory):
            if path.name > name:
                path.unlink()
            elif path.name == name:
                with path.open("r+b") as handle:
                    handle.truncate(offset)
                    os.fsync(handle.fileno())
        fsync_dir(self.directory)
        return len(tail)

    def append_sealed(self, bodies: list[bytes]) -> Checkpoint | None:
        """Append entries as they are (already sealed, of any device of the vault) and checkpoint them.

        An entry the ledger already holds (the same bytes at that device's sequence number) is
        skipped; a different entry at a sequence number already held is a fork, refused; any other
        must continue its device's chain. None if nothing was new.
        """
        from chronika.vault.segment import CheckpointFrame, follow_chain, sealed_frames

        if self._broken or self._fd < 0:
            raise VaultWriteFailed("the ledger had a write error or is closed: open it again")
        heads: dict[bytes, tuple[int, bytes]] = {}
        held: dict[tuple[bytes, int], bytes] = {}
        for frame in sealed_frames(self.directory):
            if not isinstance(frame, CheckpointFrame):
                follow_chain(heads, frame)
                held[frame.header.device_id, frame.header.seq] = frame.leaf_hash
        frontier = self._frontier.copy()
        seq, previous = self._seq, self._previous
        parts: list[bytes] = []
        for body in bodies:
            header = parse_entry_header(body, 0)
            if header.vault_id != self._keyring.vault_id:
                raise LedgerCorrupt("an entry to append belongs to another vault")
            last_seq, last_hash = heads.get(header.device_id, (0, NO_PREVIOUS))
            if header.seq <= last_seq:
                if held.get((header.device_id, header.seq)) != merkle.leaf_hash(body):
                    raise LedgerCorrupt(
                        f"the ledger holds another entry {header.seq} of device {header.device_id.hex()}: "
                        "two copies of that device wrote different entries (a fork)",
                        seq=header.seq,
                    )
                continue  # the very same entry is already here
            if header.seq != last_seq + 1 or header.previous != last_hash:
                raise LedgerCorrupt(
                    f"an entry to append does not continue device {header.device_id.hex()}'s chain",
                    seq=header.seq,
                )
            leaf = merkle.leaf_hash(body)
            heads[header.device_id] = (header.seq, leaf)
            parts.append(encode_frame(KIND_ENTRY, body))
            frontier.append(leaf)
            if header.device_id == self._keyring.device_id:
                seq, previous = header.seq, leaf
        if not parts:
            return None
        if self._segment_size >= self._segment_limit:
            self._start_segment(self._segment_number + 1)
        return self._write_batch(b"".join(parts), frontier, seq, previous)

    def _repair_tail(self, name: str, data: bytes) -> tuple[int, Checkpoint | None, int]:
        good_end, head, damage = _read_segment(name, data, self._keyring.vault_id)
        if good_end == len(data):
            return good_end, head, 0
        if damage is not None and damage.newer:
            raise VaultFormatTooNew(f"{name} at offset {damage.offset}: {damage.reason}")
        if damage is not None and not damage.incomplete and not _zero_filled(data, damage.offset):
            raise LedgerCorrupt(
                f"{damage.reason} after the last checkpoint; this is not a torn write, so nothing was "
                "repaired: run verify",
                segment=name,
                offset=damage.offset,
            )
        hidden = _find_checkpoint(data, good_end, self._keyring.vault_id)
        if hidden is not None:
            raise LedgerCorrupt(
                "a damaged frame hides a later checkpoint; nothing was repaired: run verify",
                segment=name,
                offset=hidden,
            )
        dropped = sum(1 for offset, kind, _ in frames_until_damage(data, good_end) if kind == KIND_ENTRY)
        os.ftruncate(self._fd, good_end)
        os.fsync(self._fd)
        self.repaired = TailRepair(name, good_end, len(data) - good_end, dropped)
        return good_end, head, dropped

    def _device_head(self, segments: list[Path]) -> tuple[int, bytes]:
        """This device's last sequence number and entry hash, from the newest segment that has one."""
        device = self._keyring.device_id
        for path in reversed(segments):
            data = path.read_bytes()
            last: tuple[int, bytes] | None = None
            for offset, kind, body in frames_until_damage(data, 0):
                if kind == KIND_ENTRY:
                    header = parse_entry_header(body, offset)
                    if header.device_id == device:
                        last = (header.seq, merkle.leaf_hash(body))
            if last is not None:
                return last
        return 0, NO_PREVIOUS

    # -- appending -------------------------------------------------------------------------------

    @property
    def size(self) -> int:
        """Entries in the ledger (all covered by the head checkpoint)."""
        return self._frontier.size

    @property
    def head(self) -> Checkpoint | None:
        return self._head

    def append_batch(self, payloads: list[bytes]) -> Checkpoint:
        """Encrypt, chain, checkpoint and durably write ``payloads``; return the signed checkpoint."""
        if self._broken or self._fd < 0:
            raise VaultWriteFailed("the ledger had a write error or is closed: open it again")
        if not payloads:
            raise ValueError("an append batch needs at least one payload")
        if self._segment_size >= self._segment_limit:
            self._start_segment(self._segment_number + 1)
        vault_id, device_id = self._keyring.vault_id, self._keyring.device_id
        seal = self._cipher.seal_entry
        pack_header = ENTRY_HEADER.pack
        pack_envelope = _KIND_AND_LENGTH.pack
        sha256 = hashlib.sha256
        crc32 = zlib.crc32
        nonces = os.urandom(NONCE_BYTES * len(payloads))
        frontier = self._frontier.copy()
        append_leaf = frontier.append
        seq, previous = self._seq, self._previous
        parts: list[bytes] = []
        for i, payload in enumerate(payloads):
            if len(payload) > MAX_PAYLOAD_BYTES:
                raise ValueError(f"payload {i} is {len(payload)} bytes; the limit is {MAX_PAYLOAD_BYTES}")
            seq += 1
            nonce = nonces[i * NONCE_BYTES : (i + 1) * NONCE_BYTES]
            header = pack_header(
                MAGIC, ENTRY_VERSION, vault_id, device_id, seq, previous, len(payload), nonce
            )
            entry = seal(header, nonce, payload)
            envelope = pack_envelope(KIND_ENTRY, len(entry))
            parts.append(envelope + crc32(entry, crc32(envelope)).to_bytes(4, "big"))
            parts.append(entry)
            previous = sha256(b"\x00" + entry).digest()
            append_leaf(previous)
        return self._write_batch(b"".join(parts), frontier, seq, previous)

    def _write_batch(
        self, entries: bytes, frontier: merkle.Frontier, seq: int, previous: bytes
    ) -> Checkpoint:
        checkpoint = Checkpoint.sign(
            vault_id=self._keyring.vault_id,
            device_id=self._keyring.device_id,
            size=frontier.size,
            root=frontier.root(),
            subtrees=frontier.hashes,
            signing_key=self._signer,
            timestamp=int(time.time()),
        )
        data = entries + encode_frame(KIND_CHECKPOINT, checkpoint.encode())
        before = self._segment_size
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(self._fd, view) :]
            os.fdatasync(self._fd)
        except BaseException as error:
            self._undo(before)
            if isinstance(error, OSError):
                raise _write_error(error, self.directory) from None
            raise
        self._segment_size = before + len(data)
        self._frontier, self._seq, self._previous, self._head = frontier, seq, previous, checkpoint
        return checkpoint

    def _undo(self, size: int) -> None:
        """Put the segment back to ``size`` after a failed write; if even that fails, stop writing."""
        try:
            os.ftruncate(self._fd, size)
            os.fsync(self._fd)
        except OSError:
            self._broken = True

    def _start_segment(self, number: int) -> None:
        path = self.directory / segment_name(number)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
            fsync_dir(self.directory)
        except OSError as error:
            raise _write_error(error, self.directory) from None
        if self._fd >= 0:
            os.close(self._fd)
        self._fd, self._segment_number, self._segment_size = fd, number, 0

    # -- closing ---------------------------------------------------------------------------------

    def close(self) -> None:
        self._cipher.wipe()
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1
        if self._dir_fd >= 0:
            os.close(self._dir_fd)  # releases the lock
            self._dir_fd = -1

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


def _lock(directory: Path) -> int:
    fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise LedgerBusy(f"another Chronika process is writing to {directory}") from None
    return fd


def _write_error(error: OSError, directory: Path) -> Exception:
    if error.errno in _FULL_DISK:
        return DiskFull(
            f"the disk is full (or a file-size limit was reached) writing {directory}; "
            "the ledger was left as it was before this append"
        )
    return VaultWriteFailed(f"cannot write the ledger in {directory}: {error.strerror}")


def _read_segment(
    name: str, data: bytes, vault_id: bytes
) -> tuple[int, Checkpoint | None, FrameDamaged | None]:
    """End of the last checkpoint, that checkpoint, and the damage that stopped the scan, if any."""
    good_end, head = 0, None
    try:
        for offset, kind, body in scan(data):
            if kind == KIND_CHECKPOINT:
                try:
                    head = Checkpoint.decode(body)
                except CheckpointInvalid as error:
                    raise LedgerCorrupt(str(error), segment=name, offset=offset) from None
                good_end = offset + FRAME_ENVELOPE.size + len(body)
            else:
                header = parse_entry_header(body, offset)
                if header.vault_id != vault_id:
                    raise LedgerCorrupt("entry belongs to another vault", segment=name, offset=offset)
    except FrameDamaged as damage:
        return good_end, head, damage
    return good_end, head, None


def _zero_filled(data: bytes, offset: int) -> bool:
    """Whether the frame at ``offset`` turns into zeros that run to the end of the segment.

    That is what a filesystem that zero-fills unwritten blocks leaves after a power loss during an
    append; a flipped bit, an edit or a garbled write does not look like it.
    """
    if len(data) - offset < FRAME_ENVELOPE.size:
        return not any(data[offset:])
    _, length, _ = FRAME_ENVELOPE.unpack_from(data, offset)
    end = offset + FRAME_ENVELOPE.size + int(length)
    return len(data.rstrip(b"\0")) < end


def _find_checkpoint(data: bytes, start: int, vault_id: bytes) -> int | None:
    """Offset of a well-formed checkpoint frame of this vault at or after ``start``, if any."""
    needle = f"{ORIGIN_PREFIX}{vault_id.hex()}\n".encode()
    found = data.find(needle, start)
    while found >= 0:
        offset = found - FRAME_ENVELOPE.size
        if offset >= start:
            with contextlib.suppress(FrameDamaged, CheckpointInvalid, StopIteration):
                _, kind, body = next(scan(data, offset))
                if kind == KIND_CHECKPOINT:
                    Checkpoint.decode(body)
                    return offset
        found = data.find(needle, found + 1)
    return None
