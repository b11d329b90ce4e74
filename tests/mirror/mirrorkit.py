"""Helpers for the mirror tests: real mirror processes on 127.0.0.1, real vault folders.

Vaults are made with ``KeyFile.create`` (Argon2id at the interactive cost: tests only) and
``Ledger.append_batch``, so these tests depend on the vault core and nothing above it. Every
payload carries a canary string, so a test can look for plaintext in any byte a mirror wrote.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from chronika.mirror.client import MirrorSync, SyncReport
from chronika.mirror.roster import Roster
from chronika.vault.keyfile import KeyFile
from chronika.vault.keys import INTERACTIVE_KDF, Keyring
from chronika.vault.ledger import Ledger
from chronika.vault.secret import Passphrase
from chronika.vault.segment import LEDGER_DIR, read_entries

PASSPHRASE = "correct horse battery staple"
REPO = Path(__file__).resolve().parents[2]
HOSTILE_SERVER = Path(__file__).with_name("hostile_server.py")


def canary(n: int) -> str:
    return f"CANARY-{n:07d}-QX"


class TestVault:
    """A vault folder made the way ``init`` makes one, with canary payloads appended in batches."""

    __test__ = False

    def __init__(self, root: Path) -> None:
        self.root = root
        self.key_file, self.keyring, self.phrase = KeyFile.create(
            root, Passphrase(PASSPHRASE), kdf=INTERACTIVE_KDF
        )
        self.phrase_text = self.phrase.reveal().decode()
        self.written = 0
        Ledger.create(root / LEDGER_DIR, self.keyring).close()

    @property
    def ledger_dir(self) -> Path:
        return self.root / LEDGER_DIR

    def append(self, batches: int = 1, per_batch: int = 10, size: int = 200) -> None:
        with Ledger.open(self.ledger_dir, self.keyring) as ledger:
            for _ in range(batches):
                payloads = []
                for _ in range(per_batch):
                    body = {"n": self.written, "text": canary(self.written) + " " + "x" * size}
                    payloads.append(json.dumps(body).encode())
                    self.written += 1
                ledger.append_batch(payloads)

    def head_root(self) -> tuple[int, bytes]:
        with Ledger.open(self.ledger_dir, self.keyring) as ledger:
            head = ledger.head
            assert head is not None
            return head.size, head.root

    def payloads(self) -> list[bytes]:
        return [entry.payload for entry in read_entries(self.ledger_dir, self.keyring.data_key)]

    def fresh_keyring(self) -> Keyring:
        return KeyFile.load(self.root).unlock(Passphrase(PASSPHRASE))

    def remember_recovery(self) -> None:
        from chronika.mirror.roster import remember_recovery

        remember_recovery(self.root, self.keyring, self.phrase)

    def add_mirror(self, url: str) -> None:
        """What ``mirror add`` does, in-process: remember the recovery access, name the mirror."""
        from chronika.mirror.connection import MirrorConnection

        roster = Roster.load(self.root, self.keyring)
        if roster.recovery is None:
            self.remember_recovery()
            roster = Roster.load(self.root, self.keyring)
        with MirrorConnection(url) as connection:
            info = connection.info()
        roster.add(connection.url, info.mirror_id)
        roster.save()

    def sync(self, url: str, *, patience: float = 5.0, **options: object) -> SyncReport:
        roster = Roster.load(self.root, self.keyring)
        record = roster.find(url)
        return MirrorSync(self.root, self.keyring, roster, record, patience=patience, **options).run()  # type: ignore[arg-type]


class MirrorProcess:
    """``chronika mirror serve`` (or the hostile test server) in a child process."""

    def __init__(
        self,
        data: Path,
        *,
        script: Path | None = None,
        extra: list[str] | None = None,
        full_cli: bool = False,
    ) -> None:
        self.data = data
        self.script = script
        self.full_cli = full_cli
        self.extra = extra or []
        self.port = 0
        self.url = ""
        self.process: subprocess.Popen[bytes] | None = None
        self.log = data.parent / f"{data.name}.log"

    def start(self, timeout: float = 15.0) -> MirrorProcess:
        if self.script is not None:
            command = [sys.executable, str(self.script), "--data", str(self.data), "--port", str(self.port)]
        else:
            # ``python -m chronika.mirror`` is the same command without the rest of the CLI to load.
            entry = ["chronika", "mirror"] if self.full_cli else ["chronika.mirror"]
            command = [sys.executable, "-m", *entry, "serve", "--data", str(self.data)]
            command += ["--port", str(self.port)]
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        log = self.log.open("ab")
        self.process = subprocess.Popen(
            [*command, *self.extra], stdout=subprocess.PIPE, stderr=log, env=env, cwd=REPO
        )
        log.close()
        assert self.process.stdout is not None
        deadline = time.monotonic() + timeout
        line = b""
        while not line.endswith(b"\n"):
            ready, _, _ = select.select([self.process.stdout], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                self.kill()
                raise RuntimeError(f"the mirror did not start: {self.log.read_text()}")
            chunk = os.read(self.process.stdout.fileno(), 1)
            if not chunk:
                raise RuntimeError(f"the mirror exited: {self.log.read_text()}")
            line += chunk
        self.url = line.decode().split(" at ", 1)[1].strip()
        self.port = int(self.url.rsplit(":", 1)[1])
        while time.monotonic() < deadline:  # readiness: the mirror answers its info endpoint
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(self.url + "/v1/mirror", timeout=1).status_code == 200:
                    return self
            time.sleep(0.05)
        raise RuntimeError("the mirror does not answer")

    def kill(self) -> None:
        """SIGKILL: no cleanup, no flush; what was not on disk is lost."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()
        if self.process is not None and self.process.stdout is not None:
            self.process.stdout.close()

    def restart(self) -> MirrorProcess:
        self.kill()
        return self.start()


def segment_bytes(root: Path) -> dict[str, bytes]:
    """Every segment of a ledger folder, by name."""
    return {path.name: path.read_bytes() for path in sorted(Path(root).glob("*.seg"))}


def mirror_ledger(mirror: MirrorProcess, vault: TestVault) -> Path:
    return mirror.data / "vaults" / vault.keyring.vault_id.hex() / LEDGER_DIR


def run_cli(*args: str, env: dict[str, str], timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "chronika", *args],
        check=False,
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=timeout,
        cwd=REPO,
        stdin=subprocess.DEVNULL,
    )


def copy_tree(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target
