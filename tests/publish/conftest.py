from __future__ import annotations

from collections.abc import Iterator

import pytest
from publish_scene import Scene, make_scene


@pytest.fixture(scope="session")
def scene(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scene]:
    yield from make_scene(tmp_path_factory)
