"""Mirror benchmark: push and restore 100,000 entries over loopback, 20 vaults syncing at once, mirror memory.

    .venv/bin/python benchmarks/mirror.py [--entries 100000] [--batch 1000] [--vaults 20] [--per-vault 5000]

The mirror is a real ``chronika mirror serve`` process on 127.0.0.1; the client is this process
(push, restore) or 20 ``chronika sync`` processes (concurrency). Payloads are ~1 KB JSON, appended
in batches as ``import`` does. Push is the whole ``sync`` of one mirror: scan of the local ledger,
head, audit, every append (the mirror checks CRCs, chains, signatures and roots as it stores),
final head, key file. Restore is the whole ``restore``: recovery lookup, download, full
``verify_ledger`` with decryption of every entry, key file rewrapped. The mirror's resident memory
is sampled from /proc every 100 ms throughout. Targets (issue 6): push <= 20 s, restore <= 30 s,
20 concurrent syncs without errors, memory flat while serving.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from chronika.mirror.client import MirrorSync
from chronika.mirror.connection import MirrorConnection
from chronika.mirror.restore import restore
from chronika.mirror.roster import Roster, remember_recovery
from chronika.vault.keyfile import KeyFile
from chronika.vault.keys import INTERACTIVE_KDF, MODERATE_KDF, KdfParams
from chronika.vault.ledger import Ledger
from chronika.vault.secret import Passphrase

PASSPHRASE = "benchmark passphrase"


def payloads(count: int, start: int = 0) -> list[bytes]:
    words = ("police", "detained", "the", "activist", "near", "court", "after", "hearing", "on", "charges")
    out = []
    for i in range(start, start + count):
        text = " ".join(words[(i * 7 + j * j) % len(words)] for j in range(150))
        out.append(json.dumps({"id": f"inc-{i:08d}", "status": "draft", "text": text}).encode())
    return out


def make_vault(root: Path, entries: int, batch: int, kdf: KdfParams) -> tuple[Path, object, object]:
    _, keyring, phrase = KeyFile.create(root, Passphrase(PASSPHRASE), kdf=kdf)
    with Ledger.create(root / "ledger", keyring) as ledger:
        for start in range(0, entries, batch):
            ledger.append_batch(payloads(min(batch, entries - start), start))
    remember_recovery(root, keyring, phrase)
    return root, keyring, phrase


def add_mirror(root: Path, keyring: object, url: str) -> None:
    roster = Roster.load(root, keyring)  # type: ignore[arg-type]
    with MirrorConnection(url) as connection:
        info = connection.info()
    roster.add(connection.url, info.mirror_id)
    roster.save()


class Mirror:
    def __init__(self, data: Path) -> None:
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "chronika",
                "mirror",
                "serve",
                "--data",
                str(data),
                "--port",
                "0",
                "--quiet",
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        self.url = self.process.stdout.readline().split(" at ", 1)[1].strip()
        self.samples: list[tuple[float, str, int]] = []
        self.phase = "idle"
        self._stop = False
        threading.Thread(target=self._sample, daemon=True).start()

    def rss_kib(self) -> int:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return 0

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def _sample(self) -> None:
        while not self._stop and self.process.poll() is None:
            self.samples.append((time.monotonic(), self.phase, self.rss_kib()))
            time.sleep(0.1)

    def stop(self) -> None:
        self._stop = True
        self.process.terminate()
        self.process.wait(10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=1_000)
    parser.add_argument("--vaults", type=int, default=20)
    parser.add_argument("--per-vault", type=int, default=5_000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="chronika-mirror-bench-") as tmp:
        root = Path(tmp)
        print(
            f"making a vault of {args.entries:,} entries (~1 KB, batches of {args.batch:,}) ...", flush=True
        )
        vault, keyring, phrase = make_vault(root / "vault", args.entries, args.batch, MODERATE_KDF)
        ledger_bytes = sum(p.stat().st_size for p in (vault / "ledger").glob("*.seg"))
        mirror = Mirror(root / "mirror")
        try:
            time.sleep(0.5)
            print(f"mirror RSS at rest: {mirror.rss_kib() / 1024:.1f} MiB")
            add_mirror(vault, keyring, mirror.url)
            roster = Roster.load(vault, keyring)  # type: ignore[arg-type]

            mirror.phase = "push"
            started = time.perf_counter()
            report = MirrorSync(vault, keyring, roster, roster.mirrors[0]).run()  # type: ignore[arg-type]
            push_s = time.perf_counter() - started
            assert report.ok, report.error
            print(
                f"push: {report.pushed_entries:,} entries, {ledger_bytes / 2**20:.1f} MiB in {push_s:.2f} s "
                f"({report.pushed_entries / push_s:,.0f} entries/s; target <= 20 s)",
                flush=True,
            )
            mirror.phase = "resync"
            started = time.perf_counter()
            again = MirrorSync(vault, keyring, roster, roster.mirrors[0]).run()  # type: ignore[arg-type]
            print(
                f"sync with nothing to send (scan, head, audit of {ledger_bytes / 2**20:.0f} MiB): "
                f"{time.perf_counter() - started:.2f} s"
            )
            assert again.ok and again.pushed_bytes == 0

            mirror.phase = "restore"
            started = time.perf_counter()
            restored = restore(mirror.url, phrase, root / "restored", Passphrase(PASSPHRASE))  # type: ignore[arg-type]
            restore_s = time.perf_counter() - started
            assert restored.root == report.root
            print(
                f"restore: {restored.entries:,} entries in {restore_s:.2f} s "
                f"({restored.entries / restore_s:,.0f} entries/s, verified and decrypted, Argon2id moderate "
                "rewrap included; target <= 30 s)",
                flush=True,
            )

            print(f"making {args.vaults} vaults of {args.per_vault:,} entries ...", flush=True)
            env_base = {**os.environ}
            passfile = root / "pass.txt"
            passfile.write_text(PASSPHRASE + "\n")
            vaults = []
            for i in range(args.vaults):
                path, ring, _ = make_vault(root / f"v{i}", args.per_vault, 250, INTERACTIVE_KDF)
                add_mirror(path, ring, mirror.url)
                vaults.append(path)
            mirror.phase = "concurrent"
            cpu_before = mirror.cpu_seconds()
            started = time.perf_counter()
            processes = [
                subprocess.Popen(
                    [sys.executable, "-m", "chronika", "sync", "--json"],
                    env={**env_base, "CHRONIKA_VAULT": str(path), "CHRONIKA_PASSPHRASE_FILE": str(passfile)},
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                )
                for path in vaults
            ]
            results = [process.communicate() for process in processes]
            concurrent_s = time.perf_counter() - started
            mirror_cpu = mirror.cpu_seconds() - cpu_before
            failures = [
                (i, err.strip())
                for i, (process, (_, err)) in enumerate(zip(processes, results, strict=True))
                if process.returncode != 0
            ]
            sent = sum(json.loads(out)[0]["pushed_entries"] for out, _ in results if out.strip())
            print(
                f"{args.vaults} vaults syncing at once: {sent:,} entries in {concurrent_s:.2f} s, "
                f"{len(failures)} errors; the mirror used {mirror_cpu:.1f} s of CPU, "
                f"the {args.vaults} client processes the rest" + (f": {failures[:3]}" if failures else ""),
                flush=True,
            )
            mirror.phase = "soak"
            rounds = []
            for i in range(3):  # memory flat: the same work again must not grow the mirror
                restore(mirror.url, phrase, root / f"again-{i}", Passphrase(PASSPHRASE))  # type: ignore[arg-type]
                rounds.append(mirror.rss_kib() / 1024)
            print(
                "mirror RSS after each of 3 more full restores (MiB): "
                + ", ".join(f"{r:.1f}" for r in rounds)
            )
            mirror.phase = "after"
            time.sleep(1.0)
        finally:
            mirror.stop()

        print("mirror RSS (MiB) by phase: min / max")
        phases: dict[str, list[int]] = {}
        for _, phase, rss in mirror.samples:
            phases.setdefault(phase, []).append(rss)
        for phase, values in phases.items():
            print(
                f"  {phase:<10} {min(values) / 1024:7.1f} / {max(values) / 1024:7.1f}"
                f"  ({len(values)} samples)"
            )


if __name__ == "__main__":
    main()
