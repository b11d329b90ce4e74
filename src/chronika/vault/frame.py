"""The byte layout of a ledger segment: frames, and the entry header inside an ENTRY frame.

A segment file is frames back to back, nothing else: no file header, no padding, so every byte
belongs to a frame and a reader can account for all of them. All integers are big-endian.

Frame (9-byte envelope, then the body)::

    0   kind     u8    1 = ENTRY, 2 = CHECKPOINT (any other value: written by a newer Chronika)
    1   length   u32   body length in bytes
    5   crc      u32   CRC-32 (zlib) of kind || length || body
    9   body

The CRC is not a security measure (anyone can recompute it); it tells a torn or garbled write from
a well-formed frame, so that ``open`` can recognise an append interrupted by a crash, and so that
``verify`` can name the exact frame a flipped byte landed in. Security comes from the AEAD tag on
each payload, the hash chain, the Merkle root and the checkpoint signature.

ENTRY body: the *entry*, the unit a mirror stores and the Merkle tree hashes as a leaf::

    0   magic        4    b"CHRK"
    4   version      u8   entry format version (1)
    5   vault id     16
    21  device id    16   the writing device (bound to its signing key)
    37  sequence     u64  per-device, from 1, no gaps
    45  previous     32   leaf hash of this device's previous entry (zeros for the first)
    77  payload len  u32  plaintext length
    81  nonce        24   random XChaCha20-Poly1305 nonce
    105 ciphertext   payload len + 16 (Poly1305 tag); the 105 header bytes are the associated data

CHECKPOINT body: the checkpoint's signed note, as ``checkpoint.py`` writes it.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = [
    "ENTRY_HEADER",
    "ENTRY_VERSION",
    "FRAME_ENVELOPE",
    "KIND_CHECKPOINT",
    "KIND_ENTRY",
    "MAGIC",
    "MAX_BODY_BYTES",
    "MAX_PAYLOAD_BYTES",
    "EntryHeader",
    "FrameDamaged",
    "encode_frame",
    "parse_entry_header",
    "scan",
]

KIND_ENTRY = 1
KIND_CHECKPOINT = 2
KNOWN_KINDS = frozenset((KIND_ENTRY, KIND_CHECKPOINT))

FRAME_ENVELOPE = struct.Struct(">BII")
KIND_AND_LENGTH_BYTES = 5

MAGIC = b"CHRK"
ENTRY_VERSION = 1
ENTRY_HEADER = struct.Struct(">4sB16s16sQ32sI24s")
TAG_BYTES = 16
NO_PREVIOUS = bytes(32)

# One entry holds one record version, a source document's full text at most: 64 MiB is far above
# any real report and low enough that a garbled length field is recognised as garbage.
MAX_PAYLOAD_BYTES = 64 * 1024 * 1024
MAX_BODY_BYTES = ENTRY_HEADER.size + MAX_PAYLOAD_BYTES + TAG_BYTES


class FrameDamaged(Exception):
    """A frame cannot be read. ``incomplete`` means the segment ends inside it (a torn append)."""

    def __init__(self, offset: int, reason: str, *, incomplete: bool = False, newer: bool = False) -> None:
        super().__init__(reason)
        self.offset = offset
        self.reason = reason
        self.incomplete = incomplete
        self.newer = newer


@dataclass(frozen=True, slots=True)
class EntryHeader:
    version: int
    vault_id: bytes
    device_id: bytes
    seq: int
    previous: bytes
    payload_length: int
    nonce: bytes


def encode_frame(kind: int, body: bytes) -> bytes:
    head = FRAME_ENVELOPE.pack(kind, len(body), 0)[:KIND_AND_LENGTH_BYTES]
    crc = zlib.crc32(body, zlib.crc32(head))
    return head + crc.to_bytes(4, "big") + body


def scan(data: bytes, start: int = 0) -> Iterator[tuple[int, int, bytes]]:
    """Yield ``(offset, kind, body)`` for each frame of a segment; raise FrameDamaged at the first bad one."""
    unpack_from = FRAME_ENVELOPE.unpack_from
    envelope = FRAME_ENVELOPE.size
    crc32 = zlib.crc32
    end_of_data = len(data)
    offset = start
    while offset < end_of_data:
        if end_of_data - offset < envelope:
            raise FrameDamaged(offset, "the segment ends inside a frame envelope", incomplete=True)
        kind, length, crc = unpack_from(data, offset)
        if length > MAX_BODY_BYTES:
            raise FrameDamaged(offset, f"frame length {length} is out of range")
        end = offset + envelope + length
        if end > end_of_data:
            raise FrameDamaged(offset, "the segment ends inside a frame", incomplete=True)
        body = data[offset + envelope : end]
        if crc32(body, crc32(data[offset : offset + KIND_AND_LENGTH_BYTES])) != crc:
            raise FrameDamaged(offset, "frame checksum mismatch: the frame was altered or garbled")
        if kind not in KNOWN_KINDS:
            raise FrameDamaged(offset, f"frame kind {kind} is unknown to this Chronika", newer=True)
        yield offset, kind, body
        offset = end


def parse_entry_header(body: bytes, offset: int) -> EntryHeader:
    """The header of an ENTRY body, checked for magic, version and length; FrameDamaged if not."""
    if len(body) < ENTRY_HEADER.size + TAG_BYTES:
        raise FrameDamaged(offset, "entry is shorter than its header")
    magic, version, vault_id, device_id, seq, previous, payload_length, nonce = ENTRY_HEADER.unpack_from(body)
    if magic != MAGIC:
        raise FrameDamaged(offset, "entry does not start with the Chronika magic")
    if version != ENTRY_VERSION:
        if version > ENTRY_VERSION:
            raise FrameDamaged(
                offset, f"entry format version {version} is newer than this Chronika reads", newer=True
            )
        raise FrameDamaged(offset, f"entry format version {version} does not exist")
    if ENTRY_HEADER.size + payload_length + TAG_BYTES != len(body):
        raise FrameDamaged(offset, "entry payload length does not match the frame length")
    return EntryHeader(version, vault_id, device_id, seq, previous, payload_length, nonce)
