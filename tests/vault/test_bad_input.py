"""Bad input at the door: a clear one-line error, and the vault exactly as consistent as before.

Wrong passphrase, wrong or malformed recovery phrase, a vault or a record from a newer Chronika,
and a full disk (a file-size limit set with RLIMIT_FSIZE in the child process, which makes writes
fail with EFBIG as a full file system would with ENOSPC).
"""

from __future__ import annotations

import hashlib
import json
import resource
import subprocess
import sys
from pathlib import Path

import msgspec
import pytest
from vaultkit import PASSPHRASE, Cli, write_reports

from chronika.vault.keyfile import KeyFile
from chronika.vault.ledger import Ledger
from chronika.vault.phrase import RecoveryPhrase
from chronika.vault.record import PAYLOAD_FORMAT
from chronika.vault.secret import Passphrase

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "chronika" / "samples" / "grozny-2014.txt"


def fingerprint(folder: Path) -> str:
    """Every byte of the ledger (the truth): what must not change when a command is refused."""
    digest = hashlib.sha256()
    for path in sorted((folder / "ledger").iterdir()):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def one_line(result: subprocess.CompletedProcess[str], code: str) -> str:
    assert result.returncode != 0 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.startswith(f"chronika: error [{code}]: "), result.stderr
    return result.stderr


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    made = Cli(tmp_path / "one")
    made.run("init", env={"CHRONIKA_RECOVERY_FILE": str(made.secrets / "recovery")}, check=True)
    made.run("import", str(SAMPLE), check=True)
    return made


def consistent(cli: Cli, entries: int | None = None) -> None:
    audit = json.loads(cli.run("verify", "--json", check=True).stdout)
    assert audit["ok"]
    if entries is not None:
        assert audit["entries"] == entries


def test_wrong_passphrase(cli: Cli) -> None:
    before = fingerprint(cli.vault_dir)
    key_file = (cli.vault_dir / "vault.json").read_bytes()
    wrong = cli.secret_file("wrong", "not the passphrase at all")
    for command in (("list",), ("verify",), ("accept", "inc_x"), ("rebuild",), ("passphrase",)):
        line = one_line(cli.run(*command, env={"CHRONIKA_PASSPHRASE_FILE": wrong}), "E210")
        assert "not the passphrase" not in line
    assert fingerprint(cli.vault_dir) == before
    assert (cli.vault_dir / "vault.json").read_bytes() == key_file  # a wrong guess changes nothing
    consistent(cli, entries=8)


def test_wrong_and_malformed_recovery_phrases(cli: Cli) -> None:
    before = fingerprint(cli.vault_dir)
    new = cli.secret_file("new", "a new passphrase for recovery")
    other = cli.secret_file("other", RecoveryPhrase.generate().reveal().decode())
    env = {"CHRONIKA_RECOVERY_FILE": other, "CHRONIKA_NEW_PASSPHRASE_FILE": new}
    one_line(cli.run("recover", env=env), "E211")
    words = (cli.secrets / "recovery").read_text().split()
    swapped = cli.secret_file("swapped", " ".join([words[1], words[0], *words[2:]]))
    one_line(cli.run("recover", env={**env, "CHRONIKA_RECOVERY_FILE": swapped}), "E212")
    short = cli.secret_file("short", " ".join(words[:23]))
    line = one_line(cli.run("recover", env={**env, "CHRONIKA_RECOVERY_FILE": short}), "E212")
    assert line.endswith("a recovery phrase has 24 words; 23 were given\n")  # its words are never echoed
    assert fingerprint(cli.vault_dir) == before
    consistent(cli, entries=8)  # the old passphrase still opens it


def test_a_vault_from_a_newer_chronika(cli: Cli) -> None:
    path = cli.vault_dir / "vault.json"
    original = path.read_bytes()
    document = json.loads(original)
    document["version"] += 1
    path.write_text(json.dumps(document))
    assert "upgrade" in one_line(cli.run("list"), "E203")
    path.write_bytes(original)
    consistent(cli, entries=8)


def test_a_record_from_a_newer_chronika(cli: Cli) -> None:
    key_file = KeyFile.load(cli.vault_dir)
    keyring = key_file.unlock(Passphrase(PASSPHRASE))
    with Ledger.open(cli.vault_dir / "ledger", keyring) as ledger:
        ledger.append_batch([bytes([PAYLOAD_FORMAT + 1]) + msgspec.msgpack.encode({"op": "incident.merge"})])
    before = fingerprint(cli.vault_dir)
    for command in ("list", "verify", "rebuild"):
        line = one_line(cli.run(command), "E203")
        assert "entry #8" in line and "upgrade" in line
    assert fingerprint(cli.vault_dir) == before


def limited(limit: int) -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def run_limited(cli: Cli, limit: int, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "chronika", *args],
        capture_output=True,
        text=True,
        env=cli.env,
        timeout=120,
        preexec_fn=lambda: limited(limit),
        check=False,
    )


def test_a_full_disk_during_the_ledger_append(cli: Cli) -> None:
    entries_before = json.loads(cli.run("verify", "--json", check=True).stdout)["entries"]
    before = fingerprint(cli.vault_dir)
    segment = cli.vault_dir / "ledger" / "00000001.seg"
    annex = " ".join(f"item{i}" for i in range(12_000))  # a long annex: a batch of some 100 KB
    report = write_reports(cli.root / "big", {"big.txt": f"{SAMPLE.read_text()}\n\nAnnex. {annex}"})[0]
    # Room for the view's 32 KiB shared-memory file, not for the import's ledger batch.
    result = run_limited(cli, max(segment.stat().st_size, 64 * 1024) + 1024, "import", str(report))
    assert "the ledger was left as it was" in one_line(result, "E222")
    assert fingerprint(cli.vault_dir) == before
    consistent(cli, entries=entries_before)
    cli.run("import", str(report), check=True)  # with room again, the same import works
    consistent(cli, entries=entries_before + 8)


def test_a_full_disk_after_the_append_while_writing_the_view(cli: Cli) -> None:
    """The ledger takes the batch, the view cannot: the error says so, and the next unlock catches up."""
    segment = cli.vault_dir / "ledger" / "00000001.seg"
    annex = " ".join(f"extra{i}" for i in range(4000))  # some 40 KB: the batch fits, its index pages do not
    report = write_reports(cli.root / "padded", {"padded.txt": f"{SAMPLE.read_text()}\n\nAnnex. {annex}"})[0]
    rehearsal = cli.clone(cli.root / "rehearsal")  # how much the ledger grows with this import
    size = (rehearsal.vault_dir / "ledger" / "00000001.seg").stat().st_size
    rehearsal.run("import", str(report), check=True)
    growth = (rehearsal.vault_dir / "ledger" / "00000001.seg").stat().st_size - size
    limit = segment.stat().st_size + growth + 1024
    assert limit > 40 * 1024  # room for the view's 32 KiB shared-memory file, not for its new pages
    result = run_limited(cli, limit, "import", str(report))
    line = one_line(result, "E223" if "I/O" in result.stderr else "E222")
    assert "the change is safe in the ledger" in line
    listed = json.loads(cli.run("list", "--limit", "1000", "--json", check=True).stdout)
    assert len(listed) == len(
        json.loads(rehearsal.run("list", "--limit", "1000", "--json", check=True).stdout)
    )
    consistent(cli)
