"""Fixtures of the vault tests; the helpers they use live in vaultkit.py."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from vaultkit import Cli, Vault, fast_vault, payloads


@pytest.fixture
def vault(tmp_path: Path) -> Vault:
    return Vault(tmp_path / "vault")


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


@pytest.fixture
def facade(tmp_path: Path) -> Iterator[Any]:
    vault = fast_vault(tmp_path / "vault")
    yield vault
    vault.lock()


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    return Cli(tmp_path)
