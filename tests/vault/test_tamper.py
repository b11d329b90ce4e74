"""Tamper: any change to the ledger of a real vault is found by ``verify``, naming the entry.

The core's tests flip bytes in a bare ledger; these do it to a vault made by the facade and check
what a person sees: ``Vault.verify`` (and ``chronika verify``) fails with one error naming the
segment, the byte offset and the entry, never repairs anything, and the vault is whole again once
the byte is put back. A damaged view is reported by ``verify`` and cured by ``rebuild``.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from vaultkit import PASSPHRASE, Cli, fast_vault, write_reports

from chronika.errors import LedgerCorrupt, ViewUnusable
from chronika.vault.frame import FRAME_ENVELOPE, KIND_CHECKPOINT, scan
from chronika.vault.secret import Passphrase
from chronika.vault.vault import VIEW_FILE, Vault

FLIPS = 500


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("tamper")
    vault = fast_vault(root / "vault")
    results = vault.import_documents(write_reports(root / "reports"))
    incidents = [i for r in results for i in r.incidents]
    vault.accept(incidents[:2])
    vault.retract(incidents[-1], "reported twice")
    vault.lock()
    return root / "vault"


@pytest.fixture
def vault(made: Path, tmp_path: Path) -> Any:
    import shutil

    shutil.copytree(made, tmp_path / "vault")
    opened = Vault.open(tmp_path / "vault", Passphrase(PASSPHRASE))
    yield opened
    opened.lock()


def frames(segment: Path) -> list[tuple[int, int, int, int]]:
    """(start, end, kind, entry number or -1) of every frame."""
    out, entry = [], 0
    for offset, kind, body in scan(segment.read_bytes()):
        out.append(
            (offset, offset + FRAME_ENVELOPE.size + len(body), kind, -1 if kind == KIND_CHECKPOINT else entry)
        )
        entry += kind != KIND_CHECKPOINT
    return out


def test_every_flipped_byte_is_named(vault: Any) -> None:
    segment = vault.directory / "ledger" / "00000001.seg"
    original = segment.read_bytes()
    layout = frames(segment)
    assert sum(kind != KIND_CHECKPOINT for _, _, kind, _ in layout) > 10
    rng = random.Random(3)
    for position in rng.sample(range(len(original)), FLIPS):
        start, _, kind, entry = next(f for f in layout if f[0] <= position < f[1])
        changed = bytearray(original)
        changed[position] ^= 1 << rng.randrange(8)
        segment.write_bytes(bytes(changed))
        with pytest.raises(LedgerCorrupt) as error:
            vault.verify()
        line = error.value.one_line()
        assert line.startswith("error [E220]: ledger corrupt at segment 00000001.seg, ") and "\n" not in line
        assert f"offset {start}" in line, (position, line)
        if kind != KIND_CHECKPOINT:
            assert f"entry #{entry}" in line, (position, line)
        else:
            assert "checkpoint" in line
    segment.write_bytes(original)
    assert vault.verify().view_checked


def test_truncation_is_named(vault: Any) -> None:
    segment = vault.directory / "ledger" / "00000001.seg"
    original = segment.read_bytes()
    boundaries = {end for _, end, _, _ in frames(segment)}
    checkpoint_ends = {end for _, end, kind, _ in frames(segment) if kind == KIND_CHECKPOINT}
    rng = random.Random(5)
    cuts = [cut for cut in rng.sample(range(1, len(original)), 60) if cut not in checkpoint_ends]
    cuts += sorted(boundaries - checkpoint_ends)[:10]  # whole frames gone, checkpoint lost
    for cut in cuts:
        segment.write_bytes(original[:cut])
        with pytest.raises(LedgerCorrupt, match=r"ledger corrupt at segment 00000001\.seg"):
            vault.verify()
    segment.write_bytes(original)


def test_swapped_entries_are_named(vault: Any) -> None:
    segment = vault.directory / "ledger" / "00000001.seg"
    original = segment.read_bytes()
    entries = [f for f in frames(segment) if f[2] != KIND_CHECKPOINT]
    a, b = entries[3], entries[4]
    swapped = original[: a[0]] + original[b[0] : b[1]] + original[a[0] : a[1]] + original[b[1] :]
    segment.write_bytes(swapped)
    with pytest.raises(LedgerCorrupt) as error:
        vault.verify()
    assert f"offset {a[0]}, entry #3" in error.value.one_line()
    segment.write_bytes(original)


def test_a_damaged_view_is_reported_and_rebuilt(vault: Any) -> None:
    directory = vault.directory
    vault.lock()
    path = directory / VIEW_FILE
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x10  # a page in the middle: opening works, reading it does not
    path.write_bytes(bytes(data))
    reopened = Vault.open(directory, Passphrase(PASSPHRASE))
    try:
        with pytest.raises(ViewUnusable, match="rebuild"):
            reopened.verify()
        reopened.rebuild()
        assert reopened.verify().view_checked
    finally:
        reopened.lock()


def test_the_cli_names_the_entry(made: Path, tmp_path: Path) -> None:
    cli = Cli(tmp_path / "cli")
    import shutil

    shutil.copytree(made, cli.vault_dir)
    segment = cli.vault_dir / "ledger" / "00000001.seg"
    original = segment.read_bytes()
    start, end, _, entry = [f for f in frames(segment) if f[2] != KIND_CHECKPOINT][5]
    changed = bytearray(original)
    changed[(start + end) // 2] ^= 0x01
    segment.write_bytes(bytes(changed))
    result = cli.run("verify")
    assert result.returncode == 3 and result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(
        f"chronika: error [E220]: ledger corrupt at segment 00000001.seg, offset {start}"
    )
    assert f"entry #{entry}" in result.stderr
    segment.write_bytes(original)
    assert json.loads(cli.run("verify", "--json", check=True).stdout)["ok"]
