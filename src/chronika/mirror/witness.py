"""The witness: catches a mirror that lies, and names what it did.

A mirror cannot forge an entry or a checkpoint (it holds no key), so a lying mirror can only show
a vault's own signed material out of place. Before ``sync`` sends anything, the witness checks
what the mirror shows against two things it trusts, the checkpoint this mirror showed last time
(remembered in ``mirrors.json``) and the local ledger:

* **rolled back**: the mirror's tree is smaller than the one it showed before;
* **forked**: its tree is not an extension of the remembered one (an RFC 9162 consistency proof,
  asked of the mirror, fails) or its root at some size differs from the local ledger's root at
  that size; its head is not signed by a device of this vault;
* then an **audit**: the client sends a fresh random nonce, the mirror answers with a BLAKE2b
  digest keyed by it over each segment's bytes (it cannot answer without holding them), and
  the client computes the same over its own segments. A segment that differs is downloaded and
  compared frame by frame, which names the first difference: entries **dropped**, **reordered**
  or **altered** (with entry number, sequence number, segment and offset).

Each finding raises a :class:`~chronika.errors.MirrorMisbehaved` subclass whose message starts
with the mirror's URL, so ``sync`` can report every mirror and carry on with the honest ones.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hmac
import secrets
from dataclasses import dataclass
from typing import Literal

from chronika.errors import (
    MirrorAltered,
    MirrorDropped,
    MirrorForked,
    MirrorMisbehaved,
    MirrorReordered,
    MirrorRolledBack,
)
from chronika.mirror.connection import MirrorConnection
from chronika.mirror.local import LocalFrame, LocalLedger, LocalSegment
from chronika.mirror.protocol import MAX_READ_BYTES, VaultHead
from chronika.vault import merkle
from chronika.vault.checkpoint import Checkpoint, CheckpointInvalid
from chronika.vault.frame import FRAME_ENVELOPE, FrameDamaged, parse_entry_header, scan

__all__ = ["HeadCheck", "audit", "check_head", "mirror_checkpoint"]

AUDIT_NONCE_BYTES = 32


@dataclass(frozen=True, slots=True)
class HeadCheck:
    """The mirror's head, accepted: what it holds relative to the local ledger."""

    checkpoint: Checkpoint | None
    plan: Literal["push", "pull", "equal", "rebase"]


def mirror_checkpoint(
    url: str, head: VaultHead, vault_id: bytes, keys: dict[bytes, bytes]
) -> Checkpoint | None:
    """The head checkpoint, decoded and checked against this vault's device keys."""
    if head.checkpoint is None:
        if head.size != 0:
            raise MirrorAltered(f"mirror {url} claims {head.size} entries without a checkpoint")
        return None
    try:
        checkpoint = Checkpoint.decode(head.checkpoint.encode("utf-8"))
    except (CheckpointInvalid, UnicodeEncodeError) as error:
        raise MirrorAltered(f"mirror {url} shows a head checkpoint that does not decode: {error}") from None
    public_key = keys.get(checkpoint.device_id)
    if checkpoint.vault_id != vault_id or public_key is None or not checkpoint.verify(public_key):
        raise MirrorForked(f"mirror {url} shows a head checkpoint not signed by a device of this vault")
    if checkpoint.size != head.size:
        raise MirrorAltered(
            f"mirror {url} claims {head.size} entries but its checkpoint states {checkpoint.size}"
        )
    return checkpoint


def check_head(
    connection: MirrorConnection,
    head: VaultHead,
    checkpoint: Checkpoint | None,
    *,
    vault_id: bytes,
    remembered: Checkpoint | None,
    local: LocalLedger,
) -> HeadCheck:
    """Rollback, fork and layout checks of a mirror's head (see the module doc)."""
    url = connection.url
    size = checkpoint.size if checkpoint is not None else 0
    root = checkpoint.root if checkpoint is not None else merkle.EMPTY_ROOT
    if remembered is not None:
        if size < remembered.size:
            raise MirrorRolledBack(
                f"mirror {url} rolled back: it holds {size} entries, but showed {remembered.size} "
                f"on {_when(remembered)}"
            )
        if size == remembered.size:
            if not hmac.compare_digest(root, remembered.root):
                raise MirrorForked(
                    f"mirror {url} forked: its tree of {size} entries is not the one it showed before"
                )
        else:
            proof = connection.proof(vault_id, remembered.size, size)
            if not merkle.verify_consistency(remembered.size, size, remembered.root, root, proof):
                raise MirrorForked(
                    f"mirror {url} forked: its tree of {size} entries does not extend the tree of "
                    f"{remembered.size} it showed on {_when(remembered)} (consistency proof fails)"
                )
    # Both sides grew since the checkpoint this mirror showed last, which this ledger still holds,
    # and the mirror's growth is consistent with it (checked above): another device's entries reached
    # the mirror while this one wrote offline. Not a lie: sync moves the unsent entries after them.
    diverged = (
        remembered is not None
        and size > remembered.size
        and remembered.size <= local.size
        and hmac.compare_digest(local.root_at(remembered.size), remembered.root)
    )
    if size <= local.size:
        if not hmac.compare_digest(root, local.root_at(size)):
            if diverged:
                return HeadCheck(checkpoint, "rebase")
            raise MirrorForked(
                f"mirror {url} forked: its first {size} entries are not this vault's first {size}"
            )
        _check_layout(url, head, local, size)
        return HeadCheck(checkpoint, "equal" if size == local.size else "push")
    local_root = local.root_at(local.size)
    proof = connection.proof(vault_id, local.size, size) if local.size else []
    if not merkle.verify_consistency(local.size, size, local_root, root, proof):
        if diverged:
            return HeadCheck(checkpoint, "rebase")
        raise MirrorForked(
            f"mirror {url} forked: its tree of {size} entries does not extend this vault's {local.size}"
        )
    return HeadCheck(checkpoint, "pull")


def _check_layout(url: str, head: VaultHead, local: LocalLedger, size: int) -> None:
    """The mirror's segments must end where the local ones do, the last at the checkpoint of ``size``."""
    if not head.segments:
        if size:
            raise MirrorDropped(f"mirror {url} claims {size} entries but holds no segment")
        return
    last = head.segments[-1]
    found = local.checkpoints.get(size)
    if found is None or found[0] != last.number or found[1].end != last.committed:
        raise MirrorAltered(
            f"mirror {url}'s segment {last.number} ends at byte {last.committed}, which is not where this "
            f"vault's checkpoint of {size} entries ends"
        )
    for state in head.segments[:-1]:
        segment = local.segment(state.number)
        if segment is None or segment.committed != state.committed:
            raise MirrorAltered(
                f"mirror {url}'s segment {state.number} has {state.committed} bytes, not this vault's"
            )


def audit(connection: MirrorConnection, local: LocalLedger, vault_id: bytes) -> None:
    """Proof of possession of every byte (see the module doc); names the first bad frame."""
    nonce = secrets.token_bytes(AUDIT_NONCE_BYTES)
    for digest in connection.audit(vault_id, nonce):
        segment = local.segment(digest.number)
        if segment is None or digest.committed > segment.committed:
            raise MirrorAltered(
                f"mirror {connection.url} holds {digest.committed} bytes of segment {digest.number}, "
                "more than this vault wrote there"
            )
        mine = local.digest(digest.number, nonce, digest.committed)
        if hmac.compare_digest(mine, _unb64(digest.digest)):
            continue
        raise _difference(connection, local, segment, digest.committed, vault_id)


def _difference(
    connection: MirrorConnection, local: LocalLedger, segment: LocalSegment, length: int, vault_id: bytes
) -> MirrorMisbehaved:
    """Download the mirror's copy of a segment and name the first frame that differs from ours."""
    url = connection.url
    theirs = bytearray()
    while len(theirs) < length:
        chunk = connection.read(
            vault_id, segment.number, len(theirs), min(MAX_READ_BYTES, length - len(theirs))
        )
        if not chunk:
            break
        theirs += chunk
    data = bytes(theirs)
    frames: list[bytes] = []
    try:
        frames.extend(body for _, _, body in scan(data))
    except FrameDamaged as damage:
        where = _where(segment, _frame_at(segment, damage.offset))
        return MirrorAltered(f"mirror {url} altered {where}: its copy is garbled there ({damage.reason})")
    expected = [frame for frame in segment.frames if frame.end <= length]
    ours = [local.read(segment.number, frame.offset + FRAME_ENVELOPE.size, frame.end) for frame in expected]
    for i, body in enumerate(frames[: len(ours)]):
        if body == ours[i]:
            continue
        where = _where(segment, expected[i])
        if i + 1 < len(ours) and body == ours[i + 1]:
            if i + 1 < len(frames) and frames[i + 1] == ours[i]:
                return MirrorReordered(
                    f"mirror {url} reordered entries: {where} was moved after the next one"
                )
            return MirrorDropped(f"mirror {url} dropped {where}")
        return MirrorAltered(
            f"mirror {url} altered {where}: it holds different bytes there ({_describe(body)})"
        )
    if len(frames) < len(ours):
        return MirrorDropped(
            f"mirror {url} dropped {_where(segment, expected[len(frames)])} and everything after it"
        )
    return MirrorAltered(f"mirror {url}'s audit answer for {segment.name} does not match the bytes it serves")


def _frame_at(segment: LocalSegment, offset: int) -> LocalFrame | None:
    for frame in segment.frames:
        if frame.offset <= offset < frame.end:
            return frame
    return None


def _where(segment: LocalSegment, frame: LocalFrame | None) -> str:
    if frame is None:
        return f"{segment.name}"
    if frame.checkpoint is not None:
        return f"the checkpoint of {frame.checkpoint.size} entries ({segment.name}, offset {frame.offset})"
    return f"entry #{frame.index} (sequence {frame.seq}; {segment.name}, offset {frame.offset})"


def _describe(body: bytes) -> str:
    try:
        header = parse_entry_header(body, 0)
    except FrameDamaged:
        return "not a well-formed entry"
    return f"an entry with sequence {header.seq} whose bytes are not this vault's"


def _when(checkpoint: Checkpoint) -> str:
    if checkpoint.timestamp is None:
        return "an earlier sync"
    return dt.datetime.fromtimestamp(checkpoint.timestamp, dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def _unb64(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return b""
