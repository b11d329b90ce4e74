"""The entry cipher: XChaCha20-Poly1305 under the data key, shaped for ledger entries.

An entry is ``header || ciphertext``; the header (which carries the nonce) is the associated data,
so a header cannot be moved onto another payload, and nothing in it can change undetected by
anyone holding the key. XChaCha20's 192-bit random nonces can be drawn independently for every
entry of every device without a collision worry (2^96 messages before a 2^-32 chance).

Speed: PyNaCl's public binding allocates and checks per call, which costs more than the
encryption of a 1 KB payload itself. This module calls the same libsodium function through
PyNaCl's compiled module, with one scratch buffer reused across calls and the key held in
C memory that :meth:`EntryCipher.wipe` zeroes with ``sodium_memzero``. If that module's layout
ever changes, it falls back to the public binding: same bytes, only slower (tested both ways).
An EntryCipher is not thread-safe (the scratch buffer); use one per thread.
"""

from __future__ import annotations

from typing import Any

import nacl.bindings as sodium
import nacl.exceptions

from chronika.vault.secret import DataKey

__all__ = ["NONCE_BYTES", "TAG_BYTES", "EntryCipher"]

NONCE_BYTES = sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
TAG_BYTES = sodium.crypto_aead_xchacha20poly1305_ietf_ABYTES

_ffi: Any = None
_lib: Any = None
try:  # which path runs depends on the installed PyNaCl
    import nacl._sodium as _compiled  # type: ignore[import-not-found]

    _ffi, _lib = _compiled.ffi, _compiled.lib

    _FAST = all(
        hasattr(_lib, name)
        for name in (
            "crypto_aead_xchacha20poly1305_ietf_encrypt",
            "crypto_aead_xchacha20poly1305_ietf_decrypt",
            "sodium_memzero",
        )
    )
except ImportError:  # pragma: no cover
    _FAST = False


class EntryCipher:
    """Seal and open entries with one data key."""

    __slots__ = ("_fast", "_key", "_key_bytes", "_length", "_scratch")

    def __init__(self, key: DataKey, *, fast: bool = True) -> None:
        self._fast = fast and _FAST
        self._key_bytes: bytes | None = None
        if self._fast:
            self._key = _ffi.new("unsigned char[]", key.reveal())
            self._length = _ffi.new("unsigned long long *")
            self._scratch = _ffi.new("unsigned char[]", 64 * 1024)
        else:
            self._key_bytes = key.reveal()

    def seal_entry(self, header: bytes, nonce: bytes, payload: bytes) -> bytes:
        """``header || ciphertext`` of ``payload``, with ``header`` as associated data."""
        if not self._fast:
            assert self._key_bytes is not None
            return header + sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
                payload, header, nonce, self._key_bytes
            )
        if len(nonce) != NONCE_BYTES:
            raise ValueError(f"a nonce is {NONCE_BYTES} bytes")
        header_size = len(header)
        total = header_size + len(payload) + TAG_BYTES
        scratch = self._scratch_of(total)
        _ffi.memmove(scratch, header, header_size)
        _lib.crypto_aead_xchacha20poly1305_ietf_encrypt(
            scratch + header_size,
            self._length,
            payload,
            len(payload),
            header,
            header_size,
            _ffi.NULL,
            nonce,
            self._key,
        )
        return bytes(_ffi.buffer(scratch, total))

    def open_entry(self, entry: bytes, header_size: int, nonce: bytes) -> bytes | None:
        """The payload of ``entry`` (header of ``header_size`` bytes, then ciphertext), or None if forged."""
        if not self._fast:
            assert self._key_bytes is not None
            try:
                return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
                    entry[header_size:], entry[:header_size], nonce, self._key_bytes
                )
            except nacl.exceptions.CryptoError:
                return None
        sealed_size = len(entry) - header_size
        if sealed_size < TAG_BYTES or len(nonce) != NONCE_BYTES:
            return None
        source = _ffi.from_buffer(entry)
        scratch = self._scratch_of(sealed_size - TAG_BYTES)
        status = _lib.crypto_aead_xchacha20poly1305_ietf_decrypt(
            scratch,
            self._length,
            _ffi.NULL,
            source + header_size,
            sealed_size,
            source,
            header_size,
            nonce,
            self._key,
        )
        if status != 0:
            return None
        return bytes(_ffi.buffer(scratch, self._length[0]))

    def _scratch_of(self, size: int) -> Any:
        if len(self._scratch) < size:
            self._scratch = _ffi.new("unsigned char[]", max(size, 2 * len(self._scratch)))
        return self._scratch

    def wipe(self) -> None:
        """Zero the key and the scratch buffer (which held the last plaintext)."""
        if self._fast:
            _lib.sodium_memzero(self._key, len(self._key))
            _lib.sodium_memzero(self._scratch, len(self._scratch))
        self._key_bytes = None

    def __repr__(self) -> str:
        return "<EntryCipher ***>"
