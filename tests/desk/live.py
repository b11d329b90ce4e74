"""A real ``chronika serve`` on 127.0.0.1 for the browser and schemathesis tests, and a way to set it up.

The server is a subprocess (``sys.executable -m chronika serve``) on a free port, with the test-only
Argon2id cost, its own HOME and TMPDIR inside the test's folder, and no CHRONIKA_ variable from the
environment. :func:`prepare` walks the first-run pages over HTTP as a browser would (CSRF token,
session cookie), then makes an API token on the settings page.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

PASSPHRASE = "correct horse battery staple"
_CSRF = re.compile(r'name="csrf" value="([^"]+)"')
_TOKEN = re.compile(r'<code id="new-token">([^<]+)</code>')


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """``chronika serve`` on a free port over ``folder/vault``; yields its URL, stops it after."""
    port = free_port()
    env = {key: value for key, value in os.environ.items() if not key.startswith("CHRONIKA_")}
    env.update(CHRONIKA_TEST_FAST_KDF="1", HOME=str(folder / "home"), TMPDIR=str(folder))
    process = subprocess.Popen(
        [sys.executable, "-m", "chronika", "serve", "--vault", str(folder / "vault"), "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            urllib.request.urlopen(url + "/static/desk.css", timeout=1).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError(f"chronika serve did not start: {process.communicate()[1]}") from None
            time.sleep(0.1)
    try:
        yield url
    finally:
        process.terminate()
        try:
            out, _ = process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            out, _ = process.communicate()
    assert f"Chronika desk: {url}/" in out


def _csrf(client: httpx.Client, path: str) -> str:
    page = client.get(path)
    found = _CSRF.search(page.text)
    assert found, f"no CSRF token on {path} ({page.status_code})"
    return found.group(1)


def prepare(url: str) -> str:
    """First-run setup through the pages, then a new API token (returned) from the settings page."""
    with httpx.Client(base_url=url, follow_redirects=False, timeout=30) as client:
        made = client.post(
            "/setup",
            data={"csrf": _csrf(client, "/setup"), "passphrase": PASSPHRASE, "passphrase2": PASSPHRASE},
        )
        assert made.status_code == 200, made.text
        page = client.post("/settings/tokens", data={"csrf": _csrf(client, "/settings"), "label": "tests"})
        found = _TOKEN.search(page.text)
        assert found, page.text
        return found.group(1)
