"""Helpers for the vault tests (imported by name, so not in conftest.py, which pytest loads once per folder).

Real vault folders in temp dirs, with fresh random keys; Argon2id at the interactive cost (tests only).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from chronika.vault.keyfile import KeyFile
from chronika.vault.keys import INTERACTIVE_KDF
from chronika.vault.ledger import Ledger
from chronika.vault.secret import Passphrase

PASSPHRASE = "correct horse battery staple"
DURESS = "they made me type this"


class Vault:
    """A vault folder made the way ``init`` will make it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.key_file, self.keyring, self.phrase = KeyFile.create(
            root, Passphrase(PASSPHRASE), duress_passphrase=Passphrase(DURESS), kdf=INTERACTIVE_KDF
        )
        self.ledger_dir = root / "ledger"
        Ledger.create(self.ledger_dir, self.keyring).close()

    @property
    def public_keys(self) -> dict[bytes, bytes]:
        return {self.keyring.device_id: self.keyring.public_key}

    def open(self, **options: int) -> Ledger:
        return Ledger.open(self.ledger_dir, self.keyring, **options)

    def segments(self) -> list[Path]:
        return sorted(self.ledger_dir.glob("*.seg"))


def payloads(count: int, start: int = 0, size: int = 200) -> list[bytes]:
    return [json.dumps({"n": start + i, "text": "x" * size}).encode() for i in range(count)]


# -- the vault facade and the CLI ------------------------------------------------------------------

REPORTS = {
    "kazan.txt": (
        "KAZAN, 14 May 2019 - Police detained the lawyer Anna Petrova outside the court in Kazan on "
        "12 May 2019. She was held overnight and beaten by officers before her release.\n\n"
        "On 13 May 2019, unknown men threatened her colleague Oleg Smirnov by phone."
    ),
    "grozny.txt": (
        "GROZNY, 20 March 2016 - Armed men set fire to the office of the Committee Against Torture in "
        "Grozny on 16 March 2016. Two days later police searched the flat of its head, Igor Kalyapin, "
        "and seized his laptop."
    ),
    "minsk.txt": (
        "MINSK, 9 August 2020 - Riot police beat and detained the journalist Maria Ivanova during a "
        "protest in Minsk on 9 August 2020. Her camera was confiscated."
    ),
}


def fast_vault(root: Path) -> Any:
    """A facade vault made as ``init`` makes it, with the test-only Argon2id cost."""
    from chronika.vault.vault import Vault as Facade

    facade, _ = Facade.init(root, Passphrase(PASSPHRASE), Passphrase(DURESS), kdf=INTERACTIVE_KDF)
    return facade


def write_reports(folder: Path, reports: dict[str, str] | None = None) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in (reports or REPORTS).items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


class Cli:
    """The real ``chronika`` command, in a subprocess, with its own HOME, TMPDIR and vault."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.vault_dir = root / "vault"
        self.tmp = root / "tmp"
        self.home = root / "home"
        for folder in (self.tmp, self.home):
            folder.mkdir(parents=True, exist_ok=True)
        self.secrets = root / "secrets"
        self.secrets.mkdir(mode=0o700, exist_ok=True)
        self.passphrase_file = self.secrets / "passphrase"
        self.passphrase_file.write_text(PASSPHRASE + "\n")
        self.env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith("CHRONIKA_") and key not in ("TMPDIR", "HOME")
        }
        self.env.update(
            CHRONIKA_PASSPHRASE_FILE=str(self.passphrase_file),
            CHRONIKA_VAULT=str(self.vault_dir),
            CHRONIKA_TEST_FAST_KDF="1",
            TMPDIR=str(self.tmp),
            HOME=str(self.home),
            XDG_DATA_HOME=str(self.home / "data"),
            XDG_CACHE_HOME=str(self.home / "cache"),
            XDG_CONFIG_HOME=str(self.home / "config"),
        )

    def clone(self, root: Path) -> Cli:
        """The same vault and secrets under ``root``, with a fresh HOME and TMPDIR."""
        twin = Cli(root)
        shutil.copytree(self.vault_dir, twin.vault_dir)
        shutil.copytree(self.secrets, twin.secrets, dirs_exist_ok=True)
        return twin

    def secret_file(self, name: str, text: str) -> str:
        path = self.secrets / name
        path.write_text(text + "\n")
        return str(path)

    def run(
        self, *args: str, env: dict[str, str] | None = None, stdin: str = "", check: bool = False
    ) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [sys.executable, "-m", "chronika", *args],
            input=stdin,
            capture_output=True,
            text=True,
            env={**self.env, **(env or {})},
            timeout=120,
            check=False,
        )
        if check:
            assert result.returncode == 0, result.stderr
        return result

    def json(self, *args: str, env: dict[str, str] | None = None) -> Any:
        result = self.run(*args, "--json", env=env, check=True)
        return json.loads(result.stdout)
