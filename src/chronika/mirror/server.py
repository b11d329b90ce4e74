"""The mirror service: a small ASGI app (Starlette) over a :class:`~chronika.mirror.store.Store`, on uvicorn.

What it promises, and how:

* **No key, no plaintext.** It receives ciphertext entries and signed checkpoints, checks what
  needs no key (``intake.py``) and stores them. Nothing it logs is content: one line per request
  with the method, the route's name, the status, the size and the time taken; never an IP address
  (uvicorn's access log is off and proxy headers are ignored), never a vault id.
* **Only a vault's devices read or write it.** Every vault request must carry a signature by a
  registered device key over the method, path, body hash, a timestamp and a nonce
  (``protocol.py``); an unknown vault, an unknown device and a bad signature get the same 404, so
  a stranger cannot even learn whether a vault id is stored here. Nonces are remembered for the
  timestamp window, so a captured request cannot be replayed.
* **Every bad input is a 4xx with one JSON shape**, never a 5xx: bodies are read up to a size
  limit and refused past it (413), JSON is decoded strictly, ids and numbers are checked for form,
  routing misses answer 404/405 in the same shape.
* **Plain HTTP only on loopback.** Elsewhere it refuses to start without TLS
  (``--tls-cert``/``--tls-key``), and says how to put it behind a TLS reverse proxy or a Tor
  onion service instead (docs/mirrors.md), both of which talk to it on 127.0.0.1.
"""

from __future__ import annotations

import collections
import ipaddress
import logging
import socket
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from chronika.errors import (
    BodyTooLarge,
    ChronikaError,
    DeviceRevokedHere,
    MalformedRequest,
    MethodNotAllowed,
    MirrorRequestRejected,
    NotAuthenticated,
    RequestExpired,
    RequestReplayed,
    RouteNotFound,
    UsageError,
    VaultUnknown,
)
from chronika.mirror.protocol import (
    API,
    CLOCK_SKEW_SECONDS,
    HEADER_TIME,
    MAX_APPEND_BYTES,
    MAX_JSON_BYTES,
    MAX_KEYFILE_BYTES,
    MAX_READ_BYTES,
    PROTOCOL_VERSION,
    AuditReply,
    AuditRequest,
    ConsistencyProof,
    ErrorBody,
    ErrorDetail,
    MirrorInfo,
    RecoverReply,
    RecoverRequest,
    Registration,
    b64,
    decode_json,
    encode_json,
    parse_hex_id,
    parse_signed_headers,
    signed_message,
    unb64,
    verify_request_signature,
)
from chronika.mirror.store import FileStore, Store, VaultRegistration
from chronika.vault.devices import Revocation
from chronika.vault.keys import device_id_for

__all__ = ["PLAIN_HTTP_REFUSED", "ReplayGuard", "create_app", "is_loopback", "serve"]

log = logging.getLogger("chronika.mirror")

PLAIN_HTTP_REFUSED = (
    "refusing to serve plain HTTP on {host}: only loopback addresses may serve without TLS. "
    "Either give --tls-cert and --tls-key, or keep the mirror on 127.0.0.1 and put a TLS reverse "
    "proxy in front of it (Caddy: 'mirror.example.org {{ reverse_proxy 127.0.0.1:{port} }}'; nginx: "
    "'proxy_pass http://127.0.0.1:{port};' in a server block with ssl_certificate), or publish it as "
    "a Tor onion service ('HiddenServicePort 80 127.0.0.1:{port}' in torrc). See docs/mirrors.md."
)

# Seen nonces are kept this long past their timestamp: a request older than the window is refused
# for its timestamp anyway, so nothing older needs remembering.
_NONCE_MEMORY_SECONDS = 2 * CLOCK_SKEW_SECONDS
# A bound on the replay memory (about 100 bytes a nonce): past it the oldest are forgotten first.
_NONCE_CAPACITY = 500_000
_MAX_NUMBER = 1 << 62


class ReplayGuard:
    """Remembers (vault, device, nonce) for the timestamp window; a repeat is a replay."""

    def __init__(self, capacity: int = _NONCE_CAPACITY) -> None:
        self._capacity = capacity
        self._seen: set[tuple[bytes, bytes, str]] = set()
        self._order: collections.deque[tuple[float, tuple[bytes, bytes, str]]] = collections.deque()
        self._lock = threading.Lock()

    def fresh(self, key: tuple[bytes, bytes, str], now: float) -> bool:
        with self._lock:
            while self._order and (self._order[0][0] < now or len(self._order) >= self._capacity):
                _, old = self._order.popleft()
                self._seen.discard(old)
            if key in self._seen:
                return False
            self._seen.add(key)
            self._order.append((now + _NONCE_MEMORY_SECONDS, key))
            return True


class _Mirror:
    """The endpoints (see protocol.py for the list), bound to one store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.replays = ReplayGuard()

    # -- plumbing --------------------------------------------------------------------------------

    async def authenticate(
        self, request: Request, vault_id: bytes, body: bytes, public_key: bytes | None = None
    ) -> bytes:
        """Check the device signature; the device id. Unknown and forged look the same (404)."""
        signed = parse_signed_headers(request.headers.get)
        if signed is None:
            raise NotAuthenticated(
                "the request is not signed: Chronika signature headers are missing or malformed"
            )
        now = time.time()
        if abs(now - signed.timestamp) > CLOCK_SKEW_SECONDS:
            raise RequestExpired(
                f"the request was signed at {signed.timestamp} but this mirror's clock says {int(now)}: "
                "the clocks differ by more than five minutes"
            )
        if public_key is None:
            public_key = await run_in_threadpool(self.store.device_key, vault_id, signed.device_id)
        unknown = VaultUnknown("no such vault here, or the request is not signed by one of its devices")
        if public_key is None:
            raise unknown
        message = signed_message(
            mirror_id=self.store.mirror_id,
            method=request.method,
            target=_target(request),
            body=body,
            timestamp=signed.timestamp,
            nonce=signed.nonce,
            device_id=signed.device_id,
        )
        if not verify_request_signature(public_key, message, signed.signature):
            raise unknown
        if not self.replays.fresh((vault_id, signed.device_id, signed.nonce), now):
            raise RequestReplayed("this request was already received: a replay is refused")
        # Only the holder of the revoked key gets here (the signature is checked): telling it why is
        # no leak, and keeps it from taking the refusal for a mirror that lost the vault.
        if await run_in_threadpool(self.store.is_revoked, vault_id, signed.device_id):
            raise DeviceRevokedHere("this device was revoked from the vault: it may no longer read or write")
        return signed.device_id

    # -- endpoints -------------------------------------------------------------------------------

    async def info(self, request: Request) -> Response:
        await _body(request, 0)
        return _json(
            MirrorInfo(
                service="chronika-mirror",
                protocol=PROTOCOL_VERSION,
                mirror_id=self.store.mirror_id,
                time=int(time.time()),
                max_append_bytes=MAX_APPEND_BYTES,
                max_read_bytes=MAX_READ_BYTES,
            )
        )

    async def register(self, request: Request) -> Response:
        vault_id = _vault(request)
        body = await _body(request, MAX_JSON_BYTES)
        registration = decode_json(body, Registration)
        public_key = unb64(registration.public_key, length=32, what="public_key")
        device_id = await self.authenticate(request, vault_id, body, public_key=public_key)
        if device_id != device_id_for(public_key):
            raise MalformedRequest("the device id is not the one this public key gives")
        locator = registration.recovery_locator
        token = registration.recovery_token_sha256
        if (locator is None) != (token is None):
            raise MalformedRequest("a recovery locator and a recovery token hash come together")
        certificate = registration.certificate
        if certificate is not None and (
            certificate.public_key != public_key
            or certificate.vault_id != vault_id
            or not certificate.well_formed()
        ):
            raise MalformedRequest("the certificate is not for this device of this vault")
        head = await run_in_threadpool(
            self.store.register,
            VaultRegistration(
                vault_id,
                {device_id: public_key},
                parse_hex_id(locator, "recovery_locator") if locator is not None else None,
                unb64(token, length=32, what="recovery_token_sha256") if token is not None else None,
                (certificate,) if certificate is not None else (),
            ),
        )
        return _json(head)

    async def revoke(self, request: Request) -> Response:
        vault_id = _vault(request)
        body = await _body(request, MAX_JSON_BYTES)
        device_id = await self.authenticate(request, vault_id, body)
        revocation = decode_json(body, Revocation)
        if revocation.revoked_by != device_id:
            raise MalformedRequest("a revocation is sent by the device that signed it")
        return _json(await run_in_threadpool(self.store.revoke, vault_id, revocation))

    async def head(self, request: Request) -> Response:
        vault_id = _vault(request)
        await self.authenticate(request, vault_id, await _body(request, 0))
        return _json(await run_in_threadpool(self.store.head, vault_id))

    async def append(self, request: Request) -> Response:
        vault_id = _vault(request)
        number = _segment(request)
        offset = _number(request, "offset")
        body = await _body(request, MAX_APPEND_BYTES)
        await self.authenticate(request, vault_id, body)
        if not body:
            raise MalformedRequest("an append carries at least one byte")
        return _json(await run_in_threadpool(self.store.append, vault_id, number, offset, body))

    async def read(self, request: Request) -> Response:
        vault_id = _vault(request)
        number = _segment(request)
        offset = _number(request, "offset")
        limit = min(_number(request, "limit"), MAX_READ_BYTES)
        await self.authenticate(request, vault_id, await _body(request, 0))
        data = await run_in_threadpool(self.store.read, vault_id, number, offset, limit)
        return Response(data, media_type="application/octet-stream", headers=_NO_STORE)

    async def proof(self, request: Request) -> Response:
        vault_id = _vault(request)
        old, new = _number(request, "old"), _number(request, "new")
        await self.authenticate(request, vault_id, await _body(request, 0))
        proof = await run_in_threadpool(self.store.consistency, vault_id, old, new)
        return _json(ConsistencyProof(old, new, [b64(node) for node in proof]))

    async def audit(self, request: Request) -> Response:
        vault_id = _vault(request)
        body = await _body(request, MAX_JSON_BYTES)
        await self.authenticate(request, vault_id, body)
        nonce = unb64(decode_json(body, AuditRequest).nonce, what="nonce")
        if not 16 <= len(nonce) <= 64:
            raise MalformedRequest("an audit nonce is 16 to 64 bytes")
        return _json(AuditReply(await run_in_threadpool(self.store.audit, vault_id, nonce)))

    async def put_key_file(self, request: Request) -> Response:
        vault_id = _vault(request)
        body = await _body(request, MAX_KEYFILE_BYTES)
        await self.authenticate(request, vault_id, body)
        await run_in_threadpool(self.store.put_key_file, vault_id, body)
        return _json(await run_in_threadpool(self.store.head, vault_id))

    async def get_key_file(self, request: Request) -> Response:
        vault_id = _vault(request)
        await self.authenticate(request, vault_id, await _body(request, 0))
        blob = await run_in_threadpool(self.store.get_key_file, vault_id)
        return Response(blob, media_type="application/json", headers=_NO_STORE)

    async def recover(self, request: Request) -> Response:
        recover = decode_json(await _body(request, MAX_JSON_BYTES), RecoverRequest)
        locator = parse_hex_id(recover.locator, "locator")
        token = unb64(recover.token, length=32, what="token")
        vault_id, blob = await run_in_threadpool(self.store.recover, locator, token)
        return _json(RecoverReply(vault_id.hex(), b64(blob)))


_NO_STORE = {"cache-control": "no-store"}


def _json(value: object, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(
        encode_json(value),
        status_code=status,
        media_type="application/json",
        headers={**_NO_STORE, **(headers or {})},
    )


def _target(request: Request) -> str:
    path = request.scope["path"]
    root = request.scope.get("root_path", "")
    if root and path.startswith(root):
        path = path[len(root) :]
    query = request.scope.get("query_string", b"").decode("latin-1")
    return f"{path}?{query}" if query else path


def _vault(request: Request) -> bytes:
    return parse_hex_id(str(request.path_params["vault"]), "vault id")


def _segment(request: Request) -> int:
    text = str(request.path_params["segment"])
    if not text.isdigit() or len(text) > 8 or int(text) < 1:
        raise MalformedRequest("a segment number is a decimal number from 1")
    return int(text)


def _number(request: Request, name: str) -> int:
    values = request.query_params.getlist(name)
    if len(values) != 1 or not values[0].isdigit() or len(values[0]) > 19 or int(values[0]) >= _MAX_NUMBER:
        raise MalformedRequest(f"the query must give {name} once, as a decimal number")
    return int(values[0])


async def _body(request: Request, limit: int) -> bytes:
    """The whole body, refused with 413 as soon as it passes ``limit`` (before reading the rest)."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        if declared.isdigit():
            raise BodyTooLarge(f"the body is {declared} bytes; this endpoint takes at most {limit}")
        raise MalformedRequest("Content-Length is not a number")
    parts: list[bytes] = []
    total = 0
    async for chunk in request.stream():
        total += len(chunk)
        if total > limit:
            raise BodyTooLarge(f"the body is larger than this endpoint takes ({limit} bytes)")
        parts.append(chunk)
    return b"".join(parts)


def _error_response(error: MirrorRequestRejected) -> Response:
    headers = {HEADER_TIME: str(int(time.time()))} if isinstance(error, RequestExpired) else None
    body = ErrorBody(ErrorDetail(error.status, error.code, " ".join(error.message.split())))
    return _json(body, status=error.status, headers=headers)


async def _on_rejected(request: Request, error: Exception) -> Response:
    assert isinstance(error, MirrorRequestRejected)
    return _error_response(error)


async def _on_http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    if error.status_code == 405:
        return _error_response(MethodNotAllowed(f"{request.method} is not allowed here"))
    if error.status_code == 404:
        return _error_response(RouteNotFound("no such endpoint on a Chronika mirror"))
    rejected = MirrorRequestRejected(str(error.detail))
    rejected.status = error.status_code if 400 <= error.status_code < 500 else 400
    return _error_response(rejected)


async def _on_other_error(request: Request, error: Exception) -> Response:
    if isinstance(error, ChronikaError):
        # An error from the storage layer that is not a request's fault (a damaged file, say):
        # answered in the same shape, as a conflict the client can name, never as a crash.
        rejected = MirrorRequestRejected(error.message)
        rejected.status = 409
        return _error_response(rejected)
    log.error(
        "internal error answering %s %s: %s", request.method, _route_name(request), type(error).__name__
    )
    body = ErrorBody(ErrorDetail(500, "E999", "internal error in the mirror"))
    return _json(body, status=500)


def _route_name(request: Request) -> str:
    route = request.scope.get("route")
    return getattr(route, "name", None) or "unknown"


class _AccessLog:
    """One line per request: method, route name, status, bytes sent, milliseconds. Nothing else."""

    def __init__(self, app: Callable[..., Awaitable[None]]) -> None:
        self.app = app

    async def __call__(self, scope: MutableMapping[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 0
        sent = 0

        async def tracking_send(message: MutableMapping[str, Any]) -> None:
            nonlocal status, sent
            if message["type"] == "http.response.start":
                status = int(message["status"])
            elif message["type"] == "http.response.body":
                sent += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        finally:
            route = scope.get("route")
            name = getattr(route, "name", None) or "unknown"
            log.info(
                "%s %s %d %dB %.1fms",
                scope["method"],
                name,
                status,
                sent,
                (time.perf_counter() - started) * 1000,
            )


def create_app(store: Store) -> Any:
    """The ASGI application for ``store`` (wrapped in the access log)."""
    mirror = _Mirror(store)
    vault = API + "/vaults/{vault}"
    routes = [
        Route(API + "/mirror", mirror.info, methods=["GET"], name="info"),
        Route(API + "/recover", mirror.recover, methods=["POST"], name="recover"),
        Route(vault, mirror.register, methods=["POST"], name="register"),
        Route(vault, mirror.head, methods=["GET"], name="head"),
        Route(vault + "/segments/{segment}", mirror.append, methods=["POST"], name="append"),
        Route(vault + "/segments/{segment}", mirror.read, methods=["GET"], name="read"),
        Route(vault + "/proof", mirror.proof, methods=["GET"], name="proof"),
        Route(vault + "/audit", mirror.audit, methods=["POST"], name="audit"),
        Route(vault + "/keyfile", mirror.put_key_file, methods=["PUT"], name="put-keyfile"),
        Route(vault + "/keyfile", mirror.get_key_file, methods=["GET"], name="get-keyfile"),
        Route(vault + "/revocations", mirror.revoke, methods=["POST"], name="revoke"),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={
            MirrorRequestRejected: _on_rejected,
            HTTPException: _on_http_error,
            Exception: _on_other_error,
        },
    )
    return _AccessLog(app)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(
    data: Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    tls_cert: Path | None = None,
    tls_key: Path | None = None,
    quiet: bool = False,
    announce: Callable[[str], None] = print,
    store: Store | None = None,
) -> None:
    """Serve the mirror until SIGINT/SIGTERM; ``announce`` gets one line once it listens."""
    tls = tls_cert is not None and tls_key is not None
    if (tls_cert is None) != (tls_key is None):
        raise UsageError("--tls-cert and --tls-key go together")
    if not tls and not is_loopback(host):
        raise UsageError(PLAIN_HTTP_REFUSED.format(host=host, port=port))
    logging.basicConfig(
        level=logging.WARNING if quiet else logging.INFO,
        format="%(asctime)s %(name)s %(levelname)s %(message)s",
    )
    backend: Store = store if store is not None else FileStore(data)
    family = socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # Answers go out as several writes (headers, body): without this, Nagle holds the second one
    # until the client acknowledges the first, which it delays: 40 ms lost on every request.
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        sock.bind((host.strip("[]"), port))
    except OSError as error:
        sock.close()
        raise UsageError(f"cannot listen on {host}:{port}: {error.strerror}") from None
    bound_port = sock.getsockname()[1]
    config = uvicorn.Config(
        create_app(backend),
        log_config=None,
        log_level="warning",
        access_log=False,
        proxy_headers=False,
        server_header=False,
        lifespan="off",
        timeout_keep_alive=30,
        timeout_graceful_shutdown=3,
        limit_concurrency=256,
        h11_max_incomplete_event_size=64 * 1024,
        ssl_certfile=str(tls_cert) if tls_cert else None,
        ssl_keyfile=str(tls_key) if tls_key else None,
    )
    server = uvicorn.Server(config)
    scheme = "https" if tls else "http"
    shown = f"[{host.strip('[]')}]" if family == socket.AF_INET6 else host
    announce(f"chronika mirror {backend.mirror_id} serving {data} at {scheme}://{shown}:{bound_port}")
    server.run(sockets=[sock])
