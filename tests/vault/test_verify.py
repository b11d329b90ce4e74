"""Tamper evidence: every change to the ledger is found, and the first bad frame is named."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from vaultkit import Vault, payloads

from chronika.errors import LedgerCorrupt
from chronika.vault.frame import ENTRY_HEADER, KIND_CHECKPOINT, KIND_ENTRY, encode_frame, scan
from chronika.vault.ledger import Ledger
from chronika.vault.verify import VerifyReport, verify_ledger


def verify(vault: Vault, *, with_key: bool = True, **options) -> VerifyReport:  # type: ignore[no-untyped-def]
    return verify_ledger(
        vault.ledger_dir,
        vault_id=vault.keyring.vault_id,
        public_keys=vault.public_keys,
        data_key=vault.keyring.data_key if with_key else None,
        **options,
    )


def frame_map(vault: Vault) -> list[tuple[Path, int, int, int]]:
    """(segment, start, end, kind) of every frame."""
    frames = []
    for path in vault.segments():
        for offset, kind, body in scan(path.read_bytes()):
            frames.append((path, offset, offset + 9 + len(body), kind))
    return frames


def test_a_clean_ledger_verifies(filled: Vault) -> None:
    for with_key in (False, True):
        report = verify(filled, with_key=with_key)
        assert report.ok and report.problem is None
        assert report.entries == 63 and report.checkpoints == 6 and report.segments == len(filled.segments())
        assert report.decrypted is with_key
        report.raise_for_problem()


def test_flipping_any_byte_is_found_and_named(filled: Vault) -> None:
    """500 positions, spread over envelopes, entry headers, ciphertexts and checkpoints."""
    frames = frame_map(filled)
    rng = random.Random(9162)
    regions: dict[str, list[tuple[Path, int, int]]] = {
        "envelope": [],
        "header": [],
        "ciphertext": [],
        "checkpoint": [],
    }
    for path, start, end, kind in frames:
        for position in range(start, end):
            if position < start + 9:
                region = "envelope"
            elif kind == KIND_CHECKPOINT:
                region = "checkpoint"
            elif position < start + 9 + ENTRY_HEADER.size:
                region = "header"
            else:
                region = "ciphertext"
            regions[region].append((path, position, start))
    samples = [choice for region in regions.values() for choice in rng.sample(region, 125)]
    assert len(samples) == 500
    for path, position, frame_start in samples:
        original = path.read_bytes()
        changed = bytearray(original)
        changed[position] ^= 1 << rng.randrange(8)
        path.write_bytes(bytes(changed))
        try:
            problem = verify(filled, with_key=False).problem
            assert problem is not None, f"flip at {path.name}:{position} went unnoticed"
            assert problem.segment == path.name
            assert problem.offset == frame_start, (position, problem)
            with pytest.raises(LedgerCorrupt) as error:
                verify(filled).raise_for_problem()
            assert f"segment {path.name}, offset {frame_start}" in error.value.one_line()
        finally:
            path.write_bytes(original)


def reframe(path: Path, start: int, end: int, edit) -> None:  # type: ignore[no-untyped-def]
    """Rewrite one frame's body and fix its checksum, as a forger with the files would."""
    data = path.read_bytes()
    kind = data[start]
    body = bytearray(data[start + 9 : end])
    edit(body)
    path.write_bytes(data[:start] + encode_frame(kind, bytes(body)) + data[end:])


def test_a_forger_who_fixes_the_checksum_is_still_caught(filled: Vault) -> None:
    entries = [f for f in frame_map(filled) if f[3] == KIND_ENTRY]
    path, start, end, _ = entries[10]
    original = path.read_bytes()

    def flip_ciphertext(body: bytearray) -> None:
        body[ENTRY_HEADER.size + 3] ^= 0x01

    reframe(path, start, end, flip_ciphertext)
    with_key = verify(filled).problem
    assert with_key is not None and with_key.offset == start and with_key.index == 10
    assert "does not decrypt" in with_key.reason
    keyless = verify(filled, with_key=False).problem
    assert keyless is not None and keyless.index in (10, 11)  # the next entry's chain breaks
    assert "altered" in keyless.reason
    path.write_bytes(original)

    # The last entry has no successor: the checkpoint after it no longer matches.
    path, start, end, _ = entries[-1]
    reframe(path, start, end, flip_ciphertext)
    keyless = verify(filled, with_key=False).problem
    assert keyless is not None and "root does not match" in keyless.reason


def test_a_forged_checkpoint_is_caught(filled: Vault, tmp_path: Path) -> None:
    checkpoints = [f for f in frame_map(filled) if f[3] == KIND_CHECKPOINT]
    path, start, end, _ = checkpoints[2]

    def bump_timestamp(body: bytearray) -> None:
        text = bytes(body).replace(b"timestamp 1", b"timestamp 2")
        body[:] = text

    reframe(path, start, end, bump_timestamp)
    problem = verify(filled, with_key=False).problem
    assert problem is not None and problem.offset == start and "signature" in problem.reason
    # A different device key (a forger re-signing everything) is not a known device.
    other = Vault(tmp_path / "other")
    assert not verify_ledger(
        other.ledger_dir, vault_id=other.keyring.vault_id, public_keys=filled.public_keys
    ).ok


def test_truncation_is_found(filled: Vault) -> None:
    path = filled.segments()[-1]
    original = path.read_bytes()
    ends = {end for p, _, end, kind in frame_map(filled) if p == path and kind == KIND_CHECKPOINT}
    head = verify(filled).head
    for cut in range(1, len(original), 41):
        path.write_bytes(original[:cut])
        report = verify(filled, with_key=False)
        if cut in ends:  # a clean cut after a checkpoint looks like a shorter ledger...
            assert report.ok
            rolled_back = verify(filled, with_key=False, known=head)  # ...unless a later head is known
            assert not rolled_back.ok and "rolled back" in rolled_back.problem.reason  # type: ignore[union-attr]
        else:
            assert report.problem is not None and report.problem.segment == path.name
    path.write_bytes(original)
    assert verify(filled, known=head).ok


def test_a_missing_segment_is_found(filled: Vault) -> None:
    filled.segments()[1].unlink()
    problem = verify(filled).problem
    assert problem is not None and "00000002.seg is missing" in problem.reason


def test_swapped_entries_are_found(filled: Vault) -> None:
    entries = [f for f in frame_map(filled) if f[3] == KIND_ENTRY]
    (path, a_start, a_end, _), (path_b, b_start, b_end, _) = entries[20], entries[24]
    assert path == path_b
    data = path.read_bytes()
    swapped = data[:a_start] + data[b_start:b_end] + data[a_end:b_start] + data[a_start:a_end] + data[b_end:]
    path.write_bytes(swapped)
    problem = verify(filled, with_key=False).problem
    assert problem is not None
    assert (problem.segment, problem.offset, problem.index) == (path.name, a_start, 20)
    assert "sequence number" in problem.reason


def test_an_entry_from_another_vault_is_found(filled: Vault, tmp_path: Path) -> None:
    other = Vault(tmp_path / "other")
    with other.open() as ledger:
        ledger.append_batch(payloads(1))
    foreign = next(body for _, kind, body in scan(other.segments()[-1].read_bytes()) if kind == KIND_ENTRY)
    path = filled.segments()[-1]
    with path.open("ab") as f:
        f.write(encode_frame(KIND_ENTRY, foreign))
    problem = verify(filled).problem
    assert problem is not None and "another vault" in problem.reason


def test_a_newer_entry_version_is_named(filled: Vault) -> None:
    entries = [f for f in frame_map(filled) if f[3] == KIND_ENTRY]
    path, start, end, _ = entries[5]

    def version_two(body: bytearray) -> None:
        body[4] = 2

    reframe(path, start, end, version_two)
    problem = verify(filled).problem
    assert problem is not None and problem.offset == start and "format version 2" in problem.reason


def test_a_known_checkpoint_catches_a_fork(filled: Vault, tmp_path: Path) -> None:
    head = verify(filled).head
    assert head is not None
    assert verify(filled, known=head).ok
    # Same size, another history: rebuild the ledger with different payloads under the same keys.
    for path in filled.segments():
        path.unlink()
    filled.ledger_dir.rmdir()
    with Ledger.create(filled.ledger_dir, filled.keyring) as ledger:
        ledger.append_batch(payloads(63, start=1000))
    report = verify(filled, known=head)
    assert not report.ok and "fork" in report.problem.reason  # type: ignore[union-attr]
