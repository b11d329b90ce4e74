from __future__ import annotations

import secrets

import nacl.bindings as sodium

from chronika.vault.cipher import EntryCipher
from chronika.vault.secret import DataKey


def test_fast_and_public_paths_agree() -> None:
    key = DataKey(secrets.token_bytes(32))
    fast, slow = EntryCipher(key), EntryCipher(key, fast=False)
    header = secrets.token_bytes(105)
    for size in (0, 1, 1000, 70_000, 300_000):  # past the initial scratch buffer, too
        payload = secrets.token_bytes(size)
        nonce = secrets.token_bytes(24)
        entry = fast.seal_entry(header, nonce, payload)
        assert entry == slow.seal_entry(header, nonce, payload)
        assert entry[:105] == header
        assert (
            sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(entry[105:], header, nonce, key.reveal())
            == payload
        )
        assert fast.open_entry(entry, 105, nonce) == payload == slow.open_entry(entry, 105, nonce)


def test_any_change_fails_to_open() -> None:
    key = DataKey(secrets.token_bytes(32))
    cipher = EntryCipher(key)
    nonce = secrets.token_bytes(24)
    entry = cipher.seal_entry(b"h" * 105, nonce, b"payload" * 20)
    for position in range(0, len(entry), 7):
        changed = bytearray(entry)
        changed[position] ^= 0x40
        assert cipher.open_entry(bytes(changed), 105, nonce) is None
        assert EntryCipher(key, fast=False).open_entry(bytes(changed), 105, nonce) is None
    assert EntryCipher(DataKey(secrets.token_bytes(32))).open_entry(entry, 105, nonce) is None
    assert cipher.open_entry(entry[:20], 105, nonce) is None


def test_wipe_and_repr() -> None:
    cipher = EntryCipher(DataKey(secrets.token_bytes(32)))
    assert repr(cipher) == "<EntryCipher ***>"
    nonce = secrets.token_bytes(24)
    entry = cipher.seal_entry(b"h" * 105, nonce, b"secret")
    cipher.wipe()
    assert cipher.open_entry(entry, 105, nonce) is None  # the key is now zeros
