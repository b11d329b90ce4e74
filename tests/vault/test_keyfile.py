from __future__ import annotations

import base64
import inspect
import json
import os
import statistics
import time
from pathlib import Path

import nacl.pwhash
import pytest
from vaultkit import DURESS, PASSPHRASE, Vault

from chronika.errors import (
    InvalidRecoveryPhrase,
    PassphraseRejected,
    VaultCorrupt,
    VaultExists,
    VaultFormatTooNew,
    VaultNotFound,
    WrongPassphrase,
    WrongRecoveryPhrase,
)
from chronika.vault.keyfile import VAULT_FILE, KeyFile
from chronika.vault.keys import INTERACTIVE_KDF, MODERATE_KDF
from chronika.vault.phrase import RecoveryPhrase
from chronika.vault.secret import Passphrase
from chronika.vault.segment import read_entries


def unlock(vault: Vault, passphrase: str = PASSPHRASE):  # type: ignore[no-untyped-def]
    return KeyFile.load(vault.root).unlock(Passphrase(passphrase))


def test_default_cost_is_moderate_and_tests_ask_for_less_explicitly() -> None:
    default = inspect.signature(KeyFile.create).parameters["kdf"].default
    assert default is MODERATE_KDF
    assert MODERATE_KDF.opslimit >= nacl.pwhash.argon2id.OPSLIMIT_MODERATE
    assert MODERATE_KDF.memlimit >= nacl.pwhash.argon2id.MEMLIMIT_MODERATE


def test_unlock_gives_the_same_keys(vault: Vault) -> None:
    keyring = unlock(vault)
    assert keyring.data_key == vault.keyring.data_key
    assert keyring.signing_seed == vault.keyring.signing_seed
    assert keyring.public_key == vault.keyring.public_key == KeyFile.load(vault.root).public_key
    assert not keyring.decoy


def test_key_file_holds_no_secret(vault: Vault) -> None:
    path = vault.root / VAULT_FILE
    raw = path.read_bytes()
    assert path.stat().st_mode & 0o777 == 0o600
    doc = json.loads(raw)
    assert doc["version"] == 1
    assert doc["kdf"] == {"algorithm": "argon2id13", "opslimit": 2, "memlimit": 67108864}
    for secret in (vault.keyring.data_key.reveal(), vault.keyring.signing_seed.reveal()):
        assert secret not in raw
        assert base64.b64encode(secret) not in raw
        assert secret.hex().encode() not in raw
    # A phrase word may also be one of the file's own field names ("salt"): look at values only.
    values = set(_string_values(doc))
    for word in vault.phrase.words():
        assert word not in values
    assert " ".join(vault.phrase.words()).encode() not in raw
    assert PASSPHRASE.encode() not in raw and DURESS.encode() not in raw


def _string_values(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [v for value in node.values() for v in _string_values(value)]
    if isinstance(node, list):
        return [v for value in node for v in _string_values(value)]
    return []


def test_wrong_passphrase_is_clear_and_leaves_the_vault_alone(vault: Vault) -> None:
    before = (vault.root / VAULT_FILE).read_bytes()
    with pytest.raises(WrongPassphrase) as error:
        unlock(vault, "not the passphrase at all")
    assert error.value.one_line() == "error [E210]: wrong passphrase"
    assert (vault.root / VAULT_FILE).read_bytes() == before
    assert unlock(vault).data_key == vault.keyring.data_key


def test_recovery_phrase_opens_and_a_wrong_one_does_not(vault: Vault) -> None:
    before = (vault.root / VAULT_FILE).read_bytes()
    other = RecoveryPhrase.generate()
    with pytest.raises(WrongRecoveryPhrase) as error:
        KeyFile.load(vault.root).unlock_with_recovery(other)
    assert error.value.code == "E211"
    assert (vault.root / VAULT_FILE).read_bytes() == before
    with pytest.raises(InvalidRecoveryPhrase):
        RecoveryPhrase.parse("not a phrase")
    keyring = KeyFile.load(vault.root).unlock_with_recovery(
        RecoveryPhrase.parse(vault.phrase.reveal().decode())
    )
    assert keyring.data_key == vault.keyring.data_key
    assert keyring.signing_seed == vault.keyring.signing_seed


def test_passphrase_change_rewraps_and_keeps_data_readable(filled: Vault) -> None:
    ledger_before = {p.name: p.read_bytes() for p in filled.segments()}
    KeyFile.load(filled.root).change_passphrase(
        Passphrase(PASSPHRASE), Passphrase("a brand new passphrase"), duress_passphrase=None
    )
    with pytest.raises(WrongPassphrase):
        unlock(filled)
    keyring = unlock(filled, "a brand new passphrase")
    assert keyring.data_key == filled.keyring.data_key
    assert {p.name: p.read_bytes() for p in filled.segments()} == ledger_before
    assert len(list(read_entries(filled.ledger_dir, keyring.data_key))) == 63
    # The old duress passphrase was not restated, so it is now just a wrong passphrase.
    with pytest.raises(WrongPassphrase):
        unlock(filled, DURESS)


def test_passphrase_change_with_wrong_current_changes_nothing(vault: Vault) -> None:
    before = (vault.root / VAULT_FILE).read_bytes()
    with pytest.raises(WrongPassphrase):
        KeyFile.load(vault.root).change_passphrase(
            Passphrase("wrong wrong wrong"), Passphrase("a brand new passphrase"), duress_passphrase=None
        )
    assert (vault.root / VAULT_FILE).read_bytes() == before


def test_duress_destroys_the_passphrase_copy_and_the_phrase_still_recovers(filled: Vault) -> None:
    path = filled.root / VAULT_FILE
    before = json.loads(path.read_bytes())
    decoy = unlock(filled, DURESS)
    assert decoy.decoy
    assert decoy.data_key != filled.keyring.data_key
    assert decoy.vault_id == filled.keyring.vault_id
    after = json.loads(path.read_bytes())
    assert after.keys() == before.keys()
    assert after["passphrase"]["wrapped_keys"] != before["passphrase"]["wrapped_keys"]
    assert len(after["passphrase"]["wrapped_keys"]) == len(before["passphrase"]["wrapped_keys"])
    assert after["recovery"] == before["recovery"]
    with pytest.raises(WrongPassphrase):
        unlock(filled)
    key_file = KeyFile.load(filled.root)
    keyring = key_file.recover(filled.phrase, Passphrase("the new passphrase"), duress_passphrase=None)
    assert keyring.data_key == filled.keyring.data_key
    assert len(list(read_entries(filled.ledger_dir, keyring.data_key))) == 63
    assert unlock(filled, "the new passphrase").data_key == filled.keyring.data_key


def test_duress_and_normal_unlock_look_alike(vault: Vault) -> None:
    path = vault.root / VAULT_FILE

    def timed(passphrase: str) -> tuple[float, int, int]:
        # CPU time, not the clock: the work done is what could tell the paths apart, and a busy
        # machine (other processes on the same cores) stretches the clock, not this process's CPU.
        inode = path.stat().st_ino
        start = time.process_time()
        unlock(vault, passphrase)
        elapsed = time.process_time() - start
        return elapsed, int(path.stat().st_ino != inode), path.stat().st_size

    normal = [timed(PASSPHRASE) for _ in range(5)]
    duress = [timed(DURESS) for _ in range(5)]  # last: duress empties the passphrase slot
    # Both paths rewrite the file (a new inode each time) at the same size.
    assert {n[1] for n in normal} == {d[1] for d in duress} == {1}
    assert {n[2] for n in normal} == {d[2] for d in duress}
    ratio = statistics.median(d[0] for d in duress) / statistics.median(n[0] for n in normal)
    assert 0.5 < ratio < 2.0


def test_a_vault_without_duress_has_a_random_check(tmp_path: Path) -> None:
    KeyFile.create(tmp_path / "a", Passphrase(PASSPHRASE), kdf=INTERACTIVE_KDF)
    KeyFile.create(
        tmp_path / "b", Passphrase(PASSPHRASE), duress_passphrase=Passphrase(DURESS), kdf=INTERACTIVE_KDF
    )
    a = json.loads((tmp_path / "a" / VAULT_FILE).read_bytes())
    b = json.loads((tmp_path / "b" / VAULT_FILE).read_bytes())
    assert a.keys() == b.keys() and a["passphrase"].keys() == b["passphrase"].keys()
    assert len(a["passphrase"]["duress_check"]) == len(b["passphrase"]["duress_check"])


def test_new_passphrase_rules(tmp_path: Path) -> None:
    with pytest.raises(PassphraseRejected, match="at least 8"):
        KeyFile.create(tmp_path / "v", Passphrase("short"), kdf=INTERACTIVE_KDF)
    with pytest.raises(PassphraseRejected, match="differ"):
        KeyFile.create(tmp_path / "v", Passphrase(PASSPHRASE), duress_passphrase=Passphrase(PASSPHRASE))
    assert not (tmp_path / "v" / VAULT_FILE).exists()


def test_missing_existing_and_damaged_vaults(vault: Vault, tmp_path: Path) -> None:
    with pytest.raises(VaultNotFound) as missing:
        KeyFile.load(tmp_path / "nowhere")
    assert missing.value.code == "E201"
    with pytest.raises(VaultExists):
        KeyFile.create(vault.root, Passphrase(PASSPHRASE), kdf=INTERACTIVE_KDF)
    path = vault.root / VAULT_FILE
    good = path.read_bytes()
    for damaged in (b"", b"{", good[: len(good) // 2], b'{"format": "something else"}', b"[1, 2]"):
        path.write_bytes(damaged)
        with pytest.raises(VaultCorrupt):
            KeyFile.load(vault.root)
    doc = json.loads(good)
    doc["passphrase"]["salt"] = base64.b64encode(b"short").decode()
    path.write_text(json.dumps(doc))
    with pytest.raises(VaultCorrupt, match="wrong size"):
        KeyFile.load(vault.root)
    doc = json.loads(good)
    doc["kdf"]["memlimit"] = 1 << 40
    path.write_text(json.dumps(doc))
    with pytest.raises(VaultCorrupt, match="out of range"):
        KeyFile.load(vault.root)


def test_newer_format_is_refused_clearly(vault: Vault) -> None:
    path = vault.root / VAULT_FILE
    doc = json.loads(path.read_bytes())
    doc["version"] = 2
    doc["something_new"] = {"x": 1}
    path.write_text(json.dumps(doc))
    with pytest.raises(VaultFormatTooNew) as error:
        KeyFile.load(vault.root)
    assert error.value.code == "E203"
    assert "version 2" in error.value.one_line() and "upgrade" in error.value.one_line()


def test_a_swapped_public_key_is_noticed_on_unlock(vault: Vault, tmp_path: Path) -> None:
    other = Vault(tmp_path / "other")
    path = vault.root / VAULT_FILE
    doc = json.loads(path.read_bytes())
    doc["signing_public_key"] = json.loads((other.root / VAULT_FILE).read_bytes())["signing_public_key"]
    path.write_text(json.dumps(doc))
    with pytest.raises(VaultCorrupt, match="public key"):
        unlock(vault)


def test_atomic_write_leaves_no_temporary_files(vault: Vault) -> None:
    for _ in range(3):
        unlock(vault)
    assert sorted(os.listdir(vault.root)) == ["ledger", VAULT_FILE]
