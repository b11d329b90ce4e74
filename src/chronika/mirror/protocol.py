"""The mirror's wire format: endpoints, JSON bodies, request signatures, limits, the error shape.

A mirror stores the ledgers of any number of vaults without a key. Every request about a vault is
signed by one of that vault's device keys (Ed25519); reads are signed too, so nobody without a
device key (a stranger, or someone who only knows the vault id from a checkpoint) can list or
download a vault's ciphertext. The one unsigned exception is ``recover``, which a new machine
uses after a fire: it proves knowledge of the recovery phrase with a token derived from it
(``access.py``), and gets back only the recovery-only key file.

Endpoints (all under ``/v1``; ``{vault}`` is 32 hex digits, ``{n}`` a segment number from 1)::

    GET  /v1/mirror                          MirrorInfo (unsigned)
    POST /v1/vaults/{vault}                  register: Registration -> VaultHead (signed by the new key)
    GET  /v1/vaults/{vault}                  VaultHead
    POST /v1/vaults/{vault}/segments/{n}?offset=B   raw frames appended at byte B -> VaultHead
    GET  /v1/vaults/{vault}/segments/{n}?offset=B&limit=L   committed bytes of segment n
    GET  /v1/vaults/{vault}/proof?old=M&new=N     ConsistencyProof (RFC 9162) between tree sizes
    POST /v1/vaults/{vault}/audit            AuditRequest -> AuditReply (keyed digests of every segment)
    PUT  /v1/vaults/{vault}/keyfile          the recovery-only key file (opaque to the mirror)
    GET  /v1/vaults/{vault}/keyfile
    POST /v1/recover                         RecoverRequest -> RecoverReply (unsigned, token-gated)
    POST /v1/vaults/{vault}/revocations      Revocation -> VaultHead (a device withdrawn)

Devices: the first registration of a vault names its founding device. Another device registers
with a certificate (``chronika.vault.devices``) chaining back to the founder; a revocation,
signed by a trusted device, stops the revoked device's requests and refuses its later entries.

Request signature: four headers, over the message built by :func:`signed_message`::

    chronika-mirror-request v1 \\n mirror id \\n METHOD \\n /v1/path?query \\n sha256(body) hex
    \\n timestamp \\n nonce \\n device id

The mirror id (random, chosen by each mirror at first start) is inside, so a request signed for one
mirror is refused by every other; the timestamp must be within :data:`CLOCK_SKEW_SECONDS` of the
mirror's clock and the nonce unseen within that window, so a captured request cannot be replayed.

Errors: every refusal is one JSON object, ``{"error": {"status": 4xx, "code": "E3xx", "message": ...}}``,
with the codes of ``chronika.errors`` (``MirrorRequestRejected`` and below).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import secrets
import time
from typing import Any, TypeVar

import msgspec
import nacl.exceptions
import nacl.signing

from chronika.errors import MalformedRequest
from chronika.vault.devices import Certificate, Revocation

__all__ = [
    "API",
    "CLOCK_SKEW_SECONDS",
    "HEADER_DEVICE",
    "HEADER_NONCE",
    "HEADER_SIGNATURE",
    "HEADER_TIME",
    "HEADER_TIMESTAMP",
    "MAX_APPEND_BYTES",
    "MAX_JSON_BYTES",
    "MAX_KEYFILE_BYTES",
    "MAX_READ_BYTES",
    "NONCE_BYTES",
    "PROTOCOL_VERSION",
    "AuditReply",
    "AuditRequest",
    "ConsistencyProof",
    "DeviceKey",
    "ErrorBody",
    "ErrorDetail",
    "MirrorInfo",
    "RecoverReply",
    "RecoverRequest",
    "Registration",
    "SegmentDigest",
    "SegmentState",
    "SignedHeaders",
    "VaultHead",
    "b64",
    "decode_json",
    "encode_json",
    "parse_hex_id",
    "parse_signed_headers",
    "sign_request",
    "signed_message",
    "unb64",
    "verify_request_signature",
]

PROTOCOL_VERSION = 1
API = "/v1"

# A request's body is held in memory whole, so these bound the mirror's memory per connection.
# 8 MiB is a few thousand entries of ordinary records; an entry larger than that (a big source
# document) is sent across several appends, which the mirror accepts at any byte boundary.
MAX_APPEND_BYTES = 8 * 1024 * 1024
MAX_READ_BYTES = 8 * 1024 * 1024
# Registration, audit and recovery requests are a few hundred bytes; a key file is ~1 KiB.
MAX_JSON_BYTES = 64 * 1024
MAX_KEYFILE_BYTES = 64 * 1024

# Five minutes either way: wide enough for laptops whose clocks drift, narrow enough that the
# mirror can remember every nonce it saw inside the window. A refused client learns the mirror's
# time from HEADER_TIME and retries once with that offset.
CLOCK_SKEW_SECONDS = 300
NONCE_BYTES = 16

HEADER_DEVICE = "chronika-device"
HEADER_TIMESTAMP = "chronika-timestamp"
HEADER_NONCE = "chronika-nonce"
HEADER_SIGNATURE = "chronika-signature"
HEADER_TIME = "chronika-time"

_SIGNED_PREFIX = b"chronika-mirror-request v1"
_HEX_ID = re.compile(r"[0-9a-f]{32}")
_NONCE = re.compile(r"[0-9a-f]{32}")
_TIMESTAMP = re.compile(r"0|[1-9][0-9]{0,15}")

T = TypeVar("T")


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str, *, length: int | None = None, what: str = "value") -> bytes:
    """Strict base64 (no whitespace, padding checked); MalformedRequest if not, or of the wrong length."""
    try:
        data = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        raise MalformedRequest(f"{what} is not base64") from None
    if length is not None and len(data) != length:
        raise MalformedRequest(f"{what} must be {length} bytes")
    return data


def parse_hex_id(text: str, what: str = "id") -> bytes:
    """A 16-byte id written as 32 lowercase hex digits, the only spelling accepted."""
    if _HEX_ID.fullmatch(text) is None:
        raise MalformedRequest(f"{what} must be 32 lowercase hex digits")
    return bytes.fromhex(text)


# -- bodies ----------------------------------------------------------------------------------------


class MirrorInfo(msgspec.Struct, forbid_unknown_fields=True):
    """What any client may ask a mirror before it signs anything."""

    service: str
    protocol: int
    mirror_id: str
    time: int
    max_append_bytes: int
    max_read_bytes: int


class DeviceKey(msgspec.Struct, forbid_unknown_fields=True):
    device_id: str
    public_key: str
    #: How the device was admitted (absent for the founding device), and where it was cut off.
    certificate: Certificate | None = None
    revoked_after: int | None = None


class Registration(msgspec.Struct, forbid_unknown_fields=True):
    """A vault's first device introduces itself, and (optionally) how to find it after a fire."""

    public_key: str
    recovery_locator: str | None = None
    recovery_token_sha256: str | None = None
    #: A device joining a vault already here shows its certificate.
    certificate: Certificate | None = None


class SegmentState(msgspec.Struct, forbid_unknown_fields=True):
    """One segment on the mirror: ``committed`` bytes end at a checkpoint; ``length`` may run past it.

    Bytes between ``committed`` and ``length`` are a batch still arriving (several appends);
    ``pending_sha256`` lets a client check they are its own before resuming after them.
    """

    number: int
    committed: int
    length: int
    pending_sha256: str


class VaultHead(msgspec.Struct, forbid_unknown_fields=True):
    vault_id: str
    size: int
    checkpoint: str | None
    segments: list[SegmentState]
    devices: list[DeviceKey]
    keyfile_sha256: str | None
    founder: str | None = None
    revocations: list[Revocation] = msgspec.field(default_factory=list)


class ConsistencyProof(msgspec.Struct, forbid_unknown_fields=True):
    old_size: int
    new_size: int
    proof: list[str]


class AuditRequest(msgspec.Struct, forbid_unknown_fields=True):
    nonce: str


class SegmentDigest(msgspec.Struct, forbid_unknown_fields=True):
    """BLAKE2b keyed with the client's fresh nonce over a segment's committed bytes."""

    number: int
    committed: int
    digest: str


class AuditReply(msgspec.Struct, forbid_unknown_fields=True):
    segments: list[SegmentDigest]


class RecoverRequest(msgspec.Struct, forbid_unknown_fields=True):
    locator: str
    token: str


class RecoverReply(msgspec.Struct, forbid_unknown_fields=True):
    vault_id: str
    keyfile: str


class ErrorDetail(msgspec.Struct, forbid_unknown_fields=True):
    status: int
    code: str
    message: str


class ErrorBody(msgspec.Struct, forbid_unknown_fields=True):
    error: ErrorDetail


_encoder = msgspec.json.Encoder()


def encode_json(value: Any) -> bytes:
    return _encoder.encode(value)


def decode_json(data: bytes, kind: type[T], *, what: str = "request body") -> T:
    """Decode strictly into ``kind``; MalformedRequest (a 400) for anything else."""
    try:
        return msgspec.json.decode(data, type=kind)
    except (msgspec.ValidationError, msgspec.DecodeError) as error:
        raise MalformedRequest(f"{what} is not valid: {error}") from None


# -- signatures ------------------------------------------------------------------------------------


class SignedHeaders(msgspec.Struct, frozen=True):
    """The four signature headers of a request, parsed and checked for form (not yet for truth)."""

    device_id: bytes
    timestamp: int
    nonce: str
    signature: bytes


def signed_message(
    *, mirror_id: str, method: str, target: str, body: bytes, timestamp: int, nonce: str, device_id: bytes
) -> bytes:
    """The exact bytes a device signs; ``target`` is the API path with its query (``/v1/...?...``)."""
    return b"\n".join(
        (
            _SIGNED_PREFIX,
            mirror_id.encode("ascii"),
            method.upper().encode("ascii"),
            target.encode("ascii"),
            hashlib.sha256(body).hexdigest().encode("ascii"),
            str(timestamp).encode("ascii"),
            nonce.encode("ascii"),
            device_id.hex().encode("ascii"),
        )
    )


def sign_request(
    signing_key: nacl.signing.SigningKey,
    device_id: bytes,
    *,
    mirror_id: str,
    method: str,
    target: str,
    body: bytes,
    clock_offset: int = 0,
) -> dict[str, str]:
    """The signature headers for one request (a fresh nonce each time: retries are signed anew)."""
    timestamp = int(time.time()) + clock_offset
    nonce = secrets.token_hex(NONCE_BYTES)
    message = signed_message(
        mirror_id=mirror_id,
        method=method,
        target=target,
        body=body,
        timestamp=timestamp,
        nonce=nonce,
        device_id=device_id,
    )
    return {
        HEADER_DEVICE: device_id.hex(),
        HEADER_TIMESTAMP: str(timestamp),
        HEADER_NONCE: nonce,
        HEADER_SIGNATURE: b64(signing_key.sign(message).signature),
    }


def parse_signed_headers(get: Any) -> SignedHeaders | None:
    """The signature headers from a mapping-like ``get``; None if any is missing or malformed."""
    device, timestamp, nonce, signature = (
        get(name) for name in (HEADER_DEVICE, HEADER_TIMESTAMP, HEADER_NONCE, HEADER_SIGNATURE)
    )
    if not all(isinstance(value, str) for value in (device, timestamp, nonce, signature)):
        return None
    if _HEX_ID.fullmatch(device) is None or _TIMESTAMP.fullmatch(timestamp) is None:
        return None
    if _NONCE.fullmatch(nonce) is None:
        return None
    try:
        raw_signature = base64.b64decode(signature.encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        return None
    if len(raw_signature) != 64:
        return None
    return SignedHeaders(bytes.fromhex(device), int(timestamp), nonce, raw_signature)


def verify_request_signature(public_key: bytes, message: bytes, signature: bytes) -> bool:
    try:
        nacl.signing.VerifyKey(public_key).verify(message, signature)
    except (nacl.exceptions.BadSignatureError, nacl.exceptions.ValueError, TypeError):
        return False
    return True
