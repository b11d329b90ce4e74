"""Vault ledger benchmark: append, verify, Merkle root, unlock, against plain SQLite in the same run.

    .venv/bin/python benchmarks/ledger.py [--entries 100000] [--batch 1000]

Append is measured as ``import`` will use it: batches of ~1 KB JSON payloads, each batch encrypted,
chained, checkpointed, written and fsynced. The baseline inserts the same JSON into a plain SQLite
table with ``executemany`` in one transaction (default journal and synchronous settings), in the
same temporary directory, in the same run; a second baseline commits once per batch, which is the
same durability the ledger gives (every returned batch is on disk). Targets (issue 3):
append >= 20,000 entries/s and <= 3x SQLite; verify >= 50,000 entries/s; unlock 0.3-2 s.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import secrets
import sqlite3
import tempfile
import time
from pathlib import Path

from chronika.vault import merkle
from chronika.vault.keyfile import KeyFile
from chronika.vault.keys import MODERATE_KDF
from chronika.vault.ledger import Ledger
from chronika.vault.secret import Passphrase
from chronika.vault.segment import read_entries
from chronika.vault.verify import verify_ledger


def payloads(count: int) -> list[bytes]:
    """Incident-like JSON of about 1 KB each, all different."""
    words = ("police", "detained", "the", "activist", "near", "court", "after", "hearing", "on", "charges")
    out = []
    for i in range(count):
        text = " ".join(words[(i * 7 + j * j) % len(words)] for j in range(150))
        record = {"id": f"inc-{i:08d}", "status": "draft", "acts": ["arbitrary_detention"], "text": text}
        out.append(json.dumps(record).encode())
    return out


def best_of(runs: int, fn: object) -> float:
    assert callable(fn)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=1_000)
    parser.add_argument("--runs", type=int, default=3, help="repeat timed parts; the best run is reported")
    args = parser.parse_args()
    data = payloads(args.entries)
    batches = [data[i : i + args.batch] for i in range(0, len(data), args.batch)]
    size = sum(map(len, data))
    print(f"{args.entries:,} payloads of ~{size // args.entries} bytes, batches of {args.batch:,}")

    with tempfile.TemporaryDirectory(prefix="chronika-bench-") as tmp:
        root = Path(tmp)
        start = time.perf_counter()
        _, keyring, _ = KeyFile.create(root / "vault", Passphrase("benchmark passphrase"), kdf=MODERATE_KDF)
        create_s = time.perf_counter() - start
        unlock_s = best_of(
            args.runs, lambda: KeyFile.load(root / "vault").unlock(Passphrase("benchmark passphrase"))
        )

        counter = iter(range(1_000_000))

        def append_all() -> None:
            with Ledger.create(root / "vault" / f"ledger-{next(counter)}", keyring) as ledger:
                for batch in batches:
                    ledger.append_batch(batch)

        def sqlite_one_transaction() -> None:
            con = sqlite3.connect(root / f"plain-{next(counter)}.db")
            con.execute("CREATE TABLE entry (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")
            with con:
                con.executemany("INSERT INTO entry (body) VALUES (?)", [(p.decode(),) for p in data])
            con.close()

        def sqlite_per_batch() -> None:
            con = sqlite3.connect(root / f"plain-{next(counter)}.db")
            con.execute("CREATE TABLE entry (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")
            for batch in batches:
                with con:
                    con.executemany("INSERT INTO entry (body) VALUES (?)", [(p.decode(),) for p in batch])
            con.close()

        append_s = best_of(args.runs, append_all)
        sqlite_s = best_of(args.runs, sqlite_one_transaction)
        sqlite_batch_s = best_of(args.runs, sqlite_per_batch)
        ledger_dir = root / "vault" / "ledger-0"
        keys = {keyring.device_id: keyring.public_key}

        def verify(with_key: bool) -> None:
            report = verify_ledger(
                ledger_dir,
                vault_id=keyring.vault_id,
                public_keys=keys,
                data_key=keyring.data_key if with_key else None,
            )
            report.raise_for_problem()

        verify_keyless_s = best_of(args.runs, lambda: verify(False))
        verify_s = best_of(args.runs, lambda: verify(True))
        read_s = best_of(args.runs, lambda: sum(1 for _ in read_entries(ledger_dir, keyring.data_key)))
        ledger_bytes = sum(p.stat().st_size for p in ledger_dir.iterdir())

    leaves = [secrets.token_bytes(32) for _ in range(1_000_000)]
    leaf_s = best_of(args.runs, lambda: [hashlib.sha256(b"\x00" + leaf).digest() for leaf in leaves])
    hashes = [merkle.leaf_hash(leaf) for leaf in leaves]
    root_s = best_of(args.runs, lambda: merkle.root(hashes))

    n = args.entries
    rate = n / append_s
    print(f"key file create (Argon2id moderate)  {create_s:8.3f} s")
    print(f"unlock (Argon2id moderate)           {unlock_s:8.3f} s   target 0.3-2 s")
    print(f"append, batched                      {rate:10,.0f} entries/s   target >= 20,000")
    print(f"plain SQLite, one transaction        {n / sqlite_s:10,.0f} rows/s")
    print(f"append time / SQLite time            {append_s / sqlite_s:8.2f} x   target <= 3")
    print(f"plain SQLite, a commit per batch     {n / sqlite_batch_s:10,.0f} rows/s  (same durability)")
    print(f"verify (keys only)                   {n / verify_keyless_s:10,.0f} entries/s")
    print(f"verify (+ decrypt every payload)     {n / verify_s:10,.0f} entries/s   target >= 50,000")
    print(f"read (decrypt, chain check)          {n / read_s:10,.0f} entries/s")
    print(f"ledger size / payload size           {ledger_bytes / size:8.3f}")
    print(f"Merkle root of 1M leaf hashes        {root_s:8.3f} s  (+ {leaf_s:.3f} s hashing 1M leaves)")


if __name__ == "__main__":
    main()
