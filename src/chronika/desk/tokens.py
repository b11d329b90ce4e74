"""API tokens: made on the settings page, shown once, kept only as SHA-256 hashes.

A token is 32 random bytes (256 bits), so a plain SHA-256 of it is as good as a slow hash: there is
nothing to guess. The hashes live in ``desk-tokens.json`` in the vault folder (owner-only, replaced
atomically) rather than in the ledger, because a token is a key to this device's desk, not a record
of the chronicle: it must not travel to mirrors, and revoking one must really remove it. The file
holds no record plaintext: hashes, the label the user typed, and when each was made (see
docs/threat-model.md). Presented tokens are compared with ``hmac.compare_digest``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path

import msgspec

from chronika.errors import UsageError
from chronika.vault.files import write_atomic

__all__ = ["TOKEN_FILE", "TOKEN_PREFIX", "ApiToken", "NewToken", "TokenStore"]

TOKEN_FILE = "desk-tokens.json"
#: A recognisable prefix, so a token pasted somewhere it should not be is easy to spot and revoke.
TOKEN_PREFIX = "chk_"
_TOKEN_BYTES = 32
MAX_LABEL = 80
MAX_TOKENS = 100


class ApiToken(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    label: str
    sha256: str
    created: dt.datetime


class _File(msgspec.Struct, kw_only=True):
    version: int = 1
    tokens: list[ApiToken] = msgspec.field(default_factory=list)


@dataclass(frozen=True, slots=True)
class NewToken:
    """A token just made: ``secret`` is shown to the user once and never stored."""

    token: ApiToken
    secret: str


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


class TokenStore:
    """The tokens of one vault folder; reads the file on each check, so a revocation acts at once."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / TOKEN_FILE
        self._lock = threading.Lock()

    def _load(self) -> _File:
        try:
            return msgspec.json.decode(self.path.read_bytes(), type=_File)
        except FileNotFoundError:
            return _File()
        except (OSError, msgspec.DecodeError):
            return _File()  # unreadable: no token works, which fails closed

    def _save(self, data: _File) -> None:
        write_atomic(self.path, msgspec.json.encode(data))

    def list(self) -> list[ApiToken]:
        return list(self._load().tokens)

    def create(self, label: str) -> NewToken:
        label = " ".join(label.split())
        if not label or len(label) > MAX_LABEL:
            raise UsageError(f"a token needs a label of 1 to {MAX_LABEL} characters")
        with self._lock:
            data = self._load()
            if len(data.tokens) >= MAX_TOKENS:
                raise UsageError(f"at most {MAX_TOKENS} tokens; revoke one first")
            secret = TOKEN_PREFIX + secrets.token_urlsafe(_TOKEN_BYTES)
            token = ApiToken(
                id=secrets.token_hex(4),
                label=label,
                sha256=_digest(secret),
                created=dt.datetime.now(dt.UTC).replace(microsecond=0),
            )
            data.tokens.append(token)
            self._save(data)
        return NewToken(token, secret)

    def revoke(self, token_id: str) -> bool:
        with self._lock:
            data = self._load()
            kept = [token for token in data.tokens if token.id != token_id]
            if len(kept) == len(data.tokens):
                return False
            data.tokens = kept
            self._save(data)
            return True

    def check(self, secret: str) -> ApiToken | None:
        """The token ``secret`` belongs to, or None; every stored hash is compared, in constant time."""
        if not secret.startswith(TOKEN_PREFIX) or len(secret) > 200:
            return None
        presented = _digest(secret)
        found = None
        for token in self._load().tokens:
            if hmac.compare_digest(presented, token.sha256):
                found = token
        return found
