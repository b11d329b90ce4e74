"""Crash: SIGKILL a process importing reports in a loop, at random moments, 50 times.

After every kill the vault opens (cutting a torn append, replaying entries the view had not yet
applied), ``verify`` passes (signatures, chains, Merkle roots and the view against the ledger), and
every document and incident whose import had returned, as the child reported right after the
return, is in the vault. The child writes its report only after ``import_document`` returned, so a
line cut by the kill is an import that was never acknowledged.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from vaultkit import PASSPHRASE, Cli, fast_vault

from chronika.vault.keyfile import KeyFile
from chronika.vault.replay import read_head
from chronika.vault.secret import Passphrase
from chronika.vault.state import SourceRecord
from chronika.vault.vault import Vault

KILLS = 50

CHILD = textwrap.dedent(
    """
    import json, random, sys
    from pathlib import Path
    from chronika.vault.secret import Passphrase
    from chronika.vault.vault import Vault

    directory, folder, start = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    vault = Vault.open(directory, Passphrase(sys.argv[4]))
    rng = random.Random()
    towns = ["Kazan", "Omsk", "Minsk", "Grozny", "Perm"]
    print("ready", flush=True)
    for n in range(start, start + 1000):
        people = [f"Person{n}x{k}" for k in range(rng.randrange(1, 12))]
        text = " ".join(
            f"On {1 + k % 27} May 2019 police detained {name} in {rng.choice(towns)}."
            for k, name in enumerate(people)
        )
        path = folder / f"report-{n}.txt"
        path.write_text(f"KAZAN, 30 May 2019 - {text}", encoding="utf-8")
        done = vault.import_document(path)
        sys.stdout.write(json.dumps({"source": done.source_id, "incidents": done.incidents}) + "\\n")
        sys.stdout.flush()
    """
)


def test_sigkill_while_importing_loses_nothing_acknowledged(tmp_path: Path) -> None:
    directory = tmp_path / "vault"
    fast_vault(directory).lock()
    folder = tmp_path / "reports"
    folder.mkdir()
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    acknowledged: dict[str, list[str]] = {}
    torn = unacknowledged = 0
    for kill in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(directory), str(folder), str(kill * 1000), PASSPHRASE],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready", child.stderr.read() if child.stderr else ""
        first = ""
        if kill % 2:
            # Every other kill waits for one acknowledged import first, so that however slow the
            # machine, half the kills land in a vault that has work to lose; the rest land anywhere.
            first = child.stdout.readline()
        time.sleep(rng.uniform(0.0, 0.35))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate(timeout=30)
        for line in (first + out).split("\n")[:-1]:  # the last piece may be a line the kill cut short
            done = json.loads(line)
            acknowledged[done["source"]] = done["incidents"]

        key_file = KeyFile.load(directory)
        torn += read_head(directory / "ledger", key_file.vault_id, key_file.public_key) is None
        vault_keys = Vault.open(directory, Passphrase(PASSPHRASE))
        try:
            audit = vault_keys.verify()
            assert audit.view_checked
            stored = sum(isinstance(record, SourceRecord) for record in vault_keys.view.records())
            unacknowledged = max(unacknowledged, stored - len(acknowledged))
            for source_id, incidents in acknowledged.items():
                assert vault_keys.show(source_id).id == source_id, f"kill {kill}: {source_id} lost"
                for incident_id in incidents:
                    assert vault_keys.incident(incident_id).source_id == source_id, (
                        f"kill {kill}: {incident_id}"
                    )
        finally:
            vault_keys.lock()

    assert len(acknowledged) >= KILLS // 2, "the child hardly ever got to import anything"
    cli = Cli(tmp_path / "cli")
    result = cli.run("--help")  # the CLI on the same vault, as a person would check it afterwards
    assert result.returncode == 0
    verified = cli.run("verify", "--json", "--vault", str(directory), check=True)
    assert json.loads(verified.stdout)["ok"]
    print(
        f"{KILLS} kills, {len(acknowledged)} acknowledged imports, {unacknowledged} stored but never "
        f"acknowledged (killed after the append), {torn} torn tails cut"
    )
