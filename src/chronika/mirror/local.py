"""A snapshot of the local ledger as a mirror should hold it: segments, frames, leaves, checkpoints.

``sync`` compares a mirror with this: the mirror's head must be one of these checkpoints (or
extend the last one), its segments must end where these end, and its bytes must be these bytes.
Only what checkpoints cover is included (an append in progress is not the ledger yet), read
without the key, like the mirror reads it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from chronika.vault import merkle
from chronika.vault.checkpoint import Checkpoint
from chronika.vault.frame import FRAME_ENVELOPE
from chronika.vault.segment import CheckpointFrame, sealed_frames

__all__ = ["LocalFrame", "LocalLedger", "LocalSegment"]

_BLOCK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class LocalFrame:
    """One frame: an entry (with its index, sequence number and leaf hash) or a checkpoint."""

    offset: int
    end: int
    index: int | None = None
    seq: int | None = None
    leaf: bytes | None = None
    checkpoint: Checkpoint | None = None


@dataclass(slots=True)
class LocalSegment:
    number: int
    path: Path
    committed: int = 0
    frames: list[LocalFrame] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.name


class LocalLedger:
    """What ``sealed_frames`` reads from ``ledger/``, indexed for comparison with a mirror."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self.segments: list[LocalSegment] = []
        self.leaves: list[bytes] = []
        self.checkpoints: dict[int, tuple[int, LocalFrame]] = {}
        self.head: Checkpoint | None = None
        self.head_bytes: bytes | None = None
        by_name: dict[str, LocalSegment] = {}
        for frame in sealed_frames(self.directory):
            segment = by_name.get(frame.segment)
            if segment is None:
                segment = LocalSegment(int(frame.segment[:8]), self.directory / frame.segment)
                by_name[frame.segment] = segment
                self.segments.append(segment)
            end = frame.offset + FRAME_ENVELOPE.size + len(frame.data)
            if isinstance(frame, CheckpointFrame):
                local = LocalFrame(frame.offset, end, checkpoint=frame.checkpoint)
                segment.committed = end
                self.checkpoints[frame.checkpoint.size] = (segment.number, local)
                self.head, self.head_bytes = frame.checkpoint, frame.data
            else:
                leaf = frame.leaf_hash
                local = LocalFrame(frame.offset, end, frame.index, frame.header.seq, leaf)
                self.leaves.append(leaf)
            segment.frames.append(local)

    @property
    def size(self) -> int:
        return self.head.size if self.head is not None else 0

    def root_at(self, size: int) -> bytes:
        """The Merkle root of the first ``size`` entries (``size`` at most :attr:`size`)."""
        found = self.checkpoints.get(size)
        if found is not None and found[1].checkpoint is not None:
            return found[1].checkpoint.root
        return merkle.root(self.leaves[:size])

    def segment(self, number: int) -> LocalSegment | None:
        return self.segments[number - 1] if 1 <= number <= len(self.segments) else None

    def read(self, number: int, start: int, end: int) -> bytes:
        segment = self.segments[number - 1]
        with segment.path.open("rb") as handle:
            handle.seek(start)
            return handle.read(end - start)

    def digest(self, number: int, nonce: bytes, length: int) -> bytes:
        """The audit digest: BLAKE2b keyed with ``nonce`` over the first ``length`` bytes of a segment."""
        digest = hashlib.blake2b(key=nonce, digest_size=32)
        left = length
        with self.segments[number - 1].path.open("rb") as handle:
            while left > 0:
                block = handle.read(min(_BLOCK, left))
                if not block:
                    break
                digest.update(block)
                left -= len(block)
        return digest.digest()
