"""Sync beyond the drills: pulling from a mirror that holds more, a mirror that was replaced or wiped,
URL rules, the server's refusal of plain HTTP off loopback, and the roster under duress."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from mirrorkit import PASSPHRASE, mirror_ledger, run_cli, segment_bytes

from chronika.errors import MirrorReplaced, MirrorRolledBack, UsageError
from chronika.mirror import client
from chronika.mirror.client import MirrorSync
from chronika.mirror.connection import normalize_url
from chronika.mirror.restore import restore
from chronika.mirror.roster import ROSTER_FILE, Roster
from chronika.vault.keyfile import KeyFile
from chronika.vault.keys import INTERACTIVE_KDF
from chronika.vault.phrase import RecoveryPhrase
from chronika.vault.secret import Passphrase


def test_a_vault_restored_from_a_lagging_mirror_pulls_the_rest_from_another(
    make_vault, mirrors, tmp_path, monkeypatch
):
    monkeypatch.setattr(client, "MAX_READ_BYTES", 777)  # pulled in slices that cut frames anywhere
    vault = make_vault(batches=2, per_batch=10)
    ahead, behind = mirrors("ahead"), mirrors("behind")
    for mirror in (ahead, behind):
        vault.add_mirror(mirror.url)
        assert vault.sync(mirror.url).ok
    vault.append(3, 10)
    assert vault.sync(ahead.url).ok
    size, root = vault.head_root()
    shutil.rmtree(vault.root)

    target = tmp_path / "restored"
    report = restore(behind.url, RecoveryPhrase.parse(vault.phrase_text), target, Passphrase(PASSPHRASE))
    assert report.entries == 20
    keyring = KeyFile.load(target).unlock(Passphrase(PASSPHRASE))
    roster = Roster.load(target, keyring)
    record = roster.add(ahead.url, roster.mirrors[0].mirror_id)
    record.mirror_id = _mirror_id(ahead.url)
    roster.save()
    pulled = MirrorSync(target, keyring, roster, record).run()
    assert pulled.ok, pulled.error
    assert pulled.pulled_entries == size - 20 and pulled.root == root
    assert segment_bytes(target / "ledger") == segment_bytes(mirror_ledger(ahead, vault))
    pushed = MirrorSync(
        target, keyring, roster, roster.find(behind.url)
    ).run()  # and the lagging one catches up
    assert pushed.ok and pushed.pushed_entries == size - 20


def _mirror_id(url: str) -> str:
    import httpx

    return str(httpx.get(url + "/v1/mirror").json()["mirror_id"])


def test_a_replaced_or_wiped_mirror_is_named(make_vault, mirrors, tmp_path):
    vault = make_vault()
    mirror = mirrors()
    vault.add_mirror(mirror.url)
    assert vault.sync(mirror.url).ok

    mirror.stop()  # the vault's folder vanishes from the mirror's disk; the mirror keeps its id
    shutil.rmtree(mirror.data / "vaults" / vault.keyring.vault_id.hex())
    mirror.start()
    wiped = vault.sync(mirror.url)
    assert isinstance(wiped.error, MirrorRolledBack) and "no longer holds this vault" in wiped.error.message

    mirror.stop()  # another mirror answers at the same address
    shutil.rmtree(mirror.data)
    mirror.start()
    env = {
        "CHRONIKA_VAULT": str(vault.root),
        "CHRONIKA_PASSPHRASE_FILE": str(_write(tmp_path / "pass", PASSPHRASE)),
    }
    result = run_cli("sync", env=env)
    assert result.returncode == 5
    assert f"{mirror.url}: FAILED error [E316]" in result.stdout and "[E316]" in result.stderr
    listed = run_cli("mirror", "list", env=env)
    assert "PROBLEM [E316]" in listed.stdout
    assert isinstance(vault.sync(mirror.url).error, MirrorReplaced)


def _write(path, text: str):
    path.write_text(text + "\n")
    return path


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://127.0.0.1:8000/", "http://127.0.0.1:8000"),
        ("HTTPS://Mirror.Example.org/chronika/", "https://mirror.example.org/chronika"),
        ("http://localhost:9", "http://localhost:9"),
        ("http://abcdefghijklmnop.onion", "http://abcdefghijklmnop.onion"),
        ("http://[::1]:8000", "http://[::1]:8000"),
    ],
)
def test_mirror_urls_are_normalised(url, expected):
    assert normalize_url(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "http://mirror.example.org",
        "ftp://x",
        "https://user:pw@mirror.example.org",
        "https://m.org/?a=1",
        "nope",
    ],
)
def test_leaky_mirror_urls_are_refused(url):
    with pytest.raises(UsageError):
        normalize_url(url)


def test_the_mirror_refuses_plain_http_off_loopback(tmp_path):
    result = run_cli(
        "mirror", "serve", "--data", str(tmp_path / "m"), "--host", "0.0.0.0", "--port", "0", env={}
    )
    assert result.returncode == 2
    assert "refusing to serve plain HTTP" in result.stderr and "reverse_proxy 127.0.0.1" in result.stderr
    assert not (tmp_path / "m").exists()
    lean = subprocess.run(  # the same refusal from the mirror-only entry point
        [
            sys.executable,
            "-m",
            "chronika.mirror",
            "serve",
            "--data",
            str(tmp_path / "m"),
            "--host",
            "10.1.2.3",
        ],
        check=False,
        capture_output=True,
        text=True,
    )
    assert lean.returncode == 2 and "refusing to serve plain HTTP on 10.1.2.3" in lean.stderr
    assert not (tmp_path / "m").exists()


def test_under_duress_the_roster_reads_empty_and_is_never_written(make_vault, mirrors, tmp_path):
    root = tmp_path / "duress-vault"
    _key_file, keyring, phrase = KeyFile.create(
        root,
        Passphrase(PASSPHRASE),
        duress_passphrase=Passphrase("they made me type it"),
        kdf=INTERACTIVE_KDF,
    )
    roster = Roster.load(root, keyring)
    roster.add("http://127.0.0.1:1", "0" * 32)
    roster.save()
    sealed = (root / ROSTER_FILE).read_bytes()
    decoy = KeyFile.load(root).unlock(Passphrase("they made me type it"))
    assert decoy.decoy
    shown = Roster.load(root, decoy)
    assert shown.mirrors == []
    shown.add("http://127.0.0.1:2", "1" * 32)
    shown.save()
    assert (root / ROSTER_FILE).read_bytes() == sealed
    recovered = KeyFile.load(root).unlock_with_recovery(phrase)
    assert [m.url for m in Roster.load(root, recovered).mirrors] == ["http://127.0.0.1:1"]


def test_an_entry_larger_than_a_slice_is_sent_in_pieces(make_vault, mirrors, monkeypatch):
    monkeypatch.setattr(client, "CHUNK_BYTES", 16 * 1024)
    vault = make_vault(batches=1, per_batch=3)
    vault.append(1, 2, size=100_000)  # two entries of ~100 KB: each frame spans several appends
    vault.append(1, 3)
    mirror = mirrors()
    vault.add_mirror(mirror.url)
    report = vault.sync(mirror.url)
    assert report.ok, report.error
    assert segment_bytes(mirror_ledger(mirror, vault)) == segment_bytes(vault.ledger_dir)
