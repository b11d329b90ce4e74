"""The desk's guard: every request passes here before any route, every response on its way out.

What it enforces (docs/threat-model.md, "desk"):

- **Host** must be one this server was bound as (``DeskConfig.allowed_hosts``): a page on
  another site that re-points its own name at 127.0.0.1 (DNS rebinding) sends its own name as
  Host and is refused, before its request reaches any route.
- **Cross-site writes** are refused early: a state-changing request whose ``Origin`` is not this
  server, or whose ``Sec-Fetch-Site`` says another site sent it. The session-bound CSRF token in
  every form (checked by ``web.read_form``) is the real defence; this is the second lock.
- **Body size** is bounded, before any parsing.
- **Sessions**: a browser gets an opaque random id in a cookie (HttpOnly, SameSite=Strict, Secure
  when served off loopback); the session itself lives in memory only (``keeper.py``). The API
  never uses cookies: a request under ``/api/`` gets no session, only token authentication.
- **Headers** on every response: a CSP with no inline script or style and no framing,
  ``Referrer-Policy: no-referrer``, ``nosniff``, and ``Cache-Control: no-store`` on everything but
  the stylesheet, so no page that shows a record stays in the browser's cache after locking.
"""

from __future__ import annotations

import logging
from http.cookies import SimpleCookie

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from chronika.desk.config import DeskConfig
from chronika.desk.i18n import pick_language, use_language
from chronika.desk.keeper import Keeper

__all__ = ["MAX_BODY_BYTES", "SECURITY_HEADERS", "DeskGuard", "cookie_name"]

#: Several uploaded reports at once (the reader's limit is 20 MiB per file), with room for forms.
MAX_BODY_BYTES = 64 * 1024 * 1024
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSP = (
    "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; "
    "object-src 'none'; img-src 'self'; style-src 'self'; script-src 'self'"
)
SECURITY_HEADERS: tuple[tuple[str, str], ...] = (
    ("content-security-policy", CSP),
    ("referrer-policy", "no-referrer"),
    ("x-content-type-options", "nosniff"),
    ("x-frame-options", "DENY"),
    ("cross-origin-opener-policy", "same-origin"),
    ("cross-origin-resource-policy", "same-origin"),
    ("permissions-policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"),
)
log = logging.getLogger("chronika.desk")
NO_STORE = (("cache-control", "no-store, max-age=0"), ("pragma", "no-cache"))
STATIC_CACHE = (("cache-control", "no-cache"),)


def cookie_name(config: DeskConfig) -> str:
    """``__Host-`` binds the cookie to this exact origin, but browsers accept it only when Secure."""
    return "__Host-chronika" if config.secure_cookies else "chronika_session"


class DeskGuard:
    """Pure ASGI middleware (it must see every request, including ones no route matches)."""

    def __init__(self, app: ASGIApp, config: DeskConfig, keeper: Keeper) -> None:
        self.app = app
        self.config = config
        self.keeper = keeper
        self.cookie = cookie_name(config)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        path: str = scope["path"]
        api = path == "/api" or path.startswith("/api/")
        host = headers.get("host", "").lower()
        if host not in self.config.allowed_hosts:
            await _refuse(
                send, 400, "E400", "unknown Host header: this desk answers only to its own address", api
            )
            return
        method: str = scope["method"]
        if method not in SAFE_METHODS and not api and not self._same_site(headers):
            await _refuse(send, 403, "E403", "cross-site request refused", api)
            return
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
            await _refuse(send, 413, "E413", "the request body is too large", api)
            return

        extra: list[tuple[bytes, bytes]] = []
        language = self.config.default_language
        if not api:
            session, fresh = self.keeper.session(self._cookie_value(headers))
            scope.setdefault("state", {})["session"] = session
            if fresh:
                extra.append((b"set-cookie", self._set_cookie(session.id).encode("latin-1")))
            language = session.language or pick_language(headers.get("accept-language"), language)
        else:
            language = pick_language(headers.get("accept-language"), language)
        scope.setdefault("state", {})["language"] = language
        cache = STATIC_CACHE if path.startswith("/static/") else NO_STORE
        added = [(name.encode(), value.encode()) for name, value in (*SECURITY_HEADERS, *cache)] + extra

        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {name.encode() for name, _ in (*SECURITY_HEADERS, *cache)}
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = {**message, "headers": kept + added}
            await send(message)

        received = 0

        async def bounded_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > MAX_BODY_BYTES:
                    return {"type": "http.disconnect"}
            return message

        token = use_language(language)
        try:
            await self.app(scope, bounded_receive, send_with_headers)
        except Exception as error:
            # Logged by type only: a message could carry record text, and logs are not encrypted.
            log.error("internal error in %s %s: %s", method, path, type(error).__name__)
            if started:
                raise
            await _refuse(send, 500, "E999", "internal error", api)
        finally:
            token.var.reset(token)

    def _same_site(self, headers: Headers) -> bool:
        """Whether a write comes from this desk's own pages, as far as the browser tells.

        ``Origin: null`` is what Chromium sends on a same-origin form POST under
        ``Referrer-Policy: no-referrer``, so it is judged by ``Sec-Fetch-Site`` alone.
        """
        origin = headers.get("origin")
        if origin is not None and origin != "null" and origin.lower() not in self.config.allowed_origins:
            return False
        return headers.get("sec-fetch-site", "same-origin") in ("same-origin", "none")

    def _cookie_value(self, headers: Headers) -> str | None:
        raw = headers.get("cookie")
        if not raw:
            return None
        jar: SimpleCookie = SimpleCookie()
        try:
            jar.load(raw)
        except Exception:  # a malformed Cookie header is no session, not an error page
            return None
        morsel = jar.get(self.cookie)
        return morsel.value if morsel is not None else None

    def _set_cookie(self, value: str) -> str:
        parts = [f"{self.cookie}={value}", "Path=/", "HttpOnly", "SameSite=Strict"]
        if self.config.secure_cookies:
            parts.append("Secure")
        return "; ".join(parts)


async def _refuse(send: Send, status: int, code: str, message: str, api: bool) -> None:
    """Refuse before routing: JSON in the API's one error shape, plain text for a browser."""
    import json

    if api:
        body = json.dumps({"error": {"code": code, "message": message}}).encode()
        kind = b"application/json"
    else:
        body = message.encode()
        kind = b"text/plain; charset=utf-8"
    headers = [(b"content-type", kind), (b"content-length", str(len(body)).encode())]
    headers += [(name.encode(), value.encode()) for name, value in (*SECURITY_HEADERS, *NO_STORE)]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
