"""Real vault folders in temp dirs, with fresh random keys; Argon2id at the interactive cost (tests only)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

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


@pytest.fixture
def vault(tmp_path: Path) -> Vault:
    return Vault(tmp_path / "vault")


def payloads(count: int, start: int = 0, size: int = 200) -> list[bytes]:
    return [json.dumps({"n": start + i, "text": "x" * size}).encode() for i in range(count)]


@pytest.fixture
def filled(vault: Vault) -> Iterator[Vault]:
    """A vault with 5 batches (63 entries) of small payloads in several segments."""
    with vault.open(segment_limit=4096) as ledger:
        start = 0
        for size in (1, 2, 10, 20, 30):
            ledger.append_batch(payloads(size, start))
            start += size
    yield vault


@pytest.fixture
def make_payloads() -> Callable[..., list[bytes]]:
    return payloads
