"""The checkpoint: a signed tree head, written as a C2SP signed note.

Every append batch ends with one. It says "the first *size* entries of vault V have Merkle root R",
signed with the device's Ed25519 key, so every entry is covered by a signature without paying a
signature per entry. The text follows C2SP ``tlog-checkpoint`` inside a C2SP ``signed-note``::

    chronika/<vault id, 32 hex digits>
    <tree size, decimal>
    <root hash, base64>
    timestamp <unix seconds>
    subtree <base64>            (one line per perfect subtree of the tree, largest first)
    <empty line>
    — chronika/<vault id>/<device id> <base64(key id (4 bytes) || Ed25519 signature (64 bytes))>

The signature covers every byte before the empty line. The ``subtree`` lines are the tree's
frontier (see merkle.Frontier); they must fold to the root, so they carry no new claim, but they
let the ledger reopen and append without re-reading every entry. The key id is C2SP's:
the first 4 bytes of SHA-256(key name || "\\n" || 0x01 || public key). Decoding is strict: a
checkpoint is accepted only in its one canonical encoding, so no two byte strings mean the same.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from dataclasses import dataclass

import nacl.exceptions
import nacl.signing

from chronika.vault import merkle

__all__ = ["ORIGIN_PREFIX", "Checkpoint", "CheckpointInvalid"]

ORIGIN_PREFIX = "chronika/"
SIGNATURE_DASH = "\u2014 "  # C2SP signed-note: an em dash and a space open every signature line
ED25519_ALGORITHM = b"\x01"  # C2SP signed-note signature type for Ed25519
KEY_ID_BYTES = 4
SIGNATURE_BYTES = 64
ID_HEX = 32
# A bound on what decode accepts before parsing: a header line per subtree (at most 64) fits easily.
MAX_NOTE_BYTES = 8192

_ORIGIN = re.compile(rf"{re.escape(ORIGIN_PREFIX)}([0-9a-f]{{{ID_HEX}}})")
_SIZE = re.compile(r"0|[1-9][0-9]{0,19}")
_TIMESTAMP = re.compile(r"timestamp (0|[1-9][0-9]{0,15})")
_SUBTREE = re.compile(r"subtree ([A-Za-z0-9+/]{43}=)")
_ROOT = re.compile(r"[A-Za-z0-9+/]{43}=")


class CheckpointInvalid(ValueError):
    """The bytes are not a well-formed Chronika checkpoint (the reason says which part)."""


def key_name(vault_id: bytes, device_id: bytes) -> str:
    return f"{ORIGIN_PREFIX}{vault_id.hex()}/{device_id.hex()}"


def key_id(name: str, public_key: bytes) -> bytes:
    return hashlib.sha256(name.encode() + b"\n" + ED25519_ALGORITHM + public_key).digest()[:KEY_ID_BYTES]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """A signed statement of the ledger's tree head after a batch."""

    vault_id: bytes
    size: int
    root: bytes
    timestamp: int | None
    subtrees: tuple[bytes, ...]
    device_id: bytes
    key_id: bytes
    signature: bytes

    @property
    def origin(self) -> str:
        return f"{ORIGIN_PREFIX}{self.vault_id.hex()}"

    def body(self) -> bytes:
        """The signed text: everything before the empty line."""
        return _body(self.vault_id, self.size, self.root, self.timestamp, self.subtrees)

    def encode(self) -> bytes:
        name = key_name(self.vault_id, self.device_id)
        blob = _b64(self.key_id + self.signature)
        return self.body() + f"\n{SIGNATURE_DASH}{name} {blob}\n".encode()

    @classmethod
    def sign(
        cls,
        *,
        vault_id: bytes,
        device_id: bytes,
        size: int,
        root: bytes,
        subtrees: tuple[bytes, ...],
        signing_key: nacl.signing.SigningKey,
        timestamp: int | None,
    ) -> Checkpoint:
        body = _body(vault_id, size, root, timestamp, subtrees)
        signature = signing_key.sign(body).signature
        kid = key_id(key_name(vault_id, device_id), bytes(signing_key.verify_key))
        return cls(vault_id, size, root, timestamp, subtrees, device_id, kid, signature)

    def verify(self, public_key: bytes) -> bool:
        """Whether the signature is this device's over this body, and the subtrees fold to the root."""
        if self.key_id != key_id(key_name(self.vault_id, self.device_id), public_key):
            return False
        try:
            nacl.signing.VerifyKey(public_key).verify(self.body(), self.signature)
        except (nacl.exceptions.BadSignatureError, nacl.exceptions.ValueError, TypeError):
            return False
        return merkle.Frontier(self.size, self.subtrees).root() == self.root

    @classmethod
    def decode(cls, data: bytes) -> Checkpoint:
        if len(data) > MAX_NOTE_BYTES:
            raise CheckpointInvalid(f"checkpoint is {len(data)} bytes, more than {MAX_NOTE_BYTES}")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise CheckpointInvalid("checkpoint is not UTF-8 text") from None
        body, sep, signatures = text.partition("\n\n")
        if not sep or not body:
            raise CheckpointInvalid("checkpoint has no signature block")
        lines = body.split("\n")
        if len(lines) < 3:
            raise CheckpointInvalid("checkpoint has fewer than three lines")
        origin = _ORIGIN.fullmatch(lines[0])
        if origin is None:
            raise CheckpointInvalid("checkpoint origin is not chronika/<vault id>")
        vault_id = bytes.fromhex(origin.group(1))
        if _SIZE.fullmatch(lines[1]) is None:
            raise CheckpointInvalid("checkpoint tree size is not a decimal number")
        size = int(lines[1])
        if _ROOT.fullmatch(lines[2]) is None:
            raise CheckpointInvalid("checkpoint root is not a base64 SHA-256 hash")
        root = _decode_hash(lines[2])
        timestamp_match = _TIMESTAMP.fullmatch(lines[3]) if len(lines) > 3 else None
        rest = lines[4:] if timestamp_match else lines[3:]
        timestamp = int(timestamp_match.group(1)) if timestamp_match else None
        subtrees = []
        for line in rest:
            subtree = _SUBTREE.fullmatch(line)
            if subtree is None:
                raise CheckpointInvalid("checkpoint has an unexpected line")
            subtrees.append(_decode_hash(subtree.group(1)))
        if len(subtrees) != size.bit_count():
            raise CheckpointInvalid(f"checkpoint of size {size} must list {size.bit_count()} subtrees")
        device_id, kid, signature = _parse_signature(signatures, vault_id)
        checkpoint = cls(vault_id, size, root, timestamp, tuple(subtrees), device_id, kid, signature)
        if checkpoint.encode() != data:
            raise CheckpointInvalid("checkpoint is not in canonical form")
        return checkpoint


def _decode_hash(text: str) -> bytes:
    value = _unb64(text)
    if len(value) != merkle.HASH_BYTES:
        raise CheckpointInvalid("checkpoint hash is not 32 bytes")
    return value


def _parse_signature(block: str, vault_id: bytes) -> tuple[bytes, bytes, bytes]:
    if not block.endswith("\n") or block.count("\n") != 1:
        raise CheckpointInvalid("checkpoint must carry exactly one signature line")
    line = block[:-1]
    if not line.startswith(SIGNATURE_DASH):
        raise CheckpointInvalid("checkpoint signature line does not start with an em dash")
    name, space, blob_b64 = line[len(SIGNATURE_DASH) :].partition(" ")
    prefix = f"{ORIGIN_PREFIX}{vault_id.hex()}/"
    if not space or not name.startswith(prefix) or re.fullmatch(r"[0-9a-f]{32}", name[len(prefix) :]) is None:
        raise CheckpointInvalid("checkpoint signature is not by a device of this vault")
    try:
        blob = _unb64(blob_b64)
    except (binascii.Error, ValueError):
        raise CheckpointInvalid("checkpoint signature is not base64") from None
    if len(blob) != KEY_ID_BYTES + SIGNATURE_BYTES:
        raise CheckpointInvalid("checkpoint signature has the wrong length")
    return bytes.fromhex(name[len(prefix) :]), blob[:KEY_ID_BYTES], blob[KEY_ID_BYTES:]


def _body(
    vault_id: bytes, size: int, root: bytes, timestamp: int | None, subtrees: tuple[bytes, ...]
) -> bytes:
    lines = [f"{ORIGIN_PREFIX}{vault_id.hex()}", str(size), _b64(root)]
    if timestamp is not None:
        lines.append(f"timestamp {timestamp}")
    lines.extend(f"subtree {_b64(subtree)}" for subtree in subtrees)
    return ("\n".join(lines) + "\n").encode("ascii")
