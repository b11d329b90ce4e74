from __future__ import annotations

import pickle

import pytest

from chronika.vault.secret import DataKey, Passphrase, Secret


def test_repr_and_str_are_masked() -> None:
    secret = Passphrase("hunter2 hunter2")
    for shown in (repr(secret), str(secret), f"{secret}", f"{secret!r}", "%s" % (secret,)):  # noqa: UP031
        assert "hunter2" not in shown
        assert "***" in shown
    assert repr(secret) == "<Passphrase ***>"


def test_compare_is_by_value_and_unhashable() -> None:
    assert Secret(b"abc") == Secret(b"abc")
    assert Secret(b"abc") != Secret(b"abd")
    assert Secret(b"abc") != b"abc"
    with pytest.raises(TypeError):
        hash(Secret(b"abc"))


def test_pickling_is_refused() -> None:
    with pytest.raises(TypeError):
        pickle.dumps(Passphrase("secret words here"))


def test_wipe_zeroes_and_blocks_use() -> None:
    secret = Secret(b"key material")
    buffer = secret._buffer
    secret.wipe()
    assert bytes(buffer) == bytes(len(buffer))
    assert secret.wiped
    assert not secret
    with pytest.raises(ValueError, match="wiped"):
        secret.reveal()


def test_context_manager_wipes() -> None:
    with Secret(b"short lived") as secret:
        assert secret.reveal() == b"short lived"
    assert secret.wiped


def test_fixed_length_kinds() -> None:
    DataKey(bytes(32))
    with pytest.raises(ValueError, match="32 bytes") as error:
        DataKey(b"too short")
    assert "too short" not in str(error.value)


def test_text_is_normalised() -> None:
    composed = Passphrase.from_text("caf\u00e9 au lait")
    decomposed = Passphrase.from_text("cafe\u0301 au lait")
    assert composed == decomposed
