"""Helpers for the desk tests (imported by name, so not in conftest.py, which pytest loads per folder).

A real desk app over a real vault folder in a temp dir (Argon2id at the test-only interactive cost).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from starlette.testclient import TestClient

from chronika.desk import DeskConfig, create_app
from chronika.desk.keeper import Keeper
from chronika.vault.keys import INTERACTIVE_KDF

PASSPHRASE = "correct horse battery staple"
BASE = "http://127.0.0.1:8765"
SAMPLE = Path(__file__).parents[2] / "src" / "chronika" / "samples" / "grozny-2014.txt"
_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


class Clock:
    """A clock the test moves by hand, for idle locking."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Desk:
    """The app, its keeper and a browser-like client (cookies kept, Host as the real server's)."""

    def __init__(self, root: Path, **options: Any) -> None:
        self.clock = Clock()
        self.config = DeskConfig(vault_dir=root / "vault", kdf=INTERACTIVE_KDF, **options)
        self.keeper = Keeper(self.config, clock=self.clock)
        self.app = create_app(self.config, self.keeper)
        self.client = TestClient(self.app, base_url=BASE, follow_redirects=False)

    def csrf(self, path: str = "/inbox") -> str:
        page = self.client.get(path)
        found = _CSRF.search(page.text)
        assert found, f"no CSRF token on {path} ({page.status_code})"
        return found.group(1)

    def post(
        self, path: str, data: dict[str, Any] | None = None, *, page: str = "/inbox", **kwargs: Any
    ) -> Any:
        return self.client.post(path, data={"csrf": self.csrf(page), **(data or {})}, **kwargs)

    def setup(self) -> Any:
        return self.post("/setup", {"passphrase": PASSPHRASE, "passphrase2": PASSPHRASE}, page="/setup")

    def paste(self, text: str | None = None, name: str = "grozny-2014.txt") -> str:
        response = self.post("/inbox/paste", {"text": text or SAMPLE.read_text(), "name": name})
        assert response.status_code == 303, response.text
        return str(response.headers["location"]).rsplit("/", 1)[-1]

    def incident_ids(self) -> list[str]:
        vault = self.keeper._vault
        assert vault is not None
        return [i.id for i in vault.list_incidents().incidents]
