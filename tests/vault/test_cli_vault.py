"""Every vault command through the real CLI, in subprocesses, on a real vault folder."""

from __future__ import annotations

import json
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from vaultkit import PASSPHRASE, Cli, write_reports

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "chronika" / "samples" / "grozny-2014.txt"


def one_error_line(result: subprocess.CompletedProcess[str], code: str) -> str:
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    errors = [line for line in lines if line.startswith("chronika: error")]
    assert len(errors) == 1 and "Traceback" not in result.stderr, result.stderr
    assert errors[0].startswith(f"chronika: error [{code}]: "), errors[0]
    return errors[0]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    """One vault made by ``init`` and ``import`` of the sample report; each test gets a copy."""
    cli = Cli(tmp_path_factory.mktemp("template"))
    recovery = cli.root / "secrets" / "recovery"
    result = cli.run("init", env={"CHRONIKA_RECOVERY_FILE": str(recovery)}, check=True)
    assert "test-only key derivation" in result.stderr and str(recovery) in result.stdout
    assert stat.S_IMODE(recovery.stat().st_mode) == 0o600 and len(recovery.read_text().split()) == 24
    cli.run("import", str(SAMPLE), check=True)
    return cli


@pytest.fixture
def ready(template: Cli, tmp_path: Path) -> Cli:
    return template.clone(tmp_path / "copy")


def test_init_shows_the_recovery_phrase_once_and_asks_nothing(cli: Cli) -> None:
    result = cli.run("init", check=True)
    words = [w for line in result.stdout.splitlines()[2:] for w in line.split() if not w.endswith(".")]
    assert len(words) == 24
    assert PASSPHRASE not in result.stdout + result.stderr
    # mirrors.json holds the recovery access sealed under the data key, so `mirror add` never asks
    # for the phrase: none of its words is in the file.
    names = sorted(p.name for p in cli.vault_dir.iterdir())
    assert names == ["ledger", "mirrors.json", "run", "vault.json", "view.db"]
    sealed = (cli.vault_dir / "mirrors.json").read_text()
    assert not any(f'"{word}"' in sealed or f" {word} " in sealed for word in words)
    one_error_line(cli.run("init"), "E202")  # never over an existing vault


def test_the_tour(ready: Cli) -> None:
    listed = ready.json("list")
    assert len(listed) == 7 and all(
        item["id"].startswith("inc_") and item["status"] == "draft" for item in listed
    )
    first = listed[0]["id"]
    shown = ready.json("show", first)
    assert shown["id"] == first and shown["links"] == [] and shown["evidence"]
    text = ready.run("show", first, check=True).stdout
    assert first in text and "evidence" in text

    accepted = ready.json("accept", first, listed[1]["id"], "--note", "checked with the JMG")
    assert [a["status"] for a in accepted] == ["accepted", "accepted"]
    edited = ready.json(
        "edit",
        first,
        "--date",
        "2014-12-14",
        "--acts",
        "raid_search,seizure",
        "--perpetrator",
        "police",
        "--victim",
        "Sergei Babinets",
        "--victim",
        "Dmitry Dimitriev",
        "--location",
        "Grozny",
        "--sensitive",
        "victims",
        "--note",
        "names confirmed",
    )
    assert edited["acts"] == ["raid_search", "seizure"] and edited["sensitive"] == ["victims"]
    assert edited["victims"] == ["Sergei Babinets", "Dmitry Dimitriev"] and edited["status"] == "accepted"
    responded = ready.json(
        "respond",
        first,
        "--kind",
        "investigation_refused",
        "--date",
        "2015-02-01",
        "--source",
        "prosecutor's letter",
    )
    assert responded["responses"][0]["kind"] == "investigation_refused"
    retracted = ready.json("retract", listed[2]["id"], "--reason", "reported twice")
    assert retracted["status"] == "retracted" and retracted["retraction"] == "reported twice"

    history = ready.json("history", first)
    assert [v["op"] for v in history] == [
        "incident.create",
        "incident.accept",
        "incident.update",
        "response.add",
    ]
    assert history[0]["record"]["status"] == "draft" and history[-1]["record"]["responses"]
    assert "incident.update" in ready.run("history", first, check=True).stdout

    assert [i["id"] for i in ready.json("search", "petrol")] != []
    assert [i["id"] for i in ready.json("search", "Babinets", "--status", "accepted")] == [first]
    assert ready.json("search", "Babinets", "--status", "draft") == []
    assert [i["id"] for i in ready.json("list", "--response", "investigation_refused")] == [first]
    assert {i["id"] for i in ready.json("list", "--from", "2014-12-13", "--to", "2014-12-13")} <= {
        i["id"] for i in listed
    }
    assert [i["id"] for i in ready.json("list", "--act", "seizure", "--place", "Grozny")] == [first]
    assert len(ready.json("list", "--actor", "Igor Kalyapin")) >= 2
    assert len(ready.json("list", "--limit", "2", "--page", "2")) == 2
    sources = ready.json("search", "--sources", "Kalyapin")
    assert len(sources) == 1 and sources[0]["id"].startswith("src_")
    assert ready.json("show", sources[0]["id"])["text"].startswith("Chechnya")

    audit = ready.json("verify")
    assert audit["ok"] and audit["entries"] == 13 and audit["records"] == 8
    assert "view consistent" in ready.run("verify", check=True).stdout
    rebuilt = ready.json("rebuild")
    assert rebuilt["entries"] == 13
    assert ready.json("list") == json.loads(json.dumps(ready.json("list")))
    assert ready.json("lock") == {"stopped": 0, "killed": 0, "stale": 0}
    assert "passphrase" not in ready.run("list").stderr.lower()


def test_import_many_files_with_a_progress_bar_and_bad_ones_reported(ready: Cli) -> None:
    paths = [str(p) for p in write_reports(ready.root / "reports")]
    missing = str(ready.root / "nowhere.txt")
    result = ready.run("import", *paths, missing, "--json")
    assert result.returncode == 2
    assert "Importing" in result.stderr
    assert sum(line.startswith("chronika: error [E101]") for line in result.stderr.splitlines()) == 1
    assert "1 of 4 files were not imported" in result.stderr
    done = json.loads(result.stdout)
    assert [d["duplicate"] for d in done] == [False, False, False]
    again = ready.json("import", paths[0])
    assert again[0]["duplicate"] is True


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("show", "inc_zzzzzzzz"), "E231"),
        (("accept", "inc_zzzzzzzz"), "E231"),
        (("retract", "inc_zzzzzzzz", "--reason", " "), "E231"),
        (("edit", "inc_zzzzzzzz", "--date", "14 Dec"), "E120"),
        (("list", "--from", "2015-01-01", "--to", "2014-01-01"), "E120"),
        (("list", "--act", "murder"), "E120"),
        (("search", "x", "--status", "maybe"), "E120"),
        (
            ("respond", "inc_zzzzzzzz", "--kind", "verdict", "--date", "2015-01-01", "--source", "court"),
            "E231",
        ),
    ],
)
def test_bad_requests_are_one_line(ready: Cli, args: tuple[str, ...], code: str) -> None:
    one_error_line(ready.run(*args), code)


def test_refused_changes_are_one_line(ready: Cli) -> None:
    first = ready.json("list")[0]["id"]
    ready.run("retract", first, "--reason", "wrong", check=True)
    line = one_error_line(ready.run("edit", first, "--location", "Moscow"), "E232")
    assert "retracted" in line


def test_the_passphrase_is_never_taken_from_the_command_line(cli: Cli) -> None:
    result = cli.run("init", "--passphrase", "hunter2hunter2")
    one_error_line(result, "E120")
    assert not cli.vault_dir.exists()


def test_a_prompted_passphrase(cli: Cli) -> None:
    env = {"CHRONIKA_PASSPHRASE_FILE": ""}
    result = cli.run("init", env=env, stdin=f"{PASSPHRASE}\n{PASSPHRASE}\n")
    assert result.returncode == 0, result.stderr
    assert PASSPHRASE not in result.stdout + result.stderr
    listed = cli.run("list", "--json", env=env, stdin=f"{PASSPHRASE}\n")
    assert listed.returncode == 0 and json.loads(listed.stdout) == []
    one_error_line(cli.run("list", env=env, stdin="wrong passphrase\n"), "E210")


def test_change_the_passphrase_and_recover(ready: Cli) -> None:
    new = ready.secret_file("new", "a completely new passphrase")
    result = ready.run("passphrase", env={"CHRONIKA_NEW_PASSPHRASE_FILE": new}, check=True)
    assert "no duress passphrase is set now" in result.stdout
    one_error_line(ready.run("list"), "E210")
    assert len(ready.json("list", env={"CHRONIKA_PASSPHRASE_FILE": new})) == 7
    recovery = str(ready.root / "secrets" / "recovery")
    third = ready.secret_file("third", "the third passphrase of this vault")
    ready.run(
        "recover", env={"CHRONIKA_RECOVERY_FILE": recovery, "CHRONIKA_NEW_PASSPHRASE_FILE": third}, check=True
    )
    assert len(ready.json("list", env={"CHRONIKA_PASSPHRASE_FILE": third})) == 7


def test_lock_ends_a_process_that_has_the_vault_unlocked(ready: Cli) -> None:
    paths = [
        str(p)
        for p in write_reports(
            ready.root / "many",
            {f"r{i}.txt": f"Police detained person {i} in Omsk on 2 May 2021." for i in range(400)},
        )
    ]
    child = subprocess.Popen(
        [sys.executable, "-m", "chronika", "import", *paths],
        env=ready.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    run_dir = ready.vault_dir / "run"
    deadline = time.monotonic() + 30
    while not any(run_dir.glob("*.pid")) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert any(run_dir.glob("*.pid")), "the import never unlocked the vault"
    time.sleep(0.3)
    locked = ready.json("lock")
    assert locked["stopped"] + locked["killed"] == 1
    _, err = child.communicate(timeout=30)
    assert child.returncode != 0
    assert "chronika: error [E213]: stopped: the vault was locked" in err and "Traceback" not in err
    assert not list(run_dir.glob("*.pid"))
    assert ready.json("verify")["ok"]


def test_a_stale_session_file_is_cleared(ready: Cli) -> None:
    (ready.vault_dir / "run" / f"{2**22 + 7}.pid").write_text("")
    assert ready.json("lock")["stale"] == 1


def test_sigterm_outside_any_vault_command_is_harmless(cli: Cli) -> None:
    child = subprocess.Popen(
        [sys.executable, "-m", "chronika", "init"],
        env={**cli.env, "CHRONIKA_PASSPHRASE_FILE": ""},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(0.5)
    child.send_signal(signal.SIGTERM)
    _, err = child.communicate(timeout=30)
    assert child.returncode != 0 and "Traceback" not in err


def test_duress_through_the_cli(cli: Cli) -> None:
    duress = cli.secret_file("duress", "they made me type this one")
    recovery = str(cli.secrets / "recovery")
    cli.run(
        "init",
        env={"CHRONIKA_DURESS_PASSPHRASE_FILE": duress, "CHRONIKA_RECOVERY_FILE": recovery},
        check=True,
    )
    cli.run("import", str(SAMPLE), check=True)
    real = cli.run("list", check=True).stdout
    coerced = {"CHRONIKA_PASSPHRASE_FILE": duress}
    assert cli.json("list", env=coerced) == []
    assert cli.run("list", env=coerced, check=True).stdout == "no incidents\n"
    assert cli.json("search", "Kalyapin", env=coerced) == []
    assert cli.json("verify", env=coerced)["ok"]
    one_error_line(cli.run("list"), "E210")  # the real passphrase no longer opens it here
    new = cli.secret_file("new", "the passphrase after the raid")
    cli.run(
        "recover", env={"CHRONIKA_RECOVERY_FILE": recovery, "CHRONIKA_NEW_PASSPHRASE_FILE": new}, check=True
    )
    assert cli.run("list", env={"CHRONIKA_PASSPHRASE_FILE": new}, check=True).stdout == real
