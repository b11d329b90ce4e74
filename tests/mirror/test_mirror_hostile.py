"""A mirror that really lies (hostile_server.py): each lie caught and named; honest mirrors still restore."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mirrorkit import HOSTILE_SERVER, PASSPHRASE, TestVault, copy_tree, mirror_ledger

from chronika.errors import (
    LedgerCorrupt,
    MirrorAltered,
    MirrorDropped,
    MirrorForked,
    MirrorMisbehaved,
    MirrorReordered,
    MirrorRolledBack,
)
from chronika.mirror.restore import restore
from chronika.mirror.store import FileStore
from chronika.vault.phrase import RecoveryPhrase
from chronika.vault.secret import Passphrase


def _set_mode(mirror, mode: str) -> None:
    (mirror.data.parent / f"{mirror.data.name}.mode").write_text(mode)


def _restore_root(url: str, vault: TestVault, target: Path) -> bytes:
    report = restore(url, RecoveryPhrase.parse(vault.phrase_text), target, Passphrase(PASSPHRASE))
    return report.root


@pytest.fixture
def pair(make_vault, mirrors):
    """A vault synced to a hostile mirror (honest so far) and to an honest one."""
    vault = make_vault(batches=3, per_batch=10)
    hostile = mirrors("hostile", script=HOSTILE_SERVER)
    honest = mirrors("honest")
    for mirror in (hostile, honest):
        vault.add_mirror(mirror.url)
        report = vault.sync(mirror.url)
        assert report.ok, report.error
    return vault, hostile, honest


@pytest.mark.parametrize(
    ("mode", "error", "named"),
    [
        ("drop", MirrorDropped, "dropped entry #2 (sequence 3"),
        ("reorder", MirrorReordered, "reordered entries: entry #2 (sequence 3"),
        ("alter", MirrorAltered, "altered entry #2 (sequence 3"),
    ],
)
def test_tampered_bytes_are_caught_and_named(pair, tmp_path, mode, error, named):
    vault, hostile, honest = pair
    _set_mode(hostile, mode)
    vault.append(1, 5)
    report = vault.sync(hostile.url)
    assert isinstance(report.error, error), report.error
    assert hostile.url in report.error.message and named in report.error.message
    again = vault.sync(hostile.url)  # the lie is not forgotten, and nothing was sent to a liar
    assert isinstance(again.error, error)
    with pytest.raises((LedgerCorrupt, MirrorMisbehaved)):  # restoring from the liar fails...
        _restore_root(hostile.url, vault, tmp_path / "from-liar")
    assert not (tmp_path / "from-liar").exists()
    assert vault.sync(honest.url).ok  # ...while the honest mirror takes the new entries and restores
    assert _restore_root(honest.url, vault, tmp_path / "restored") == vault.head_root()[1]


def test_rollback_is_caught(pair, tmp_path):
    vault, hostile, _ = pair
    earlier = copy_tree(hostile.data, tmp_path / "hostile-earlier")  # what it held at 30 entries
    vault.append(2, 10)
    assert vault.sync(hostile.url).ok  # it showed 50 entries
    _set_mode(hostile, f"rollback {earlier}")
    report = vault.sync(hostile.url)
    assert isinstance(report.error, MirrorRolledBack), report.error
    assert "holds 30 entries, but showed 50" in report.error.message


def test_fork_is_caught(pair, tmp_path):
    vault, hostile, honest = pair
    # A copy of the vault (same keys) writes other entries from entry 30 on; the liar shows those.
    fork = TestVault.__new__(TestVault)
    fork.__dict__.update(vault.__dict__)
    fork.root = copy_tree(vault.root, tmp_path / "fork")
    fork.written = 10_000
    fork.append(3, 10)
    alternate = copy_tree(hostile.data, tmp_path / "hostile-fork")
    store = FileStore(alternate)
    for path in sorted(fork.ledger_dir.glob("*.seg")):
        number = int(path.name[:8])
        have = store.head(vault.keyring.vault_id).segments
        start = have[number - 1].committed if number <= len(have) else 0
        store.append(vault.keyring.vault_id, number, start, path.read_bytes()[start:])
    vault.append(1, 5)  # the real vault moves on too
    _set_mode(hostile, f"fork {alternate}")
    report = vault.sync(hostile.url)
    assert isinstance(report.error, MirrorForked), report.error
    assert "forked" in report.error.message
    shutil.rmtree(fork.root)
    assert vault.sync(honest.url).ok
    assert _restore_root(honest.url, vault, tmp_path / "restored") == vault.head_root()[1]


def test_the_stored_copy_itself_is_exactly_the_vaults(pair):
    vault, hostile, honest = pair
    for mirror in (hostile, honest):
        for name, data in {
            p.name: p.read_bytes() for p in mirror_ledger(mirror, vault).glob("*.seg")
        }.items():
            assert data == (vault.ledger_dir / name).read_bytes()
