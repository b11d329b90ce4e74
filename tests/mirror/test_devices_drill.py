"""Two laptops, one vault: enrol, edit offline, sync both ways, revoke. Real processes on 127.0.0.1."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from chronika.vault.frame import FRAME_ENVELOPE
from chronika.vault.keyfile import KeyFile
from chronika.vault.ledger import Ledger
from chronika.vault.secret import Passphrase
from chronika.vault.segment import LEDGER_DIR, CheckpointFrame, sealed_frames

PASSPHRASE = "correct horse battery staple"

# Fresh texts written for this test.
REPORTS = {
    "harbour.txt": (
        "ODESSA, 3 April 2021 - Border guards detained the fisherman Pavel Rudenko at the harbour in "
        "Odessa on 2 April 2021 and held him for two days without charge."
    ),
    "station.txt": (
        "TBILISI, 11 June 2022 - Police beat the student Nino Beridze at a railway station in Tbilisi "
        "on 10 June 2022 after she filmed an arrest."
    ),
}


class Laptop:
    """One laptop: its own HOME, vault folder and secret files, running the real CLI."""

    def __init__(self, root: Path, name: str) -> None:
        self.root = root / name
        self.vault = self.root / "vault"
        home = self.root / "home"
        home.mkdir(parents=True)
        secrets = self.root / "secrets"
        secrets.mkdir(mode=0o700)
        (secrets / "passphrase").write_text(PASSPHRASE + "\n")
        self.code_file = secrets / "code"
        self.phrase = ""
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("CHRONIKA_")}
        self.env.update(
            CHRONIKA_VAULT=str(self.vault),
            CHRONIKA_PASSPHRASE_FILE=str(secrets / "passphrase"),
            CHRONIKA_RECOVERY_FILE=str(secrets / "recovery"),
            CHRONIKA_ENROLMENT_CODE_FILE=str(self.code_file),
            CHRONIKA_TEST_FAST_KDF="1",
            HOME=str(home),
            TMPDIR=str(home),
        )

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [sys.executable, "-m", "chronika", *args],
            capture_output=True,
            text=True,
            env=self.env,
            timeout=180,
            check=False,
            stdin=subprocess.DEVNULL,
        )
        if check:
            assert result.returncode == 0, f"{args}: {result.stderr}"
        return result

    def json(self, *args: str) -> Any:
        return json.loads(self.run(*args, "--json").stdout)

    def view(self) -> Any:
        return self.json("list", "--limit", "1000")


def _enrol(first: Laptop, tmp_path: Path) -> tuple[Path, str]:
    enrolment = tmp_path / "enrolment.json"
    added = first.json("device", "add", "field laptop", "--out", str(enrolment))
    return enrolment, added["code"]


@pytest.fixture
def two_laptops(mirrors, tmp_path):
    mirror = mirrors("mirror", full_cli=True)
    office = Laptop(tmp_path, "office")
    office.run("init")
    reports = tmp_path / "reports"
    reports.mkdir()
    for name, text in REPORTS.items():
        (reports / name).write_text(text, encoding="utf-8")
    office.run("import", str(reports / "harbour.txt"), str(reports / "station.txt"))
    # `init` kept the recovery access: `mirror add` does not ask for the phrase again.
    recovery = Path(office.env["CHRONIKA_RECOVERY_FILE"])
    office.phrase = recovery.read_text()
    recovery.unlink()
    office.run("mirror", "add", mirror.url)
    office.run("sync")
    enrolment, code = _enrol(office, tmp_path)
    field = Laptop(tmp_path, "field")
    field.code_file.write_text(code + "\n")
    joined = field.json("device", "join", str(enrolment))
    assert joined["mirrors"] == [{"url": mirror.url, "ok": True}]
    office.run("sync")  # the field laptop's own admission entry comes back to the office
    return office, field, mirror


def test_wrong_enrolment_code_fails_with_one_line(mirrors, tmp_path):
    mirror = mirrors("mirror")
    office = Laptop(tmp_path, "office")
    office.run("init")
    office.run("mirror", "add", mirror.url)
    enrolment, code = _enrol(office, tmp_path)
    field = Laptop(tmp_path, "field")
    wrong = "".join("2" if ch == "3" else "3" if ch != "-" else ch for ch in code)
    field.code_file.write_text(wrong + "\n")
    result = field.run("device", "join", str(enrolment), check=False)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "wrong enrolment code" in lines[0] and "Traceback" not in result.stderr
    assert not field.vault.exists()
    assert code.replace("-", "") not in result.stderr + result.stdout


def test_two_devices_edit_offline_then_sync_both_ways(two_laptops):
    office, field, mirror = two_laptops
    assert office.view() == field.view()
    devices = office.json("device", "list")
    assert [d["name"] for d in devices] == ["founding device", "field laptop"]
    first, second = (incident["id"] for incident in office.view()[:2])

    # Offline on both: the same field of one incident on each, plus changes that do not collide.
    office.run("edit", first, "--location", "Odessa harbour, pier 4")
    field.run("edit", first, "--location", "Odessa port, customs zone")
    field.run("edit", first, "--victim", "Pavel Rudenko", "--victim", "his brother")
    office.run("accept", second)
    field.run(
        "respond", second, "--kind", "complaint_filed", "--date", "2022-06-15", "--source", "lawyer's letter"
    )

    office.run("sync")
    rebased = field.run("sync")
    assert "moved" in rebased.stdout  # the field laptop's unsent entries went after the office's
    office.run("sync")

    office_view, field_view = office.view(), field.view()
    assert office_view == field_view
    listed = {incident["id"]: incident for incident in office_view}
    assert [c["field"] for c in listed[first]["conflicts"]] == ["location"]  # the flag, in list --json
    assert listed[second]["conflicts"] == []
    flagged = office.json("show", first)
    assert flagged == field.json("show", first)
    assert [c["field"] for c in flagged["conflicts"]] == ["location"]
    assert flagged["victims"] == ["Pavel Rudenko", "his brother"]  # a different field merges
    both = {"Odessa harbour, pier 4", "Odessa port, customs zone"}
    assert flagged["location"] in both
    history = office.json("history", first)
    assert both <= {version["record"].get("location") for version in history}
    other = office.json("show", second)
    assert other["status"] == "accepted" and other["responses"][0]["kind"] == "complaint_filed"
    for laptop in (office, field):
        assert laptop.json("verify")["ok"] is True
    ledgers = [
        [p.read_bytes() for p in sorted((lap.vault / LEDGER_DIR).glob("*.seg"))] for lap in (office, field)
    ]
    assert ledgers[0] == ledgers[1]  # one order on both laptops and the mirror

    # After a fire: the recovery phrase restores the whole two-device vault from the mirror.
    new = Laptop(office.root.parent, "new-office")
    Path(new.env["CHRONIKA_RECOVERY_FILE"]).write_text(office.phrase)
    restored = new.run("restore", "--mirror", mirror.url)
    assert "every entry decrypted" in restored.stdout
    assert new.view() == office_view
    assert new.json("verify")["ok"] is True


def test_a_revoked_device_is_refused_by_the_mirror_and_by_verify(two_laptops, tmp_path):
    office, field, _ = two_laptops
    incident = office.view()[0]["id"]
    revoked = office.json("device", "revoke", "field laptop")
    office.run("sync")  # the mirror learns of it
    assert [d["revoked_after"] is not None for d in office.json("device", "list")] == [False, True]

    field.run("edit", incident, "--location", "written after the revocation")
    refused = field.run("sync", check=False)
    assert refused.returncode != 0 and "revoked" in refused.stdout + refused.stderr
    assert "Traceback" not in refused.stderr

    # The entry reaches the office anyway (say by a copied folder): verify names it, replay skips it.
    copy = tmp_path / "office-copy"
    shutil.copytree(office.vault, copy)
    late = [
        frame.data
        for frame in sealed_frames(field.vault / LEDGER_DIR)
        if not isinstance(frame, CheckpointFrame) and frame.header.seq > revoked["revoked_after"]
    ]
    keyring = KeyFile.load(copy).unlock(Passphrase(PASSPHRASE))
    with Ledger.open(copy / LEDGER_DIR, keyring) as ledger:
        ledger.append_sealed(late)
    office.env["CHRONIKA_VAULT"] = str(copy)
    result = office.run("verify", check=False)
    assert result.returncode != 0 and "after its revocation" in result.stderr
    assert office.json("show", incident)["location"] != "written after the revocation"


def test_verify_names_a_local_rollback_below_what_a_mirror_showed(mirrors, tmp_path):
    mirror = mirrors("mirror")
    office = Laptop(tmp_path, "office")
    office.run("init")
    office.run("mirror", "add", mirror.url)
    reports = tmp_path / "reports"
    reports.mkdir()
    for name, text in REPORTS.items():
        (reports / name).write_text(text, encoding="utf-8")
    office.run("import", str(reports / "harbour.txt"))
    office.run("sync")
    frames = [f for f in sealed_frames(office.vault / LEDGER_DIR) if isinstance(f, CheckpointFrame)]
    earlier = frames[-1]  # the head this first sync sent
    office.run("import", str(reports / "station.txt"))
    office.run("sync")  # the mirror showed the longer ledger; mirrors.json remembers it

    segment = office.vault / LEDGER_DIR / earlier.segment
    segment.write_bytes(segment.read_bytes()[: earlier.offset + FRAME_ENVELOPE.size + len(earlier.data)])
    result = office.run("verify", check=False)
    assert result.returncode != 0 and "rolled back" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
