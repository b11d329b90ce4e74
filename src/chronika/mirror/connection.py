"""One client connection to one mirror: signed requests, strict answers, errors a person can read.

Every request about a vault is signed with the device key (``protocol.sign_request``), with a
fresh nonce each time, so a retried request is a new request. Answers are decoded strictly; a
mirror that answers something the protocol does not allow is a MirrorProtocolError, a refusal in
the protocol's error shape is a MirrorRefused carrying the mirror's own code, and no answer at all
(refused, reset, timed out) is MirrorUnreachable, which ``sync`` retries.

Transport: ``https://`` anywhere; plain ``http://`` only to a loopback address (the mirror on this
machine, or a tunnel to it) or to a ``.onion`` address (Tor encrypts and authenticates the
connection itself; run ``torsocks chronika sync``, or set ``ALL_PROXY`` to Tor's SOCKS port with
``httpx[socks]`` installed).
"""

from __future__ import annotations

import base64
import ipaddress
import time
from types import TracebackType
from typing import Self, TypeVar
from urllib.parse import urlsplit

import httpx
import msgspec
import nacl.signing

from chronika.errors import (
    MirrorProtocolError,
    MirrorRefused,
    MirrorUnreachable,
    UsageError,
)
from chronika.mirror.access import RecoveryAccess
from chronika.mirror.protocol import (
    API,
    HEADER_TIME,
    AuditReply,
    AuditRequest,
    ConsistencyProof,
    ErrorBody,
    MirrorInfo,
    RecoverReply,
    RecoverRequest,
    Registration,
    SegmentDigest,
    VaultHead,
    b64,
    encode_json,
    sign_request,
)
from chronika.vault.devices import Certificate, Revocation
from chronika.vault.keys import Keyring

__all__ = ["MirrorConnection", "normalize_url"]

T = TypeVar("T")

_TIMEOUT = httpx.Timeout(60.0, connect=10.0)
_EXPIRED = "E344"
_UNKNOWN_VAULT = "E346"


def normalize_url(text: str) -> str:
    """The canonical form of a mirror URL (scheme and host lowercased, no trailing slash).

    Refuses what would leak: credentials in the URL, a query or fragment, and plain HTTP to a host
    that is neither loopback nor a Tor onion service.
    """
    try:
        parts = urlsplit(text.strip())
        port = parts.port
    except ValueError:
        raise UsageError(f"{text!r} is not a URL") from None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if scheme not in ("http", "https") or not host:
        raise UsageError(f"{text!r} is not an http(s) URL of a mirror")
    if parts.username or parts.password or parts.query or parts.fragment:
        raise UsageError("a mirror URL carries no user name, password, query or fragment")
    if scheme == "http" and not (_is_loopback(host) or host.endswith(".onion")):
        raise UsageError(
            f"plain http:// is allowed only to this machine or a .onion address; use https://{host} "
            "(the mirror behind a TLS reverse proxy: see docs/mirrors.md)"
        )
    shown_host = f"[{host}]" if ":" in host else host
    return f"{scheme}://{shown_host}{f':{port}' if port else ''}{parts.path.rstrip('/')}"


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class MirrorConnection:
    """HTTP to one mirror; :meth:`use_keys` before any vault request."""

    def __init__(self, url: str, *, transport: httpx.BaseTransport | None = None) -> None:
        self.url = normalize_url(url)
        self._http = httpx.Client(
            base_url=self.url,
            timeout=_TIMEOUT,
            follow_redirects=False,
            headers={"user-agent": "chronika"},
            transport=transport,
        )
        self.mirror_id: str | None = None
        self._signing_key: nacl.signing.SigningKey | None = None
        self._device_id = b""
        self._clock_offset = 0

    # -- plumbing --------------------------------------------------------------------------------

    def use_keys(self, keyring: Keyring) -> None:
        self._signing_key = keyring.signing_key()
        self._device_id = keyring.device_id

    def close(self) -> None:
        self._http.close()
        self._signing_key = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def _send(self, method: str, target: str, body: bytes = b"", *, signed: bool = True) -> httpx.Response:
        for attempt in range(2):
            headers = {}
            if signed:
                if self._signing_key is None or self.mirror_id is None:
                    raise RuntimeError("use_keys() and info() come before signed requests")
                headers = sign_request(
                    self._signing_key,
                    self._device_id,
                    mirror_id=self.mirror_id,
                    method=method,
                    target=target,
                    body=body,
                    clock_offset=self._clock_offset,
                )
            try:
                response = self._http.request(method, target.lstrip("/"), content=body, headers=headers)
            except httpx.TransportError as error:
                raise MirrorUnreachable(f"{self.url} did not answer ({_describe(error)})") from None
            if response.status_code < 400:
                return response
            refusal = self._refusal(response)
            if (
                isinstance(refusal, MirrorRefused)
                and refusal.remote_code == _EXPIRED
                and attempt == 0
                and HEADER_TIME in response.headers
            ):
                # Our clock is off: sign again with the mirror's time (its answer was signed by nobody,
                # but a wrong offset only makes the next request fail the same way).
                try:
                    self._clock_offset = int(response.headers[HEADER_TIME]) - _now()
                except ValueError:
                    raise refusal from None
                continue
            raise refusal
        raise AssertionError("unreachable")

    def _refusal(self, response: httpx.Response) -> MirrorRefused | MirrorProtocolError:
        try:
            detail = msgspec.json.decode(response.content, type=ErrorBody).error
        except (msgspec.ValidationError, msgspec.DecodeError):
            return MirrorProtocolError(
                f"{self.url} answered HTTP {response.status_code} without a Chronika error: is it a mirror?"
            )
        if response.status_code >= 500 and detail.code == "E999":
            return MirrorProtocolError(f"{self.url} had an internal error ({detail.message})")
        error = MirrorRefused(f"{self.url} refused: [{detail.code}] {detail.message}")
        error.remote_code, error.status = detail.code, response.status_code
        return error

    def _decode(self, response: httpx.Response, kind: type[T]) -> T:
        try:
            return msgspec.json.decode(response.content, type=kind)
        except (msgspec.ValidationError, msgspec.DecodeError) as error:
            raise MirrorProtocolError(
                f"{self.url} answered with something that is not a mirror's: {error}"
            ) from None

    # -- endpoints -------------------------------------------------------------------------------

    def info(self) -> MirrorInfo:
        info = self._decode(self._send("GET", f"{API}/mirror", signed=False), MirrorInfo)
        if info.service != "chronika-mirror":
            raise MirrorProtocolError(f"{self.url} is not a Chronika mirror")
        self.mirror_id = info.mirror_id
        return info

    def head(self, vault_id: bytes) -> VaultHead | None:
        """The vault's head on this mirror, or None if the mirror does not know it (or not us)."""
        try:
            return self._decode(self._send("GET", f"{API}/vaults/{vault_id.hex()}"), VaultHead)
        except MirrorRefused as error:
            if error.remote_code == _UNKNOWN_VAULT:
                return None
            raise

    def register(
        self, keyring: Keyring, access: RecoveryAccess | None, certificate: Certificate | None = None
    ) -> VaultHead:
        registration = Registration(
            public_key=b64(keyring.public_key),
            recovery_locator=access.locator.hex() if access else None,
            recovery_token_sha256=b64(access.token_sha256()) if access else None,
            certificate=certificate,
        )
        body = encode_json(registration)
        return self._decode(self._send("POST", f"{API}/vaults/{keyring.vault_id.hex()}", body), VaultHead)

    def revoke(self, vault_id: bytes, revocation: Revocation) -> VaultHead:
        body = encode_json(revocation)
        return self._decode(self._send("POST", f"{API}/vaults/{vault_id.hex()}/revocations", body), VaultHead)

    def append(self, vault_id: bytes, segment: int, offset: int, data: bytes) -> VaultHead:
        target = f"{API}/vaults/{vault_id.hex()}/segments/{segment}?offset={offset}"
        return self._decode(self._send("POST", target, data), VaultHead)

    def read(self, vault_id: bytes, segment: int, offset: int, limit: int) -> bytes:
        target = f"{API}/vaults/{vault_id.hex()}/segments/{segment}?offset={offset}&limit={limit}"
        return self._send("GET", target).content

    def proof(self, vault_id: bytes, old_size: int, new_size: int) -> list[bytes]:
        target = f"{API}/vaults/{vault_id.hex()}/proof?old={old_size}&new={new_size}"
        reply = self._decode(self._send("GET", target), ConsistencyProof)
        try:
            return [base64.b64decode(node, validate=True) for node in reply.proof]
        except ValueError:
            raise MirrorProtocolError(f"{self.url} sent a proof that is not base64") from None

    def audit(self, vault_id: bytes, nonce: bytes) -> list[SegmentDigest]:
        body = encode_json(AuditRequest(b64(nonce)))
        return self._decode(
            self._send("POST", f"{API}/vaults/{vault_id.hex()}/audit", body), AuditReply
        ).segments

    def put_key_file(self, vault_id: bytes, blob: bytes) -> VaultHead:
        return self._decode(self._send("PUT", f"{API}/vaults/{vault_id.hex()}/keyfile", blob), VaultHead)

    def recover(self, access: RecoveryAccess) -> tuple[bytes, bytes]:
        """(vault id, recovery-only key file) for a recovery phrase's access values."""
        body = encode_json(RecoverRequest(access.locator.hex(), b64(access.token.reveal())))
        reply = self._decode(self._send("POST", f"{API}/recover", body, signed=False), RecoverReply)
        try:
            return bytes.fromhex(reply.vault_id), base64.b64decode(reply.keyfile, validate=True)
        except ValueError:
            raise MirrorProtocolError(f"{self.url} sent a recovery answer that does not decode") from None


def _now() -> int:
    return int(time.time())


def _describe(error: httpx.TransportError) -> str:
    text = str(error) or type(error).__name__
    return " ".join(text.split())[:200]
