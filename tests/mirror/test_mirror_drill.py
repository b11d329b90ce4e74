"""The office-fire drill: two mirror processes, the vault folder deleted, restore from the second."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from mirrorkit import PASSPHRASE, mirror_ledger, run_cli, segment_bytes

from chronika.vault.keyfile import KeyFile
from chronika.vault.secret import Passphrase
from chronika.vault.segment import LEDGER_DIR, read_entries
from chronika.vault.verify import verify_ledger


def _secrets(tmp_path: Path, phrase: str | None = None) -> dict[str, str]:
    passphrase = tmp_path / "passphrase.txt"
    passphrase.write_text(PASSPHRASE + "\n")
    recovery = tmp_path / "recovery.txt"
    if phrase is not None:
        recovery.write_text(phrase + "\n")
    return {"CHRONIKA_PASSPHRASE_FILE": str(passphrase), "CHRONIKA_RECOVERY_FILE": str(recovery)}


def test_office_fire_restore_from_the_second_mirror(make_vault, mirrors, tmp_path):
    vault = make_vault(batches=6, per_batch=25)
    first, second = mirrors("first", full_cli=True), mirrors("second")  # `chronika mirror serve` too
    env = {**_secrets(tmp_path, vault.phrase_text), "CHRONIKA_VAULT": str(vault.root)}
    for mirror in (first, second):
        added = run_cli("mirror", "add", mirror.url, env=env)
        assert added.returncode == 0, added.stderr
    synced = run_cli("sync", env=env)
    assert synced.returncode == 0, synced.stderr
    assert synced.stdout.count("sent 150 entries") == 2
    size, root = vault.head_root()
    originals = vault.payloads()
    for mirror in (first, second):
        assert segment_bytes(mirror_ledger(mirror, vault)) == segment_bytes(vault.ledger_dir)

    shutil.rmtree(vault.root)  # the fire
    restored = tmp_path / "new-laptop" / "vault"
    env["CHRONIKA_VAULT"] = str(restored)
    result = run_cli("restore", "--mirror", second.url, "--no-view", env=env)
    assert result.returncode == 0, result.stderr
    assert f"Merkle root {root.hex()}" in result.stdout
    assert f"{size} entries" in result.stdout

    keyring = KeyFile.load(restored).unlock(Passphrase(PASSPHRASE))  # the new passphrase opens it
    report = verify_ledger(
        restored / LEDGER_DIR,
        vault_id=keyring.vault_id,
        public_keys={keyring.device_id: keyring.public_key},
        data_key=keyring.data_key,
    )
    assert report.ok and report.root == root and report.entries == size
    assert [entry.payload for entry in read_entries(restored / LEDGER_DIR, keyring.data_key)] == originals

    again = run_cli("sync", env=env)  # the restored vault knows the second mirror, and it is current
    assert again.returncode == 0, again.stderr
    assert "up to date" in again.stdout
    listed = json.loads(run_cli("mirror", "list", "--json", env=env).stdout)
    assert [row["url"] for row in listed] == [second.url]
    assert listed[0]["entries"] == size


def test_restore_refuses_a_wrong_phrase_and_a_non_empty_folder(make_vault, mirrors, tmp_path):
    vault = make_vault()
    mirror = mirrors()
    env = {**_secrets(tmp_path, vault.phrase_text), "CHRONIKA_VAULT": str(vault.root)}
    assert run_cli("mirror", "add", mirror.url, env=env).returncode == 0
    assert run_cli("sync", env=env).returncode == 0

    other = make_vault()  # a real phrase, of another vault: the mirror knows nothing under it
    (tmp_path / "recovery.txt").write_text(other.phrase_text)
    env["CHRONIKA_VAULT"] = str(tmp_path / "elsewhere")
    wrong = run_cli("restore", "--mirror", mirror.url, "--no-view", env=env)
    assert wrong.returncode == 5 and "[E302]" in wrong.stderr and "E346" in wrong.stderr
    assert not (tmp_path / "elsewhere").exists()

    (tmp_path / "recovery.txt").write_text(vault.phrase_text)
    env["CHRONIKA_VAULT"] = str(vault.root)
    busy = run_cli("restore", "--mirror", mirror.url, "--no-view", env=env)
    assert busy.returncode == 3 and "[E202]" in busy.stderr


def test_readme_walkthrough_with_records(mirrors, tmp_path):
    """init, import, mirror add x2, sync, delete the vault, restore (view rebuilt), same list."""
    first, second = mirrors("first"), mirrors("second")
    env = {**_secrets(tmp_path), "CHRONIKA_VAULT": str(tmp_path / "vault"), "CHRONIKA_TEST_FAST_KDF": "1"}
    assert run_cli("init", env=env).returncode == 0
    sample = Path(__file__).resolve().parents[2] / "src" / "chronika" / "samples" / "grozny-2014.txt"
    assert run_cli("import", str(sample), env=env).returncode == 0
    before = json.loads(run_cli("list", "--json", env=env).stdout)
    assert before
    for mirror in (first, second):
        added = run_cli("mirror", "add", mirror.url, env=env)
        assert added.returncode == 0, added.stderr
    assert run_cli("sync", env=env).returncode == 0
    shutil.rmtree(tmp_path / "vault")
    restored = run_cli("restore", "--mirror", second.url, env=env)
    assert restored.returncode == 0, restored.stderr
    assert "warning" not in restored.stderr
    assert json.loads(run_cli("list", "--json", env=env).stdout) == before
    verified = run_cli("verify", env=env)
    assert verified.returncode == 0, verified.stderr
