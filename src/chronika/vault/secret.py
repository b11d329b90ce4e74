"""Typed secrets: bytes that never show themselves.

A passphrase, a data key or a signing seed travels through the code as a :class:`Secret` (or one of
its named kinds), never as bare ``bytes``: printing it, logging it, putting it in an f-string or an
exception message shows ``<Passphrase ***>``; comparing two is constant-time; pickling is refused so
a secret cannot slip into a cache or a crash dump written by a library. ``wipe()`` overwrites the
buffer with zeros. That is best effort only: CPython and libsodium's bindings make copies (every
call into PyNaCl takes ``bytes``), so a wiped Secret shortens a key's life in memory, it does not
guarantee it is gone. Memory of a running, unlocked process is outside the threat model
(docs/threat-model.md).
"""

from __future__ import annotations

import hmac
import unicodedata
from types import TracebackType
from typing import NoReturn, Self

__all__ = ["DataKey", "Passphrase", "Secret", "SigningSeed", "ViewKey"]


class Secret:
    """A secret byte string with a masked ``repr``, constant-time ``==`` and a best-effort ``wipe``."""

    __slots__ = ("_buffer", "_wiped")

    #: Exact length required by the kind of secret, or None for any length.
    LENGTH: int | None = None

    def __init__(self, value: bytes | bytearray | memoryview | str) -> None:
        raw = value.encode("utf-8") if isinstance(value, str) else bytes(value)
        if self.LENGTH is not None and len(raw) != self.LENGTH:
            # The length is not secret; the value is, so it is not in the message.
            raise ValueError(f"{type(self).__name__} must be {self.LENGTH} bytes, got {len(raw)}")
        self._buffer = bytearray(raw)
        self._wiped = False

    @classmethod
    def from_text(cls, text: str) -> Self:
        """A secret typed by a person: NFC-normalised so the same words on two keyboards match."""
        return cls(unicodedata.normalize("NFC", text))

    def reveal(self) -> bytes:
        """The secret bytes, for handing to a cryptographic primitive and nothing else."""
        if self._wiped:
            raise ValueError(f"{type(self).__name__} was wiped and cannot be used")
        return bytes(self._buffer)

    def wipe(self) -> None:
        """Overwrite the buffer with zeros (best effort: copies made elsewhere are not reached)."""
        for i in range(len(self._buffer)):
            self._buffer[i] = 0
        self._wiped = True

    @property
    def wiped(self) -> bool:
        return self._wiped

    def __len__(self) -> int:
        return len(self._buffer)

    def __bool__(self) -> bool:
        return bool(self._buffer) and not self._wiped

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Secret):
            return NotImplemented
        return hmac.compare_digest(bytes(self._buffer), bytes(other._buffer))

    __hash__ = None  # type: ignore[assignment]  # a hash would be a fingerprint of the secret

    def __repr__(self) -> str:
        return f"<{type(self).__name__} ***>"

    __str__ = __repr__

    def __format__(self, spec: str) -> str:
        return repr(self)

    def __reduce__(self) -> NoReturn:
        raise TypeError(f"{type(self).__name__} cannot be pickled")

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.wipe()


class Passphrase(Secret):
    """What a person types to unlock the vault (or the duress passphrase)."""

    __slots__ = ()


class DataKey(Secret):
    """The 32-byte XChaCha20-Poly1305 key that encrypts every ledger payload."""

    __slots__ = ()
    LENGTH = 32


class SigningSeed(Secret):
    """The 32-byte Ed25519 seed of this device's signing key."""

    __slots__ = ()
    LENGTH = 32


class ViewKey(Secret):
    """The 32-byte key of the encrypted view (SQLCipher), derived from the data key."""

    __slots__ = ()
    LENGTH = 32
