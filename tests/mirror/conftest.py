"""Fixtures: vault folders made with the ledger core's API, and mirror processes stopped after each test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from mirrorkit import MirrorProcess, TestVault


@pytest.fixture
def make_vault(tmp_path: Path) -> Iterator[object]:
    made = iter(range(1000))

    def make(batches: int = 3, per_batch: int = 10, size: int = 200) -> TestVault:
        vault = TestVault(tmp_path / f"vault-{next(made)}")
        vault.append(batches, per_batch, size)
        return vault

    yield make


@pytest.fixture
def mirrors(tmp_path: Path) -> Iterator[object]:
    started: list[MirrorProcess] = []

    def start(name: str = "mirror", **options: object) -> MirrorProcess:
        process = MirrorProcess(tmp_path / name, **options).start()  # type: ignore[arg-type]
        started.append(process)
        return process

    yield start
    for process in started:
        process.stop()
