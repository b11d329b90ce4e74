"""Replaying the ledger into a view: catching up after a crash, rebuilding from nothing, checking.

The view records the ledger position it reflects (a :class:`~chronika.vault.view.Head`: entry count
and Merkle root, always at a checkpoint). Replaying from that head applies each later entry with the
same :func:`~chronika.vault.state.plan` the live path uses, in chunks that end at checkpoints, so
the view's head is always a real, signed tree head. If the view's head is not a checkpoint of this
ledger (a view from another vault, or a ledger that was rolled back), replay refuses and the caller
rebuilds.

**Several devices.** Once a second device has written, the ledger holds entries in the order they
reached this device, which differs from device to device. Replay then applies them in one total
order that every device computes alike: by the hybrid logical clock each operation carries, then
device id, then sequence number (:func:`merge_key`), and it skips every entry of a revoked device
after its cut-off. Such a replay reads all operations into memory before applying them in order.
Catching up applies new entries in place when they all come after what the view holds; an entry
that belongs earlier (another device's offline work, pulled by ``sync``) makes replay refuse with
ViewUnusable, and the caller rebuilds the view. A ledger written by one device alone replays in
ledger order, which is then the same order, without reading it all first.

:func:`read_head` finds the ledger's last checkpoint by reading only the end of the last segment,
so a command that only reads can tell in a millisecond whether the view is current, without taking
the writer's lock or scanning 64 MiB.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from chronika.errors import ChronikaError, LedgerCorrupt, RecordError, ViewUnusable
from chronika.vault.checkpoint import ORIGIN_PREFIX, Checkpoint, CheckpointInvalid
from chronika.vault.cipher import EntryCipher
from chronika.vault.frame import (
    ENTRY_HEADER,
    FRAME_ENVELOPE,
    KIND_CHECKPOINT,
    KIND_ENTRY,
    FrameDamaged,
    scan,
)
from chronika.vault.record import DeviceRevoke, Operation, decode_payload
from chronika.vault.secret import DataKey
from chronika.vault.segment import CheckpointFrame, follow_chain, list_segments, sealed_frames
from chronika.vault.state import State, plan
from chronika.vault.view import Head, ViewStore

__all__ = ["CHUNK_ENTRIES", "merge_key", "merged_ops", "read_head", "read_ops", "replay", "replay_state"]

#: Entries applied per view transaction during a replay: large enough to amortise the commit and
#: the FTS flush, small enough that memory stays flat whatever the ledger's size.
CHUNK_ENTRIES = 10_000
# Where the writing device's id sits in an entry header (after magic, version and vault id).
_DEVICE_OFFSET = 4 + 1 + 16
# A checkpoint note is at most 8 KiB; reading twice that from the end always covers the last one.
_TAIL_BYTES = 16 * 1024


def read_head(directory: Path, vault_id: bytes, public_key: bytes) -> Checkpoint | None:
    """The signed checkpoint that ends the ledger, or None if the end is not one (a torn append)."""
    segments = list_segments(directory)
    if not segments:
        return None
    with segments[-1].open("rb") as handle:
        size = handle.seek(0, 2)
        handle.seek(max(0, size - _TAIL_BYTES))
        tail = handle.read()
    found = tail.rfind(f"{ORIGIN_PREFIX}{vault_id.hex()}\n".encode())
    start = found - FRAME_ENVELOPE.size
    if found < 0 or start < 0:
        return None
    try:
        _, kind, body = next(scan(tail, start))
        checkpoint = Checkpoint.decode(body)
    except (FrameDamaged, StopIteration, CheckpointInvalid):
        return None
    ends_file = start + FRAME_ENVELOPE.size + len(body) == len(tail)
    if kind != KIND_CHECKPOINT or not ends_file or not checkpoint.verify(public_key):
        return None
    return checkpoint


def read_ops(
    directory: Path, data_key: DataKey, start: Head | None = None
) -> Iterator[tuple[list[tuple[int, Operation]], Head]]:
    """Decrypted operations after ``start``, in chunks that each end at a checkpoint, with its head.

    Checks each device's chain on the way (sequence and previous hash), so entries that were
    reordered or dropped are refused; the signatures and roots are ``verify``'s to check.
    ViewUnusable if ``start`` is not a checkpoint of this ledger.
    """
    cipher = EntryCipher(data_key)
    header_size = ENTRY_HEADER.size
    begin = start.size if start is not None else 0
    matched = start is None
    chains: dict[bytes, tuple[int, bytes]] = {}
    chunk: list[tuple[int, Operation]] = []
    covering: Checkpoint | None = None
    try:
        # sealed_frames yields entries only once the checkpoint covering them is read, so every
        # chunk cut at a checkpoint (and the last one) ends at a signed tree head.
        for frame in sealed_frames(directory):
            if isinstance(frame, CheckpointFrame):
                covering = frame.checkpoint
                if not matched:
                    matched = _is_start(covering, start)
                    continue
                if len(chunk) >= CHUNK_ENTRIES:
                    yield chunk, Head(covering.size, covering.root)
                    chunk = []
                continue
            header = frame.header
            follow_chain(chains, frame)
            if frame.index < begin:
                continue
            if not matched:
                raise ViewUnusable(
                    "the view does not match this ledger (another vault, or a rolled-back ledger)"
                )
            payload = cipher.open_entry(frame.data, header_size, header.nonce)
            if payload is None:
                raise LedgerCorrupt(
                    "entry does not decrypt: altered, or written with another key",
                    segment=frame.segment,
                    offset=frame.offset,
                    index=frame.index,
                    seq=header.seq,
                )
            try:
                chunk.append((frame.index, decode_payload(payload)))
            except ChronikaError as error:
                raise type(error)(f"entry #{frame.index} in {frame.segment}: {error.message}") from None
        if not matched:
            raise ViewUnusable("the view is ahead of this ledger (another vault, or a rolled-back ledger)")
        if covering is not None and (chunk or start is None):  # from nothing, even nothing has a head
            yield chunk, Head(covering.size, covering.root)
    finally:
        cipher.wipe()


def _is_start(checkpoint: Checkpoint, start: Head | None) -> bool:
    """Whether ``checkpoint`` is the head a view says it reflects (same size, same root)."""
    if start is None or checkpoint.size != start.size:
        return False
    if not hmac.compare_digest(checkpoint.root, start.root):
        raise ViewUnusable("the view does not match this ledger (another vault, or a rewritten ledger)")
    return True


def merge_key(op: Operation, device_id: bytes, seq: int) -> tuple[int, bytes, int]:
    """An entry's place in the total order of all devices' entries (see the module doc)."""
    return (op.hlc, device_id, seq)


@dataclass(frozen=True, slots=True)
class _Item:
    key: tuple[int, bytes, int]
    index: int
    op: Operation


def _writers(directory: Path) -> int:
    """How many devices wrote entries (1 or 2: counting stops at the second).

    Walks the frame envelopes only (no checksum, no decryption: a tenth of a full read), since
    every replay asks; damage is for the read that follows to find and name.
    """
    seen: set[bytes] = set()
    envelope = FRAME_ENVELOPE.size
    device_at = slice(envelope + _DEVICE_OFFSET, envelope + _DEVICE_OFFSET + 16)
    for path in list_segments(directory):
        data = path.read_bytes()
        offset = 0
        while offset + envelope + ENTRY_HEADER.size <= len(data):
            kind, length, _ = FRAME_ENVELOPE.unpack_from(data, offset)
            if kind == KIND_ENTRY:
                seen.add(data[offset + device_at.start : offset + device_at.stop])
                if len(seen) > 1:
                    return len(seen)
            offset += envelope + length
    return len(seen)


def _read_all(directory: Path, data_key: DataKey) -> tuple[list[_Item], dict[int, bytes], Head]:
    """Every entry's operation (in ledger order), every checkpoint's root by size, and the last head."""
    items: list[_Item] = []
    roots: dict[int, bytes] = {}
    cipher = EntryCipher(data_key)
    chains: dict[bytes, tuple[int, bytes]] = {}
    head = Head(0, b"")
    try:
        for frame in sealed_frames(directory):
            if isinstance(frame, CheckpointFrame):
                roots[frame.checkpoint.size] = frame.checkpoint.root
                head = Head(frame.checkpoint.size, frame.checkpoint.root)
                continue
            header = frame.header
            follow_chain(chains, frame)
            payload = cipher.open_entry(frame.data, ENTRY_HEADER.size, header.nonce)
            if payload is None:
                raise LedgerCorrupt(
                    "entry does not decrypt: altered, or written with another key",
                    segment=frame.segment,
                    offset=frame.offset,
                    index=frame.index,
                    seq=header.seq,
                )
            try:
                op = decode_payload(payload)
            except ChronikaError as error:
                raise type(error)(f"entry #{frame.index} in {frame.segment}: {error.message}") from None
            items.append(_Item(merge_key(op, header.device_id, header.seq), frame.index, op))
    finally:
        cipher.wipe()
    return items, roots, head


def _merge(items: list[_Item]) -> list[_Item]:
    """The entries in merged order, without those of revoked devices after their cut-off."""
    cutoffs: dict[bytes, int] = {}
    for item in items:
        if isinstance(item.op, DeviceRevoke):
            revoked = item.op.revocation
            if revoked.device_id not in cutoffs or revoked.after_seq < cutoffs[revoked.device_id]:
                cutoffs[revoked.device_id] = revoked.after_seq
    kept = [item for item in items if item.key[1] not in cutoffs or item.key[2] <= cutoffs[item.key[1]]]
    return sorted(kept, key=lambda item: item.key)


def merged_ops(directory: Path, data_key: DataKey) -> tuple[list[tuple[int, Operation]], Head]:
    """All operations in the merged order of several devices, and the ledger's head."""
    items, _, head = _read_all(directory, data_key)
    return [(item.index, item.op) for item in _merge(items)], head


def _replay_merged(view: ViewStore, directory: Path, data_key: DataKey) -> int:
    start = view.head()
    items, roots, head = _read_all(directory, data_key)
    merged = _merge(items)
    if start.size:
        root = roots.get(start.size)
        if root is None or not hmac.compare_digest(root, start.root):
            raise ViewUnusable("the view does not match this ledger (another vault, or a rewritten ledger)")
        old = [item for item in merged if item.index < start.size]
        new = [item for item in merged if item.index >= start.size]
        if not new:
            return 0
        revokes = any(isinstance(item.op, DeviceRevoke) for item in items if item.index >= start.size)
        if revokes or (old and new[0].key < old[-1].key):
            raise ViewUnusable("entries from another device belong before what the view holds: rebuild")
        merged = new
    applied = 0
    for at in range(0, len(merged), CHUNK_ENTRIES):
        chunk = merged[at : at + CHUNK_ENTRIES]
        last = at + CHUNK_ENTRIES >= len(merged)
        try:
            changes = plan(((item.index, item.op) for item in chunk), view.get)
        except RecordError as error:
            raise LedgerCorrupt(f"the entry cannot be applied: {error.message}", index=error.entry) from None
        # Only the last chunk carries the real head: a view left between chunks (a crash) names no
        # checkpoint of the ledger, so the next unlock rebuilds it.
        view.apply(changes, head if last else Head(head.size, b""))
        applied += len(chunk)
    return applied


def replay(view: ViewStore, directory: Path, data_key: DataKey) -> int:
    """Bring ``view`` up to the end of the ledger; the number of entries applied."""
    if _writers(directory) > 1:
        return _replay_merged(view, directory, data_key)
    head = view.head()
    applied = 0
    for chunk, chunk_head in read_ops(directory, data_key, head if head.size else None):
        try:
            changes = plan(chunk, view.get)
        except RecordError as error:
            raise LedgerCorrupt(f"the entry cannot be applied: {error.message}", index=error.entry) from None
        view.apply(changes, chunk_head)
        applied += len(chunk)
    return applied


def replay_state(directory: Path, data_key: DataKey) -> State:
    """The records as the ledger alone defines them, in a dict (the reference for ``verify``)."""
    state = State()
    if _writers(directory) > 1:
        ops, _ = merged_ops(directory, data_key)
        for at in range(0, len(ops), CHUNK_ENTRIES):
            state.apply(ops[at : at + CHUNK_ENTRIES])
        return state
    for chunk, _ in read_ops(directory, data_key):
        state.apply(chunk)
    return state
