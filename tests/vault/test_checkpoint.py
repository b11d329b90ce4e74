from __future__ import annotations

import secrets

import nacl.signing
import pytest

from chronika.vault import merkle
from chronika.vault.checkpoint import Checkpoint, CheckpointInvalid
from chronika.vault.keys import device_id_for


def signed(
    size: int = 5, timestamp: int | None = 1_700_000_000
) -> tuple[Checkpoint, nacl.signing.SigningKey]:
    key = nacl.signing.SigningKey.generate()
    frontier = merkle.Frontier()
    frontier.extend(merkle.leaf_hash(i.to_bytes(4, "big")) for i in range(size))
    checkpoint = Checkpoint.sign(
        vault_id=secrets.token_bytes(16),
        device_id=device_id_for(bytes(key.verify_key)),
        size=size,
        root=frontier.root(),
        subtrees=frontier.hashes,
        signing_key=key,
        timestamp=timestamp,
    )
    return checkpoint, key


def test_signed_note_layout() -> None:
    checkpoint, key = signed()
    text = checkpoint.encode().decode()
    lines = text.split("\n")
    assert lines[0] == f"chronika/{checkpoint.vault_id.hex()}"
    assert lines[1] == "5"
    assert lines[3] == "timestamp 1700000000"
    assert [line.split()[0] for line in lines[4:6]] == ["subtree", "subtree"]
    assert lines[6] == ""
    assert lines[7].startswith(f"\u2014 chronika/{checkpoint.vault_id.hex()}/{checkpoint.device_id.hex()} ")
    assert text.endswith("\n") and lines[8] == ""
    assert checkpoint.verify(bytes(key.verify_key))


@pytest.mark.parametrize(("size", "timestamp"), [(0, None), (1, 0), (1023, 5), (1024, None)])
def test_round_trip(size: int, timestamp: int | None) -> None:
    checkpoint, key = signed(size, timestamp)
    decoded = Checkpoint.decode(checkpoint.encode())
    assert decoded == checkpoint
    assert decoded.verify(bytes(key.verify_key))


def test_signature_checks() -> None:
    checkpoint, key = signed()
    other = nacl.signing.SigningKey.generate()
    assert not checkpoint.verify(bytes(other.verify_key))
    forged_root = Checkpoint(
        checkpoint.vault_id,
        checkpoint.size,
        bytes(32),
        checkpoint.timestamp,
        checkpoint.subtrees,
        checkpoint.device_id,
        checkpoint.key_id,
        checkpoint.signature,
    )
    assert not forged_root.verify(bytes(key.verify_key))
    # A correctly signed checkpoint whose subtrees do not fold to its root is refused too.
    lying = Checkpoint.sign(
        vault_id=checkpoint.vault_id,
        device_id=checkpoint.device_id,
        size=checkpoint.size,
        root=bytes(32),
        subtrees=checkpoint.subtrees,
        signing_key=key,
        timestamp=None,
    )
    assert not lying.verify(bytes(key.verify_key))


def test_every_single_byte_change_is_refused_or_fails_verification() -> None:
    checkpoint, key = signed(size=77)
    data = checkpoint.encode()
    public = bytes(key.verify_key)
    for position in range(len(data)):
        for flip in (0x01, 0x20):
            changed = bytearray(data)
            changed[position] ^= flip
            try:
                decoded = Checkpoint.decode(bytes(changed))
            except CheckpointInvalid:
                continue
            assert not decoded.verify(public), f"byte {position} changed unnoticed"


@pytest.mark.parametrize(
    "mutate",
    [
        lambda t: t.replace("\n\n", "\n"),
        lambda t: t.replace("chronika/", "other/", 1),
        lambda t: t.replace("\n5\n", "\n05\n"),
        lambda t: t.replace("\n5\n", "\n7\n"),
        lambda t: t.replace("timestamp", "time"),
        lambda t: t + "\u2014 extra signature\n",
        lambda t: t.rstrip("\n"),
        lambda t: t.replace("\u2014", "-"),
    ],
)
def test_malformed_notes_are_refused(mutate) -> None:  # type: ignore[no-untyped-def]
    checkpoint, _ = signed()
    with pytest.raises(CheckpointInvalid):
        Checkpoint.decode(mutate(checkpoint.encode().decode()).encode())
    with pytest.raises(CheckpointInvalid):
        Checkpoint.decode(b"\xff" * 10)
    with pytest.raises(CheckpointInvalid):
        Checkpoint.decode(b"x" * 10_000)
