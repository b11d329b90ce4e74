"""Segment files, and reading the ledger from them: sealed (no key) or decrypted (with the data key).

The ledger is ``ledger/00000001.seg``, ``ledger/00000002.seg``, ... numbered from 1 without gaps;
a new segment starts when the current one has passed the size limit, always between batches, so
each segment ends with a checkpoint. Readers yield only entries that a checkpoint covers: an
append in progress (or torn by a crash) is invisible until its checkpoint is on disk.

:func:`sealed_frames` needs no key: it is what a mirror reads and stores. Without the data key an
entry shows its size, its position, its device, its sequence number and its hashes, and nothing
of its content.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from chronika.errors import LedgerCorrupt, VaultFormatTooNew
from chronika.vault.checkpoint import Checkpoint, CheckpointInvalid
from chronika.vault.cipher import EntryCipher
from chronika.vault.frame import (
    ENTRY_HEADER,
    KIND_CHECKPOINT,
    NO_PREVIOUS,
    EntryHeader,
    FrameDamaged,
    parse_entry_header,
    scan,
)
from chronika.vault.secret import DataKey

__all__ = [
    "LEDGER_DIR",
    "CheckpointFrame",
    "Entry",
    "SealedEntry",
    "frames_until_damage",
    "list_segments",
    "read_entries",
    "sealed_frames",
    "segment_name",
]

LEDGER_DIR = "ledger"
SEGMENT_SUFFIX = ".seg"
_SEGMENT_NAME = re.compile(r"(\d{8})\.seg")


def segment_name(number: int) -> str:
    return f"{number:08d}{SEGMENT_SUFFIX}"


def list_segments(directory: Path) -> list[Path]:
    """The segment files in order; a gap in the numbering is corruption (a segment went missing)."""
    numbered = sorted(
        (int(match.group(1)), path)
        for path in Path(directory).iterdir()
        if (match := _SEGMENT_NAME.fullmatch(path.name)) and path.is_file()
    )
    for expected, (number, _) in enumerate(numbered, start=1):
        if number != expected:
            raise LedgerCorrupt(
                f"segment {segment_name(expected)} is missing: the ledger is incomplete",
                segment=segment_name(expected),
            )
    return [path for _, path in numbered]


@dataclass(frozen=True, slots=True)
class SealedEntry:
    """An entry as stored: its header in the clear, its payload still encrypted."""

    segment: str
    offset: int
    index: int
    header: EntryHeader
    data: bytes

    @property
    def ciphertext(self) -> bytes:
        return self.data[ENTRY_HEADER.size :]

    @property
    def leaf_hash(self) -> bytes:
        return hashlib.sha256(b"\x00" + self.data).digest()


@dataclass(frozen=True, slots=True)
class CheckpointFrame:
    segment: str
    offset: int
    checkpoint: Checkpoint
    data: bytes


@dataclass(frozen=True, slots=True)
class Entry:
    """A decrypted entry and where it lives."""

    segment: str
    offset: int
    index: int
    header: EntryHeader
    payload: bytes


def sealed_frames(directory: Path) -> Iterator[SealedEntry | CheckpointFrame]:
    """Every covered entry and every checkpoint, in ledger order, without any key.

    Raises LedgerCorrupt at a damaged frame, except an incomplete frame at the very end (an append
    still being written, or torn by a crash: not acknowledged, so not part of the ledger).
    """
    segments = list_segments(directory)
    index = 0
    pending: list[SealedEntry] = []
    for number, path in enumerate(segments, start=1):
        data = path.read_bytes()
        try:
            for offset, kind, body in scan(data):
                if kind == KIND_CHECKPOINT:
                    try:
                        checkpoint = Checkpoint.decode(body)
                    except CheckpointInvalid as error:
                        raise LedgerCorrupt(str(error), segment=path.name, offset=offset) from None
                    yield from pending
                    pending.clear()
                    yield CheckpointFrame(path.name, offset, checkpoint, body)
                else:
                    header = parse_entry_header(body, offset)
                    pending.append(SealedEntry(path.name, offset, index, header, body))
                    index += 1
        except FrameDamaged as damage:
            if damage.newer:
                raise VaultFormatTooNew(f"{path.name} at offset {damage.offset}: {damage.reason}") from None
            if not (damage.incomplete and number == len(segments)):
                raise LedgerCorrupt(damage.reason, segment=path.name, offset=damage.offset) from None


def follow_chain(heads: dict[bytes, tuple[int, bytes]], frame: SealedEntry) -> None:
    """Check that ``frame`` is the next link of its device's chain, then advance that chain.

    Every reader of the ledger goes through this one step, so "missing, reordered or altered"
    means the same thing everywhere.
    """
    header = frame.header
    seq, previous = heads.get(header.device_id, (0, NO_PREVIOUS))
    if header.seq != seq + 1 or header.previous != previous:
        raise LedgerCorrupt(
            "entry breaks its device's chain (missing, reordered or altered entries)",
            segment=frame.segment,
            offset=frame.offset,
            index=frame.index,
            seq=header.seq,
        )
    heads[header.device_id] = (header.seq, frame.leaf_hash)


def read_entries(directory: Path, data_key: DataKey) -> Iterator[Entry]:
    """Every covered entry, decrypted, with each device's sequence and hash chain checked on the way."""
    cipher = EntryCipher(data_key)
    heads: dict[bytes, tuple[int, bytes]] = {}
    header_size = ENTRY_HEADER.size
    for frame in sealed_frames(directory):
        if isinstance(frame, CheckpointFrame):
            continue
        header = frame.header
        follow_chain(heads, frame)
        payload = cipher.open_entry(frame.data, header_size, header.nonce)
        if payload is None:
            raise LedgerCorrupt(
                "entry does not decrypt: altered, or written with another key",
                segment=frame.segment,
                offset=frame.offset,
                index=frame.index,
                seq=header.seq,
            )
        yield Entry(frame.segment, frame.offset, frame.index, header, payload)


def frames_until_damage(data: bytes, start: int) -> list[tuple[int, int, bytes]]:
    """The frames from ``start`` up to the first damaged one (for tail repair, which judges the damage)."""
    frames: list[tuple[int, int, bytes]] = []
    with contextlib.suppress(FrameDamaged):
        frames.extend(scan(data, start))
    return frames
