"""Fixtures of the desk tests; the helpers they use live in deskkit.py."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from deskkit import Desk


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    made = Desk(tmp_path)
    with made.client:
        yield made
    made.keeper.lock()


@pytest.fixture
def ready(desk: Desk) -> Desk:
    """Set up and unlocked, with the sample report imported."""
    assert desk.setup().status_code == 200
    desk.source_id = desk.paste()  # type: ignore[attr-defined]
    return desk


@pytest.fixture
def make_desk(tmp_path: Path) -> Callable[..., Desk]:
    def make(**options: Any) -> Desk:
        return Desk(tmp_path / f"d{len(list(tmp_path.iterdir()))}", **options)

    return make
