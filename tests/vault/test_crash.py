"""Crash safety with real processes: SIGKILL an appending process at random moments, 50 times.

After every kill the ledger opens (cutting any torn tail), verifies, and holds every batch whose
``append_batch`` had returned: the child prints the acknowledged tree size right after each return.
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

from vaultkit import Vault

from chronika.vault.segment import read_entries
from chronika.vault.verify import verify_ledger

KILLS = 50

CHILD = textwrap.dedent(
    """
    import json, random, sys
    from pathlib import Path
    from chronika.vault.keys import Keyring
    from chronika.vault.ledger import Ledger
    from chronika.vault.secret import DataKey, SigningSeed

    spec = json.loads(sys.argv[1])
    keyring = Keyring(bytes.fromhex(spec["vault"]), bytes.fromhex(spec["device"]),
                      DataKey(bytes.fromhex(spec["key"])), SigningSeed(bytes.fromhex(spec["seed"])))
    ledger = Ledger.open(Path(spec["dir"]), keyring, segment_limit=spec["segment_limit"])
    rng = random.Random()
    print("ready", ledger.size, flush=True)
    n = ledger.size
    for _ in range(spec["batches"]):
        # Mostly small batches (user actions), some large ones (imports) whose multi-page write a
        # kill can cut in the middle.
        batch = [json.dumps({"n": n + i, "pad": "p" * rng.randrange(200)}).encode()
                 for i in range(rng.choice((rng.randrange(1, 25), rng.randrange(100, 800))))]
        n = ledger.append_batch(batch).size
        sys.stdout.write(f"acked {n}\\n")
        sys.stdout.flush()
    """
)


def test_sigkill_at_random_moments_loses_no_acknowledged_batch(vault: Vault) -> None:
    keyring = vault.keyring
    spec = {
        "vault": keyring.vault_id.hex(),
        "device": keyring.device_id.hex(),
        "key": keyring.data_key.reveal().hex(),
        "seed": keyring.signing_seed.reveal().hex(),
        "dir": str(vault.ledger_dir),
        "segment_limit": 256 * 1024,  # several segment rolls happen under fire too
        "batches": 60,
    }
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    acknowledged = 0
    repairs = 0
    started = time.monotonic()
    for kill in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, json.dumps(spec)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        ready = child.stdout.readline().split()
        assert ready and ready[0] == "ready", child.stderr.read() if child.stderr else ""
        assert int(ready[1]) >= acknowledged, (
            f"kill {kill}: opened with {ready[1]} < {acknowledged} acknowledged"
        )
        time.sleep(rng.uniform(0, 0.05))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate(timeout=30)
        complete_lines = out.split("\n")[:-1]  # a line cut by the kill was never fully acknowledged
        acks = [int(line.split()[1]) for line in complete_lines if line.startswith("acked ")]
        acknowledged = max([acknowledged, *acks])

        report = verify_ledger(vault.ledger_dir, vault_id=keyring.vault_id, public_keys=vault.public_keys)
        if not report.ok:  # a torn tail: only what open cuts may be wrong
            with vault.open() as ledger:
                assert ledger.repaired is not None, report.problem
                repairs += 1
            report = verify_ledger(vault.ledger_dir, vault_id=keyring.vault_id, public_keys=vault.public_keys)
        assert report.ok, f"kill {kill}: {report.problem}"
        assert report.entries >= acknowledged, f"kill {kill}: {report.entries} < {acknowledged} acknowledged"

    entries = list(read_entries(vault.ledger_dir, keyring.data_key))
    assert [json.loads(e.payload)["n"] for e in entries] == list(range(len(entries)))
    assert len(entries) >= acknowledged > 0
    final = verify_ledger(
        vault.ledger_dir, vault_id=keyring.vault_id, public_keys=vault.public_keys, data_key=keyring.data_key
    )
    assert final.ok, final.problem
    assert time.monotonic() - started < 90
    print(f"{KILLS} kills, {acknowledged} acknowledged entries, {repairs} torn tails repaired")
