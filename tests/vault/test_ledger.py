from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import nacl.signing
import pytest
from vaultkit import Vault, payloads

from chronika.errors import DiskFull, LedgerBusy, LedgerCorrupt, VaultExists, VaultFormatTooNew
from chronika.vault.checkpoint import Checkpoint
from chronika.vault.frame import KIND_CHECKPOINT, KIND_ENTRY, encode_frame, scan
from chronika.vault.keys import Keyring, device_id_for
from chronika.vault.ledger import REBASE_JOURNAL, Ledger
from chronika.vault.secret import SigningSeed
from chronika.vault.segment import CheckpointFrame, SealedEntry, read_entries, sealed_frames
from chronika.vault.verify import verify_ledger


def verify(vault: Vault, **options):  # type: ignore[no-untyped-def]
    return verify_ledger(
        vault.ledger_dir,
        vault_id=vault.keyring.vault_id,
        public_keys=vault.public_keys,
        data_key=vault.keyring.data_key,
        **options,
    )


def test_append_read_reopen(vault: Vault) -> None:
    with vault.open() as ledger:
        assert ledger.size == 0 and ledger.head is not None and ledger.head.size == 0
        first = ledger.append_batch(payloads(3))
        second = ledger.append_batch(payloads(4, start=3))
    assert (first.size, second.size) == (3, 7)
    with vault.open() as ledger:
        assert ledger.repaired is None
        assert ledger.size == 7 and ledger.head == second
        third = ledger.append_batch(payloads(2, start=7))
    assert third.size == 9
    entries = list(read_entries(vault.ledger_dir, vault.keyring.data_key))
    assert [json.loads(e.payload)["n"] for e in entries] == list(range(9))
    assert [e.header.seq for e in entries] == list(range(1, 10))
    assert [e.index for e in entries] == list(range(9))
    report = verify(vault)
    assert report.ok, report.problem
    assert (report.entries, report.checkpoints, report.size, report.root) == (9, 4, 9, third.root)
    assert report.devices == {vault.keyring.device_id: 9}


def test_every_byte_belongs_to_a_frame(filled: Vault) -> None:
    for path in filled.segments():
        data = path.read_bytes()
        frames = list(scan(data))
        assert sum(len(body) + 9 for _, _, body in frames) == len(data)
        assert frames[-1][1] == KIND_CHECKPOINT  # a segment always ends with a checkpoint


def test_segments_roll_between_batches(filled: Vault) -> None:
    names = [p.name for p in filled.segments()]
    assert len(names) >= 2 and names[:2] == ["00000001.seg", "00000002.seg"]
    with filled.open(segment_limit=1) as ledger:
        ledger.append_batch(payloads(2, start=63))
    assert len(filled.segments()) == len(names) + 1
    assert verify(filled).ok


def test_sealed_frames_need_no_key_and_show_no_content(filled: Vault) -> None:
    frames = list(sealed_frames(filled.ledger_dir))
    entries = [f for f in frames if isinstance(f, SealedEntry)]
    checkpoints = [f for f in frames if isinstance(f, CheckpointFrame)]
    assert len(entries) == 63 and len(checkpoints) == 6
    assert {e.header.device_id for e in entries} == {filled.keyring.device_id}
    assert all(b'"text"' not in e.data and b"xxxx" not in e.data for e in entries)
    assert checkpoints[-1].checkpoint.size == 63


def test_create_refuses_an_existing_ledger(vault: Vault) -> None:
    with pytest.raises(VaultExists):
        Ledger.create(vault.ledger_dir, vault.keyring)


def test_one_writer_at_a_time(vault: Vault) -> None:
    with vault.open(), pytest.raises(LedgerBusy) as error:
        vault.open()
    assert error.value.code == "E221"
    with vault.open() as ledger:  # the lock went with the first writer
        ledger.append_batch(payloads(1))


def test_bad_batches_write_nothing(vault: Vault) -> None:
    with vault.open() as ledger:
        size = vault.segments()[-1].stat().st_size
        with pytest.raises(ValueError, match="at least one"):
            ledger.append_batch([])
        with pytest.raises(ValueError, match="limit"):
            ledger.append_batch([b"ok", bytes(64 * 1024 * 1024 + 1)])
        assert vault.segments()[-1].stat().st_size == size
        ledger.append_batch(payloads(1))
    assert verify(vault).ok


def torn_batch(vault: Vault, count: int) -> bytes:
    """The bytes an append of ``count`` entries would write, after which the ledger is put back."""
    path = vault.segments()[-1]
    before = path.read_bytes()
    with vault.open() as ledger:
        ledger.append_batch(payloads(count, start=10_000))
    written = path.read_bytes()[len(before) :]
    path.write_bytes(before)
    return written


@pytest.mark.parametrize("cut", [1, 5, 9, 10, 120, -200, -1])
def test_open_cuts_a_torn_append(filled: Vault, cut: int) -> None:
    path = filled.segments()[-1]
    before = path.read_bytes()
    batch = torn_batch(filled, 5)
    with path.open("ab") as f:
        f.write(batch[:cut])
    assert not verify(filled).ok  # verify reports the tail and changes nothing
    with filled.open() as ledger:
        assert ledger.repaired is not None
        assert ledger.repaired.offset == len(before)
        assert ledger.repaired.dropped_bytes == len(batch[:cut])
        assert ledger.size == 63
    assert path.read_bytes() == before
    assert verify(filled).ok


def test_open_cuts_entries_no_checkpoint_covers(filled: Vault) -> None:
    path = filled.segments()[-1]
    batch = torn_batch(filled, 4)
    entries_only = b"".join(encode_frame(kind, body) for _, kind, body in scan(batch) if kind == KIND_ENTRY)
    with path.open("ab") as f:
        f.write(entries_only)
    problem = verify(filled).problem
    assert problem is not None and "not covered" in problem.reason and problem.index == 63
    assert len(list(read_entries(filled.ledger_dir, filled.keyring.data_key))) == 63  # readers ignore it
    with filled.open() as ledger:
        assert ledger.repaired is not None and ledger.repaired.dropped_entries == 4
        ledger.append_batch(payloads(1, start=63))
    assert verify(filled).ok


def test_open_cuts_zeros_left_by_power_loss(filled: Vault) -> None:
    path = filled.segments()[-1]
    batch = torn_batch(filled, 3)
    with path.open("ab") as f:
        f.write(batch[:150] + bytes(4096))
    with filled.open() as ledger:
        assert ledger.repaired is not None
    assert verify(filled).ok


def test_open_refuses_to_repair_damage_that_is_not_a_torn_write(filled: Vault) -> None:
    path = filled.segments()[-1]
    pristine = path.read_bytes()
    # A complete frame with a bad checksum after the last checkpoint: garbled, not torn.
    batch = torn_batch(filled, 3)
    garbled = bytearray(pristine + batch)
    garbled[len(pristine) + 50] ^= 0xFF
    path.write_bytes(bytes(garbled))
    with pytest.raises(LedgerCorrupt, match="not a torn write"):
        filled.open()
    assert path.read_bytes() == bytes(garbled)
    # A damaged length field early on makes the scan stop as if at a torn write, but later
    # checkpoints are still there: open must not cut them off.
    hidden = bytearray(pristine)
    hidden[1:5] = (len(pristine) + 100).to_bytes(4, "big")  # runs past the end of the segment
    path.write_bytes(bytes(hidden))
    with pytest.raises(LedgerCorrupt, match="hides a later checkpoint"):
        filled.open()
    assert path.read_bytes() == bytes(hidden)


def test_a_torn_first_batch_of_a_new_segment(filled: Vault) -> None:
    with filled.open(segment_limit=1) as ledger:
        ledger.append_batch(payloads(2, start=63))
    newest = filled.segments()[-1]
    newest.write_bytes(newest.read_bytes()[:-30])
    with filled.open() as ledger:
        assert ledger.repaired is not None and ledger.repaired.dropped_entries == 2
        assert newest.stat().st_size == 0 and ledger.size == 63
        ledger.append_batch(payloads(2, start=63))
    assert verify(filled).ok
    assert len(list(read_entries(filled.ledger_dir, filled.keyring.data_key))) == 65


def test_newer_formats_are_refused_clearly(filled: Vault) -> None:
    path = filled.segments()[-1]
    with path.open("ab") as f:
        f.write(encode_frame(3, b"a frame kind from the future"))
    with pytest.raises(VaultFormatTooNew, match="kind 3"):
        filled.open()
    problem = verify(filled).problem
    assert problem is not None and "unknown to this Chronika" in problem.reason


FULL_DISK_CHILD = textwrap.dedent(
    """
    import json, resource, signal, sys
    from pathlib import Path
    from chronika.errors import DiskFull
    from chronika.vault.keys import Keyring
    from chronika.vault.ledger import Ledger
    from chronika.vault.secret import DataKey, SigningSeed

    spec = json.loads(sys.stdin.read())
    keyring = Keyring(bytes.fromhex(spec["vault"]), bytes.fromhex(spec["device"]),
                      DataKey(bytes.fromhex(spec["key"])), SigningSeed(bytes.fromhex(spec["seed"])))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    ledger = Ledger.open(Path(spec["dir"]), keyring)
    segment = sorted(Path(spec["dir"]).glob("*.seg"))[-1]
    limit = segment.stat().st_size + 20_000
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    acked = ledger.size
    errors = []
    for attempt in range(200):
        try:
            acked = ledger.append_batch([b"x" * 300] * 7).size
        except DiskFull as error:
            errors.append(error.one_line())
            if len(errors) == 3:
                break
    print(json.dumps({"acked": acked, "errors": errors, "size": segment.stat().st_size, "limit": limit}))
    """
)


def test_full_disk_is_a_clear_error_and_the_ledger_stays_whole(filled: Vault) -> None:
    keyring = filled.keyring
    spec = {
        "vault": keyring.vault_id.hex(),
        "device": keyring.device_id.hex(),
        "key": keyring.data_key.reveal().hex(),
        "seed": keyring.signing_seed.reveal().hex(),
        "dir": str(filled.ledger_dir),
    }
    done = subprocess.run(
        [sys.executable, "-c", FULL_DISK_CHILD],
        input=json.dumps(spec),
        capture_output=True,
        check=False,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert len(result["errors"]) == 3  # the ledger still works after DiskFull: each retry fails cleanly
    assert all(line.startswith("error [E222]: the disk is full") for line in result["errors"])
    assert "left as it was" in result["errors"][0]
    assert result["size"] <= result["limit"]
    report = verify(filled)
    assert report.ok, report.problem
    assert report.entries == result["acked"] > 63
    with filled.open() as ledger:
        assert ledger.repaired is None


def test_disk_full_error_class() -> None:
    assert DiskFull("x").code == "E222"
    assert os.path.exists(Path(__file__))


def test_readers_refuse_a_broken_chain(filled: Vault) -> None:
    path = filled.segments()[-1]
    data = path.read_bytes()
    frames = [(o, o + 9 + len(b)) for o, k, b in scan(data) if k == KIND_ENTRY]
    (a, a_end), (b, b_end) = frames[0], frames[1]
    path.write_bytes(data[:a] + data[b:b_end] + data[a:a_end] + data[b_end:])
    with pytest.raises(LedgerCorrupt, match="chain") as error:
        list(read_entries(filled.ledger_dir, filled.keyring.data_key))
    assert f"offset {a}" in error.value.one_line()


def test_a_crash_while_creating_leaves_a_ledger_that_opens(vault: Vault) -> None:
    for path in vault.segments():
        path.write_bytes(b"")  # the genesis checkpoint never reached the disk
    with vault.open() as ledger:
        assert ledger.size == 0 and ledger.head is not None
        ledger.append_batch(payloads(2))
    assert verify(vault).ok


def _other_device(vault: Vault) -> Keyring:
    seed = SigningSeed(os.urandom(32))
    public_key = bytes(nacl.signing.SigningKey(seed.reveal()).verify_key)
    return Keyring(vault.keyring.vault_id, device_id_for(public_key), vault.keyring.data_key, seed)


def test_a_rebase_sets_unsent_entries_aside_and_the_next_open_appends_them_after_the_others(vault, tmp_path):
    with vault.open() as ledger:
        ledger.append_batch(payloads(3))
        ledger.append_batch(payloads(2, start=3))  # written offline, never sent anywhere
        ledger.cut_after(3)
    assert (vault.ledger_dir / REBASE_JOURNAL).exists()
    assert [e.payload for e in read_entries(vault.ledger_dir, vault.keyring.data_key)] == payloads(3)

    # Another device's entries arrive meanwhile (as a pull would append them)...
    other = _other_device(vault)
    with Ledger.create(tmp_path / "other", other) as theirs:
        theirs.append_batch(payloads(2, start=100))
    foreign = [f.data for f in sealed_frames(tmp_path / "other") if not isinstance(f, CheckpointFrame)]
    keys = {**vault.public_keys, other.device_id: other.public_key}
    Ledger.open(vault.ledger_dir, vault.keyring, peers=keys).close()  # a crash before the pull: all back
    assert [e.payload for e in read_entries(vault.ledger_dir, vault.keyring.data_key)] == payloads(5)

    with vault.open() as ledger:
        ledger.append_batch(payloads(1, start=5))
        ledger.cut_after(5)
        ledger.close()
    with Ledger.open(vault.ledger_dir, vault.keyring, peers=keys) as ledger:  # journal re-appended
        ledger.append_sealed(foreign)
    order = [e.payload for e in read_entries(vault.ledger_dir, vault.keyring.data_key)]
    assert order == payloads(5) + payloads(1, start=5) + payloads(2, start=100)
    assert not (vault.ledger_dir / REBASE_JOURNAL).exists()
    report = verify_ledger(vault.ledger_dir, vault_id=vault.keyring.vault_id, public_keys=keys)
    assert report.ok and report.entries == 8
    # The same entries again change nothing; a gap in a chain is refused.
    with Ledger.open(vault.ledger_dir, vault.keyring, peers=keys) as ledger:
        assert ledger.append_sealed(foreign) is None
        with pytest.raises(LedgerCorrupt, match="does not continue"):
            ledger.append_sealed([_skip_one(tmp_path, other)])


def _skip_one(tmp_path, other: Keyring) -> bytes:
    """An entry of ``other`` whose sequence number leaves a gap after what the ledger holds."""
    with Ledger.open(tmp_path / "other", other) as theirs:
        theirs.append_batch(payloads(2, start=200))
    frames = [f.data for f in sealed_frames(tmp_path / "other") if not isinstance(f, CheckpointFrame)]
    return frames[-1]


def test_a_ledger_ending_with_another_devices_checkpoint_opens_only_with_its_key(vault, tmp_path):
    other = _other_device(vault)
    with Ledger.create(tmp_path / "other", other) as theirs:
        theirs.append_batch(payloads(2))
    foreign = [f.data for f in sealed_frames(tmp_path / "other") if not isinstance(f, CheckpointFrame)]
    with vault.open() as ledger:
        ledger.append_sealed(foreign)
    # Rewrite the last checkpoint as the other device's (what a pull leaves behind).
    segment = vault.segments()[-1]
    data = segment.read_bytes()
    head = [f for f in sealed_frames(vault.ledger_dir) if isinstance(f, CheckpointFrame)][-1]
    signed = Checkpoint.sign(
        vault_id=head.checkpoint.vault_id,
        device_id=other.device_id,
        size=head.checkpoint.size,
        root=head.checkpoint.root,
        subtrees=head.checkpoint.subtrees,
        signing_key=other.signing_key(),
        timestamp=head.checkpoint.timestamp,
    )
    segment.write_bytes(data[: head.offset] + encode_frame(KIND_CHECKPOINT, signed.encode()))
    with pytest.raises(LedgerCorrupt, match="not signed by a device key of this vault"):
        vault.open().close()
    with Ledger.open(vault.ledger_dir, vault.keyring, peers={other.device_id: other.public_key}) as ledger:
        assert ledger.size == 2
